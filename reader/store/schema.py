"""The library file's schema, its version, and the steps that upgrade older files in place.

A library is a SQLite file marked with our application id. Its `user_version` is the schema
version. A new file runs every migration from 0; an older file runs the ones it lacks, inside
one transaction, after a backup copy of the file has been written beside it.

An article is a translation group: one library row holding one or more documents (language
versions). Documents join an article when they share its `translation_key` (their normalised
source address); `translation_link` says how the group was formed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x50524452  # "PRDR"
Migration = Callable[["sqlite_utils.Database"], None]


def _create_reading_tables(db: sqlite_utils.Database) -> None:
    """Version 1: articles, their documents, paragraphs and sentences."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": int,
            "translation_key": str,
            "translation_link": str,
            "title": str,
            "place": str,
            "created_at": str,
        },
        pk="id",
    )
    db.table("articles").create_index(["translation_key"], unique=True)
    db.table("documents").create(
        {
            "id": int,
            "article_id": int,
            "language": str,
            "uri": str,
            "title": str,
            "place": str,
            "source_label": str,
            "source_url": str,
            "byline": str,
            "comment_count": int,
            "file_name": str,
            "content_hash": str,
            "text": str,
            "paragraph_count": int,
            "sentence_count": int,
            "word_count": int,
            "character_count": int,
            "imported_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "language", "uri", "content_hash", "text"},
    )
    db.table("documents").create_index(["uri"], unique=True)
    db.table("documents").create_index(["content_hash"], unique=True)
    db.table("documents").create_index(["article_id"])
    db.table("paragraphs").create(
        {
            "id": int,
            "document_id": int,
            "position": int,
            "kind": str,
            "section": int,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("paragraphs").create_index(["document_id", "position"], unique=True)
    db.table("sentences").create(
        {
            "id": int,
            "document_id": int,
            "paragraph_id": int,
            "position": int,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("paragraph_id", "paragraphs", "id")],
    )
    db.table("sentences").create_index(["document_id", "position"], unique=True)


def _create_reader_tables(db: sqlite_utils.Database) -> None:
    """Version 2: what the reader adds (stars, bookmarks, annotations)."""
    db.table("articles").add_column("starred", int, not_null_default=0)
    db.table("bookmarks").create(
        {
            "id": int,
            "article_id": int,
            "document_id": int,
            "start": int,
            "end": int,
            "label": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("document_id", "documents", "id")],
        not_null={"article_id", "created_at"},
    )
    db.table("bookmarks").create_index(["article_id"])
    db.table("annotations").create(
        {
            "id": int,
            "document_id": int,
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "color": str,
            "note": str,
            "tags": str,
            "orphaned": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "exact", "color", "created_at"},
        defaults={"orphaned": 0, "note": "", "tags": "[]", "prefix": "", "suffix": ""},
    )
    db.table("annotations").create_index(["document_id"])


def _create_alignment_tables(db: sqlite_utils.Database) -> None:
    """Version 3: sentence alignments of pairs of language versions, and the reader's fixes.

    An alignment is stored once per pair, with the lower document id as its source side.
    A bead covers the half-open sentence ranges [source_start, source_end) and
    [target_start, target_end). A fix is a bead the reader set by hand, kept with its
    sentences' texts so that it can be found again when a text changes.
    """
    db.table("alignments").create(
        {
            "id": int,
            "source_document_id": int,
            "target_document_id": int,
            "source_hash": str,
            "target_hash": str,
            "aligner_version": str,
            "computed_at": str,
        },
        pk="id",
        foreign_keys=[("source_document_id", "documents", "id"),
                      ("target_document_id", "documents", "id")],
        not_null={"source_document_id", "target_document_id"},
    )
    db.table("alignments").create_index(["source_document_id", "target_document_id"],
                                        unique=True)
    db.table("alignments").create_index(["target_document_id"])
    db.table("beads").create(
        {
            "alignment_id": int,
            "position": int,
            "source_start": int,
            "source_end": int,
            "target_start": int,
            "target_end": int,
            "score": float,
            "manual": int,
        },
        pk=("alignment_id", "position"),
        foreign_keys=[("alignment_id", "alignments", "id")],
    )
    db.table("alignment_fixes").create(
        {
            "id": int,
            "alignment_id": int,
            "source_sentences": str,
            "target_sentences": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("alignment_id", "alignments", "id")],
    )
    db.table("alignment_fixes").create_index(["alignment_id"])


def _create_figure_tables(db: sqlite_utils.Database) -> None:
    """Version 4: the figures each document reports, and the extractor version that found them.

    A value is kept as the decimal text it was read as ("3312000000000"), so that nothing is
    rounded; `value_number` holds it as a float for sorting.
    """
    db.table("figures").create(
        {
            "id": int,
            "document_id": int,
            "position": int,
            "start": int,
            "end": int,
            "surface": str,
            "value": str,
            "value_number": float,
            "unit": str,
            "kind": str,
            "qualifier": str,
            "label": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "value"},
    )
    db.table("figures").create_index(["document_id", "position"], unique=True)
    db.table("figures").create_index(["unit"])
    db.table("documents").add_column("figures_version", str)


def _add_annotation_identities(db: sqlite_utils.Database) -> None:
    """Version 5: each annotation gets a lasting identity (exported as its W3C id), so that
    importing an export twice does not double it; bookmarks can be found by sentence text."""
    db.table("annotations").add_column("uid", str)
    db.conn.execute("UPDATE annotations SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL")
    db.table("annotations").create_index(["uid"], unique=True)
    db.table("annotations").create_index(["created_at"])
    db.table("bookmarks").create_index(["document_id"])


def _create_search_index(db: sqlite_utils.Database) -> None:
    """Version 6: the full-text search index of every document's title and text (FTS5).

    Row `rowid` holds document `rowid`'s title and text folded by reader.text.folding (lower
    case, no diacritics, "ё" as "е", "đ" as "d", one character for one), so that index and
    query fold alike and a match's offsets in the folded text are its offsets in the text.
    Not sqlite-utils' `enable_fts`: its index copies a content table's columns through
    triggers, and SQLite cannot fold the way we do; the library writes each row itself
    (reader.store.search). The documents of an older library are indexed here.

    Column sizes and full detail (positions) are kept: bm25 needs the sizes, phrases the
    positions. The first two to five letters of each word are indexed too, for search as
    you type: on 120,000 documents the prefix query "de"* takes a second without them and
    "imple"* 0.15 s; with them, 20 ms and 12 ms (the file grows by a third).
    """
    from reader.store.search import index_all_documents

    # The index only repeats the documents: one left by a file taken back to an older
    # version is built anew.
    db.conn.execute("DROP TABLE IF EXISTS search_index")
    db.conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5')"
    )
    index_all_documents(db.conn)


def _add_article_listing(db: sqlite_utils.Database) -> None:
    """Version 7: what the library list shows, sorts and filters by, kept on each article
    (languages "es en", the title shown and its sort form, words, figures, annotations, the
    date when known), with an index per sort column; filled here for the articles there are."""
    from reader.store.listing import SORTABLE_COLUMNS, refresh_all_listings

    articles = db.table("articles")
    present = set(articles.columns_dict)
    for name, kind in (("languages", str), ("list_title", str), ("sort_title", str),
                       ("published", str), ("words", int), ("figures", int),
                       ("annotations", int)):
        if name not in present:
            articles.add_column(name, kind, not_null_default=0 if kind is int else None)
    for column in SORTABLE_COLUMNS:
        articles.create_index([column], if_not_exists=True)
    db.table("documents").create_index(["language", "article_id"], if_not_exists=True)
    refresh_all_listings(db.conn)


def _add_translation_flags(db: sqlite_utils.Database) -> None:
    """Version 8: whether an article's translations report a figure differently, kept on the
    article so that the library's "translations differ" filter is one indexed query.

    `differs` is 1 when the check of its first two versions finds a disagreement, 0 when it
    finds none (and for an article in one language), NULL while not checked; `differs_version`
    is the check's version (reader.text.versions.FIGURE_CHECK_VERSION) that said so. Here the
    articles in one language are marked; the others are checked by the window in the
    background (reader.operations.figure_checking.refresh_translation_flags).
    """
    articles = db.table("articles")
    present = set(articles.columns_dict)
    if "differs" not in present:
        articles.add_column("differs", int)
    if "differs_version" not in present:
        articles.add_column("differs_version", str)
    db.conn.execute("UPDATE articles SET differs = 0, differs_version = NULL "
                    "WHERE instr(coalesce(languages, ''), ' ') = 0")
    articles.create_index(["differs"], if_not_exists=True)
    articles.create_index(["differs_version"], if_not_exists=True)


def _add_figure_listing(db: sqlite_utils.Database) -> None:
    """Version 9: the library's figures listed a window at a time, like the library list.

    `figures.sort_label` is what a figure measures (its label, else its text) case-folded, to
    sort by; figures get indexes by value, by unit and value (which replaces the one by unit),
    by that key and unit, and by document and unit; and `figure_words` is a full-text index
    (FTS5, rowid = figure id) of each figure's label, text and unit folded like the search
    index, for the Figures window's word filter. It keeps no copy of what it indexes
    (contentless): a figure's entry is deleted with the words it was indexed with, which
    reader.store.figures computes again from the figure. Filled here for the figures there are.
    """
    from reader.store.figures import index_all_figures

    figures = db.table("figures")
    if "sort_label" not in figures.columns_dict:
        figures.add_column("sort_label", str)
    db.conn.execute("DROP TABLE IF EXISTS figure_words")
    db.conn.execute("CREATE VIRTUAL TABLE figure_words USING fts5(words, content = '', "
                    "columnsize = 0, tokenize = 'unicode61 remove_diacritics 2')")
    index_all_figures(db.conn)
    figures.create_index(["value_number"], if_not_exists=True)
    figures.create_index(["unit", "value_number"], if_not_exists=True)
    db.conn.execute("DROP INDEX IF EXISTS idx_figures_unit")
    figures.create_index(["sort_label", "unit"], if_not_exists=True)
    # A document's figures of one unit in order, for the list by article or language.
    figures.create_index(["document_id", "unit", "position"], if_not_exists=True)


def _add_document_list_index(db: sqlite_utils.Database) -> None:
    """Version 10: an index holding what the command line's list and an article's versions show
    of each document. A document's counts are stored after its text, so reading them from
    the table reads the text too (most of the file); from this index, `reader list` reads a
    few megabytes at 100,000 articles instead of gigabytes."""
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS documents_listed ON documents (article_id, id, language, "
        "uri, title, source_url, byline, file_name, paragraph_count, sentence_count, "
        "word_count, character_count)")


def _add_figures_version_index(db: sqlite_utils.Database) -> None:
    """Version 11: an index of which extractor version found each document's figures, so that
    the window's check for documents to read again at start-up is an index lookup (the column
    is stored after the text: without it the check read the whole file, seconds at 100,000
    articles)."""
    db.table("documents").create_index(["figures_version"], if_not_exists=True)


def _index_differing_by_title(db: sqlite_utils.Database) -> None:
    """Version 12: the articles whose translations differ in title order straight from an
    index, as the library list first shows them (a page was a sort of every such article,
    20 ms at 100,000 articles); it replaces the index by the flag alone."""
    db.table("articles").create_index(["differs", "sort_title"], if_not_exists=True)
    db.conn.execute("DROP INDEX IF EXISTS idx_articles_differs")


def _create_kept_notes(db: sqlite_utils.Database) -> None:
    """Version 13: the highlights and notes of deleted articles, kept with their quotes (a
    deleted article never takes the reader's notes with it); `removal` names the deletion,
    so that undoing it takes them back into the article."""
    db.table("kept_notes").create(
        {
            "id": int,
            "uid": str,
            "removal": str,
            "article_title": str,
            "language": str,
            "document_uri": str,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "color": str,
            "note": str,
            "tags": str,
            "created_at": str,
            "kept_at": str,
        },
        pk="id",
        not_null={"exact", "kept_at"},
        if_not_exists=True,
    )
    db.table("kept_notes").create_index(["removal"], if_not_exists=True)


def _add_document_origins(db: sqlite_utils.Database) -> None:
    """Version 14: where each document came from and in what format (`source_format`: "text",
    "html", "markdown"…; `origin`: the file's path or the web address imported from;
    `metadata`: what the page said about itself as JSON, {"author", "date", "site_name",
    "canonical_url"}), and `translation_addresses`: the other language versions a page names
    (its hreflang alternates), by language and address; `address_key` is the address as
    articles' translation_key normalises one, so that a version imported later finds them; and
    documents by source address, which a page's alternates are looked up by."""
    documents = db.table("documents")
    present = set(documents.columns_dict)
    for column in ("source_format", "origin", "metadata"):
        if column not in present:
            documents.add_column(column, str)
    documents.create_index(["source_url"], if_not_exists=True)
    db.table("translation_addresses").create(
        {"id": int, "document_id": int, "language": str, "address": str, "address_key": str},
        pk="id",
        not_null={"document_id", "language", "address", "address_key"},
        if_not_exists=True,
    )
    db.table("translation_addresses").create_index(["document_id"], if_not_exists=True)
    db.table("translation_addresses").create_index(["address_key"], if_not_exists=True)


def _add_read_marks(db: sqlite_utils.Database) -> None:
    """Version 15: when the reader last opened each article (`read_at`, ISO time; NULL: not
    opened yet, shown as unread), with an index of the unread ones for their filter."""
    if "read_at" not in db.table("articles").columns_dict:
        db.table("articles").add_column("read_at", str)
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_unread ON articles (id) "
               "WHERE read_at IS NULL")


def _make_search_index_contentless(db: sqlite_utils.Database) -> None:
    """Version 16: the search index keeps no copy of the folded titles and texts (a quarter
    of the file): it is built anew without one (content = '', reader.store.search), every
    document indexed again inside the upgrade, after the upgrade's backup copy. A search
    folds the texts of the hits it shows for their snippets and highlights."""
    from reader.store.search import create_search_index

    create_search_index(db.conn)


def _pack_texts(db: sqlite_utils.Database) -> None:
    """Version 17: each document's text is kept compressed (about a third of its size) and
    its paragraphs and sentences as one packed array, in its row of `document_texts`
    (`packed_text`, `structure`; reader.text.packing, read through reader.store.texts
    alone), instead of `documents.text` and a row for each paragraph and sentence in
    `paragraphs` and `sentences` with their indexes. Those go, and so does `documents_listed`
    (version 10), which copied most of `documents` so that the command line's list did not
    read the texts: `documents` holds none now (a lookup by article takes the index of
    documents by article again). Inside the upgrade's transaction, after its backup copy;
    the file is compacted after it, in pages of 8 KiB (reader.store.library.PAGE_SIZE)."""
    from reader.store.texts import pack_all_documents

    pack_all_documents(db.conn)
    # The search index in one segment (built by imports in many): 2 % smaller, once compacted.
    db.conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    db.conn.execute("DROP INDEX IF EXISTS documents_listed")
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_documents_article_id "
                    "ON documents (article_id)")


MIGRATIONS: tuple[Migration, ...] = (
    _create_reading_tables,
    _create_reader_tables,
    _create_alignment_tables,
    _create_figure_tables,
    _add_annotation_identities,
    _create_search_index,
    _add_article_listing,
    _add_translation_flags,
    _add_figure_listing,
    _add_document_list_index,
    _add_figures_version_index,
    _index_differing_by_title,
    _create_kept_notes,
    _add_document_origins,
    _add_read_marks,
    _make_search_index_contentless,
    _pack_texts,
)
SCHEMA_VERSION = len(MIGRATIONS)
# An older file upgraded to this version or later is compacted after the upgrade (VACUUM):
# version 16 takes a quarter of the file out of it, version 17 a third of what is left.
COMPACTED_AT = 17

# The tables a library of each version has (its virtual tables' own tables left out): one
# that lacks any is damaged.
_TABLES_ADDED = {
    1: ("meta", "articles", "documents", "paragraphs", "sentences"),
    2: ("bookmarks", "annotations"),
    3: ("alignments", "beads", "alignment_fixes"),
    4: ("figures",),
    6: ("search_index",),
    9: ("figure_words",),
    13: ("kept_notes",),
    14: ("translation_addresses",),
    17: ("document_texts",),
}
_TABLES_DROPPED = {
    17: ("paragraphs", "sentences"),  # packed into document_texts.structure
}
REQUIRED_TABLES: dict[int, frozenset[str]] = {
    version: frozenset(name for added, names in _TABLES_ADDED.items() if added <= version
                       for name in names)
    - frozenset(name for dropped, names in _TABLES_DROPPED.items() if dropped <= version
                for name in names)
    for version in range(1, SCHEMA_VERSION + 1)
}


def current_columns() -> dict[str, set[str]]:
    """The columns of each table of a library of this version (made in memory, 50 ms)."""
    import sqlite3

    import sqlite_utils

    connection = sqlite3.connect(":memory:")
    try:
        migrate(sqlite_utils.Database(connection, execute_plugins=False), 0)
        return {table: {str(row[1]) for row in connection.execute(
                    "SELECT * FROM pragma_table_info(?)", [table])}
                for table in REQUIRED_TABLES[SCHEMA_VERSION]}
    finally:
        connection.close()


def migrate(db: sqlite_utils.Database, from_version: int, to_version: int = SCHEMA_VERSION) -> None:
    """Run the migrations that take a file from one schema version to another, atomically."""
    with db.atomic():
        for step in MIGRATIONS[from_version:to_version]:
            step(db)
        db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.conn.execute(f"PRAGMA user_version = {to_version}")
