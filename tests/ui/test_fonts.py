"""Font canary: without fonts every glyph is a box and nothing warns (TECH_NOTES)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from pytestqt.qtbot import QtBot


def test_default_font_exists_and_covers_every_script_we_show(qtbot: QtBot) -> None:
    font = QFont()
    assert QFontInfo(font).family()
    metrics = QFontMetrics(font)
    # Latin, Swedish/Norwegian/Spanish letters, Cyrillic and Vietnamese diacritics.
    for character in "Aaåäöæøñº" + "Нгуен Ван Гау" + "ĐđơưạếộỹĂ":
        if character != " ":
            assert metrics.inFontUcs4(ord(character)), character
