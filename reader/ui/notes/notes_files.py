"""Exporting the reader's highlights and notes to a file, and importing W3C annotations, from
the window (the same work as `reader annotations export|import`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.operations.session import LibrarySession
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents
from reader.ui.plain_text import as_rich_text


def export_notes(parent: QWidget, library: LibrarySession, article_id: int | None = None,
                 folder: Path | None = None) -> Path | None:
    """Ask where and in which format, then write the highlights and notes; the file written."""
    from reader.formats.registry import ANNOTATIONS, save_filter, writer_for_file, writers

    default = writers(ANNOTATIONS)[0]
    start = (folder or Path.home()) / f"highlights{default.suffix}"
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Export highlights and notes"), str(start), save_filter(ANNOTATIONS, _))
    if not name:
        return None
    path = Path(name)
    file_format = writer_for_file(ANNOTATIONS, path, chosen, _) or default
    if not path.suffix:
        path = path.with_suffix(file_format.suffix)
    return write_notes(parent, library, path, file_format.name, article_id)


def write_notes(parent: QWidget, library: LibrarySession, path: Path, file_format: str,
                article_id: int | None = None) -> Path | None:
    """Write the highlights and notes to a file in a format; a message box when it fails."""
    content, count = library.export_notes(file_format, article_id)
    try:
        path.write_bytes(content)
    except OSError as error:
        QMessageBox.warning(parent, _("Export highlights and notes"),
                            as_rich_text(_("{path} cannot be written: {reason}").format(
                                path=path, reason=error.strerror)))
        return None
    message = ngettext("{n} highlight written to {path}", "{n} highlights written to {path}",
                       count).format(n=count, path=path)
    _show_status(parent, message)
    return path


def import_notes(parent: QWidget, library: LibrarySession, events: LibraryEvents,
                 path: Path | None = None) -> str | None:
    """Ask for a W3C annotation file (unless given) and add its annotations; the report."""
    from reader.formats.registry import ANNOTATIONS, read_back_filter
    from reader.operations.annotation_exchange import UnreadableAnnotations

    if path is None:
        name, _chosen = QFileDialog.getOpenFileName(
            parent, _("Import highlights"), str(Path.home()),
            read_back_filter(ANNOTATIONS, "w3c", _))
        if not name:
            return None
        path = Path(name)
    title = _("Import highlights")
    try:
        report, change = library.import_notes(path)
    except (UnreadableAnnotations, ValueError) as error:
        QMessageBox.warning(parent, title, as_rich_text(
            _("{path}: {reason}").format(path=path.name, reason=error)))
        return None
    events.announce(change)
    lines = [_("Imported {imported}, already here {present}, kept without a place "
               "{orphaned}.").format(imported=report.imported, present=report.already_present,
                                     orphaned=report.orphaned)]
    problems = list(report.not_found) + list(report.invalid) + list(report.conflicts)
    if problems:
        lines.append(_("Not imported:"))
        lines.extend(problems[:20])
        if len(problems) > 20:
            lines.append(_("…and {n} more").format(n=len(problems) - 20))
    text = "\n".join(lines)
    if problems:  # the file's ids and addresses shown as written, never as markup
        QMessageBox.warning(parent, title, as_rich_text(text))
    else:
        _show_status(parent, lines[0])
    return text


def _show_status(parent: QWidget, message: str) -> None:
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(message, 8000)
