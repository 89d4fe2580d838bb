"""How a document's text and its sentences are packed for the library file (schema 17).

The text is UTF-8 compressed as one Zstandard frame (level 6: on the synthetic news corpus
2.73 times smaller; about 60 µs a text to pack, done by the import's worker processes, and
a few µs to unpack, done for each search hit's snippet and each article opened). The
sentences are one array per document: for each sentence, in reading order, how many
paragraphs on from the previous sentence's its paragraph is, its start less the previous
sentence's end, and its length; as little-endian 32-bit integers, compressed like the text
(mostly small numbers: 3 to 4 bytes a sentence).

Pure functions over strings and bytes: the store reads and writes the columns, the import's
workers pack. Zstandard is the `zstandard` package (BSD-3-Clause); its frames are the
standard format, which Python 3.14's `compression.zstd` reads too.
"""

from __future__ import annotations

import sys
import threading
from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import zstandard

TEXT_LEVEL = 6


class _Codecs(threading.local):
    """One compressor and one decompressor per thread (neither may be shared between
    threads; making one costs about 20 µs, more than unpacking a text)."""

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


def pack_sentences(sentences: Iterable[tuple[int, int, int]]) -> bytes:
    """A document's sentences, given as (paragraph position, start, end) in reading order."""
    numbers = array("i")
    paragraph_before = 0
    end_before = 0
    for paragraph, start, end in sentences:
        numbers.extend((paragraph - paragraph_before, start - end_before, end - start))
        paragraph_before, end_before = paragraph, end
    if sys.byteorder == "big":
        numbers.byteswap()
    return _compressor().compress(numbers.tobytes())


def unpack_sentences(packed: bytes) -> list[tuple[int, int, int]]:
    """The sentences `pack_sentences` packed, as (paragraph position, start, end)."""
    numbers = array("i")
    numbers.frombytes(_decompressor().decompress(packed))
    if sys.byteorder == "big":
        numbers.byteswap()
    sentences = []
    paragraph = 0
    end = 0
    for index in range(0, len(numbers), 3):
        paragraph += numbers[index]
        start = end + numbers[index + 1]
        end = start + numbers[index + 2]
        sentences.append((paragraph, start, end))
    return sentences
