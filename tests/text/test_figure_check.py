"""Figures of a translation are paired and judged: agree, disagree (with the factor), missing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reader.text.figure_check import Verdict, agree, pair_figures, rounding


@dataclass(frozen=True)
class Fig:
    value: Decimal
    unit: str
    kind: str = "money"


def test_rounding_follows_the_digits_shown() -> None:
    assert rounding(Decimal("1470000")) == Decimal("5000")
    assert rounding(Decimal("6.52")) == Decimal("0.005")
    assert rounding(Decimal("56")) == Decimal("0.5")


def test_values_agree_within_the_rounding_of_either_side() -> None:
    assert agree(Fig(Decimal("1470000"), "tourist"), Fig(Decimal("1472000"), "tourist"))
    assert not agree(Fig(Decimal("1470000"), "tourist"), Fig(Decimal("1480000"), "tourist"))
    assert not agree(Fig(Decimal("6.52"), "percent"), Fig(Decimal("6.52"), "USD"))


def test_the_budget_revenue_of_the_seed_pair_disagrees_by_a_thousand() -> None:
    spanish = [Fig(Decimal("3312000000000000"), "VND"), Fig(Decimal("69"), "percent", "percent")]
    english = [Fig(Decimal("69"), "percent", "percent"), Fig(Decimal("3312000000000"), "VND")]
    pairs = pair_figures(spanish, english)
    assert [p.verdict for p in pairs] == [Verdict.DISAGREES, Verdict.AGREES]
    assert pairs[0].factor == Decimal("0.001")
    assert pairs[0].target == english[1]


def test_closest_values_pair_first_and_the_rest_is_missing() -> None:
    source = [Fig(Decimal("6.52"), "percent", "percent"),
              Fig(Decimal("59.4"), "percent", "percent"), Fig(Decimal("56"), "commune", "count")]
    target = [Fig(Decimal("59.4"), "percent", "percent"),
              Fig(Decimal("6.52"), "percent", "percent")]
    pairs = pair_figures(source, target)
    assert [(p.verdict, p.source, p.target) for p in pairs] == [
        (Verdict.AGREES, source[0], target[1]),
        (Verdict.AGREES, source[1], target[0]),
        (Verdict.MISSING, source[2], None),
    ]
