"""Full-text search: every language, typed without diacritics, ranked, with snippets."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.operations.importer import import_paths
from reader.store import ImportStatus
from reader.store.library import Library
from reader.store.schema import migrate
from reader.text.folding import fold, fts_match_expression, query_terms
from tests.conftest import SEED_ES, SEED_NB, SEED_RU


def _document_of(library: Library, language: str) -> int:
    (document,) = [d for d in library.all_documents() if d.language == language]
    return document.id


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("es", "organizacion"),  # organización
        ("es", "ORGANIZACIÓN"),
        ("en", "disasters"),
        ("sv", "genomforandet"),  # genomförandet
        ("ru", "серьезно"),  # серьёзно
        ("ru", "серьёзно"),
        ("nb", "okonomiske"),  # økonomiske
    ],
)
def test_search_finds_each_seed_by_a_word_of_its_language_without_diacritics(
    seeded_library: Library, language: str, query: str
) -> None:
    hits = seeded_library.search.search(query)
    assert [hit.document_id for hit in hits] == [_document_of(seeded_library, language)]
    (hit,) = hits
    assert hit.language == language
    assert hit.score > 0
    document = seeded_library.document(hit.document_id)
    assert (hit.article_id, hit.title) == (document.article_id, document.title)


def test_snippet_shows_the_original_word_highlighted(seeded_library: Library) -> None:
    (hit,) = seeded_library.search.search("organizacion")
    assert "organización" in hit.snippet
    assert hit.snippet_matches
    for start, end in hit.snippet_matches:
        assert hit.snippet[start:end].lower() == "organización"
    text = seeded_library.document_text(hit.document_id).text
    assert text[hit.match_start:hit.match_end].lower() == "organización"
    assert "\n" not in hit.snippet and len(hit.snippet) < 250


def test_prefix_as_you_type(seeded_library: Library) -> None:
    spanish = _document_of(seeded_library, "es")
    for typed in ("desa", "desas", "desast", "desastr", "desastre", "desastres"):
        assert spanish in [hit.document_id for hit in seeded_library.search.search(typed)]
    hit = next(h for h in seeded_library.search.search("desastr") if h.document_id == spanish)
    start, end = hit.snippet_matches[0]
    assert hit.snippet[start:end] == "desastres"
    # A word followed by a space is finished: "desastre " is not "desastres".
    assert seeded_library.search.search("desastre ") == []


def test_phrase_queries(seeded_library: Library) -> None:
    spanish = _document_of(seeded_library, "es")
    assert [h.document_id for h in seeded_library.search.search("desastres inundaciones")] == [
        spanish
    ]
    # "desastres naturales e inundaciones": both words, but not one after the other
    assert seeded_library.search.search('"desastres inundaciones"') == []
    (hit,) = seeded_library.search.search('"desastres naturales e inundaciones"')
    ((start, end),) = [m for m in hit.snippet_matches if hit.snippet[m[0]:m[1]].startswith("d")]
    assert hit.snippet[start:end] == "desastres naturales e inundaciones"


def test_language_filter_and_limit(seeded_library: Library) -> None:
    both = seeded_library.search.search("provincial")
    assert {hit.language for hit in both} == {"es", "en"}
    assert [hit.language for hit in seeded_library.search.search("provincial", language="en")
            ] == ["en"]
    assert len(seeded_library.search.search("provincial", limit=1)) == 1
    scores = [hit.score for hit in both]
    assert scores == sorted(scores, reverse=True)


def test_a_title_match_ranks_first(empty_library: Library, tmp_path: Path) -> None:
    filler = ("Farmers met ministers in the capital on Monday. They asked for lower taxes on "
              "fuel and fertiliser, and for new roads to the markets of the north.\n")
    in_title = tmp_path / "title.txt"
    in_title.write_text("The volcano erupted again on Tuesday morning. Flights were cancelled "
                        "across the region.\n" + filler * 6, encoding="utf-8")
    in_body = tmp_path / "body.txt"
    in_body.write_text(filler * 3 + "Scientists watch the volcano. The volcano is calm now, "
                       "and the volcano museum is open.\n" + filler * 3, encoding="utf-8")
    results = import_paths(empty_library, [in_body, in_title])
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 2
    hits = empty_library.search.search("volcano")
    assert [hit.document_id for hit in hits] == [results[1].document_id,
                                                 results[0].document_id]
    assert hits[0].title.startswith("The volcano erupted")


def test_the_index_follows_a_changed_file(empty_library: Library, tmp_path: Path) -> None:
    edited = tmp_path / SEED_NB.name
    import_paths(empty_library, [SEED_NB])
    assert empty_library.search.search("okonomiske")
    edited.write_text(SEED_NB.read_text(encoding="utf-8").replace("økonomiske", "fiskeoppdrett"),
                      encoding="utf-8")
    (result,) = import_paths(empty_library, [edited])
    assert result.status is ImportStatus.UPDATED
    assert empty_library.search.search("okonomiske") == []
    (hit,) = empty_library.search.search("Fiskeoppdrett")
    assert hit.document_id == result.document_id
    rows = sqlite3.connect(empty_library.path).execute("SELECT count(*) FROM search_index")
    assert rows.fetchone()[0] == 1


def test_an_older_library_is_indexed_when_upgraded(library_path: Path) -> None:
    db = sqlite_utils.Database(library_path)
    migrate(db, 0, 5)  # a library written before the search index
    db.table("articles").insert({"id": 1, "title": "Cao Bằng", "created_at": "2025-01-01"})
    for number, (language, seed) in enumerate([("es", SEED_ES), ("ru", SEED_RU)], start=1):
        text = seed.read_text(encoding="utf-8")
        db.table("documents").insert({
            "id": number, "article_id": 1, "language": language, "uri": f"urn:{number}",
            "title": text.split("\n")[0][:80], "content_hash": str(number), "text": text,
            "paragraph_count": 0, "sentence_count": 0, "word_count": len(text.split()),
            "character_count": len(text), "file_name": seed.name,
            "imported_at": "2025-01-01", "updated_at": "2025-01-01",
        })
    db.close()
    library = Library.open(library_path)
    try:
        assert [hit.document_id for hit in library.search.search("organizacion")] == [1]
        assert [hit.document_id for hit in library.search.search("серьезно")] == [2]
    finally:
        library.close()


def test_hostile_queries_never_fail(seeded_library: Library) -> None:
    pieces = list('"*^-+():.,;!?/\\\'`{}[]') + [
        "NEAR", "AND", "OR", "NOT", "title:", "body:", "{title body}:", "rowid", "ё", "de",
        "desastr", " ", "  ", "\t", "\x00", "é", "_",
    ]
    generator = random.Random(11)
    connection = sqlite3.connect(seeded_library.path)
    for _ in range(1500):
        query = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        expression = fts_match_expression(query_terms(query))
        if expression:  # FTS5 itself accepts it: search() has no error to hide
            connection.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?",
                                [expression]).fetchall()
        assert isinstance(seeded_library.search.search(query), list)
    connection.close()


def test_every_hit_of_a_common_word_has_its_match_in_the_snippet(
    seeded_library: Library,
) -> None:
    hits = seeded_library.search.search("cuong")
    assert {hit.language for hit in hits} == {"es", "en", "nb"}
    for hit in hits:
        assert any(fold(hit.snippet[a:b]) == "cuong" for a, b in hit.snippet_matches)


def test_match_spans_for_the_pane(seeded_library: Library) -> None:
    (hit,) = seeded_library.search.search("серьезно")
    text = seeded_library.document_text(hit.document_id).text
    spans = seeded_library.search.match_spans(hit.document_id, "серьезно")
    assert spans and spans[0] == (hit.match_start, hit.match_end)
    assert all(text[start:end].lower() == "серьёзно" for start, end in spans)
    assert seeded_library.search.match_spans(hit.document_id, "") == []


def test_only_the_newest_matches_are_ranked(seeded_library: Library,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.store import search

    monkeypatch.setattr(search, "RANKED_MATCHES", 1)
    (hit,) = seeded_library.search.search("provincial", limit=1)
    assert hit.language == "en"  # the newer of the two that match
    assert len(seeded_library.search.search("provincial", limit=2)) == 2
