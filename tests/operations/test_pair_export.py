"""A translation pair written out and read back: TMX and XLIFF give the same beads, with the
aligner's confidence and "corrected by hand" kept as the file's properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import open_library
from reader.operations.aligning import ensure_alignment, save_correction
from reader.operations.corrections import merge_with_next
from reader.operations.importer import import_paths
from reader.operations.pair_export import NoPair, export_pair, pair_export
from reader.store.library import Library

Beads = list[tuple[tuple[str, ...], tuple[str, ...]]]


def _seed_pair(library: Library) -> tuple[int, int, int]:
    article = next(a for a in library.article_summaries() if len(a.languages) == 2)
    spanish, english = library.documents_of(article.id)
    return article.id, spanish.id, english.id


def _beads(library: Library, source_id: int, target_id: int) -> Beads:
    """Each bead as the texts of its sentences, side by side."""
    alignment = library.alignments.get(source_id, target_id)
    assert alignment is not None
    left, right = library.sentences(source_id), library.sentences(target_id)
    return [(tuple(left[i].text for i in bead.source), tuple(right[j].text for j in bead.target))
            for bead in alignment.beads]


def _paragraphs(library: Library, document_id: int) -> list[str]:
    return [p.text for p in library.document_text(document_id).paragraphs]


@pytest.mark.parametrize(("file_format", "suffix"), [("tmx", ".tmx"), ("xliff", ".xlf")])
def test_a_pair_written_and_read_back_has_the_same_beads(
        file_format: str, suffix: str, seeded_library: Library, tmp_path: Path) -> None:
    article_id, spanish, english = _seed_pair(seeded_library)
    automatic = ensure_alignment(seeded_library, spanish, english)
    # A correction, so that a bead of several sentences on one side is written too.
    corrected = save_correction(seeded_library, spanish, english,
                                merge_with_next(automatic.beads, 3))
    assert any(len(bead.source) > 1 for bead in corrected.beads)
    content, rows = export_pair(seeded_library, article_id, file_format)
    assert rows == len(corrected.beads)
    written = tmp_path / f"pair{suffix}"
    written.write_bytes(content)

    other = open_library(tmp_path / "other.sqlite")
    try:
        (result,) = import_paths(other, [written])
        assert result.status.value == "imported"
        source, target = result.document_ids
        assert [d.language for d in other.documents_of(result.article_id or 0)] == ["es", "en"]
        assert _beads(other, source, target) == _beads(seeded_library, spanish, english)
        assert _paragraphs(other, source) == _paragraphs(seeded_library, spanish)
        assert _paragraphs(other, target) == _paragraphs(seeded_library, english)
        again = other.alignments.get(source, target)
        assert again is not None and all(b.manual and b.score == 1.0 for b in again.beads)
    finally:
        other.close()


def test_tmx_units_carry_confidence_and_corrected_by_hand(seeded_library: Library) -> None:
    from xml.etree.ElementTree import fromstring

    article_id, spanish, english = _seed_pair(seeded_library)
    automatic = ensure_alignment(seeded_library, spanish, english)
    save_correction(seeded_library, spanish, english, merge_with_next(automatic.beads, 0))
    content, _rows = export_pair(seeded_library, article_id, "tmx")
    units = fromstring(content).findall("./body/tu")
    assert len(units) == len(automatic.beads) - 1
    properties = [{p.get("type"): p.text for p in tu.findall("prop")} for tu in units]
    assert properties[0] == {"x-confidence": "1.000", "x-corrected-by-hand": "yes"}
    assert properties[1]["x-corrected-by-hand"] == "no"
    assert properties[1]["x-confidence"] == f"{automatic.beads[2].score:.3f}"
    assert units[0].findall("tuv")[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "es"


def test_the_languages_asked_for_choose_and_order_the_pair(seeded_library: Library) -> None:
    article_id, _spanish, _english = _seed_pair(seeded_library)
    pair = pair_export(seeded_library, article_id, ("en", "es"))
    assert (pair.source_language, pair.target_language) == ("en", "es")
    assert pair.rows[0].source[0].startswith("Comrades")
    with pytest.raises(NoPair, match=r"the article has no ru version \(it has es, en\)"):
        pair_export(seeded_library, article_id, ("ru", "en"))
    single = next(a for a in seeded_library.article_summaries() if len(a.languages) == 1)
    with pytest.raises(NoPair, match="the article has one language version"):
        pair_export(seeded_library, single.id)
    with pytest.raises(NoPair, match="no article 999"):
        pair_export(seeded_library, 999)
