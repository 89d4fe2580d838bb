"""Errors go to a log file with their tracebacks, never raw to the reader; Help → Copy
diagnostics puts what a bug report needs on the clipboard."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader import __version__
from reader.error_log import BACKUPS, MAX_BYTES, log_error, logger, start_logging
from reader.ui.background import BackgroundJob, start_job
from reader.ui.main_window import MainWindow


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("READER_LOG_DIR", str(tmp_path / "logs"))
    path = start_logging()
    assert path is not None
    yield path
    for handler in list(logger().handlers):
        if isinstance(handler, logging.FileHandler):
            logger().removeHandler(handler)
            handler.close()


def test_the_log_is_moved_aside_before_it_outgrows_its_limit(log_file: Path) -> None:
    log_file.write_text("x" * (MAX_BYTES - 10) + "\n", encoding="utf-8")
    for number in range(BACKUPS + 2):
        log_error(f"error number {number}")
        log_file.write_text(log_file.read_text(encoding="utf-8") + "y" * MAX_BYTES,
                            encoding="utf-8")
    kept = sorted(path.name for path in log_file.parent.iterdir())
    assert kept == [log_file.name] + [f"{log_file.name}.{n}" for n in range(1, BACKUPS + 1)]
    assert "error number" in log_file.with_name(f"{log_file.name}.1").read_text(encoding="utf-8")


def test_a_failing_background_job_leaves_its_traceback_in_the_log(
        qtbot: QtBot, log_file: Path) -> None:
    def work(_report: object) -> None:
        raise RuntimeError("the disk went away")

    job = BackgroundJob(work)  # type: ignore[arg-type]
    with qtbot.waitSignal(job.signals.failed) as failed:
        start_job(job)
    assert failed.args == ["RuntimeError: the disk went away"]  # one line for the reader
    logged = log_file.read_text(encoding="utf-8")
    assert "a background job failed" in logged and "Traceback" in logged
    assert 'raise RuntimeError("the disk went away")' in logged


def test_copy_diagnostics_puts_versions_library_and_log_on_the_clipboard(
        window: MainWindow, log_file: Path) -> None:
    logger().error("something the reader reported")
    window.diagnostics_action.trigger()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    text = clipboard.text()
    assert f"Parallel Reader {__version__}" in text
    assert str(window.library.path) in text
    assert "Changes waiting to be saved: 0" in text
    assert "something the reader reported" in text
    assert "Diagnostics copied" in window.statusBar().currentMessage()
