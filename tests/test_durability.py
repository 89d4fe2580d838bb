"""Nothing the reader has seen saved is lost when the app is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.store.library import Library

CHILD = Path(__file__).with_name("durability_child.py")


def test_notes_survive_sigkill(tmp_path: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "PYTHONPATH": str(CHILD.parent.parent)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(library_path), str(tmp_path / "settings.ini")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        env=environment)
    said: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            said.append(line.strip())
            if line.strip() == "ready":
                break
    finally:
        child.send_signal(signal.SIGKILL)
        _out, errors = child.communicate(timeout=60)
    assert said and said[-1] == "ready", errors
    assert child.returncode == -signal.SIGKILL

    saved = {int(line.split()[1]) for line in said if line.startswith("annotation ")}
    assert len(saved) == 10
    library = Library.open(library_path)
    try:
        kept = {a.id: a for a in library.annotations.newest_first()}
        assert set(kept) == saved
        assert {a.note for a in kept.values()} == {f"note {n}" for n in range(10)}
        assert all(a.tags == ("kill",) and a.colour == "blue" for a in kept.values())
        assert len(library.bookmarks.newest_first()) == 1
        assert len(library.bookmarks.starred_ids()) == 1
    finally:
        library.close()
