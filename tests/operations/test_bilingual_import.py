"""A bilingual file imported through the command line is one article in two languages whose
alignment is the file's own: set by hand, confidence 1, never redone by a newer aligner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.app import open_library
from reader.cli import main
from reader.operations.aligning import (
    align_article,
    current_alignment,
    ensure_alignment,
    pending_alignments,
    save_correction,
)
from reader.operations.corrections import merge_with_next
from reader.operations.importer import import_paths
from reader.store.library import Library
from reader.text import versions
from tests.conftest import SEED_EN, SEED_ES
from tests.formats.bilingual_files import (
    seed_paragraphs,
    table_file,
    tmx_file,
    xliff2_file,
    xliff12_file,
)

MAKERS: dict[str, Callable[[Path], Path]] = {
    "pair.tmx": tmx_file, "pair.xlf": xliff12_file, "pair.xliff": xliff2_file,
    "pair.tsv": table_file, "pair.csv": table_file,
}


def _file_article(library: Library) -> int:
    (article,) = [a for a in library.article_summaries()
                  if any(d.file_name.startswith("pair.") for d in library.documents_of(a.id))]
    return article.id


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_bilingual_file_is_one_article_aligned_as_the_file_says(
        name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = MAKERS[name](tmp_path / name)
    db = tmp_path / "lib.sqlite"
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"imported: {path}\n"
    library = Library.open(db)
    try:
        article_id = _file_article(library)
        spanish, english = library.documents_of(article_id)
        assert (spanish.language, english.language) == ("es", "en")
        expected = seed_paragraphs()
        assert [s.text for s in library.sentences(spanish.id)] == [es for es, _ in expected]
        assert [s.text for s in library.sentences(english.id)] == [en for _, en in expected]
        assert library.document_text(english.id).text == "\n".join(en for _, en in expected)
        alignment = current_alignment(library, spanish.id, english.id)
        assert alignment is not None
        assert [(b.source, b.target, b.score, b.manual) for b in alignment.beads] == [
            ((i,), (i,), 1.0, True) for i in range(len(expected))]
        assert library.alignments.stamp(spanish.id, english.id) == (
            library.content_hash_of(spanish.id), library.content_hash_of(english.id),
            versions.FILE_ALIGNMENT)
    finally:
        library.close()
    assert main(["import", str(path), "--db", str(db)]) == 0  # the same file again
    assert capsys.readouterr().out == f"duplicate: {path}: already in the library\n"


def test_an_aligner_upgrade_redoes_computed_alignments_and_never_a_files(
        tmp_path: Path) -> None:
    """A library whose automatic alignments an older aligner made (as every library is after
    an upgrade): the real upgrade path aligns those again and leaves the file's as it is."""
    library = open_library(tmp_path / "lib.sqlite")  # seeded: the seed pair is aligned
    try:
        (imported,) = import_paths(library, [tmx_file(tmp_path / "pair.tmx")])
        file_source, file_target = imported.document_ids
        seed_article = library.article_summaries()[0].id
        seed_source, seed_target = (d.id for d in library.documents_of(seed_article))
        computed = library.alignments.get(seed_source, seed_target)
        assert computed is not None
        older = str(int(versions.ALIGNER_VERSION) - 1)
        with library.batch():  # what the previous release stored for both pairs
            library.alignments.save(
                computed, (library.content_hash_of(seed_source),
                           library.content_hash_of(seed_target)), older)
        from_file = library.alignments.get(file_source, file_target)

        assert current_alignment(library, seed_source, seed_target) is None
        assert current_alignment(library, file_source, file_target) == from_file
        jobs, with_fixes = pending_alignments(library, imported.article_id or 0)
        assert jobs == [] and with_fixes == []
        for article in library.article_summaries():
            align_article(library, article.id)

        stamp = library.alignments.stamp(seed_source, seed_target)
        assert stamp is not None and stamp[2] == versions.ALIGNER_VERSION
        assert library.alignments.get(file_source, file_target) == from_file
        assert library.alignments.stamp(file_source, file_target) == (
            library.content_hash_of(file_source), library.content_hash_of(file_target),
            versions.FILE_ALIGNMENT)
        assert ensure_alignment(library, file_source, file_target) == from_file
    finally:
        library.close()


def test_a_file_alignment_corrected_by_hand_stays_the_files(empty_library: Library,
                                                            tmp_path: Path) -> None:
    (imported,) = import_paths(empty_library, [tmx_file(tmp_path / "pair.tmx")])
    source, target = imported.document_ids
    from_file = empty_library.alignments.get(source, target)
    assert from_file is not None
    merged = merge_with_next(from_file.beads, 0)
    save_correction(empty_library, source, target, merged)
    stamp = empty_library.alignments.stamp(source, target)
    assert stamp is not None and stamp[2] == versions.FILE_ALIGNMENT
    corrected = current_alignment(empty_library, source, target)
    assert corrected is not None and corrected.beads[0].source == (0, 1)


def test_a_bilingual_file_joins_the_article_of_its_text_already_there(
        empty_library: Library, tmp_path: Path) -> None:
    pairs = seed_paragraphs()[:3]
    import_paths(empty_library, [tmx_file(tmp_path / "first.tmx", pairs)])
    (again,) = import_paths(empty_library, [xliff2_file(tmp_path / "same.xliff", pairs)])
    assert again.status.value == "duplicate"
    assert len(empty_library.article_summaries()) == 1


def test_bad_bilingual_files_leave_no_trace(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.sqlite"
    assert main(["list", "--json", "--db", str(db)]) == 0
    before = capsys.readouterr().out
    bomb = tmp_path / "bomb.tmx"
    bomb.write_bytes(b'<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                     b"<tmx><body>&b;</body></tmx>")
    cut = tmp_path / "cut.xlf"
    cut.write_bytes(xliff12_file(tmp_path / "whole.xlf").read_bytes()[:900])
    liar = tmp_path / "liar.tmx"
    liar.write_bytes(SEED_ES.read_bytes())
    empty_target = tmp_path / "empty.tsv"
    empty_target.write_text("es\ten\nHola.\t\n", encoding="utf-8")
    assert main(["import", str(bomb), str(cut), str(liar), str(empty_target),
                 "--db", str(db)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(": ", 2)[2] for line in lines] == [
        "refused: the file declares XML entities or a document type with external "
        "references, which could make it expand without bound (EntitiesForbidden)",
        lines[1].split(": ", 2)[2],
        "not a TMX file: it is not XML",
        "its target language (en) has no text",
    ]
    assert lines[1].split(": ", 2)[2].startswith("not well-formed XML")
    assert main(["list", "--json", "--db", str(db)]) == 0
    assert capsys.readouterr().out == before


def test_a_text_file_and_a_bilingual_file_of_the_same_text_are_two_documents(
        empty_library: Library, tmp_path: Path) -> None:
    import_paths(empty_library, [SEED_ES, SEED_EN])
    (pair,) = import_paths(empty_library, [tmx_file(tmp_path / "pair.tmx")])
    assert pair.status.value == "imported" and len(pair.document_ids) == 2
    assert len(empty_library.article_summaries()) == 2


def test_worker_processes_import_bilingual_files_as_this_process_does(
        empty_library: Library, tmp_path: Path) -> None:
    files = [tmx_file(tmp_path / "a.tmx", seed_paragraphs()[:4]),
             xliff2_file(tmp_path / "b.xliff", seed_paragraphs()[4:8]),
             table_file(tmp_path / "c.tsv", seed_paragraphs()[8:])]
    results = import_paths(empty_library, files, workers=2)
    assert [r.status.value for r in results] == ["imported"] * 3
    for result in results:
        source, target = result.document_ids
        alignment = current_alignment(empty_library, source, target)
        assert alignment is not None and all(b.manual for b in alignment.beads)
        stamp = empty_library.alignments.stamp(source, target)
        assert stamp is not None and stamp[2] == versions.FILE_ALIGNMENT
