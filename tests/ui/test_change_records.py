"""Writes say what they changed, and the window reads again only that.

What the window reads is seen in the statements its own library connection runs (background
jobs use connections of their own): a star must not re-read the notes or the list's pages; an
alignment fix must not re-read the list, the notes panel or the bookmarks panel.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from pytestqt.qtbot import QtBot

from reader.operations.changes import LibraryChange
from reader.store.library import Library
from reader.text import versions
from reader.ui.main_window import MainWindow
from reader.ui.parallel.parallel_view import Passage

LIST_PAGE = "LIMIT"  # a page of the library list (ORDER BY … LIMIT n OFFSET m)
NEWEST_BOOKMARKS = "created_at DESC"  # the bookmarks panel's list (the notes panel's too)


@contextmanager
def statements(window: MainWindow) -> Iterator[list[str]]:
    """The SQL the window's own connection runs inside the block."""
    seen: list[str] = []
    window.library.trace_statements(seen.append)
    try:
        yield seen
    finally:
        window.library.trace_statements(None)


def _cao_bang(window: MainWindow) -> int:
    return next(a.id for a in window.library.article_summaries() if len(a.languages) == 2)


def _announced(qtbot: QtBot, window: MainWindow) -> list[LibraryChange]:
    changes: list[LibraryChange] = []
    window.events.changed.connect(changes.append)
    return changes


def test_a_star_reads_again_its_list_row_and_the_stars_only(qtbot: QtBot,
                                                            window: MainWindow) -> None:
    article_id = _cao_bang(window)
    window.open_article(article_id)
    window.library_model.summary_at(0)  # the list's first page is held
    changes = _announced(qtbot, window)
    with statements(window) as seen:
        window.toggle_star(article_id)
        qtbot.wait(10)
    assert changes == [LibraryChange(articles=frozenset({article_id}),
                                     stars=frozenset({article_id}))]
    assert not [s for s in seen if "FROM annotations" in s], seen
    assert not [s for s in seen if LIST_PAGE in s], seen
    assert window.library_model.is_starred(article_id)  # the one row was read again
    assert window.bookmarks_panel.model.starred_count() == 1


def test_a_new_highlight_reloads_the_notes_and_its_row_not_the_list(qtbot: QtBot,
                                                                   window: MainWindow) -> None:
    window.open_article(_cao_bang(window))
    window.library_model.summary_at(0)
    assert window.bookmarks_panel.model is not None  # the notes panels are made (as shown)
    pane = window.parallel_pane
    changes = _announced(qtbot, window)
    sentence = pane.model.row(0).cells[0][0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.start + 12))
    with statements(window) as seen:
        assert pane.highlights.highlight_selection("green") is not None
    assert len(changes) == 1 and len(changes[0].annotations) == 1
    assert not [s for s in seen if LIST_PAGE in s], seen
    assert not [s for s in seen if "bookmarks" in s and NEWEST_BOOKMARKS in s], seen
    assert window.annotations_panel.shown_count() == 1


def test_an_alignment_fix_is_announced_and_reads_no_list_and_no_panel(
        qtbot: QtBot, window: MainWindow) -> None:
    window.open_article(_cao_bang(window))
    pane = window.parallel_pane
    pair = pane.shown_pair()
    assert pair is not None
    changes = _announced(qtbot, window)
    with statements(window) as seen:
        assert pane.merge_row_with_next(0)
    assert [change.alignments for change in changes] == [frozenset({pair})]
    assert not [s for s in seen if LIST_PAGE in s], seen
    assert not [s for s in seen if NEWEST_BOOKMARKS in s], seen  # neither panel reloaded
    window.undo_stack.undo()
    assert [change.alignments for change in changes] == [frozenset({pair})] * 2


def test_after_an_aligner_upgrade_the_window_aligns_again(
        qtbot: QtBot, window: MainWindow, seeded_library: Library,
        monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _cao_bang(window)
    window.open_article(article_id)
    pair = window.parallel_pane.shown_pair()
    assert pair is not None
    stamp = seeded_library.alignments.stamp(*pair)
    assert stamp is not None and stamp[2] == versions.ALIGNER_VERSION
    monkeypatch.setattr(versions, "ALIGNER_VERSION", "upgraded")
    window.parallel_pane.show_article(article_id)
    assert window.parallel_pane.model.columnCount() == 1  # not the old alignment meanwhile
    assert not window.parallel_pane.translation_checked()  # not settled while it aligns
    qtbot.waitUntil(lambda: window.parallel_pane.shown_pair() == pair)
    qtbot.waitUntil(window.parallel_pane.translation_checked)
    assert seeded_library.alignments.stamp(*pair)[2] == "upgraded"  # type: ignore[index]


def test_the_translation_check_runs_off_the_gui_thread(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from reader.operations import figure_checking

    threads: list[threading.Thread] = []
    check = figure_checking.check_translation

    def watched(*args: object) -> object:
        threads.append(threading.current_thread())
        return check(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(figure_checking, "check_translation", watched)
    window.parallel_pane.show_article(_cao_bang(window))
    qtbot.waitUntil(window.parallel_pane.translation_checked)
    assert threads and threading.main_thread() not in threads
    assert window.metrics_sidebar.check_model.disagreements() == 1
