"""File → Open address… (Ctrl+L): a page fetched from a local server off the GUI thread and
opened next to its translation, which its page names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.store.records import ImportResult
from reader.ui.main_window import MainWindow
from tests.conftest import SEED_EN, SEED_ES
from tests.formats.web_pages import seed_page
from tests.operations.test_fetching import PAGES, site  # noqa: F401  (the local server)
from tests.ui.drops import drag_enter, drop


def _open(qtbot: QtBot, window: MainWindow, address: str) -> ImportResult:
    with qtbot.waitSignal(window.importer.import_finished, timeout=60_000) as finished:
        assert window.import_address(address)
    assert window.importer.report_box is not None
    window.importer.report_box.close()
    (result,) = finished.args[0]
    assert isinstance(result, ImportResult)
    return result


def test_a_page_opened_by_address_sits_next_to_its_translation(
        qtbot: QtBot, site: str, library_path: Path,  # noqa: F811
        make_window: Callable[[Library], MainWindow]) -> None:
    spanish = seed_page(SEED_ES, "es", f"{site}/es/conferencia", {"en": f"{site}/en/conference"})
    english = seed_page(SEED_EN, "en", f"{site}/en/conference", {"es": f"{site}/es/conferencia"})
    PAGES["/es/conferencia"] = (200, "text/html; charset=utf-8", spanish.html.encode())
    PAGES["/en/conference"] = (200, "text/html; charset=utf-8", english.html.encode())
    library = Library.open(library_path)
    window = make_window(library)
    assert window.open_address_action.shortcut() == QKeySequence("Ctrl+L")
    first = _open(qtbot, window, f"{site}/es/conferencia")
    second = _open(qtbot, window, f"{site}/en/conference")
    assert (first.status.value, second.status.value) == ("imported", "imported")
    assert second.article_id == first.article_id
    assert window.library_model.rowCount() == 1
    assert window.open_article(first.article_id or 0)
    assert sorted(window.parallel_pane.shown_languages()) == ["en", "es"]
    origin = library.document_origin(first.document_id or 0)
    assert (origin.source_format, origin.origin) == ("html", f"{site}/es/conferencia")
    library.close()


def test_an_address_that_fails_is_reported_and_stores_nothing(
        qtbot: QtBot, site: str, library_path: Path,  # noqa: F811
        make_window: Callable[[Library], MainWindow]) -> None:
    library = Library.open(library_path)
    window = make_window(library)
    result = _open(qtbot, window, f"{site}/missing")
    assert (result.status.value, result.reason) == (
        "failed", "the server answered 404 Not Found (no such page)")
    assert window.library_model.rowCount() == 0
    library.close()


def test_the_sidebar_offers_to_fetch_a_version_the_page_names(
        qtbot: QtBot, site: str, library_path: Path,  # noqa: F811
        make_window: Callable[[Library], MainWindow]) -> None:
    spanish = seed_page(SEED_ES, "es", f"{site}/es/conferencia", {"en": f"{site}/en/conference"})
    english = seed_page(SEED_EN, "en", f"{site}/en/conference", {"es": f"{site}/es/conferencia"})
    PAGES["/es/conferencia"] = (200, "text/html; charset=utf-8", spanish.html.encode())
    PAGES["/en/conference"] = (200, "text/html; charset=utf-8", english.html.encode())
    library = Library.open(library_path)
    window = make_window(library)
    first = _open(qtbot, window, f"{site}/es/conferencia")
    assert window.open_article(first.article_id or 0)
    sidebar = window.metrics_sidebar
    (button,) = sidebar.fetch_buttons
    assert button.text() == "Fetch English" and button.toolTip() == f"{site}/en/conference"
    with qtbot.waitSignal(window.importer.import_finished, timeout=60_000) as finished:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.importer.report_box is not None
    window.importer.report_box.close()
    (result,) = finished.args[0]
    assert result.status.value == "imported" and result.article_id == first.article_id
    assert {d.language for d in library.documents_of(first.article_id or 0)} == {"es", "en"}
    assert window.open_article(first.article_id or 0)
    assert sidebar.fetch_buttons == []
    library.close()


def test_a_link_dragged_from_a_browser_is_fetched_and_imported(
        qtbot: QtBot, site: str, library_path: Path,  # noqa: F811
        make_window: Callable[[Library], MainWindow]) -> None:
    page = seed_page(SEED_ES, "es", f"{site}/es/dragged")
    PAGES["/es/dragged"] = (200, "text/html; charset=utf-8", page.html.encode())
    library = Library.open(library_path)
    window = make_window(library)
    mime = QMimeData()  # what a browser gives for a dragged link: the address, as URL and text
    mime.setUrls([QUrl(f"{site}/es/dragged")])
    mime.setText(f"{site}/es/dragged")
    (result,) = drop(qtbot, window, mime)
    assert window.importer.report_box is not None
    window.importer.report_box.close()
    assert (result.status.value, result.address) == ("imported", f"{site}/es/dragged")
    plain = QMimeData()
    plain.setText("not an address at all")
    assert not drag_enter(window, plain)
    library.close()
