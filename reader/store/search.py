"""Full-text search over every language version: an SQLite FTS5 index of folded text.

The index (`search_index`, schema version 6) holds each document's title and text folded by
reader.text.folding, under the document's id as rowid: a query folded the same way finds
"Quản" when "quan" is typed, and "ёлка" for "елка". Results are ranked by bm25, a title
match counting five times a match in the text; of a query that matches more than
RANKED_MATCHES documents, the newest that many are ranked (bm25 costs a few microseconds a
match, and a common word matches most of a large library).

Since schema version 16 the index keeps no copy of the folded text (contentless, as
`figure_words`): a search folds the text of the hits it shows, for their snippets and
highlighted words, from `documents` (packed since version 17: reader.store.texts). An entry
is taken out with the FTS5 'delete' command, which needs the words it was indexed with:
they are folded again from the document's row before that row changes or goes
(`forget_document`, `forget_entries`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reader.store.records import SearchHit
from reader.store.texts import TEXTS, stored_text, text_of, titles_and_texts
from reader.text.folding import (
    cut_snippet_folding,
    find_spans,
    fold,
    fts_match_expression,
    query_terms,
    terms_pattern,
)

if TYPE_CHECKING:
    import sqlite_utils

# bm25 weights of the index's columns: title, body.
_RANK = "bm25(search_index, 5.0, 1.0)"
# How many of a query's matches, the newest first, bm25 ranks (at least `limit`): on
# 120,000 documents, ranking 1,000 takes about 5 ms.
RANKED_MATCHES = 1000
# The index (schema version 16): contentless (content = ''), with column sizes (bm25 needs
# them), positions (phrases) and the prefix indexes of search as you type.
CREATE_SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content = '', "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5')"
)


class SearchIndex:
    """Keeps the search index of the library's documents, and searches it."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    def index_document(self, document_id: int, title: str, text: str,
                       folded: tuple[str, str] | None = None) -> None:
        """Index a new document's title and text (a document indexed before is forgotten
        first, `forget_document`); `folded`: the two already folded
        (reader.text.folding.fold), when they are."""
        folded_title, folded_text = folded if folded is not None else (fold(title), fold(text))
        with self._writer().atomic():
            self._conn.execute(
                "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
                [document_id, folded_title, folded_text],
            )

    def forget_document(self, document_id: int) -> None:
        """Take a document's entry out of the index, while its row still holds the title and
        text it was indexed with (before they change)."""
        row = self._conn.execute(
            f"SELECT d.title, t.packed_text FROM documents d JOIN {TEXTS} t ON t.id = d.id "
            "WHERE d.id = ?", [document_id]).fetchone()
        if row is not None:
            with self._writer().atomic():
                forget_entries(self._conn, [(document_id, row[0], stored_text(row[1]))])

    def search(self, query: str, limit: int = 50, language: str | None = None
               ) -> list[SearchHit]:
        """The documents that hold every word of the query, best first, at most `limit`,
        each with its snippet.

        The last word of the query may be the beginning of a word (search as you type);
        "quoted words" must follow each other. A query without words finds nothing.
        """
        return self.cut_snippets(self.find(query, limit, language), query)

    def find(self, query: str, limit: int = 50, language: str | None = None
             ) -> list[SearchHit]:
        """What `search` finds, without the snippets (each hit's `snippet` is "", with no
        matches and `match_start` -1): a list that shows a few hits at a time cuts the
        snippets of those it shows (`cut_snippets`), not of all 50 (unpacking and folding
        the text's beginning, ~20 µs a hit)."""
        terms = query_terms(query)
        expression = fts_match_expression(terms)
        if not expression or terms_pattern(terms) is None or limit <= 0:
            return []
        try:
            ranked = self._ranked(expression, limit, language)
            if not ranked:
                return []
            ids = json.dumps([document_id for document_id, _ in ranked])
            documents = {int(row[0]): row for row in self._conn.execute(
                "SELECT id, article_id, language, title FROM documents "
                "WHERE id IN (SELECT value FROM json_each(?))", [ids])}
        except sqlite3.OperationalError:
            # The expression is built to be valid for any input; should FTS5 still refuse
            # it, the search finds nothing rather than failing the reader's typing.
            return []
        return [_uncut_hit(documents[document_id], score)
                for document_id, score in ranked if document_id in documents]

    def cut_snippets(self, hits: Sequence[SearchHit], query: str) -> list[SearchHit]:
        """The hits (of `find`) with their snippets around the query's first match, in the
        same order; a hit whose document is gone meanwhile keeps no snippet."""
        pattern = terms_pattern(query_terms(query))
        if not hits or pattern is None:
            return list(hits)
        ids = json.dumps([hit.document_id for hit in hits])
        texts = dict(self._conn.execute(
            f"SELECT id, packed_text FROM {TEXTS} WHERE id IN (SELECT value FROM json_each(?))",
            [ids]).fetchall())
        return [hit if hit.document_id not in texts
                else _with_snippet(hit, stored_text(texts[hit.document_id]), pattern)
                for hit in hits]

    def _ranked(self, expression: str, limit: int, language: str | None
                ) -> list[tuple[int, float]]:
        """The best `limit` of the newest matches by bm25, as (document id, score)."""
        candidates = max(RANKED_MATCHES, limit)
        if language is None:
            newest = (f"SELECT rowid AS id, {_RANK} AS rank FROM search_index "
                      "WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?")
            arguments: list[object] = [expression, candidates, limit]
        else:
            newest = (f"SELECT search_index.rowid AS id, {_RANK} AS rank FROM search_index "
                      "CROSS JOIN documents AS d ON d.id = search_index.rowid "
                      "WHERE search_index MATCH ? AND d.language = ? "
                      "ORDER BY search_index.rowid DESC LIMIT ?")
            arguments = [expression, language, candidates, limit]
        # bm25 is lower for a better match; the score is higher. Ties: the newer first.
        rows = self._conn.execute(
            f"SELECT id, rank FROM ({newest}) ORDER BY rank, id DESC LIMIT ?", arguments
        )
        return [(int(rowid), -float(rank)) for rowid, rank in rows]


    def match_spans(self, document_id: int, query: str) -> list[tuple[int, int]]:
        """Where the query's words occur in a document's text, as (start, end) offsets of
        the text: what the pane highlights when a result is opened."""
        text = text_of(self._conn, document_id)
        return [] if text is None else find_spans(fold(text), query_terms(query))


def _uncut_hit(row: tuple[Any, ...], score: float) -> SearchHit:
    document_id, article_id, language, title = row
    return SearchHit(
        article_id=int(article_id),
        document_id=int(document_id),
        language=str(language),
        title=str(title or ""),
        snippet="",
        snippet_matches=(),
        match_start=-1,
        match_end=-1,
        score=score,
    )


def _with_snippet(hit: SearchHit, text: str, pattern: re.Pattern[str]) -> SearchHit:
    snippet = cut_snippet_folding(text, pattern)
    return hit._replace(snippet=snippet.text, snippet_matches=snippet.matches,
                        match_start=snippet.match_start, match_end=snippet.match_end)


def forget_entries(connection: sqlite3.Connection,
                   documents: Iterable[tuple[int, str | None, str | None]]) -> None:
    """Take documents' entries out of the index (inside the caller's transaction), given
    each one's id and the title and text it was indexed with: the index keeps no copy of
    them, and FTS5's 'delete' command must be given the words to take out."""
    connection.executemany(
        "INSERT INTO search_index (search_index, rowid, title, body) "
        "VALUES ('delete', ?, ?, ?)",
        [(int(document_id), fold(title or ""), fold(text or ""))
         for document_id, title, text in documents])


def create_search_index(connection: sqlite3.Connection) -> None:
    """Make the search index anew (an index left by an older version dropped) and index
    every document of the library in it."""
    connection.execute("DROP TABLE IF EXISTS search_index")
    connection.execute(CREATE_SEARCH_INDEX)
    index_all_documents(connection)


def index_all_documents(connection: sqlite3.Connection) -> None:
    """Index every document of the library (a library upgraded to the search index)."""
    connection.executemany(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
        ((document_id, fold(title), fold(text))
         for document_id, title, text in titles_and_texts(connection)),
    )
