"""Notes that could not be stored yet: a small journal beside the library, replayed when the
library can be written again (also after a restart), never dropped.

A write of the reader's (a highlight, a note, a bookmark, a star) that fails because the
library is busy, the disk is full or the file is read-only is appended here as one JSON line,
flushed and synced before the reader is told. Replaying applies the lines in order through
the session; each line leaves the journal only once its write is in the library. Writes carry
what makes them safe to apply twice (a highlight its lasting uid; deletes and stars are the
same when repeated), so a crash between a write and the journal's rewrite loses nothing and
doubles nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.store.records import Annotation, Bookmark

# What a journal line can ask for; the session knows how to apply each.
KINDS = ("add_annotation", "update_annotation", "delete_annotation", "restore_annotation",
         "add_bookmark", "delete_bookmark", "restore_bookmark", "set_starred")


@dataclass(frozen=True)
class PendingWrite:
    """One write of the reader's that waits for the library."""

    kind: str
    arguments: dict[str, Any]
    made_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def to_line(self) -> str:
        """The journal line (JSON, one line)."""
        return json.dumps({"kind": self.kind, "arguments": self.arguments,
                           "made_at": self.made_at}, ensure_ascii=False)

    @classmethod
    def from_line(cls, line: str) -> PendingWrite:
        """A journal line read back; ValueError when it is not one."""
        data = json.loads(line)
        if not isinstance(data, dict) or data.get("kind") not in KINDS:
            raise ValueError("not a pending write")
        arguments = data.get("arguments")
        if not isinstance(arguments, dict):
            raise ValueError("not a pending write")
        return cls(str(data["kind"]), arguments, str(data.get("made_at", "")))

    def describe(self) -> str:
        """A few words for the reader: what this write was."""
        return {
            "add_annotation": "a highlight", "update_annotation": "a change to a highlight",
            "delete_annotation": "a deleted highlight", "restore_annotation": "a highlight",
            "add_bookmark": "a bookmark", "delete_bookmark": "a removed bookmark",
            "restore_bookmark": "a bookmark", "set_starred": "a star",
        }[self.kind]


def add_annotation(document_id: int, start: int, end: int, colour: str, note: str,
                   tags: Sequence[str]) -> PendingWrite:
    """A highlight to store, with the identity it will keep."""
    return PendingWrite("add_annotation", {
        "document_id": document_id, "start": start, "end": end, "colour": colour,
        "note": note, "tags": list(tags), "uid": _new_uid(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds")})


def update_annotation(annotation_id: int, colour: str, note: str,
                      tags: Sequence[str]) -> PendingWrite:
    """A highlight's new colour, note and tags."""
    return PendingWrite("update_annotation", {"annotation_id": annotation_id,
                                              "colour": colour, "note": note,
                                              "tags": list(tags)})


def delete_annotation(annotation_id: int) -> PendingWrite:
    """A highlight to remove."""
    return PendingWrite("delete_annotation", {"annotation_id": annotation_id})


def restore_annotation(annotation: Annotation) -> PendingWrite:
    """A removed highlight to put back as it was."""
    return PendingWrite("restore_annotation", {"annotation": annotation._asdict()})


def add_bookmark(document_id: int, start: int, end: int) -> PendingWrite:
    """A sentence to bookmark."""
    return PendingWrite("add_bookmark", {"document_id": document_id, "start": start,
                                         "end": end})


def delete_bookmark(bookmark_id: int) -> PendingWrite:
    """A bookmark to remove."""
    return PendingWrite("delete_bookmark", {"bookmark_id": bookmark_id})


def restore_bookmark(bookmark: Bookmark) -> PendingWrite:
    """A removed bookmark to put back as it was."""
    return PendingWrite("restore_bookmark", {"bookmark": bookmark._asdict()})


def set_starred(article_id: int, starred: bool) -> PendingWrite:
    """A star to set or take away."""
    return PendingWrite("set_starred", {"article_id": article_id, "starred": starred})


def annotation_from(data: dict[str, Any]) -> Annotation:
    """An annotation record from its journal form."""
    return Annotation(**{**data, "tags": tuple(data["tags"])})


def bookmark_from(data: dict[str, Any]) -> Bookmark:
    """A bookmark record from its journal form."""
    return Bookmark(**data)


class PendingJournal:
    """The journal of one library file (beside it, else in the user's data folder)."""

    def __init__(self, library_path: Path, fallback_folder: Path | None = None) -> None:
        self.library_path = library_path
        beside = library_path.with_name(library_path.name + ".pending.jsonl")
        self.path = beside
        if fallback_folder is not None and not _writable_folder(beside.parent):
            import hashlib  # loaded when a journal is first named (OpenSSL: ~3 ms)

            key = hashlib.sha256(str(library_path.resolve()).encode()).hexdigest()[:16]
            self.path = fallback_folder / f"{library_path.stem}-{key}.pending.jsonl"

    def add(self, write: PendingWrite) -> None:
        """Keep a write for later; on disk (synced) when this returns. OSError if even the
        journal cannot be written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as journal:
            journal.write(write.to_line() + "\n")
            journal.flush()
            os.fsync(journal.fileno())

    def entries(self) -> list[PendingWrite]:
        """The writes waiting, oldest first."""
        return self._read()[0]

    def count(self) -> int:
        """How many writes wait."""
        return len(self.entries())

    def replay(self, apply: Callable[[PendingWrite], object],
               retryable: type[Exception]) -> tuple[int, Exception | None]:
        """Apply the waiting writes in order; how many went in, and the error that stopped
        the rest (they stay, in order). A write the library refuses for good (its article
        was removed: KeyError, ValueError) and a line that cannot be read are kept aside in
        a `.kept` file beside the journal, never dropped."""
        writes, unreadable = self._read()
        for line in unreadable:
            self._keep_aside(line)
        if unreadable:
            self._rewrite(writes)
        done = 0
        stopped: Exception | None = None
        for write in writes:
            try:
                apply(write)
            except retryable as error:
                stopped = error
                break
            except (KeyError, ValueError, TypeError):
                self._keep_aside(write.to_line())
            done += 1
            self._rewrite(writes[done:])
        return done, stopped

    def _read(self) -> tuple[list[PendingWrite], list[str]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return [], []
        writes: list[PendingWrite] = []
        unreadable: list[str] = []
        for line in filter(str.strip, lines):
            try:
                writes.append(PendingWrite.from_line(line))
            except (ValueError, KeyError, TypeError):
                unreadable.append(line)
        return writes, unreadable

    def _rewrite(self, writes: Sequence[PendingWrite]) -> None:
        if not writes:
            self.path.unlink(missing_ok=True)
            return
        fresh = self.path.with_name(self.path.name + ".new")
        with fresh.open("w", encoding="utf-8") as journal:
            journal.write("".join(write.to_line() + "\n" for write in writes))
            journal.flush()
            os.fsync(journal.fileno())
        os.replace(fresh, self.path)

    def _keep_aside(self, line: str) -> None:
        kept = self.path.with_name(self.path.name + ".kept")
        with kept.open("a", encoding="utf-8") as aside:
            aside.write(line + "\n")


def _writable_folder(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


def _new_uid() -> str:
    """A new random identifier (uuid loads when first needed: it is not needed at start-up)."""
    import uuid

    return uuid.uuid4().hex
