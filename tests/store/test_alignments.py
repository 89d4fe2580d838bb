"""Stored alignments: beads and fixes survive a round trip, from either side."""

from __future__ import annotations

from pathlib import Path

from reader.store.library import Library
from reader.store.records import AlignedBead, AlignmentFix, SentenceAlignment


def test_alignment_round_trip_from_both_sides(seeded_library: Library, library_path: Path) -> None:
    spanish, english = seeded_library.documents_of(seeded_library.article_summaries()[0].id)
    beads = (
        AlignedBead((0,), (0,), 0.95),
        AlignedBead((1, 2), (1,), 0.7, manual=True),
        AlignedBead((3,), (), 0.2),
        AlignedBead((), (2,), 0.3),
        AlignedBead((4,), (3, 4), 0.8),
    )
    fix = AlignmentFix(("uno.", "dos."), ("one and two.",))
    seeded_library.alignments.save(
        SentenceAlignment(english.id, spanish.id, tuple(b.flipped() for b in beads),
                          (fix.flipped(),)),
        ("h-en", "h-es"), "test-1",
    )
    reopened = Library.open(library_path)
    stored = reopened.alignments.get(spanish.id, english.id)
    assert stored is not None
    assert stored.beads == beads
    assert stored.fixes == (fix,)
    assert reopened.alignments.stamp(spanish.id, english.id) == ("h-es", "h-en", "test-1")
    flipped = reopened.alignments.get(english.id, spanish.id)
    assert flipped is not None and flipped.beads[1] == AlignedBead((1,), (1, 2), 0.7, True)
    reopened.close()


def test_no_alignment_for_an_unaligned_pair(seeded_library: Library) -> None:
    assert seeded_library.alignments.get(3, 4) is None


def test_sentences_of_a_document(seeded_library: Library) -> None:
    spanish = seeded_library.documents_of(seeded_library.article_summaries()[0].id)[0]
    sentences = seeded_library.sentences(spanish.id)
    assert len(sentences) == spanish.sentences
    assert sentences[0].text.startswith("Camaradas: Quan Minh Cuong")
    assert [s.position for s in sentences] == list(range(len(sentences)))
    assert sentences[-1].paragraph == spanish.paragraphs - 1
