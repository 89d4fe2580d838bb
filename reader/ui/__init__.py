"""The window: panes, models and the wiring between them (the only package that imports widgets)."""
