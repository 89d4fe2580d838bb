"""Paragraphs rebuilt from the lines of laid-out pages (a PDF's text layer): running headers,
footers and page numbers dropped, columns read one after the other, lines joined into
paragraphs where the layout says so, and words broken at line ends joined again.

Pure functions over lines with their boxes, in points from the page's top-left corner; the
PDF reader (reader.formats.pdf_document) hands them over.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from reader.text.source_document import one_line

# The share of a page's height at its top and at its bottom where running headers, footers
# and page numbers are.
MARGIN_ZONE = 0.12
# A line repeated on at least this share of the pages (and on two), at the same place, runs.
RUNNING_SHARE = 0.5
# A heading's lines are at least this much taller than the body text's.
HEADING_RATIO = 1.2
# Characters that end a line broken inside a word: the hyphen, the soft hyphen, the Unicode
# hyphen, and U+FFFE, which PDFium puts where it found a hyphen at a line end.
_HYPHENS = "-\u00ad\u2010\ufffe"
_PAGE_NUMBER = re.compile(
    r"[\W_]*(?:(?:page|p\.|pág\.?|página|sida|side|стр\.?|страница)\s*)?"
    r"(?:\d{1,5}|[ivxlcdm]{1,7})(?:\s*(?:/|of|de|av|из)\s*\d{1,5})?[\W_]*", re.IGNORECASE)
_WORD_END = re.compile(r"(\w+)[" + _HYPHENS + r"]$")
_WORD_START = re.compile(r"^(\w+)")
_COMPOUND = re.compile(r"\b(\w+)-(\w+)\b")
# A word written whole: not a part of a compound, nor cut at the line's end.
_WHOLE_WORD = re.compile(r"(?<![\w-])\w+(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?:;…»\"”’)\]]$")


@dataclass(frozen=True)
class TextLine:
    """One line of text on a page and its box (points from the page's top-left corner)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        """The line's height."""
        return self.bottom - self.top

    @property
    def width(self) -> float:
        """The line's width."""
        return self.right - self.left


@dataclass(frozen=True)
class PageLines:
    """The lines of one page, in the order the file gives them, and the page's size."""

    width: float
    height: float
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class LaidParagraph:
    """A paragraph rebuilt from lines; a heading when its type is larger than the body's."""

    text: str
    heading: bool


@dataclass
class _Flow:
    """The lines of one column of one page, in reading order."""

    lines: list[TextLine]
    left: float
    right: float


def layout_paragraphs(pages: Sequence[PageLines]) -> list[LaidParagraph]:
    """The paragraphs of laid-out pages, in reading order."""
    kept = drop_running_lines(pages)
    flows = [flow for page, lines in zip(pages, kept, strict=True)
             for flow in reading_flows(page, lines)]
    lines = [line for flow in flows for line in flow.lines]
    if not lines:
        return []
    body_height = statistics.median(line.height for line in lines)
    pitch = _typical_pitch(flows, body_height)
    vocabulary = _Vocabulary(lines)
    paragraphs: list[LaidParagraph] = []
    current: list[TextLine] = []
    previous_flow: _Flow | None = None
    for flow in flows:
        for index, line in enumerate(flow.lines):
            if current and _starts_paragraph(current[-1], line, flow, previous_flow,
                                             index == 0, body_height, pitch):
                paragraphs.append(_paragraph(current, body_height, vocabulary))
                current = []
            current.append(line)
        previous_flow = flow
    if current:
        paragraphs.append(_paragraph(current, body_height, vocabulary))
    return [p for p in paragraphs if p.text]


def is_page_number(text: str) -> bool:
    """Whether a line is a bare page number ("12", "- 12 -", "Page 3 of 9", "xii")."""
    return bool(text.strip()) and _PAGE_NUMBER.fullmatch(text.strip()) is not None


def drop_running_lines(pages: Sequence[PageLines]) -> list[list[TextLine]]:
    """Each page's lines without running headers and footers (a line repeated at the same
    place in the top or bottom margin of many pages, numbers in it aside) and page numbers
    (a bare number in those margins)."""
    keys = [[_running_key(page, line) for line in page.lines] for page in pages]
    seen = Counter(key for page_keys in keys for key in set(page_keys) if key is not None)
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    kept: list[list[TextLine]] = []
    for page, page_keys in zip(pages, keys, strict=True):
        kept.append([
            line for line, key in zip(page.lines, page_keys, strict=True)
            if key is None or (seen[key] < needed and not is_page_number(line.text))])
    return kept


def _running_key(page: PageLines, line: TextLine) -> tuple[str, str, int] | None:
    """What a line in a margin zone is known by across pages: its zone, its text with digits
    as "#", its place (to 2% of the page); None for a line outside the margins."""
    if line.bottom <= page.height * MARGIN_ZONE:
        zone = "top"
    elif line.top >= page.height * (1 - MARGIN_ZONE):
        zone = "bottom"
    else:
        return None
    text = re.sub(r"\d+", "#", " ".join(line.text.lower().split()))
    return zone, text, round(line.top / max(page.height, 1) * 50)


def reading_flows(page: PageLines, lines: Sequence[TextLine]) -> list[_Flow]:
    """A page's lines as columns read one after the other: where a gutter runs down the page
    between narrow lines, the lines left of it, then those right of it, band by band between
    lines that cross it (a heading over both columns)."""
    if not lines:
        return []
    ordered = sorted(lines, key=lambda line: (round(line.top, 0), line.left))
    gutter = _gutter(ordered)
    if gutter is None:
        return [_flow(ordered)]
    flows: list[_Flow] = []
    band: list[TextLine] = []  # lines beside the gutter, since the last line across it
    across: list[TextLine] = []  # lines across the gutter, since the last one beside it
    for line in ordered:
        if line.left < gutter < line.right:
            flows.extend(_columns(band, gutter))
            band = []
            across.append(line)
        else:
            if across:
                flows.append(_flow(across))
                across = []
            band.append(line)
    flows.extend(_columns(band, gutter))
    if across:
        flows.append(_flow(across))
    return flows


def _columns(band: list[TextLine], gutter: float) -> list[_Flow]:
    left = [line for line in band if line.right <= gutter]
    right = [line for line in band if line.left >= gutter]
    return [_flow(side) for side in (left, right) if side]


def _flow(lines: list[TextLine]) -> _Flow:
    return _Flow(lines, min(line.left for line in lines), max(line.right for line in lines))


def _gutter(lines: Sequence[TextLine]) -> float | None:
    """The x of a gap between two columns of narrow lines, or None (one column)."""
    left = min(line.left for line in lines)
    right = max(line.right for line in lines)
    width = right - left
    if width <= 0:
        return None
    narrow = [line for line in lines if line.width <= 0.55 * width]
    if len(narrow) < 6:
        return None
    # Scan candidate gaps in the middle half of the text's width.
    step = width / 200
    best: tuple[int, float] | None = None
    x = left + 0.25 * width
    while x <= left + 0.75 * width:
        if not any(line.left - step < x < line.right + step for line in narrow):
            on_left = sum(1 for line in narrow if line.right <= x)
            on_right = sum(1 for line in narrow if line.left >= x)
            score = min(on_left, on_right)
            if score >= 3 and (best is None or score > best[0]):
                best = (score, x)
        x += step
    return None if best is None else best[1]


def _typical_pitch(flows: Sequence[_Flow], body_height: float) -> float:
    """The usual distance from one line's top to the next one's within a paragraph."""
    steps = [b.top - a.top for flow in flows for a, b in pairwise(flow.lines)
             if 0 < b.top - a.top < 3 * body_height
             and abs(a.height - body_height) < 0.2 * body_height]
    return statistics.median(steps) if steps else body_height * 1.2


def _starts_paragraph(previous: TextLine, line: TextLine, flow: _Flow,
                      previous_flow: _Flow | None, first_in_flow: bool, body_height: float,
                      pitch: float) -> bool:
    """Whether a line begins a new paragraph after `previous`."""
    if abs(line.height - previous.height) > 0.2 * max(line.height, previous.height):
        return True  # another size of type: a heading begins or ends
    indent = 0.8 * line.height
    if line.left > flow.left + indent and not line.left > flow.left + 0.25 * (
            flow.right - flow.left):
        return True  # a first-line indent
    if first_in_flow:  # a new column or page: no gap to go by, only the line's fullness
        return _fits_after(previous, line, previous_flow or flow)
    gap = line.top - previous.top
    if gap > pitch + 0.5 * body_height or gap < 0:
        return True
    return _ends_paragraph(previous, line, flow)


def _ends_paragraph(previous: TextLine, line: TextLine, flow: _Flow) -> bool:
    """Whether `previous` ended its paragraph: its line was not full, since the next line's
    first word would have fitted after it (a wrapped line is full up to one word)."""
    if not _fits_after(previous, line, flow):
        return False
    needed = _first_word_width(line)
    return (_SENTENCE_END.search(previous.text.rstrip()) is not None
            or previous.right + needed + 0.25 * (flow.right - flow.left) < flow.right)


def _first_word_width(line: TextLine) -> float:
    """About how wide the line's first word and a space are (with a margin for error)."""
    first_word = line.text.split(" ", 1)[0]
    average = line.width / max(len(line.text), 1)
    return (len(first_word) + 1) * average * 1.5


def _fits_after(previous: TextLine, line: TextLine, flow: _Flow) -> bool:
    """Whether the line's first word would have fitted at the end of the line before: then
    that line was not wrapped, and its paragraph ended there."""
    if previous.text.rstrip().endswith(tuple(_HYPHENS)):
        return False
    return previous.right + _first_word_width(line) < flow.right


def _paragraph(lines: list[TextLine], body_height: float,
               vocabulary: _Vocabulary) -> LaidParagraph:
    text = one_line(lines[0].text)
    for line in lines[1:]:
        text = vocabulary.join(text, one_line(line.text))
    heading = statistics.median(line.height for line in lines) > HEADING_RATIO * body_height
    return LaidParagraph(text.replace("\ufffe", "-").replace("\u00ad", ""), heading)


class _Vocabulary:
    """The words and hyphenated compounds a document writes inside its lines, to tell a word
    broken at a line end (joined again) from a compound whose hyphen fell there (kept).

    PDFium marks every hyphen at a line end alike (U+FFFE), whether a typesetter broke a word
    there or a compound's own hyphen ended the line, so the document's own words decide:
    1. the word written whole elsewhere ("intelligence") → joined;
    2. the compound written with its hyphen elsewhere ("long-term") → kept;
    3. the next part starts upper case or either side is a number ("Anglo-Saxon",
       "2025-2030") → kept: hyphenation never breaks there;
    4. the first part is a word of three letters or more the document writes on its own
       ("nuclear-free", "Guizhou-provinsen"), or a part begins or ends another compound it
       writes ("юго-восточной" after "юго-западной") → kept: a typesetter's break leaves
       a first part that is seldom a word ("intelli-gence");
    5. otherwise → joined, the typesetter's break being the usual reason ("admin-istration").
    A soft hyphen (U+00AD) is only ever a break inside a word: joined.
    """

    def __init__(self, lines: Sequence[TextLine]) -> None:
        self.compounds: set[str] = set()
        self.compound_heads: set[str] = set()
        self.compound_ends: set[str] = set()
        self.whole_words: set[str] = set()
        broken = False  # whether the line before ended with a hyphen
        for line in lines:
            inner = line.text.strip().lower()
            # The parts of a word broken at a line end are not words of their own.
            if inner.endswith(tuple(_HYPHENS)):
                inner = inner.rstrip(_HYPHENS).rsplit(" ", 1)[0] if " " in inner else ""
                ends_broken = True
            else:
                ends_broken = False
            if broken:
                inner = inner.split(" ", 1)[1] if " " in inner else ""
            broken = ends_broken
            for head, tail in _COMPOUND.findall(inner):
                self.compounds.add(f"{head}-{tail}")
                self.compound_heads.add(head)
                self.compound_ends.add(tail)
            self.whole_words.update(_WHOLE_WORD.findall(inner))

    def join(self, text: str, following: str) -> str:
        """Two lines of one paragraph as one text."""
        end = _WORD_END.search(text)
        start = _WORD_START.match(following)
        if end is None or start is None or not text:
            return f"{text} {following}" if text and following else text + following
        if text[-1] == "\u00ad":
            return text[:-1] + following
        return text[:-1] + ("-" if self.keeps_hyphen(end.group(1), start.group(1)) else
                            "") + following

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        """Whether a hyphen between two parts at a line end is the compound's own."""
        if f"{head}{tail}".lower() in self.whole_words:
            return False
        if f"{head}-{tail}".lower() in self.compounds:
            return True
        if tail[0].isupper() or tail[0].isdigit() or head[-1].isdigit():
            return True
        low_head, low_tail = head.lower(), tail.lower()
        if len(head) >= 3 and low_head in self.whole_words:
            return True
        return low_head in self.compound_heads or low_tail in self.compound_ends
