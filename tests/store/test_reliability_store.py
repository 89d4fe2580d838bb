"""A library never loses a write silently nor changes a file it must not: writers wait their
turn, a failed write says which kind it is, and a file that cannot be written or is damaged
is read as it is, never changed."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from reader.app import open_library
from reader.store.errors import (
    DiskFull,
    LibraryBusy,
    LibraryDamaged,
    LibraryReadOnly,
    WriteFailed,
)
from reader.store.library import Library
from reader.store.schema import SCHEMA_VERSION
from tests.conftest import as_version_16
from tests.unwritable import unwritable


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seeded_file(library_path: Path) -> Path:
    """A seeded library, closed (its write-ahead log folded into the file)."""
    open_library(library_path).close()
    return library_path


class _Holder(threading.Thread):
    """Another connection that takes the write lock, writes, and holds it until released."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.locked = threading.Event()
        self.release = threading.Event()

    def run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE articles SET starred = 1 - starred WHERE id = 2")
        self.locked.set()
        self.release.wait(30)
        connection.execute("COMMIT")
        connection.close()


def test_a_write_waits_for_another_writer_instead_of_failing(seeded_file: Path) -> None:
    library = Library.open(seeded_file)
    holder = _Holder(seeded_file)
    try:
        assert library.article_exists(1)  # the reader has read before the other writes
        holder.start()
        assert holder.locked.wait(10)
        threading.Timer(0.3, holder.release.set).start()
        annotation = library.annotations.add(library.documents_of(1)[0].id, 0, 5, note="x")
        holder2 = _Holder(seeded_file)
        holder2.start()
        assert holder2.locked.wait(10)
        threading.Timer(0.3, holder2.release.set).start()
        with library.batch():  # reads, then writes, in one transaction: it waits its turn
            if library.article_exists(1):
                library.bookmarks.set_starred(1, True)
        holder2.join(10)
        assert library.annotations.get(annotation.id).note == "x"
        assert library.bookmarks.is_starred(1)
    finally:
        holder.release.set()
        holder.join(10)
        library.close()


def test_a_writer_held_up_too_long_is_busy_and_writes_nothing(seeded_file: Path) -> None:
    library = Library.open(seeded_file, busy_timeout=0.2)
    holder = _Holder(seeded_file)
    holder.start()
    try:
        assert holder.locked.wait(10)
        document_id = library.documents_of(1)[0].id
        with pytest.raises(LibraryBusy) as failure:
            library.annotations.add(document_id, 0, 5, note="lost?")
        assert not failure.value.lasting and isinstance(failure.value, WriteFailed)
        assert "busy" in str(failure.value) and str(seeded_file) in str(failure.value)
        with pytest.raises(LibraryBusy), library.batch():
            library.bookmarks.set_starred(1, True)
    finally:
        holder.release.set()
        holder.join(10)
    assert library.annotations.count() == 0
    library.bookmarks.set_starred(3, True)  # once the other is done, writes go through
    assert library.bookmarks.is_starred(3)
    library.close()


def test_a_full_disk_is_disk_full(seeded_file: Path) -> None:
    library = Library.open(seeded_file)
    document_id = library.documents_of(1)[0].id
    pages = library._conn.execute("PRAGMA page_count").fetchone()[0]
    library._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(DiskFull) as failure:
        library.annotations.add(document_id, 0, 5, note="n" * 200_000)
    assert not failure.value.lasting
    library.close()
    reopened = Library.open(seeded_file)
    assert reopened.annotations.count() == 0
    reopened.close()


def test_a_read_only_file_opens_read_only_and_is_never_changed(seeded_file: Path) -> None:
    before = _digest(seeded_file)
    with unwritable(seeded_file):
        library = Library.open(seeded_file)
        try:
            assert library.read_only and library.read_only_reason == "the file is read-only"
            assert library.document_count() == 5 and library.search.search("provincial")
            document_id = library.documents_of(1)[0].id
            for write in (lambda: library.annotations.add(document_id, 0, 5),
                          lambda: library.bookmarks.set_starred(1, True),
                          lambda: library.set_meta("x", "y")):
                with pytest.raises(LibraryReadOnly) as failure:
                    write()
                assert failure.value.lasting and "read" in failure.value.reason
        finally:
            library.close()
    assert _digest(seeded_file) == before


def test_a_library_in_a_read_only_folder_opens_read_only(tmp_path: Path,
                                                         seeded_file: Path) -> None:
    before = _digest(seeded_file)
    files = sorted(p.name for p in seeded_file.parent.iterdir())
    with unwritable(seeded_file.parent):
        library = Library.open(seeded_file)
        try:
            assert library.read_only_reason == "its folder is read-only"
            assert library.document_count() == 5
            with pytest.raises(LibraryReadOnly):
                library.bookmarks.set_starred(1, True)
        finally:
            library.close()
        assert sorted(p.name for p in seeded_file.parent.iterdir()) == files
    assert _digest(seeded_file) == before


def test_open_read_only_on_request(seeded_file: Path) -> None:
    before = _digest(seeded_file)
    library = Library.open(seeded_file, read_only=True)
    assert library.read_only and library.document_count() == 5
    with pytest.raises(LibraryReadOnly):
        library.bookmarks.set_starred(1, True)
    library.close()
    assert _digest(seeded_file) == before


def _as_version(path: Path, version: int) -> None:
    """Take a current library back to an older version's schema (what that version lacks)."""
    if version < 17:
        as_version_16(path)
    db = sqlite_utils.Database(path)
    if version < 12:
        db.execute("DROP INDEX IF EXISTS idx_articles_differs_sort_title")
    if version < 2:
        for table in ("figure_words", "search_index", "figures", "alignment_fixes", "beads",
                      "alignments", "annotations", "bookmarks"):
            db.execute(f"DROP TABLE {table}")
    db.execute(f"PRAGMA user_version = {version}")
    db.close()


def test_a_read_only_library_of_the_version_before_says_it_needs_its_upgrade(
        seeded_file: Path) -> None:
    # Version 17 packs the texts: one of 16 cannot be read until it is upgraded.
    _as_version(seeded_file, SCHEMA_VERSION - 1)
    before = _digest(seeded_file)
    with unwritable(seeded_file), pytest.raises(LibraryReadOnly) as failure:
        Library.open(seeded_file)
    assert "older version" in failure.value.reason and "upgraded" in failure.value.reason
    assert _digest(seeded_file) == before
    assert not list(seeded_file.parent.glob("*-backup"))


def test_an_older_read_only_library_that_cannot_be_read_says_so(seeded_file: Path) -> None:
    _as_version(seeded_file, 1)
    before = _digest(seeded_file)
    with unwritable(seeded_file), pytest.raises(LibraryReadOnly) as failure:
        Library.open(seeded_file)
    assert "older version" in failure.value.reason and "upgraded" in failure.value.reason
    assert _digest(seeded_file) == before


def test_a_missing_table_is_damage_named(seeded_file: Path) -> None:
    connection = sqlite3.connect(seeded_file)
    connection.execute("DROP TABLE bookmarks")
    connection.commit()
    connection.close()
    before = _digest(seeded_file)
    with pytest.raises(LibraryDamaged) as failure:
        Library.open(seeded_file)
    assert "'bookmarks' is missing" in failure.value.reason
    assert _digest(seeded_file) == before


def _damage_table(path: Path, table: str) -> None:
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                              [table]).fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_damaged_table_fails_quick_check_and_its_writes_are_damaged(
        seeded_file: Path) -> None:
    healthy = Library.open(seeded_file)
    assert healthy.quick_check() is None
    healthy.close()
    _damage_table(seeded_file, "bookmarks")
    library = Library.open(seeded_file)
    try:
        assert library.quick_check() is not None
        with pytest.raises(LibraryDamaged) as failure:
            library.bookmarks.add(library.documents_of(1)[0].id, 0, 5)
        assert failure.value.lasting
    finally:
        library.close()


def test_a_backup_is_a_library_of_its_own(seeded_library: Library, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "copy.sqlite"
    target.parent.mkdir()
    seeded_library.bookmarks.set_starred(1, True)
    seeded_library.backup_to(target)
    copy = Library.open(target)
    assert copy.document_count() == 5 and copy.bookmarks.is_starred(1)
    assert copy.quick_check() is None
    copy.close()


def test_the_last_three_backups_before_upgrades_are_kept(seeded_file: Path) -> None:
    for version in (8, 9, 10, 11):
        _as_version(seeded_file, version)
        Library.open(seeded_file).close()
    kept = sorted(p.name for p in seeded_file.parent.glob("*-backup"))
    assert kept == [f"{seeded_file.name}.v{v}-backup" for v in (10, 11, 9)] or kept == sorted(
        f"{seeded_file.name}.v{v}-backup" for v in (9, 10, 11))
    backup = sqlite3.connect(seeded_file.parent / f"{seeded_file.name}.v11-backup")
    assert backup.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 11
    backup.close()


def test_a_copy_of_an_old_library_is_untouched_when_upgraded(seeded_file: Path,
                                                             tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(seeded_file, old)
    _as_version(old, SCHEMA_VERSION - 1)
    Library.open(old).close()
    backup = Path(f"{old}.v{SCHEMA_VERSION - 1}-backup")
    connection = sqlite3.connect(backup)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    connection.close()


def test_writes_held_while_the_file_is_checked(seeded_library: Library) -> None:
    seeded_library.hold_writes("is being checked")
    with pytest.raises(LibraryBusy) as held:
        seeded_library.bookmarks.set_starred(1, True)
    assert not held.value.lasting and "is being checked" in held.value.reason
    seeded_library.hold_writes(None)  # it passed
    seeded_library.bookmarks.set_starred(1, True)
    seeded_library.hold_writes("failed its check", damaged=True)
    with pytest.raises(LibraryDamaged) as damaged:
        seeded_library.bookmarks.set_starred(1, False)
    assert damaged.value.lasting and seeded_library.bookmarks.is_starred(1)


def test_a_library_stays_known_sound_through_the_apps_own_writes_and_not_through_others(
        tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    created = Library.open(path)
    assert created.sound_since is not None  # made by the app: nothing to check
    created.set_meta("a", "1")
    created.close()
    reopened = Library.open(path)
    since = reopened.sound_since
    assert since is not None
    reopened.set_meta("a", "2")  # the app's own write
    reopened.close()
    again = Library.open(path)
    assert again.sound_since == since  # still the time of the last check, not of the write
    again.close()

    other = sqlite3.connect(path)
    other.execute("UPDATE meta SET value = '3' WHERE key = 'a'")
    other.commit()
    other.close()
    changed = Library.open(path)
    assert changed.sound_since is None  # written behind the app's back: check it first
    changed.set_meta("a", "4")
    changed.close()
    assert Library.open(path, read_only=True).sound_since is None  # not blessed by closing

    checked = Library.open(path)
    checked.mark_sound()
    checked.hold_writes("damaged", damaged=True)  # a check found damage: nothing noted
    checked.close()
    assert Library.open(path, read_only=True).sound_since is None
