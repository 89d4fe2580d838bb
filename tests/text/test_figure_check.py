"""Figures of a translation are paired and judged with evidence: differs (same quantity and
unit, with the factor), check (weaker signals), agrees (also after a unit conversion)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reader.text.figure_check import (
    Reason,
    Verdict,
    agree,
    check_texts,
    flags_first,
    pair_figures,
    rounding,
)


@dataclass(frozen=True)
class Fig:
    value: Decimal
    unit: str
    kind: str = "money"


def _verdicts(source: str, source_language: str, target: str,
              target_language: str) -> list[tuple[str, str]]:
    return [(c.pair.verdict.value, c.pair.reason.name)
            for c in check_texts(source, source_language, target, target_language)]


def test_rounding_follows_the_digits_shown() -> None:
    assert rounding(Decimal("1470000")) == Decimal("5000")
    assert rounding(Decimal("6.52")) == Decimal("0.005")
    assert rounding(Decimal("56")) == Decimal("0.5")


def test_values_agree_within_the_rounding_of_either_side() -> None:
    assert agree(Fig(Decimal("1470000"), "tourist"), Fig(Decimal("1472000"), "tourist"))
    assert not agree(Fig(Decimal("1470000"), "tourist"), Fig(Decimal("1480000"), "tourist"))
    assert not agree(Fig(Decimal("6.52"), "percent"), Fig(Decimal("6.52"), "USD"))


def test_the_budget_revenue_of_the_seed_pair_differs_by_a_thousand() -> None:
    spanish = [Fig(Decimal("3312000000000000"), "VND"), Fig(Decimal("69"), "percent", "percent")]
    english = [Fig(Decimal("69"), "percent", "percent"), Fig(Decimal("3312000000000"), "VND")]
    pairs = pair_figures(spanish, english)
    assert [p.verdict for p in pairs] == [Verdict.DIFFERS, Verdict.AGREES]
    assert pairs[0].factor == Decimal("0.001")
    assert pairs[0].reason is Reason.VALUES_DIFFER
    assert pairs[0].target == english[1]


def test_closest_values_pair_first_and_a_count_alone_is_not_flagged() -> None:
    source = [Fig(Decimal("6.52"), "percent", "percent"),
              Fig(Decimal("59.4"), "percent", "percent"), Fig(Decimal("56"), "commune", "count")]
    target = [Fig(Decimal("59.4"), "percent", "percent"),
              Fig(Decimal("6.52"), "percent", "percent")]
    pairs = pair_figures(source, target)
    assert [(p.verdict, p.source, p.target) for p in pairs] == [
        (Verdict.AGREES, source[0], target[1]),
        (Verdict.AGREES, source[1], target[0]),
        (Verdict.UNCHECKED, source[2], None),
    ]


def test_a_scale_word_error_differs_with_its_factor() -> None:
    flags = check_texts("The port cost £4.5bn to build.", "en",
                        "El puerto costó 4500 billones de libras.", "es")
    assert [(f.pair.verdict, f.pair.factor) for f in flags] == [
        (Verdict.DIFFERS, Decimal("1E+6"))]


def test_the_same_digits_with_another_scale_word_differ_without_a_currency() -> None:
    flags = check_texts("A £7.1bn furniture market.", "en",
                        "Et møbelmarked på 7,1 millioner.", "nb")
    assert [(f.pair.verdict, f.pair.reason) for f in flags] == [
        (Verdict.DIFFERS, Reason.SCALE_DIFFERS)]


def test_counted_nouns_do_not_take_part() -> None:
    assert _verdicts("Officials said 12 people were rescued.", "en",
                     "Tjänstemän sade att 12 räddades.", "sv") == []
    assert _verdicts("More than 40 million viewers watched.", "en",
                     "Более 40 млн зрителей смотрели.", "ru") == []


def test_imperial_and_metric_conversions_agree_within_rounding() -> None:
    assert _verdicts("The storm is 70 miles off the coast.", "en",
                     "La tormenta está a 113 kilómetros de la costa.", "es") == []
    assert _verdicts("A 330 pound bear was seen.", "en",
                     "En björn på 150 kilo sågs.", "sv") == []
    assert _verdicts("Up to 8 inches of snow fell.", "en",
                     "Det falt opptil 20 cm snø.", "nb") == []
    assert _verdicts("A sunny 95 degrees in the valley.", "en",
                     "35 градусов тепла в долине.", "ru") == []


def test_a_temperature_difference_converts_without_the_32() -> None:
    assert _verdicts("Temperatures will fall by 18 degrees.", "en",
                     "Las temperaturas bajarán 10 grados.", "es") == []


def test_a_wrong_conversion_is_to_be_checked_with_the_reason() -> None:
    flags = check_texts("The ship was 210 miles south of the island.", "en",
                        "Судно находилось в 190 км к югу от острова.", "ru")
    assert [(f.pair.verdict, f.pair.reason) for f in flags] == [
        (Verdict.CHECK, Reason.CONVERSION_OFF)]


def test_speeds_convert_even_when_per_hour_is_left_out() -> None:
    assert _verdicts("Winds of 50 miles per hour.", "en", "Vind på 80 km.", "nb") == []


def test_a_figure_on_one_side_only_is_checked_unless_the_value_is_written() -> None:
    assert _verdicts("Sales fell four per cent.", "en", "Las ventas bajaron un 4 %.", "es") == []
    assert _verdicts("She raised $3 million.", "en", "Recaudó tres millones.", "es") == []
    flags = check_texts("The fine was $9,000.", "en", "La multa fue cuantiosa.", "es")
    assert [(f.pair.verdict, f.pair.reason) for f in flags] == [(Verdict.CHECK, Reason.ONE_SIDE)]


def test_a_parenthetical_conversion_is_not_a_missing_figure() -> None:
    assert _verdicts("It sank in 20 metres (65 feet) of water.", "en",
                     "Den sjönk på 20 meters djup.", "sv") == []


def test_clock_times_are_not_figures() -> None:
    assert _verdicts("The match starts at 8 p.m. on Friday.", "en",
                     "El partido empieza a las 20:00 del viernes.", "es") == []
    assert _verdicts("Police arrived at 6.45am.", "en", "Politiet kom kl. 6.45.", "nb") == []


def test_differs_come_before_checks() -> None:
    pairs = pair_figures([Fig(Decimal("5"), "USD"), Fig(Decimal("40"), "km", "measure")],
                         [Fig(Decimal("50"), "USD")], source_numbers=[], target_numbers=[])
    assert [p.verdict for p in flags_first(pairs)] == [Verdict.DIFFERS, Verdict.CHECK]


def test_languages_without_word_lists_and_huge_values_never_crash() -> None:
    assert check_texts("500 tonnes de blé", "fr", "500 tonnes of wheat", "en") == []
    huge = "9" * 5000
    check_texts(f"A debt of ${huge}.", "en", f"Una deuda de {huge} dólares.", "es")
