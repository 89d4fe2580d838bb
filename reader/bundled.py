"""Files that ship with the app: the seed articles and the resources (through one helper)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import reader


def bundled_folder(name: str) -> Path:
    """A folder shipped with the app ("seeds" or "resources"), installed or in the source tree."""
    packaged = resources.files(reader) / "bundled" / name
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(reader.__file__).resolve().parent.parent / name


def seed_files() -> list[Path]:
    """The seed articles a new library starts with."""
    return sorted(bundled_folder("seeds").glob("*.txt"))


def resource_path(name: str) -> Path:
    """A file under resources/ (icons, styles)."""
    return bundled_folder("resources") / name
