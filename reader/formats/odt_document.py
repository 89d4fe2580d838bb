"""OpenDocument text (ODT): headings (text:h) and paragraphs (text:p) of content.xml in order,
title, author and language from meta.xml.

Read with zipfile and defusedxml: an ODT is a ZIP archive of small XML files, no library
needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.formats.base import DocumentReader
from reader.formats.xml_input import language_code, local_name
from reader.formats.zip_input import Archive, open_archive
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
    from xml.etree.ElementTree import Element

LABEL = "an ODT"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_MIME = b"application/vnd.oasis.opendocument.text"
_MANIFEST = "META-INF/manifest.xml"
# Inside a paragraph: notes and annotations are not the paragraph's words.
_SKIPPED = frozenset({"note", "annotation", "tracked-changes", "bookmark-ref", "sequence-decls"})


def read_odt(data: bytes, file_name: str) -> SourceDocument:
    """The document in an ODT file; UnreadableFile with a reason when it holds none."""
    archive = open_archive(data, LABEL)
    if archive.has("mimetype"):
        mime = archive.read("mimetype").strip()
        if not mime.startswith(_MIME):
            kind = mime.decode("ascii", "replace")[:80]
            raise UnreadableFile(f"not an ODT file: its type is {kind}")
    elif not archive.has("content.xml"):
        raise UnreadableFile("not an ODT file: it is a ZIP archive without content.xml")
    # A password-protected ODT keeps its parts encrypted, as its manifest says.
    if archive.has(_MANIFEST) and b"encryption-data" in archive.read(_MANIFEST):
        raise UnreadableFile("is password-protected")
    content = _parse(archive, "content.xml")
    blocks: list[Block] = []
    try:
        _add_paragraphs(blocks, content)
    except RecursionError:
        raise UnreadableFile("refused: its part content.xml is nested too deeply") from None
    paragraphs, body = place_blocks(blocks)
    check_text_size(body)
    meta = _metadata(archive)
    return SourceDocument(body, paragraphs, content_hash(body), title=meta.get("title"),
                          language=language_code(meta.get("language")),
                          byline=meta.get("initial-creator") or meta.get("creator"),
                          metadata={"format": "odt"})


def _parse(archive: Archive, name: str) -> Element:
    from reader.formats.xml_input import parse_xml

    try:
        return parse_xml(archive.read(name), LABEL)
    except RecursionError:
        raise UnreadableFile(f"refused: its part {name} is nested too deeply") from None
    except UnreadableFile as error:
        if str(error).startswith("not well-formed"):
            raise UnreadableFile(f"damaged ODT file: its part {name} is {error}") from None
        raise


def _add_paragraphs(blocks: list[Block], element: Element) -> None:
    """The headings and paragraphs under an element, in order (those of notes left out)."""
    for child in element:
        if child.tag in (f"{{{_TEXT}}}h", f"{{{_TEXT}}}p"):
            text = one_line(_text(child))
            if text:
                heading = child.tag == f"{{{_TEXT}}}h"
                blocks.append(Block(text, ParagraphKind.HEADING if heading
                                    else ParagraphKind.BODY))
        elif local_name(child) not in _SKIPPED:
            _add_paragraphs(blocks, child)


def _text(element: Element) -> str:
    """A paragraph's words: spans kept, <text:s/> spaces, tabs and line breaks as spaces,
    notes left out."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name in ("s", "tab", "line-break"):
            count = int(child.get(f"{{{_TEXT}}}c", "1") or "1") if name == "s" else 1
            parts.append(" " * min(count, 1000))
        elif name not in _SKIPPED:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _metadata(archive: Archive) -> dict[str, str]:
    """meta.xml's title, creators and language, when the file has them."""
    if not archive.has("meta.xml"):
        return {}
    found: dict[str, str] = {}
    for element in _parse(archive, "meta.xml").iter():
        name = local_name(element)
        text = " ".join("".join(element.itertext()).split())
        if text and name in ("title", "creator", "initial-creator", "language"):
            found.setdefault(name, text)
    return found


READER = DocumentReader("odt", "OpenDocument text", ("*.odt",), read_odt, MAX_SOURCE_BYTES)
