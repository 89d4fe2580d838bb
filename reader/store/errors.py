"""Errors the store reports to the user."""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """A library file that cannot be opened; the message names the file and the reason."""

    opening = True
    """Whether it was raised while opening the library (else by a write to it, or a read)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class WriteFailed(LibraryError):
    """A write that did not reach the library file; nothing of it was stored.

    `lasting` says whether trying again later can help: False for a library that is busy
    (another program holds it) or a disk that is full for now; True for a file or folder that
    is read-only or a library that is damaged.
    """

    lasting = False
    opening = False


class LibraryBusy(WriteFailed):
    """Another program (or another import) held the library longer than the wait allows."""


class DiskFull(WriteFailed):
    """The disk holding the library is full."""


class LibraryReadOnly(WriteFailed):
    """The library file or its folder cannot be written."""

    lasting = True


class LibraryDamaged(WriteFailed):
    """The library file is damaged (it fails SQLite's integrity check)."""

    lasting = True
