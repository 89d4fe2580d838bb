"""User text (notes, quotes, titles, tags, file names) shown in places Qt reads as rich text.

A tooltip, a message box or a label takes a string that "looks like" HTML as rich text: a note
holding `<img src="file:///…">` would load that image, and `<b>` would change the tooltip.
What the reader or a file wrote is therefore turned into rich text that shows exactly it.
"""

from __future__ import annotations

from PySide6.QtGui import Qt


def as_rich_text(text: str) -> str:
    """Plain text as Qt rich text showing exactly it: markup escaped, line ends kept, long
    lines wrapped (Qt.convertFromPlainText)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """`html.escape(text)`: the markup characters and both quotes as entities (written here:
    importing `html` loads its table of 2,000 entities, a millisecond or two of the start)."""
    return text.translate(_ESCAPES)


def as_menu_text(text: str) -> str:
    """Plain text for a menu entry or button: an `&` shows as itself, not as a shortcut."""
    return text.replace("&", "&&")
