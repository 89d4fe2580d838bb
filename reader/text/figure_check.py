"""Check that a translation reports the same figures: pair them and judge each pair with evidence.

Verdicts, strongest first:
- "differs": both sides state the same quantity in the same unit (a currency, a percentage, a
  measure, a count of the same thing) and the values disagree beyond the rounding of the digits
  shown; the factor between them says how ("×1000": a scale word read differently).
- "check": a weaker signal — a measure converted by the translator into another unit and not
  matching within rounding ("385 miles" / "360 km"), units that cannot be compared, counts that
  disagree, or a figure of money, a measure or a percentage on one side only while the other
  side has no number of that value at all.
- "agrees": the same value in the same unit, or a conversion within rounding ("5 miles ≈
  8 km", temperature differences converted without the 32), or a count equal whatever noun it
  counts ("12 people" / "12").
- "unchecked": a figure on one side only whose value the other side writes without a unit
  or in words ("three per cent" / "3 %"), or a count, rank or ratio on one side only: nothing
  to say.

Conversions come from pint's unit registry, not hand tables.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any, Generic, Protocol, TypeVar


class Verdict(StrEnum):
    """What the check found for a figure and its counterpart."""

    AGREES = "agrees"
    DIFFERS = "differs"
    CHECK = "check"
    UNCHECKED = "unchecked"


class Reason(StrEnum):
    """Why the check gave its verdict (the interface words each in its own language)."""

    SAME = "same value and unit"
    CONVERTED = "same value after converting the unit"
    SAME_NUMBER = "same value, the unit not read on one side"
    VALUES_DIFFER = "same quantity and unit, values differ"
    SCALE_DIFFERS = "same digits, another scale word"
    CONVERSION_OFF = "converted unit does not match"
    UNITS_DIFFER = "units cannot be compared"
    COUNTS_DIFFER = "counts differ"
    ONE_SIDE = "figure on one side only"
    NUMBER_THERE = "the value is there without its unit or in words"
    CONVERSION_THERE = "the same measure is there in another unit"
    NOT_COMPARED = "a count, rank or ratio on one side only"


class Measured(Protocol):
    """What the check needs of a figure."""

    @property
    def value(self) -> Decimal: ...
    @property
    def unit(self) -> str: ...
    @property
    def kind(self) -> str: ...


F = TypeVar("F", bound=Measured)

# Verdicts in the order a reader should see them.
VERDICT_ORDER = {Verdict.DIFFERS: 0, Verdict.CHECK: 1, Verdict.AGREES: 2, Verdict.UNCHECKED: 3}
# How far a translator's rounded conversion may be from the exact one ("650 lb" ≈ "300 kg").
CONVERSION_TOLERANCE = Decimal("0.10")
# Kinds whose figure on one side only is worth a look.
_FLAGGED_ALONE = frozenset({"money", "measure", "percent"})


@dataclass(frozen=True)
class FigurePair(Generic[F]):
    """A figure and its counterpart in the translation (either may be missing), judged."""

    source: F | None
    target: F | None
    verdict: Verdict
    factor: Decimal | None = None  # target / source when they differ
    reason: Reason = Reason.SAME
    converted: Decimal | None = None  # the source's value in the target's unit

    @property
    def flagged(self) -> bool:
        """Whether a reader should look at this pair."""
        return self.verdict in (Verdict.DIFFERS, Verdict.CHECK)


def rounding(value: Decimal) -> Decimal:
    """Half a unit of the last digit a value was written with (1,470,000 → 5,000)."""
    if value == 0 or not value.is_finite():
        return Decimal("0.5")
    exponent = value.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5) * Decimal(10) ** (exponent - 1)


def _close(source: Decimal, target: Decimal) -> bool:
    tolerance = max(rounding(source), rounding(target))
    return abs(source - target) <= tolerance


def agree(source: Measured, target: Measured) -> bool:
    """Same unit, and values within the rounding of the digits shown."""
    return source.unit == target.unit and _close(source.value, target.value)


# ---------------------------------------------------------------- units and conversions

# The figure's unit → pint's name for it ("mil" is the Scandinavian mile of ten kilometres).
_PINT_UNITS = {
    "km": "kilometer", "m": "meter", "cm": "centimeter", "mm": "millimeter", "mi": "mile",
    "ft": "foot", "in": "inch", "yd": "yard", "mil": "scandinavian_mile", "kg": "kilogram",
    "lb": "pound", "tonne": "metric_ton", "hectare": "hectare", "acre": "acre",
    "km2": "kilometer ** 2", "mi2": "mile ** 2", "m2": "meter ** 2", "L": "liter",
    "gal": "gallon", "m3": "meter ** 3", "mph": "mile / hour", "km/h": "kilometer / hour",
    "MW": "megawatt", "kW": "kilowatt", "kWh": "kilowatt_hour",
    "°C": "degC", "°F": "degF",
}
_TEMPERATURES = ("°C", "°F", "°")


@cache
def _registry() -> Any:
    import pint

    registry: Any = pint.UnitRegistry()
    registry.define("scandinavian_mile = 10 * kilometer")
    return registry


@cache
def _converted(value: Decimal, unit: str, to_unit: str) -> list[Decimal]:
    """The value in another unit, every reading that makes sense (a temperature both as a
    temperature and as a difference of temperatures); empty when they do not convert."""
    if unit in _TEMPERATURES and to_unit in _TEMPERATURES:
        return _temperatures(value, unit, to_unit)
    source, target = _PINT_UNITS.get(unit), _PINT_UNITS.get(to_unit)
    if source is None or target is None:
        return []
    registry: Any = _registry()
    try:
        quantity = registry.Quantity(float(value), registry.parse_units(source))
        readings = []
        try:
            readings.append(quantity.to(target).magnitude)
        except Exception:  # noqa: BLE001 - pint's DimensionalityError: try per hour
            hour = registry.Quantity(1, "hour")
            for attempt in (quantity / hour, quantity * hour):  # "85 mph" told as "137 km"
                try:
                    readings.append(attempt.to(target).magnitude)
                except Exception:  # noqa: BLE001
                    continue
        return [Decimal(repr(float(reading))) for reading in readings
                if math.isfinite(float(reading))]
    except (ValueError, OverflowError, InvalidOperation):
        return []


def _temperatures(value: Decimal, unit: str, to_unit: str) -> list[Decimal]:
    """A temperature in another scale; "°" (degrees of an unnamed scale) may be either."""
    fahrenheit_to_celsius = [(value - 32) * 5 / 9, value * 5 / 9]  # a reading, a difference
    celsius_to_fahrenheit = [value * 9 / 5 + 32, value * 9 / 5]
    readings = {("°F", "°C"): fahrenheit_to_celsius, ("°C", "°F"): celsius_to_fahrenheit}
    if unit == to_unit and unit != "°":
        return [value]
    if (unit, to_unit) in readings:
        return readings[(unit, to_unit)]
    return [value] + fahrenheit_to_celsius + celsius_to_fahrenheit


def _conversion_matches(source: Measured, target: Measured) -> tuple[bool, Decimal | None]:
    """Whether the source's measure, converted, is the target's within a translator's
    rounding; and the conversion nearest the target."""
    readings = _converted(source.value, source.unit, target.unit)
    if not readings:
        return False, None
    nearest = min(readings, key=lambda reading: abs(reading - target.value))
    tolerance = max(abs(nearest) * CONVERSION_TOLERANCE, rounding(target.value))
    return abs(nearest - target.value) <= tolerance, nearest


# ---------------------------------------------------------------- pairing


def _family(figure: Measured) -> str:
    """What a figure may be paired with: money with money, a count with a count, ..."""
    if figure.kind == "count" and not figure.unit:
        return "number"
    return figure.kind


def _pairable(source: Measured, target: Measured) -> bool:
    families = {_family(source), _family(target)}
    if len(families) == 1:
        return True
    # a scaled number whose unit was not read ("140 millones de dolares") pairs with money
    # or a count
    return "number" in families and families <= {"number", "money", "count"}


def _distance(source: Measured, target: Measured) -> float:
    """How far apart two values are, in orders of magnitude (after converting a measure);
    another unit that does not convert counts as far."""
    a = abs(float(source.value))
    b = abs(float(target.value))
    penalty = 0.0
    if source.kind == "measure" and target.kind == "measure" and source.unit != target.unit:
        readings = _converted(source.value, source.unit, target.unit)
        if readings:
            a = min((abs(float(r)) for r in readings), key=lambda r: abs(r - b))
        else:
            penalty = 100.0
    elif source.kind == "money" and target.kind == "money" and source.unit != target.unit:
        penalty = 100.0
    if not (math.isfinite(a) and math.isfinite(b)):
        return 200.0
    gap = abs(math.log10(a) - math.log10(b)) if a and b else (0.0 if a == b else 50.0)
    return gap + penalty


def judge(source: F, target: F) -> FigurePair[F]:
    """The verdict on a figure and the counterpart it was paired with."""
    if source.kind == "measure" and target.kind == "measure" and (
            source.unit != target.unit or source.unit == "°"):
        matches, nearest = _conversion_matches(source, target)
        if matches:
            return FigurePair(source, target, Verdict.AGREES, None, Reason.CONVERTED, nearest)
        if nearest is None:
            return FigurePair(source, target, Verdict.CHECK, None, Reason.UNITS_DIFFER)
        factor = (target.value / nearest).quantize(Decimal("0.01")) if nearest else None
        return FigurePair(source, target, Verdict.CHECK, factor, Reason.CONVERSION_OFF,
                          nearest)
    if _close(source.value, target.value) and (
            source.unit == target.unit or "number" in (_family(source), _family(target))
            or source.kind == target.kind == "count"):
        reason = Reason.SAME if source.unit == target.unit else Reason.SAME_NUMBER
        return FigurePair(source, target, Verdict.AGREES, None, reason)
    factor = _factor(source, target)
    if "number" in (_family(source), _family(target)) and _scale_error(factor):
        # the same digits with another scale word: "£2.8bn" told as "2,8 millioner"
        return FigurePair(source, target, Verdict.DIFFERS, factor, Reason.SCALE_DIFFERS)
    same_quantity = (source.kind == target.kind and source.unit == target.unit
                     and bool(source.unit) and source.kind != "rank")
    if same_quantity:
        return FigurePair(source, target, Verdict.DIFFERS, _factor(source, target),
                          Reason.VALUES_DIFFER)
    reason = (Reason.COUNTS_DIFFER if "count" in (source.kind, target.kind)
              or "number" in (_family(source), _family(target)) else Reason.UNITS_DIFFER)
    return FigurePair(source, target, Verdict.CHECK, _factor(source, target), reason)


def _scale_error(factor: Decimal | None) -> bool:
    """Whether a factor is a whole power of a thousand (a scale word read differently)."""
    if factor is None or factor <= 0:
        return False
    exponent = factor.normalize().adjusted()
    return (factor.normalize() == Decimal(10) ** exponent and exponent != 0
            and exponent % 3 == 0)


def _factor(source: Measured, target: Measured) -> Decimal | None:
    if not source.value:
        return None
    try:
        return (target.value / source.value).normalize()
    except (InvalidOperation, ArithmeticError):
        return None


def pair_figures(source: Sequence[F], target: Sequence[F],
                 source_numbers: Sequence[Decimal] | None = None,
                 target_numbers: Sequence[Decimal] | None = None) -> list[FigurePair[F]]:
    """Pair the figures of a sentence group with its translation's, closest values first,
    and judge each pair.

    `source_numbers` and `target_numbers` are every number each side writes (digits and
    words, figures or not): a figure left without a counterpart is only worth a look when
    the other side writes no number of its value. None: nothing is known of them.
    """
    source_left = _Written(source_numbers, source) if source_numbers is not None else None
    target_left = _Written(target_numbers, target) if target_numbers is not None else None
    return _pair(source, target, source_left, target_left)


def _pair(source: Sequence[F], target: Sequence[F], source_left: _Written | None,
          target_left: _Written | None) -> list[FigurePair[F]]:
    if len(source) * len(target) > _MOST_CANDIDATES:
        return _pair_in_windows(source, target, source_left, target_left)
    candidates = sorted(
        (_distance(s, t), i, j)
        for i, s in enumerate(source) for j, t in enumerate(target) if _pairable(s, t)
    )
    used_source: set[int] = set()
    used_target: set[int] = set()
    pairs: list[tuple[int, FigurePair[F]]] = []
    for _gap, i, j in candidates:
        if i in used_source or j in used_target:
            continue
        used_source.add(i)
        used_target.add(j)
        pairs.append((i, judge(source[i], target[j])))
    paired_target = [target[j] for j in used_target]
    paired_source = [source[i] for i in used_source]
    pairs.extend((i, _alone(s, paired_target, target_left, is_source=True))
                 for i, s in enumerate(source) if i not in used_source)
    ordered = [pair for _i, pair in sorted(pairs, key=lambda item: item[0])]
    ordered.extend(_alone(t, paired_source, source_left, is_source=False)
                   for j, t in enumerate(target) if j not in used_target)
    return ordered


# Beyond this many candidate pairs (a whole article in one row), figures are paired window by
# window in text order, so that the check stays linear in the length of the text.
_MOST_CANDIDATES = 4096
_WINDOW = 32


class _Written:
    """The numbers one side writes that none of its figures is (looked up by value)."""

    def __init__(self, numbers: Sequence[Decimal], figures: Sequence[Measured]) -> None:
        left = Counter(numbers)
        left.subtract(Counter(figure.value for figure in figures))
        self.values = sorted(value for value, count in left.items() if count > 0)

    def __bool__(self) -> bool:
        return bool(self.values)

    def has_close(self, value: Decimal) -> bool:
        """Whether a number close to the value (within rounding) is written."""
        at = bisect_left(self.values, value)
        return any(_close(value, self.values[i])
                   for i in range(max(0, at - 2), min(len(self.values), at + 2)))


def _pair_in_windows(source: Sequence[F], target: Sequence[F],
                     source_left: _Written | None,
                     target_left: _Written | None) -> list[FigurePair[F]]:
    windows = max(1, max(len(source), len(target)) // _WINDOW)
    pairs: list[FigurePair[F]] = []
    for window in range(windows):
        source_part = source[len(source) * window // windows:len(source) * (window + 1) // windows]
        target_part = target[len(target) * window // windows:len(target) * (window + 1) // windows]
        pairs += _pair(source_part, target_part, source_left, target_left)
    return pairs


def _alone(figure: F, paired_other: Sequence[F], other_left: _Written | None,
           is_source: bool) -> FigurePair[F]:
    """The verdict on a figure the other side has no figure for."""
    def pair(verdict: Verdict, reason: Reason) -> FigurePair[F]:
        return (FigurePair(figure, None, verdict, None, reason) if is_source
                else FigurePair(None, figure, verdict, None, reason))

    if figure.kind not in _FLAGGED_ALONE or (figure.kind == "percent" and figure.value == 100):
        # a count, rank or ratio; "100 per cent sure" is said as "entirely" as often
        return pair(Verdict.UNCHECKED, Reason.NOT_COMPARED)
    if figure.kind == "measure" and any(
            _conversion_matches(figure, other)[0] if is_source else
            _conversion_matches(other, figure)[0]
            for other in paired_other if other.kind == "measure"):
        return pair(Verdict.UNCHECKED, Reason.CONVERSION_THERE)  # "100 feet (30 m)"
    if other_left is not None:
        if figure.kind == "measure" and other_left:
            # the translator may have converted it into a unit not read: any number may be it
            return pair(Verdict.UNCHECKED, Reason.NUMBER_THERE)
        if other_left.has_close(figure.value):
            return pair(Verdict.UNCHECKED, Reason.NUMBER_THERE)
    return pair(Verdict.CHECK, Reason.ONE_SIDE)


def flags_first(pairs: Sequence[FigurePair[F]]) -> list[FigurePair[F]]:
    """Differs, then check, then the rest; each in text order."""
    return sorted(pairs, key=lambda pair: VERDICT_ORDER[pair.verdict])


# ---------------------------------------------------------------- texts


@dataclass(frozen=True)
class TextCheck:
    """A figure pair found in two texts, with what the command line prints of it."""

    pair: FigurePair[Any]

    def describe(self) -> str:
        """One line: verdict, both sides, factor and reason."""
        sides = [f"{figure.surface!r}={figure.value} {figure.unit}".rstrip()
                 if figure is not None else "-" for figure in (self.pair.source,
                                                                self.pair.target)]
        factor = f" ×{self.pair.factor}" if self.pair.factor is not None else ""
        return f"{self.pair.verdict.value}: {sides[0]} / {sides[1]}{factor} ({self.pair.reason})"


def written_numbers(text: str, language: str) -> list[Decimal]:
    """Every number a text writes, in digits (scaled) or in words."""
    from reader.text.number_words import find_number_words
    from reader.text.numbers import find_numbers, read_scale

    values = []
    for mention in find_numbers(text, language):
        scale = read_scale(text, mention.end, language)
        values.append(mention.value)
        if scale is not None:
            values.append(mention.value.scaleb(scale[0]))
    values += [mention.value for mention in find_number_words(text, language)]
    return values


def check_texts(source_text: str, source_language: str, target_text: str,
                target_language: str) -> list[TextCheck]:
    """The flagged figure pairs of a sentence (or group) and its translation, flags first."""
    from reader.text.figures import find_figures

    pairs = pair_figures(find_figures(source_text, source_language),
                         find_figures(target_text, target_language),
                         written_numbers(source_text, source_language),
                         written_numbers(target_text, target_language))
    return [TextCheck(pair) for pair in flags_first(pairs) if pair.flagged]
