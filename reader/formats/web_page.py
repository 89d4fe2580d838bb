"""Saved web pages (.html, .htm) and pages fetched from an address: the article's own text
through trafilatura (navigation, adverts, cookie banners, comments, related lists and footers
left out), its headings kept, and what the page says about itself (title, author, date, site
name, canonical address, language, the addresses of its other language versions).

trafilatura and lxml are imported when a page is read, never at start-up.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING, Any

from reader.formats.base import DocumentReader
from reader.formats.xml_input import language_code
from reader.text.file_check import UnreadableFile, check_size
from reader.text.source_document import (
    Block,
    ParagraphKind,
    SourceDocument,
    content_hash,
    normalise_text,
    place_blocks,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The key of the page's other language versions in SourceDocument.metadata: "hreflang:es".
ALTERNATE_PREFIX = "hreflang:"
# Where the page declares its encoding: <meta charset> or http-equiv, in its first bytes.
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MARKUP = re.compile(r"<\s*[a-zA-Z!/]")
# Containers of adverts and promotions that sites put inside the article itself.
_ADVERTS = " | ".join(
    f"//*[contains(concat(' ', normalize-space(@{attribute}), ' '), ' {name} ')]"
    for attribute in ("class", "id")
    for name in ("ad", "ads", "advert", "advertisement", "sponsored", "promo", "newsletter",
                 "cookie-banner", "cookie-consent", "share", "social"))
# Navigation, and the footers and side columns of the page round the article: never its text.
_PRUNED = f"//nav | //footer[not(ancestor::article)] | //aside | {_ADVERTS}"
_SPACE = re.compile(r"\s+")


def read_web_page(data: bytes, file_name: str) -> SourceDocument:
    """The article of a saved web page; UnreadableFile when the file holds none."""
    return read_page(data)


def read_page(data: bytes, charset: str | None = None, address: str | None = None
              ) -> SourceDocument:
    """The article of a web page's bytes, decoded by the charset the server sent (else the
    page's own declaration); `address` is where it was fetched from, the source when the page
    names no canonical address."""
    check_size(len(data))
    html = decode_page(data, charset)
    tree = _parse(html)
    page_language = _page_language(tree)
    alternates = _alternates(tree, address)
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            tree, url=address, with_metadata=True, include_comments=False,
            include_tables=True, prune_xpath=_PRUNED)
    except Exception as error:  # a page trafilatura cannot take apart is that page's failure
        raise UnreadableFile(f"the page cannot be read ({type(error).__name__})") from None
    body = getattr(extracted, "body", None)
    blocks = [] if body is None else list(_blocks(body))
    title = _clean(getattr(extracted, "title", None) or "") or None
    if blocks and title and blocks[0].kind is ParagraphKind.HEADING and (
            _folded(blocks[0].text) == _folded(title)):
        blocks = blocks[1:]  # the headline is the title, not a heading of the text
    if not any(block.kind is ParagraphKind.BODY for block in blocks):
        raise UnreadableFile("the page has no article text (only navigation, links or "
                             "scripts)")
    paragraphs, body_text = place_blocks(blocks)
    canonical = _clean(getattr(extracted, "url", None) or "") or None
    metadata = _metadata(extracted, canonical)
    metadata.update({f"{ALTERNATE_PREFIX}{code}": url for code, url in alternates.items()})
    author = metadata.get("author")
    return SourceDocument(
        body_text=body_text, paragraphs=paragraphs, content_hash=content_hash(body_text),
        title=title, language=page_language, byline=author,
        source_label=metadata.get("site_name"), source_url=canonical or address,
        metadata=metadata)


def decode_page(data: bytes, charset: str | None = None) -> str:
    """A page's text: by its byte-order mark, else the charset given (the server's), else the
    one the page declares, else UTF-8, else Windows-1252 (what browsers fall back to); an
    empty or binary file is UnreadableFile."""
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "file holds only whitespace")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:_CHARSET_SCAN_BYTES]:
        raise UnreadableFile("binary file, not a web page")
    for candidate in (encoding, charset, _declared_charset(data)):
        known = _known_encoding(candidate)
        if known is not None:
            text = data.decode(known, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = normalise_text(text)
    sample = text[:8192]
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 100) or "\x00" in sample:
        raise UnreadableFile("binary file, not a web page")
    if not _MARKUP.search(sample):
        raise UnreadableFile("not a web page: no HTML markup")
    return text


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:_CHARSET_SCAN_BYTES])
    return found.group(1).decode("ascii", "replace") if found else None


def _known_encoding(name: str | None) -> str | None:
    if not name:
        return None
    try:
        found = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    # A page that says UTF-16 in its markup was saved as bytes that read as ASCII: it is not.
    return None if found.startswith(("utf-16", "utf-32")) else found


def _parse(html: str) -> HtmlElement:
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                        huge_tree=False)
    try:
        return document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html), parser=parser)
    except (etree.ParserError, ValueError):
        raise UnreadableFile("the page cannot be read as HTML") from None


def _page_language(tree: HtmlElement) -> str | None:
    """The language the page declares: <html lang>, else a content-language meta tag."""
    declared = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    declared += tree.xpath("//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')="
                           "'content-language']/@content")
    declared += tree.xpath("//meta[@property='og:locale']/@content")
    for tag in declared:
        code = language_code(str(tag).replace("_", "-")) if tag else None
        if code:
            return "nb" if code == "no" else code
    return None


def _alternates(tree: HtmlElement, address: str | None) -> dict[str, str]:
    """The page's other language versions it names: {"es": "https://…/es/…"}."""
    from urllib.parse import urljoin

    found: dict[str, str] = {}
    for link in tree.xpath("//link[@hreflang][@href]"):
        if "alternate" not in str(link.get("rel", "")).lower().split():
            continue
        code = language_code(str(link.get("hreflang")))
        href = _clean(str(link.get("href")))
        if code and href:
            url = urljoin(address, href) if address else href
            if url.startswith(("http://", "https://")):
                found.setdefault("nb" if code == "no" else code, url)
    return found


def _blocks(body: Any) -> list[Block]:
    """Paragraphs and headings of trafilatura's body: list items and table rows each a
    paragraph of their own."""
    blocks: list[Block] = []
    for element in body:
        tag = element.tag
        if tag == "head":
            blocks.append(Block(_clean(element.xpath("string()")), ParagraphKind.HEADING))
        elif tag == "list":
            blocks.extend(Block(_clean(" ".join(item.itertext())))
                          for item in element if item.tag == "item")
        elif tag == "table":
            blocks.extend(Block(" · ".join(_clean(" ".join(cell.itertext())) for cell in row))
                          for row in element.iter("row"))
        else:
            blocks.append(Block(_clean(" ".join(element.itertext()))))
    return [block for block in blocks if block.text]


def _metadata(extracted: Any, canonical: str | None) -> dict[str, str]:
    metadata = {"format": "html"}
    for key, attribute in (("author", "author"), ("date", "date"), ("site_name", "sitename"),
                           ("description", "description")):
        value = _clean(str(getattr(extracted, attribute, None) or ""))
        if value:
            metadata[key] = value
    if canonical:
        metadata["canonical_url"] = canonical
    return metadata


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _folded(text: str) -> str:
    return _clean(text).casefold().rstrip(".")


READER = DocumentReader("html", "Web pages", ("*.html", "*.htm", "*.xhtml"), read_web_page)
