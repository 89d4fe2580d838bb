"""The one list of formats: readers by file pattern, writers by kind and name, dialog filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats.registry import (
    ANNOTATIONS,
    FIGURES,
    TRANSLATION_PAIR,
    importable_patterns,
    is_importable,
    open_filter,
    read_back_filter,
    reader_for,
    readers,
    save_filter,
    unsupported,
    writer,
    writer_for_file,
    writer_names,
    writers,
)
from tests.conftest import SEED_ES


def test_the_text_reader_claims_text_files_in_any_case() -> None:
    text = readers()[0]
    assert (text.name, text.label, text.patterns) == ("text", "Text articles",
                                                      ("*.txt", "*.text"))
    for name in ("a.txt", "A.TXT", "notes.Text", str(SEED_ES)):
        assert reader_for(name) is text and is_importable(Path(name))
    for name in ("a.txt.bak", "txt", "archive.tar.gz", ""):
        assert reader_for(name) is None and not is_importable(name)
    assert importable_patterns() == ("*.txt", "*.text", "*.html", "*.htm", "*.xhtml", "*.md",
                                     "*.markdown", "*.epub", "*.pdf", "*.docx", "*.odt",
                                     "*.tmx", "*.xlf", "*.xliff", "*.tsv", "*.csv")


def test_books_and_documents_are_claimed_by_their_readers() -> None:
    for name, reader in (("novel.EPUB", "epub"), ("report.pdf", "pdf"), ("memo.Docx", "docx"),
                         ("notes.odt", "odt")):
        found = reader_for(name)
        assert found is not None and found.name == reader
        assert found.max_bytes == 200 * 1024 * 1024
    assert reader_for("a.txt") is not None and reader_for("a.txt").max_bytes == 20 * 1024 * 1024
    for name in ("old.doc", "slides.odp", "book.mobi"):
        assert reader_for(name) is None


def test_bilingual_files_are_claimed_by_their_readers() -> None:
    for name, reader in (("page.HTML", "html"), ("page.htm", "html"), ("notes.md", "markdown"),
                         ("memory.TMX", "tmx"), ("job.xlf", "xliff"), ("job.xliff", "xliff"),
                         ("pairs.tsv", "table"), ("pairs.CSV", "table")):
        found = reader_for(name)
        assert found is not None and found.name == reader


def test_a_file_no_reader_claims_is_named_by_its_suffix() -> None:
    assert unsupported(Path("/tmp/slides.PPTX")) == "not a supported format: .PPTX"
    assert unsupported("README") == "not a supported format: the file name has no extension"


def test_dialog_filters_come_from_the_formats() -> None:
    assert open_filter() == (
        "All supported files (*.txt *.text *.html *.htm *.xhtml *.md *.markdown *.epub *.pdf "
        "*.docx *.odt *.tmx *.xlf *.xliff *.tsv *.csv);;"
        "Text articles (*.txt *.text);;Web pages (*.html *.htm *.xhtml);;"
        "Markdown (*.md *.markdown);;EPUB books (*.epub);;PDF documents (*.pdf);;"
        "Word documents (*.docx);;OpenDocument text (*.odt);;TMX translation memories (*.tmx);;"
        "XLIFF bilingual files (*.xlf *.xliff);;Translation tables (TSV, CSV) (*.tsv *.csv);;"
        "All files (*)")
    assert open_filter(str.upper).startswith("ALL SUPPORTED FILES (*.txt")
    assert save_filter(ANNOTATIONS) == ("Markdown (*.md);;CSV (*.csv);;"
                                        "W3C Web Annotation JSON-LD (*.jsonld *.json)")
    assert save_filter(FIGURES) == "CSV files (*.csv)"
    assert save_filter(TRANSLATION_PAIR) == (
        "TMX translation memory (*.tmx);;XLIFF 2.1 (*.xlf *.xliff);;TSV table (*.tsv);;"
        "HTML page, two columns (*.html *.htm);;Word document, two columns (*.docx)")
    assert read_back_filter(ANNOTATIONS, "w3c") == (
        "W3C Web Annotation JSON-LD (*.jsonld *.json);;All files (*)")


def test_writers_by_kind_and_name() -> None:
    assert writer_names(ANNOTATIONS) == ("md", "csv", "w3c")
    assert writer_names(FIGURES) == ("csv",)
    assert writer(ANNOTATIONS, "csv") is not writer(FIGURES, "csv")
    assert [w.suffix for w in writers(ANNOTATIONS)] == [".md", ".csv", ".jsonld"]
    with pytest.raises(ValueError, match="unknown annotations format 'docx'; choose md, csv, w3c"):
        writer(ANNOTATIONS, "docx")


def _chosen(path: str, chosen_filter: str = "") -> str | None:
    found = writer_for_file(ANNOTATIONS, path, chosen_filter)
    return found.name if found else None


def test_a_save_dialog_answer_names_its_writer() -> None:
    assert _chosen("notes", "W3C Web Annotation JSON-LD (*.jsonld *.json)") == "w3c"
    assert _chosen("notes.md", "CSV (*.csv)") == "csv"  # the filter chosen wins
    assert _chosen("notes.CSV") == "csv"
    assert _chosen("notes.json") == "w3c"
    assert _chosen("notes.docx") is None
