"""Frozen records the store hands out; widgets and the command line only ever see these.

They are named tuples, not frozen dataclasses: Python makes a named tuple class about ten times
faster (each dataclass compiles six methods when its module is imported: this module was ~12 ms
of the window's start), and its rows are made faster too. Use `record._replace(...)` and
`record._asdict()`; the one record with a mutable default (RemovedArticle) stays a dataclass.
The annotations are evaluated (no `from __future__ import annotations`): a named tuple checks
each field's type, and a string one is compiled first (~150 fields, ~2 ms of the start).
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple


class ArticleSummary(NamedTuple):
    """One row of the library: an article with all its language versions.

    `published` is the ISO date of the report when its source address tells it; `figures`
    and `annotations` count those of all its versions.
    """

    id: int
    title: str
    place: str | None
    languages: tuple[str, ...]
    words: int
    starred: bool = False
    annotations: int = 0
    published: str | None = None
    figures: int = 0
    read: bool = True


class DocumentInfo(NamedTuple):
    """One language version of an article, without its text."""

    id: int
    article_id: int
    language: str
    uri: str
    title: str
    source_url: str | None
    byline: str | None
    file_name: str
    paragraphs: int
    sentences: int
    words: int
    characters: int


class DocumentOrigin(NamedTuple):
    """Where a document came from: its format ("text", "html", "markdown"…), the file's path
    or the web address it was imported from, and what the page said about itself (author,
    date, site_name, canonical_url); None where the library does not know."""

    document_id: int
    file_name: str
    source_format: str | None
    origin: str | None
    metadata: dict[str, str]


class TranslationAddress(NamedTuple):
    """Another language version a page names (<link rel="alternate" hreflang=…>)."""

    language: str
    address: str


class ShownDocument(NamedTuple):
    """A document as `reader show` prints it: its text and what the library knows of it.

    `format`, `author` and `date` are None when the library does not know them: the columns
    a file format's reader fills where the file says so (author falls back to the byline,
    date to the report's date that its source address tells)."""

    id: int
    article_id: int
    title: str
    language: str
    uri: str
    source_url: str | None
    format: str | None
    author: str | None
    date: str | None
    text: str


class ParagraphText(NamedTuple):
    """A paragraph of a document with its sentences, as offsets into the document text."""

    position: int
    kind: str
    section: int
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]


class DocumentText(NamedTuple):
    """A document's body text and its paragraphs."""

    document: DocumentInfo
    text: str
    paragraphs: tuple[ParagraphText, ...]


class ImportStatus(StrEnum):
    """What happened to one file of an import."""

    IMPORTED = "imported"
    UPDATED = "updated"
    DUPLICATE = "duplicate"
    FAILED = "failed"


class ImportResult(NamedTuple):
    """The outcome of importing one path, with a one-line reason when it failed."""

    path: Path
    status: ImportStatus
    reason: str = ""
    article_id: int | None = None
    document_id: int | None = None
    # Every document the file gave, `document_id` first (two for a bilingual file).
    document_ids: tuple[int, ...] = ()
    source_format: str = ""  # the format it was read in ("text", "html"…); "" when unknown
    address: str = ""  # the web address imported from (then `path` is the page's name)

    @property
    def source(self) -> str:
        """What was imported, as the reader named it: the web address, else the path."""
        return self.address or str(self.path)

    def describe(self) -> str:
        """One line for a report: "imported: file.txt" or "failed: file.txt: reason"."""
        line = f"{self.status.value}: {self.source}"
        return f"{line}: {self.reason}" if self.reason else line


class SentenceRecord(NamedTuple):
    """A sentence of a document: its position, paragraph, offsets, text and section."""

    position: int
    paragraph: int
    start: int
    end: int
    text: str
    section: int = 0  # the paragraph's section (a book's chapter)


@dataclass(frozen=True)
class RemovedArticle:
    """What deleting an article took out, to put back when the deletion is undone."""

    article_id: int
    title: str
    removal: str  # names the deletion in kept_notes
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict, hash=False)

    @property
    def document_count(self) -> int:
        """How many language versions went."""
        return len(self.rows.get("documents", []))

    @property
    def kept_note_count(self) -> int:
        """How many highlights were kept as notes of a deleted article."""
        return len(self.rows.get("annotations", []))


class KeptNote(NamedTuple):
    """A highlight of an article that was deleted, kept with its quote and note."""

    id: int
    uid: str
    article_title: str
    language: str
    exact: str
    colour: str
    note: str
    created_at: str
    kept_at: str


class AlignedBead(NamedTuple):
    """One row of an alignment: sentence positions on each side, confidence, set by hand or not."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float
    manual: bool = False

    def flipped(self) -> "AlignedBead":
        """The same bead seen from the other side."""
        return AlignedBead(self.target, self.source, self.score, self.manual)


class AlignmentFix(NamedTuple):
    """A bead the reader set by hand, remembered by its sentences' texts."""

    source_sentences: tuple[str, ...]
    target_sentences: tuple[str, ...]

    def flipped(self) -> "AlignmentFix":
        """The same fix seen from the other side."""
        return AlignmentFix(self.target_sentences, self.source_sentences)


class SentenceAlignment(NamedTuple):
    """How the sentences of two language versions correspond, bead by bead."""

    source_document_id: int
    target_document_id: int
    beads: tuple[AlignedBead, ...]
    fixes: tuple[AlignmentFix, ...] = ()

    def flipped(self) -> "SentenceAlignment":
        """The alignment seen from the other side."""
        return SentenceAlignment(
            self.target_document_id, self.source_document_id,
            tuple(bead.flipped() for bead in self.beads),
            tuple(fix.flipped() for fix in self.fixes),
        )


class FigureRecord(NamedTuple):
    """A figure a document reports: where, what value in what unit, and what it measures."""

    document_id: int
    position: int
    start: int
    end: int
    surface: str
    value: Decimal
    unit: str
    kind: str
    qualifier: str
    label: str


class Annotation(NamedTuple):
    """A highlighted passage of one language version, with the reader's colour, note and tags.

    `start`/`end` are offsets into the document's text (a W3C TextPositionSelector);
    `exact`, `prefix` and `suffix` are its TextQuoteSelector. An orphaned annotation lost its
    place when its document's text changed; it is kept with its quote.
    """

    id: int
    uid: str
    document_id: int
    article_id: int
    language: str
    document_uri: str
    article_title: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    colour: str
    note: str
    tags: tuple[str, ...]
    orphaned: bool
    created_at: str
    updated_at: str


class Bookmark(NamedTuple):
    """A marked place: a sentence of one language version, remembered by position and text."""

    id: int
    article_id: int
    document_id: int
    language: str
    article_title: str
    start: int
    end: int
    label: str
    created_at: str


class StarredArticle(NamedTuple):
    """An article the reader starred."""

    article_id: int
    title: str
    languages: tuple[str, ...]


class SearchHit(NamedTuple):
    """A language version that a search found, with a snippet of its text around the match.

    `snippet_matches` are the (start, end) spans inside `snippet` to highlight; `match_start`
    and `match_end` place the first match in the document's text (-1 when only the title
    matched). A higher score is a better match.
    """

    article_id: int
    document_id: int
    language: str
    title: str
    snippet: str
    snippet_matches: tuple[tuple[int, int], ...]
    match_start: int
    match_end: int
    score: float


# The highlight colours a reader can choose, by name, and how they look (light enough for
# black text on top); the window and the exported files use the same shades.
COLOUR_CSS = {
    "yellow": "#fff176",
    "green": "#aed581",
    "blue": "#81d4fa",
    "pink": "#f8bbd0",
    "purple": "#ce93d8",
    "orange": "#ffcc80",
}
COLOURS = tuple(COLOUR_CSS)


class ListKind(StrEnum):
    """Which articles a quick filter keeps."""

    ALL = "all"
    STARRED = "starred"
    ANNOTATED = "annotated"
    LANGUAGE = "language"
    DIFFERING = "differing"  # articles whose translations report a figure differently
    UNREAD = "unread"  # articles the reader has not opened yet


class SortKey(StrEnum):
    """What the list can be sorted by."""

    TITLE = "sort_title"
    LANGUAGES = "languages"
    PLACE = "place"
    PUBLISHED = "published"
    WORDS = "words"
    FIGURES = "figures"
    ANNOTATIONS = "annotations"
    STARRED = "starred"


class ListFilter(NamedTuple):
    """The articles the list shows: all, starred, annotated, those in one language or those
    whose translations differ; and,
    when `only_ids` is given, only those among them."""

    kind: ListKind = ListKind.ALL
    language: str | None = None
    only_ids: frozenset[int] | None = None


class FigureSort(StrEnum):
    """What the library's list of figures can be sorted by."""

    ARTICLE = "article"  # the article's title as the library list shows it
    LANGUAGE = "language"  # the language code of the figure's version
    LABEL = "label"  # what the figure measures (its label, else its text), ignoring case
    VALUE = "value"
    UNIT = "unit"


class FigureQuery(NamedTuple):
    """Which figures of the library to list: those in one unit ("" for all) whose article
    title, label, text or unit hold every word of `words` (the last word may be a prefix)."""

    unit: str = ""
    words: str = ""


class FigureRow(NamedTuple):
    """A figure of the library with the article it belongs to, as the Figures window lists it."""

    article_id: int
    title: str
    language: str
    figure: FigureRecord


class ListedDocument(NamedTuple):
    """A language version as the command line's list shows it. A tuple, not a dataclass: the
    list reads every document at once, 120,000 at 100,000 articles, and a tuple is made
    several times faster."""

    id: int
    article_id: int
    language: str
    uri: str
    title: str
    source_url: str | None
    paragraphs: int
    sentences: int
    words: int
