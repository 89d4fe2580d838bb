"""Cells a spreadsheet cannot run: text that begins like a formula is prefixed with a quote.

OWASP's CSV injection guidance: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
carriage return may be taken as a formula by Excel, LibreOffice or Google Sheets (and run:
HYPERLINK, DDE). Such a cell gets a leading `'`, which spreadsheets show as text. A cell that
is a plain number ("-5", "-3.2", "+1e3") stays as it is, so figures still read as numbers.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: object) -> object:
    """The value to write in a CSV cell: text that a spreadsheet would take for a formula
    begins with `'`; numbers, and text that is a number, are left alone."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


def safe_row(values: list[object]) -> list[object]:
    """Every cell of a row made safe (safe_cell)."""
    return [safe_cell(value) for value in values]
