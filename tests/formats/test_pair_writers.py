"""Translation pairs written as TMX 1.4b, XLIFF 2.1, TSV, HTML and DOCX: each row a bead, each
column a language, user text never taken as markup or formulas."""

from __future__ import annotations

import io
from xml.etree.ElementTree import fromstring

from reader.formats.exports import PairExport, PairRow
from reader.formats.registry import TRANSLATION_PAIR, writer, writer_names

PAIR = PairExport(
    "Cao Bang <report> & more", "es", "en",
    [PairRow(("Hola <b>mundo</b>.", "Segunda & frase."), ("Hello <b>world</b>. Second.",),
             0.8123, False),
     PairRow(("=HYPERLINK(\"x\")",), (), 1.0, True, source_continues=True),
     PairRow((), ("Only English\x07.",), 0.4, False)],
    "0.1.0")


def test_the_pair_writers_are_the_five_formats() -> None:
    assert writer_names(TRANSLATION_PAIR) == ("tmx", "xliff", "tsv", "html", "docx")


def test_tmx_is_one_unit_per_bead_with_the_header_tmx_requires() -> None:
    root = fromstring(writer(TRANSLATION_PAIR, "tmx").content(PAIR))
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert {k: header.get(k) for k in ("srclang", "segtype", "datatype", "adminlang")} == {
        "srclang": "es", "segtype": "sentence", "datatype": "plaintext", "adminlang": "en"}
    assert all(header.get(k) for k in ("creationtool", "creationtoolversion", "o-tmf"))
    units = root.findall("./body/tu")
    assert len(units) == 3
    first = [tuv.findtext("seg") for tuv in units[0].findall("tuv")]
    assert first == ["Hola <b>mundo</b>. Segunda & frase.", "Hello <b>world</b>. Second."]
    ends = units[0].find("tuv/prop[@type='x-sentence-ends']")
    assert ends is not None and ends.text == "19"
    assert len(units[1].findall("tuv")) == 1  # no English in that bead: no English variant
    assert units[2].findtext("tuv/seg") == "Only English."  # no control character in XML


def test_xliff_21_is_a_unit_per_bead_with_its_metadata() -> None:
    root = fromstring(writer(TRANSLATION_PAIR, "xliff").content(PAIR))
    xliff = "{urn:oasis:names:tc:xliff:document:2.0}"
    mda = "{urn:oasis:names:tc:xliff:metadata:2.0}"
    assert root.tag == f"{xliff}xliff" and root.get("version") == "2.1"
    assert (root.get("srcLang"), root.get("trgLang")) == ("es", "en")
    units = root.findall(f"{xliff}file/{xliff}unit")
    assert len(units) == 3
    meta = {m.get("type"): m.text for m in units[0].iter(f"{mda}meta")}
    assert meta == {"confidence": "0.812", "corrected-by-hand": "no",
                    "source-sentence-ends": "19"}
    assert units[0].findtext(f"{xliff}segment/{xliff}target") == "Hello <b>world</b>. Second."
    assert units[1].find(f"{xliff}segment/{xliff}target") is None


def test_tsv_is_two_columns_under_their_languages_and_runs_no_formula() -> None:
    text = writer(TRANSLATION_PAIR, "tsv").content(PAIR).decode("utf-8")
    assert text.splitlines() == [
        "es\ten",
        "Hola <b>mundo</b>. Segunda & frase.\tHello <b>world</b>. Second.",
        "'=HYPERLINK(\"x\")\t",
        "\tOnly English\x07.",
    ]


def test_html_is_two_columns_of_escaped_text_in_their_languages() -> None:
    page = writer(TRANSLATION_PAIR, "html").content(PAIR).decode("utf-8")
    assert "<title>Cao Bang &lt;report&gt; &amp; more</title>" in page
    assert "<th>Español</th><th>English</th>" in page
    assert ('<td lang="es">Hola &lt;b&gt;mundo&lt;/b&gt;. Segunda &amp; frase.</td>'
            '<td lang="en">Hello &lt;b&gt;world&lt;/b&gt;. Second.</td>') in page
    assert page.count("<tr") == 4 and page.count('class="paragraph"') == 2
    assert "<b>" not in page


def test_docx_is_a_table_of_two_columns_a_row_per_bead() -> None:
    from docx import Document

    document = Document(io.BytesIO(writer(TRANSLATION_PAIR, "docx").content(PAIR)))
    assert document.core_properties.title == PAIR.title
    (table,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [["Español", "English"],
                     ["Hola <b>mundo</b>. Segunda & frase.", "Hello <b>world</b>. Second."],
                     ["=HYPERLINK(\"x\")", ""],
                     ["", "Only English."]]
