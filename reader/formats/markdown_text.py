"""Markdown (.md, .markdown): headings and paragraphs, the markup taken out of the text
(emphasis, links, images, code marks, list markers, HTML tags), front matter read for the
title, language, author and date. Parsed by markdown-it-py (CommonMark), imported when a file
is read."""

from __future__ import annotations

import re
from typing import Any

from reader.formats.base import DocumentReader
from reader.formats.xml_input import language_code
from reader.text.file_check import UnreadableFile, decode_article_bytes
from reader.text.source_document import (
    Block,
    ParagraphKind,
    SourceDocument,
    content_hash,
    normalise_text,
    place_blocks,
)

# YAML ("---") or TOML ("+++") front matter at the very start of the file.
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*?)\s*$")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_FIELDS = {"title": "title", "lang": "language", "language": "language", "author": "author",
           "date": "date", "source": "source_url", "url": "source_url"}


def read_markdown(data: bytes, file_name: str) -> SourceDocument:
    """The document of a Markdown file; UnreadableFile when it holds no text."""
    text = normalise_text(decode_article_bytes(data))
    fields, text = _front_matter(text)
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks = _blocks(tokens)
    title = fields.get("title")
    if title is None and blocks and blocks[0].kind is ParagraphKind.HEADING and (
            sum(b.kind is ParagraphKind.HEADING for b in blocks) == 1 or _first_is_top(tokens)):
        title = blocks[0].text  # the one top heading is the document's title
        blocks = blocks[1:]
    if not any(block.kind is ParagraphKind.BODY for block in blocks):
        raise UnreadableFile("the Markdown file has no paragraphs of text")
    paragraphs, body_text = place_blocks(blocks)
    metadata = {"format": "markdown"}
    metadata.update({key: value for key, value in fields.items()
                     if key in ("author", "date") and value})
    language = language_code(fields.get("language"))
    return SourceDocument(body_text=body_text, paragraphs=paragraphs,
                          content_hash=content_hash(body_text), title=title,
                          language="nb" if language == "no" else language,
                          byline=fields.get("author"), source_url=fields.get("source_url"),
                          metadata=metadata)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The simple `key: value` fields of a front matter block, and the text after it."""
    found = _FRONT_MATTER.match(text)
    if found is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in found.group(2).splitlines():
        field = _FIELD.match(line)
        if field and field.group(1).lower() in _FIELDS:
            value = field.group(2).strip().strip("\"'").strip()
            if value:
                fields.setdefault(_FIELDS[field.group(1).lower()], value)
    return fields, text[found.end():]


def _first_is_top(tokens: list[Any]) -> bool:
    """Whether the first heading is the only level-one heading (the document's title)."""
    levels = [token.tag for token in tokens if token.type == "heading_open"]
    return bool(levels) and levels[0] == "h1" and levels.count("h1") == 1


def _blocks(tokens: list[Any]) -> list[Block]:
    """Headings and paragraphs (list items, quotes and table rows among them), code blocks
    and HTML blocks left out."""
    blocks: list[Block] = []
    heading = cell = False
    row: list[str] = []
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            heading = token.type == "heading_open"
        elif token.type in ("th_open", "td_open", "th_close", "td_close"):
            cell = token.type.endswith("_open")
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            cells = [cell for cell in row if cell]
            if cells:
                blocks.append(Block(" · ".join(cells)))
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if cell:
                row.append(text)
            elif text:
                kind = ParagraphKind.HEADING if heading else ParagraphKind.BODY
                blocks.append(Block(text, kind))
    return blocks


def _inline_text(children: list[Any]) -> str:
    """The words of an inline run: marks and link targets out, image descriptions in."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
        elif child.type == "html_inline":
            parts.append(_TAG.sub("", child.content))
    return _SPACE.sub(" ", "".join(parts)).strip()


READER = DocumentReader("markdown", "Markdown", ("*.md", "*.markdown"), read_markdown)
