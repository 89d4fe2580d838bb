"""A new library starts with the bundled seed articles, once."""

from __future__ import annotations

from pathlib import Path

from reader.store.library import Library
from reader.store.records import ImportResult

SEEDED_KEY = "seeded"


def seed_new_library(library: Library, seeds: list[Path]) -> list[ImportResult]:
    """Import the seeds into a library that has never been seeded and holds no document."""
    if library.meta(SEEDED_KEY) is not None:
        return []
    from reader.operations.importer import import_paths  # text analysis loads only when needed

    results = import_paths(library, seeds) if library.document_count() == 0 else []
    library.set_meta(SEEDED_KEY, "1")
    return results
