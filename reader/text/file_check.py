"""Decide whether a file's bytes are an article we can read, with a reason a user understands."""

from __future__ import annotations

import re

from reader.text.reasons import Reason, ReasonCode

_MB = 1024 * 1024
MAX_FILE_BYTES = 20 * _MB  # a text file, and the text any document gives
# A book or report (EPUB, PDF, DOCX, ODT) may be larger than its text: images, fonts, layout.
MAX_SOURCE_BYTES = 200 * _MB
# Byte-order marks of the Unicode encodings other than UTF-8, longest first.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
_BINARY_SAMPLE = 8192
# Control characters a text file may hold; any other is a sign of a binary file.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # all below 32 but \t \n \v \f \r


class UnreadableFile(ValueError):
    """A file that is not an article text; the message is one line for the user."""


def check_size(size: int, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse files too large to be a news article (or, with a limit, a document)."""
    if size > limit:
        raise UnreadableFile(too_large_reason(size, limit))


def check_text_size(text: str) -> None:
    """Refuse a document whose text is larger than a text file may be."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(Reason(ReasonCode.TEXT_TOO_LARGE, size=_megabytes(size),
                                    limit=_limit_mb()))


def too_large_reason(size: int, limit: int = MAX_FILE_BYTES) -> Reason:
    """The one wording of the size limit. The size is rounded up, so that a file just over
    the limit never reads as the limit itself ("20.0 MB; the limit is 20 MB")."""
    return Reason(ReasonCode.FILE_TOO_LARGE, size=_megabytes(size), limit=_limit_mb(limit))


def _megabytes(size: int) -> str:
    tenths = -(-size * 10 // _MB)  # ceiling
    return f"{tenths // 10}.{tenths % 10}"


def _limit_mb(limit: int = MAX_FILE_BYTES) -> str:
    whole, rest = divmod(limit * 10 // _MB, 10)
    return f"{whole}.{rest}" if rest else str(whole)


def decode_article_bytes(data: bytes) -> str:
    """The text of a UTF-8 article file (a byte-order mark is fine), or of a UTF-16 or UTF-32
    one that starts with its byte-order mark; or UnreadableFile."""
    check_size(len(data))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode(data, encoding, len(bom))
            if not any(character.isspace() for character in text[:_BINARY_SAMPLE]):
                # Any bytes after these marks decode to something; text has spaces or lines.
                raise UnreadableFile(Reason(ReasonCode.BINARY_FILE))
            break
    else:
        if b"\x00" in data:
            raise UnreadableFile(Reason(ReasonCode.BINARY_FILE))
        text = _decode(data, "utf-8-sig")
    if "\x00" in text:
        raise UnreadableFile(Reason(ReasonCode.BINARY_FILE))
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(3, len(sample) // 100):
        raise UnreadableFile(Reason(ReasonCode.BINARY_FILE))
    if not text.strip():
        raise UnreadableFile(Reason(
            ReasonCode.EMPTY_FILE if not text else ReasonCode.ONLY_WHITESPACE))
    return text


def _decode(data: bytes, encoding: str, skip: int = 0) -> str:
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        name = "UTF-8" if encoding == "utf-8-sig" else encoding.upper().rsplit("-", 1)[0]
        where = skip + error.start
        raise UnreadableFile(Reason(ReasonCode.INVALID_ENCODING, encoding=name,
                                    byte=f"0x{data[where]:02x}", offset=where)) from None
