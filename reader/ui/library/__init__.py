"""The library pane: the article list, its model, and the search box above it."""
