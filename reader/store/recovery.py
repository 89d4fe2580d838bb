"""Copy what can be read of a damaged library into a new file; the damaged file is only read.

SQLite's own `.recover` (of the `sqlite3` command, when installed) reads the file page by page
and finds rows that no table reaches any more; without it, each table is copied row by row,
stepping over the rows that cannot be read. Either way the search indexes are built anew from
the documents and figures recovered, and the copy keeps the library's version.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import quote

from reader.store.schema import APPLICATION_ID

# The full-text indexes: not copied but built again (their own tables are left out).
_INDEXES = ("search_index", "figure_words")
_INDEX_TABLES = ("_data", "_idx", "_content", "_docsize", "_config")


def recover_into(source: Path, target: Path, use_sqlite_command: bool | None = None) -> str:
    """Write what can be read of `source` into the new file `target`; how it was done.

    `use_sqlite_command`: None to use the `sqlite3` command's `.recover` when it is installed
    and works (else table by table), True to require it, False to copy table by table.
    """
    command = shutil.which("sqlite3") if use_sqlite_command is not False else None
    if use_sqlite_command and command is None:
        raise FileNotFoundError("the sqlite3 command is not installed")
    version = _header_version(source)
    method = ""
    if command is not None:
        try:
            _recover_with_command(command, source, target)
            method = "SQLite's .recover"
        except OSError:
            if use_sqlite_command:
                raise
            target.unlink(missing_ok=True)
    if not method:
        _copy_tables(source, target)
        method = "table by table"
    connection = sqlite3.connect(target)
    try:
        _rebuild_indexes(connection)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {version}")
        connection.commit()
    finally:
        connection.close()
    return method


def _header_version(source: Path) -> int:
    with source.open("rb") as handle:
        header = handle.read(100)
    return int.from_bytes(header[60:64], "big")


def _read_only_uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def _recover_with_command(command: str, source: Path, target: Path) -> None:
    recovered = subprocess.run([command, "-readonly", str(source), ".recover"],
                               capture_output=True, check=False)
    if recovered.returncode != 0 or not recovered.stdout.strip():
        raise OSError(f"sqlite3 .recover failed ({recovered.stderr.decode()[:200].strip()})")
    connection = sqlite3.connect(target)
    try:
        connection.executescript(recovered.stdout.decode("utf-8", errors="replace"))
        for name in _INDEXES:  # built anew: what was recovered of them may not fit together
            connection.execute(f"DROP TABLE IF EXISTS {name}")
        connection.execute("DROP TABLE IF EXISTS lost_and_found")
        connection.commit()
    finally:
        connection.close()


def _copy_tables(source: Path, target: Path) -> None:
    damaged = sqlite3.connect(_read_only_uri(source), uri=True)
    copy = sqlite3.connect(target)
    try:
        entries = damaged.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "ORDER BY type = 'index', rowid").fetchall()
        skipped = {f"{name}{suffix}" for name in _INDEXES for suffix in _INDEX_TABLES}
        for kind, name, table, sql in entries:
            if name in _INDEXES or name in skipped or table in skipped:
                continue
            if kind == "table":
                copy.execute(sql)
                _copy_rows(damaged, copy, name)
            elif kind == "index":
                try:
                    copy.execute(sql)
                except sqlite3.IntegrityError:  # a unique index the damage broke
                    copy.execute(sql.replace("CREATE UNIQUE INDEX", "CREATE INDEX", 1))
        copy.commit()
    finally:
        damaged.close()
        copy.close()


def _copy_rows(damaged: sqlite3.Connection, copy: sqlite3.Connection, table: str) -> None:
    """Copy a table's rows in rowid order; a range that cannot be read is stepped over."""
    columns = [str(row[1]) for row in damaged.execute(f'PRAGMA table_info("{table}")')]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" (rowid, {names}) VALUES (?, {marks})'
    last = -(2**63)
    step = 1
    while True:
        try:
            rows = damaged.execute(
                f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid '
                "LIMIT 500", [last]).fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows is None:
            try:  # step over what cannot be read: further each time it fails again
                row = damaged.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()
                highest = row[0] if row else None
            except sqlite3.DatabaseError:
                highest = None
            if highest is None or last >= highest or step > 2**40:
                return
            last = max(last, 0) + step
            step *= 2
            continue
        if not rows:
            return
        copy.executemany(insert, rows)
        last = rows[-1][0]
        step = 1


def _rebuild_indexes(connection: sqlite3.Connection) -> None:
    from reader.store.figures import index_all_figures
    from reader.store.search import create_search_index

    present = {str(row[0]) for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "documents" in present:
        create_search_index(connection)
    if "figures" in present and "sort_label" in {
            str(row[1]) for row in connection.execute("PRAGMA table_info(figures)")}:
        connection.execute("DROP TABLE IF EXISTS figure_words")
        connection.execute("CREATE VIRTUAL TABLE figure_words USING fts5(words, content = '', "
                           "columnsize = 0, tokenize = 'unicode61 remove_diacritics 2')")
        index_all_figures(connection)
