"""A message that offers one thing to do about it (Export…, Recover…), without blocking."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from reader.ui.plain_text import as_rich_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def offer(owner: QWidget, icon: QMessageBox.Icon, title: str, text: str, action: str,
          on_action: Callable[[], object]) -> QMessageBox:
    """Show `text` (plain text) with a button `action` and Close; `on_action` runs when the
    reader chooses it. The box is returned open (window-modal, not blocking the caller)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, as_rich_text(text), parent=owner)
    chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.finished.connect(lambda _result: on_action() if box.clickedButton() is chosen else None)
    box.open()
    return box
