"""Stored figures: what each document reports, found by the extractor at import."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reader.store.listing import refresh_document_listing
from reader.store.records import FigureRecord

if TYPE_CHECKING:
    import sqlite_utils

    from reader.text.figures import Figure

_COLUMNS = "document_id, position, start, \"end\", surface, value, unit, kind, qualifier, label"
_QUALIFIED = ", ".join("f." + column.strip() for column in _COLUMNS.split(","))


class FigureStore:
    """Reads and writes the figures of documents."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    def replace(self, document_id: int, figures: Sequence[Figure], version: str) -> None:
        """Store a document's figures, replacing earlier ones, and the extractor version."""
        with self._writer().atomic():
            self._conn.execute("DELETE FROM figures WHERE document_id = ?", [document_id])
            self._conn.executemany(
                "INSERT INTO figures (document_id, position, start, \"end\", surface, value, "
                "value_number, unit, kind, qualifier, label) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(document_id, position, f.start, f.end, f.surface, str(f.value),
                  float(f.value), f.unit, f.kind, f.qualifier, f.label)
                 for position, f in enumerate(figures)],
            )
            self._conn.execute("UPDATE documents SET figures_version = ? WHERE id = ?",
                               [version, document_id])
            refresh_document_listing(self._conn, document_id)

    def of_document(self, document_id: int) -> list[FigureRecord]:
        """A document's figures in reading order."""
        return _records(self._conn.execute(
            f"SELECT {_COLUMNS} FROM figures WHERE document_id = ? ORDER BY position",
            [document_id],
        ))

    def stale_documents(self, version: str) -> list[int]:
        """Documents whose figures were found by another extractor version (or never)."""
        return [int(row[0]) for row in self._conn.execute(
            "SELECT id FROM documents WHERE figures_version IS NOT ? ORDER BY id", [version])]

    def everywhere(self) -> list[tuple[int, str, FigureRecord]]:
        """Every figure of the library with its article id and language."""
        rows = self._conn.execute(
            f"SELECT d.article_id, d.language, {_QUALIFIED} "
            "FROM figures f JOIN documents d ON d.id = f.document_id "
            "ORDER BY d.article_id, d.id, f.position"
        ).fetchall()
        return [(int(row[0]), str(row[1]), record)
                for row, record in zip(rows, _records(row[2:] for row in rows), strict=True)]


def _records(rows: Iterable[Sequence[object]]) -> list[FigureRecord]:
    return [
        FigureRecord(int(str(r[0])), int(str(r[1])), int(str(r[2])), int(str(r[3])), str(r[4]),
                     Decimal(str(r[5])), str(r[6] or ""), str(r[7] or ""), str(r[8] or ""),
                     str(r[9] or ""))
        for r in rows
    ]
