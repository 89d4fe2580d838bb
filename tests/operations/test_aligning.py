"""Alignments are computed at import, refreshed when a text changes, and keep the reader's fixes."""

from __future__ import annotations

from pathlib import Path

from reader.operations.aligning import ensure_alignment, reset_to_automatic, save_correction
from reader.operations.corrections import merge_with_next
from reader.operations.importer import import_paths
from reader.store import ImportStatus
from reader.store.library import Library
from tests.conftest import SEED_EN, SEED_ES


def _pair(library: Library) -> tuple[int, int]:
    spanish, english = library.documents_of(library.article_summaries()[0].id)
    return spanish.id, english.id


def test_the_seed_pair_is_aligned_at_import(seeded_library: Library) -> None:
    spanish, english = _pair(seeded_library)
    alignment = seeded_library.alignments.get(spanish, english)
    assert alignment is not None
    assert [i for bead in alignment.beads for i in bead.source] == list(range(38))
    assert [j for bead in alignment.beads for j in bead.target] == list(range(39))
    assert all(0.0 <= bead.score <= 1.0 for bead in alignment.beads)
    assert not any(bead.manual for bead in alignment.beads)


def test_a_fix_survives_an_edit_of_the_text(empty_library: Library, tmp_path: Path) -> None:
    import_paths(empty_library, [SEED_ES, SEED_EN])
    spanish, english = _pair(empty_library)
    automatic = ensure_alignment(empty_library, spanish, english)
    merged = merge_with_next(automatic.beads, 5)
    save_correction(empty_library, spanish, english, merged)
    fixed = merged[5]

    edited = tmp_path / SEED_EN.name
    edited.write_text("A new opening sentence was added by the editors.\n"
                      + SEED_EN.read_text(encoding="utf-8"), encoding="utf-8")
    (result,) = import_paths(empty_library, [edited])
    assert result.status is ImportStatus.UPDATED

    again = empty_library.alignments.get(spanish, english)
    assert again is not None
    manual = [bead for bead in again.beads if bead.manual]
    assert len(manual) == 1
    assert manual[0].source == fixed.source
    assert manual[0].target == tuple(j + 1 for j in fixed.target)  # one sentence came first
    assert len(again.fixes) == 1


def test_reset_to_automatic_forgets_fixes(seeded_library: Library) -> None:
    spanish, english = _pair(seeded_library)
    automatic = ensure_alignment(seeded_library, spanish, english)
    save_correction(seeded_library, spanish, english, merge_with_next(automatic.beads, 0))
    reset = reset_to_automatic(seeded_library, spanish, english)
    assert reset.beads == automatic.beads
    stored = seeded_library.alignments.get(spanish, english)
    assert stored is not None and stored.fixes == ()


def _book(chapters: list[list[str]], source_line: str) -> str:
    """An article of several sections (chapters): blank lines between them."""
    return "\n\n".join("\n".join(chapter) for chapter in chapters) + f"\n\n{source_line}\n"


def test_a_book_is_aligned_chapter_by_chapter(empty_library: Library, tmp_path: Path) -> None:
    """Two versions of several sections, from the store: chapters first, progress per chapter."""
    english = [[f"Chapter {c} tells how the ferry of Harrowgate carried {c * 40 + k} people "
                f"across the bay in {1900 + c * 10 + k}." for k in range(6)] for c in range(4)]
    spanish = [[f"El capítulo {c} cuenta cómo el transbordador de Harrowgate llevó a "
                f"{c * 40 + k} personas por la bahía en {1900 + c * 10 + k}." for k in range(6)]
               for c in range(4)]
    (tmp_path / "en.txt").write_text(_book(english, "Source: https://example.org/ferry"),
                                     encoding="utf-8")
    (tmp_path / "es.txt").write_text(_book(spanish, "Fuente: https://example.org/ferry"),
                                     encoding="utf-8")
    import_paths(empty_library, [tmp_path / "en.txt", tmp_path / "es.txt"])
    first, second = empty_library.documents_of(empty_library.article_summaries()[0].id)
    assert len({s.section for s in empty_library.sentences(first.id)}) == 4
    empty_library.alignments.save(  # make it stale, so that it is computed again here
        empty_library.alignments.get(first.id, second.id),  # type: ignore[arg-type]
        ("old", "old"), "1")
    heard: list[tuple[int, int]] = []
    alignment = ensure_alignment(empty_library, first.id, second.id,
                                 lambda done, total, _what: heard.append((done, total)))
    assert [(b.source, b.target) for b in alignment.beads] == [((k,), (k,)) for k in range(24)]
    assert [done for done, _ in heard] == [12, 24, 36, 48, 48]
