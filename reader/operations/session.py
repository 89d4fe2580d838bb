"""The one door between the window and the library: reads hand out records, writes return
what they changed.

The window holds a `LibrarySession` and never the store itself; a background job opens a
session of its own on the same file (an SQLite connection belongs to one thread; the file is in
WAL mode, so the window keeps reading while a job writes). Rules of the store that the window
needs, such as whether a stored alignment is still current, live here or in the operation
modules, once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.operations.changes import EVERYTHING, NOTHING, LibraryChange, pair
from reader.operations.pending import PendingJournal, PendingWrite
from reader.operations.progress import CancelToken, ReportProgress, no_progress
from reader.store.errors import WriteFailed
from reader.store.library import Library
from reader.store.records import (
    AlignedBead,
    Annotation,
    ArticleSummary,
    Bookmark,
    DocumentInfo,
    DocumentOrigin,
    DocumentText,
    FigureQuery,
    FigureRecord,
    FigureRow,
    FigureSort,
    ImportResult,
    KeptNote,
    ListFilter,
    RemovedArticle,
    SearchHit,
    SentenceAlignment,
    SentenceRecord,
    SortKey,
    StarredArticle,
    TranslationAddress,
)
from reader.text.figure_check import FigurePair

if TYPE_CHECKING:
    from reader.operations.annotation_exchange import AnnotationImportReport

CheckedFigures = list[tuple[int, FigurePair[FigureRecord]]]


class LibrarySession:
    """A library file as the window (or a job working for it) uses it."""

    def __init__(self, library: Library) -> None:
        self._library = library

    @classmethod
    def open(cls, path: Path, read_only: bool = False) -> LibrarySession:
        """Open (creating or upgrading) a library file; LibraryError if it cannot be used.
        `read_only` opens it for reading only (a background check, say): never written."""
        return cls(Library.open(path, read_only=read_only))

    @staticmethod
    def load_writing_code() -> None:
        """Load the code writes use ahead of the first one (any thread)."""
        from reader.store.library import load_writing_code

        load_writing_code()

    @property
    def path(self) -> Path:
        """The library file."""
        return self._library.path

    @property
    def read_only(self) -> bool:
        """Whether the library is open for reading only (its file or folder cannot be
        written): every write raises LibraryReadOnly; `read_only_reason` says why."""
        return self._library.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why the library is read-only ("the file is read-only", "its folder is read-only",
        "the disk is read-only"), else None."""
        return self._library.read_only_reason

    def quick_check(self) -> str | None:
        """SQLite's quick integrity check: None when the file is sound, else the first problem.
        Reads the whole file: run it off the GUI thread on a session of its own
        (`LibrarySession.open(path, read_only=True)`)."""
        return self._library.quick_check()

    def checkpoint(self) -> None:
        """Put everything written into the library file itself (its log emptied)."""
        self._library.checkpoint()

    @property
    def sound_since(self) -> float | None:
        """When the file's check last passed (seconds since the epoch) if the file is known
        to be sound: exactly as this app left it after that check (`reader.store.soundness`),
        or created by it. None: it must be checked before it is written."""
        return self._library.sound_since

    def mark_sound(self) -> None:
        """The file's check has just passed."""
        self._library.mark_sound()

    def note_sound(self) -> None:
        """Note a sound file's size and time beside it now (it is noted at close too)."""
        self._library.note_sound()

    def backup_if_due(self) -> Path | None:
        """A backup beside the library when the last daily one is a day old (the last three
        kept); the file written, or None. Off the GUI thread, on a session of its own."""
        from reader.operations.recovery import backup_if_due

        return backup_if_due(self._library)

    def backups(self) -> list[Path]:
        """The backups beside the library (daily, `reader backup`, before an upgrade or a
        restore), newest first."""
        folder, name = self.path.parent, self.path.name
        found = [*folder.glob(f"{name}.*backup"), *folder.glob(f"{name}.*.before-restore")]
        return sorted(found, key=lambda backup: backup.stat().st_mtime, reverse=True)

    def restore_from(self, backup: Path) -> tuple[Path, LibraryChange]:
        """Put a backup in place of the library (the library as it was is kept beside it:
        that copy's path); everything may have changed."""
        kept = self._library.restore_from(backup)
        return kept, EVERYTHING

    def hold_writes(self, reason: str | None, damaged: bool = False) -> None:
        """Refuse every write of this session until called with None: each raises LibraryBusy
        with `reason` (lasting False: the pending journal keeps it, to store later), or with
        `damaged` LibraryDamaged (lasting: the file failed its check)."""
        self._library.hold_writes(reason, damaged)

    def close(self) -> None:
        """Close the file."""
        self._library.close()

    def trace_statements(self, callback: object) -> None:
        """Call `callback(sql)` for every statement this session runs (None stops it)."""
        self._library.trace_statements(callback)

    # -- articles and documents -------------------------------------------------------------

    def article_exists(self, article_id: int) -> bool:
        """Whether the library holds this article."""
        return self._library.article_exists(article_id)

    def article_summaries(self, preferred_language: str | None = None) -> list[ArticleSummary]:
        """Every article with its languages (for small lists and the command line)."""
        return self._library.article_summaries(preferred_language)

    def documents_of(self, article_id: int) -> list[DocumentInfo]:
        """An article's language versions."""
        return self._library.documents_of(article_id)

    def document(self, document_id: int) -> DocumentInfo:
        """One language version."""
        return self._library.document(document_id)

    def document_text(self, document_id: int) -> DocumentText:
        """A language version's text with its paragraphs."""
        return self._library.document_text(document_id)

    def sentences(self, document_id: int) -> list[SentenceRecord]:
        """A language version's sentences in order."""
        return self._library.sentences(document_id)

    def link_articles(self, article_id: int, other_article_id: int) -> LibraryChange:
        """Make another article's versions translations of this one (ValueError if not)."""
        self._library.link_articles(article_id, other_article_id)
        return LibraryChange(articles=frozenset({article_id, other_article_id}),
                             stars=frozenset({article_id}), articles_came_or_went=True)

    def unlink_document(self, document_id: int) -> tuple[int, LibraryChange]:
        """Take a version out of its article into one of its own: the new id, the change."""
        old = self._library.document(document_id).article_id
        new = self._library.unlink_document(document_id)
        return new, LibraryChange(articles=frozenset({old, new}), articles_came_or_went=True)

    def delete_article(self, article_id: int) -> tuple[RemovedArticle, LibraryChange]:
        """Delete an article and everything about it; its highlights are kept with their
        quotes (`kept_notes`). What was taken out (for `restore_article`), and the change.
        KeyError when there is no such article."""
        removed = self._library.delete_article(article_id)
        return removed, _removal_change(removed)

    def restore_article(self, removed: RemovedArticle) -> LibraryChange:
        """Undo a deletion: the article back as it was, its notes back in it."""
        self._library.restore_article(removed)
        return _removal_change(removed)

    def kept_notes(self) -> list[KeptNote]:
        """The highlights and notes of deleted articles, the most recently kept first."""
        return self._library.kept_notes()

    def import_paths(self, paths: Sequence[Path], report: ReportProgress = no_progress,
                     cancel: CancelToken | None = None) -> tuple[list[ImportResult], LibraryChange]:
        """Import files and folders; what finished stays when the import is cancelled."""
        from reader.operations.file_reading import printable
        from reader.operations.importer import import_paths

        def progress(done: int, total: int, path: Path) -> None:
            report(done, total, printable(path.name))  # a name that is not UTF-8, escaped

        results = import_paths(self._library, paths, progress=progress,
                               cancelled=cancel.cancelled if cancel else None)
        return results, EVERYTHING

    def import_address(self, address: str, report: ReportProgress = no_progress,
                       cancel: CancelToken | None = None) -> tuple[list[ImportResult],
                                                                   LibraryChange]:
        """Fetch a web page and import it (File → Open address…)."""
        from reader.operations.fetching import import_address

        report(0, 1, address)
        result = import_address(self._library, address, cancel)
        report(1, 1, address)
        return [result], EVERYTHING

    def missing_translations(self, article_id: int) -> list[TranslationAddress]:
        """The language versions an article's pages name that the library does not have."""
        return self._library.missing_translations(article_id)

    def document_origin(self, document_id: int) -> DocumentOrigin:
        """Where a document came from: format, file or address, the page's metadata."""
        return self._library.document_origin(document_id)

    # -- the library list and search ---------------------------------------------------------

    def list_count(self, list_filter: ListFilter = ListFilter()) -> int:  # noqa: B008
        """How many articles the list shows with this filter."""
        return self._library.listing.count(list_filter)

    def list_window(self, list_filter: ListFilter, key: SortKey, descending: bool, offset: int,
                    limit: int) -> list[ArticleSummary]:
        """A page of the library list."""
        return self._library.listing.window(list_filter, key, descending, offset, limit)

    def list_rows(self, article_ids: Iterable[int]) -> dict[int, ArticleSummary]:
        """The list rows of these articles, by id (those that exist)."""
        return self._library.listing.rows_of(article_ids)

    def list_position(self, article_id: int, list_filter: ListFilter, key: SortKey,
                      descending: bool) -> int | None:
        """The row of an article in that list, or None when the filter leaves it out."""
        return self._library.listing.position_of(article_id, list_filter, key, descending)

    def list_has_dates(self) -> bool:
        """Whether any article has a publication date."""
        return self._library.listing.any_dated()

    def languages_in_library(self) -> list[str]:
        """Every language of the library."""
        return self._library.listing.languages_in_library()

    def set_title_language(self, language: str | None) -> bool:
        """List titles in this language where a version has it; whether anything changed."""
        return self._library.listing.set_title_language(language)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Documents that hold every word of the query, best first."""
        return self._library.search.search(query, limit)

    def find(self, query: str, limit: int = 50) -> list[SearchHit]:
        """What `search` finds, without the snippets: cut those of the hits shown with
        `cut_snippets`."""
        return self._library.search.find(query, limit)

    def cut_snippets(self, hits: Sequence[SearchHit], query: str) -> list[SearchHit]:
        """These hits with their snippets, in the same order."""
        return self._library.search.cut_snippets(hits, query)

    def match_spans(self, document_id: int, query: str) -> list[tuple[int, int]]:
        """Where a query's words occur in a document's text."""
        return self._library.search.match_spans(document_id, query)

    # -- highlights, bookmarks, stars --------------------------------------------------------

    def annotation_count(self) -> int:
        """How many highlights the library holds."""
        return self._library.annotations.count()

    def annotations_of(self, document_id: int) -> list[Annotation]:
        """A document's highlights in text order."""
        return self._library.annotations.of_document(document_id)

    def annotations_newest_first(self, article_id: int | None = None) -> list[Annotation]:
        """Highlights of one article, or of the library, newest first."""
        return self._library.annotations.newest_first(article_id)

    def add_annotation(self, document_id: int, start: int, end: int, colour: str,
                       note: str = "", tags: Sequence[str] = ()
                       ) -> tuple[Annotation, LibraryChange]:
        """Highlight a passage."""
        added = self._library.annotations.add(document_id, start, end, colour, note, tags)
        return added, _annotation_change(added)

    def restore_annotation(self, annotation: Annotation) -> tuple[Annotation, LibraryChange]:
        """Put a deleted highlight back under its id."""
        restored = self._library.annotations.restore(annotation)
        return restored, _annotation_change(restored)

    def update_annotation(self, annotation_id: int, *, colour: str | None = None,
                          note: str | None = None, tags: Iterable[str] | None = None
                          ) -> tuple[Annotation, LibraryChange]:
        """Change a highlight's colour, note or tags."""
        updated = self._library.annotations.update(annotation_id, colour=colour, note=note,
                                                   tags=tags)
        return updated, _annotation_change(updated)

    def delete_annotation(self, annotation_id: int) -> tuple[Annotation, LibraryChange]:
        """Remove a highlight; what it was, to undo."""
        deleted = self._library.annotations.delete(annotation_id)
        return deleted, _annotation_change(deleted)

    def bookmarks_of(self, document_id: int) -> list[Bookmark]:
        """A document's bookmarks in text order."""
        return self._library.bookmarks.of_document(document_id)

    def bookmarks_newest_first(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        return self._library.bookmarks.newest_first()

    def starred_articles(self, preferred_language: str | None = None) -> list[StarredArticle]:
        """The starred articles."""
        return self._library.bookmarks.starred_articles(preferred_language)

    def is_starred(self, article_id: int) -> bool:
        """Whether an article is starred."""
        return self._library.bookmarks.is_starred(article_id)

    def set_starred(self, article_id: int, starred: bool) -> LibraryChange:
        """Star or unstar an article."""
        self._library.bookmarks.set_starred(article_id, starred)
        return LibraryChange(articles=frozenset({article_id}), stars=frozenset({article_id}))

    def is_read(self, article_id: int) -> bool:
        """Whether the reader has opened an article (and not marked it unread since)."""
        return self._library.bookmarks.is_read(article_id)

    def set_read(self, article_id: int, read: bool) -> LibraryChange:
        """Mark an article read or unread; what changed (nothing when it already was)."""
        if self._library.bookmarks.set_read(article_id, read):
            return LibraryChange(articles=frozenset({article_id}),
                                 read_marks=frozenset({article_id}))
        return LibraryChange()

    def add_bookmark(self, document_id: int, start: int, end: int
                     ) -> tuple[Bookmark, LibraryChange]:
        """Bookmark a sentence."""
        added = self._library.bookmarks.add(document_id, start, end)
        return added, _bookmark_change(added)

    def restore_bookmark(self, bookmark: Bookmark) -> tuple[Bookmark, LibraryChange]:
        """Put a removed bookmark back under its id."""
        restored = self._library.bookmarks.restore(bookmark)
        return restored, _bookmark_change(restored)

    def delete_bookmark(self, bookmark_id: int) -> tuple[Bookmark, LibraryChange]:
        """Remove a bookmark; what it was, to undo."""
        deleted = self._library.bookmarks.delete(bookmark_id)
        return deleted, _bookmark_change(deleted)

    def export_notes(self, file_format: str, article_id: int | None = None
                     ) -> tuple[bytes, int]:
        """The library's (or one article's) highlights as a file of a format (a writer's name
        in reader.formats), and their count."""
        from reader.operations.annotation_exchange import export_annotations

        return export_annotations(self._library, file_format, article_id)

    def export_pair(self, article_id: int, file_format: str,
                    languages: Sequence[str] | None = None
                    ) -> tuple[bytes, int, LibraryChange]:
        """An article's two language versions, aligned, as a file of a format (a translation
        pair writer's name), its rows, and the change when the pair had to be aligned first;
        NoPair when the article has no such pair."""
        from reader.operations.aligning import current_alignment
        from reader.operations.pair_export import choose_pair, export_pair

        aligned_first: tuple[int, int] | None = None
        if self._library.article_exists(article_id):
            with contextlib.suppress(ValueError):  # export_pair says why there is no pair
                left, right = choose_pair(self._library.documents_of(article_id), languages)
                if current_alignment(self._library, left.id, right.id) is None:
                    aligned_first = (left.id, right.id)
        content, rows = export_pair(self._library, article_id, file_format, languages)
        change = NOTHING if aligned_first is None else self._alignment_change(*aligned_first)
        return content, rows, change

    def import_notes(self, path: Path) -> tuple[AnnotationImportReport, LibraryChange]:
        """Bring W3C annotations from a file: the report and the change (UnreadableAnnotations
        when the file holds none)."""
        from reader.operations.annotation_exchange import import_w3c, read_w3c_file

        report = import_w3c(self._library, read_w3c_file(path))
        return report, EVERYTHING if report.imported else LibraryChange()

    def apply_pending(self, write: PendingWrite) -> LibraryChange:
        """Store a write that waited in the pending journal; applying one twice changes
        nothing more (WriteFailed when the library still cannot be written)."""
        from reader.operations import pending

        arguments = write.arguments
        if write.kind == "add_annotation":
            if self._library.annotations.with_uid(arguments["uid"]) is not None:
                return LibraryChange()
            added = self._library.annotations.add(
                arguments["document_id"], arguments["start"], arguments["end"],
                arguments["colour"], arguments["note"], arguments["tags"],
                uid=arguments["uid"], created_at=arguments["created_at"])
            return _annotation_change(added)
        if write.kind == "update_annotation":
            return self.update_annotation(arguments["annotation_id"],
                                          colour=arguments["colour"], note=arguments["note"],
                                          tags=arguments["tags"])[1]
        if write.kind == "delete_annotation":
            return self._if_there(lambda: self.delete_annotation(arguments["annotation_id"])[1])
        if write.kind == "restore_annotation":
            annotation = pending.annotation_from(arguments["annotation"])
            if self._library.annotations.with_uid(annotation.uid) is not None:
                return LibraryChange()
            return self.restore_annotation(annotation)[1]
        if write.kind == "add_bookmark":
            place = (arguments["start"], arguments["end"])
            if any((b.start, b.end) == place for b in self.bookmarks_of(arguments["document_id"])):
                return LibraryChange()
            return self.add_bookmark(arguments["document_id"], *place)[1]
        if write.kind == "delete_bookmark":
            return self._if_there(lambda: self.delete_bookmark(arguments["bookmark_id"])[1])
        if write.kind == "restore_bookmark":
            bookmark = pending.bookmark_from(arguments["bookmark"])
            if any(b.id == bookmark.id for b in self.bookmarks_of(bookmark.document_id)):
                return LibraryChange()
            return self.restore_bookmark(bookmark)[1]
        return self.set_starred(arguments["article_id"], bool(arguments["starred"]))

    def replay_pending(self, journal: PendingJournal) -> tuple[int, LibraryChange, str | None]:
        """Store what waits in the journal: how many went in, what changed, and why the rest
        still waits (None when nothing does)."""
        changes: list[LibraryChange] = []

        def apply(write: PendingWrite) -> None:
            changes.append(self.apply_pending(write))

        done, stopped = journal.replay(apply, WriteFailed)
        change = LibraryChange()
        for one in changes:
            change |= one
        return done, change, None if stopped is None else str(stopped)

    @staticmethod
    def _if_there(write: Callable[[], LibraryChange]) -> LibraryChange:
        try:
            return write()
        except KeyError:  # already gone: what the write wanted
            return LibraryChange()

    # -- figures -------------------------------------------------------------------------------

    def figures_of(self, document_id: int) -> list[FigureRecord]:
        """A document's figures in text order."""
        return self._library.figures.of_document(document_id)

    def figures_stale(self) -> bool:
        """Whether an older figure extractor read some documents (they are read again)."""
        from reader.text import versions

        return bool(self._library.figures.stale_documents(versions.FIGURE_EXTRACTOR_VERSION))

    def refresh_figures(self, report: ReportProgress = no_progress,
                        cancel: CancelToken | None = None) -> LibraryChange:
        """Find the figures again of documents an older extractor read."""
        from reader.operations.figure_extraction import refresh_figures

        count = refresh_figures(self._library, lambda done, total: report(done, total, ""),
                                cancel.cancelled if cancel else None)
        return EVERYTHING if count else LibraryChange()

    def check_translation(self, left_id: int, right_id: int) -> CheckedFigures:
        """Each figure pair of two aligned versions with its row, disagreements first."""
        from reader.operations.figure_checking import check_translation, disagreements_first

        return disagreements_first(check_translation(self._library, left_id, right_id))

    def translation_flags_stale(self) -> bool:
        """Whether some articles' "translations differ" flags are unchecked or were set by an
        older check (index lookups only)."""
        from reader.text import versions

        return bool(self._library.listing.unchecked_translations(
            versions.FIGURE_CHECK_VERSION))

    def refresh_translation_flags(self, report: ReportProgress = no_progress,
                                  cancel: CancelToken | None = None) -> LibraryChange:
        """Check the translations of the articles whose flag is unchecked or stale."""
        from reader.operations.figure_checking import refresh_translation_flags

        checked = refresh_translation_flags(
            self._library, lambda done, total: report(done, total, ""),
            cancel.cancelled if cancel else None)
        return LibraryChange(articles=frozenset(checked))

    # -- the library's figures, a window at a time (the Figures window) ----------------------

    def figure_count(self, query: FigureQuery) -> int:
        """How many figures of the library the query keeps."""
        return self._library.figures.count(query)

    def figure_window(self, query: FigureQuery, key: FigureSort, descending: bool,
                      offset: int, limit: int) -> list[FigureRow]:
        """A page of the library's figures in that order."""
        return self._library.figures.window(query, key, descending, offset, limit)

    def figure_rows(self, query: FigureQuery, key: FigureSort,
                    descending: bool) -> list[FigureRow]:
        """Every figure the query keeps, in that order (for an export)."""
        return self._library.figures.rows(query, key, descending)

    def figure_units(self) -> list[str]:
        """The units of the library's figures, sorted."""
        return self._library.figures.units()

    # -- alignments ----------------------------------------------------------------------------

    def current_alignment(self, left_id: int, right_id: int) -> SentenceAlignment | None:
        """The stored alignment of two versions if it is current (same texts, same aligner)."""
        from reader.operations.aligning import current_alignment

        return current_alignment(self._library, left_id, right_id)

    def align(self, left_id: int, right_id: int,
              progress: ReportProgress | None = None) -> LibraryChange:
        """Align two versions if their stored alignment is missing or out of date; `progress`
        hears how many of their sentences are aligned (a book's, chapter by chapter)."""
        from reader.operations.aligning import ensure_alignment

        ensure_alignment(self._library, left_id, right_id, progress)
        return LibraryChange(alignments=frozenset({pair(left_id, right_id)}))

    def save_alignment(self, left_id: int, right_id: int,
                       beads: Sequence[AlignedBead]) -> LibraryChange:
        """Store beads the reader corrected."""
        from reader.operations.aligning import save_correction

        save_correction(self._library, left_id, right_id, beads)
        return self._alignment_change(left_id, right_id)

    def reset_alignment(self, left_id: int, right_id: int
                        ) -> tuple[SentenceAlignment, LibraryChange]:
        """Forget the reader's fixes of a pair and align it afresh."""
        from reader.operations.aligning import reset_to_automatic

        automatic = reset_to_automatic(self._library, left_id, right_id)
        return automatic, self._alignment_change(left_id, right_id)

    def _alignment_change(self, left_id: int, right_id: int) -> LibraryChange:
        article = self._library.document(left_id).article_id
        return LibraryChange(articles=frozenset({article}),
                             alignments=frozenset({pair(left_id, right_id)}))


def _annotation_change(annotation: Annotation) -> LibraryChange:
    return LibraryChange(articles=frozenset({annotation.article_id}),
                         documents=frozenset({annotation.document_id}),
                         annotations=frozenset({annotation.id}))


def _bookmark_change(bookmark: Bookmark) -> LibraryChange:
    return LibraryChange(documents=frozenset({bookmark.document_id}),
                         bookmarks=frozenset({bookmark.id}))


def _removal_change(removed: RemovedArticle) -> LibraryChange:
    """What deleting an article (or undoing that) changes."""
    rows = removed.rows
    return LibraryChange(
        articles=frozenset({removed.article_id}),
        documents=frozenset(row["id"] for row in rows.get("documents", [])),
        annotations=frozenset(row["id"] for row in rows.get("annotations", [])),
        bookmarks=frozenset(row["id"] for row in rows.get("bookmarks", [])),
        stars=frozenset({removed.article_id}),
        figures=frozenset(row["document_id"] for row in rows.get("figures", [])),
        articles_came_or_went=True)
