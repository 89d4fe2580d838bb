"""Numbers read the way each language writes them (CLDR symbols through babel)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reader.text.numbers import NumberMention, find_numbers, number_format, parse_number
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV


def _values(text: str, language: str) -> list[Decimal]:
    return [mention.value for mention in find_numbers(text, language)]


@pytest.mark.parametrize(
    ("language", "text", "values"),
    [
        # the same report in Spanish and English: one value, two spellings
        ("es", "alcanzó más de 1.299 millones de dólares", ["1299"]),
        ("en", "reached over 1,299 million USD", ["1299"]),
        ("es", "en los primeros 9 meses aumentó un 6,52%", ["9", "6.52"]),
        ("en", "in the first 9 months increased by 6.52%", ["9", "6.52"]),
        ("es", "alcanzaron más de 3.312 billones de VND", ["3312"]),
        ("en", "reached over 3,312 billion VND", ["3312"]),
        ("es", "El total de llegadas de turistas aumentó un 59,4%", ["59.4"]),
        ("en", "implemented 2,100 administrative procedures", ["2100"]),
        ("es", "se difundieron e implementaron 2100 procedimientos", ["2100"]),
        # Swedish, Russian and Norwegian group digits with a space
        ("sv", "nådde 8,2 %, vilket översteg det uppsatta målet (8 %)", ["8.2", "8"]),
        ("sv", "ett uppskattat produktionsvärde på 9 503 miljarder VND", ["9503"]),
        ("sv", "en livsmedelsproduktion på 226 000 ton", ["226000"]),
        ("sv", "provinsen välkomnade 1,47 miljoner turister", ["1.47"]),
        ("sv", "De lokala budgetintäkterna nådde 17 312 miljarder VND", ["17312"]),
        ("ru", "общий годовой доход составил 20 699,5 млрд донгов", ["20699.5"]),
        ("ru", "Темпы роста ВВП достигли 13,85%", ["13.85"]),
        ("ru", "объём производства превысил 63 510 млрд донгов", ["63510"]),
        ("ru", "ВРП на душу населения достиг 4370 долларов США", ["4370"]),
        ("nb", "anslått til over 9 %/år; i 2023 er GRDP-vekstraten anslått til over 10 %",
         ["9", "2023", "10"]),
        ("nb", "over 46 millioner VND/år", ["46"]),
    ],
)
def test_seed_figures(language: str, text: str, values: list[str]) -> None:
    assert _values(text, language) == [Decimal(v) for v in values]


def test_the_language_decides_between_group_and_decimal() -> None:
    assert parse_number("1.299", "es") == Decimal("1299")
    assert parse_number("1.299", "en") == Decimal("1.299")
    assert parse_number("1.299", "ru") == Decimal("1.299")
    # Swedish and Norwegian news also group thousands with a dot ("45.000 kronor")
    assert parse_number("45.000", "sv") == Decimal("45000")
    assert parse_number("45.000", "nb") == Decimal("45000")
    assert parse_number("2.5", "sv") == Decimal("2.5")
    for language in ("sv", "ru", "nb", "es"):
        assert parse_number("6,52", language) == Decimal("6.52")
    assert parse_number("6,52", "en") == Decimal("6.52")  # never 652
    assert parse_number("6.5", "es") == Decimal("6.5")  # a decimal point, not a group of 3


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize("language", ["sv", "ru", "nb"])
def test_any_space_groups_digits(language: str, space: str) -> None:
    assert parse_number(f"9{space}503", language) == Decimal("9503")
    assert parse_number(f"20{space}699,5", language) == Decimal("20699.5")


def test_space_groups_only_three_digits() -> None:
    assert _values("i 2024 350 personer", "sv") == [Decimal("2024"), Decimal("350")]
    assert _values("2021-2023 og 2025 - 2030", "nb") == [Decimal(v) for v in
                                                        ("2021", "2023", "2025", "2030")]
    assert _values("1 034 hektar", "en") == [Decimal("1"), Decimal("34")]  # en: not a group


def test_mentions_point_into_the_text() -> None:
    text = "nådde 8,2 %, och 9\u00a0503 miljarder"
    mentions = find_numbers(text, "sv")
    assert mentions == [
        NumberMention(6, 9, "8,2", Decimal("8.2")),
        NumberMention(17, 22, "9\u00a0503", Decimal("9503")),
    ]
    assert all(text[m.start : m.end] == m.surface for m in mentions)


def test_signs_dashes_and_ordinals() -> None:
    assert _values("−3 % och -4,5 %", "sv") == [Decimal("-3"), Decimal("-4.5")]
    assert _values("18-NQ/TW, 2025-2030, 26-СТ/ТУ", "ru") == [
        Decimal("18"), Decimal("2025"), Decimal("2030"), Decimal("26")
    ]
    assert _values("del 12.º mandato, 13th, 15:e, 4-е", "es") == [
        Decimal("12"), Decimal("13"), Decimal("15"), Decimal("4")
    ]


def test_only_digits_reach_decimal() -> None:
    assert _values("1e3 1_000 NaN Infinity G7 12.10.2025", "en") == []
    assert parse_number("1e3", "en") is None
    assert parse_number("12 apples", "en") is None


def test_cldr_symbols_and_unknown_languages() -> None:
    assert (number_format("es").decimal, number_format("es").group) == (",", ".")
    assert (number_format("en").decimal, number_format("en").group) == (".", ",")
    assert number_format("ru").group == "\u00a0"
    assert number_format("und") == number_format("en")
    assert parse_number("1,299.5", "und") == Decimal("1299.5")


@pytest.mark.parametrize(
    ("seed", "language", "expected"),
    [(SEED_ES, "es", "1299"), (SEED_EN, "en", "1299"), (SEED_SV, "sv", "9503"),
     (SEED_RU, "ru", "20699.5"), (SEED_NB, "nb", "279")],
)
def test_whole_seeds(seed: Path, language: str, expected: str) -> None:
    assert Decimal(expected) in _values(seed.read_text(encoding="utf-8"), language)
