"""Open a quotetrack database: resolve its path, check it, set pragmas, apply migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from quotetrack.errors import DatabaseError

ENV_VAR = "QUOTETRACK_DB"
_SQLITE_MAGIC = b"SQLite format 3\x00"


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


def open_db(path: str | os.PathLike | None = None, *, migrate: bool = True) -> Database:
    """Open (creating it and its folder if needed) the database at `path`, schema up to date."""
    from quotetrack.migrations import migrations

    resolved = resolve_path(path)
    _check_file(resolved)
    try:
        resolved.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create folder {resolved.parent}: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(str(resolved), timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        db = Database(conn)
        if migrate and migrations.pending(db):
            # Take the write lock before re-reading what is pending, so two processes
            # opening a new database at once do not both apply the same step.
            conn.execute("BEGIN IMMEDIATE")
            try:
                migrations.apply(db)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"cannot use {resolved} as a database: {exc}") from None
    db.path = resolved  # type: ignore[attr-defined]
    return db
