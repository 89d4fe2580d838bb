"""TMX 1.4b translation memories: read as one article in two languages aligned as the file
says (a translation unit per bead), and written from a translation pair.

A unit's segment is one sentence unless the file marks where its sentences end (the
`x-sentence-ends` property this writer adds to a side of several sentences), so a pair
written and read again has the same beads. The aligner's confidence and whether the reader
set the bead by hand are the unit's `x-confidence` and `x-corrected-by-hand` properties.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reader.formats.base import DocumentReader, Writer
from reader.formats.exports import TRANSLATION_PAIR, PairExport, PairRow
from reader.formats.xml_input import (
    NESTED_TOO_DEEPLY,
    XML_NAMESPACE,
    inline_text,
    language_code,
    local_name,
    xml_text,
)
from reader.text.aligned_source import AlignedSource, TranslationUnit, build_aligned_source
from reader.text.file_check import UnreadableFile

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# Inline elements whose text is native markup (codes), not words of the sentence.
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
SENTENCE_ENDS = "x-sentence-ends"
PARAGRAPH = "x-paragraph"
CONFIDENCE = "x-confidence"
BY_HAND = "x-corrected-by-hand"


def read_tmx(data: bytes, file_name: str) -> AlignedSource:
    """The aligned pair of a TMX file; UnreadableFile with a reason when it holds none."""
    from reader.formats.xml_input import parse_xml

    root = parse_xml(data, "a TMX")
    if local_name(root) != "tmx":
        raise UnreadableFile(f"not a TMX file: its root element is <{local_name(root)}>")
    body = next((child for child in root if local_name(child) == "body"), None)
    if body is None:
        raise UnreadableFile("not a TMX file: it has no <body>")
    header = next((child for child in root if local_name(child) == "header"), None)
    declared = language_code(header.get("srclang")) if header is not None else None
    units = [_variants(tu) for tu in body if local_name(tu) == "tu"]
    source, target = _languages(units, declared)
    try:
        pairs = [_unit(variants.get(source), variants.get(target)) for variants in units]
    except RecursionError:
        raise UnreadableFile(NESTED_TOO_DEEPLY) from None
    try:
        return build_aligned_source(pairs, source, target, "tmx")
    except ValueError as error:
        raise UnreadableFile(f"TMX file with {error}") from None


def _variants(tu: Element) -> dict[str, Element]:
    """A unit's variants by language (the first of each language)."""
    found: dict[str, Element] = {}
    for tuv in tu:
        if local_name(tuv) != "tuv":
            continue
        code = language_code(tuv.get(f"{XML_NAMESPACE}lang") or tuv.get("lang"))
        if code is not None:
            found.setdefault(code, tuv)
    return found


def _languages(units: list[dict[str, Element]], declared: str | None) -> tuple[str, str]:
    """The source language (the header's, else the most used) and the most used other one."""
    counts = Counter(code for variants in units for code in variants)
    if len(counts) < 2:
        named = ", ".join(counts) or "none"
        raise UnreadableFile(f"TMX file without two languages (found: {named})")
    source = declared if declared is not None and declared in counts else (
        counts.most_common(1)[0][0])
    target = next(code for code, _ in counts.most_common() if code != source)
    return source, target


def _unit(source: Element | None, target: Element | None) -> TranslationUnit:
    source_sentences, source_continues = _side(source)
    target_sentences, target_continues = _side(target)
    return TranslationUnit(source_sentences, target_sentences, source_continues,
                           target_continues)


def _side(tuv: Element | None) -> tuple[tuple[str, ...], bool]:
    """A variant's sentences (its segment, cut where the file says its sentences end) and
    whether it goes on the paragraph before."""
    if tuv is None:
        return (), False
    properties = {prop.get("type"): (prop.text or "") for prop in tuv if local_name(prop) == "prop"}
    seg = next((child for child in tuv if local_name(child) == "seg"), None)
    text = inline_text(seg, _CODES) if seg is not None else ""
    return split_at_ends(text, properties.get(SENTENCE_ENDS, "")), (
        properties.get(PARAGRAPH, "").strip() == "continues")


def split_at_ends(text: str, ends: str) -> tuple[str, ...]:
    """A segment cut at the offsets a file lists ("12 40"); whole when they do not fit."""
    try:
        cuts = [int(end) for end in ends.split()]
    except ValueError:
        cuts = []
    if not cuts or cuts != sorted(cuts) or cuts[0] <= 0 or cuts[-1] >= len(text):
        return (text,)
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)],
                                                      strict=True)]
    return tuple(pieces)


def sentence_ends(sentences: tuple[str, ...]) -> str:
    """Where each sentence but the last ends in the sentences joined by one space."""
    ends: list[str] = []
    offset = 0
    for sentence in sentences[:-1]:
        offset += len(sentence) + 1
        ends.append(str(offset))
    return " ".join(ends)


def write_tmx(pair: PairExport) -> bytes:
    """A TMX 1.4b file of a translation pair: one translation unit per bead."""
    from xml.etree.ElementTree import Element, SubElement, indent, tostring

    root = Element("tmx", version="1.4")
    SubElement(root, "header", {
        "creationtool": "Parallel Reader", "creationtoolversion": pair.tool_version or "1",
        "segtype": "sentence", "o-tmf": "Parallel Reader", "adminlang": "en",
        "srclang": xml_text(pair.source_language), "datatype": "plaintext"})
    body = SubElement(root, "body")
    for number, row in enumerate(pair.rows, start=1):
        tu = SubElement(body, "tu", tuid=str(number))
        _prop(tu, CONFIDENCE, f"{row.confidence:.3f}")
        _prop(tu, BY_HAND, "yes" if row.manual else "no")
        _variant(tu, pair.source_language, row.source, row.source_continues)
        _variant(tu, pair.target_language, row.target, row.target_continues)
    indent(root)
    written: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + written + b"\n"


def _prop(parent: Element, kind: str, value: str) -> None:
    from xml.etree.ElementTree import SubElement

    SubElement(parent, "prop", type=kind).text = xml_text(value)


def _variant(tu: Element, language: str, sentences: tuple[str, ...], continues: bool) -> None:
    from xml.etree.ElementTree import SubElement

    sentences = tuple(xml_text(sentence) for sentence in sentences)
    if not sentences:  # a side with no sentence in this bead has no variant
        return
    tuv = SubElement(tu, "tuv", {f"{XML_NAMESPACE}lang": xml_text(language)})
    if len(sentences) > 1:
        _prop(tuv, SENTENCE_ENDS, sentence_ends(sentences))
    if continues:
        _prop(tuv, PARAGRAPH, "continues")
    SubElement(tuv, "seg").text = " ".join(sentences)


def rows_of(source: AlignedSource) -> list[PairRow]:
    """The beads of an aligned file as rows a writer takes (for tests and round trips)."""
    def sentences(spans: tuple[tuple[tuple[int, int], ...], ...], text: str) -> list[str]:
        return [text[start:end] for paragraph in spans for start, end in paragraph]

    left = sentences(source.source_sentences, source.source.body_text)
    right = sentences(source.target_sentences, source.target.body_text)
    return [PairRow(tuple(left[i] for i in s), tuple(right[j] for j in t), 1.0, True)
            for s, t in source.beads]


READER = DocumentReader("tmx", "TMX translation memories", ("*.tmx",), read_tmx)
WRITER = Writer(TRANSLATION_PAIR, "tmx", "TMX translation memory", ".tmx", write_tmx)
