"""extract: propose the attributed statements of an article, and store the ones picked."""

# No `from __future__ import annotations` in command modules: typer would have to eval every
# annotation string on each start-up. Nothing of quotetrack.extract is imported at module level:
# `add` and the other commands never load it.

import sys
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt

FIELDS = ("text", "kind", "speaker", "role", "via", "cue", "confidence", "start", "end")


def parse_pick(value: str, count: int) -> list[int]:
    """'1,3-5' -> [0, 2, 3, 4] (indexes into the proposals), or a ValidationError."""
    from quotetrack.errors import ValidationError

    chosen: list[int] = []
    for part in value.split(","):
        part = part.strip()
        bounds = part.split("-", 1)
        if not part or not all(b.strip().isdigit() for b in bounds):
            raise ValidationError("--pick", f"'{value}' is not a list of numbers and ranges like 1,3-5")
        first, last = int(bounds[0]), int(bounds[-1])
        if first < 1 or last > count or first > last:
            raise ValidationError("--pick", f"'{part}' is not within 1-{count} "
                                            f"(the numbers extract shows)")
        chosen.extend(i - 1 for i in range(first, last + 1) if i - 1 not in chosen)
    return chosen


def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(metavar="FILE", help="Article as plain text or a saved HTML page; '-' reads standard input.")],
    format: opt.TableFormat = opt.OutputFormat.table,
    add: Annotated[bool, typer.Option("--add", help="Store the proposals (all, or those given with --pick) as statements.")] = False,
    pick: Annotated[Optional[str], typer.Option("--pick", metavar="NUMBERS", help="With --add: only these proposals, e.g. 1,3-5.")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", "-o", metavar="NAME", help="Who published the article (default: the HTML page's site name).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", metavar="DATE", help="When it was published (default: the HTML page's date).")] = None,
    url: Annotated[Optional[str], typer.Option("--url", metavar="URL", help="Link to the article, stored with each statement.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", metavar="TOPIC", help="Story or thread the statements belong to.")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG", help="A tag for each statement; repeat for several.")] = None,
) -> None:
    """Propose every attributed statement in an article: quotes and paraphrases, each with its
    speaker (pronouns and surnames resolved), role, relay and cue.

    Rule-based, offline and fast. Review the numbered proposals, then store them with --add
    (all, or --pick 1,3-5); statements already stored are skipped, and names resolve to known
    identities as in add.
    """
    from quotetrack.errors import QuotetrackError
    from quotetrack.extract import extract as find_statements
    from quotetrack.extract import read_article

    if pick is not None and not add:
        raise QuotetrackError("--pick chooses what --add stores; give --add too")
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
    if add:
        chosen = [proposals[i] for i in parse_pick(pick, len(proposals))] if pick else proposals
        _store(ctx, chosen, outlet or article.outlet, date or article.date, url, topic, tag or [])
        return
    if format.value == "json":
        from quotetrack import render

        render.json_out([{key: getattr(p, key) for key in FIELDS} for p in proposals])
    elif format.value == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows([getattr(p, key) if getattr(p, key) is not None else "" for key in FIELDS]
                         for p in proposals)
    else:
        from quotetrack import render

        render.proposals_table(proposals, name)


def _store(ctx, proposals, outlet, date, url, topic, tags) -> None:
    from quotetrack.cli import open_database
    from quotetrack.errors import ValidationError
    from quotetrack.store import add_many, validate_fields

    missing = [label for label, value in (("--outlet", outlet), ("--date", date)) if not value]
    if missing:
        them = "it" if len(missing) == 1 else "them"
        raise ValidationError(" and ".join(missing), f"required with --add, and the article does not "
                              f"give {them} (name {them} on the command line)")
    rows = [validate_fields({"text": p.text, "kind": p.kind, "speaker": p.speaker, "role": p.role,
                             "via": p.via, "outlet": outlet, "date": date, "url": url,
                             "topic": topic, "tags": tags, "notes": f"extract: {p.cue}"})
            for p in proposals]
    result = add_many(open_database(ctx), rows)
    skipped = result.skipped_duplicates
    detail = f" ({skipped} already stored, skipped)" if skipped else ""
    typer.echo(f"Added {result.added} statement{'s' if result.added != 1 else ''}{detail}.")
    opt.report_matches(list(result.matches))


def register(app: typer.Typer) -> None:
    app.command()(extract)
