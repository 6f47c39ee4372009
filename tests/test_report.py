"""The story report (HTML and Markdown) and `serve`'s Datasette metadata."""

from __future__ import annotations

import os
import sqlite3
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quotetrack.conflicts.detect import detect
from quotetrack.conflicts.review import list_conflicts
from quotetrack.models import ConflictFilters, Filters
from quotetrack.report import gather, render_html, render_markdown, web_link, write_report
from quotetrack.serve import ExtraMissing, canned_queries, datasette_metadata, require_datasette
from quotetrack.store import add_many, validate_fields

SEED = Path(__file__).resolve().parents[1] / "data" / "idlib-2020.csv"
HOSTILE = '<script>alert("x")</script> & <b>bold</b>'


def parse(page: str) -> ET.Element:
    """The page as XML: fails the test unless every element is closed and properly nested."""
    root = ET.fromstring(page)
    assert root.tag == "html"
    return root


def ids(root: ET.Element) -> set[str]:
    return {el.get("id") for el in root.iter() if el.get("id")}


def check_page(page: str) -> ET.Element:
    root = parse(page)
    # Self-contained: nothing is loaded from anywhere, and nothing runs.
    assert not [el for el in root.iter() if el.tag in ("script", "link", "img", "iframe")]
    assert not [el for el in root.iter() if el.get("src")]
    assert "@import" not in page and "url(" not in page
    anchors = ids(root)
    for el in root.iter("a"):
        href = el.get("href")
        assert href.startswith(("#", "http://", "https://")), href
        if href.startswith("#"):
            assert href[1:] in anchors, f"link to missing #{href[1:]}"
    return root


@pytest.fixture
def seeded(run, db):
    assert run("import", str(SEED)).exit_code == 0
    detect(db)
    return db


def test_seed_story_report_is_well_formed_and_shows_every_conflict(run, seeded, tmp_path):
    conflicts = list_conflicts(seeded, ConflictFilters(status="all"))
    assert len(conflicts) == 2
    run("conflicts", "confirm", conflicts[0].id, "--note", "Both checked against the AP wire")
    out = tmp_path / "story.html"
    result = run("report", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stderr and "26 statements" in result.stderr
    page = out.read_text(encoding="utf-8")
    root = check_page(page)
    anchors = ids(root)
    for conflict in conflicts:
        assert conflict.id in anchors
        article = next(el for el in root.iter("article") if el.get("id") == conflict.id)
        text = "".join(article.itertext())
        assert conflict.explanation in text and conflict.type in text
        assert len(list(article.iter("blockquote"))) == 2  # both accounts side by side
        assert list(article.iter("mark"))  # the evidence is highlighted
    assert "Both checked against the AP wire" in page
    for statement_id in (c.a.id for c in conflicts):
        assert statement_id in anchors  # every account links to its place in the timeline
    timeline = [el for el in root.iter("li") if (el.get("id") or "").startswith("q")]
    assert len(timeline) == 26
    counts = {dt.text: dd.text for dt, dd in zip(root.iter("dt"), root.iter("dd"))}
    assert counts == {"statements": "26", "speakers": "12", "outlets": "4", "conflicts": "2"}
    assert "open 1 · confirmed 1 · dismissed 0" in page
    marked = ["".join(m.itertext()) for m in root.iter("mark")]
    assert "failed to notify" in marked and "Eight" in marked and "seven" in marked


def test_dismissed_conflicts_are_counted_not_shown(run, seeded, tmp_path):
    conflicts = list_conflicts(seeded, ConflictFilters(status="all"))
    run("conflicts", "dismiss", conflicts[1].id)
    root = check_page(render_html(gather(seeded)))
    assert conflicts[0].id in ids(root) and conflicts[1].id not in ids(root)
    assert "dismissed 1" in "".join(root.itertext())


def test_who_said_what_groups_speakers_by_side(run, seeded):
    run("speakers", "set", "Mevlut Cavusoglu", "--side", "Turkey")
    run("speakers", "set", "Russia", "--side", "Russia")
    run("speakers", "set", "Kremlin", "--side", "Russia")
    report = gather(seeded)
    sides = [group.side for group in report.sides]
    assert sides[:2] == ["Turkey", "Russia"] and sides[-1] is None
    turkey = report.sides[0].speakers[0]
    assert turkey.name == "Mevlut Cavusoglu" and turkey.statements == 8
    assert "notification" in turkey.claims[0].text  # the disputed claim comes first
    root = check_page(render_html(report))
    who = next(el for el in root.iter("section") if el.get("id") == "who")
    text = "".join(who.itertext())
    assert "Turkey" in text and "conflicts with Russia" in text and "conflicts with Mevlut Cavusoglu" in text


def test_every_user_string_is_escaped(run, db, tmp_path):
    for args in (
        [HOSTILE, "--speaker", '<img src=x onerror="alert(1)">', "--outlet", "A&B <News>",
         "--via", "<i>relay</i>", "--url", "javascript:alert(1)", "--topic", "t<script>",
         "--kind", "indirect"],
        ["Nothing was " + HOSTILE, "--speaker", "Bob", "--outlet", "X", "--url",
         'https://example.org/a?b=1&c="2"'],
    ):
        assert run("add", *args, "--date", "2020-02-04").exit_code == 0
    out = tmp_path / "story.html"
    assert run("report", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    root = check_page(page)
    assert "<script>" not in page and "<img" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(" in page
    assert HOSTILE in "".join(root.itertext())  # shown as text, exactly
    hrefs = [a.get("href") for a in root.iter("a")]
    assert 'https://example.org/a?b=1&c="2"' in hrefs
    assert not any("javascript" in h for h in hrefs)

    md_path = tmp_path / "story.md"
    assert run("report", "-o", str(md_path)).exit_code == 0
    md = md_path.read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md
    assert "javascript:" not in md.replace("javascript:alert", "")  # never a link
    assert "](javascript" not in md


def test_web_link_accepts_only_http_addresses():
    assert web_link("https://example.org/x") == "https://example.org/x"
    assert web_link(" http://example.org ") == "http://example.org"
    for url in ("javascript:alert(1)", "data:text/html,x", "ftp://x.org", "example.org",
                "https://", "https://a b.org", None, ""):
        assert web_link(url) is None


def test_markdown_report_has_the_same_content(run, seeded, tmp_path):
    conflicts = list_conflicts(seeded, ConflictFilters(status="all"))
    out = tmp_path / "story.txt"
    result = run("report", "-o", str(out), "--format", "md")
    assert result.exit_code == 0, result.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Story report")
    for heading in ("## Conflicts", "## Who said what", "## Timeline"):
        assert heading in md
    for conflict in conflicts:
        assert f"`{conflict.id}`" in md
    assert "**failed to notify**" in md and "**Eight**" in md
    assert md.count("\n- `q") == 26
    assert "| 26 | 12 | 4 | 2 |" in md


def test_format_follows_the_file_extension(run, seeded, tmp_path):
    assert run("report", "-o", str(tmp_path / "a.md")).exit_code == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# ")
    assert run("report", "-o", str(tmp_path / "a.htm")).exit_code == 0
    assert (tmp_path / "a.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_topic_and_dates_narrow_the_report(run, seeded, tmp_path):
    out = tmp_path / "s.html"
    assert run("report", "--topic", "IDLIB-2020", "--until", "2020-02-03", "-o", str(out)).exit_code == 0
    root = check_page(out.read_text(encoding="utf-8"))
    assert "Story report: IDLIB-2020" in "".join(root.find(".//h1").itertext())
    assert len([el for el in root.iter("li") if (el.get("id") or "").startswith("q")]) == 5


def test_title_names_the_page(run, seeded, tmp_path):
    out = tmp_path / "t.md"
    assert run("report", "--title", "Idlib, February 2020", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Idlib, February 2020\n")


def test_empty_database_gives_a_report_that_says_so(run, tmp_path):
    out = tmp_path / "empty.html"
    result = run("report", "-o", str(out))
    assert result.exit_code == 0
    root = check_page(out.read_text(encoding="utf-8"))
    assert "no statements yet" in "".join(root.itertext())
    md = tmp_path / "empty.md"
    assert run("report", "-o", str(md)).exit_code == 0
    assert "no statements yet" in md.read_text(encoding="utf-8")


def test_output_in_a_missing_folder_is_an_error(run, seeded, tmp_path):
    result = run("report", "-o", str(tmp_path / "nowhere" / "story.html"))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'nowhere' / 'story.html'}: folder "
        f"{tmp_path / 'nowhere'} does not exist"]
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in any folder")
def test_output_in_a_read_only_folder_is_an_error(run, seeded, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run("report", "-o", str(folder / "story.html"))
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 1 and result.stderr.startswith("Error: cannot write")


def test_a_topic_that_matches_nothing_is_an_error_and_keeps_the_old_file(run, seeded, tmp_path):
    out = tmp_path / "story.html"
    out.write_text("earlier report", encoding="utf-8")
    result = run("report", "--topic", "gaza", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == "Error: no statement has topic 'gaza' (topics: idlib-2020)\n"
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".story")] == []
    result = run("report", "--since", "2021", "-o", str(out))
    assert result.exit_code == 1 and result.stderr == "Error: no statement matches --since 2021\n"


def test_report_runs_detection_first(run, db, tmp_path):
    run("add", "Eight soldiers were killed in Idlib on Monday", "--speaker", "A", "--outlet", "X",
        "--date", "2020-02-03", "--kind", "indirect")
    run("add", "Seven soldiers were killed in Idlib on Monday", "--speaker", "B", "--outlet", "Y",
        "--date", "2020-02-03", "--kind", "indirect")
    report, _ = write_report(db, tmp_path / "r.html")
    assert len(report.conflicts) == 1


def _story(size: int) -> list[dict]:
    """A long story of plain statements, a few of them disputing a toll."""
    sides = ["Turkey", "Russia", "Syria", "UN"]
    rows = []
    for n in range(size):
        side = sides[n % 4]
        day = 1 + n % 28
        if n % 500 == 0:
            text = f"{4 + n // 500 % 5} soldiers were killed in Saraqeb on February {day}"
        else:
            text = f"Statement {n}: {side} officials discussed the corridor near Idlib"
        rows.append(validate_fields({
            "text": text, "speaker": f"Speaker {side} {n % 10}", "outlet": f"Outlet {n % 7}",
            "date": f"2020-02-{day:02d}", "kind": "indirect" if n % 3 else "direct",
            "topic": "idlib", "url": f"https://example.org/{n}" if n % 2 else None}))
    return rows


def test_ten_thousand_statements(db, tmp_path):
    add_many(db, _story(10_000))
    out = tmp_path / "big.html"
    report, size = write_report(db, out, filters=Filters(topic="idlib"))
    assert report.counts.statements == 10_000
    page = out.read_text(encoding="utf-8")
    root = check_page(page)
    assert len([el for el in root.iter("li") if (el.get("id") or "").startswith("q")]) == 10_000
    assert {c.id for c in report.conflicts} <= ids(root)
    assert size < 3 * 1024 * 1024
    md = render_markdown(report)
    assert md.count("\n- `q") == 10_000


def test_datasette_metadata_queries_run_on_a_real_database(seeded, db_path):
    meta = datasette_metadata("idlib")
    database = meta["databases"]["idlib"]
    assert {"open_conflicts", "statements_by_speaker", "statements_by_outlet"} <= set(database["queries"])
    conn = sqlite3.connect(db_path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, settings in database["tables"].items():
        assert table in tables
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for facet in settings.get("facets", ()):
            assert (facet["array"] if isinstance(facet, dict) else facet) in columns
    params = {"speaker": "cavusoglu", "outlet": "haaretz"}
    results = {name: conn.execute(query["sql"], params).fetchall()
               for name, query in canned_queries().items()}
    assert len(results["open_conflicts"]) == 2
    assert len(results["statements_by_speaker"]) == 8
    assert len(results["statements_by_outlet"]) == 26
    conn.close()


def test_datasette_accepts_the_metadata(seeded, db_path):
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    async def fetch():
        ds = datasette_app.Datasette([str(db_path)], metadata=datasette_metadata(db_path.stem))
        page = await ds.client.get(f"/{db_path.stem}/open_conflicts.json?_shape=array")
        facets = await ds.client.get(f"/{db_path.stem}/statements.json")
        return page, facets

    page, facets = asyncio.run(fetch())
    assert page.status_code == 200 and len(page.json()) == 2
    assert facets.status_code == 200 and "kind" in facets.json()["facet_results"]


def test_serve_without_datasette_says_what_to_install(run, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)  # find_spec then reports it absent
    with pytest.raises(ExtraMissing):
        require_datasette()
    result = run("serve")
    assert result.exit_code == 1
    assert result.stderr == ("Error: quotetrack serve needs Datasette, which is not installed: "
                             "pip install 'quotetrack[serve]'\n")


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_screenshot_of_the_seed_report_in_headless_chromium(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        from screenshot_report import screenshot, seed_report
    finally:
        sys.path.pop(0)
    out = tmp_path / "report.png"
    screenshot(seed_report(tmp_path), out, width=390, height=900)  # a phone's width
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
