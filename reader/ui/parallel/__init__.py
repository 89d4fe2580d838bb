"""The parallel pane: aligned text in columns, its model, view and highlight layer."""
