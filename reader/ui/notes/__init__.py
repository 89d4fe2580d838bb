"""Highlights, notes, bookmarks and stars: panels, models, commands and files."""
