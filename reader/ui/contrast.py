"""Colours a reader can read: WCAG contrast between text and what it is drawn on, and the text
colour to put on a highlight so that it stays readable on every theme."""

from __future__ import annotations

from PySide6.QtGui import QColor

AA_NORMAL_TEXT = 4.5  # WCAG 2 level AA for body text
DARK_TEXT = QColor("#161616")
LIGHT_TEXT = QColor("#f2f2f2")


def relative_luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black … 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two opaque colours (1 … 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def over(colour: QColor, base: QColor) -> QColor:
    """A translucent colour as it shows drawn over an opaque one."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(colour.redF() * alpha + base.redF() * (1 - alpha),
                           colour.greenF() * alpha + base.greenF() * (1 - alpha),
                           colour.blueF() * alpha + base.blueF() * (1 - alpha))


def readable_text_on(background: QColor, base: QColor, preferred: QColor) -> QColor:
    """The text colour for a highlight `background` drawn over the page colour `base`: the
    theme's own text colour when it is readable there, else dark or light text, whichever
    contrasts more."""
    shown = over(background, base)
    if contrast_ratio(preferred, shown) >= AA_NORMAL_TEXT:
        return preferred
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast_ratio(text, shown))
