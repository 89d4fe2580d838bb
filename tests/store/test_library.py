"""The library file: round trip, idempotent import, translation groups, schema and bad files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.app import open_library
from reader.operations.importer import import_paths
from reader.store import ImportStatus, LibraryError
from reader.store.library import Library
from reader.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEEDS, as_version_16


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_library_gets_the_seeds_once(library_path: Path) -> None:
    library = open_library(library_path)
    summaries = library.article_summaries()
    assert len(summaries) == 4
    assert library.document_count() == 5
    assert [s.languages for s in summaries] == [("es", "en"), ("sv",), ("ru",), ("nb",)]
    library.close()
    again = open_library(library_path)
    assert again.document_count() == 5
    again.close()


def test_round_trip_of_a_document(seeded_library: Library) -> None:
    cao_bang = seeded_library.article_summaries()[0]
    spanish, english = seeded_library.documents_of(cao_bang.id)
    assert (spanish.language, english.language) == ("es", "en")
    assert spanish.words == 1341 and spanish.paragraphs == 12
    text = seeded_library.document_text(spanish.id)
    assert text.text.startswith("Camaradas: Quan Minh Cuong")
    assert len(text.paragraphs) == 12
    first = text.paragraphs[0]
    start, end = first.sentences[0]
    assert text.text[start:end].startswith("Camaradas:")
    assert sum(len(p.sentences) for p in text.paragraphs) == spanish.sentences


def test_reimport_is_idempotent(seeded_library: Library) -> None:
    results = import_paths(seeded_library, [SEEDS])
    assert [r.status for r in results] == [ImportStatus.DUPLICATE] * 5
    assert seeded_library.document_count() == 5


def test_same_content_under_another_name_is_a_duplicate(empty_library: Library,
                                                        tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + SEED_NB.read_bytes().replace(b"\n", b"\r\n"))
    first, second = import_paths(empty_library, [SEED_NB, copy])
    assert first.status is ImportStatus.IMPORTED
    assert second.status is ImportStatus.DUPLICATE


def test_shared_source_address_makes_one_article(empty_library: Library) -> None:
    import_paths(empty_library, [SEED_EN, SEED_ES])
    (article,) = empty_library.article_summaries()
    assert article.languages == ("en", "es")
    assert article.place == "Cao Bang"


def test_uri_is_stable_across_libraries(tmp_path: Path) -> None:
    uris = []
    for name in ("a.sqlite", "b.sqlite"):
        library = open_library(tmp_path / name)
        uris.append(sorted(d.uri for d in library.all_documents()))
        library.close()
    assert uris[0] == uris[1]
    assert any(uri.endswith("#lang=es") and uri.startswith("https://tuyengiaocaobang.vn")
               for uri in uris[0])
    assert "urn:parallel-reader:file:004_864989ccc595ae6a#lang=nb" in uris[0]


def test_edited_file_updates_its_document(empty_library: Library, tmp_path: Path) -> None:
    edited = tmp_path / SEED_NB.name
    import_paths(empty_library, [SEED_NB])
    (before,) = empty_library.all_documents()
    edited.write_text("En ny setning står først.\n" + SEED_NB.read_text(encoding="utf-8"),
                      encoding="utf-8")
    (result,) = import_paths(empty_library, [edited])
    assert result.status is ImportStatus.UPDATED
    (after,) = empty_library.all_documents()
    assert (after.id, after.uri) == (before.id, before.uri)
    assert after.paragraphs == before.paragraphs + 1
    assert empty_library.document_text(after.id).text.startswith("En ny setning")


def test_schema_version_and_application_id_are_stored(empty_library: Library,
                                                      library_path: Path) -> None:
    connection = sqlite3.connect(library_path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()


def test_older_library_is_upgraded_in_place_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    library = Library.open(path)
    import_paths(library, [SEED_NB])
    library.close()
    # Make it a version-1 file again: the reader and alignment tables did not exist then.
    as_version_16(path)
    db = sqlite_utils.Database(path)
    for table in ("figures", "alignment_fixes", "beads", "alignments", "annotations",
                  "bookmarks"):
        db[table].drop()
    for index in db["articles"].indexes + db["documents"].indexes:  # versions 7 and later
        if index.name.startswith(("idx_articles_", "idx_documents_language",
                                  "idx_documents_figures_version")):
            db.execute(f"DROP INDEX {index.name}")
    db["articles"].transform(drop={"starred", "languages", "list_title", "sort_title",
                                   "published", "words", "figures", "annotations"})
    db["documents"].transform(drop={"figures_version"})
    db.execute("PRAGMA user_version = 1")
    db.close()

    upgraded = Library.open(path)
    assert upgraded.document_count() == 1
    assert upgraded.document_text(upgraded.all_documents()[0].id).text.startswith("Kamerater")
    upgraded.close()
    db = sqlite_utils.Database(path)
    assert {"annotations", "bookmarks"} <= set(db.table_names())
    assert "starred" in db["articles"].columns_dict
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()
    assert (tmp_path / "old.sqlite.v1-backup").exists()


def test_migrations_from_zero_build_the_current_schema(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "x.sqlite")
    migrate(db, 0)
    assert {"articles", "documents", "document_texts", "bookmarks",
            "annotations"} <= set(db.table_names())
    # Packed into document_texts since version 17.
    assert not {"paragraphs", "sentences"} & set(db.table_names())
    assert set(db["document_texts"].columns_dict) == {"id", "packed_text", "structure"}
    assert "text" not in db["documents"].columns_dict


def _newer_library(path: Path) -> None:
    library = Library.open(path)
    library.close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


def _foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("INSERT INTO invoices (total) VALUES (12.5)")
    connection.commit()
    connection.close()


def _damaged_library(path: Path) -> None:
    library = Library.open(path)
    library.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # overwrite the schema page
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_text("Some notes, not a database.\n"), "not an SQLite file"),
        (_foreign_database, "another program"),
        (_newer_library, "newer Parallel Reader"),
        (_damaged_library, "damaged"),
    ],
)
def test_files_that_are_not_our_library_are_reported_and_left_alone(
    tmp_path: Path, make: object, reason: str
) -> None:
    path = tmp_path / "library.sqlite"
    make(path)  # type: ignore[operator]
    before = _fingerprint(path)
    with pytest.raises(LibraryError, match=reason) as caught:
        open_library(path)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    assert _fingerprint(path) == before


def test_linking_two_versions_of_one_language_is_refused(seeded_library: Library,
                                                          tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("En helt annan svensk artikel om provinsen.\nKälla", encoding="utf-8")
    (result,) = import_paths(seeded_library, [other])
    swedish = next(a.id for a in seeded_library.article_summaries() if a.languages == ("sv",)
                   and a.id != result.article_id)
    assert result.article_id is not None
    with pytest.raises(ValueError, match="sv"):
        seeded_library.link_articles(swedish, result.article_id)
    assert seeded_library.documents_of(result.article_id)


def test_link_and_unlink_articles(seeded_library: Library) -> None:
    articles = {a.languages: a.id for a in seeded_library.article_summaries()}
    swedish, russian = articles[("sv",)], articles[("ru",)]
    seeded_library.link_articles(swedish, russian)
    languages = {a.id: a.languages for a in seeded_library.article_summaries()}
    assert languages[swedish] == ("sv", "ru")
    assert russian not in languages
    with pytest.raises(ValueError):
        seeded_library.link_articles(swedish, swedish)
    russian_document = seeded_library.documents_of(swedish)[1]
    new_article = seeded_library.unlink_document(russian_document.id)
    languages = {a.id: a.languages for a in seeded_library.article_summaries()}
    assert languages[swedish] == ("sv",) and languages[new_article] == ("ru",)
    with pytest.raises(ValueError):
        seeded_library.unlink_document(russian_document.id)
