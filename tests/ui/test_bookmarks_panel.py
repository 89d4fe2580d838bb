"""The bookmarks panel: starred articles and bookmarks listed, opened, removed and put back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.operations.changes import EVERYTHING
from reader.operations.session import LibrarySession
from reader.store import Bookmark, StarredArticle
from reader.store.library import Library
from reader.ui.library_events import LibraryEvents
from reader.ui.notes.bookmarks_model import (
    BOOKMARKS_SECTION,
    ENTRY_ROLE,
    STARRED_SECTION,
    BookmarkColumn,
    BookmarksModel,
)
from reader.ui.notes.bookmarks_panel import BookmarksPanel

SV = 3  # the Swedish document, alone in article 2
MakePanel = Callable[[], BookmarksPanel]


@pytest.fixture
def events() -> LibraryEvents:
    return LibraryEvents()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def make_panel(qtbot: QtBot, seeded_library: Library, events: LibraryEvents,
               undo_stack: QUndoStack) -> MakePanel:
    def make() -> BookmarksPanel:
        panel = BookmarksPanel(LibrarySession(seeded_library), events, undo_stack)
        qtbot.addWidget(panel)
        panel.resize(800, 400)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture
def bookmark(seeded_library: Library) -> Bookmark:
    """Article 1 starred, and the second sentence of the Swedish article bookmarked."""
    seeded_library.bookmarks.set_starred(1, True)
    sentence = seeded_library.sentences(SV)[1]
    return seeded_library.bookmarks.add(SV, sentence.start, sentence.end)


def entry_index(panel: BookmarksPanel, section: int, row: int,
                column: int = BookmarkColumn.NAME) -> QModelIndex:
    return panel.model.index(row, column, panel.model.section_index(section))


def text(panel: BookmarksPanel, index: QModelIndex) -> str:
    return str(panel.model.data(index, Qt.ItemDataRole.DisplayRole))


def test_starred_articles_and_bookmarks_are_listed_under_their_headings(
    make_panel: MakePanel, bookmark: Bookmark
) -> None:
    panel = make_panel()
    model = panel.model
    assert text(panel, model.section_index(STARRED_SECTION)) == "Starred articles (1)"
    assert text(panel, model.section_index(BOOKMARKS_SECTION)) == "Bookmarks (1)"
    starred = entry_index(panel, STARRED_SECTION, 0)
    entry = model.data(starred, ENTRY_ROLE)
    assert isinstance(entry, StarredArticle)
    assert (entry.article_id, entry.languages) == (1, ("es", "en"))
    assert text(panel, starred).startswith("Conferencia")
    assert text(panel, entry_index(panel, STARRED_SECTION, 0, BookmarkColumn.LANGUAGE)) == (
        "es · en")
    marked = entry_index(panel, BOOKMARKS_SECTION, 0)
    assert model.data(marked, ENTRY_ROLE) == bookmark
    label = text(panel, marked)
    assert len(label) <= 80 and "\n" not in label
    assert label == bookmark.label or (label.endswith("…")
                                       and bookmark.label.startswith(label[:-1]))
    assert text(panel, entry_index(panel, BOOKMARKS_SECTION, 0, BookmarkColumn.ARTICLE)) == (
        bookmark.article_title)
    assert text(panel, entry_index(panel, BOOKMARKS_SECTION, 0, BookmarkColumn.LANGUAGE)) == (
        "svenska")
    assert panel.view.isExpanded(model.section_index(BOOKMARKS_SECTION))
    panel.set_preferred_language("en")
    assert text(panel, entry_index(panel, STARRED_SECTION, 0)).startswith("Conference")


def test_empty_panel_says_what_goes_there(
    seeded_library: Library, events: LibraryEvents, make_panel: MakePanel
) -> None:
    panel = make_panel()
    assert panel.placeholder.isVisible() and not panel.view.isVisible()
    assert panel.placeholder.text().startswith("No bookmarks yet.")
    seeded_library.bookmarks.set_starred(2, True)
    events.announce(EVERYTHING)
    assert panel.view.isVisible()
    assert panel.model.starred_count() == 1


def test_activating_an_entry_asks_to_open_it(
    qtbot: QtBot, make_panel: MakePanel, bookmark: Bookmark
) -> None:
    panel = make_panel()
    panel.view.setFocus()
    panel.view.setCurrentIndex(entry_index(panel, STARRED_SECTION, 0))
    with qtbot.waitSignal(panel.open_article_requested) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [1]
    panel.view.setCurrentIndex(entry_index(panel, BOOKMARKS_SECTION, 0))
    with qtbot.waitSignal(panel.open_bookmark_requested) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [bookmark]
    with qtbot.waitSignal(panel.open_bookmark_requested) as opened:
        panel.open_action.trigger()
    assert opened.args == [bookmark]
    with qtbot.assertNotEmitted(panel.open_article_requested), \
            qtbot.assertNotEmitted(panel.open_bookmark_requested):
        panel.view.activated.emit(panel.model.section_index(STARRED_SECTION))


def test_removing_a_bookmark_and_a_star_is_undoable(
    qtbot: QtBot, seeded_library: Library, events: LibraryEvents, undo_stack: QUndoStack,
    make_panel: MakePanel, bookmark: Bookmark,
) -> None:
    panel = make_panel()
    panel.view.setFocus()
    panel.view.setCurrentIndex(entry_index(panel, BOOKMARKS_SECTION, 0))
    with qtbot.waitSignal(events.changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert undo_stack.undoText() == "Remove bookmark"
    assert seeded_library.bookmarks.newest_first() == []
    assert panel.model.bookmark_count() == 0
    undo_stack.undo()
    assert seeded_library.bookmarks.newest_first() == [bookmark]
    assert panel.model.bookmark_count() == 1

    panel.view.setCurrentIndex(entry_index(panel, STARRED_SECTION, 0))
    panel.remove_action.trigger()
    assert undo_stack.undoText() == "Unstar article"
    assert not seeded_library.bookmarks.is_starred(1)
    assert panel.model.starred_count() == 0
    undo_stack.undo()
    assert seeded_library.bookmarks.is_starred(1)
    assert panel.model.starred_count() == 1


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, seeded_library: Library,
                                       bookmark: Bookmark) -> None:
    model = BookmarksModel()
    qtmodeltester.check(model)
    model.set_entries(seeded_library.bookmarks.starred_articles(),
                      seeded_library.bookmarks.newest_first())
    qtmodeltester.check(model)
    assert model.starred_count() == 1 and model.bookmark_count() == 1
