"""The translation check of a pair of language versions: their figures, bead by bead; and the
"translations differ" flag each article keeps, so that the library filters by it at once.

An article's translations differ when the check of its first two versions (by import order)
finds a figure reported differently. The flag is stored on the article with the version of the
check (reader.text.versions.FIGURE_CHECK_VERSION) and kept current by every write that changes
what it depends on: an alignment stored (import, a correction, a reset; `flag_after_alignment`,
called by reader.operations.aligning), figures found again and versions linked or unlinked
(the store then marks the flag unchecked). What is unchecked, or was checked by another
version, `refresh_translation_flags` checks again, in the window's background upkeep.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal

from reader.store.library import Library
from reader.store.records import FigureRecord, SentenceAlignment, SentenceRecord
from reader.text import versions
from reader.text.figure_check import (
    VERDICT_ORDER,
    FigurePair,
    Verdict,
    pair_figures,
    written_numbers,
)

# Articles checked per transaction by the refresh: the window's own writes wait at most that long.
_REFRESH_BATCH = 16


def check_translation(library: Library, source_id: int,
                      target_id: int) -> list[tuple[int, FigurePair[FigureRecord]]]:
    """Each figure pair of two aligned documents with the alignment row it sits in.

    Empty when the pair has not been aligned yet.
    """
    alignment = library.alignments.get(source_id, target_id)
    if alignment is None:
        return []
    return check_alignment(library, alignment)


def check_alignment(library: Library,
                    alignment: SentenceAlignment) -> list[tuple[int, FigurePair[FigureRecord]]]:
    """The figure pairs of an alignment's two documents, row by row."""
    source_id, target_id = alignment.source_document_id, alignment.target_document_id
    source_sentences = library.sentences(source_id)
    target_sentences = library.sentences(target_id)
    source_rows = _rows_of(library.figures.of_document(source_id), source_sentences,
                           [b.source for b in alignment.beads])
    target_rows = _rows_of(library.figures.of_document(target_id), target_sentences,
                           [b.target for b in alignment.beads])
    source_language = library.document(source_id).language
    target_language = library.document(target_id).language
    checked = []
    for row, bead in enumerate(alignment.beads):
        source, target = source_rows.get(row, []), target_rows.get(row, [])
        if not source and not target:
            continue
        source_numbers = _numbers(source_sentences, bead.source, source_language)
        target_numbers = _numbers(target_sentences, bead.target, target_language)
        for pair in pair_figures(source, target, source_numbers, target_numbers):
            checked.append((row, pair))
    return checked


def _numbers(sentences: list[SentenceRecord], side: tuple[int, ...],
             language: str) -> list[Decimal]:
    """Every number the sentences of one side of a bead write (digits or words)."""
    text = " ".join(sentences[i].text for i in side if 0 <= i < len(sentences))
    return written_numbers(text, language)


def articles_with_disagreements(library: Library) -> set[int]:
    """Articles in several languages whose first two versions report a figure differently, as
    their stored flags say (one indexed query; see refresh_translation_flags)."""
    return set(library.listing.differing_articles())


def translation_differs(library: Library, article_id: int) -> bool | None:
    """Whether an article's first two versions report a figure differently; False for an
    article in one language, None while the pair has no current alignment."""
    from reader.operations.aligning import current_alignment

    documents = library.documents_of(article_id)
    if len(documents) < 2:
        return False
    alignment = current_alignment(library, documents[0].id, documents[1].id)
    if alignment is None:
        return None
    return _disagrees(check_alignment(library, alignment))


def update_translation_flag(library: Library, article_id: int) -> bool | None:
    """Check an article's translations again and store what was found (None: not checked,
    its first two versions are not aligned yet)."""
    differs = translation_differs(library, article_id)
    _store_flag(library, article_id, differs, several=differs is not False
                or len(library.documents_of(article_id)) > 1)
    return differs


def flag_after_alignment(library: Library, alignment: SentenceAlignment) -> None:
    """Keep the flag of an alignment's article current once the alignment is stored: checked
    with it when it is the alignment of the article's first two versions, checked afresh when
    the flag was waiting for one (a version came or went)."""
    try:
        article_id = library.document(alignment.source_document_id).article_id
    except KeyError:
        return
    first_two = [document.id for document in library.documents_of(article_id)[:2]]
    pair = [alignment.source_document_id, alignment.target_document_id]
    if sorted(pair) == first_two:
        if pair != first_two:
            alignment = alignment.flipped()
        _store_flag(library, article_id, _disagrees(check_alignment(library, alignment)))
    elif library.listing.translation_flag(article_id)[0] is None:
        update_translation_flag(library, article_id)


def flag_if_unchecked(library: Library, document_id: int) -> None:
    """Check the flag of a document's article if it is waiting to be checked."""
    try:
        article_id = library.document(document_id).article_id
        unchecked = library.listing.translation_flag(article_id)[0] is None
    except KeyError:
        return
    if unchecked:
        update_translation_flag(library, article_id)


def refresh_translation_flags(library: Library,
                              progress: Callable[[int, int], None] | None = None,
                              cancelled: Callable[[], bool] | None = None) -> list[int]:
    """Check the articles whose flag is unchecked or was set by another version of the check,
    aligning their first two versions where that is missing or out of date. What was checked
    stays when cancelled. Returns the articles checked."""
    from reader.operations.aligning import ensure_alignment

    stale = library.listing.unchecked_translations(versions.FIGURE_CHECK_VERSION)
    done = 0
    while done < len(stale):
        if cancelled is not None and cancelled():
            break
        with library.batch():
            for article_id in stale[done:done + _REFRESH_BATCH]:
                if progress is not None:
                    progress(done, len(stale))
                documents = library.documents_of(article_id)
                if len(documents) < 2:
                    _store_flag(library, article_id, False, several=False)
                else:
                    alignment = ensure_alignment(library, documents[0].id, documents[1].id)
                    _store_flag(library, article_id,
                                _disagrees(check_alignment(library, alignment)))
                done += 1
    return stale[:done]


def disagreements_first(
    checked: list[tuple[int, FigurePair[FigureRecord]]],
) -> list[tuple[int, FigurePair[FigureRecord]]]:
    """"Differs", then "check", then agreements and what was not compared; each in text
    order."""
    return sorted(checked, key=lambda item: VERDICT_ORDER[item[1].verdict])


def _disagrees(checked: list[tuple[int, FigurePair[FigureRecord]]]) -> bool:
    return any(pair.verdict is Verdict.DIFFERS for _row, pair in checked)


def _store_flag(library: Library, article_id: int, differs: bool | None,
                several: bool = True) -> None:
    """Store a check's finding; an article in one language (not `several`) and an unchecked
    one carry no version of the check."""
    checked = differs is not None and several
    library.listing.set_translation_flag(
        article_id, differs, versions.FIGURE_CHECK_VERSION if checked else None)


def _rows_of(figures: list[FigureRecord], sentences: list[SentenceRecord],
             bead_sides: list[tuple[int, ...]]) -> dict[int, list[FigureRecord]]:
    starts = [sentence.start for sentence in sentences]
    row_of_sentence = {i: row for row, side in enumerate(bead_sides) for i in side}
    rows: dict[int, list[FigureRecord]] = {}
    for figure in figures:
        sentence = bisect_right(starts, figure.start) - 1
        row = row_of_sentence.get(sentence)
        if row is not None:
            rows.setdefault(row, []).append(figure)
    return rows
