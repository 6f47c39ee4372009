"""Stored conflicts and the reviewer's decisions on them: list, get, confirm, dismiss, reopen."""

from __future__ import annotations

import json
import re

from quotetrack.conflicts.rules import TYPES
from quotetrack.errors import NotFoundError, ValidationError
from quotetrack.models import CONFLICT_STATUSES, Conflict, ConflictFilters, Filters
from quotetrack.store import get_statements, matching_ids_sql, now, write_transaction

_SELECT = """
SELECT c.id, c.a_id, c.b_id, c.type, c.score, c.explanation, c.evidence, c.detected_at,
       coalesce(r.status, 'open') AS status, r.note, r.reviewed_at
FROM conflicts c LEFT JOIN reviews r ON r.conflict_id = c.id
"""
_ID = re.compile(r"^c[0-9a-f]{7}$")


def validate_types(types) -> tuple[str, ...]:
    out = []
    for value in types or ():
        for part in str(value).split(","):
            name = part.strip().lower().replace("-", "_").replace(" ", "_")
            if not name:
                continue
            if name not in TYPES:
                raise ValidationError("--type", f"'{part.strip()}' is not a conflict type; use one of "
                                      + ", ".join(TYPES))
            out.append(name)
    return tuple(out)


def validate_status(status: str) -> str:
    value = (status or "open").strip().lower()
    if value != "all" and value not in CONFLICT_STATUSES:
        raise ValidationError("--status", f"'{status}' is not open, confirmed, dismissed or all")
    return value


def _build(db, rows) -> list[Conflict]:
    statements = get_statements(db, [r[1] for r in rows] + [r[2] for r in rows])
    out = []
    for (cid, a_id, b_id, ctype, score, explanation, evidence, detected, status, note,
         reviewed) in rows:
        if a_id not in statements or b_id not in statements:
            continue
        spans = json.loads(evidence or "{}")
        out.append(Conflict(
            id=cid, type=ctype, score=score, explanation=explanation, status=status,
            a=statements[a_id], b=statements[b_id],
            evidence_a=tuple(tuple(s) for s in spans.get("a", ())),
            evidence_b=tuple(tuple(s) for s in spans.get("b", ())),
            note=note, reviewed_at=reviewed, detected_at=detected,
        ))
    return out


def _where(filters: ConflictFilters) -> tuple[str, list]:
    """The WHERE clause (with its arguments) that selects the conflicts `filters` asks for."""
    clauses, args = [], []
    status = validate_status(filters.status)
    if status != "all":
        clauses.append("coalesce(r.status, 'open') = ?")
        args.append(status)
    types = validate_types(filters.types)
    if types:
        clauses.append(f"c.type IN ({','.join('?' * len(types))})")
        args += list(types)
    if filters.min_score:
        clauses.append("c.score >= ?")
        args.append(float(filters.min_score))
    statement_filters = filters.statements
    if statement_filters != Filters(limit=statement_filters.limit):
        sub, sub_args = matching_ids_sql(statement_filters)
        clauses.append(f"(c.a_id IN ({sub}) OR c.b_id IN ({sub}))")
        args += sub_args + sub_args
    if filters.window is not None:
        # Dates further apart than the window: the pair is not compared.
        clauses.append(
            """(SELECT max(julianday(sb.date_start) - julianday(sa.date_end),
                           julianday(sa.date_start) - julianday(sb.date_end), 0)
                FROM statements sa, statements sb WHERE sa.id = c.a_id AND sb.id = c.b_id) <= ?""")
        args.append(int(filters.window))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def list_conflicts(db, filters: ConflictFilters = ConflictFilters()) -> list[Conflict]:
    """Stored conflicts matching `filters`, highest score first (at most its statements' limit)."""
    where, args = _where(filters)
    sql = _SELECT + where + " ORDER BY c.score DESC, c.id"
    if filters.statements.limit:
        sql += f" LIMIT {int(filters.statements.limit)}"
    return _build(db, db.execute(sql, args).fetchall())


def count_conflicts(db, filters: ConflictFilters = ConflictFilters()) -> int:
    """How many stored conflicts match `filters`, whatever its limit."""
    where, args = _where(filters)
    sql = "SELECT count(*) FROM conflicts c LEFT JOIN reviews r ON r.conflict_id = c.id" + where
    return db.execute(sql, args).fetchone()[0]


def get_conflict(db, conflict_id: str) -> Conflict:
    cid = (conflict_id or "").strip().lower()
    rows = db.execute(_SELECT + " WHERE c.id = ?", [cid]).fetchall()
    built = _build(db, rows)
    if not built:
        raise NotFoundError(f"no conflict with id '{conflict_id}'")
    return built[0]


def conflicts_for_statement(db, statement_id: str) -> list[Conflict]:
    """Every stored conflict a statement is part of, whatever its review status."""
    rows = db.execute(_SELECT + " WHERE c.a_id = ? OR c.b_id = ? ORDER BY c.score DESC",
                      [statement_id, statement_id]).fetchall()
    return _build(db, rows)


def set_status(db, conflict_id: str, status: str, note: str | None = None) -> Conflict:
    """Record a decision (confirmed, dismissed, or open again); it survives re-detection."""
    if status not in CONFLICT_STATUSES:
        raise ValidationError("status", f"'{status}' is not open, confirmed or dismissed")
    conflict = get_conflict(db, conflict_id)
    with write_transaction(db):
        if status == "open" and note is None:
            db.execute("DELETE FROM reviews WHERE conflict_id = ?", [conflict.id])
        else:
            keep_note = note if note is not None else conflict.note
            db.execute(
                "INSERT OR REPLACE INTO reviews (conflict_id, status, note, reviewed_at) VALUES (?, ?, ?, ?)",
                [conflict.id, status, keep_note, now()],
            )
    return get_conflict(db, conflict.id)


def status_counts(db) -> dict[str, int]:
    counts = {status: 0 for status in CONFLICT_STATUSES}
    for status, n in db.execute(
        "SELECT coalesce(r.status, 'open'), count(*) FROM conflicts c "
        "LEFT JOIN reviews r ON r.conflict_id = c.id GROUP BY 1"
    ):
        counts[status] = n
    return counts
