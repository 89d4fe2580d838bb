"""A folder import, in this process or with worker processes: cancelled, it leaves a consistent
library that a second import completes; both ways store the same library."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reader.operations.importer import import_paths
from reader.store import ImportResult, ImportStatus
from reader.store.library import Library
from reader.store.listing import refresh_all_listings
from reader.text.figures import find_figures
from reader.text.versions import FIGURE_EXTRACTOR_VERSION

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
CORPUS_FILES = 60


def _make_corpus_module() -> ModuleType:
    if "make_corpus" not in sys.modules:
        spec = importlib.util.spec_from_file_location("make_corpus",
                                                      BENCHMARKS / "make_corpus.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["make_corpus"] = module
        spec.loader.exec_module(module)
    return sys.modules["make_corpus"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of benchmark articles, about one in five an es + en pair."""
    folder = tmp_path_factory.mktemp("corpus")
    _make_corpus_module().make_corpus(CORPUS_FILES, folder, seed=3)
    return folder


def _cancel_after(count: int) -> tuple[Callable[[int, int, Path], None], Callable[[], bool]]:
    seen: list[Path] = []
    return (lambda done, total, path: seen.append(path)), (lambda: len(seen) >= count)


def _assert_consistent(library: Library, imported: set[str]) -> None:
    conn: sqlite3.Connection = library._conn
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    documents = library.all_documents()
    assert {d.file_name for d in documents} == imported
    for document in documents:
        text = library.document_text(document.id)
        assert len(text.paragraphs) == document.paragraphs > 0
        assert sum(len(p.sentences) for p in text.paragraphs) == document.sentences > 0
        figures = library.figures.of_document(document.id)
        assert len(figures) == len(find_figures(text.text, document.language))
        assert conn.execute("SELECT figures_version FROM documents WHERE id = ?",
                            [document.id]).fetchone() == (FIGURE_EXTRACTOR_VERSION,)
        assert conn.execute("SELECT count(*) FROM search_index WHERE rowid = ?",
                            [document.id]).fetchone() == (1,)
    assert conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM documents)"
    ).fetchone() == (0,)
    # The stored list columns are what a refresh from the documents would write.
    listing = ("SELECT id, languages, list_title, sort_title, words, published, figures "
               "FROM articles")
    stored = conn.execute(listing).fetchall()
    refresh_all_listings(conn)
    assert conn.execute(listing).fetchall() == stored
    conn.rollback()


def _aligned_pairs(library: Library) -> int:
    return int(library._conn.execute("SELECT count(*) FROM alignments").fetchone()[0])


def _articles_with_pairs(library: Library) -> int:
    return sum(1 for summary in library.article_summaries() if len(summary.languages) == 2)


# 21 files is not a whole number of the workers' chunks; after the last file, the workers
# may still be aligning pairs.
@pytest.mark.parametrize(("workers", "cancel_after"), [(0, 21), (2, 21), (2, CORPUS_FILES)],
                         ids=["in-process", "workers", "workers-while-aligning"])
def test_a_cancelled_import_leaves_a_consistent_library_and_can_be_completed(
        empty_library: Library, corpus: Path, workers: int, cancel_after: int) -> None:
    progress, cancelled = _cancel_after(cancel_after)
    results = import_paths(empty_library, [corpus], progress=progress, cancelled=cancelled,
                           workers=workers)

    assert [r.status for r in results] == [ImportStatus.IMPORTED] * cancel_after
    files = sorted(corpus.glob("*.txt"))
    assert [r.path for r in results] == files[:cancel_after]
    _assert_consistent(empty_library, {r.path.name for r in results})

    again = import_paths(empty_library, [corpus], workers=workers)
    assert [r.status for r in again] == ([ImportStatus.DUPLICATE] * cancel_after
                                         + [ImportStatus.IMPORTED] * (len(files) - cancel_after))
    assert [r.article_id for r in again[:cancel_after]] == [r.article_id for r in results]
    _assert_consistent(empty_library, {f.name for f in files})
    articles, pairs = _make_corpus_module().count_articles(files)
    assert len(empty_library.article_summaries()) == articles
    assert _articles_with_pairs(empty_library) == pairs == _aligned_pairs(empty_library) > 0


def _content(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    """Everything an import stores, without the times it was stored at."""
    queries = {
        "articles": "SELECT id, translation_key, translation_link, title, place, languages, "
                    "list_title, sort_title, words, published, figures FROM articles ORDER BY id",
        "documents": "SELECT id, article_id, language, uri, title, place, source_url, byline, "
                     "file_name, content_hash, paragraph_count, sentence_count, word_count, "
                     "character_count, figures_version FROM documents ORDER BY id",
        "texts": "SELECT * FROM document_texts ORDER BY id",
        "figures": "SELECT document_id, position, start, \"end\", surface, value, unit, kind, "
                   "qualifier, label FROM figures ORDER BY document_id, position",
        "alignments": "SELECT a.source_document_id, a.target_document_id, a.source_hash, "
                      "a.target_hash, a.aligner_version, b.position, b.source_start, "
                      "b.source_end, b.target_start, b.target_end, b.score, b.manual "
                      "FROM alignments a JOIN beads b ON b.alignment_id = a.id "
                      "ORDER BY a.source_document_id, a.target_document_id, b.position",
        "search": "SELECT rowid, title, body FROM search_index ORDER BY rowid",
    }
    return {name: library._conn.execute(sql).fetchall() for name, sql in queries.items()}


def test_workers_store_the_same_library_as_one_process(corpus: Path, tmp_path: Path) -> None:
    files = sorted(corpus.glob("*.txt"))[:30]
    # A new text of the first file's language version (same source line) updates it in place.
    edited = tmp_path / "edited" / "zz_edited.txt"
    edited.parent.mkdir()
    edited.write_text("An editor added this sentence to the top of the article.\n"
                      + files[1].read_text(encoding="utf-8"), encoding="utf-8")
    copy = tmp_path / "edited" / "zz_copy.txt"
    copy.write_bytes(files[2].read_bytes())
    paths = [*files, edited.parent]

    outcomes: list[list[tuple[str, ImportStatus]]] = []
    contents = []
    for workers in (0, 2):
        library = Library.open(tmp_path / f"library-{workers}.sqlite")
        try:
            results: list[ImportResult] = import_paths(library, paths, workers=workers)
            outcomes.append([(r.path.name, r.status) for r in results])
            contents.append(_content(library))
        finally:
            library.close()

    assert outcomes[0] == outcomes[1]
    statuses = dict(outcomes[0])
    assert statuses["zz_edited.txt"] is ImportStatus.UPDATED
    assert statuses["zz_copy.txt"] is ImportStatus.DUPLICATE
    serial, parallel = contents
    for table in serial:
        assert serial[table] == parallel[table], table
    assert serial["alignments"]
