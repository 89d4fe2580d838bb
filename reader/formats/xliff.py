"""XLIFF 1.2 and 2.x bilingual files read as one article in two languages aligned as the
file says, and translation pairs written as XLIFF 2.1.

A unit (1.2: a trans-unit) is a paragraph and each of its segments a bead: XLIFF 2's
<segment>s, XLIFF 1.2's <mrk mtype="seg"> of <seg-source> and <target>, or the whole unit
when it is not segmented. The writer makes a unit per bead and keeps the aligner's
confidence, "corrected by hand", where sentences end and paragraphs go on in the Metadata
module (mda), so that what it writes reads back as the same beads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.formats.base import DocumentReader, Writer
from reader.formats.exports import TRANSLATION_PAIR, PairExport
from reader.formats.tmx import sentence_ends, split_at_ends
from reader.formats.xml_input import (
    NESTED_TOO_DEEPLY,
    inline_text,
    language_code,
    local_name,
    namespace,
    xml_text,
)
from reader.text.aligned_source import AlignedSource, TranslationUnit, build_aligned_source
from reader.text.file_check import UnreadableFile

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

XLIFF_1_FAMILY = "urn:oasis:names:tc:xliff:document:1."  # 1.2 and the 1.0, 1.1 before it
XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0"
METADATA = "urn:oasis:names:tc:xliff:metadata:2.0"
# Inline elements whose text is native codes or a sub-flow, not words of the sentence.
_CODES_1 = frozenset({"bpt", "ept", "ph", "it", "sub"})
_CODES_2 = frozenset({"originalData", "data"})
_CATEGORY = "parallel-reader"


def read_xliff(data: bytes, file_name: str) -> AlignedSource:
    """The aligned pair of an XLIFF 1.2 or 2.x file; UnreadableFile when it holds none."""
    from reader.formats.xml_input import parse_xml

    root = parse_xml(data, "an XLIFF")
    if local_name(root) != "xliff":
        raise UnreadableFile(f"not an XLIFF file: its root element is <{local_name(root)}>")
    try:
        return _read(root)
    except RecursionError:
        raise UnreadableFile(NESTED_TOO_DEEPLY) from None


def _read(root: Element) -> AlignedSource:
    version = root.get("version", "")
    if namespace(root) == XLIFF_2 or version.startswith("2"):
        source, target = root.get("srcLang"), root.get("trgLang")
        units = list(_units_2(root))
    elif (namespace(root) == "" or namespace(root).startswith(XLIFF_1_FAMILY)) and (
            version.startswith("1")):
        files = [child for child in root if local_name(child) == "file"]
        first = files[0] if files else None
        source = first.get("source-language") if first is not None else None
        target = first.get("target-language") if first is not None else None
        units = [unit for file in files for unit in _units_1(file)]
    else:
        raise UnreadableFile(f"XLIFF version {version or '(none)'} is not one the reader knows "
                             "(1.2 and 2.x are)")
    source_code, target_code = language_code(source), language_code(target)
    if source_code is None or target_code is None:
        raise UnreadableFile("XLIFF file without a source and a target language")
    try:
        return build_aligned_source(units, source_code, target_code, "xliff")
    except ValueError as error:
        raise UnreadableFile(f"XLIFF file with {error}") from None


def _descendants(element: Element, name: str, stop: frozenset[str]) -> Iterator[Element]:
    """Elements of a name under an element, in order, not looking inside `stop` ones."""
    for child in element:
        if local_name(child) == name:
            yield child
        elif local_name(child) not in stop:
            yield from _descendants(child, name, stop)


def _units_1(file: Element) -> Iterator[TranslationUnit]:
    for unit in _descendants(file, "trans-unit", frozenset({"trans-unit", "bin-unit"})):
        children = {local_name(child): child for child in reversed(list(unit))}
        source, target = children.get("source"), children.get("target")
        seg_source = children.get("seg-source")
        marked_source = _marked(seg_source) if seg_source is not None else {}
        marked_target = _marked(target) if target is not None else {}
        if marked_source:
            for index, (mid, text) in enumerate(marked_source.items()):
                yield TranslationUnit((text,), tuple(t for t in (marked_target.get(mid),) if t),
                                      index > 0, index > 0)
            continue
        yield TranslationUnit(
            (inline_text(source, _CODES_1),) if source is not None else (),
            (inline_text(target, _CODES_1),) if target is not None else ())


def _marked(element: Element) -> dict[str, str]:
    """The segments <mrk mtype="seg" mid="…"> of a 1.2 source or target, by id."""
    return {mark.get("mid", str(index)): inline_text(mark, _CODES_1)
            for index, mark in enumerate(_descendants(element, "mrk", _CODES_1))
            if mark.get("mtype") == "seg"}


def _units_2(root: Element) -> Iterator[TranslationUnit]:
    for file in (child for child in root if local_name(child) == "file"):
        for unit in _descendants(file, "unit", frozenset({"unit"})):
            meta = _metadata(unit)
            first = True
            for segment in (child for child in unit if local_name(child) == "segment"):
                source = next((c for c in segment if local_name(c) == "source"), None)
                target = next((c for c in segment if local_name(c) == "target"), None)
                source_text = inline_text(source, _CODES_2, "cp") if source is not None else ""
                target_text = inline_text(target, _CODES_2, "cp") if target is not None else ""
                yield TranslationUnit(
                    split_at_ends(source_text, meta.get("source-sentence-ends", "")),
                    split_at_ends(target_text, meta.get("target-sentence-ends", "")),
                    not first or meta.get("source-paragraph") == "continues",
                    not first or meta.get("target-paragraph") == "continues")
                first = False


def _metadata(unit: Element) -> dict[str, str]:
    """This app's metadata of a unit (mda:meta of its category), by type."""
    found: dict[str, str] = {}
    for group in _descendants(unit, "metaGroup", frozenset({"segment"})):
        if group.get("category") == _CATEGORY:
            for meta in group:
                if local_name(meta) == "meta" and meta.get("type"):
                    found[str(meta.get("type"))] = meta.text or ""
    return found


def write_xliff(pair: PairExport) -> bytes:
    """An XLIFF 2.1 file of a translation pair: one unit, one segment, per bead."""
    from xml.etree.ElementTree import Element, SubElement, indent, register_namespace, tostring

    register_namespace("", XLIFF_2)
    register_namespace("mda", METADATA)
    root = Element(f"{{{XLIFF_2}}}xliff", version="2.1", srcLang=xml_text(pair.source_language),
                   trgLang=xml_text(pair.target_language))
    file = SubElement(root, f"{{{XLIFF_2}}}file", id="f1", original=xml_text(pair.title))
    for number, row in enumerate(pair.rows, start=1):
        unit = SubElement(file, f"{{{XLIFF_2}}}unit", id=f"u{number}")
        source = tuple(xml_text(s) for s in row.source)
        target = tuple(xml_text(t) for t in row.target)
        metadata = SubElement(unit, f"{{{METADATA}}}metadata")
        group = SubElement(metadata, f"{{{METADATA}}}metaGroup", category=_CATEGORY)
        meta = {"confidence": f"{row.confidence:.3f}",
                "corrected-by-hand": "yes" if row.manual else "no"}
        if len(source) > 1:
            meta["source-sentence-ends"] = sentence_ends(source)
        if len(target) > 1:
            meta["target-sentence-ends"] = sentence_ends(target)
        if row.source_continues:
            meta["source-paragraph"] = "continues"
        if row.target_continues:
            meta["target-paragraph"] = "continues"
        for kind, value in meta.items():
            SubElement(group, f"{{{METADATA}}}meta", type=kind).text = value
        segment = SubElement(unit, f"{{{XLIFF_2}}}segment", id=f"s{number}")
        SubElement(segment, f"{{{XLIFF_2}}}source").text = " ".join(source)
        if target:
            SubElement(segment, f"{{{XLIFF_2}}}target").text = " ".join(target)
    indent(root)
    written: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + written + b"\n"


READER = DocumentReader("xliff", "XLIFF bilingual files", ("*.xlf", "*.xliff"), read_xliff)
WRITER = Writer(TRANSLATION_PAIR, "xliff", "XLIFF 2.1", ".xlf", write_xliff,
                patterns=("*.xlf", "*.xliff"))
