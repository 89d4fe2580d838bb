"""`reader export-pair` and `reader show`: an article's pair out as a file, a document's text
out for other tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.store.library import Library
from tests.conftest import SEED_EN, SEED_ES
from tests.formats.bilingual_files import seed_paragraphs, tmx_file


def _seeded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "lib.sqlite"
    assert main(["import", str(SEED_ES), str(SEED_EN), "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def test_export_pair_writes_every_format_and_the_tmx_reads_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _seeded(tmp_path, capsys)
    for file_format in ("tmx", "xliff", "tsv", "html", "docx"):
        out = tmp_path / f"pair.{file_format}"
        assert main(["export-pair", "1", "--format", file_format, "--out", str(out),
                     "--db", str(db)]) == 0
        assert capsys.readouterr().out.endswith(f" aligned rows written to {out}\n")
        assert out.stat().st_size > 1000
    other = tmp_path / "other.sqlite"
    assert main(["import", str(tmp_path / "pair.tmx"), "--db", str(other)]) == 0
    library = Library.open(other)  # the seeds, and the pair read back
    try:
        (document,) = [d for d in library.all_documents() if d.file_name == "pair.tmx"][:1]
        versions = library.documents_of(document.article_id)
        assert [(d.language, d.file_name) for d in versions] == [("es", "pair.tmx"),
                                                                  ("en", "pair.tmx")]
    finally:
        library.close()


def test_export_pair_in_the_languages_asked_for(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = _seeded(tmp_path, capsys)
    out = tmp_path / "en-es.tsv"
    assert main(["export-pair", "1", "--format", "tsv", "--out", str(out), "--languages",
                 "en,es", "--db", str(db)]) == 0
    assert out.read_text(encoding="utf-8").startswith("en\tes\nComrades: ")


def test_export_pair_says_why_it_cannot(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = _seeded(tmp_path, capsys)
    out = tmp_path / "x.tmx"
    assert main(["export-pair", "7", "--format", "tmx", "--out", str(out), "--db", str(db)]) == 2
    assert capsys.readouterr().err == "reader: no article 7 in the library\n"
    assert main(["export-pair", "1", "--format", "tmx", "--out", str(out), "--languages",
                 "es,ru", "--db", str(db)]) == 2
    assert capsys.readouterr().err == ("reader: the article has no ru version "
                                       "(it has es, en)\n")
    with pytest.raises(SystemExit):
        main(["export-pair", "1", "--format", "pdf", "--out", str(out), "--db", str(db)])
    assert "choose from 'tmx', 'xliff', 'tsv', 'html', 'docx'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export-pair", "1", "--format", "tmx", "--out", str(out), "--languages", "es"])
    assert "expected two different language codes" in capsys.readouterr().err
    assert not out.exists()


def test_show_prints_a_documents_text_and_its_metadata_as_json(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    pair = tmx_file(tmp_path / "cao-bang.tmx")
    assert main(["import", str(pair), "--db", str(db)]) == 0
    capsys.readouterr()
    library = Library.open(db)  # the seeds came first
    try:
        english_id = next(d.id for d in library.all_documents()
                          if d.file_name == pair.name and d.language == "en")
        article_id = library.document(english_id).article_id
    finally:
        library.close()
    assert main(["show", str(english_id), "--db", str(db)]) == 0
    english = "\n".join(en for _, en in seed_paragraphs())
    assert capsys.readouterr().out == english + "\n"
    assert main(["show", str(english_id), "--json", "--db", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert list(shown) == ["id", "article_id", "title", "language", "uri", "source_url",
                           "format", "author", "date", "text"]
    assert (shown["id"], shown["article_id"], shown["language"]) == (english_id, article_id,
                                                                      "en")
    assert shown["uri"] == "urn:parallel-reader:file:cao-bang#lang=en"
    assert shown["text"] == english and shown["title"].startswith("Conference to evaluate")
    assert shown["source_url"] is None


def test_show_of_a_seed_names_its_source_and_byline(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = _seeded(tmp_path, capsys)
    assert main(["show", "1", "--json", "--db", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["source_url"].startswith("https://tuyengiaocaobang.vn/")
    assert shown["text"].startswith("Camaradas: Quan Minh Cuong")
    assert main(["show", "99", "--db", str(db)]) == 2
    assert capsys.readouterr().err == "reader: no document 99 in the library\n"
