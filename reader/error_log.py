"""The error log: every error the app meets, with its traceback, in a file in the user's data
folder (never shown raw to the reader; Help → Copy diagnostics puts its end on the clipboard)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

import platformdirs

LOGGER_NAME = "reader"
LOG_FILE_NAME = "reader.log"
MAX_BYTES = 1_000_000
BACKUPS = 2


def log_path() -> Path:
    """Where the log file lives (the user's data folder; READER_LOG_DIR overrides it)."""
    import os

    folder = os.environ.get("READER_LOG_DIR") or platformdirs.user_data_dir(
        "parallel-reader", appauthor=False)
    return Path(folder) / LOG_FILE_NAME


def logger() -> logging.Logger:
    """The app's logger (writes nowhere until `start_logging`)."""
    return logging.getLogger(LOGGER_NAME)


def start_logging() -> Path | None:
    """Send the app's errors to the log file, rotated at 1 MB; the file, or None when it cannot
    be written (the app goes on without it)."""
    path = log_path()
    log = logger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in log.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def log_error(message: str, error: BaseException | None = None) -> None:
    """Write an error and its traceback to the log."""
    if error is None:
        logger().error(message)
    else:
        logger().error(message, exc_info=(type(error), error, error.__traceback__))


def log_uncaught(kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
    """For sys.excepthook: an error nobody caught goes to the log (and to stderr as before)."""
    logger().error("uncaught error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)


def last_lines(count: int = 60) -> list[str]:
    """The end of the log, for a bug report."""
    try:
        return log_path().read_text(encoding="utf-8", errors="replace").splitlines()[-count:]
    except OSError:
        return []
