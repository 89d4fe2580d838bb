"""Check that a translation reports the same figures: pair them and judge each pair.

Two figures agree when they have the same unit and their values differ by no more than the
rounding of the digits shown ("1.47 million" is 1,470,000 give or take 5,000). Otherwise they
disagree, and the factor between them says how ("×1000": a scale word read differently).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Generic, Protocol, TypeVar


class Verdict(StrEnum):
    """What the check found for a figure and its counterpart."""

    AGREES = "agrees"
    DISAGREES = "disagrees"
    MISSING = "missing"


class Measured(Protocol):
    """What the check needs of a figure."""

    @property
    def value(self) -> Decimal: ...
    @property
    def unit(self) -> str: ...
    @property
    def kind(self) -> str: ...


F = TypeVar("F", bound=Measured)


@dataclass(frozen=True)
class FigurePair(Generic[F]):
    """A figure and its counterpart in the translation (either may be missing)."""

    source: F | None
    target: F | None
    verdict: Verdict
    factor: Decimal | None = None  # target / source when they disagree


def rounding(value: Decimal) -> Decimal:
    """Half a unit of the last digit a value was written with (1,470,000 → 5,000)."""
    if value == 0:
        return Decimal("0.5")
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5) * Decimal(10) ** (exponent - 1)


def agree(source: Measured, target: Measured) -> bool:
    """Same unit, and values within the rounding of the digits shown."""
    if source.unit != target.unit:
        return False
    tolerance = max(rounding(source.value), rounding(target.value))
    return abs(source.value - target.value) <= tolerance


def pair_figures(source: Sequence[F], target: Sequence[F]) -> list[FigurePair[F]]:
    """Pair the figures of a sentence group with its translation's, closest values first.

    Figures pair only with figures of the same kind; what is left on either side is missing.
    """
    candidates = sorted(
        (_distance(s, t), i, j)
        for i, s in enumerate(source) for j, t in enumerate(target) if s.kind == t.kind
    )
    used_source: set[int] = set()
    used_target: set[int] = set()
    pairs: list[tuple[int, FigurePair[F]]] = []
    for _gap, i, j in candidates:
        if i in used_source or j in used_target:
            continue
        used_source.add(i)
        used_target.add(j)
        s, t = source[i], target[j]
        if agree(s, t):
            pairs.append((i, FigurePair(s, t, Verdict.AGREES)))
        else:
            factor = (t.value / s.value).normalize() if s.value else None
            pairs.append((i, FigurePair(s, t, Verdict.DISAGREES, factor)))
    pairs.extend((i, FigurePair(s, None, Verdict.MISSING))
                 for i, s in enumerate(source) if i not in used_source)
    ordered = [pair for _i, pair in sorted(pairs, key=lambda item: item[0])]
    ordered.extend(FigurePair(None, t, Verdict.MISSING)
                   for j, t in enumerate(target) if j not in used_target)
    return ordered


def _distance(source: Measured, target: Measured) -> float:
    """How far apart two values are, in orders of magnitude; another unit counts as far."""
    a, b = abs(float(source.value)), abs(float(target.value))
    gap = abs(math.log10(a) - math.log10(b)) if a and b else (0.0 if a == b else 50.0)
    return gap + (0.0 if source.unit == target.unit else 100.0)
