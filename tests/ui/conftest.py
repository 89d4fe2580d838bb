"""Fixtures for widget tests: settings in a temporary file and the main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.ui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window settings kept in a file of the test's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


TEST_WINDOW_SIZE = (1366, 768)


@pytest.fixture
def make_window(qtbot: QtBot, settings: QSettings) -> Iterator[Callable[[Library], MainWindow]]:
    """Build (and show) main windows on a library; background work is waited for afterwards."""
    windows: list[MainWindow] = []

    def make(library: Library) -> MainWindow:
        window = MainWindow(LibrarySession(library), settings)
        qtbot.addWidget(window)
        # The offscreen screen is 800×800, and a first window takes most of it: the tests see
        # a laptop's window instead (tests/ui/test_comfort.py checks the sizing itself).
        if window.first_start:
            window.resize(*TEST_WINDOW_SIZE)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.initial_article_opened)
        qtbot.waitUntil(lambda: not window.health.checking)  # writes wait for the file's check
        windows.append(window)
        return window

    yield make
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def window(make_window: Callable[[Library], MainWindow], seeded_library: Library) -> MainWindow:
    """The main window on a fresh seeded library."""
    return make_window(seeded_library)
