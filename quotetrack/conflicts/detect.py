"""Run detection over a database, incrementally: only statements that are new or changed since
the last run are analysed and compared, and the conflicts found are stored."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import time
from dataclasses import dataclass

from quotetrack.conflicts import features as feats
from quotetrack.conflicts.candidates import (
    BARE, BY, SELF_DENIAL, SOURCE, SPEAKER, candidate_pairs, neighbours_sql, topics_compatible,
)
from quotetrack.conflicts.rules import (
    Finding, Item, Settings, _reported_self, bare_denial, compare, quote_words, speaker_key,
)
from quotetrack.store import write_transaction

# Flags that say which rules a statement can take part in, so most pairs are skipped cheaply.
NEG, FIG, CONTRARY, DIRECT, DONE_BY, LINKED = 1, 2, 4, 8, 16, 32
_PRINT = 6  # the bit where a statement's word fingerprint starts


@dataclass(frozen=True)
class DetectionReport:
    analysed: int  # statements (re)analysed this run
    compared: int  # pairs the rules looked at
    found: int  # conflicts stored for the pairs compared
    total_conflicts: int
    seconds: float
    full: bool


def conflict_id(id_a: str, id_b: str) -> str:
    """Stable id of the conflict between two statements, whatever order they come in."""
    low, high = sorted((id_a, id_b))
    digest = hashlib.sha256(f"{low}|{high}".encode()).hexdigest()
    return "c" + digest[:7]


def _signature(row: dict) -> str:
    raw = "\x1f".join(str(row[k] or "") for k in ("text", "speaker", "outlet", "date", "kind", "topic"))
    return hashlib.md5(raw.encode("utf-8")).hexdigest()


def _flags(item: Item) -> int:
    """What rules a statement can feed, as bits; above them, a fingerprint of its words when it
    is long enough for the same words under two names to mean a misattribution."""
    f = item.features
    words = quote_words(item.text)
    print_ = 0
    if len(words) >= 12:
        digest = hashlib.md5(" ".join(words).encode("utf-8")).digest()
        print_ = int.from_bytes(digest[:4], "big") | 1
    return ((NEG if f["negations"] else 0) | (FIG if f["figures"] else 0)
            | (CONTRARY if f["contrary"] or f.get("characters") else 0)
            | (DIRECT if item.kind == "direct" else 0) | (DONE_BY if f.get("done_by") else 0)
            | (LINKED if _links_on_few_words(item) else 0) | print_ << _PRINT)


def _links_on_few_words(item: Item) -> bool:
    """A statement that may conflict with another sharing fewer than two terms with it: a bare
    denial ('I will not resign', paired through its speaker), a report called untrue (paired
    through the report's source), words disowned, a rebuttal, a denial of one's own act."""
    return bare_denial(item) or bool(item.features.get("disowns") or item.features.get("rebuts")) \
        or _denies_own_act(item) or any(n.get("source") for n in item.features["negations"])


def _enough_in_common(a: Item, b: Item, fa: int, fb: int) -> bool:
    """Two terms in common, or a statement that needs fewer (see _links_on_few_words)."""
    return bool((fa | fb) & LINKED) or len(set(a.features["terms"]) & set(b.features["terms"])) >= 2


def _name_words(name: str, shortest: int = 3) -> list[str]:
    """The folded words of a speaker's or outlet's name, of at least `shortest` letters."""
    return sorted({w for w in re.findall(r"\w+", feats.fold(name)) if len(w) >= shortest})


def _denies_own_act(item: Item) -> bool:
    """Whether a statement denies an act of its speaker's: 'we did not ...', or 'he/she ...' in a
    paraphrase of them (as rules._reported_self reads it)."""
    return any(n.get("agent") == feats.SELF or (n.get("agent") == "?" and _reported_self(item, n, "?") == feats.SELF)
               for n in item.features["negations"])


def _source_terms(item: Item) -> list[str]:
    """Linked terms (see candidates.candidate_pairs): what ties a statement to its source
    ('!by:reuters@topic'), a denial to the source of the report it calls untrue
    ('!src:reuters@topic'), and a statement to its speaker ('!spk:ana ruiz@topic')."""
    topic = (item.topic or "").casefold()
    out = [f"{BY}{name}@{topic}" for name in _name_words(f"{item.outlet} {item.speaker}")]
    out += [f"{SOURCE}{n['source']}@{topic}" for n in item.features["negations"] if n.get("source")]
    speaker = f"{speaker_key(item.speaker)}@{topic}"
    out.append(SPEAKER + speaker)
    if bare_denial(item):
        # 'I will not resign' meets, a fortnight later, the same speaker's 'announced his
        # resignation', with one word in common (a reversal)
        out.append(BARE + speaker)
    rebuts = bool(item.features.get("rebuts"))
    if rebuts:
        # a rebuttal meets what the sources it names said ('Hindenburg's report is baseless')
        out += [f"{SOURCE}{t[2]}@{topic}" for t in {tuple(t[:3]) for t in item.features["tokens"] if t[2]}
                if len(t[2]) > 3]
    if rebuts or _denies_own_act(item):
        # a speaker denying an act of their own ('he knew nothing of it, and claims that he
        # approved one are a provocation') meets the accounts in the topic that name them
        out += [f"{SELF_DENIAL}{feats.key(name)}" for name in _name_words(item.speaker, 4)]
    if item.features.get("disowns"):
        # words disowned by their speaker: paired with everything given in that speaker's name
        out += [f"{SOURCE}{name}@{topic}" for name in _name_words(item.speaker)]
    return out


def _worth_comparing(fa: int, fb: int) -> bool:
    return bool((fa | fb) & (NEG | LINKED) or (fa & fb & FIG) or (fa & fb & CONTRARY) or (fa & fb & DIRECT)
                or (fa & fb & DONE_BY) or (fa >> _PRINT and fa >> _PRINT == fb >> _PRINT))


_ROWS = """
SELECT s.id, s.text, sp.name AS speaker, o.name AS outlet, s.date, s.date_start, s.date_end,
       s.kind, s.topic, s.speaker_id
FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN outlets o ON o.id = s.outlet_id
"""


def _ordinal(iso: str) -> int:
    return _dt.date.fromisoformat(iso).toordinal()


class _Items:
    """Statements as rule inputs, analysed lazily. The most recently used analyses are kept
    (a bounded cache), so memory stays flat however large the database is."""

    def __init__(self, rows: dict[str, dict], capacity: int = 60_000):
        from collections import OrderedDict

        self.rows = rows
        self.cache: OrderedDict[str, Item] = OrderedDict()
        self.capacity = capacity
        self.speaker_keys: dict[str, str] = {}

    def get(self, statement_id: str) -> Item:
        item = self.cache.get(statement_id)
        if item is not None:
            self.cache.move_to_end(statement_id)
        else:
            row = self.rows[statement_id]
            speaker = row["speaker"]
            # Statements resolve to one speaker id per identity (quotetrack.identities), so the
            # id is the speaker's key; the name's key is for rows without one.
            if row.get("speaker_id") is not None:
                skey = f"id:{row['speaker_id']}"
            else:
                skey = self.speaker_keys.get(speaker)
                if skey is None:
                    skey = self.speaker_keys[speaker] = speaker_key(speaker)
            item = Item(
                id=row["id"], text=row["text"], speaker=speaker, speaker_key=skey,
                outlet=row["outlet"], date=row["date"], day_start=_ordinal(row["date_start"]),
                day_end=_ordinal(row["date_end"]), kind=row["kind"], topic=row["topic"],
                features=feats.analyse(row["text"]),
            )
            self.cache[statement_id] = item
            if len(self.cache) > self.capacity:
                self.cache.popitem(last=False)
        return item


def _order(a: Item, b: Item) -> tuple[Item, Item]:
    return (a, b) if (a.day_start, a.id) <= (b.day_start, b.id) else (b, a)


def _record(a: Item, b: Item, finding: Finding, stamp: str) -> dict:
    return {
        "id": conflict_id(a.id, b.id), "a_id": a.id, "b_id": b.id, "type": finding.type,
        "score": round(finding.score, 3), "explanation": finding.explanation,
        "evidence": json.dumps({"a": finding.evidence_a, "b": finding.evidence_b}),
        "detected_at": stamp,
    }


def compare_items(a: Item, b: Item, settings: Settings) -> Finding | None:
    if not topics_compatible(a.topic, b.topic):
        return None
    if a.text == b.text and a.speaker_key == b.speaker_key:
        return None
    return compare(a, b, settings)


def detect(db, *, settings: Settings = Settings(), full: bool = False) -> DetectionReport:
    """Bring stored conflicts up to date with the statements; returns what was done."""
    started = time.perf_counter()
    detector_version = feats.version()
    stored_version = db.execute("SELECT value FROM meta WHERE key = 'detector'").fetchone()
    if not stored_version or stored_version[0] != detector_version:
        full = True
    rows = {}
    for r in db.execute(_ROWS):
        row = dict(zip(("id", "text", "speaker", "outlet", "date", "date_start", "date_end",
                        "kind", "topic", "speaker_id"), r))
        rows[row["id"]] = row
    known = dict(db.execute("SELECT statement_id, signature FROM analysis"))
    signatures = {sid: _signature(row) for sid, row in rows.items()}
    if full:
        changed = list(rows)
    else:
        changed = [sid for sid, sig in signatures.items() if known.get(sid) != sig]
    gone = [sid for sid in known if sid not in rows]
    items = _Items(rows)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not changed and not gone:
        total = db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
        return DetectionReport(0, 0, 0, total, time.perf_counter() - started, full)

    records: list[dict] = []
    compared = 0
    terms: dict[str, list[str]] = {}
    flags: dict[str, int] = {}
    changed_items = []
    for sid in changed:
        item = items.get(sid)
        terms[sid] = item.features["terms"] + _source_terms(item)
        flags[sid] = _flags(item)
        if not full:
            changed_items.append(item)
    if full:
        ids = changed
        pairs = candidate_pairs([terms[sid] for sid in ids], [rows[sid]["topic"] for sid in ids])
        for i, j in pairs:
            a, b = items.get(ids[i]), items.get(ids[j])
            if not _worth_comparing(flags[a.id], flags[b.id]) or \
                    not _enough_in_common(a, b, flags[a.id], flags[b.id]):
                continue
            compared += 1
            finding = compare_items(*_order(a, b), settings)
            if finding:
                first, second = _order(a, b)
                records.append(_record(first, second, finding, stamp))
    with write_transaction(db):
        if gone:
            _forget(db, gone)
        if full:
            db.execute("DELETE FROM conflicts")
            db.execute("DELETE FROM terms")
            db.execute("DELETE FROM analysis")
        else:
            _forget(db, changed)
        db.conn.executemany(
            "INSERT INTO terms (term, statement_id) VALUES (?, ?)",
            ((term, sid) for sid in changed for term in terms[sid]),
        )
        db.conn.executemany(
            "INSERT INTO analysis (statement_id, signature) VALUES (?, ?)",
            ((sid, signatures[sid]) for sid in changed),
        )
        if not full:
            total = len(rows)
            seen: set[tuple[str, str]] = set()
            for item in changed_items:
                for other_id in neighbours_sql(db, item.id, terms[item.id], total):
                    if other_id not in rows:
                        continue
                    pair = tuple(sorted((item.id, other_id)))
                    if pair in seen:
                        continue
                    seen.add(pair)
                    other = items.get(other_id)
                    other_flags = flags.get(other_id)
                    if other_flags is None:
                        other_flags = flags[other_id] = _flags(other)
                    if not _worth_comparing(flags[item.id], other_flags) or \
                            not _enough_in_common(item, other, flags[item.id], other_flags):
                        continue
                    compared += 1
                    first, second = _order(item, other)
                    finding = compare_items(first, second, settings)
                    if finding:
                        records.append(_record(first, second, finding, stamp))
        db.conn.executemany(
            """INSERT OR REPLACE INTO conflicts (id, a_id, b_id, type, score, explanation, evidence,
                   detected_at) VALUES (:id, :a_id, :b_id, :type, :score, :explanation, :evidence,
                   :detected_at)""",
            records,
        )
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('detector', ?)", [detector_version])
    total = db.execute("SELECT count(*) FROM conflicts").fetchone()[0]
    return DetectionReport(len(changed), compared, len(records), total,
                           time.perf_counter() - started, full)


def _forget(db, statement_ids: list[str]) -> None:
    """Drop what detection stored about these statements (their conflicts, terms, signature)."""
    for start in range(0, len(statement_ids), 500):
        chunk = statement_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM conflicts WHERE a_id IN ({marks}) OR b_id IN ({marks})", chunk + chunk)
        db.execute(f"DELETE FROM terms WHERE statement_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM analysis WHERE statement_id IN ({marks})", chunk)


def pending(db) -> int:
    """How many statements are new or changed since detection last ran (cheap count)."""
    return db.execute(
        "SELECT count(*) FROM statements s LEFT JOIN analysis a ON a.statement_id = s.id "
        "WHERE a.statement_id IS NULL"
    ).fetchone()[0]
