"""Speakers and outlets as identities: one person, many spellings.

Every spelling of an identity is a row of its alias table (speaker_aliases, outlet_aliases),
the display name included. A name resolves, in this order:

1. its folded form (accents, case, punctuation and, for speakers, a leading role ignored) is a
   known spelling: that identity, with a plain SQL lookup;
2. for an outlet written as a web address, the outlet with that domain;
3. otherwise the spellings that share a transliteration key, a last word or its first letters
   are scored (quotetrack.matching): a close match is proposed to a person, or used without one
   only above a strict threshold, and the new spelling is kept as an alias;
4. otherwise a new identity.

Merging moves every statement and spelling of one identity to another and is recorded in
`merges`; `unmerge` gives the spellings back, with every statement that used them, including
statements added after the merge (each statement records the spelling it used).

Speakers are shown as s<id>, outlets as o<id>, merges as m<id>.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quotetrack.errors import NotFoundError, QuotetrackError, ValidationError
from quotetrack.normalize import (
    clean_label, consonants, fold_name, name_parts, split_role, token_skeleton,
)

if TYPE_CHECKING:
    from quotetrack.db import Database

SPEAKER_KINDS = ("person", "institution", "ministry", "agency")
_GENERIC_OUTLET_WORDS = frozenset("the news agency com co uk org net www online".split())
_KIND_WORDS = (
    ("ministry", ("ministry", "ministries", "ministere", "ministerstvo")),
    ("agency", ("agency", "administration", "bureau", "service", "commission", "office",
                "department", "authority", "board")),
    ("institution", ("council", "committee", "organization", "organisation", "government",
                     "presidency", "palace", "party", "army", "police", "company", "corporation",
                     "airlines", "bank", "court", "parliament", "assembly", "nations", "union",
                     "institute", "university", "hospital", "foundation", "team", "embassy",
                     "kremlin", "forces", "command", "group", "inc", "ltd")),
)
_KIND_MARKERS = tuple((kind, frozenset(markers)) for kind, markers in _KIND_WORDS)
_CANDIDATE_LIMIT = 400


class ConflictingNameError(QuotetrackError):
    """A spelling that already names another identity."""


@dataclass(frozen=True)
class Entity:
    name: str  # "speaker" / "outlet"
    table: str
    aliases: str
    prefix: str
    # (statement id column, statement alias column) pairs that point at this entity.
    columns: tuple[tuple[str, str], ...]

    def label(self, identity_id: int) -> str:
        return f"{self.prefix}{identity_id}"


SPEAKER = Entity("speaker", "speakers", "speaker_aliases", "s", (("speaker_id", "speaker_alias_id"),))
OUTLET = Entity("outlet", "outlets", "outlet_aliases", "o",
                (("outlet_id", "outlet_alias_id"), ("via_id", "via_alias_id")))
ENTITIES = {"speaker": SPEAKER, "outlet": OUTLET, "speakers": SPEAKER, "outlets": OUTLET}


def entity(name: str) -> Entity:
    return ENTITIES[name]


def _as_entity(which: Entity | str) -> Entity:
    return ENTITIES[which] if isinstance(which, str) else which


# ---------------------------------------------------------------- spellings

def _outlet_parts(name: str):
    """An outlet's name parts without the words every outlet may carry: Reuters = Reuters News
    Agency = reuters.com."""
    parts = name_parts(name)
    words = [w for w in parts.norm.split() if w not in _GENERIC_OUTLET_WORDS]
    kept = name_parts(" ".join(words)) if words else parts
    # The words go with their keys, so that short words are compared as spelled, as for
    # speakers (quotetrack.matching): Iwan Petrow is not surely Ivan Petrov, VHO is not WHO.
    return parts.__class__(norm=parts.norm, keys=kept.keys, compact="".join(words) or parts.compact,
                           patronymic=False, unvowelled=parts.unvowelled, words=kept.words)


def parts_of(which: Entity, name: str):
    return name_parts(name) if which is SPEAKER else _outlet_parts(name)


@functools.lru_cache(maxsize=16384)
def alias_columns(table: str, name: str) -> dict[str, str]:
    """The lookup columns of one spelling (a name without its role) of a speaker or outlet.

    Cached (an import meets each name several times): do not change the dict returned.
    """
    which = entity(table)
    core = split_role(name)[1] if which is SPEAKER else name
    parts = parts_of(which, core)
    norm = parts.norm or clean_label(core).casefold()
    last = parts.last
    return {"norm": norm, "key": " ".join(parts.keys) or norm,
            "first": parts.keys[0] if parts.keys else "", "last": last,
            "stem": last[:3], "skel": token_skeleton(last), "bare": consonants(last)}


def guess_kind(name: str, role: str | None) -> str | None:
    """A kind when the name says it ('Russian Defence Ministry' -> ministry); a role means a person."""
    words = set(name_parts(name).norm.split())  # name_parts(name).norm is fold_name(name), cached
    for kind, markers in _KIND_MARKERS:
        if not words.isdisjoint(markers):
            return kind
    return "person" if role else None


# ---------------------------------------------------------------- looking up

@dataclass(frozen=True)
class Candidate:
    """A stored identity a name may be: its id and display name, the spelling that matched."""

    id: int
    name: str
    alias: str
    score: float
    why: str


@dataclass(frozen=True)
class Lookup:
    """What a name resolves to before anything is written."""

    name: str  # the name without its role, as given
    role: str | None
    norm: str
    exact_id: int | None = None  # a known spelling (or an outlet's domain)
    exact_alias_id: int | None = None
    best: Candidate | None = None  # the closest other identity, when close enough to mention
    runner_up: Candidate | None = None

    @property
    def automatic(self) -> bool:
        """Close enough to use with no one to ask: strict threshold and no close second."""
        from quotetrack.matching import AMBIGUITY_MARGIN, AUTO_SCORE

        if self.best is None or self.best.score < AUTO_SCORE:
            return False
        return self.runner_up is None or self.best.score - self.runner_up.score >= AMBIGUITY_MARGIN


def _domain_of(name: str) -> str | None:
    text = name.strip().lower()
    if " " in text or "." not in text:
        return None
    if "://" in text or text.startswith("www."):
        return url_domain(text)
    return text if re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", text) else None


def url_domain(url: str) -> str | None:
    """The host of a link without 'www.': 'https://www.reuters.com/world/x' -> 'reuters.com'."""
    from urllib.parse import urlsplit

    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host


def lookup(db: Database, which: Entity | str, name: str, index: AliasIndex | None = None) -> Lookup:
    """Resolve a name without writing: a known spelling, or the closest identities.

    `index` (a bulk write's AliasIndex of the same entity, up to date) answers what the SQL
    lookups would, from memory.
    """
    which = _as_entity(which)
    role, core = split_role(name) if which is SPEAKER else (None, clean_label(name))
    columns = alias_columns(which.table, core)
    norm = columns["norm"]
    if index is not None:
        found = index.norms.get(norm)
    else:
        found = db.execute(f"SELECT id, owner_id FROM {which.aliases} WHERE norm = ?",
                           [norm]).fetchone()
    if found:
        return Lookup(core, role, norm, exact_id=found[1], exact_alias_id=found[0])
    if which is OUTLET:
        domain = _domain_of(core)
        if domain:
            owner = _outlet_by_domain(db, domain)
            if owner is not None:
                return Lookup(core, role, norm, exact_id=owner)
    best, runner_up = _closest(db, which, core, columns, index)
    return Lookup(core, role, norm, best=best, runner_up=runner_up)


def _outlet_by_domain(db: Database, domain: str) -> int | None:
    """An outlet whose domain is this one or a parent of it (edition.cnn.com -> cnn.com)."""
    labels = domain.split(".")
    for start in range(len(labels) - 1):
        row = db.execute("SELECT id FROM outlets WHERE domain = ? AND merged_into IS NULL",
                         [".".join(labels[start:])]).fetchone()
        if row:
            return row[0]
    return None


_CHUNK = 500  # alias ids per SQL query of the scored candidates


class AliasIndex:
    """Every spelling of one entity in memory, by norm and by each blocking column, for a bulk
    write: thousands of new names resolved in one transaction look their candidates up in dicts
    instead of three SQL queries each. Built once per write and kept up to date by the Resolver
    as it adds spellings (nothing else writes spellings inside the write transaction).

    It answers exactly what the SQL of `lookup` and `_closest` answers; where a block could hit
    its LIMIT, or the candidates span more than one chunk (which SQL rows a LIMIT keeps, and in
    what order chunks come back, are SQLite's), `_closest` asks SQL instead.
    """

    _BLOCKING = ("key", "first", "last", "stem", "skel", "bare")

    def __init__(self, db: Database, which: Entity):
        self.norms: dict[str, tuple[int, int]] = {}  # norm -> (alias id, owner id)
        self.rows: dict[int, tuple[int, str, str]] = {}  # alias id -> (owner id, alias, key)
        # column -> value -> {alias id: key} of the spellings with that value
        self.by: dict[str, dict[str, dict[int, str]]] = {column: {} for column in self._BLOCKING}
        for alias_id, owner_id, alias, norm, *values in db.execute(
                f"SELECT id, owner_id, alias, norm, {', '.join(self._BLOCKING)} "
                f"FROM {which.aliases} ORDER BY id"):
            self._put(alias_id, owner_id, alias, norm, values)

    def add(self, alias_id: int, owner_id: int, alias: str, columns: dict[str, str]) -> None:
        """A spelling just inserted (its `alias_columns`)."""
        if columns["norm"] not in self.norms:
            self._put(alias_id, owner_id, alias, columns["norm"],
                      [columns[column] for column in self._BLOCKING])

    def _put(self, alias_id: int, owner_id: int, alias: str, norm: str, values: list) -> None:
        self.norms[norm] = (alias_id, owner_id)
        key = values[0]
        self.rows[alias_id] = (owner_id, alias, key)
        for column, value in zip(self._BLOCKING, values):
            if value is not None:  # SQL's `column = ?` never matches NULL
                self.by[column].setdefault(value, {})[alias_id] = key

    def block(self, pairs: list[tuple[str, Iterable[str]]], limit: int) -> dict[int, str] | None:
        """Alias id -> key of the spellings whose column holds one of the values, as
        `WHERE column IN (values) OR ...` finds them; None when there may be `limit` or more."""
        found: dict[int, str] = {}
        for column, values in pairs:
            by_value = self.by[column]
            for value in values:
                same = by_value.get(value)
                if same:
                    found.update(same)
        return found if len(found) < limit else None


def _closest(db: Database, which: Entity, core: str, columns: dict[str, str],
             index: AliasIndex | None = None):
    from quotetrack.matching import PROPOSE_SCORE

    parts = parts_of(which, core)
    if not parts.keys:
        return None, None
    # Blocking: only spellings that share the whole key or a word as last word, then those whose
    # last word has the same frame (Rohani/Rouhani) or starts alike, then those with the same
    # first word, are looked at; each through an index, each bounded. An unvowelled spelling
    # (Arabic, Persian, Hebrew script) is looked up by consonants instead of the frame.
    words = sorted(set(parts.keys))
    first = [columns["first"]]
    if parts.unvowelled:
        bare = sorted({consonants(k) for k in parts.keys if len(consonants(k)) >= 2})
        loose = [("bare", bare), ("first", first)]
    else:
        loose = [("skel", [columns["skel"]]), ("stem", [columns["stem"]]), ("first", first)]
    blocks = [([("key", [columns["key"]]), ("last", words)], 1000), (loose, _CANDIDATE_LIMIT)]
    keys: dict[int, str] = {}
    found = [index.block(pairs, limit) for pairs, limit in blocks] if index is not None else [None]
    from_index = None not in found
    if from_index:
        for block in found:
            keys.update(block)
    else:  # every block from SQL, so that the candidates come in SQL's order
        for pairs, limit in blocks:
            where = " OR ".join(f"{column} IN ({','.join('?' * len(values))})"
                                if column in ("last", "bare") else f"{column} = ?"
                                for column, values in pairs)
            args = [value for _, values in pairs for value in values]
            keys.update(db.execute(f"SELECT id, key FROM {which.aliases} WHERE {where} "
                                   f"LIMIT {limit}", args).fetchall())
    if not keys:
        return None, None
    from quotetrack.matching import PREFILTER_SCORE, score_names

    if not parts.unvowelled:
        # A cheap whole-name similarity first, in one call into C: most candidates of a block
        # share only a first word or a few letters, and need no closer look.
        from rapidfuzz import process
        from rapidfuzz.fuzz import token_set_ratio

        kept = process.extract(columns["key"], keys, scorer=token_set_ratio,
                               score_cutoff=PREFILTER_SCORE, limit=None)
        keys = {alias_id: keys[alias_id] for _, _, alias_id in kept}
    rows: list[tuple[int, str]] = []
    ids = list(keys)
    if from_index and len(ids) <= _CHUNK:
        # As the query below returns them: one chunk, in alias id order.
        rows = [index.rows[alias_id][:2] for alias_id in sorted(ids)]
    else:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows += db.execute(f"SELECT a.owner_id, a.alias FROM {which.aliases} a JOIN "
                               f"{which.table} o ON o.id = a.owner_id WHERE a.id IN "
                               f"({','.join('?' * len(chunk))})", chunk).fetchall()
    people = which is SPEAKER
    best_per_owner: dict[int, tuple[float, str, str]] = {}
    for owner_id, alias in rows:
        score, why = score_names(parts, parts_of(which, alias), people=people)
        if score < PROPOSE_SCORE - 15:
            continue
        known = best_per_owner.get(owner_id)
        if known is None or score > known[0]:
            best_per_owner[owner_id] = (score, alias, why)
    ranked = sorted(best_per_owner.items(), key=lambda item: (-item[1][0], item[0]))
    if not ranked or ranked[0][1][0] < PROPOSE_SCORE:
        return None, None
    # Display names are read for these two only, as they are when the write reaches them.
    found = [Candidate(owner_id, _display(db, which, owner_id), alias, score, why)
             for owner_id, (score, alias, why) in ranked[:2]]
    return found[0], found[1] if len(found) > 1 else None


# ---------------------------------------------------------------- resolving while writing

@dataclass(frozen=True)
class Match:
    """A name resolved to an identity by a close match (used or only proposed)."""

    entity: str
    name: str  # as given, without the role
    id: int
    matched: str  # the identity's display name
    score: float
    why: str
    used: bool  # False: only a hint, a new identity was made
    merge_id: int | None = None  # the log entry that undoes it
    new_id: int | None = None  # when not used: the new identity

    @property
    def label(self) -> str:
        return f"{ENTITIES[self.entity].prefix}{self.id}"

    def message(self) -> str:
        """One line for stderr."""
        prefix = ENTITIES[self.entity].prefix
        if self.used:
            undo = f"; undo with: quotetrack unmerge m{self.merge_id}" if self.merge_id else ""
            return (f"{self.entity} '{self.name}' taken as {self.matched} ({self.label}), "
                    f"close match {self.score:.0f}{undo}")
        return (f"new {self.entity} '{self.name}' ({prefix}{self.new_id}) looks like {self.matched} "
                f"({self.label}, {self.score:.0f}); if they are one, run: quotetrack "
                f"{self.entity}s merge {self.label} {prefix}{self.new_id}")


Ask = Callable[[str, Candidate], bool]


@dataclass
class Resolving:
    """How a write resolves names that are not known spellings.

    `ask(entity, candidate)` is asked (by a CLI at a terminal) about every close match; without
    it a match is used only when `Lookup.automatic`. Every close match used or passed over is
    appended to `matches`, for the caller to report.
    """

    ask: Ask | None = None
    matches: list[Match] = field(default_factory=list)
    # Answers given before the write began, by (entity, name): the identity id, or None for new.
    decided: dict[tuple[str, str], int | None] = field(default_factory=dict)


def decide_before_writing(db: Database, resolving: Resolving, names: Iterable[tuple[str, str]]) -> None:
    """Put the questions to a person before the write transaction takes the lock."""
    if resolving.ask is None:
        return
    for which_name, name in names:
        if not name:
            continue
        found = lookup(db, which_name, name)
        if found.exact_id is None and found.best is not None:
            yes = resolving.ask(which_name, found.best)
            resolving.decided[(which_name, found.name)] = found.best.id if yes else None


class Resolver:
    """Resolves names to identity ids inside one write transaction, creating what is new."""

    def __init__(self, db: Database, which: Entity, resolving: Resolving | None, *,
                 write: bool = True, bulk: bool = False):
        self.db = db
        self.which = which
        self.resolving = resolving or Resolving()
        self.write = write
        self.cache: dict[str, tuple[int | None, int | None, str | None]] = {}
        self._new = 0
        # For a bulk write: every spelling in memory (see AliasIndex), read at the first name
        # that needs it, so that a write of a few names never pays for it.
        self._bulk = bulk
        self._index: AliasIndex | None = None

    def _lookup(self, name: str) -> Lookup:
        if self._bulk and self._index is None:
            self._index = AliasIndex(self.db, self.which)
        return lookup(self.db, self.which, name, self._index)

    def resolve(self, name: str) -> tuple[int | None, int | None, str | None]:
        """(identity id, alias id, role) for a name; ids are None in a dry run for a new name."""
        cached = self.cache.get(name)
        if cached is not None:
            return cached
        found = self._lookup(name)
        if found.exact_id is not None:
            alias_id = found.exact_alias_id
            if alias_id is None and self.write:  # an outlet found by its domain
                alias_id = self._add_alias(found.exact_id, found.name, "domain", found.exact_id)
            result = (found.exact_id, alias_id, found.role)
        else:
            result = self._close_or_new(found)
        self.cache[name] = result
        return result

    def _close_or_new(self, found: Lookup):
        which = self.which
        decided_key = (which.name, found.name)
        best = found.best
        if decided_key in self.resolving.decided:
            chosen = self.resolving.decided[decided_key]
            use = chosen is not None and best is not None and chosen == best.id
            if chosen is not None and not use:
                best = Candidate(chosen, _display(self.db, which, chosen), found.name, 100.0, "chosen")
                use = True
        else:
            use = found.automatic
        if best is not None and use:
            merge_id = alias_id = None
            if self.write:
                alias_id = self._add_alias(best.id, found.name, "matched", None)
                merge_id = _log(self.db, which, "match", best.id, None, found.name, [alias_id],
                                best.score)
            self.resolving.matches.append(Match(which.name, found.name, best.id, best.name,
                                                best.score, best.why, True, merge_id))
            return best.id, alias_id, found.role
        if not self.write:
            self._new += 1
            return None, None, found.role
        new_id, alias_id = self._create(found)
        if best is not None and decided_key not in self.resolving.decided:
            self.resolving.matches.append(Match(which.name, found.name, best.id, best.name,
                                                best.score, best.why, False, new_id=new_id))
        return new_id, alias_id, found.role

    def _create(self, found: Lookup) -> tuple[int, int]:
        from quotetrack.store import now

        which = self.which
        stamp = now()
        if which is SPEAKER:
            sql = "INSERT INTO speakers (name, norm, kind, created_at) VALUES (?, ?, ?, ?)"
            values = [found.name, found.norm, guess_kind(found.name, found.role), stamp]
        else:
            sql = "INSERT INTO outlets (name, norm, domain, created_at) VALUES (?, ?, ?, ?)"
            values = [found.name, found.norm, _domain_of(found.name), stamp]
        try:
            cur = self.db.execute(sql, values)
        except sqlite3.IntegrityError:
            # The display name is held by an identity merged away: number this one.
            values[0] = _free_name(self.db, which, found.name)
            cur = self.db.execute(sql, values)
        new_id = cur.lastrowid
        # No other identity has this spelling: lookup found none, in this transaction.
        alias_id = insert_alias(self.db, which, new_id, found.name, "name", new_id, checked=True)
        self._indexed(alias_id, new_id, found.name)
        return new_id, alias_id

    def _add_alias(self, owner_id: int, alias: str, source: str, origin_id: int | None) -> int:
        alias_id = insert_alias(self.db, self.which, owner_id, alias, source, origin_id)
        self._indexed(alias_id, owner_id, alias)
        return alias_id

    def _indexed(self, alias_id: int, owner_id: int, alias: str) -> None:
        if self._index is not None:
            self._index.add(alias_id, owner_id, alias, alias_columns(self.which.table, alias))


def create_identity(db: Database, which: Entity | str, name: str, **fields: str | None) -> int:
    """Store a new speaker or outlet under `name` (its spelling must be free); returns its id.

    For loading known identities in bulk: call inside `store.write_transaction`.
    """
    from quotetrack.store import now

    which = _as_entity(which)
    name = _check_name(name, "name")
    columns = alias_columns(which.table, name)
    taken = db.execute(f"SELECT owner_id FROM {which.aliases} WHERE norm = ?", [columns["norm"]]).fetchone()
    if taken:
        raise ConflictingNameError(f"'{name}' already names {which.name} {which.label(taken[0])}")
    if which is SPEAKER:
        kind = validate_kind(fields["kind"]) if fields.get("kind") else None
        cur = db.execute("INSERT INTO speakers (name, norm, kind, affiliation, created_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [name, columns["norm"], kind, fields.get("affiliation"), now()])
    else:
        cur = db.execute("INSERT INTO outlets (name, norm, domain, country, created_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         [name, columns["norm"], fields.get("domain"), fields.get("country"), now()])
    insert_alias(db, which, cur.lastrowid, name, "name", cur.lastrowid)
    return cur.lastrowid


def _free_name(db: Database, which: Entity, name: str) -> str:
    """Display names are unique; a merged-away identity may hold this one (rare): number it."""
    candidate, n = name, 2
    while db.execute(f"SELECT 1 FROM {which.table} WHERE name = ?", [candidate]).fetchone():
        candidate = f"{name} ({n})"
        n += 1
    return candidate


def insert_alias(db: Database, which: Entity, owner_id: int, alias: str, source: str,
                 origin_id: int | None, *, checked: bool = False) -> int:
    """Record a spelling of an identity; an error when it names another one (unless `checked`)."""
    from quotetrack.store import now

    columns = alias_columns(which.table, alias)
    taken = None if checked else db.execute(
        f"SELECT owner_id FROM {which.aliases} WHERE norm = ?", [columns["norm"]]).fetchone()
    if taken:
        if taken[0] == owner_id:
            return db.execute(f"SELECT id FROM {which.aliases} WHERE norm = ?",
                              [columns["norm"]]).fetchone()[0]
        raise ConflictingNameError(
            f"'{alias}' already names {which.name} {which.label(taken[0])} "
            f"({_display(db, which, taken[0])})")
    cur = db.execute(
        f"INSERT INTO {which.aliases} (owner_id, alias, norm, key, first, last, stem, skel, "
        "bare, origin_id, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [owner_id, alias, columns["norm"], columns["key"], columns["first"], columns["last"],
         columns["stem"], columns["skel"], columns["bare"], origin_id, source, now()])
    return cur.lastrowid


def _display(db: Database, which: Entity, identity_id: int) -> str:
    row = db.execute(f"SELECT name FROM {which.table} WHERE id = ?", [identity_id]).fetchone()
    return row[0] if row else "?"


def _log(db: Database, which: Entity, kind: str, into_id: int, from_id: int | None,
         from_name: str, alias_ids: list[int], score: float | None) -> int:
    from quotetrack.store import now

    cur = db.execute(
        "INSERT INTO merges (entity, kind, into_id, from_id, from_name, alias_ids, score, merged_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [which.name, kind, into_id, from_id, from_name, json.dumps(alias_ids), score, now()])
    return cur.lastrowid


# ---------------------------------------------------------------- reading identities

_ID_REF = re.compile(r"^([so]?)(\d+)$")
_MERGE_REF = re.compile(r"^m?(\d+)$")
_MAX_ID = 2**63 - 1  # SQLite's largest integer: a longer number names nothing stored


def find_id(db: Database, which: Entity | str, ref: str) -> int:
    """The id of an identity given as s3 / o2 / 3, or as one of its spellings (exact, not close)."""
    which = _as_entity(which)
    text = (ref or "").strip()
    if not text:
        raise ValidationError(which.name, "is empty")
    match = _ID_REF.match(text.lower())
    if match and match.group(1) in ("", which.prefix):
        number = int(match.group(2))
        row = number <= _MAX_ID and db.execute(
            f"SELECT id FROM {which.table} WHERE id = ?", [number]).fetchone()
        if row:
            return row[0]
        raise NotFoundError(f"no {which.name} with id '{text}'")
    norm = alias_columns(which.table, text)["norm"]
    row = db.execute(f"SELECT owner_id FROM {which.aliases} WHERE norm = ?", [norm]).fetchone()
    if row:
        return row[0]
    raise NotFoundError(f"no {which.name} named '{text}' (give an id like {which.prefix}3, "
                        f"see quotetrack {which.table} list)")


def _live_id(db: Database, which: Entity, ref: str) -> int:
    identity_id = find_id(db, which, ref)
    merged = db.execute(f"SELECT merged_into FROM {which.table} WHERE id = ?", [identity_id]).fetchone()[0]
    if merged is not None:
        raise ValidationError(which.name, f"{which.label(identity_id)} was merged into "
                              f"{which.label(merged)}; use that, or undo the merge first")
    return identity_id


def _counts(db: Database, which: Entity, ids: list[int] | None) -> tuple[dict[int, int], dict[int, int]]:
    """Statements and (not dismissed) conflicts per identity."""
    statements: dict[int, int] = {}
    conflicts: dict[int, int] = {}
    for column, _ in which.columns:
        for owner, n in db.execute(f"SELECT {column}, count(*) FROM statements "
                                   f"WHERE {column} IS NOT NULL GROUP BY {column}"):
            statements[owner] = statements.get(owner, 0) + n
    union = " UNION ".join(
        f"SELECT s.{column} AS owner, c.id AS cid FROM conflicts c JOIN statements s "
        f"ON s.id = c.{side} WHERE s.{column} IS NOT NULL"
        for column, _ in which.columns for side in ("a_id", "b_id"))
    sql = (f"SELECT owner, count(DISTINCT cid) FROM ({union}) x LEFT JOIN reviews r "
           "ON r.conflict_id = x.cid WHERE coalesce(r.status, 'open') != 'dismissed' GROUP BY owner")
    for owner, n in db.execute(sql):
        conflicts[owner] = n
    return statements, conflicts


def _identities(db: Database, which: Entity, where: str, args: list[Any]) -> list:
    from quotetrack.models import Identity

    extra = "kind, affiliation" if which is SPEAKER else "domain, country"
    rows = db.execute(f"SELECT id, name, {extra}, merged_into FROM {which.table} {where} "
                      "ORDER BY id", args).fetchall()
    statements, conflicts = _counts(db, which, None)
    aliases: dict[int, list[str]] = {}
    names = {row[0]: row[1] for row in rows}
    for owner, alias in db.execute(f"SELECT owner_id, alias FROM {which.aliases} ORDER BY id"):
        if owner in names and alias != names[owner]:
            aliases.setdefault(owner, []).append(alias)
    out = []
    for identity_id, name, a, b, merged in rows:
        fields = {"kind": a, "affiliation": b} if which is SPEAKER else {"domain": a, "country": b}
        out.append(Identity(
            id=identity_id, label=which.label(identity_id), entity=which.name, name=name,
            statements=statements.get(identity_id, 0), conflicts=conflicts.get(identity_id, 0),
            aliases=tuple(aliases.get(identity_id, ())),
            merged_into=which.label(merged) if merged is not None else None, **fields))
    return out


def list_identities(db: Database, which: Entity | str, *, side: str | None = None,
                    kind: str | None = None, name: str | None = None) -> list:
    """Every identity not merged away, oldest first, with statement and conflict counts.

    `side` keeps speakers of that affiliation (case and accents ignored); `name` keeps those with
    a spelling containing it.
    """
    which = _as_entity(which)
    clauses, args = ["merged_into IS NULL"], []
    if side:
        if which is not SPEAKER:
            raise ValidationError("--side", "applies to speakers")
        clauses.append(side_clause("id"))
        args.append(fold_name(side))
    if kind:
        clauses.append("kind = ?")
        args.append(validate_kind(kind))
    if name:
        clauses.append(f"id IN (SELECT owner_id FROM {which.aliases} WHERE norm LIKE ? ESCAPE '\\')")
        folded = fold_name(name).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args.append(f"%{folded}%")
    return _identities(db, which, "WHERE " + " AND ".join(clauses), args)


def side_clause(column: str) -> str:
    """SQL: the speaker in `column` has the affiliation given as one folded parameter."""
    return (f"{column} IN (SELECT id FROM speakers WHERE affiliation IS NOT NULL "
            "AND fold_name(affiliation) = ?)")


def get_identity(db: Database, which: Entity | str, ref: str):
    which = _as_entity(which)
    identity_id = find_id(db, which, ref)
    return _identities(db, which, "WHERE id = ?", [identity_id])[0]


def validate_kind(kind: str) -> str:
    value = (kind or "").strip().lower()
    if value not in SPEAKER_KINDS:
        raise ValidationError("kind", f"'{kind}' is not a kind; use {', '.join(SPEAKER_KINDS)}")
    return value


def _check_name(value: Any, field_name: str) -> str:
    from quotetrack.store import validate_name

    name = validate_name(value, field_name)
    if not fold_name(name) and not name.strip():
        raise ValidationError(field_name, "is empty")
    return name


# ---------------------------------------------------------------- changing identities

def add_aliases(db: Database, which: Entity | str, ref: str, names: Iterable[str]):
    """Record more spellings of an identity; all or nothing."""
    from quotetrack.store import write_transaction

    which = _as_entity(which)
    names = [_check_name(name, "alias") for name in names]
    if not names:
        raise ValidationError("alias", "give at least one name")
    with write_transaction(db):
        identity_id = _live_id(db, which, ref)
        for name in names:
            core = split_role(name)[1] if which is SPEAKER else name
            insert_alias(db, which, identity_id, core, "alias", identity_id)
    return get_identity(db, which, which.label(identity_id))


def remove_aliases(db: Database, which: Entity | str, ref: str, names: Sequence[str]):
    """Forget several spellings at once: all of them, or none when one cannot go."""
    from quotetrack.store import write_transaction

    if not names:
        raise ValidationError("alias", "give at least one name")
    identity = None
    with write_transaction(db):
        for name in names:
            identity = remove_alias(db, which, ref, name)
    return identity


def remove_alias(db: Database, which: Entity | str, ref: str, name: str):
    """Forget one spelling (not the display name); its statements stay with the identity."""
    from quotetrack.store import write_transaction

    which = _as_entity(which)
    name = _check_name(name, "alias")
    with write_transaction(db):
        identity_id = _live_id(db, which, ref)
        norm = alias_columns(which.table, name)["norm"]
        row = db.execute(f"SELECT id FROM {which.aliases} WHERE norm = ? AND owner_id = ?",
                         [norm, identity_id]).fetchone()
        if row is None:
            raise NotFoundError(f"'{name}' is not a spelling of {which.label(identity_id)}")
        display = db.execute(f"SELECT name FROM {which.table} WHERE id = ?", [identity_id]).fetchone()[0]
        if alias_columns(which.table, display)["norm"] == norm:
            raise ValidationError("alias", f"'{name}' is the display name; rename first")
        keep = db.execute(f"SELECT id FROM {which.aliases} WHERE owner_id = ? AND id != ? "
                          "ORDER BY id LIMIT 1", [identity_id, row[0]]).fetchone()[0]
        for _, alias_column in which.columns:
            db.execute(f"UPDATE statements SET {alias_column} = ? WHERE {alias_column} = ?",
                       [keep, row[0]])
        db.execute(f"DELETE FROM {which.aliases} WHERE id = ?", [row[0]])
    return get_identity(db, which, which.label(identity_id))


def rename(db: Database, which: Entity | str, ref: str, new_name: str):
    """Change the display name; the old one stays a spelling of the same identity."""
    from quotetrack.store import write_transaction

    which = _as_entity(which)
    new_name = _check_name(new_name, "name")
    with write_transaction(db):
        identity_id = _live_id(db, which, ref)
        holder = db.execute(f"SELECT id FROM {which.table} WHERE name = ? AND id != ?",
                            [new_name, identity_id]).fetchone()
        if holder:
            raise ConflictingNameError(f"'{new_name}' is the name of {which.label(holder[0])}")
        insert_alias(db, which, identity_id, new_name, "name", identity_id)
        db.execute(f"UPDATE {which.table} SET name = ?, norm = ? WHERE id = ?",
                   [new_name, alias_columns(which.table, new_name)["norm"], identity_id])
    return get_identity(db, which, which.label(identity_id))


def set_fields(db: Database, which: Entity | str, ref: str, **fields: str | None):
    """Set (or with '' clear) kind and affiliation of a speaker, domain and country of an outlet."""
    from quotetrack.store import write_transaction

    which = _as_entity(which)
    allowed = ("kind", "affiliation") if which is SPEAKER else ("domain", "country")
    changes: dict[str, str | None] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key not in allowed:
            raise ValidationError(key, f"is not a field of a {which.name}")
        text = clean_label(value)
        if key == "kind" and text:
            text = validate_kind(text)
        if key == "domain" and text:
            domain = url_domain(text)
            if not domain:
                raise ValidationError("domain", f"'{value}' is not a web domain like reuters.com")
            text = domain
        changes[key] = text or None
    if not changes:
        raise ValidationError("set", "nothing to change; give at least one of "
                              + ", ".join(f"--{k}" for k in allowed))
    with write_transaction(db):
        identity_id = _live_id(db, which, ref)
        if changes.get("domain"):
            other = db.execute("SELECT id FROM outlets WHERE domain = ? AND id != ? "
                               "AND merged_into IS NULL", [changes["domain"], identity_id]).fetchone()
            if other:
                raise ConflictingNameError(f"domain {changes['domain']} belongs to {which.label(other[0])}")
        for key, value in changes.items():
            db.execute(f"UPDATE {which.table} SET {key} = ? WHERE id = ?", [value, identity_id])
    return get_identity(db, which, which.label(identity_id))


def merge(db: Database, which: Entity | str, keep_ref: str, other_ref: str):
    """Merge `other` into `keep`: every statement and spelling of `other` moves to `keep`, in one
    transaction, recorded in the merge log so that `unmerge` can undo it."""
    from quotetrack.store import write_transaction

    which = _as_entity(which)
    with write_transaction(db):
        keep = _live_id(db, which, keep_ref)
        other = _live_id(db, which, other_ref)
        if keep == other:
            raise ValidationError("merge", f"cannot merge {which.label(keep)} into itself")
        alias_ids = [row[0] for row in db.execute(
            f"SELECT id FROM {which.aliases} WHERE owner_id = ? ORDER BY id", [other])]
        db.execute(f"UPDATE {which.aliases} SET owner_id = ? WHERE owner_id = ?", [keep, other])
        for column, _ in which.columns:
            db.execute(f"UPDATE statements SET {column} = ? WHERE {column} = ?", [keep, other])
        db.execute(f"UPDATE {which.table} SET merged_into = ? WHERE id = ?", [keep, other])
        merge_id = _log(db, which, "merge", keep, other, _display(db, which, other), alias_ids, None)
    return get_merge(db, f"m{merge_id}")


def unmerge(db: Database, ref: str):
    """Undo a merge (or an automatic match): the names merged in, and every statement that used
    them, go back to an identity of their own."""
    from quotetrack.store import now, write_transaction

    with write_transaction(db):
        record = get_merge(db, ref)
        if record.undone_at:
            raise ValidationError("unmerge", f"{record.label} was already undone on {record.undone_at}")
        which = entity(record.entity)
        row = db.execute("SELECT into_id, from_id, from_name, alias_ids FROM merges WHERE id = ?",
                         [record.id]).fetchone()
        into_id, from_id, from_name, alias_ids = row[0], row[1], row[2], json.loads(row[3])
        if from_id is None:  # an automatic match: its spelling becomes an identity of its own
            alias_rows = db.execute(f"SELECT alias FROM {which.aliases} WHERE id = ?",
                                    [alias_ids[0]]).fetchone() if alias_ids else None
            if alias_rows is None:
                raise ValidationError("unmerge", f"the spelling '{from_name}' was removed since")
            name = _free_name(db, which, from_name)
            if which is SPEAKER:
                cur = db.execute("INSERT INTO speakers (name, norm, created_at) VALUES (?, ?, ?)",
                                 [name, alias_columns(which.table, name)["norm"], now()])
            else:
                cur = db.execute("INSERT INTO outlets (name, norm, created_at) VALUES (?, ?, ?)",
                                 [name, alias_columns(which.table, name)["norm"], now()])
            from_id = cur.lastrowid
        else:
            db.execute(f"UPDATE {which.table} SET merged_into = NULL WHERE id = ?", [from_id])
        if alias_ids:
            marks = ",".join("?" * len(alias_ids))
            # Only spellings still with the identity merged into (or where it was merged since)
            # go back; one given elsewhere by a later merge stays there.
            holders = _merged_chain(db, which, into_id)
            held = ",".join("?" * len(holders))
            db.execute(f"UPDATE {which.aliases} SET owner_id = ?, origin_id = coalesce(origin_id, ?) "
                       f"WHERE id IN ({marks}) AND owner_id IN ({held})",
                       [from_id, from_id, *alias_ids, *holders])
            for column, alias_column in which.columns:
                db.execute(f"UPDATE statements SET {column} = ? WHERE {alias_column} IN "
                           f"(SELECT id FROM {which.aliases} WHERE owner_id = ? AND id IN ({marks}))",
                           [from_id, from_id, *alias_ids])
        db.execute("UPDATE merges SET undone_at = ?, from_id = ? WHERE id = ?",
                   [now(), from_id, record.id])
    return get_merge(db, record.label)


def _merged_chain(db: Database, which: Entity, identity_id: int) -> list[int]:
    """An identity and each one it was merged into since, in turn."""
    chain = [identity_id]
    while True:
        row = db.execute(f"SELECT merged_into FROM {which.table} WHERE id = ?", [chain[-1]]).fetchone()
        if not row or row[0] is None or row[0] in chain:
            return chain
        chain.append(row[0])


def _merge_records(db: Database, where: str, args: list[Any]) -> list:
    from quotetrack.models import MergeRecord

    rows = db.execute(
        "SELECT id, entity, kind, into_id, from_id, from_name, alias_ids, score, merged_at, "
        f"undone_at FROM merges {where} ORDER BY id", args).fetchall()
    out = []
    for (merge_id, entity_name, kind, into_id, from_id, from_name, alias_ids, score, merged_at,
         undone_at) in rows:
        which = entity(entity_name)
        ids = json.loads(alias_ids)
        aliases: tuple[str, ...] = ()
        used = 0
        if ids:
            marks = ",".join("?" * len(ids))
            aliases = tuple(r[0] for r in db.execute(
                f"SELECT alias FROM {which.aliases} WHERE id IN ({marks}) ORDER BY id", ids))
            used = db.execute(
                "SELECT count(*) FROM statements WHERE "
                + " OR ".join(f"{alias_column} IN ({marks})" for _, alias_column in which.columns),
                ids * len(which.columns)).fetchone()[0]
        out.append(MergeRecord(
            id=merge_id, label=f"m{merge_id}", entity=entity_name, kind=kind,
            into=which.label(into_id), into_name=_display(db, which, into_id), from_name=from_name,
            from_label=which.label(from_id) if from_id is not None else None, aliases=aliases,
            score=score, merged_at=merged_at, undone_at=undone_at, statements=used))
    return out


def get_merge(db: Database, ref: str):
    match = _MERGE_REF.match((ref or "").strip().lower())
    if not match:
        raise ValidationError("merge", f"'{ref}' is not a merge id like m3 (see quotetrack merges)")
    number = int(match.group(1))
    found = number <= _MAX_ID and _merge_records(db, "WHERE id = ?", [number])
    if not found:
        raise NotFoundError(f"no merge with id '{ref}'")
    return found[0]


def list_merges(db: Database, which: Entity | str | None = None, identity: str | None = None) -> list:
    """The merge log, oldest first: merges and automatic matches, undone ones included."""
    clauses, args = [], []
    if which is not None:
        which = _as_entity(which)
        clauses.append("entity = ?")
        args.append(which.name)
        if identity is not None:
            identity_id = find_id(db, which, identity)
            clauses.append("(into_id = ? OR from_id = ?)")
            args += [identity_id, identity_id]
    return _merge_records(db, ("WHERE " + " AND ".join(clauses)) if clauses else "", args)
