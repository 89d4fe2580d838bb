"""Translation pairs written for reading and printing: a two-column HTML page and a
two-column DOCX document (python-docx, MIT, imported only when one is written), a row per
bead, each column in its language."""

from __future__ import annotations

import html
import io

from reader.formats.base import Writer
from reader.formats.exports import TRANSLATION_PAIR, PairExport

_STYLE = """
body { font-family: serif; margin: 2em; }
h1 { font-size: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { width: 50%; vertical-align: top; text-align: left; padding: 0.35em 0.7em;
         border-bottom: 1px solid #ccc; }
tr.paragraph td { border-top: 2px solid #888; }
td:empty { background: #f4f4f4; }
@media print { body { margin: 0; } tr { page-break-inside: avoid; } }
"""


def language_label(code: str) -> str:
    """A language's name in itself ("Español", "English"), else its code."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return (name[:1].upper() + name[1:]) if name else code


def write_html(pair: PairExport) -> str:
    """A page of two columns, the source language left; a rule above each new paragraph."""
    source, target = pair.source_language, pair.target_language
    rows = []
    for row in pair.rows:
        opens = "" if row.source_continues or row.target_continues else ' class="paragraph"'
        left = html.escape(" ".join(row.source))
        right = html.escape(" ".join(row.target))
        rows.append(f'<tr{opens}><td lang="{html.escape(source)}">{left}</td>'
                    f'<td lang="{html.escape(target)}">{right}</td></tr>')
    title = html.escape(pair.title)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(source)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
        f"<table>\n<thead><tr><th>{html.escape(language_label(source))}</th>"
        f"<th>{html.escape(language_label(target))}</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows) + "\n</tbody>\n</table>\n</body>\n</html>\n")


def write_docx(pair: PairExport) -> bytes:
    """A Word document: the title, then a table of two columns, a row per bead."""
    from docx import Document

    from reader.formats.xml_input import xml_text

    document = Document()
    document.core_properties.title = xml_text(pair.title)
    document.add_heading(xml_text(pair.title), level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = language_label(pair.source_language)
    header[1].text = language_label(pair.target_language)
    for cell in header:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in pair.rows:
        cells = table.add_row().cells
        cells[0].text = xml_text(" ".join(row.source))
        cells[1].text = xml_text(" ".join(row.target))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HTML_WRITER = Writer(TRANSLATION_PAIR, "html", "HTML page, two columns", ".html", write_html,
                     patterns=("*.html", "*.htm"))
DOCX_WRITER = Writer(TRANSLATION_PAIR, "docx", "Word document, two columns", ".docx",
                     write_docx)
