"""Real documents made from the seeds, as the tools people use write them: an EPUB written
with zipfile (two chapters from two seeds), a PDF printed by Qt's own PDF writer (running
header, page numbers, a two-column page, words broken at line ends), a DOCX written by
python-docx, an ODT written with zipfile."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reader.text.article_format import parse_article_text
from reader.text.source_document import ParagraphKind
from tests.conftest import SEED_EN, SEED_RU, SEED_SV

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainter, QTextDocument

RUNNING_HEADER = "Cao Bang Provincial Bulletin"


def seed_blocks(seed: Path) -> list[tuple[str, ParagraphKind]]:
    """A seed's paragraphs and their kinds, in order."""
    document = parse_article_text(seed.read_text(encoding="utf-8"))
    return [(p.text, p.kind) for p in document.paragraphs]


def seed_texts(seed: Path) -> list[str]:
    """A seed's paragraphs, in order."""
    return [text for text, _ in seed_blocks(seed)]


Blocks = list[tuple[str, ParagraphKind]]


def _xhtml_chapter(title: str, blocks: Blocks, language: str) -> str:
    paragraphs = "".join(
        f"<h2>{escape(text)}</h2>\n" if kind == ParagraphKind.HEADING else
        f'<p class="body">{_inline(escape(text))}</p>\n' for text, kind in blocks)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'xml:lang="{language}">\n<head><title>{escape(title)}</title>'
        '<style>p.body { text-indent: 1em; }</style>'
        '<script>document.title = "not text";</script></head>\n'
        f"<body><section epub:type=\"chapter\">\n<h1>{escape(title)}</h1>\n{paragraphs}"
        "</section></body>\n</html>\n")


def _inline(text: str) -> str:
    """A paragraph with inline markup, as books have: its second word in italics, a
    non-breaking space entity's worth of markup that leaves the text as it was."""
    words = text.split(" ")
    if len(words) > 2:
        words[1] = f"<em>{words[1]}</em>"
    return " ".join(words)


EPUB_CHAPTERS = (("Chapter One: Cao Bang", SEED_EN), ("Chapter Two: Ryssland", SEED_SV))


def epub_file(path: Path, version: str = "3.0", encrypted: bool = False,
              chapters_given: list[tuple[str, Blocks]] | None = None,
              language: str = "en-GB") -> Path:
    """An EPUB book of two chapters (two seeds, unless others are given), a cover and a
    navigation document outside the reading text; EPUB 2 ("2.0") has an NCX instead of the
    navigation document."""
    given = chapters_given or [(title, seed_blocks(seed)) for title, seed in EPUB_CHAPTERS]
    chapters = [(f"text/chapter{n}.xhtml", title, blocks)
                for n, (title, blocks) in enumerate(given, start=1)]
    manifest = "".join(
        f'    <item id="c{n}" href="{href}" media-type="application/xhtml+xml"/>\n'
        for n, (href, _, _) in enumerate(chapters, start=1))
    spine = "".join(f'    <itemref idref="c{n}"/>\n' for n in range(1, len(chapters) + 1))
    if version.startswith("3"):
        manifest += ('    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                     'properties="nav"/>\n')
        spine = '    <itemref idref="nav"/>\n' + spine
    else:
        manifest += '    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>\n'
    manifest += '    <item id="css" href="style.css" media-type="text/css"/>\n'
    toc = "" if version.startswith("3") else ' toc="ncx"'
    package = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="{version}" '
        'unique-identifier="bookid">\n'
        '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '    <dc:identifier id="bookid">urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427'
        '</dc:identifier>\n'
        '    <dc:title>Two Provinces: News in Translation</dc:title>\n'
        '    <dc:creator>Ana Lindqvist</dc:creator>\n'
        '    <dc:creator>Minh Nguyen</dc:creator>\n'
        f'    <dc:language>{language}</dc:language>\n'
        '    <dc:publisher>Parallel Press</dc:publisher>\n'
        '  </metadata>\n'
        f'  <manifest>\n{manifest}  </manifest>\n'
        f'  <spine{toc}>\n{spine}'
        '  </spine>\n</package>\n')
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")  # stored, first
        book.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?>\n<container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n  <rootfiles>\n'
            '    <rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/>\n  </rootfiles>\n</container>\n',
            zipfile.ZIP_DEFLATED)
        if encrypted:
            book.writestr(
                "META-INF/encryption.xml",
                '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                '<enc:CipherData><enc:CipherReference URI="OEBPS/text/chapter1.xhtml"/>'
                '</enc:CipherData></enc:EncryptedData></encryption>')
        book.writestr("OEBPS/content.opf", package, zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/style.css", "p { margin: 0 }", zipfile.ZIP_DEFLATED)
        book.writestr(
            "OEBPS/nav.xhtml",
            '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>'
            '<body><nav epub:type="toc"><ol><li><a href="text/chapter1.xhtml">One</a></li>'
            '</ol></nav></body></html>', zipfile.ZIP_DEFLATED)
        for href, title, blocks in chapters:
            book.writestr(f"OEBPS/{href}", _xhtml_chapter(title, blocks, "en"),
                          zipfile.ZIP_DEFLATED)
    return path


def epub_expected() -> list[tuple[int, str]]:
    """The section and text of each paragraph the EPUB book should give."""
    expected: list[tuple[int, str]] = []
    for section, (title, seed) in enumerate(EPUB_CHAPTERS):
        expected.append((section, title))
        expected.extend((section, text) for text in seed_texts(seed))
    return expected


def docx_file(path: Path, seed: Path = SEED_RU, blocks: Blocks | None = None,
              language: str = "ru-RU") -> Path:
    """A DOCX written by python-docx: a title, the seed's headings as Heading 2, a table of
    one row in the middle, core properties set."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Итоги конференции в Каобанге"
    document.core_properties.author = "Иван Петров"
    document.core_properties.language = language
    document.add_heading("Итоги конференции", level=0)
    for text, kind in blocks or seed_blocks(seed):
        if kind == ParagraphKind.HEADING:
            document.add_heading(text, level=2)
        else:
            paragraph = document.add_paragraph()
            first, _, rest = text.partition(" ")
            paragraph.add_run(first).bold = True
            paragraph.add_run(f" {rest}" if rest else "")
    document.save(str(path))
    return path


def docx_expected(seed: Path = SEED_RU) -> list[tuple[str, ParagraphKind]]:
    """The paragraphs the DOCX should give, with their kinds."""
    return [("Итоги конференции", ParagraphKind.HEADING), *seed_blocks(seed)]


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def odt_file(path: Path, seed: Path = SEED_SV, blocks: Blocks | None = None,
             language: str = "sv-SE") -> Path:
    """An ODT written with zipfile: text:h headings, text:p paragraphs with spans, a <text:s/>
    space, a footnote that is not part of the paragraph's words, meta.xml."""
    body = ['<text:h text:outline-level="1">Konferens i Cao Bang</text:h>']
    for number, (text, kind) in enumerate(blocks or seed_blocks(seed)):
        if kind == ParagraphKind.HEADING:
            body.append(f'<text:h text:outline-level="2">{escape(text)}</text:h>')
            continue
        first, _, rest = text.partition(" ")
        note = ('<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                '<text:note-body><text:p>En fotnot.</text:p></text:note-body></text:note>'
                if number == 0 else "")
        body.append(f'<text:p text:style-name="P1"><text:span text:style-name="T1">'
                    f'{escape(first)}</text:span><text:s/>{note}{escape(rest)}</text:p>'
                    if rest else f"<text:p>{escape(text)}</text:p>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NS} '
               'office:version="1.3"><office:body><office:text>'
               + "\n".join(body) + "</office:text></office:body></office:document-content>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_ODT_NS} '
            'office:version="1.3"><office:meta><dc:title>Konferensen i Cao Bang</dc:title>'
            '<meta:initial-creator>Sara Holm</meta:initial-creator>'
            f'<dc:language>{language}</dc:language></office:meta></office:document-meta>')
    with zipfile.ZipFile(path, "w") as document:
        document.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        document.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        document.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
        document.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return path


def odt_expected(seed: Path = SEED_SV) -> list[str]:
    """The paragraphs the ODT should give: its heading, then the seed's."""
    return ["Konferens i Cao Bang", *seed_texts(seed)]


_LONG_WORD = re.compile(r"\b([a-z]{5,})([a-z]{5,})\b")


def soft_hyphenated(text: str) -> str:
    """Text with a soft hyphen in the middle of each long lower-case word, where a typesetter
    may break it at a line end (and print a hyphen there)."""
    return _LONG_WORD.sub(lambda m: f"{m.group(1)}\u00ad{m.group(2)}", text)


PDF_TITLE = "Provincial Conference"
PDF_SINGLE_COLUMN = 8  # the seed's first paragraphs run in one column; the rest in two


def pdf_file(path: Path, seed: Path = SEED_EN, hyphenate: bool = True,
             paragraphs: list[str] | None = None) -> Path:
    """A PDF printed by Qt's PDF writer (a QGuiApplication must exist): A4 pages with a
    running header and a page number, the seed's first paragraphs in one column under a
    heading, the rest on pages of two columns; long words may break at line ends."""
    from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    writer.setTitle(PDF_TITLE)
    writer.setCreator("Parallel Reader tests")
    texts = [soft_hyphenated(t) if hyphenate else t for t in paragraphs or seed_texts(seed)]
    left, top, width, height = 56.0, 64.0, 483.0, 700.0
    gutter = 23.0

    def flow(paragraphs: list[str], column: float, heading: str = "") -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(QFont("DejaVu Serif", 10))
        html = f"<h1>{escape(heading)}</h1>" if heading else ""
        html += "".join(f'<p style="margin-bottom: 8px">{escape(p)}</p>' for p in paragraphs)
        document.setHtml(html)
        document.setPageSize(QSizeF(column, height))
        return document

    single = flow(texts[:PDF_SINGLE_COLUMN], width, PDF_TITLE)
    column = (width - gutter) / 2
    double = flow(texts[PDF_SINGLE_COLUMN:], column)
    pages: list[list[tuple[QTextDocument, int, float]]] = [
        [(single, page, left)] for page in range(single.pageCount())]
    for page in range(0, double.pageCount(), 2):
        pages.append([(double, page, left)] + (
            [(double, page + 1, left + column + gutter)] if page + 1 < double.pageCount()
            else []))
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 8))
    for number, parts in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        painter.drawText(QRectF(left, 28, width, 14), Qt.AlignmentFlag.AlignLeft,
                         RUNNING_HEADER)
        painter.drawText(QRectF(left, 800, width, 14), Qt.AlignmentFlag.AlignHCenter,
                         str(number))
        for document, page, x in parts:
            _draw_page(painter, document, page * height, height, QPointF(x, top))
    painter.end()
    return path


def pdf_expected(seed: Path = SEED_EN) -> list[str]:
    """The paragraphs the PDF should give: its heading, then the seed's."""
    return [PDF_TITLE, *seed_texts(seed)]


def _draw_page(painter: QPainter, document: QTextDocument, start: float, height: float,
               at: QPointF) -> None:
    """The lines of one page of a paginated document, line by line: drawing the page with a
    clip rectangle would also write the clipped lines of its neighbours into the PDF."""
    from PySide6.QtCore import QPointF

    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            if start <= origin.y() + line.y() < start + height:
                line.draw(painter, QPointF(at.x() + origin.x(), at.y() + origin.y() - start))
        block = block.next()


def scanned_pdf_file(path: Path) -> Path:
    """A PDF whose page is only a picture of text, as a scanner makes (a QGuiApplication must
    exist)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    drawing = QPainter(image)
    drawing.drawText(QPointF(20, 40), "A photographed page of text")
    drawing.end()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawImage(QPointF(0, 0), image)
    painter.end()
    return path


def password_pdf_file(path: Path) -> Path:
    """A PDF encrypted with the standard security handler whose user password is not empty:
    no reader opens it without the password."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"6f" * 32 + b"> /U <"
        + b"75" * 32 + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n"
            % (len(objects) + 1, b"ab" * 16, b"ab" * 16))
    out += b"startxref\n%d\n%%%%EOF\n" % table
    path.write_bytes(bytes(out))
    return path


def zip_bomb_file(path: Path, members: int = 3, megabytes: int = 80) -> Path:
    """An EPUB-looking archive of a few kilobytes whose members expand to far more than the
    limit (zeros compress about a thousand to one)."""
    zeros = bytes(megabytes * 1024 * 1024)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for number in range(members):
            archive.writestr(f"OEBPS/part{number}.xhtml", zeros, zipfile.ZIP_DEFLATED, 1)
    return path
