"""extract: propose the attributed statements of an article, and store the ones picked."""

# No `from __future__ import annotations` in command modules: typer would have to eval every
# annotation string on each start-up. Nothing of quotetrack.extract is imported at module level:
# `add` and the other commands never load it.

import sys
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt

def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="Article as plain text or a saved HTML page; '-' reads standard input.")],
    format: opt.TableFormat = opt.OutputFormat.table,
    add: Annotated[bool, typer.Option("--add", help="Store the proposals (all, or those given with --pick) as statements.")] = False,
    interactive: Annotated[bool, typer.Option("--interactive", "-i", help="Review each proposal at the terminal (accept, edit speaker, role, relay, kind or text, skip, quit), then store the ones accepted.")] = False,
    pick: Annotated[Optional[str], typer.Option("--pick", metavar="NUMBERS", help="With --add or --interactive: only these proposals, e.g. 1,3-5.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", "-o", metavar="NAME", help="Who published the article (default: the HTML page's site name).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", metavar="DATE", help="When it was published (default: the HTML page's date).")] = None,
    url: Annotated[Optional[str], typer.Option("--url", metavar="URL", help="Link to the article, stored with each statement.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC", help="Story or thread the statements belong to.")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG", help="A tag for each statement; repeat for several.")] = None,
) -> None:
    """Propose every attributed statement in an article: quotes and paraphrases, each with its
    speaker (pronouns and surnames resolved), role, relay and cue.

    Rule-based, offline and fast. Review the numbered proposals, then store them with --add
    (all, or --pick 1,3-5), or go through them one by one with --interactive; statements
    already stored are skipped, and names resolve to known identities as in add.
    """
    from quotetrack.errors import QuotetrackError
    from quotetrack.extract import extract as find_statements
    from quotetrack.extract import read_article

    if pick is not None and not (add or interactive):
        raise QuotetrackError("--pick chooses what --add or --interactive stores; give one of them too")
    if interactive:
        _check_can_review(file, format)
    if file == "-":
        name, data = "standard input", sys.stdin.buffer.read()
    else:
        from quotetrack.importer import read_bytes

        name, data = file, read_bytes(file)
    article = read_article(data, name=name)
    proposals = find_statements(article.text)
    if not proposals:
        if format.value == "json":
            typer.echo("[]")
        typer.echo(f"{name}: no attributed statements found", err=format.value != "table")
        return
    if add or interactive:
        from quotetrack.proposals import Accepted, choose

        chosen = choose(proposals, pick)
        where = {"outlet": outlet or article.outlet, "date": date or article.date, "url": url,
                 "topic": topic, "tags": tag or []}
        if interactive:
            _review(ctx, chosen, article.text, name, where)
        else:
            _store(ctx, [Accepted(n, p, p) for n, p in chosen], where, "--add")
        return
    if format.value == "json":
        from quotetrack import render
        from quotetrack.proposals import records

        render.json_out(records(proposals))
    elif format.value == "csv":
        import csv

        from quotetrack.export import escape_cell
        from quotetrack.proposals import FIELDS, records

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(FIELDS)
        # the same guard as export: a cell a spreadsheet would run as a formula gets an apostrophe
        writer.writerows([escape_cell(value) if isinstance(value, str) else "" if value is None else value
                          for value in record.values()]
                         for record in records(proposals))
    else:
        from quotetrack import render

        render.proposals_table(proposals, name)


def _check_can_review(file: str, format) -> None:
    """--interactive needs a person answering on standard input, and prints for that person."""
    from quotetrack.errors import QuotetrackError

    if format.value != "table":
        raise QuotetrackError(f"--interactive is a review at the terminal and prints no "
                              f"{format.value}; use --format {format.value} without it")
    if file == "-":
        raise QuotetrackError("--interactive reads your answers from standard input, so the "
                              "article cannot come from there; give it as a FILE")
    if not opt.stdin_is_terminal():
        raise QuotetrackError("--interactive needs a terminal to answer at, and standard input "
                              "is not one; use --add [--pick 1,3-5] to store without review")


def _review(ctx, chosen, article_text: str, source: str, where: dict) -> None:
    """Walk through the proposals at the terminal, then store the accepted ones in one go."""
    from quotetrack import proposals as review
    from quotetrack import render
    from quotetrack.cli import open_database
    from quotetrack.errors import QuotetrackError

    review.check_destination(**where, needed_by="--interactive")
    open_database(ctx).check_writable()  # before any answer is asked for, not after
    walk = review.start([p for _, p in chosen], [n for n, _ in chosen])
    render.review_start(len(chosen), source, review.KEYS, review.CHANGES)
    try:
        while not walk.done:
            render.proposal_card(walk.position + 1, len(walk.proposals), walk.number,
                                 walk.proposals[walk.position], walk.current,
                                 review.context(article_text, walk.proposals[walk.position]))
            walk = _answer(walk)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo(err=True)
        raise QuotetrackError(f"review stopped at {walk.position + 1}/{len(walk.proposals)}; "
                              f"nothing was stored (end with q to keep what you accepted)") from None
    summary = f"Accepted {len(walk.accepted)}" + (f" ({walk.edited} edited)" if walk.edited else "")
    summary += f", skipped {walk.skipped}" + (f", {walk.left} left unreviewed" if walk.left else "")
    typer.echo(summary + ".")
    if walk.accepted:
        _store(ctx, walk.accepted, where, "--interactive")
    else:
        typer.echo("Nothing stored.")


def _answer(walk):
    """The walk after the reviewer's answer on the proposal under review ('?' shows the keys
    and asks again; an edit asks for the new value)."""
    from quotetrack import proposals as review
    from quotetrack import render

    while True:
        action = typer.prompt(f"Accept? [{','.join(review.KEYS)}]",
                              value_proc=opt.accepted_by(review.parse_action, result=True))
        if action == review.HELP:
            render.review_help(review.KEYS)
        elif action in review.EDITS:
            return review.step(walk, action, _ask_value(walk.current, action))
        else:
            return review.step(walk, action)


_LABELS = {"speaker": "Speaker", "role": "Role ('-' for none)", "via": "Relay ('-' for none)",
           "text": "Text (Enter keeps it)"}


def _ask_value(proposal, field: str) -> str:
    """A new value for one field of `proposal`, asked again until the store would take it;
    Enter keeps the value shown, '-' clears a role or relay."""
    from quotetrack.proposals import edit

    def value(answer: str) -> str:
        return "" if field in ("role", "via") and answer.strip() == "-" else answer

    shown = getattr(proposal, field) or ""
    answer = typer.prompt(_LABELS[field], default=shown, show_default=field != "text" and bool(shown),
                          value_proc=opt.accepted_by(lambda typed: edit(proposal, field, value(typed))))
    return value(answer)


def _store(ctx, accepted, where: dict, needed_by: str) -> None:
    from quotetrack.cli import open_database
    from quotetrack.proposals import rows_to_store
    from quotetrack.store import add_many

    rows = rows_to_store(accepted, **where, needed_by=needed_by)
    result = add_many(open_database(ctx), rows)
    skipped = result.skipped_duplicates
    detail = f" ({skipped} already stored, skipped)" if skipped else ""
    typer.echo(f"Added {result.added} statement{'s' if result.added != 1 else ''}{detail}.")
    opt.report_matches(list(result.matches))


def register(app: typer.Typer) -> None:
    app.command()(extract)
