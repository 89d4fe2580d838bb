"""Make a file or folder that nobody may write, for a test (root included: root ignores
permission bits, so it gets the immutable attribute instead)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """`path` cannot be written (nor, for a folder, can files be made in it) meanwhile."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True,
                              check=False)
        if made.returncode != 0:
            pytest.skip("running as root, which ignores permissions, and chattr +i is not "
                        f"available here: {made.stderr.strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        return
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        path.chmod(mode)
