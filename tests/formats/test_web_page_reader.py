"""Saved web pages: the article's own text, paragraph by paragraph as the seed has it, with
none of the site round it; the page's metadata, language and other language versions."""

from __future__ import annotations

import pytest

from reader.formats.registry import reader_for
from reader.formats.web_page import read_page, read_web_page
from reader.text.file_check import UnreadableFile
from reader.text.source_document import ParagraphKind
from tests.conftest import SEED_EN, SEED_ES, SEED_RU, SEED_SV
from tests.formats.web_pages import BOILERPLATE, seed_page

ADDRESS = "https://courier.example/en/2025/10/conference"
SPANISH = "https://courier.example/es/2025/10/conferencia"


@pytest.mark.parametrize("seed", [SEED_EN, SEED_ES, SEED_SV, SEED_RU])
def test_the_article_text_is_the_seed_paragraph_by_paragraph(seed) -> None:  # type: ignore[no-untyped-def]
    page = seed_page(seed, "en", ADDRESS)
    document = read_web_page(page.html.encode("utf-8"), "conference.html")
    assert [p.text for p in document.paragraphs] == list(page.paragraphs)
    assert [p.text for p in document.paragraphs
            if p.kind is ParagraphKind.HEADING] == list(page.headings)
    for boilerplate in BOILERPLATE:
        assert boilerplate not in document.body_text


def test_the_page_metadata_is_kept() -> None:
    page = seed_page(SEED_ES, "es-ES", SPANISH, alternates={"en": ADDRESS, "es": SPANISH},
                     author="Ana Pérez", date="2025-10-14", title="Conferencia provincial")
    document = read_web_page(page.html.encode("utf-8"), "conferencia.html")
    assert document.title == "Conferencia provincial"  # the headline, not the <title> tag
    assert document.language == "es"
    assert document.byline == "Ana Pérez"
    assert document.source_url == SPANISH
    assert document.metadata["format"] == "html"
    assert document.metadata["author"] == "Ana Pérez"
    assert document.metadata["date"] == "2025-10-14"
    assert document.metadata["site_name"] == "The Provincial Courier"
    assert document.metadata["canonical_url"] == SPANISH
    assert document.metadata["hreflang:en"] == ADDRESS
    # The headline is the title: it does not open the text a second time.
    assert document.paragraphs[0].text != "Conferencia provincial"


def test_a_page_in_a_declared_legacy_charset_is_decoded_by_it() -> None:
    page = seed_page(SEED_ES, "es", SPANISH, charset="windows-1252")
    document = read_web_page(page.html.encode("cp1252"), "conferencia.htm")
    assert [p.text for p in document.paragraphs] == list(page.paragraphs)
    assert "Comité" in document.body_text


def test_the_server_charset_wins_and_an_undeclared_legacy_page_still_reads() -> None:
    page = seed_page(SEED_ES, "es", SPANISH, charset="utf-8")
    data = page.html.replace('<meta charset="utf-8">', "").encode("latin-1")
    assert "Comité" in read_page(data).body_text  # not UTF-8: read as Windows-1252
    assert "Comité" in read_page(data, charset="iso-8859-1").body_text


def test_relative_alternates_are_resolved_against_the_address() -> None:
    page = seed_page(SEED_EN, "en", ADDRESS, alternates={"es": "/es/2025/10/conferencia"})
    document = read_page(page.html.encode(), address=ADDRESS)
    assert document.metadata["hreflang:es"] == SPANISH


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"   \n", "file holds only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    (b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
     b"<a href='/news'>News</a></nav><footer>Copyright</footer></body></html>",
     "the page has no article text"),
    (b"just some words, no markup at all", "not a web page: no HTML markup"),
])
def test_a_file_that_is_no_article_page_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile, match=reason):
        read_web_page(data, "page.html")


def test_the_registry_gives_html_files_to_the_web_page_reader() -> None:
    found = reader_for("Saved Page.HTM")
    assert found is not None and found.name == "html"
