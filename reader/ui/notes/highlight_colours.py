"""How the stored highlight colours look, and what the reader calls them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from reader.store.records import COLOUR_CSS
from reader.ui.i18n import _

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def highlight_colour(name: str, alpha: int = 255) -> QColor:
    """The colour a highlight of that name is drawn in (yellow for an unknown name)."""
    colour = QColor(COLOUR_CSS.get(name, COLOUR_CSS["yellow"]))
    colour.setAlpha(alpha)
    return colour


def swatch(colour: QColor, size: int = 14) -> QIcon:
    """A small square of a colour, for buttons and lists (menus and panels made after the
    first paint: the icon classes wait for them)."""
    from PySide6.QtGui import QIcon, QPixmap

    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


def colour_label(name: str) -> str:
    """The colour's name in the interface language."""
    labels = {"yellow": _("Yellow"), "green": _("Green"), "blue": _("Blue"),
              "pink": _("Pink"), "purple": _("Purple"), "orange": _("Orange")}
    return labels.get(name, name)
