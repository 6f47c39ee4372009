"""`quotetrack conflicts`: detect, list and review conflicts between accounts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt

conflicts_app = typer.Typer(
    no_args_is_help=False,
    invoke_without_command=True,
    help="Find the accounts that cannot all be true, and review them.",
)

ConflictId = Annotated[str, typer.Argument(metavar="ID", help="Conflict id, as listed.")]
NoteOpt = Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="Why you decided so (kept with the decision).")]


def _a_number(value: float, option: str) -> float:
    # click's range check lets 'nan' through (no comparison with it is true), and no score is
    # at least nan: it would quietly show nothing.
    if value != value:
        raise typer.BadParameter("'nan' is not a number", param_hint=f"'{option}'")
    return value


@conflicts_app.callback(invoke_without_command=True)
def conflicts(
    ctx: typer.Context,
    type: Annotated[Optional[list[str]], typer.Option("--type", "-t", metavar="TYPE", help="polarity, numeric, antonym, quote_variance, misattribution or reversal; repeat or comma-separate.")] = None,
    speaker: opt.Speaker = None, outlet: opt.Outlet = None, topic: opt.Topic = None,
    since: opt.Since = None, until: opt.Until = None, side: opt.Side = None,
    min_score: Annotated[float, typer.Option("--min-score", metavar="SCORE", min=0.0, max=1.0, callback=lambda value: _a_number(value, "--min-score"), help="Only conflicts scoring at least this (0..1).")] = 0.0,
    status: Annotated[str, typer.Option("--status", metavar="STATUS", help="open, confirmed, dismissed or all.")] = "open",
    window: Annotated[Optional[int], typer.Option("--window", metavar="DAYS", min=0, help="Only pairs whose dates are at most this many days apart.")] = None,
    limit: opt.Limit = None,
    format: Annotated[Optional[opt.OutputFormat], typer.Option("--format", "-f", help="table for people (the default), json or csv for tools; with -o and no --format, taken from the file's extension (.csv, .json; anything else gets the table as text).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of the terminal.")] = None,
    rescan: Annotated[bool, typer.Option("--rescan", help="Re-analyse every statement instead of only new and changed ones.")] = False,
) -> None:
    """Detect conflicts (only new and changed statements are analysed) and list them, highest score first."""
    if ctx.invoked_subcommand is not None:
        return
    from quotetrack.cli import open_database
    from quotetrack.conflicts.detect import detect
    from quotetrack.conflicts.review import count_conflicts, list_conflicts, validate_status, validate_types
    from quotetrack.export import view_format
    from quotetrack.models import ConflictFilters

    fmt = view_format(output, format.value if format else None)  # refused before detection
    filters = ConflictFilters(
        types=validate_types(type), status=validate_status(status), min_score=min_score,
        window=window,
        statements=opt.make_filters(speaker, outlet, since, until, topic, None, None, limit, side),
    )
    db = open_database(ctx)
    report = detect(db, full=rescan)
    found = list_conflicts(db, filters)
    # the summary says how many a limit left out
    total = count_conflicts(db, filters) if limit is not None else len(found)
    if sys.stderr.isatty() and report.analysed:
        typer.echo(f"Analysed {report.analysed} statement{'s' if report.analysed != 1 else ''}, "
                   f"compared {report.compared} pairs in {report.seconds:.1f} s.", err=True)
    _emit(found, fmt, output, status, total)


def _emit(found, fmt: str, output: Optional[Path], status: str,
          total: Optional[int] = None) -> None:
    """`found` as a table, JSON or CSV (`fmt`) on standard output or in the file `output`."""
    from quotetrack import render
    from quotetrack.export import atomic_output, write_conflicts

    if output is None:
        if fmt == "table":
            render.conflicts_view(found, status, total=total)
        else:
            write_conflicts(found, fmt, sys.stdout)
        return
    with atomic_output(output) as fh:
        if fmt == "table":
            render.conflicts_view(found, status, stream=fh, total=total)
            count = len(found)
        else:
            count = write_conflicts(found, fmt, fh)
    shown = f"{count} of {total}" if total is not None and total > count else f"{count}"
    typer.echo(f"Wrote {shown} conflict{'s' if (total or count) != 1 else ''} to {output} ({fmt})",
               err=True)


def _decide(ctx: typer.Context, conflict_id: str, status: str, note: Optional[str]) -> None:
    """Record a decision. Without --note an earlier note is kept (also on reopen), and said to
    be the earlier one when the decision changed, so it is not read as written for this one."""
    from quotetrack.cli import open_database
    from quotetrack.conflicts.review import get_conflict, set_status

    db = open_database(ctx)
    before = get_conflict(db, conflict_id)
    kept = note is None and bool(before.note)
    conflict = set_status(db, conflict_id, status, before.note if kept else note)
    if kept and before.status != conflict.status:
        said = (f"; earlier note kept: '{conflict.note}' (use --note to replace it, "
                "--note '' to clear it)")
    elif conflict.note:
        said = f" (note: {conflict.note})"
    elif before.note:
        said = " (note cleared)"
    else:
        said = ""
    typer.echo(f"{conflict.id} is now {conflict.status}{said}")


def _decision(status: str, summary: str):
    """The command that records `status` for a conflict (confirm, dismiss, reopen)."""

    def decide(ctx: typer.Context, conflict_id: ConflictId, note: NoteOpt = None) -> None:
        _decide(ctx, conflict_id, status, note)

    decide.__doc__ = summary
    return decide


conflicts_app.command("confirm")(_decision("confirmed", "Mark a conflict as a real contradiction."))
conflicts_app.command("dismiss")(_decision(
    "dismissed", "Mark a conflict as not a contradiction; the pair never comes back as open."))
conflicts_app.command("reopen")(_decision("open", "Put a confirmed or dismissed conflict back to open."))


@conflicts_app.command()
def show(
    ctx: typer.Context,
    conflict_id: ConflictId,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """Show one conflict with both accounts and the evidence."""
    from quotetrack.cli import open_database
    from quotetrack.conflicts.review import get_conflict
    from quotetrack.errors import NotFoundError
    from quotetrack.store import is_statement_id

    try:
        conflict = get_conflict(open_database(ctx), conflict_id)
    except NotFoundError as exc:
        given = conflict_id.strip().lower()
        if is_statement_id(given):
            raise NotFoundError(f"{exc}; {given} is a statement id: quotetrack show {given}") from None
        raise
    _emit([conflict], format.value, None, "all")


def register(app: typer.Typer) -> None:
    app.add_typer(conflicts_app, name="conflicts")
