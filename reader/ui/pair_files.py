"""File → Export translation pair…: the article shown, its two columns' languages, written
as TMX, XLIFF, TSV, HTML or DOCX (the same work as `reader export-pair`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.operations.session import LibrarySession
from reader.ui.i18n import _, ngettext
from reader.ui.library_events import LibraryEvents
from reader.ui.plain_text import as_rich_text


def export_pair(parent: QWidget, library: LibrarySession, events: LibraryEvents,
                article_id: int, languages: list[str] | None = None,
                folder: Path | None = None) -> Path | None:
    """Ask where and in which format, then write the pair; the file written."""
    from reader.formats.registry import TRANSLATION_PAIR, save_filter, writer_for_file, writers

    default = writers(TRANSLATION_PAIR)[0]
    start = (folder or Path.home()) / f"translation-pair-{article_id}{default.suffix}"
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Export translation pair"), str(start), save_filter(TRANSLATION_PAIR, _))
    if not name:
        return None
    path = Path(name)
    file_format = writer_for_file(TRANSLATION_PAIR, path, chosen, _) or default
    if not path.suffix:
        path = path.with_suffix(file_format.suffix)
    return write_pair(parent, library, events, path, file_format.name, article_id, languages)


def write_pair(parent: QWidget, library: LibrarySession, events: LibraryEvents, path: Path,
               file_format: str, article_id: int,
               languages: list[str] | None = None) -> Path | None:
    """Write an article's pair to a file in a format (announcing its alignment when it had to
    be aligned first); a message box when it cannot."""
    from reader.operations.pair_export import NoPair

    title = _("Export translation pair")
    try:
        content, rows, change = library.export_pair(article_id, file_format, languages)
    except NoPair as error:
        QMessageBox.information(parent, title, as_rich_text(str(error)))
        return None
    if change:
        events.announce(change)
    try:
        path.write_bytes(content)
    except OSError as error:
        QMessageBox.warning(parent, title, as_rich_text(
            _("{path} cannot be written: {reason}").format(path=path, reason=error.strerror)))
        return None
    status = getattr(parent.window(), "statusBar", None)
    if callable(status):
        status().showMessage(ngettext("{n} aligned row written to {path}",
                                      "{n} aligned rows written to {path}", rows).format(
                                          n=rows, path=path), 8000)
    return path
