"""The pending-writes journal: kept on disk at once, replayed in order, each write stored once
even when a replay is cut short and run again."""

from __future__ import annotations

from pathlib import Path

from reader.operations import pending
from reader.operations.pending import PendingJournal
from reader.operations.session import LibrarySession
from reader.store.errors import WriteFailed
from reader.store.library import Library


def _first_document(library: Library) -> tuple[int, str]:
    document = library.all_documents()[0]
    return document.id, library.document_text(document.id).text


def test_writes_wait_on_disk_in_order_and_are_stored_once(seeded_library: Library) -> None:
    session = LibrarySession(seeded_library)
    journal = PendingJournal(seeded_library.path)
    document_id, text = _first_document(seeded_library)
    article_id = seeded_library.document(document_id).article_id
    highlight = pending.add_annotation(document_id, 0, 9, "green", "kept", ["a"])
    journal.add(highlight)
    journal.add(pending.add_bookmark(document_id, 0, text.index(".") + 1))
    journal.add(pending.set_starred(article_id, True))
    assert journal.path.name == seeded_library.path.name + ".pending.jsonl"
    assert [w.kind for w in PendingJournal(seeded_library.path).entries()] == [
        "add_annotation", "add_bookmark", "set_starred"]  # read back from the file

    # a replay cut short after its writes went in, before the journal was rewritten
    for write in journal.entries():
        session.apply_pending(write)
    done, change, still = session.replay_pending(journal)
    assert (done, still) == (3, None)
    assert not journal.path.exists()
    notes = seeded_library.annotations.newest_first()
    assert [(a.note, a.uid, a.tags) for a in notes] == [
        ("kept", highlight.arguments["uid"], ("a",))]
    assert len(seeded_library.bookmarks.newest_first()) == 1
    assert seeded_library.bookmarks.is_starred(article_id)
    assert not change.notes  # a second application changed nothing


def test_a_replay_stops_at_a_write_the_library_still_refuses(seeded_library: Library,
                                                             tmp_path: Path) -> None:
    session = LibrarySession(seeded_library)
    journal = PendingJournal(seeded_library.path)
    document_id, _text = _first_document(seeded_library)
    first = pending.add_annotation(document_id, 0, 5, "yellow", "first", [])
    second = pending.add_annotation(document_id, 6, 9, "yellow", "second", [])
    journal.add(first)
    journal.add(second)
    calls = []

    def refuse_second(write: pending.PendingWrite) -> None:
        if write.arguments["note"] == "second":
            raise WriteFailed(seeded_library.path, "the library is busy")
        calls.append(session.apply_pending(write))

    done, stopped = journal.replay(refuse_second, WriteFailed)
    assert done == 1 and stopped is not None
    assert [w.arguments["note"] for w in journal.entries()] == ["second"]


def test_a_write_for_a_removed_document_is_kept_aside_not_dropped(
        seeded_library: Library) -> None:
    session = LibrarySession(seeded_library)
    journal = PendingJournal(seeded_library.path)
    journal.add(pending.add_annotation(99_999, 0, 5, "yellow", "orphan", []))
    with journal.path.open("a", encoding="utf-8") as file:
        file.write("not json\n")
    done, _change, still = session.replay_pending(journal)
    assert still is None and not journal.entries()
    kept = journal.path.with_name(journal.path.name + ".kept").read_text(encoding="utf-8")
    assert "orphan" in kept and "not json" in kept


def test_the_journal_goes_to_the_fallback_folder_when_the_library_folder_is_not_writable(
        tmp_path: Path) -> None:
    library = tmp_path / "missing-folder" / "library.sqlite"  # its folder does not exist
    journal = PendingJournal(library, tmp_path / "pending")
    assert journal.path.parent == tmp_path / "pending"
    journal.add(pending.set_starred(1, True))
    assert journal.count() == 1
