"""Text analysis: pure functions over strings and dataclasses (no widgets, no SQL)."""
