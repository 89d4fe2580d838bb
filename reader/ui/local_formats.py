"""Numbers and reading times as babel writes them, for the common locales, without loading babel.

The window's first paint shows counts ("1,341 articles"), a reading time ("6 minutes") and
the figures of the article read last ("3.31 trillion VND"). With babel, the first of them loads
babel, its locale data and `babel.dates` (unpickling the data imports it): about 35 ms of the
start (benchmarks/README.md, "Start-up"). For the locales of the interface languages (English,
Spanish, Swedish, Russian, Norwegian Bokmål, in every territory CLDR has whose numbers follow
the plain `#,##0.###` pattern in Latin digits), the few CLDR facts these strings need are in
`reader/ui/local_format_data.py`, written from babel by `python -m reader.ui.local_formats`;
the functions below are babel's algorithms for them (`NumberPattern.apply`, the compact
format's choice of pattern, `format_timedelta` for minutes, the CLDR plural rules of these
languages). `tests/ui/test_local_formats.py` checks the table against babel and every function
against babel over many numbers. Any other locale, or a value outside what is written here,
gets None, and the caller asks babel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import cast

from reader.ui.local_format_data import DATA_SETS, LOCALES

# A number pattern as babel parses it: (pattern, (positive prefix, negative prefix),
# (positive suffix, negative suffix), grouping, (minimum, maximum) integer digits,
# (minimum, maximum) fraction digits).
Pattern = tuple[str, tuple[str, str], tuple[str, str], tuple[int, int], tuple[int, int],
                tuple[int, int]]

_QUOTED = re.compile(r"'([^']*)'")

# babel.dates.TIMEDELTA_UNITS down to the minute: a reading time of this many seconds or more
# is said in a larger unit (threshold 1000 of it), which is left to babel.
_LARGER_UNITS = (31536000, 2592000, 604800, 86400, 3600)
READING_TIME_THRESHOLD = 1000


def _operands(number: Decimal | int) -> tuple[Decimal | int, int, int]:
    """CLDR's n, i, v as babel.plural.extract_operands takes them (e and c are always 0)."""
    n = cast("Decimal | int", abs(number))
    i = int(n)
    v = 0
    if isinstance(n, Decimal):
        exponent = n.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            v = len(n.as_tuple().digits[exponent:])
    return n, i, v


def _one_if_integer_one(number: Decimal | int) -> str:  # en, sv: "i = 1 and v = 0"
    _n, i, v = _operands(number)
    return "one" if i == 1 and v == 0 else "other"


def _one_if_one(number: Decimal | int) -> str:  # nb: "n = 1"
    n, _i, _v = _operands(number)
    return "one" if n == 1 else "other"


def _spanish(number: Decimal | int) -> str:
    n, i, v = _operands(number)
    if n == 1:
        return "one"
    if i != 0 and i % 1_000_000 == 0 and v == 0:  # e is always 0 in babel
        return "many"
    return "other"


def _russian(number: Decimal | int) -> str:
    _n, i, v = _operands(number)
    if v != 0:
        return "other"
    if i % 10 == 1 and i % 100 != 11:
        return "one"
    if 2 <= i % 10 <= 4 and not 12 <= i % 100 <= 14:
        return "few"
    return "many"


# Each plural rule with CLDR's text of it as babel gives it (the test compares them).
PLURAL_RULES: dict[str, tuple[dict[str, str], Callable[[Decimal | int], str]]] = {
    "one if integer one": ({"one": "i in 1 and v in 0"}, _one_if_integer_one),
    "one if one": ({"one": "n in 1"}, _one_if_one),
    "spanish": ({"many": "e in 0 and i not in 0 and i mod 1000000 in 0 and v in 0 or "
                         "e not in 0..5", "one": "n in 1"}, _spanish),
    "russian": ({"few": "v in 0 and i mod 10 in 2..4 and i mod 100 not in 12..14",
                 "many": "v in 0 and i mod 10 in 0 or v in 0 and i mod 10 in 5..9 or "
                         "v in 0 and i mod 100 in 11..14",
                 "one": "v in 0 and i mod 10 in 1 and i mod 100 not in 11"}, _russian),
}


def knows(locale: str) -> bool:
    """Whether this module writes numbers for this locale identifier ("en_US", "ru")."""
    return locale in LOCALES


def plural_form(locale: str, number: Decimal | int) -> str:
    """CLDR's plural category of a number in the locale ("one", "few", "many", "other")."""
    data_set = DATA_SETS[LOCALES[locale][2]]
    return PLURAL_RULES[str(data_set["plural"])][1](number)


def _apply(value: Decimal, pattern: Pattern, symbols: tuple[str, str],
           quantize: bool = True) -> str | None:
    """babel's NumberPattern.apply for a plain pattern (no exponent, scale, currency or
    significant digits: the table holds no others)."""
    if not value.is_finite():
        return None
    _text, prefixes, suffixes, grouping, integer_digits, fraction_digits = pattern
    negative = int(value.is_signed())
    value = abs(value).normalize()
    low, high = fraction_digits
    if not quantize:
        exponent = value.as_tuple().exponent
        precision = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        high = max(high, precision)
    rounded = value.quantize(Decimal(10) ** (-high))
    whole, _, fraction = f"{rounded:f}".partition(".")
    decimal_symbol, group_symbol = symbols
    if len(whole) < integer_digits[0]:
        whole = "0" * (integer_digits[0] - len(whole)) + whole
    size = grouping[0]
    grouped = ""
    while len(whole) > size:
        grouped = group_symbol + whole[-size:] + grouped
        whole = whole[:-size]
        size = grouping[1]
    number = whole + grouped
    fraction = fraction or "0"
    if len(fraction) < low:
        fraction += "0" * (low - len(fraction))
    if not (high == 0 or (low == 0 and int(fraction) == 0)):
        while len(fraction) > low and fraction[-1] == "0":
            fraction = fraction[:-1]
        number += decimal_symbol + fraction
    text = prefixes[negative] + number + suffixes[negative]
    return _QUOTED.sub(lambda match: match.group(1) or "'", text)


def format_decimal(locale: str, value: Decimal | int) -> str | None:
    """babel.numbers.format_decimal(value, locale=locale), or None for a locale not here."""
    if locale not in LOCALES:
        return None
    decimal_symbol, group_symbol, data_set = LOCALES[locale]
    pattern: Pattern = DATA_SETS[data_set]["decimal"]  # type: ignore[assignment]
    return _apply(Decimal(value), pattern, (decimal_symbol, group_symbol))


def format_compact_long(locale: str, value: Decimal, fraction_digits: int) -> str | None:
    """babel.numbers.format_compact_decimal(value, format_type="long", locale=locale,
    fraction_digits=fraction_digits), or None for a locale not here."""
    if locale not in LOCALES or not value.is_finite():
        return None
    decimal_symbol, group_symbol, data_set_name = LOCALES[locale]
    data_set = DATA_SETS[data_set_name]
    compact: Mapping[str, Mapping[str, Pattern]] = data_set["compact"]  # type: ignore[assignment]
    pattern: Pattern | None = None
    number = value
    magnitudes = sorted((int(magnitude) for magnitude in compact["other"]), reverse=True)
    for index, magnitude in enumerate(magnitudes):
        if abs(value) < magnitude:
            continue
        pattern = compact["other"][str(magnitude)]
        if pattern[0] == "0":
            break
        divisor = magnitude // (10 ** (pattern[0].count("0") - 1))
        rounded = round(value / divisor, fraction_digits)
        if index > 0 and abs(rounded) * divisor >= magnitudes[index - 1]:
            bumped = Decimal(magnitudes[index - 1]).copy_sign(value)
            return format_compact_long(locale, bumped, fraction_digits)
        form = plural_form(locale, abs(rounded).normalize())
        if form not in compact:
            form = "other"
        if rounded == 1 and str(magnitude) in compact.get("1", {}):
            form = "1"
        if str(magnitude) not in compact[form]:
            form = "other"
        pattern = compact[form][str(magnitude)]
        number = rounded
        break
    if pattern is None:
        pattern = data_set["decimal"]  # type: ignore[assignment]
        assert pattern is not None
    return _apply(number, pattern, (decimal_symbol, group_symbol), quantize=False)


def format_minutes(locale: str, minutes: int) -> str | None:
    """babel.dates.format_timedelta(timedelta(minutes=minutes), granularity="minute",
    threshold=1000, locale=locale), or None for a locale not here or a time babel would say
    in hours or more."""
    if locale not in LOCALES or minutes < 0:
        return None
    if any(minutes * 60 / seconds >= READING_TIME_THRESHOLD for seconds in _LARGER_UNITS):
        return None
    value = max(1, minutes) if minutes > 0 else 0
    form = plural_form(locale, value)
    data_set = DATA_SETS[LOCALES[locale][2]]
    for length in ("long", "short"):
        patterns: Mapping[str, str] = data_set["minutes_" + length]  # type: ignore[assignment]
        pattern = patterns.get(form) or patterns.get("other")
        if pattern:
            return pattern.replace("{0}", str(value))
    return None


INTERFACE_LANGUAGES = ("en", "es", "sv", "ru", "nb")


def _babel_pattern(pattern: object) -> Pattern | None:
    """A babel NumberPattern as the table holds it; None for one this module cannot apply."""
    if (getattr(pattern, "exp_prec", None) or getattr(pattern, "scale", 0)
            or "@" in pattern.pattern or "¤" in pattern.pattern  # type: ignore[attr-defined]
            or "%" in pattern.pattern or "‰" in pattern.pattern):  # type: ignore[attr-defined]
        return None
    return (pattern.pattern, tuple(pattern.prefix), tuple(pattern.suffix),  # type: ignore
            tuple(pattern.grouping), tuple(pattern.int_prec), tuple(pattern.frac_prec))  # type: ignore


def table_from_babel() -> tuple[dict[str, tuple[str, str, str]], dict[str, dict[str, object]]]:
    """The locales of the interface languages that this module can write, and their data sets,
    read from the installed babel (CLDR)."""
    from babel import Locale, localedata

    locales: dict[str, tuple[str, str, str]] = {}
    data_sets: dict[str, dict[str, object]] = {}
    for identifier in sorted(localedata.locale_identifiers()):
        language, *rest = identifier.split("_")
        if language not in INTERFACE_LANGUAGES or any(len(part) == 4 for part in rest):
            continue  # another language, or a script of its own (en_Shaw, en_Dsrt)
        locale = Locale.parse(identifier)
        if str(locale) != identifier or locale.default_numbering_system != "latn":
            continue
        decimal = _babel_pattern(locale.decimal_formats[None])
        if decimal is None or decimal[0] != "#,##0.###":
            continue
        rules = dict(locale.plural_form.rules)
        plural = next((name for name, (text, _rule) in PLURAL_RULES.items() if text == rules),
                      None)
        compact = {form: {magnitude: _babel_pattern(pattern) for magnitude, pattern in
                          sorted(patterns.items(), key=lambda item: int(item[0]))}
                   for form, patterns in sorted(locale.compact_decimal_formats["long"].items())}
        if plural is None or any(pattern is None for patterns in compact.values()
                                 for pattern in patterns.values()):
            continue
        units = locale._data["unit_patterns"].get("duration-minute", {})
        data_set: dict[str, object] = {
            "plural": plural, "decimal": decimal, "compact": compact,
            "minutes_long": dict(sorted(units.get("long", {}).items())),
            "minutes_short": dict(sorted(units.get("short", {}).items())),
        }
        name = next((key for key, known in data_sets.items() if known == data_set), None)
        if name is None:
            name = identifier if identifier == language else f"{language} ({identifier})"
            data_sets[name] = data_set
        symbols = locale.number_symbols["latn"]
        locales[identifier] = (symbols["decimal"], symbols["group"], name)
    return locales, data_sets


def _write_table() -> str:  # pragma: no cover - run by hand when babel (CLDR) is upgraded
    """The text of local_format_data.py, from the installed babel."""
    from pprint import pformat

    locales, data_sets = table_from_babel()
    return ('"""CLDR facts for reader.ui.local_formats, written from babel by '
            '`python -m reader.ui.local_formats`\n(checked against babel by '
            'tests/ui/test_local_formats.py); do not edit by hand."""\n\n'
            "# locale: (decimal symbol, group symbol, data set)\n"
            f"LOCALES: dict[str, tuple[str, str, str]] = {pformat(locales, width=99)}\n\n"
            f"DATA_SETS: dict[str, dict[str, object]] = {pformat(data_sets, width=99)}\n")


if __name__ == "__main__":  # pragma: no cover
    from pathlib import Path

    target = Path(__file__).with_name("local_format_data.py")
    target.write_text(_write_table(), encoding="utf-8")
    print(target)
