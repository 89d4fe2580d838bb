"""The library store: the only place that knows SQL and table names."""

from reader.store.annotations import COLOURS
from reader.store.errors import LibraryError
from reader.store.library import Library
from reader.store.records import (
    AlignedBead,
    AlignmentFix,
    Annotation,
    ArticleSummary,
    Bookmark,
    DocumentInfo,
    DocumentText,
    FigureRecord,
    ImportResult,
    ImportStatus,
    ParagraphText,
    SentenceAlignment,
    SentenceRecord,
    StarredArticle,
)

__all__ = [
    "AlignedBead",
    "AlignmentFix",
    "Annotation",
    "ArticleSummary",
    "Bookmark",
    "COLOURS",
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
    "StarredArticle",
]
