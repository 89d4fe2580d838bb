"""The library's health, looked after once the window has painted: a library that cannot be
written is said to be read-only at once; the file's quick check runs in the background while
writes wait (the pending journal keeps them); a damaged file is never written and recovery is
offered; a daily backup is made when it is due."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

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

    def __init__(self, library: LibrarySession, owner: QWidget) -> None:
        super().__init__(owner)
        self._library = library
        self._owner = owner
        self.checking = False
        self.problem: str | None = None
        # The file is as this app (window or command line) left it after a check passed:
        # writes need not wait.
        self.trusted = False
        # While the app runs, a daily backup is made when it is due (checked every hour).
        self._backups = QTimer(self)
        self._backups.setInterval(BACKUP_CHECK_MS)
        self._backups.timeout.connect(self._back_up_if_due)

    def hold_writes(self) -> None:
        """Hold every write of the window until the file's check passes (from the start: a
        damaged file must not be written even once), unless the file is known to be sound:
        exactly as this app, the window or `reader import` alike, left it after a check had
        passed (`reader.store.soundness`). A large library takes a while to check (26 s from
        a cold disk at 100,000 articles) and writes need not wait for it then."""
        if self._library.read_only:
            return
        self.trusted = self._library.sound_since is not None
        if not self.trusted:
            self.checking = True
            self._library.hold_writes(_("the library is being checked"))

    def note_sound_file(self) -> None:
        """At close: note the file's size and time beside it if it is known to be sound, so
        that the next start need not hold writes while it checks."""
        if self.problem is None and not self.checking:
            try:
                self._library.note_sound()
            except LibraryError:
                return

    def start(self) -> None:
        """Check the file off the GUI thread; say at once when it is read-only."""
        if self._library.read_only:
            self.message.emit(_("This library is read-only ({reason}): you can read and export "
                                "it; new notes are kept to be saved later.").format(
                                    reason=self._library.read_only_reason))
            return
        sound_since = self._library.sound_since
        if sound_since is not None and time.time() - sound_since < RECHECK_SECONDS:
            self._passed(checked_now=False)  # checked within the day, unchanged since
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

    def _passed(self, checked_now: bool) -> None:
        self.checking = False
        self.problem = None
        if checked_now:
            self._library.mark_sound()
        self._library.hold_writes(None)
        self.writable_again.emit()
        self._back_up_if_due()
        self._backups.start()
        self.checked.emit(None)

    def _on_check_finished(self, problem: str | None) -> None:
        if problem is None:
            self._passed(checked_now=True)
            return
        self.checking = False
        self.problem = problem
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
        from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtWidgets import QMessageBox

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
