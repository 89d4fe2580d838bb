"""What happens once the window has painted: the library's upkeep (its check, the daily
backup, loading what writes use). The first paint itself is complete: the window opens its
article before it is shown, so that the text is on screen in the same paint as the frame."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

Step = Callable[[], object]


class StartUp(QObject):
    """Watches a window for its first paint, then runs the later steps, once."""

    def __init__(self, window: QWidget, then: list[Step]) -> None:
        super().__init__(window)
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
        for step in self._then:
            step()
