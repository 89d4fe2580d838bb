"""One table of exit statuses for every command (`reader.exit_status.ExitStatus`, README).

Each status is checked for each kind of command, on real files: a library file of garbage
bytes, one written by a newer version, one damaged after its first page; a missing input
file; a bad option. The window and the screenshot run as a user runs them, in a process.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import open_library
from reader.cli import ExitStatus, main
from tests.conftest import SEED_ES, SEED_SV

README = Path(__file__).resolve().parent.parent / "README.md"

# Every command that opens a library, as arguments before `--db PATH`.
LIBRARY_COMMANDS: dict[str, list[str]] = {
    "import": ["import", str(SEED_SV)],
    "list": ["list", "--json"],
    "search": ["search", "provincial"],
    "annotations export": ["annotations", "export", "--format", "w3c"],
    "annotations import": ["annotations", "import"],  # + a W3C file, added by the test
}


def _reader(*args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, timeout=120, env=env, cwd=cwd, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library file as the app makes it (seeded), closed; tests work on copies."""
    path = tmp_path_factory.mktemp("seeded") / "library.sqlite"
    open_library(path).close()
    return path


@pytest.fixture
def library(seeded_file: Path, tmp_path: Path) -> Path:
    """This test's copy of a seeded library."""
    return Path(shutil.copy(seeded_file, tmp_path / "library.sqlite"))


@pytest.fixture
def w3c_file(tmp_path: Path) -> Path:
    """A valid W3C annotation file (an empty collection)."""
    path = tmp_path / "notes.json"
    path.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld",
                                "type": "AnnotationCollection", "total": 0,
                                "first": {"type": "AnnotationPage", "items": []}}),
                    encoding="utf-8")
    return path


def _garbage(path: Path, seeded: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


def _newer(path: Path, seeded: Path) -> None:
    shutil.copy(seeded, path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.commit()
    connection.close()


def _damaged_after_the_header(path: Path, seeded: Path) -> None:
    data = bytearray(seeded.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(bytes(data))


def _unmakeable(path: Path, seeded: Path) -> None:
    path.parent.write_text("a file where the library's folder should be\n")


BAD_LIBRARIES: dict[str, Callable[[Path, Path], None]] = {
    "garbage bytes": _garbage,
    "newer version": _newer,
    "damaged pages": _damaged_after_the_header,
    "folder is a file": _unmakeable,
}


def _bad_library(kind: str, tmp_path: Path, seeded: Path) -> Path:
    folder = tmp_path / "folder"
    path = folder / "library.sqlite" if kind == "folder is a file" else tmp_path / "bad.sqlite"
    BAD_LIBRARIES[kind](path, seeded)
    return path


def _command(name: str, w3c_file: Path) -> list[str]:
    args = list(LIBRARY_COMMANDS[name])
    return [*args, str(w3c_file)] if name == "annotations import" else args


def _one_line_no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("reader: ")


# -- the table ------------------------------------------------------------------------------


def test_the_readme_table_is_the_enum() -> None:
    section = README.read_text(encoding="utf-8").split("## Exit statuses", 1)[1]
    rows = re.findall(r"^\| (\d) \| `(\w+)` \|", section, flags=re.MULTILINE)
    assert [(int(code), name) for code, name in rows] == [
        (status.value, status.name) for status in ExitStatus]


# -- 0: done ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LIBRARY_COMMANDS)
def test_library_commands_that_succeed_exit_0(
    name: str, library: Path, w3c_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([*_command(name, w3c_file), "--db", str(library)])
    assert status is ExitStatus.OK, capsys.readouterr()


def test_text_commands_that_succeed_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", str(SEED_ES), "--json"]) is ExitStatus.OK
    assert main(["align", str(SEED_ES), str(SEED_ES), "--json"]) is ExitStatus.OK
    assert "Traceback" not in capsys.readouterr().err


# -- 1: some input failed ---------------------------------------------------------------------


def test_import_with_a_missing_file_exits_1_and_imports_the_rest(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "new.txt"
    copy.write_text("Una frase nueva al principio.\n" + SEED_ES.read_text(encoding="utf-8"),
                    encoding="utf-8")
    status = main(["import", str(tmp_path / "missing.txt"), str(copy), "--db", str(library)])
    assert status is ExitStatus.FAILED
    out = capsys.readouterr().out
    assert f"failed: {tmp_path / 'missing.txt'}" in out and f"updated: {copy}" in out


@pytest.mark.parametrize("command", [
    ["figures", "{missing}"],
    ["figures", "{binary}"],
    ["align", "{missing}", str(SEED_ES)],
    ["align", str(SEED_ES), "{binary}"],
])
def test_text_commands_with_an_unreadable_file_exit_1(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text \xff" * 10)
    names = {"missing": str(tmp_path / "missing.txt"), "binary": str(binary)}
    assert main([part.format(**names) for part in command]) is ExitStatus.FAILED
    captured = capsys.readouterr()
    _one_line_no_traceback(captured.err)
    assert captured.out == ""


@pytest.mark.parametrize("content", [None, b"\x00garbage\xff", b'{"type": "Person"}'])
def test_annotations_import_of_a_bad_file_exits_1(
    content: bytes | None, library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.json"
    if content is not None:
        notes.write_bytes(content)
    assert main(["annotations", "import", str(notes), "--db", str(library)]) is ExitStatus.FAILED
    _one_line_no_traceback(capsys.readouterr().err)


def test_annotations_export_to_a_place_it_cannot_write_exits_1(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "notes.md"
    status = main(["annotations", "export", "--format", "md", "--out", str(out),
                   "--db", str(library)])
    assert status is ExitStatus.FAILED
    _one_line_no_traceback(capsys.readouterr().err)


def test_screenshot_it_cannot_write_exits_1(library: Path, tmp_path: Path) -> None:
    result = _reader("screenshot", str(tmp_path / "no-such-folder" / "shot.png"),
                     "--db", str(library), "--size", "400x300")
    assert result.returncode == ExitStatus.FAILED, result.stderr
    assert "could not write" in result.stderr and "Traceback" not in result.stderr


# -- 2: usage error ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [
    [], ["import"], ["list"], ["search"], ["figures"], ["align"], ["annotations"],
    ["annotations", "export"], ["annotations", "import"], ["screenshot"],
])
def test_a_bad_option_exits_2_for_every_command(command: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--no-such-option"])
    assert exit_info.value.code == ExitStatus.USAGE
    assert "usage: reader" in capsys.readouterr().err


def test_a_bad_option_exits_2_from_the_real_command(tmp_path: Path) -> None:
    result = _reader("list", "--sort-by-colour", "--db", str(tmp_path / "library.sqlite"))
    assert result.returncode == ExitStatus.USAGE
    assert "usage: reader" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "library.sqlite").exists()


def test_an_article_that_is_not_there_exits_2(library: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["annotations", "export", "--format", "csv", "--article", "999",
                   "--db", str(library)])
    assert status is ExitStatus.USAGE
    _one_line_no_traceback(capsys.readouterr().err)
    result = _reader("screenshot", str(tmp_path / "shot.png"), "--article", "999",
                     "--db", str(library), "--size", "400x300")
    assert result.returncode == ExitStatus.USAGE
    assert "no article 999" in result.stderr and not (tmp_path / "shot.png").exists()


def test_the_window_without_a_display_exits_2(library: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _reader("--db", str(library), env=env)
    assert result.returncode == ExitStatus.USAGE
    assert "no display" in result.stderr and "Traceback" not in result.stderr


# -- 3: the library cannot be used ------------------------------------------------------------


@pytest.mark.parametrize("kind", BAD_LIBRARIES)
@pytest.mark.parametrize("name", LIBRARY_COMMANDS)
def test_a_library_that_cannot_be_used_exits_3(
    name: str, kind: str, seeded_file: Path, w3c_file: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _bad_library(kind, tmp_path, seeded_file)
    before = path.read_bytes() if path.exists() else None
    status = main([*_command(name, w3c_file), "--db", str(path)])
    captured = capsys.readouterr()
    assert status is ExitStatus.LIBRARY
    _one_line_no_traceback(captured.err)
    assert str(path) in captured.err
    assert (path.read_bytes() if path.exists() else None) == before  # left untouched


@pytest.mark.parametrize("command", [["screenshot", "{out}"], []], ids=["screenshot", "window"])
def test_the_window_on_a_library_that_cannot_be_used_exits_3(
    command: list[str], seeded_file: Path, tmp_path: Path
) -> None:
    path = _bad_library("garbage bytes", tmp_path, seeded_file)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "shot.png"
    result = _reader(*[part.format(out=out) for part in command], "--db", str(path), env=env)
    assert result.returncode == ExitStatus.LIBRARY
    assert f"reader: cannot open the library {path}: " in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()
