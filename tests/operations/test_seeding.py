"""A new library gets the seeds once, and is not marked as seeded when there were none."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader.app
from reader.app import open_library
from reader.bundled import seed_files
from reader.operations.seeding import is_seeded, seed_new_library
from reader.store import ImportStatus
from reader.store.library import Library
from tests.conftest import SEED_NB, SEEDS


def test_the_source_tree_has_the_five_seeds() -> None:
    assert seed_files() == sorted(SEEDS.glob("*.txt")) and len(seed_files()) == 5


def test_a_new_library_gets_the_seeds_once(empty_library: Library) -> None:
    results = seed_new_library(empty_library, seed_files())
    assert [result.status for result in results] == [ImportStatus.IMPORTED] * 5
    assert is_seeded(empty_library)
    assert seed_new_library(empty_library, seed_files()) == []
    assert empty_library.document_count() == 5


def test_without_seed_files_a_new_library_is_not_marked(empty_library: Library) -> None:
    assert seed_new_library(empty_library, []) == []
    assert not is_seeded(empty_library)
    # A complete installation later seeds it.
    assert len(seed_new_library(empty_library, seed_files())) == 5
    assert is_seeded(empty_library)


def test_seeds_that_all_fail_leave_it_unmarked(empty_library: Library, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe not an article")
    assert [r.status for r in seed_new_library(empty_library, [broken])] == [ImportStatus.FAILED]
    assert not is_seeded(empty_library)


def test_a_library_with_documents_of_its_own_is_never_seeded(empty_library: Library) -> None:
    from reader.operations.importer import import_paths

    import_paths(empty_library, [SEED_NB])
    assert seed_new_library(empty_library, seed_files()) == []
    assert is_seeded(empty_library) and empty_library.document_count() == 1


def test_opening_without_seeds_says_so_and_seeds_later(
    library_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(reader.app, "seed_files", list)  # an installation that lost its seeds
        open_library(library_path).close()
    assert "no seed articles" in capsys.readouterr().err
    library = open_library(library_path)
    try:
        assert library.document_count() == 5 and is_seeded(library)
    finally:
        library.close()
    assert capsys.readouterr().err == ""
