"""`reader search`: the library's full text from the command line, plain or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def test_search_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    assert main(["search", "organizacion", "--db", str(db), "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert list(hit) == ["article_id", "document_id", "language", "title", "snippet", "score"]
    assert hit["language"] == "es"
    assert hit["title"].startswith("Conferencia para evaluar")
    assert "organización" in hit["snippet"]
    assert isinstance(hit["score"], float) and hit["score"] > 0
    assert isinstance(hit["article_id"], int) and isinstance(hit["document_id"], int)


def test_search_limit_and_db_before_the_command(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert main(["--db", db, "search", "provincial", "--json"]) == 0
    assert [h["language"] for h in json.loads(capsys.readouterr().out)] in (["es", "en"],
                                                                            ["en", "es"])
    assert main(["--db", db, "search", "provincial", "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_search_plain_and_nothing_found(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert main(["search", "genomforandet", "--db", db]) == 0
    out = capsys.readouterr().out
    assert " sv " in out and "genomförandet" in out
    assert main(["search", 'NEAR(" title:*', "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_search_refuses_a_limit_below_one(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "x", "--limit", "0", "--db", str(tmp_path / "lib.sqlite")])
    assert "at least 1" in capsys.readouterr().err
