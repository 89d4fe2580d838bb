"""The plain-text article format of the seeds: UTF-8 lines, a source line and a comment
counter at the end (parsed by reader.text.article_format)."""

from __future__ import annotations

from reader.formats.base import DocumentReader
from reader.text.article_format import parse_article_text
from reader.text.file_check import decode_article_bytes
from reader.text.source_document import SourceDocument


def read_article_text(data: bytes, file_name: str) -> SourceDocument:
    """The document of a text article file; UnreadableFile with a reason when it is none."""
    return parse_article_text(decode_article_bytes(data))


READER = DocumentReader("text", "Text articles", ("*.txt", "*.text"), read_article_text)
