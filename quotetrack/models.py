"""Plain records passed between the library and the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("direct", "indirect")

# The order of fields in every export and listing.
STATEMENT_FIELDS = (
    "id", "text", "kind", "speaker", "outlet", "via", "date",
    "url", "topic", "tags", "notes", "added_at", "updated_at",
)


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    kind: str
    speaker: str
    outlet: str
    date: str
    via: str | None = None
    url: str | None = None
    topic: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    added_at: str = ""
    updated_at: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return {key: data[key] for key in STATEMENT_FIELDS}


@dataclass(frozen=True)
class Filters:
    """Which statements a list, export or conflict view covers. Empty fields do not filter."""

    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    topic: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    kind: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_duplicates: int
    renumbered: int = 0
    dry_run: bool = False


@dataclass(frozen=True)
class Counts:
    statements: int
    speakers: int
    outlets: int
    conflicts: int = 0


CONFLICT_STATUSES = ("open", "confirmed", "dismissed")


@dataclass(frozen=True)
class Conflict:
    """Two statements that cannot both be true, why, and what a reviewer decided."""

    id: str
    type: str
    score: float
    explanation: str
    status: str
    a: Statement
    b: Statement
    evidence_a: tuple[tuple[int, int], ...] = ()
    evidence_b: tuple[tuple[int, int], ...] = ()
    note: str | None = None
    reviewed_at: str | None = None
    detected_at: str | None = None

    def to_dict(self) -> dict:
        def side(s: Statement) -> dict:
            return {"id": s.id, "text": s.text, "speaker": s.speaker, "outlet": s.outlet,
                    "via": s.via, "date": s.date, "kind": s.kind, "url": s.url}

        return {
            "id": self.id, "type": self.type, "score": self.score,
            "explanation": self.explanation, "status": self.status, "note": self.note,
            "a": side(self.a), "b": side(self.b),
        }


CONFLICT_CSV_FIELDS = (
    "id", "type", "score", "explanation", "status", "note",
    "a_id", "a_text", "a_speaker", "a_outlet", "a_via", "a_date", "a_kind", "a_url",
    "b_id", "b_text", "b_speaker", "b_outlet", "b_via", "b_date", "b_kind", "b_url",
)


def flatten_conflict(conflict: Conflict) -> dict:
    """The conflict as one flat row (a_text, b_speaker, ...) for CSV."""
    data = conflict.to_dict()
    row = {k: v for k, v in data.items() if k not in ("a", "b")}
    for side in ("a", "b"):
        for name, value in data[side].items():
            row[f"{side}_{name}"] = value
    return row


@dataclass(frozen=True)
class ConflictFilters:
    """Which conflicts to show; a statement filter matches when either side matches."""

    types: tuple[str, ...] = ()
    status: str = "open"
    min_score: float = 0.0
    window: int | None = None
    statements: Filters = field(default_factory=Filters)
