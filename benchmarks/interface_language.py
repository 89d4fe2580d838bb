"""What speaking the reader's language costs: loading a catalog, looking a message up, saying
a reason, and building the main window in each interface language (offscreen).

    .venv/bin/python benchmarks/interface_language.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOCALES = ("en_US", "es_ES", "sv_SE", "ru_RU", "nb_NO")


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from reader.app import _dress, open_library
    from reader.operations.session import LibrarySession
    from reader.text.reasons import Reason, ReasonCode
    from reader.ui import i18n
    from reader.ui.main_window import MainWindow

    app = QApplication([])
    reason = Reason(ReasonCode.INVALID_ENCODING, encoding="UTF-8", byte="0xc3", offset=0)
    messages = ("&File", "&Edit", "Import files", "{n} article", "Title")
    print(f"{'locale':8} {'catalog ms':>10} {'_() ns':>8} {'explain µs':>10} {'window ms':>10}")
    with tempfile.TemporaryDirectory() as scratch:
        library = open_library(Path(scratch) / "library.sqlite")
        for locale in LOCALES:
            os.environ["READER_LOCALE"] = locale
            loads = []
            for _ in range(runs):
                i18n.choose_language(None)
                start = time.perf_counter()
                i18n._("&File")  # loads the catalog
                loads.append(time.perf_counter() - start)
            calls = 100_000
            start = time.perf_counter()
            for index in range(calls):
                i18n._(messages[index % len(messages)])
            lookup_ns = (time.perf_counter() - start) / calls * 1e9
            start = time.perf_counter()
            for _ in range(10_000):
                i18n.explain(reason)
            explain_us = (time.perf_counter() - start) / 10_000 * 1e6
            builds = []
            for run in range(runs):
                settings = QSettings(str(Path(scratch) / f"{locale}{run}.ini"),
                                     QSettings.Format.IniFormat)
                start = time.perf_counter()
                _dress(app, settings)
                window = MainWindow(LibrarySession(library), settings)
                builds.append(time.perf_counter() - start)
                window.close()
                window.deleteLater()
                QThreadPool.globalInstance().waitForDone(10_000)
                app.processEvents()
            print(f"{locale:8} {_median_ms(loads):10.2f} {lookup_ns:8.0f} {explain_us:10.2f} "
                  f"{_median_ms(builds):10.1f}")
        library.close()


if __name__ == "__main__":
    main()
