"""Decide whether a file's bytes are an article we can read, with a reason a user understands."""

from __future__ import annotations

import re

MAX_FILE_BYTES = 20 * 1024 * 1024
_BINARY_SAMPLE = 8192
# Control characters a text file may hold; any other is a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # all below 32 but \t \n \v \f \r


class UnreadableFile(ValueError):
    """A file that is not an article text; the message is one line for the user."""


def check_size(size: int) -> None:
    """Refuse files too large to be a news article."""
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            f"file is too large ({size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB)"
        )


def decode_article_bytes(data: bytes) -> str:
    """The text of a UTF-8 article file (a byte-order mark is fine), or UnreadableFile."""
    check_size(len(data))
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise UnreadableFile("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(3, len(sample) // 100):
        raise UnreadableFile("binary file, not text")
    if not text.strip():
        raise UnreadableFile("empty file" if not text else "file holds only whitespace")
    return text
