"""The size of a scroll area's viewport without PySide6's first-viewport cost.

The first time Python is handed a widget that Qt made itself and whose class is plain QWidget
(a scroll area's viewport, `viewport()`), PySide6 has to find out which of its classes the
widget is: it creates every widget class of QtWidgets not created yet, with all of their
enums, about 65 classes and 10-13 ms on this machine (`benchmarks/startup_phases.py`). The
first paint needs none of them, only the viewport's size, which the scroll area tells. (A
viewport made in Python would be known at once, but QTextEdit does not take another one: it
crashes.) What runs after the first paint may ask for the viewport as it likes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractScrollArea


def viewport_size(area: QAbstractScrollArea) -> QSize:
    """The size of `area`'s viewport, read without asking for the viewport: the area inside
    its frame less the scroll bars that show (no viewport margins are set in this project)."""
    inside = area.contentsRect()
    width, height = inside.width(), inside.height()
    vertical = area.verticalScrollBar()
    if vertical.isVisibleTo(area):
        width -= vertical.width()
    horizontal = area.horizontalScrollBar()
    if horizontal.isVisibleTo(area):
        height -= horizontal.height()
    return QSize(max(0, width), max(0, height))
