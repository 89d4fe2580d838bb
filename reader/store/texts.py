"""Documents' texts and sentences as the library keeps them (schema 17): packed.

`documents.packed_text` holds the body text compressed and `documents.sentence_spans` the
sentences as one packed array (reader.text.packing); there is no `text` column and no
`sentences` table any more. Every read of a text in the store goes through `stored_text`,
every read of sentences through `stored_sentences`, so that the packing is known here alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from reader.text.packing import unpack_sentences, unpack_text

# The columns of `documents` that hold a text and its sentences.
TEXT_COLUMN = "packed_text"
SENTENCES_COLUMN = "sentence_spans"


def stored_text(value: bytes) -> str:
    """A document's text from the value of its `packed_text` column."""
    return unpack_text(value)


def stored_sentences(value: bytes) -> list[tuple[int, int, int]]:
    """A document's sentences from its `sentence_spans` column: (paragraph position, start,
    end) in reading order."""
    return unpack_sentences(value)


def text_of(connection: sqlite3.Connection, document_id: int) -> str | None:
    """A document's text; None when there is no such document."""
    row = connection.execute(f"SELECT {TEXT_COLUMN} FROM documents WHERE id = ?",
                             [document_id]).fetchone()
    return None if row is None else stored_text(row[0])


def titles_and_texts(connection: sqlite3.Connection) -> Iterator[tuple[int, str, str]]:
    """Every document's (id, title, text) in id order, in a library of any version: one
    being upgraded (the search index built by migration 6 or 16 before the texts are packed
    by 17) or recovered keeps its texts in the `text` column of old."""
    columns = {str(row[1]) for row in connection.execute("PRAGMA table_info(documents)")}
    if TEXT_COLUMN in columns:
        for document_id, title, packed in connection.execute(
                f"SELECT id, title, {TEXT_COLUMN} FROM documents ORDER BY id"):
            yield int(document_id), str(title or ""), stored_text(packed)
    else:
        for document_id, title, text in connection.execute(
                "SELECT id, title, text FROM documents ORDER BY id"):
            yield int(document_id), str(title or ""), str(text or "")


# Documents packed in one go by the upgrade to version 17 (their texts and sentences in
# memory at once).
_PACKING_BATCH = 500


def pack_all_documents(connection: sqlite3.Connection) -> None:
    """Version 17's upgrade (inside its transaction): every document's text and sentences
    packed into its row (`packed_text`, `sentence_spans`), then the `text` column and the
    `sentences` table dropped."""
    from reader.text.packing import pack_sentences, pack_text

    columns = {str(row[1]) for row in connection.execute("PRAGMA table_info(documents)")}
    for column in (TEXT_COLUMN, SENTENCES_COLUMN):
        if column not in columns:
            connection.execute(f"ALTER TABLE documents ADD COLUMN {column} BLOB")
    last = 0
    while True:
        rows = connection.execute("SELECT id, text FROM documents WHERE id > ? ORDER BY id "
                                  "LIMIT ?", [last, _PACKING_BATCH]).fetchall()
        if not rows:
            break
        first, last = int(rows[0][0]), int(rows[-1][0])
        sentences: dict[int, list[tuple[int, int, int]]] = {}
        for document_id, paragraph, start, end in connection.execute(
                "SELECT s.document_id, p.position, s.start, s.end FROM sentences s "
                "JOIN paragraphs p ON p.id = s.paragraph_id "
                "WHERE s.document_id BETWEEN ? AND ? ORDER BY s.document_id, s.position",
                [first, last]):
            sentences.setdefault(int(document_id), []).append(
                (int(paragraph), int(start), int(end)))
        connection.executemany(
            f"UPDATE documents SET {TEXT_COLUMN} = ?, {SENTENCES_COLUMN} = ? WHERE id = ?",
            [(pack_text(str(text or "")), pack_sentences(sentences.get(int(document_id), [])),
              int(document_id)) for document_id, text in rows])
    connection.execute("ALTER TABLE documents DROP COLUMN text")
    connection.execute("DROP TABLE sentences")
