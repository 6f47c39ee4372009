"""Precision, recall and F1 of conflict detection on the labelled sets in data/.

Usage: python benchmarks/eval_conflicts.py [--details] [--split tune,tune2]
Prints figures for the seed story, every split named in the development sets' stories.csv
(data/conflicts-dev: tune, holdout, final, fresh, blind2, blind3, blind4; data/conflicts-tune2:
tune2; data/conflicts-tune3: tune3; with the topics as given and with topics removed, which is harder; see the README of each
folder for which were written blind and which were used to tune; --split limits the run, so that
--details never shows a blind split by accident), and,
when ../shared/datasets is present, Emergent (claim vs headline, `against` = conflict) and FNC-1
(headline vs body, `disagree` = conflict).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from quotetrack.conflicts.evaluate import Evaluation, evaluate_folder, run_detection, score
from quotetrack.conflicts.rules import TYPES

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "conflicts-dev"
DEV_SETS = tuple(folder for folder in (DEV, *(ROOT / "data" / f"conflicts-tune{n}" for n in (2, 3, 4, 5, 6)),
                                        ROOT / "data" / "conflicts-blind5")
                 if (folder / "stories.csv").exists())
SHARED = ROOT.parent / "shared" / "datasets"


def show(title: str, ev: Evaluation, details: bool) -> None:
    o = ev.overall
    print(f"{title}: P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  "
          f"(tp {o.tp}, fp {o.fp}, fn {o.fn}; type right for {ev.type_accuracy:.0%} of hits)")
    for t in TYPES:
        s = ev.per_type[t]
        if s.tp + s.fp + s.fn:
            print(f"    {t:<15} P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  "
                  f"(tp {s.tp}, fp {s.fp}, fn {s.fn})")
    if details:
        for a, b, t, why in ev.false_positives:
            print(f"    FP {a} {b} {t}: {why}")
        for a, b, t in ev.missed:
            print(f"    MISSED {a} {b} {t}")


def seed(details: bool) -> None:
    with (ROOT / "data" / "idlib-2020.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for n, row in enumerate(rows):
        row["ref"] = f"r{n}"
    with (ROOT / "data" / "idlib-2020.expected.csv").open(encoding="utf-8") as fh:
        expected = list(csv.DictReader(fh))
    gold = {}
    for e in expected:
        a = next(r["ref"] for r in rows if r["text"].startswith(e["a_text_prefix"]))
        b = next(r["ref"] for r in rows if r["text"].startswith(e["b_text_prefix"]))
        gold[frozenset((a, b))] = e["type"]
    show("seed story (data/idlib-2020.csv)", score(run_detection(rows), gold), details)


def pairs_eval(title: str, pairs: list[tuple[str, str, bool]], details: bool) -> None:
    """Each pair is compared as two statements by different speakers on the same day."""
    rows, gold = [], {}
    for n, (left, right, conflict) in enumerate(pairs):
        rows.append({"ref": f"{n}a", "text": left, "speaker": f"source {n}a", "outlet": "x",
                     "date": "2020-01-01", "kind": "indirect", "topic": f"t{n}"})
        rows.append({"ref": f"{n}b", "text": right, "speaker": f"source {n}b", "outlet": "y",
                     "date": "2020-01-01", "kind": "indirect", "topic": f"t{n}"})
        if conflict:
            gold[frozenset((f"{n}a", f"{n}b"))] = "polarity"
    predicted = {pair: ("polarity", why) for pair, (_, why) in run_detection(rows).items()}
    ev = score(predicted, gold)
    o = ev.overall
    print(f"{title}: P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  "
          f"(tp {o.tp}, fp {o.fp}, fn {o.fn}, pairs {len(pairs)}, conflicts {len(gold)})")


def emergent(details: bool) -> None:
    path = SHARED / "emergent" / "url-versions-2015-06-14-clean-test.csv"
    if not path.exists():
        print("Emergent: skipped (../shared/datasets not present)")
        return
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    pairs = [(r["claimHeadline"], r["articleHeadline"], r["articleHeadlineStance"] == "against")
             for r in rows]
    pairs_eval("Emergent test (claim vs headline, against = conflict)", pairs, details)


def fnc1(details: bool, limit: int) -> None:
    stances = SHARED / "fnc1" / "competition_test_stances.csv"
    bodies = SHARED / "fnc1" / "competition_test_bodies.csv"
    if not stances.exists():
        print("FNC-1: skipped (../shared/datasets not present)")
        return
    with bodies.open(encoding="utf-8") as fh:
        body = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    with stances.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["Stance"] != "unrelated"][:limit]
    pairs = [(r["Headline"], body[r["Body ID"]], r["Stance"] == "disagree") for r in rows]
    pairs_eval(f"FNC-1 test, related pairs (first {len(pairs)}; disagree = conflict)", pairs, details)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--details", action="store_true", help="list false positives and misses")
    parser.add_argument("--fnc-limit", type=int, default=2000)
    parser.add_argument("--only", choices=["seed", "dev", "external"], default=None)
    parser.add_argument("--split", default="", help="only these splits (comma-separated)")
    args = parser.parse_args()
    wanted = {s.strip() for s in args.split.split(",") if s.strip()}
    if args.only in (None, "seed") and not wanted:
        seed(args.details)
    if args.only in (None, "dev"):
        for folder in DEV_SETS:
            with (folder / "stories.csv").open(encoding="utf-8") as fh:
                splits = list(dict.fromkeys(row["split"] for row in csv.DictReader(fh)))
            for split in splits:
                if wanted and split not in wanted:
                    continue
                show(f"dev set, {split} split", evaluate_folder(folder, split), args.details)
                show(f"dev set, {split} split, topics removed",
                     evaluate_folder(folder, split, keep_topics=False), args.details)
    if args.only in (None, "external") and not wanted:
        emergent(args.details)
        fnc1(args.details, args.fnc_limit)


if __name__ == "__main__":
    sys.exit(main())
