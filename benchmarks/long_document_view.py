"""Open a very long article in the parallel view: how soon its beginning shows, how long the
rest takes to lay out while the window is idle, and the longest the window waits meanwhile.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/long_document_view.py [PARAGRAPHS]

The article (default 20,000 paragraphs of two sentences) is imported into a new library in a
temporary folder, shown in a ParallelTextModel, and the view built on it; the event loop then
runs until every row is laid out, each turn of it timed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.operations.importer import import_paths  # noqa: E402
from reader.store.library import Library  # noqa: E402
from reader.ui.parallel.parallel_model import ParallelTextModel  # noqa: E402
from reader.ui.parallel.parallel_view import ParallelTextView  # noqa: E402


def main() -> None:
    paragraphs = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    library = Library.open(folder / "library.sqlite")
    path = folder / "long.txt"
    path.write_text("A very long report\n\n" + "\n\n".join(
        f"Paragraph number {n} tells of rice. It rained." for n in range(paragraphs)) + "\n",
        encoding="utf-8")
    started = time.perf_counter()
    [result] = import_paths(library, [path], workers=0)
    print(f"import: {time.perf_counter() - started:.1f} s")
    assert result.document_id is not None
    document = library.document(result.document_id)
    model = ParallelTextModel()
    model.show_single(document, library.sentences(document.id))
    started = time.perf_counter()
    view = ParallelTextView(model)
    shown = time.perf_counter() - started
    started = time.perf_counter()
    longest = 0.0
    while view._rendered < model.rowCount():  # rows laid out so far
        turn = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - turn)
    print(f"{paragraphs:,} rows: beginning shown after {shown * 1000:.0f} ms; the rest laid out "
          f"in {time.perf_counter() - started:.1f} s; longest wait {longest * 1000:.0f} ms")
    library.close()


if __name__ == "__main__":
    main()
