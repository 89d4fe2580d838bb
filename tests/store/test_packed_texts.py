"""Texts, paragraphs and sentences packed (schema version 17): what is packed is what is read
back; a version-16 library upgrades with everything a reader sees kept, and an upgrade that
fails leaves the file as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.operations.importer import import_paths
from reader.store.library import PAGE_SIZE, Library
from reader.store.schema import SCHEMA_VERSION
from reader.text.packing import (
    PARAGRAPH_KINDS,
    pack_structure,
    pack_text,
    unpack_structure,
    unpack_text,
)
from reader.text.source_document import ParagraphKind
from tests.conftest import SEEDS, as_version_16
from tests.store.test_search_contentless import QUERIES, assert_index_matches_documents


@given(st.text())
def test_a_packed_text_unpacks_to_itself(text: str) -> None:
    assert unpack_text(pack_text(text)) == text


@given(st.lists(st.tuples(st.sampled_from(PARAGRAPH_KINDS), st.integers(0, 10**6),
                          st.integers(0, 10**8), st.integers(0, 10**8))),
       st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 10**8),
                          st.integers(0, 10**8))))
def test_a_packed_structure_unpacks_to_itself(
        paragraphs: list[tuple[str, int, int, int]],
        sentences: list[tuple[int, int, int]]) -> None:
    assert unpack_structure(pack_structure(paragraphs, sentences)) == (paragraphs, sentences)


def test_every_paragraph_kind_can_be_packed() -> None:
    assert set(ParagraphKind) <= set(PARAGRAPH_KINDS)


def test_a_text_is_stored_smaller_than_it_is(seeded_library: Library) -> None:
    for (text,) in seeded_library._conn.execute("SELECT packed_text FROM document_texts"):
        assert isinstance(text, bytes)
    stored = seeded_library._conn.execute(
        "SELECT sum(length(packed_text)) FROM document_texts").fetchone()[0]
    texts = sum(len(seeded_library.document_text(d.id).text.encode())
                for d in seeded_library.all_documents())
    assert stored < texts / 2


def _seen(library: Library) -> dict[str, Any]:
    """What a reader sees of every document: texts, paragraphs, sentences, `reader show`,
    search hits and highlighted words, notes."""
    documents = library.all_documents()
    return {
        "documents": documents,
        "texts": [library.document_text(d.id) for d in documents],
        "sentences": [library.sentences(d.id) for d in documents],
        "shown": [library.shown_document(d.id) for d in documents],
        "hits": {query: library.search.search(query) for query in QUERIES},
        "spans": [library.search.match_spans(d.id, query) for d in documents
                  for query in QUERIES],
        "notes": [library.annotations.of_document(d.id) for d in documents],
        "bookmarks": [library.bookmarks.of_document(d.id) for d in documents],
    }


def _with_notes(library: Library) -> None:
    first, second = library.all_documents()[:2]
    library.annotations.add(first.id, 10, 40, "green", "a note")
    sentence = library.sentences(second.id)[3]
    library.bookmarks.add(second.id, sentence.start, sentence.end)


def test_a_version_16_library_upgrades_with_everything_kept(seeded_library: Library) -> None:
    _with_notes(seeded_library)
    path = seeded_library.path
    before = _seen(seeded_library)
    assert sum(len(hits) for hits in before["hits"].values()) > 20
    seeded_library.close()
    as_version_16(path)
    connection = sqlite3.connect(path)
    old_sentences = connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
    connection.close()
    assert old_sentences == sum(len(s) for s in before["sentences"]) > 100

    upgraded = Library.open(path)
    try:
        connection = upgraded._conn
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 17
        assert _seen(upgraded) == before
        tables = {str(r[0]) for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "document_texts" in tables
        assert not {"paragraphs", "sentences", "documents_listed"} & tables
        assert "idx_documents_article_id" in tables
        assert connection.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE == 8192
        assert "text" not in {str(r[1]) for r in connection.execute(
            "PRAGMA table_info(documents)")}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
        assert upgraded.quick_check() is None
    finally:
        upgraded.close()
    assert_index_matches_documents(path)
    backup = sqlite3.connect(f"{path}.v16-backup")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 16
    assert backup.execute("SELECT count(*) FROM sentences").fetchone()[0] == old_sentences
    backup.close()


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in ("documents", "paragraphs", "sentences", "annotations")}
    finally:
        connection.close()


def test_an_upgrade_that_fails_halfway_leaves_the_file_as_it_was(library_path: Path) -> None:
    library = Library.open(library_path)
    import_paths(library, sorted(SEEDS.glob("*.txt")))
    library.close()
    as_version_16(library_path)
    connection = sqlite3.connect(library_path)
    with connection:  # a paragraph that cannot be packed, in the last document
        connection.execute("UPDATE paragraphs SET kind = 'unknown' WHERE id = "
                           "(SELECT max(id) FROM paragraphs)")
    connection.close()
    before = _dump(library_path)

    with pytest.raises(ValueError):
        Library.open(library_path)
    assert _dump(library_path) == before
    connection = sqlite3.connect(library_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 16
    assert "document_texts" not in {str(r[0]) for r in connection.execute(
        "SELECT name FROM sqlite_master")}
    connection.close()


def test_texts_unpacked_lately_are_never_those_of_an_older_version(
        empty_library: Library, tmp_path: Path) -> None:
    from tests.conftest import SEED_NB

    edited = tmp_path / SEED_NB.name
    text = SEED_NB.read_text(encoding="utf-8")
    for word in ("fiskeoppdrett", "havbruk"):
        edited.write_text(text.replace("økonomiske", word), encoding="utf-8")
        (result,) = import_paths(empty_library, [edited])
        assert [hit.document_id for hit in empty_library.search.search(word)] == [
            result.document_id]
        shown = empty_library.document_text(result.document_id).text
        assert word in shown and "økonomiske" not in shown
