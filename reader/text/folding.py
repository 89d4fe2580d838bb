"""Folding text for search: one character for one, without case or diacritics.

`fold` writes every character as exactly one character, so an offset in folded text is the
same offset in the original: what a search finds in folded text can be shown and highlighted
in the text the reader sees. Folding lowers case and drops diacritics ("Đắk Lắk" → "dak lak",
"ё" → "е"), but keeps the letters a language counts as its own and users type as such ("й").

A query is folded the same way and split into terms: words, and "double-quoted phrases".
`fts_match_expression` writes them as an SQLite FTS5 query that no input can break (every
word is a quoted string; operators, column filters and stray quotes lose their meaning), and
`find_spans` finds the terms in folded text, for snippets and highlights.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

# Letters that do not decompose into a base letter and a mark, folded by hand.
_SPECIAL = {
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
    "ı": "i", "İ": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ƀ": "b", "ɨ": "i",
    "ß": "ß", "ẞ": "ß",
}
# Letters that decompose but are letters of their own to their readers; kept (lower case).
_KEPT = {"й": "й", "Й": "й", "ў": "ў", "Ў": "ў"}
# Latin (with Vietnamese), Greek and Cyrillic: the table is built for these at once.
_BLOCKS = ((0x0000, 0x0250), (0x0370, 0x0500), (0x1E00, 0x1F00))


def _fold_char(char: str) -> str:
    """The one character a character folds to."""
    if char in _KEPT:
        return _KEPT[char]
    if char in _SPECIAL:
        return _SPECIAL[char]
    lower = char.lower()
    if len(lower) != 1:
        lower = _strip_marks(lower)
        if len(lower) != 1:
            return char
    bare = _strip_marks(lower)
    return bare if len(bare) == 1 else lower


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict[int, str]):
    """A `str.translate` table: the scripts of the news at once, other characters when met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_table: _FoldTable | None = None


def _fold_table() -> _FoldTable:
    global _table
    if _table is None:
        table = _FoldTable()
        for first, end in _BLOCKS:
            for code in range(first, end):
                table[code] = _fold_char(chr(code))
        _table = table
    return _table


# Characters whose folding is not the folding of their lower case (or whose folding folds
# again, or whose lower case depends on the next letter: Σ at a word's end is ς): a text that
# holds one is folded character by character through the table.
_ODD = frozenset("\u0130\u0197\u0243\u01fe\u01ff\u03a3")
_changing: re.Pattern[str] | None = None


def _changing_pattern() -> re.Pattern[str]:
    """A character that folding may change: any but ASCII and the plain lower-case Cyrillic
    and Greek letters (a small class: compiling a class of every letter that folds to another
    took 7–18 ms, at the first search)."""
    global _changing
    if _changing is None:
        _changing = re.compile("[^\\x00-\\x7f\\u0430-\\u044f\\u03b1-\\u03c9]")
    return _changing


def fold(text: str) -> str:
    """The text in lower case without diacritics, one character for each of the original's.

    The same as translating each character through the table, two to four times faster on
    the news' languages: the text is lowered at once (str.lower: one character for one but
    for the characters of _ODD), then each distinct lowered character that folds to another
    is replaced (folding then changes nothing more: but for _ODD, a folded character folds
    to itself).
    """
    if text.isascii():
        return text.lower()  # what the table gives every ASCII character, many times faster
    table = _fold_table()
    found = set(_changing_pattern().findall(text))
    if len(found) > 48 or not _ODD.isdisjoint(found):  # another script, or an odd letter
        return text.translate(table)
    lowered = text.lower()
    for char in found:
        low = char.lower()
        folded = table[ord(low)]
        if folded != low:
            lowered = lowered.replace(low, folded)
    return lowered


class Term(NamedTuple):
    """A word or a phrase of a query, folded; `prefix`: its last word may go on (as you type)."""

    words: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False


# The shortest last word that is searched for as the beginning of words.
MIN_PREFIX = 2
# A query is read up to this many characters and this many words: a pasted page would make
# the index intersect (and every shown text highlight) hundreds of terms; these many words
# already find one passage.
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 32
# A word is a run of letters and digits; the underscore separates, as in the index.
_WORD = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r'"([^"]*)("?)')


def query_terms(query: str) -> list[Term]:
    """The words and quoted phrases of a query, folded; the last word of an unquoted query
    (or of a phrase whose closing quote is still to come) counts as a prefix when the query
    ends in it and it has two letters or more.

    Only the first MAX_QUERY_CHARS characters and MAX_QUERY_WORDS words count, so that any
    query is searched for in bounded time; a query cut short ends in no prefix.
    """
    folded = fold(query[:MAX_QUERY_CHARS])
    terms: list[Term] = []
    position = 0
    open_phrase = False
    for match in _QUOTED.finditer(folded):
        terms.extend(Term((word,)) for word in _WORD.findall(folded, position, match.start()))
        words = tuple(_WORD.findall(match.group(1)))
        if words:
            terms.append(Term(words, phrase=True))
        open_phrase = not match.group(2)
        position = match.end()
    terms.extend(Term((word,)) for word in _WORD.findall(folded, position))
    if sum(len(term.words) for term in terms) > MAX_QUERY_WORDS:
        return _first_words(terms, MAX_QUERY_WORDS)
    if len(query) > MAX_QUERY_CHARS or not terms:
        return terms
    last = terms[-1]
    # Still typing: the query ends in a letter of the last word (not in a space or a quote).
    # One letter is not yet a prefix: it would match nearly every document, slowly.
    typing = (not last.phrase or open_phrase) and _WORD.fullmatch(folded[-1]) is not None
    if typing and len(last.words[-1]) >= MIN_PREFIX:
        terms[-1] = Term(last.words, last.phrase, prefix=True)
    return terms


def _first_words(terms: Sequence[Term], count: int) -> list[Term]:
    """The terms that hold the first `count` words (a phrase cut at the last of them)."""
    kept: list[Term] = []
    for term in terms:
        if count <= 0:
            break
        kept.append(Term(term.words[:count], term.phrase))
        count -= len(term.words)
    return kept


def fts_match_expression(terms: Sequence[Term]) -> str:
    """An FTS5 MATCH expression that finds every term (AND); "" when there are none."""
    parts: list[str] = []
    for term in terms:
        words = " ".join(word.replace('"', '""') for word in term.words if word)
        if not words:
            continue
        parts.append(f'"{words}"' + ("*" if term.prefix else ""))
    return " ".join(parts)


_TOKEN_CHAR = r"[^\W_]"
_GAP = r"[\W_]+"


def terms_pattern(terms: Sequence[Term]) -> re.Pattern[str] | None:
    """A pattern of the terms in folded text, at word boundaries (None without terms)."""
    alternatives: list[str] = []
    for term in sorted(terms, key=lambda t: -sum(len(word) for word in t.words)):
        if not term.words or not term.words[0]:
            continue
        first, rest = term.words[0][0], term.words[0][1:]
        # The word's first letter, then the look back at what precedes it: a pattern that
        # opens with letters is searched for by them, many times faster.
        body = _GAP.join((re.escape(first) + f"(?<!{_TOKEN_CHAR}.)" + re.escape(rest),
                          *(re.escape(word) for word in term.words[1:])))
        # A prefix matches (and highlights) the whole word it begins.
        tail = f"{_TOKEN_CHAR}*" if term.prefix else f"(?!{_TOKEN_CHAR})"
        alternatives.append(body + tail)
    if not alternatives:
        return None
    return re.compile("|".join(alternatives))


def find_spans(folded_text: str, terms: Sequence[Term] | re.Pattern[str] | None,
               start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the terms occur in a folded text (between `start` and `end`), as (start, end)
    offsets in reading order.

    A prefix term matches the words it begins ("desastr": "desastres"); a phrase
    matches its words with anything but letters and digits between them.
    """
    pattern = terms if isinstance(terms, re.Pattern) or terms is None else terms_pattern(terms)
    if pattern is None:
        return []
    stop = len(folded_text) if end is None else end
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded_text, start):  # not cut at `end`: words stay whole
        if match.end() > stop:
            break
        spans.append(match.span())
    return spans


class Snippet(NamedTuple):
    """A piece of a text around its first match, on one line, with the matches inside it."""

    text: str
    matches: tuple[tuple[int, int], ...]
    match_start: int
    match_end: int


ELLIPSIS = "…"


def cut_snippet(text: str, folded_text: str, terms: Sequence[Term] | re.Pattern[str] | None,
                before: int = 60, after: int = 100) -> Snippet:
    """About `before` characters before the first match and `after` after it, cut between
    words, with "…" where the text goes on; the text's beginning when nothing matches.

    `folded_text` is `fold(text)` (the library keeps it in its search index).
    """
    pattern = terms if isinstance(terms, re.Pattern) or terms is None else terms_pattern(terms)
    first = pattern.search(folded_text) if pattern is not None else None
    if first is None:
        match_start = match_end = -1
        start, end = 0, _cut_end(text, 0, before + after)
    else:
        match_start, match_end = first.span()
        start = _cut_start(text, match_start - before, match_start)
        end = _cut_end(text, match_end, match_end + after)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    shift = len(lead) - start
    matches: list[tuple[int, int]] = []
    if pattern is not None and first is not None:
        for match in pattern.finditer(folded_text, start):
            if match.end() > end:
                break
            matches.append((match.start() + shift, match.end() + shift))
    line = text[start:end].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return Snippet(lead + line + tail, tuple(matches), match_start, match_end)


# How much of a text `cut_snippet_folding` folds first, and then at least that much more at a
# time until a match is found (or half of what is folded): the first match and the snippet
# after it are in the first few hundred characters of most texts.
SNIPPET_HEAD = 512
# How far before the end of a folded beginning its first match and snippet must end to be
# the text's: a match is never longer than this (a phrase whose words are this far apart, or
# a word of this many letters, could begin before and end beyond it).
SNIPPET_HEAD_MARGIN = 160


def cut_snippet_folding(text: str, terms: Sequence[Term] | re.Pattern[str] | None,
                        before: int = 60, after: int = 100) -> Snippet:
    """`cut_snippet` of a text that is not folded yet. Folding costs about 10 ns a
    character, so only the text's beginning is folded (fold is one character for one: the
    folding of a beginning is the beginning of the folding), more of it until its first
    match and the snippet after it end SNIPPET_HEAD_MARGIN characters inside it, or the
    text ends."""
    pattern = terms if isinstance(terms, re.Pattern) or terms is None else terms_pattern(terms)
    if pattern is None:
        return cut_snippet(text, fold(text), pattern, before, after)
    folded = ""
    length = min(SNIPPET_HEAD, len(text))
    while True:
        folded += fold(text[len(folded):length])
        if length >= len(text):
            break
        first = pattern.search(folded)
        if first is None:  # further on: more at a time
            length = min(len(text), length + max(SNIPPET_HEAD, length // 2))
            continue
        needed = first.end() + after + SNIPPET_HEAD_MARGIN + 1
        if needed <= length:
            break
        length = min(len(text), needed)  # up to where it is sure (then looked at again)
    return cut_snippet(text, folded, pattern, before, after)


_SPACE = re.compile(r"\s")


def _cut_start(text: str, wanted: int, limit: int) -> int:
    """Where a snippet starts: at `wanted`, moved on to the next word before `limit`."""
    if wanted <= 0:
        return 0
    space = _SPACE.search(text, wanted, limit)
    return wanted if space is None else space.end()


def _cut_end(text: str, limit: int, wanted: int) -> int:
    """Where a snippet ends: at `wanted`, moved back to the end of a word after `limit`."""
    if wanted >= len(text):
        return len(text)
    for index in range(wanted, limit, -1):
        if text[index].isspace():
            return index
    return wanted
