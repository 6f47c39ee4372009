"""Read statements from CSV, JSON (an array of objects) and JSON Lines, all or nothing.

Columns (CSV header cells, JSON keys) are matched by name, case and surrounding spaces ignored:
`text`, `speaker`, `outlet` and `date` are required; `kind`, `url`, `via`, `topic`, `tags`
(also `tag`) and `notes` (also `note`) are optional; `id`, `added_at` and `updated_at` are
what export writes and are kept when valid. Any other column is an error naming it, so a typo
such as `speakr` never silently drops a field.

Every problem in the file is collected as `FILE:LINE: field: what is wrong` and reported
together; one bad row means nothing is written. CSV cells are passed through
`export.unescape_cell`, which undoes the spreadsheet-formula escaping export applies.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotetrack.errors import FileError, ImportProblems, ValidationError
from quotetrack.models import STATEMENT_FIELDS, ImportResult

FORMATS = ("csv", "json", "jsonl")
REQUIRED = ("text", "speaker", "outlet", "date")
_EXTENSIONS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_ALIASES = {"note": "notes", "tag": "tags"}
_EXTRAS = ("id", "added_at", "updated_at")
STDIN_NAME = "<stdin>"


@dataclass
class RawRow:
    """One record as found in the file: where it starts, its values by field name, and what is
    wrong with its shape (too many cells, a value of the wrong JSON type)."""

    line: int
    values: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    bad_fields: set[str] = field(default_factory=set)  # already reported in `problems`


def format_for(name: str) -> str:
    """The format a file name's extension implies; raises FileError when there is none."""
    suffix = Path(name).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise FileError(
        f"cannot tell the format of {name} from its extension; use --format csv, json or jsonl"
    )


def read_bytes(path: str | os.PathLike) -> bytes:
    """The contents of `path`, or a FileError saying why it cannot be read."""
    path = Path(path)
    if path.is_dir():
        raise FileError(f"{path} is a folder, not a file")
    if path.exists() and not path.is_file():
        # A device, pipe or socket may never end (/dev/zero): read only regular files.
        raise FileError(f"{path} is not a regular file; give a file, or '-' to read standard input")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileError(f"{path} does not exist") from None
    except OSError as exc:
        raise FileError(f"cannot read {path}: {exc.strerror or exc}") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a leading BOM dropped), or a FileError naming the line that is not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileError(f"{name} is UTF-16 text; save it as UTF-8 and import again")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileError(
            f"{name}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "if it is a text file, save it as UTF-8"
        ) from None
    if not text.strip():
        raise FileError(f"{name} is empty")
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise FileError(f"{name}:{line}: holds a NUL byte; is it a binary file?")
    return text


# ---------------------------------------------------------------- column names

def _column(key: Any) -> str:
    name = str(key).strip().lower()
    return _ALIASES.get(name, name)


def _unknown_column(original: Any) -> str:
    import difflib

    hint = difflib.get_close_matches(_column(original), STATEMENT_FIELDS, n=1)
    if hint:
        return f"'{original}' is not a statement field (did you mean '{hint[0]}'?)"
    return f"'{original}' is not a statement field; known: {', '.join(STATEMENT_FIELDS)}"


# ---------------------------------------------------------------- CSV

def _read_csv(text: str, name: str, problems: list[str]) -> list[RawRow]:
    from quotetrack.export import unescape_cell

    # A 1 MB statement is a legitimate cell; the csv module's default cap is 128 KiB.
    if csv.field_size_limit() < len(text):
        csv.field_size_limit(min(len(text) + 1, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[RawRow] = []
    header: list[str | None] | None = None
    last_line = 0
    try:
        for cells in reader:
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines and spreadsheet rows of bare commas
            if header is None:
                header = _csv_header(cells, name, start, problems)
                if header is None:
                    return []
                continue
            row = RawRow(start, {})
            for index, cell in enumerate(cells):
                if index < len(header):
                    if header[index] is not None:
                        row.values[header[index]] = unescape_cell(cell)
                elif cell.strip():
                    row.problems.append(
                        f"row has {len(cells)} cells but the header has {len(header)} columns"
                        " (a comma in an unquoted cell?)"
                    )
                    break
            rows.append(row)
    except csv.Error as exc:
        hint = "; is a quote left open?" if "end of data" in str(exc) else ""
        raise FileError(f"{name}:{last_line + 1}: not valid CSV ({exc}){hint}") from None
    if header is None:
        raise FileError(f"{name} has no header row")
    return rows


def _csv_header(cells: list[str], name: str, line: int, problems: list[str]) -> list[str | None] | None:
    """Field names by position (None for a blank header cell), or None when the header is unusable."""
    columns = [_column(cell) for cell in cells]
    if not set(columns) & set(STATEMENT_FIELDS):
        found = cells[0][:40]
        if len(cells) == 1 and any(sep in cells[0] for sep in ";\t"):
            raise FileError(
                f"{name}:{line}: columns are separated by ';' or tabs; quotetrack reads comma-separated CSV"
            )
        raise FileError(
            f"{name}:{line}: the first row ('{found}'...) names none of the statement columns "
            f"({', '.join(REQUIRED)} ...); is it a quotetrack CSV?"
        )
    header: list[str | None] = []
    for original, column in zip(cells, columns):
        # Unknown and repeated columns are reported, and the rows are still checked.
        if column and column not in STATEMENT_FIELDS:
            problems.append(f"{name}:{line}: {_unknown_column(original.strip())}")
        elif column and column in header:
            problems.append(f"{name}:{line}: {column}: column appears twice in the header")
        else:
            header.append(column or None)
            continue
        header.append(None)
    # Without an outlet column, each row's outlet is its link's site.
    missing = [column for column in REQUIRED if column not in header
               and not (column == "outlet" and "url" in header)]
    for column in missing:
        problems.append(f"{name}:{line}: {column}: required column is missing")
    # Without a required column every row would fail the same way: report the header alone.
    return None if missing else header


# ---------------------------------------------------------------- JSON and JSON Lines

_JSON_SPACE = " \t\n\r"


def _json_error(name: str, exc: json.JSONDecodeError) -> FileError:
    return FileError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})")


def _too_deep(name: str, text: str, index: int) -> FileError:
    line, col = _position(text, index)
    return FileError(f"{name}:{line}:{col}: JSON nested too deeply to be a statement")


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in _JSON_SPACE:
        index += 1
    return index


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _RepeatedKeys(dict):
    """A JSON object in which a key appears more than once: `pairs` holds every one, in order
    (a plain dict would keep only the last value, silently)."""

    pairs: list[tuple[str, Any]]


def _json_object(pairs: list[tuple[str, Any]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        obj = _RepeatedKeys(obj)
        obj.pairs = pairs
    return obj


_DECODER = json.JSONDecoder(object_pairs_hook=_json_object)


def _json_items(text: str, name: str) -> Iterator[tuple[int, Any]]:
    """Each element of a top-level JSON array with the line it starts on."""
    decoder = _DECODER
    index = _skip_space(text, 0)
    if text[index] != "[":
        line, col = _position(text, index)
        hint = " (one object per line is JSON Lines: use --format jsonl)" if text[index] == "{" else ""
        raise FileError(f"{name}:{line}:{col}: expected a JSON array of statements{hint}")
    index = _skip_space(text, index + 1)
    line, counted = 1, 0
    if index < len(text) and text[index] == "]":
        index += 1
    else:
        while True:
            try:
                value, end = decoder.raw_decode(text, index)
            except json.JSONDecodeError as exc:
                raise _json_error(name, exc) from None
            except RecursionError:  # Python's decoder recurses once per '[' or '{'
                raise _too_deep(name, text, index) from None
            line += text.count("\n", counted, index)
            counted = index
            yield line, value
            index = _skip_space(text, end)
            if index < len(text) and text[index] == ",":
                index = _skip_space(text, index + 1)
                continue
            if index < len(text) and text[index] == "]":
                index += 1
                break
            where = _position(text, index)
            raise FileError(f"{name}:{where[0]}:{where[1]}: not valid JSON (expected ',' or ']')")
    index = _skip_space(text, index)
    if index < len(text):
        where = _position(text, index)
        raise FileError(f"{name}:{where[0]}:{where[1]}: not valid JSON (extra data after the array)")


def _jsonl_items(text: str, name: str) -> Iterator[tuple[int, Any]]:
    # Split on "\n" only: U+2028 and friends may appear unescaped inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            raise FileError(f"{name}:{number}:{exc.colno}: not valid JSON ({exc.msg})") from None
        except RecursionError:
            raise FileError(f"{name}:{number}: JSON nested too deeply to be a statement") from None


def _json_value(value: Any, column: str) -> Any:
    """A JSON value as the validators take it: text, None, or (for tags) a list of text."""
    if value is None or isinstance(value, str):
        return value
    if column == "tags" and isinstance(value, list):
        return value
    kind = "an object" if isinstance(value, dict) else {
        bool: "true/false", int: "a number", float: "a number", list: "a list"}.get(
        type(value), type(value).__name__)
    raise ValidationError(column, f"must be a JSON string, not {kind}")


def _read_json(items: Iterator[tuple[int, Any]]) -> list[RawRow]:
    rows: list[RawRow] = []
    reported_unknown: set[str] = set()
    for number, (line, item) in enumerate(items, start=1):
        if not isinstance(item, dict):
            rows.append(RawRow(line, {}, [f"item {number} is not an object with named fields"]))
            continue
        row = RawRow(line, {})
        for key, value in (item.pairs if isinstance(item, _RepeatedKeys) else item.items()):
            column = _column(key)
            if column not in STATEMENT_FIELDS:
                # Once per file: the same typo on every row would bury the other problems.
                if column not in reported_unknown:
                    reported_unknown.add(column)
                    row.problems.append(_unknown_column(key))
                continue
            if column in row.values:
                row.problems.append(f"{column}: given twice")
                continue
            try:
                row.values[column] = _json_value(value, column)
            except ValidationError as exc:
                row.problems.append(str(exc))
                row.bad_fields.add(column)
                row.values[column] = None
        rows.append(row)
    return rows


# ---------------------------------------------------------------- checking and storing

def read_rows(data: bytes, fmt: str, name: str) -> tuple[list[RawRow], list[str]]:
    """Parse a file's bytes into raw rows and the structural problems found on the way.

    Raises FileError when the file cannot be read as `fmt` at all.
    """
    if fmt not in FORMATS:
        raise FileError(f"'{fmt}' is not a format; use csv, json or jsonl")
    text = decode(data, name)
    problems: list[str] = []
    if fmt == "csv":
        rows = _read_csv(text, name, problems)
    elif fmt == "json":
        rows = _read_json(_json_items(text, name))
    else:
        rows = _read_json(_jsonl_items(text, name))
    return rows, problems


def check_row(values: dict[str, Any], skip: set[str] = frozenset()) -> tuple[dict[str, Any], list[str]]:
    """Validate every field of one raw row; returns the clean fields and each field's problem.

    Fields in `skip` are not reported again (their problem is known already).
    """
    from quotetrack.store import validate_fields, validate_import_extras

    try:
        return {**validate_fields(values), **validate_import_extras(values)}, []
    except ValidationError:
        pass
    # Something is wrong: check the fields one by one so that every bad one is reported.
    fields: dict[str, Any] = {}
    problems: list[str] = []
    for column in STATEMENT_FIELDS:
        if column in skip:
            continue
        one = {column: values.get(column)}
        try:
            if column in _EXTRAS:
                fields.update(validate_import_extras(one))
            else:
                fields.update(validate_fields(one, partial=True))
        except ValidationError as exc:
            problems.append(str(exc))
    return fields, problems


def import_statements(db, data: bytes, *, fmt: str, name: str, dry_run: bool = False) -> ImportResult:
    """Check every row of a CSV/JSON/JSON Lines file, then store them all in one transaction.

    Raises FileError for a file that cannot be read as `fmt`, and ImportProblems (listing each
    bad row as `name:line: field: problem`) when any row is bad; nothing is written then.
    """
    from quotetrack.store import add_many

    with _collector_paused():
        rows, problems = read_rows(data, fmt, name)
        clean: list[dict[str, Any]] = []
        for row in rows:
            if row.problems and not row.values:
                problems.extend(f"{name}:{row.line}: {problem}" for problem in row.problems)
                continue
            fields, row_problems = check_row(row.values, row.bad_fields)
            problems.extend(f"{name}:{row.line}: {problem}"
                            for problem in row.problems + row_problems)
            clean.append(fields)
        if problems:
            raise ImportProblems(problems)
        return add_many(db, clean, dry_run=dry_run)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector: a big file makes millions of objects and no cycles, and
    the collector would spend a fifth of the import looking for some."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_path(db, path: str | os.PathLike, *, fmt: str | None = None,
                dry_run: bool = False) -> ImportResult:
    """Import the file at `path`; the format comes from its extension unless `fmt` is given."""
    data = read_bytes(path)
    name = str(path)
    return import_statements(db, data, fmt=fmt or format_for(name), name=name, dry_run=dry_run)
