"""Statements (and conflicts) as CSV, JSON and JSON Lines that import reads back unchanged.

CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) are written with a leading apostrophe, which spreadsheets show as text; a cell that
already starts with an apostrophe before such a character gets one more. `unescape_cell` undoes
exactly this on import, so export -> import -> export is byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from quotetrack.errors import FileError
from quotetrack.models import STATEMENT_FIELDS, Statement

FORMATS = ("csv", "json", "jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Spreadsheet files quotetrack cannot write: text in one would not open, and would look lost.
_SPREADSHEET_EXTENSIONS = frozenset(".xlsx .xlsm .xls .ods .numbers".split())


def refuse_spreadsheet(path: Path) -> None:
    """A FileError for an output named as a spreadsheet file (out.xlsx), which is not written."""
    suffix = path.suffix.lower()
    if suffix in _SPREADSHEET_EXTENSIONS:
        raise FileError(f"cannot write {path}: quotetrack writes no {suffix} files; write CSV "
                        f"(-o {path.with_suffix('.csv').name}), which spreadsheets open")


def output_format(path: Path | None, given: str | None) -> str:
    """The format an export writes: --format when given, else the output file's extension
    (.csv, .json, .jsonl, .ndjson), else CSV to standard output. A file whose extension names
    no format (unless --format is given), another format than --format, or a spreadsheet is
    refused: a FileError, and nothing written."""
    from quotetrack.importer import format_for

    if path is None:
        return given or "csv"
    refuse_spreadsheet(path)
    try:
        implied = format_for(str(path))
    except FileError:
        implied = None
    if given is None and implied is None:
        raise FileError(f"cannot tell the format of {path} from its extension (.csv, .json, "
                        ".jsonl); use --format csv, json or jsonl")
    if given is not None and implied is not None and given != implied:
        raise FileError(f"{path} is named as {implied} but --format is {given}; make them agree")
    return given or implied


def view_format(path: Path | None, given: str | None) -> str:
    """The format a view like `conflicts` writes: --format when given, else .csv or .json from
    the output file's extension, else the table ('table'), as text in a file. A spreadsheet file
    is refused (FileError)."""
    if path is not None:
        refuse_spreadsheet(path)
    if given is not None:
        return given
    suffix = path.suffix.lower() if path is not None else ""
    return {".csv": "csv", ".json": "json"}.get(suffix, "table")


def escape_cell(value: str) -> str:
    """Make a CSV cell safe to open in a spreadsheet, reversibly."""
    if value.startswith(_FORMULA_START) or (value.startswith("'") and value[1:2] in ("'",) + _FORMULA_START and value[1:2] != ""):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo `escape_cell`."""
    if value.startswith("'") and value[1:2] != "" and value[1:2] in ("'",) + _FORMULA_START:
        return value[1:]
    return value


def statement_record(statement: Statement) -> dict:
    return statement.to_dict()


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(value)
    elif isinstance(value, float):
        value = f"{value:.3f}"
    elif not isinstance(value, str):
        value = str(value)
    return escape_cell(value)


def write_records(records: Iterable[dict], fmt: str, out: io.TextIOBase,
                  fields: Sequence[str]) -> int:
    """Write dict records in `fmt` to a text stream; returns how many were written."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(fields)
        for record in records:
            writer.writerow([_csv_value(record.get(name)) for name in fields])
            count += 1
    elif fmt == "json":
        out.write("[")
        for record in records:
            out.write(",\n  " if count else "\n  ")
            out.write(json.dumps({k: record.get(k) for k in fields}, ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json.dumps({k: record.get(k) for k in fields}, ensure_ascii=False) + "\n")
            count += 1
    else:
        raise ValueError(fmt)
    return count


def write_statements(statements: Iterable[Statement], fmt: str, out: io.TextIOBase) -> int:
    return write_records((s.to_dict() for s in statements), fmt, out, STATEMENT_FIELDS)


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[io.TextIOBase]:
    """A UTF-8 text stream that becomes `path` only when the block finishes without error.

    It writes to a temporary file in the same folder and renames it over `path`, so a failure
    half-way leaves any earlier file untouched and no half-written one behind.
    """
    given = Path(path)
    # a link is followed, so the file it points to is what gets the new contents, and the
    # link stays a link
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = target.parent
    if target.is_dir():
        raise FileError(f"{given} is a folder; give a file name")
    if target.exists() and not target.is_file():
        # a device (/dev/full), a named pipe or a socket would be replaced by a plain file
        raise FileError(f"{given} is not a regular file; give a file name")
    if not folder.is_dir():
        raise FileError(f"cannot write {target}: folder {folder} does not exist")
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (mkstemp's are 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_conflicts(conflicts, fmt: str, out: io.TextIOBase) -> int:
    """Conflicts as JSON objects ({"id", "type", ..., "a": {...}, "b": {...}}) or flat CSV rows."""
    from quotetrack.models import CONFLICT_CSV_FIELDS, flatten_conflict

    if fmt == "csv":
        return write_records((flatten_conflict(c) for c in conflicts), "csv", out,
                             CONFLICT_CSV_FIELDS)
    records = [c.to_dict() for c in conflicts]
    fields = list(records[0]) if records else []
    return write_records(records, fmt, out, fields)
