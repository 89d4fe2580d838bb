"""Edit → Preferences…: the interface language (used from the next start)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import INTERFACE_LANGUAGES, _, language_name
from reader.ui.interface_language import chosen_language, remember_language


def own_name(code: str) -> str:
    """A language's name in itself, as a list shows it ("Русский", "Norsk bokmål")."""
    name = language_name(code)
    return name[:1].upper() + name[1:]


class PreferencesDialog(QDialog):
    """The reader's preferences; the interface language is kept in the settings."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(_("Preferences"))
        self.setMinimumWidth(420)  # room for the longest label and language name
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(_("Interface language"))
        self.language_box.addItem(_("As the system"), "")
        for code in INTERFACE_LANGUAGES:
            self.language_box.addItem(own_name(code), code)
        self.language_box.setCurrentIndex(
            max(0, self.language_box.findData(chosen_language(settings))))
        note = QLabel(_("The new language is used from the next start."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Interface &language:"), self.language_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Remember the choice, then close."""
        remember_language(self._settings, str(self.language_box.currentData()))
        super().accept()
