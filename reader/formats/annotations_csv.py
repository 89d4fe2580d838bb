"""Annotations as CSV for a spreadsheet: one row each, tags joined by "; "."""

from __future__ import annotations

import csv
import io

from reader.formats.base import Writer
from reader.formats.exports import ANNOTATIONS, AnnotationExport

CSV_FIELDS = ("id", "uid", "article_id", "article_title", "document_id", "language",
              "document_uri", "start", "end", "quote", "prefix", "suffix", "colour", "note",
              "tags", "orphaned", "created_at", "updated_at")


def write_csv(export: AnnotationExport) -> str:
    """A header row, then one row per annotation in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for a in export.annotations:
        writer.writerow([a.id, a.uid, a.article_id, a.article_title, a.document_id, a.language,
                         a.document_uri, a.start, a.end, a.exact, a.prefix, a.suffix, a.colour,
                         a.note, "; ".join(a.tags), "true" if a.orphaned else "false",
                         a.created_at, a.updated_at])
    return out.getvalue()


WRITER = Writer(ANNOTATIONS, "csv", "CSV", ".csv", write_csv)
