"""Browsing a whole database in Datasette (the optional `serve` extra): the metadata that gives
it facets and canned queries that make sense for quotetrack, and the command that starts it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from quotetrack.errors import QuotetrackError

INSTALL_HINT = "pip install 'quotetrack[serve]'"


class ExtraMissing(QuotetrackError):
    """An optional part of quotetrack is not installed."""


def require_datasette() -> None:
    """Raise ExtraMissing, in one line that says what to install, when Datasette is absent."""
    if importlib.util.find_spec("datasette") is None:
        raise ExtraMissing(f"quotetrack serve needs Datasette, which is not installed: {INSTALL_HINT}")


def _account(side: str) -> str:
    return (f"{side}.text AS {side}_text, sp_{side}.name AS {side}_speaker, "
            f"o_{side}.name AS {side}_outlet, v_{side}.name AS {side}_via, {side}.date AS {side}_date, "
            f"{side}.kind AS {side}_kind, {side}.id AS {side}_id")


def _join(side: str, column: str) -> str:
    return (f"JOIN statements {side} ON {side}.id = c.{column} "
            f"JOIN speakers sp_{side} ON sp_{side}.id = {side}.speaker_id "
            f"JOIN outlets o_{side} ON o_{side}.id = {side}.outlet_id "
            f"LEFT JOIN outlets v_{side} ON v_{side}.id = {side}.via_id")


def _conflicts_sql(where: str, extra: str = "") -> str:
    return (f"SELECT c.id AS conflict, c.type, round(c.score, 2) AS score, c.explanation,{extra} "
            f"{_account('a')}, {_account('b')} "
            f"FROM conflicts c {_join('a', 'a_id')} {_join('b', 'b_id')} "
            f"LEFT JOIN reviews r ON r.conflict_id = c.id WHERE {where} "
            "ORDER BY c.score DESC, c.id")


_STATEMENT_COLUMNS = ("s.id, s.date, sp.name AS speaker, s.role, o.name AS outlet, v.name AS via, "
                      "s.kind, s.text, s.url, s.topic, s.tags")
_STATEMENT_FROM = ("FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
                   "JOIN outlets o ON o.id = s.outlet_id LEFT JOIN outlets v ON v.id = s.via_id")

# Hidden: detection's working tables and the migration record, which say nothing to a reader.
_HIDDEN = ("analysis", "terms", "meta", "_sqlite_migrations")


def canned_queries() -> dict[str, dict]:
    """Datasette canned queries: conflicts with both accounts, statements by speaker, by outlet."""
    return {
        "open_conflicts": {
            "title": "Open conflicts, with both accounts",
            "description": "Pairs of statements that cannot both be true and that nobody has "
                           "reviewed yet, highest score first.",
            "sql": _conflicts_sql("coalesce(r.status, 'open') = 'open'"),
        },
        "reviewed_conflicts": {
            "title": "Confirmed and dismissed conflicts, with the reviewer's note",
            "sql": _conflicts_sql("r.status IN ('confirmed', 'dismissed')",
                                  " r.status, r.note, r.reviewed_at,"),
        },
        "statements_by_speaker": {
            "title": "Statements by speaker",
            "description": "Any known spelling of the speaker's name containing this (case "
                           "ignored for ASCII letters), oldest first.",
            "sql": (f"SELECT {_STATEMENT_COLUMNS} {_STATEMENT_FROM} WHERE s.speaker_id IN "
                    "(SELECT owner_id FROM speaker_aliases WHERE alias LIKE '%' || :speaker || '%') "
                    "ORDER BY s.date_start, s.seq"),
        },
        "statements_by_outlet": {
            "title": "Statements by outlet or relay",
            "description": "Statements published by an outlet, or passed on by it, oldest first.",
            "sql": (f"SELECT {_STATEMENT_COLUMNS} {_STATEMENT_FROM} WHERE s.outlet_id IN "
                    "(SELECT owner_id FROM outlet_aliases WHERE alias LIKE '%' || :outlet || '%') "
                    "OR s.via_id IN "
                    "(SELECT owner_id FROM outlet_aliases WHERE alias LIKE '%' || :outlet || '%') "
                    "ORDER BY s.date_start, s.seq"),
        },
        "speakers_by_side": {
            "title": "Speakers by side, with their statements and conflicts",
            "sql": ("SELECT coalesce(sp.affiliation, '(not set)') AS side, sp.name AS speaker, "
                    "sp.kind, (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) "
                    "AS statements, (SELECT count(*) FROM conflicts c JOIN statements s "
                    "ON s.id IN (c.a_id, c.b_id) WHERE s.speaker_id = sp.id) AS conflicts "
                    "FROM speakers sp WHERE sp.merged_into IS NULL "
                    "ORDER BY sp.affiliation IS NULL, side, statements DESC"),
        },
    }


def datasette_metadata(database_name: str) -> dict:
    """Metadata for `datasette serve --metadata`: labels, facets, sort orders, canned queries."""
    tables = {
        "statements": {
            "description": "Every attributed statement; kind is direct (a quote) or indirect "
                           "(a paraphrase).",
            "facets": ["kind", "topic", "speaker_id", "outlet_id", {"array": "tags"}],
            "sort": "date_start",
            "label_column": "id",
        },
        "speakers": {"label_column": "name", "facets": ["affiliation", "kind"], "sort": "name"},
        "outlets": {"label_column": "name", "facets": ["country"], "sort": "name"},
        "conflicts": {
            "description": "Detected conflicts; a reviewer's decision is in reviews.",
            "facets": ["type"], "sort_desc": "score", "label_column": "explanation",
        },
        "reviews": {"facets": ["status"], "sort_desc": "reviewed_at"},
    }
    tables.update({name: {"hidden": True} for name in _HIDDEN})
    return {
        "title": f"quotetrack: {database_name}",
        "description": "Who said what, and where the accounts conflict.",
        "databases": {database_name: {"tables": tables, "queries": canned_queries()}},
    }


def serve_command(db_path: Path, metadata_path: Path, *, host: str, port: int,
                  open_browser: bool = False) -> list[str]:
    """The command line that starts Datasette on the database with quotetrack's metadata."""
    command = [sys.executable, "-m", "datasette", "serve", str(db_path),
               "--metadata", str(metadata_path), "--host", host, "--port", str(port)]
    if open_browser:
        command.append("--open")
    return command
