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
# The database header's "file format write version" (offset 18): 2 means WAL mode.
_WAL_HEADER_OFFSET = 18


class Database:
    """An open quotetrack database: its sqlite3 connection, and sqlite-utils when needed.

    Everyday reads and writes use `execute` and `conn`. Anything else sqlite-utils' Database
    offers (`db["table"]`, `atomic()`, ...) is passed on to one built over the same connection
    on first use: importing sqlite-utils costs about 100 ms (it loads numpy when installed),
    which `quotetrack add` cannot afford.

    The connection is in autocommit mode (isolation_level=None), so, as with sqlite-utils, a
    write outside an explicit transaction is committed at once.

    `read_only` says why the database cannot be written (its file or folder is read-only), or
    is None: such a database is opened for reading, and a write is refused before it starts.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: str | None = None):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._utils = None

    def check_writable(self) -> None:
        """Raise DatabaseError when this database was opened read-only."""
        if self.read_only:
            raise DatabaseError(f"{self.path} is read-only ({self.read_only}); nothing was changed")

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


def _fold_for_search(value):
    """SQL fold_for_search(text): what the index triggers' replace() calls give, faster."""
    if value is None:
        return None
    from quotetrack.normalize import fold_for_search

    return fold_for_search(str(value))


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


def _check_file(path: Path) -> bytes:
    """The start of the file at `path` (empty when there is none yet); refuses a folder and a
    file that is not SQLite, without changing anything."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not path.exists():
        return b""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
    if head and not head.startswith(_SQLITE_MAGIC):
        raise DatabaseError(f"{path} is not a quotetrack (SQLite) database; it was left untouched")
    return head


def _why_read_only(path: Path) -> str | None:
    """Why the database at `path` (which exists) cannot be written, or None when it can.

    WAL mode writes two files next to the database (-wal, -shm), so the folder must be
    writable too. Asked of the system, not by opening the file: closing any descriptor of a
    file drops every lock this process holds on it, SQLite's included.
    """
    if not os.access(path, os.W_OK):
        return "the file cannot be written"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "its folder cannot be written"
    return None


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), timeout=30, isolation_level=None)


def _connect_read_only(path: Path, head: bytes) -> sqlite3.Connection:
    """A read-only connection that creates no file next to the database.

    A read-only connection to a WAL database makes -wal and -shm files it cannot remove, and
    cannot make them in a read-only folder; `immutable` reads the file as it is, without them.
    It is used only when neither file exists: no one has the database open, and the file
    holds every committed change.
    """
    uri = path.absolute().as_uri()
    wal = len(head) > _WAL_HEADER_OFFSET and head[_WAL_HEADER_OFFSET] == 2
    in_use = any(Path(f"{path}-{suffix}").exists() for suffix in ("wal", "shm"))
    if wal and not in_use:
        return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None)
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=30, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder whose -shm file is missing or unreadable.
        conn.close()
        return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None)
    return conn


def _check_ours(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that another program made: only an empty one (no tables) or one
    with quotetrack's schema steps recorded is ours to set up or use. Reads only."""
    from quotetrack.migrations import applied_names

    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is None:
        return
    if not applied_names(conn):
        raise DatabaseError(f"{path} is an SQLite database of another program; it was left untouched")


def write_error(path: Path, exc: sqlite3.Error) -> DatabaseError:
    """The user's message for a write SQLite refused (the transaction is rolled back)."""
    message = str(exc)
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return DatabaseError(f"{path} is read-only; nothing was changed")
    if "locked" in message or "busy" in message:
        return DatabaseError(f"{path} is busy ({message}); nothing was changed, try again")
    if "full" in message:
        return DatabaseError(f"no space left to write {path}; nothing was changed")
    return DatabaseError(f"cannot write {path} ({message}); nothing was changed")


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
    """Open (creating it and its folder if needed) the database at `path`, schema up to date.

    A database whose file or folder cannot be written is opened for reading only. A file is
    checked before anything is written to it: a database of another program is refused and
    left byte for byte as it was.
    """
    from quotetrack.migrations import NOT_NEEDED_FOR_READING, applied_names, migrations, pending_names

    resolved = resolve_path(path)
    head = _check_file(resolved)
    read_only = None
    if head or resolved.exists():
        read_only = _why_read_only(resolved)
    else:
        try:
            resolved.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create folder {resolved.parent}: {exc.strerror}") from None
        if not os.access(resolved.parent, os.W_OK | os.X_OK):
            raise DatabaseError(f"cannot create {resolved}: its folder cannot be written")
    conn = None
    try:
        conn = _connect(resolved) if read_only is None else _connect_read_only(resolved, head)
        conn.execute("PRAGMA busy_timeout = 30000")
        _check_ours(conn, resolved)
        conn.create_function("fold_name", 1, _fold_name, deterministic=True)
        conn.create_function("fold_for_search", 1, _fold_for_search, deterministic=True)
        db = Database(conn, resolved, read_only)
        if read_only is None:
            conn.execute("PRAGMA foreign_keys = ON")
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
        pending = pending_names(conn) if migrate else []
        if pending and read_only:
            if not set(pending) <= NOT_NEEDED_FOR_READING:
                what = ("it cannot be set up as a new database" if not applied_names(conn) else
                        "its schema, from an older quotetrack, cannot be brought up to date")
                raise DatabaseError(f"{resolved} is read-only ({read_only}), so {what}; "
                                    "nothing was changed")
        elif pending:
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
    except DatabaseError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
            raise write_error(resolved, exc) from None
        raise DatabaseError(f"cannot use {resolved} as a database: {exc}") from None
    return db
