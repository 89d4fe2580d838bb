"""`reader annotations export` and `reader annotations import`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.app import open_library
from reader.cli import main

NOTE = 'rain, "floods"\nand landslides'


def _annotated_library(path: Path) -> None:
    """A new library with three annotations: two in the Cao Bang article, one in Swedish."""
    library = open_library(path)
    try:
        documents = {d.language: d for d in library.all_documents()}
        es_text = library.document_text(documents["es"].id).text
        start = es_text.index("desastres naturales")
        library.annotations.add(documents["es"].id, start, start + 19, "green", NOTE,
                                ["clima", "agua"])
        library.annotations.add(documents["en"].id, 10, 40, "pink")
        library.annotations.add(documents["sv"].id, 0, 20, "blue", "svenska")
    finally:
        library.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    _annotated_library(path)
    return path


def _export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["annotations", "export", *args]) == 0
    return capsys.readouterr().out


def test_markdown_to_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _export(capsys, "--format", "md", "--db", str(db))
    assert out.startswith("# Annotations\n")
    assert out.count("\n## ") == 2
    assert "> desastres naturales" in out and NOTE in out and "svenska" in out


def test_csv_to_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(capsys, "--format", "csv", "--db", str(db)))))
    assert len(rows) == 3
    assert {row["language"] for row in rows} == {"es", "en", "sv"}
    spanish = next(row for row in rows if row["language"] == "es")
    assert (spanish["note"], spanish["tags"]) == (NOTE, "clima; agua")


def test_w3c_sources_are_the_uris_list_prints(db: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_export(capsys, "--format", "w3c", "--db", str(db)))
    assert (data["type"], data["total"], len(data["first"]["items"])) == (
        "AnnotationCollection", 3, 3)
    assert main(["list", "--json", "--db", str(db)]) == 0
    listed = {d["language"]: d["uri"] for a in json.loads(capsys.readouterr().out)
              for d in a["documents"]}
    sources = [item["target"]["source"] for item in data["first"]["items"]]
    assert sorted(sources) == sorted([listed["es"], listed["en"], listed["sv"]])
    spanish = next(i for i in data["first"]["items"] if i["target"]["source"] == listed["es"])
    assert [s["type"] for s in spanish["target"]["selector"]] == ["TextQuoteSelector",
                                                                  "TextPositionSelector"]


@pytest.mark.parametrize("file_format", ["md", "csv", "w3c"])
def test_out_file_holds_what_stdout_shows(db: Path, tmp_path: Path, file_format: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    shown = _export(capsys, "--format", file_format, "--db", str(db))
    out = tmp_path / f"notes.{file_format}"
    said = _export(capsys, "--format", file_format, "--out", str(out), "--db", str(db))
    assert said == f"3 annotations written to {out}\n"
    assert out.read_bytes().decode("utf-8") == shown


def test_article_option_limits_the_export(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(
        _export(capsys, "--format", "csv", "--article", "1", "--db", str(db)))))
    assert sorted(row["language"] for row in rows) == ["en", "es"]
    data = json.loads(_export(capsys, "--format", "w3c", "--article", "2", "--db", str(db)))
    assert data["total"] == 1
    assert data["first"]["items"][0]["body"][0]["value"] == "svenska"


def test_unknown_article_is_an_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotations", "export", "--format", "md", "--article", "99",
                 "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no article 99" in captured.err


def test_db_before_the_subcommand_is_used(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "annotations", "export", "--format", "csv"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 3


def test_import_into_another_library_then_again(db: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "notes.json"
    _export(capsys, "--format", "w3c", "--out", str(exported), "--db", str(db))
    other = tmp_path / "other.sqlite"
    assert main(["annotations", "import", str(exported), "--db", str(other)]) == 0
    assert capsys.readouterr().out == "imported 3, already present 0, kept without a place 0\n"
    assert main(["annotations", "import", str(exported), "--db", str(other), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "imported": 0, "already_present": 3, "orphaned": 0, "not_found": [], "invalid": [],
        "conflicts": []}
    original = _export(capsys, "--format", "csv", "--db", str(db))
    copied = _export(capsys, "--format", "csv", "--db", str(other))
    keys = ("uid", "document_uri", "start", "end", "quote", "colour", "note", "tags")
    assert (sorted(tuple(r[k] for k in keys) for r in csv.DictReader(io.StringIO(copied)))
            == sorted(tuple(r[k] for k in keys) for r in csv.DictReader(io.StringIO(original))))


def test_import_reports_unknown_sources_and_bad_items(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps([
        {"type": "Annotation", "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
         "target": {"source": "https://example.org/x#lang=fr",
                    "selector": {"type": "TextQuoteSelector", "exact": "bonjour"}}},
        {"type": "Annotation", "target": "https://example.org/x#lang=fr"},
    ]), encoding="utf-8")
    assert main(["annotations", "import", str(notes), "--db", str(tmp_path / "l.sqlite")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "imported 0, already present 0, kept without a place 0",
        "not found: urn:uuid:00000000-0000-4000-8000-000000000001: no document "
        "https://example.org/x#lang=fr in this library",
        "invalid: item 2: no selector (the target is only an address)",
    ]


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file or folder"),
    (b"\xff\xfe{}", "not valid UTF-8"),
    (b"{\"type\": ", "not JSON"),
    (b"\"just text\"", "not W3C annotations"),
    (b"{\"type\": \"Person\"}", "not W3C annotations"),
])
def test_unreadable_files_exit_1_without_a_traceback(
    tmp_path: Path, content: bytes | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.json"
    if content is not None:
        notes.write_bytes(content)
    assert main(["annotations", "import", str(notes), "--db", str(tmp_path / "l.sqlite")]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"reader: {notes}: ") and message in captured.err
    assert "Traceback" not in captured.err and captured.out == ""
