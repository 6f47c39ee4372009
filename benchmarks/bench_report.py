"""Speed and size of the story report on a large database.

Usage: python benchmarks/bench_report.py [--size 10000] [--runs 3]

Two databases of 10,000 statements: `story`, one long story (40 speakers on four sides, a dozen
outlets, four months, most statements plain reporting and a few hundred disputed figures and
denials), and `dense`, the conflict benchmark's corpus (benchmarks/synthetic.py: 250 stories
written to make detection work, so about one conflict for every two statements). Detection runs
once; then `write_report` is timed in HTML and Markdown with the conflicts current (the
report's own work). Prints figures beside the targets of issue 6 (under 2 s, under 3 MB);
asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


SIDES = {"Turkey": "Ankara", "Russia": "Moscow", "Syria": "Damascus", "UN": "Geneva"}
PLACES = ["Idlib", "Saraqeb", "Maarat al-Numan", "Aleppo", "Taftanaz", "Ariha"]
OUTLETS = ["Reuters", "AP", "AFP", "Anadolu", "TASS", "SANA", "Haaretz", "BBC", "Al Jazeera",
           "Hurriyet", "RIA Novosti", "Le Monde"]


def story(size: int, seed: int = 6) -> list[dict]:
    """One long story: plain reporting, and now and then a toll or a denial that others dispute."""
    import random

    rng = random.Random(seed)
    first = ["Kemal", "Oleg", "Samir", "Anna", "Mehmet", "Irina", "Bashar", "Lina", "Emre", "Pavel"]
    speakers = [(f"{name} {side}ov", side) for side in SIDES for name in first]
    rows = []
    for n in range(size):
        speaker, side = rng.choice(speakers)
        day = rng.randint(0, 111)
        date = f"2020-{2 + day // 28:02d}-{1 + day % 28:02d}"
        place = rng.choice(PLACES)
        roll = rng.random()
        if roll < 0.02:
            text = f"{rng.randint(3, 9)} soldiers were killed in {place} on {date}"
        elif roll < 0.03:
            text = f"{side} did not shell the positions near {place} on {date}"
        elif roll < 0.04:
            text = f"{side} shelled the positions near {place} on {date}"
        else:
            text = (f"Statement {n}: {side} officials met in {SIDES[side]} to discuss the "
                    f"situation around {place} and the humanitarian corridor")
        rows.append({"text": text, "speaker": speaker, "outlet": rng.choice(OUTLETS),
                     "date": date, "kind": rng.choice(["direct", "indirect"]),
                     "topic": "idlib-2020", "side": side,
                     "url": f"https://example.org/{n}" if n % 3 == 0 else None})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from synthetic import corpus

    for name, rows in (("story", story(args.size)), ("dense", corpus(args.size))):
        print(f"--- {name}")
        _measure(rows, args.runs)


def _measure(rows: list[dict], runs: int) -> None:
    from quotetrack.conflicts.detect import detect
    from quotetrack.db import open_db
    from quotetrack.identities import set_fields
    from quotetrack.report import write_report
    from quotetrack.store import add_many, validate_fields

    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "bench.db")
        add_many(db, [validate_fields(row) for row in rows])
        for speaker, side in {(row["speaker"], row.get("side")) for row in rows if row.get("side")}:
            set_fields(db, "speaker", speaker, affiliation=side)
        started = time.perf_counter()
        detection = detect(db)
        detect_seconds = time.perf_counter() - started
        print(f"{len(rows):,} statements; first detection {detect_seconds:.2f} s, "
              f"{detection.total_conflicts:,} conflicts stored")
        for fmt in ("html", "md"):
            out = Path(folder) / f"story.{fmt}"
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                report, size = write_report(db, out, fmt=fmt)
                times.append(time.perf_counter() - started)
            print(f"{fmt:4}  write {statistics.median(times):.2f} s (median of {runs}, "
                  f"detection up to date; target < 2 s)  size {size / 1024 / 1024:.2f} MB "
                  f"(target < 3 MB)  {len(report.conflicts):,} conflicts shown")
        db.close()


if __name__ == "__main__":
    main()
