"""How the stored highlight colours look, and what the reader calls them."""

from __future__ import annotations

from PySide6.QtGui import QColor

from reader.store import COLOURS
from reader.ui.i18n import _

# Light enough for black text on top; the same hue, fainter, marks the counterpart sentence.
_LOOKS = {
    "yellow": "#fff176",
    "green": "#aed581",
    "blue": "#81d4fa",
    "pink": "#f8bbd0",
    "purple": "#ce93d8",
    "orange": "#ffcc80",
}


def highlight_colour(name: str, alpha: int = 255) -> QColor:
    """The colour a highlight of that name is drawn in (yellow for an unknown name)."""
    colour = QColor(_LOOKS.get(name, _LOOKS["yellow"]))
    colour.setAlpha(alpha)
    return colour


def colour_label(name: str) -> str:
    """The colour's name in the interface language."""
    labels = {"yellow": _("Yellow"), "green": _("Green"), "blue": _("Blue"),
              "pink": _("Pink"), "purple": _("Purple"), "orange": _("Orange")}
    return labels.get(name, name)


assert set(_LOOKS) == set(COLOURS), "every stored colour needs a look"
