"""The interface catalogs: every message of the template translated in every language, its
placeholders kept, the plural forms each language needs, and the compiled catalogs current."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "reader" / "locale"
LANGUAGES = ("es", "sv", "ru", "nb")
PLURAL_FORMS = {"es": 2, "sv": 2, "ru": 3, "nb": 2}
PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifreEgGxXoc%]")


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _template() -> Catalog:
    return _catalog(LOCALE / "reader.pot")


def _translation(language: str) -> Catalog:
    return _catalog(LOCALE / language / "LC_MESSAGES" / "reader.po")


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, list | tuple) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, list | tuple) else (string,)


def placeholders(text: str) -> set[str]:
    """The {name} fields of a str.format text."""
    return {field for _literal, field, _spec, _conv in Formatter().parse(text)
            if field is not None}


def percent_formats(text: str) -> list[str]:
    """The %-formats of a text, in order ("%(name)s", "%d")."""
    return PERCENT.findall(text)


def test_the_template_has_the_windows_messages() -> None:
    ids = {message.id for message in _template() if message.id}
    assert {"&File", "&Edit", "&Preferences…", "binary file, not text"} <= ids
    assert ("{n} article", "{n} articles") in ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_of_the_template_is_translated(language: str) -> None:
    translation = _translation(language)
    missing = [message.id for message in _template() if message.id
               and (translation.get(message.id) is None
                    or not all(_strings(translation[message.id]))
                    or translation[message.id].fuzzy)]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    broken = []
    for message in _translation(language):
        if not message.id:
            continue
        ids = _ids(message)
        allowed = set().union(*(placeholders(text) for text in ids))
        for string in _strings(message):
            fields = placeholders(string)
            # A plural form may leave the count out ("its highlight"), never add a field;
            # a message without plural forms keeps every one.
            if not fields <= allowed or (len(ids) == 1 and fields != allowed):
                broken.append((ids[0], string))
            if sorted(percent_formats(string)) != sorted(percent_formats(ids[-1])):
                broken.append((ids[0], string))
    assert broken == []


def test_a_broken_placeholder_is_caught() -> None:
    assert placeholders("Importando {done} de {totl}") != placeholders(
        "Importing {done} of {total}")
    assert percent_formats("%(n)d filas") == ["%(n)d"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_plural_forms(language: str) -> None:
    translation = _translation(language)
    assert translation.num_plurals == PLURAL_FORMS[language]
    plurals = [message for message in translation if isinstance(message.id, list | tuple)]
    assert plurals
    assert all(len(_strings(message)) == PLURAL_FORMS[language] for message in plurals)


def test_russian_counts_take_three_forms() -> None:
    with (LOCALE / "ru" / "LC_MESSAGES" / "reader.mo").open("rb") as file:
        russian = gettext.GNUTranslations(file)
    said = [russian.ngettext("{n} article", "{n} articles", n).format(n=n)
            for n in (1, 3, 5, 11, 21, 22, 25)]
    assert said == ["1 статья", "3 статьи", "5 статей", "11 статей", "21 статья", "22 статьи",
                    "25 статей"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_current(language: str) -> None:
    """`pybabel compile` ran after the last change to the .po file (CONTRIBUTING)."""
    with (LOCALE / language / "LC_MESSAGES" / "reader.mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for message in _translation(language):
        if not message.id:
            continue
        ids = _ids(message)
        strings = _strings(message)
        if len(ids) == 1:
            assert compiled.gettext(ids[0]) == strings[0], ids[0]
        else:
            for form, count in zip(strings, _sample_counts(language), strict=False):
                assert compiled.ngettext(ids[0], ids[1], count) == form, ids[0]
    compiled_ids = {key[0] if isinstance(key, tuple) else key
                    for key in compiled._catalog} - {""}  # type: ignore[attr-defined]
    assert compiled_ids == {_ids(message)[0] for message in _translation(language)
                            if message.id}


def _sample_counts(language: str) -> tuple[int, ...]:
    """A count that takes each plural form, in the order of the forms."""
    return (1, 3, 5) if language == "ru" else (1, 2)


def test_no_message_hides_in_an_f_string() -> None:
    """`pybabel extract` cannot see `_()` inside an f-string, however deep (`{escape(_(…))}`):
    such a text is never translated."""
    import ast

    package = LOCALE.parent
    hidden = []
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id in ("_", "ngettext")):
                    hidden.append(f"{path.relative_to(package)}:{inner.lineno}")
    assert hidden == []
