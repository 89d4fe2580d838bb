"""Split a paragraph into sentences with a few rules and short per-language abbreviation lists.

A sentence ends at ".", "!", "?", "…" or "..." (closing quotes and brackets after the mark stay
with it) followed by white space and a word that can open a sentence. What does not end one:

- a mark not followed by white space, so numbers never split ("1.299", "6,52", "12.º");
- a lower-case word next ("etc. and", "inundaciones... a partir", "2024 гг.) достигли");
- after a full stop: an abbreviation that is never last in a sentence ("bl.a.", "f.eks.",
  "т. е.", "Dr."), one that only stands before a number when a number follows ("No. 18",
  "Nr. 5"), an initial before a capital ("A. Son", "Н. В. Гоголь"), "г." naming a town rather
  than ending a year ("г. Москва" but "в 2024 г. Потом" ends), "долл. США", and a day before a
  month name written the CLDR way ("3. Oktober").

An ellipsis followed by a capitalised word ends its sentence; reports often end a list with one.
Qt's QTextBoundaryFinder (Unicode sentence rules) gave the same boundaries on the seeds before
abbreviations; it splits after "No. 18" and "г. Москва" too, so these rules would be needed
either way, and this module stays free of Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# Abbreviations never last in a sentence: titles, "that is", "for example", "among others".
# Lower-case, without the final dot; a space inside joins two tokens ("т. е").
_ALWAYS_COMMON = frozenset({"dr", "prof"})
ALWAYS_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"mr", "mrs", "ms", "st", "mt", "gen", "col", "lt", "sgt", "capt", "gov",
                     "sen", "rep", "rev", "hon", "e.g", "i.e", "vs", "cf", "viz"}),
    "es": frozenset({"sr", "sra", "srta", "dra", "dña", "lic", "ing", "excmo", "excma", "ilmo",
                     "sto", "sta", "gral", "av", "avda", "p. ej", "p.ej", "vid"}),
    "sv": frozenset({"bl.a", "t.ex", "t.o.m", "fr.o.m", "d.v.s", "dvs", "s.k", "p.g.a", "pga",
                     "enl", "jfr", "ang", "inkl", "exkl", "f.d", "resp"}),
    "nb": frozenset({"bl.a", "f.eks", "feks", "d.v.s", "dvs", "jf", "p.g.a", "pga", "ifm",
                     "iht", "mht", "ang", "inkl", "ekskl", "evt", "hhv", "vedr", "f.o.m",
                     "t.o.m"}),
    "ru": frozenset({"т.е", "т. е", "т.к", "т. к", "т.н", "т. н", "им", "ул", "пр-т", "пл",
                     "обл", "напр", "см", "ср", "акад", "проф", "ген", "г-н", "г-жа", "пос",
                     "д", "кв", "тов"}),
}
# Abbreviations that stand before a number: they end nothing when a number follows.
_BEFORE_NUMBER_COMMON = frozenset({"no", "nos", "nr", "nº", "art", "vol", "ca"})
# Abbreviations that are also words ("the answer was no. 5 people came"): only capitalised.
_WORDS_TOO = frozenset({"no", "nos"})
BEFORE_NUMBER_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"p", "pp", "fig", "ch", "sec", "approx", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel"}),
    "es": frozenset({"núm", "nro", "pág", "págs", "cap", "fig", "tel", "aprox", "n"}),
    "sv": frozenset({"kl", "s", "kap", "tel", "st", "ca"}),
    "nb": frozenset({"kl", "s", "kap", "tlf", "st", "ca", "nr"}),
    "ru": frozenset({"стр", "рис", "с", "п", "ч", "ст", "гл", "табл", "тел", "вып", "т"}),
}
# Abbreviations that end a sentence when they follow a number and otherwise never do:
# "в 2024 г. Потом" ends, "в г. Москве" does not.
AFTER_NUMBER_ONLY: dict[str, frozenset[str]] = {"ru": frozenset({"г", "гг"})}
# An abbreviation before these words is part of a name: "долл. США".
BEFORE_WORDS: dict[str, dict[str, frozenset[str]]] = {"ru": {"долл": frozenset({"сша"})}}

# A mark starts where its run of marks starts and takes all of it (possessive), so a long run
# of full stops ("......") is tried once, not once from each of its characters.
# (What a mark starts with is looked at first: the engine then skips ahead to the next one
# instead of trying the look-behinds at every character.)
_SENTENCE_MARK = re.compile(
    r"(?=[.!?…。！？])"
    r"(?P<mark>(?<![.!?…])(?:\.{2,}+|[.!?…]++)|(?<![。！？])[。！？]++)"
    r"(?P<close>[\"'»”’)\]]*)(?P<gap>\s+|(?<=[。！？])(?=\S))"
)
_OPENERS = "\"'«“„‘([¿¡—–"
_NUMBER = re.compile(r"^[\d.,/–-]*\d[\d.,/–-]*$")
_TOKEN_STRIP = "\"'«“„‘(["
# Characters before a full stop the abbreviation rules look at (two words, a number and "г.").
_TAIL_CHARS = 80
# Starts a word cut by that window: no abbreviation, initial or number starts with it.
_CUT = "\ufffe"


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence as character offsets into the text it came from."""

    start: int
    end: int

    def __reduce__(self) -> tuple[type[SentenceSpan], tuple[int, int]]:
        """Pickled as its two offsets (an import's workers send tens of them a file)."""
        return SentenceSpan, (self.start, self.end)


def split_sentences(text: str, language: str, offset: int = 0) -> list[SentenceSpan]:
    """Sentence spans of one paragraph, shifted by `offset` into the enclosing text."""
    spans: list[SentenceSpan] = []
    start = 0
    for match in _SENTENCE_MARK.finditer(text):
        end = match.end("close")
        if _ends_sentence(text, match, language):
            span = _trimmed(text, start, end, offset)
            if span.end > span.start:
                spans.append(span)
            start = end
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text), offset))
    return spans


def _ends_sentence(text: str, match: re.Match[str], language: str) -> bool:
    following = _first_word(text, match.end())
    if not following:
        return True  # the paragraph ends here
    first = following[0]
    if first.islower():
        return False
    mark = match.group("mark")
    if mark != ".":
        return True  # "!", "?", an ellipsis or a CJK mark before a capital or a digit
    return not _is_abbreviation(_tail(text, match.start()), following, language)


def _tail(text: str, end: int) -> str:
    """The last words before `end`: enough for any abbreviation rule, and a bounded amount,
    so a paragraph splits in time linear in its length (the whole head made it quadratic).

    A word the window cuts keeps a mark at its start, so that its last letters are never
    taken for an abbreviation or an initial of their own.
    """
    start = max(0, end - _TAIL_CHARS)
    tail = text[start:end]
    if start > 0 and not text[start - 1].isspace() and tail[:1] and not tail[0].isspace():
        tail = _CUT + tail
    return tail


def _first_word(text: str, position: int) -> str:
    """The word after `position`, past white space and opening quotes or brackets."""
    rest = text[position : position + 40].lstrip().lstrip(_OPENERS).lstrip()
    return rest.split(maxsplit=1)[0] if rest else ""


def _is_abbreviation(head: str, following: str, language: str) -> bool:
    """Whether the full stop at the end of `head` belongs to an abbreviation or an initial."""
    tokens = head.split()
    if not tokens:
        return False
    token = tokens[-1].lstrip(_TOKEN_STRIP)
    word = token.lower()
    pair = f"{tokens[-2].lstrip(_TOKEN_STRIP).lower()} {word}" if len(tokens) > 1 else ""
    always = _ALWAYS_COMMON | ALWAYS_ABBREVIATIONS.get(language, frozenset())
    if word in always or pair in always:
        return True
    if following[0].isdigit():
        before_number = _BEFORE_NUMBER_COMMON | BEFORE_NUMBER_ABBREVIATIONS.get(
            language, frozenset()
        )
        if word in before_number and not (word in _WORDS_TOO and token.islower()):
            return True
    if word in AFTER_NUMBER_ONLY.get(language, frozenset()):
        return not (len(tokens) > 1 and _NUMBER.match(tokens[-2]))
    name_words = BEFORE_WORDS.get(language, {}).get(word)
    if name_words and following.rstrip(".,;:").lower() in name_words:
        return True
    if len(token) == 1 and token.isupper():
        return True  # an initial: "A. Son"
    if token.isdigit() and len(token) <= 2:
        return following.rstrip(".,;:").lower() in _month_names(language)
    return False


@cache
def _month_names(language: str) -> frozenset[str]:
    """Month names of the language, lower-case, from CLDR (wide and abbreviated forms)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    names: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            months = locale.months[context][width].values()
            names.update(name.lower().rstrip(".") for name in months)
    return frozenset(names)


def _trimmed(text: str, start: int, end: int, offset: int) -> SentenceSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return SentenceSpan(start + offset, end + offset)
