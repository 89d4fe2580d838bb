"""Imports from the menu: off the GUI thread, with progress, cancel and a report at the end."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from reader.operations.changes import EVERYTHING
from reader.operations.file_reading import printable
from reader.operations.progress import CancelToken
from reader.operations.session import LibrarySession
from reader.store import ImportResult, ImportStatus
from reader.ui.background import BackgroundJob, ReportProgress, start_job
from reader.ui.i18n import _, describe_import, ngettext
from reader.ui.library_events import LibraryEvents
from reader.ui.plain_text import as_rich_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

# Imports of more files than this show a progress dialog; smaller ones finish too fast to watch.
PROGRESS_DIALOG_ABOVE = 3


class ImportController(QObject):
    """Runs one import at a time in the background and reports what happened."""

    import_finished = Signal(object)

    def __init__(self, library_path: Path, events: LibraryEvents, window: QWidget) -> None:
        super().__init__(window)
        self._library_path = library_path
        self._events = events
        self._window = window
        self._cancel = CancelToken()
        self._running = False
        self.progress_dialog: QProgressDialog | None = None  # while an import runs
        self.report_box: QMessageBox | None = None

    @property
    def running(self) -> bool:
        """Whether an import is under way."""
        return self._running

    def import_paths(self, paths: list[Path]) -> bool:
        """Start importing files and folders; False if another import is still running."""
        from PySide6.QtWidgets import QMessageBox

        if self._running:
            QMessageBox.information(self._window, _("Import"),
                                    _("An import is already running. Wait for it to finish."))
            return False
        self._running = True
        self._cancel = CancelToken()
        job = BackgroundJob(lambda report: self._work(paths, report))
        job.signals.progress.connect(self._on_job_progress)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        start_job(job)
        return True

    def import_address(self, address: str) -> bool:
        """Start fetching and importing a web page, with progress and Cancel; False if
        another import is still running."""
        from PySide6.QtWidgets import QMessageBox

        if self._running:
            QMessageBox.information(self._window, _("Import"),
                                    _("An import is already running. Wait for it to finish."))
            return False
        self._running = True
        self._cancel = CancelToken()
        self._show_fetching(address)
        job = BackgroundJob(lambda report: self._fetch(address, report))
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        start_job(job)
        return True

    def _fetch(self, address: str, report: ReportProgress) -> list[ImportResult]:
        session = LibrarySession.open(self._library_path)
        try:
            return session.import_address(address, report, self._cancel)[0]
        finally:
            session.close()

    def _show_fetching(self, address: str) -> None:
        # No steps known: a busy bar.
        self._open_progress_dialog(_("Open address"),
                                   _("Fetching {address}…").format(address=address), 0).show()

    def _open_progress_dialog(self, title: str, label: str, steps: int) -> QProgressDialog:
        """The window-modal progress of this import, whose Cancel cancels it."""
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(label, _("Cancel"), 0, steps, self._window)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.cancel)
        self.progress_dialog = dialog
        return dialog

    def _work(self, paths: list[Path], report: ReportProgress) -> list[ImportResult]:
        session = LibrarySession.open(self._library_path)
        try:
            return session.import_paths(paths, report, self._cancel)[0]
        finally:
            session.close()

    def _on_job_progress(self, done: int, total: int, name: str) -> None:
        if total <= PROGRESS_DIALOG_ABOVE or not self._running:
            return
        dialog = self.progress_dialog or self._open_progress_dialog(
            _("Import"), _("Importing…"), total)
        dialog.setMaximum(total)
        dialog.setLabelText(
            _("Importing {done} of {total}: {name}").format(
                done=min(done + 1, total), total=total, name=name)
        )
        dialog.setValue(done)  # may process events, even this job's end: touch nothing after

    def _on_job_finished(self, results: list[ImportResult]) -> None:
        self._finish()
        self._events.announce(EVERYTHING)
        self.import_finished.emit(results)
        self._show_report(results)

    def _on_job_failed(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._finish()
        self._events.announce(EVERYTHING)
        QMessageBox.critical(self._window, _("Import failed"), as_rich_text(message))

    def _finish(self) -> None:
        self._running = False
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self._cancel.cancel)  # closing is not cancelling
            dialog.close()
            dialog.deleteLater()

    def _show_report(self, results: list[ImportResult]) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._window)
        box.setWindowTitle(_("Import finished"))
        box.setText(summarise(results, cancelled=self._cancel.cancelled()))
        # A file name that is not UTF-8 is shown with its bytes escaped (\xff).
        problems = [printable(describe_import(r.status, str(r.path), r.reason))
                    for r in results if r.status is not ImportStatus.IMPORTED]
        if problems:
            box.setDetailedText("\n".join(problems))
        failed = any(r.status is ImportStatus.FAILED for r in results)
        box.setIcon(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information)
        self.report_box = box
        box.open()


def summarise(results: list[ImportResult], cancelled: bool = False) -> str:
    """"3 files imported, 1 duplicate skipped, 2 failed." in the interface language."""
    counts = Counter(result.status for result in results)
    parts = [
        ngettext("{n} file imported", "{n} files imported",
                 counts[ImportStatus.IMPORTED]).format(n=counts[ImportStatus.IMPORTED]),
    ]
    if counts[ImportStatus.UPDATED]:
        parts.append(ngettext("{n} updated", "{n} updated",
                              counts[ImportStatus.UPDATED]).format(n=counts[ImportStatus.UPDATED]))
    if counts[ImportStatus.DUPLICATE]:
        parts.append(ngettext("{n} duplicate skipped", "{n} duplicates skipped",
                              counts[ImportStatus.DUPLICATE]).format(
                                  n=counts[ImportStatus.DUPLICATE]))
    if counts[ImportStatus.FAILED]:
        parts.append(ngettext("{n} failed", "{n} failed",
                              counts[ImportStatus.FAILED]).format(n=counts[ImportStatus.FAILED]))
    text = ", ".join(parts) + "."
    return (_("Import cancelled.") + " " + text) if cancelled else text
