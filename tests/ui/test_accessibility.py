"""Assistive technology sees the window: every control a person can use has a name, and the
text panes give their text (a walk of the QAccessible tree of the real window)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow

Role = QAccessible.Role
# What a person operates: each needs a name a screen reader can say.
CONTROLS = {Role.PushButton, Role.ComboBox, Role.EditableText, Role.List, Role.Table,
            Role.Tree, Role.CheckBox, Role.RadioButton, Role.Slider, Role.SpinBox,
            Role.PageTab, Role.MenuItem, Role.ButtonMenu, Role.ButtonDropDown}


def _walk(interface: QAccessibleInterface | None) -> Iterator[QAccessibleInterface]:
    if interface is None or not interface.isValid() or interface.state().invisible:
        return
    yield interface
    if interface.role() in (Role.Table, Role.Tree, Role.List):
        return  # rows and cells are the model's; the view's own name is what counts
    for child in range(interface.childCount()):
        yield from _walk(interface.child(child))


def _name(interface: QAccessibleInterface) -> str:
    widget = interface.object()
    if interface.role() == Role.ComboBox and isinstance(widget, QWidget):
        # On Linux a combo box says its current choice as its name; its label is its own.
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name)


def test_every_control_of_the_window_has_a_name(window: MainWindow) -> None:
    QAccessible.setActive(True)
    unnamed = []
    seen = 0
    for interface in _walk(QAccessible.queryAccessibleInterface(window)):
        if interface.role() not in CONTROLS:
            continue
        seen += 1
        name = _name(interface).replace("&", "")
        if not any(character.isalpha() for character in name):  # "", or a bare "⇄"
            unnamed.append((interface.role(), name, type(interface.object()).__name__))
    assert seen > 10
    assert unnamed == []


def test_the_text_panes_give_their_text(qtbot: QtBot, window: MainWindow) -> None:
    QAccessible.setActive(True)
    article = next(a for a in window.library.article_summaries() if len(a.languages) == 2)
    window.open_article(article.id)
    spanish, english = window.library.documents_of(article.id)
    text = QAccessible.queryAccessibleInterface(window.parallel_pane.view).textInterface()
    assert text is not None
    said = text.text(0, text.characterCount())
    first_words = window.library.document_text(spanish.id).text[:40]
    assert first_words in said
    assert window.library.document_text(english.id).text[:40] in said
    library = QAccessible.queryAccessibleInterface(window.library_pane.view)
    assert library.text(QAccessible.Text.Name) == "Library"
    cells = {library.child(i).text(QAccessible.Text.Name) for i in range(library.childCount())}
    row = window.library_model.row_of(article.id)
    assert row is not None
    assert window.library_model.index(row, 0).data() in cells  # the list says its titles
