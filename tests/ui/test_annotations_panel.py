"""The notes panel: newest first, search without accents, filters, scope, open, delete, undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.operations.changes import EVERYTHING
from reader.operations.session import LibrarySession
from reader.store import Annotation
from reader.store.library import Library
from reader.text.anchoring import TextQuote
from reader.ui.library_events import LibraryEvents
from reader.ui.notes.annotations_model import (
    ANNOTATION_ROLE,
    AnnotationColumn,
    AnnotationFilter,
    AnnotationsModel,
)
from reader.ui.notes.annotations_panel import AnnotationsPanel

# The seeded library: article 1 is in Spanish (document 1) and English (document 2);
# article 2 is Swedish (document 3).
ES, EN, SV = 1, 2, 3
MakePanel = Callable[..., AnnotationsPanel]


def highlight(library: Library, document_id: int, phrase: str, colour: str = "yellow",
              note: str = "", tags: tuple[str, ...] = ()) -> Annotation:
    """Highlight the first occurrence of a phrase in a document."""
    start = library.document_text(document_id).text.index(phrase)
    return library.annotations.add(document_id, start, start + len(phrase), colour, note, tags)


@pytest.fixture
def events() -> LibraryEvents:
    return LibraryEvents()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def make_panel(qtbot: QtBot, seeded_library: Library, events: LibraryEvents,
               undo_stack: QUndoStack) -> MakePanel:
    def make(article_id: int | None = None, whole_library: bool = True) -> AnnotationsPanel:
        panel = AnnotationsPanel(LibrarySession(seeded_library), events, undo_stack)
        qtbot.addWidget(panel)
        panel.set_current_article(article_id)
        panel.set_whole_library(whole_library)
        panel.resize(900, 400)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture
def notes(seeded_library: Library) -> list[Annotation]:
    """Three notes, oldest first: Spanish, English (both article 1), Swedish (article 2)."""
    return [
        highlight(seeded_library, ES, "Comité Provincial del Partido", "yellow",
                  "Who chairs it?", ("partido",)),
        highlight(seeded_library, EN, "Provincial National Assembly Delegation", "green",
                  "Budget worries", ("economía", "partido")),
        highlight(seeded_library, SV, "partikommittén", "blue"),
    ]


def shown(panel: AnnotationsPanel) -> list[int]:
    """The ids of the notes the panel lists, top to bottom."""
    return [panel.proxy.annotation(panel.proxy.index(row, 0)).id
            for row in range(panel.proxy.rowCount())]


def test_notes_are_listed_newest_first_with_their_swatch_and_article(
    make_panel: MakePanel, notes: list[Annotation]
) -> None:
    panel = make_panel()
    assert shown(panel) == [note.id for note in reversed(notes)]
    assert panel.shown_count() == 3
    assert panel.count.text() == "3 of 3 notes"
    model = panel.model
    spanish = model.index(2, AnnotationColumn.QUOTE)
    assert model.data(spanish, Qt.ItemDataRole.DisplayRole) == "Comité Provincial del Partido"
    assert model.data(spanish, ANNOTATION_ROLE) == notes[0]
    swatch = model.data(spanish, Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor) and swatch.name() == "#fff176"
    tooltip = model.data(spanish, Qt.ItemDataRole.ToolTipRole)
    assert "Comité Provincial del Partido" in tooltip and "Who chairs it?" in tooltip
    article = model.data(model.index(2, AnnotationColumn.ARTICLE), Qt.ItemDataRole.DisplayRole)
    assert article.startswith("Conferencia") and article.endswith("(español)")
    assert model.data(model.index(1, AnnotationColumn.TAGS),
                      Qt.ItemDataRole.DisplayRole) == "economía, partido"
    assert model.data(model.index(1, AnnotationColumn.COLOUR),
                      Qt.ItemDataRole.DisplayRole) == "Green"


def test_search_as_you_type_ignores_case_and_accents_over_quote_note_and_tags(
    qtbot: QtBot, make_panel: MakePanel, notes: list[Annotation]
) -> None:
    panel = make_panel()
    qtbot.keyClicks(panel.search, "comite")
    assert shown(panel) == [notes[0].id]
    assert panel.count.text() == "1 of 3 notes"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "WORRIES")  # in a note
    assert shown(panel) == [notes[1].id]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "economia")  # in a tag
    assert shown(panel) == [notes[1].id]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "partido chairs")  # every word, anywhere in the note
    assert shown(panel) == [notes[0].id]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "nothing like this")
    assert panel.shown_count() == 0
    assert panel.placeholder.isVisible()
    assert "No notes match" in panel.placeholder.text()
    panel.search.clear()
    assert panel.shown_count() == 3 and panel.view.isVisible()


def test_colour_and_tag_filters(make_panel: MakePanel, notes: list[Annotation]) -> None:
    panel = make_panel()
    panel.colour.setCurrentIndex(panel.colour.findData("green"))
    assert shown(panel) == [notes[1].id]
    panel.colour.setCurrentIndex(panel.colour.findData("pink"))
    assert shown(panel) == []
    panel.colour.setCurrentIndex(0)  # all colours
    assert panel.shown_count() == 3
    tags = [panel.tag.itemText(i) for i in range(panel.tag.count())]
    assert tags == ["All tags", "economía", "partido"]
    panel.tag.setCurrentIndex(panel.tag.findData("partido"))
    assert shown(panel) == [notes[1].id, notes[0].id]
    panel.tag.setCurrentIndex(panel.tag.findData("economía"))
    assert shown(panel) == [notes[1].id]
    panel.tag.setCurrentIndex(0)
    assert panel.shown_count() == 3


def test_tags_in_use_are_refreshed_on_reload_and_the_chosen_one_kept(
    seeded_library: Library, events: LibraryEvents, make_panel: MakePanel,
    notes: list[Annotation],
) -> None:
    panel = make_panel()
    panel.tag.setCurrentIndex(panel.tag.findData("partido"))
    added = highlight(seeded_library, EN, "Standing Deputy Secretary", "pink", "",
                      ("personas", "partido"))
    events.announce(EVERYTHING)
    assert panel.tag.findData("personas") > 0
    assert panel.tag.currentData() == "partido"
    assert shown(panel) == [added.id, notes[1].id, notes[0].id]


def test_scope_is_the_open_article_or_the_whole_library(
    make_panel: MakePanel, notes: list[Annotation]
) -> None:
    panel = make_panel(article_id=None, whole_library=False)
    assert panel.shown_count() == 0
    assert "Open an article" in panel.placeholder.text()
    panel.set_current_article(1)
    assert shown(panel) == [notes[1].id, notes[0].id]  # both languages of article 1
    assert panel.count.text() == "2 of 2 notes"
    panel.set_current_article(2)
    assert shown(panel) == [notes[2].id]
    panel.scope.setCurrentIndex(panel.scope.findText("Whole library"))
    assert panel.shown_count() == 3
    panel.set_current_article(1)  # the whole library stays listed
    assert panel.shown_count() == 3
    panel.scope.setCurrentIndex(panel.scope.findText("This article"))
    assert panel.shown_count() == 2


def test_empty_library_shows_how_to_highlight(make_panel: MakePanel) -> None:
    panel = make_panel()
    assert panel.shown_count() == 0
    assert panel.count.text() == "0 of 0 notes"
    assert panel.placeholder.isVisible() and not panel.view.isVisible()
    assert panel.placeholder.text() == (
        "No highlights yet. Select text in the article and press Ctrl+H.")


def test_an_orphaned_note_says_its_place_is_lost(
    seeded_library: Library, make_panel: MakePanel
) -> None:
    lost = seeded_library.annotations.add_from_quote(
        ES, TextQuote("Una frase que este texto no tiene"), 10, "orange", "", (), "lost-uid")
    assert lost.orphaned
    panel = make_panel()
    index = panel.model.index(0, AnnotationColumn.QUOTE)
    assert panel.model.data(index, Qt.ItemDataRole.DisplayRole) == (
        "(place lost) Una frase que este texto no tiene")
    assert "(place lost)" in panel.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_activating_a_note_asks_to_open_it(
    qtbot: QtBot, make_panel: MakePanel, notes: list[Annotation]
) -> None:
    panel = make_panel()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(1, 0))
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert opened.args == [notes[1]]
    rect = panel.view.visualRect(panel.proxy.index(2, 0))
    with qtbot.waitSignal(panel.open_requested) as opened:  # one click jumps there
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [notes[0]]
    with qtbot.waitSignal(panel.open_requested) as opened:  # and so does a double click
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert opened.args == [notes[0]]
    with qtbot.waitSignal(panel.edit_requested) as edited:
        panel.edit_action.trigger()
    assert edited.args == [notes[0]]


def test_delete_key_deletes_a_note_and_undo_restores_it(
    qtbot: QtBot, seeded_library: Library, undo_stack: QUndoStack,
    events: LibraryEvents, make_panel: MakePanel, notes: list[Annotation],
) -> None:
    panel = make_panel()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))  # the Swedish note, newest
    with qtbot.waitSignal(events.changed):
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert undo_stack.undoText() == "Delete highlight"
    with pytest.raises(KeyError):
        seeded_library.annotations.get(notes[2].id)
    assert shown(panel) == [notes[1].id, notes[0].id]
    assert panel.count.text() == "2 of 2 notes"
    with qtbot.waitSignal(events.changed):
        undo_stack.undo()
    assert seeded_library.annotations.get(notes[2].id) == notes[2]
    assert shown(panel) == [note.id for note in reversed(notes)]
    undo_stack.redo()
    assert seeded_library.annotations.count() == 2


def test_deleting_several_notes_is_one_step(
    seeded_library: Library, undo_stack: QUndoStack, make_panel: MakePanel,
    notes: list[Annotation],
) -> None:
    panel = make_panel()
    panel.view.selectAll()
    assert len(panel.selected_annotations()) == 3
    panel.delete_action.trigger()
    assert seeded_library.annotations.count() == 0
    assert undo_stack.count() == 1 and undo_stack.undoText() == "Delete 3 highlights"
    assert panel.placeholder.isVisible()
    undo_stack.undo()
    assert seeded_library.annotations.newest_first() == list(reversed(notes))


def test_models_pass_the_model_tester(qtmodeltester: ModelTester,
                                      notes: list[Annotation]) -> None:
    model = AnnotationsModel()
    model.set_annotations(list(reversed(notes)))
    qtmodeltester.check(model)
    proxy = AnnotationFilter(model)
    proxy.set_text("partido")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_search_folds_as_the_library_search_does_d_with_stroke_and_yo(
    qtbot: QtBot, seeded_library: Library, make_panel: MakePanel, notes: list[Annotation]
) -> None:
    vietnamese = highlight(seeded_library, ES, "Partido", "orange", "Ask about Đắk Lắk")
    panel = make_panel()
    qtbot.keyClicks(panel.search, "dak lak")  # typed without the stroke and the tones
    assert shown(panel) == [vietnamese.id]
    panel.search.clear()
    panel.search.setText("ĐẮK")  # pasted: the stroked capital folds too
    assert shown(panel) == [vietnamese.id]
