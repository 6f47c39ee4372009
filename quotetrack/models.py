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
