"""The command line in the reader's language: plain output says reasons in it, `--json` keeps
the stable code and the English reason whatever the locale; `reader install-desktop`."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.ui import i18n
from tests.conftest import SEED_SV


@pytest.fixture
def russian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("READER_LOCALE", "ru_RU.UTF-8")
    i18n.choose_language(None)
    yield
    monkeypatch.setenv("READER_LOCALE", "en_US")
    i18n.choose_language(None)


def _bad_files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xc3\x28 not utf-8")
    return bad, tmp_path / "missing.txt"


def test_plain_import_output_speaks_russian(tmp_path: Path, russian: None,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad, missing = _bad_files(tmp_path)
    status = main(["import", str(SEED_SV), str(bad), str(missing), "--db",
                   str(tmp_path / "lib.sqlite")])
    assert status == 1
    assert capsys.readouterr().out.splitlines() == [
        f"ошибка: {missing}: нет такого файла или папки",
        f"дубликат: {SEED_SV}: уже есть в библиотеке",
        f"ошибка: {bad}: недопустимый текст UTF-8 (байт 0xc3 в позиции 0)",
    ]


def test_json_import_output_keeps_codes_and_english(tmp_path: Path, russian: None,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bad, missing = _bad_files(tmp_path)
    status = main(["import", str(SEED_SV), str(bad), str(missing), "--json", "--db",
                   str(tmp_path / "lib.sqlite")])
    assert status == 1
    reported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(item["status"], item["code"], item["reason"]) for item in reported] == [
        ("failed", "no-such-file", "no such file or folder"),
        ("duplicate", "already-in-library", "already in the library"),
        ("failed", "invalid-encoding", "not valid UTF-8 text (byte 0xc3 at offset 0)"),
    ]
    assert reported[1]["path"] == str(SEED_SV) and reported[1]["article_id"] is not None


def test_install_desktop_puts_an_entry_and_the_icon_in_the_users_data_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["install-desktop"]) == 0
    entry_file = tmp_path / "share" / "applications" / "parallel-reader.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "parallel-reader.svg"
    assert capsys.readouterr().out.splitlines() == [f"installed {entry_file}",
                                                    f"installed {icon}"]
    assert icon.read_text().startswith("<svg")
    entry = dict(line.split("=", 1) for line in entry_file.read_text().splitlines()
                 if "=" in line)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Parallel Reader"
    assert entry["Icon"] == "parallel-reader"
    assert entry["Comment[ru]"] == "Читайте новости рядом с их переводами"
    assert entry["GenericName[es]"] == "Lector de noticias multilingüe"
    command = entry["Exec"].split(" ")
    assert os.access(command[0], os.X_OK)  # this interpreter, with -m reader under pytest
    assert command[1:] == ["-m", "reader"]


def test_install_desktop_says_when_it_cannot_write(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["install-desktop"]) == 1
    assert "the desktop entry cannot be written" in capsys.readouterr().err


def test_a_file_the_figures_command_cannot_read_is_said_in_russian_unless_json(
        tmp_path: Path, russian: None, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["figures", str(empty)]) == 1
    assert capsys.readouterr().err.strip() == f"reader: {empty}: пустой файл"
    assert main(["figures", str(empty), "--json"]) == 1
    assert capsys.readouterr().err.strip() == f"reader: {empty}: empty file"
