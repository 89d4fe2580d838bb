"""EPUB 2 and 3 books: the whole book as one document, each chapter of the reading order (the
package's spine) one section of it, with the title, authors and language of the package.

Read with the standard library's zipfile and defusedxml (EbookLib is AGPL, which an MIT app
cannot take): META-INF/container.xml names the package (OPF), whose manifest and spine give
the chapters in order. Navigation documents, scripts and styles are skipped; a book
protected by DRM (META-INF/encryption.xml that encrypts more than fonts) is refused.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from reader.formats.base import DocumentReader
from reader.formats.xml_input import language_code, local_name
from reader.formats.zip_input import Archive, open_archive
from reader.text.file_check import MAX_SOURCE_BYTES, UnreadableFile, check_text_size
from reader.text.source_document import Block, SourceDocument, content_hash, place_blocks

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

LABEL = "an EPUB"
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_RIGHTS = "META-INF/rights.xml"
_CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/xml",
                            "text/xml"})
# Font obfuscation (IDPF and Adobe) is not encryption of the text.
_FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding",
                               "http://ns.adobe.com/pdf/enc#RC"})


def read_epub(data: bytes, file_name: str) -> SourceDocument:
    """The book in an EPUB file; UnreadableFile with a reason when it holds none."""
    archive = open_archive(data, LABEL)
    _refuse_drm(archive)
    package_path = _package_path(archive)
    package = _parse(archive, package_path)
    if local_name(package) != "package":
        raise UnreadableFile(f"not an EPUB file: its package {package_path} is "
                             f"<{local_name(package)}>, not <package>")
    chapters = _spine(package, posixpath.dirname(package_path))
    if not chapters:
        raise UnreadableFile("EPUB book with no chapters in its reading order (spine)")
    from reader.formats.xhtml_text import xhtml_blocks

    blocks: list[Block] = []
    for number, chapter in enumerate(chapters):
        if not archive.has(chapter):
            continue  # a spine that names a missing file: the rest of the book is still there
        blocks.extend(xhtml_blocks(_parse(archive, chapter, html=True), number))
    paragraphs, body = place_blocks(blocks)
    check_text_size(body)
    metadata = _metadata(package)
    return SourceDocument(
        body, paragraphs, content_hash(body), title=metadata.get("title"),
        language=language_code(metadata.get("language")), byline=metadata.get("creator"),
        metadata={"format": "epub", **{k: v for k, v in metadata.items()
                                        if k in ("publisher", "date", "identifier")}})


def _parse(archive: Archive, name: str, html: bool = False) -> Element:
    from reader.formats.xhtml_text import numeric_entities
    from reader.formats.xml_input import parse_xml

    data = archive.read(name)
    try:
        return parse_xml(numeric_entities(data) if html else data, LABEL)
    except UnreadableFile as error:
        raise UnreadableFile(f"damaged EPUB file: its part {name} is {error}"
                             if str(error).startswith("not well-formed") else str(error)
                             ) from None
    except RecursionError:
        raise UnreadableFile(f"refused: its part {name} is nested too deeply") from None


def _refuse_drm(archive: Archive) -> None:
    if archive.has(_RIGHTS):
        raise UnreadableFile("is protected by DRM (META-INF/rights.xml): its text is "
                             "encrypted")
    if not archive.has(_ENCRYPTION):
        return
    encryption = _parse(archive, _ENCRYPTION)
    methods = {method.get("Algorithm", "") for method in encryption.iter()
               if local_name(method) == "EncryptionMethod"}
    if methods - _FONT_OBFUSCATION:
        raise UnreadableFile("is protected by DRM (META-INF/encryption.xml): its text is "
                             "encrypted")


def _package_path(archive: Archive) -> str:
    if not archive.has(_CONTAINER):
        if archive.has("mimetype") or any(n.endswith(".opf") for n in archive.names()):
            raise UnreadableFile(f"damaged EPUB file: it has no {_CONTAINER}")
        raise UnreadableFile(f"not an EPUB file: it is a ZIP archive without {_CONTAINER}")
    container = _parse(archive, _CONTAINER)
    for rootfile in container.iter():
        if local_name(rootfile) == "rootfile" and rootfile.get("full-path"):
            media = rootfile.get("media-type", "application/oebps-package+xml")
            if media == "application/oebps-package+xml":
                return unquote(rootfile.get("full-path", ""))
    raise UnreadableFile(f"damaged EPUB file: {_CONTAINER} names no package (OPF)")


def _spine(package: Element, folder: str) -> list[str]:
    """The archive names of the chapters in reading order (navigation documents left out)."""
    manifest: dict[str, Element] = {}
    spine: Element | None = None
    for child in package:
        if local_name(child) == "manifest":
            manifest = {item.get("id", ""): item for item in child
                        if local_name(item) == "item"}
        elif local_name(child) == "spine":
            spine = child
    if spine is None:
        raise UnreadableFile("damaged EPUB file: its package has no reading order (spine)")
    chapters: list[str] = []
    for itemref in spine:
        item = manifest.get(itemref.get("idref", "")) if local_name(itemref) == "itemref" else None
        if item is None or itemref.get("linear", "yes") == "no":
            continue
        properties = set(item.get("properties", "").split())
        if "nav" in properties or item.get("media-type", "") not in _CHAPTER_TYPES:
            continue
        href = unquote(item.get("href", "").split("#", 1)[0])
        if href:
            chapters.append(posixpath.normpath(posixpath.join(folder, href)))
    return chapters


def _metadata(package: Element) -> dict[str, str]:
    """The package's Dublin Core title, creators (joined), language, publisher, date."""
    found: dict[str, list[str]] = {}
    for child in package:
        if local_name(child) != "metadata":
            continue
        for element in child.iter():
            text = " ".join("".join(element.itertext()).split())
            if text and local_name(element) in ("title", "creator", "language", "publisher",
                                                "date", "identifier"):
                found.setdefault(local_name(element), []).append(text)
    metadata = {name: values[0] for name, values in found.items()}
    if "creator" in found:
        metadata["creator"] = ", ".join(dict.fromkeys(found["creator"]))
    return metadata


READER = DocumentReader("epub", "EPUB books", ("*.epub",), read_epub, MAX_SOURCE_BYTES)
