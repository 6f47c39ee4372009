"""add, list, show, search, edit, delete, info."""

# No `from __future__ import annotations` here: typer would have to eval every annotation
# string on each start-up, and `add` must start fast.

import sys
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt


def _read_text(text: str) -> str:
    if text == "-":
        data = sys.stdin.read()
        return data.rstrip("\r\n")
    return text


def _ask_if_missing(value: Optional[str], label: str, field: str, can_prompt: bool, check) -> str:
    """The value given, or, at a terminal, one asked for until `check` accepts it."""
    from quotetrack.errors import ValidationError

    if value is not None and value.strip():
        return value
    if can_prompt:
        return typer.prompt(label, value_proc=opt.accepted_by(check))
    how = "give it as the argument, or '-' to read standard input" if field == "text" else f"give --{field}"
    raise ValidationError(field, f"is required ({how})")


def add(
    ctx: typer.Context,
    text: Annotated[Optional[str], typer.Argument(help="The words said; '-' reads standard input.", show_default=False)] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", metavar="NAME", help="Who said it.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", "-o", metavar="NAME", help="Who reported it (default with --url: the link's site).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", metavar="DATE", help="When it was said or reported: 2020-02-04, 2020-02 or 2020.")] = None,
    kind: Annotated[str, typer.Option("--kind", "-k", metavar="KIND", help="direct (verbatim quote) or indirect (paraphrase); quote and paraphrase are taken as these.")] = "direct",
    url: Annotated[Optional[str], typer.Option("--url", metavar="URL", help="Link to the source.")] = None,
    via: Annotated[Optional[str], typer.Option("--via", metavar="RELAY", help="Relay that passed the words on (NTV in 'NTV quoted Erdogan').")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC", help="Story or thread this belongs to.")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG", help="A tag; repeat for several.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="Your notes.")] = None,
    role: Annotated[Optional[str], typer.Option("--role", metavar="TITLE", help="The speaker's title here (default: a title written before the name, as in 'Foreign Minister Mevlut Cavusoglu').")] = None,
    force: Annotated[bool, typer.Option("--force", help="Store even if the same statement is already stored.")] = False,
) -> None:
    """Record one attributed statement and print its id.

    The speaker and outlet resolve to known identities by any known spelling. A close match is
    asked about at a terminal; otherwise it is used only when it is very close, and said on
    standard error.
    """
    from quotetrack.cli import open_database
    from quotetrack.normalize import parse_date
    from quotetrack.store import add_statement, validate_name, validate_text

    can_prompt = opt.stdin_is_terminal() and text != "-"
    ask_names = text != "-" and opt.at_terminal()
    text = _read_text(_ask_if_missing(text, "Text", "text", can_prompt, validate_text))
    speaker = _ask_if_missing(speaker, "Speaker", "speaker", can_prompt,
                              lambda answer: validate_name(answer, "speaker"))
    if not (url and url.strip()):
        outlet = _ask_if_missing(outlet, "Outlet", "outlet", can_prompt,
                                 lambda answer: validate_name(answer, "outlet"))
    date = _ask_if_missing(date, "Date (YYYY-MM-DD, YYYY-MM or YYYY)", "date", can_prompt, parse_date)
    db = open_database(ctx)
    resolving = opt.resolving(ask_names)
    statement = add_statement(
        db, text=text, speaker=speaker, outlet=outlet, date=date, kind=kind, url=url, via=via,
        topic=topic, tags=tag or [], notes=note, role=role, force=force, resolving=resolving,
    )
    opt.report_matches(resolving.matches)
    typer.echo(statement.id)
    if sys.stderr.isatty():
        typer.echo("Run `quotetrack conflicts` to check it against the other statements.", err=True)


def list_(
    ctx: typer.Context,
    speaker: opt.Speaker = None, outlet: opt.Outlet = None, since: opt.Since = None,
    until: opt.Until = None, topic: opt.Topic = None, tag: opt.Tag = None, kind: opt.Kind = None,
    limit: opt.Limit = None, side: opt.Side = None,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """List statements, oldest first, with filters."""
    from quotetrack.cli import open_database
    from quotetrack.store import count_statements, list_statements

    filters = opt.make_filters(speaker, outlet, since, until, topic, tag, kind, limit, side)
    db = open_database(ctx)
    statements = list_statements(db, filters)
    if format.value == "table":
        from quotetrack import render

        # With a limit reached, the summary says how many match in all.
        total = count_statements(db, filters) if limit and len(statements) == limit else None
        render.statements_table(statements, total)
    else:
        from quotetrack.export import write_statements

        write_statements(statements, format.value, sys.stdout)


def show(
    ctx: typer.Context,
    statement_id: Annotated[str, typer.Argument(metavar="ID", help="Statement id, as shown by list.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Show one statement in full, with the conflicts it is part of."""
    from quotetrack.cli import open_database
    from quotetrack.errors import ValidationError
    from quotetrack.store import get_statement

    if format not in ("table", "json"):
        raise ValidationError("--format", f"'{format}' is not table or json")
    db = open_database(ctx)
    _print_statement(db, get_statement(db, statement_id), format)


def _print_statement(db, statement, format: str = "table") -> None:
    """A statement in full with the conflicts stored for it, as `show` prints it."""
    from quotetrack import render
    from quotetrack.conflicts.review import conflicts_for_statement

    conflicts = conflicts_for_statement(db, statement.id)
    if format == "json":
        render.json_out({**statement.to_dict(), "conflicts": [c.to_dict() for c in conflicts]})
    else:
        render.statement_detail(statement, conflicts)


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words to find (all must match); "quoted phrase" for a phrase.')],
    speaker: opt.Speaker = None, outlet: opt.Outlet = None, since: opt.Since = None,
    until: opt.Until = None, topic: opt.Topic = None, tag: opt.Tag = None, kind: opt.Kind = None,
    limit: Annotated[int, typer.Option("--limit", metavar="N", min=1, help="At most this many.")] = 20,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """Full-text search of statement texts, best match first, matches highlighted."""
    from quotetrack.cli import open_database
    from quotetrack.store import count_search_matches, search_statements

    filters = opt.make_filters(speaker, outlet, since, until, topic, tag, kind, limit)
    db = open_database(ctx)
    results = search_statements(db, query, filters)
    if format.value == "table":
        from quotetrack import render

        total = count_search_matches(db, query, filters) if len(results) == limit else None
        render.search_results(results, query, total)
    else:
        from quotetrack.export import write_statements

        write_statements([s for s, _ in results], format.value, sys.stdout)


def edit(
    ctx: typer.Context,
    statement_id: Annotated[str, typer.Argument(metavar="ID", help="Statement id.")],
    text: Annotated[Optional[str], typer.Option("--text", metavar="TEXT", help="New text ('-' reads standard input).")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", metavar="NAME")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", metavar="NAME")] = None,
    date: Annotated[Optional[str], typer.Option("--date", metavar="DATE")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="KIND", help="direct or indirect (also quote, paraphrase).")] = None,
    url: Annotated[Optional[str], typer.Option("--url", metavar="URL", help="New link; '' clears it.")] = None,
    via: Annotated[Optional[str], typer.Option("--via", metavar="RELAY", help="New relay; '' clears it.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC", help="New topic; '' clears it.")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG", help="Replace the tags (repeat for several; '' clears).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", metavar="TEXT", help="New notes; '' clears them.")] = None,
    role: Annotated[Optional[str], typer.Option("--role", metavar="TITLE", help="The speaker's title here; '' clears it.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Allow the edit to make it a duplicate.")] = False,
) -> None:
    """Change fields of a stored statement (its id stays the same) and show it as `show` does.

    A change to what conflict detection reads (text, kind, speaker, outlet, relay, date, topic,
    role) drops the statement's conflicts until `quotetrack conflicts` runs again; review
    decisions are kept.
    """
    from quotetrack.cli import open_database
    from quotetrack.store import update_statement

    changes = {
        name: value
        for name, value in {
            "text": _read_text(text) if text is not None else None, "speaker": speaker,
            "outlet": outlet, "date": date, "kind": kind, "url": url, "via": via,
            "topic": topic, "notes": note, "role": role,
        }.items()
        if value is not None
    }
    if tag is not None:
        changes["tags"] = [t for t in tag if t.strip()]
    resolving = opt.resolving(text != "-" and opt.at_terminal())
    db = open_database(ctx)
    statement = update_statement(db, statement_id, changes, force=force, resolving=resolving)
    opt.report_matches(resolving.matches)
    _print_statement(db, statement)


def delete(
    ctx: typer.Context,
    statement_id: Annotated[str, typer.Argument(metavar="ID", help="Statement id.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a statement (asks first unless --yes)."""
    from quotetrack.cli import open_database
    from quotetrack.errors import QuotetrackError
    from quotetrack.store import delete_statement, get_statement

    db = open_database(ctx)
    statement = get_statement(db, statement_id)
    db.check_writable()  # before asking a question whose answer could not be acted on
    if not yes:
        if not opt.stdin_is_terminal():
            raise QuotetrackError("not deleting without confirmation; add --yes")
        preview = statement.text if len(statement.text) <= 70 else statement.text[:67] + "..."
        typer.confirm(f"Delete {statement.id} ({statement.speaker}: {preview})?", abort=True)
    delete_statement(db, statement.id)
    typer.echo(f"Deleted {statement.id}")


def info(ctx: typer.Context) -> None:
    """Database path, schema version and counts."""
    from quotetrack import render
    from quotetrack.cli import open_database
    from quotetrack.migrations import latest_version, schema_version
    from quotetrack.store import counts

    db = open_database(ctx)
    render.info(str(db.path), schema_version(db), latest_version(), counts(db))


def register(app: typer.Typer) -> None:
    app.command()(add)
    app.command("list")(list_)
    app.command()(show)
    app.command()(search)
    app.command()(edit)
    app.command()(delete)
    app.command()(info)
