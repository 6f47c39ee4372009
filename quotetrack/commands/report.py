"""report and serve: the story as a page for an editor, and the whole database in Datasette."""

# No `from __future__ import annotations` in command modules: typer would have to eval every
# annotation string on each start-up.

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from quotetrack.commands import options as opt


class ReportFormat(str, enum.Enum):
    html = "html"
    md = "md"


def report(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option(
        "--output", "-o", metavar="FILE",
        help="The file to write (replaced only once complete), e.g. story.html.",
        show_default=False)],
    format: Annotated[Optional[ReportFormat], typer.Option(
        "--format", "-f",
        help="html (one self-contained page) or md (Markdown); by default from the file's "
             "extension: .md or .markdown gives md, anything else html.",
        show_default=False)] = None,
    topic: opt.Topic = None, since: opt.Since = None, until: opt.Until = None,
    title: Annotated[Optional[str], typer.Option(
        "--title", metavar="TEXT", help="The page's title (default: 'Story report: TOPIC').",
        show_default=False)] = None,
) -> None:
    """Write the story report: counts, conflicts side by side, who said what, and a timeline.

    Detection runs first, so the conflicts are current. Open and confirmed conflicts are shown;
    dismissed ones are counted. The HTML needs no network to open (styles inline, no script),
    reads on a phone and prints. An empty database gives a report that says so; a --topic,
    --since or --until that selects nothing is an error.
    """
    from quotetrack.cli import open_database
    from quotetrack.report import write_report

    filters = opt.make_filters(since=since, until=until, topic=topic)
    written, size = write_report(open_database(ctx), output, fmt=format.value if format else None,
                                 filters=filters, title=title)
    counts = written.counts
    what = ("an empty database" if written.database_empty else
            f"{counts.statements:,} statement{'s' if counts.statements != 1 else ''}, "
            f"{len(written.conflicts):,} conflict{'s' if len(written.conflicts) != 1 else ''} shown")
    typer.echo(f"Wrote {output} ({what}; {_size(size)}).", err=True)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", metavar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", metavar="PORT", min=0, max=65535, help="Port to listen on.")] = 8001,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the database in a web browser.")] = False,
) -> None:
    """Browse the database in Datasette, with facets and canned queries (open conflicts with both
    accounts, statements by speaker, by outlet, speakers by side).

    Needs the serve extra: pip install 'quotetrack[serve]'. Stop it with Ctrl-C.
    """
    import json
    import subprocess
    import tempfile

    from quotetrack.cli import open_database
    from quotetrack.serve import datasette_metadata, require_datasette, serve_command

    require_datasette()
    db = open_database(ctx)
    path = Path(db.path)
    with tempfile.TemporaryDirectory(prefix="quotetrack-serve-") as folder:
        metadata = Path(folder) / "metadata.json"
        metadata.write_text(json.dumps(datasette_metadata(path.stem), indent=2), encoding="utf-8")
        typer.echo(f"Serving {path} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        try:
            code = subprocess.call(serve_command(path, metadata, host=host, port=port,
                                                 open_browser=open_browser))
        except KeyboardInterrupt:
            code = 0
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(report)
    app.command()(serve)
