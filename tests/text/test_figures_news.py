"""What real news writes, read in all five languages (sentences written for these tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reader.text.figures import find_figures
from reader.text.number_words import find_number_words


def _read(text: str, language: str) -> list[tuple[str, Decimal, str]]:
    return [(f.surface, f.value, f.unit) for f in find_figures(text, language)]


@pytest.mark.parametrize(("language", "text", "value", "unit"), [
    ("en", "a £3.4bn takeover", "3400000000", "GBP"),
    ("en", "sold for £75m last year", "75000000", "GBP"),
    ("en", "tickets at GBP12.50 each", "12.5", "GBP"),
    ("en", "a A$20 million grant", "20000000", "AUD"),
    ("en", "a HK$2bn tower", "2000000000", "HKD"),
    ("en", "priced at ¥900", "900", "JPY"),
    ("en", "a C$15 fee", "15", "CAD"),
    ("en", "a €40 fine", "40", "EUR"),
    ("es", "costó 9000 millones de £", "9000000000", "GBP"),
    ("es", "un fondo de 12 000 millones de $", "12000000000", "USD"),
    ("es", "una deuda de 40 billones de libras", "40000000000000", "GBP"),
    ("ru", "сделка на 7,5 млрд фунтов стерлингов", "7500000000", "GBP"),
    ("ru", "бюджет в 40 тыс. рублей", "40000", "RUB"),
    ("ru", "с 3,5 миллионами долларов", "3500000", "USD"),
    ("sv", "en vinst på 45.000 kronor", "45000", "SEK"),
    ("nb", "det kostet 2 kroner og 40 øre", "2.4", "NOK"),
    ("nb", "et lån på 8 mrd. kroner", "8000000000", "NOK"),
])
def test_money_as_news_writes_it(language: str, text: str, value: str, unit: str) -> None:
    figures = _read(text, language)
    assert [(v, u) for _s, v, u in figures] == [(Decimal(value), unit)]


@pytest.mark.parametrize(("language", "text", "value", "unit"), [
    ("en", "a 410 pound pig", "410", "lb"),
    ("en", "winds of 60 miles per hour", "60", "mph"),
    ("en", "a high of 91 degrees", "91", "°"),
    ("es", "a 42 kilómetros de la costa", "42", "km"),
    ("sv", "drygt 12 mil längs kusten", "12", "mil"),
    ("nb", "vind på 90 km/t", "90", "km/h"),
    ("ru", "со скоростью 120 км/ч", "120", "km/h"),
    ("ru", "в 30 милях от берега", "30", "mi"),
])
def test_measures_in_imperial_and_metric(language: str, text: str, value: str,
                                         unit: str) -> None:
    assert [(v, u) for _s, v, u in _read(text, language)] == [(Decimal(value), unit)]


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "рост на 9-процентном уровне"),
    ("sv", "en 9-procentig ökning"),
    ("en", "a 9-percent rise"),
])
def test_hyphenated_percentages(language: str, text: str) -> None:
    assert [(v, u) for _s, v, u in _read(text, language)] == [(Decimal(9), "percent")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The vote closes at 9.30pm on Monday."),
    ("en", "Doors open at 11:45 GMT."),
    ("es", "La sesión empieza a las 18:30 del martes."),
    ("sv", "Mötet börjar klockan 13.15 på fredag."),
    ("nb", "Møtet starter kl. 19 på søndag."),
    ("ru", "Заседание начнется в 16:20 по местному времени."),
])
def test_clock_times_are_left_out(language: str, text: str) -> None:
    assert _read(text, language) == []


@pytest.mark.parametrize(("language", "text", "values"), [
    ("en", "seven boats and twenty-three crew, about a mile out", ["7", "23", "1"]),
    ("es", "cuatro barcos y treinta y dos marineros, dos millones", ["4", "32", "2000000"]),
    ("sv", "tolv båtar och en och en halv mil", ["12", "1.5"]),
    ("nb", "fjorten båter og tjuefem sjøfolk", ["14", "25"]),
    ("ru", "из шестидесяти семи лодок и трёх тысяч моряков", ["67", "3000"]),
])
def test_number_words(language: str, text: str, values: list[str]) -> None:
    found = [m.value for m in find_number_words(text, language)]
    assert found[:len(values)] == [Decimal(v) for v in values]


def test_a_language_outside_the_five_never_fails() -> None:
    assert _read("Le navire transportait 500 tonnes de blé.", "fr") == [
        ("500 tonnes", Decimal(500), "tonne")]
    assert _read("Das Schiff trug 500 Tonnen.", "de") is not None
