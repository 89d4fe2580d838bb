"""Exports a reader opens elsewhere cannot be turned against them: no CSV cell a spreadsheet
would run as a formula, no Markdown a viewer would render as a link, image, heading or HTML."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from reader.formats.annotations_markdown import escape_markdown
from reader.formats.exports import AnnotationExport
from reader.formats.registry import ANNOTATIONS, FIGURES, writer
from reader.formats.spreadsheet_cells import safe_cell
from reader.store import Annotation
from tests.conftest import make_figure

BASE = Annotation(1, "0123456789abcdef0123456789abcdef", 3, 2, "es",
                  "https://example.vn/a#lang=es", "Título", 10, 29, "desastres naturales",
                  "los ", " y", "green", "", (), False, "2025-01-02", "2025-01-02")
EVIL_NOTE = "![x](file:///etc/passwd)\n<img src=x>\n# heading\n> out of the quote"


def _csv_rows(kind_name: str, records: Any) -> list[dict[str, str]]:
    kind: Any = ANNOTATIONS if kind_name == "annotations" else FIGURES
    content = writer(kind, "csv").content(records).decode("utf-8")
    return list(csv.DictReader(io.StringIO(content, newline="")))


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd|' /C calc'!A0",
                                  "-2+3", "@SUM(A1:A2)", "\tfoo"])
def test_a_note_that_looks_like_a_formula_is_written_as_text(text: str) -> None:
    note = BASE._replace(note=text, article_title=text, tags=(text,))
    row, = _csv_rows("annotations", AnnotationExport([note]))
    assert row["note"] == row["article_title"] == row["tags"] == "'" + text


def test_a_carriage_return_neither_breaks_the_row_nor_starts_a_formula() -> None:
    note = BASE._replace(note="\r=1+1\r\nsecond", tags=("\rtag",))
    row, = _csv_rows("annotations", AnnotationExport([note]))
    assert (row["note"], row["tags"], row["orphaned"]) == ("\n=1+1\nsecond", "\ntag", "false")
    figure = make_figure(0, "\r-5", "-5", "count", "count", label="\r=A1")
    row, = _csv_rows("figures", [("Title", "es", figure)])
    assert (row["surface"], row["label"]) == ("'\r-5", "'\r=A1")


def test_hyperlink_note_comes_out_quoted() -> None:
    note = BASE._replace(note='=HYPERLINK("http://evil.example","click")')
    row, = _csv_rows("annotations", AnnotationExport([note]))
    assert row["note"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["quote"] == "desastres naturales" and row["start"] == "10"


def test_negative_numbers_stay_numbers() -> None:
    figure = make_figure(0, "-5", "-5", "count", "count", label="-3.2")
    row, = _csv_rows("figures", [("=cmd", "es", figure)])
    assert (row["value"], row["surface"], row["label"]) == ("-5", "-5", "-3.2")
    assert row["article"] == "'=cmd"
    assert [safe_cell(v) for v in (-5, "-5", "-3.2", "+7", "-1e3", "-", "-x", "a=b")] == [
        -5, "-5", "-3.2", "+7", "-1e3", "'-", "'-x", "a=b"]


def test_a_figure_surface_beginning_like_a_formula_is_quoted() -> None:
    figure = make_figure(0, "-5 %", "-5", "percent", "percent")
    row, = _csv_rows("figures", [("Title", "es", figure)])
    assert (row["value"], row["surface"]) == ("-5", "'-5 %")


def _markdown(annotation: Annotation) -> str:
    return writer(ANNOTATIONS, "md").content(AnnotationExport([annotation])).decode("utf-8")


def test_markdown_escapes_notes_quotes_titles_and_tags() -> None:
    annotation = BASE._replace(
        note=EVIL_NOTE, exact="[link](javascript:alert(1))\n> fake\n<b>quote</b>",
        article_title="# <script>alert(1)</script>", tags=("*tag*", "[t](http://x)"))
    text = _markdown(annotation)
    assert "\\!\\[x\\]\\(file:///etc/passwd\\)" in text
    assert "\\<img src=x\\>" in text and "\\# heading" in text
    assert "## \\# \\<script\\>alert\\(1\\)\\</script\\> (es)" in text
    assert "> \\[link\\]\\(javascript:alert\\(1\\)\\)\n> \\> fake\n> \\<b\\>quote\\</b\\>" in text
    assert "tags: \\*tag\\*, \\[t\\]\\(http://x\\)" in text
    for line in text.splitlines():
        assert not line.startswith(("<", "![", "[", "# heading", "> out"))


def test_rendered_markdown_holds_user_text_only_as_text() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    annotation = BASE._replace(
        note=EVIL_NOTE + "\n1. item\n===\n| a | b |\n|---|---|\n```\ncode",
        exact="quoted\n\n# not a heading\n![i](file:///tmp/x.png)",
        article_title="[t](http://evil)", tags=("<i>tag</i>",))
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(_markdown(annotation))
    for tag in ("<img", "<a ", "<h3", "<ol", "<table", "<code", "<i>", "<pre"):
        assert tag not in html, tag
    assert html.count("<h1>") == 1 and html.count("<h2>") == 1
    assert "&lt;img src=x&gt;" in html and "![x](file:///etc/passwd)" in html
    assert html.count("<blockquote>") == 1  # the quote, every line of it, and nothing else
    quote = html[html.index("<blockquote>"):html.index("</blockquote>")]
    assert "# not a heading" in quote and "![i](file:///tmp/x.png)" in quote


def test_escaping_keeps_plain_text_as_it_is() -> None:
    assert escape_markdown("Lũ lụt ở miền Trung, 2025: 12,5 %") == (
        "Lũ lụt ở miền Trung, 2025: 12,5 %")
    assert escape_markdown("1. first") == "1\\. first"
    assert escape_markdown("== x") == "\\== x"
