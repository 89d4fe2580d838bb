"""Corrections keep every sentence exactly once, in order, and mark what the reader decided."""

from __future__ import annotations

import pytest

from reader.operations.corrections import merge_with_next, move_sentence, split_before
from reader.store.records import AlignedBead


def _beads(*pairs: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[AlignedBead, ...]:
    return tuple(AlignedBead(s, t, 0.9) for s, t in pairs)


def _flat(beads: tuple[AlignedBead, ...]) -> tuple[list[int], list[int]]:
    return ([i for b in beads for i in b.source], [j for b in beads for j in b.target])


BEADS = _beads(((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((4,), ()))


def test_merge_with_next() -> None:
    merged = merge_with_next(BEADS, 1)
    assert [(b.source, b.target, b.manual) for b in merged] == [
        ((0,), (0,), False), ((1, 2, 3), (1, 2, 3), True), ((4,), (), False)]
    with pytest.raises(IndexError):
        merge_with_next(BEADS, 3)


def test_split_before_cuts_both_sides_in_proportion() -> None:
    two_two = _beads(((0, 1), (0, 1)))
    assert [(b.source, b.target) for b in split_before(two_two, 0, 0, 1)] == [
        ((0,), (0,)), ((1,), (1,))]
    one_two = split_before(BEADS, 1, 1, 1)
    assert [(b.source, b.target) for b in one_two[1:3]] == [((1,), (1,)), ((), (2,))]
    with pytest.raises(ValueError):
        split_before(BEADS, 0, 0, 0)


def test_move_sentence_up_and_down() -> None:
    up = move_sentence(BEADS, 2, 0, -1)
    assert [(b.source, b.target) for b in up[1:3]] == [((1, 2), (1, 2)), ((3,), (3,))]
    down = move_sentence(BEADS, 1, 1, +1)
    assert [(b.source, b.target) for b in down[1:3]] == [((1,), (1,)), ((2, 3), (2, 3))]
    emptied = move_sentence(_beads(((0,), (0,)), ((1,), ())), 1, 0, -1)
    assert [(b.source, b.target) for b in emptied] == [((0, 1), (0,))]


@pytest.mark.parametrize("edit", [
    lambda b: merge_with_next(b, 0), lambda b: split_before(b, 2, 0, 1),
    lambda b: move_sentence(b, 1, 1, -1), lambda b: move_sentence(b, 3, 0, -1),
])
def test_every_sentence_stays_once_in_order(edit) -> None:  # type: ignore[no-untyped-def]
    assert _flat(edit(BEADS)) == _flat(BEADS)
