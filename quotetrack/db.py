"""Open a quotetrack database: resolve its path, check it, set pragmas, apply migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from quotetrack.errors import DatabaseError

ENV_VAR = "QUOTETRACK_DB"
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Database:
    """An open quotetrack database: its sqlite3 connection, and sqlite-utils when needed.

    Everyday reads and writes use `execute` and `conn`. Anything else sqlite-utils' Database
    offers (`db["table"]`, `atomic()`, ...) is passed on to one built over the same connection
    on first use: importing sqlite-utils costs about 100 ms (it loads numpy when installed),
    which `quotetrack add` cannot afford.

    The connection is in autocommit mode (isolation_level=None), so, as with sqlite-utils, a
    write outside an explicit transaction is committed at once.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._utils = None

    @property
    def utils(self):
        """The sqlite_utils.Database over this connection."""
        if self._utils is None:
            from sqlite_utils import Database as UtilsDatabase

            self._utils = UtilsDatabase(self.conn)
        return self._utils

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, table: str):
        return self.utils[table]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)


def _fold_name(value):
    """SQL fold_name(text): names compared as identity matching compares them (accents, case)."""
    if value is None:
        return None
    from quotetrack.normalize import fold_name

    return fold_name(str(value))


def default_path() -> Path:
    """Where the database lives when neither --db nor QUOTETRACK_DB says otherwise."""
    import typer

    return Path(typer.get_app_dir("quotetrack")) / "quotetrack.db"


def resolve_path(path: str | os.PathLike | None) -> Path:
    if path:
        return Path(path).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_path()


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
        if head and head != _SQLITE_MAGIC:
            raise DatabaseError(f"{path} is not a quotetrack (SQLite) database; it was left untouched")


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """Switch a database to WAL mode, waiting while another process does the same.

    Two processes opening a new database at once can each hold a read lock the other's switch
    needs; SQLite then answers 'database is locked' at once instead of waiting (the busy
    timeout does not apply), so wait here.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def open_db(path: str | os.PathLike | None = None, *, migrate: bool = True) -> Database:
    """Open (creating it and its folder if needed) the database at `path`, schema up to date."""
    from quotetrack.migrations import migrations, pending_names

    resolved = resolve_path(path)
    _check_file(resolved)
    try:
        resolved.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create folder {resolved.parent}: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(str(resolved), timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.create_function("fold_name", 1, _fold_name, deterministic=True)
        db = Database(conn, resolved)
        if migrate and pending_names(conn):
            # Take the write lock before re-reading what is pending, so two processes
            # opening a new database at once do not both apply the same step.
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.build().apply(db.utils)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot use {resolved} as a database: {exc}") from None
    return db
