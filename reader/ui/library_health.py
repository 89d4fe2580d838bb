"""The library's health, looked after once the window has painted: a library that cannot be
written is said to be read-only at once; the file's quick check runs in the background while
writes wait (the pending journal keeps them); a damaged file is never written and recovery is
offered; a daily backup is made when it is due."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.operations.session import LibrarySession
from reader.store import LibraryError
from reader.ui.background import BackgroundJob, ReportProgress, library_job, start_job
from reader.ui.i18n import _
from reader.ui.offer_box import offer
from reader.ui.plain_text import as_rich_text

if TYPE_CHECKING:
    from reader.operations.recovery import RecoveryReport


BACKUP_CHECK_MS = 60 * 60 * 1000
# A file unchanged since its last check is checked again (without holding writes) after a day.
RECHECK_SECONDS = 24 * 60 * 60


class LibraryHealth(QObject):
    """Checks the library file off the GUI thread and holds writes until it passes."""

    message = Signal(str)  # for the status bar
    checked = Signal(object)  # None: the file is sound; else the problem found
    writable_again = Signal()  # writes held for the check may go now

    def __init__(self, library: LibrarySession, owner: QWidget,
                 settings: QSettings | None = None) -> None:
        super().__init__(owner)
        self._library = library
        self._owner = owner
        self._settings = settings
        self._key = "libraries/" + str(library.path.resolve()).replace("/", "|") + "/checked"
        self.checking = False
        self.problem: str | None = None
        # The file is as this app left it after a check passed: writes need not wait.
        self.trusted = False
        self._passed = False
        # While the app runs, a daily backup is made when it is due (checked every hour).
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self._back_up_if_due)

    def hold_writes(self) -> None:
        """Hold every write of the window until the file's check passes (from the start: a
        damaged file must not be written even once), unless the file is exactly as this app
        left it after a check had passed (its size and time noted then): a large library
        takes a while to check (12 s at 100,000 articles) and writes need not wait for it."""
        if self._library.read_only:
            return
        noted = self._noted()
        self.trusted = noted is not None and noted[:2] == _fingerprint(self._library.path)
        if not self.trusted:
            self.checking = True
            self._library.hold_writes(_("the library is being checked"))

    def note_sound_file(self) -> None:
        """At close: note the file's size and time if its check passed this session, so that
        the next start need not hold writes while it checks."""
        if self._settings is None or not self._passed or self._library.read_only:
            return
        try:
            self._library.checkpoint()
        except LibraryError:
            return
        size, mtime = _fingerprint(self._library.path)
        self._settings.setValue(self._key, f"{size}:{mtime}:{int(time.time())}")

    def _noted(self) -> tuple[int, int, int] | None:
        if self._settings is None:
            return None
        try:
            size, mtime, when = (int(part) for part in str(self._settings.value(
                self._key, "")).split(":"))
        except ValueError:
            return None
        return size, mtime, when

    def start(self) -> None:
        """Check the file off the GUI thread; say at once when it is read-only."""
        if self._library.read_only:
            self.message.emit(_("This library is read-only ({reason}): you can read and export "
                                "it; new notes are kept to be saved later.").format(
                                    reason=self._library.read_only_reason))
            return
        if self.trusted:
            noted = self._noted()
            if noted is not None and time.time() - noted[2] < RECHECK_SECONDS:
                self._on_check_finished(None)  # checked within the day, unchanged since
                return
        path = self._library.path

        def work(_session: LibrarySession, _report: ReportProgress) -> str | None:
            checker = LibrarySession.open(path, read_only=True)
            try:
                return checker.quick_check()
            finally:
                checker.close()

        job = library_job(path, work)
        job.signals.finished.connect(self._on_check_finished)
        job.signals.failed.connect(self._on_check_failed)
        start_job(job)

    def _on_check_finished(self, problem: str | None) -> None:
        self.checking = False
        self.problem = problem
        self._passed = problem is None
        if problem is None:
            self._library.hold_writes(None)
            self.writable_again.emit()
            self._back_up_if_due()
            self._backups.start()
        else:
            self._library.hold_writes(_("the library is damaged: {problem}").format(
                problem=problem), damaged=True)
            self._say_damaged(problem)
        self.checked.emit(problem)

    def _on_check_failed(self, message: str) -> None:
        # The check itself could not run (the file went away, say): writes are not held on
        # a guess; the store reports any real trouble at the next write.
        self.checking = False
        self._library.hold_writes(None)
        self.writable_again.emit()
        self.message.emit(_("The library could not be checked: {message}").format(
            message=message))

    def _say_damaged(self, problem: str) -> None:
        self.damaged_box = offer(
            self._owner, QMessageBox.Icon.Critical, _("The library is damaged"), _(
                "{path} failed its check: {problem}\n\nNothing will be written to it: your new "
                "notes are kept beside it. Recover it into a new file (the damaged one is "
                "kept)?").format(path=self._library.path, problem=problem),
            _("Recover…"), self.recover)

    def recover(self) -> None:
        """Copy what can be read of the damaged file into a new one beside it."""
        path = self._library.path
        self.message.emit(_("Recovering the library…"))

        def work(_report: ReportProgress) -> RecoveryReport:
            # Not through a session: a damaged file may not even open as a library.
            from reader.operations.recovery import recover_library

            return recover_library(path)

        job = BackgroundJob(work)
        job.signals.finished.connect(self._on_recovered)
        job.signals.failed.connect(lambda message: self.message.emit(
            _("The library could not be recovered: {message}").format(message=message)))
        start_job(job)

    def _on_recovered(self, report: RecoveryReport) -> None:
        self.message.emit(_("Recovered into {path}: open it with reader --db.").format(
            path=report.path))
        QMessageBox.information(self._owner, _("Library recovered"), as_rich_text(_(
            "What could be read is in\n{path}\n({documents} documents, {notes} highlights, "
            "{bookmarks} bookmarks)\n\nOpen it with: reader --db \"{path}\". The damaged file "
            "is kept as it was.").format(path=report.path, documents=report.documents,
                                         notes=report.annotations, bookmarks=report.bookmarks)))

    def _back_up_if_due(self) -> None:
        if self.problem is not None:
            return
        def work(session: LibrarySession, _report: ReportProgress) -> Path | None:
            return session.backup_if_due()

        start_job(library_job(self._library.path, work))


def _fingerprint(path: Path) -> tuple[int, int]:
    """The library file's size and modification time (nanoseconds); (-1, -1) if unreadable."""
    try:
        status = os.stat(path)
    except OSError:
        return -1, -1
    return status.st_size, status.st_mtime_ns
