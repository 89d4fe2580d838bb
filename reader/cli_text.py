"""Text for a terminal: what the command line prints of file names, titles, article text and
error messages, with no control character left that a terminal would act on.

A file named "evil\\x1b[2Jname.txt" or an article holding an escape sequence could otherwise
clear the screen, retitle the window, or hide lines when the command prints it. Every C0 and
C1 control character except newline and tab is shown as its escape instead ("\\x1b").
JSON output needs none of this: json escapes control characters itself.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: object) -> str:
    """Text (or anything, as str()) with every control character but newline and tab written
    as a visible escape ("\\x1b"); plain text comes back as it is."""
    text = str(text)
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
