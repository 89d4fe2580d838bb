"""Bilingual files (TMX, XLIFF 1.2 and 2.x, TSV, CSV) read as two language versions whose
sentences are the file's segments and whose alignment is the file's units; bad ones refused
with one line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.formats.registry import reader_for
from reader.text.aligned_source import AlignedSource
from reader.text.file_check import UnreadableFile
from tests.formats.bilingual_files import (
    seed_paragraphs,
    table_file,
    tmx_file,
    xliff2_file,
    xliff12_file,
)

MAKERS: dict[str, Callable[[Path], Path]] = {
    "pair.tmx": tmx_file, "pair.xlf": xliff12_file, "pair.xliff": xliff2_file,
    "pair.tsv": table_file, "pair.csv": table_file,
}


def read(path: Path) -> AlignedSource:
    reader = reader_for(path)
    assert reader is not None
    pair = reader.read(path.read_bytes(), path.name)
    assert isinstance(pair, AlignedSource)
    return pair


def sentences(pair: AlignedSource, side: str) -> list[str]:
    document = pair.source if side == "source" else pair.target
    spans = pair.source_sentences if side == "source" else pair.target_sentences
    return [document.body_text[start:end] for paragraph in spans for start, end in paragraph]


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_bilingual_file_is_two_versions_aligned_unit_by_unit(name: str, tmp_path: Path) -> None:
    pair = read(MAKERS[name](tmp_path / name))
    expected = seed_paragraphs()
    assert (pair.source.language, pair.target.language) == ("es", "en")
    # Each unit is one sentence unit on each side, not split again, and one bead.
    assert sentences(pair, "source") == [es for es, _ in expected]
    assert sentences(pair, "target") == [en for _, en in expected]
    assert pair.beads == tuple(((i,), (i,)) for i in range(len(expected)))
    assert [p.text for p in pair.source.paragraphs] == [es for es, _ in expected]
    assert pair.source.content_hash != pair.target.content_hash


def test_a_unit_without_a_translation_is_a_bead_with_an_empty_side(tmp_path: Path) -> None:
    path = tmp_path / "gap.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>One.</seg></tuv><tuv xml:lang="sv"><seg>Ett.</seg></tuv></tu>'
        '<tu><tuv xml:lang="en"><seg>Two.</seg></tuv></tu>'
        '<tu><tuv xml:lang="en"><seg> </seg></tuv><tuv xml:lang="sv"><seg/></tuv></tu>'
        '<tu><tuv xml:lang="sv"><seg>Tre.</seg></tuv>'
        '<tuv xml:lang="en"><seg>Three.</seg></tuv></tu>'
        "</body></tmx>", encoding="utf-8")
    pair = read(path)
    assert (pair.source.language, pair.target.language) == ("en", "sv")
    assert sentences(pair, "source") == ["One.", "Two.", "Three."]
    assert sentences(pair, "target") == ["Ett.", "Tre."]
    assert pair.beads == (((0,), (0,)), ((1,), ()), ((2,), (1,)))


def test_xliff_12_segments_of_a_unit_are_beads_of_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "segmented.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="en-US" target-language="ru" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>A. B.</source>'
        '<seg-source><mrk mtype="seg" mid="1">A.</mrk> <mrk mtype="seg" mid="2">B.</mrk>'
        '</seg-source><target><mrk mtype="seg" mid="1">А.</mrk> <mrk mtype="seg" mid="2">'
        "Б.</mrk></target></trans-unit></body></file></xliff>", encoding="utf-8")
    pair = read(path)
    assert pair.source.body_text == "A. B." and pair.target.body_text == "А. Б."
    assert pair.source_sentences == (((0, 2), (3, 5)),)
    assert pair.beads == (((0,), (0,)), ((1,), (1,)))


def test_xliff_11_reads_as_12_does(tmp_path: Path) -> None:
    path = tmp_path / "old.xlf"
    path.write_text(
        '<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1">'
        '<file source-language="sv" target-language="nb" datatype="plaintext"><body>'
        "<trans-unit id='1'><source>Hej.</source><target>Hei.</target></trans-unit>"
        "</body></file></xliff>", encoding="utf-8")
    pair = read(path)
    assert (pair.source.body_text, pair.target.body_text) == ("Hej.", "Hei.")


def test_a_table_without_a_header_row_has_its_languages_identified(tmp_path: Path) -> None:
    pair = read(table_file(tmp_path / "bare.tsv", header=False))
    assert (pair.source.language, pair.target.language) == ("es", "en")
    assert len(pair.beads) == len(seed_paragraphs())


BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol3;'
        b'</seg></tuv></tu></body></tmx>')
EXTERNAL = (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY secret SYSTEM '
            b'"file:///etc/passwd">]><tmx><body><tu><tuv xml:lang="en"><seg>&secret;</seg>'
            b"</tuv></tu></body></tmx>")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("bomb.tmx", BOMB, "refused: the file declares XML entities"),
    ("external.xlf", EXTERNAL, "refused: the file declares XML entities"),
    ("cut.tmx", None, "not well-formed XML: "),
    ("report.tmx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a TMX file: it is a PDF file"),
    ("book.xliff", b"PK\x03\x04\x14\x00\x00\x00", "not an XLIFF file: it is a ZIP archive"),
    ("page.tmx", b"<html><body><p>Hello</p></body></html>", "not a TMX file: its root element "
                                                            "is <html>"),
    ("words.tmx", b"just some words", "not a TMX file: it is not XML"),
    ("empty.xlf", b"", "not an XLIFF file: it is empty"),
    ("tmx-named.xlf", b'<tmx version="1.4"><body/></tmx>', "not an XLIFF file: its root "
                                                           "element is <tmx>"),
    ("one-language.tmx", b'<tmx><body><tu><tuv xml:lang="en"><seg>A.</seg></tuv></tu></body>'
                         b"</tmx>", "TMX file without two languages (found: en)"),
    ("no-units.xlf", b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                     b'srcLang="en" trgLang="fr"><file id="1"/></xliff>',
     "XLIFF file with no translation units with text"),
    ("old.xlf", b'<xliff version="1.0"><file/></xliff>', "XLIFF file without a source"),
    ("deep.tmx", b'<tmx><body><tu><tuv xml:lang="en"><seg>' + b"<hi>" * 5000 + b"x"
     + b"</hi>" * 5000 + b'</seg></tuv><tuv xml:lang="fr"><seg>y</seg></tuv></tu></body></tmx>',
     "refused: its markup is nested too deeply"),
    ("deep.xlf", b'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
                 b'srcLang="en" trgLang="fr"><file id="f">' + b"<group>" * 5000
     + b"</group>" * 5000 + b"</file></xliff>", "refused: its markup is nested too deeply"),
    ("three.tsv", b"one\ttwo\tthree\n", "row 1 has more than two columns"),
    ("one.csv", b"only,\nthis,\n", "the table has one column"),
    ("binary.tsv", b"\x00\x01\x02\x03" * 100, "binary file, not text"),
    ("same.tsv", b"en\ten\nHello.\tHi.\n", "both columns are in the same language (en)"),
])
def test_a_bad_bilingual_file_gets_one_line_saying_why(name: str, data: bytes | None,
                                                        reason: str, tmp_path: Path) -> None:
    if data is None:  # a real file cut short in the middle of a unit
        data = tmx_file(tmp_path / "whole.tmx").read_bytes()[:1500]
    reader = reader_for(name)
    assert reader is not None
    with pytest.raises(UnreadableFile) as raised:
        reader.read(data, name)
    message = str(raised.value)
    assert message.startswith(reason) and "\n" not in message
    if data is None:
        assert message.endswith("(the file seems cut short)")


def test_a_memory_of_three_languages_gives_its_source_and_most_used_other(
        tmp_path: Path) -> None:
    path = tmp_path / "three.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="*all*"/><body>'
        '<tu><tuv xml:lang="de"><seg>Eins.</seg></tuv><tuv xml:lang="fr"><seg>Un.</seg></tuv>'
        '<tuv xml:lang="en-US"><seg>One.</seg></tuv></tu>'
        '<tu><tuv xml:lang="fr"><seg>Deux.</seg></tuv><tuv xml:lang="de"><seg>Zwei.</seg></tuv>'
        "</tu></body></tmx>", encoding="utf-8")
    pair = read(path)
    assert {pair.source.language, pair.target.language} == {"de", "fr"}
    assert len(pair.beads) == 2


def test_a_semicolon_separated_table_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffsv;nb\nEtt år.;Ett år.\n\"Två; tre.\";To, tre.\n".encode())
    pair = read(path)
    assert (pair.source.language, pair.target.language) == ("sv", "nb")
    assert sentences(pair, "source") == ["Ett år.", "Två; tre."]
    assert sentences(pair, "target") == ["Ett år.", "To, tre."]
    assert pair.source.content_hash != pair.target.content_hash  # the same words, two languages
