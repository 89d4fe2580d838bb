"""Split a paragraph into sentences (a plain rule-based split; alignment will refine it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence, per language, lower-cased, without
# the dot. Numbers and initials are handled by the pattern itself.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e",
                     "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "inc", "co"}),
    "es": frozenset({"n.º", "nº", "núm", "sr", "sra", "dr", "dra", "etc", "aprox", "art",
                     "pág", "ud", "uds", "vol"}),
    "sv": frozenset({"bl.a", "t.ex", "nr", "ca", "kl", "s.k", "resp", "m.m", "o.s.v", "dvs",
                     "jfr", "fr.o.m", "t.o.m"}),
    "nb": frozenset({"nr", "f.eks", "bl.a", "ca", "kl", "mht", "osv", "dvs", "jf", "ev",
                     "pr", "st"}),
    "ru": frozenset({"г", "гг", "т.е", "т. е", "т.д", "т.п", "др", "им", "ул", "млн", "млрд",
                     "трлн", "тыс", "долл", "руб", "см", "стр", "п", "ст", "н.э", "т"}),
}
_CANDIDATE_END = re.compile(r"(?<=[.!?…])[\"'»”’)]*\s+(?=[\"'«“‘(\[]?[\w\d])")
_WORD_BEFORE_DOT = re.compile(r"(\S+)\.[\"'»”’)]*\s*$")


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as character offsets into the text it came from."""

    start: int
    end: int


def split_sentences(text: str, language: str, offset: int = 0) -> list[SentenceSpan]:
    """Sentence spans of one paragraph, shifted by `offset` into the enclosing text."""
    abbreviations = ABBREVIATIONS.get(language, frozenset())
    spans: list[SentenceSpan] = []
    start = 0
    for match in _CANDIDATE_END.finditer(text):
        head = text[start : match.start()]
        if _ends_with_abbreviation(head, abbreviations):
            continue
        following = text[match.end() : match.end() + 1]
        if head.endswith(".") and following.islower():
            continue
        spans.append(_trimmed(text, start, match.start(), offset))
        start = match.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text), offset))
    return spans


def _ends_with_abbreviation(head: str, abbreviations: frozenset[str]) -> bool:
    if not head.endswith("."):
        return False
    match = _WORD_BEFORE_DOT.search(head)
    if match is None:
        return False
    word = match.group(1).lower().lstrip("(\"'«“")
    if len(word) == 1 and word.isalpha():  # an initial: "A. Son"
        return True
    return word in abbreviations


def _trimmed(text: str, start: int, end: int, offset: int) -> SentenceSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return SentenceSpan(start + offset, end + offset)
