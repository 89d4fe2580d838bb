"""What happens once the window has painted: the article it opens with, then the library's
upkeep. The window paints first; a long article takes tens of milliseconds to lay out, and a
window that shows up is worth more."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

Step = Callable[[], object]


class StartUp(QObject):
    """Watches a window for its first paint, then opens the first article (unless the reader
    already chose one) and runs the later steps, once."""

    def __init__(self, window: QWidget, open_first_article: Step, then: list[Step]) -> None:
        super().__init__(window)
        self._open_first_article: Step | None = open_first_article
        self._then = then
        self.pending = True
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.pending:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.run)
        return False

    def run(self) -> None:
        """Run the steps now (once), if nothing has run them yet."""
        if not self.pending:
            return
        self.pending = False
        if self._open_first_article is not None:
            self._open_first_article()
        for step in self._then:
            step()

    def article_chosen(self) -> None:
        """The reader opened an article before the first paint: no other is opened for them."""
        self._open_first_article = None


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, callback: Step) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, callback: Step) -> None:
    """Call back once the widget has painted next (work that would delay that paint waits)."""
    _NextPaint(widget, callback)
