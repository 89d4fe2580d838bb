"""One bad file never stops an import: whatever goes wrong with a file is that file's failed
result, in this process and in the worker processes, and the other files are stored; each
result is told as soon as its file is in the library; workers end with their importer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import reader.text.figures
from reader.operations.importer import import_paths
from reader.store import ImportResult, ImportStatus
from reader.store.library import Library

FRENCH = ("Récolte numéro {n}\n\nLa coopérative numéro {n} a produit {n} tonnes de riz cette "
          "année, sur 12 hectares de rizières. Les agriculteurs sont satisfaits.\n")


def _french_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(1, count + 1):
        (folder / f"{n:02d}.txt").write_text(FRENCH.format(n=n), encoding="utf-8")
    return folder


def test_a_file_whose_analysis_raises_fails_alone(empty_library: Library, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _french_folder(tmp_path / "fr", 3)
    real = reader.text.figures.find_figures

    def broken_on_two(text: str, language: str) -> list[reader.text.figures.Figure]:
        if "numéro 2 " in text:
            raise KeyError(language)
        return real(text, language)

    monkeypatch.setattr(reader.text.figures, "find_figures", broken_on_two)
    results = import_paths(empty_library, [folder], workers=0)
    assert [(r.path.name, r.status, r.reason) for r in results] == [
        ("01.txt", ImportStatus.IMPORTED, ""),
        ("02.txt", ImportStatus.FAILED, "cannot be analysed (KeyError: 'fr')"),
        ("03.txt", ImportStatus.IMPORTED, ""),
    ]
    assert empty_library.document_count() == 2


def test_french_measure_words_import_in_the_workers(empty_library: Library,
                                                    tmp_path: Path) -> None:
    """41 French files with "tonnes": the import stopped at the first one (0 of 41)."""
    folder = _french_folder(tmp_path / "fr", 41)
    results = import_paths(empty_library, [folder], workers=2)
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 41
    assert empty_library.document_count() == 41


def test_each_result_is_told_once_stored_before_the_next_file(empty_library: Library,
                                                              tmp_path: Path) -> None:
    folder = _french_folder(tmp_path / "fr", 3)
    (folder / "04.txt").write_bytes(b"\xff\xfe\x00")
    events: list[str] = []

    def stored(result: ImportResult) -> None:
        count = empty_library.document_count()  # committed: another reader would see it
        events.append(f"stored {result.path.name} {result.status.value} ({count})")

    results = import_paths(
        empty_library, [folder, tmp_path / "missing.txt"], workers=0, stored=stored,
        progress=lambda done, total, path: events.append(f"next {path.name}"))
    assert len(results) == 5
    assert events == [
        "stored missing.txt failed (0)",
        "next 01.txt", "stored 01.txt imported (1)",
        "next 02.txt", "stored 02.txt imported (2)",
        "next 03.txt", "stored 03.txt imported (3)",
        "next 04.txt", "stored 04.txt failed (3)",
        "next ",
    ]


def test_every_result_is_told_with_workers(empty_library: Library, tmp_path: Path) -> None:
    folder = _french_folder(tmp_path / "fr", 21)
    told: list[ImportResult] = []
    results = import_paths(empty_library, [folder], workers=2, stored=told.append)
    assert told == results and len(told) == 21


def test_a_worker_ends_when_its_importer_is_killed(tmp_path: Path) -> None:
    """The importer killed (SIGKILL), nothing shuts its workers down: they notice it is gone."""
    script = textwrap.dedent("""
        import multiprocessing, sys, time
        from concurrent.futures import ProcessPoolExecutor
        from reader.operations.import_work import start_worker

        def pid():
            import os
            return os.getpid()

        if __name__ == "__main__":
            pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=start_worker)
            print(pool.submit(pid).result(), flush=True)
            time.sleep(600)
    """)
    (tmp_path / "importer.py").write_text(script)
    importer = subprocess.Popen([sys.executable, str(tmp_path / "importer.py")],
                                stdout=subprocess.PIPE, text=True, cwd=Path.cwd(),
                                env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    try:
        assert importer.stdout is not None
        worker = int(importer.stdout.readline())
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait()
    for _ in range(600):  # a condition, not a speed: it may take as long as it takes
        if not _alive(worker):
            break
        time.sleep(0.1)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        waited, _status = os.waitpid(pid, os.WNOHANG)  # a child of ours? (it is not)
    except ChildProcessError:
        waited = 0
    if waited:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text()
    except OSError:
        return False


def test_a_worker_that_dies_leaves_its_files_to_the_importer(
        empty_library: Library, tmp_path: Path) -> None:
    """A worker killed while it prepares files (the out-of-memory killer, say) breaks the
    pool: the files no worker handed back are prepared by the importer itself, and every file
    is imported (it stopped the whole import)."""
    folder = _french_folder(tmp_path / "fr", 24)
    script = tmp_path / "kill_first_worker.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from reader.operations import import_work

        real = import_work.prepare_files

        def prepare_files(paths):
            if any(path.name == "01.txt" for path in paths):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(paths)

        import_work.prepare_files = prepare_files
        if __name__ == "__main__":
            from reader.operations import importer
            from reader.store.library import Library
            importer.prepare_files = prepare_files
            library = Library.open(Path({str(tmp_path / "lib.sqlite")!r}))
            for result in importer.import_paths(library, [Path({str(folder)!r})], workers=2):
                print(result.path.name, result.status.value, result.reason, sep="|")
    """))
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         timeout=120, cwd=Path.cwd(),
                         env={**os.environ, "PYTHONPATH": str(Path.cwd())})
    assert run.returncode == 0, run.stderr
    lines = [line.split("|") for line in run.stdout.splitlines()]
    assert lines == [[f"{n:02d}.txt", "imported", ""] for n in range(1, 25)]
