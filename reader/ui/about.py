"""The About box: the app's version, its data folder and library, Qt and Python versions."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reader import APP_NAME, __version__
from reader.locations import default_library_path
from reader.ui.i18n import _


def data_folder() -> Path:
    """Where the reader keeps its library, backups, pending notes and error log by default."""
    return default_library_path().parent


def about_text(library_path: Path | None = None) -> str:
    """What the About box says."""
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    lines = [_("Version {version}").format(version=__version__),
             _("Data folder: {folder}").format(folder=escape(str(data_folder())))]
    if library_path is not None:
        lines.append(_("Library: {file}").format(file=escape(str(library_path))))
    summary = _("A reader for multilingual news: articles next to their translations.")
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        f"<p>{summary}</p>"
        f"<p>{'<br>'.join(lines)}</p>"
        f"<p>Qt {qVersion()} · PySide6 {PySide6.__version__} · "
        f"Python {platform.python_version()}</p>"
    )


def show_about(parent: QWidget, library_path: Path | None = None) -> None:
    """Show the About box."""
    QMessageBox.about(parent, _("About {app}").format(app=APP_NAME), about_text(library_path))
