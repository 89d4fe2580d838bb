"""Exporting the reader's highlights and notes to a file, and importing W3C annotations, from
the window (the same work as `reader annotations export|import`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.store.library import Library
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents

# File dialog filters and the format each stands for.
_FILTERS = {
    "md": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
    "w3c": "W3C Web Annotation JSON-LD (*.jsonld *.json)",
}
_SUFFIXES = {"md": ".md", "csv": ".csv", "w3c": ".jsonld"}


def export_notes(parent: QWidget, library: Library, article_id: int | None = None,
                 folder: Path | None = None) -> Path | None:
    """Ask where and in which format, then write the highlights and notes; the file written."""
    start = (folder or Path.home()) / "highlights.md"
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Export highlights and notes"), str(start), ";;".join(_FILTERS.values()))
    if not name:
        return None
    file_format = next((f for f, label in _FILTERS.items() if label == chosen), None)
    path = Path(name)
    if file_format is None:
        file_format = next((f for f, s in _SUFFIXES.items() if path.suffix == s), "md")
    if not path.suffix:
        path = path.with_suffix(_SUFFIXES[file_format])
    return write_notes(parent, library, path, file_format, article_id)


def write_notes(parent: QWidget, library: Library, path: Path, file_format: str,
                article_id: int | None = None) -> Path | None:
    """Write the highlights and notes to a file in a format; a message box when it fails."""
    from reader.operations.annotation_exchange import export_text

    text, count = export_text(library, file_format, article_id)
    try:
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        QMessageBox.warning(parent, _("Export highlights and notes"),
                            _("{path} cannot be written: {reason}").format(
                                path=path, reason=error.strerror))
        return None
    message = ngettext("{n} highlight written to {path}", "{n} highlights written to {path}",
                       count).format(n=count, path=path)
    _show_status(parent, message)
    return path


def import_notes(parent: QWidget, library: Library, events: LibraryEvents,
                 path: Path | None = None) -> str | None:
    """Ask for a W3C annotation file (unless given) and add its annotations; the report."""
    from reader.operations.annotation_exchange import (
        UnreadableAnnotations,
        import_w3c,
        read_w3c_file,
    )

    if path is None:
        name, _chosen = QFileDialog.getOpenFileName(
            parent, _("Import highlights"), str(Path.home()),
            _("W3C Web Annotation JSON-LD (*.jsonld *.json);;All files (*)"))
        if not name:
            return None
        path = Path(name)
    title = _("Import highlights")
    try:
        report = import_w3c(library, read_w3c_file(path))
    except (UnreadableAnnotations, ValueError) as error:
        QMessageBox.warning(parent, title, _("{path}: {reason}").format(path=path.name,
                                                                       reason=error))
        return None
    events.notes_changed.emit()
    lines = [_("Imported {imported}, already here {present}, kept without a place "
               "{orphaned}.").format(imported=report.imported, present=report.already_present,
                                     orphaned=report.orphaned)]
    problems = list(report.not_found) + list(report.invalid)
    if problems:
        lines.append(_("Not imported:"))
        lines.extend(problems[:20])
        if len(problems) > 20:
            lines.append(_("…and {n} more").format(n=len(problems) - 20))
    text = "\n".join(lines)
    if problems:
        QMessageBox.warning(parent, title, text)
    else:
        _show_status(parent, lines[0])
    return text


def _show_status(parent: QWidget, message: str) -> None:
    window = parent.window()
    status = getattr(window, "statusBar", None)
    if callable(status):
        status().showMessage(message, 8000)
