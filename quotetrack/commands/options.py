"""Options shared by several commands (filters and output formats)."""

from __future__ import annotations

from typing import Annotated, Optional

import enum

import typer

from quotetrack.models import Filters

Speaker = Annotated[Optional[str], typer.Option("--speaker", metavar="NAME", help="Speaker name contains this (accents and case ignored).")]
Outlet = Annotated[Optional[str], typer.Option("--outlet", metavar="NAME", help="Outlet or relay name contains this.")]
Since = Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="On or after this date (2020, 2020-02, 2020-02-04).")]
Until = Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="On or before this date.")]
Topic = Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC", help="Exactly this topic (case ignored).")]
Tag = Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG", help="Has this tag; repeat to require several.")]
Kind = Annotated[Optional[str], typer.Option("--kind", metavar="KIND", help="direct (verbatim quote) or indirect (paraphrase); quote and paraphrase are taken as these.")]
Limit = Annotated[Optional[int], typer.Option("--limit", metavar="N", min=1, help="At most this many.")]
Side = Annotated[Optional[str], typer.Option("--side", metavar="SIDE", help="Speakers with this affiliation (set with `speakers set ID --affiliation`), e.g. Turkey.")]


class OutputFormat(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


TableFormat = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table for people, json or csv for tools."),
]


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal, so a missing field can be asked for."""
    import sys

    return sys.stdin.isatty()


def at_terminal() -> bool:
    """Whether a person can answer questions (standard input and error are a terminal)."""
    import sys

    return stdin_is_terminal() and sys.stderr.isatty()


def accepted_by(check, result: bool = False):
    """A prompt's value_proc: the answer as typed (or, with result=True, what `check` returns
    for it), or the reason `check` refuses it, which makes the prompt say so and ask again."""
    from quotetrack.errors import QuotetrackError

    def accept(answer: str):
        try:
            checked = check(answer)
        except QuotetrackError as exc:
            raise typer.BadParameter(str(exc)) from None
        return checked if result else answer

    return accept


def resolving(ask: bool):
    """How names that are not known spellings are resolved: a person is asked about each close
    match at a terminal; otherwise only a match above the strict threshold is used."""
    from quotetrack.identities import Resolving

    if not ask:
        return Resolving()

    def confirm(entity: str, candidate) -> bool:
        prefix = "s" if entity == "speaker" else "o"
        return typer.confirm(f"Did you mean {candidate.name} ({prefix}{candidate.id})?",
                             default=True, err=True)

    return Resolving(ask=confirm)


def report_matches(matches, limit: int = 20) -> None:
    """Each close match used or passed over, one line each on standard error."""
    for match in matches[:limit]:
        typer.echo(match.message(), err=True)
    if len(matches) > limit:
        typer.echo(f"... and {len(matches) - limit} more close matches (see quotetrack merges)",
                   err=True)


def make_filters(speaker=None, outlet=None, since=None, until=None, topic=None, tag=None,
                 kind=None, limit=None, side=None) -> Filters:
    from quotetrack.normalize import parse_date
    from quotetrack.store import validate_kind

    # Check dates and kind up front so a typo is reported before any work is done.
    if since:
        parse_date(since, "--since", plausible=False)
    if until:
        parse_date(until, "--until", plausible=False)
    if kind:
        validate_kind(kind)
    return Filters(speaker=speaker, outlet=outlet, since=since, until=until, topic=topic,
                   tags=tuple(tag or ()), kind=kind, limit=limit, side=side)
