"""Scale benchmark for conflict detection: full run and incremental run after 10 adds.

Usage: python benchmarks/bench_conflicts.py [--sizes 10000,30000,100000]
Each size runs in its own process so that peak memory (max RSS) is that run's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def child(size: int) -> dict:
    from synthetic import corpus

    from quotetrack.conflicts.detect import detect
    from quotetrack.db import open_db
    from quotetrack.store import add_many, add_statement, validate_fields

    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "bench.db")
        rows = corpus(size + 10)
        add_many(db, [validate_fields(r) for r in rows[:size]])
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        report = detect(db)
        full_seconds = time.perf_counter() - started
        rss_full = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for row in rows[size:]:
            add_statement(db, force=True, **row)
        started = time.perf_counter()
        incremental = detect(db)
        inc_seconds = time.perf_counter() - started
        return {
            "size": size, "full_s": round(full_seconds, 2), "compared": report.compared,
            "conflicts": report.total_conflicts, "peak_rss_mb": round(rss_full / 1024, 1),
            "rss_before_mb": round(rss_before / 1024, 1),
            "incremental_s": round(inc_seconds, 3), "incremental_compared": incremental.compared,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run([sys.executable, __file__, "--child", str(size)],
                             capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(result)
        print(f"{size:>7,} statements: full detection {result['full_s']:6.2f} s "
              f"({result['compared']:,} pairs compared, {result['conflicts']:,} conflicts), "
              f"peak RSS {result['peak_rss_mb']:.0f} MB; incremental after 10 adds "
              f"{result['incremental_s']:.2f} s ({result['incremental_compared']} pairs)", flush=True)
    if len(results) > 1:
        ratio = results[-1]["full_s"] / max(results[0]["full_s"], 1e-9)
        print(f"growth: {results[-1]['size'] // results[0]['size']}x statements -> {ratio:.1f}x time")


if __name__ == "__main__":
    main()
