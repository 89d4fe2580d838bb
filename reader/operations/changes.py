"""What a write changed, so that the window refreshes only that (as Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

Pair = tuple[int, int]


@dataclass(frozen=True)
class LibraryChange:
    """The articles, documents, notes, figures and alignments one write changed.

    `articles` are those whose row in the library list changed (title, languages, counts,
    star), `articles_came_or_went` that the library gained or lost articles (linking
    translations, unlinking one); `everything` says the write touched more than it names (an
    import), so listeners read afresh. `documents` are those whose text or notes changed.
    Sets hold ids; alignments are pairs of document ids, lower first.
    """

    articles: frozenset[int] = field(default_factory=frozenset)
    documents: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[int] = field(default_factory=frozenset)
    bookmarks: frozenset[int] = field(default_factory=frozenset)
    stars: frozenset[int] = field(default_factory=frozenset)
    read_marks: frozenset[int] = field(default_factory=frozenset)  # articles read or unread
    figures: frozenset[int] = field(default_factory=frozenset)
    alignments: frozenset[Pair] = field(default_factory=frozenset)
    articles_came_or_went: bool = False
    everything: bool = False

    def __or__(self, other: LibraryChange) -> LibraryChange:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        return LibraryChange(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def notes(self) -> bool:
        """Whether highlights or bookmarks changed (not stars)."""
        return self.everything or bool(self.annotations or self.bookmarks)

    def touches_documents(self, document_ids: set[int] | frozenset[int]) -> bool:
        """Whether any of these documents, or notes on them, changed."""
        return self.everything or bool(self.documents & document_ids)


NOTHING = LibraryChange()
EVERYTHING = LibraryChange(everything=True)


def pair(first: int, second: int) -> Pair:
    """A pair of document ids as alignments are kept: lower first."""
    return (first, second) if first <= second else (second, first)
