"""Figures are found at import and found again when the extractor changes."""

from __future__ import annotations

from collections.abc import Callable

from reader.store.library import Library
from reader.text.figures import find_figures
from reader.text.versions import FIGURE_EXTRACTOR_VERSION


def extract_document_figures(library: Library, document_id: int) -> int:
    """Find and store the figures of one document; how many it reports."""
    document = library.document(document_id)
    text = library.document_text(document_id).text
    figures = find_figures(text, document.language)
    library.figures.replace(document_id, figures, FIGURE_EXTRACTOR_VERSION)
    return len(figures)


def refresh_figures(library: Library,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> int:
    """Find the figures of every document last read by another extractor version (or never).

    Returns how many documents were read again; when `cancelled` says so it stops between
    documents, and the rest are read another time.
    """
    stale = library.figures.stale_documents(FIGURE_EXTRACTOR_VERSION)
    for done, document_id in enumerate(stale):
        if cancelled is not None and cancelled():
            return done
        if progress is not None:
            progress(done, len(stale))
        extract_document_figures(library, document_id)
    return len(stale)
