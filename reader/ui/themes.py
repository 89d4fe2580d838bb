"""The window's themes: the system's own light or dark scheme (followed live as it changes),
or a chosen light, dark or sepia palette; remembered between sessions."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_KEY = "window/theme"


class Theme(StrEnum):
    """The themes a reader can choose."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    SEPIA = "sepia"


def palette_of(theme: Theme, system: QPalette) -> QPalette:
    """The palette a theme paints the window with (`system`: the style's own)."""
    if theme == Theme.SYSTEM:
        return QPalette(system)
    colours = {
        Theme.LIGHT: ("#f5f5f5", "#ffffff", "#1b1b1b", "#e8e8e8", "#2f6fcf", "#ffffff"),
        Theme.DARK: ("#2b2b2b", "#1e1e1e", "#e6e6e6", "#3a3a3a", "#3d7bd9", "#ffffff"),
        Theme.SEPIA: ("#eadfc8", "#f4ecd8", "#3b2f22", "#e0d2b4", "#8a5a2b", "#ffffff"),
    }[theme]
    window, base, text, button, highlight, highlighted_text = (QColor(c) for c in colours)
    palette = QPalette(window)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, window)
        palette.setColor(group, QPalette.ColorRole.WindowText, text)
        palette.setColor(group, QPalette.ColorRole.Base, base)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, button)
        palette.setColor(group, QPalette.ColorRole.Text, text)
        palette.setColor(group, QPalette.ColorRole.Button, button)
        palette.setColor(group, QPalette.ColorRole.ButtonText, text)
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        palette.setColor(group, QPalette.ColorRole.ToolTipText, text)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(text).darker(
            140) if theme != Theme.DARK else QColor(text).darker(170))
        palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, highlighted_text)
        palette.setColor(group, QPalette.ColorRole.Link, highlight)
    disabled = QColor(text)
    disabled.setAlpha(110)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class Themes(QObject):
    """Applies the chosen theme to the application and follows the system's scheme."""

    changed = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        self._system = QPalette(app.palette())
        stored = None if settings is None else settings.value(THEME_KEY)
        try:
            self.theme = Theme(str(stored)) if stored else Theme.SYSTEM
        except ValueError:
            self.theme = Theme.SYSTEM
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        if self.theme != Theme.SYSTEM:
            self._apply()

    def choose(self, theme: Theme) -> None:
        """Paint the window in this theme from now on."""
        self.theme = theme
        if self._settings is not None:
            self._settings.setValue(THEME_KEY, theme.value)
        self._apply()

    def is_dark(self) -> bool:
        """Whether the window is painted light text on dark."""
        palette = self._app.palette()
        return (palette.color(QPalette.ColorRole.Base).lightness()
                < palette.color(QPalette.ColorRole.Text).lightness())

    def _apply(self) -> None:
        self._app.setPalette(palette_of(self.theme, self._system))
        self.changed.emit(self.theme.value)

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.theme == Theme.SYSTEM:
            # The style has a new palette for the new scheme: take it as the system's.
            self._system = QPalette(self._app.style().standardPalette())
            self._apply()
