"""PySide6's per-module source scan is off, as the app turns it off before building the window."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from reader.ui.pyside_imports import skip_feature_scan


def test_the_scan_can_be_turned_off_with_the_installed_pyside6() -> None:
    """A PySide6 that renames its helper makes this fail, so the start-up cost comes back
    knowingly, not silently."""
    assert skip_feature_scan() is True


def test_a_module_imported_afterwards_is_not_read_for_its_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    skip_feature_scan()
    module_file = tmp_path / "freshly_written_module.py"
    module_file.write_text('"""Mentions PySide6 in its text."""\nVALUE = 42\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        module = __import__("freshly_written_module")  # the import statement's way
        assert module.VALUE == 42
        assert str(module_file) not in linecache.cache
    finally:
        sys.modules.pop("freshly_written_module", None)


def test_qt_still_works_for_modules_imported_afterwards(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel("ok")
    qtbot.addWidget(label)
    assert label.text() == "ok"
