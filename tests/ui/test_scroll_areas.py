"""The viewport's size read from its scroll area is the viewport's own size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QTextBrowser
from pytestqt.qtbot import QtBot

from reader.ui.scroll_areas import viewport_size


def test_a_text_browser_with_and_without_its_scroll_bar(qtbot: QtBot) -> None:
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(400, 300)
    browser.setPlainText("short")
    browser.show()
    qtbot.waitExposed(browser)
    assert viewport_size(browser) == browser.viewport().size()
    browser.setPlainText("a line of text\n" * 400)  # the vertical bar shows
    qtbot.waitUntil(lambda: browser.verticalScrollBar().isVisible())
    assert viewport_size(browser) == browser.viewport().size()
    browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    qtbot.waitUntil(lambda: browser.horizontalScrollBar().isVisible())
    assert viewport_size(browser) == browser.viewport().size()


def test_a_list_without_a_frame(qtbot: QtBot) -> None:
    listing = QListWidget()
    qtbot.addWidget(listing)
    listing.setFrameShape(QListWidget.Shape.NoFrame)
    listing.addItems([f"row {number}" for number in range(200)])
    listing.resize(200, 150)
    listing.show()
    qtbot.waitExposed(listing)
    assert listing.verticalScrollBar().isVisible()
    assert viewport_size(listing) == listing.viewport().size()
