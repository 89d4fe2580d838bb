"""Two-column tables (TSV, CSV) of sentences and their translations: read as one article in
two languages, a row per bead; translation pairs written as TSV.

A first row of two language codes ("es", "en-GB") names the columns' languages; without
it each column's language is identified from its text. Cells of a side with several
sentences are the sentences joined by a space: a row read back is one sentence unit a side.
"""

from __future__ import annotations

import csv
import io

from reader.formats.base import DocumentReader, Writer
from reader.formats.exports import TRANSLATION_PAIR, PairExport
from reader.formats.spreadsheet_cells import safe_cell
from reader.formats.xml_input import language_code
from reader.text.aligned_source import AlignedSource, TranslationUnit, build_aligned_source
from reader.text.file_check import UnreadableFile, decode_article_bytes


def read_table(data: bytes, file_name: str) -> AlignedSource:
    """The aligned pair of a two-column TSV or CSV file; UnreadableFile when it holds none."""
    text = decode_article_bytes(data)
    rows = _rows(text, tab=file_name.lower().endswith((".tsv", ".tab")))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise UnreadableFile("the table has no rows")
    wide = next((number for number, row in enumerate(rows, start=1)
                 if len(row) > 2 and any(cell.strip() for cell in row[2:])), None)
    if wide is not None:
        raise UnreadableFile(f"row {wide} has more than two columns: a translation pair has "
                             "a column per language")
    if all(len(row) < 2 or not row[1].strip() for row in rows):
        raise UnreadableFile("the table has one column: a translation pair has two")
    cells = [(row[0], row[1] if len(row) > 1 else "") for row in rows]
    header = (_header_language(cells[0][0]), _header_language(cells[0][1]))
    if header[0] is not None and header[1] is not None:
        source, target = header[0], header[1]
        cells = cells[1:]
    else:
        source, target = _detected(cells)
    if source == target:
        raise UnreadableFile(f"both columns are in the same language ({source})")
    units = [TranslationUnit(_sentences(left), _sentences(right)) for left, right in cells]
    try:
        return build_aligned_source(units, source, target, "tsv" if "\t" in text else "csv")
    except ValueError as error:
        raise UnreadableFile(f"table with {error}") from None


def _rows(text: str, tab: bool) -> list[list[str]]:
    if tab:  # TSV quotes nothing: a quote is part of the text
        return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    best: list[list[str]] = []
    best_fit = -1
    # Comma-separated, or as spreadsheets of some locales write (semicolons), or tabs: the
    # separator that makes the most rows of two cells.
    for delimiter in (",", ";", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as error:
            raise UnreadableFile(f"not a CSV table ({error})") from None
        fit = sum(1 for row in rows if len(row) == 2)
        if fit > best_fit:
            best, best_fit = rows, fit
    return best


def _header_language(cell: str) -> str | None:
    """The language a header cell names ("es", "en-GB"), if it is a code babel knows."""
    code = language_code(cell) if len(cell.strip()) <= 12 else None
    if code is None:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    return code


def _sentences(cell: str) -> tuple[str, ...]:
    text = cell.removeprefix("'") if cell.startswith("'") and cell[1:2] in (
        "=", "+", "-", "@") else cell
    return (text,) if text.strip() else ()


def _detected(cells: list[tuple[str, str]]) -> tuple[str, str]:
    from reader.text.language import UNDETERMINED, detect_language

    found = (detect_language("\n".join(left for left, _ in cells)),
             detect_language("\n".join(right for _, right in cells)))
    if UNDETERMINED in found or "" in found:
        raise UnreadableFile("the columns' languages cannot be told: give a first row of "
                             "two language codes (es, en)")
    return found


def write_tsv(pair: PairExport) -> str:
    """A TSV table of a translation pair: the two languages, then one row per bead."""
    lines = [f"{pair.source_language}\t{pair.target_language}"]
    for row in pair.rows:
        left = " ".join(" ".join(row.source).split())
        right = " ".join(" ".join(row.target).split())
        lines.append(f"{safe_cell(left)}\t{safe_cell(right)}")
    return "\n".join(lines) + "\n"


READER = DocumentReader("table", "Translation tables (TSV, CSV)", ("*.tsv", "*.csv"),
                        read_table)
WRITER = Writer(TRANSLATION_PAIR, "tsv", "TSV table", ".tsv", write_tsv)
