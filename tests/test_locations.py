"""The per-user data folder is where platformdirs puts it, without importing platformdirs."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from reader.error_log import log_path
from reader.locations import default_library_path, user_data_folder

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the folder is written out for Linux only")


@pytest.mark.parametrize("value", [None, "", "   ", "/srv/data", "relative/data"])
def test_the_folder_is_the_one_platformdirs_names(
        value: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if value is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", value)
    expected = Path(platformdirs.user_data_dir("parallel-reader", appauthor=False))
    assert user_data_folder() == expected
    assert default_library_path() == expected / "library.sqlite"


def test_the_log_lives_in_it_unless_told_otherwise(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("READER_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert log_path() == tmp_path / "parallel-reader" / "reader.log"
    monkeypatch.setenv("READER_LOG_DIR", str(tmp_path / "logs"))
    assert log_path() == tmp_path / "logs" / "reader.log"
