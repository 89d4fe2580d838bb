"""The library: one SQLite file of articles, documents and the reader's notes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from reader.store.alignments import AlignmentStore
from reader.store.annotations import AnnotationStore
from reader.store.bookmarks import BookmarkStore
from reader.store.errors import LibraryError
from reader.store.figures import FigureStore
from reader.store.listing import ArticleListing, refresh_article_listing
from reader.store.records import (
    ArticleSummary,
    DocumentInfo,
    DocumentText,
    ImportResult,
    ImportStatus,
    ParagraphText,
    SentenceRecord,
)
from reader.store.schema import APPLICATION_ID, SCHEMA_VERSION
from reader.store.search import SearchIndex

if TYPE_CHECKING:
    import sqlite_utils

    from reader.text.analysis import AnalysedDocument

_DOCUMENT_COLUMNS = (
    "id, article_id, language, uri, title, source_url, byline, file_name, paragraph_count, "
    "sentence_count, word_count, character_count"
)


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

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._conn = connection
        self._writer: sqlite_utils.Database | None = None
        self._batch_writer: sqlite_utils.Database | None = None  # while a batch is open
        self.alignments = AlignmentStore(connection, lambda: self._db)
        self.figures = FigureStore(connection, lambda: self._db)
        self.annotations = AnnotationStore(connection, lambda: self._db)
        self.bookmarks = BookmarkStore(connection, lambda: self._db)
        self.listing = ArticleListing(connection, lambda: self._db)
        self.search = SearchIndex(connection, lambda: self._db)

    @property
    def _db(self) -> sqlite_utils.Database:
        if self._batch_writer is not None:
            return self._batch_writer
        if self._writer is None:
            self._writer = _writer_for(self._conn)
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
        self._batch_writer = _writer_for(self._conn, join_transactions=True)
        try:
            with self._batch_writer.atomic():
                yield
        finally:
            self._batch_writer = None

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Library:
        """Open a library file, creating it or upgrading an older one in place.

        Raises LibraryError, without touching the file, when it is not a library of ours,
        was written by a newer version, or is damaged.
        """
        path = Path(path).expanduser()
        if path.is_dir():
            raise LibraryError(path, "is a folder, not a library file")
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path))
        try:
            version = _read_version(path, connection)
            if version < SCHEMA_VERSION:
                from reader.store.schema import migrate

                if existed and version > 0:
                    _backup(path, connection, version)
                migrate(_writer_for(connection), version)
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA busy_timeout = 5000")
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            connection.close()
            raise LibraryError(path, f"is damaged or not a database ({error})") from None
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def close(self) -> None:
        """Close the file; the library object is unusable afterwards."""
        self._conn.close()

    # -- library state ---------------------------------------------------------------------

    def trace_statements(self, callback: object) -> None:
        """Call `callback(sql)` for every statement run on this connection (None: stop)."""
        self._conn.set_trace_callback(callback)  # type: ignore[arg-type]

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
            f"SELECT {_DOCUMENT_COLUMNS}, text FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise KeyError(document_id)
        text = str(row[-1])
        sentences: dict[int, list[tuple[int, int]]] = {}
        for paragraph_id, start, end in self._conn.execute(
            "SELECT paragraph_id, start, end FROM sentences WHERE document_id = ? "
            "ORDER BY position",
            [document_id],
        ):
            sentences.setdefault(paragraph_id, []).append((start, end))
        paragraphs = tuple(
            ParagraphText(position, kind, section, start, end, text[start:end],
                          tuple(sentences.get(paragraph_id, ())))
            for paragraph_id, position, kind, section, start, end in self._conn.execute(
                "SELECT id, position, kind, section, start, end FROM paragraphs "
                "WHERE document_id = ? ORDER BY position",
                [document_id],
            )
        )
        return DocumentText(_document_info(row[:-1]), text, paragraphs)

    def sentences(self, document_id: int) -> list[SentenceRecord]:
        """A document's sentences in reading order, with their paragraph and text."""
        text_row = self._conn.execute("SELECT text FROM documents WHERE id = ?",
                                      [document_id]).fetchone()
        if text_row is None:
            raise KeyError(document_id)
        text = str(text_row[0])
        return [
            SentenceRecord(int(position), int(paragraph), int(start), int(end), text[start:end])
            for position, paragraph, start, end in self._conn.execute(
                "SELECT s.position, p.position, s.start, s.end FROM sentences s "
                "JOIN paragraphs p ON p.id = s.paragraph_id WHERE s.document_id = ? "
                "ORDER BY s.position",
                [document_id],
            )
        ]

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
                "place = coalesce(place, (SELECT place FROM articles WHERE id = ?)) "
                "WHERE id = ?",
                [other_article_id, other_article_id, article_id],
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

    def add_document(self, analysed: AnalysedDocument, file_name: str) -> ImportResult:
        """Store one analysed file, all or nothing.

        A text already in the library is a duplicate; a new text of a language version the
        library knows (same source address and language, or same file name) replaces it.
        """
        path = Path(file_name)
        existing = self._conn.execute(
            "SELECT id, article_id FROM documents WHERE content_hash = ?",
            [analysed.content_hash],
        ).fetchone()
        if existing is not None:
            return ImportResult(path, ImportStatus.DUPLICATE, "already in the library",
                                existing[1], existing[0])
        uri = document_uri(analysed, path.name)
        with self._db.atomic():
            row = self._conn.execute(
                "SELECT id, article_id FROM documents WHERE uri = ?", [uri]
            ).fetchone()
            if row is not None:
                document_id, article_id = int(row[0]), int(row[1])
                self._replace_document(document_id, analysed, path.name)
                status = ImportStatus.UPDATED
            else:
                article_id = self._article_for(analysed)
                document_id = self._insert_document(article_id, uri, analysed, path.name)
                status = ImportStatus.IMPORTED
            self._insert_structure(document_id, analysed)
            refresh_article_listing(self._conn, article_id)
        return ImportResult(path, status, "", article_id, document_id)

    def _article_for(self, analysed: AnalysedDocument) -> int:
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
        table = self._db.table("articles")
        table.insert(
            {
                "translation_key": key,
                "translation_link": "source address" if key else None,
                "title": analysed.title,
                "place": analysed.place,
                "created_at": _now(),
            }
        )
        return _last_id(table)

    def _document_record(self, analysed: AnalysedDocument, file_name: str) -> dict[str, Any]:
        parsed = analysed.parsed
        return {
            "language": analysed.language,
            "title": analysed.title,
            "place": analysed.place,
            "source_label": parsed.source_label,
            "source_url": parsed.source_url,
            "byline": parsed.byline,
            "comment_count": parsed.comment_count,
            "file_name": file_name,
            "content_hash": analysed.content_hash,
            "text": parsed.body_text,
            "paragraph_count": len(parsed.paragraphs),
            "sentence_count": analysed.sentence_count,
            "word_count": analysed.word_count,
            "character_count": analysed.character_count,
        }

    def _insert_document(
        self, article_id: int, uri: str, analysed: AnalysedDocument, file_name: str
    ) -> int:
        table = self._db.table("documents")
        now = _now()
        record = self._document_record(analysed, file_name)
        table.insert({**record, "article_id": article_id, "uri": uri, "imported_at": now,
                      "updated_at": now})
        document_id = _last_id(table)
        self.search.index_document(document_id, record["title"] or "", record["text"])
        return document_id

    def _replace_document(self, document_id: int, analysed: AnalysedDocument,
                          file_name: str) -> None:
        self._conn.execute("DELETE FROM sentences WHERE document_id = ?", [document_id])
        self._conn.execute("DELETE FROM paragraphs WHERE document_id = ?", [document_id])
        record = {**self._document_record(analysed, file_name), "updated_at": _now()}
        self._db.table("documents").update(document_id, record)
        self.search.index_document(document_id, record["title"] or "", record["text"])
        # The reader's marks follow their words into the new text.
        self.annotations.reanchor_document(document_id, analysed.parsed.body_text)
        self.bookmarks.reanchor_document(document_id, analysed.parsed.body_text)

    def _insert_structure(self, document_id: int, analysed: AnalysedDocument) -> None:
        # Ids are given, not fetched row by row: this runs inside the import's transaction,
        # the only writer, and two bulk statements are much faster than one per paragraph.
        next_id = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM paragraphs")
                      .fetchone()[0]) + 1
        paragraph_rows: list[tuple[int, int, int, str, int, int, int]] = []
        sentence_rows: list[tuple[int, int, int, int, int]] = []
        for paragraph, spans in zip(analysed.parsed.paragraphs, analysed.sentences, strict=True):
            paragraph_id = next_id + paragraph.position
            paragraph_rows.append((paragraph_id, document_id, paragraph.position,
                                   paragraph.kind.value, paragraph.section, paragraph.start,
                                   paragraph.end))
            first = len(sentence_rows)
            sentence_rows.extend(
                (document_id, paragraph_id, first + index, span.start, span.end)
                for index, span in enumerate(spans)
            )
        self._conn.executemany(
            'INSERT INTO paragraphs (id, document_id, position, kind, section, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            paragraph_rows,
        )
        self._conn.executemany(
            'INSERT INTO sentences (document_id, paragraph_id, position, start, "end") '
            "VALUES (?, ?, ?, ?, ?)",
            sentence_rows,
        )


def load_writing_code() -> None:
    """Load what writes use (sqlite-utils, about 70 ms) before the first write needs it; the
    window does it off the GUI thread once it has painted, so a first star is as quick as the
    next."""
    import sqlite_utils  # noqa: F401


def _writer_for(connection: sqlite3.Connection,
                join_transactions: bool = False) -> sqlite_utils.Database:
    import sqlite_utils

    kind = _joining_database() if join_transactions else sqlite_utils.Database
    # No sqlite-utils plugins: scanning for them costs start-up time and we use none.
    return kind(connection, execute_plugins=False)


@cache
def _joining_database() -> type[sqlite_utils.Database]:
    import sqlite_utils

    class JoiningDatabase(sqlite_utils.Database):
        """A writer whose transactions join the one already open rather than nest in it."""

        @contextmanager
        def atomic(self) -> Iterator[sqlite_utils.Database]:
            if self.conn.in_transaction:
                yield self
            else:
                with super().atomic():
                    yield self

    return JoiningDatabase


def _last_id(table: sqlite_utils.db.Table) -> int:
    """The id of the row a table's last insert wrote."""
    assert table.last_pk is not None
    return int(table.last_pk)


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


def _backup(path: Path, connection: sqlite3.Connection, version: int) -> None:
    """Copy an older library beside itself before upgrading it."""
    target = path.with_name(f"{path.name}.v{version}-backup")
    if target.exists():
        return
    backup = sqlite3.connect(str(target))
    try:
        connection.backup(backup)
    finally:
        backup.close()
    shutil.copystat(path, target)
