"""The library list in the store: counts, sorted windows, positions, filters, and list
columns that stay right through imports, links, figures, annotations and upgrades."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from reader.operations.annotation_exchange import export_w3c, import_w3c
from reader.operations.importer import import_paths
from reader.store import ArticleSummary, ImportStatus
from reader.store.library import Library
from reader.store.listing import (
    ListFilter,
    ListKind,
    SortKey,
    published_date,
    refresh_all_listings,
)
from reader.store.schema import SCHEMA_VERSION
from reader.text import versions
from reader.text.packing import pack_structure, pack_text
from reader.text.versions import FIGURE_EXTRACTOR_VERSION
from tests.conftest import SEED_NB, SEED_RU, SEED_SV, as_version_16, make_figure

WORDS = ("Acuerdo", "acta", "Zona", "éxito", "Ýmir", "Öl", "ложь", "Утро", "Мир", "report",
         "Report", "2025", "bridge", "Đà", "año")
LANGUAGES = ("es", "en", "sv", "ru", "nb")
PLACES = (None, "Cao Bang", "Lai Chau", "Bac Giang", "Ha Noi")


@dataclass
class Made:
    """What `fill_library` wrote for one article, to check the listing against."""

    id: int
    documents: list[tuple[str, str, int, str | None]]  # language, title, words, source
    place: str | None
    starred: bool
    figures: int = 0
    annotations: int = 0
    key: dict[SortKey, Any] = field(default_factory=dict)


def fill_library(library: Library, count: int, seed: int = 7) -> list[Made]:
    """Write `count` varied articles straight into the tables (fast: no text analysis), with
    figures and annotations, then fill their list columns as an upgrade would."""
    rng = random.Random(seed)
    conn: sqlite3.Connection = library._conn
    made: list[Made] = []
    document_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])
    article_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
    for _ in range(count):
        article_id += 1
        languages = rng.sample(("es", "en"), 2) if rng.random() < 0.2 else [rng.choice(LANGUAGES)]
        documents = []
        for language in languages:
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
            source = rng.choice((None, f"https://x.vn/{article_id}.html",
                                 f"https://x.vn/2025/{rng.randint(1, 12):02d}/"
                                 f"{rng.randint(1, 28):02d}/{article_id}.html"))
            documents.append((language, title, rng.randint(50, 3000), source))
        article = Made(article_id, documents, rng.choice(PLACES), rng.random() < 0.1)
        conn.execute("INSERT INTO articles (id, title, place, created_at, starred) "
                     "VALUES (?, ?, ?, '2025', ?)",
                     [article_id, documents[0][1], article.place, int(article.starred)])
        for language, title, words, source in documents:
            document_id += 1
            conn.execute(
                "INSERT INTO documents (id, article_id, language, uri, title, source_url, "
                "content_hash, word_count, paragraph_count, sentence_count, character_count, "
                "figures_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 4, ?)",
                [document_id, article_id, language, f"urn:test:{document_id}", title, source,
                 f"hash-{document_id}", words, FIGURE_EXTRACTOR_VERSION])
            conn.execute("INSERT INTO document_texts (id, packed_text, structure) "
                         "VALUES (?, ?, ?)",
                         [document_id, pack_text("text"), pack_structure([], [])])
            figures = rng.choice((0, 0, 1, 3, 12))
            conn.executemany(
                'INSERT INTO figures (document_id, position, start, "end", surface, value, '
                "value_number, unit, kind) VALUES (?, ?, 0, 1, '1', '1', 1, '', 'count')",
                [(document_id, position) for position in range(figures)])
            annotations = rng.choice((0,) * 8 + (1, 2))
            conn.executemany(
                'INSERT INTO annotations (uid, document_id, start, "end", exact, color, '
                "created_at) VALUES (?, ?, 0, 1, 't', 'yellow', '2025')",
                [(f"{document_id}-{n}", document_id) for n in range(annotations)])
            article.figures += figures
            article.annotations += annotations
        made.append(article)
    refresh_all_listings(conn)
    # As an import would leave them: translations checked (none of these differ).
    conn.execute("UPDATE articles SET differs = 0, differs_version = CASE WHEN "
                 "instr(languages, ' ') > 0 THEN ? END", [versions.FIGURE_CHECK_VERSION])
    conn.commit()
    return made


def expected_keys(article: Made, title_language: str | None = None) -> dict[SortKey, Any]:
    """The sort keys of an article worked out in Python from what was written."""
    shown = next((d for d in article.documents if d[0] == title_language), article.documents[0])
    return {
        SortKey.TITLE: shown[1].casefold(),
        SortKey.LANGUAGES: " ".join(d[0] for d in article.documents),
        SortKey.PLACE: article.place,
        SortKey.PUBLISHED: published_date(d[3] for d in article.documents),
        SortKey.WORDS: shown[2],
        SortKey.FIGURES: article.figures,
        SortKey.ANNOTATIONS: article.annotations,
        SortKey.STARRED: int(article.starred),
    }


def python_order(made: list[Made], key: SortKey, descending: bool,
                 keep: Callable[[Made], bool] = lambda _a: True,
                 title_language: str | None = None) -> list[int]:
    """Article ids as SQLite orders them: empty values first going up, ties by id."""
    def sort_key(article: Made) -> tuple[Any, ...]:
        value = expected_keys(article, title_language)[key]
        return (0, 0, article.id) if value is None else (1, value, article.id)

    ordered = sorted((a for a in made if keep(a)), key=sort_key, reverse=descending)
    return [a.id for a in ordered]


def all_rows(library: Library, list_filter: ListFilter, key: SortKey,
             descending: bool, page: int = 200) -> list[ArticleSummary]:
    rows: list[ArticleSummary] = []
    while True:
        window = library.listing.window(list_filter, key, descending, len(rows), page)
        rows += window
        if len(window) < page:
            return rows


@pytest.fixture
def big_library(empty_library: Library) -> tuple[Library, list[Made]]:
    """A library of a thousand varied articles."""
    return empty_library, fill_library(empty_library, 1000)


@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_order_matches_a_python_sort(big_library: tuple[Library, list[Made]],
                                                key: SortKey) -> None:
    library, made = big_library
    for descending in (False, True):
        rows = all_rows(library, ListFilter(), key, descending)
        assert [row.id for row in rows] == python_order(made, key, descending)


def test_rows_carry_the_list_columns(big_library: tuple[Library, list[Made]]) -> None:
    library, made = big_library
    rows = {row.id: row for row in all_rows(library, ListFilter(), SortKey.TITLE, False)}
    for article in made:
        row = rows[article.id]
        keys = expected_keys(article)
        assert row.title == article.documents[0][1]
        assert row.languages == tuple(d[0] for d in article.documents)
        assert (row.place, row.words, row.figures, row.annotations, row.starred) == (
            article.place, keys[SortKey.WORDS], article.figures, article.annotations,
            article.starred)
        assert row.published == keys[SortKey.PUBLISHED]


@pytest.mark.parametrize(("list_filter", "keep"), [
    (ListFilter(), lambda a: True),
    (ListFilter(ListKind.STARRED), lambda a: a.starred),
    (ListFilter(ListKind.ANNOTATED), lambda a: a.annotations > 0),
    (ListFilter(ListKind.LANGUAGE, "sv"), lambda a: any(d[0] == "sv" for d in a.documents)),
    (ListFilter(ListKind.LANGUAGE, "en"), lambda a: any(d[0] == "en" for d in a.documents)),
    (ListFilter(ListKind.LANGUAGE, "fi"), lambda a: False),
    (ListFilter(only_ids=frozenset(range(1, 1001, 7))), lambda a: a.id % 7 == 1),
    (ListFilter(ListKind.LANGUAGE, "es", frozenset(range(1, 1001, 3))),
     lambda a: a.id % 3 == 1 and any(d[0] == "es" for d in a.documents)),
])
def test_quick_filters(big_library: tuple[Library, list[Made]], list_filter: ListFilter,
                       keep: Callable[[Made], bool]) -> None:
    library, made = big_library
    expected = python_order(made, SortKey.WORDS, True, keep)
    assert library.listing.count(list_filter) == len(expected)
    rows = all_rows(library, list_filter, SortKey.WORDS, True, page=50)
    assert [row.id for row in rows] == expected


@pytest.mark.parametrize("key", list(SortKey))
def test_position_of_is_the_row_in_that_order(big_library: tuple[Library, list[Made]],
                                              key: SortKey) -> None:
    library, made = big_library
    starred = ListFilter(ListKind.STARRED)
    for list_filter, keep in ((ListFilter(), lambda a: True), (starred, lambda a: a.starred)):
        for descending in (False, True):
            order = python_order(made, key, descending, keep)
            for article in made[::37]:
                expected = order.index(article.id) if article.id in order else None
                assert library.listing.position_of(article.id, list_filter, key,
                                                   descending) == expected
    assert library.listing.position_of(99_999, ListFilter(), key, False) is None


def test_languages_in_library(big_library: tuple[Library, list[Made]]) -> None:
    library, _made = big_library
    assert library.listing.languages_in_library() == sorted(LANGUAGES)


def test_titles_and_words_in_the_reader_language(big_library: tuple[Library, list[Made]]) -> None:
    library, made = big_library
    assert library.listing.set_title_language("en")
    assert not library.listing.set_title_language("en")
    rows = all_rows(library, ListFilter(), SortKey.TITLE, False)
    assert [row.id for row in rows] == python_order(made, SortKey.TITLE, False,
                                                    title_language="en")
    pair = next(a for a in made if [d[0] for d in a.documents] == ["es", "en"])
    (row,) = [row for row in rows if row.id == pair.id]
    assert (row.title, row.words) == (pair.documents[1][1], pair.documents[1][2])
    words = all_rows(library, ListFilter(), SortKey.WORDS, False)
    assert [row.id for row in words] == python_order(made, SortKey.WORDS, False,
                                                     title_language="en")


def test_published_date_is_read_from_the_source_address() -> None:
    assert published_date(["https://a.vn/2025/10/14/news.html"]) == "2025-10-14"
    assert published_date([None, "https://a.vn/news/2024-02-29-flood"]) == "2024-02-29"
    assert published_date(["https://a.vn/2025/13/40/x", "https://a.vn/2023/02/30/y"]) is None
    assert published_date(["https://a.vn/news-2058.html", "https://a.vn/?d=2025/10/14"]) is None
    assert published_date(["https://a.vn/12025/10/14/x"]) is None


# -- the list columns stay right -------------------------------------------------------------


def _row(library: Library, article_id: int) -> ArticleSummary:
    (row,) = [row for row in library.listing.window(ListFilter(), SortKey.TITLE, False, 0, 100)
              if row.id == article_id]
    return row


def _fresh_columns(library: Library) -> list[tuple[Any, ...]]:
    """The list columns as stored, and as a full refresh computes them: they must agree."""
    conn = library._conn
    query = ("SELECT id, languages, list_title, sort_title, published, words, figures, "
             "annotations, starred FROM articles ORDER BY id")
    stored = conn.execute(query).fetchall()
    refresh_all_listings(conn)
    assert conn.execute(query).fetchall() == stored
    return stored


def test_import_and_reimport_keep_the_columns(empty_library: Library, tmp_path: Path) -> None:
    (result,) = import_paths(empty_library, [SEED_NB])
    assert result.article_id is not None
    row = _row(empty_library, result.article_id)
    document = empty_library.documents_of(result.article_id)[0]
    assert (row.languages, row.words, row.title) == (("nb",), document.words, document.title)
    assert row.figures == len(empty_library.figures.of_document(document.id)) > 0
    edited = tmp_path / SEED_NB.name
    edited.write_text("Et nytt avsnitt står først i teksten nå.\n"
                      + SEED_NB.read_text(encoding="utf-8"), encoding="utf-8")
    (again,) = import_paths(empty_library, [edited])
    assert again.status is ImportStatus.UPDATED
    words = empty_library.document(document.id).words
    assert _row(empty_library, result.article_id).words == words > document.words
    _fresh_columns(empty_library)


def test_link_and_unlink_keep_the_columns(empty_library: Library) -> None:
    swedish, russian = (r.article_id for r in import_paths(empty_library, [SEED_SV, SEED_RU]))
    assert swedish is not None and russian is not None
    empty_library.bookmarks.set_starred(russian, True)
    empty_library.link_articles(swedish, russian)
    row = _row(empty_library, swedish)
    assert row.languages == ("sv", "ru") and row.starred
    assert row.figures == sum(len(empty_library.figures.of_document(d.id))
                              for d in empty_library.documents_of(swedish))
    assert empty_library.listing.count() == 1
    russian_document = empty_library.documents_of(swedish)[1]
    alone = empty_library.unlink_document(russian_document.id)
    assert _row(empty_library, swedish).languages == ("sv",)
    assert _row(empty_library, alone).languages == ("ru",)
    assert _row(empty_library, alone).words == russian_document.words
    _fresh_columns(empty_library)


def test_annotations_and_figures_keep_the_counts(empty_library: Library) -> None:
    (result,) = import_paths(empty_library, [SEED_NB])
    article_id = result.article_id
    assert article_id is not None
    document_id = empty_library.documents_of(article_id)[0].id
    annotated = ListFilter(ListKind.ANNOTATED)
    assert empty_library.listing.count(annotated) == 0
    first = empty_library.annotations.add(document_id, 0, 5)
    empty_library.annotations.add(document_id, 10, 20)
    assert _row(empty_library, article_id).annotations == 2
    assert empty_library.listing.count(annotated) == 1
    deleted = empty_library.annotations.delete(first.id)
    assert _row(empty_library, article_id).annotations == 1
    empty_library.annotations.restore(deleted)
    assert _row(empty_library, article_id).annotations == 2
    exported = export_w3c(empty_library.annotations.newest_first(), "notes")
    for annotation in empty_library.annotations.newest_first():
        empty_library.annotations.delete(annotation.id)
    assert empty_library.listing.count(annotated) == 0
    import_w3c(empty_library, exported)
    assert _row(empty_library, article_id).annotations == 2
    empty_library.figures.replace(document_id, [make_figure(0, "56", "56", "", "count")], "v")
    assert _row(empty_library, article_id).figures == 1
    _fresh_columns(empty_library)


def test_upgrade_to_version_7_fills_the_columns(library_path: Path) -> None:
    library = Library.open(library_path)
    import_paths(library, [SEED_SV, SEED_RU, SEED_NB])
    document_id = library.all_documents()[0].id
    library.annotations.add(document_id, 0, 5)
    library.bookmarks.set_starred(library.all_documents()[1].article_id, True)
    columns = _fresh_columns(library)
    library.close()
    # Make it a version-6 file again: no list columns, no indexes of theirs.
    as_version_16(library_path)
    db = sqlite_utils.Database(library_path)
    for index in db["articles"].indexes + db["documents"].indexes:
        if index.name.startswith(("idx_articles_", "idx_documents_language")):
            db.execute(f"DROP INDEX {index.name}")
    db["articles"].transform(drop={"languages", "list_title", "sort_title", "published",
                                   "words", "figures", "annotations"})
    db.execute("PRAGMA user_version = 6")
    db.close()

    upgraded = Library.open(library_path)
    assert upgraded._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert _fresh_columns(upgraded) == columns
    assert upgraded.listing.count(ListFilter(ListKind.ANNOTATED)) == 1
    assert upgraded.listing.count(ListFilter(ListKind.STARRED)) == 1
    indexed = {tuple(index.columns) for index in sqlite_utils.Database(upgraded._conn)
               ["articles"].indexes}
    assert {("sort_title",), ("words",), ("starred",), ("published",)} <= indexed
    upgraded.close()
