"""Shared fixtures: a fresh library file per test, and the main window on it, offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

# Before any Qt import: no display here, and the tests must never touch the user's own
# settings or library.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="reader-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["READER_LOCALE"] = "en_US"

import pytest  # noqa: E402

from reader.app import open_library  # noqa: E402
from reader.store.library import Library  # noqa: E402
from reader.text.figures import Figure  # noqa: E402
from reader.ui.pyside_imports import skip_feature_scan  # noqa: E402

skip_feature_scan()  # as the app does: the window's modules import at the plain Python cost

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_ES = SEEDS / "000_7430cda5143a47f5.txt"
SEED_EN = SEEDS / "001_fa94e18b8108eba2.txt"
SEED_SV = SEEDS / "002_1e5c8a27943debc4.txt"
SEED_RU = SEEDS / "003_68867817da0e576e.txt"
SEED_NB = SEEDS / "004_864989ccc595ae6a.txt"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a test's library file lives (not created yet)."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def empty_library(library_path: Path) -> Iterator[Library]:
    """A new library with nothing in it (not seeded)."""
    library = Library.open(library_path)
    yield library
    library.close()


@pytest.fixture
def seeded_library(library_path: Path) -> Iterator[Library]:
    """A new library opened the way the app opens it: seeded with the five bundled articles."""
    library = open_library(library_path)
    yield library
    library.close()


def make_figure(start: int, surface: str, value: str, unit: str, kind: str,
                qualifier: str = "exact", label: str = "") -> Figure:
    """A figure as the extractor would report it, for tests that store figures by hand."""
    return Figure(surface=surface, start=start, end=start + len(surface), value=Decimal(value),
                  unit=unit, kind=kind, qualifier=qualifier, label=label)


def as_version_16(path: Path) -> None:
    """Take a current library file back to schema version 16, as that version wrote it: each
    document's text in `documents.text`, a row for each paragraph and sentence in
    `paragraphs` and `sentences` (with their indexes), the index of documents by article; no
    `document_texts`."""
    import sqlite3

    from reader.text.packing import unpack_structure, unpack_text

    connection = sqlite3.connect(path)
    with connection:
        packed = connection.execute(
            "SELECT id, packed_text, structure FROM document_texts ORDER BY id").fetchall()
        connection.execute("ALTER TABLE documents ADD COLUMN text TEXT")
        connection.execute(
            'CREATE TABLE "paragraphs" ([id] INTEGER PRIMARY KEY, [document_id] INTEGER '
            "REFERENCES [documents]([id]), [position] INTEGER, [kind] TEXT, [section] INTEGER, "
            "[start] INTEGER, [end] INTEGER)")
        connection.execute("CREATE UNIQUE INDEX idx_paragraphs_document_id_position "
                           "ON paragraphs (document_id, position)")
        connection.execute(
            'CREATE TABLE "sentences" ([id] INTEGER PRIMARY KEY, [document_id] INTEGER '
            "REFERENCES [documents]([id]), [paragraph_id] INTEGER REFERENCES "
            "[paragraphs]([id]), [position] INTEGER, [start] INTEGER, [end] INTEGER)")
        connection.execute("CREATE UNIQUE INDEX idx_sentences_document_id_position "
                           "ON sentences (document_id, position)")
        for document_id, text, structure in packed:
            connection.execute("UPDATE documents SET text = ? WHERE id = ?",
                               [unpack_text(text), document_id])
            paragraphs, sentences = unpack_structure(structure)
            ids = []
            for position, (kind, section, start, end) in enumerate(paragraphs):
                cursor = connection.execute(
                    'INSERT INTO paragraphs (document_id, position, kind, section, start, "end") '
                    "VALUES (?, ?, ?, ?, ?, ?)", [document_id, position, kind, section, start, end])
                ids.append(cursor.lastrowid)
            connection.executemany(
                'INSERT INTO sentences (document_id, paragraph_id, position, start, "end") '
                "VALUES (?, ?, ?, ?, ?)",
                [(document_id, ids[paragraph], position, start, end)
                 for position, (paragraph, start, end) in enumerate(sentences)])
        connection.execute("DROP TABLE document_texts")
        connection.execute(
            "CREATE INDEX documents_listed ON documents (article_id, id, language, uri, title, "
            "source_url, byline, file_name, paragraph_count, sentence_count, word_count, "
            "character_count)")
        connection.execute("PRAGMA user_version = 16")
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA page_size = 4096")  # as SQLite made every page then
    connection.execute("VACUUM")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
