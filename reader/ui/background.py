"""The one helper for slow work off the GUI thread: a runnable that reports through signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.error_log import log_error
from reader.operations.progress import CancelToken, ReportProgress
from reader.operations.session import LibrarySession

__all__ = ["BackgroundJob", "ReportProgress", "library_job", "start_job"]


class JobSignals(QObject):
    """What a background job tells the GUI thread; connected slots run in the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class BackgroundJob(QRunnable):
    """Runs `work(report_progress)` on the thread pool; never touches widgets. `cancel` asks
    the work (through `cancel_token`) to stop at its next step."""

    def __init__(self, work: Callable[[ReportProgress], Any]) -> None:
        super().__init__()
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self._work = work
        self.setAutoDelete(True)

    def cancel(self) -> None:
        """Ask the work to stop; what it finished stays."""
        self.cancel_token.cancel()

    def run(self) -> None:
        """Do the work and report its result or its error."""
        try:
            try:
                result = self._work(self.signals.progress.emit)
            except Exception as error:  # a job must never take the app down
                log_error("a background job failed", error)
                self.signals.failed.emit(f"{type(error).__name__}: {error}")
            else:
                self.signals.finished.emit(result)
        except RuntimeError:  # the app quit while the job ran: nobody is left to tell
            pass


def library_job(path: Path, work: Callable[[LibrarySession, ReportProgress], Any]
                ) -> BackgroundJob:
    """A job that works on a library file through a session of its own (an SQLite
    connection belongs to one thread; the file is in WAL mode, so the window keeps reading)."""

    def run(report: ReportProgress) -> Any:
        session = LibrarySession.open(path)
        try:
            return work(session, report)
        finally:
            session.close()

    return BackgroundJob(run)


def start_job(job: BackgroundJob) -> None:
    """Queue a job on the application's thread pool."""
    QThreadPool.globalInstance().start(job)
