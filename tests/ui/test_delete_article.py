"""Deleting an article in the window: Del in the library list, its highlights kept as notes
of deleted articles, Undo brings it all back."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.parallel.parallel_view import Passage


def test_delete_keeps_the_notes_and_undo_brings_the_article_back(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    window = make_window(seeded_library)
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)
    pane = window.parallel_pane
    sentence = pane.model.row(0).cells[0][0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.start + 10))
    highlight = pane.highlights.highlight_selection("pink", "keep me")
    assert highlight is not None
    rows = window.library_model.rowCount()
    assert window.delete_article_action.shortcut().toString() == "Del"

    assert window.delete_selected_article()
    assert window.library_model.rowCount() == rows - 1
    assert not window.library.article_exists(article.id)
    assert pane.article_id != article.id  # another article is shown
    assert "Undo" in window.statusBar().currentMessage()
    kept = window.kept_notes_panel.model
    assert kept.rowCount() == 1
    assert kept.note(0).note == "keep me" and kept.note(0).exact == highlight.exact

    window.undo_action.trigger()
    assert window.library.article_exists(article.id)
    assert window.library_model.rowCount() == rows
    assert pane.article_id == article.id
    assert kept.rowCount() == 0
    assert [a.note for a in window.library.annotations_newest_first(article.id)] == ["keep me"]
    window.redo_action.trigger()
    assert not window.library.article_exists(article.id)
