"""Reliability on a real library: notes while another process imports or holds the lock, two
imports at once, kills at random moments, damaged and unusual library files, hostile text.

    .venv/bin/python benchmarks/reliability.py [--kills 100] [--files 400] [--seed 1]

Every part prints what it counted; a line starting with "FAIL" is a broken promise. Parts:

1. notes during an import: a child process imports --files files while this process makes
   40 highlights through the store, one every 50 ms: how many went through, the longest wait.
2. notes while another program holds the library (BEGIN EXCLUSIVE for 2 s): every write
   either goes through once the lock is gone or fails as LibraryBusy; none is lost silently.
3. two imports at once into one library (half the files each, then all): both exit 0, the
   library passes integrity_check, and it holds every file once.
4. --kills SIGKILLs at random moments of an import (and of a child making notes that prints
   each note it saw stored): after each, integrity_check and foreign_key_check pass, no
   article is half-written, and every note the child acknowledged is there.
5. damaged and unusual files (truncated, bit-flipped, future version, not a library, read-only
   file): `reader list` says one line, exits with the table's status, leaves the bytes as
   they were.
6. hostile text (hypothesis): random text through the sentence splitter, the figure finder and
   the analysis does not crash; time grows linearly from 0.5 to 2 MB of one paragraph.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import make_corpus  # noqa: E402
from reader.store.errors import WriteFailed  # noqa: E402
from reader.store.library import Library  # noqa: E402

READER = [sys.executable, "-m", "reader"]
NOTE_CHILD = """
import sys
from pathlib import Path
from reader.store.library import Library
library = Library.open(Path(sys.argv[1]))
document = library.all_documents()[0]
for number in range(10_000):
    made = library.annotations.add(document.id, 0, 5, "yellow", f"note {number}")
    print(made.uid, flush=True)
"""


def _reader(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*READER, *args], capture_output=True, text=True, check=check,
                          cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _integrity(path: Path) -> list[str]:
    """What is wrong with a library file: integrity, foreign keys, half-written articles."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")
                    if row[0] != "ok"]
        problems += [f"foreign key {row}" for row in connection.execute(
            "PRAGMA foreign_key_check")]
        problems += [f"document {row[0]} has no sentences" for row in connection.execute(
            "SELECT id FROM documents d WHERE sentence_count < 1 OR NOT EXISTS "
            "(SELECT 1 FROM document_texts t WHERE t.id = d.id)")]
        problems += [f"article {row[0]} has no document" for row in connection.execute(
            "SELECT id FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM documents d WHERE d.article_id = a.id)")]
    finally:
        connection.close()
    return problems


def notes_during_import(folder: Path, corpus: Path) -> None:
    library_path = folder / "during.sqlite"
    _reader("list", "--db", str(library_path), check=True)  # a seeded library
    importer = subprocess.Popen([*READER, "import", "--db", str(library_path), str(corpus)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    library = Library.open(library_path)
    document = library.all_documents()[0]
    waits: list[float] = []
    failed = 0
    time.sleep(1.0)  # the import is under way
    for number in range(40):
        started = time.perf_counter()
        try:
            library.annotations.add(document.id, 0, 5, "green", f"during import {number}")
        except WriteFailed:
            failed += 1
        waits.append(time.perf_counter() - started)
        time.sleep(0.05)
    running = importer.poll() is None
    importer.wait()
    stored = len(library.annotations.newest_first())
    library.close()
    print(f"1. notes during an import: {stored} of 40 stored, {failed} refused as busy, "
          f"longest wait {max(waits) * 1000:.0f} ms, median "
          f"{sorted(waits)[len(waits) // 2] * 1000:.0f} ms; import still running at the end: "
          f"{running}; import exit {importer.returncode}")
    if stored + failed != 40 or stored == 0:
        print("FAIL 1: notes were lost or none went through during the import")


def notes_while_locked(folder: Path) -> None:
    library_path = folder / "locked.sqlite"
    _reader("list", "--db", str(library_path), check=True)
    holder = sqlite3.connect(library_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(2.0, lambda: holder.execute("ROLLBACK")).start()
    library = Library.open(library_path, busy_timeout=5.0)
    document = library.all_documents()[0]
    started = time.perf_counter()
    try:
        library.annotations.add(document.id, 0, 5, "pink", "after the lock")
        outcome = f"stored after {time.perf_counter() - started:.1f} s"
    except WriteFailed as error:
        outcome = f"refused: {error.reason}"
    stored = len(library.annotations.newest_first())
    library.close()
    holder.close()
    print(f"2. a note while another program holds the library for 2 s: {outcome}; "
          f"{stored} stored")
    if stored != 1:
        print("FAIL 2: the note is not in the library")


def two_imports(folder: Path, corpus: Path) -> None:
    library_path = folder / "two.sqlite"
    _reader("list", "--db", str(library_path), check=True)
    files = sorted(corpus.iterdir())
    halves = [folder / "half-a", folder / "half-b"]
    for half, part in zip(halves, (files[::2], files[1::2]), strict=True):
        half.mkdir()
        for path in part:
            shutil.copy(path, half / path.name)
    started = time.perf_counter()
    children = [subprocess.Popen([*READER, "import", "--db", str(library_path), str(half)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 cwd=ROOT) for half in halves]
    codes = [child.wait() for child in children]
    errors = [child.stderr.read().strip()[-200:] for child in children if child.stderr]
    took = time.perf_counter() - started
    connection = sqlite3.connect(library_path)
    documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    connection.close()
    problems = _integrity(library_path)
    print(f"3. two imports at once: exit statuses {codes}, {took:.1f} s, {documents} documents "
          f"({len(files)} files + 5 seeds), problems: {problems or 'none'}")
    if codes != [0, 0] or problems or documents != len(files) + 5:
        print(f"FAIL 3: {errors}")


def kills(folder: Path, corpus: Path, count: int, rng: random.Random) -> None:
    library_path = folder / "killed.sqlite"
    _reader("list", "--db", str(library_path), check=True)
    broken = lost = 0
    acknowledged_total = 0
    for number in range(count):
        if number % 2 == 0:
            child = subprocess.Popen([*READER, "import", "--db", str(library_path), str(corpus)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     cwd=ROOT)
            time.sleep(rng.uniform(0.3, 3.0))
            child.send_signal(signal.SIGKILL)
            child.wait()
            acknowledged: list[str] = []
        else:
            child = subprocess.Popen([sys.executable, "-c", NOTE_CHILD, str(library_path)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, cwd=ROOT)
            time.sleep(rng.uniform(0.5, 1.5))
            child.send_signal(signal.SIGKILL)
            output, _errors = child.communicate()
            acknowledged = [uid for uid in output.split() if len(uid) == 32]  # whole lines
            acknowledged_total += len(acknowledged)
        problems = _integrity(library_path)
        if problems:
            broken += 1
            print(f"FAIL 4: after kill {number}: {problems[:3]}")
        if acknowledged:
            connection = sqlite3.connect(library_path)
            there = {row[0] for row in connection.execute("SELECT uid FROM annotations")}
            connection.close()
            missing = [uid for uid in acknowledged if uid not in there]
            if missing:
                lost += len(missing)
                print(f"FAIL 4: after kill {number}: {len(missing)} acknowledged notes lost")
    print(f"4. {count} kills (imports and note writers): {broken} libraries with problems, "
          f"{lost} of {acknowledged_total} acknowledged notes lost")


def damaged(folder: Path) -> None:
    good = folder / "good.sqlite"
    _reader("list", "--db", str(good), check=True)
    data = good.read_bytes()
    cases: dict[str, Path] = {}
    truncated = folder / "truncated.sqlite"
    truncated.write_bytes(data[: len(data) // 3])
    cases["truncated"] = truncated
    flipped = folder / "flipped.sqlite"
    spoiled = bytearray(data)
    for offset in range(4096 * 2, len(spoiled), 997):
        spoiled[offset] ^= 0x5A
    flipped.write_bytes(bytes(spoiled))
    cases["bit-flipped"] = flipped
    future = folder / "future.sqlite"
    shutil.copy(good, future)
    connection = sqlite3.connect(future)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    cases["future version"] = future
    stranger = folder / "stranger.sqlite"
    sqlite3.connect(stranger).execute("CREATE TABLE t (x)").connection.close()
    cases["not a library"] = stranger
    read_only = folder / "read-only.sqlite"
    shutil.copy(good, read_only)
    read_only.chmod(0o444)
    if os.geteuid() != 0:  # root writes a read-only file all the same
        cases["read-only file"] = read_only
    for name, path in cases.items():
        before = _digest(path)
        result = _reader("list", "--db", str(path))
        message = (result.stderr.strip().splitlines() or [""])[-1][:110]
        traceback = "Traceback" in result.stderr
        unchanged = _digest(path) == before
        print(f"5. {name:15} exit {result.returncode}  bytes unchanged: {unchanged}  "
              f"traceback: {traceback}  {message}")
        if traceback or not unchanged:
            print(f"FAIL 5: {name}")


def hostile_text(rng: random.Random) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from reader.text.analysis import NotAnArticle, analyse_document
    from reader.text.figures import find_figures
    from reader.text.file_check import UnreadableFile
    from reader.text.sentences import split_sentences

    languages = ["es", "en", "sv", "ru", "nb", "fr", "de", "vi"]
    crashes: list[str] = []

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=2000), st.sampled_from(languages))
    def survive(text: str, language: str) -> None:
        for name, call in (("split", lambda: split_sentences(text, language)),
                           ("figures", lambda: find_figures(text, language)),
                           ("analyse", lambda: analyse_document(text))):
            try:
                call()
            except (NotAnArticle, UnreadableFile):
                pass  # a clear "not an article" is the right answer to some random text
            except Exception as error:  # noqa: BLE001 - counting what breaks
                crashes.append(f"{name}: {type(error).__name__}: {error}"[:160])

    survive()
    print(f"6. hostile text: 900 random texts × (splitter, figures, analysis): "
          f"{len(crashes)} crashes {crashes[:3]}")
    words = "Comité Provincial del Partido, 3.312 billones de VND y el 6,52 % más. "
    times = []
    for size in (500_000, 1_000_000, 2_000_000):
        paragraph = (words * (size // len(words) + 1))[:size]
        started = time.perf_counter()
        split_sentences(paragraph, "es")
        times.append(time.perf_counter() - started)
    print(f"   one paragraph of 0.5 / 1 / 2 MB split in "
          f"{' / '.join(f'{t:.2f}' for t in times)} s (linear: about ×2 each step)")
    if crashes or times[2] > 6 * times[0]:
        print("FAIL 6: crashes, or splitting grows faster than linearly")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-reliability-") as scratch:
        folder = Path(scratch)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ["READER_LOG_DIR"] = str(folder / "logs")
        corpus = folder / "corpus"
        make_corpus(arguments.files, corpus, seed=arguments.seed)
        notes_during_import(folder, corpus)
        notes_while_locked(folder)
        two_imports(folder, corpus)
        damaged(folder)
        hostile_text(rng)
        kills(folder, corpus, arguments.kills, rng)
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
