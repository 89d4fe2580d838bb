"""Start the window: open the library (seeding a new one), build the main window, run Qt."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader import APP_ID, APP_NAME, __version__
from reader.bundled import bundled_folder, seed_files
from reader.exit_status import ExitStatus
from reader.operations.seeding import is_seeded, seed_new_library
from reader.store import LibraryError
from reader.store.library import Library
from reader.text.versions import FIGURE_EXTRACTOR_VERSION

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QSettings

    from reader.ui.main_window import MainWindow

ORGANISATION = "parallel-reader"
# Hidden switch for the start-up benchmark: print when the window is first painted, then quit.
QUIT_AFTER_PAINT_ENV = "READER_QUIT_AFTER_FIRST_PAINT"


def has_display() -> bool:
    """Whether Qt can open a window here (a display, Wayland, or an explicit platform)."""
    if sys.platform != "linux":
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def open_library(path: Path, refresh: bool = True) -> Library:
    """Open (or create) a library and give a new one the bundled seed articles.

    With `refresh`, documents whose figures an older extractor found are read again now (the
    window does that in the background instead). Raises LibraryError for a file that cannot
    be used, whatever the reason; a file or folder that cannot be written opens read-only
    (`library.read_only`), neither seeded nor refreshed.
    """
    try:
        library = Library.open(path)
    except OSError as error:  # its folder cannot be made, the file cannot be read
        where = f": {error.filename}" if error.filename else ""
        raise LibraryError(path, f"cannot be opened or created ({error.strerror}{where})") from None
    if library.read_only:
        return library
    try:
        _seed_and_refresh(library, refresh)
    except BaseException:
        library.close()
        raise
    return library


def _seed_and_refresh(library: Library, refresh: bool) -> None:
    seeds = seed_files()
    if not seeds and not is_seeded(library):
        print(f"reader: no seed articles in {bundled_folder('seeds')} (an incomplete "
              "installation); the library starts empty", file=sys.stderr)
    seed_new_library(library, seeds)
    if refresh and library.figures.stale_documents(FIGURE_EXTRACTOR_VERSION):
        from reader.operations.figure_extraction import refresh_figures

        refresh_figures(library)


def run_window(library_path: Path) -> ExitStatus:
    """Open the main window on a library and run until it closes; the process exit status."""
    if not has_display():
        print("reader: no display to open a window on (DISPLAY is not set).\n"
              "Run it in a desktop session, or render the window with "
              "`reader screenshot out.png`.", file=sys.stderr)
        return ExitStatus.USAGE
    from PySide6.QtWidgets import QApplication

    from reader.ui.pyside_imports import skip_feature_scan

    skip_feature_scan()
    from reader.error_log import start_logging

    start_logging()
    sys.excepthook = _tell_and_log
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    settings = _user_settings()
    _dress(app, settings)
    try:
        library = open_library(library_path, refresh=False)
    except LibraryError as error:
        print(f"reader: cannot open the library {error}", file=sys.stderr)
        if app.platformName() != "offscreen":  # nobody could see (or close) that box
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, f"Cannot open the library\n{error.path}\n\n"
                                 f"It {error.reason}.\nThe file was left untouched.")
        return ExitStatus.LIBRARY
    window = _build_window(library, settings)
    if os.environ.get(QUIT_AFTER_PAINT_ENV):
        _quit_after_first_paint(window)
    window.show()
    status = app.exec()
    _let_background_work_end()
    library.close()
    return ExitStatus.OK if status == 0 else ExitStatus.FAILED


# How long the closing app waits for work still running in the background (the start's checks,
# an alignment): Python must not be torn down under a thread that is running its code.
EXIT_WAIT_MS = 3000


def _let_background_work_end() -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)


def _tell_and_log(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None) -> None:
    """An error nobody caught in the window: its traceback to the log, one line to the reader."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from reader.error_log import log_path, log_uncaught

    log_uncaught(kind, error, trace)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.platformName() != "offscreen":
        from reader.ui.i18n import _

        QMessageBox.warning(app.activeWindow(), APP_NAME, _(
            "Something went wrong: {error}\n\nYour library is safe. The details are in {log}; "
            "Help → Copy diagnostics puts them on the clipboard for a bug report.").format(
                error=f"{kind.__name__}: {error}", log=log_path()))


def render_screenshot(library_path: Path, out: Path, article_id: int | None,
                      size: tuple[int, int]) -> ExitStatus:
    """Render the main window offscreen to a PNG, with an article open."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reader.ui.pyside_imports import skip_feature_scan

    skip_feature_scan()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    library = open_library(library_path)
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "screenshot.ini"), QSettings.Format.IniFormat)
        _dress(app, settings)
        window = _build_window(library, settings)
        if article_id is not None and not window.open_article(article_id):
            print(f"reader: no article {article_id} in {library_path}", file=sys.stderr)
            return ExitStatus.USAGE
        window.resize(*size)
        window.use_default_split()  # its panes shared as a first window of that size shares them
        window.show()
        for _ in range(50):  # the window paints, then opens its article
            app.processEvents()
            if window.initial_article_opened():
                break
        import time

        deadline = time.monotonic() + 5  # the translation check runs in the background
        while not window.parallel_pane.translation_checked() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(3):
            app.processEvents()
        pixmap = window.grab()
        ok = pixmap.save(str(out), "PNG")
        window.close()
    _let_background_work_end()
    library.close()
    if not ok:
        print(f"reader: could not write {out}", file=sys.stderr)
        return ExitStatus.FAILED
    print(out)
    return ExitStatus.OK


def _dress(app: QCoreApplication, settings: QSettings) -> None:
    """The interface language (and Qt's own dialogs in it) and the desktop entry's name; the
    icon follows the first paint (MainWindow._show_icon)."""
    from PySide6.QtGui import QGuiApplication

    from reader.ui.interface_language import start_in_chosen_language

    start_in_chosen_language(app, settings)
    if isinstance(app, QGuiApplication):
        QGuiApplication.setDesktopFileName(APP_ID)  # the installed entry names its windows


def _user_settings() -> QSettings:
    from PySide6.QtCore import QSettings

    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, "reader")


def _build_window(library: Library, settings: QSettings) -> MainWindow:
    from reader.operations.session import LibrarySession
    from reader.ui.main_window import MainWindow

    return MainWindow(LibrarySession(library), settings)


def _quit_after_first_paint(window: MainWindow) -> None:
    """For the start-up benchmark: print when the window first paints ("painted <time>") and
    when the text of its first article has been painted ("article <time>"), then close the
    window as a reader would (its state is remembered: the next start restores it)."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    view = window.parallel_pane.view  # not its viewport(): that costs ~10 ms (scroll_areas)

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window and not self.painted:
                self.painted = True
                print(f"painted {time.time():.6f}", flush=True)
                QTimer.singleShot(5000, window.close)  # an empty library shows no text
            return False

        def text_painted(self) -> None:
            if self.painted and window.parallel_pane.model.rowCount() > 0:
                print(f"article {time.time():.6f}", flush=True)
                view.painted.disconnect(self.text_painted)
                QTimer.singleShot(0, window.close)

    window._first_paint = FirstPaint(window)  # type: ignore[attr-defined]
    window.installEventFilter(window._first_paint)  # type: ignore[attr-defined]
    view.painted.connect(window._first_paint.text_painted)  # type: ignore[attr-defined]
