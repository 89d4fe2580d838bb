"""Imported annotations keep one identity: those without an id are known by their content,
and an id already given to a different annotation is reported, not silently dropped."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.app import open_library
from reader.formats.annotations_w3c import W3CAnnotation, parse_w3c
from reader.operations.annotation_exchange import import_w3c
from reader.store.library import Library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = open_library(tmp_path / "library.sqlite")
    yield opened
    opened.close()


def _sv(library: Library) -> tuple[str, str]:
    document = next(d for d in library.all_documents() if d.language == "sv")
    return document.uri, library.document_text(document.id).text


def _item(source: str, exact: str, note: str = "", identifier: str | None = None,
          tags: tuple[str, ...] = ()) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "Annotation",
        "target": {"source": source, "selector": [{"type": "TextQuoteSelector", "exact": exact}]},
        "body": [{"type": "TextualBody", "value": note, "purpose": "commenting"}]
        + [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags],
    }
    if identifier is not None:
        item["id"] = identifier
    return item


def test_annotations_without_an_id_are_added_once(library: Library) -> None:
    uri, text = _sv(library)
    collection = {"type": "AnnotationCollection", "items": [
        _item(uri, text[0:20], "first"), _item(uri, text[40:70], "second", tags=("politik",)),
        _item(uri, text[100:130])]}
    first = import_w3c(library, copy.deepcopy(collection))
    assert (first.imported, first.already_present, first.conflicts) == (3, 0, ())
    second = import_w3c(library, copy.deepcopy(collection))
    assert (second.imported, second.already_present, second.conflicts) == (0, 3, ())
    assert second.complete
    assert library.annotations.count() == 3


def test_content_identity_is_stable_and_tells_content_apart(library: Library) -> None:
    uri, text = _sv(library)
    one, same, other_note, other_passage = parse_w3c([
        _item(uri, text[0:20], "a note"), _item(uri, text[0:20], "a note"),
        _item(uri, text[0:20], "another note"), _item(uri, text[1:21], "a note")])
    assert isinstance(one, W3CAnnotation) and isinstance(same, W3CAnnotation)
    assert isinstance(other_note, W3CAnnotation) and isinstance(other_passage, W3CAnnotation)
    assert one.uid == same.uid and len(one.uid) == 32
    assert len({one.uid, other_note.uid, other_passage.uid}) == 3
    # Key order and spacing of the file do not matter: the identity is of what it says.
    reordered = {"body": {"purpose": "commenting", "value": "a note", "type": "TextualBody"},
                 "target": {"selector": {"exact": text[0:20], "type": "TextQuoteSelector"},
                            "source": " " + uri + " "},
                 "type": "Annotation"}
    again, = parse_w3c(reordered)
    assert isinstance(again, W3CAnnotation) and again.uid == one.uid


def test_a_colliding_id_with_different_content_is_reported(library: Library) -> None:
    uri, text = _sv(library)
    identifier = "https://annotations.example.org/a/1"
    assert import_w3c(library, _item(uri, text[0:20], "mine", identifier)).imported == 1
    report = import_w3c(library, [_item(uri, text[50:80], "theirs", identifier),
                                  _item(uri, text[0:20], "mine", identifier)])
    assert (report.imported, report.already_present) == (0, 1)
    assert report.conflicts == (f"conflicting id: {identifier} (another passage), kept the "
                                "one in the library",)
    assert not report.complete
    (kept,) = library.annotations.newest_first()
    assert (kept.exact, kept.note) == (text[0:20], "mine")


def test_a_colliding_id_within_one_file_is_reported(library: Library) -> None:
    uri, text = _sv(library)
    identifier = "urn:uuid:2f1d3c4e-0000-4000-8000-000000000001"
    report = import_w3c(library, [_item(uri, text[0:20], "one", identifier),
                                  _item(uri, text[30:45], "two", identifier, tags=("x",))])
    assert report.imported == 1 and len(report.conflicts) == 1
    assert report.conflicts[0].startswith(f"conflicting id: {identifier}")
    assert library.annotations.newest_first()[0].note == "one"


def test_same_id_same_content_with_other_spacing_of_tags_is_the_same(library: Library) -> None:
    uri, text = _sv(library)
    identifier = "urn:uuid:2f1d3c4e-0000-4000-8000-000000000002"
    import_w3c(library, _item(uri, text[0:20], "note", identifier, tags=("EU  politik",)))
    report = import_w3c(library, _item(uri, text[0:20], "note ", identifier,
                                       tags=("eu politik",)))
    assert (report.already_present, report.conflicts) == (1, ())


def test_an_export_read_back_after_its_note_was_edited_is_not_a_conflict(
        library: Library) -> None:
    uri, text = _sv(library)
    identifier = "urn:uuid:2f1d3c4e-0000-4000-8000-000000000003"
    import_w3c(library, _item(uri, text[0:20], "first thought", identifier))
    (stored,) = library.annotations.newest_first()
    library.annotations.update(stored.id, note="second thought")
    report = import_w3c(library, _item(uri, text[0:20], "first thought", identifier))
    assert (report.already_present, report.conflicts) == (1, ())
    assert library.annotations.newest_first()[0].note == "second thought"  # the newer kept
