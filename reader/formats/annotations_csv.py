"""Annotations as CSV for a spreadsheet: one row each, tags joined by "; ", no cell a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from reader.formats.base import Writer
from reader.formats.exports import ANNOTATIONS, AnnotationExport
from reader.formats.spreadsheet_cells import safe_row

CSV_FIELDS = ("id", "uid", "article_id", "article_title", "document_id", "language",
              "document_uri", "start", "end", "quote", "prefix", "suffix", "colour", "note",
              "tags", "orphaned", "created_at", "updated_at")


def write_csv(export: AnnotationExport) -> str:
    """A header row, then one row per annotation in the order given; text a spreadsheet would
    take for a formula begins with `'` (spreadsheet_cells)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in export.annotations:
        writer.writerow(safe_row([_newlines(value) for value in (
            a.id, a.uid, a.article_id, a.article_title, a.document_id, a.language,
            a.document_uri, a.start, a.end, a.exact, a.prefix, a.suffix, a.colour, a.note,
            "; ".join(a.tags), "true" if a.orphaned else "false", a.created_at, a.updated_at,
        )]))
    return out.getvalue()


def _newlines(value: object) -> object:
    """Text with every line end a \\n: the writer quotes cells holding its line end, and a
    lone \\r would otherwise end the row early."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


WRITER = Writer(ANNOTATIONS, "csv", "CSV", ".csv", write_csv)
