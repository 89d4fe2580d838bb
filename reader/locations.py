"""Where the library file lives by default (the per-user data folder)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

LIBRARY_FILE_NAME = "library.sqlite"
APP_FOLDER_NAME = "parallel-reader"


def user_data_folder() -> Path:
    """The per-user data folder of the app (the library, its log, its pending writes).

    On Linux this is the XDG base directory rule platformdirs follows (`$XDG_DATA_HOME`, or
    `~/.local/share` when it is unset or not an absolute path), written out here because importing
    platformdirs costs the window's start a few milliseconds (it imports tempfile, shutil and
    their compressors); other systems ask platformdirs.
    """
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "")
        if not os.path.isabs(base):  # unset, blank or relative: the spec says to ignore it
            base = os.path.expanduser("~/.local/share")
        return Path(base) / APP_FOLDER_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_FOLDER_NAME, appauthor=False))


def default_library_path() -> Path:
    """The library opened when no --db is given."""
    return user_data_folder() / LIBRARY_FILE_NAME
