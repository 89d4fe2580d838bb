"""Stored sentence alignments: one per pair of language versions, with the reader's fixes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.store.records import AlignedBead, AlignmentFix, SentenceAlignment

if TYPE_CHECKING:
    import sqlite_utils


class AlignmentStore:
    """Reads and writes alignments; a pair is stored once, lower document id first."""

    def __init__(self, connection: sqlite3.Connection,
                 writer: Callable[[], sqlite_utils.Database]) -> None:
        self._conn = connection
        self._writer = writer

    def get(self, source_document_id: int, target_document_id: int) -> SentenceAlignment | None:
        """The stored alignment of two documents, oriented as asked, or None."""
        low, high = sorted((source_document_id, target_document_id))
        row = self._conn.execute(
            "SELECT id FROM alignments WHERE source_document_id = ? AND target_document_id = ?",
            [low, high],
        ).fetchone()
        if row is None:
            return None
        alignment_id = int(row[0])
        beads = tuple(
            AlignedBead(tuple(range(s0, s1)), tuple(range(t0, t1)), float(score), bool(manual))
            for s0, s1, t0, t1, score, manual in self._conn.execute(
                "SELECT source_start, source_end, target_start, target_end, score, manual "
                "FROM beads WHERE alignment_id = ? ORDER BY position",
                [alignment_id],
            )
        )
        fixes = tuple(
            AlignmentFix(tuple(json.loads(source)), tuple(json.loads(target)))
            for source, target in self._conn.execute(
                "SELECT source_sentences, target_sentences FROM alignment_fixes "
                "WHERE alignment_id = ? ORDER BY id",
                [alignment_id],
            )
        )
        alignment = SentenceAlignment(low, high, beads, fixes)
        return alignment if low == source_document_id else alignment.flipped()

    def stamp(self, source_document_id: int,
              target_document_id: int) -> tuple[str, str, str] | None:
        """(source hash, target hash, aligner version) the stored alignment was computed from."""
        low, high = sorted((source_document_id, target_document_id))
        row = self._conn.execute(
            "SELECT source_hash, target_hash, aligner_version FROM alignments "
            "WHERE source_document_id = ? AND target_document_id = ?",
            [low, high],
        ).fetchone()
        if row is None:
            return None
        hashes = (str(row[0]), str(row[1]))
        if low != source_document_id:
            hashes = hashes[::-1]
        return hashes[0], hashes[1], str(row[2])

    def stamp_and_hashes(self, source_document_id: int, target_document_id: int
                         ) -> tuple[tuple[str, str, str] | None, tuple[str, str]]:
        """In one query: the stored alignment's stamp (as `stamp`, None when there is none)
        and the two documents' current content hashes, oriented as asked. Raises KeyError
        for a document that is not there."""
        low, high = sorted((source_document_id, target_document_id))
        row = self._conn.execute(
            "SELECT low.content_hash, high.content_hash, a.source_hash, a.target_hash, "
            "a.aligner_version FROM documents low JOIN documents high ON high.id = ? "
            "LEFT JOIN alignments a ON a.source_document_id = low.id "
            "AND a.target_document_id = high.id WHERE low.id = ?",
            [high, low],
        ).fetchone()
        if row is None:
            raise KeyError((source_document_id, target_document_id))
        hashes = (str(row[0]), str(row[1]))
        stamped = None if row[4] is None else (str(row[2]), str(row[3]))
        if low != source_document_id:
            hashes = (hashes[1], hashes[0])
            stamped = None if stamped is None else (stamped[1], stamped[0])
        stamp = None if stamped is None else (stamped[0], stamped[1], str(row[4]))
        return stamp, hashes

    def save(self, alignment: SentenceAlignment, hashes: tuple[str, str],
             aligner_version: str) -> None:
        """Store an alignment (beads and fixes) of two documents, replacing any earlier one."""
        if alignment.source_document_id > alignment.target_document_id:
            alignment = alignment.flipped()
            hashes = (hashes[1], hashes[0])
        db = self._writer()
        with db.atomic():
            row = self._conn.execute(
                "SELECT id FROM alignments WHERE source_document_id = ? "
                "AND target_document_id = ?",
                [alignment.source_document_id, alignment.target_document_id],
            ).fetchone()
            now = datetime.now(UTC).isoformat(timespec="seconds")
            if row is None:
                cursor = self._conn.execute(
                    "INSERT INTO alignments (source_document_id, target_document_id, "
                    "source_hash, target_hash, aligner_version, computed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [alignment.source_document_id, alignment.target_document_id,
                     hashes[0], hashes[1], aligner_version, now],
                )
                assert cursor.lastrowid is not None
                alignment_id = int(cursor.lastrowid)
            else:
                alignment_id = int(row[0])
                self._conn.execute(
                    "UPDATE alignments SET source_hash = ?, target_hash = ?, "
                    "aligner_version = ?, computed_at = ? WHERE id = ?",
                    [hashes[0], hashes[1], aligner_version, now, alignment_id],
                )
                self._conn.execute("DELETE FROM beads WHERE alignment_id = ?", [alignment_id])
                self._conn.execute("DELETE FROM alignment_fixes WHERE alignment_id = ?",
                                   [alignment_id])
            self._conn.executemany(
                "INSERT INTO beads (alignment_id, position, source_start, source_end, "
                "target_start, target_end, score, manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(alignment_id, position, *source, *target, bead.score, int(bead.manual))
                 for position, (bead, source, target) in enumerate(_spans(alignment.beads))],
            )
            self._conn.executemany(
                "INSERT INTO alignment_fixes (alignment_id, source_sentences, target_sentences, "
                "created_at) VALUES (?, ?, ?, ?)",
                [(alignment_id, json.dumps(fix.source_sentences, ensure_ascii=False),
                  json.dumps(fix.target_sentences, ensure_ascii=False), now)
                 for fix in alignment.fixes],
            )

    def forget_document(self, document_id: int) -> None:
        """Drop every alignment a document takes part in."""
        db = self._writer()
        with db.atomic():
            ids = [row[0] for row in self._conn.execute(
                "SELECT id FROM alignments WHERE source_document_id = ? "
                "OR target_document_id = ?", [document_id, document_id])]
            for alignment_id in ids:
                self._conn.execute("DELETE FROM beads WHERE alignment_id = ?", [alignment_id])
                self._conn.execute("DELETE FROM alignment_fixes WHERE alignment_id = ?",
                                   [alignment_id])
                self._conn.execute("DELETE FROM alignments WHERE id = ?", [alignment_id])


def _spans(
    beads: Sequence[AlignedBead],
) -> list[tuple[AlignedBead, tuple[int, int], tuple[int, int]]]:
    """Each bead with its sides as half-open ranges; an empty side sits where it would be."""
    spans = []
    next_source = next_target = 0
    for bead in beads:
        source = (bead.source[0], bead.source[-1] + 1) if bead.source else (next_source,) * 2
        target = (bead.target[0], bead.target[-1] + 1) if bead.target else (next_target,) * 2
        next_source, next_target = source[1], target[1]
        spans.append((bead, source, target))
    return spans
