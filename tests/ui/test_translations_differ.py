"""The library filter "Only articles whose translations differ" reads the flag each article
keeps: at once, in step with the quick filter, after a fix of the alignment, and after the
window has checked again what an older check left behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.store.records import AlignedBead
from reader.text import versions
from reader.ui.main_window import MainWindow


def _cao_bang(window: MainWindow) -> tuple[int, int, int]:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    spanish, english = window.library.documents_of(article.id)
    return article.id, spanish.id, english.id


def test_the_filter_is_a_quick_filter_and_the_menu_says_which(window: MainWindow) -> None:
    pane = window.library_pane
    pane.set_quick_filter("starred")
    window.disagreeing_action.setChecked(True)  # no background work: the list shows at once
    assert pane.shown_count() == 1
    assert pane.filter_combo.currentText() == "Translations differ"
    assert window.statusBar().currentMessage() == "1 of 4 articles"
    assert window.parallel_pane.shown_languages() == ["es", "en"]
    window.disagreeing_action.setChecked(False)
    assert pane.quick_filter() == "starred"  # back to what was chosen before

    pane.set_quick_filter("differing")  # chosen in the pane: the menu item is checked
    assert window.disagreeing_action.isChecked()
    pane.set_quick_filter("all")
    assert not window.disagreeing_action.isChecked()
    assert pane.shown_count() == 4


def test_a_fix_that_parts_the_differing_figures_takes_the_article_off_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    article_id, spanish, english = _cao_bang(window)
    window.disagreeing_action.setChecked(True)
    assert window.library_pane.shown_count() == 1
    alignment = window.library.current_alignment(spanish, english)
    assert alignment is not None
    row = next(row for row, pair in window.library.check_translation(spanish, english)
               if pair.verdict == "differs")
    budget = alignment.beads[row]
    apart = [*alignment.beads[:row], AlignedBead(budget.source, (), 1.0, True),
             AlignedBead((), budget.target, 1.0, True), *alignment.beads[row + 1:]]
    window.events.announce(window.library.save_alignment(spanish, english, apart))
    assert window.library_pane.shown_count() == 0
    window.events.announce(window.library.reset_alignment(spanish, english)[1])
    assert window.library_pane.shown_count() == 1
    assert window.library_pane.selected_article() in (None, article_id)


def test_the_window_checks_again_after_a_new_version_of_the_check(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, seeded_library: Library,
    make_window: Callable[[Library], MainWindow],
) -> None:
    monkeypatch.setattr(versions, "FIGURE_CHECK_VERSION", "2-test")
    session = LibrarySession(seeded_library)
    assert session.translation_flags_stale()
    window = make_window(seeded_library)  # checks in the background once it has painted
    qtbot.waitUntil(lambda: not window.upkeep.running and not session.translation_flags_stale())
    article_id, _spanish, _english = _cao_bang(window)
    assert seeded_library.listing.translation_flag(article_id) == (True, "2-test")
    window.disagreeing_action.setChecked(True)
    assert window.library_pane.shown_count() == 1
