"""The library store: the only place that knows SQL and table names."""

from reader.store.errors import LibraryError
from reader.store.library import Library
from reader.store.records import (
    ArticleSummary,
    DocumentInfo,
    DocumentText,
    ImportResult,
    ImportStatus,
    ParagraphText,
)

__all__ = [
    "ArticleSummary",
    "DocumentInfo",
    "DocumentText",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryError",
    "ParagraphText",
]
