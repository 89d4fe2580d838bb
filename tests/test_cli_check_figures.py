"""`reader check-figures SRC TGT`: the translation check of whole files, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    status = main(["check-figures", *args, "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_aligned_lines_flag_the_scale_error_only(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "en.txt", ["The bridge cost £4.5bn.", "Sales fell four per cent.",
                                         "Kick-off is at 8 p.m.", "The lake is 12 miles long."])
    target = _write(tmp_path, "es.txt", ["El puente costó 4500 billones de libras.",
                                         "Las ventas bajaron un 4 %.",
                                         "El partido empieza a las 20:00.",
                                         "El lago mide 19 kilómetros."])
    status, report = _run(capsys, str(source), str(target), "--src-lang", "en",
                          "--tgt-lang", "es", "--aligned")
    assert status == 0
    assert report == {"pairs": 4, "flags": [{
        "src": [0], "tgt": [0], "verdict": "differs",
        "source": [{"surface": "£4.5bn", "value": 4500000000, "unit": "GBP"}],
        "target": [{"surface": "4500 billones de libras", "value": 4500000000000000,
                    "unit": "GBP"}],
        "factor": 1000000, "reason": "same quantity and unit, values differ"}]}


def test_no_flags_is_still_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "en.txt", ["Prices rose 3 percent."])
    target = _write(tmp_path, "sv.txt", ["Priserna steg med 3 procent."])
    status, report = _run(capsys, str(source), str(target), "--src-lang", "en",
                          "--tgt-lang", "sv", "--presegmented")
    assert (status, report) == (0, {"pairs": 1, "flags": []})


def test_articles_are_split_and_aligned(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, "en.txt", ["Harbour works", "", "The new quay cost $40 million. "
                                         "It opened on Monday."])
    target = _write(tmp_path, "ru.txt", ["Работы в порту", "", "Новый причал стоил "
                                         "40 млрд долларов. Он открылся в понедельник."])
    status, report = _run(capsys, str(source), str(target), "--src-lang", "en",
                          "--tgt-lang", "ru")
    assert status == 0
    flags = report["flags"]
    assert isinstance(flags, list)
    assert [(flag["verdict"], flag["factor"]) for flag in flags] == [("differs", 1000)]


def test_an_unreadable_file_says_why_with_status_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = _write(tmp_path, "es.txt", ["Hola."])
    assert main(["check-figures", str(tmp_path / "missing.txt"), str(target)]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_aligned_and_presegmented_exclude_each_other(tmp_path: Path) -> None:
    path = _write(tmp_path, "en.txt", ["One."])
    with pytest.raises(SystemExit) as raised:
        main(["check-figures", str(path), str(path), "--aligned", "--presegmented"])
    assert raised.value.code == 2


def test_a_value_of_thousands_of_digits_is_printed_as_a_string(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    digits = "9" * 5000
    source = _write(tmp_path, "en.txt", [f"A debt of ${digits}."])
    target = _write(tmp_path, "es.txt", ["Una deuda enorme."])
    status, report = _run(capsys, str(source), str(target), "--src-lang", "en",
                          "--tgt-lang", "es", "--aligned")
    assert status == 0
    flags = report["flags"]
    assert isinstance(flags, list)
    assert flags[0]["source"] == [{"surface": f"${digits}", "value": digits, "unit": "USD"}]
    assert main(["figures", str(source), "--lang", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["value"] == digits
