"""The dialog that sets a highlight's colour, note and tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from reader.store import COLOURS
from reader.ui.i18n import _
from reader.ui.notes.highlight_colours import colour_label, highlight_colour, swatch


def split_tags(text: str) -> list[str]:
    """Tags typed as "a, b; c" into their list."""
    return [tag.strip() for tag in text.replace(";", ",").split(",") if tag.strip()]


class AnnotationDialog(QDialog):
    """Colour buttons, a plain-text note and comma-separated tags for one highlight."""

    def __init__(self, quote: str, colour: str = "yellow", note: str = "",
                 tags: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Highlight"))
        self._colours = QButtonGroup(self)
        self._colours.setExclusive(True)
        colour_row = QHBoxLayout()
        for number, name in enumerate(COLOURS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(swatch(highlight_colour(name), 18))
            button.setToolTip(colour_label(name))
            button.setAccessibleName(colour_label(name))
            button.setText(colour_label(name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self._colours.addButton(button, number)
            colour_row.addWidget(button)
            button.setChecked(name == colour)
        colour_row.addStretch(1)
        shown_quote = quote if len(quote) <= 300 else quote[:300] + "…"
        self._quote = QLabel(f"“{shown_quote}”", self)
        self._quote.setWordWrap(True)
        self._quote.setTextFormat(Qt.TextFormat.PlainText)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(_("A note of your own (optional)"))
        self.note_edit.setPlainText(note)
        self.note_edit.setTabChangesFocus(True)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(_("Tags, separated by commas (optional)"))
        self.tags_edit.setText(", ".join(tags))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self._quote)
        form.addRow(_("Colour:"), colour_row)
        form.addRow(_("Note:"), self.note_edit)
        form.addRow(_("Tags:"), self.tags_edit)
        form.addRow(buttons)
        self.note_edit.setFocus()
        self.resize(560, 320)

    def colour(self) -> str:
        """The chosen colour's name."""
        checked = self._colours.checkedId()
        return COLOURS[checked] if checked >= 0 else COLOURS[0]

    def set_colour(self, name: str) -> None:
        """Choose a colour by name."""
        button = self._colours.button(COLOURS.index(name))
        button.setChecked(True)

    def note(self) -> str:
        """The note as typed, without surrounding blank space."""
        return self.note_edit.toPlainText().strip()

    def tags(self) -> list[str]:
        """The tags as typed."""
        return split_tags(self.tags_edit.text())
