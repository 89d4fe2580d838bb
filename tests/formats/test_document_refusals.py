"""Bad books and documents are refused with one line that says why: cut short, a zip or XML
bomb, DRM or a password, a scan with no text, a file that lies about its type."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader.formats.docx_document import read_docx
from reader.formats.epub import read_epub
from reader.formats.odt_document import read_odt
from reader.formats.pdf_document import read_pdf
from reader.text.file_check import UnreadableFile
from reader.text.source_document import SourceDocument
from tests.conftest import SEED_EN
from tests.formats.document_files import (
    docx_file,
    epub_file,
    odt_file,
    password_pdf_file,
    pdf_file,
    scanned_pdf_file,
    zip_bomb_file,
)

Read = Callable[[bytes, str], SourceDocument]


def _reason(read: Read, data: bytes, name: str = "file") -> str:
    with pytest.raises(UnreadableFile) as refused:
        read(data, name)
    reason = str(refused.value)
    assert "\n" not in reason
    return reason


@pytest.mark.parametrize(("read", "make", "label"), [
    (read_epub, epub_file, "EPUB"), (read_docx, docx_file, "DOCX"), (read_odt, odt_file, "ODT")])
def test_an_archive_cut_short_is_damaged(tmp_path: Path, read: Read,
                                         make: Callable[[Path], Path], label: str) -> None:
    data = make(tmp_path / "whole").read_bytes()
    assert _reason(read, data[:len(data) // 2]) == (
        f"damaged {label} file: the archive is cut short or corrupt (its table of contents "
        "cannot be found)")


def test_a_zip_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    bomb = zip_bomb_file(tmp_path / "bomb.epub")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert _reason(read_epub, bomb.read_bytes()) == (
        "refused: the archive would expand to 241 MB or more (the limit is 200 MB), which "
        "could exhaust memory")


def test_one_part_too_large_to_be_text_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "padded.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", b"<container>" + b" " * (30 * 1024 * 1024)
                         + b"</container>", zipfile.ZIP_DEFLATED, 1)
    assert _reason(read_epub, book.read_bytes()) == (
        "refused: its part META-INF/container.xml expands to 31 MB or more (the limit for "
        "one part is 20 MB)")


def test_an_xml_bomb_in_a_book_is_refused(tmp_path: Path) -> None:
    book = tmp_path / "laughs.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml",
                         '<!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                         "<container>&b;</container>")
    assert _reason(read_epub, book.read_bytes()).startswith(
        "refused: the file declares XML entities")


def test_a_book_with_drm_is_refused(tmp_path: Path) -> None:
    book = epub_file(tmp_path / "locked.epub", encrypted=True)
    assert _reason(read_epub, book.read_bytes()) == (
        "is protected by DRM (META-INF/encryption.xml): its text is encrypted")


def test_files_that_lie_about_their_type_say_what_they_are(qapp: QApplication,
                                                           tmp_path: Path) -> None:
    text = SEED_EN.read_bytes()
    pdf = pdf_file(tmp_path / "real.pdf").read_bytes()
    assert _reason(read_pdf, text) == "not a PDF file: it is text"
    assert _reason(read_epub, pdf) == "not an EPUB file: it is a PDF file"
    assert _reason(read_docx, text) == "not a DOCX file: it is text"
    assert _reason(read_odt, b"") == "not an ODT file: it is empty"
    book = epub_file(tmp_path / "book.epub").read_bytes()
    assert _reason(read_pdf, book) == "not a PDF file: it is a ZIP archive (DOCX, EPUB, ODT…)"
    assert _reason(read_docx, book) == (
        "not a DOCX file: it is an EPUB without word/document.xml")
    assert _reason(read_odt, book) == "not an ODT file: its type is application/epub+zip"
    assert _reason(read_epub, docx_file(tmp_path / "a.docx").read_bytes()) == (
        "not an EPUB file: it is a ZIP archive without META-INF/container.xml")


def test_an_old_word_document_and_an_encrypted_one_are_told_apart() -> None:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    encrypted = header + "EncryptedPackage".encode("utf-16-le")
    assert _reason(read_docx, header) == (
        "not a DOCX file: it is an old Word document (.doc); save it as DOCX first")
    assert _reason(read_docx, encrypted) == "is password-protected (an encrypted Word document)"


def test_pdfs_that_cannot_give_text_say_why(qapp: QApplication, tmp_path: Path) -> None:
    assert _reason(read_pdf, scanned_pdf_file(tmp_path / "scan.pdf").read_bytes()) == (
        "has no text layer (a scanned PDF?)")
    assert _reason(read_pdf, password_pdf_file(tmp_path / "locked.pdf").read_bytes()) == (
        "is password-protected")
    whole = pdf_file(tmp_path / "whole.pdf").read_bytes()
    assert _reason(read_pdf, whole[:len(whole) // 3]).startswith("damaged PDF file: ")


def test_a_password_protected_odt_says_so(tmp_path: Path) -> None:
    locked = tmp_path / "locked.odt"
    with zipfile.ZipFile(locked, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bytes(range(256)) * 8, zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
            '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'
            "</manifest:file-entry></manifest:manifest>")
    assert _reason(read_odt, locked.read_bytes()) == "is password-protected"
