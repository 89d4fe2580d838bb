"""The figures of a library as CSV: article, language, label, exact value, unit, kind,
qualifier and the words the text reports them in."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.formats.base import Writer
from reader.formats.exports import FIGURES, FigureRow
from reader.formats.spreadsheet_cells import safe_row

FIGURE_FIELDS = ("article", "language", "label", "value", "unit", "kind", "qualifier", "surface")


def write_figures_csv(rows: Sequence[FigureRow]) -> str:
    """A header row, then one row per figure in the order given (line ends \\r\\n); text a
    spreadsheet would take for a formula begins with `'` (spreadsheet_cells)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIGURE_FIELDS)
    for title, language, figure in rows:
        writer.writerow(safe_row([title, language, figure.label, str(figure.value),
                                  figure.unit, figure.kind, figure.qualifier, figure.surface]))
    return out.getvalue()


WRITER = Writer(FIGURES, "csv", "CSV files", ".csv", write_figures_csv)
