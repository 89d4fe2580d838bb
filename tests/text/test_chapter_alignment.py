"""Long texts and books: wide beads, no omissions invented on long inputs, chapters paired."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from reader.text import alignment
from reader.text.alignment import Bead, align_sentences
from reader.text.chapter_alignment import align_sections, find_chapters, pair_chapters

TOWNS = ["Alderby", "Brinmoor", "Castlewick", "Dunhollow", "Eastmere", "Fernwood", "Glenrock",
         "Harrowgate", "Ivybridge", "Kettleby", "Larkspur", "Millbrook", "Northcliff"]


def _english(k: int) -> str:
    town = TOWNS[k % len(TOWNS)]
    return (f"In {1950 + k % 60} the council of {town} approved {k * 7 + 3} new projects "
            f"for the harbour and {k % 9 + 2} schools.")


def _spanish(k: int) -> str:
    town = TOWNS[k % len(TOWNS)]
    return (f"En {1950 + k % 60} el consejo de {town} aprobó {k * 7 + 3} proyectos nuevos "
            f"para el puerto y {k % 9 + 2} escuelas.")


def _pairs(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(bead.source, bead.target) for bead in beads}


def test_one_to_three_and_three_to_one_beads() -> None:
    english = [_english(k) for k in range(8)]
    spanish = [_spanish(k) for k in range(8)]
    target = spanish[:2] + spanish[2:5] + [" ".join(spanish[5:8])]
    source = english[:2] + [" ".join(english[2:5])] + english[5:]
    pairs = _pairs(align_sentences(source, target, "en", "es"))
    assert ((2,), (2, 3, 4)) in pairs  # one English sentence is three Spanish ones
    assert ((3, 4, 5), (5,)) in pairs  # three English sentences are one Spanish one


def test_a_long_text_is_not_cut_into_omissions() -> None:
    """A name one side writes and the other leaves out must not make a pair two omissions."""
    english = [_english(k) for k in range(400)]
    spanish = [_spanish(k) for k in range(400)]
    for k in range(5, 400, 25):  # the translator left a rare name out here and there
        english[k] = english[k].replace("the council", "Mayor Quillfeather's council")
    beads = align_sentences(english, spanish, "en", "es")
    assert all(bead.source and bead.target for bead in beads)
    assert _pairs(beads) == {((k,), (k,)) for k in range(400)}
    right = [bead.score for bead in beads]
    assert sum(score < 0.5 for score in right) <= 0.05 * len(right)


def test_chapters_are_paired_before_sentences() -> None:
    """A translation that splits a chapter in two: the halves go with the one chapter."""
    english = [_english(k) for k in range(60)]
    spanish = [_spanish(k) for k in range(60)]
    english_sections = [k // 20 for k in range(60)]  # three chapters of twenty
    spanish_sections = [0] * 20 + [1] * 10 + [2] * 10 + [3] * 20  # the second split in two
    chapters = pair_chapters(find_chapters(english, english_sections),
                             find_chapters(spanish, spanish_sections))
    assert chapters == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    progress: list[tuple[int, int]] = []
    beads = align_sections(english, spanish, "en", "es", english_sections, spanish_sections,
                           progress=lambda done, total: progress.append((done, total)))
    assert _pairs(beads) == {((k,), (k,)) for k in range(60)}
    assert progress == [(40, 120), (80, 120), (120, 120)]  # chapter by chapter


def test_a_chapter_left_out_still_covers_every_sentence_in_order() -> None:
    english = [_english(k) for k in range(50)]
    spanish = [_spanish(k) for k in range(60) if not 20 <= k < 30][:40]
    english_sections = [k // 20 for k in range(50)]  # the Spanish leaves out chapter 2's half
    spanish_sections = [0] * 20 + [1] * 20
    beads = align_sections(english, spanish, "en", "es", english_sections, spanish_sections)
    assert [i for bead in beads for i in bead.source] == list(range(50))
    assert [j for bead in beads for j in bead.target] == list(range(40))


def test_chapters_in_two_processes_give_the_beads_of_one() -> None:
    """The parallel path: the same beads and scores, in order, and progress to the end."""
    english = [_english(k) for k in range(120)]
    spanish = [_spanish(k) for k in range(120)]
    spanish[30:33] = [" ".join(spanish[30:33])]  # a 3-1 bead in the second chapter
    del spanish[70]  # an omission in the fourth
    english_sections = [k // 20 for k in range(120)]
    spanish_sections = [k // 20 for k in range(30)] + [k // 20 for k in range(33, 71)] + [
        k // 20 for k in range(71, 120)]
    serial = align_sections(english, spanish, "en", "es", english_sections, spanish_sections,
                            workers=1)
    progress: list[tuple[int, int]] = []
    parallel = align_sections(english, spanish, "en", "es", english_sections, spanish_sections,
                              progress=lambda done, total: progress.append((done, total)),
                              workers=2)
    assert parallel == serial
    assert ((30, 31, 32), (30,)) in _pairs(parallel)
    assert progress[-1] == (len(english) + len(spanish),) * 2
    assert len(progress) == 6  # one step a chapter


def test_hopeless_beads_left_unpriced_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beads whose cost is only bounded give the beads and scores of costs worked out fully."""
    english = [("the harbour was busy and the ships came in all day. " * (k % 6 + 1))
               + f"it counted {k * 7 + 3}." for k in range(80)]
    spanish = [("el puerto estaba lleno y los barcos llegaban todo el dia. " * (k % 6 + 1))
               + f"contaba {k * 7 + 3}." for k in range(80)]
    spanish[10:13] = [" ".join(spanish[10:13])]
    english[40:42] = [" ".join(english[40:42])]
    del spanish[60]
    priced: list[int] = []
    matched, matcher = alignment._Anchors.matched, alignment._Anchors.matcher

    def counted(self: alignment._Anchors, *bead: int) -> float:
        priced.append(1)
        return matched(self, *bead)

    def counting_matcher(self: alignment._Anchors, *row: int) -> Callable[[int], float]:
        matched_at = matcher(self, *row)

        def counted_at(j0: int) -> float:
            priced.append(1)
            return matched_at(j0)

        return counted_at

    monkeypatch.setattr(alignment._Anchors, "matched", counted)
    monkeypatch.setattr(alignment._Anchors, "matcher", counting_matcher)
    bounded = align_sentences(english, spanish, "en", "es")
    bounded_work = len(priced)
    monkeypatch.setattr(alignment, "HOPELESS_BEAD", math.inf)
    priced.clear()
    exact = align_sentences(english, spanish, "en", "es")
    assert bounded_work < len(priced)  # some beads were left unpriced
    assert [(b.source, b.target) for b in bounded] == [(b.source, b.target) for b in exact]
    assert ((10, 11, 12), (10,)) in _pairs(exact) and ((40,), (38, 39)) in _pairs(exact)
    assert [b.score for b in bounded] == pytest.approx([b.score for b in exact], abs=1e-9)
