"""House rules that imports show: only the window imports widgets, SQL stays in the store
(the layers themselves are import-linter's contract in pyproject.toml)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reader"
GUI_MODULES = ("PySide6.QtGui", "PySide6.QtWidgets", "reader.ui")
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+TABLE|PRAGMA)\b")  # the house writes SQL keywords in capitals


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("text") + _modules("store") + _modules("formats")
                         + _modules("operations"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_below_the_window_nothing_imports_widgets(path: Path) -> None:
    bad = {name for name in _imports(path) if name.startswith(GUI_MODULES)}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


@pytest.mark.parametrize("path", _modules("text"), ids=lambda p: p.name)
def test_text_has_no_sql(path: Path) -> None:
    assert not ({"sqlite3", "sqlite_utils"} & _imports(path))
    assert not SQL.search(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path", [p for p in PACKAGE.rglob("*.py") if "store" not in p.relative_to(PACKAGE).parts],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_sql_only_in_store(path: Path) -> None:
    assert not ({"sqlite3", "sqlite_utils"} & _imports(path))
    assert not SQL.search(path.read_text(encoding="utf-8")), path
