"""How well `quotetrack extract` finds attributed statements, and how fast.

Usage: python benchmarks/eval_extract.py [--details]
Prints the seed article's statements (from data/idlib-2020.csv) as found / found with another
speaker / missed, then, when ../shared/datasets/polnear is present, precision and recall of
direct quotes and of indirect speech with the right speaker on PolNeAR dev (rules are tuned on
dev and train only; the test split is scored with --test, for final figures), and the speed in
articles per minute.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from quotetrack.evaluate_extract import match_statements, score_polnear
from quotetrack.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "idlib-2020-02-04.txt"
POLNEAR = SHARED / "datasets" / "polnear" / "data"


def seed(details: bool) -> None:
    if not SEED.exists():
        print(f"seed article: {SEED} absent, skipped")
        return
    proposals = extract(SEED.read_text(encoding="utf-8"))
    with open(ROOT / "data" / "idlib-2020.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    result = match_statements(proposals, rows)
    print(f"seed article: {len(result.found)} of {len(rows)} logged statements found with the "
          f"right speaker, {len(result.wrong_speaker)} with another speaker, "
          f"{len(result.missed)} missed; {len(proposals)} proposals")
    for row, p in result.found:
        print(f"  found   {row['kind'][:3]}  {row['speaker']:<22} as {p.speaker!r} ({p.kind}"
              f"{', via ' + p.via if p.via else ''}): {row['text'][:60]}")
    for row, p in result.wrong_speaker:
        print(f"  speaker {row['kind'][:3]}  {row['speaker']:<22} as {p.speaker!r}"
              f"{' via ' + p.via if p.via else ''}: {row['text'][:60]}")
    for row in result.missed:
        print(f"  missed  {row['kind'][:3]}  {row['speaker']:<22} {row['text'][:60]}")


def polnear(split: str) -> None:
    folder = POLNEAR / split
    if not folder.exists():
        print(f"PolNeAR {split}: {folder} absent, skipped")
        return
    r = score_polnear(folder)
    print(f"PolNeAR {split} ({r['articles']} articles, first annotator of each):")
    for kind in ("direct", "indirect"):
        f = r[kind]
        print(f"  {kind:<8} with the right speaker: P {f['precision']:.3f}  R {f['recall']:.3f}  "
              f"F1 {f['f1']:.3f}   (spans alone: P {f['span_precision']:.3f} R {f['span_recall']:.3f}; "
              f"gold {f['gold']}, proposed {f['proposed']})")
    print("  scorer's gold mapping and speaker matching (gold items affected, direct / indirect):")
    rules = sorted(set(r["direct"]["mapped"]) | set(r["indirect"]["mapped"]))
    for rule in rules:
        print(f"    source mapped anew, {rule + ':':<36} {r['direct']['mapped'].get(rule, 0):>3} / "
              f"{r['indirect']['mapped'].get(rule, 0)}")
    for why, label in (("cue word", "only a cue word ('said')"), ("no source", "no source at all")):
        print(f"    left out of P and R, {label + ':':<29} {r['direct']['left_out'].get(why, 0):>3} / "
              f"{r['indirect']['left_out'].get(why, 0)}")
    print(f"    proposals left out, over those items alone:        {r['direct']['left_out_proposed']:>3} / "
          f"{r['indirect']['left_out_proposed']}")
    print(f"    no longer matched by a shared title or honorific: {r['direct']['titles_only']:>3} / "
          f"{r['indirect']['titles_only']}")
    per_minute = r["articles"] / r["seconds"] * 60 if r["seconds"] else float("inf")
    print(f"  speed: {per_minute:,.0f} articles/minute ({r['seconds']:.2f} s for {r['articles']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--test", action="store_true", help="also score the test split (final figures only)")
    args = parser.parse_args()
    seed(args.details)
    polnear("dev")
    if args.test:
        polnear("test")


if __name__ == "__main__":
    main()
