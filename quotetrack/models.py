"""Plain records passed between the library and the CLI."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("direct", "indirect")

# The largest integer SQLite stores; a limit or a window beyond it bounds nothing more.
_SQLITE_MAX_INT = 2**63 - 1


def _bounded(value: int | None) -> int | None:
    return None if value is None else min(int(value), _SQLITE_MAX_INT)

# The order of fields in every export and listing.
STATEMENT_FIELDS = (
    "id", "text", "kind", "speaker", "outlet", "via", "date",
    "url", "topic", "tags", "notes", "added_at", "updated_at", "role",
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
    role: str | None = None  # the speaker's title as the source gave it ("Turkish Foreign Minister")

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
    side: str | None = None  # the speaker's affiliation ("Turkey")

    def __post_init__(self) -> None:
        # --limit 10**30 means "all": SQLite cannot take the number itself.
        object.__setattr__(self, "limit", _bounded(self.limit))


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_duplicates: int
    renumbered: int = 0
    dry_run: bool = False
    matches: tuple = ()  # identities.Match: names taken as a known identity by a close match


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "window", _bounded(self.window))


@dataclass(frozen=True)
class Identity:
    """A speaker or outlet: one identity however it is spelled, with its counts."""

    id: int
    label: str  # s3, o2
    entity: str  # speaker / outlet
    name: str
    kind: str | None = None  # speakers: person, institution, ministry, agency
    affiliation: str | None = None  # speakers: the side ("Turkey", "Russia", "UN")
    domain: str | None = None  # outlets
    country: str | None = None  # outlets
    statements: int = 0
    conflicts: int = 0
    aliases: tuple[str, ...] = ()
    merged_into: str | None = None  # label of the identity it was merged into

    def to_dict(self) -> dict:
        data = {"id": self.label, "name": self.name}
        if self.entity == "speaker":
            data.update(kind=self.kind, affiliation=self.affiliation)
        else:
            data.update(domain=self.domain, country=self.country)
        data.update(statements=self.statements, conflicts=self.conflicts,
                    aliases=list(self.aliases))
        return data


SPEAKER_FIELDS = ("id", "name", "kind", "affiliation", "statements", "conflicts", "aliases")
OUTLET_FIELDS = ("id", "name", "domain", "country", "statements", "conflicts", "aliases")


@dataclass(frozen=True)
class MergeRecord:
    """One entry of the merge log: a merge, or a name matched to an identity automatically."""

    id: int
    label: str  # m4
    entity: str
    kind: str  # merge (a person merged two identities) or match (a close match was used)
    into: str  # label of the identity that kept the names
    into_name: str
    from_name: str  # the name merged in
    from_label: str | None  # for a merge: the identity merged away
    aliases: tuple[str, ...]
    score: float | None
    merged_at: str
    undone_at: str | None
    statements: int = 0  # statements that used the names merged in

    def to_dict(self) -> dict:
        return {"id": self.label, "entity": self.entity, "kind": self.kind, "into": self.into,
                "into_name": self.into_name, "from": self.from_label, "from_name": self.from_name,
                "aliases": list(self.aliases), "score": self.score, "statements": self.statements,
                "merged_at": self.merged_at, "undone_at": self.undone_at}


MERGE_FIELDS = ("id", "entity", "kind", "into", "into_name", "from", "from_name", "aliases",
                "score", "statements", "merged_at", "undone_at")
