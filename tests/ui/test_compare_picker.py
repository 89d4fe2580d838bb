"""The Compare picker finds an article by typing (any case, accents optional) instead of
listing every article of the library, and the pane compares with the version it found."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.parallel.compare_picker import ArticlePickerModel, ComparePicker


def _cao_bang(library: LibrarySession) -> int:
    return next(a.id for a in library.article_summaries() if len(a.languages) == 2)


def test_the_model_lists_first_articles_by_title_then_what_a_search_finds(
    qtmodeltester: ModelTester, seeded_library: Library
) -> None:
    session = LibrarySession(seeded_library)
    cao_bang = _cao_bang(session)
    model = ArticlePickerModel(session, exclude_article=cao_bang)
    model.set_query("")
    qtmodeltester.check(model)
    titles = [model.row(row).title for row in range(model.rowCount())]
    assert len(titles) == 3 and titles == sorted(titles, key=str.casefold)
    assert cao_bang not in [model.row(row).article_id for row in range(model.rowCount())]
    model.set_query("konferensen")
    qtmodeltester.check(model)
    (found,) = [model.row(row) for row in range(model.rowCount())]
    assert found.languages == ("sv",) and found.language == "sv"
    assert str(model.data(model.index(0))).endswith("(sv)")
    model.set_query("zzzz")
    assert model.rowCount() == 0


def test_typing_a_word_without_accents_picks_the_right_seed(qtbot: QtBot,
                                                           seeded_library: Library) -> None:
    session = LibrarySession(seeded_library)
    picker = ComparePicker(session, exclude_article=_cao_bang(session))
    qtbot.addWidget(picker)
    picker.show()
    assert picker.model.rowCount() == 3  # nothing typed: the articles by title
    qtbot.keyClicks(picker.field, "standiga partikommittens")  # ständiga partikommitténs
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.result() == picker.DialogCode.Accepted
    (swedish,) = [d for d in seeded_library.all_documents() if d.language == "sv"]
    assert picker.chosen_document() == swedish.id


def test_nothing_found_keeps_the_picker_open(qtbot: QtBot, seeded_library: Library) -> None:
    picker = ComparePicker(LibrarySession(seeded_library))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.field, "zzzz")
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.chosen_document() is None
    assert picker.status.text() == "Nothing found for “zzzz”"


def test_the_compare_button_shows_the_article_picked(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.parallel_pane
    window.open_article(_cao_bang(window.library))

    def pick() -> None:
        picker = QApplication.activeModalWidget()
        assert isinstance(picker, ComparePicker)
        picker.field.setText("ИСПОЛНИТЕЛЬНЫЙ комитет")
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    pane.compare_button.click()
    qtbot.waitUntil(lambda: pane.shown_languages() == ["es", "ru"])  # once aligned
