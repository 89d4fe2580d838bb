"""Bad input: every problem file is reported by name with a reason, the rest goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.operations.importer import import_paths
from reader.store import ImportStatus
from reader.store.library import Library
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_SV


def _failures(results: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {r.path.name: r.reason for r in results if r.status is ImportStatus.FAILED}


def test_each_bad_file_is_reported_and_leaves_no_trace(empty_library: Library,
                                                       tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a_latin1.txt").write_bytes("Señor Pérez dijo que sí.".encode("latin-1"))
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_blank.txt").write_text("  \n\n \t\n")
    (folder / "d_binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    (folder / "e_huge.txt").write_bytes(b"word " * (21 * 1024 * 1024 // 5))
    (folder / "f_good.txt").write_bytes(SEED_SV.read_bytes())
    (folder / "g_bom.txt").write_bytes(b"\xef\xbb\xbf" + SEED_NB.read_bytes())
    empty_folder = tmp_path / "nothing-here"
    empty_folder.mkdir()
    (empty_folder / "picture.png").write_bytes(b"\x89PNG")
    missing = tmp_path / "does-not-exist.txt"

    results = import_paths(empty_library, [folder, empty_folder, missing])

    failures = _failures(results)
    assert failures == {
        "a_latin1.txt": "not valid UTF-8 text (byte 0xf1 at offset 2)",
        "b_empty.txt": "empty file",
        "c_blank.txt": "file holds only whitespace",
        "d_binary.txt": "binary file, not text",
        "e_huge.txt": "file is too large (21.0 MB; the limit is 20 MB)",
        "nothing-here": "folder holds no files to import "
                        "(*.txt, *.text, *.html, *.htm, *.xhtml, *.md, *.markdown, *.epub, "
                        "*.pdf, *.docx, *.odt, *.tmx, *.xlf, *.xliff, *.tsv, *.csv)",
        "does-not-exist.txt": "no such file or folder",
    }
    imported = [r.path.name for r in results if r.status is ImportStatus.IMPORTED]
    assert imported == ["f_good.txt", "g_bom.txt"]
    assert empty_library.document_count() == 2
    assert [d.file_name for d in empty_library.all_documents()] == ["f_good.txt", "g_bom.txt"]


def test_a_file_named_directly_in_no_known_format_is_reported(empty_library: Library,
                                                              tmp_path: Path) -> None:
    article = tmp_path / "article.rtf"
    article.write_bytes(SEED_SV.read_bytes())
    (result,) = import_paths(empty_library, [article])
    assert (result.status, result.reason) == (ImportStatus.FAILED, "not a supported format: .rtf")
    assert empty_library.document_count() == 0


def test_a_file_named_directly_is_read_whatever_the_case_of_its_suffix(
        empty_library: Library, tmp_path: Path) -> None:
    article = tmp_path / "ARTICLE.TXT"
    article.write_bytes(SEED_SV.read_bytes())
    (result,) = import_paths(empty_library, [article])
    assert result.status is ImportStatus.IMPORTED


def test_hidden_files_in_folders_are_skipped(empty_library: Library, tmp_path: Path) -> None:
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_bytes(SEED_SV.read_bytes())
    (tmp_path / "visible.txt").write_bytes(SEED_NB.read_bytes())
    results = import_paths(empty_library, [tmp_path])
    assert [r.path.name for r in results] == ["visible.txt"]


def test_cancelled_import_keeps_what_finished(empty_library: Library, tmp_path: Path) -> None:
    for name, seed in (("1.txt", SEED_SV), ("2.txt", SEED_NB)):
        (tmp_path / name).write_bytes(seed.read_bytes())
    done: list[int] = []
    results = import_paths(empty_library, [tmp_path],
                           progress=lambda d, total, path: done.append(d),
                           cancelled=lambda: len(done) >= 1)
    assert [r.status for r in results] == [ImportStatus.IMPORTED]
    assert empty_library.document_count() == 1


def test_workers_keep_the_readers_alignment_fixes(empty_library: Library,
                                                  tmp_path: Path) -> None:
    from reader.operations.aligning import ensure_alignment, save_correction
    from reader.operations.corrections import merge_with_next

    import_paths(empty_library, [SEED_ES, SEED_EN], workers=2)
    spanish, english = (d.id for d in empty_library.all_documents())
    automatic = empty_library.alignments.get(spanish, english)
    assert automatic is not None and automatic == ensure_alignment(empty_library, spanish,
                                                                   english)
    save_correction(empty_library, spanish, english, merge_with_next(automatic.beads, 5))

    edited = tmp_path / "edited" / SEED_EN.name
    edited.parent.mkdir()
    edited.write_text("A new opening sentence was added by the editors.\n"
                      + SEED_EN.read_text(encoding="utf-8"), encoding="utf-8")
    (result,) = import_paths(empty_library, [edited], workers=2)
    assert result.status is ImportStatus.UPDATED
    again = empty_library.alignments.get(spanish, english)
    assert again is not None and len(again.fixes) == 1
    assert sum(1 for bead in again.beads if bead.manual) == 1


def _write_settings(library: Library) -> tuple[int, int]:
    connection = library._conn
    return (int(connection.execute("PRAGMA cache_size").fetchone()[0]),
            int(connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))


def test_an_import_with_workers_writes_with_a_larger_cache_then_puts_it_back(
        empty_library: Library) -> None:
    from reader.store.library import BULK_CACHE_KIB, BULK_CHECKPOINT_PAGES

    before = _write_settings(empty_library)
    during: list[tuple[int, int]] = []
    results = import_paths(empty_library, [SEED_ES, SEED_EN, SEED_SV], workers=2,
                           stored=lambda result: during.append(_write_settings(empty_library)))
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 3
    assert during == [(-BULK_CACHE_KIB, BULK_CHECKPOINT_PAGES)] * 3
    assert _write_settings(empty_library) == before == (-2000, 1000)
    # The log is in the file at the end (read without the log: the file alone holds them).
    file_alone = sqlite3.connect(f"file:{empty_library.path}?immutable=1", uri=True)
    try:
        stored = {row[0] for row in file_alone.execute("SELECT file_name FROM documents")}
    finally:
        file_alone.close()
    assert stored == {SEED_ES.name, SEED_EN.name, SEED_SV.name}


def test_bulk_writes_put_the_settings_back_when_a_write_fails(empty_library: Library) -> None:
    before = _write_settings(empty_library)
    try:
        with empty_library.bulk_writes():
            assert _write_settings(empty_library) != before
            raise RuntimeError("a write failed")
    except RuntimeError:
        pass
    assert _write_settings(empty_library) == before
