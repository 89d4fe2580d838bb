"""Help (F1): how to read with the app, and every keyboard shortcut, read from the window's
own menus so that the list is always true."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import _


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) of every menu action that has a shortcut, in menu order."""
    found: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, f"{path} → {_plain(action)}")
                continue
            keys = ", ".join(shortcut.toString(QKeySequence.SequenceFormat.NativeText)
                             for shortcut in action.shortcuts())
            if keys:
                found.append((path, _plain(action), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(top))
    return found


def other_keys() -> list[tuple[str, str, str]]:
    """Keys that act where the keyboard is, without a menu entry."""
    text, library, find = _("Article text"), _("Library"), _("Find bar")
    return [
        (text, _("Previous or next row, both languages lit"), _keys("Up", "Down")),
        (text, _("Larger or smaller text"),
         # Translators: Ctrl held while turning the mouse wheel
         _("Ctrl+wheel")),
        (library, _("Open the previous or next article"), _keys("Up", "Down")),
        (library, _("Delete the article (Undo brings it back)"), _keys("Del")),
        (find, _("Next or previous match"), _keys("Enter", "Shift+Enter", "F3", "Shift+F3")),
        (find, _("Close the find bar"), _keys("Esc")),
        (_("Focus mode"), _("Leave focus mode"), _keys("Esc")),
    ]


def _keys(*names: str) -> str:
    """Key names as the keyboard's labels say them, in the interface language (Qt's own
    translations: "Supr" for Del in Spanish)."""
    return ", ".join(QKeySequence(name).toString(QKeySequence.SequenceFormat.NativeText)
                     for name in names)


def help_html(window: QMainWindow) -> str:
    """The help page: a few words on reading, then the shortcuts."""
    rows = "".join(f"<tr><td>{escape(menu)}</td><td>{escape(action)}</td>"
                   f"<td><b>{escape(keys)}</b></td></tr>"
                   for menu, action, keys in [*menu_shortcuts(window), *other_keys()])
    intro = escape(_(
        "Choose an article in the library on the left; it opens beside its translation, "
        "sentence by sentence. Select text and press Ctrl+H to highlight it, Ctrl+Shift+H to "
        "add a note, Ctrl+B to bookmark a sentence. The sidebar lists the figures the article "
        "reports and where its translation differs. F6 goes from pane to pane."))
    title, shortcuts = escape(_("Reading with Parallel Reader")), escape(_("Keyboard shortcuts"))
    where, what, keys = escape(_("Where")), escape(_("What")), escape(_("Keys"))
    return (f"<h2>{title}</h2><p>{intro}</p>"
            f"<h3>{shortcuts}</h3>"
            f"<table cellspacing='0' cellpadding='4'><tr><th align='left'>"
            f"{where}</th><th align='left'>{what}</th>"
            f"<th align='left'>{keys}</th></tr>{rows}</table>")


class HelpWindow(QDialog):
    """The help page in a window of its own (not modal: the reader can try the keys)."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(_("Parallel Reader Help"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("Help"))
        self.browser.setHtml(help_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 560)


def _plain(action: QAction) -> str:
    """An action's text without its mnemonic ampersand."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
