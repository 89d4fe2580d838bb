"""Books and documents imported through the command line are articles whose stored text is
the seed's, paragraph by paragraph, with the chapters as sections and the title, author and
language the file declares; bad ones are refused with their reason and leave no trace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.cli import main
from reader.operations.importer import import_paths
from reader.store.library import Library
from tests.conftest import SEED_EN
from tests.formats.document_files import (
    docx_expected,
    docx_file,
    epub_expected,
    epub_file,
    odt_expected,
    odt_file,
    password_pdf_file,
    pdf_expected,
    pdf_file,
    scanned_pdf_file,
    zip_bomb_file,
)

_MB = 1024 * 1024


def _listing(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", "--json", "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_each_format_imports_through_the_command_line_as_its_seed(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [epub_file(tmp_path / "book.epub"), pdf_file(tmp_path / "report.pdf"),
             docx_file(tmp_path / "memo.docx"), odt_file(tmp_path / "notes.odt")]
    before = [(path.read_bytes(), os.stat(path).st_mtime_ns) for path in files]
    db = tmp_path / "lib.sqlite"
    assert main(["import", *map(str, files), "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"imported: {path}" for path in files]
    assert [(path.read_bytes(), os.stat(path).st_mtime_ns) for path in files] == before
    library = Library.open(db)
    try:
        documents = {d.file_name: d for d in library.all_documents()}
        book = documents["book.epub"]
        assert (book.title, book.byline, book.language) == (
            "Two Provinces: News in Translation", "Ana Lindqvist, Minh Nguyen", "en")
        stored = library.document_text(book.id).paragraphs
        assert [(p.section, p.text) for p in stored] == epub_expected()
        assert [p.kind for p in stored if p.section == 1][:1] == ["heading"]

        report = documents["report.pdf"]
        assert (report.title, report.language) == ("Provincial Conference", "en")
        assert [p.text for p in library.document_text(report.id).paragraphs] == pdf_expected()

        memo = documents["memo.docx"]
        assert (memo.title, memo.byline, memo.language) == (
            "Итоги конференции в Каобанге", "Иван Петров", "ru")
        assert [(p.text, p.kind) for p in library.document_text(memo.id).paragraphs] == [
            (text, kind.value) for text, kind in docx_expected()]

        notes = documents["notes.odt"]
        assert (notes.title, notes.byline, notes.language) == (
            "Konferensen i Cao Bang", "Sara Holm", "sv")
        assert [p.text for p in library.document_text(notes.id).paragraphs] == odt_expected()
    finally:
        library.close()
    assert main(["import", str(files[0]), "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"duplicate: {files[0]}: already in the library\n"


def test_bad_books_and_documents_are_refused_and_leave_no_trace(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    before = _listing(db, capsys)
    text_as_pdf = tmp_path / "text.pdf"
    text_as_pdf.write_bytes(SEED_EN.read_bytes())
    whole = epub_file(tmp_path / "whole.epub").read_bytes()
    cut = tmp_path / "cut.epub"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    bad = [text_as_pdf, cut, zip_bomb_file(tmp_path / "bomb.epub"),
           epub_file(tmp_path / "drm.epub", encrypted=True),
           password_pdf_file(tmp_path / "locked.pdf"), scanned_pdf_file(tmp_path / "scan.pdf")]
    assert main(["import", *map(str, bad), "--db", str(db)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"failed: {text_as_pdf}: not a PDF file: it is text",
        f"failed: {cut}: damaged EPUB file: the archive is cut short or corrupt (its table of "
        "contents cannot be found)",
        f"failed: {bad[2]}: refused: the archive would expand to 241 MB or more (the limit is "
        "200 MB), which could exhaust memory",
        f"failed: {bad[3]}: is protected by DRM (META-INF/encryption.xml): its text is "
        "encrypted",
        f"failed: {bad[4]}: is password-protected",
        f"failed: {bad[5]}: has no text layer (a scanned PDF?)",
    ]
    assert _listing(db, capsys) == before


def test_documents_may_be_larger_than_a_text_file_up_to_their_own_limit(
        empty_library: Library, tmp_path: Path) -> None:
    import zipfile

    book = epub_file(tmp_path / "illustrated.epub")
    with zipfile.ZipFile(book, "a") as archive:  # a picture does not compress
        archive.writestr("OEBPS/images/map.jpg", os.urandom(25 * _MB), zipfile.ZIP_STORED)
    assert book.stat().st_size > 25 * _MB
    text = tmp_path / "long.txt"
    text.write_bytes(b"A sentence of text.\n" * (21 * _MB // 20))
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as sparse:
        sparse.truncate(201 * _MB)
    results = import_paths(empty_library, [book, text, huge])
    assert [(r.status.value, r.reason) for r in results] == [
        ("imported", ""),
        ("failed", "file is too large (21.0 MB; the limit is 20 MB)"),
        ("failed", "file is too large (201.0 MB; the limit is 200 MB)"),
    ]
