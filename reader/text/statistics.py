"""Document statistics a reader cares about: words, characters, reading time."""

from __future__ import annotations

import math

# Silent reading speed of adults, words per minute (Brysbaert 2019 meta-analysis, non-fiction).
WORDS_PER_MINUTE = 238


def count_words(text: str) -> int:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def count_characters(text: str) -> int:
    """Characters of the text, line breaks between paragraphs not counted."""
    return sum(1 for c in text if c != "\n")


def reading_minutes(words: int) -> int:
    """Estimated minutes to read that many words, at least one for any text."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
