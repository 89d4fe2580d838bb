"""XML files read safely: entity declarations (the "billion laughs"), external entities and
a file that is not what its name says are each refused with a one-line reason.

defusedxml (PSF) parses with the standard library's expat and refuses any entity
declaration; it is imported when a bilingual file is first read.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

from reader.text.file_check import UnreadableFile, check_size

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

XML_NAMESPACE = "{http://www.w3.org/XML/1998/namespace}"
NESTED_TOO_DEEPLY = "refused: its markup is nested too deeply to be a document"
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
# What a file that lies about its type most often is, by its first bytes.
_SIGNATURES = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX, EPUB, XLSX…)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)


def parse_xml(data: bytes, format_label: str) -> Element:
    """The root element of an XML file's bytes ("a TMX" file, say); UnreadableFile saying why
    there is none."""
    check_size(len(data))
    kind = _binary_kind(data)
    if kind is not None:
        raise UnreadableFile(f"not {format_label} file: it is {kind}")
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root: Element = fromstring(data)
    except defusedxml.DefusedXmlException as error:
        raise UnreadableFile(
            f"refused: the file declares XML entities or a document type with external "
            f"references, which could make it expand without bound "
            f"({type(error).__name__})") from None
    except ParseError as error:
        raise UnreadableFile(_parse_error_reason(error, data, format_label)) from None
    return root


def _binary_kind(data: bytes) -> str | None:
    head = data[:16]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" in data[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00",
                                                        b"\x00<")):
        return "binary data"
    return None


def _parse_error_reason(error: Exception, data: bytes, format_label: str) -> str:
    line, column = getattr(error, "position", (0, 0))
    message = str(error).split(":")[0].strip() or "not well-formed"
    if not data.strip():
        return f"not {format_label} file: it is empty"
    if not data.lstrip().startswith((b"<", b"\xef\xbb\xbf<", b"\xff\xfe", b"\xfe\xff")):
        return f"not {format_label} file: it is not XML"
    last_line = data.count(b"\n") + 1
    cut = " (the file seems cut short)" if line >= last_line and (
        "no element found" in message or "unclosed token" in message) else ""
    return f"not well-formed XML: {message} at line {line}, column {column}{cut}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text an XML 1.0 file can hold: characters it cannot (most control characters) left out."""
    return _NOT_XML.sub("", text)


def local_name(element: Element) -> str:
    """An element's name without its namespace: "tu" for "{urn:…}tu"."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: Element) -> str:
    """An element's namespace, "" when it has none."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def language_code(tag: str | None) -> str | None:
    """The ISO 639 code of a language tag ("es-ES" → "es"); None when it is not one."""
    if not tag:
        return None
    match = _LANGUAGE_TAG.fullmatch(tag.strip())
    return match.group(1).lower() if match else None


def inline_text(element: Element, skipped: frozenset[str], code_points: str = "") -> str:
    """The text of a segment with inline markup: the text of elements named in `skipped`
    (native codes, sub-flows) left out, their tails kept; an element named `code_points`
    (XLIFF 2's <cp hex="…"/>) stands for its character."""
    parts: list[str] = [element.text or ""]
    for child in element:
        name = local_name(child)
        if name == code_points:
            with contextlib.suppress(ValueError, OverflowError):
                parts.append(chr(int(child.get("hex", ""), 16)))
        elif name not in skipped:
            parts.append(inline_text(child, skipped, code_points))
        parts.append(child.tail or "")
    return "".join(parts)
