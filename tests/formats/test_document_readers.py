"""Books and documents read by their readers: an EPUB's chapters as sections, a PDF printed
by Qt with its running header, page numbers, two columns and broken words, a DOCX and an
ODT with their headings; each with the title, author and language it declares."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.formats.docx_document import read_docx
from reader.formats.epub import read_epub
from reader.formats.odt_document import read_odt
from reader.formats.pdf_document import read_pdf
from reader.text.source_document import ParagraphKind
from tests.formats.document_files import (
    PDF_TITLE,
    RUNNING_HEADER,
    docx_expected,
    docx_file,
    epub_expected,
    epub_file,
    odt_expected,
    odt_file,
    pdf_expected,
    pdf_file,
)


@pytest.mark.parametrize("version", ["3.0", "2.0"])
def test_an_epub_is_one_document_whose_chapters_are_sections(tmp_path: Path,
                                                             version: str) -> None:
    book = epub_file(tmp_path / "book.epub", version)
    document = read_epub(book.read_bytes(), book.name)
    assert [(p.section, p.text) for p in document.paragraphs] == epub_expected()
    assert [p.text for p in document.paragraphs if p.kind == ParagraphKind.HEADING] == [
        "Chapter One: Cao Bang", "Chapter Two: Ryssland"]
    assert document.title == "Two Provinces: News in Translation"
    assert document.byline == "Ana Lindqvist, Minh Nguyen"
    assert document.language == "en"
    assert "not text" not in document.body_text and "Contents" not in document.body_text
    assert "\n\nChapter Two: Ryssland\n" in document.body_text


def test_a_pdf_gives_the_seed_paragraph_by_paragraph(qapp: QApplication,
                                                     tmp_path: Path) -> None:
    printed = pdf_file(tmp_path / "report.pdf")
    document = read_pdf(printed.read_bytes(), printed.name)
    texts = [p.text for p in document.paragraphs]
    # Words broken at line ends are whole again; the running header and the page numbers
    # are gone; the two-column page is read column after column.
    assert texts == pdf_expected()
    assert document.paragraphs[0].kind == ParagraphKind.HEADING
    assert all(p.kind == ParagraphKind.BODY for p in document.paragraphs[1:])
    assert RUNNING_HEADER not in document.body_text
    assert document.title == PDF_TITLE
    assert "\u00ad" not in document.body_text and "\ufffe" not in document.body_text


def test_a_pdf_with_compounds_broken_at_line_ends_keeps_their_hyphens(
        qapp: QApplication, tmp_path: Path) -> None:
    printed = pdf_file(tmp_path / "report.pdf", hyphenate=False)
    document = read_pdf(printed.read_bytes(), printed.name)
    assert [p.text for p in document.paragraphs] == pdf_expected()
    assert "2025 - 2030" in document.body_text and "commune-level" in document.body_text


def test_a_docx_gives_its_paragraphs_headings_and_properties(tmp_path: Path) -> None:
    written = docx_file(tmp_path / "report.docx")
    document = read_docx(written.read_bytes(), written.name)
    assert [(p.text, p.kind) for p in document.paragraphs] == docx_expected()
    assert document.title == "Итоги конференции в Каобанге"
    assert document.byline == "Иван Петров"
    assert document.language == "ru"


def test_an_odt_gives_its_paragraphs_without_notes(tmp_path: Path) -> None:
    written = odt_file(tmp_path / "report.odt")
    document = read_odt(written.read_bytes(), written.name)
    assert [p.text for p in document.paragraphs] == odt_expected()
    assert document.paragraphs[0].kind == ParagraphKind.HEADING
    assert "fotnot" not in document.body_text
    assert (document.title, document.byline, document.language) == (
        "Konferensen i Cao Bang", "Sara Holm", "sv")
