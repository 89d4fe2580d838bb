"""Why an input could not be used: a stable code with parameters, and its English line.

A `Reason` is a `str` (its English text), so it goes wherever a one-line reason went before
(`UnreadableFile(...)`, `ImportResult.reason`, a process boundary); it also carries its
`code` and `params`, so the window and the plain command line can say it in the reader's
language (`reader.ui.i18n.explain`) and `--json` output can keep the code.

To add one: a member of `ReasonCode` and its English template in `MESSAGES`, wrapped in
`N_()` so `pybabel extract` finds it; raise `UnreadableFile(Reason(ReasonCode.X, name=...))`.
A plain string still works (it is shown as it is, untranslated, with the code "other").
"""

from __future__ import annotations

from enum import StrEnum


def N_(message: str) -> str:  # noqa: N802 - the gettext name extraction looks for
    """Mark an English template for the catalogs; translated where it is shown."""
    return message


class ReasonCode(StrEnum):
    """The stable name of a reason; scripts may rely on it (`--json` output)."""

    OTHER = "other"
    FILE_TOO_LARGE = "file-too-large"
    TEXT_TOO_LARGE = "text-too-large"
    BINARY_FILE = "binary-file"
    EMPTY_FILE = "empty-file"
    ONLY_WHITESPACE = "only-whitespace"
    INVALID_ENCODING = "invalid-encoding"
    FOLDER = "folder"
    NAMED_PIPE = "named-pipe"
    DEVICE = "device"
    SOCKET = "socket"
    NOT_REGULAR = "not-regular"
    NO_SUCH_FILE = "no-such-file"
    PERMISSION_DENIED = "permission-denied"
    LINK_LOOP = "link-loop"
    PATH_TOO_LONG = "path-too-long"
    NOT_A_FOLDER_IN_PATH = "not-a-folder-in-path"
    CANNOT_READ = "cannot-read"
    UNSUPPORTED_FORMAT = "unsupported-format"
    NO_EXTENSION = "no-extension"
    ALREADY_IN_LIBRARY = "already-in-library"
    TEXTS_IN_TWO_ARTICLES = "texts-in-two-articles"
    CANNOT_ANALYSE = "cannot-analyse"
    WORKER_STOPPED = "worker-stopped"
    ONLY_METADATA = "only-metadata"
    SOURCE_WITHOUT_TEXT = "source-without-text"
    TARGET_WITHOUT_TEXT = "target-without-text"


MESSAGES: dict[ReasonCode, str] = {
    ReasonCode.OTHER: "{text}",
    ReasonCode.FILE_TOO_LARGE: N_("file is too large ({size} MB; the limit is {limit} MB)"),
    ReasonCode.TEXT_TOO_LARGE: N_("its text is too large ({size} MB; the limit is {limit} MB)"),
    ReasonCode.BINARY_FILE: N_("binary file, not text"),
    ReasonCode.EMPTY_FILE: N_("empty file"),
    ReasonCode.ONLY_WHITESPACE: N_("file holds only whitespace"),
    ReasonCode.INVALID_ENCODING: N_("not valid {encoding} text (byte {byte} at offset {offset})"),
    ReasonCode.FOLDER: N_("a folder, not a file"),
    ReasonCode.NAMED_PIPE: N_("a named pipe, not a regular file"),
    ReasonCode.DEVICE: N_("a device, not a regular file"),
    ReasonCode.SOCKET: N_("a socket, not a regular file"),
    ReasonCode.NOT_REGULAR: N_("not a regular file"),
    ReasonCode.NO_SUCH_FILE: N_("no such file or folder"),
    ReasonCode.PERMISSION_DENIED: N_("cannot be read: permission denied"),
    ReasonCode.LINK_LOOP: N_("symbolic link loop"),
    ReasonCode.PATH_TOO_LONG: N_("the path is longer than the system allows"),
    ReasonCode.NOT_A_FOLDER_IN_PATH: N_(
        "no such file or folder (a part of the path is not a folder)"),
    ReasonCode.CANNOT_READ: N_("cannot be read ({detail})"),
    ReasonCode.UNSUPPORTED_FORMAT: N_("not a supported format: {suffix}"),
    ReasonCode.NO_EXTENSION: N_("not a supported format: the file name has no extension"),
    ReasonCode.ALREADY_IN_LIBRARY: N_("already in the library"),
    ReasonCode.TEXTS_IN_TWO_ARTICLES: N_(
        "both its texts are in the library already, in two different articles"),
    ReasonCode.CANNOT_ANALYSE: N_("cannot be analysed ({detail})"),
    ReasonCode.WORKER_STOPPED: N_("cannot be analysed (its worker process stopped: {detail})"),
    ReasonCode.ONLY_METADATA: N_("no article text, only metadata"),
    ReasonCode.SOURCE_WITHOUT_TEXT: N_("its source language ({language}) has no text"),
    ReasonCode.TARGET_WITHOUT_TEXT: N_("its target language ({language}) has no text"),
}


class Reason(str):
    """A reason's English line that knows its code and parameters (see the module)."""

    code: ReasonCode
    params: dict[str, str]

    def __new__(cls, code: ReasonCode, **params: object) -> Reason:
        texts = {name: str(value) for name, value in params.items()}
        reason = super().__new__(cls, MESSAGES[code].format(**texts))
        reason.code = code
        reason.params = texts
        return reason

    def __reduce__(self) -> tuple[object, ...]:  # pickled to and from import workers
        return (_rebuild, (self.code.value, self.params))


def _rebuild(code: str, params: dict[str, str]) -> Reason:
    return Reason(ReasonCode(code), **params)


def reason_code(reason: str) -> str:
    """The stable code of a reason ("other" for a plain string)."""
    return reason.code.value if isinstance(reason, Reason) else ReasonCode.OTHER.value


def reason_of(error: BaseException) -> str:
    """The reason an exception was raised with (`UnreadableFile(Reason(...))`), code kept."""
    if error.args and isinstance(error.args[0], Reason):
        return error.args[0]
    return str(error)
