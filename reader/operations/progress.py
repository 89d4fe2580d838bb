"""How long operations report progress and learn that the reader cancelled them."""

from __future__ import annotations

import threading
from collections.abc import Callable

# done, total, what is being done now (a file name, a title; may be empty)
ReportProgress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _what: str) -> None:
    """Report nothing (for callers that do not show progress)."""


class CancelToken:
    """Set by the reader (any thread), checked by the operation between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next step, keeping what it finished."""
        self._event.set()

    def cancelled(self) -> bool:
        """Whether the reader asked to stop."""
        return self._event.is_set()
