"""The annotation writers write what the library always exported, and W3C reads back."""

from __future__ import annotations

import json

import pytest

from reader.formats.annotations_w3c import (
    InvalidAnnotation,
    UnreadableAnnotations,
    W3CAnnotation,
    load_w3c,
    parse_w3c,
)
from reader.formats.exports import AnnotationExport
from reader.formats.registry import ANNOTATIONS, writer
from reader.store import Annotation
from reader.store.records import COLOUR_CSS

GREEN = Annotation(7, "0123456789abcdef0123456789abcdef", 3, 2, "es",
                   "https://example.vn/a#lang=es", 'Título, "uno"', 10, 29,
                   "desastres naturales", "los ", " y", "green", 'Floods, "again" —\nsee',
                   ("clima", "agua"), False, "2025-01-02T03:04:05+00:00",
                   "2025-01-03T03:04:05+00:00")
LOST = Annotation(8, "fedcba9876543210fedcba9876543210", 4, 5, "sv",
                  "urn:parallel-reader:file:x#lang=sv", "", 0, 0, "one\n\ntwo", "", "", "blue",
                  "", (), True, "2025-01-02", "2025-01-02")
EXPORT = AnnotationExport([GREEN, LOST], "My notes", COLOUR_CSS)


def _written(name: str) -> str:
    return writer(ANNOTATIONS, name).content(EXPORT).decode("utf-8")


def test_markdown_is_what_the_library_always_wrote() -> None:
    assert _written("md") == (
        '# Annotations\n\n## Título, "uno" (es)\n\n> desastres naturales\n\n'
        '*green* · es · tags: clima, agua\n\nFloods, "again" —\nsee\n\n'
        "## Untitled (sv)\n\n> one\n>\n> two\n\n*blue* · sv · "
        "(place lost when the text changed)\n"
    )


def test_csv_is_what_the_library_always_wrote() -> None:
    assert _written("csv") == (
        "id,uid,article_id,article_title,document_id,language,document_uri,start,end,quote,"
        "prefix,suffix,colour,note,tags,orphaned,created_at,updated_at\n"
        '7,0123456789abcdef0123456789abcdef,2,"Título, ""uno""",3,es,'
        "https://example.vn/a#lang=es,10,29,desastres naturales,los , y,green,"
        '"Floods, ""again"" —\nsee",clima; agua,false,2025-01-02T03:04:05+00:00,'
        "2025-01-03T03:04:05+00:00\n"
        "8,fedcba9876543210fedcba9876543210,5,,4,sv,urn:parallel-reader:file:x#lang=sv,0,0,"
        '"one\n\ntwo",,,blue,,,true,2025-01-02,2025-01-02\n'
    )


def test_w3c_reads_back_what_it_wrote() -> None:
    text = _written("w3c")
    data = json.loads(text)
    assert text.endswith("}\n") and (data["label"], data["total"]) == ("My notes", 2)
    assert ".green { background-color: #aed581 }" in data["first"]["items"][0]["stylesheet"][
        "value"]
    green, lost = parse_w3c(load_w3c(text.encode("utf-8")))
    assert green == W3CAnnotation(
        name="urn:uuid:01234567-89ab-cdef-0123-456789abcdef", uid=GREEN.uid,
        source=GREEN.document_uri, exact=GREEN.exact, prefix=GREEN.prefix,
        suffix=GREEN.suffix, start=GREEN.start, colour="green", note=GREEN.note,
        tags=GREEN.tags, created=GREEN.created_at, modified=GREEN.updated_at)
    assert isinstance(lost, W3CAnnotation)
    assert (lost.uid, lost.exact, lost.colour, lost.note, lost.tags) == (
        LOST.uid, "one\n\ntwo", "blue", "", ())


def test_w3c_items_that_are_no_annotation_say_why() -> None:
    items = parse_w3c([42, {"type": "Annotation", "id": "urn:x", "target": "https://a"}])
    assert items == [InvalidAnnotation("item 1", "not an annotation object"),
                     InvalidAnnotation("urn:x", "no selector (the target is only an address)")]
    with pytest.raises(ValueError, match="not W3C annotations"):
        parse_w3c("just text")


@pytest.mark.parametrize(("content", "reason"), [
    (b"\xff\xfe{}", "not valid UTF-8 text (byte 0xff at offset 0)"),
    (b'{"type": ', "not JSON"),
])
def test_w3c_bytes_that_are_no_json_say_why(content: bytes, reason: str) -> None:
    with pytest.raises(UnreadableAnnotations) as raised:
        load_w3c(content)
    assert str(raised.value).startswith(reason)
