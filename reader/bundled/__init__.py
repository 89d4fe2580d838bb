"""Files that ship with the app: the seed articles and the resources (through one helper).

They live in the top-level folders `seeds/` and `resources/` of the source tree. A built
package carries them inside itself, as `reader/bundled/seeds` and `reader/bundled/resources`
(`setup.py` maps the folders there), so an installed app finds them without the source tree.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_FOLDERS = ("seeds", "resources")


def bundled_folder(name: str) -> Path:
    """A folder shipped with the app ("seeds" or "resources"), installed or in the source tree.

    An installed package has it beside this module; a source tree (and the editable install
    of `setup.sh`) has it at the top level of the repository.
    """
    if name not in BUNDLED_FOLDERS:
        raise ValueError(f"no bundled folder {name!r}")
    # The package's own folder, as importlib.resources would give it for a package on disk
    # (without loading importlib.resources at every start).
    here = Path(__file__).resolve().parent
    packaged = here / name
    if packaged.is_dir():
        return packaged
    return here.parent.parent / name


def seed_files() -> list[Path]:
    """The seed articles a new library starts with (none when the package lacks them)."""
    return sorted(bundled_folder("seeds").glob("*.txt"))


def resource_path(name: str) -> Path:
    """A file under resources/ (icons, styles)."""
    return bundled_folder("resources") / name
