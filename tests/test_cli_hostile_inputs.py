"""The command line on hostile inputs: pipes, devices, link loops, long paths, odd names.

Each command that could wait for ever (a named pipe has no writer; /dev/zero never ends) runs
as a child process with a timeout, so that a hang is a failure and not a stuck suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.app import open_library
from reader.cli import main
from tests.conftest import SEED_EN, SEED_SV


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.txt"
    os.symlink(path, path)
    return path


def test_figures_refuses_a_named_pipe(fifo: Path) -> None:
    run = _reader("figures", str(fifo))
    assert (run.returncode, run.stderr) == (1, f"reader: {fifo}: a named pipe, not a regular "
                                                "file\n")


def test_align_refuses_a_device() -> None:
    run = _reader("align", "/dev/zero", str(SEED_EN))
    assert (run.returncode, run.stderr) == (1, "reader: /dev/zero: a device, not a regular file\n")


def test_annotations_import_refuses_a_named_pipe(fifo: Path, tmp_path: Path) -> None:
    run = _reader("annotations", "import", str(fifo), "--db", str(tmp_path / "lib.sqlite"))
    assert (run.returncode, run.stderr) == (1, f"reader: {fifo}: a named pipe, not a regular "
                                                "file\n")


def test_import_reports_pipes_loops_and_long_paths_and_goes_on(
        tmp_path: Path, fifo: Path, loop: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    os.mkfifo(folder / "b_pipe.txt")
    os.symlink(folder / "nowhere.txt", folder / "c_dangling.txt")
    (folder / "d_good.txt").write_bytes(SEED_EN.read_bytes())
    too_long = tmp_path / ("x" * 300 + ".txt")
    db = tmp_path / "lib.sqlite"
    run = _reader("import", str(fifo), str(loop), str(too_long), str(folder), "--db", str(db))
    assert run.stderr == ""
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"failed: {fifo}: a named pipe, not a regular file",
        f"failed: {loop}: symbolic link loop",
        f"failed: {too_long}: the path is longer than the system allows",
        f"failed: {folder / 'b_pipe.txt'}: a named pipe, not a regular file",
        f"failed: {folder / 'c_dangling.txt'}: no such file or folder",
        f"duplicate: {folder / 'd_good.txt'}: already in the library",
    ]


def test_a_name_that_is_not_utf8_is_imported_and_printed_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 notes.txt"
    with open(raw, "wb") as file:
        file.write(b"A title of its own\n\nThe farm produced 5 tonnes of rice. It rained.\n")
    db = tmp_path / "lib.sqlite"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"imported: {folder}/caf\\xe9 notes.txt\n"
    library = open_library(db)
    try:
        names = [d.file_name for d in library.all_documents()]
    finally:
        library.close()
    assert "caf\\xe9 notes.txt" in names


def test_an_unreadable_subfolder_is_reported(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "incoming"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_bytes(SEED_EN.read_bytes())
    (folder / "locked").chmod(0)
    try:
        if os.access(folder / "locked", os.R_OK):
            pytest.skip("running as root: a folder with mode 000 can still be read")
        status = main(["import", str(folder), "--db", str(tmp_path / "lib.sqlite")])
    finally:
        (folder / "locked").chmod(0o755)
    assert status == 1
    assert capsys.readouterr().out == (
        f"failed: {folder / 'locked'}: cannot be read: permission denied\n")


def test_align_refuses_a_nul_byte_after_the_first_8_kb(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_bytes(SEED_EN.read_bytes() + b"\n\nMore words. " * 1000 + b"\x00\n")
    run = _reader("align", str(source), str(SEED_SV))
    assert (run.returncode, run.stderr) == (1, f"reader: {source}: binary file, not text\n")


@pytest.mark.parametrize("command", [["align", str(SEED_EN), str(SEED_SV), "--src-lang", "xx"],
                                     ["figures", str(SEED_EN), "--lang", "klingon"]])
def test_an_unknown_language_code_is_a_usage_error(
        command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(command)
    assert exit_.value.code == 2
    assert "unknown language code" in capsys.readouterr().err


def test_a_file_just_over_the_limit_says_so_the_same_way(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as file:
        file.truncate(20 * 1024 * 1024 + 1)
    run = _reader("figures", str(big))
    assert (run.returncode, run.stderr) == (
        1, f"reader: {big}: file is too large (20.1 MB; the limit is 20 MB)\n")


def test_a_w3c_offset_beyond_any_document_is_an_invalid_item(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(db).close()
    item = {"type": "Annotation", "target": {
        "source": "urn:nowhere",
        "selector": [{"type": "TextQuoteSelector", "exact": "rice"},
                     {"type": "TextPositionSelector", "start": 10**30, "end": 10**30 + 4}]}}
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(item))
    assert main(["annotations", "import", str(notes), "--db", str(db)]) == 1
    assert f"invalid: item 1: TextPositionSelector start {10**30} is out of range" in (
        capsys.readouterr().out)


def test_an_annotation_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    from reader.operations.annotation_exchange import UnreadableAnnotations, read_w3c_file
    from reader.text.file_check import MAX_FILE_BYTES

    huge = tmp_path / "huge.jsonld"
    with huge.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(UnreadableAnnotations, match="too large"):
        read_w3c_file(huge)
