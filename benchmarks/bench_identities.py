"""Speed of name resolution: one name against 100,000 known speakers.

Usage: python benchmarks/bench_identities.py [--size 100000] [--runs 50]

Stores `size` speakers (real given names and surnames combined, plus syllable names as in the
synthetic corpus, so that many share a surname or its first letters), then times
`identities.lookup` for each kind of name: a known spelling (one SQL lookup), a title and
accents, a transliteration, a surname alone, a look-alike that must stay apart, and a new
name. Prints median and worst times in milliseconds beside the target (50 ms); asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GIVEN = ("Sergei Dmitry Vladimir Alexander Mohammed Ahmed Ali Hassan Mahmoud Mevlut Recep Hulusi "
         "Boris George Angela Emmanuel Olaf Maria Olena Yulia Viktor Petro Ramzan Ilham Nikol "
         "Khalifa Fayez Ayman Ibrahim Fahrettin Abdel Kim Xi Jens Ursula Mike Jo Ed David Laura "
         "Yevgeny Alexei Andres Antonio Tedros Benjamin Hossein Ebrahim Tamim Abdullah Mansour").split()
SURNAMES = ("Lavrov Shoigu Peskov Putin Zakharova Zelensky Kuleba Assad Rouhani Zarif Khamenei "
            "Nasrallah Abbas Netanyahu Sisi Morsi Guterres Johnson Miliband Bush Merkel Macron "
            "Pompeo Stoltenberg Navalny Prigozhin Kadyrov Lukashenko Pashinyan Aliyev Davutoglu "
            "Kalin Koca Raisi Haftar Sarraj Zawahiri Baghdadi Scholz Poroshenko Yanukovych Akar "
            "Erdogan Cavusoglu Ryabkov Medvedev Kozak Larijani Khatami Diab Burhan Spahn Pence").split()


def _names(size: int) -> list[str]:
    from synthetic import _name

    rng = random.Random(11)
    seen: set[str] = set()
    names: list[str] = []
    for given in GIVEN:
        for surname in SURNAMES:
            names.append(f"{given} {surname}")
    seen.update(n.lower() for n in names)
    while len(names) < size:
        name = _name(rng) if rng.random() < 0.7 else f"{rng.choice(GIVEN)} {_name(rng, 1)}"
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names[:size]


CASES = [
    ("known spelling", "Sergei Lavrov"),
    ("title and accents", "Turkish Foreign Minister Mevlüt Çavuşoğlu"),
    ("transliteration", "Sergey Shoygu"),
    ("Cyrillic script", "Сергей Лавров"),
    ("surname alone", "Prigozhin"),
    ("look-alike, kept apart", "Mohammed bin Nayef"),
    ("common given name, new", "Mohammed Kamolire"),
    ("new name", "Tsakhiagiin Elbegdorj"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    from quotetrack.db import open_db
    from quotetrack.identities import SPEAKER, create_identity, lookup
    from quotetrack.identities import alias_columns
    from quotetrack.normalize import name_parts, split_role, token_key, token_skeleton

    caches = (name_parts, split_role, alias_columns, token_key, token_skeleton)
    from quotetrack.store import write_transaction

    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "speakers.db")
        started = time.perf_counter()
        with write_transaction(db):
            for name in _names(args.size):
                create_identity(db, SPEAKER, name)
            create_identity(db, SPEAKER, "Mohammed bin Salman")
        count = db.execute("SELECT count(*) FROM speakers").fetchone()[0]
        print(f"stored {count:,} speakers in {time.perf_counter() - started:.1f} s")
        lookup(db, SPEAKER, "Warm Up")  # loads rapidfuzz once, as the first close match of a run does
        print(f"lookup of one name against {count:,} speakers, median and worst of {args.runs} "
              "(target 50 ms)")
        for label, name in CASES:
            times = []
            for _ in range(args.runs):
                for cached in caches:  # every run folds the name anew, as an add does
                    cached.cache_clear()
                started = time.perf_counter()
                found = lookup(db, SPEAKER, name)
                times.append(time.perf_counter() - started)
            result = (f"exact s{found.exact_id}" if found.exact_id else
                      f"{'auto' if found.automatic else 'asked'} {found.best.name} {found.best.score:.0f}"
                      if found.best else "new")
            print(f"    {label:<24} {name!r:<46} {statistics.median(times) * 1000:6.2f} ms"
                  f"  worst {max(times) * 1000:6.2f} ms  -> {result}")
        db.close()


if __name__ == "__main__":
    main()
