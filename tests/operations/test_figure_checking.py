"""The translation check pairs figures row by row of the alignment."""

from __future__ import annotations

from decimal import Decimal

from reader.operations.figure_checking import check_translation, disagreements_first
from reader.store.library import Library
from reader.text.figure_check import Verdict
from reader.text.figures import Figure
from tests.conftest import make_figure as _figure


def _put(library: Library, document_id: int, surface: str, value: str, unit: str,
         kind: str) -> Figure:
    text = library.document_text(document_id).text
    start = text.index(surface)
    return _figure(start, surface, value, unit, kind)


def test_budget_revenue_disagrees_and_growth_agrees(seeded_library: Library) -> None:
    spanish, english = seeded_library.documents_of(seeded_library.article_summaries()[0].id)
    seeded_library.figures.replace(spanish.id, [
        _put(seeded_library, spanish.id, "6,52%", "6.52", "percent", "percent"),
        _put(seeded_library, spanish.id, "3.312 billones de VND", "3312000000000000", "VND",
             "money"),
    ], "test")
    seeded_library.figures.replace(english.id, [
        _put(seeded_library, english.id, "6.52%", "6.52", "percent", "percent"),
        _put(seeded_library, english.id, "3,312 billion VND", "3312000000000", "VND", "money"),
    ], "test")
    checked = disagreements_first(check_translation(seeded_library, spanish.id, english.id))
    verdicts = [pair.verdict for _row, pair in checked]
    assert verdicts == [Verdict.DIFFERS, Verdict.AGREES]
    row, budget = checked[0]
    assert budget.source is not None and budget.source.surface == "3.312 billones de VND"
    assert budget.target is not None and budget.target.surface == "3,312 billion VND"
    assert budget.factor == Decimal("0.001")
    assert row == 12  # the row of the budget sentence in the alignment
