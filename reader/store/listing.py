"""The library list: what it shows, sorts and filters by, kept on each article's own row.

Every article carries copies of what its list row shows (languages, title, words, figures,
annotations, date), each column with an index, so that a page of the list is one indexed
`ORDER BY column, id LIMIT n OFFSET m` query however large the library grows, and a count is
one index scan. The store keeps the copies current: `refresh_article_listing` runs after every
write that changes them (import, linking, figures, annotations).

An article's list title is the title of its version in the library's title language (the
reader's language, set by the window) and else that of its first version; its words are that
version's.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from reader.store.records import (
    ArticleSummary,
    ListedDocument,
    ListFilter,
    ListKind,
    SortKey,
)

if TYPE_CHECKING:
    import sqlite_utils

TITLE_LANGUAGE_KEY = "listing_title_language"
_ROW = ("a.id, a.list_title, a.place, a.languages, a.published, a.words, a.figures, "
        "a.annotations, a.starred, a.read_at IS NOT NULL")
# A date in the path of a source address: /2025/10/14/ or 2025-10-14.
_DATE_IN_PATH = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})(?:/([01][0-9])/([0-3][0-9])(?=/|$|[^0-9])"
    r"|-([01][0-9])-([0-3][0-9])(?![0-9]))"
)


# Columns of `articles` the list sorts by; each has an index of its own.
SORTABLE_COLUMNS = tuple(key.value for key in SortKey)
# Sort columns that are never NULL (numbers that default to 0).
_NEVER_EMPTY = frozenset({SortKey.WORDS, SortKey.FIGURES, SortKey.ANNOTATIONS,
                          SortKey.STARRED})


class ArticleListing:
    """Counts, pages and positions of the library list, by filter and sort order."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    def count(self, list_filter: ListFilter = ListFilter()) -> int:  # noqa: B008
        """How many articles the filter keeps."""
        if list_filter.kind is ListKind.LANGUAGE and list_filter.only_ids is None:
            return int(self._conn.execute(
                "SELECT count(DISTINCT article_id) FROM documents WHERE language = ?",
                [list_filter.language]).fetchone()[0])
        where, parameters = _where(list_filter)
        return int(self._conn.execute(f"SELECT count(*) FROM articles a {where}",
                                      parameters).fetchone()[0])

    def window(self, list_filter: ListFilter, key: SortKey, descending: bool, offset: int,
               limit: int) -> list[ArticleSummary]:
        """`limit` rows of the list from row `offset`, sorted by `key` (ties by id)."""
        where, parameters = _where(list_filter)
        direction = "DESC" if descending else "ASC"
        rows = self._conn.execute(
            f"SELECT {_ROW} FROM articles a {where} "
            f"ORDER BY a.{key.value} {direction}, a.id {direction} LIMIT ? OFFSET ?",
            [*parameters, limit, offset],
        ).fetchall()
        return [_summary(row) for row in rows]

    def rows_of(self, article_ids: Iterable[int]) -> dict[int, ArticleSummary]:
        """The list rows of these articles by id (one query; missing ids are left out)."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self._conn.execute(f"SELECT {_ROW} FROM articles a WHERE a.id IN ({marks})",
                                  ids).fetchall()
        return {summary.id: summary for summary in map(_summary, rows)}

    def position_of(self, article_id: int, list_filter: ListFilter, key: SortKey,
                    descending: bool) -> int | None:
        """The row an article has in that list, or None when the filter leaves it out."""
        where, parameters = _where(list_filter, [("a.id = ?", [article_id])])
        row = self._conn.execute(f"SELECT a.{key.value} FROM articles a {where}",
                                 parameters).fetchone()
        if row is None:
            return None
        # Going up, empty values (NULL) come first, and ties go by id. The rows before are
        # counted in parts, each one range of the column's index.
        column, value = f"a.{key.value}", row[0]
        if value is None:
            parts = [(f"{column} IS NULL AND a.id < ?", [article_id])]
        else:
            parts = [(f"{column} < ?", [value]),
                     (f"{column} = ? AND a.id < ?", [value, article_id])]
            if key not in _NEVER_EMPTY:
                parts.append((f"{column} IS NULL", []))
        counts, parameters = [], []
        for part in parts:
            where, values = _where(list_filter, [part])
            counts.append(f"(SELECT count(*) FROM articles a {where})")
            parameters += values
        position = int(self._conn.execute("SELECT " + " + ".join(counts),
                                          parameters).fetchone()[0])
        return self.count(list_filter) - 1 - position if descending else position

    # -- whether translations differ ------------------------------------------------------

    def translation_flag(self, article_id: int) -> tuple[bool | None, str | None]:
        """Whether an article's translations differ (None: not checked yet), and the version
        of the check that said so (None for an article in one language)."""
        row = self._conn.execute("SELECT differs, differs_version FROM articles WHERE id = ?",
                                 [article_id]).fetchone()
        if row is None:
            raise KeyError(article_id)
        return (None if row[0] is None else bool(row[0])), row[1]

    def set_translation_flag(self, article_id: int, differs: bool | None,
                             version: str | None) -> None:
        """Store whether an article's translations differ, as a check of `version` found
        (None: not checked)."""
        with self._writer().atomic():
            self._conn.execute(
                "UPDATE articles SET differs = ?, differs_version = ? WHERE id = ?",
                [None if differs is None else int(differs), version, article_id])

    def unchecked_translations(self, version: str) -> list[int]:
        """Articles whose flag is not checked, or was checked by another version of the check,
        by id (three index lookups, however large the library: an OR of them, or an ORDER BY
        of their union, would read every article)."""
        return sorted(int(row[0]) for row in self._conn.execute(
            "SELECT id FROM articles WHERE differs IS NULL "
            "UNION SELECT id FROM articles WHERE differs_version < ?1 "
            "UNION SELECT id FROM articles WHERE differs_version > ?1", [version]))

    def differing_articles(self) -> list[int]:
        """Articles whose translations differ, by id."""
        return [int(row[0]) for row in self._conn.execute(
            "SELECT id FROM articles WHERE differs = 1 ORDER BY id")]

    # -- the command line's list ------------------------------------------------------------

    def documents_by_article(self) -> list[ListedDocument]:
        """Every document, by article and import order (the texts are not in `documents`)."""
        return list(map(ListedDocument._make, self._conn.execute(
            "SELECT id, article_id, language, uri, coalesce(title, ''), source_url, "
            "paragraph_count, sentence_count, word_count "
            "FROM documents ORDER BY article_id, id")))

    def any_dated(self) -> bool:
        """Whether any article's date is known."""
        return self._conn.execute(
            "SELECT 1 FROM articles WHERE published IS NOT NULL LIMIT 1").fetchone() is not None

    def languages_in_library(self) -> list[str]:
        """The languages of the library's documents, by code."""
        # Jump from one language to the next along the index rather than read every row.
        return [str(row[0]) for row in self._conn.execute(
            "WITH RECURSIVE next (language) AS ("
            "SELECT min(language) FROM documents UNION ALL "
            "SELECT (SELECT min(language) FROM documents WHERE language > next.language) "
            "FROM next WHERE next.language IS NOT NULL) "
            "SELECT language FROM next WHERE language IS NOT NULL")]

    def title_language(self) -> str | None:
        """The language whose titles the list shows where an article has it."""
        return _title_language(self._conn)

    def set_title_language(self, language: str | None) -> bool:
        """Show titles in this language where an article has a version in it; True when that
        changed the list (the articles in several languages are read again)."""
        if language == self.title_language():
            return False
        with self._writer().atomic():
            if language is None:
                self._conn.execute("DELETE FROM meta WHERE key = ?", [TITLE_LANGUAGE_KEY])
            else:
                self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                                   [TITLE_LANGUAGE_KEY, language])
            rows = self._conn.execute(
                "SELECT article_id, language, title, word_count, source_url FROM documents "
                "WHERE article_id IN (SELECT article_id FROM documents GROUP BY article_id "
                "HAVING count(*) > 1) ORDER BY article_id, id").fetchall()
            _write_shown(self._conn, rows, language)
        return True


def refresh_article_listing(conn: sqlite3.Connection, article_id: int) -> None:
    """Bring an article's list columns up to date with its documents and notes (inside the
    caller's transaction)."""
    rows = conn.execute(
        "SELECT article_id, language, title, word_count, source_url FROM documents "
        "WHERE article_id = ? ORDER BY id", [article_id]).fetchall()
    _write_shown(conn, rows, _title_language(conn))
    conn.execute(
        "UPDATE articles SET "
        "figures = (SELECT count(*) FROM figures WHERE document_id IN "
        "(SELECT id FROM documents WHERE article_id = :id)), "
        "annotations = (SELECT count(*) FROM annotations WHERE document_id IN "
        "(SELECT id FROM documents WHERE article_id = :id)) "
        "WHERE id = :id", {"id": article_id})


def refresh_document_listing(conn: sqlite3.Connection, document_id: int) -> None:
    """Bring the list columns of a document's article up to date."""
    row = conn.execute("SELECT article_id FROM documents WHERE id = ?",
                       [document_id]).fetchone()
    if row is not None:
        refresh_article_listing(conn, int(row[0]))


def refresh_all_listings(conn: sqlite3.Connection) -> None:
    """Fill the list columns of every article (when a library is upgraded; the translation
    flags, which come later, are left alone)."""
    rows = conn.execute(
        "SELECT article_id, language, title, word_count, source_url FROM documents "
        "ORDER BY article_id, id").fetchall()
    _write_shown(conn, rows, _title_language(conn), flags=False)
    conn.execute(
        "UPDATE articles SET "
        "figures = (SELECT count(*) FROM figures f JOIN documents d ON d.id = f.document_id "
        "WHERE d.article_id = articles.id), "
        "annotations = (SELECT count(*) FROM annotations n "
        "JOIN documents d ON d.id = n.document_id WHERE d.article_id = articles.id)")


def published_date(source_urls: Iterable[str | None]) -> str | None:
    """The date a source address carries in its path (/2025/10/14/, 2025-10-14), as ISO."""
    for url in source_urls:
        if not url:
            continue
        path = url.split("?", 1)[0].split("#", 1)[0]
        for match in _DATE_IN_PATH.finditer(path):
            year, month, day = (int(match.group(1)), int(match.group(2) or match.group(4)),
                                int(match.group(3) or match.group(5)))
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def _title_language(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [TITLE_LANGUAGE_KEY]).fetchone()
    return None if row is None else str(row[0])


def _write_shown(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]],
                 title_language: str | None, flags: bool = True) -> None:
    """Set languages, title, words and date of articles from their documents' rows
    (article id, language, title, words, source address; by article, in import order).

    With `flags`, an article whose versions came or went has its "translations differ" flag
    reset: 0 in one language, else NULL (to be checked again, reader.operations.figure_checking).
    """
    grouped: dict[int, list[Sequence[Any]]] = {}
    for row in rows:
        grouped.setdefault(int(row[0]), []).append(row)
    updates = []
    for article_id, documents in grouped.items():
        shown = next((d for d in documents if d[1] == title_language), documents[0])
        title = str(shown[2] or "")
        updates.append((" ".join(str(d[1]) for d in documents), title, title.casefold(),
                        int(shown[3] or 0), published_date(d[4] for d in documents),
                        article_id))
    if not flags:
        conn.executemany(
            "UPDATE articles SET languages = ?, list_title = ?, sort_title = ?, words = ?, "
            "published = ? WHERE id = ?", updates)
        return
    # SET expressions read the row as it was, so `languages` here is the old value.
    conn.executemany(
        "UPDATE articles SET "
        "differs = CASE WHEN languages IS ?1 THEN differs "
        "WHEN instr(?1, ' ') > 0 THEN NULL ELSE 0 END, "
        "differs_version = CASE WHEN languages IS ?1 THEN differs_version END, "
        "languages = ?1, list_title = ?2, sort_title = ?3, words = ?4, published = ?5 "
        "WHERE id = ?6", updates)


def _where(list_filter: ListFilter,
           extra: Sequence[tuple[str, list[Any]]] = ()) -> tuple[str, list[Any]]:
    conditions: list[str] = []
    parameters: list[Any] = []
    if list_filter.kind is ListKind.STARRED:
        conditions.append("a.starred = 1")
    elif list_filter.kind is ListKind.ANNOTATED:
        conditions.append("a.annotations > 0")
    elif list_filter.kind is ListKind.DIFFERING:
        conditions.append("a.differs = 1")
    elif list_filter.kind is ListKind.UNREAD:
        conditions.append("a.read_at IS NULL")
    elif list_filter.kind is ListKind.LANGUAGE:
        conditions.append("EXISTS (SELECT 1 FROM documents x "
                          "WHERE x.article_id = a.id AND x.language = ?)")
        parameters.append(list_filter.language)
    if list_filter.only_ids is not None:
        conditions.append("a.id IN (SELECT value FROM json_each(?))")
        parameters.append(json.dumps(sorted(list_filter.only_ids)))
    for condition, values in extra:
        conditions.append(condition)
        parameters.extend(values)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), parameters


def _summary(row: Sequence[Any]) -> ArticleSummary:
    return ArticleSummary(
        id=int(row[0]),
        title=str(row[1] or ""),
        place=row[2],
        languages=tuple(str(row[3] or "").split()),
        published=row[4],
        words=int(row[5] or 0),
        figures=int(row[6] or 0),
        annotations=int(row[7] or 0),
        starred=bool(row[8]),
        read=bool(row[9]),
    )
