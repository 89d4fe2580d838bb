"""Stored figures: a round trip that keeps every digit, and stale documents found by version."""

from __future__ import annotations

from decimal import Decimal

from reader.store.library import Library
from tests.conftest import make_figure as _figure


def test_figures_round_trip_without_rounding(seeded_library: Library) -> None:
    spanish = seeded_library.all_documents()[0]
    figure = _figure(10, "3.312 billones de VND", "3312000000000000", "VND", "money", "over",
                     "Total budget revenue")
    seeded_library.figures.replace(spanish.id, [figure], "test-1")
    (stored,) = seeded_library.figures.of_document(spanish.id)
    assert stored.value == Decimal("3312000000000000")
    assert (stored.unit, stored.kind, stored.qualifier, stored.label) == (
        "VND", "money", "over", "Total budget revenue")
    assert spanish.id not in seeded_library.figures.stale_documents("test-1")
    assert spanish.id in seeded_library.figures.stale_documents("test-2")
    ((article_id, language, record),) = [
        item for item in seeded_library.figures.everywhere() if item[2].document_id == spanish.id
    ]
    assert (article_id, language, record.surface) == (spanish.article_id, "es",
                                                      "3.312 billones de VND")
