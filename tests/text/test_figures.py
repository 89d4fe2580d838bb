"""The figure extractor: hand-written expectations for every seed, and per-language cases."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reader.text.article_format import parse_article_text
from reader.text.figures import (
    FIGURE_EXTRACTOR_VERSION,
    Figure,
    extract_figures_json,
    find_figures,
)
from reader.text.numbers import find_numbers, parse_number, read_scale, scale_words
from tests.conftest import SEEDS

EXPECTED = Path(__file__).resolve().parent / "figures_expected"
KINDS = {"percent", "money", "measure", "count", "rank", "ratio"}
QUALIFIERS = {"over", "nearly", "about", "under", "exact"}


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / name).read_text(encoding="utf-8"))
    return data


def _seed_figures(expected: dict[str, Any]) -> list[Figure]:
    text = (SEEDS / expected["seed"]).read_text(encoding="utf-8")
    body = parse_article_text(text).body_text
    return find_figures(body, expected["language"])


def _pairs(text: str, language: str) -> list[tuple[Decimal, str]]:
    return [(f.value, f.unit) for f in find_figures(text, language)]


def _one(text: str, language: str) -> Figure:
    figures = find_figures(text, language)
    assert len(figures) == 1, figures
    return figures[0]


def _diff(expected: list[dict[str, Any]], found: list[Figure]) -> tuple[list[str], list[str]]:
    """Misses (expected, not found) and extras (found, not expected), matched in order."""
    remaining = list(found)
    misses = []
    for item in expected:
        key = (Decimal(item["value"]), item["unit"])
        match = next((f for f in remaining if (f.value, f.unit) == key), None)
        if match is None:
            misses.append(f"{item['surface']!r} = {item['value']} {item['unit']}")
        else:
            remaining.remove(match)
    extras = [f"{f.surface!r} = {f.value} {f.unit} at {f.start}" for f in remaining]
    return misses, extras


@pytest.mark.parametrize("name", sorted(p.name for p in EXPECTED.glob("*.json")))
def test_seed_figures_match_hand_written_expectations(name: str) -> None:
    expected = _expected(name)
    found = _seed_figures(expected)
    misses, extras = _diff(expected["figures"], found)
    assert not misses and not extras, (
        f"{name}: {len(misses)} missed, {len(extras)} extra\n  missed: "
        + "\n          ".join(misses) + "\n  extra:  " + "\n          ".join(extras)
    )
    assert [(Decimal(e["value"]), e["unit"]) for e in expected["figures"]] == [
        (f.value, f.unit) for f in found
    ]
    for item, figure in zip(expected["figures"], found, strict=True):
        assert figure.surface == item["surface"]
        assert figure.kind == item["kind"]
        assert figure.qualifier == item["qualifier"], figure


def test_every_figure_is_well_formed() -> None:
    for name in sorted(p.name for p in EXPECTED.glob("*.json")):
        expected = _expected(name)
        text = parse_article_text(
            (SEEDS / expected["seed"]).read_text(encoding="utf-8")).body_text
        for figure in find_figures(text, expected["language"]):
            assert text[figure.start:figure.end] == figure.surface
            assert figure.kind in KINDS and figure.qualifier in QUALIFIERS
            assert 0 < len(figure.label) <= 60, figure
            assert "\n" not in figure.label


def test_the_translation_pair_agrees_except_the_budget_revenue() -> None:
    spanish = _seed_figures(_expected("000_es.json"))
    english = _seed_figures(_expected("001_en.json"))
    assert len(spanish) == len(english)
    differing = [(s, e) for s, e in zip(spanish, english, strict=True)
                 if (s.value, s.unit, s.kind) != (e.value, e.unit, e.kind)]
    assert len(differing) == 1
    (es_revenue, en_revenue), = differing
    assert es_revenue.surface == "3.312 billones de VND"
    assert en_revenue.surface == "3,312 billion VND"
    assert es_revenue.value == 1000 * en_revenue.value == Decimal("3312e12")


def test_labels_name_what_is_measured() -> None:
    english = _seed_figures(_expected("001_en.json"))
    by_surface = {f.surface: f.label for f in english}
    assert by_surface["1,299 million USD"] == "Total import-export turnover"
    assert by_surface["59.4%"] == "Total tourist arrivals"
    assert by_surface["104%"] == "Total tourism revenue"
    spanish = {f.surface: f.label for f in _seed_figures(_expected("000_es.json"))}
    assert spanish["1.299 millones de dólares"].startswith("Facturación total")


# ------------------------------------------------------------------ separators


@pytest.mark.parametrize(
    ("language", "text", "value", "unit"),
    [
        ("es", "aumentó un 6,52%", "6.52", "percent"),
        ("en", "increased by 6.52%", "6.52", "percent"),
        ("sv", "nådde 6,52 %", "6.52", "percent"),
        ("ru", "достиг 6,52%", "6.52", "percent"),
        ("nb", "økte med 6,52 prosent", "6.52", "percent"),
        ("es", "se vendieron 1.299 toneladas", "1299", "tonne"),
        ("en", "they sold 1,299 tonnes", "1299", "tonne"),
        ("en", "they sold 1.299 tonnes", "1.299", "tonne"),
        ("sv", "en produktion på 9 503 ton", "9503", "tonne"),
        ("sv", "en produktion på 9\u00a0503 ton", "9503", "tonne"),
        ("nb", "en produksjon på 9\u202f503 tonn", "9503", "tonne"),
        ("ru", "урожай 20 699,5 тонн", "20699.5", "tonne"),
        ("en", "a capacity of 3,230 MW", "3230", "MW"),
        ("es", "una superficie de 1.034 hectáreas", "1034", "hectare"),
        ("ru", "площадь 1 034 гектаров", "1034", "hectare"),
    ],
)
def test_numbers_in_each_languages_format(language: str, text: str, value: str,
                                          unit: str) -> None:
    figure = _one(text, language)
    assert (figure.value, figure.unit) == (Decimal(value), unit)


def test_spanish_also_groups_with_a_space() -> None:
    assert parse_number("250 000", "es") == Decimal(250000)
    assert parse_number("1.299", "es") == Decimal(1299)  # CLDR's group mark still reads
    assert _pairs("unos 250\u00a0000 visitantes", "es") == [(Decimal(250000), "tourist")]
    assert [m.value for m in find_numbers("en 2024 350 personas", "es")] == [2024, 350]


def test_a_decimal_comma_is_never_a_group() -> None:
    for language in ("es", "sv", "ru", "nb", "en"):
        assert _one("6,52%", language).value == Decimal("6.52")


# ------------------------------------------------------------------ scale words


def test_scale_words_come_from_cldr() -> None:
    assert dict(scale_words("es"))["mil millones"] == 9
    assert dict(scale_words("es"))["billón"] == 12
    assert dict(scale_words("es"))["billones"] == 12
    assert dict(scale_words("en"))["billion"] == 9
    assert dict(scale_words("sv"))["miljarder"] == 9
    assert dict(scale_words("sv"))["biljon"] == 12
    assert dict(scale_words("nb"))["milliarder"] == 9
    assert dict(scale_words("ru"))["млрд"] == 9
    assert dict(scale_words("ru"))["миллионов"] == 6
    assert dict(scale_words("ru"))["трлн"] == 12
    assert "k" not in dict(scale_words("en")) and "m" not in dict(scale_words("es"))
    assert read_scale("5 mil millones", 1, "es") == (9, 14)
    assert read_scale("5 millas", 1, "es") is None


@pytest.mark.parametrize(
    ("language", "text", "value", "unit"),
    [
        ("es", "1.299 millones de dólares", "1299000000", "USD"),
        ("es", "5 mil millones de dólares", "5000000000", "USD"),
        ("es", "2 billones de VND", "2000000000000", "VND"),
        ("es", "1 millón de dólares", "1000000", "USD"),
        ("es", "3.312 billones de VND", "3312000000000000", "VND"),
        ("en", "3,312 billion VND", "3312000000000", "VND"),
        ("en", "2 trillion dong", "2000000000000", "VND"),
        ("en", "1.47 million tourists", "1470000", "tourist"),
        ("sv", "9 503 miljarder VND", "9503000000000", "VND"),
        ("sv", "1 miljard dollar", "1000000000", "USD"),
        ("sv", "2 biljoner VND", "2000000000000", "VND"),
        ("nb", "46 millioner VND", "46000000", "VND"),
        ("nb", "3 milliarder kroner", "3000000000", "NOK"),
        ("ru", "20 699,5 млрд донгов", "20699500000000", "VND"),
        ("ru", "207 триллионов донгов", "207000000000000", "VND"),
        ("ru", "4 миллиона долларов США", "4000000", "USD"),
        ("ru", "15 тыс. туристов", "15000", "tourist"),
        ("ru", "2 млн туристов", "2000000", "tourist"),
    ],
)
def test_scale_words_expand_the_value(language: str, text: str, value: str, unit: str) -> None:
    figure = _one(text, language)
    assert (figure.value, figure.unit) == (Decimal(value), unit)
    assert figure.surface == text


def test_a_scaled_number_without_unit_is_still_a_figure() -> None:
    figure = _one("la población llegó a 2 millones en el censo", "es")
    assert (figure.value, figure.unit, figure.kind) == (Decimal(2000000), "", "count")


# ------------------------------------------------------------------ units


@pytest.mark.parametrize(
    ("language", "text", "unit", "kind"),
    [
        ("en", "rose 5 percent", "percent", "percent"),
        ("es", "subió 5 por ciento", "percent", "percent"),
        ("sv", "ökade 5 procent", "percent", "percent"),
        ("nb", "økte 5 prosent", "percent", "percent"),
        ("ru", "вырос на 5 процентов", "percent", "percent"),
        ("en", "cost 5 US dollars", "USD", "money"),
        ("en", "cost $5", "USD", "money"),
        ("es", "costó 5 dólares", "USD", "money"),
        ("ru", "стоил 5 долларов США", "USD", "money"),
        ("ru", "стоил 5 донгов", "VND", "money"),
        ("en", "cost 5 đồng", "VND", "money"),
        ("en", "cost 5 euros", "EUR", "money"),
        ("en", "56 communes met the standard", "commune", "count"),
        ("nb", "56 kommuner har oppfylt", "commune", "count"),
        ("en", "ranked 4th in the country", "rank", "rank"),
        ("en", "took 2nd place nationally", "rank", "rank"),
        ("ru", "занял 4-е место в стране", "rank", "rank"),
        ("sv", "hamnade på 3:e plats", "rank", "rank"),
        ("nb", "kom på 3. plass", "rank", "rank"),
        ("ru", "159/182 коммун", "ratio", "ratio"),
    ],
)
def test_units(language: str, text: str, unit: str, kind: str) -> None:
    figure = _one(text, language)
    assert (figure.unit, figure.kind) == (unit, kind)


def test_ranks_written_as_words() -> None:
    figure = _one("заняв первое место в стране", "ru")
    assert (figure.value, figure.unit, figure.surface) == (Decimal(1), "rank", "первое место")
    assert _one("took first place", "en").value == 1


def test_ratios() -> None:
    assert _one("имеется 07/10 единиц", "ru").value == Decimal("0.7")
    assert _one("159/182 коммун", "ru").value == Decimal("0.873626")
    assert find_figures("el 25/10 y el 12/10/2025", "es") == []


# ------------------------------------------------------------------ qualifiers


@pytest.mark.parametrize(
    ("language", "text", "qualifier"),
    [
        ("en", "reached over 1,299 million USD", "over"),
        ("en", "reached more than 5%", "over"),
        ("en", "nearly 72% of schools", "nearly"),
        ("en", "about 5 million USD", "about"),
        ("en", "less than 5% of households", "under"),
        ("en", "exactly 5%", "exact"),
        ("es", "alcanzó más de 1.299 millones de dólares", "over"),
        ("es", "superior al 99 % a nivel comunal", "over"),
        ("es", "casi 72 %", "nearly"),
        ("es", "alrededor de 5 %", "about"),
        ("es", "menos de 5 %", "under"),
        ("sv", "över 70 000 ton", "over"),
        ("sv", "mer än 5 %", "over"),
        ("sv", "nästan 72 %", "nearly"),
        ("sv", "cirka 5 %", "about"),
        ("sv", "mindre än 5 %", "under"),
        ("nb", "over 9 %/år", "over"),
        ("nb", "nesten 72 %", "nearly"),
        ("nb", "omtrent 5 %", "about"),
        ("nb", "under 5 %", "under"),
        ("ru", "более 2,04 млрд долларов США", "over"),
        ("ru", "почти 72%", "nearly"),
        ("ru", "около 5%", "about"),
        ("ru", "менее 5%", "under"),
    ],
)
def test_qualifiers(language: str, text: str, qualifier: str) -> None:
    assert _one(text, language).qualifier == qualifier


# ------------------------------------------------------------------ not figures


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # dates and years
        ("es", "de 25 de octubre de 2017 hasta el 1 de julio de 2025"),
        ("en", "dated October 25, 2017, from July 1, 2025 to present, in 2025"),
        ("sv", "från och med den 1 januari 2026 och under 2025"),
        ("ru", "Утром 14 января, от 6 декабря 2024 года"),
        ("nb", "før 31. desember 2023, innen 2023"),
        ("en", "on 12.10.2025 and 25/10/2017"),
        # periods
        ("es", "período 2025-2030 y 2025 - 2030"),
        ("sv", "mandatperioden 2025–2030"),
        ("ru", "на период 2025–2030 годов и 2020-2025 годов"),
        ("nb", "i perioden 2021-2023"),
        # document numbers
        ("es", "la Resolución n.º 18-NQ/TW"),
        ("en", "Resolution No. 18-NQ/TW"),
        ("ru", "постановлении № 381-NQ/TU и Директивой № 26-СТ/ТУ"),
        ("nb", "resolusjon nr. 11-NQ/TW"),
        # ordinals of congresses and terms
        ("en", "the 13th Party Central Committee (12th tenure), term XX"),
        ("es", "del XIII Comité Central del Partido (12.º mandato)"),
        ("sv", "den 15:e provinsiella partikongressen, 16:e mandatperioden"),
        ("ru", "Центрального исполнительного комитета 12-го созыва"),
        # durations and identifiers
        ("en", "in the first 9 months, after 3 months of work"),
        ("ru", "в течение 5 лет подряд"),
        ("nb", "langs riksvei 279 og riksvei 12, fase 1"),
        ("en", "Tra Linh Expressway (phase 1, phase 2)"),
        # addresses and URLs
        ("es", "Fuente: https://tuyengiaocaobang.vn/tin/khoa-xx-nhiem-ky-2025-2030-2058.html"),
        ("en", "see www.example.com/2024/55-percent or mail 12@example.com"),
        ("en", "at 12 Tran Phu Street"),
    ],
)
def test_not_figures(language: str, text: str) -> None:
    assert find_figures(text, language) == []


# ------------------------------------------------------------------ JSON


def test_json_output() -> None:
    rows = extract_figures_json("alcanzó más de 1.299 millones de dólares y 6,52%", "es")
    assert [(r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        (1299000000, "USD", "over"), (6.52, "percent", "exact")]
    assert isinstance(rows[0]["value"], int) and isinstance(rows[1]["value"], float)
    assert set(rows[0]) >= {"surface", "start", "end", "value", "unit", "qualifier", "label"}
    json.dumps(rows)


def test_json_detects_the_language() -> None:
    text = ("La facturación total de importación y exportación alcanzó más de 1.299 millones "
            "de dólares, un aumento del 77% con respecto al mismo período del año anterior.")
    rows = extract_figures_json(text, None)
    assert [(r["value"], r["unit"]) for r in rows] == [(1299000000, "USD"), (77, "percent")]


def test_version() -> None:
    assert FIGURE_EXTRACTOR_VERSION == "2"


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The provincial committee met on the morning of October 25 and approved 12 "
               "projects worth USD 5 million.",
         [("12 projects", "count", "project"), ("USD 5 million", "money", "USD")]),
        ("en", "After a long meeting of the whole provincial committee the budget was set at "
               "USD\n5 million, against EUR 3 million.",
         [("USD\n5 million", "money", "USD"), ("EUR 3 million", "money", "EUR")]),
        ("es", "La reunión del comité provincial del 14 de octubre\naprobó 12 proyectos por "
               "valor de 5 millones de dólares.",
         [("12 proyectos", "count", "project"), ("5 millones de dólares", "money", "USD")]),
    ],
)
def test_a_currency_or_month_ending_a_long_text_before_a_number_is_found(
        language: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    # The end-anchored patterns are searched for near the end only: the same figures.
    assert [(f.surface, f.kind, f.unit) for f in find_figures(text, language)] == expected
