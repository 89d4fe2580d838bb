"""Help → Copy diagnostics: what a bug report needs, on the clipboard, nothing private beyond
the library's path."""

from __future__ import annotations

import locale
import platform

from PySide6.QtGui import QGuiApplication

from reader import APP_NAME, __version__
from reader.error_log import last_lines, log_path
from reader.operations.session import LibrarySession


def diagnostics_text(library: LibrarySession, waiting_writes: int) -> str:
    """Versions, the library's file, writes waiting, and the end of the error log."""
    import PySide6
    from PySide6.QtCore import qVersion

    path = library.path
    try:
        size = f"{path.stat().st_size:,} bytes"
    except OSError as error:
        size = f"cannot be read ({error.strerror})"
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__}",
        f"System: {platform.platform()} · locale {locale.getlocale()[0]}",
        f"Library: {path} ({size})",
        f"Changes waiting to be saved: {waiting_writes}",
        f"Error log: {log_path()}",
        "",
        "End of the error log:",
        *(last_lines() or ["(empty)"]),
    ]
    return "\n".join(lines)


def copy_diagnostics(library: LibrarySession, waiting_writes: int) -> str:
    """Put the diagnostics on the clipboard; the text copied."""
    text = diagnostics_text(library, waiting_writes)
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
    return text
