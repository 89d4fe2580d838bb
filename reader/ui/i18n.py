"""The one place the interface gets its words, language names and number formats (babel)."""

from __future__ import annotations

import gettext
import locale as _system_locale
import os
from datetime import timedelta
from functools import cache

from babel import Locale, UnknownLocaleError

UNDETERMINED = "und"
_translations = gettext.NullTranslations()
FALLBACK_LOCALE = "en"


def _(message: str) -> str:
    """The interface text in the reader's language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural interface text for a count."""
    return _translations.ngettext(singular, plural, count)


@cache
def ui_locale() -> Locale:
    """The locale of the interface: READER_LOCALE, else the system's, else English."""
    candidates = [os.environ.get("READER_LOCALE"), os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG"),
                  _system_locale.getlocale()[0]]
    for candidate in candidates:
        if not candidate or candidate in ("C", "POSIX") or candidate.startswith("C."):
            continue
        try:
            return Locale.parse(candidate.split(".")[0].split("@")[0])
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
    try:
        name = Locale.parse(code).get_display_name(code)
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


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
