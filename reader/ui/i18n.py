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

from babel import Locale, UnknownLocaleError

from reader.ui.language_names import AUTONYMS, RIGHT_TO_LEFT

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
    language = ui_locale().language
    language = _SAME_LANGUAGE.get(language, language)
    return language if language in INTERFACE_LANGUAGES else FALLBACK_LOCALE


def choose_language(code: str | None) -> None:
    """Use this interface language (None or "": follow the system); READER_LOCALE still wins.
    Call it before any window text is made: what is already shown keeps its words."""
    global _chosen, _translations
    _chosen = code or None
    _translations = None
    for cached in (ui_locale, language_name, language_name_in_ui):
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


@cache
def ui_locale() -> Locale:
    """The locale of the interface: READER_LOCALE, else the language chosen in Preferences,
    else the system's, else English."""
    candidates = [os.environ.get("READER_LOCALE"), _chosen, os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG")]
    for number in range(len(candidates) + 1):
        if number < len(candidates):
            candidate = candidates[number]
        else:  # last, the C library's (its module loads only when it comes to that)
            import locale

            candidate = locale.getlocale()[0]
        if not candidate or candidate in ("C", "POSIX") or candidate.startswith("C."):
            continue
        name = candidate.split(".")[0].split("@")[0]
        for tried in (name, name.split("_")[0]):  # "no_NO" is not in CLDR, "no" is
            try:
                return Locale.parse(tried)
            except (ValueError, UnknownLocaleError):
                continue
    return Locale.parse(FALLBACK_LOCALE)


def format_count(value: int) -> str:
    """A whole number grouped as the interface locale writes it ("1,341", "1 341")."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=ui_locale())


def format_reading_time(minutes: int) -> str:
    """A reading time in words of the interface locale ("6 minutes")."""
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
    try:
        return bool(Locale.parse(code).character_order == "right-to-left")
    except (ValueError, UnknownLocaleError):
        return False


@cache
def language_name_in_ui(code: str) -> str:
    """A language's name in the interface language ("Spanish" in an English interface)."""
    if code == UNDETERMINED:
        return _("unknown language")
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
    from babel.numbers import format_compact_decimal, format_decimal

    locale = ui_locale()
    if kind == "percent":
        return f"{format_decimal(value, locale=locale)} %"
    if kind == "rank":
        return f"#{format_decimal(value, locale=locale)}"
    if abs(value) >= POWER_FROM:
        number = format_power_of_ten(value)
    elif abs(value) >= COMPACT_FROM:
        number = format_compact_decimal(value, format_type="long", locale=locale,
                                        fraction_digits=2)
    else:
        number = format_decimal(value, locale=locale)
    if kind in ("ratio", "count") or not unit:  # a count's noun is in its label
        return number
    return f"{number} {unit}"


def format_power_of_ten(value: Decimal) -> str:
    """A value as digits times a power of ten: "3.312 × 10¹⁵" (below a thousand, plainly)."""
    from babel.numbers import format_decimal

    exponent = value.adjusted() if value else 0
    if abs(exponent) < 3:
        return format_decimal(value, locale=ui_locale())
    mantissa = (value / Decimal(10) ** exponent).normalize()
    return (f"{format_decimal(mantissa, locale=ui_locale())} × 10"
            f"{str(exponent).translate(_SUPERSCRIPT)}")


def format_factor(value: Decimal) -> str:
    """How many times one reading is the other: "×1,000", "×0.5"."""
    from babel.numbers import format_decimal

    return "×" + format_decimal(value.normalize(), locale=ui_locale())


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
