"""A screenshot of the seed story's report, as a person sees it in a browser (headless Chromium).

Usage: python benchmarks/screenshot_report.py [--out docs/report-idlib.png] [--width 1200]
       [--height 1800] [--chromium /usr/bin/chromium]

Imports data/idlib-2020.csv into a temporary database, gives the speakers the sides the README
shows (`quotetrack speakers set NAME --side ...`), writes the report and photographs it. Needs
Debian's `chromium` package; tests/test_report.py skips its screenshot test without it.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SIDES = {
    "Mevlut Cavusoglu": "Turkey", "Recep Tayyip Erdogan": "Turkey", "Turkish Presidency": "Turkey",
    "Kremlin": "Russia", "Russia": "Russia", "Sergei Lavrov": "Russia",
    "Mike Pompeo": "United States", "Jens Laerke": "UN", "United Nations": "UN",
}


def seed_report(folder: Path) -> Path:
    """The seed story's report, written in `folder`."""
    from quotetrack.db import open_db
    from quotetrack.identities import set_fields
    from quotetrack.importer import import_path
    from quotetrack.report import write_report

    db = open_db(folder / "idlib.db")
    try:
        import_path(db, ROOT / "data" / "idlib-2020.csv")
        for speaker, side in SIDES.items():
            set_fields(db, "speaker", speaker, affiliation=side)
        page = folder / "story.html"
        write_report(db, page)
    finally:
        db.close()
    return page


def screenshot(page: Path, out: Path, *, width: int = 1200, height: int = 1800,
               chromium: str = CHROMIUM) -> None:
    """Photograph `page` with headless Chromium into the PNG `out`."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", f"--screenshot={out.resolve()}",
             f"--window-size={width},{height}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-idlib.png")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1800)
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page = seed_report(Path(folder))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(page, args.out, width=args.width, height=args.height, chromium=args.chromium)
    print(f"Wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB, {args.width}x{args.height})")


if __name__ == "__main__":
    main()
