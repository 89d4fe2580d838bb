"""Where the library file lives by default (the per-user data folder)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

LIBRARY_FILE_NAME = "library.sqlite"


def default_library_path() -> Path:
    """The library opened when no --db is given."""
    return Path(platformdirs.user_data_dir("parallel-reader", appauthor=False)) / LIBRARY_FILE_NAME
