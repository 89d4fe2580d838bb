"""Web pages and Markdown files imported: the original's format, path and metadata kept,
and two language versions of one report joined through the addresses their pages name."""

from __future__ import annotations

import json
from pathlib import Path

from reader.operations.importer import import_paths
from reader.store import ImportStatus
from reader.store.library import Library
from tests.conftest import SEED_EN, SEED_ES, SEED_SV
from tests.formats.web_pages import seed_page

ENGLISH = "https://courier.example/en/2025/10/conference"
SPANISH = "https://courier.example/es/2025/10/conferencia"
SWEDISH = "https://courier.example/sv/2025/10/konferens"


def _page(folder: Path, name: str, seed: Path, language: str, address: str,
          alternates: dict[str, str]) -> Path:
    path = folder / name
    path.write_text(seed_page(seed, language, address, alternates).html, encoding="utf-8")
    return path


def test_a_page_keeps_its_format_path_and_metadata(empty_library: Library,
                                                    tmp_path: Path) -> None:
    page = _page(tmp_path, "conferencia.html", SEED_ES, "es", SPANISH, {"en": ENGLISH})
    (result,) = import_paths(empty_library, [page])
    assert result.status is ImportStatus.IMPORTED and result.source_format == "html"
    assert result.document_id is not None
    origin = empty_library.document_origin(result.document_id)
    assert (origin.source_format, origin.origin, origin.file_name) == (
        "html", str(page), "conferencia.html")
    assert origin.metadata == {"author": "Quan Minh", "date": "2025-10-14",
                               "site_name": "The Provincial Courier", "canonical_url": SPANISH}
    shown = empty_library.shown_document(result.document_id)
    assert shown is not None
    assert (shown.format, shown.author, shown.date, shown.source_url, shown.language) == (
        "html", "Quan Minh", "2025-10-14", SPANISH, "es")
    assert [(t.language, t.address) for t in
            empty_library.missing_translations(result.article_id or 0)] == [("en", ENGLISH)]


def test_language_versions_named_by_their_pages_join_one_article(empty_library: Library,
                                                                 tmp_path: Path) -> None:
    spanish = _page(tmp_path, "es.html", SEED_ES, "es", SPANISH,
                    {"en": ENGLISH, "sv": SWEDISH})
    english = _page(tmp_path, "en.html", SEED_EN, "en", ENGLISH, {"es": SPANISH})
    first, = import_paths(empty_library, [spanish])
    second, = import_paths(empty_library, [english])
    assert second.status is ImportStatus.IMPORTED
    assert second.article_id == first.article_id
    languages = {d.language for d in empty_library.documents_of(first.article_id or 0)}
    assert languages == {"es", "en"}
    # Swedish is named but not in the library: it is what the sidebar offers to fetch.
    assert [(t.language, t.address) for t in
            empty_library.missing_translations(first.article_id or 0)] == [("sv", SWEDISH)]


def test_a_page_named_by_one_already_there_joins_it_though_it_names_none(
        empty_library: Library, tmp_path: Path) -> None:
    spanish = _page(tmp_path, "es.html", SEED_ES, "es", SPANISH, {"sv": SWEDISH})
    swedish = _page(tmp_path, "sv.html", SEED_SV, "sv", SWEDISH, {})
    first, = import_paths(empty_library, [spanish])
    second, = import_paths(empty_library, [swedish])
    assert second.article_id == first.article_id
    assert empty_library.missing_translations(first.article_id or 0) == []


def test_a_page_in_a_language_the_article_has_stays_apart(empty_library: Library,
                                                          tmp_path: Path) -> None:
    spanish = _page(tmp_path, "es.html", SEED_ES, "es", SPANISH, {"en": ENGLISH})
    other = _page(tmp_path, "otro.html", SEED_SV, "es", "https://courier.example/es/otro",
                  {"es": SPANISH})
    first, = import_paths(empty_library, [spanish])
    second, = import_paths(empty_library, [other])
    assert second.article_id != first.article_id


def test_a_markdown_file_is_imported_with_its_format(empty_library: Library,
                                                     tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("---\nauthor: Ana\n---\n# Informe\n\nLa provincia creció un 6,52 %.\n\n"
                     "Las exportaciones subieron un *77 %* este año.\n", encoding="utf-8")
    (result,) = import_paths(empty_library, [notes])
    assert result.status is ImportStatus.IMPORTED and result.source_format == "markdown"
    text = empty_library.document_text(result.document_id or 0)
    assert text.document.title == "Informe"
    assert [p.text for p in text.paragraphs] == [
        "La provincia creció un 6,52 %.", "Las exportaciones subieron un 77 % este año."]
    assert empty_library.document_origin(result.document_id or 0).metadata == {"author": "Ana"}


def test_a_binary_file_named_html_and_an_empty_page_leave_no_trace(empty_library: Library,
                                                                   tmp_path: Path) -> None:
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "empty.htm").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    results = import_paths(empty_library, [tmp_path / "photo.html", tmp_path / "empty.htm"])
    assert [(r.status, r.reason, r.source_format) for r in results] == [
        (ImportStatus.FAILED, "binary file, not a web page", "html"),
        (ImportStatus.FAILED, "the page has no article text (only navigation, links or "
                              "scripts)", "html"),
    ]
    assert empty_library.document_count() == 0
    assert json.dumps([r.source for r in results])  # the paths, as the report names them
