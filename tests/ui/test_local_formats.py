"""Numbers and reading times written without babel are babel's, for every locale of the table."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from babel import Locale
from babel.dates import format_timedelta
from babel.numbers import format_compact_decimal, format_decimal

from reader.ui import i18n, local_formats
from reader.ui.local_format_data import DATA_SETS, LOCALES


def _numbers() -> list[Decimal]:
    """Whole numbers around every grouping and plural edge, fractions of every length and
    rounding case, compact magnitudes with their carries, signs and zeros."""
    chosen = [Decimal(text) for text in (
        "0", "-0", "1", "-1", "1.0", "1.00", "2", "5", "11", "12", "14", "21", "22", "25", "101",
        "111", "112", "999", "1000", "1001", "9999", "10000", "12345", "100000", "999999",
        "1000000", "1000001", "2000000", "-2500000", "1234567", "999999999", "1000000000",
        "1.5", "0.5", "0.25", "0.125", "0.0005", "0.0015", "0.0025", "2.0005", "3.14159",
        "6.52", "-6.52", "1.005", "99.9995", "1234.5678", "0.001", "0.1", "10.10", "7E+3",
        "1E+6", "1.2E+7", "3312000000000000", "999995", "999999.999", "1999999", "21000000",
        "22000000", "25000000", "101000000", "111000000", "3310000000000", "3315000000000",
        "999994999999", "999995000000", "-1000", "-0.0004", "100000000000000",
        "999999999999999")]
    generator = random.Random(16)
    for _ in range(400):
        digits = generator.randint(1, 16)
        value = Decimal(generator.randrange(10 ** digits)).scaleb(-generator.randint(0, 6))
        chosen.append(-value if generator.random() < 0.2 else value)
    return chosen


NUMBERS = _numbers()
# Every data set, and the symbols of every kind of locale in the table (a few hundred
# locales × hundreds of numbers would make the suite slow: they share these two facts).
SAMPLE_LOCALES = sorted({next(name for name, entry in LOCALES.items() if entry[2] == data_set)
                         for data_set in DATA_SETS}
                        | {next(name for name, entry in LOCALES.items() if entry[:2] == symbols)
                           for symbols in {entry[:2] for entry in LOCALES.values()}}
                        | {"en_US", "en_GB", "es_ES", "es_MX", "sv_SE", "ru_RU", "nb_NO"})


def test_the_table_is_what_the_installed_babel_says() -> None:
    """Rewrite it with `python -m reader.ui.local_formats` when babel (CLDR) is upgraded."""
    locales, data_sets = local_formats.table_from_babel()
    assert locales == LOCALES
    assert data_sets == DATA_SETS


def test_the_table_holds_every_interface_language_and_its_main_territories() -> None:
    for name in ("en", "en_US", "en_GB", "es", "es_ES", "es_MX", "sv", "sv_SE", "ru", "ru_RU",
                 "nb", "nb_NO"):
        assert local_formats.knows(name), name
    assert not local_formats.knows("de_DE")
    assert not local_formats.knows("en_IN")  # Indian grouping: babel writes it


def test_each_locale_of_the_table_is_itself_for_babel() -> None:
    for name in LOCALES:
        assert str(Locale.parse(name)) == name


@pytest.mark.parametrize("name", SAMPLE_LOCALES)
def test_plural_forms_are_babels(name: str) -> None:
    locale = Locale.parse(name)
    for number in [*range(0, 1200), *NUMBERS]:
        assert local_formats.plural_form(name, number) == locale.plural_form(number), number


@pytest.mark.parametrize("name", SAMPLE_LOCALES)
def test_decimals_are_babels(name: str) -> None:
    for number in [*range(-20, 1500, 7), *NUMBERS]:
        assert local_formats.format_decimal(name, number) == format_decimal(
            number, locale=name), number


@pytest.mark.parametrize("name", SAMPLE_LOCALES)
def test_compact_forms_are_babels(name: str) -> None:
    for number in NUMBERS:
        for digits in (0, 2):
            assert local_formats.format_compact_long(name, number, digits) == (
                format_compact_decimal(number, format_type="long", locale=name,
                                       fraction_digits=digits)), (number, digits)


@pytest.mark.parametrize("name", SAMPLE_LOCALES)
def test_reading_times_are_babels(name: str) -> None:
    for minutes in [*range(0, 260), 999, 1000, 1001, 5000, 59_999]:
        assert local_formats.format_minutes(name, minutes) == format_timedelta(
            timedelta(minutes=minutes), granularity="minute", threshold=1000,
            locale=name), minutes
    assert local_formats.format_minutes(name, 60_000) is None  # babel says it in hours


def test_other_locales_are_left_to_babel() -> None:
    assert local_formats.format_decimal("de_DE", 1341) is None
    assert local_formats.format_compact_long("de_DE", Decimal(10**6), 2) is None
    assert local_formats.format_minutes("de_DE", 6) is None


@pytest.mark.parametrize(("setting", "expected"), [
    ("en_US.UTF-8", "en_US"), ("es_ES.UTF-8", "es_ES"), ("ru_RU", "ru_RU"),
    ("nb_NO.UTF-8@euro", "nb_NO"), ("de_DE.UTF-8", None), ("no_NO.UTF-8", None),
    ("sr_RS@latin", None)])
def test_the_window_uses_the_table_only_for_the_locale_babel_would_choose(
        setting: str, expected: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_LOCALE", setting)
    i18n.choose_language(None)
    try:
        assert i18n._local_locale() == expected
        if expected is not None:
            assert str(i18n.ui_locale()) == expected
        assert i18n.ui_language() == i18n.ui_locale().language
        assert i18n.format_count(1234567) == format_decimal(1234567, locale=i18n.ui_locale())
        assert i18n.format_reading_time(6) == format_timedelta(
            timedelta(minutes=6), granularity="minute", threshold=1000, locale=i18n.ui_locale())
        assert i18n.format_figure(Decimal("3312000000000000"), "VND", "money") == (
            "3.312 × 10¹⁵ VND" if i18n.ui_locale().language == "en" else
            i18n.format_figure(Decimal("3312000000000000"), "VND", "money"))
        assert i18n.format_figure(Decimal("3310000000000"), "VND", "money") == (
            format_compact_decimal(Decimal("3310000000000"), format_type="long",
                                   locale=i18n.ui_locale(), fraction_digits=2) + " VND")
    finally:
        monkeypatch.undo()
        i18n.choose_language(None)


def test_without_any_locale_setting_the_table_is_used_as_babel_would_choose(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("READER_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    i18n.choose_language(None)
    try:
        local = i18n._local_locale()
        assert local is None or str(i18n.ui_locale()) == local
        assert i18n.format_count(1234567) == format_decimal(1234567, locale=i18n.ui_locale())
    finally:
        monkeypatch.undo()
        i18n.choose_language(None)
