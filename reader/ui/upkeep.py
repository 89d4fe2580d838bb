"""Work the library needs after an upgrade of the app, done in the background once the window
has painted: figures found again by a newer extractor, then the translations checked again
whose "translations differ" flag is unchecked or was set by an older check (and any later
analysis of the kind)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.operations.changes import LibraryChange
from reader.operations.progress import CancelToken
from reader.operations.session import LibrarySession
from reader.ui.background import ReportProgress, library_job, start_job
from reader.ui.i18n import _
from reader.ui.library_events import LibraryEvents


class LibraryUpkeep(QObject):
    """Brings stored analyses up to date off the GUI thread and announces what changed."""

    message = Signal(str)  # what is being done, for the status bar ("" when done)

    def __init__(self, library: LibrarySession, events: LibraryEvents,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._events = events
        self.running = False
        self._cancel = CancelToken()

    def stop(self) -> None:
        """Ask running work to stop at its next step (the window is closing); the rest is
        done next time."""
        self._cancel.cancel()

    def start(self) -> None:
        """Refresh whatever an older version of the app left behind (nothing if all is new)."""
        if self.running:
            return
        figures = self._library.figures_stale()
        if not figures and not self._library.translation_flags_stale():
            return
        self.running = True
        cancel = self._cancel = CancelToken()
        self.message.emit(_("Finding figures in the library…") if figures
                          else _("Checking the figures of every translation…"))

        def work(library: LibrarySession, report: ReportProgress) -> LibraryChange:
            # New figures leave their articles' flags unchecked: the check comes after.
            change = library.refresh_figures(report, cancel) if figures else LibraryChange()
            return change | library.refresh_translation_flags(report, cancel)

        job = library_job(self._library.path, work)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        start_job(job)

    def _on_job_finished(self, change: LibraryChange) -> None:
        self.running = False
        self.message.emit("")
        self._events.announce(change)

    def _on_job_failed(self, message: str) -> None:
        self.running = False
        self.message.emit(_("Could not bring the library up to date: {message}").format(
            message=message))
