"""Stars on articles and bookmarks on sentences; each change committed at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.store.records import Bookmark, StarredArticle
from reader.store.texts import text_of
from reader.text.anchoring import TextQuote, reanchor

if TYPE_CHECKING:
    import sqlite_utils

_SELECT = (
    'SELECT b.id, b.article_id, b.document_id, d.language, d.title, b.start, b."end", b.label, '
    "b.created_at FROM bookmarks b JOIN documents d ON d.id = b.document_id"
)


class BookmarkStore:
    """Reads and writes stars and bookmarks."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    # -- stars -----------------------------------------------------------------------------

    def is_starred(self, article_id: int) -> bool:
        """Whether the reader starred an article."""
        row = self._conn.execute("SELECT starred FROM articles WHERE id = ?",
                                 [article_id]).fetchone()
        return bool(row and row[0])

    def set_starred(self, article_id: int, starred: bool) -> None:
        """Star or unstar an article."""
        with self._writer().atomic():
            self._conn.execute("UPDATE articles SET starred = ? WHERE id = ?",
                               [int(starred), article_id])

    def starred_ids(self) -> set[int]:
        """The ids of every starred article."""
        return {int(row[0]) for row in
                self._conn.execute("SELECT id FROM articles WHERE starred = 1")}

    def starred_articles(self, preferred_language: str | None = None) -> list[StarredArticle]:
        """Every starred article, titled in the preferred language where it has one."""
        rows = self._conn.execute(
            "SELECT a.id, d.language, d.title FROM articles a "
            "JOIN documents d ON d.article_id = a.id WHERE a.starred = 1 ORDER BY a.id, d.id"
        ).fetchall()
        grouped: dict[int, list[tuple[str, str]]] = {}
        for article_id, language, title in rows:
            grouped.setdefault(int(article_id), []).append((str(language), str(title or "")))
        starred = []
        for article_id, documents in grouped.items():
            title = next((t for lang, t in documents if lang == preferred_language),
                         documents[0][1])
            starred.append(StarredArticle(article_id, title, tuple(d[0] for d in documents)))
        return starred

    # -- read marks ------------------------------------------------------------------------

    def is_read(self, article_id: int) -> bool:
        """Whether the reader has opened an article (and not marked it unread since)."""
        row = self._conn.execute("SELECT read_at IS NOT NULL FROM articles WHERE id = ?",
                                 [article_id]).fetchone()
        return bool(row and row[0])

    def set_read(self, article_id: int, read: bool) -> bool:
        """Mark an article read (now) or unread; whether its mark changed."""
        now = datetime.now(UTC).isoformat(timespec="seconds") if read else None
        with self._writer().atomic():
            cursor = self._conn.execute(
                "UPDATE articles SET read_at = ? WHERE id = ? AND (read_at IS NULL) = ?",
                [now, article_id, int(read)])
        return cursor.rowcount > 0

    # -- bookmarks -------------------------------------------------------------------------

    def add(self, document_id: int, start: int, end: int) -> Bookmark:
        """Bookmark the sentence at `start`..`end` of a document."""
        row = self._conn.execute("SELECT article_id FROM documents WHERE id = ?",
                                 [document_id]).fetchone()
        text = text_of(self._conn, document_id)
        if row is None or text is None:
            raise KeyError(document_id)
        if not 0 <= start < end <= len(text):
            raise ValueError(f"place {start}-{end} is outside the text")
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self._writer().atomic():
            cursor = self._conn.execute(
                'INSERT INTO bookmarks (article_id, document_id, start, "end", label, '
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [int(row[0]), document_id, start, end, text[start:end], now],
            )
        assert cursor.lastrowid is not None
        return self.get(int(cursor.lastrowid))

    def get(self, bookmark_id: int) -> Bookmark:
        """One bookmark; KeyError when there is none of that id."""
        row = self._conn.execute(f"{_SELECT} WHERE b.id = ?", [bookmark_id]).fetchone()
        if row is None:
            raise KeyError(bookmark_id)
        return _bookmark(row)

    def delete(self, bookmark_id: int) -> Bookmark:
        """Remove a bookmark; what it was, so that it can be put back."""
        bookmark = self.get(bookmark_id)
        with self._writer().atomic():
            self._conn.execute("DELETE FROM bookmarks WHERE id = ?", [bookmark_id])
        return bookmark

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put back a deleted bookmark under its old id."""
        with self._writer().atomic():
            self._conn.execute(
                'INSERT INTO bookmarks (id, article_id, document_id, start, "end", label, '
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [bookmark.id, bookmark.article_id, bookmark.document_id, bookmark.start,
                 bookmark.end, bookmark.label, bookmark.created_at],
            )
        return self.get(bookmark.id)

    def of_document(self, document_id: int) -> list[Bookmark]:
        """A language version's bookmarks in reading order."""
        rows = self._conn.execute(f"{_SELECT} WHERE b.document_id = ? ORDER BY b.start",
                                  [document_id]).fetchall()
        return [_bookmark(row) for row in rows]

    def newest_first(self) -> list[Bookmark]:
        """Every bookmark of the library, newest first."""
        rows = self._conn.execute(
            f"{_SELECT} ORDER BY b.created_at DESC, b.id DESC").fetchall()
        return [_bookmark(row) for row in rows]

    def reanchor_document(self, document_id: int, new_text: str) -> None:
        """Find each bookmarked sentence again in a document's new text (inside the caller's
        transaction); one whose sentence is gone stays at the nearest place that exists."""
        rows = self._conn.execute(
            'SELECT id, start, "end", label FROM bookmarks WHERE document_id = ?',
            [document_id],
        ).fetchall()
        for bookmark_id, start, end, label in rows:
            anchor = reanchor(new_text, TextQuote(str(label or "")), start)
            if anchor is not None:
                start, end = anchor.start, anchor.end
            else:
                start = min(int(start), max(0, len(new_text) - 1))
                end = min(max(int(end), start + 1), len(new_text))
            self._conn.execute('UPDATE bookmarks SET start = ?, "end" = ? WHERE id = ?',
                               [start, end, bookmark_id])


def _bookmark(row: Any) -> Bookmark:
    return Bookmark(
        id=int(row[0]),
        article_id=int(row[1]),
        document_id=int(row[2]),
        language=str(row[3]),
        article_title=str(row[4] or ""),
        start=int(row[5]),
        end=int(row[6]),
        label=str(row[7] or ""),
        created_at=str(row[8]),
    )
