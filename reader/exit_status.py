"""The exit statuses of every `reader` command, defined once (the table is in the README)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """What a `reader` command's exit status says; every command returns one of these."""

    OK = 0
    """Done: everything asked for was done."""
    FAILED = 1
    """Some input failed: a file could not be read, imported or written (each one is reported
    on its own line); everything else was done."""
    USAGE = 2
    """The command cannot be carried out as asked: an unknown option or a bad value (argparse
    exits with 2 too), an article that is not in the library, the window without a display.
    Nothing was done."""
    LIBRARY = 3
    """The library cannot be used: not a Parallel Reader library, written by a newer version,
    damaged, or it cannot be created there. One line on standard error names it and why; the
    file is left untouched."""
