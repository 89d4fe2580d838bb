"""A document as a file gives it, whatever its format: paragraphs in sections, and what the
file says about itself (title, language, byline, source). Readers in reader.formats make one;
analysis turns it into what the library stores."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ParagraphKind(StrEnum):
    """What a paragraph is in the article's structure."""

    BODY = "body"
    HEADING = "heading"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document, placed in the document's body text."""

    position: int
    text: str
    kind: ParagraphKind
    section: int
    start: int
    end: int

    def __reduce__(self) -> tuple[type[Paragraph],
                                  tuple[int, str, ParagraphKind, int, int, int]]:
        """Pickled as its fields in order, without their names (an import's workers send
        every paragraph of every file)."""
        return Paragraph, (self.position, self.text, self.kind, self.section, self.start,
                           self.end)


@dataclass(frozen=True)
class Block:
    """A paragraph as a reader finds it, before it is placed in the body text."""

    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    section: int = 0


@dataclass(frozen=True)
class SourceDocument:
    """One language version as its file gives it, before any language analysis."""

    body_text: str  # the paragraphs, a line end between them and a blank line between sections
    paragraphs: tuple[Paragraph, ...]
    content_hash: str  # the reader's fingerprint: the same text read again gives the same hash
    title: str | None = None  # as the file declares it; None: derived from the text
    language: str | None = None  # as the file declares it (ISO 639-1); None: detected
    byline: str | None = None
    source_label: str | None = None
    source_url: str | None = None
    comment_count: int | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False)  # what else it tells


def normalise_text(text: str) -> str:
    """Drop a byte-order mark, unify line ends and compose accents (NFC)."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_SPACES = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def one_line(text: str) -> str:
    """A paragraph's text as one line: each run of spaces, tabs and line ends one space, none
    at either end; non-breaking spaces are the author's and stay ("20\u00a0млн")."""
    return _SPACES.sub(" ", text).strip(" ")


def content_hash(text: str) -> str:
    """A fingerprint of a file's text that ignores BOM, line-end style and accent encoding."""
    return hashlib.sha256(normalise_text(text).strip().encode("utf-8")).hexdigest()


def place_blocks(blocks: Iterable[Block]) -> tuple[tuple[Paragraph, ...], str]:
    """Paragraphs placed in one body text (a line end between them, a blank line between
    sections, sections numbered from 0), and that text."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    offset = 0
    section = 0
    previous: int | None = None
    for block in blocks:
        if previous is not None:
            new_section = block.section != previous
            separator = "\n\n" if new_section else "\n"
            section += 1 if new_section else 0
            parts.append(separator)
            offset += len(separator)
        previous = block.section
        paragraphs.append(Paragraph(len(paragraphs), block.text, block.kind, section, offset,
                                    offset + len(block.text)))
        parts.append(block.text)
        offset += len(block.text)
    return tuple(paragraphs), "".join(parts)
