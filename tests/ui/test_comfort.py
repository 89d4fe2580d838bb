"""Reading comfort in the real window: a first window sized to its screen, the text's own font
and zoom (remembered), focus mode, readable highlights on every theme, notes panels that make
room until there is a note, and the reading position kept across a restart."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.operations.session import LibrarySession
from reader.store import COLOURS
from reader.store.library import Library
from reader.store.records import COLOUR_CSS
from reader.ui.contrast import AA_NORMAL_TEXT, contrast_ratio, over, readable_text_on
from reader.ui.main_window import MainWindow
from reader.ui.parallel.highlights import SEARCH_COLOUR, highlight_colour
from reader.ui.parallel.parallel_view import FAINT_ALPHA, Passage
from reader.ui.themes import Theme, palette_of

WindowFactory = Callable[[Library], MainWindow]


def _open_first_with_two_languages(window: MainWindow) -> None:
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    assert window.open_article(article.id)


def test_a_first_window_fits_the_screen_it_opens_on_and_a_remembered_one_is_kept_on_it(
        qtbot: QtBot, seeded_library: Library, settings: QSettings) -> None:
    window = MainWindow(LibrarySession(seeded_library), settings)
    qtbot.addWidget(window)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.width() >= 0.8 * available.width()  # most of the screen, not a fixed size
    assert window.splitter.sizes()[1] == max(window.splitter.sizes())  # the text gets most
    window.close()

    huge = MainWindow(LibrarySession(seeded_library), settings)
    qtbot.addWidget(huge)
    huge.resize(3000, 2000)
    huge.move(2000, 1500)
    settings.setValue("window/geometry", huge.saveGeometry())
    huge.close()
    restored = MainWindow(LibrarySession(seeded_library), settings)
    qtbot.addWidget(restored)
    assert restored.width() <= available.width() and restored.height() <= available.height()
    assert available.contains(restored.frameGeometry().topLeft())


def test_the_text_has_its_own_size_zoomed_by_keys_and_wheel_and_remembered(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    view = window.parallel_pane.view
    interface = QApplication.font().pointSizeF()
    start = view.document().defaultFont().pointSizeF()
    assert start > interface  # not the 9 pt interface font
    assert QKeySequenceText.of(window.zoom_in_action) >= {"Ctrl++", "Ctrl+="}
    assert QKeySequenceText.of(window.zoom_out_action) == {"Ctrl+-"}
    assert QKeySequenceText.of(window.zoom_reset_action) == {"Ctrl+0"}
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert view.document().defaultFont().pointSizeF() == start + 2
    wheel = QWheelEvent(QPointF(20, 20), QPointF(view.mapToGlobal(QPoint(20, 20))), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.document().defaultFont().pointSizeF() == start + 1
    window.close()

    again = make_window(seeded_library)
    assert again.parallel_pane.view.document().defaultFont().pointSizeF() == start + 1
    again.zoom_reset_action.trigger()
    assert again.parallel_pane.view.document().defaultFont().pointSizeF() == start


def test_a_wide_window_keeps_lines_to_a_readable_length(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_first_with_two_languages(window)
    pane = window.parallel_pane
    pane.choose_languages(pane.shown_languages()[0])  # one language: one wide column
    window.search_pane.hide()
    window.metrics_sidebar.hide()
    qtbot.waitUntil(lambda: pane.view.measure_margin() > 0)
    view = pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.document().rootFrame().firstPosition() + 2)
    line = cursor.block().layout().lineAt(0)
    assert line.textLength() <= 90  # about 75 characters, not the whole width


def test_focus_mode_gives_the_text_the_screen_and_esc_brings_everything_back(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    assert window.focus_action.shortcut().toString() == "F11"
    assert window.leave_focus_action.shortcut().toString() == "Esc"
    window.focus_action.trigger()
    assert window.focus_mode.active
    assert not window.search_pane.isVisible() and not window.metrics_sidebar.isVisible()
    assert not window.menuBar().isVisible()
    assert window.parallel_pane.view.isVisible()
    assert window.leave_focus_action.isEnabled()
    window.leave_focus_action.trigger()
    assert not window.focus_mode.active and not window.leave_focus_action.isEnabled()
    assert window.search_pane.isVisible() and window.metrics_sidebar.isVisible()
    assert window.menuBar().isVisible()


def test_notes_panels_stay_closed_on_a_first_start_until_there_is_a_note(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    assert not window.annotations_dock.isVisible() and not window.bookmarks_dock.isVisible()
    _open_first_with_two_languages(window)
    pane = window.parallel_pane
    sentence = pane.model.row(0).cells[0][0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.start + 8))
    assert pane.highlights.highlight_selection("yellow") is not None
    qtbot.waitUntil(window.annotations_dock.isVisible)
    window.bookmarks_panel_action.trigger()  # a background tab: brought to the front
    assert window.bookmarks_dock.isVisible() and not window.bookmarks_dock.visibleRegion().isEmpty()
    window.notes_panel_action.trigger()
    assert not window.annotations_dock.visibleRegion().isEmpty()
    window.notes_panel_action.trigger()  # in front already: hidden
    assert not window.annotations_dock.isVisible()
    window.close()

    again = make_window(seeded_library)  # the remembered layout wins from now on
    assert not again.annotations_dock.isVisible()
    assert again.bookmarks_dock.isVisible()


@pytest.mark.parametrize("theme", list(Theme))
def test_every_highlight_reads_on_every_theme(theme: Theme) -> None:
    palette = palette_of(theme, QApplication.palette())
    if theme == Theme.SYSTEM:
        palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    assert contrast_ratio(text, base) >= AA_NORMAL_TEXT
    for name in COLOURS:
        for colour in (highlight_colour(name), _faint(highlight_colour(name)), SEARCH_COLOUR):
            shown = over(colour, base)
            on_it = readable_text_on(colour, base, text)
            assert contrast_ratio(on_it, shown) >= AA_NORMAL_TEXT, (theme, name, colour.name())


def test_a_highlight_on_a_dark_theme_is_drawn_with_dark_text(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_first_with_two_languages(window)
    window.theme_actions[Theme.DARK].trigger()
    try:
        pane = window.parallel_pane
        qtbot.waitUntil(lambda: pane.view.palette().color(QPalette.ColorRole.Base).lightness()
                        < 100)  # the window takes the application's new palette
        sentence = pane.model.row(0).cells[0][0]
        pane.view.select_passage(Passage(0, sentence.start, sentence.start + 8))
        assert pane.highlights.highlight_selection("yellow") is not None
        view = pane.view
        position = view.document().rootFrame().firstPosition()
        cursor = QTextCursor(view.document())
        qtbot.waitUntil(lambda: bool(view.marks()))
        found = None
        for offset in range(400):
            cursor.setPosition(position + offset + 1)
            if cursor.charFormat().background().color().name() == COLOUR_CSS["yellow"]:
                found = cursor.charFormat()
                break
        assert found is not None
        drawn_in = found.foreground()  # no brush: the theme's (light) text colour
        foreground = (drawn_in.color() if drawn_in.style() != Qt.BrushStyle.NoBrush
                      else view.palette().color(QPalette.ColorRole.Text))
        assert contrast_ratio(foreground, QColor(COLOUR_CSS["yellow"])) >= AA_NORMAL_TEXT
        assert window.themes.is_dark()
    finally:
        window.theme_actions[Theme.SYSTEM].trigger()


def test_the_reading_position_comes_back_after_a_restart(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_first_with_two_languages(window)
    pane = window.parallel_pane
    article = pane.article_id
    row = pane.model.rowCount() // 2
    pane.view.scroll_row_to_top(row)
    assert pane.view.top_row() == row
    place = pane.reading_place()
    assert place is not None
    window.close()

    again = make_window(seeded_library)
    assert again.parallel_pane.article_id == article
    assert again.parallel_pane.view.top_row() == row
    assert again.parallel_pane.reading_place() == place


def _faint(colour: QColor) -> QColor:
    faint = QColor(colour)
    faint.setAlpha(FAINT_ALPHA)
    return faint


class QKeySequenceText:
    """The shortcuts of an action as text."""

    @staticmethod
    def of(action: object) -> set[str]:
        from PySide6.QtGui import QAction

        assert isinstance(action, QAction)
        return {shortcut.toString() for shortcut in action.shortcuts()}





def test_the_title_column_gets_the_room_of_the_library_list(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    from reader.ui.library.library_model import LibraryColumn
    from reader.ui.window_state import DEFAULT_SPLIT

    window = make_window(seeded_library)
    # As a first window on a 1366×768 screen shares its width (the test's screen is smaller).
    window.splitter.setSizes([int(window.width() * share) for share in DEFAULT_SPLIT])
    qtbot.wait(10)
    header = window.library_pane.view.horizontalHeader()
    shown = [c for c in range(LibraryColumn.COUNT) if not header.isSectionHidden(c)]
    widths = {column: header.sectionSize(column) for column in shown}
    assert widths[LibraryColumn.TITLE] == max(widths.values())
    assert widths[LibraryColumn.TITLE] >= window.library_pane.view.viewport().width() / 3


def test_tab_leaves_the_library_list_and_f6_goes_round_the_panes(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    listing = window.library_pane.view
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    article = window.parallel_pane.article_id
    qtbot.keyClick(listing, Qt.Key.Key_Tab)
    assert not listing.hasFocus()  # not the next cell, not the next row's article
    assert window.parallel_pane.article_id == article

    assert window.next_pane_action.shortcut().toString() == "F6"
    listing.setFocus()
    window.next_pane_action.trigger()
    assert window.parallel_pane.view.hasFocus()
    window.next_pane_action.trigger()
    assert window.metrics_sidebar.isAncestorOf(QApplication.focusWidget())
    window.next_pane_action.trigger()  # the notes panels are closed: back to the list
    assert listing.hasFocus()
    window.previous_pane_action.trigger()
    assert window.metrics_sidebar.isAncestorOf(QApplication.focusWidget())


def test_ctrl_f_in_the_text_finds_in_the_article_with_a_count_and_next(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    window = make_window(seeded_library)
    _open_first_with_two_languages(window)
    pane = window.parallel_pane
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.search_action.shortcut().toString() == "Ctrl+K"
    pane.view.setFocus()
    window.find_action.trigger()
    bar = pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "provincial")  # "Provincial" in both columns: case ignored
    total = bar.match_count()
    assert total >= 4 and bar.current() == 0
    assert f"1 of {total}" in bar.count_label.text()
    assert pane.view.textCursor().selectedText().lower() == "provincial"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.current() == 1
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current() == 0
    qtbot.keyClicks(bar.field, "zzzq")
    assert bar.match_count() == 0 and bar.count_label.text() == "not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()

    window.search_pane.field.setFocus()  # in the library, Ctrl+F searches the library
    window.find_action.trigger()
    assert not bar.isVisible() and window.search_pane.field.hasFocus()


def test_find_reaches_rows_not_laid_out_yet(qtbot: QtBot) -> None:
    from reader.store.records import DocumentInfo, SentenceRecord
    from reader.ui.parallel.find_bar import find_matches
    from reader.ui.parallel.parallel_model import ParallelTextModel

    model = ParallelTextModel()
    sentences = [SentenceRecord(n, n, n * 20, n * 20 + 19, f"Row {n:05d} of rice.")
                 for n in range(5000)]
    document = DocumentInfo(1, 1, "en", "urn:x", "Long", None, None, "long.txt", 5000, 5000,
                            20000, 100000)
    model.show_single(document, sentences)
    [match] = find_matches(model, "row 04321")
    assert (match.row, match.column, match.offset) == (4321, 0, 0)


def test_f1_opens_help_listing_every_menu_shortcut(
        qtbot: QtBot, make_window: WindowFactory, seeded_library: Library) -> None:
    from reader.ui.help_window import menu_shortcuts

    window = make_window(seeded_library)
    assert window.help_action.shortcut().toString() == "F1"
    window.help_action.trigger()
    text = window.help_window.browser.toPlainText()
    shortcuts = menu_shortcuts(window)
    assert len(shortcuts) >= 20
    for _menu, action, keys in shortcuts:
        assert action in text and keys in text
    assert "Focus mode" in text and "F11" in text and "Ctrl+K" in text
