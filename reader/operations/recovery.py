"""Backups of a library and the recovery of a damaged one, into new files beside it.

A backup is SQLite's online backup of the library as it is (others may go on writing
meanwhile). A recovery copies what can be read of a damaged library into a new file; the
damaged file is only read, and kept.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from reader.store.library import Library, timestamped_backup_path
from reader.store.recovery import recover_into


def backup_library(path: Path, out: Path | None = None) -> Path:
    """Copy a library into `out` (default: `NAME.YYYYMMDD-HHMMSS.backup` beside it); the file
    written. LibraryError if the library cannot be read, OSError if `out` cannot be written."""
    library = Library.open(path, read_only=True)
    try:
        target = out if out is not None else timestamped_backup_path(library.path)
        library.backup_to(target)
    finally:
        library.close()
    return target


# A daily backup is made when the newest is older than this.
DAILY_SECONDS = 24 * 60 * 60


def backup_if_due(library: Library, now: float | None = None) -> Path | None:
    """Copy the library beside itself (`NAME.YYYYMMDD-HHMMSS.daily-backup`) when its newest
    daily backup is a day old or there is none, keeping the last three; the file written, or
    None when none was due. Run it off the GUI thread, on a library of its own."""
    from reader.store.library import BACKUPS_KEPT, rotate_backups

    now = time.time() if now is None else now
    pattern = f"{library.path.name}.*.daily-backup"
    ages = [now - p.stat().st_mtime for p in library.path.parent.glob(pattern)]
    if ages and min(ages) < DAILY_SECONDS:
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = library.path.with_name(f"{library.path.name}.{stamp}.daily-backup")
    library.backup_to(target)
    os.utime(target, (now, now))
    rotate_backups(library.path, "*.daily-backup", BACKUPS_KEPT)
    return target


@dataclass(frozen=True)
class RecoveryReport:
    """What a recovery wrote, and how."""

    path: Path
    method: str
    documents: int
    annotations: int
    bookmarks: int


def recovered_path(path: Path) -> Path:
    """Where a recovery of a library writes by default: `NAME.recovered-YYYYMMDD-HHMMSS`."""
    return path.with_name(f"{path.name}.recovered-{time.strftime('%Y%m%d-%H%M%S')}")


def recover_library(path: Path, out: Path | None = None,
                    use_sqlite_command: bool | None = None) -> RecoveryReport:
    """Copy what can be read of a (damaged) library into a new file and open it as a library
    (upgrading it if it is of an older version); the original is never written.

    OSError when `out` exists or cannot be written; LibraryError when what was recovered is
    not a usable library.
    """
    path = Path(path)
    target = Path(out) if out is not None else recovered_path(path)
    if target.exists():
        raise FileExistsError(17, "the file exists already", str(target))
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        method = recover_into(path, partial, use_sqlite_command)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    library = Library.open(target)
    try:
        return RecoveryReport(target, method, library.document_count(),
                              library.annotations.count(),
                              len(library.bookmarks.newest_first()))
    finally:
        library.close()
