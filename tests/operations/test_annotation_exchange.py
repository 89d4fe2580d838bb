"""Annotations out of the library (Markdown, CSV, W3C JSON-LD) and W3C ones back in.

The writers' exact output is checked in tests/formats/test_annotation_writers.py."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.app import open_library
from reader.formats.annotations_csv import write_csv
from reader.formats.annotations_markdown import write_markdown
from reader.formats.exports import AnnotationExport
from reader.operations.annotation_exchange import (
    AnnotationImportReport,
    export_annotations,
    export_w3c,
    import_w3c,
)
from reader.store import Annotation
from reader.store.library import Library
from reader.text.anchoring import TextQuote

TRICKY_NOTE = 'Floods, "again" —\nsee the 2024 report'


@pytest.fixture
def other_library(tmp_path: Path) -> Iterator[Library]:
    """A second new library, seeded like the first, in a file of its own."""
    library = open_library(tmp_path / "other.sqlite")
    yield library
    library.close()


def _document(library: Library, language: str) -> tuple[int, str]:
    document = next(d for d in library.all_documents() if d.language == language)
    return document.id, library.document_text(document.id).text


def _annotate(library: Library) -> list[Annotation]:
    """Three passages of the Cao Bang article, in Spanish and English, oldest first."""
    es, es_text = _document(library, "es")
    en, en_text = _document(library, "en")
    store = library.annotations
    first = es_text.index("desastres naturales")
    second = es_text.index("Asamblea Nacional")
    third = en_text.index("Provincial Party Committee")
    return [
        store.add(es, first, first + len("desastres naturales"), "green", TRICKY_NOTE,
                  ["clima", "agua"]),
        store.add(es, second, second + len("Asamblea Nacional"), "blue"),
        store.add(en, third, third + len("Provincial Party Committee"), "pink", "who sits here"),
    ]


def _orphan(library: Library) -> Annotation:
    document_id, _text = _document(library, "sv")
    return library.annotations.add_from_quote(
        document_id, TextQuote("words that were never in this text"), 40, "orange", "lost?",
        ["gone"], uuid.uuid4().hex,
    )


def _kept(annotation: Annotation) -> tuple[Any, ...]:
    """What an annotation is, apart from the row ids of the library holding it."""
    return (annotation.uid, annotation.document_uri, annotation.language, annotation.start,
            annotation.end, annotation.exact, annotation.prefix, annotation.suffix,
            annotation.colour, annotation.note, annotation.tags, annotation.orphaned,
            annotation.created_at, annotation.updated_at)


def _annotation_item(source: str, exact: str, **extra: Any) -> dict[str, Any]:
    return {"type": "Annotation", "id": f"urn:uuid:{uuid.uuid4()}",
            "target": {"source": source,
                       "selector": {"type": "TextQuoteSelector", "exact": exact}},
            **extra}


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_groups_by_article_with_quotes_and_notes(seeded_library: Library) -> None:
    green, blue, pink = _annotate(seeded_library)
    orphan = _orphan(seeded_library)
    markdown = write_markdown(AnnotationExport([blue, orphan, pink, green]))
    es_title = seeded_library.document(green.document_id).title
    sv_title = seeded_library.document(orphan.document_id).title
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    # Articles in order of first appearance; the Cao Bang one names both its languages once.
    assert headings == [f"## {es_title} (es, en)", f"## {sv_title} (sv)"]
    cao_bang, swedish = markdown.split(f"## {sv_title}")
    # Annotations in the given order, each passage quoted.
    assert (cao_bang.index("> Asamblea Nacional") < cao_bang.index("> Provincial Party Committee")
            < cao_bang.index("> desastres naturales"))
    assert "*green* · es · tags: clima, agua" in cao_bang
    assert TRICKY_NOTE in cao_bang and "who sits here" in cao_bang
    assert "(place lost when the text changed)" in swedish
    assert "(place lost" not in cao_bang
    assert "> words that were never in this text" in swedish and "lost?" in swedish


def test_markdown_quotes_every_line_of_a_passage() -> None:
    passage = Annotation(1, "a" * 32, 1, 1, "en", "urn:x#lang=en", "Title", 0, 8, "one\n\ntwo",
                         "", "", "yellow", "", (), False, "2025-01-01", "2025-01-01")
    assert ("## Title (en)\n\n> one\n>\n> two\n\n*yellow* · en\n"
            in write_markdown(AnnotationExport([passage])))
    assert "No annotations." in write_markdown(AnnotationExport([]))


# -- CSV -------------------------------------------------------------------------------------


def test_csv_reads_back_row_by_row(seeded_library: Library) -> None:
    made = [*_annotate(seeded_library), _orphan(seeded_library)]
    rows = list(csv.DictReader(io.StringIO(write_csv(AnnotationExport(made)))))
    assert len(rows) == 4
    assert list(rows[0]) == ["id", "uid", "article_id", "article_title", "document_id",
                             "language", "document_uri", "start", "end", "quote", "prefix",
                             "suffix", "colour", "note", "tags", "orphaned", "created_at",
                             "updated_at"]
    green = rows[0]
    assert green["note"] == TRICKY_NOTE
    assert green["tags"] == "clima; agua"
    assert (green["quote"], green["colour"], green["language"]) == ("desastres naturales",
                                                                    "green", "es")
    assert int(green["end"]) - int(green["start"]) == len("desastres naturales")
    assert green["uid"] == made[0].uid and green["document_uri"] == made[0].document_uri
    assert [row["orphaned"] for row in rows] == ["false", "false", "false", "true"]


# -- W3C out ---------------------------------------------------------------------------------


def test_w3c_collection_structure(seeded_library: Library) -> None:
    green, blue, pink = _annotate(seeded_library)
    data = export_w3c([green, blue, pink], "My notes")
    json.dumps(data)  # plain JSON all the way down
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert (data["type"], data["label"], data["total"]) == ("AnnotationCollection", "My notes", 3)
    page = data["first"]
    assert (page["type"], page["startIndex"], len(page["items"])) == ("AnnotationPage", 0, 3)
    item = page["items"][0]
    assert item["id"] == f"urn:uuid:{uuid.UUID(hex=green.uid)}"
    assert (item["type"], item["motivation"]) == ("Annotation", "commenting")
    assert (item["created"], item["modified"]) == (green.created_at, green.updated_at)
    assert item["body"] == [
        {"type": "TextualBody", "value": TRICKY_NOTE, "format": "text/plain",
         "purpose": "commenting"},
        {"type": "TextualBody", "value": "clima", "purpose": "tagging"},
        {"type": "TextualBody", "value": "agua", "purpose": "tagging"},
    ]
    spanish = next(d for d in seeded_library.all_documents() if d.language == "es")
    target = item["target"]
    assert target["source"] == spanish.uri and target["styleClass"] == "green"
    assert target["selector"] == [
        {"type": "TextQuoteSelector", "exact": "desastres naturales", "prefix": green.prefix,
         "suffix": green.suffix},
        {"type": "TextPositionSelector", "start": green.start, "end": green.end},
    ]
    assert item["stylesheet"]["type"] == "CssStylesheet"
    assert ".green { background-color: #aed581 }" in item["stylesheet"]["value"]
    highlight = page["items"][1]
    assert highlight["motivation"] == "highlighting" and "body" not in highlight


def test_export_in_every_format_of_the_registry(seeded_library: Library) -> None:
    made = _annotate(seeded_library)
    markdown, count = export_annotations(seeded_library, "md")
    assert count == 3 and markdown.decode("utf-8").count("\n> ") == 3
    table, _count = export_annotations(seeded_library, "csv")
    rows = list(csv.DictReader(io.StringIO(table.decode("utf-8"))))
    assert [row["uid"] for row in rows] == [a.uid for a in reversed(made)]  # newest first
    w3c, _count = export_annotations(seeded_library, "w3c", made[2].article_id, "Mine")
    data = json.loads(w3c)
    assert data["label"].startswith("Mine: ") and data["total"] == 3
    with pytest.raises(ValueError, match="choose md, csv, w3c"):
        export_annotations(seeded_library, "docx")


# -- W3C in ----------------------------------------------------------------------------------


def test_round_trip_into_another_library_and_again(seeded_library: Library,
                                                   other_library: Library) -> None:
    made = _annotate(seeded_library)
    exported = json.loads(json.dumps(export_w3c(seeded_library.annotations.newest_first(), "x")))
    report = import_w3c(other_library, exported)
    assert report == AnnotationImportReport(3, 0, 0, (), ())
    assert report.complete
    assert (sorted(_kept(a) for a in other_library.annotations.newest_first())
            == sorted(_kept(a) for a in made))
    again = import_w3c(other_library, exported)
    assert again == AnnotationImportReport(0, 3, 0, (), ())
    assert other_library.annotations.count() == 3
    # Into the library they came from: all already there.
    assert import_w3c(seeded_library, exported).already_present == 3
    assert seeded_library.annotations.count() == 3


def test_a_passage_is_found_by_its_quote_or_kept_without_a_place(
    seeded_library: Library, other_library: Library
) -> None:
    green, *_rest = _annotate(seeded_library)
    item = export_w3c([green], "x")["first"]["items"][0]
    item["target"]["selector"][1]["start"] = 5  # the position is wrong; the quote is right
    lost = _annotation_item(green.document_uri, "a sentence no version of this article has")
    report = import_w3c(other_library, [item, lost])
    assert (report.imported, report.orphaned) == (2, 1)
    found = other_library.annotations.newest_first()
    moved = next(a for a in found if a.uid == green.uid)
    assert (moved.start, moved.end, moved.orphaned) == (green.start, green.end, False)
    assert next(a for a in found if a.uid != green.uid).orphaned


def test_unknown_sources_and_malformed_items_are_reported_not_raised(
    other_library: Library,
) -> None:
    _id, text = _document(other_library, "sv")
    sv = next(d.uri for d in other_library.all_documents() if d.language == "sv")
    good = _annotation_item(sv, text[20:60])
    stranger = _annotation_item("https://example.org/news#lang=es", "hola")
    items: list[object] = [
        good,
        stranger,
        42,
        {"type": "Annotation", "id": "urn:uuid:1", "target": sv},
        _annotation_item(sv, ""),
        {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector",
                                                       "exact": "x"}}},
        {"type": "Annotation", "target": {"source": sv,
                                          "selector": {"type": "CssSelector", "value": "p"}}},
        {"type": "Annotation"},
        {"type": "Person", "name": "not an annotation"},
    ]
    report = import_w3c(other_library, items)
    assert (report.imported, report.already_present) == (1, 0)
    assert report.not_found == (
        f"{stranger['id']}: no document https://example.org/news#lang=es in this library",
    )
    assert len(report.invalid) == 7
    assert report.invalid[0] == "item 3: not an annotation object"
    assert report.invalid[1] == "urn:uuid:1: no selector (the target is only an address)"
    assert "no exact text" in report.invalid[2]
    assert "no source" in report.invalid[3]
    assert "no TextQuoteSelector" in report.invalid[4]
    assert "no target" in report.invalid[5]
    assert "not Annotation" in report.invalid[6]
    assert not report.complete
    assert other_library.annotations.count() == 1


def test_every_accepted_shape(other_library: Library) -> None:
    sv = next(d.uri for d in other_library.all_documents() if d.language == "sv")
    _id, text = _document(other_library, "sv")

    def item(at: int) -> dict[str, Any]:
        return _annotation_item(sv, text[at:at + 20])

    shapes: list[tuple[object, int]] = [
        (item(0), 1),
        ([item(100), item(200)], 2),
        ({"type": "AnnotationPage", "items": [item(300)],
          "next": {"type": "AnnotationPage", "items": [item(400)]}}, 2),
        ({"type": "AnnotationCollection", "items": [item(500)]}, 1),
        ({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
          "first": [{"type": "AnnotationPage", "items": [item(600)]},
                    {"type": "AnnotationPage", "items": [item(700)]}]}, 2),
        ({"type": "AnnotationCollection", "total": 0}, 0),
    ]
    for data, expected in shapes:
        report = import_w3c(other_library, data)
        assert (report.imported, report.invalid) == (expected, ()), data
    assert other_library.annotations.count() == 8
    linked = import_w3c(other_library, {"type": "AnnotationCollection",
                                        "first": "https://example.org/page1"})
    assert linked.invalid == ("page https://example.org/page1: pages named by address are not "
                              "fetched; embed them in the file",)
    for bad in ("text", 3, None, {"type": "Person"}, {"hello": "world"}):
        with pytest.raises(ValueError):
            import_w3c(other_library, bad)


def test_colour_note_tags_and_ids_from_other_tools(other_library: Library) -> None:
    sv = next(d.uri for d in other_library.all_documents() if d.language == "sv")
    _id, text = _document(other_library, "sv")
    from_elsewhere = {
        "type": "Annotation",
        "id": "https://annotations.example.org/a/17",
        "created": "2024-03-01T08:00:00Z",
        "body": [
            {"type": "TextualBody", "value": "first thought"},
            {"type": "TextualBody", "value": "second thought", "purpose": "commenting"},
            {"type": "TextualBody", "value": "politik", "purpose": "tagging"},
            {"type": "SpecificResource", "source": "https://example.org/image.png"},
        ],
        "target": [{"source": sv, "styleClass": "fuchsia",
                    "selector": [{"type": "TextPositionSelector", "start": 0, "end": 20},
                                 {"type": "TextQuoteSelector", "exact": text[0:20]}]}],
    }
    assert import_w3c(other_library, from_elsewhere).imported == 1
    (stored,) = other_library.annotations.newest_first()
    assert (stored.colour, stored.note, stored.tags) == ("yellow",
                                                         "first thought\n\nsecond thought",
                                                         ("politik",))
    assert (stored.start, stored.end, stored.exact) == (0, 20, text[0:20])
    assert stored.created_at == "2024-03-01T08:00:00Z"
    # An id that is not a urn:uuid still gives the same uid each time: no doubles.
    assert import_w3c(other_library, from_elsewhere).already_present == 1
    assert other_library.annotations.count() == 1


def test_the_same_annotation_twice_in_one_file_is_added_once(other_library: Library) -> None:
    sv = next(d.uri for d in other_library.all_documents() if d.language == "sv")
    _id, text = _document(other_library, "sv")
    item = _annotation_item(sv, text[0:20])
    assert import_w3c(other_library, [item, item]) == AnnotationImportReport(1, 1, 0, (), ())
    assert other_library.annotations.count() == 1
