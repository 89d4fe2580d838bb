"""The one place the interface gets its words, language names and number formats (babel).

The words come from the gettext catalogs in `reader/locale/` (CONTRIBUTING: extract, update,
compile); the language is READER_LOCALE, else the one chosen in Preferences
(`choose_language`, called before the window is built), else the system's, else English.
"""

from __future__ import annotations

import gettext
import os
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ui import local_formats
from reader.ui.language_names import AUTONYMS, RIGHT_TO_LEFT

if TYPE_CHECKING:
    from babel import Locale

UNDETERMINED = "und"
FALLBACK_LOCALE = "en"
DOMAIN = "reader"
# The interface languages, each named in itself in Preferences; English is the source text.
INTERFACE_LANGUAGES = ("en", "es", "sv", "ru", "nb")
# Locale languages read as one of those ("no" is Norwegian: Bokmål is what most read).
_SAME_LANGUAGE = {"no": "nb"}
_chosen: str | None = None
_translations: gettext.NullTranslations | None = None


def N_(message: str) -> str:  # noqa: N802 - the name gettext extraction looks for
    """Mark a message for the catalogs where it is written; `_()` translates it where shown."""
    return message


def _(message: str) -> str:
    """The interface text in the reader's language."""
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural interface text for a count."""
    return _catalog().ngettext(singular, plural, count)


def _catalog() -> gettext.NullTranslations:
    global _translations
    if _translations is None:
        _translations = load_catalog(interface_language())
    return _translations


def load_catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of an interface language (English: the messages as written)."""
    if language == FALLBACK_LOCALE:
        return gettext.NullTranslations()
    # The package's locale folder (a package on disk, as importlib.resources would find it).
    catalog = Path(__file__).resolve().parent.parent / "locale" / language / "LC_MESSAGES" / (
        f"{DOMAIN}.mo")
    if not catalog.is_file():
        return gettext.NullTranslations()
    with catalog.open("rb") as file:
        return gettext.GNUTranslations(file)


def interface_language() -> str:
    """The interface language code ("ru"): the locale's language if there is a catalog for
    it, else English."""
    language = ui_language()
    language = _SAME_LANGUAGE.get(language, language)
    return language if language in INTERFACE_LANGUAGES else FALLBACK_LOCALE


def choose_language(code: str | None) -> None:
    """Use this interface language (None or "": follow the system); READER_LOCALE still wins.
    Call it before any window text is made: what is already shown keeps its words."""
    global _chosen, _translations
    _chosen = code or None
    _translations = None
    for cached in (ui_locale, _local_locale, language_name, language_name_in_ui):
        cached.cache_clear()


def explain(reason: str) -> str:
    """A reason from a lower layer (`reader.text.reasons.Reason`) in the reader's language;
    any other string as it is."""
    from reader.text.reasons import MESSAGES, Reason, ReasonCode

    if not isinstance(reason, Reason) or reason.code is ReasonCode.OTHER:
        return str(reason)
    return _(MESSAGES[reason.code]).format(**reason.params)


_IMPORT_STATUSES = {"imported": N_("imported"), "updated": N_("updated"),
                    "duplicate": N_("duplicate"), "failed": N_("failed")}


def describe_import(status: str, path: str, reason: str) -> str:
    """One file of an import report in the reader's language ("failed: a.txt: empty file")."""
    said = _(_IMPORT_STATUSES[status]) if status in _IMPORT_STATUSES else status
    line = f"{said}: {path}"
    return f"{line}: {explain(reason)}" if reason else line


def _locale_candidates() -> list[str | None]:
    return [os.environ.get("READER_LOCALE"), _chosen, os.environ.get("LC_ALL"),
            os.environ.get("LC_MESSAGES"), os.environ.get("LANG")]


def _usable_name(candidate: str | None) -> str | None:
    """A locale setting's identifier ("en_US" of "en_US.UTF-8"); None for none or C/POSIX."""
    if not candidate or candidate in ("C", "POSIX") or candidate.startswith("C."):
        return None
    return candidate.split(".")[0].split("@")[0]


@cache
def _local_locale() -> str | None:
    """The interface locale's identifier when `local_formats` writes its numbers: the first
    locale setting ui_locale() would try, if it is one of that module's locales (babel would
    parse it as itself); else None, and babel writes them. Nothing of babel is loaded for it,
    so the window's first paint is made without babel (benchmarks/README.md, "Start-up")."""
    for candidate in _locale_candidates():
        name = _usable_name(candidate)
        if name is not None:
            return name if local_formats.knows(name) else None
    import locale

    name = _usable_name(locale.getlocale()[0])  # the C library's, as ui_locale() takes it
    if name is None:
        return FALLBACK_LOCALE if local_formats.knows(FALLBACK_LOCALE) else None
    return name if local_formats.knows(name) else None


def ui_language() -> str:
    """The interface locale's language code ("en", "ru"): `ui_locale().language`."""
    local = _local_locale()
    return local.split("_")[0] if local is not None else ui_locale().language


@cache
def ui_locale() -> Locale:
    """The locale of the interface: READER_LOCALE, else the language chosen in Preferences,
    else the system's, else English."""
    from babel import Locale, UnknownLocaleError  # loaded when first needed

    candidates = _locale_candidates()
    for number in range(len(candidates) + 1):
        if number < len(candidates):
            candidate = candidates[number]
        else:  # last, the C library's (its module loads only when it comes to that)
            import locale

            candidate = locale.getlocale()[0]
        name = _usable_name(candidate)
        if name is None:
            continue
        for tried in (name, name.split("_")[0]):  # "no_NO" is not in CLDR, "no" is
            try:
                return Locale.parse(tried)
            except (ValueError, UnknownLocaleError):
                continue
    return Locale.parse(FALLBACK_LOCALE)


def format_count(value: int) -> str:
    """A whole number grouped as the interface locale writes it ("1,341", "1 341")."""
    local = _local_locale()
    if local is not None and (text := local_formats.format_decimal(local, value)) is not None:
        return text
    from babel.numbers import format_decimal

    return format_decimal(value, locale=ui_locale())


def format_reading_time(minutes: int) -> str:
    """A reading time in words of the interface locale ("6 minutes")."""
    local = _local_locale()
    if local is not None and (text := local_formats.format_minutes(local, minutes)) is not None:
        return text
    from babel.dates import format_timedelta  # a heavy module: load it when first needed

    return format_timedelta(timedelta(minutes=minutes), granularity="minute",
                            threshold=1000, locale=ui_locale())


@cache
def language_name(code: str) -> str:
    """A language's own name for itself ("español", "русский", "norsk bokmål")."""
    if code == UNDETERMINED:
        return _("unknown language")
    if code in AUTONYMS:  # a table of CLDR's names: no language's whole data loaded for it
        return AUTONYMS[code]
    from babel import Locale, UnknownLocaleError  # loaded when first needed

    try:
        name = Locale.parse(code).get_display_name(code)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


@cache
def is_right_to_left(code: str) -> bool:
    """Whether a language is written right to left (Arabic, Hebrew, Persian), per CLDR."""
    if code == UNDETERMINED:
        return False
    if code in AUTONYMS:  # a language CLDR has: its direction is in the table
        return code in RIGHT_TO_LEFT
    from babel import Locale, UnknownLocaleError  # loaded when first needed

    try:
        return bool(Locale.parse(code).character_order == "right-to-left")
    except (ValueError, UnknownLocaleError):
        return False


@cache
def language_name_in_ui(code: str) -> str:
    """A language's name in the interface language ("Spanish" in an English interface)."""
    if code == UNDETERMINED:
        return _("unknown language")
    from babel import Locale, UnknownLocaleError  # loaded when first needed

    try:
        name = Locale.parse(code).get_display_name(ui_locale())
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


# Figures of a million or more read better in words ("3.3 trillion VND"); past the largest
# word CLDR has (trillion), as a power of ten ("3.312 × 10¹⁵ VND").
COMPACT_FROM = Decimal(1_000_000)
POWER_FROM = Decimal(10) ** 15
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_figure(value: Decimal, unit: str, kind: str) -> str:
    """A figure's value in the interface locale: "6.52 %", "3.31 trillion VND", "56"."""
    if kind == "percent":
        return f"{_format_decimal(value)} %"
    if kind == "rank":
        return f"#{_format_decimal(value)}"
    if abs(value) >= POWER_FROM:
        number = format_power_of_ten(value)
    elif abs(value) >= COMPACT_FROM:
        number = _format_compact(value)
    else:
        number = _format_decimal(value)
    if kind in ("ratio", "count") or not unit:  # a count's noun is in its label
        return number
    return f"{number} {unit}"


def format_power_of_ten(value: Decimal) -> str:
    """A value as digits times a power of ten: "3.312 × 10¹⁵" (below a thousand, plainly)."""
    exponent = value.adjusted() if value else 0
    if abs(exponent) < 3:
        return _format_decimal(value)
    mantissa = (value / Decimal(10) ** exponent).normalize()
    return (f"{_format_decimal(mantissa)} × 10"
            f"{str(exponent).translate(_SUPERSCRIPT)}")


def format_factor(value: Decimal) -> str:
    """How many times one reading is the other: "×1,000", "×0.5"."""
    return "×" + _format_decimal(value.normalize())


def _format_decimal(value: Decimal) -> str:
    """babel's format_decimal in the interface locale (without babel where it can)."""
    local = _local_locale()
    if local is not None and (text := local_formats.format_decimal(local, value)) is not None:
        return text
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=ui_locale()))


def _format_compact(value: Decimal) -> str:
    """babel's long compact form with two decimals at most ("3.31 trillion")."""
    local = _local_locale()
    if local is not None and (
            text := local_formats.format_compact_long(local, value, 2)) is not None:
        return text
    from babel.numbers import format_compact_decimal

    return str(format_compact_decimal(value, format_type="long", locale=ui_locale(),
                                      fraction_digits=2))


def format_moment(timestamp: str) -> str:
    """A stored ISO timestamp as a short local date and time of the interface locale."""
    from babel.dates import format_datetime  # a heavy module: load it when first needed

    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return format_datetime(moment, format="short", locale=ui_locale())
