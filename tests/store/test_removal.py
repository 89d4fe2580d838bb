"""Deleting an article takes out every row about it and keeps its notes; undoing puts back
exactly what was there."""

from __future__ import annotations

import sqlite3
from typing import Any

from reader.store.library import Library
from reader.store.removal import NOT_ABOUT_ARTICLES, PLAN


def _tables(connection: sqlite3.Connection) -> list[str]:
    """The library's own tables (not the full-text indexes' shadow tables)."""
    virtual = {str(row[0]) for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")}
    return sorted(str(row[0]) for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if str(row[0]) in virtual or not any(str(row[0]).startswith(v + "_") for v in virtual))


def _dump(connection: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table, _where in PLAN}


def test_every_table_about_articles_is_taken_out_and_put_back(seeded_library: Library) -> None:
    connection = seeded_library._conn
    planned = {table for table, _where in PLAN}
    for table in _tables(connection):
        assert table in planned or table in NOT_ABOUT_ARTICLES, (
            f"{table}: say in reader/store/removal.py whether deleting an article takes its "
            "rows out")


def test_deleting_keeps_the_notes_and_undoing_puts_everything_back(
        seeded_library: Library) -> None:
    connection = seeded_library._conn
    article = next(a for a in seeded_library.article_summaries() if len(a.languages) == 2)
    document = seeded_library.documents_of(article.id)[0]
    note = seeded_library.annotations.add(document.id, 0, 9, "green", "remember this")
    seeded_library.bookmarks.set_starred(article.id, True)
    before = _dump(connection)
    word = seeded_library.document_text(document.id).text.split()[3]
    assert any(hit.article_id == article.id for hit in seeded_library.search.search(word))
    count = len(seeded_library.article_summaries())

    removed = seeded_library.delete_article(article.id)
    assert removed.document_count == 2 and removed.kept_note_count == 1
    assert len(seeded_library.article_summaries()) == count - 1
    assert not any(hit.article_id == article.id for hit in seeded_library.search.search(word))
    for table, _where in PLAN:
        assert not connection.execute(
            f"SELECT 1 FROM {table} WHERE {_where}", {"article": article.id}).fetchone()
    [kept] = seeded_library.kept_notes()
    assert (kept.exact, kept.note, kept.colour) == (note.exact, "remember this", "green")
    assert kept.article_title == article.title and kept.language == document.language
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []

    seeded_library.restore_article(removed)
    assert _dump(connection) == before
    assert seeded_library.kept_notes() == []
    assert any(hit.article_id == article.id for hit in seeded_library.search.search(word))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute(
        "INSERT INTO search_index(search_index) VALUES ('integrity-check')") is not None
