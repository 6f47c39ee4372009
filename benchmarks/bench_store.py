"""Speed of the statement store: `quotetrack add` start-up, bulk import, search and list.

Usage: python benchmarks/bench_store.py [--size 100000] [--runs 15] [--startup-only]

Prints figures beside the targets of issue 2; asserts nothing. Child processes get their own
bytecode cache folder (PYTHONPYCACHEPREFIX), so start-up is measured as an installed tool runs,
with compiled modules, even where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The smallest typer program with one command and one option: the floor for any typer command.
MINIMAL_TYPER_APP = """
from typing import Annotated, Optional
import typer
app = typer.Typer()
@app.command()
def add(text: str, speaker: Annotated[Optional[str], typer.Option()] = None):
    print(text)
app()
"""


def _child_env(cache: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("QUOTETRACK_DB", None)
    return env


def _quotetrack_command() -> list[str]:
    script = Path(sys.executable).parent / "quotetrack"
    return [str(script)] if script.exists() else [sys.executable, "-m", "quotetrack"]


def _wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _median_wall(make_command, runs: int, env: dict[str, str]) -> float:
    _wall(make_command(-1), env)  # warm-up: fills the bytecode cache and the OS file cache
    return statistics.median(_wall(make_command(n), env) for n in range(runs))


def bench_add(folder: Path, runs: int) -> None:
    env = _child_env(str(folder / "pycache"))
    db = folder / "add.db"
    quotetrack = _quotetrack_command()
    subprocess.run([*quotetrack, "--db", str(db), "info"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    app = folder / "minimal_typer_app.py"
    app.write_text(MINIMAL_TYPER_APP)

    add = _median_wall(lambda n: [*quotetrack, "--db", str(db), "add", f"We will respond ({n}).",
                                  "--speaker", "Hulusi Akar", "--outlet", "Anadolu",
                                  "--date", "2020-02-27"], runs, env)
    typer_import = _median_wall(lambda n: [sys.executable, "-c", "import typer"], runs, env)
    minimal = _median_wall(lambda n: [sys.executable, str(app), "hello", "--speaker", "x"], runs, env)
    from importlib.metadata import version

    print(f"(a) start-up, median of {runs} runs (typer {version('typer')})")
    print(f"    python -c 'import typer'         {typer_import * 1000:7.1f} ms")
    print(f"    minimal typer command            {minimal * 1000:7.1f} ms  "
          f"({minimal / typer_import:.2f}x import typer)")
    print(f"    quotetrack add                   {add * 1000:7.1f} ms  "
          f"({add / typer_import:.2f}x import typer; target 2x)")


def _write_csv(path: Path, size: int) -> None:
    from synthetic import corpus

    rows = corpus(size)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["text", "speaker", "outlet", "date", "kind", "topic", "tags"])
        writer.writeheader()
        for n, row in enumerate(rows):
            writer.writerow({**row, "tags": "casualties; border" if n % 3 == 0 else ""})


def bench_import(folder: Path, size: int) -> Path:
    from quotetrack.db import open_db
    from quotetrack.importer import import_path

    source = folder / "statements.csv"
    _write_csv(source, size)
    megabytes = source.stat().st_size / 1e6
    print(f"(b) import {size:,} statements from CSV ({megabytes:.1f} MB), empty database")

    library_db = folder / "library.db"
    db = open_db(library_db)
    started = time.perf_counter()
    result = import_path(db, source)
    library = time.perf_counter() - started
    db.close()
    assert result.added == size, result
    print(f"    library  import_path             {library:7.2f} s   (target 5 s)")

    env = _child_env(str(folder / "pycache"))
    warm_up = folder / "warm-up.csv"
    _write_csv(warm_up, 400)  # compiles what import alone loads (close name matching too), so that is not timed
    _wall([*_quotetrack_command(), "--db", str(folder / "warm-up.db"), "import", str(warm_up)], env)
    # Let the disk finish writing the library run's database first, so one run does not pay
    # for the other's write-back.
    os.sync()
    time.sleep(3)
    cli = _wall([*_quotetrack_command(), "--db", str(folder / "cli.db"), "import", str(source)], env)
    print(f"    CLI      quotetrack import       {cli:7.2f} s   (target 5 s)")
    return library_db


def bench_queries(db_path: Path, runs: int = 9) -> None:
    from quotetrack.db import open_db
    from quotetrack.models import Filters
    from quotetrack.store import list_statements, search_statements

    db = open_db(db_path)
    speaker = db.execute(
        "SELECT sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id "
        "GROUP BY sp.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    cases = [
        ("search 'ceasefire'", lambda: search_statements(db, "ceasefire")),
        ("search 'troops border' (all words)", lambda: search_statements(db, "troops border")),
        ('search \'"were killed"\' (phrase)', lambda: search_statements(db, '"were killed"')),
        (f"list --speaker '{speaker.split()[0].lower()}'",
         lambda: list_statements(db, Filters(speaker=speaker.split()[0].lower()))),
        ("list --since 2020-03 --until 2020-03 --kind direct",
         lambda: list_statements(db, Filters(since="2020-03", until="2020-03", kind="direct"))),
        ("list --outlet 'wire a' --tag casualties --limit 50",
         lambda: list_statements(db, Filters(outlet="wire a", tags=("casualties",), limit=50))),
        ("list --topic story-7", lambda: list_statements(db, Filters(topic="story-7"))),
    ]
    count = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    print(f"(c) queries on {count:,} statements, in process, median of {runs} (target 0.2 s each)")
    for label, query in cases:
        found = len(query())
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            query()
            times.append(time.perf_counter() - started)
        print(f"    {label:<52} {statistics.median(times) * 1000:7.1f} ms  {found:>6,} results")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="statements to import")
    parser.add_argument("--runs", type=int, default=15, help="runs of each start-up timing")
    parser.add_argument("--startup-only", action="store_true", help="measure only (a), start-up")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bench_add(folder, args.runs)
        if args.startup_only:
            return
        db_path = bench_import(folder, args.size)
        bench_queries(db_path)


if __name__ == "__main__":
    main()
