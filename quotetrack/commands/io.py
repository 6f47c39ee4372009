"""import and export: statements in and out as CSV, JSON and JSON Lines."""

# No `from __future__ import annotations` in command modules: typer would have to eval every
# annotation string on each start-up.

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt


class FileFormat(str, enum.Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(
        metavar="FILE",
        help="CSV, JSON (an array of objects) or JSON Lines file; '-' reads standard input.")],
    format: Annotated[Optional[FileFormat], typer.Option(
        "--format", "-f",
        help="File format; by default from the extension (.csv, .json, .jsonl/.ndjson). "
             "Required with '-'.", show_default=False)] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check the file and say what would be imported; write nothing.")] = False,
) -> None:
    """Import statements from a file, all or nothing.

    Names resolve as in add, without asking: a close match is used only when it is very close,
    and listed on standard error.

    Columns: text, speaker, outlet, date (required); kind, url, via, topic, tags, notes, and
    the id, added_at, updated_at that export writes. Any other column is an error. Statements
    already stored are skipped and counted.
    """
    from quotetrack.cli import open_database
    from quotetrack.errors import FileError
    from quotetrack.importer import STDIN_NAME, format_for, import_statements, read_bytes

    if file == "-":
        if format is None:
            raise FileError("reading standard input needs --format csv, json or jsonl")
        name, fmt, data = STDIN_NAME, format.value, sys.stdin.buffer.read()
    else:
        data = read_bytes(file)
        name, fmt = file, format.value if format else format_for(file)
    result = import_statements(open_database(ctx), data, fmt=fmt, name=name, dry_run=dry_run)
    notes = []
    if result.skipped_duplicates:
        verb = "would be skipped" if dry_run else "skipped"
        notes.append(f"{_plural(result.skipped_duplicates, 'duplicate')} {verb}")
    if result.renumbered:
        notes.append(f"{result.renumbered:,} given a new id, theirs being taken")
    detail = f" ({'; '.join(notes)})" if notes else ""
    if dry_run:
        typer.echo(f"Dry run: would import {_plural(result.added, 'statement')} from {name}"
                   f"{detail}. Nothing was written.")
    else:
        typer.echo(f"Imported {_plural(result.added, 'statement')} from {name}{detail}.")
    opt.report_matches(list(result.matches))


def export(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Write to this file (replaced only once complete) instead of "
                               "standard output.", show_default=False)] = None,
    format: Annotated[Optional[FileFormat], typer.Option(
        "--format", "-f", help="csv (the default), json or jsonl; with -o and no --format, "
                               "taken from the file's extension.", show_default=False)] = None,
    speaker: opt.Speaker = None, outlet: opt.Outlet = None, since: opt.Since = None,
    until: opt.Until = None, topic: opt.Topic = None, tag: opt.Tag = None, kind: opt.Kind = None,
    limit: opt.Limit = None,
    conflicts: Annotated[bool, typer.Option(
        "--conflicts", help="Export the conflicts (every status, both sides flattened in CSV) "
                            "instead of the statements; detection runs first.")] = False,
) -> None:
    """Export statements (filtered as in list) in a form import reads back unchanged.

    In CSV, a cell that a spreadsheet would run as a formula (starting with = + - @) gets a
    leading apostrophe; import removes it again.
    """
    from quotetrack.cli import open_database
    from quotetrack.export import atomic_output, output_format, write_statements
    from quotetrack.store import iter_statements

    filters = opt.make_filters(speaker, outlet, since, until, topic, tag, kind, limit)
    fmt = output_format(output, format.value if format else None)
    db = open_database(ctx)
    if conflicts:
        _export_conflicts(db, filters, fmt, output)
        return
    if output is None:
        _write_stdout(lambda out: write_statements(iter_statements(db, filters), fmt, out))
        return
    with atomic_output(output) as out:
        count = write_statements(iter_statements(db, filters), fmt, out)
    typer.echo(f"Exported {_plural(count, 'statement')} to {output}.", err=True)


def _export_conflicts(db, filters, fmt: str, output: Optional[Path]) -> None:
    from quotetrack.conflicts.detect import detect
    from quotetrack.conflicts.review import list_conflicts
    from quotetrack.export import atomic_output, write_conflicts
    from quotetrack.models import ConflictFilters

    detect(db)
    found = list_conflicts(db, ConflictFilters(status="all", statements=filters))
    if output is None:
        _write_stdout(lambda out: write_conflicts(found, fmt, out))
        return
    with atomic_output(output) as out:
        count = write_conflicts(found, fmt, out)
    typer.echo(f"Exported {_plural(count, 'conflict')} to {output}.", err=True)


def _write_stdout(write) -> None:
    """Write UTF-8 with untranslated line ends (CSV's are CRLF), whatever the console's settings."""
    import io

    sys.stdout.flush()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        write(out)
        out.flush()
    finally:
        out.detach()


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command()(export)
