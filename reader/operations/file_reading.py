"""Read an input file safely: a regular file only, never more than the size limit.

Named pipes, devices and sockets are refused before they are opened, so nothing waits for a
writer that never comes (a FIFO) or reads for ever (/dev/zero); every OSError has one short
line a user understands (`os_error_reason`).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reader.text.file_check import MAX_FILE_BYTES, UnreadableFile, check_size
from reader.text.reasons import Reason, ReasonCode

_KINDS = (
    (stat.S_ISDIR, ReasonCode.FOLDER),
    (stat.S_ISFIFO, ReasonCode.NAMED_PIPE),
    (stat.S_ISCHR, ReasonCode.DEVICE),
    (stat.S_ISBLK, ReasonCode.DEVICE),
    (stat.S_ISSOCK, ReasonCode.SOCKET),
)
_REASONS = {
    errno.ENOENT: ReasonCode.NO_SUCH_FILE,
    errno.EACCES: ReasonCode.PERMISSION_DENIED,
    errno.EPERM: ReasonCode.PERMISSION_DENIED,
    errno.ELOOP: ReasonCode.LINK_LOOP,
    errno.ENAMETOOLONG: ReasonCode.PATH_TOO_LONG,
    errno.EISDIR: ReasonCode.FOLDER,
    errno.ENOTDIR: ReasonCode.NOT_A_FOLDER_IN_PATH,
}


def os_error_reason(error: OSError) -> str:
    """One line for why a path cannot be used."""
    if error.errno in _REASONS:
        return Reason(_REASONS[error.errno])
    return Reason(ReasonCode.CANNOT_READ, detail=error.strerror or error)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of this mode cannot be read as a document; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, code in _KINDS:
        if test(mode):
            return Reason(code)
    return Reason(ReasonCode.NOT_REGULAR)


def check_regular_file(path: Path) -> None:
    """UnreadableFile unless `path` is a regular file (after symbolic links); OSError when
    it cannot be looked at."""
    reason = not_regular_reason(os.stat(path).st_mode)
    if reason is not None:
        raise UnreadableFile(reason)


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than the size limit (a text file's, unless
    another is given: a document format's).

    UnreadableFile for anything else (a pipe, a device, a folder, a file too large); OSError
    when it cannot be opened. The file is opened without blocking and looked at again once
    open, so one replaced by a pipe in between cannot hang the caller either.
    """
    check_regular_file(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb", closefd=True) as file:
        status = os.fstat(file.fileno())
        reason = not_regular_reason(status.st_mode)
        if reason is not None:
            raise UnreadableFile(reason)
        check_size(status.st_size, limit)
        data = file.read(limit + 1)
    check_size(len(data), limit)
    return data


def printable(text: str) -> str:
    """Text fit to print or store: the bytes of a file name that are not UTF-8 (which Python
    keeps as surrogate escapes, "\\udcff") written as "\\xff"."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
