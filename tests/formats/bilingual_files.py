"""Real bilingual files made from the seed pair (Spanish and its English translation), as a
translation tool writes them: TMX 1.4b, XLIFF 1.2 and 2.1, TSV and CSV, a unit per paragraph."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.sax.saxutils import escape

from reader.text.article_format import parse_article_text
from tests.conftest import SEED_EN, SEED_ES


def seed_paragraphs() -> list[tuple[str, str]]:
    """The seed pair's paragraphs side by side (12 of each: the translation keeps them)."""
    spanish = parse_article_text(SEED_ES.read_text(encoding="utf-8")).paragraphs
    english = parse_article_text(SEED_EN.read_text(encoding="utf-8")).paragraphs
    assert len(spanish) == len(english)
    return [(es.text, en.text) for es, en in zip(spanish, english, strict=True)]


def tmx_file(path: Path, pairs: list[tuple[str, str]] | None = None) -> Path:
    """A TMX 1.4b file with its document type, region-tagged languages and inline codes."""
    units = []
    for number, (es, en) in enumerate(pairs or seed_paragraphs(), start=1):
        # Native codes (<ph>) are not words of the sentence; <hi> text is.
        first, _, rest = es.partition(" ")
        spanish = f"<hi>{escape(first)}</hi> <ph>&lt;br/&gt;</ph>{escape(rest)}" if rest else (
            escape(es))
        units.append(f'  <tu tuid="{number}">\n'
                     f'    <tuv xml:lang="es-ES"><seg>{spanish}</seg></tuv>\n'
                     f'    <tuv xml:lang="en-GB"><seg>{escape(en)}</seg></tuv>\n  </tu>\n')
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4">\n  <header creationtool="test" creationtoolversion="1" '
        'segtype="paragraph" o-tmf="test" adminlang="en-US" srclang="es-ES" '
        'datatype="plaintext"/>\n  <body>\n' + "".join(units) + "  </body>\n</tmx>\n",
        encoding="utf-8")
    return path


def xliff12_file(path: Path, pairs: list[tuple[str, str]] | None = None) -> Path:
    """An XLIFF 1.2 file: trans-units in a group, inline <g> and <x/> markup."""
    units = "".join(
        f'      <trans-unit id="{n}"><source>{escape(es)}<x id="x{n}"/></source>'
        f'<target state="translated"><g id="g{n}">{escape(en)}</g></target></trans-unit>\n'
        for n, (es, en) in enumerate(pairs or seed_paragraphs(), start=1))
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '  <file original="cao-bang.txt" source-language="es" target-language="en" '
        'datatype="plaintext">\n    <body>\n     <group id="article">\n' + units +
        "     </group>\n    </body>\n  </file>\n</xliff>\n", encoding="utf-8")
    return path


def xliff2_file(path: Path, pairs: list[tuple[str, str]] | None = None) -> Path:
    """An XLIFF 2.1 file: a unit per paragraph, inline <pc> and <ph/>, a skipped <ignorable>."""
    units = "".join(
        f'    <unit id="u{n}">\n      <segment id="s{n}"><source><pc id="1">{escape(es)}</pc>'
        f'<ph id="2"/></source><target>{escape(en)}</target></segment>\n'
        f"      <ignorable><source> </source></ignorable>\n    </unit>\n"
        for n, (es, en) in enumerate(pairs or seed_paragraphs(), start=1))
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="es-ES" '
        'trgLang="en">\n  <file id="f1">\n' + units + "  </file>\n</xliff>\n",
        encoding="utf-8")
    return path


def table_file(path: Path, pairs: list[tuple[str, str]] | None = None,
               header: bool = True) -> Path:
    """A two-column table, tab-separated for .tsv, comma-separated (quoted) for .csv."""
    rows = ([("es", "en")] if header else []) + (pairs or seed_paragraphs())
    if path.suffix == ".tsv":
        path.write_text("".join(f"{es}\t{en}\n" for es, en in rows), encoding="utf-8")
    else:
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    return path
