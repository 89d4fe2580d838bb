"""How a document's text and its structure are packed for the library file (schema 17).

The text is UTF-8 compressed as one Zstandard frame (level 6: on the synthetic news corpus
2.73 times smaller; about 60 µs a text to pack, done by the import's worker processes, and
a few µs to unpack, done for each search hit's snippet and each article opened). Its
paragraphs and sentences are one array of little-endian 32-bit integers, compressed the same
way (`pack_structure`).

Pure functions over strings and bytes: the store reads and writes the columns, the import's
workers pack. Zstandard is the `zstandard` package (BSD-3-Clause); its frames are the
standard format, which Python 3.14's `compression.zstd` reads too.
"""

from __future__ import annotations

import sys
from _thread import _local
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import zstandard

TEXT_LEVEL = 6


class _Codecs(_local):
    """One compressor and one decompressor per thread (neither may be shared between
    threads; making one costs about 20 µs, more than unpacking a text). `_thread._local`
    is `threading.local` without importing threading before the first paint."""

    compressor: zstandard.ZstdCompressor | None = None
    decompressor: zstandard.ZstdDecompressor | None = None


_codecs = _Codecs()


def _compressor() -> zstandard.ZstdCompressor:
    if _codecs.compressor is None:
        import zstandard

        _codecs.compressor = zstandard.ZstdCompressor(
            level=TEXT_LEVEL, write_checksum=False, write_content_size=True)
    return _codecs.compressor


def _decompressor() -> zstandard.ZstdDecompressor:
    if _codecs.decompressor is None:
        import zstandard

        _codecs.decompressor = zstandard.ZstdDecompressor()
    return _codecs.decompressor


def pack_text(text: str) -> bytes:
    """A text as the library stores it: UTF-8, compressed."""
    return _compressor().compress(text.encode("utf-8"))


def unpack_text(packed: bytes) -> str:
    """The text `pack_text` packed."""
    return _decompressor().decompress(packed).decode("utf-8")


# Paragraph kinds by their number in a packed structure: append new kinds, never reorder.
PARAGRAPH_KINDS = ("body", "heading")


class PackedParagraph(NamedTuple):
    """A paragraph as a packed structure keeps it (offsets into the document's text)."""

    kind: str
    section: int
    start: int
    end: int


class PackedSentence(NamedTuple):
    """A sentence as a packed structure keeps it: its paragraph's position and offsets."""

    paragraph: int
    start: int
    end: int


def pack_structure(paragraphs: Iterable[tuple[str, int, int, int]],
                   sentences: Iterable[tuple[int, int, int]]) -> bytes:
    """A document's paragraphs (kind, section, start, end) and sentences (paragraph position,
    start, end), each in reading order, as one compressed array of 32-bit integers: the
    number of paragraphs; for each paragraph its kind's number, its section less the
    previous one's, its start less the previous paragraph's end, its length; for each
    sentence how many paragraphs on from the previous sentence's it is, its start less the
    previous sentence's end, its length (mostly small numbers: a few bytes each)."""
    from array import array

    numbers = array("i", [0])
    end_before = section_before = 0
    for kind, section, start, end in paragraphs:
        numbers.extend((PARAGRAPH_KINDS.index(kind), section - section_before,
                        start - end_before, end - start))
        numbers[0] += 1
        section_before, end_before = section, end
    paragraph_before = end_before = 0
    for paragraph, start, end in sentences:
        numbers.extend((paragraph - paragraph_before, start - end_before, end - start))
        paragraph_before, end_before = paragraph, end
    if sys.byteorder == "big":
        numbers.byteswap()
    return _compressor().compress(numbers.tobytes())


def unpack_structure(packed: bytes) -> tuple[list[PackedParagraph], list[PackedSentence]]:
    """The paragraphs and sentences `pack_structure` packed, in reading order."""
    from array import array

    numbers = array("i")
    numbers.frombytes(_decompressor().decompress(packed))
    if sys.byteorder == "big":
        numbers.byteswap()
    count = numbers[0] if numbers else 0
    paragraphs = []
    end = section = 0
    for index in range(1, 1 + 4 * count, 4):
        section += numbers[index + 1]
        start = end + numbers[index + 2]
        end = start + numbers[index + 3]
        paragraphs.append(PackedParagraph(PARAGRAPH_KINDS[numbers[index]], section, start, end))
    sentences = []
    paragraph = end = 0
    for index in range(1 + 4 * count, len(numbers), 3):
        paragraph += numbers[index]
        start = end + numbers[index + 1]
        end = start + numbers[index + 2]
        sentences.append(PackedSentence(paragraph, start, end))
    return paragraphs, sentences
