"""Validate the labelled conflict development set and print its counts.

    python benchmarks/check_devset.py [--dir data/conflicts-dev] [--idlib data/idlib-2020.csv]

Exits 1 and lists every problem found, or prints the counts and exits 0.
Standard library only, so it runs before the project is installed.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STATEMENT_HEADER = ["ref", "story", "text", "speaker", "outlet", "via", "date", "kind", "topic", "url", "notes"]
PAIR_HEADER = ["a", "b", "type", "evidence", "note"]
NEAR_HEADER = ["a", "b", "kind", "note"]
STORY_HEADER = ["story", "split", "description", "sources"]
IDLIB_HEADER = ["text", "speaker", "outlet", "via", "date", "kind", "url", "topic", "tags", "notes"]
EXPECTED_HEADER = ["a_text_prefix", "b_text_prefix", "type"]

PAIR_TYPES = ("polarity", "numeric", "antonym", "quote_variance", "misattribution", "reversal")
NEAR_KINDS = ("hedged_numbers", "different_subject", "different_counted_thing", "toll_rose_over_time",
              "emphasis", "same_quote_same_speaker", "negation_agreeing", "unrelated")
KINDS = ("direct", "indirect")
SPLITS = ("tune", "holdout", "final", "fresh", "blind2", "blind3", "blind4", "blind5", "tune2", "tune3", "tune4", "tune5", "tune6")
REF = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-\d{2,3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Problems(list):
    def add(self, where: str, message: str) -> None:
        self.append(f"{where}: {message}")


def read_csv(path: Path, header: list[str], problems: Problems) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts, or [] after recording why it cannot be read."""
    if not path.is_file():
        problems.add(str(path), "missing")
        return []
    try:
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.reader(f, strict=True)
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        problems.add(str(path), f"cannot be parsed: {exc}")
        return []
    if not rows or rows[0] != header:
        problems.add(str(path), f"header is {rows[0] if rows else 'missing'}, expected {header}")
        return []
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problems.add(f"{path.name} line {line}", f"{len(row)} fields, expected {len(header)}")
            continue
        records.append({"_line": str(line), **dict(zip(header, row))})
    return records


def valid_date(value: str) -> bool:
    """ISO date, full (YYYY-MM-DD) or partial (YYYY-MM, YYYY)."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            datetime.date.fromisoformat(value + "-01")
        elif re.fullmatch(r"\d{4}", value):
            datetime.date(int(value), 1, 1)
        else:
            return False
    except ValueError:
        return False
    return 1900 <= int(value[:4]) <= datetime.date.today().year


def check_statements(rows, stories, problems):
    by_ref = {}
    for row in rows:
        where = f"statements.csv line {row['_line']}"
        ref = row["ref"]
        if not REF.match(ref):
            problems.add(where, f"ref {ref!r} is not like 'mh17-01'")
        if ref in by_ref:
            problems.add(where, f"ref {ref!r} repeats line {by_ref[ref]['_line']}")
        by_ref[ref] = row
        for column in ("story", "text", "speaker", "outlet", "date", "kind", "topic"):
            if not row[column].strip():
                problems.add(where, f"column {column!r} is empty")
            elif row[column] != row[column].strip():
                problems.add(where, f"column {column!r} has leading or trailing spaces")
        if row["story"] not in stories:
            problems.add(where, f"story {row['story']!r} is not in stories.csv")
        if row["topic"] != row["story"]:
            problems.add(where, f"topic {row['topic']!r} differs from story {row['story']!r}")
        if row["kind"] not in KINDS:
            problems.add(where, f"kind {row['kind']!r} is not one of {KINDS}")
        if not valid_date(row["date"]):
            problems.add(where, f"date {row['date']!r} is not an ISO date")
        if row["kind"] == "direct" and row["text"][:1] in "\"“'‘":
            problems.add(where, "direct quote text starts with a quote mark")
        if row["url"] and not row["url"].startswith(("http://", "https://")):
            problems.add(where, f"url {row['url']!r} is not a web address")
    return by_ref


def check_pairs(name, rows, label, allowed, by_ref, problems):
    """Common checks for pairs.csv and near_misses.csv; returns {frozenset(a, b): row}."""
    seen = {}
    for row in rows:
        where = f"{name} line {row['_line']}"
        a, b = row["a"], row["b"]
        missing = [r for r in (a, b) if r not in by_ref]
        if missing:
            problems.add(where, f"unknown ref(s) {', '.join(missing)}")
            continue
        if a == b:
            problems.add(where, f"pairs {a} with itself")
            continue
        if by_ref[a]["story"] != by_ref[b]["story"]:
            problems.add(where, f"{a} and {b} belong to different stories")
        if row[label] not in allowed:
            problems.add(where, f"{label} {row[label]!r} is not one of {allowed}")
        key = frozenset((a, b))
        if key in seen:
            problems.add(where, f"pair {a}/{b} repeats line {seen[key]['_line']}")
        seen[key] = row
    return seen


def check_pair_semantics(pairs, by_ref, problems):
    """Rules that follow from the definition of each conflict type."""
    for row in pairs.values():
        where = f"pairs.csv line {row['_line']}"
        a, b = by_ref[row["a"]], by_ref[row["b"]]
        same_speaker = a["speaker"] == b["speaker"]
        if row["type"] == "misattribution" and same_speaker:
            problems.add(where, "misattribution needs two different speakers")
        if row["type"] == "quote_variance":
            if not same_speaker:
                problems.add(where, "quote_variance needs the same speaker")
            if a["kind"] != "direct" or b["kind"] != "direct":
                problems.add(where, "quote_variance needs two direct quotes")
            if a["outlet"] == b["outlet"]:
                problems.add(where, "quote_variance needs two different outlets")
        if row["type"] == "reversal":
            if not same_speaker:
                problems.add(where, "reversal needs the same speaker")
            if a["date"] == b["date"]:
                problems.add(where, "reversal needs two different dates")
        if not row["evidence"].strip():
            problems.add(where, "evidence is empty")


def check_idlib(path: Path, expected_path: Path, problems: Problems) -> int:
    """The bundled Idlib example: header, dates, and expected prefixes that each find one row."""
    rows = read_csv(path, IDLIB_HEADER, problems)
    for row in rows:
        where = f"{path.name} line {row['_line']}"
        if row["kind"] not in KINDS:
            problems.add(where, f"kind {row['kind']!r} is not one of {KINDS}")
        if not valid_date(row["date"]):
            problems.add(where, f"date {row['date']!r} is not an ISO date")
        for column in ("text", "speaker", "outlet", "topic"):
            if not row[column].strip():
                problems.add(where, f"column {column!r} is empty")
    texts = [row["text"] for row in rows]
    for row in read_csv(expected_path, EXPECTED_HEADER, problems):
        where = f"{expected_path.name} line {row['_line']}"
        for column in ("a_text_prefix", "b_text_prefix"):
            hits = sum(t.startswith(row[column]) for t in texts)
            if hits != 1:
                problems.add(where, f"{column} {row[column]!r} matches {hits} rows, expected 1")
        if row["type"] not in PAIR_TYPES:
            problems.add(where, f"type {row['type']!r} is not one of {PAIR_TYPES}")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "data" / "conflicts-dev",
                        help="folder holding statements.csv, pairs.csv, near_misses.csv, stories.csv")
    parser.add_argument("--idlib", default=str(ROOT / "data" / "idlib-2020.csv"),
                        help="bundled example to check as well; its expected conflicts are read from "
                             "the .expected.csv beside it ('' to skip)")
    args = parser.parse_args(argv)
    problems = Problems()

    story_rows = read_csv(args.dir / "stories.csv", STORY_HEADER, problems)
    stories = {}
    for row in story_rows:
        where = f"stories.csv line {row['_line']}"
        if not SLUG.match(row["story"]):
            problems.add(where, f"story {row['story']!r} is not a slug")
        if row["story"] in stories:
            problems.add(where, f"story {row['story']!r} repeats")
        if row["split"] not in SPLITS:
            problems.add(where, f"split {row['split']!r} is not one of {SPLITS}")
        if not row["sources"].strip():
            problems.add(where, "sources is empty")
        stories[row["story"]] = row

    statement_rows = read_csv(args.dir / "statements.csv", STATEMENT_HEADER, problems)
    by_ref = check_statements(statement_rows, stories, problems)
    for story in stories:
        if not any(row["story"] == story for row in statement_rows):
            problems.add("stories.csv", f"story {story!r} has no statements")

    pairs = check_pairs("pairs.csv", read_csv(args.dir / "pairs.csv", PAIR_HEADER, problems),
                        "type", PAIR_TYPES, by_ref, problems)
    check_pair_semantics(pairs, by_ref, problems)
    near = check_pairs("near_misses.csv", read_csv(args.dir / "near_misses.csv", NEAR_HEADER, problems),
                       "kind", NEAR_KINDS, by_ref, problems)
    for key in pairs.keys() & near.keys():
        a, b = sorted(key)
        problems.add("pairs.csv / near_misses.csv", f"{a}/{b} is labelled both conflicting and compatible")

    idlib_rows = None
    if args.idlib:
        idlib = Path(args.idlib)
        idlib_rows = check_idlib(idlib, idlib.with_suffix(".expected.csv"), problems)

    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1

    split_of = {s: row["split"] for s, row in stories.items()}
    kinds = Counter(row["kind"] for row in statement_rows)
    print(f"statements   {len(statement_rows):4d}  ({kinds['direct']} direct, {kinds['indirect']} indirect)")
    print(f"stories      {len(stories):4d}  "
          + ", ".join(f"{n} {s}" for s, n in sorted(Counter(split_of.values()).items(), reverse=True)))
    print(f"conflicts    {len(pairs):4d}")
    for t, n in sorted(Counter(r["type"] for r in pairs.values()).items(), key=lambda x: -x[1]):
        print(f"  {t:24s} {n:3d}")
    print(f"near misses  {len(near):4d}")
    for k, n in sorted(Counter(r["kind"] for r in near.values()).items(), key=lambda x: -x[1]):
        print(f"  {k:24s} {n:3d}")
    print()
    print(f"{'story':22s} {'split':8s} {'stmts':>5s} {'confl':>5s} {'near':>5s} {'pairs':>5s}")
    for story in stories:
        refs = [r for r, row in by_ref.items() if row["story"] == story]
        n_conf = sum(by_ref[r["a"]]["story"] == story for r in pairs.values())
        n_near = sum(by_ref[r["a"]]["story"] == story for r in near.values())
        n_all = len(refs) * (len(refs) - 1) // 2
        print(f"{story:22s} {split_of[story]:8s} {len(refs):5d} {n_conf:5d} {n_near:5d} {n_all:5d}")
    if idlib_rows is not None:
        print(f"\n{Path(args.idlib).name}: {idlib_rows} statements, expected conflicts OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
