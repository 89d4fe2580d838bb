"""Writers take turns and a library's troubles are named: an import leaves the lock free
between batches, two imports into one library both finish, and a read-only, locked, full,
damaged or incomplete library is one line and exit status 3 (read-only ones are still read),
its bytes unchanged. `reader backup` and `reader recover` write new files only."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.app import open_library
from reader.cli import ExitStatus, main
from reader.operations.importer import import_paths
from reader.operations.recovery import recover_library
from reader.store.library import Library
from reader.store.schema import SCHEMA_VERSION
from tests.conftest import SEED_SV, SEEDS, as_version_16
from tests.unwritable import unwritable

ROOT = Path(__file__).resolve().parent.parent


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _articles(folder: Path, count: int, tag: str) -> list[Path]:
    """`count` new articles made from the seeds: each its own text and source address."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    made = []
    for number in range(count):
        seed = seeds[number % len(seeds)].read_text(encoding="utf-8")
        lines = seed.rstrip("\n").split("\n")
        for index, line in enumerate(lines):  # a file without a source is known by its name
            if "http" in line:
                lines[index] = line.replace(".html", "") + f"-{tag}-{number}.html"
        lines[0] = f"Report {tag} {number}. " + lines[0]
        path = folder / f"{tag}_{number:03d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        made.append(path)
    return made


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeded") / "library.sqlite"
    open_library(path).close()
    return path


@pytest.fixture
def library(seeded_file: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "libraries"
    folder.mkdir()
    return Path(shutil.copy(seeded_file, folder / "library.sqlite"))


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("reader: ")
    return err.strip()


# -- writers take turns -----------------------------------------------------------------------


def test_a_note_goes_through_while_an_import_runs(library: Path, tmp_path: Path) -> None:
    files = _articles(tmp_path / "batch", 80, "turn")
    importer = Library.open(library)
    stored = 0
    written_after: list[int] = []  # files stored when the other write went through
    started = threading.Event()

    def progress(done: int, total: int, path: Path) -> None:
        nonlocal stored
        stored = done
        started.set()
        threading.Event().wait(0.03)  # a writer slower than its workers: they get ahead

    def other_writer() -> None:
        started.wait(120)
        other = Library.open(library, busy_timeout=120)
        try:
            other.bookmarks.set_starred(1, True)
            written_after.append(stored)
        finally:
            other.close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    try:
        results = import_paths(importer, [tmp_path / "batch"], progress=progress, workers=2)
    finally:
        thread.join(120)
        importer.close()
    assert len(results) == len(files)
    assert {r.status.value for r in results} == {"imported"}
    # The write did not wait for the import to end: most of its files were stored after it.
    assert written_after and written_after[0] < len(files) - 20, written_after


def test_an_import_and_the_window_write_in_turns(library: Path, tmp_path: Path) -> None:
    _articles(tmp_path / "batch", 60, "both")
    run = subprocess.Popen([sys.executable, "-m", "reader", "import", "--db", str(library),
                            str(tmp_path / "batch")], cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    window = Library.open(library)
    writes = 0
    try:
        while run.poll() is None:  # a write that reads first, as the window's do
            with window.batch():
                starred = window.bookmarks.is_starred(1)
                window.bookmarks.set_starred(1, not starred)
            writes += 1
    finally:
        out, err = run.communicate(timeout=300)
        window.close()
    assert run.returncode == ExitStatus.OK, err
    assert out.count("imported: ") == 60 and writes > 0


def test_two_imports_into_one_library_both_complete(library: Path, tmp_path: Path) -> None:
    first = _articles(tmp_path / "first", 30, "first")
    second = _articles(tmp_path / "second", 30, "second")
    command = [sys.executable, "-m", "reader", "import", "--db", str(library)]
    runs = [subprocess.Popen([*command, str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
            for folder in (tmp_path / "first", tmp_path / "second")]
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == ExitStatus.OK, err
        assert "Traceback" not in err and out.count("imported: ") == 30
    connection = sqlite3.connect(library)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == (
            5 + len(first) + len(second))
    finally:
        connection.close()


# -- a library's troubles, one line each -------------------------------------------------------


def test_a_read_only_library_file_is_read_but_not_imported_into(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(library)
    with unwritable(library):
        assert main(["list", "--db", str(library)]) is ExitStatus.OK
        assert main(["search", "provincial", "--db", str(library)]) is ExitStatus.OK
        capsys.readouterr()
        assert main(["import", str(SEED_SV), "--db", str(library)]) is ExitStatus.LIBRARY
        line = _one_line(capsys.readouterr().err)
    assert line == (f"reader: cannot write to the library {library}: is open for reading "
                    "only: the file is read-only")
    assert _digest(library) == before


def test_a_library_in_a_read_only_folder_is_read_and_not_called_damaged(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(library)
    with unwritable(library.parent):
        assert main(["list", "--db", str(library)]) is ExitStatus.OK
        capsys.readouterr()
        assert main(["import", str(SEED_SV), "--db", str(library)]) is ExitStatus.LIBRARY
        line = _one_line(capsys.readouterr().err)
    assert "its folder is read-only" in line and "damaged" not in line
    assert _digest(library) == before


@pytest.fixture
def locked(library: Path) -> Iterator[Path]:
    """The library while another process holds its write lock (`BEGIN EXCLUSIVE`)."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE')\n"
         "c.execute(\"UPDATE meta SET value = value\")\n"
         "print('locked', flush=True)\n"
         "sys.stdin.read()\n"
         "c.execute('ROLLBACK')\n", str(library)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    try:
        yield library
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(30)


def test_a_locked_library_is_busy_not_damaged(locked: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("reader.store.library.BUSY_TIMEOUT", 0.5)
    before = _digest(locked)
    assert main(["import", str(SEED_SV), "--db", str(locked)]) is ExitStatus.LIBRARY
    line = _one_line(capsys.readouterr().err)
    assert "another program" in line and "damaged" not in line and str(locked) in line
    assert main(["list", "--db", str(locked)]) is ExitStatus.OK  # reading goes on meanwhile
    assert _digest(locked) == before


def test_a_library_missing_a_table_says_which(library: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(library)
    connection.execute("DROP TABLE annotations")
    connection.commit()
    connection.close()
    before = _digest(library)
    assert main(["list", "--db", str(library)]) is ExitStatus.LIBRARY
    line = _one_line(capsys.readouterr().err)
    assert line == (f"reader: cannot open the library {library}: is damaged: its table "
                    "'annotations' is missing")
    assert _digest(library) == before


def _damage(path: Path, name: str) -> None:
    """Overwrite the first page of a table or index with garbage."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                              [name]).fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_damaged_library_read_says_damaged_in_one_line(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _damage(library, "idx_documents_article_id")
    before = _digest(library)
    assert main(["list", "--db", str(library)]) is ExitStatus.LIBRARY
    line = _one_line(capsys.readouterr().err)
    assert line.startswith(f"reader: cannot read the library {library}: is damaged")
    assert "reader recover" in line
    assert _digest(library) == before


def test_a_full_disk_is_named(seeded_file: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    disk = Path(tempfile.mkdtemp(dir=tmp_path))
    size = seeded_file.stat().st_size + 96 * 1024
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        library = Path(shutil.copy(seeded_file, disk / "library.sqlite"))
        before = _digest(library)
        files = _articles(tmp_path / "big", 12, "full")
        status = main(["import", *map(str, files), "--db", str(library)])
        line = _one_line(capsys.readouterr().err)
        assert status is ExitStatus.LIBRARY
        assert "the disk is full" in line and "damaged" not in line
        assert _digest(library) == before or Library.open(library).quick_check() is None
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_an_older_read_only_library_says_it_needs_its_upgrade_and_is_left_alone(
        library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Version 17 packs the texts: a library of 16 is read once it is upgraded.
    as_version_16(library)
    assert SCHEMA_VERSION == 17
    before = _digest(library)
    with unwritable(library):
        assert main(["list", "--json", "--db", str(library)]) is ExitStatus.LIBRARY
    line = _one_line(capsys.readouterr().err)
    assert "older version (library format 16)" in line and "upgraded" in line
    assert _digest(library) == before
    assert not list(library.parent.glob("*-backup"))


# -- backup and recovery -----------------------------------------------------------------------


def test_backup_writes_a_copy_that_opens(library: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "copy.sqlite"
    before = _digest(library)
    assert main(["backup", "--out", str(out), "--db", str(library)]) is ExitStatus.OK
    assert capsys.readouterr().out.strip() == f"backed up to {out}"
    copy = Library.open(out, read_only=True)
    assert copy.document_count() == 5 and copy.quick_check() is None
    copy.close()
    assert main(["backup", "--db", str(library)]) is ExitStatus.OK
    assert len(list(library.parent.glob("library.sqlite.*.backup"))) == 1
    assert _digest(library) == before
    assert main(["backup", "--out", str(tmp_path / "no" / "x.sqlite"),
                 "--db", str(library)]) is ExitStatus.FAILED
    _one_line(capsys.readouterr().err)


@pytest.mark.parametrize("use_sqlite_command", [False, None],
                         ids=["table by table", "sqlite3 .recover if it works"])
def test_recover_copies_what_can_be_read_and_keeps_the_original(
        use_sqlite_command: bool | None, library: Path) -> None:
    opened = Library.open(library)
    opened.annotations.add(opened.documents_of(1)[0].id, 0, 8, note="keep me")
    opened.close()
    _damage(library, "idx_documents_article_id")
    _damage(library, "beads")
    before = _digest(library)
    report = recover_library(library, use_sqlite_command=use_sqlite_command)
    assert _digest(library) == before
    assert report.path.parent == library.parent and report.path != library
    assert report.documents == 5 and report.annotations == 1
    recovered = Library.open(report.path)
    try:
        assert recovered.quick_check() is None
        assert recovered.search.search("provincial")
        assert [a.note for a in recovered.annotations.newest_first()] == ["keep me"]
    finally:
        recovered.close()


def test_the_recover_command(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _damage(library, "idx_documents_article_id")
    assert main(["recover", "--db", str(library)]) is ExitStatus.OK
    out = capsys.readouterr().out
    assert "recovered 5 documents" in out and f"{library} is unchanged" in out


def test_the_session_says_read_only_and_checks_the_file(library: Path) -> None:
    from reader.operations.session import LibrarySession

    writable = LibrarySession.open(library)
    assert not writable.read_only and writable.read_only_reason is None
    writable.close()
    with unwritable(library):
        session = LibrarySession.open(library)
        assert session.read_only and session.read_only_reason == "the file is read-only"
        session.close()
    checker = LibrarySession.open(library, read_only=True)  # as a background check opens it
    assert checker.quick_check() is None
    checker.close()
    _damage(library, "beads")
    checker = LibrarySession.open(library, read_only=True)
    problem = checker.quick_check()
    checker.close()
    assert problem is not None and problem != "ok"


def test_a_daily_backup_when_due_and_the_last_three_kept(library: Path) -> None:
    from reader.operations.recovery import DAILY_SECONDS, backup_if_due

    opened = Library.open(library)
    try:
        start = 2_000_000_000.0
        first = backup_if_due(opened, now=start)
        assert first is not None and first.name.endswith(".daily-backup")
        assert backup_if_due(opened, now=start + 60) is None  # not due yet
        for day in range(1, 5):
            assert backup_if_due(opened, now=start + day * DAILY_SECONDS + 1) is not None
    finally:
        opened.close()
    kept = sorted(library.parent.glob("library.sqlite.*.daily-backup"))
    assert len(kept) == 3 and first not in kept
    copy = Library.open(kept[-1], read_only=True)
    assert copy.document_count() == 5
    copy.close()


def test_a_library_on_a_disk_already_full_is_read_not_called_damaged(
        seeded_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disk = Path(tempfile.mkdtemp(dir=tmp_path))
    size = seeded_file.stat().st_size + 8192
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip()}")
    try:
        library = Path(shutil.copy(seeded_file, disk / "library.sqlite"))
        filler = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)  # the rest of the disk
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        before = _digest(library)
        assert main(["list", "--db", str(library)]) is ExitStatus.OK
        capsys.readouterr()
        assert main(["import", str(SEED_SV), "--db", str(library)]) is ExitStatus.LIBRARY
        line = _one_line(capsys.readouterr().err)
        assert "the disk is full" in line and "damaged" not in line
        assert _digest(library) == before
    finally:
        subprocess.run(["umount", str(disk)], check=True)
