"""Parse the plain-text article format of the seeds into paragraphs and metadata.

The format: UTF-8 text; each non-empty line is a paragraph; blank lines separate sections;
a short line without final punctuation is a heading; a short name line just before the source
line is a byline; the last lines are a source line ("Source: URL", "Fuente:", "Källa:",
"Источник:", "Kilde", with or without an address) and a comment counter ("Comment (0)").
Source and counter are metadata, not body text.
"""

from __future__ import annotations

import re

from reader.text.source_document import Block, SourceDocument, content_hash, place_blocks
from reader.text.source_document import Paragraph as Paragraph  # named here by title.py
from reader.text.source_document import ParagraphKind as ParagraphKind
from reader.text.source_document import normalise_text as normalise_text

SOURCE_LABELS = (
    "source", "sources", "fuente", "fuentes", "källa", "källor", "источник", "источники",
    "kilde", "kilder", "quelle", "fonte", "nguồn", "lähde", "kilde(r)",
)
COMMENT_WORDS = (
    "comment", "comments", "comentario", "comentarios", "kommentar", "kommentarer",
    "комментарий", "комментарии", "комментариев", "kommentti", "bình luận", "commentaire",
    "commentaires", "kommentare",
)

_SOURCE_RE = re.compile(
    r"^\s*(?P<label>" + "|".join(re.escape(w) for w in SOURCE_LABELS) + r")\s*:?\s*"
    r"(?P<url>(?:https?://|www\.)\S+)?\s*$",
    re.IGNORECASE,
)
_COMMENT_RE = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in COMMENT_WORDS) + r")"
    r"\s*\(\s*(?P<count>\d+)\s*\)\s*$",
    re.IGNORECASE,
)
_FINAL_PUNCTUATION = ".!?…:;,\"'»”’)]"
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 16
BYLINE_MAX_WORDS = 10


def parse_article_text(text: str) -> SourceDocument:
    """Split an article file's text into paragraphs, sections and metadata."""
    lines = [line.strip() for line in normalise_text(text).split("\n")]
    lines = _drop_outer_blank_lines(lines)
    comment_count, lines = _take_comment_counter(lines)
    source_label, source_url, lines = _take_source_line(lines)
    if comment_count is None:
        comment_count, lines = _take_comment_counter(lines)
    lines = _drop_outer_blank_lines(lines)
    byline, lines = _take_byline(lines)
    paragraphs, body_text = place_blocks(_blocks(lines))
    return SourceDocument(body_text, paragraphs, content_hash(text), byline=byline,
                          source_label=source_label, source_url=source_url,
                          comment_count=comment_count)


def _drop_outer_blank_lines(lines: list[str]) -> list[str]:
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    end = len(lines)
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _last_content_index(lines: list[str]) -> int | None:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index]:
            return index
    return None


def _take_comment_counter(lines: list[str]) -> tuple[int | None, list[str]]:
    index = _last_content_index(lines)
    if index is None:
        return None, lines
    match = _COMMENT_RE.match(lines[index])
    if not match:
        return None, lines
    return int(match.group("count")), lines[:index]


def _take_source_line(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    index = _last_content_index(lines)
    if index is None:
        return None, None, lines
    match = _SOURCE_RE.match(lines[index])
    if not match:
        return None, None, lines
    url = match.group("url")
    if url and url.startswith("www."):
        url = "http://" + url
    return match.group("label"), url, lines[:index]


def _is_heading_like(line: str) -> bool:
    return (
        len(line) <= HEADING_MAX_CHARS
        and len(line.split()) <= HEADING_MAX_WORDS
        and line[-1] not in _FINAL_PUNCTUATION
    )


def _is_byline(line: str) -> bool:
    words = line.replace("-", " ").replace("–", " ").replace(",", " ").split()
    return (
        _is_heading_like(line)
        and 1 < len(words) <= BYLINE_MAX_WORDS
        and all(word[0].isupper() for word in words)
    )


def _take_byline(lines: list[str]) -> tuple[str | None, list[str]]:
    index = _last_content_index(lines)
    if index is None or index == 0 or not _is_byline(lines[index]):
        return None, lines
    return lines[index], _drop_outer_blank_lines(lines[:index])


def _blocks(lines: list[str]) -> list[Block]:
    """Each non-empty line a paragraph; a blank line after one starts a section."""
    blocks: list[Block] = []
    section = 0
    for index, line in enumerate(lines):
        if not line:
            continue
        if blocks and not lines[index - 1]:
            section += 1
        kind = ParagraphKind.HEADING if _is_heading_like(line) else ParagraphKind.BODY
        blocks.append(Block(line, kind, section))
    return blocks
