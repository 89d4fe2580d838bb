"""Deleting an article, and undoing it: every row about the article is taken out in one
transaction and handed back as a `RemovedArticle`, from which `restore` puts the same rows
back with their ids. The reader's highlights and notes are kept in `kept_notes` with their
quotes, so that a deletion never loses them, also once it cannot be undone any more."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

from reader.store.figures import figure_words
from reader.store.records import KeptNote, RemovedArticle
from reader.store.search import forget_entries
from reader.store.texts import TEXTS, stored_text
from reader.text.folding import fold

# The rows about an article, table by table: what selects them (:article, and the article's
# documents through a subquery), in the order they are deleted (children first); restoring
# goes the other way. tests/store/test_removal.py checks that every table of the schema that
# refers to an article or a document is here.
_DOCUMENTS = "SELECT id FROM documents WHERE article_id = :article"
_ALIGNMENTS = (f"SELECT id FROM alignments WHERE source_document_id IN ({_DOCUMENTS}) "
               f"OR target_document_id IN ({_DOCUMENTS})")
PLAN: tuple[tuple[str, str], ...] = (
    ("beads", f"alignment_id IN ({_ALIGNMENTS})"),
    ("alignment_fixes", f"alignment_id IN ({_ALIGNMENTS})"),
    ("alignments", f"id IN ({_ALIGNMENTS})"),
    ("figures", f"document_id IN ({_DOCUMENTS})"),
    (TEXTS, f"id IN ({_DOCUMENTS})"),
    ("annotations", f"document_id IN ({_DOCUMENTS})"),
    ("bookmarks", f"article_id = :article OR document_id IN ({_DOCUMENTS})"),
    ("translation_addresses", f"document_id IN ({_DOCUMENTS})"),
    ("documents", "article_id = :article"),
    ("articles", "id = :article"),
)
_ROWID = "_removed_rowid"
# Tables that hold nothing of one article (the library's own values, kept notes), and the
# full-text indexes, which are rebuilt from the rows.
NOT_ABOUT_ARTICLES = frozenset({"meta", "kept_notes", "search_index", "figure_words"})


def remove_article(connection: sqlite3.Connection, article_id: int) -> RemovedArticle:
    """Take an article and everything about it out of the library (inside the caller's
    transaction), its highlights kept in kept_notes; what was taken out. KeyError when the
    library holds no such article."""
    title_row = connection.execute("SELECT title FROM articles WHERE id = ?",
                                   [article_id]).fetchone()
    if title_row is None:
        raise KeyError(article_id)
    parameters = {"article": article_id}
    rows: dict[str, list[dict[str, Any]]] = {}
    for table, where in PLAN:
        cursor = connection.execute(f"SELECT rowid AS {_ROWID}, * FROM {table} WHERE {where}",
                                    parameters)
        names = [column[0] for column in cursor.description]
        rows[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    removed = RemovedArticle(article_id, str(title_row[0] or ""), _new_uid(), rows)
    _keep_notes(connection, removed)
    connection.executemany(
        "INSERT INTO figure_words (figure_words, rowid, words) VALUES ('delete', ?, ?)",
        [(figure["id"], figure_words(figure["label"] or "", figure["surface"] or "",
                                     figure["unit"] or "")) for figure in rows["figures"]])
    forget_entries(connection, _titles_and_texts(rows))
    for table, _where in PLAN:  # by row: the subqueries find nothing once documents go
        connection.executemany(f"DELETE FROM {table} WHERE rowid = ?",
                               [(row[_ROWID],) for row in rows[table]])
    return removed


def restore_article(connection: sqlite3.Connection, removed: RemovedArticle) -> None:
    """Put a deleted article back as it was, with its ids (inside the caller's transaction);
    the notes kept at its deletion go back into it."""
    for table, _where in reversed(PLAN):
        for row in removed.rows.get(table, []):
            names = [name for name in row if name != _ROWID]
            columns = ", ".join(f'"{name}"' for name in names)
            marks = ", ".join("?" for _name in names)
            connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                               [row[name] for name in names])
    connection.executemany(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
        [(document_id, fold(title or ""), fold(text))
         for document_id, title, text in _titles_and_texts(removed.rows)])
    connection.executemany(
        "INSERT INTO figure_words (rowid, words) VALUES (?, ?)",
        [(figure["id"], figure_words(figure["label"] or "", figure["surface"] or "",
                                     figure["unit"] or ""))
         for figure in removed.rows.get("figures", [])])
    connection.execute("DELETE FROM kept_notes WHERE removal = ?", [removed.removal])


def kept_notes(connection: sqlite3.Connection) -> list[KeptNote]:
    """The highlights and notes of deleted articles, the most recently kept first."""
    return [KeptNote(int(row[0]), str(row[1] or ""), str(row[2] or ""), str(row[3] or ""),
                     str(row[4] or ""), str(row[5] or ""), str(row[6] or ""),
                     str(row[7] or ""), str(row[8] or ""))
            for row in connection.execute(
                "SELECT id, uid, article_title, language, exact, color, note, created_at, "
                "kept_at FROM kept_notes ORDER BY kept_at DESC, id DESC")]


def _keep_notes(connection: sqlite3.Connection, removed: RemovedArticle) -> None:
    documents = {row["id"]: row for row in removed.rows["documents"]}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    connection.executemany(
        "INSERT INTO kept_notes (uid, removal, article_title, language, document_uri, exact, "
        "prefix, suffix, color, note, tags, created_at, kept_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(note.get("uid"), removed.removal, removed.title,
          documents.get(note["document_id"], {}).get("language"),
          documents.get(note["document_id"], {}).get("uri"), note["exact"], note["prefix"],
          note["suffix"], note["color"], note["note"], note["tags"], note["created_at"], now)
         for note in removed.rows["annotations"]])


def _titles_and_texts(rows: dict[str, list[dict[str, Any]]]
                      ) -> list[tuple[int, str | None, str]]:
    """The id, title and text of each document among an article's rows."""
    texts = {row["id"]: stored_text(row["packed_text"]) for row in rows.get(TEXTS, [])}
    return [(document["id"], document["title"], texts.get(document["id"], ""))
            for document in rows.get("documents", [])]


def _new_uid() -> str:
    """A new random identifier (uuid loads when first needed: it is not needed at start-up)."""
    import uuid

    return uuid.uuid4().hex
