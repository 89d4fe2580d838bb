"""Bad bytes get a one-line reason a user understands."""

from __future__ import annotations

import pytest

from reader.text.file_check import MAX_FILE_BYTES, UnreadableFile, decode_article_bytes


def test_utf8_with_byte_order_mark_is_fine() -> None:
    assert decode_article_bytes("\ufeffHej världen.".encode()) == "Hej världen."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"caf\xe9 au lait", "not valid UTF-8 text (byte 0xe9 at offset 3)"),
        (b"", "empty file"),
        (b" \n\t\n  ", "file holds only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
    ],
)
def test_unreadable_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        decode_article_bytes(data)


def test_too_large() -> None:
    with pytest.raises(UnreadableFile, match="too large"):
        decode_article_bytes(b"a" * (MAX_FILE_BYTES + 1))
