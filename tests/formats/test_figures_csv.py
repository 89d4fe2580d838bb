"""The figures CSV: the Figures window's export, read back from the real seeds' figures."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from reader.formats.exports import FigureRow
from reader.formats.registry import FIGURES, writer
from reader.text.analysis import analyse_document
from reader.text.figures import find_figures
from tests.conftest import SEED_ES, make_figure


def test_every_figure_of_a_seed_reads_back() -> None:
    analysed = analyse_document(SEED_ES.read_text(encoding="utf-8"))
    figures = find_figures(analysed.parsed.body_text, analysed.language)
    rows: list[FigureRow] = [(analysed.title, "es", figure) for figure in figures]
    content = writer(FIGURES, "csv").content(rows)
    read = list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))
    assert len(read) == len(figures) > 10
    for row, figure in zip(read, figures, strict=True):
        assert (row["article"], row["language"]) == (analysed.title, "es")
        assert Decimal(row["value"]) == figure.value and row["surface"] == figure.surface
    assert {row["unit"] for row in read} >= {"VND", "percent"}


def test_the_file_is_what_the_window_always_wrote() -> None:
    figure = make_figure(0, "6,52 %", "6.52", "percent", "percent", "about", 'GRDP, "real"')
    content = writer(FIGURES, "csv").content([("Cao Bang", "es", figure)])
    assert content == (b"article,language,label,value,unit,kind,qualifier,surface\r\n"
                       b'Cao Bang,es,"GRDP, ""real""",6.52,percent,percent,about,"6,52 %"\r\n')
