"""Reads and writes statements, speakers and outlets: the only SQL outside db.py and migrations.py."""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from quotetrack.db import write_error
from quotetrack.errors import DuplicateError, NotFoundError, ValidationError
from quotetrack.identities import OUTLET, SPEAKER, Resolver, Resolving, decide_before_writing, url_domain
from quotetrack.models import KINDS, Counts, Filters, ImportResult, Statement
from quotetrack.normalize import (
    PartialDate, clean_label, fold_for_search, fold_name, normalize_name, normalize_text, parse_date,
)

if TYPE_CHECKING:
    from quotetrack.db import Database

MAX_TEXT = 10_000_000
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_ID_RE = re.compile(r"^q[a-z0-9]{6}$")
_TAG_SPLIT = re.compile(r"[;,]")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")

EDITABLE = ("text", "kind", "speaker", "outlet", "via", "date", "url", "topic", "tags", "notes",
            "role")
REQUIRED = ("text", "kind", "speaker", "outlet", "date")
# Fields conflict detection never reads: editing only these keeps what it stored.
_NOT_DETECTED = frozenset(("url", "tags", "notes"))


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- validation

def _check_storable(value: str, field: str) -> None:
    """Reject characters SQLite cannot keep exactly: NUL, and lone surrogates (not valid UTF-8)."""
    if "\x00" in value:
        raise ValidationError(field, "contains a NUL byte")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Python reads a command-line byte that is not UTF-8 as a surrogate U+DC80..U+DCFF.
        code = ord(value[exc.start])
        byte = f" (byte 0x{code - 0xDC00:02x})" if 0xDC80 <= code <= 0xDCFF else ""
        raise ValidationError(field, f"is not valid UTF-8 text{byte}") from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _optional(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def parse_tags(value: Any) -> tuple[str, ...]:
    """Tags from a list or a 'a; b' / 'a, b' string: trimmed, empty ones dropped, first spelling kept."""
    if value is None:
        return ()
    if isinstance(value, str):
        return _tags_of_text(value)
    return _tags_of(value if isinstance(value, (list, tuple)) else _TAG_SPLIT.split(str(value)))


@functools.lru_cache(maxsize=4096)
def _tags_of_text(value: str) -> tuple[str, ...]:
    # An import meets the same few tag cells on many rows.
    return _tags_of(_TAG_SPLIT.split(value))


def _tags_of(items) -> tuple[str, ...]:
    tags: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise ValidationError("tags", f"{item!r} is not text")
        _check_storable(item, "tags")
        tag = clean_label(item)
        if _TAG_SPLIT.search(tag):
            raise ValidationError("tags", f"'{tag}' holds ',' or ';', which separate tags")
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def validate_text(text: Any) -> str:
    if not isinstance(text, str):
        raise ValidationError("text", "is missing")
    _check_storable(text, "text")
    if not text.strip():
        raise ValidationError("text", "is empty")
    if len(text) > MAX_TEXT:
        raise ValidationError("text", f"is longer than {MAX_TEXT:,} characters")
    return text


# The words the output uses for the kinds ("direct quote", "paraphrase"), taken as the kinds.
KIND_ALIASES = {"quote": "direct", "paraphrase": "indirect"}


def validate_kind(kind: Any) -> str:
    """'direct' or 'indirect' (as stored), also given as 'quote' or 'paraphrase'."""
    value = (kind or "").strip().lower() if isinstance(kind, str) or kind is None else kind
    if value in ("", None):
        return "direct"
    value = KIND_ALIASES.get(value, value)
    if value not in KINDS:
        raise ValidationError("kind", f"'{kind}' is not a kind; use direct (or quote) or "
                                      "indirect (or paraphrase)")
    return value


# Dates recur on many rows of an import; a PartialDate is immutable, so one may be shared.
_parse_date = functools.lru_cache(maxsize=4096)(parse_date)


def validate_name(value: Any, field: str, *, required: bool = True) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "is empty")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"{value!r} is not text")
    return _storable_label(value, field)


@functools.lru_cache(maxsize=16384)
def _storable_label(value: str, field: str) -> str:
    # The same speakers and outlets recur on every row of an import: check and clean each once.
    _check_storable(value, field)
    label = clean_label(value).rstrip(",;:").rstrip()  # 'Minister, ' is 'Minister'
    if not any(ch.isalnum() for ch in label):
        raise ValidationError(field, f"{value!r} names no one (no letter or digit in it)")
    return label


def validate_fields(raw: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and clean statement fields; with partial=True only the fields present are checked.

    Raises ValidationError naming the first bad field.
    """
    out: dict[str, Any] = {}

    def present(name: str) -> bool:
        return not partial or name in raw

    if present("text"):
        out["text"] = validate_text(raw.get("text"))
    if present("kind"):
        out["kind"] = validate_kind(raw.get("kind"))
    if present("speaker"):
        out["speaker"] = validate_name(raw.get("speaker"), "speaker")
    if present("outlet"):
        outlet = raw.get("outlet")
        if (outlet is None or (isinstance(outlet, str) and not outlet.strip())) and _optional(raw.get("url")):
            # No outlet but a link: the outlet is the link's site (www. dropped).
            outlet = url_domain(str(raw.get("url")))
            if outlet is None:
                raise ValidationError("outlet", "is empty, and the url has no web domain to take it from")
        out["outlet"] = validate_name(outlet, "outlet")
    if present("via"):
        out["via"] = validate_name(raw.get("via"), "via", required=False)
    if present("date"):
        value = raw.get("date")
        out["date"] = _parse_date(value if isinstance(value, str) else ("" if value is None else str(value)))
    for name in ("url", "topic", "notes", "role"):
        if present(name):
            value = _optional(raw.get(name))
            if value is not None:
                _check_storable(value, name)
            if name in ("topic", "role") and value is not None:
                value = clean_label(value)
            if name == "url" and value is not None:
                value = value.strip()
            out[name] = value
    if present("tags"):
        out["tags"] = parse_tags(raw.get("tags"))
    return out


# ---------------------------------------------------------------- ids and names

def is_statement_id(text: str) -> bool:
    """Whether `text` has the form of a statement's id (as `make_id` makes them: q3k9xtz)."""
    return re.fullmatch(f"q[{_ID_ALPHABET}]{{6}}", text.strip().lower()) is not None


def make_id(key: str, taken: set[str] | None, is_taken=None) -> str:
    """A short id derived from the statement's content, so the same statement gets the same id
    in any database; a salt is added only on a clash."""
    salt = 0
    while True:
        digest = hashlib.sha256(f"{key}|{salt}".encode()).digest()
        number = int.from_bytes(digest[:8], "big")
        chars = []
        for _ in range(6):
            number, rem = divmod(number, len(_ID_ALPHABET))
            chars.append(_ID_ALPHABET[rem])
        candidate = "q" + "".join(chars)
        if taken is not None:
            clash = candidate in taken
        else:
            clash = is_taken(candidate)
        if not clash:
            return candidate
        salt += 1


def _dedupe_key(speaker: str, outlet: str, date: str, text_norm: str) -> str:
    return f"{_folded_name(speaker)}|{_folded_name(outlet)}|{date}|{text_norm}"


@functools.lru_cache(maxsize=4096)
def _folded_name(name: str) -> str:
    # The same few names recur on every row of an import.
    return normalize_name(name)


# ---------------------------------------------------------------- reading

_SELECT = """
SELECT s.id, s.text, s.kind, sp.name AS speaker, o.name AS outlet, s.date, v.name AS via,
       s.url, s.topic, s.tags, s.notes, s.added_at, s.updated_at, s.role
FROM statements s
JOIN speakers sp ON sp.id = s.speaker_id
JOIN outlets o ON o.id = s.outlet_id
LEFT JOIN outlets v ON v.id = s.via_id
"""


def _row_to_statement(row: Mapping[str, Any] | tuple) -> Statement:
    (sid, text, kind, speaker, outlet, date, via, url, topic, tags, notes, added, updated, role) = row
    return Statement(
        id=sid, text=text, kind=kind, speaker=speaker, outlet=outlet, date=date, via=via,
        url=url, topic=topic, tags=tuple(json.loads(tags or "[]")), notes=notes,
        added_at=added, updated_at=updated, role=role,
    )


def _filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if filters.speaker:
        # Any spelling of the speaker counts: --speaker cavusoglu finds Çavuşoğlu's statements.
        clauses.append("s.speaker_id IN (SELECT owner_id FROM speaker_aliases WHERE norm LIKE ? ESCAPE '\\')")
        args.append(_like(filters.speaker))
    if filters.outlet:
        clauses.append(
            "(s.outlet_id IN (SELECT owner_id FROM outlet_aliases WHERE norm LIKE ? ESCAPE '\\')"
            " OR s.via_id IN (SELECT owner_id FROM outlet_aliases WHERE norm LIKE ? ESCAPE '\\'))"
        )
        args += [_like(filters.outlet)] * 2
    if filters.side:
        from quotetrack.identities import side_clause

        clauses.append(side_clause("s.speaker_id"))
        args.append(fold_name(filters.side))
    if filters.since:
        clauses.append("s.date_end >= ?")
        args.append(parse_date(filters.since, "--since", plausible=False).first_day.isoformat())
    if filters.until:
        clauses.append("s.date_start <= ?")
        args.append(parse_date(filters.until, "--until", plausible=False).last_day.isoformat())
    if filters.topic:
        clauses.append("s.topic = ? COLLATE NOCASE")
        args.append(filters.topic.strip())
    for tag in filters.tags:
        clauses.append("EXISTS (SELECT 1 FROM json_each(s.tags) WHERE value = ? COLLATE NOCASE)")
        args.append(tag.strip())
    if filters.kind:
        clauses.append("s.kind = ?")
        args.append(validate_kind(filters.kind))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _like(name: str) -> str:
    norm = fold_name(name) or name.casefold()
    escaped = norm.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def get_statement(db: Database, statement_id: str) -> Statement:
    row = db.execute(_SELECT + " WHERE s.id = ?", [statement_id.strip().lower()]).fetchone()
    if row is None:
        given = statement_id.strip().lower()
        if re.fullmatch(r"c[0-9a-f]{7}", given):
            # A conflict's id (conflicts.detect.conflict_id) given where a statement's goes.
            raise NotFoundError(f"no statement with id '{statement_id}'; {given} is a conflict "
                                f"id: quotetrack conflicts show {given}")
        raise NotFoundError(f"no statement with id '{statement_id}'")
    return _row_to_statement(row)


def list_statements(db: Database, filters: Filters = Filters()) -> list[Statement]:
    """Statements matching `filters`, oldest first."""
    where, args = _filter_sql(filters)
    sql = _SELECT + where + " ORDER BY s.date_start, s.seq"
    if filters.limit is not None:
        sql += " LIMIT ?"
        args.append(int(filters.limit))
    return [_row_to_statement(row) for row in db.execute(sql, args).fetchall()]


def count_statements(db: Database, filters: Filters = Filters()) -> int:
    """How many statements match `filters`, whatever its limit."""
    where, args = _filter_sql(filters)
    return db.execute("SELECT count(*) FROM statements s" + where, args).fetchone()[0]


def iter_statements(db: Database, filters: Filters = Filters()) -> Iterable[Statement]:
    where, args = _filter_sql(filters)
    sql = _SELECT + where + " ORDER BY s.date_start, s.seq"
    if filters.limit is not None:
        sql += " LIMIT ?"
        args.append(int(filters.limit))
    for row in db.execute(sql, args):
        yield _row_to_statement(row)


def _fts_query(query: str) -> str:
    """Turn what a person typed into an FTS5 query: every word must match (plural or singular),
    "a phrase" matches as a phrase, `notif*` matches a prefix, `OR` between words offers
    alternatives and `NOT` leaves out what follows. Nothing else is passed to FTS5, so no input
    is a syntax error."""
    terms: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        if word in ("OR", "NOT"):
            if terms and terms[-1] not in ("OR", "NOT"):
                terms.append(word)
            continue
        chunk = phrase if phrase else word
        tokens = re.findall(r"\w+", chunk)
        if not tokens:
            continue
        if phrase:
            terms.append('"' + " ".join(tokens) + '"')
        else:
            prefix = "*" if word.endswith("*") and len(tokens) == 1 else ""
            terms.extend(f'"{token}"{prefix}' for token in tokens)
    while terms and terms[-1] in ("OR", "NOT"):
        terms.pop()
    return " ".join(terms)


def search_statements(
    db: Database, query: str, filters: Filters = Filters()
) -> list[tuple[Statement, list[str]]]:
    """Statements whose text matches every word of `query`, best match first, with the matched
    terms (as typed, for highlighting)."""
    sql, args = _search_sql(db, query, filters, _SELECT)
    sql += " ORDER BY statements_fts.rank"
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    rows = db.execute(sql, args).fetchall()
    terms = [t.strip('"') for t in re.findall(r'"[^"]*"', _fts_query(query))]
    return [(_row_to_statement(row), terms) for row in rows]


def count_search_matches(db: Database, query: str, filters: Filters = Filters()) -> int:
    """How many statements `search_statements` finds for `query`, whatever the limit."""
    sql, args = _search_sql(db, query, filters, "SELECT count(*) FROM statements s")
    return db.execute(sql, args).fetchone()[0]


def _search_sql(db: Database, query: str, filters: Filters, select: str) -> tuple[str, list[Any]]:
    from quotetrack.migrations import applied_names

    # A read-only database may predate the folded index (migrations.NOT_NEEDED_FOR_READING).
    folded = "0004_search_folds" in applied_names(db.conn)
    match = _fts_query(fold_for_search(query) if folded else query)
    if not match:
        raise ValidationError("query", "has no words to search for")
    where, args = _filter_sql(filters)
    extra = where.replace(" WHERE ", " AND ", 1)
    sql = (select + " JOIN statements_fts ON statements_fts.rowid = s.seq"
           + " WHERE statements_fts MATCH ?" + extra)
    return sql, [match, *args]


def counts(db: Database) -> Counts:
    def count(table: str) -> int:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    return Counts(
        statements=count("statements"), speakers=count("speakers WHERE merged_into IS NULL"),
        outlets=count("outlets WHERE merged_into IS NULL"), conflicts=count("conflicts"),
    )


def find_duplicate(db: Database, speaker: str, outlet: str, date: str, text: str) -> str | None:
    """The id of a stored statement by the same speaker and outlet (as identities: any known
    spelling), on the same date, with the same normalised text."""
    from quotetrack.identities import lookup

    speaker_id = lookup(db, SPEAKER, speaker).exact_id
    outlet_id = lookup(db, OUTLET, outlet).exact_id
    if speaker_id is None or outlet_id is None:
        return None
    return _duplicate_of(db, speaker_id, outlet_id, date, normalize_text(text))


def _duplicate_of(db: Database, speaker_id: int, outlet_id: int, date: str, text_norm: str) -> str | None:
    row = db.execute(
        "SELECT id FROM statements WHERE speaker_id = ? AND outlet_id = ? AND date = ? "
        "AND text_norm = ? LIMIT 1", [speaker_id, outlet_id, date, text_norm]).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- writing

@contextmanager
def write_transaction(db: Database) -> Iterator[None]:
    """One write transaction that holds the write lock from its start; all or nothing.

    A plain (deferred) BEGIN that reads and then writes fails at once with 'database is locked'
    when another process committed in between; BEGIN IMMEDIATE waits for its turn instead.
    A write SQLite refuses (a read-only file, a full disk) rolls everything back and is
    reported as a DatabaseError.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.check_writable()
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise write_error(db.path, exc) from None
    try:
        yield
        db.conn.execute("COMMIT")
    except BaseException as exc:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if _refused_write(exc):
            raise write_error(db.path, exc) from None
        raise


def _refused_write(exc: BaseException) -> bool:
    """Whether SQLite refused a write for a reason outside quotetrack (read-only, disk full,
    corrupt file); a broken constraint or a misused API is a bug and is not dressed up."""
    return isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError


_INSERT = """INSERT INTO statements (id, text, text_norm, kind, speaker_id, outlet_id, via_id, date,
               date_start, date_end, url, topic, tags, notes, added_at, updated_at, role,
               speaker_alias_id, outlet_alias_id, via_alias_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


class _Identities:
    """The speaker and outlet resolvers of one write."""

    def __init__(self, db: Database, resolving: Resolving | None, *, write: bool = True,
                 bulk: bool = False):
        self.speakers = Resolver(db, SPEAKER, resolving, write=write, bulk=bulk)
        self.outlets = Resolver(db, OUTLET, resolving, write=write, bulk=bulk)
        self.seen: dict[tuple, dict[str, Any]] = {}

    def resolve(self, fields: dict[str, Any]) -> dict[str, Any]:
        """speaker_id, outlet_id, via_id with the spellings used and the role given."""
        names = (fields["speaker"], fields["outlet"], fields.get("via"), fields.get("role"))
        known = self.seen.get(names)
        if known is None:
            known = self.seen[names] = self._resolve(fields)
        return known

    def _resolve(self, fields: dict[str, Any]) -> dict[str, Any]:
        speaker_id, speaker_alias, role = self.speakers.resolve(fields["speaker"])
        outlet_id, outlet_alias, _ = self.outlets.resolve(fields["outlet"])
        via_id = via_alias = None
        if fields.get("via"):
            via_id, via_alias, _ = self.outlets.resolve(fields["via"])
        return {"speaker_id": speaker_id, "speaker_alias_id": speaker_alias,
                "outlet_id": outlet_id, "outlet_alias_id": outlet_alias, "via_id": via_id,
                "via_alias_id": via_alias, "role": fields.get("role") or role}


def _row_values(fields: dict[str, Any], ids: dict[str, Any], statement_id: str,
                added_at: str, updated_at: str | None, text_norm: str | None = None) -> list[Any]:
    date = fields["date"]
    first_day, last_day = _date_bounds(date.iso)
    return [
        statement_id, fields["text"], text_norm or normalize_text(fields["text"]), fields["kind"],
        ids["speaker_id"], ids["outlet_id"], ids["via_id"],
        date.iso, first_day, last_day,
        fields.get("url"), fields.get("topic"), _tags_json(fields.get("tags")),
        fields.get("notes"), added_at, updated_at, ids["role"],
        ids["speaker_alias_id"], ids["outlet_alias_id"], ids["via_alias_id"],
    ]


@functools.lru_cache(maxsize=4096)
def _date_bounds(iso: str) -> tuple[str, str]:
    """date_start and date_end of a date as stored (an import meets the same dates many times)."""
    date = PartialDate(iso)
    return date.first_day.isoformat(), date.last_day.isoformat()


def _tags_json(tags) -> str:
    if not tags:
        return "[]"  # most statements have none: skip the encoder
    return _tags_tuple_json(tags) if isinstance(tags, tuple) else json.dumps(list(tags))


@functools.lru_cache(maxsize=4096)
def _tags_tuple_json(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags))


# What the insert trigger indexes (migration 0004_search_folds), for rows inserted without it:
# the same folding, in Python, three times faster than the trigger's chain of replace() calls.
_INDEX_NEW_ROWS = ("INSERT INTO statements_fts (rowid, text) SELECT seq, fold_for_search(text) "
                   "FROM statements WHERE seq > ?")


def _insert_many(db: Database, values: list[list[Any]]) -> None:
    """Insert many rows, filling the full-text index once at the end.

    The per-row trigger that keeps the index up to date makes a bulk insert three times slower
    than indexing the new rows in one statement. The trigger is dropped and put back inside the
    caller's transaction, so no other connection ever sees the table without it.
    """
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statements_ai'"
    ).fetchone()
    if trigger is None:
        db.conn.executemany(_INSERT, values)
        return
    last_before = db.execute("SELECT coalesce(max(seq), 0) FROM statements").fetchone()[0]
    db.execute("DROP TRIGGER statements_ai")
    db.conn.executemany(_INSERT, values)
    db.execute(_INDEX_NEW_ROWS, [last_before])
    db.execute(trigger[0])


def add_statement(db: Database, *, force: bool = False, resolving: Resolving | None = None,
                  **raw: Any) -> Statement:
    """Validate and store one statement; returns it with its new id.

    The speaker, outlet and relay resolve to identities (see quotetrack.identities); a leading
    title is kept as the statement's role. `resolving` says how close matches are decided and
    collects them for the caller to report.

    Raises ValidationError for a bad field and DuplicateError when the same statement is stored,
    unless force=True.
    """
    kind = raw.get("kind")
    if isinstance(kind, str) and not kind.strip():  # given, but blank; left out means direct
        raise ValidationError("kind", "is empty")
    fields = validate_fields(raw)
    db.check_writable()
    resolving = resolving or Resolving()
    decide_before_writing(db, resolving, [("speaker", fields["speaker"]), ("outlet", fields["outlet"]),
                                          ("outlet", fields.get("via"))])
    with write_transaction(db):
        ids = _Identities(db, resolving).resolve(fields)
        if not force:
            existing = _duplicate_of(db, ids["speaker_id"], ids["outlet_id"], fields["date"].iso,
                                     normalize_text(fields["text"]))
            if existing:
                raise DuplicateError(existing)
        key = _dedupe_key(fields["speaker"], fields["outlet"], fields["date"].iso,
                          normalize_text(fields["text"]))
        statement_id = make_id(key, None, is_taken=lambda c: _id_exists(db, c))
        db.execute(_INSERT, _row_values(fields, ids, statement_id, now(), None))
    return get_statement(db, statement_id)


def _id_exists(db: Database, statement_id: str) -> bool:
    return db.execute("SELECT 1 FROM statements WHERE id = ?", [statement_id]).fetchone() is not None


def add_many(db: Database, rows: list[dict[str, Any]], *, dry_run: bool = False,
             resolving: Resolving | None = None) -> ImportResult:
    """Store already-validated rows in one transaction, skipping exact duplicates.

    Names resolve to identities as in `add_statement` (nobody is asked: a close match is used
    only above the strict threshold, and reported in the result's `matches`).

    A row that repeats a stored statement (same speaker, outlet, date and normalised text) is
    skipped. A row that repeats an earlier row of the same batch is skipped too, unless both
    carry different ids: the database they were exported from held both (added with --force),
    and keeping both is what makes export -> import -> export give the same file.

    A row may carry `id`, `added_at` and `updated_at` (from an export); the id is kept when it is
    free, and a new one is given when another statement holds it.
    """
    resolving = resolving or Resolving()
    resolving.ask = None
    # Read what is stored inside the write transaction, so a concurrent add cannot slip in
    # between the duplicate check and the inserts.
    with (nullcontext() if dry_run else write_transaction(db)):
        result = _add_many(db, rows, dry_run, resolving)
    return ImportResult(added=result.added, skipped_duplicates=result.skipped_duplicates,
                        renumbered=result.renumbered, dry_run=dry_run,
                        matches=tuple(resolving.matches))


def _add_many(db: Database, rows: list[dict[str, Any]], dry_run: bool,
              resolving: Resolving) -> ImportResult:
    taken = {row[0] for row in db.execute("SELECT id FROM statements")}
    stored_keys = {
        f"{r[0]}|{r[1]}|{r[2]}|{r[3]}"
        for r in db.execute("SELECT speaker_id, outlet_id, date, text_norm FROM statements")
    }
    batch_ids: dict[str, set[str | None]] = {}
    added = skipped = renumbered = 0
    identities = _Identities(db, resolving, write=not dry_run, bulk=True)
    values: list[list[Any]] = []
    stamp = now()
    for fields in rows:
        text_norm = normalize_text(fields["text"])
        ids = identities.resolve(fields)
        speaker_key = ids["speaker_id"] if ids["speaker_id"] is not None else "new:" + fields["speaker"]
        outlet_key = ids["outlet_id"] if ids["outlet_id"] is not None else "new:" + fields["outlet"]
        exact_key = f"{speaker_key}|{outlet_key}|{fields['date'].iso}|{text_norm}"
        wanted = fields.get("id")
        earlier = batch_ids.get(exact_key)
        if exact_key in stored_keys or (
            earlier is not None and (wanted is None or wanted in earlier or None in earlier)
        ):
            skipped += 1
            continue
        batch_ids.setdefault(exact_key, set()).add(wanted)
        if wanted and wanted not in taken:
            statement_id = wanted
        else:
            if wanted:
                renumbered += 1
            key = _dedupe_key(fields["speaker"], fields["outlet"], fields["date"].iso, text_norm)
            statement_id = make_id(key, taken)
        taken.add(statement_id)
        added += 1
        if not dry_run:
            values.append(_row_values(fields, ids, statement_id,
                                      fields.get("added_at") or stamp, fields.get("updated_at"),
                                      text_norm))
    if values:
        _insert_many(db, values)
    return ImportResult(added=added, skipped_duplicates=skipped, renumbered=renumbered,
                        dry_run=dry_run)


def validate_import_extras(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Check the export-only columns (id, added_at, updated_at) of an imported row."""
    out: dict[str, Any] = {}
    sid = _optional(raw.get("id"))
    if sid is not None:
        sid = sid.strip().lower()
        if not _ID_RE.match(sid):
            raise ValidationError("id", f"'{sid}' is not a quotetrack id (q and 6 letters/digits)")
        out["id"] = sid
    for name in ("added_at", "updated_at"):
        value = _optional(raw.get(name))
        if value is not None:
            value = value.strip()
            if not _TIMESTAMP.match(value):
                raise ValidationError(name, f"'{value}' is not a UTC timestamp like 2020-02-04T10:00:00Z")
            out[name] = value
    return out


def update_statement(db: Database, statement_id: str, changes: Mapping[str, Any], *,
                     force: bool = False, resolving: Resolving | None = None) -> Statement:
    """Change fields of a stored statement; its id stays the same.

    A new speaker, outlet or relay resolves to an identity as in `add_statement`; a new speaker
    given with a title replaces the role, unless a role is given too. A change to anything
    conflict detection reads drops the statement's stored conflicts (their review decisions
    stay), so that the next detection finds them anew.
    """
    current = get_statement(db, statement_id)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "cannot be edited")
    if not changes:
        raise ValidationError("edit", "nothing to change; give at least one --field value")
    for name in REQUIRED:
        if name in changes and _blank(changes[name]):
            raise ValidationError(name, "is empty")
    fields = validate_fields(changes, partial=True)
    db.check_writable()
    merged = current.to_dict()
    merged.update({k: v for k, v in fields.items()})
    if "speaker" in fields and "role" not in fields:
        merged["role"] = None  # the new speaker's own title, if it has one
    # A date not changed by this edit is the stored one, taken as it is.
    date = (merged["date"] if not isinstance(merged["date"], str)
            else parse_date(merged["date"], plausible=False))
    merged["date"] = date
    resolving = resolving or Resolving()
    decide_before_writing(db, resolving, [(which, fields[name]) for which, name in
                                          (("speaker", "speaker"), ("outlet", "outlet"), ("outlet", "via"))
                                          if fields.get(name)])
    with write_transaction(db):
        ids = dict(_Identities(db, resolving).resolve(merged))
        if "speaker" not in fields and "role" not in fields:
            ids["role"] = current.role
        if not force:
            dup = _duplicate_of(db, ids["speaker_id"], ids["outlet_id"], date.iso,
                                normalize_text(merged["text"]))
            if dup and dup != current.id:
                raise DuplicateError(dup, editing=True)
        if not set(fields) <= _NOT_DETECTED:
            _forget_detection(db, current.id)
        db.execute(
            """UPDATE statements SET text = ?, text_norm = ?, kind = ?, speaker_id = ?, outlet_id = ?,
                   via_id = ?, date = ?, date_start = ?, date_end = ?, url = ?, topic = ?, tags = ?,
                   notes = ?, updated_at = ?, role = ?, speaker_alias_id = ?, outlet_alias_id = ?,
                   via_alias_id = ? WHERE id = ?""",
            [
                merged["text"], normalize_text(merged["text"]), merged["kind"],
                ids["speaker_id"], ids["outlet_id"], ids["via_id"],
                date.iso, date.first_day.isoformat(), date.last_day.isoformat(),
                merged.get("url"), merged.get("topic"), json.dumps(list(merged.get("tags") or ())),
                merged.get("notes"), now(), ids["role"], ids["speaker_alias_id"],
                ids["outlet_alias_id"], ids["via_alias_id"], current.id,
            ],
        )
    return get_statement(db, current.id)


def delete_statement(db: Database, statement_id: str) -> Statement:
    """Remove a statement and the conflicts it is part of.

    Review decisions are kept: the same statement added again gets the same id, and a pair
    dismissed before stays dismissed.
    """
    current = get_statement(db, statement_id)
    with write_transaction(db):
        _forget_detection(db, current.id)
        db.execute("DELETE FROM statements WHERE id = ?", [current.id])
    return current


def _forget_detection(db: Database, statement_id: str) -> None:
    """Drop the conflicts, signature and terms detection stored for a statement; the review
    decisions (keyed by pair) stay, to apply again when the pair is found again."""
    db.execute("DELETE FROM conflicts WHERE a_id = ? OR b_id = ?", [statement_id, statement_id])
    db.execute("DELETE FROM analysis WHERE statement_id = ?", [statement_id])
    db.execute("DELETE FROM terms WHERE statement_id = ?", [statement_id])


def matching_ids_sql(filters: Filters) -> tuple[str, list[Any]]:
    """A subquery selecting the ids of statements that match `filters` (limit ignored)."""
    where, args = _filter_sql(filters)
    return "SELECT s.id FROM statements s" + where, args


def get_statements(db: Database, statement_ids: Iterable[str]) -> dict[str, Statement]:
    """Several statements by id, as a dict; unknown ids are left out."""
    ids = list(dict.fromkeys(statement_ids))
    found: dict[str, Statement] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(_SELECT + f" WHERE s.id IN ({marks})", chunk):
            statement = _row_to_statement(row)
            found[statement.id] = statement
    return found
