"""The command line prints file names, titles, article text and reports without a control
character a terminal would act on; JSON output stays exact JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli_text import terminal_safe
from tests.conftest import SEED_SV

ESC = "\x1b"
ARTICLE = ("Översvämningar \x1b]0;pwned\x07 i norr\n\n"
           "Floderna steg snabbt \x1b[31m under natten \x9b2J och tusentals hus stod under "
           "vatten i provinsen. Myndigheterna evakuerade invånare från byarna längs älven.\n")


def test_control_characters_become_visible_escapes() -> None:
    assert terminal_safe("evil\x1b[2Jname.txt") == "evil\\x1b[2Jname.txt"
    assert terminal_safe("a\tb\nc\rd\x07\x7f\x9b") == "a\tb\nc\\x0dd\\x07\\x7f\\x9b"
    assert terminal_safe("Lũ lụt, 12,5 % — ok") == "Lũ lụt, 12,5 % — ok"
    assert terminal_safe(Path("/tmp/x")) == "/tmp/x"


def test_an_imported_file_name_with_an_escape_sequence_prints_no_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil\x1b[2Jname.txt"
    evil.write_text(ARTICLE, encoding="utf-8")
    broken = tmp_path / "bad\x1b]0;title\x07.txt"
    broken.write_bytes(b"\xc3\x28 not utf-8")
    status = main(["import", str(evil), str(broken), "--db", str(tmp_path / "lib.sqlite")])
    out = capsys.readouterr().out
    assert status == 1
    assert ESC not in out and "\x07" not in out
    lines = out.splitlines()
    assert lines[0] == f"imported: {tmp_path}/evil\\x1b[2Jname.txt"
    assert lines[1].startswith(f"failed: {tmp_path}/bad\\x1b]0;title\\x07.txt: not valid UTF-8")


def test_list_and_search_print_article_text_without_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["import", str(article), "--db", db]) == 0
    capsys.readouterr()
    assert main(["list", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert "Översvämningar \\x1b]0;pwned\\x07 i norr" in listed  # the file's own headline
    assert main(["search", "floderna natten", "--db", db]) == 0
    found = capsys.readouterr().out
    assert "\\x1b[31m" in found
    for text in (listed, found):
        assert ESC not in text and "\x07" not in text and "\x9b" not in text
    assert main(["search", "floderna", "--db", db, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)  # JSON keeps the text exactly
    assert any(ESC in hit["title"] for hit in hits)


def test_annotation_import_reports_conflicts_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lib.sqlite")
    assert main(["list", "--db", db]) == 0
    capsys.readouterr()
    from reader.app import open_library

    library = open_library(Path(db))
    try:
        document = next(d for d in library.all_documents() if d.language == "sv")
        text = library.document_text(document.id).text
    finally:
        library.close()

    def item(exact: str, note: str) -> dict[str, object]:
        return {"type": "Annotation", "id": "https://x.example/\x1b[2J1",
                "bodyValue": note,
                "target": {"source": document.uri,
                           "selector": {"type": "TextQuoteSelector", "exact": exact}}}

    first = tmp_path / "first.json"
    first.write_text(json.dumps(item(text[0:20], "mine")), encoding="utf-8")
    assert main(["annotations", "import", str(first), "--db", db]) == 0
    capsys.readouterr()
    second = tmp_path / "second\x1b[2J.json"
    second.write_text(json.dumps([item(text[30:60], "theirs"), item(text[0:20], "mine")]),
                      encoding="utf-8")
    assert main(["annotations", "import", str(second), "--db", db]) == 1
    out = capsys.readouterr().out
    assert ESC not in out
    assert out.splitlines() == [
        "imported 0, already present 1, kept without a place 0",
        "conflicting id: https://x.example/\\x1b[2J1 (another passage), kept the one in the "
        "library",
    ]
    assert main(["annotations", "import", str(second), "--db", db, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["conflicts"] == ["conflicting id: https://x.example/\x1b[2J1 (another "
                                   "passage), kept the one in the library"]
    missing = tmp_path / "gone\x1b[2J.json"
    assert main(["annotations", "import", str(missing), "--db", db]) == 1
    assert ESC not in capsys.readouterr().err


def test_figures_and_align_print_text_without_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "figures.txt"
    article.write_text("Priset steg med 12 procent \x1b[2J till 5 000 kronor.\n",
                       encoding="utf-8")
    assert main(["figures", str(article), "--lang", "sv"]) == 0
    assert ESC not in capsys.readouterr().out
    assert main(["align", str(article), str(SEED_SV)]) == 0
    aligned = capsys.readouterr().out
    assert ESC not in aligned and "\\x1b[2J" in aligned
