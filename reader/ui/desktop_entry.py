"""`reader install-desktop`: a freedesktop menu entry and the icon, for this user only.

The entry goes to $XDG_DATA_HOME/applications/parallel-reader.desktop and the icon to
$XDG_DATA_HOME/icons/hicolor/scalable/apps/parallel-reader.svg (XDG_DATA_HOME defaults to
~/.local/share), where desktop menus look; the entry's name and comment are in each
interface language. No Qt here: it runs from the command line.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from reader import APP_ID, APP_NAME
from reader.bundled import resource_path
from reader.ui.i18n import INTERFACE_LANGUAGES, N_, load_catalog

ICON_NAME = APP_ID
GENERIC_NAME = N_("Multilingual news reader")
COMMENT = N_("Read news articles next to their translations")


@dataclass(frozen=True)
class InstalledEntry:
    """Where the entry and the icon were written."""

    desktop_file: Path
    icon: Path


def data_home() -> Path:
    """The user's XDG data folder."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation's window: the `reader` script when this
    runs as one, else this interpreter with `-m reader`."""
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "reader" and script.exists():
        return [str(script.resolve())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def desktop_entry_text(command: list[str]) -> str:
    """The .desktop file: the app, its icon, its command, names in each language."""
    exec_line = " ".join(_exec_argument(part) for part in command)
    lines = ["[Desktop Entry]", "Type=Application", f"Name={APP_NAME}",
             f"GenericName={GENERIC_NAME}"]
    lines += _translated("GenericName", GENERIC_NAME)
    lines.append(f"Comment={COMMENT}")
    lines += _translated("Comment", COMMENT)
    lines += [f"Exec={exec_line}", f"Icon={ICON_NAME}", "Terminal=false",
              "Categories=Office;Viewer;Education;Languages;",
              "Keywords=news;translation;parallel;bilingual;reader;",
              f"StartupWMClass={APP_ID}", ""]
    return "\n".join(lines)


def _translated(key: str, message: str) -> list[str]:
    lines = []
    for language in INTERFACE_LANGUAGES:
        text = load_catalog(language).gettext(message)
        if text != message:
            lines.append(f"{key}[{language}]={text}")
    return lines


def _exec_argument(argument: str) -> str:
    """An argument of the Exec key: quoted when it must be (the spec's reserved characters)."""
    if argument and not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`%='):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped.replace("%", "%%")}"'


def install_desktop_entry(command: list[str] | None = None) -> InstalledEntry:
    """Write the entry and the icon into the user's data folder; OSError if they cannot be."""
    home = data_home()
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons/parallel-reader.svg"), icon)
    desktop_file = home / "applications" / f"{APP_ID}.desktop"
    desktop_file.parent.mkdir(parents=True, exist_ok=True)
    desktop_file.write_text(desktop_entry_text(command or launch_command()), encoding="utf-8")
    return InstalledEntry(desktop_file, icon)
