"""A new library starts with the bundled seed articles, once."""

from __future__ import annotations

from pathlib import Path

from reader.store.library import Library
from reader.store.records import ImportResult, ImportStatus

SEEDED_KEY = "seeded"


def is_seeded(library: Library) -> bool:
    """Whether the library has had its seeds (and so never gets them again)."""
    return library.meta(SEEDED_KEY) is not None


def seed_new_library(library: Library, seeds: list[Path]) -> list[ImportResult]:
    """Import the seeds into a library that has never been seeded and holds no document.

    The library is marked as seeded only when that is settled: it already held documents of
    its own, or a seed is now in it. With no seed files (an installation that lost them) or
    only failed ones it stays unmarked, so that a complete installation seeds it later,
    instead of leaving a new library empty for good.
    """
    if is_seeded(library) or not seeds:
        return []
    if library.document_count() > 0:
        library.set_meta(SEEDED_KEY, "1")
        return []
    from reader.operations.importer import import_paths  # text analysis loads only when needed

    results = import_paths(library, seeds)
    if any(result.status is not ImportStatus.FAILED for result in results):
        library.set_meta(SEEDED_KEY, "1")
    return results
