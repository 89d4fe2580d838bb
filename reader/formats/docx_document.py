"""Word documents (DOCX): paragraphs in order, headings by their style (Title, Heading N),
title, author and language from the document's core properties.

Read with python-docx (MIT), imported when the first DOCX is read; the archive is checked
first (cut short, encrypted, expanding past the limit) so python-docx only sees a sound one.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reader.formats.base import DocumentReader
from reader.formats.xml_input import language_code
from reader.formats.zip_input import open_archive
from reader.text.file_check import MAX_SOURCE_BYTES, UnreadableFile, check_text_size
from reader.text.source_document import (
    Block,
    ParagraphKind,
    SourceDocument,
    content_hash,
    one_line,
    place_blocks,
)

if TYPE_CHECKING:
    from docx.document import Document

LABEL = "a DOCX"
_MAIN_PART = "word/document.xml"
_CONTENT_TYPES = "[Content_Types].xml"
# Office's compound file: an old .doc, or a DOCX encrypted with a password.
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Style names (and their ids) that make a paragraph a heading.
_HEADING_STYLES = ("title", "subtitle", "heading")


def read_docx(data: bytes, file_name: str) -> SourceDocument:
    """The document in a DOCX file; UnreadableFile with a reason when it holds none."""
    if data.startswith(_COMPOUND_FILE):
        if "EncryptedPackage".encode("utf-16-le") in data[:1024 * 1024]:
            raise UnreadableFile("is password-protected (an encrypted Word document)")
        raise UnreadableFile("not a DOCX file: it is an old Word document (.doc); save it as "
                             "DOCX first")
    archive = open_archive(data, LABEL)
    if not archive.has(_MAIN_PART) or not archive.has(_CONTENT_TYPES):
        what = "an ODT" if archive.has("content.xml") else (
            "an EPUB" if archive.has("META-INF/container.xml") else "a ZIP archive")
        raise UnreadableFile(f"not a DOCX file: it is {what} without {_MAIN_PART}")
    # Every part python-docx will read is read once here within the archive's budget.
    for name in archive.names():
        if name.endswith((".xml", ".rels")):
            archive.read(name)
    document = _open(data)
    blocks = _blocks(document)
    paragraphs, body = place_blocks(blocks)
    check_text_size(body)
    properties = document.core_properties
    metadata = {"format": "docx"}
    if properties.created is not None:
        metadata["date"] = properties.created.date().isoformat()
    return SourceDocument(
        body, paragraphs, content_hash(body), title=(properties.title or "").strip() or None,
        language=language_code(properties.language),
        byline=(properties.author or "").strip() or None, metadata=metadata)


def _open(data: bytes) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError as error:
        raise UnreadableFile(f"damaged DOCX file ({error})") from None
    except (KeyError, ValueError, SyntaxError) as error:  # lxml's XMLSyntaxError is one
        detail = " ".join(str(error).split())[:160]
        raise UnreadableFile(f"damaged DOCX file: {detail}") from None


def _blocks(document: Document) -> list[Block]:
    """The body's paragraphs in order (table cells' paragraphs too), headings by style."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            _add(blocks, item)
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        _add(blocks, paragraph)
    return blocks


def _add(blocks: list[Block], paragraph: object) -> None:
    from docx.text.paragraph import Paragraph

    assert isinstance(paragraph, Paragraph)
    text = one_line(paragraph.text)
    if not text:
        return
    style = paragraph.style
    names = f"{style.name or ''} {style.style_id or ''}".lower() if style is not None else ""
    heading = any(name in names for name in _HEADING_STYLES)
    blocks.append(Block(text, ParagraphKind.HEADING if heading else ParagraphKind.BODY))


READER = DocumentReader("docx", "Word documents", ("*.docx",), read_docx, MAX_SOURCE_BYTES)
