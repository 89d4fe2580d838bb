"""Documents' texts and their paragraphs and sentences as the library keeps them (schema 17).

Each document's text is kept compressed, and its paragraphs and sentences as one packed
array, in its row of `document_texts` (reader.text.packing), apart from the document's other
columns: the list, the search's ranking and the Figures window read those without the texts,
and rows of one size pack the file's pages better. Every read of a text in the store goes
through `stored_text` (and `text_of`, `titles_and_texts`), every read of the structure
through `stored_structure`, so that the packing is known here alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import lru_cache

from reader.text.packing import PackedParagraph, PackedSentence, unpack_structure, unpack_text

TEXTS = "document_texts"
CREATE_TEXTS = (
    f"CREATE TABLE {TEXTS} (id INTEGER PRIMARY KEY REFERENCES documents (id), "
    "packed_text BLOB NOT NULL, structure BLOB NOT NULL)"
)


# Texts unpacked lately, by their packed bytes (so never stale, whoever wrote the file): a
# search as it is typed shows mostly the same hits again, and unpacking 50 of them costs
# about half a millisecond (zstd and UTF-8). Only texts of news size are kept (a book is
# unpacked each time it is read).
UNPACKED_KEPT = 512
_KEPT_UP_TO = 32 * 1024  # packed bytes


def stored_text(value: bytes) -> str:
    """A document's text from the value of its `packed_text`."""
    if len(value) > _KEPT_UP_TO:
        return unpack_text(value)
    return _unpacked(value)


@lru_cache(maxsize=UNPACKED_KEPT)
def _unpacked(value: bytes) -> str:
    return unpack_text(value)


def stored_structure(value: bytes) -> tuple[list[PackedParagraph], list[PackedSentence]]:
    """A document's paragraphs and sentences, in reading order, from its `structure`."""
    return unpack_structure(value)


def text_of(connection: sqlite3.Connection, document_id: int) -> str | None:
    """A document's text; None when there is no such document."""
    row = connection.execute(f"SELECT packed_text FROM {TEXTS} WHERE id = ?",
                             [document_id]).fetchone()
    return None if row is None else stored_text(row[0])


def store_text(connection: sqlite3.Connection, document_id: int, packed_text: bytes,
               structure: bytes) -> None:
    """Keep a document's packed text and structure (a new document's, or in place of its
    old ones), inside the caller's transaction. (An upsert, not INSERT OR REPLACE: with
    foreign keys on, REPLACE took half a millisecond a document.)"""
    connection.execute(
        f"INSERT INTO {TEXTS} (id, packed_text, structure) VALUES (?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET packed_text = excluded.packed_text, "
        "structure = excluded.structure", [document_id, packed_text, structure])


def titles_and_texts(connection: sqlite3.Connection) -> Iterator[tuple[int, str, str]]:
    """Every document's (id, title, text) in id order, in a library of any version: one
    being upgraded (the search index built by migration 6 or 16 before the texts are packed
    by 17) or recovered from an older version keeps its texts in `documents.text`."""
    columns = {str(row[1]) for row in connection.execute("PRAGMA table_info(documents)")}
    tables = {str(row[0]) for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "text" in columns or TEXTS not in tables:
        text = "text" if "text" in columns else "''"  # no texts left (a damaged file)
        for document_id, title, body in connection.execute(
                f"SELECT id, title, {text} FROM documents ORDER BY id"):
            yield int(document_id), str(title or ""), str(body or "")
        return
    for document_id, title, packed in connection.execute(
            f"SELECT d.id, d.title, t.packed_text FROM documents d JOIN {TEXTS} t "
            "ON t.id = d.id ORDER BY d.id"):
        yield int(document_id), str(title or ""), stored_text(packed)


# Documents packed in one go by the upgrade to version 17 (their texts in memory at once).
_PACKING_BATCH = 500


def pack_all_documents(connection: sqlite3.Connection) -> None:
    """Version 17's upgrade (inside its transaction): every document's text, paragraphs and
    sentences packed into its row of `document_texts`; then the `text` column and the
    `paragraphs` and `sentences` tables dropped."""
    from reader.text.packing import pack_structure, pack_text

    connection.execute(f"DROP TABLE IF EXISTS {TEXTS}")
    connection.execute(CREATE_TEXTS)
    last = 0
    while True:
        rows = connection.execute("SELECT id, text FROM documents WHERE id > ? ORDER BY id "
                                  "LIMIT ?", [last, _PACKING_BATCH]).fetchall()
        if not rows:
            break
        first, last = int(rows[0][0]), int(rows[-1][0])
        paragraphs: dict[int, list[tuple[str, int, int, int]]] = {}
        for document_id, kind, section, start, end in connection.execute(
                "SELECT document_id, kind, section, start, end FROM paragraphs "
                "WHERE document_id BETWEEN ? AND ? ORDER BY document_id, position",
                [first, last]):
            paragraphs.setdefault(int(document_id), []).append(
                (str(kind), int(section or 0), int(start), int(end)))
        sentences: dict[int, list[tuple[int, int, int]]] = {}
        for document_id, paragraph, start, end in connection.execute(
                "SELECT s.document_id, p.position, s.start, s.end FROM sentences s "
                "JOIN paragraphs p ON p.id = s.paragraph_id "
                "WHERE s.document_id BETWEEN ? AND ? ORDER BY s.document_id, s.position",
                [first, last]):
            sentences.setdefault(int(document_id), []).append(
                (int(paragraph), int(start), int(end)))
        connection.executemany(
            f"INSERT INTO {TEXTS} (id, packed_text, structure) VALUES (?, ?, ?)",
            [(int(document_id), pack_text(str(text or "")),
              pack_structure(paragraphs.get(int(document_id), []),
                             sentences.get(int(document_id), [])))
             for document_id, text in rows])
    connection.execute("ALTER TABLE documents DROP COLUMN text")
    connection.execute("DROP TABLE sentences")
    connection.execute("DROP TABLE paragraphs")
