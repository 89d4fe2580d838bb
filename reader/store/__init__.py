"""The library store: the only place that knows SQL and table names.

The package itself hands out only its records and its error; `reader.store.library.Library`
and the other stores are for the operations layer and the entry points.
"""

from reader.store.errors import (
    DiskFull,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryReadOnly,
    WriteFailed,
)
from reader.store.records import (
    COLOURS,
    AlignedBead,
    AlignmentFix,
    Annotation,
    ArticleSummary,
    Bookmark,
    DocumentInfo,
    DocumentOrigin,
    DocumentText,
    FigureRecord,
    ImportResult,
    ImportStatus,
    KeptNote,
    ParagraphText,
    RemovedArticle,
    SentenceAlignment,
    SentenceRecord,
    StarredArticle,
    TranslationAddress,
)

__all__ = [
    "AlignedBead",
    "AlignmentFix",
    "Annotation",
    "ArticleSummary",
    "Bookmark",
    "COLOURS",
    "DocumentInfo",
    "KeptNote",
    "DocumentText",
    "FigureRecord",
    "ImportResult",
    "ImportStatus",
    "DiskFull",
    "LibraryBusy",
    "LibraryDamaged",
    "LibraryError",
    "LibraryReadOnly",
    "WriteFailed",
    "ParagraphText",
    "RemovedArticle",
    "SentenceAlignment",
    "SentenceRecord",
    "StarredArticle",
    "DocumentOrigin",
    "TranslationAddress",
]
