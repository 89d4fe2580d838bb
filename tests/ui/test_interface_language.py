"""The interface in the reader's language: READER_LOCALE or the system's, or the choice in
Preferences from the next start; Qt's own dialogs and buttons in it too; reasons from the
lower layers said in it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.text.file_check import UnreadableFile, decode_article_bytes
from reader.text.reasons import reason_of
from reader.ui import i18n
from reader.ui.about import about_text, data_folder
from reader.ui.interface_language import (
    LANGUAGE_KEY,
    install_qt_translations,
    start_in_chosen_language,
)
from reader.ui.main_window import MainWindow
from reader.ui.preferences import PreferencesDialog

WindowFactory = Callable[[Library], MainWindow]


@pytest.fixture
def speak(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch the interface to a locale for this test (English again afterwards)."""

    def use(locale: str) -> None:
        monkeypatch.setenv("READER_LOCALE", locale)
        i18n.choose_language(None)

    yield use
    monkeypatch.setenv("READER_LOCALE", "en_US")
    i18n.choose_language(None)


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _menu_items(window: MainWindow, index: int) -> list[str]:
    menu = window.menuBar().actions()[index].menu()
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def test_the_window_speaks_russian(speak: Callable[[str], None], make_window: WindowFactory,
                                   seeded_library: Library) -> None:
    speak("ru_RU.UTF-8")
    window = make_window(seeded_library)
    assert _menu_titles(window) == ["&Файл", "&Правка", "&Библиотека", "&Вид", "&Справка"]
    assert "&Импорт файлов…" in _menu_items(window, 0)
    assert "&Настройки…" in _menu_items(window, 1)
    header = window.library_pane.view.model().headerData(0, window.library_pane.view
                                                          .horizontalHeader().orientation())
    assert header == "Заголовок"


def test_the_window_speaks_spanish(speak: Callable[[str], None], make_window: WindowFactory,
                                   seeded_library: Library) -> None:
    speak("es_ES")
    window = make_window(seeded_library)
    assert _menu_titles(window) == ["&Archivo", "&Editar", "&Biblioteca", "&Ver", "Ay&uda"]
    assert "&Salir" in _menu_items(window, 0)


def test_a_language_without_a_catalog_is_english(speak: Callable[[str], None]) -> None:
    speak("de_DE")
    assert i18n.interface_language() == "en"
    assert i18n._("&File") == "&File"


def test_norwegian_locales_read_bokmal(speak: Callable[[str], None]) -> None:
    speak("no_NO")
    assert i18n.interface_language() == "nb"
    assert i18n._("&File") == "&Fil"


def test_russian_counts_are_said_with_their_forms(speak: Callable[[str], None]) -> None:
    speak("ru")
    said = [i18n.ngettext("{n} file imported", "{n} files imported", n).format(n=n)
            for n in (1, 2, 7)]
    assert said == ["Импортирован 1 файл", "Импортировано 2 файла", "Импортировано 7 файлов"]


def test_the_choice_in_preferences_is_used_from_the_next_start(
        qtbot: QtBot, speak: Callable[[str], None], monkeypatch: pytest.MonkeyPatch,
        settings: QSettings) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    names = [dialog.language_box.itemText(i) for i in range(dialog.language_box.count())]
    assert names == ["As the system", "English", "Español", "Svenska", "Русский",
                     "Norsk bokmål"]
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("sv"))
    dialog.accept()
    assert settings.value(LANGUAGE_KEY) == "sv"
    # The next start, with no READER_LOCALE, in a Spanish system: the choice wins.
    monkeypatch.delenv("READER_LOCALE")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    app = QCoreApplication.instance()
    assert app is not None
    assert start_in_chosen_language(app, settings) == "sv"
    assert i18n._("&Edit") == "&Redigera"
    assert i18n.format_count(1341) == "1\xa0341"  # numbers follow the chosen language too
    settings.setValue(LANGUAGE_KEY, "")
    assert start_in_chosen_language(app, settings) == "es"


def test_preferences_open_on_the_remembered_choice(qtbot: QtBot, settings: QSettings) -> None:
    settings.setValue(LANGUAGE_KEY, "ru")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language_box.currentData() == "ru"
    dialog.language_box.setCurrentIndex(0)
    dialog.reject()
    assert settings.value(LANGUAGE_KEY) == "ru"


def test_edit_preferences_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    assert window.preferences_action.text() == "&Preferences…"

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, close_it)
    window.preferences_action.trigger()


@pytest.mark.parametrize(("language", "ok", "cancel"), [("ru", "OK", "Отмена"),
                                                        ("es", "Aceptar", "Cancelar"),
                                                        ("sv", "Ok", "Avbryt")])
def test_qts_own_buttons_follow_the_language(qtbot: QtBot, language: str, ok: str,
                                             cancel: str) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    translator = install_qt_translations(app, language)
    assert translator is not None
    try:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        texts = {button.text().replace("&", "") for button in buttons.buttons()}
        assert texts == {ok, cancel}
    finally:
        app.removeTranslator(translator)


def test_qt_has_no_norwegian_so_its_dialogs_stay_english() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    assert install_qt_translations(app, "nb") is None
    assert install_qt_translations(app, "en") is None


def test_reasons_from_the_text_layer_are_said_in_the_readers_language(
        speak: Callable[[str], None]) -> None:
    with pytest.raises(UnreadableFile) as raised:
        decode_article_bytes(b"caf\xe9 au lait\n")
    reason = reason_of(raised.value)
    assert str(reason) == "not valid UTF-8 text (byte 0xe9 at offset 3)"  # English as ever
    speak("es")
    assert i18n.explain(reason) == "no es texto UTF-8 válido (byte 0xe9 en la posición 3)"
    speak("ru")
    assert i18n.explain(reason) == "недопустимый текст UTF-8 (байт 0xe9 в позиции 3)"
    assert i18n.explain("a reason without a code") == "a reason without a code"
    assert i18n.describe_import("failed", "a.txt", reason) == (
        "ошибка: a.txt: недопустимый текст UTF-8 (байт 0xe9 в позиции 3)")


def test_about_names_the_version_and_the_data_folder(tmp_path: Path) -> None:
    text = about_text(tmp_path / "library.sqlite")
    assert "Version 0.1.0" in text
    assert f"Data folder: {data_folder()}" in text
    assert str(tmp_path / "library.sqlite") in text


def test_the_window_and_the_app_have_the_icon(window: MainWindow) -> None:
    assert not window.windowIcon().isNull()


def test_the_help_names_keys_as_qt_says_them_in_the_readers_language(qtbot: QtBot) -> None:
    from reader.ui.help_window import other_keys

    app = QCoreApplication.instance()
    assert app is not None
    translator = install_qt_translations(app, "es")
    assert translator is not None
    try:
        spanish = [keys for _where, _action, keys in other_keys()]
    finally:
        app.removeTranslator(translator)
    assert any(keys.startswith("Supr") for keys in spanish)  # Qt's Spanish name of Del
