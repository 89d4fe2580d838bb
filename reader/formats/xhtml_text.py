"""The paragraphs of an XHTML document (an EPUB chapter): block elements are paragraphs,
h1–h6 headings, inline markup is left out and its text kept; scripts, styles, navigation and
the head are skipped."""

from __future__ import annotations

import re
from html.entities import name2codepoint
from typing import TYPE_CHECKING

from reader.formats.xml_input import local_name
from reader.text.source_document import Block, ParagraphKind, one_line

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article",
    "header", "footer", "main", "aside", "figure", "figcaption", "table", "tr", "td", "th",
    "caption", "hr", "address", "body", "hgroup", "details", "summary", "center",
}) | _HEADINGS
_SKIPPED = frozenset({"script", "style", "nav", "head", "template", "noscript", "svg",
                      "math", "object", "iframe", "button", "select", "rt", "rp"})
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")


def numeric_entities(data: bytes) -> bytes:
    """XHTML with HTML's named character entities (&nbsp;, &eacute;) written as numeric ones,
    which an XML parser knows without a document type."""

    def numeric(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode("ascii")
        if name in _XML_ENTITIES or name not in name2codepoint:
            return match.group(0)
        return b"&#%d;" % name2codepoint[name]

    return _ENTITY.sub(numeric, data)


def xhtml_blocks(root: Element, section: int) -> list[Block]:
    """The paragraphs and headings of an XHTML document's body, in order, in one section."""
    body = next((e for e in root.iter() if local_name(e) == "body"), root)
    collector = _Collector(section)
    collector.walk(body)
    collector.flush()
    return collector.blocks


class _Collector:
    """Walks the markup, gathering the text of the block being read."""

    def __init__(self, section: int) -> None:
        self.section = section
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.heading = False

    def flush(self) -> None:
        text = one_line("".join(self.parts))
        if text:
            kind = ParagraphKind.HEADING if self.heading else ParagraphKind.BODY
            self.blocks.append(Block(text, kind, self.section))
        self.parts = []
        self.heading = False

    def walk(self, element: Element) -> None:
        name = local_name(element).lower()
        if name in _SKIPPED or _is_navigation(element):
            return
        block = name in _BLOCKS
        if block:
            self.flush()
            self.heading = name in _HEADINGS
        if name == "br":
            self.parts.append(" ")
        self.parts.append(element.text or "")
        for child in element:
            self.walk(child)
            self.parts.append(child.tail or "")
        if block:
            self.flush()


def _is_navigation(element: Element) -> bool:
    """An EPUB 3 table of contents or landmarks list inside a chapter (epub:type="toc")."""
    kinds = next((v for k, v in element.attrib.items() if k.endswith("}type")), "")
    return bool({"toc", "landmarks", "page-list"} & set(kinds.split()))
