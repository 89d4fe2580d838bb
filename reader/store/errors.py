"""Errors the store reports to the user."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """A library file that cannot be opened; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
