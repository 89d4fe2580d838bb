"""The command line takes its formats from the registry: imports refuse what no reader
claims, exports offer what the writers write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SEED_NB


def _listing(db: Path, capsys: pytest.CaptureFixture[str]) -> list[object]:
    assert main(["list", "--json", "--db", str(db)]) == 0
    listing: list[object] = json.loads(capsys.readouterr().out)
    return listing


def test_a_file_in_no_known_format_is_reported_and_leaves_the_library_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    before = _listing(db, capsys)
    slides = tmp_path / "report.xyz"
    slides.write_bytes(SEED_NB.read_bytes())
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG")
    assert main(["import", str(slides), str(folder), "--db", str(db)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"failed: {slides}: not a supported format: .xyz",
        f"failed: {folder}: folder holds no files to import "
        "(*.txt, *.text, *.html, *.htm, *.xhtml, *.md, *.markdown, *.epub, *.pdf, *.docx, "
        "*.odt, *.tmx, *.xlf, *.xliff, *.tsv, *.csv)",
    ]
    assert _listing(db, capsys) == before


def test_a_supported_file_beside_it_is_still_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    article = tmp_path / "nb.TEXT"
    article.write_text("Dette er en helt ny artikkel om Dien Bien.\n"
                       + SEED_NB.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "slides.key").write_bytes(b"PK\x03\x04")
    assert main(["import", str(tmp_path), "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"imported: {article}\n"


def test_export_formats_are_the_writers(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["annotations", "export", "--format", "docx", "--db", str(tmp_path / "l.sqlite")])
    assert "choose from 'md', 'csv', 'w3c'" in capsys.readouterr().err
