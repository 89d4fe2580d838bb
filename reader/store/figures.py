"""Stored figures: what each document reports, found by the extractor at import.

The library's figures are listed a window at a time, like the library list (`count`, `window`):
each sort order is an index walk (by value, unit, sort label; by article title and by language
through the articles' and documents' own indexes), a page is one query however deep it lies,
and the word filter is a full-text index of each figure's label, text and unit
(`figure_words`) together with the search index's titles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reader.store.listing import refresh_document_listing
from reader.store.records import FigureQuery, FigureRecord, FigureRow, FigureSort
from reader.text.folding import fold, fts_match_expression, query_terms

if TYPE_CHECKING:
    import sqlite_utils

    from reader.text.figures import Figure

_COLUMNS = "document_id, position, start, \"end\", surface, value, unit, kind, qualifier, label"
_QUALIFIED = ", ".join("f." + column.strip() for column in _COLUMNS.split(","))
# Each order of the figure list, ending in a unique key; every one is an index walk.
_ORDER: dict[FigureSort, tuple[str, ...]] = {
    FigureSort.ARTICLE: ("a.sort_title", "a.id", "d.id", "f.position"),
    FigureSort.LANGUAGE: ("d.language", "d.article_id", "d.id", "f.position"),
    FigureSort.LABEL: ("f.sort_label", "f.unit", "f.id"),
    FigureSort.VALUE: ("f.value_number", "f.id"),
    FigureSort.UNIT: ("f.unit", "f.value_number", "f.id"),
}
_ROW = f"a.id, a.list_title, d.language, {_QUALIFIED}"
_JOINS = "JOIN documents d ON d.id = f.document_id JOIN articles a ON a.id = d.article_id"
# Without words to match, the list by article (or language) walks the articles' (documents')
# index and each document's figures in order: CROSS JOIN fixes that order of the loops, which
# the planner would otherwise replace with a sort of every figure.
_WALKS = {
    FigureSort.ARTICLE: "articles a CROSS JOIN documents d ON d.article_id = a.id "
                        "CROSS JOIN figures f ON f.document_id = d.id",
    FigureSort.LANGUAGE: "documents d CROSS JOIN figures f ON f.document_id = d.id",
}


class FigureStore:
    """Reads and writes the figures of documents."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    def replace(self, document_id: int, figures: Sequence[Figure], version: str) -> None:
        """Store a document's figures, replacing earlier ones, and the extractor version.

        The article's "translations differ" flag is then to be checked again (when it has
        several versions).
        """
        with self._writer().atomic():
            # The word index keeps no copy of its words: an entry goes with the words it has.
            self._conn.executemany(
                "INSERT INTO figure_words (figure_words, rowid, words) VALUES ('delete', ?, ?)",
                [(figure_id, figure_words(label or "", surface or "", unit or ""))
                 for figure_id, label, surface, unit in self._conn.execute(
                     "SELECT id, label, surface, unit FROM figures WHERE document_id = ?",
                     [document_id])])
            self._conn.execute("DELETE FROM figures WHERE document_id = ?", [document_id])
            # Ids are given so that the word index can use them: this is the only writer.
            first = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM figures")
                        .fetchone()[0]) + 1
            self._conn.executemany(
                "INSERT INTO figures (id, document_id, position, start, \"end\", surface, "
                "value, value_number, unit, kind, qualifier, label, sort_label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(first + position, document_id, position, f.start, f.end, f.surface,
                  str(f.value), float(f.value), f.unit, f.kind, f.qualifier, f.label,
                  sort_label(f.label, f.surface))
                 for position, f in enumerate(figures)],
            )
            self._conn.executemany(
                "INSERT INTO figure_words (rowid, words) VALUES (?, ?)",
                [(first + position, figure_words(f.label, f.surface, f.unit))
                 for position, f in enumerate(figures)],
            )
            self._conn.execute("UPDATE documents SET figures_version = ? WHERE id = ?",
                               [version, document_id])
            refresh_document_listing(self._conn, document_id)
            self._conn.execute(
                "UPDATE articles SET differs = NULL, differs_version = NULL "
                "WHERE id = (SELECT article_id FROM documents WHERE id = ?) "
                "AND instr(languages, ' ') > 0", [document_id])

    def of_document(self, document_id: int) -> list[FigureRecord]:
        """A document's figures in reading order."""
        return _records(self._conn.execute(
            f"SELECT {_COLUMNS} FROM figures WHERE document_id = ? ORDER BY position",
            [document_id],
        ))

    def stale_documents(self, version: str) -> list[int]:
        """Documents whose figures were found by another extractor version (or never), by id
        (three index lookups: an OR of them, or an ORDER BY of their union, would read every
        document and its text)."""
        return sorted(int(row[0]) for row in self._conn.execute(
            "SELECT id FROM documents WHERE figures_version IS NULL "
            "UNION SELECT id FROM documents WHERE figures_version < ?1 "
            "UNION SELECT id FROM documents WHERE figures_version > ?1", [version]))

    # -- the library's figures, a window at a time ------------------------------------------

    def count(self, query: FigureQuery = FigureQuery()) -> int:  # noqa: B008
        """How many figures of the library the query keeps."""
        where, parameters = _where(query)
        return int(self._conn.execute(f"SELECT count(*) FROM figures f {where}",
                                      parameters).fetchone()[0])

    def window(self, query: FigureQuery, key: FigureSort, descending: bool, offset: int,
               limit: int) -> list[FigureRow]:
        """`limit` figures of the list from row `offset`, sorted by `key` (one query)."""
        where, parameters = _where(query)
        if limit <= 0:
            return []
        order = _order(key, descending)
        if key in _WALKS and not _has_words(query):
            source = _WALKS[key]
        elif key in _WALKS:  # the matches of the words, sorted
            source = f"figures f {_JOINS}"
        else:
            source = "figures f"
        # The page is chosen from the indexes alone (skipping `offset` rows reads no figure),
        # then its rows are read; CROSS JOIN keeps the page as the outer loop.
        rows = self._conn.execute(
            f"SELECT {_ROW} FROM (SELECT f.id AS id FROM {source} {where} "
            f"ORDER BY {order} LIMIT ? OFFSET ?) AS page "
            "CROSS JOIN figures f ON f.id = page.id "
            "CROSS JOIN documents d ON d.id = f.document_id "
            f"CROSS JOIN articles a ON a.id = d.article_id ORDER BY {order}",
            [*parameters, limit, max(0, offset)],
        ).fetchall()
        return _figure_rows(rows)

    def rows(self, query: FigureQuery, key: FigureSort, descending: bool) -> list[FigureRow]:
        """Every figure the query keeps, in that order (one query; for an export)."""
        where, parameters = _where(query)
        rows = self._conn.execute(
            f"SELECT {_ROW} FROM figures f {_JOINS} {where} "
            f"ORDER BY {_order(key, descending)}", parameters).fetchall()
        return _figure_rows(rows)

    def units(self) -> list[str]:
        """The units the library's figures are in, sorted (one step of the index per unit)."""
        return [str(row[0]) for row in self._conn.execute(
            "WITH RECURSIVE next (unit) AS ("
            "SELECT min(unit) FROM figures WHERE unit > '' UNION ALL "
            "SELECT (SELECT min(unit) FROM figures WHERE unit > next.unit) "
            "FROM next WHERE next.unit IS NOT NULL) "
            "SELECT unit FROM next WHERE unit IS NOT NULL")]

    def everywhere(self) -> list[tuple[int, str, FigureRecord]]:
        """Every figure of the library with its article id and language."""
        rows = self._conn.execute(
            f"SELECT d.article_id, d.language, {_QUALIFIED} "
            "FROM figures f JOIN documents d ON d.id = f.document_id "
            "ORDER BY d.article_id, d.id, f.position"
        ).fetchall()
        return [(int(row[0]), str(row[1]), record)
                for row, record in zip(rows, _records(row[2:] for row in rows), strict=True)]


def sort_label(label: str, surface: str) -> str:
    """What the figure list sorts a figure's label by: its label (else its text), any case."""
    return (label or surface).casefold()


def figure_words(label: str, surface: str, unit: str) -> str:
    """What the word filter finds a figure by, folded as the search index folds."""
    return fold(f"{label} {surface} {unit}")


def index_all_figures(connection: sqlite3.Connection) -> None:
    """Fill the sort labels and the word index of every figure (a library upgraded to them)."""
    rows = connection.execute("SELECT id, label, surface, unit FROM figures").fetchall()
    connection.executemany(
        "UPDATE figures SET sort_label = ? WHERE id = ?",
        ((sort_label(label or "", surface or ""), figure_id)
         for figure_id, label, surface, unit in rows))
    connection.executemany(
        "INSERT INTO figure_words (rowid, words) VALUES (?, ?)",
        ((figure_id, figure_words(label or "", surface or "", unit or ""))
         for figure_id, label, surface, unit in rows))


def _where(query: FigureQuery) -> tuple[str, list[Any]]:
    """The WHERE clause over `figures f` for a query, and its parameters."""
    conditions: list[str] = []
    parameters: list[Any] = []
    if query.unit:
        conditions.append("f.unit = ?")
        parameters.append(query.unit)
    if query.words.strip():
        # Each word is in the figure's label, text or unit, or in its document's title.
        matches = []
        for term in query_terms(query.words):
            expression = fts_match_expression([term])
            if not expression:
                continue
            matches.append(
                "SELECT id FROM (SELECT rowid AS id FROM figure_words WHERE figure_words "
                "MATCH ? UNION SELECT x.id FROM figures x WHERE x.document_id IN "
                "(SELECT rowid FROM search_index WHERE search_index MATCH ?))")
            parameters += [expression, f"title : {expression}"]
        if matches:  # a query of no words (punctuation) keeps every figure
            conditions.append("f.id IN (" + " INTERSECT ".join(matches) + ")")
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), parameters


def _has_words(query: FigureQuery) -> bool:
    return any(fts_match_expression([term]) for term in query_terms(query.words))


def _order(key: FigureSort, descending: bool) -> str:
    direction = " DESC" if descending else ""
    return ", ".join(column + direction for column in _ORDER[key])


def _figure_rows(rows: Sequence[Sequence[Any]]) -> list[FigureRow]:
    return [FigureRow(int(row[0]), str(row[1] or ""), str(row[2]), record)
            for row, record in zip(rows, _records(row[3:] for row in rows), strict=True)]


def _records(rows: Iterable[Sequence[object]]) -> list[FigureRecord]:
    return [
        FigureRecord(int(str(r[0])), int(str(r[1])), int(str(r[2])), int(str(r[3])), str(r[4]),
                     Decimal(str(r[5])), str(r[6] or ""), str(r[7] or ""), str(r[8] or ""),
                     str(r[9] or ""))
        for r in rows
    ]
