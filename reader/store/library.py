"""The library: one SQLite file of articles, documents and the reader's notes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from reader.store.alignments import AlignmentStore
from reader.store.annotations import AnnotationStore
from reader.store.bookmarks import BookmarkStore
from reader.store.errors import (
    DiskFull,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryReadOnly,
    WriteFailed,
)
from reader.store.figures import FigureStore
from reader.store.listing import ArticleListing, refresh_article_listing
from reader.store.records import (
    ArticleSummary,
    DocumentInfo,
    DocumentOrigin,
    DocumentText,
    ImportResult,
    ImportStatus,
    KeptNote,
    ParagraphText,
    RemovedArticle,
    SentenceRecord,
    ShownDocument,
    TranslationAddress,
)
from reader.store.schema import (
    APPLICATION_ID,
    COMPACTED_AT,
    REQUIRED_TABLES,
    SCHEMA_VERSION,
)
from reader.store.search import SearchIndex
from reader.store.soundness import forget, trusted_note, write_note
from reader.store.texts import TEXTS, store_text, stored_structure, stored_text, text_of
from reader.text.reasons import Reason, ReasonCode

if TYPE_CHECKING:
    import sqlite_utils

    from reader.text.analysis import AnalysedDocument

# How long a write waits for another writer (an import commits at least every half second).
BUSY_TIMEOUT = 10.0
# The size of a new library's pages (SQLite's default is 4 KiB): a document's packed text and
# structure (1.7 KB on average, from a few hundred bytes to several KB) leave a quarter of
# 4 KiB pages empty, a tenth of 8 KiB ones (schema 17: 16 instead of 16.5 MB per 1,000
# articles). An older library takes it when its upgrade compacts it.
PAGE_SIZE = 8192

# While an import stores batch after batch (`Library.bulk_writes`): the page cache of the
# writing connection, KiB (SQLite's default is 2,000), and the pages the write-ahead log takes
# before it is copied into the file (default 1,000, 4 MB). The library's indexes of random
# keys (content hashes, addresses, titles, the figures' values and labels) grow past the
# default cache: each batch read their pages again and wrote them into the log, and at
# 100,000 articles a batch's ~1,500 pages overflowed the log, so every commit copied them
# into the file as well (a checkpoint, with its waits for the disk). With these the writer
# takes about 15 % less CPU a file there, and checkpoints every few dozen batches
# (benchmarks/README.md, "Sustained to 100,000 articles").
BULK_CACHE_KIB = 65536
BULK_CHECKPOINT_PAGES = 16384

# What a format's reader says of a page in SourceDocument.metadata that is kept as the
# document's metadata (the rest is the format, stored on its own, and its other versions).
KEPT_METADATA = ("author", "date", "site_name", "canonical_url", "description")
# The metadata key of another language version's address: "hreflang:es".
ALTERNATE_PREFIX = "hreflang:"

_DOCUMENT_COLUMNS = (
    "id, article_id, language, uri, title, source_url, byline, file_name, paragraph_count, "
    "sentence_count, word_count, character_count"
)
_DOCUMENT_COLUMNS_OF_D = ", ".join(f"d.{name}" for name in _DOCUMENT_COLUMNS.split(", "))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def translation_key(source_url: str) -> str:
    """The part of a source address that two translations of one report share."""
    parts = urlsplit(source_url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def document_uri(analysed: AnalysedDocument, file_name: str) -> str:
    """A stable identifier of one language version: its source address, else its file name."""
    language = analysed.language
    source_url = analysed.parsed.source_url
    if source_url:
        return f"{source_url.split('#')[0]}#lang={language}"
    stem = Path(file_name).stem
    return f"urn:parallel-reader:file:{quote(stem, safe='')}#lang={language}"


class Library:
    """A library file opened for reading and writing; one per thread.

    Reads go straight to the sqlite3 connection; writes go through sqlite-utils, which is
    imported at the first write (it costs a tenth of a second of start-up otherwise).
    """

    def __init__(self, path: Path, connection: sqlite3.Connection,
                 read_only_reason: str | None = None,
                 busy_timeout: float = BUSY_TIMEOUT, sound_since: float | None = None) -> None:
        self.path = path
        self._conn = connection
        self._busy_timeout = busy_timeout
        self.sound_since = sound_since
        """When the file's check last passed, if it is known to be sound (as this app left it
        after that check, or created by it): writes need not wait for a check. Else None."""
        self.read_only_reason = read_only_reason
        """Why the library is open for reading only ("the file is read-only", …), else None."""
        self._hold: tuple[str, bool] | None = None  # writes held: why, and whether damaged
        self._writer: sqlite_utils.Database | None = None
        self._batch_writer: sqlite_utils.Database | None = None  # while a batch is open
        self.alignments = AlignmentStore(connection, lambda: self._db)
        self.figures = FigureStore(connection, lambda: self._db)
        self.annotations = AnnotationStore(connection, lambda: self._db)
        self.bookmarks = BookmarkStore(connection, lambda: self._db)
        self.listing = ArticleListing(connection, lambda: self._db)
        self.search = SearchIndex(connection, lambda: self._db)

    @property
    def read_only(self) -> bool:
        """Whether the library is open for reading only: every write raises LibraryReadOnly."""
        return self.read_only_reason is not None

    def hold_writes(self, reason: str | None, damaged: bool = False) -> None:
        """Refuse every write until called with None: LibraryBusy (try again later) saying
        `reason`, such as while the file's quick check runs; with `damaged`, LibraryDamaged
        (for good: the check found damage). None lets writes through again."""
        self._hold = None if reason is None else (reason, damaged)
        if damaged:
            self.sound_since = None
            forget(self.path)

    def mark_sound(self) -> None:
        """The file's check has just passed: at close, note the file as sound."""
        self.sound_since = time.time()

    def note_sound(self) -> None:
        """If the file is known to be sound, put the log into it and note its size and time
        beside it (`reader.store.soundness`), so that the next opening need not check it."""
        if self.sound_since is None or self.read_only:
            return
        try:
            self.checkpoint()
        except (LibraryError, sqlite3.Error):
            return
        write_note(self.path, self.sound_since)

    def _refusal(self) -> WriteFailed | None:
        if self.read_only_reason is not None:
            return LibraryReadOnly(self.path, f"is open for reading only: {self.read_only_reason}")
        if self._hold is not None:
            reason, damaged = self._hold
            kind = LibraryDamaged if damaged else LibraryBusy
            return kind(self.path, f"{reason}; nothing was written")
        return None

    @property
    def _db(self) -> sqlite_utils.Database:
        if self._batch_writer is not None:
            return self._batch_writer
        if self._writer is None:
            refused = self._refusal()
            if refused is not None:  # refused anyway: sqlite-utils (~70 ms) is not loaded for it
                raise refused
            self._writer = _writer_for(self._conn, self.path, self._refusal,
                                       self._busy_timeout)
        return self._writer

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make the writes inside one transaction: all of them, or none if one fails.

        Writes that would open a transaction of their own join this one instead of nesting a
        savepoint in it: each savepoint makes the search index write out what it holds, which
        costs more than the write itself. A batch of imported files is therefore stored much
        faster than one transaction each. Batches do not nest.
        """
        if self._batch_writer is not None:
            raise RuntimeError("a batch is already open")
        self._batch_writer = _writer_for(self._conn, self.path, self._refusal,
                                         self._busy_timeout, join_transactions=True)
        try:
            with self._batch_writer.atomic():
                yield
        finally:
            self._batch_writer = None

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Tune the connection for many batches in a row (an import): a larger page cache
        and a longer write-ahead log between checkpoints (BULK_CACHE_KIB,
        BULK_CHECKPOINT_PAGES); put back as they were afterwards. Every batch is committed
        as before, so what a kill or a crash may lose is the same. The log may grow to about
        64 MB meanwhile: at the end it is copied into the file here (a passive checkpoint),
        not left to the next write of another connection, such as the window's."""
        if self.read_only_reason is not None:
            yield
            return
        cache_size = int(self._conn.execute("PRAGMA cache_size").fetchone()[0])
        checkpoint = int(self._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self._conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            with suppress(sqlite3.ProgrammingError):  # closed meanwhile: nothing to put back
                self._conn.execute(f"PRAGMA cache_size = {cache_size}")
                self._conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
                with suppress(sqlite3.OperationalError):  # a full disk: left to a later one
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, read_only: bool = False,
             busy_timeout: float | None = None) -> Library:
        """Open a library file, creating it or upgrading an older one in place.

        Raises LibraryError, without touching the file, when it is not a library of ours,
        was written by a newer version, is damaged (LibraryDamaged), or is locked by another
        program for longer than `busy_timeout` seconds (LibraryBusy). A file or folder that
        cannot be written, or `read_only`, opens the library for reading only (`read_only`,
        `read_only_reason`), not upgraded; an older one that cannot be read as it is raises
        LibraryReadOnly. Writers wait up to `busy_timeout` seconds (BUSY_TIMEOUT) for one
        another.
        """
        try:
            return cls._open(Path(path).expanduser(), read_only,
                             BUSY_TIMEOUT if busy_timeout is None else busy_timeout)
        except LibraryError as error:
            error.opening = True
            raise

    @classmethod
    def _open(cls, path: Path, read_only: bool, busy_timeout: float,
              reason: str | None = None) -> Library:
        if path.is_dir():
            raise LibraryError(path, "is a folder, not a library file")
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
        elif read_only:
            raise LibraryError(path, "does not exist")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        note = trusted_note(path) if existed else None
        # Known to be sound: as this app left it after a check passed, or created now by it.
        sound_since = time.time() if not existed else None if note is None else note.checked_at
        if reason is None and read_only:
            reason = "it was opened for reading only"
        elif reason is None:
            reason = _unwritable(path, existed)
        if reason is not None and not existed:
            raise LibraryReadOnly(path, f"cannot be created ({reason})")
        connection = _connect(path, reason, busy_timeout)
        try:
            if not existed:
                connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            version = _read_version(path, connection)
            if reason is not None:
                _check_readable(path, connection, version)
            elif version < SCHEMA_VERSION:
                from reader.store.schema import migrate

                if existed and version > 0:
                    backup_before_upgrade(path, connection, version)
                migrate(_writer_for(connection, path, lambda: None, busy_timeout), version)
                if existed and version < COMPACTED_AT:
                    _compact(connection)
            _check_tables(path, connection)
            connection.execute("PRAGMA foreign_keys = ON")
            if reason is None:
                if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.DatabaseError, DiskFull, OSError) as error:
            connection.close()
            if reason is None and existed and _disk_is_full(path, error):
                # A healthy library on a full disk: read as it is, not called damaged.
                return cls._open(path, read_only, busy_timeout, "the disk is full")
            if isinstance(error, sqlite3.DatabaseError):
                raise opening_error(path, error) from None
            raise
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, reason, busy_timeout, sound_since)

    def checkpoint(self) -> None:
        """Move what the write-ahead log holds into the library file and empty the log, so
        that the file alone is the library (before its size and time are noted)."""
        if self.read_only_reason is None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.ProgrammingError:
                return  # already closed: its close put everything in the file
            except sqlite3.Error as error:
                raise write_error(self.path, error) or error from error

    def quick_check(self) -> str | None:
        """SQLite's quick integrity check of the whole file: None if it passes, else the first
        problem it names. Reads every page: 12 s (26 s from a cold disk cache) for a 2.6 GB
        library of 100,000 articles; call it off the GUI thread, on a library of its own
        (`Library.open(path, read_only=True)`)."""
        try:
            rows = self._conn.execute("PRAGMA quick_check(1)").fetchall()
        except sqlite3.DatabaseError as error:
            return str(error)
        problem = str(rows[0][0]) if rows else "no answer"
        return None if problem == "ok" else problem

    def restore_from(self, backup: Path) -> Path:
        """Put a backup's content in place of the library's (SQLite's online backup into this
        connection), after the library as it is now is copied beside it
        (`NAME.YYYYMMDD-HHMMSS.before-restore`); that copy's path. LibraryError, with nothing
        changed, when the backup is not a library of this version; a WriteFailed kind when the
        library cannot be written."""
        refusal = self._refusal()
        if refusal is not None:
            raise refusal
        source = Library.open(Path(backup), read_only=True)
        try:
            version = int(source._conn.execute("PRAGMA user_version").fetchone()[0])
            if version != SCHEMA_VERSION:
                raise LibraryError(source.path, f"was made by library format {version}, this is "
                                   f"{SCHEMA_VERSION}: open it with --db to read it")
            kept = self.path.with_name(
                f"{self.path.name}.{time.strftime('%Y%m%d-%H%M%S')}.before-restore")
            self.backup_to(kept)
            self.sound_since = None  # the backup's pages were never checked in this file
            try:
                source._conn.backup(self._conn)
            except sqlite3.Error as error:
                raise write_error(self.path, error) or error from error
        finally:
            source.close()
        rotate_backups(self.path, "*.before-restore", BACKUPS_KEPT)
        return kept

    def backup_to(self, target: Path) -> None:
        """Copy the library, as it is now, into a new file (SQLite's online backup: others
        may go on writing meanwhile). The target is written beside itself first and renamed,
        so that it is never left half-written; an existing target is replaced."""
        target = Path(target)
        partial = target.with_name(f".{target.name}.partial")
        partial.unlink(missing_ok=True)
        try:
            copy = sqlite3.connect(str(partial))
            try:
                self._conn.backup(copy)
            finally:
                copy.close()
        except sqlite3.Error as error:
            partial.unlink(missing_ok=True)
            raise OSError(f"{target}: cannot be written ({error})") from None
        os.replace(partial, target)

    def close(self) -> None:
        """Close the file; the library object is unusable afterwards. A file known to be sound
        is noted as such once closed (the last connection's close puts the log into it)."""
        self._conn.close()
        if self.sound_since is not None and not self.read_only:
            write_note(self.path, self.sound_since)

    # -- library state ---------------------------------------------------------------------

    def trace_statements(self, callback: object) -> None:
        """Call `callback(sql)` for every statement run on this connection (None: stop)."""
        self._conn.set_trace_callback(callback)  # type: ignore[arg-type]

    def delete_article(self, article_id: int) -> RemovedArticle:
        """Delete an article and everything about it, keeping its highlights as kept notes
        (`reader.store.removal`); what was taken out, for `restore_article`. KeyError when
        there is no such article."""
        from reader.store.removal import remove_article

        with self._db.atomic():
            return remove_article(self._conn, article_id)

    def restore_article(self, removed: RemovedArticle) -> None:
        """Put a deleted article back as it was (undo of `delete_article`)."""
        from reader.store.removal import restore_article

        with self._db.atomic():
            restore_article(self._conn, removed)

    def kept_notes(self) -> list[KeptNote]:
        """The highlights and notes of deleted articles, the most recently kept first."""
        from reader.store.removal import kept_notes

        return kept_notes(self._conn)

    def meta(self, key: str) -> str | None:
        """A value the library keeps about itself."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Remember a value about the library itself."""
        with self._db.atomic():
            self._db.table("meta").upsert({"key": key, "value": value}, pk="key")

    def document_count(self) -> int:
        """How many language versions the library holds."""
        return int(self._conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- reading ---------------------------------------------------------------------------

    def article_summaries(self, preferred_language: str | None = None) -> list[ArticleSummary]:
        """Every article with its languages; titles in the preferred language where it exists."""
        rows = self._conn.execute(
            "SELECT a.id, a.place, d.language, d.title, d.word_count FROM articles a "
            "JOIN documents d ON d.article_id = a.id ORDER BY a.id, d.id"
        ).fetchall()
        grouped: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            grouped.setdefault(row[0], []).append(row)
        summaries = []
        for article_id, documents in grouped.items():
            shown = next((d for d in documents if d[2] == preferred_language), documents[0])
            summaries.append(
                ArticleSummary(
                    id=article_id,
                    title=shown[3] or "",
                    place=documents[0][1],
                    languages=tuple(d[2] for d in documents),
                    words=int(shown[4]),
                )
            )
        return summaries

    def article_exists(self, article_id: int) -> bool:
        """Whether an article of that id is in the library."""
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def documents_of(self, article_id: int) -> list[DocumentInfo]:
        """The language versions of an article, in import order."""
        rows = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE article_id = ? ORDER BY id",
            [article_id],
        ).fetchall()
        return [_document_info(row) for row in rows]

    def document(self, document_id: int) -> DocumentInfo:
        """One language version, without its text."""
        row = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise KeyError(document_id)
        return _document_info(row)

    def document_text(self, document_id: int) -> DocumentText:
        """A document's body text with its paragraphs and their sentences."""
        row = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS_OF_D}, t.packed_text, t.structure FROM documents d "
            f"JOIN {TEXTS} t ON t.id = d.id WHERE d.id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise KeyError(document_id)
        text = stored_text(row[-2])
        paragraphs, sentences = stored_structure(row[-1])
        spans: dict[int, list[tuple[int, int]]] = {}
        for sentence in sentences:
            spans.setdefault(sentence.paragraph, []).append((sentence.start, sentence.end))
        return DocumentText(_document_info(row[:-2]), text, tuple(
            ParagraphText(position, kind, section, start, end, text[start:end],
                          tuple(spans.get(position, ())))
            for position, (kind, section, start, end) in enumerate(paragraphs)))

    def shown_document(self, document_id: int) -> ShownDocument | None:
        """A document's text and metadata as `reader show` prints them; None when there is no
        such document. Format, author and date come from their own columns where the library
        has them (a format's reader fills them), else the byline and the article's date."""
        cursor = self._conn.execute("SELECT * FROM documents WHERE id = ?", [document_id])
        row = cursor.fetchone()
        if row is None:
            return None
        values = dict(zip((c[0] for c in cursor.description), row, strict=True))
        values = {**_metadata_of(values.get("metadata")), **values}
        published = self._conn.execute("SELECT published FROM articles WHERE id = ?",
                                       [values["article_id"]]).fetchone()

        def known(*names: str) -> str | None:
            found = next((values[n] for n in names if values.get(n) not in (None, "")), None)
            return None if found is None else str(found)

        return ShownDocument(
            int(values["id"]), int(values["article_id"]), str(values["title"] or ""),
            str(values["language"]), str(values["uri"]), known("source_url"),
            known("format", "source_format"), known("author", "byline"),
            known("date", "published_date") or (published[0] if published else None),
            text_of(self._conn, document_id) or "")

    def document_origin(self, document_id: int) -> DocumentOrigin:
        """Where a document came from: format, file or address, the page's metadata."""
        row = self._conn.execute(
            "SELECT file_name, source_format, origin, metadata FROM documents WHERE id = ?",
            [document_id]).fetchone()
        if row is None:
            raise KeyError(document_id)
        return DocumentOrigin(document_id, str(row[0] or ""), row[1] or None, row[2] or None,
                              _metadata_of(row[3]))

    def translation_addresses(self, document_id: int) -> list[TranslationAddress]:
        """The other language versions a document's page names, by language."""
        return [TranslationAddress(str(language), str(address))
                for language, address in self._conn.execute(
                    "SELECT language, address FROM translation_addresses "
                    "WHERE document_id = ? ORDER BY language", [document_id])]

    def missing_translations(self, article_id: int) -> list[TranslationAddress]:
        """The language versions an article's pages name that the article does not have."""
        rows = self._conn.execute(
            "SELECT t.language, min(t.address) FROM translation_addresses t "
            "JOIN documents d ON d.id = t.document_id WHERE d.article_id = ? "
            "AND t.language NOT IN (SELECT language FROM documents WHERE article_id = ?) "
            "GROUP BY t.language ORDER BY t.language", [article_id, article_id])
        return [TranslationAddress(str(language), str(address)) for language, address in rows]

    def sentences(self, document_id: int) -> list[SentenceRecord]:
        """A document's sentences in reading order, with their paragraph and text."""
        row = self._conn.execute(f"SELECT packed_text, structure FROM {TEXTS} WHERE id = ?",
                                 [document_id]).fetchone()
        if row is None:
            raise KeyError(document_id)
        text = stored_text(row[0])
        paragraphs, sentences = stored_structure(row[1])
        return [
            SentenceRecord(position, paragraph, start, end, text[start:end],
                           paragraphs[paragraph].section)
            for position, (paragraph, start, end) in enumerate(sentences)
            if paragraph < len(paragraphs)
        ]

    def document_with_text(self, content_hash: str) -> tuple[int, int] | None:
        """(document id, article id) of the document whose text has this fingerprint."""
        row = self._conn.execute("SELECT id, article_id FROM documents WHERE content_hash = ?",
                                 [content_hash]).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def content_hash_of(self, document_id: int) -> str:
        """The fingerprint of a document's current text."""
        row = self._conn.execute("SELECT content_hash FROM documents WHERE id = ?",
                                 [document_id]).fetchone()
        if row is None:
            raise KeyError(document_id)
        return str(row[0])

    def all_documents(self) -> list[DocumentInfo]:
        """Every document of the library, by article and import order."""
        rows = self._conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY article_id, id"
        ).fetchall()
        return [_document_info(row) for row in rows]

    # -- writing ---------------------------------------------------------------------------

    def link_articles(self, article_id: int, other_article_id: int) -> None:
        """Make another article's language versions translations of this one (one row)."""
        if article_id == other_article_id:
            raise ValueError("an article cannot be linked with itself")
        with self._db.atomic():
            mine = {d.language for d in self.documents_of(article_id)}
            theirs = {d.language for d in self.documents_of(other_article_id)}
            if mine & theirs:
                raise ValueError("both articles have a version in "
                                 + ", ".join(sorted(mine & theirs)))
            self._conn.execute("UPDATE documents SET article_id = ? WHERE article_id = ?",
                               [article_id, other_article_id])
            self._conn.execute("UPDATE bookmarks SET article_id = ? WHERE article_id = ?",
                               [article_id, other_article_id])
            self._conn.execute(
                "UPDATE articles SET translation_link = 'manual', "
                "starred = max(starred, (SELECT starred FROM articles WHERE id = ?)), "
                "place = coalesce(place, (SELECT place FROM articles WHERE id = ?)), "
                "read_at = coalesce(read_at, (SELECT read_at FROM articles WHERE id = ?)) "
                "WHERE id = ?",
                [other_article_id, other_article_id, other_article_id, article_id],
            )
            self._conn.execute("DELETE FROM articles WHERE id = ?", [other_article_id])
            refresh_article_listing(self._conn, article_id)

    def unlink_document(self, document_id: int) -> int:
        """Take a language version out of its article into an article of its own; its id."""
        document = self.document(document_id)
        if len(self.documents_of(document.article_id)) < 2:
            raise ValueError("the article has no other language version")
        with self._db.atomic():
            place = self._conn.execute("SELECT place FROM documents WHERE id = ?",
                                       [document_id]).fetchone()[0]
            cursor = self._conn.execute(
                "INSERT INTO articles (title, place, created_at, starred) VALUES (?, ?, ?, 0)",
                [document.title, place, _now()],
            )
            assert cursor.lastrowid is not None
            new_id = int(cursor.lastrowid)
            self._conn.execute("UPDATE documents SET article_id = ? WHERE id = ?",
                               [new_id, document_id])
            self._conn.execute("UPDATE bookmarks SET article_id = ? WHERE document_id = ?",
                               [new_id, document_id])
            refresh_article_listing(self._conn, document.article_id)
            refresh_article_listing(self._conn, new_id)
        return new_id

    def add_document(self, analysed: AnalysedDocument, file_name: str,
                     article_id: int | None = None, *, origin: str | None = None,
                     source_format: str | None = None,
                     list_columns: bool = True) -> ImportResult:
        """Store one analysed file, all or nothing; `origin` is the path or web address it
        came from, `source_format` the format it was read in. `list_columns=False` leaves
        the article's list columns to the caller's next write in the same transaction (the
        document's figures, which bring them up to date).

        A text already in the library is a duplicate; a new text of a language version the
        library knows (same source address and language, or same file name) replaces it.
        A new version joins the article `article_id` when given (the other version of a
        bilingual file), else the article of its source address, else the article of a page
        that names it as a language version or that it names as one (hreflang), else an
        article of its own.
        """
        join = article_id
        path = Path(file_name)
        existing = self._conn.execute(
            "SELECT id, article_id FROM documents WHERE content_hash = ?",
            [analysed.content_hash],
        ).fetchone()
        if existing is not None:
            return ImportResult(path, ImportStatus.DUPLICATE,
                                Reason(ReasonCode.ALREADY_IN_LIBRARY), existing[1], existing[0])
        uri = document_uri(analysed, path.name)
        with self._db.atomic():
            row = self._conn.execute(
                "SELECT id, article_id FROM documents WHERE uri = ?", [uri]
            ).fetchone()
            origins = {"origin": origin, "source_format": source_format}
            if row is not None:
                document_id, article_id = int(row[0]), int(row[1])
                self._replace_document(document_id, analysed, path.name, origins)
                status = ImportStatus.UPDATED
            else:
                article_id = self._article_for(analysed, origin) if join is None else join
                document_id = self._insert_document(article_id, uri, analysed, path.name,
                                                    origins)
                if join is not None:
                    self._conn.execute(
                        "UPDATE articles SET translation_link = coalesce(translation_link, "
                        "'bilingual file') WHERE id = ?", [join])
                status = ImportStatus.IMPORTED
            self._keep_translation_addresses(document_id, analysed)
            if list_columns:
                refresh_article_listing(self._conn, article_id)
        return ImportResult(path, status, "", article_id, document_id)

    def _article_for(self, analysed: AnalysedDocument, origin: str | None = None) -> int:
        source_url = analysed.parsed.source_url
        key = translation_key(source_url) if source_url else None
        if key:
            row = self._conn.execute(
                "SELECT id FROM articles WHERE translation_key = ?", [key]
            ).fetchone()
            if row is not None:
                if analysed.place:
                    self._conn.execute(
                        "UPDATE articles SET place = coalesce(place, ?) WHERE id = ?",
                        [analysed.place, row[0]],
                    )
                return int(row[0])
        named = self._article_naming(analysed, origin)
        if named is not None:
            return named
        return _insert_row(self._conn, "articles", {
            "translation_key": key,
            "translation_link": "source address" if key else None,
            "title": analysed.title,
            "place": analysed.place,
            "created_at": _now(),
        })

    def _article_naming(self, analysed: AnalysedDocument, origin: str | None) -> int | None:
        """The article a page joins as another language version: one whose page names this
        page's address among its versions, or one at an address this page names; never one
        that has a version in this page's language already."""
        own = {translation_key(a) for a in (analysed.parsed.source_url, origin) if a} - {""}
        named = [address for key, address in sorted(analysed.parsed.metadata.items())
                 if key.startswith(ALTERNATE_PREFIX) and translation_key(address) not in own]
        candidates: list[int] = []
        for key in sorted(own):
            candidates += [int(r[0]) for r in self._conn.execute(
                "SELECT d.article_id FROM translation_addresses t JOIN documents d "
                "ON d.id = t.document_id WHERE t.address_key = ? ORDER BY d.id", [key])]
        for address in named:
            candidates += [int(r[0]) for r in self._conn.execute(
                "SELECT id FROM articles WHERE translation_key = ?", [translation_key(address)])]
            candidates += [int(r[0]) for r in self._conn.execute(
                "SELECT article_id FROM documents WHERE source_url = ? ORDER BY id",
                [address])]
        for article_id in dict.fromkeys(candidates):
            languages = {d.language for d in self.documents_of(article_id)}
            if analysed.language not in languages:
                self._conn.execute(
                    "UPDATE articles SET translation_link = coalesce(translation_link, "
                    "'page alternates') WHERE id = ?", [article_id])
                return article_id
        return None

    def _keep_translation_addresses(self, document_id: int, analysed: AnalysedDocument) -> None:
        self._conn.execute("DELETE FROM translation_addresses WHERE document_id = ?",
                           [document_id])
        self._conn.executemany(
            "INSERT INTO translation_addresses (document_id, language, address, address_key) "
            "VALUES (?, ?, ?, ?)",
            [(document_id, key.removeprefix(ALTERNATE_PREFIX), address,
              translation_key(address))
             for key, address in analysed.parsed.metadata.items()
             if key.startswith(ALTERNATE_PREFIX)
             and key.removeprefix(ALTERNATE_PREFIX) != analysed.language])

    def _document_record(self, analysed: AnalysedDocument, file_name: str) -> dict[str, Any]:
        parsed = analysed.parsed
        kept = {key: parsed.metadata[key] for key in KEPT_METADATA if parsed.metadata.get(key)}
        return {
            "metadata": json.dumps(kept, ensure_ascii=False) if kept else None,
            "language": analysed.language,
            "title": analysed.title,
            "place": analysed.place,
            "source_label": parsed.source_label,
            "source_url": parsed.source_url,
            "byline": parsed.byline,
            "comment_count": parsed.comment_count,
            "file_name": file_name,
            "content_hash": analysed.content_hash,
            "paragraph_count": len(parsed.paragraphs),
            "sentence_count": analysed.sentence_count,
            "word_count": analysed.word_count,
            "character_count": analysed.character_count,
        }

    def _insert_document(
        self, article_id: int, uri: str, analysed: AnalysedDocument, file_name: str,
        origins: dict[str, str | None],
    ) -> int:
        now = _now()
        record = self._document_record(analysed, file_name)
        document_id = _insert_row(self._conn, "documents", {
            **record, **origins, "article_id": article_id, "uri": uri,
            "imported_at": now, "updated_at": now})
        store_text(self._conn, document_id, analysed.packed_text, analysed.packed_structure)
        self.search.index_document(document_id, record["title"] or "",
                                   analysed.parsed.body_text,
                                   (analysed.folded_title, analysed.folded_text))
        return document_id

    def _replace_document(self, document_id: int, analysed: AnalysedDocument,
                          file_name: str, origins: dict[str, str | None]) -> None:
        record = {**self._document_record(analysed, file_name), "updated_at": _now(),
                  **{key: value for key, value in origins.items() if value is not None}}
        self.search.forget_document(document_id)  # with the words of the row's old text
        self._db.table("documents").update(document_id, record)
        store_text(self._conn, document_id, analysed.packed_text, analysed.packed_structure)
        self.search.index_document(document_id, record["title"] or "",
                                   analysed.parsed.body_text,
                                   (analysed.folded_title, analysed.folded_text))
        # The reader's marks follow their words into the new text.
        self.annotations.reanchor_document(document_id, analysed.parsed.body_text)
        self.bookmarks.reanchor_document(document_id, analysed.parsed.body_text)


def load_writing_code() -> None:
    """Load what writes use (sqlite-utils, about 70 ms) before the first write needs it; the
    window does it off the GUI thread once it has painted, so a first star is as quick as the
    next."""
    import sqlite_utils  # noqa: F401


def _writer_for(connection: sqlite3.Connection, path: Path,
                refusal: Callable[[], WriteFailed | None],
                busy_timeout: float, join_transactions: bool = False) -> sqlite_utils.Database:
    kind = _writers()[1 if join_transactions else 0]
    # No sqlite-utils plugins: scanning for them costs start-up time and we use none.
    writer = kind(connection, execute_plugins=False)
    writer.library_path = path  # type: ignore[attr-defined]
    writer.refusal = refusal  # type: ignore[attr-defined]
    writer.busy_timeout = busy_timeout  # type: ignore[attr-defined]
    return writer


@cache
def _writers() -> tuple[type[sqlite_utils.Database], type[sqlite_utils.Database]]:
    """The library's writer, and one whose transactions join the one already open."""
    import sqlite_utils

    class LibraryWriter(sqlite_utils.Database):
        """The one way every store writes: a transaction that takes the write lock at once
        (`BEGIN IMMEDIATE`, so that two writers wait their turn rather than fail), and a
        failed write reported as the kind of WriteFailed it is."""

        library_path: Path
        refusal: Callable[[], WriteFailed | None]
        busy_timeout: float

        @contextmanager
        def atomic(self) -> Iterator[sqlite_utils.Database]:
            refused = self.refusal()
            if refused is not None:
                raise refused
            try:
                if self.conn.in_transaction:
                    with super().atomic():
                        yield self
                    return
                _begin_immediate(self.conn, self.busy_timeout)
                try:
                    yield self
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.rollback()
                    raise
            except (sqlite3.DatabaseError, OSError) as error:
                failed = write_error(self.library_path, error)
                if failed is None:
                    raise
                raise failed from error

    class JoiningWriter(LibraryWriter):
        """A writer whose transactions join the one already open rather than nest in it."""

        @contextmanager
        def atomic(self) -> Iterator[sqlite_utils.Database]:
            if self.conn.in_transaction:
                yield self
            else:
                with super().atomic():
                    yield self

    return LibraryWriter, JoiningWriter


# How often a writer that waits for another tries again for the write lock.
WAIT_STEP = 0.004


def _begin_immediate(connection: sqlite3.Connection, timeout: float) -> None:
    """Begin a transaction holding the write lock, waiting up to `timeout` seconds for it.

    Tried again every few milliseconds rather than through SQLite's busy handler, which sleeps
    up to a tenth of a second between tries and so misses the moment an import leaves between
    two of its batches: the window's notes would wait for the whole import.
    """
    deadline = time.monotonic() + timeout
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if _error_kind(error) != "BUSY" or time.monotonic() >= deadline:
                    raise
            time.sleep(WAIT_STEP)
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def _error_kind(error: BaseException) -> str:
    """BUSY, FULL, READONLY, CORRUPT, CANTOPEN or IOERR for the SQLite errors these are, else
    ""; by the error's code, else by its message (an error raised without one)."""
    name = str(getattr(error, "sqlite_errorname", "") or "").removeprefix("SQLITE_")
    base = name.split("_")[0]
    if base in ("BUSY", "LOCKED", "FULL", "READONLY", "CORRUPT", "CANTOPEN", "IOERR"):
        return base
    if base == "NOTADB":
        return "CORRUPT"
    message = str(error).lower()
    for words, kind in (("database is locked", "BUSY"), ("database table is locked", "BUSY"),
                        ("disk is full", "FULL"), ("readonly database", "READONLY"),
                        ("malformed", "CORRUPT"), ("not a database", "CORRUPT"),
                        ("unable to open database file", "CANTOPEN"),
                        ("disk i/o error", "IOERR")):
        if words in message:
            return kind
    return ""


def write_error(path: Path, error: BaseException) -> WriteFailed | None:
    """The kind of failed write an error of SQLite or of the system is, or None when it is
    none of them (a bug, a broken constraint: those stay what they are)."""
    if isinstance(error, WriteFailed):
        return None
    if isinstance(error, PermissionError):
        return LibraryReadOnly(path, f"cannot be written ({error.strerror})")
    if isinstance(error, OSError):
        import errno

        if error.errno == errno.ENOSPC:
            return DiskFull(path, "cannot be written: the disk is full")
        if error.errno == errno.EROFS:
            return LibraryReadOnly(path, "cannot be written: the disk is read-only")
        return None
    kind = _error_kind(error)
    if kind == "BUSY":
        return LibraryBusy(path, "is busy: another program is writing to it; nothing was "
                                 "written, try again when it is done")
    if kind == "FULL":
        return DiskFull(path, "cannot be written: the disk is full; nothing was written")
    if kind in ("READONLY", "CANTOPEN"):
        return LibraryReadOnly(path, "cannot be written: the file or its folder is read-only; "
                                     "nothing was written")
    if kind == "CORRUPT":
        return LibraryDamaged(path, f"is damaged ({error}); nothing was written")
    if kind == "IOERR":
        return WriteFailed(path, f"could not be written ({error}); nothing was written")
    return None


def reading_error(path: Path, error: BaseException) -> LibraryError | None:
    """What an error of SQLite while using a library tells the user (None: not SQLite's).

    Reads go straight to the connection; the command line turns what they raise into one line
    through this."""
    if not isinstance(error, sqlite3.Error):
        return None
    message = str(error)
    if message.startswith(("no such table", "no such column")):
        return LibraryDamaged(path, f"is damaged ({message})")
    if isinstance(error, sqlite3.DatabaseError) and _error_kind(error):
        failed = opening_error(path, error)
        failed.opening = False
        return failed
    return LibraryError(path, f"cannot be read ({message})")


def opening_error(path: Path, error: sqlite3.DatabaseError) -> LibraryError:
    """What an SQLite error while opening a library tells the user."""
    kind = _error_kind(error)
    if kind == "BUSY":
        return LibraryBusy(path, "is locked by another program; try again when it is done")
    if kind == "FULL":
        return DiskFull(path, "cannot be upgraded: the disk is full (the file is unchanged)")
    if kind in ("READONLY", "CANTOPEN"):
        return LibraryReadOnly(path, "cannot be opened: the file or its folder is read-only")
    if kind == "CORRUPT":
        return LibraryDamaged(path, f"is damaged ({error}); `reader recover` copies what can "
                                    "be read into a new file")
    return LibraryError(path, f"is damaged or not a database ({error})")


def _unwritable(path: Path, existed: bool) -> str | None:
    """Why a library file cannot be written, or None: the file itself, or its folder (which
    must hold the write-ahead log beside it)."""
    import errno

    if existed:
        try:
            os.close(os.open(path, os.O_RDWR))
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM):
                return "the file is read-only"
            if error.errno == errno.EROFS:
                return "the disk is read-only"
            raise
    folder = path.parent
    try:  # a test file of our own, gone at once: root ignores the folder's permission bits
        fd = os.open(folder / f".{path.name}-{os.getpid()}-probe",
                     os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EPERM):
            return "its folder is read-only"
        if error.errno == errno.EROFS:
            return "the disk is read-only"
        if error.errno == errno.ENOSPC:
            return None  # opened for writing; its writes will say the disk is full
        raise
    os.close(fd)
    os.unlink(folder / f".{path.name}-{os.getpid()}-probe")
    return None


def _connect(path: Path, read_only_reason: str | None, busy_timeout: float) -> sqlite3.Connection:
    if read_only_reason is None:
        connection = sqlite3.connect(str(path), timeout=busy_timeout)
        connection.isolation_level = "IMMEDIATE"  # a statement's own transaction, too
        return connection
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=busy_timeout)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if _error_kind(error) not in ("CANTOPEN", "IOERR"):
            connection.close()
            raise opening_error(path, error) from None
        # A write-ahead log library in a folder that cannot hold its log (read-only, or on a
        # full disk): nobody can write it (nor its log) here, so it is read as it is.
        connection.close()
        connection = sqlite3.connect(f"{uri}&immutable=1", uri=True, timeout=busy_timeout)
    return connection


def _compact(connection: sqlite3.Connection) -> None:
    """Give the pages an upgrade freed back to the disk (VACUUM, after the upgrade's
    transaction: the file shrinks by what the upgrade took out), in pages of PAGE_SIZE (a
    page size changes only outside write-ahead logging, which the caller turns on again). A
    file that cannot be compacted now (a full disk, another program reading it) stays as
    large as it was."""
    with suppress(sqlite3.OperationalError):
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    with suppress(sqlite3.OperationalError):
        connection.execute("VACUUM")


def _disk_is_full(path: Path, error: BaseException) -> bool:
    """Whether an error opening a library came of its disk being full."""
    import errno

    if isinstance(error, DiskFull) or _error_kind(error) == "FULL":
        return True
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    if _error_kind(error) not in ("IOERR", "CANTOPEN"):
        return False
    try:
        space = os.statvfs(path.parent)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < 256 * 1024


def _check_tables(path: Path, connection: sqlite3.Connection) -> None:
    """LibraryDamaged when a library lacks one of the tables its version has."""
    present = {str(row[0]) for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    missing = sorted(REQUIRED_TABLES.get(version, frozenset()) - present)
    if missing:
        raise LibraryDamaged(path, f"is damaged: its table {missing[0]!r} is missing")


def _check_readable(path: Path, connection: sqlite3.Connection, version: int) -> None:
    """A read-only library of an older version is read as it is when it has every table and
    column this version reads; otherwise LibraryReadOnly says it needs an upgrade."""
    if version >= SCHEMA_VERSION:
        return
    from reader.store.schema import current_columns

    wanted = current_columns()
    missing: list[str] = []
    for table, columns in wanted.items():
        present = {str(row[1]) for row in connection.execute(
            "SELECT * FROM pragma_table_info(?)", [table])}
        missing.extend(f"{table}.{column}" for column in sorted(columns - present))
    if missing:
        raise LibraryReadOnly(
            path, f"was written by an older version (library format {version}) and must be "
                  f"upgraded to format {SCHEMA_VERSION} to be read, but it cannot be written "
                  "(make the file and its folder writable, or copy it elsewhere)")


def _metadata_of(stored: object) -> dict[str, str]:
    """A document's stored metadata (JSON text) as a dictionary; {} when none or unreadable."""
    if not stored:
        return {}
    try:
        found = json.loads(str(stored))
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(key): str(value) for key, value in found.items() if value not in (None, "")}


def _insert_row(conn: sqlite3.Connection, table: str, record: dict[str, Any]) -> int:
    """Insert one row (column names from our own code, never from input); its id."""
    columns = tuple(record)
    cursor = conn.execute(_insert_statement(table, columns), list(record.values()))
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


@cache
def _insert_statement(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{column}"' for column in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def _document_info(row: Any) -> DocumentInfo:
    return DocumentInfo(
        id=int(row[0]),
        article_id=int(row[1]),
        language=str(row[2]),
        uri=str(row[3]),
        title=str(row[4] or ""),
        source_url=row[5],
        byline=row[6],
        file_name=str(row[7] or ""),
        paragraphs=int(row[8]),
        sentences=int(row[9]),
        words=int(row[10]),
        characters=int(row[11]),
    )


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise LibraryError(path, f"cannot be read ({error.strerror})") from None
    if not header.startswith(b"SQLite format 3\x00"):
        raise LibraryError(path, "is not a Parallel Reader library (not an SQLite file)")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise LibraryError(path, "is an SQLite file of another program, not a library")


def _read_version(path: Path, connection: sqlite3.Connection) -> int:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    has_tables = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    ).fetchone()[0] > 0
    if application_id != APPLICATION_ID and has_tables:
        raise LibraryError(path, "is an SQLite database of another program, not a library")
    if application_id != APPLICATION_ID:
        return 0
    if version > SCHEMA_VERSION:
        raise LibraryError(
            path,
            f"was written by a newer Parallel Reader (library format {version}; "
            f"this version reads up to {SCHEMA_VERSION})",
        )
    return version


# Automatic backups kept beside a library (one before each upgrade): the newest few.
BACKUPS_KEPT = 3


def backup_before_upgrade(path: Path, connection: sqlite3.Connection, version: int) -> None:
    """Copy an older library beside itself (`NAME.vN-backup`) before upgrading it, with SQLite's
    online backup; the oldest such copies beyond the last BACKUPS_KEPT are deleted."""
    target = path.with_name(f"{path.name}.v{version}-backup")
    if target.exists():
        return
    partial = target.with_name(f".{target.name}.partial")
    try:
        backup = sqlite3.connect(str(partial))
        try:
            connection.backup(backup)
        finally:
            backup.close()
    except BaseException:
        partial.unlink(missing_ok=True)  # a disk too full for the copy keeps no half of it
        raise
    os.replace(partial, target)
    shutil.copystat(path, target)
    target.touch()  # its age is when it was made, for the rotation
    rotate_backups(path, "v*-backup")


def rotate_backups(path: Path, pattern: str, keep: int = BACKUPS_KEPT) -> list[Path]:
    """Delete all but the newest `keep` files beside a library named `NAME.<pattern>`; the
    ones deleted."""
    found = sorted(path.parent.glob(f"{path.name}.{pattern}"),
                   key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for old in found[keep:]:
        old.unlink(missing_ok=True)
    return found[keep:]


def timestamped_backup_path(path: Path) -> Path:
    """Where `reader backup` writes by default: `NAME.YYYYMMDD-HHMMSS.backup` beside it."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.{stamp}.backup")
