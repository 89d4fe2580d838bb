"""Each article keeps whether its translations report a figure differently: set at import,
kept through alignment fixes, links, unlinks and new figures, checked again after a new
version of the check, and filtered by in one indexed query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from reader.operations.aligning import ensure_alignment, reset_to_automatic, save_correction
from reader.operations.figure_checking import (
    articles_with_disagreements,
    check_translation,
    refresh_translation_flags,
)
from reader.operations.session import LibrarySession
from reader.store.library import Library
from reader.store.records import AlignedBead, ListFilter, ListKind, SortKey
from reader.text import versions
from reader.text.figure_check import Verdict
from tests.conftest import as_version_16

DIFFERING = ListFilter(ListKind.DIFFERING)


def _cao_bang(library: Library) -> tuple[int, int, int]:
    """The seed pair's article, its Spanish and its English version."""
    (article_id,) = [summary.id for summary in library.article_summaries()
                     if summary.languages == ("es", "en")]
    spanish, english = library.documents_of(article_id)
    return article_id, spanish.id, english.id


def test_the_seed_pair_is_flagged_at_import(seeded_library: Library) -> None:
    article_id, spanish, english = _cao_bang(seeded_library)
    disagreements = [pair for _row, pair in check_translation(seeded_library, spanish, english)
                     if pair.verdict is Verdict.DIFFERS]
    assert [(p.source.surface, p.target.surface) for p in disagreements
            if p.source and p.target] == [("3.312 billones de VND", "3,312 billion VND")]
    assert seeded_library.listing.translation_flag(article_id) == (
        True, versions.FIGURE_CHECK_VERSION)
    others = [s.id for s in seeded_library.article_summaries() if s.id != article_id]
    assert all(seeded_library.listing.translation_flag(i) == (False, None) for i in others)
    assert seeded_library.listing.unchecked_translations(versions.FIGURE_CHECK_VERSION) == []
    assert articles_with_disagreements(seeded_library) == {article_id}
    assert seeded_library.listing.count(DIFFERING) == 1
    (shown,) = seeded_library.listing.window(DIFFERING, SortKey.TITLE, False, 0, 200)
    assert shown.id == article_id
    assert seeded_library.listing.position_of(article_id, DIFFERING, SortKey.WORDS, True) == 0
    assert seeded_library.listing.position_of(others[0], DIFFERING, SortKey.TITLE, False) is None


def test_an_alignment_fix_and_a_reset_update_the_flag(seeded_library: Library) -> None:
    article_id, spanish, english = _cao_bang(seeded_library)
    alignment = ensure_alignment(seeded_library, spanish, english)
    row = next(row for row, pair in check_translation(seeded_library, spanish, english)
               if pair.verdict is Verdict.DIFFERS)
    budget = alignment.beads[row]
    # The reader says the budget sentences are no translation of each other: nothing pairs.
    apart = [*alignment.beads[:row], AlignedBead(budget.source, (), 1.0, True),
             AlignedBead((), budget.target, 1.0, True), *alignment.beads[row + 1:]]
    save_correction(seeded_library, spanish, english, apart)
    assert seeded_library.listing.translation_flag(article_id)[0] is False
    assert seeded_library.listing.count(DIFFERING) == 0

    reset_to_automatic(seeded_library, spanish, english)
    assert seeded_library.listing.translation_flag(article_id)[0] is True
    assert seeded_library.listing.count(DIFFERING) == 1


def test_unlinking_and_linking_again_update_the_flag(seeded_library: Library) -> None:
    article_id, spanish, english = _cao_bang(seeded_library)
    session = LibrarySession(seeded_library)
    english_article, _change = session.unlink_document(english)
    assert seeded_library.listing.translation_flag(article_id) == (False, None)
    assert seeded_library.listing.translation_flag(english_article) == (False, None)
    assert seeded_library.listing.count(DIFFERING) == 0

    session.link_articles(article_id, english_article)
    # Linked: checked again when the pair's alignment is next asked for (the window asks
    # as it shows the article), or by the refresh.
    assert seeded_library.listing.translation_flag(article_id) == (None, None)
    session.align(spanish, english)
    assert seeded_library.listing.translation_flag(article_id) == (
        True, versions.FIGURE_CHECK_VERSION)
    assert seeded_library.listing.count(DIFFERING) == 1


def test_new_figures_make_the_flag_unchecked_until_refreshed(seeded_library: Library) -> None:
    article_id, _spanish, english = _cao_bang(seeded_library)
    seeded_library.figures.replace(english, [], "test")  # the English version reports none
    assert seeded_library.listing.translation_flag(article_id) == (None, None)
    assert seeded_library.listing.unchecked_translations(versions.FIGURE_CHECK_VERSION) == [
        article_id]
    assert refresh_translation_flags(seeded_library) == [article_id]
    assert seeded_library.listing.translation_flag(article_id) == (
        False, versions.FIGURE_CHECK_VERSION)


def test_a_new_check_version_makes_flags_stale_and_the_refresh_checks_again(
    seeded_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, _spanish, _english = _cao_bang(seeded_library)
    monkeypatch.setattr(versions, "FIGURE_CHECK_VERSION", "2-test")
    # Only the article in two languages: one language needs no check.
    assert seeded_library.listing.unchecked_translations("2-test") == [article_id]
    assert refresh_translation_flags(seeded_library, cancelled=lambda: True) == []
    assert seeded_library.listing.translation_flag(article_id) == (True, "2")
    seen: list[tuple[int, int]] = []
    assert refresh_translation_flags(seeded_library, lambda done, total: seen.append(
        (done, total))) == [article_id]
    assert seen == [(0, 1)]
    assert seeded_library.listing.translation_flag(article_id) == (True, "2-test")
    assert seeded_library.listing.unchecked_translations("2-test") == []
    assert refresh_translation_flags(seeded_library) == []


def test_a_refresh_aligns_a_pair_that_was_never_aligned(seeded_library: Library) -> None:
    article_id, spanish, english = _cao_bang(seeded_library)
    seeded_library.alignments.forget_document(english)
    seeded_library.listing.set_translation_flag(article_id, None, None)
    assert refresh_translation_flags(seeded_library) == [article_id]
    assert seeded_library.alignments.get(spanish, english) is not None
    assert seeded_library.listing.translation_flag(article_id)[0] is True


def test_an_older_library_gets_its_flags_figure_words_and_list_index(
    library_path: Path, seeded_library: Library
) -> None:
    article_id, _spanish, _english = _cao_bang(seeded_library)
    seeded_library.close()
    # Make it a version-7 file again: no flags, no figure sort keys, word index or list index.
    as_version_16(library_path)
    db = sqlite_utils.Database(sqlite3.connect(library_path))
    for table in ("articles", "figures", "documents"):
        for index in db[table].indexes:
            if any(column in ("differs", "differs_version", "sort_label", "value_number")
                   for column in index.columns) or index.name == "documents_listed" or (
                       index.columns == ["document_id", "unit", "position"]):
                db.execute(f"DROP INDEX [{index.name}]")
    db.execute("DROP INDEX idx_articles_unread")  # version 15's; read_at goes with the rest
    db["articles"].transform(drop={"differs", "differs_version", "read_at"})
    db["figures"].transform(drop={"sort_label"})
    db.execute("DROP TABLE figure_words")
    db.execute("PRAGMA user_version = 7")
    db.conn.commit()
    db.conn.close()

    upgraded = Library.open(library_path)
    try:
        assert upgraded.listing.translation_flag(article_id) == (None, None)
        others = [s.id for s in upgraded.article_summaries() if s.id != article_id]
        assert all(upgraded.listing.translation_flag(i) == (False, None) for i in others)
        assert upgraded.listing.unchecked_translations(versions.FIGURE_CHECK_VERSION) == [
            article_id]
        assert refresh_translation_flags(upgraded) == [article_id]
        assert upgraded.listing.count(DIFFERING) == 1
        from reader.store.records import FigureQuery

        assert upgraded.figures.count(FigureQuery(unit="VND", words="presupuestarios")) == 1
        assert upgraded._conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, title FROM documents WHERE article_id = 1 "
            "ORDER BY id").fetchall()[0][3].endswith("INDEX idx_documents_article_id "
                                                     "(article_id=?)")
    finally:
        upgraded.close()


def test_the_import_workers_path_flags_the_pair(empty_library: Library) -> None:
    from reader.operations.importer import import_paths
    from tests.conftest import SEED_EN, SEED_ES

    import_paths(empty_library, [SEED_ES, SEED_EN], workers=1)  # aligned by a worker
    (article,) = empty_library.article_summaries()
    assert empty_library.listing.translation_flag(article.id) == (
        True, versions.FIGURE_CHECK_VERSION)
