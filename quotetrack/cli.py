"""The root command: global options, the command groups, and one place that turns errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
import re
from importlib import import_module
from typing import Annotated, Optional

import typer
from typer._click import exceptions as click_errors  # typer 0.28 ships its own copy of click
from typer._click.core import ParameterSource
from typer.core import TyperGroup

from quotetrack.errors import QuotetrackError

# Which module of quotetrack.commands registers each command, in the order `--help` lists them.
# A module is imported, and its commands built, only when one of them is run or help lists
# them all: typer reads every parameter of each command it builds, and `add` must start fast.
_COMMAND_MODULES = {
    "add": "statements", "list": "statements", "show": "statements", "search": "statements",
    "edit": "statements", "delete": "statements", "info": "statements",
    "import": "io", "export": "io",
    "merges": "identities", "unmerge": "identities",
    "report": "report", "serve": "report",
    "extract": "extract",
    "conflicts": "conflicts", "speakers": "identities", "outlets": "identities",
}


def _module_commands(module: str) -> dict:
    """The commands quotetrack.commands.<module> registers, built as the root app builds its own."""
    holder = typer.Typer(rich_markup_mode=app.rich_markup_mode)
    import_module(f"quotetrack.commands.{module}").register(holder)
    return typer.main.get_group(holder).commands


class _CommandsOnDemand(Mapping):
    """The root group's commands by name, each module's built on first use.

    It stands in for the group's `commands` dict, which click and typer read for running a
    command, listing them in help and completion, and suggesting a name for a typo.
    """

    def __init__(self, built: dict):
        self._built = dict(built)

    def __getitem__(self, name: str):
        if name not in self._built and name in _COMMAND_MODULES:
            self._built.update(_module_commands(_COMMAND_MODULES[name]))
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:  # Group.add_command
        self._built[name] = command

    def __iter__(self):
        return iter(dict.fromkeys([*_COMMAND_MODULES, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*_COMMAND_MODULES, *self._built]))


def _command_words(ctx) -> list[str]:
    """'quotetrack conflicts confirm', whatever name the program was run by."""
    if ctx is None:
        return ["quotetrack"]
    # The root's name may be several words: 'python -m quotetrack'.
    program = ctx.find_root().info_name or ""
    return ["quotetrack", *ctx.command_path.split()[len(program.split()) or 1:]]


def _usage_error(exc: click_errors.UsageError, args: list[str]) -> typer.Exit:
    """A usage error as one line on stderr, `Error: ...` naming the problem and the help to read;
    exit code 2 (click's for usage errors), as against 1 for the tool's own errors."""
    message = exc.format_message().strip()
    if isinstance(exc, click_errors.NoSuchOption) and exc.option_name.split("=")[0] == "--db":
        # --db is the root's option; given after the command, click finds no such option there.
        value = "PATH"
        for at, arg in enumerate(args):
            if arg == "--db" and at + 1 < len(args):
                value = args[at + 1]
            elif arg.startswith("--db="):
                value = arg[len("--db="):]
        command = " ".join(_command_words(exc.ctx)[1:]) or "COMMAND"
        message = f"--db goes before the command: quotetrack --db {value} {command}"
    else:
        message = re.sub(r" / '-\w'", "", message)  # '--format' / '-f' -> '--format'
        if message[:2].istitle():
            message = message[0].lower() + message[1:]
        if exc.ctx is not None:
            message = message.rstrip(".") + f" (see {' '.join(_command_words(exc.ctx))} --help)"
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(2)


class _Group(TyperGroup):
    """Runs every command, each built on demand; a QuotetrackError becomes 'Error: ...' on stderr
    and exit code 1, a usage error one line 'Error: ...' and exit code 2."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.commands = _CommandsOnDemand(self.commands)

    def list_commands(self, ctx) -> list[str]:
        # The names alone: typer's own list_commands would build every command to list them.
        return list(self.commands)

    def make_context(self, info_name, args, parent=None, **extra):
        given = list(args)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as exc:
            raise _usage_error(exc, given) from None

    def invoke(self, ctx):
        given = [*ctx._protected_args, *ctx.args]  # click empties both before running the command
        try:
            return super().invoke(ctx)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as exc:
            raise _usage_error(exc, given) from None
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
    from_env = ctx.get_parameter_source("db") == ParameterSource.ENVIRONMENT
    if (db is None and os.environ.get("QUOTETRACK_DB") == "") or (from_env and not db.strip()):
        # click takes an empty environment variable as unset; quotetrack takes it as a mistake,
        # as it does an empty --db, rather than quietly using the default database.
        from quotetrack.errors import ValidationError

        raise ValidationError("QUOTETRACK_DB", "is empty (give a database path, or unset it)")
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


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
