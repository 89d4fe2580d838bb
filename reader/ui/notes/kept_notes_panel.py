"""Notes of deleted articles: the highlights an article had when it was deleted, each with
its quote, note, and the article it came from; nothing a reader wrote is lost with an
article."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from reader.operations.changes import LibraryChange
from reader.operations.session import LibrarySession
from reader.store import KeptNote
from reader.ui.i18n import _, language_name
from reader.ui.library_events import LibraryEvents

Index = QModelIndex | QPersistentModelIndex
QUOTE_SHOWN = 160


class KeptNotesModel(QAbstractListModel):
    """The kept notes, the most recently kept first."""

    def __init__(self, library: LibrarySession) -> None:
        super().__init__()
        self._library = library
        self._notes: list[KeptNote] = []

    def reload(self) -> None:
        """Read the kept notes again."""
        self.beginResetModel()
        self._notes = self._library.kept_notes()
        self.endResetModel()

    def note(self, row: int) -> KeptNote:
        """The kept note of a row."""
        return self._notes[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            quote = note.exact if len(note.exact) <= QUOTE_SHOWN else (
                note.exact[:QUOTE_SHOWN - 1] + "…")
            lines = [f"“{quote}”"]
            if note.note:
                lines.append(note.note)
            lines.append(_("from “{title}” ({language}), deleted {date}").format(
                title=note.article_title, language=language_name(note.language),
                date=note.kept_at[:10]))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return note.exact
        return None


class KeptNotesPanel(QWidget):
    """Lists the notes of deleted articles."""

    def __init__(self, library: LibrarySession, events: LibraryEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = KeptNotesModel(library)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(_("Notes of deleted articles"))
        self._empty = QLabel(_("Highlights of articles you delete are kept here, with their "
                               "quotes and notes."), self)
        self._empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._empty)
        layout.addWidget(self.view, 1)
        events.changed.connect(self._on_events_changed)
        self.reload()

    def reload(self) -> None:
        """Read the kept notes again."""
        self.model.reload()
        empty = self.model.rowCount() == 0
        self._empty.setVisible(empty)
        self.view.setVisible(not empty)

    def _on_events_changed(self, change: LibraryChange) -> None:
        if change.everything or change.articles_came_or_went:
            self.reload()
