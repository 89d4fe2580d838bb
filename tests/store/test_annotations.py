"""Annotations and bookmarks in the store: kept, changed, put back, and re-anchored."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from reader.operations.importer import import_paths
from reader.store.library import Library
from reader.store.schema import migrate
from tests.conftest import SEED_ES


def _spanish(library: Library) -> tuple[int, str]:
    document = next(d for d in library.all_documents() if d.language == "es")
    return document.id, library.document_text(document.id).text


def test_an_annotation_keeps_its_quote_colour_note_and_tags(seeded_library: Library) -> None:
    document_id, text = _spanish(seeded_library)
    start = text.index("desastres naturales")
    annotation = seeded_library.annotations.add(document_id, start, start + 19, "green",
                                                "floods", [" clima ", "clima", ""])
    assert annotation.exact == "desastres naturales"
    assert annotation.prefix and annotation.suffix
    assert (annotation.colour, annotation.note, annotation.tags) == ("green", "floods",
                                                                     ("clima",))
    assert annotation.language == "es" and not annotation.orphaned
    assert seeded_library.annotations.of_document(document_id) == [annotation]


def test_unknown_colours_and_places_are_refused(seeded_library: Library) -> None:
    document_id, text = _spanish(seeded_library)
    with pytest.raises(ValueError):
        seeded_library.annotations.add(document_id, 0, 5, "plaid")
    with pytest.raises(ValueError):
        seeded_library.annotations.add(document_id, 0, len(text) + 1)
    assert seeded_library.annotations.count() == 0


def test_edit_delete_and_restore(seeded_library: Library) -> None:
    document_id, _text = _spanish(seeded_library)
    store = seeded_library.annotations
    first = store.add(document_id, 0, 9)
    changed = store.update(first.id, colour="blue", note="who?", tags=["people"])
    assert (changed.colour, changed.note, changed.tags) == ("blue", "who?", ("people",))
    assert changed.exact == first.exact and changed.created_at == first.created_at
    deleted = store.delete(first.id)
    assert store.count() == 0
    assert store.restore(deleted) == deleted


def test_newest_first_over_the_library_or_one_article(seeded_library: Library) -> None:
    store = seeded_library.annotations
    documents = seeded_library.all_documents()
    made = [store.add(d.id, 0, 5) for d in documents[:3]]
    assert [a.id for a in store.newest_first()] == [a.id for a in reversed(made)]
    article = documents[0].article_id
    assert {a.article_id for a in store.newest_first(article)} == {article}


def test_annotations_survive_reopening(library_path: Path, seeded_library: Library) -> None:
    document_id, _text = _spanish(seeded_library)
    made = seeded_library.annotations.add(document_id, 10, 30, "pink", "a note")
    reopened = Library.open(library_path)
    try:
        assert reopened.annotations.get(made.id) == made
    finally:
        reopened.close()


def test_stars_and_bookmarks(seeded_library: Library) -> None:
    document_id, text = _spanish(seeded_library)
    article_id = seeded_library.document(document_id).article_id
    seeded_library.bookmarks.set_starred(article_id, True)
    assert seeded_library.bookmarks.is_starred(article_id)
    assert [s.article_id for s in seeded_library.bookmarks.starred_articles()] == [article_id]
    sentence = seeded_library.sentences(document_id)[3]
    bookmark = seeded_library.bookmarks.add(document_id, sentence.start, sentence.end)
    assert bookmark.label == sentence.text and bookmark.article_id == article_id
    assert seeded_library.bookmarks.newest_first() == [bookmark]
    deleted = seeded_library.bookmarks.delete(bookmark.id)
    assert seeded_library.bookmarks.of_document(document_id) == []
    assert seeded_library.bookmarks.restore(deleted) == bookmark
    seeded_library.bookmarks.set_starred(article_id, False)
    assert seeded_library.bookmarks.starred_ids() == set()


def _edited_seed(tmp_path: Path, before: str, inserted: str) -> Path:
    text = SEED_ES.read_text(encoding="utf-8")
    assert before in text
    edited = tmp_path / SEED_ES.name
    edited.write_text(text.replace(before, inserted + before, 1), encoding="utf-8")
    return edited


def test_a_highlight_moves_with_its_text_when_the_file_is_reimported(
        tmp_path: Path, seeded_library: Library) -> None:
    document_id, text = _spanish(seeded_library)
    passage = "a pesar de los graves efectos de desastres naturales"
    start = text.index(passage)
    annotation = seeded_library.annotations.add(document_id, start, start + len(passage),
                                                "yellow", "clima")
    sentence = next(s for s in seeded_library.sentences(document_id) if passage in s.text)
    bookmark = seeded_library.bookmarks.add(document_id, sentence.start, sentence.end)
    edited = _edited_seed(tmp_path, "En los últimos nueve meses",
                          "Esta frase es nueva y va antes del resaltado. ")
    [result] = import_paths(seeded_library, [edited])
    assert result.status.value == "updated" and result.document_id == document_id
    new_text = seeded_library.document_text(document_id).text
    moved = seeded_library.annotations.get(annotation.id)
    assert moved.start > annotation.start and not moved.orphaned
    assert new_text[moved.start:moved.end] == passage
    moved_mark = seeded_library.bookmarks.get(bookmark.id)
    assert new_text[moved_mark.start:moved_mark.end] == sentence.text


def test_a_highlight_whose_words_are_gone_is_kept_as_orphaned(
        tmp_path: Path, seeded_library: Library) -> None:
    document_id, text = _spanish(seeded_library)
    passage = "a pesar de los graves efectos de desastres naturales e inundaciones"
    start = text.index(passage)
    annotation = seeded_library.annotations.add(document_id, start, start + len(passage))
    original = SEED_ES.read_text(encoding="utf-8")
    sentence_start = original.index("En los últimos nueve meses")
    sentence_end = original.index(".", sentence_start) + 1
    edited = tmp_path / SEED_ES.name
    edited.write_text(original[:sentence_start] + original[sentence_end:], encoding="utf-8")
    import_paths(seeded_library, [edited])
    kept = seeded_library.annotations.get(annotation.id)
    assert kept.orphaned and kept.exact == passage


def test_an_older_library_gains_annotation_identities(library_path: Path) -> None:
    db = sqlite_utils.Database(library_path)
    migrate(db, 0, 4)  # a library written before annotations had identities
    db.table("articles").insert({"id": 1, "title": "t", "created_at": "2025-01-01"})
    db.table("documents").insert({
        "id": 1, "article_id": 1, "language": "es", "uri": "urn:1", "content_hash": "1",
        "text": "Hola mundo entero.", "paragraph_count": 0, "sentence_count": 0,
        "word_count": 3, "character_count": 18, "imported_at": "2025", "updated_at": "2025"})
    for start, end in ((0, 4), (5, 10)):
        db.table("annotations").insert({"document_id": 1, "start": start, "end": end,
                                        "exact": "x", "color": "yellow",
                                        "created_at": "2025-01-01"})
    db.close()
    library = Library.open(library_path)
    try:
        uids = [a.uid for a in library.annotations.of_document(1)]
        assert len(uids) == 2 and len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
    finally:
        library.close()
