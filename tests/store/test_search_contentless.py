"""The search index without a copy of the texts (schema version 16): the same hits, snippets
and highlights as an index that kept the folded texts; no stale entry after a document is
replaced, deleted or put back; a version-15 file upgraded with every search result kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.operations.importer import import_paths
from reader.store import ImportStatus
from reader.store.library import Library
from reader.store.records import SearchHit
from reader.store.schema import SCHEMA_VERSION
from reader.store.search import index_all_documents
from reader.store.texts import titles_and_texts
from reader.text.folding import (
    SNIPPET_HEAD,
    cut_snippet,
    cut_snippet_folding,
    fold,
    query_terms,
    terms_pattern,
)
from tests.conftest import SEED_NB, as_version_16

# Queries of every kind: words of each seed's language with and without diacritics,
# prefixes of 2 to 6 letters (as typed), phrases, words in titles, several words.
QUERIES = (
    "organizacion", "ORGANIZACIÓN", "disasters", "genomforandet", "серьезно", "серьёзно",
    "okonomiske", "cuong", "de", "pro", "prov", "provi", "desastr", "cao bang", '"cao bang"',
    '"natural disasters', "provincial", "the", "и", "år", "2024", "millones de", "x",
)
# The index of schema version 15 and before: it kept a folded copy of every title and text.
_OLD_INDEX = ("CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = "
              "'unicode61 remove_diacritics 2', prefix = '2 3 4 5')")


def _results(library: Library) -> dict[str, list[SearchHit]]:
    return {query: library.search.search(query) for query in QUERIES}


def _spans(library: Library) -> dict[tuple[int, str], list[tuple[int, int]]]:
    return {(document.id, query): library.search.match_spans(document.id, query)
            for document in library.all_documents() for query in QUERIES}


def _as_version_15(path: Path) -> None:
    """Give a library the texts of version 16 and the search index version 15 had (a copy
    of the folded texts), and its version number."""
    as_version_16(path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("DROP TABLE search_index")
        connection.execute(_OLD_INDEX)
        index_all_documents(connection)
        connection.execute("PRAGMA user_version = 15")
    connection.close()


def _instances(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    """Every word of an index: term, document, column, offset."""
    connection.execute(f"CREATE VIRTUAL TABLE temp.{table}_words USING "
                       f"fts5vocab(main, {table}, 'instance')")
    rows = sorted(connection.execute(f"SELECT term, doc, col, offset FROM temp.{table}_words"))
    connection.execute(f"DROP TABLE temp.{table}_words")
    return rows


def assert_index_matches_documents(path: Path) -> None:
    """The library's index holds exactly the words of its documents' titles and texts, each
    once: what an index built anew from them holds (no entry left of an old text)."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("INSERT INTO search_index(search_index, rank) "
                                  "VALUES ('integrity-check', 0)") is not None
        indexed = _instances(connection, "search_index")
        connection.execute("CREATE VIRTUAL TABLE temp.fresh USING fts5(title, body, "
                           "tokenize = 'unicode61 remove_diacritics 2')")
        for document_id, title, text in list(titles_and_texts(connection)):
            connection.execute("INSERT INTO temp.fresh (rowid, title, body) VALUES (?, ?, ?)",
                               [document_id, fold(title), fold(text)])
        connection.execute("CREATE VIRTUAL TABLE temp.fresh_words USING "
                           "fts5vocab(temp, fresh, 'instance')")
        fresh = sorted(connection.execute("SELECT term, doc, col, offset FROM "
                                          "temp.fresh_words"))
        assert indexed and indexed == fresh
    finally:
        connection.close()


def test_the_index_keeps_no_copy_of_the_texts(seeded_library: Library) -> None:
    names = {str(row[0]) for row in seeded_library._conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "search_index" in names and "search_index_content" not in names
    assert_index_matches_documents(seeded_library.path)


def test_a_version_15_library_upgrades_with_every_search_result_kept(
        seeded_library: Library) -> None:
    path = seeded_library.path
    # What the library finds (since version 17 an older file cannot be read as it is; the
    # snippets are checked against version 15's folded copies below).
    before, spans_before = _results(seeded_library), _spans(seeded_library)
    seeded_library.close()
    _as_version_15(path)
    connection = sqlite3.connect(path)
    # What version 15 showed: snippets cut from the folded copy in its index.
    copies = dict(connection.execute("SELECT rowid, body FROM search_index").fetchall())
    texts = dict(connection.execute("SELECT id, text FROM documents").fetchall())
    connection.close()
    assert copies.keys() == texts.keys() and len(copies) == 5
    assert sum(len(hits) for hits in before.values()) > 20

    upgraded = Library.open(path)
    try:
        assert upgraded._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _results(upgraded) == before
        assert _spans(upgraded) == spans_before
        for query, hits in before.items():
            pattern = terms_pattern(query_terms(query))
            for hit in hits:
                text = texts[hit.document_id]
                snippet = cut_snippet(text, copies[hit.document_id], pattern)
                assert (hit.snippet, hit.snippet_matches, hit.match_start) == (
                    snippet.text, snippet.matches, snippet.match_start)
        assert upgraded._conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    finally:
        upgraded.close()
    assert_index_matches_documents(path)
    backup = Path(f"{path}.v15-backup")
    connection = sqlite3.connect(backup)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 15
    assert dict(connection.execute("SELECT rowid, body FROM search_index")) == copies
    connection.close()


def test_a_replaced_text_leaves_no_words_of_the_old_one(empty_library: Library,
                                                        tmp_path: Path) -> None:
    edited = tmp_path / SEED_NB.name
    import_paths(empty_library, [SEED_NB])
    for word in ("fiskeoppdrett", "havbruk"):
        edited.write_text(SEED_NB.read_text(encoding="utf-8").replace("økonomiske", word),
                          encoding="utf-8")
        (result,) = import_paths(empty_library, [edited])
        assert result.status is ImportStatus.UPDATED
        assert_index_matches_documents(empty_library.path)
    assert empty_library.search.search("okonomiske") == []
    assert empty_library.search.search("fiskeoppdrett") == []
    assert [hit.document_id for hit in empty_library.search.search("havbruk")] == [
        result.document_id]


def test_deleting_and_importing_again_leaves_no_stale_entries(seeded_library: Library,
                                                              tmp_path: Path) -> None:
    article = next(a for a in seeded_library.article_summaries() if len(a.languages) == 2)
    documents = seeded_library.documents_of(article.id)
    word = seeded_library.document_text(documents[0].id).text.split()[3]
    removed = seeded_library.delete_article(article.id)
    assert_index_matches_documents(seeded_library.path)
    assert not any(hit.article_id == article.id for hit in seeded_library.search.search(word))
    seeded_library.restore_article(removed)  # Undo
    assert_index_matches_documents(seeded_library.path)
    assert any(hit.article_id == article.id for hit in seeded_library.search.search(word))
    seeded_library.delete_article(article.id)
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    copies = tmp_path / "again"
    shutil.copytree(seeds, copies)
    import_paths(seeded_library, sorted(copies.glob("*")))
    assert_index_matches_documents(seeded_library.path)
    hits = seeded_library.search.search(word)
    assert any(hit.document_id in {d.id for d in seeded_library.all_documents()}
               for hit in hits)


@pytest.mark.parametrize("where", [0, 100, 250, 260, 300, 400, 500, 510, 520, 750, 770, 1000,
                                   1500, 1780, 1790, 1800, 2000, 2040, 2100, 4100, 6000])
@pytest.mark.parametrize("query", ["organización", "organ", '"la organización"', "zz"])
def test_a_snippet_folded_from_the_text_is_the_one_cut_from_its_folding(
        where: int, query: str) -> None:
    filler = "Él compró ÁRBOLES y flores en la ciudad de Đà Nẵng. "
    text = (filler * 200)[:where] + " la Organización mundial " + filler * 100
    assert len(text) > 8 * SNIPPET_HEAD
    for terms in (query_terms(query), query_terms(query + " flores")):
        assert cut_snippet_folding(text, terms) == cut_snippet(text, fold(text), terms)


def test_snippets_of_every_seed_for_its_own_words_are_those_of_its_folding() -> None:
    import random
    import re

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    generator = random.Random(5)
    for seed in sorted(seeds.iterdir()):
        text = seed.read_text(encoding="utf-8")
        words = re.findall(r"[^\W_]+", text)
        for _ in range(150):
            start = generator.randrange(len(words))
            picked = words[start:start + generator.randint(1, 3)]
            query = generator.choice([
                " ".join(picked), f'"{" ".join(picked)}"', picked[0][:generator.randint(2, 6)],
                f"{picked[-1]} zzqx"])
            terms = query_terms(query)
            assert cut_snippet_folding(text, terms) == cut_snippet(text, fold(text), terms), (
                seed.name, query)
