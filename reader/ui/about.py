"""The About box: the app, Qt and Python versions."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reader import APP_NAME, __version__
from reader.ui.i18n import _


def about_text() -> str:
    """What the About box says."""
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        f"<p>{_('A reader for multilingual news: articles next to their translations.')}</p>"
        f"<p>Qt {qVersion()} · PySide6 {PySide6.__version__} · "
        f"Python {platform.python_version()}</p>"
    )


def show_about(parent: QWidget) -> None:
    """Show the About box."""
    QMessageBox.about(parent, _("About {app}").format(app=APP_NAME), about_text())
