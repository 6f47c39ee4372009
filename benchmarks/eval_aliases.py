"""Precision and recall of automatic name resolution on the labelled alias set in data/aliases/.

Usage: python benchmarks/eval_aliases.py [--details]

The known identities (identities.csv) are stored in a temporary database; each name of
names.csv is then resolved as `quotetrack add` does with no one at the terminal: a known
spelling, or a close match at or above the automatic threshold with no close second. A name
labelled with an identity is right when it resolves to it; a name labelled empty (a hard
non-alias: another person with a similar name) is right when it resolves to nothing.
Also printed: how many of the misses a person at a terminal would be asked about with the
right identity, and precision/recall at other thresholds (what the threshold was chosen on).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

from quotetrack.db import open_db
from quotetrack.identities import SPEAKER, create_identity, lookup
from quotetrack.matching import AMBIGUITY_MARGIN, AUTO_SCORE, PROPOSE_SCORE
from quotetrack.store import write_transaction

DATA = Path(__file__).resolve().parent.parent / "data" / "aliases"


def _read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _decide(found, threshold: float) -> int | None:
    if found.exact_id is not None:
        return found.exact_id
    best, second = found.best, found.runner_up
    if best is None or best.score < threshold:
        return None
    if second is not None and best.score - second.score < AMBIGUITY_MARGIN:
        return None
    return best.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and wrong match")
    args = parser.parse_args()
    identities, names = _read("identities.csv"), _read("names.csv")
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "aliases.db")
        with write_transaction(db):
            db_id = {row["id"]: create_identity(db, SPEAKER, row["name"], kind=row["kind"],
                                                affiliation=row["affiliation"])
                     for row in identities}
        label = {v: k for k, v in db_id.items()}
        found = [(row, lookup(db, SPEAKER, row["name"])) for row in names]
        db.close()

    def score(threshold: float):
        tp = fp = fn = wrong_hard = 0
        rows = []
        for row, result in found:
            got = _decide(result, threshold)
            want = db_id.get(row["expected"]) if row["expected"] else None
            if got is not None and got == want:
                tp += 1
            elif got is not None:
                fp += 1
                wrong_hard += want is None
                if want is not None:
                    fn += 1
                rows.append(("WRONG", row, result, got))
            elif want is not None:
                fn += 1
                rows.append(("MISS", row, result, got))
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return precision, recall, wrong_hard, rows

    aliases = sum(1 for row in names if row["expected"])
    hard = len(names) - aliases
    precision, recall, wrong_hard, rows = score(AUTO_SCORE)
    print(f"alias set: {len(identities)} known identities, {len(names)} names "
          f"({aliases} true aliases, {hard} hard non-aliases)")
    print(f"automatic resolution (threshold {AUTO_SCORE:.0f}, margin {AMBIGUITY_MARGIN:.0f}): "
          f"precision {precision:.3f}  recall {recall:.3f}")
    spelled = [(row, result) for row, result in found
               if row["expected"] and row["category"] not in ("acronym", "nickname")]
    right = sum(1 for row, result in spelled if _decide(result, AUTO_SCORE) == db_id[row["expected"]])
    print(f"recall on spellings (leaving out {aliases - len(spelled)} acronyms and nicknames, which "
          f"only a recorded alias resolves): {right / len(spelled):.3f}")
    print(f"hard non-aliases taken as someone else: {wrong_hard} of {hard} "
          f"(precision on them {1 - wrong_hard / hard:.3f})")
    hard_scores = sorted(((result.best.score, row["name"], result.best.name) for row, result in found
                          if not row["expected"] and result.best is not None), reverse=True)
    if hard_scores:
        top = hard_scores[0]
        print(f"closest hard non-alias: {top[1]!r} ~ {top[2]!r}, score {top[0]:.1f} "
              f"(the automatic threshold must stay above it)")
    asked = sum(1 for kind, row, result, _ in rows if kind == "MISS" and result.best is not None
                and label.get(result.best.id) == row["expected"])
    misses = sum(1 for kind, *_ in rows if kind == "MISS")
    print(f"misses a person at a terminal is asked about with the right identity "
          f"(score >= {PROPOSE_SCORE:.0f}): {asked} of {misses}")
    by_category: Counter = Counter()
    right_by_category: Counter = Counter()
    missed = {id(row) for kind, row, *_ in rows}
    for row, _ in found:
        if row["expected"]:
            by_category[row["category"]] += 1
            right_by_category[row["category"]] += id(row) not in missed
    print("recall by kind of alias:")
    for category, total in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"    {category:<18} {right_by_category[category]:>3} of {total:<3}")
    print("other thresholds (precision / recall / hard non-aliases taken):")
    for threshold in (80, 85, 88, 90, 92, 93, 94, 97, 100):
        p, r, w, _ = score(threshold)
        mark = "  <- used" if threshold == AUTO_SCORE else ""
        print(f"    {threshold:>5.0f}   {p:.3f} / {r:.3f} / {w}{mark}")
    if args.details:
        for kind, row, result, got in rows:
            best = result.best
            near = f"best {label.get(best.id)} {best.name} {best.score:.0f} ({best.why})" if best else "no candidate"
            print(f"    {kind:<5} {row['name']!r} want {row['expected'] or '-'} "
                  f"got {label.get(got, '-') if got else '-'}; {near}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
