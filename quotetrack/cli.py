"""The root command: global options, the command groups, and one place that turns errors into exit codes."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from quotetrack.errors import QuotetrackError


class _Group(TyperGroup):
    """Runs every command; a QuotetrackError becomes 'Error: ...' on stderr and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except QuotetrackError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None
        except UnicodeEncodeError as exc:
            # Python reads an argument's bytes that are not UTF-8 as lone surrogates
            # (U+DC80..U+DCFF), which SQLite cannot take as text: an input error, not a bug.
            # Fields to be stored are checked earlier and named (store._check_storable).
            code = ord(exc.object[exc.start]) if isinstance(exc.object, str) else 0
            if not 0xDC80 <= code <= 0xDCFF:
                raise
            typer.echo(f"Error: an argument is not valid UTF-8 text (byte 0x{code - 0xDC00:02x})",
                       err=True)
            raise typer.Exit(1) from None
        finally:
            # Close the database when the command ends, not whenever its objects are collected.
            opened = ctx.obj.pop("db", None) if isinstance(ctx.obj, dict) else None
            if opened is not None:
                opened.close()


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Track who said what in a contested story, and find where the accounts conflict.",
)


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        Optional[str],
        typer.Option(
            "--db",
            envvar="QUOTETRACK_DB",
            metavar="PATH",
            help="Database file (created on first use). Default: quotetrack.db in the app folder.",
            show_default=False,
        ),
    ] = None,
) -> None:
    if db is not None and not db.strip():
        from quotetrack.errors import ValidationError

        raise ValidationError("--db", "is empty")
    ctx.obj = {"db_path": db}


def open_database(ctx: typer.Context):
    """The database for this command, opened on first use."""
    from quotetrack.db import open_db

    root = ctx.find_root()
    if root.obj is None:
        root.obj = {"db_path": None}
    if "db" not in root.obj:
        root.obj["db"] = open_db(root.obj.get("db_path"))
    return root.obj["db"]


from quotetrack.commands import conflicts as _conflicts  # noqa: E402
from quotetrack.commands import extract as _extract  # noqa: E402
from quotetrack.commands import identities as _identities  # noqa: E402
from quotetrack.commands import io as _io  # noqa: E402
from quotetrack.commands import report as _report  # noqa: E402
from quotetrack.commands import statements as _statements  # noqa: E402

_statements.register(app)
_io.register(app)
_conflicts.register(app)
_identities.register(app)
_report.register(app)
_extract.register(app)


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
