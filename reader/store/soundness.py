"""Whether a library file is exactly as this app left it after its check passed.

A full check reads every page of the file (26 s from a cold disk at 100,000 articles), so the
window holds writes for it only when the file may have changed behind the app's back. The
evidence is a note beside the library (`NAME.checked`: the file's size, its modification time
and when its check last passed), written whenever a library that was sound when opened is
closed by this app, the window or the command line alike: the app's own transactions cannot
damage a sound file, so a `reader import` into a checked library leaves it trusted. A file
that another program wrote, that was copied or restored, or a library that was never checked,
does not match its note and is checked again before it is written.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import NamedTuple

NOTE_SUFFIX = ".checked"


class SoundNote(NamedTuple):
    """What was noted of a sound library file: its size and time, and when it passed."""

    size: int
    mtime_ns: int
    checked_at: float  # seconds since the epoch

    def matches(self, path: Path) -> bool:
        """Whether the file is still exactly as it was when this was noted."""
        return (self.size, self.mtime_ns) == fingerprint(path)


def fingerprint(path: Path) -> tuple[int, int]:
    """The file's size and modification time in nanoseconds; (-1, -1) if unreadable."""
    try:
        status = os.stat(path)
    except OSError:
        return -1, -1
    return status.st_size, status.st_mtime_ns


def note_path(path: Path) -> Path:
    """Where the note of a library file is kept: beside it."""
    return path.with_name(path.name + NOTE_SUFFIX)


def read_note(path: Path) -> SoundNote | None:
    """The note of a library file, or None when there is none or it cannot be read."""
    try:
        size, mtime, checked_at = note_path(path).read_text(encoding="ascii").split()
        return SoundNote(int(size), int(mtime), float(checked_at))
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def trusted_note(path: Path) -> SoundNote | None:
    """The note of a library file if the file still matches it, else None."""
    note = read_note(path)
    return note if note is not None and note.matches(path) else None


def write_note(path: Path, checked_at: float | None = None) -> None:
    """Note the file as it is now as sound, its check having passed at `checked_at` (now when
    None). Written beside and renamed, never half-written; a folder that cannot be written
    leaves no note (the file is then simply checked again)."""
    size, mtime = fingerprint(path)
    if size < 0:
        return
    when = time.time() if checked_at is None else checked_at
    target = note_path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_text(f"{size} {mtime} {when:.3f}\n", encoding="ascii")
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)


def forget(path: Path) -> None:
    """Drop the note of a library file (it failed its check, or it was replaced)."""
    with contextlib.suppress(OSError):
        note_path(path).unlink(missing_ok=True)
