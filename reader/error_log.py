"""The error log: every error the app meets, with its traceback, in a file in the user's data
folder (never shown raw to the reader; Help → Copy diagnostics puts its end on the clipboard)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from reader.locations import user_data_folder

LOGGER_NAME = "reader"
LOG_FILE_NAME = "reader.log"
MAX_BYTES = 1_000_000
BACKUPS = 2


def log_path() -> Path:
    """Where the log file lives (the user's data folder; READER_LOG_DIR overrides it)."""
    folder = os.environ.get("READER_LOG_DIR")
    return (Path(folder) if folder else user_data_folder()) / LOG_FILE_NAME


def logger() -> logging.Logger:
    """The app's logger (writes nowhere until `start_logging`)."""
    return logging.getLogger(LOGGER_NAME)


def start_logging() -> Path | None:
    """Send the app's errors to the log file, rotated at 1 MB; the file, or None when it cannot
    be written (the app goes on without it)."""
    path = log_path()
    log = logger()
    if any(isinstance(h, RotatingLog) for h in log.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class RotatingLog(logging.FileHandler):
    """The log file, moved to `reader.log.1` (and `.1` to `.2`) before it grows past MAX_BYTES.

    What logging.handlers.RotatingFileHandler does, without loading that module (and socket,
    pickle, queue) at every start: the log is written only when something goes wrong."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
            path = Path(self.baseFilename)
            size = path.stat().st_size if path.exists() else 0
            if size and size + len(line.encode("utf-8")) + 1 > MAX_BYTES:
                self._roll_over(path)
        except Exception:  # noqa: BLE001 - as logging's handlers do: never raise from a log
            self.handleError(record)
            return
        super().emit(record)

    def _roll_over(self, path: Path) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        for number in range(BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{number}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))


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
