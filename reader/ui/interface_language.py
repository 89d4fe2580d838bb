"""The interface language at start: the choice in Preferences, and Qt's own translations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from reader.ui.i18n import choose_language, interface_language

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANGUAGE_KEY = "interface/language"  # "" or missing: as the system


def chosen_language(settings: QSettings) -> str:
    """The language chosen in Preferences ("" to follow the system)."""
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) else ""


def remember_language(settings: QSettings, code: str) -> None:
    """Keep the choice for the next start ("" follows the system)."""
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()


def start_in_chosen_language(app: QCoreApplication, settings: QSettings) -> str:
    """Take the language chosen in Preferences and give Qt's own dialogs and buttons the same
    one; the interface language ("ru"). Call it before the window is built."""
    choose_language(chosen_language(settings))
    language = interface_language()
    install_qt_translations(app, language)
    return language


def install_qt_translations(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's translations of its standard dialogs and buttons (qtbase_XX.qm, shipped with
    PySide6) for the language; None when Qt has none (English, Norwegian Bokmål)."""
    if language == "en":  # Qt speaks English (and its classes for this cost ~1 ms)
        return None
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
