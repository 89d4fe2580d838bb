"""Document statistics a reader cares about: words, characters, reading time."""

from __future__ import annotations

import math
import re

# Silent reading speed of adults, words per minute (Brysbaert 2019 meta-analysis, non-fiction).
WORDS_PER_MINUTE = 238


# A whitespace-separated token without a letter or digit ("—", "...", "|").
_NOT_A_WORD = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


def count_words(text: str) -> int:
    """Whitespace-separated tokens that hold at least one letter or digit."""
    return len(text.split()) - len(_NOT_A_WORD.findall(text))


def count_characters(text: str) -> int:
    """Characters of the text, line breaks between paragraphs not counted."""
    return len(text) - text.count("\n")


def reading_minutes(words: int) -> int:
    """Estimated minutes to read that many words, at least one for any text."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0
