"""PDF documents with a text layer: the characters and their boxes of each page through
PDFium (pypdfium2, Apache-2.0/BSD, imported when the first PDF is read), made into lines
here and into paragraphs by reader.text.pdf_layout (running headers and page numbers
dropped, columns in reading order, words broken at line ends joined).

A PDF with no text (a scan), one that needs a password, and a file that only says it is a
PDF are each refused with one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.formats.base import DocumentReader
from reader.formats.zip_input import kind_of
from reader.text.file_check import MAX_FILE_BYTES, MAX_SOURCE_BYTES, UnreadableFile, check_text_size
from reader.text.source_document import (
    Block,
    ParagraphKind,
    SourceDocument,
    content_hash,
    place_blocks,
)

if TYPE_CHECKING:
    import pypdfium2

    from reader.text.pdf_layout import PageLines, TextLine

_PASSWORD = 4  # PDFium's FPDF_ERR_PASSWORD
_SECURITY = 5  # FPDF_ERR_SECURITY: an encryption PDFium does not know
_LINE_ENDS = "\r\n"
# A jump to the left or a gap wider than this many line heights starts another line.
_GAP_LINE_HEIGHTS = 1.5


def read_pdf(data: bytes, file_name: str) -> SourceDocument:
    """The document in a PDF file; UnreadableFile with a reason when it holds no text."""
    if b"%PDF-" not in data[:1024]:
        kind = kind_of(data)
        if data.startswith(b"PK\x03\x04"):
            kind = "a ZIP archive (DOCX, EPUB, ODT…)"
        raise UnreadableFile(f"not a PDF file: it is {kind or 'not a PDF'}")
    document = _open(data)
    try:
        pages = _pages(document)
        title, author, language = _metadata(document)
    finally:
        document.close()
    if not pages:
        raise UnreadableFile("PDF file with no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise UnreadableFile("has no text layer (a scanned PDF?)")
    from reader.text.pdf_layout import layout_paragraphs

    laid = layout_paragraphs(pages)
    blocks = [Block(p.text, ParagraphKind.HEADING if p.heading else ParagraphKind.BODY)
              for p in laid]
    paragraphs, body = place_blocks(blocks)
    check_text_size(body)
    return SourceDocument(body, paragraphs, content_hash(body), title=title, language=language,
                          byline=author, metadata={"format": "pdf"})


def _open(data: bytes) -> pypdfium2.PdfDocument:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if error.err_code in (_PASSWORD, _SECURITY):
            raise UnreadableFile("is password-protected") from None
        detail = str(error).removeprefix("Failed to load document ").strip("() .")
        raise UnreadableFile(
            f"damaged PDF file: it cannot be opened ({detail or 'unknown error'}; is it cut "
            "short?)") from None


def _pages(document: pypdfium2.PdfDocument) -> list[PageLines]:
    from reader.text.pdf_layout import PageLines

    pages: list[PageLines] = []
    characters = 0
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                lines = _lines(textpage, height)
            finally:
                textpage.close()
        finally:
            page.close()
        characters += sum(len(line.text) for line in lines)
        if characters > MAX_FILE_BYTES:
            raise UnreadableFile(f"its text is too large (more than {MAX_FILE_BYTES // 2**20} "
                                 "MB of characters; the limit is 20 MB)")
        pages.append(PageLines(width, height, tuple(lines)))
    return pages


def _lines(textpage: Any, page_height: float) -> list[TextLine]:
    """A page's characters as lines, in the order the file gives them: a line ends where
    PDFium ends one, where the text jumps back to the left, or across a wide gap."""
    from reader.text.pdf_layout import TextLine

    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters beyond the Basic Multilingual Plane: no boxes per
        return [TextLine(part, 0, 0, 0, 0) for part in text.splitlines() if part.strip()]
    lines: list[TextLine] = []
    chars: list[str] = []
    box: list[float] | None = None  # left, top, right, bottom of the line so far
    for index, character in enumerate(text):
        if character in _LINE_ENDS:
            _close(lines, chars, box)
            box = None
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        top, bottom = page_height - top, page_height - bottom
        if right <= left and character.isspace():
            chars.append(character)  # a space PDFium put in: no box of its own
            continue
        if box is not None:
            height = box[3] - box[1]
            jumps_back = left < box[2] - height
            new_row = top > box[3] - 0.3 * height or bottom < box[1] + 0.3 * height
            wide_gap = left > box[2] + _GAP_LINE_HEIGHTS * height
            if jumps_back or new_row or wide_gap:
                _close(lines, chars, box)
                box = None
        chars.append(character)
        if box is None:
            box = [left, top, right, bottom]
        else:
            box = [min(box[0], left), min(box[1], top), max(box[2], right),
                   max(box[3], bottom)]
    _close(lines, chars, box)
    return lines


def _close(lines: list[TextLine], chars: list[str], box: list[float] | None) -> None:
    from reader.text.pdf_layout import TextLine

    text = "".join(chars).strip()
    chars.clear()
    if text and box is not None:
        lines.append(TextLine(text, *box))


def _metadata(document: pypdfium2.PdfDocument) -> tuple[str | None, str | None, str | None]:
    """The title and author the file declares; the language is recognised from the text."""
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety: a PDF whose info cannot be read still opens
        return None, None, None
    title = " ".join(str(info.get("Title", "")).split()) or None
    author = " ".join(str(info.get("Author", "")).split()) or None
    return title, author, None


READER = DocumentReader("pdf", "PDF documents", ("*.pdf",), read_pdf, MAX_SOURCE_BYTES)
