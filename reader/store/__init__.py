"""The library store: the only place that knows SQL and table names."""

from reader.store.errors import LibraryError
from reader.store.library import Library
from reader.store.records import (
    AlignedBead,
    AlignmentFix,
    ArticleSummary,
    DocumentInfo,
    DocumentText,
    FigureRecord,
    ImportResult,
    ImportStatus,
    ParagraphText,
    SentenceAlignment,
    SentenceRecord,
)

__all__ = [
    "AlignedBead",
    "AlignmentFix",
    "ArticleSummary",
    "DocumentInfo",
    "DocumentText",
    "FigureRecord",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryError",
    "ParagraphText",
    "SentenceAlignment",
    "SentenceRecord",
]
