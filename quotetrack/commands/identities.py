"""speakers, outlets, merges, unmerge: identities and their spellings."""

# No `from __future__ import annotations` in command modules: typer would have to eval every
# annotation string on each start-up.

import sys
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt

Ref = Annotated[str, typer.Argument(metavar="ID", help="Id (s3, o2) or any known spelling.")]


def _emit_list(found, entity: str, fmt: str) -> None:
    if fmt == "table":
        from quotetrack import render

        render.identities_table(found, entity)
        return
    from quotetrack.export import write_records
    from quotetrack.models import OUTLET_FIELDS, SPEAKER_FIELDS

    fields = SPEAKER_FIELDS if entity == "speaker" else OUTLET_FIELDS
    write_records((i.to_dict() for i in found), fmt, sys.stdout, fields)


def _show(ctx: typer.Context, entity: str, ref: str, fmt: str) -> None:
    from quotetrack import render
    from quotetrack.cli import open_database
    from quotetrack.identities import get_identity, list_merges

    db = open_database(ctx)
    identity = get_identity(db, entity, ref)
    merges = list_merges(db, entity, identity.label)
    if fmt == "json":
        render.json_out({**identity.to_dict(), "merged_into": identity.merged_into,
                         "merges": [m.to_dict() for m in merges]})
    else:
        render.identity_detail(identity, merges)


def _changed(identity) -> None:
    from quotetrack import render

    render.identity_detail(identity, ())


def _group(entity: str) -> typer.Typer:
    """The commands speakers and outlets share: show, alias, merge, rename."""
    plural = f"{entity}s"
    prefix = "s" if entity == "speaker" else "o"
    app = typer.Typer(no_args_is_help=True, help=(
        f"{plural.capitalize()} as identities: one {entity}, many spellings." if entity == "speaker"
        else "Outlets as identities: one outlet, many spellings, a web domain."))

    @app.command()
    def show(ctx: typer.Context, ref: Ref,
             format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table") -> None:
        """Show one identity: its fields, spellings, counts and merges."""
        from quotetrack.errors import ValidationError

        if format not in ("table", "json"):
            raise ValidationError("--format", f"'{format}' is not table or json")
        _show(ctx, entity, ref, format)

    @app.command()
    def alias(
        ctx: typer.Context, ref: Ref,
        names: Annotated[list[str], typer.Argument(metavar="NAME...", help="Spellings to add (or remove).")],
        remove: Annotated[bool, typer.Option("--remove", help="Forget these spellings instead.")] = False,
    ) -> None:
        """Record other spellings of an identity (refused when one names another identity)."""
        from quotetrack.cli import open_database
        from quotetrack.identities import add_aliases, remove_aliases

        db = open_database(ctx)
        if remove:
            identity = remove_aliases(db, entity, ref, names)
        else:
            identity = add_aliases(db, entity, ref, names)
        _changed(identity)

    @app.command()
    def merge(
        ctx: typer.Context,
        keep: Annotated[str, typer.Argument(metavar="KEEP", help=f"The {entity} that stays ({prefix}3 or a spelling).")],
        other: Annotated[str, typer.Argument(metavar="OTHER", help=f"The {entity} merged into it.")],
    ) -> None:
        """Merge OTHER into KEEP: its statements and spellings move, in one step that unmerge undoes."""
        from quotetrack.cli import open_database
        from quotetrack.identities import merge as merge_identities

        record = merge_identities(open_database(ctx), entity, keep, other)
        typer.echo(f"Merged {record.from_label} ({record.from_name}) into {record.into} "
                   f"({record.into_name}): {record.statements} statement"
                   f"{'' if record.statements == 1 else 's'} moved. Undo with: quotetrack unmerge {record.label}")

    @app.command()
    def rename(
        ctx: typer.Context, ref: Ref,
        new_name: Annotated[str, typer.Argument(metavar="NAME", help="The new display name.")],
    ) -> None:
        """Change the display name; the old name stays a known spelling."""
        from quotetrack.cli import open_database
        from quotetrack.identities import rename as rename_identity

        _changed(rename_identity(open_database(ctx), entity, ref, new_name))

    return app


speakers_app = _group("speaker")
outlets_app = _group("outlet")


@speakers_app.command("list")
def list_speakers(
    ctx: typer.Context,
    side: opt.Side = None,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="KIND", help="person, institution, ministry or agency.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", metavar="TEXT", help="A spelling contains this (accents and case ignored).")] = None,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """List speakers with their statements and conflicts (not dismissed), oldest first."""
    from quotetrack.cli import open_database
    from quotetrack.identities import list_identities

    found = list_identities(open_database(ctx), "speaker", side=side, kind=kind, name=name)
    _emit_list(found, "speaker", format.value)


@speakers_app.command("set")
def set_speaker(
    ctx: typer.Context, ref: Ref,
    kind: Annotated[Optional[str], typer.Option("--kind", metavar="KIND", help="person, institution, ministry or agency; '' clears.")] = None,
    affiliation: Annotated[Optional[str], typer.Option("--affiliation", "--side", metavar="SIDE", help="The side the speaker speaks for (Turkey, Russia, UN); '' clears.")] = None,
) -> None:
    """Set a speaker's kind and affiliation."""
    from quotetrack.cli import open_database
    from quotetrack.identities import set_fields

    _changed(set_fields(open_database(ctx), "speaker", ref, kind=kind, affiliation=affiliation))


@outlets_app.command("list")
def list_outlets(
    ctx: typer.Context,
    name: Annotated[Optional[str], typer.Option("--name", metavar="TEXT", help="A spelling contains this (accents and case ignored).")] = None,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """List outlets with their statements (as outlet or relay) and conflicts, oldest first."""
    from quotetrack.cli import open_database
    from quotetrack.identities import list_identities

    _emit_list(list_identities(open_database(ctx), "outlet", name=name), "outlet", format.value)


@outlets_app.command("set")
def set_outlet(
    ctx: typer.Context, ref: Ref,
    domain: Annotated[Optional[str], typer.Option("--domain", metavar="DOMAIN", help="Its web domain (reuters.com); links there name this outlet. '' clears.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", metavar="COUNTRY", help="Where it is based; '' clears.")] = None,
) -> None:
    """Set an outlet's web domain and country."""
    from quotetrack.cli import open_database
    from quotetrack.identities import set_fields

    _changed(set_fields(open_database(ctx), "outlet", ref, domain=domain, country=country))


def merges(
    ctx: typer.Context,
    format: opt.TableFormat = opt.OutputFormat.table,
) -> None:
    """The merge log: every merge and every name taken as a known identity by a close match."""
    from quotetrack.cli import open_database
    from quotetrack.identities import list_merges

    found = list_merges(open_database(ctx))
    if format.value == "table":
        from quotetrack import render

        render.merges_table(found)
        return
    from quotetrack.export import write_records
    from quotetrack.models import MERGE_FIELDS

    write_records((m.to_dict() for m in found), format.value, sys.stdout, MERGE_FIELDS)


def unmerge(
    ctx: typer.Context,
    merge_id: Annotated[str, typer.Argument(metavar="MERGE", help="Merge id (m3), as in quotetrack merges.")],
) -> None:
    """Undo a merge or a close match: the names merged in, and every statement that used them, get their identity back."""
    from quotetrack.cli import open_database
    from quotetrack.identities import get_identity, unmerge as undo

    db = open_database(ctx)
    record = undo(db, merge_id)
    restored = get_identity(db, record.entity, record.from_label)
    typer.echo(f"Undid {record.label}: {restored.label} ({restored.name}) is apart from "
               f"{record.into} ({record.into_name}) again, with {restored.statements} statement"
               f"{'' if restored.statements == 1 else 's'}.")


def register(app: typer.Typer) -> None:
    app.add_typer(speakers_app, name="speakers")
    app.add_typer(outlets_app, name="outlets")
    app.command()(merges)
    app.command()(unmerge)
