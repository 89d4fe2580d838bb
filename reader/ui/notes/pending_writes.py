"""Notes that could not be stored yet: kept in the pending journal at once, the reader told,
stored in the background as soon as the library can be written (also after a restart)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reader.operations.changes import LibraryChange
from reader.operations.pending import PendingJournal, PendingWrite
from reader.operations.session import LibrarySession
from reader.store import WriteFailed
from reader.ui.background import ReportProgress, library_job, start_job
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents
from reader.ui.offer_box import offer

RETRY_MS = 5000


class PendingWrites(QObject):
    """Keeps failed writes in the journal, tells the reader, and stores them later."""

    waiting_changed = Signal(int)  # how many writes wait (0: all stored)
    message = Signal(str)  # for the status bar

    def __init__(self, library: LibrarySession, events: LibraryEvents, owner: QWidget,
                 fallback_folder: Path | None = None) -> None:
        super().__init__(owner)
        self._library = library
        self._events = events
        self._owner = owner
        self.journal = PendingJournal(library.path, fallback_folder)
        self.read_only_for_good = False
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.store_now)
        events.write_failed.connect(self._on_events_write_failed)

    def waiting(self) -> int:
        """How many writes wait in the journal."""
        return self.journal.count()

    def start(self) -> None:
        """Store what an earlier session left waiting (after the first paint)."""
        count = self.waiting()
        self.waiting_changed.emit(count)
        if count:
            self.store_now()

    def store_now(self) -> None:
        """Try to store the waiting writes, off the GUI thread (the library may be busy)."""
        if self._replaying or not self.waiting():
            self._timer.stop()
            return
        self._replaying = True
        journal = self.journal

        def work(library: LibrarySession,
                 _report: ReportProgress) -> tuple[int, LibraryChange, str | None]:
            return library.replay_pending(journal)

        job = library_job(self._library.path, work)
        job.signals.finished.connect(self._on_replay_finished)
        job.signals.failed.connect(self._on_replay_failed)
        start_job(job)

    def _on_events_write_failed(self, writes: list[PendingWrite], error: WriteFailed) -> None:
        from PySide6.QtWidgets import QMessageBox

        try:
            for write in writes:
                self.journal.add(write)
        except OSError as journal_error:
            QMessageBox.critical(self._owner, _("Not saved"), _(
                "{what} could not be saved in the library ({reason}), nor kept to be saved "
                "later ({journal_reason}). Copy your note before closing.").format(
                what=_describe(writes), reason=error.reason,
                journal_reason=journal_error.strerror or journal_error))
            return
        if error.lasting:
            self._say_read_only(error)
        else:
            self._timer.start()
        self.waiting_changed.emit(self.waiting())
        self.message.emit(_("{what} could not be saved now ({reason}); it is kept and will be "
                            "saved as soon as the library can be written.").format(
                            what=_describe(writes), reason=error.reason))

    def _say_read_only(self, error: WriteFailed) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.read_only_for_good:
            return
        self.read_only_for_good = True
        self.read_only_box = offer(
            self._owner, QMessageBox.Icon.Warning, _("The library cannot be written"), _(
                "{reason}\n\nWhat you made is kept in {journal} and will be stored when the "
                "library can be written again. You can export your highlights and notes now."
            ).format(reason=error.reason, journal=self.journal.path),
            _("Export highlights and notes…"), self._export_notes)

    def _export_notes(self) -> None:
        from reader.ui.notes.notes_files import export_notes

        export_notes(self._owner, self._library)

    def _on_replay_finished(self, result: tuple[int, LibraryChange, str | None]) -> None:
        self._replaying = False
        done, change, still = result
        self._events.announce(change)
        count = self.waiting()
        self.waiting_changed.emit(count)
        if done:
            self.message.emit(ngettext("{n} kept change saved in the library",
                                       "{n} kept changes saved in the library",
                                       done).format(n=done))
        if count and still is not None:
            self._timer.start()
        else:
            self._timer.stop()

    def _on_replay_failed(self, message: str) -> None:
        self._replaying = False
        self.message.emit(_("Kept changes not saved yet: {message}").format(message=message))
        self._timer.start()


def _describe(writes: list[PendingWrite]) -> str:
    if len(writes) == 1:
        return {"add_annotation": _("Your highlight"), "restore_annotation": _("Your highlight"),
                "update_annotation": _("Your change to a highlight"),
                "delete_annotation": _("The deletion of a highlight"),
                "add_bookmark": _("Your bookmark"), "restore_bookmark": _("Your bookmark"),
                "delete_bookmark": _("The removal of a bookmark"),
                "set_starred": _("Your star")}[writes[0].kind]
    return ngettext("{n} change", "{n} changes", len(writes)).format(n=len(writes))
