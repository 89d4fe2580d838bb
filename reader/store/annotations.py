"""Stored annotations: highlighted passages with colour, note and tags, anchored to text.

Every change is its own committed transaction: nothing waits for a save, and a killed app
loses nothing it showed as done (the library runs in WAL mode, where a commit is on disk in
the log before the call returns).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.store.listing import refresh_document_listing
from reader.store.records import COLOURS, Annotation
from reader.store.texts import text_of
from reader.text.anchoring import TextQuote, quote_at, reanchor

if TYPE_CHECKING:
    import sqlite_utils


_SELECT = (
    'SELECT a.id, a.uid, a.document_id, d.article_id, d.language, d.uri, d.title, a.start, '
    'a."end", a.exact, a.prefix, a.suffix, a.color, a.note, a.tags, a.orphaned, a.created_at, '
    "a.updated_at FROM annotations a JOIN documents d ON d.id = a.document_id"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as a reader means them: trimmed, no empty ones, no repeats, in the given order."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


class AnnotationStore:
    """Reads and writes the annotations of a library."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    # -- reading ---------------------------------------------------------------------------

    def get(self, annotation_id: int) -> Annotation:
        """One annotation; KeyError when there is none of that id."""
        row = self._conn.execute(f"{_SELECT} WHERE a.id = ?", [annotation_id]).fetchone()
        if row is None:
            raise KeyError(annotation_id)
        return _annotation(row)

    def of_document(self, document_id: int) -> list[Annotation]:
        """A language version's annotations in reading order (orphaned ones last)."""
        rows = self._conn.execute(
            f"{_SELECT} WHERE a.document_id = ? ORDER BY a.orphaned, a.start, a.id",
            [document_id],
        ).fetchall()
        return [_annotation(row) for row in rows]

    def newest_first(self, article_id: int | None = None) -> list[Annotation]:
        """Every annotation of the library, or of one article, newest first."""
        where, parameters = ("WHERE d.article_id = ?", [article_id]) if article_id else ("", [])
        rows = self._conn.execute(
            f"{_SELECT} {where} ORDER BY a.created_at DESC, a.id DESC", parameters
        ).fetchall()
        return [_annotation(row) for row in rows]

    def count(self) -> int:
        """How many annotations the library holds."""
        return int(self._conn.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def uids(self) -> set[str]:
        """The lasting identities of every annotation."""
        return {str(row[0]) for row in self._conn.execute("SELECT uid FROM annotations")}

    # -- writing ---------------------------------------------------------------------------

    def add(self, document_id: int, start: int, end: int, colour: str = "yellow",
            note: str = "", tags: Iterable[str] = (), uid: str | None = None,
            created_at: str | None = None) -> Annotation:
        """Highlight `start`..`end` of a document's text; the quote is taken from the text.
        `uid` and `created_at` are given when a highlight made earlier is stored late."""
        _check_colour(colour)
        text = self._text_of(document_id)
        quote = quote_at(text, start, end)
        return self._insert(document_id, start, end, quote, colour, note, clean_tags(tags),
                            uid or _new_uid(), created_at, created_at, orphaned=False)

    def with_uid(self, uid: str) -> Annotation | None:
        """The annotation with this lasting identity, if the library holds it."""
        row = self._conn.execute(f"{_SELECT} WHERE a.uid = ?", [uid]).fetchone()
        return None if row is None else _annotation(row)

    def add_from_quote(self, document_id: int, quote: TextQuote, start: int | None,
                       colour: str, note: str, tags: Iterable[str], uid: str,
                       created_at: str | None = None,
                       updated_at: str | None = None) -> Annotation:
        """Store an annotation made elsewhere, found in this document's text by its quote and
        position; kept as orphaned when its passage is not there."""
        _check_colour(colour)
        anchor = reanchor(self._text_of(document_id), quote, start)
        begin, finish = (anchor.start, anchor.end) if anchor else (start or 0, start or 0)
        try:
            return self._insert(document_id, begin, finish, quote, colour, note,
                                clean_tags(tags), uid, created_at, updated_at,
                                orphaned=anchor is None)
        except sqlite3.IntegrityError as error:  # a duplicate identity, a missing document
            raise ValueError(str(error)) from error

    def update(self, annotation_id: int, *, colour: str | None = None, note: str | None = None,
               tags: Iterable[str] | None = None) -> Annotation:
        """Change an annotation's colour, note or tags; the others stay."""
        changes: dict[str, Any] = {}
        if colour is not None:
            _check_colour(colour)
            changes["color"] = colour
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = json.dumps(list(clean_tags(tags)), ensure_ascii=False)
        if changes:
            self.get(annotation_id)
            changes["updated_at"] = _now()
            db = self._writer()
            with db.atomic():
                db.table("annotations").update(annotation_id, changes)
        return self.get(annotation_id)

    def delete(self, annotation_id: int) -> Annotation:
        """Remove an annotation; what it was, so that it can be put back."""
        annotation = self.get(annotation_id)
        with self._writer().atomic():
            self._conn.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            refresh_document_listing(self._conn, annotation.document_id)
        return annotation

    def restore(self, annotation: Annotation) -> Annotation:
        """Put back a deleted annotation exactly as it was, under its old id."""
        with self._writer().atomic():
            self._conn.execute(
                'INSERT INTO annotations (id, uid, document_id, start, "end", exact, prefix, '
                "suffix, color, note, tags, orphaned, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [annotation.id, annotation.uid, annotation.document_id, annotation.start,
                 annotation.end, annotation.exact, annotation.prefix, annotation.suffix,
                 annotation.colour, annotation.note,
                 json.dumps(list(annotation.tags), ensure_ascii=False),
                 int(annotation.orphaned), annotation.created_at, annotation.updated_at],
            )
            refresh_document_listing(self._conn, annotation.document_id)
        return self.get(annotation.id)

    def reanchor_document(self, document_id: int, new_text: str) -> None:
        """Find every annotation of a document again in its new text (inside the caller's
        transaction); one that cannot be found is kept as orphaned."""
        rows = self._conn.execute(
            'SELECT id, start, "end", exact, prefix, suffix FROM annotations '
            "WHERE document_id = ?",
            [document_id],
        ).fetchall()
        for annotation_id, start, _end, exact, prefix, suffix in rows:
            anchor = reanchor(new_text, TextQuote(exact, prefix or "", suffix or ""), start)
            if anchor is None:
                self._conn.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?",
                                   [annotation_id])
                continue
            quote = quote_at(new_text, anchor.start, anchor.end)
            self._conn.execute(
                'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, '
                "suffix = ?, orphaned = 0 WHERE id = ?",
                [anchor.start, anchor.end, quote.exact, quote.prefix, quote.suffix,
                 annotation_id],
            )

    # -- helpers ---------------------------------------------------------------------------

    def _text_of(self, document_id: int) -> str:
        text = text_of(self._conn, document_id)
        if text is None:
            raise KeyError(document_id)
        return text

    def _insert(self, document_id: int, start: int, end: int, quote: TextQuote, colour: str,
                note: str, tags: tuple[str, ...], uid: str, created_at: str | None,
                updated_at: str | None, *, orphaned: bool) -> Annotation:
        now = _now()
        with self._writer().atomic():
            cursor = self._conn.execute(
                'INSERT INTO annotations (uid, document_id, start, "end", exact, prefix, suffix, '
                "color, note, tags, orphaned, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [uid, document_id, start, end, quote.exact, quote.prefix, quote.suffix, colour,
                 note, json.dumps(list(tags), ensure_ascii=False), int(orphaned),
                 created_at or now, updated_at or created_at or now],
            )
            refresh_document_listing(self._conn, document_id)
        assert cursor.lastrowid is not None
        return self.get(int(cursor.lastrowid))


def _check_colour(colour: str) -> None:
    if colour not in COLOURS:
        raise ValueError(f"unknown highlight colour {colour!r}; choose one of "
                         + ", ".join(COLOURS))


def _annotation(row: Any) -> Annotation:
    return Annotation(
        id=int(row[0]),
        uid=str(row[1]),
        document_id=int(row[2]),
        article_id=int(row[3]),
        language=str(row[4]),
        document_uri=str(row[5]),
        article_title=str(row[6] or ""),
        start=int(row[7]),
        end=int(row[8]),
        exact=str(row[9]),
        prefix=str(row[10] or ""),
        suffix=str(row[11] or ""),
        colour=str(row[12]),
        note=str(row[13] or ""),
        tags=tuple(json.loads(row[14] or "[]")),
        orphaned=bool(row[15]),
        created_at=str(row[16]),
        updated_at=str(row[17] or row[16]),
    )


def _new_uid() -> str:
    """A new random identifier (uuid loads when first needed: it is not needed at start-up)."""
    import uuid

    return uuid.uuid4().hex
