"""The reader's corrections of an alignment, as pure functions from beads to beads.

Every bead a correction touches becomes manual (score 1.0): the reader has decided it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.store.records import AlignedBead

Beads = tuple[AlignedBead, ...]


def _manual(source: Sequence[int], target: Sequence[int]) -> AlignedBead:
    return AlignedBead(tuple(source), tuple(target), 1.0, True)


def merge_with_next(beads: Sequence[AlignedBead], row: int) -> Beads:
    """Join a row with the row below it."""
    if not 0 <= row < len(beads) - 1:
        raise IndexError(row)
    first, second = beads[row], beads[row + 1]
    merged = _manual(first.source + second.source, first.target + second.target)
    return (*beads[:row], merged, *beads[row + 2:])


def split_row(beads: Sequence[AlignedBead], row: int, source_at: int, target_at: int) -> Beads:
    """Split a row in two: the first `source_at` and `target_at` sentences stay above."""
    bead = beads[row]
    if not (0 <= source_at <= len(bead.source) and 0 <= target_at <= len(bead.target)):
        raise ValueError("split point outside the row")
    upper = _manual(bead.source[:source_at], bead.target[:target_at])
    lower = _manual(bead.source[source_at:], bead.target[target_at:])
    if not (upper.source or upper.target) or not (lower.source or lower.target):
        raise ValueError("a split must leave sentences in both rows")
    return (*beads[:row], upper, lower, *beads[row + 1:])


def split_before(beads: Sequence[AlignedBead], row: int, side: int, index: int) -> Beads:
    """Split a row before its `index`-th sentence on one side (0 source, 1 target).

    The other side is cut in the same proportion, so that 2-2 becomes 1-1 and 1-1.
    """
    bead = beads[row]
    this, other = (bead.source, bead.target) if side == 0 else (bead.target, bead.source)
    if not 0 < index < len(this) + (1 if other else 0):
        raise ValueError("nothing to split there")
    other_at = min(len(other), int(index * len(other) / max(len(this), 1) + 0.5))
    at = (index, other_at) if side == 0 else (other_at, index)
    return split_row(beads, row, *at)


def move_sentence(beads: Sequence[AlignedBead], row: int, side: int, direction: int) -> Beads:
    """Move a row's first sentence (on one side) to the row above, or its last to the row below.

    A row left without sentences disappears.
    """
    neighbour = row + direction
    if direction not in (-1, 1) or not 0 <= neighbour < len(beads):
        raise IndexError(neighbour)
    bead, other = beads[row], beads[neighbour]
    sentences = list(bead.source if side == 0 else bead.target)
    if not sentences:
        raise ValueError("no sentence to move on that side")
    moved = sentences.pop(0 if direction < 0 else -1)
    target = list(other.source if side == 0 else other.target)
    target = [*target, moved] if direction < 0 else [moved, *target]
    if side == 0:
        new_bead, new_other = _manual(sentences, bead.target), _manual(target, other.target)
    else:
        new_bead, new_other = _manual(bead.source, sentences), _manual(other.source, target)
    updated = list(beads)
    updated[row], updated[neighbour] = new_bead, new_other
    return tuple(b for b in updated if b.source or b.target)
