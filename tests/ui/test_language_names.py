"""The table of language names and writing directions the window uses at start-up
(`reader/ui/language_names.py`) says what babel says. When babel is upgraded and this fails,
write the table again: `python -m tests.ui.test_language_names`."""

from __future__ import annotations

from pathlib import Path

from babel import Locale, localedata
from babel import __version__ as babel_version

from reader.ui import i18n

TABLE = Path(i18n.__file__).with_name("language_names.py")


def _from_babel() -> tuple[dict[str, str], list[str]]:
    names: dict[str, str] = {}
    right_to_left: list[str] = []
    for code in sorted(i for i in localedata.locale_identifiers() if "_" not in i):
        locale = Locale.parse(code)
        name = locale.get_display_name(code)
        if name:
            names[code] = name
        if locale.character_order == "right-to-left":
            right_to_left.append(code)
    return names, right_to_left


def table_source() -> str:
    """The module's text, made from babel's data."""
    names, right_to_left = _from_babel()
    lines = [
        '"""Each language\'s name for itself, and the languages written right to left, from',
        f"babel's CLDR data (babel {babel_version}): naming an article's languages at start-up",
        "loads no language's whole locale data. Written by",
        "`python -m tests.ui.test_language_names`; that test fails when babel says otherwise.",
        '"""',
        "",
        "AUTONYMS = {",
        *(f"    {code!r}: {name!r}," for code, name in names.items()),
        "}",
        "",
        "RIGHT_TO_LEFT = frozenset({",
        *(f"    {code!r}," for code in right_to_left),
        "})",
        "",
    ]
    return "\n".join(lines)


def test_the_table_says_what_babel_says() -> None:
    from reader.ui.language_names import AUTONYMS, RIGHT_TO_LEFT

    names, right_to_left = _from_babel()
    assert names == AUTONYMS
    assert frozenset(right_to_left) == RIGHT_TO_LEFT


def test_names_and_directions_come_from_the_table_without_locale_data() -> None:
    i18n.language_name.cache_clear()
    i18n.is_right_to_left.cache_clear()
    assert i18n.language_name("nb") == "norsk bokmål"
    assert i18n.language_name("ru") == "русский"
    assert i18n.is_right_to_left("ar") and i18n.is_right_to_left("he")
    assert not i18n.is_right_to_left("es")
    assert i18n.language_name("und") == "unknown language"
    assert i18n.language_name("xx-not-a-language") == "xx-not-a-language"


if __name__ == "__main__":
    TABLE.write_text(table_source(), encoding="utf-8")
    print(TABLE)
