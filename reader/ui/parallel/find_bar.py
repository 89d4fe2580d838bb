"""Find in this article (Ctrl+F while the text has the keyboard): every match of the words in
the shown columns, counted, the current one selected; Enter / F3 goes to the next, Shift+Enter
/ Shift+F3 to the previous, Esc closes the bar. Matching ignores case. The article's text is
searched in the model, so rows still waiting to be laid out are found too."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.i18n import _, format_count
from reader.ui.parallel.parallel_model import ParallelTextModel
from reader.ui.parallel.parallel_view import ParallelTextView

MOST_MATCHES = 10_000  # counted; beyond, "10,000+"


class Match(NamedTuple):
    """One place the words were found: a sentence of a cell, and where in it."""

    row: int
    column: int
    sentence: int
    offset: int
    length: int


def find_matches(model: ParallelTextModel, words: str,
                 most: int = MOST_MATCHES) -> list[Match]:
    """Where `words` occur in the shown text, row by row and left column first (case
    ignored), at most `most`."""
    wanted = words.strip().lower()
    if not wanted:
        return []
    found: list[Match] = []
    for row in range(model.rowCount()):
        for column, cell in enumerate(model.row(row).cells):
            for number, sentence in enumerate(cell):
                text = sentence.text.lower()
                if len(text) != len(sentence.text):  # lower() changed the length: as it is
                    text = sentence.text
                start = text.find(wanted)
                while start >= 0:
                    found.append(Match(row, column, number, start, len(wanted)))
                    if len(found) >= most:
                        return found
                    start = text.find(wanted, start + len(wanted))
    return found


class FindBar(QWidget):
    """The bar under the article's text that finds words in it."""

    closed = Signal()
    matches_changed = Signal(list)  # list[int]: the rows of the matches, none when closed

    def __init__(self, model: ParallelTextModel, view: ParallelTextView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._view = view
        self._matches: list[Match] = []
        self._current = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(_("Find in this article"))
        self.field.setAccessibleName(_("Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.previous_button = QToolButton(self)
        self.previous_button.setText("↑")
        self.previous_button.setToolTip(_("Previous match (Shift+Enter, Shift+F3)"))
        self.previous_button.setAccessibleName(_("Previous match"))
        self.next_button = QToolButton(self)
        self.next_button.setText("↓")
        self.next_button.setToolTip(_("Next match (Enter, F3)"))
        self.next_button.setAccessibleName(_("Next match"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(_("Close (Esc)"))
        self.close_button.setAccessibleName(_("Close the find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        for keys, step in (("F3", 1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go(step))
        self.field.textChanged.connect(self._on_field_text_changed)
        self.previous_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.close_button.clicked.connect(self.close_bar)
        self._model.modelReset.connect(self._on_model_reset)
        self.hide()

    def open(self) -> None:
        """Show the bar with the keyboard in its field, its words selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._search()

    def close_bar(self) -> None:
        """Hide the bar; the keyboard goes back to the text."""
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.matches_changed.emit([])
        self.closed.emit()

    def match_count(self) -> int:
        """How many matches the words have."""
        return len(self._matches)

    def current(self) -> int:
        """The number of the selected match (from 0), or -1."""
        return self._current

    def go(self, step: int) -> None:
        """Select the next (1) or previous (-1) match, round the end."""
        if not self._matches:
            return
        self._select((self._current + step) % len(self._matches))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)

    def _search(self) -> None:
        self._matches = find_matches(self._model, self.field.text())
        self.matches_changed.emit(sorted({match.row for match in self._matches}))
        self._current = -1
        if self._matches:
            self._select(0)
        else:
            self._show_count()

    def _select(self, number: int) -> None:
        self._current = number
        match = self._matches[number]
        self._view.select_text(match.row, match.column, match.sentence, match.offset,
                               match.length)
        self._show_count()

    def _show_count(self) -> None:
        total = len(self._matches)
        if not self.field.text().strip():
            self.count_label.clear()
        elif not total:
            self.count_label.setText(_("not found"))
        else:
            shown = format_count(total) + ("+" if total >= MOST_MATCHES else "")
            self.count_label.setText(_("{current} of {total}").format(
                current=format_count(self._current + 1), total=shown))

    def _on_field_text_changed(self, _text: str) -> None:
        self._search()

    def _on_model_reset(self) -> None:
        if self.isVisible():
            self._search()
