"""Score detection against a labelled set: precision, recall and F1, overall and per type.

A labelled set is a folder with statements.csv (ref, story, text, speaker, outlet, via, date,
kind, topic), pairs.csv (a, b, type: every pair that conflicts) and optionally stories.csv
(story, split). Every pair not listed in pairs.csv counts as compatible.
"""

from __future__ import annotations

import csv
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from quotetrack.conflicts.rules import TYPES


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    overall: Scores
    per_type: dict[str, Scores]
    type_accuracy: float  # of the true conflicts found, how many got the labelled type
    false_positives: list[tuple[str, str, str, str]] = field(default_factory=list)  # a, b, type, why
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # a, b, type


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_set(folder: Path, split: str | None = None, *, keep_topics: bool = True):
    """(statement rows, gold pairs {frozenset(refs): type}) of a labelled folder, for one split."""
    statements = _read(folder / "statements.csv")
    stories_file = folder / "stories.csv"
    if split and stories_file.exists():
        wanted = {row["story"] for row in _read(stories_file) if row["split"] == split}
        statements = [row for row in statements if row.get("story") in wanted]
    refs = {row["ref"] for row in statements}
    gold = {}
    for row in _read(folder / "pairs.csv"):
        if row["a"] in refs and row["b"] in refs:
            gold[frozenset((row["a"], row["b"]))] = row["type"]
    if not keep_topics:
        statements = [{**row, "topic": ""} for row in statements]
    return statements, gold


def run_detection(statements: list[dict]) -> dict[frozenset, tuple[str, str]]:
    """Store the statements in a temporary database, detect, and return {refs: (type, why)}."""
    from quotetrack.conflicts.detect import detect
    from quotetrack.conflicts.review import list_conflicts
    from quotetrack.db import open_db
    from quotetrack.models import ConflictFilters
    from quotetrack.store import add_statement

    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "eval.db")
        ref_of = {}
        for row in statements:
            stored = add_statement(
                db, force=True, text=row["text"], speaker=row["speaker"], outlet=row["outlet"],
                via=row.get("via") or None, date=row["date"], kind=row.get("kind") or "direct",
                topic=row.get("topic") or None,
            )
            ref_of[stored.id] = row["ref"]
        detect(db)
        found = list_conflicts(db, ConflictFilters(status="all"))
        db.conn.close()
    return {frozenset((ref_of[c.a.id], ref_of[c.b.id])): (c.type, c.explanation) for c in found}


def score(predicted: dict[frozenset, tuple[str, str]], gold: dict[frozenset, str]) -> Evaluation:
    overall = Scores()
    per_type = {t: Scores() for t in TYPES}
    right_type = 0
    fps, missed = [], []
    for pair, (ptype, why) in predicted.items():
        if pair in gold:
            overall.tp += 1
            if gold[pair] == ptype:
                right_type += 1
                per_type[ptype].tp += 1
            else:
                per_type[ptype].fp += 1
                per_type[gold[pair]].fn += 1
        else:
            overall.fp += 1
            per_type[ptype].fp += 1
            a, b = sorted(pair)
            fps.append((a, b, ptype, why))
    for pair, gtype in gold.items():
        if pair not in predicted:
            overall.fn += 1
            per_type[gtype].fn += 1
            a, b = sorted(pair)
            missed.append((a, b, gtype))
    accuracy = right_type / overall.tp if overall.tp else 1.0
    return Evaluation(overall, per_type, accuracy, sorted(fps), sorted(missed))


def evaluate_folder(folder: Path, split: str | None = None, *, keep_topics: bool = True) -> Evaluation:
    statements, gold = load_set(folder, split, keep_topics=keep_topics)
    return score(run_detection(statements), gold)
