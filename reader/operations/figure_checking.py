"""The translation check of a pair of language versions: their figures, bead by bead."""

from __future__ import annotations

from bisect import bisect_right

from reader.store.library import Library
from reader.store.records import FigureRecord, SentenceRecord
from reader.text.figure_check import FigurePair, Verdict, pair_figures


def check_translation(library: Library, source_id: int,
                      target_id: int) -> list[tuple[int, FigurePair[FigureRecord]]]:
    """Each figure pair of two aligned documents with the alignment row it sits in.

    Empty when the pair has not been aligned yet.
    """
    alignment = library.alignments.get(source_id, target_id)
    if alignment is None:
        return []
    source_rows = _rows_of(library.figures.of_document(source_id),
                           library.sentences(source_id), [b.source for b in alignment.beads])
    target_rows = _rows_of(library.figures.of_document(target_id),
                           library.sentences(target_id), [b.target for b in alignment.beads])
    checked = []
    for row in range(len(alignment.beads)):
        for pair in pair_figures(source_rows.get(row, []), target_rows.get(row, [])):
            checked.append((row, pair))
    return checked


def articles_with_disagreements(library: Library) -> set[int]:
    """Articles in several languages whose first two versions report a figure differently."""
    found = set()
    for summary in library.article_summaries():
        if len(summary.languages) < 2:
            continue
        first, second = library.documents_of(summary.id)[:2]
        if any(pair.verdict is Verdict.DISAGREES
               for _row, pair in check_translation(library, first.id, second.id)):
            found.add(summary.id)
    return found


def disagreements_first(
    checked: list[tuple[int, FigurePair[FigureRecord]]],
) -> list[tuple[int, FigurePair[FigureRecord]]]:
    """Disagreements, then figures missing on one side, then agreements; each in text order."""
    order = {Verdict.DISAGREES: 0, Verdict.MISSING: 1, Verdict.AGREES: 2}
    return sorted(checked, key=lambda item: order[item[1].verdict])


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
