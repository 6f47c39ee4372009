"""What a new user runs into: summaries under a limit, one-line usage errors, --db placement,
an empty QUOTETRACK_DB, notes across decisions, pick ranges, ids of the wrong kind, output
extensions, kind aliases, implausible dates and look-alike names."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import add_args, assert_one_line_error, invoke

DATA = Path(__file__).resolve().parent.parent / "data"
IDLIB = str(DATA / "idlib-2020.csv")


@pytest.fixture
def idlib(run):
    result = run("import", IDLIB)
    assert result.exit_code == 0, result.output
    return run


def assert_one_line_usage_error(result, *fragments: str) -> None:
    """Exit 2 (a usage error) with one line on standard error, 'Error: ...'; no usage box."""
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith("Error: ") and "\n" not in message, message
    assert "Usage:" not in result.output and "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in message, message


# ---------------------------------------------------------------- 1. summaries under a limit

def test_conflicts_summary_says_how_many_of_how_many_a_limit_shows(idlib):
    result = idlib("conflicts", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert "1 of 2 conflicts shown (1 polarity)" in result.stdout
    everything = idlib("conflicts", "--limit", "5")
    assert "2 conflicts (1 polarity, 1 numeric)" in everything.stdout
    assert " of " not in everything.stdout.splitlines()[-1]


def test_conflicts_written_to_a_file_under_a_limit_say_how_many_match(idlib, tmp_path):
    out = tmp_path / "c.csv"
    result = idlib("conflicts", "--limit", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 1 of 2 conflicts" in result.stderr
    assert len(out.read_text().splitlines()) == 2  # header and one conflict


def test_search_summary_says_how_many_of_how_many_a_limit_shows(idlib):
    assert idlib("search", "soldiers", "--limit", "1").stdout.splitlines()[-1] == "1 of 2 matches shown"
    assert idlib("search", "soldiers", "--limit", "2").stdout.splitlines()[-1] == "2 matches"


def test_list_summary_says_how_many_of_how_many_a_limit_shows(idlib, monkeypatch):
    monkeypatch.setattr("quotetrack.render._is_tty", lambda: True)
    last = idlib("list", "--limit", "2").stdout.strip().splitlines()[-1]
    assert last.startswith("2 of 26 statements shown"), last
    last = idlib("list", "--limit", "30").stdout.strip().splitlines()[-1]
    assert last.startswith("26 statements "), last


@pytest.mark.parametrize("args, lines", [
    (["list", "--limit", str(10**30)], 27),  # the header and 26 statements
    (["search", "soldiers", "--limit", str(10**30)], 3),
    (["export", "--limit", str(10**30)], 27),
    (["conflicts", "--limit", str(10**30), "--format", "csv"], 3),
    (["conflicts", "--window", str(10**30), "--format", "csv"], 3),
])
def test_a_limit_or_window_beyond_what_sqlite_counts_bounds_nothing(idlib, args, lines):
    result = idlib(*args, "--format", "csv") if args[0] in ("list", "search") else idlib(*args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == lines, result.stdout


# ---------------------------------------------------------------- 2. usage errors in one line

@pytest.mark.parametrize("args, fragments", [
    (["list", "--format", "xml"], ["invalid value for '--format'", "'xml'", "quotetrack list --help"]),
    (["conflicts", "--min-score", "2"], ["'--min-score'", "2.0"]),
    (["conflicts", "--min-score", "nan"], ["'--min-score'", "'nan' is not a number"]),
    (["conflicts", "--window", "-1"], ["'--window'", "-1"]),
    (["list", "--limit", "0"], ["'--limit'", "0"]),
    (["report"], ["missing option '--output'", "quotetrack report --help"]),
    (["import", "x.csv", "--format", "xml"], ["'--format'", "'xml'"]),
    (["conflicts", "confirm"], ["missing argument 'ID'", "quotetrack conflicts confirm --help"]),
    (["--bogus", "list"], ["no such option: --bogus"]),
])
def test_usage_errors_are_one_line_and_exit_2(run, db_path, args, fragments):
    assert_one_line_usage_error(run(*args), *fragments)
    assert not db_path.exists()  # nothing half-written


def test_usage_errors_name_the_help_to_read_when_run_as_python_m_quotetrack(db_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "quotetrack", "--db", str(db_path), "conflicts",
                           "--limit", "0"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("(see quotetrack conflicts --help)"), done.stderr


def test_help_is_unchanged_by_one_line_usage_errors(run):
    result = run("list", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: root list [OPTIONS]")


# ---------------------------------------------------------------- 3. --db after the command

def test_db_after_the_command_says_to_put_it_before(tmp_path):
    other = tmp_path / "t1.db"
    result = invoke(["list", "--db", str(other)])
    assert_one_line_usage_error(result, f"--db goes before the command: quotetrack --db {other} list")
    result = invoke(["conflicts", "confirm", f"--db={other}", "c1"])
    assert_one_line_usage_error(result, f"quotetrack --db {other} conflicts confirm")
    assert not other.exists()


# ---------------------------------------------------------------- 4. empty QUOTETRACK_DB

@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_quotetrack_db_is_an_error_not_the_default_database(tmp_path, value):
    result = invoke(["list"], env={"QUOTETRACK_DB": value})
    assert_one_line_error(result, "QUOTETRACK_DB", "is empty")
    assert not (tmp_path / "config").exists()  # the default database was not created


def test_db_given_overrides_an_empty_quotetrack_db(db_path):
    result = invoke(["--db", str(db_path), "info"], env={"QUOTETRACK_DB": ""})
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- 6. a note across decisions

def _first_conflict(run) -> str:
    import json

    return json.loads(run("conflicts", "--format", "json").stdout)[0]["id"]


def _note_of(run, conflict_id: str):
    import json

    return json.loads(run("conflicts", "show", conflict_id, "--format", "json").stdout)[0]["note"]


def test_a_new_decision_without_note_keeps_the_earlier_note_and_says_so(idlib):
    cid = _first_conflict(idlib)
    assert idlib("conflicts", "confirm", cid, "--note", "first").stdout == f"{cid} is now confirmed (note: first)\n"
    result = idlib("conflicts", "dismiss", cid)
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"{cid} is now dismissed; earlier note kept: 'first' "
                             "(use --note to replace it, --note '' to clear it)\n")
    assert _note_of(idlib, cid) == "first"


def test_reopen_without_note_keeps_the_note_instead_of_deleting_it(idlib):
    cid = _first_conflict(idlib)
    idlib("conflicts", "dismiss", cid, "--note", "same story, two wordings")
    result = idlib("conflicts", "reopen", cid)
    assert "is now open; earlier note kept: 'same story, two wordings'" in result.stdout
    assert _note_of(idlib, cid) == "same story, two wordings"
    assert cid in idlib("conflicts", "--format", "json").stdout  # open again


def test_a_note_is_replaced_or_cleared_only_when_asked(idlib):
    cid = _first_conflict(idlib)
    idlib("conflicts", "confirm", cid, "--note", "first")
    assert idlib("conflicts", "dismiss", cid, "--note", "second").stdout.endswith("(note: second)\n")
    assert idlib("conflicts", "confirm", cid, "--note", "").stdout == f"{cid} is now confirmed (note cleared)\n"
    assert not _note_of(idlib, cid)


# ---------------------------------------------------------------- 7. a reversed pick range

def test_a_reversed_pick_range_is_said_to_be_reversed():
    from quotetrack.proposals import parse_pick
    from quotetrack.errors import ValidationError

    with pytest.raises(ValidationError, match=r"'3-1' is a range written backwards \(write 1-3\)"):
        parse_pick("3-1", 4)
    with pytest.raises(ValidationError, match="not within 1-4"):
        parse_pick("2-9", 4)
    assert parse_pick("1,3-4", 4) == [0, 2, 3]


def test_extract_add_with_a_reversed_pick_stores_nothing(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('"We will respond," Hulusi Akar said.\n\n"It was a trap," Sergei Lavrov said.\n')
    result = run("extract", str(article), "--add", "--pick", "2-1", "-o", "Reuters", "-d", "2020")
    assert_one_line_error(result, "--pick", "backwards")
    assert "No statements" in run("list").stdout


# ---------------------------------------------------------------- 8. an id of the other kind

def test_show_with_a_conflict_id_points_at_conflicts_show(idlib):
    cid = _first_conflict(idlib)
    assert_one_line_error(idlib("show", cid), f"no statement with id '{cid}'",
                          f"quotetrack conflicts show {cid}")


def test_conflicts_show_with_a_statement_id_points_at_show(idlib):
    import json

    sid = json.loads(idlib("list", "--format", "json").stdout)[0]["id"]
    assert_one_line_error(idlib("conflicts", "show", sid), f"quotetrack show {sid}")


# ---------------------------------------------------------------- 9. export's file name

@pytest.mark.parametrize("name, args, fragment", [
    ("out.xlsx", [], "writes no .xlsx files"),
    ("out.xlsx", ["--format", "csv"], "writes no .xlsx files"),
    ("out.txt", [], "cannot tell the format of"),
    ("out", [], "use --format csv, json or jsonl"),
    ("out.json", ["--format", "csv"], "is named as json but --format is csv"),
])
def test_export_refuses_a_file_name_that_does_not_say_what_it_holds(idlib, tmp_path, name, args, fragment):
    target = tmp_path / name
    assert_one_line_error(idlib("export", "-o", str(target), *args), fragment)
    assert not target.exists()


def test_export_with_format_writes_any_other_extension(idlib, tmp_path):
    target = tmp_path / "statements.txt"
    result = idlib("export", "-o", str(target), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert len(target.read_text().splitlines()) == 26


def test_conflicts_to_a_spreadsheet_file_is_refused_before_detection_runs(idlib, tmp_path, db_path):
    import sqlite3

    assert_one_line_error(idlib("conflicts", "-o", str(tmp_path / "c.xlsx")), "writes no .xlsx files")
    assert not (tmp_path / "c.xlsx").exists()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 0


# ---------------------------------------------------------------- 10. quote and paraphrase

def test_quote_and_paraphrase_are_taken_as_the_kinds_and_stored_as_direct_and_indirect(run, tmp_path):
    import json

    assert run(*add_args("One.", "A", "B", "2020", "--kind", "paraphrase")).exit_code == 0
    assert run(*add_args("Two.", "A", "B", "2020", "-k", "Quote")).exit_code == 0
    path = tmp_path / "in.csv"
    path.write_text("text,speaker,outlet,date,kind\nThree.,A,B,2020,paraphrase\n", encoding="utf-8")
    assert run("import", str(path)).exit_code == 0

    def kinds(*filters):
        return {s["text"]: s["kind"] for s in json.loads(run("list", *filters, "--format", "json").stdout)}

    assert kinds() == {"One.": "indirect", "Two.": "direct", "Three.": "indirect"}
    assert set(kinds("--kind", "paraphrase")) == {"One.", "Three."}
    assert set(kinds("--kind", "quote")) == {"Two."}
    two = json.loads(run("search", "two", "--kind", "quote", "--format", "json").stdout)[0]["id"]
    assert run("edit", two, "--kind", "paraphrase").exit_code == 0
    assert kinds("--kind", "indirect").keys() == {"One.", "Two.", "Three."}


def test_an_unknown_kind_names_the_accepted_words(run, db_path):
    assert_one_line_error(run(*add_args("One.", "A", "B", "2020", "--kind", "rumour")),
                          "'rumour' is not a kind", "quote", "paraphrase")


# ---------------------------------------------------------------- 11. implausible dates

def _years_from_now(years: int) -> str:
    import datetime

    return f"{datetime.date.today().year + years:04d}-01-01"


@pytest.mark.parametrize("date, fragment", [
    ("3020-01-01", "more than a year in the future"),
    ("4 February 3020", "more than a year in the future"),
    ("0001-01-01", "before the year 1000"),
    ("0999", "before the year 1000"),
])
def test_an_implausible_date_is_refused_naming_the_field(run, date, fragment):
    assert_one_line_error(run(*add_args("One.", "A", "B", date)), f"date: '{date}'", fragment)
    assert "No statements" in run("list").stdout


def test_dates_within_a_year_from_now_and_old_ones_are_kept(run):
    import datetime

    soon = (datetime.date.today() + datetime.timedelta(days=300)).isoformat()
    for date in (soon, "1000", "1914-07-28"):
        assert run(*add_args(f"Said {date}.", "A", "B", date)).exit_code == 0


def test_import_reports_implausible_dates_with_file_and_line_and_writes_nothing(run, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(f"text,speaker,outlet,date\nOne.,A,B,{_years_from_now(3)}\nTwo.,A,B,2020\n"
                    "Three.,A,B,0001-01-01\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: date: '{_years_from_now(3)}' is more than a year in the future" in result.stderr
    assert f"{path}:4: date: '0001-01-01' is before the year 1000" in result.stderr
    assert "No statements" in run("list").stdout


def test_edit_refuses_an_implausible_date_and_filters_take_any_bound(run):
    added = run(*add_args("One.", "A", "B", "2020")).stdout.strip()
    assert_one_line_error(run("edit", added, "--date", "3020"), "date: '3020'", "future")
    listed = run("list", "--since", "0001", "--until", "9999", "--format", "csv").stdout
    assert added in listed and ",2020," in listed


# ---------------------------------------------------------------- 5. the README, followed in order

def _readme_commands(start: str, end: str) -> list[tuple[list[str], list[str]]]:
    """The `$ quotetrack ...` commands of one README section, each with the lines it shows."""
    import re
    import shlex

    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(start):readme.index(end)]
    found = []
    for block in re.findall(r"```text\n(.*?)```", section, re.S):
        for command, shown in re.findall(r"^\$ quotetrack (.*?(?:\\\n.*?)*)\n(.*?)(?=^\$ |\Z)", block, re.S | re.M):
            found.append((shlex.split(command.replace("\\\n", " ")),
                          [line for line in shown.strip().splitlines()]))
    return found


def test_the_speakers_examples_of_the_readme_work_in_order_on_the_bundled_story(idlib):
    commands = _readme_commands("### quotetrack speakers and outlets", "Commands, the same for")
    assert any(args[:2] == ["speakers", "merge"] for args, _ in commands)
    for args, shown in commands:
        result = idlib(*args)
        if shown and shown[0].startswith("Error: "):
            assert result.exit_code == 1 and result.stderr.strip() == shown[0], (args, result.output)
            continue
        assert result.exit_code == 0, (args, result.output)
        if len(shown) == 1:  # a one-line answer is shown as it is printed
            assert result.output.strip() == shown[0], (args, result.output)
