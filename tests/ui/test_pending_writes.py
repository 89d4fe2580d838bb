"""A highlight, note, bookmark or star whose write fails is never lost: the reader is told at
once, it waits in the pending journal, Undo offers nothing that was not done, and it is stored
as soon as the library can be written (after a restart too)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.app import open_library
from reader.cli import main
from reader.operations import pending
from reader.operations.pending import PendingJournal
from reader.store import soundness
from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.parallel.parallel_view import Passage
from tests.conftest import as_version_16


@pytest.fixture
def another_program(seeded_library: Library) -> Iterator[sqlite3.Connection]:
    """Another program's connection to the library file, holding it while the test says."""
    holder = sqlite3.connect(seeded_library.path, isolation_level=None)
    yield holder
    if holder.in_transaction:
        holder.execute("ROLLBACK")
    holder.close()


def _select_start_of_first_row(window: MainWindow) -> None:
    pane = window.parallel_pane
    sentence = pane.model.row(0).cells[0][0]
    pane.view.select_passage(Passage(0, sentence.start, sentence.start + 12))


def test_a_highlight_made_while_the_library_is_held_is_kept_and_stored_later(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow], seeded_library: Library,
        another_program: sqlite3.Connection) -> None:
    impatient = Library.open(seeded_library.path, busy_timeout=0.1)  # waits 0.1 s, not 10
    window = make_window(impatient)
    another_program.execute("BEGIN EXCLUSIVE")
    _select_start_of_first_row(window)
    before = window.undo_stack.count()
    assert window.parallel_pane.highlights.highlight_selection("green", "kept note") is None
    assert window.undo_stack.count() == before  # Undo offers no highlight that is not there
    assert window.pending_writes.waiting() == 1
    assert "could not be saved now" in window.statusBar().currentMessage()
    waiting = window.findChild(QLabel, "pendingWrites")
    assert waiting.isVisible() and waiting.text() == "1 change waiting to be saved"
    another_program.execute("ROLLBACK")
    window.pending_writes.store_now()
    qtbot.waitUntil(lambda: window.pending_writes.waiting() == 0, timeout=10_000)
    notes = seeded_library.annotations.newest_first()
    assert [(n.note, n.colour) for n in notes] == [("kept note", "green")]
    qtbot.waitUntil(lambda: len(window.parallel_pane.highlights.shown_annotations()) == 1)
    assert not waiting.isVisible()
    impatient.close()


def test_a_star_and_a_bookmark_left_waiting_are_stored_after_a_restart(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    document = seeded_library.all_documents()[0]
    text = seeded_library.document_text(document.id).text
    journal = PendingJournal(seeded_library.path)
    journal.add(pending.set_starred(document.article_id, True))
    journal.add(pending.add_bookmark(document.id, 0, text.index(".") + 1))
    window = make_window(seeded_library)
    qtbot.waitUntil(lambda: window.pending_writes.waiting() == 0, timeout=10_000)
    assert seeded_library.bookmarks.is_starred(document.article_id)
    assert len(seeded_library.bookmarks.newest_first()) == 1
    qtbot.waitUntil(lambda: window.bookmarks_panel.model.starred_count() == 1)


def test_a_library_opened_read_only_says_so_and_takes_no_new_notes(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    read_only = Library.open(seeded_library.path, read_only=True)  # as a read-only file is
    window = make_window(read_only)
    qtbot.waitUntil(lambda: "read-only" in window.statusBar().currentMessage())
    assert not window.parallel_pane.note_actions()[0].isEnabled()
    assert not window.star_action.isEnabled()
    assert window.export_notes_action.isEnabled()  # reading and export go on
    _select_start_of_first_row(window)
    assert window.parallel_pane.highlights.highlight_selection("blue", "mine") is None
    assert window.pending_writes.waiting() == 1  # kept, not dropped
    read_only.close()
    assert seeded_library.annotations.newest_first() == []  # the file was not written


def test_a_library_that_stops_being_writable_for_good_offers_export(
        qtbot: QtBot, window: MainWindow, seeded_library: Library) -> None:
    qtbot.waitUntil(lambda: not window.health.checking)
    window.library.hold_writes("the file failed its check", damaged=True)
    _select_start_of_first_row(window)
    assert window.parallel_pane.highlights.highlight_selection("blue", "mine") is None
    assert window.pending_writes.waiting() == 1
    box = window.pending_writes.read_only_box
    assert box.isVisible() and "Export highlights and notes" in " ".join(
        button.text() for button in box.buttons())
    assert not window.parallel_pane.note_actions()[0].isEnabled()
    assert not window.star_action.isEnabled()
    box.close()
    assert seeded_library.annotations.newest_first() == []


def _damage(path: Path, table: str) -> None:
    """Overwrite the first page of one of a table's indexes with garbage (the file still
    opens; SQLite's quick check finds it)."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' "
                              "AND tbl_name = ? ORDER BY name LIMIT 1", [table]).fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_damaged_library_is_never_written_and_recovery_is_offered(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    path = seeded_library.path
    seeded_library.close()
    _damage(path, "annotations")
    library = Library.open(path)
    window = make_window(library)
    qtbot.waitUntil(lambda: window.health.problem is not None, timeout=10_000)
    box = window.health.damaged_box
    assert box.isVisible() and "failed its check" in box.text()
    before = path.read_bytes()
    _select_start_of_first_row(window)
    assert window.parallel_pane.highlights.highlight_selection("green", "safe") is None
    assert window.pending_writes.waiting() == 1  # kept beside it, not written into it
    box.close()
    library.close()
    assert path.read_bytes() == before


def test_notes_made_while_the_file_is_checked_are_stored_once_it_passes(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow],
        seeded_library: Library) -> None:
    window = make_window(seeded_library)
    qtbot.waitUntil(lambda: not window.health.checking, timeout=10_000)
    assert window.health.problem is None
    window.library.hold_writes("the library is being checked")  # as during the check
    _select_start_of_first_row(window)
    assert window.parallel_pane.highlights.highlight_selection("pink", "early") is None
    window.library.hold_writes(None)
    window.health.writable_again.emit()
    qtbot.waitUntil(lambda: window.pending_writes.waiting() == 0, timeout=10_000)
    assert [a.note for a in seeded_library.annotations.newest_first()] == ["early"]


def test_restoring_a_backup_brings_back_what_it_held_and_keeps_the_library_as_it_was(
        qtbot: QtBot, window: MainWindow, seeded_library: Library) -> None:
    from reader.operations.recovery import backup_library

    _select_start_of_first_row(window)
    assert window.parallel_pane.highlights.highlight_selection("green", "in the backup")
    backup = backup_library(seeded_library.path)
    (note,) = seeded_library.annotations.newest_first()
    window.parallel_pane.highlights.delete(note)
    assert seeded_library.annotations.newest_first() == []
    assert window.library.backups()[0] == backup
    assert window.restore_from_backup(backup)
    assert [a.note for a in seeded_library.annotations.newest_first()] == ["in the backup"]
    qtbot.waitUntil(lambda: len(window.parallel_pane.highlights.shown_annotations()) == 1)
    assert window.annotations_panel.shown_count() == 1
    kept = next(seeded_library.path.parent.glob("*.before-restore"))
    before = Library.open(kept, read_only=True)
    assert before.annotations.newest_first() == []  # the library as it was, kept
    before.close()
    assert "Restored from" in window.statusBar().currentMessage()


def test_a_backup_of_another_format_is_refused_and_nothing_changes(
        qtbot: QtBot, window: MainWindow, seeded_library: Library, tmp_path: Path) -> None:
    stranger = tmp_path / "old.sqlite"
    shutil.copy(seeded_library.path, stranger)
    as_version_16(stranger)
    connection = sqlite3.connect(stranger)
    connection.execute("PRAGMA user_version = 3")
    connection.close()
    documents = len(seeded_library.all_documents())
    qtbot.waitUntil(lambda: not window.health.checking)
    assert not window.restore_from_backup(stranger)
    box = window.restore_box
    assert box.isVisible() and "Nothing was restored" in box.text()
    assert "library format 3" in box.text()
    box.close()
    assert len(seeded_library.all_documents()) == documents


def test_the_daily_backup_is_made_once_the_check_passes(
        qtbot: QtBot, window: MainWindow, seeded_library: Library) -> None:
    folder = seeded_library.path.parent
    qtbot.waitUntil(lambda: any(folder.glob("*.daily-backup")), timeout=10_000)
    (backup,) = folder.glob("*.daily-backup")
    copy = Library.open(backup, read_only=True)
    assert len(copy.all_documents()) == len(seeded_library.all_documents())
    copy.close()


def test_a_library_the_app_left_sound_takes_notes_at_once_a_changed_one_waits_for_its_check(
        qtbot: QtBot, make_window: Callable[[Library], MainWindow], library_path: Path,
        tmp_path: Path) -> None:
    open_library(library_path).close()
    soundness.forget(library_path)  # a library never checked (made before notes were kept)

    def window_on_the_file() -> tuple[MainWindow, Library]:
        library = Library.open(library_path)
        return make_window(library), library

    first, library = window_on_the_file()
    assert not first.health.trusted and first.health.problem is None  # it waited, checked
    first.close()
    library.close()  # notes the file's size and time: its check passed
    assert soundness.trusted_note(library_path) is not None

    article = tmp_path / "added.txt"
    article.write_text("Title: Added later\nLanguage: en\n\nA short article added by the "
                       "command line, which leaves the file sound.\n", encoding="utf-8")
    assert main(["import", str(article), "--db", str(library_path)]) == 0
    second, library = window_on_the_file()
    assert second.health.trusted  # changed by the app itself: writes never waited
    _select_start_of_first_row(second)
    assert second.parallel_pane.highlights.highlight_selection("green", "at once") is not None
    second.close()
    library.close()

    other = sqlite3.connect(library_path)  # another program changes the file
    other.execute("UPDATE documents SET title = title || '!' WHERE id = 1")
    other.commit()
    other.close()
    third, library = window_on_the_file()
    assert not third.health.trusted and third.health.problem is None  # it waited, checked
    third.close()
    library.close()
