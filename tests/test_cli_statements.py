"""The everyday commands as a user runs them: add, list, show, search, edit, delete, info."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from helpers import add_args, assert_one_line_error, invoke


def added_id(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


# ---------------------------------------------------------------- add

def test_add_prints_only_the_new_id(run):
    result = run(*add_args())
    statement_id = added_id(result)
    assert statement_id.startswith("q") and len(statement_id) == 7
    assert run("show", statement_id).exit_code == 0


@pytest.mark.parametrize("missing, flag", [("--speaker", "speaker"), ("--outlet", "outlet"), ("--date", "date")])
def test_add_without_a_required_field_and_no_terminal_fails_naming_it(run, missing, flag):
    args = add_args()
    index = args.index(missing)
    del args[index:index + 2]
    result = run(*args)
    assert_one_line_error(result, flag, "required")
    assert run("list", "--format", "json").stdout == "[]\n"


def test_add_without_text_and_no_terminal_fails(run):
    result = run("add", "--speaker", "Akar", "--outlet", "Anadolu", "--date", "2020")
    assert_one_line_error(result, "text", "required")
    assert run("list", "--format", "json").stdout == "[]\n"


@pytest.fixture
def at_a_terminal(monkeypatch):
    """Standard input is a person at a terminal (CliRunner's input stands in for them)."""
    monkeypatch.setattr("quotetrack.commands.options.stdin_is_terminal", lambda: True)


def test_add_at_a_terminal_asks_each_missing_field_again_until_it_is_valid(run, at_a_terminal):
    answers = ["We will respond.", "   ", "Hulusi Akar", "Anadolu", "2020-02-31", "04/02/2020",
               "27/02/2020"]
    result = run("add", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "speaker: is empty" in result.stdout
    assert "'2020-02-31' is not a date" in result.stdout and "day-first or month-first" in result.stdout
    statement_id = result.stdout.strip().splitlines()[-1]
    record = json.loads(run("show", statement_id, "-f", "json").stdout)
    assert (record["text"], record["speaker"], record["outlet"], record["date"]) == (
        "We will respond.", "Hulusi Akar", "Anadolu", "2020-02-27")


def test_add_at_a_terminal_ended_with_ctrl_d_stores_nothing(run, at_a_terminal):
    result = run("add", "We will respond.", "--speaker", "Akar", input="Anadolu\n2020-13\n")
    assert result.exit_code == 1 and "Aborted" in result.output
    assert "Traceback" not in result.output
    assert run("list", "--format", "json").stdout == "[]\n"


def test_add_stores_every_field_given(run):
    statement_id = added_id(run(*add_args(), "--kind", "indirect", "--url", "https://example.org/a",
                                "--via", "NTV", "--topic", "idlib", "--tag", "military",
                                "--tag", "turkey", "--note", "from the wire", "--role", "Minister"))
    record = json.loads(run("show", statement_id, "-f", "json").stdout)
    assert {key: record[key] for key in ("text", "speaker", "outlet", "date", "kind", "url", "via",
                                         "topic", "tags", "notes", "role")} == {
        "text": "We will respond.", "speaker": "Hulusi Akar", "outlet": "Anadolu",
        "date": "2020-02-27", "kind": "indirect", "url": "https://example.org/a", "via": "NTV",
        "topic": "idlib", "tags": ["military", "turkey"], "notes": "from the wire",
        "role": "Minister"}


def test_add_takes_text_starting_with_a_dash_after_double_dash_as_the_readme_says(run):
    statement_id = added_id(run("add", "-s", "A", "-o", "B", "-d", "2020", "--", "-5 degrees"))
    assert json.loads(run("show", statement_id, "-f", "json").stdout)["text"] == "-5 degrees"


def test_add_dash_reads_the_text_from_standard_input(run):
    text = "Çok şiddetli bir karşılık\nvereceğiz, dedi."
    statement_id = added_id(run(*add_args("-"), input=text + "\n"))
    shown = json.loads(run("show", statement_id, "--format", "json").stdout)
    assert shown["text"] == text


def test_add_refuses_a_duplicate_naming_the_stored_id(run):
    first = added_id(run(*add_args()))
    result = run(*add_args())
    assert_one_line_error(result, first, "--force")
    assert [r["id"] for r in json.loads(run("list", "-f", "json").stdout)] == [first]
    second = added_id(run(*add_args(), "--force"))
    assert second != first


@pytest.mark.parametrize("args, fragment", [
    (add_args(text=""), "text"),
    (add_args(text="a\x00b"), "NUL"),
    (add_args(date="2020-02-31"), "'2020-02-31' is not a date"),
    (add_args() + ["--kind", "rumour"], "'rumour' is not a kind"),
])
def test_add_with_bad_input_fails_with_one_line_and_stores_nothing(run, args, fragment):
    assert_one_line_error(run(*args), fragment)
    assert run("list", "--format", "json").stdout == "[]\n"


@pytest.mark.parametrize("args, message", [
    (add_args("caf\udce9"), "text: is not valid UTF-8 text (byte 0xe9)"),
    (add_args(speaker="Akar\udcff"), "speaker: is not valid UTF-8 text (byte 0xff)"),
    (["list", "--topic", "\udcff"], "an argument is not valid UTF-8 text (byte 0xff)"),
    (["show", "q\udcff"], "an argument is not valid UTF-8 text (byte 0xff)"),
])
def test_an_argument_that_is_not_utf8_fails_with_one_line(run, args, message):
    """Python reads bytes that are not UTF-8 in sys.argv as lone surrogates U+DC80..U+DCFF."""
    assert_one_line_error(run(*args), message)


def test_add_keeps_unicode_exactly_in_every_output(run):
    text = "قال أردوغان: Çok şiddetli — İyi, ığdır, Мы ответим 🇹🇷"
    statement_id = added_id(run(*add_args(text, speaker="Recep Tayyip Erdoğan")))
    assert json.loads(run("show", statement_id, "-f", "json").stdout)["text"] == text
    assert text in run("show", statement_id).stdout
    assert text in run("list").stdout


# ---------------------------------------------------------------- list, show, search

def test_list_as_json_gives_objects_with_named_keys(run):
    statement_id = added_id(run(*add_args(), "--tag", "military", "--tag", "Turkey"))
    [record] = json.loads(run("list", "--format", "json").stdout)
    assert record["id"] == statement_id
    assert record["speaker"] == "Hulusi Akar" and record["tags"] == ["military", "Turkey"]
    assert set(record) >= {"text", "kind", "outlet", "via", "date", "url", "topic", "notes", "added_at"}


def test_list_as_csv_has_a_header_and_one_row_per_statement(run):
    run(*add_args("Hello, \"world\""))
    run(*add_args("Second", date="2020-02-28"))
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv").stdout)))
    assert [row["text"] for row in rows] == ['Hello, "world"', "Second"]


def test_list_filters_by_speaker_and_date(run):
    run(*add_args("One", speaker="Hulusi Akar", date="2020-02-27"))
    run(*add_args("Two", speaker="Sergey Lavrov", date="2020-03-05"))
    rows = json.loads(run("list", "-f", "json", "--since", "2020-03").stdout)
    assert [r["text"] for r in rows] == ["Two"]
    rows = json.loads(run("list", "-f", "json", "--speaker", "akar").stdout)
    assert [r["text"] for r in rows] == ["One"]


def test_list_and_search_filter_by_outlet_topic_tag_kind_and_until(run):
    run(*add_args("Troops one", "Akar", "Anadolu", "2020-02-27", "--topic", "idlib",
                  "--tag", "military"))
    run(*add_args("Troops two", "Akar", "TASS", "2020-03-05", "--kind", "indirect",
                  "--tag", "military", "--tag", "russia"))
    run(*add_args("Troops three", "Akar", "Reuters", "2020-04-01", "--via", "TASS"))

    def texts(*args):
        result = run(*args, "-f", "json")
        assert result.exit_code == 0, result.output
        return sorted(r["text"] for r in json.loads(result.stdout))

    assert texts("list", "--outlet", "tass") == ["Troops three", "Troops two"]  # outlet or relay
    assert texts("list", "--topic", "IDLIB") == ["Troops one"]
    assert texts("list", "--tag", "military") == ["Troops one", "Troops two"]
    assert texts("list", "--tag", "military", "--tag", "russia") == ["Troops two"]
    assert texts("list", "--kind", "paraphrase") == ["Troops two"]
    assert texts("list", "--until", "2020-03") == ["Troops one", "Troops two"]
    assert texts("search", "troops", "--kind", "direct") == ["Troops one", "Troops three"]
    assert texts("search", "troops", "--tag", "russia", "--outlet", "tass") == ["Troops two"]


def test_list_with_a_bad_filter_date_fails_with_one_line(run):
    assert_one_line_error(run("list", "--since", "2020-02-31"), "--since")


def test_list_in_a_pipe_is_one_line_per_statement(run):
    run(*add_args("First line\nsecond line"))
    lines = run("list").stdout.splitlines()
    assert lines[0].split("\t")[0] == "id" and len(lines) == 2
    assert lines[1].endswith("First line second line")


def test_show_unknown_id_fails_with_one_line(run):
    assert_one_line_error(run("show", "qzzzzzz"), "qzzzzzz")


def test_search_finds_and_marks_the_matching_words(run):
    run(*add_args("A ceasefire in Idlib starts at midnight."))
    run(*add_args("Troops moved.", date="2020-02-28"))
    result = run("search", "ceasefire")
    assert result.exit_code == 0
    assert "[ceasefire]" in result.stdout and "Troops" not in result.stdout


# ---------------------------------------------------------------- edit and delete

def test_edit_changes_a_field_and_keeps_the_id(run):
    statement_id = added_id(run(*add_args()))
    assert run("edit", statement_id, "--kind", "indirect", "--via", "NTV").exit_code == 0
    record = json.loads(run("show", statement_id, "-f", "json").stdout)
    assert (record["id"], record["kind"], record["via"]) == (statement_id, "indirect", "NTV")
    assert record["speaker"] == "Hulusi Akar" and record["text"] == "We will respond."  # kept
    assert run("edit", statement_id, "--role", "Defence Minister", "--topic", "idlib").exit_code == 0
    record = json.loads(run("show", statement_id, "-f", "json").stdout)
    assert (record["role"], record["topic"]) == ("Defence Minister", "idlib")


def test_edit_replaces_the_tags_and_an_empty_value_clears_a_field(run):
    statement_id = added_id(run(*add_args(), "--tag", "a", "--url", "https://example.org/x"))
    assert run("edit", statement_id, "--tag", "b", "--tag", "c").exit_code == 0
    assert json.loads(run("show", statement_id, "-f", "json").stdout)["tags"] == ["b", "c"]
    assert run("edit", statement_id, "--tag", "", "--url", "").exit_code == 0
    record = json.loads(run("show", statement_id, "-f", "json").stdout)
    assert (record["tags"], record["url"]) == ([], None)


def test_edit_with_a_bad_date_fails_and_changes_nothing(run):
    statement_id = added_id(run(*add_args()))
    assert_one_line_error(run("edit", statement_id, "--date", "2020-02-31"), "not a date")
    assert json.loads(run("show", statement_id, "-f", "json").stdout)["date"] == "2020-02-27"


@pytest.mark.parametrize("field", ["--text", "--kind", "--speaker", "--outlet", "--date"])
def test_edit_to_an_empty_required_field_fails_and_changes_nothing(run, field):
    statement_id = added_id(run(*add_args()))
    before = run("show", statement_id, "-f", "json").stdout
    assert_one_line_error(run("edit", statement_id, field, ""), f"{field[2:]}: is empty")
    assert run("show", statement_id, "-f", "json").stdout == before


def test_add_with_an_empty_kind_fails(run):
    assert_one_line_error(run(*add_args(), "--kind", ""), "kind: is empty")


def test_edit_into_a_duplicate_says_how_to_edit_anyway(run):
    first = added_id(run(*add_args("One.")))
    second = added_id(run(*add_args("Two.")))
    result = run("edit", second, "--text", "one.")
    assert_one_line_error(result, first, "edit it anyway")
    assert "add it again" not in result.stderr


def test_edit_shows_the_statement_with_its_conflicts_as_they_now_are(run, conflict_db):
    (notified, denied), conflict = conflict_db
    run("conflicts", "dismiss", conflict, "--note", "two events")
    [listed] = json.loads(run("show", notified, "-f", "json").stdout)["conflicts"]
    assert (listed["id"], listed["status"], listed["note"]) == (conflict, "dismissed", "two events")
    result = run("edit", notified, "--note", "checked")  # detection reads no notes
    assert result.exit_code == 0 and "checked" in result.stdout and conflict in result.stdout
    result = run("edit", notified, "--text", NOTIFIED[0] + " province")
    assert result.exit_code == 0
    assert notified in result.stdout and "province" in result.stdout
    assert conflict not in result.stdout
    shown = json.loads(run("show", notified, "-f", "json").stdout)
    assert shown["conflicts"] == []
    assert conflict not in run("show", denied).stdout
    # The next run finds the pair again, with the decision taken before the edit.
    [found] = json.loads(run("conflicts", "--status", "all", "-f", "json").stdout)
    assert (found["id"], found["status"], found["note"]) == (conflict, "dismissed", "two events")


def test_delete_with_yes_removes_the_statement(run):
    statement_id = added_id(run(*add_args()))
    result = run("delete", statement_id, "--yes")
    assert result.exit_code == 0 and statement_id in result.stdout
    assert_one_line_error(run("show", statement_id), statement_id)


def test_delete_without_yes_and_no_terminal_deletes_nothing(run):
    statement_id = added_id(run(*add_args()))
    assert_one_line_error(run("delete", statement_id), "--yes")
    assert run("show", statement_id).exit_code == 0


def test_delete_unknown_id_fails_with_one_line(run):
    assert_one_line_error(run("delete", "qzzzzzz", "--yes"), "qzzzzzz")


# ---------------------------------------------------------------- the database file

def test_db_pointing_at_a_folder_fails_with_one_line(tmp_path):
    result = invoke(["--db", str(tmp_path), *add_args()])
    assert_one_line_error(result, "folder")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"text,speaker\nnot a database\n", b"\x00" * 4096, b"SQLite format 2\x00junk"])
def test_db_that_is_not_sqlite_fails_and_the_file_is_left_byte_identical(tmp_path, content):
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    for args in (add_args(), ["list"], ["info"], ["import", "-", "-f", "csv"]):
        result = invoke(["--db", str(path), *args], input="text,speaker,outlet,date\n")
        assert_one_line_error(result, str(path), "not")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.csv"]


def test_db_in_a_missing_folder_is_created_with_its_folder(tmp_path):
    path = tmp_path / "new" / "deeper" / "story.db"
    added_id(invoke(["--db", str(path), *add_args()]))
    assert path.is_file()


def test_quotetrack_db_environment_variable_chooses_the_database(tmp_path):
    path = tmp_path / "from-env.db"
    env = {"QUOTETRACK_DB": str(path)}
    statement_id = added_id(invoke(add_args(), env=env))
    assert path.is_file()
    assert statement_id in invoke(["list"], env=env).stdout
    assert str(path) in invoke(["info"], env=env).stdout


def test_without_db_or_environment_the_database_lives_in_the_app_folder(tmp_path):
    added_id(invoke(add_args()))
    assert (tmp_path / "config" / "quotetrack" / "quotetrack.db").is_file()


def test_info_shows_path_schema_and_counts(run, db_path):
    run(*add_args("One", speaker="Hulusi Akar", outlet="Anadolu"))
    run(*add_args("Two", speaker="Sergey Lavrov", outlet="TASS", date="2020-03-05"))
    run(*add_args("Three", speaker="Sergey Lavrov", outlet="Reuters", date="2020-03-06"))
    fields = dict(line.split(None, 1) for line in run("info").stdout.splitlines() if line.strip())
    assert fields["database"].strip() == str(db_path)
    assert fields["statements"].strip() == "3"
    assert fields["speakers"].strip() == "2"
    assert fields["outlets"].strip() == "3"
    version, _, latest = fields["schema"].strip().split()
    assert version == latest


# ---------------------------------------------------------------- start-up path

# The other commands' modules are imported only when one of their commands runs; pydantic comes
# with typer 0.29, which pyproject.toml keeps out for that reason.
_HEAVY = ("sqlite_utils", "rich", "rapidfuzz", "numpy", "dateutil", "quotetrack.extract", "trafilatura",
          "lxml", "pydantic", "quotetrack.conflicts", "quotetrack.commands.io",
          "quotetrack.commands.conflicts", "quotetrack.commands.identities",
          "quotetrack.commands.report", "quotetrack.commands.extract",
          # the library modules only other commands need
          "quotetrack.render", "quotetrack.export", "quotetrack.importer", "quotetrack.proposals",
          "quotetrack.report", "quotetrack.serve")  # matching is add's, for a name not yet known
_ADD_AND_REPORT = """
import atexit, sys
atexit.register(lambda: print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr))
sys.argv = ["quotetrack", "--db", sys.argv[1], "add", "We will respond.", "--speaker", "Akar",
            "--outlet", "Anadolu", "--date", "2020-02-27"]
from quotetrack.cli import main
main()
"""


def test_add_on_an_existing_database_loads_no_heavy_module(db_path):
    import subprocess
    import sys

    from quotetrack.db import open_db

    open_db(db_path).close()  # a new database's first use builds the schema with sqlite-utils
    done = subprocess.run([sys.executable, "-c", _ADD_AND_REPORT.format(heavy=_HEAVY), str(db_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[]"


def test_the_root_imports_each_command_from_the_module_that_registers_it():
    import pkgutil
    from importlib import import_module

    import quotetrack.commands
    from quotetrack import cli

    modules = [info.name for info in pkgutil.iter_modules(quotetrack.commands.__path__)]
    with_commands = {name for name in modules
                     if hasattr(import_module(f"quotetrack.commands.{name}"), "register")}
    assert set(cli._COMMAND_MODULES.values()) == with_commands
    for module in with_commands:
        listed = {name for name, owner in cli._COMMAND_MODULES.items() if owner == module}
        assert set(cli._module_commands(module)) == listed, module


def test_root_help_lists_every_command_once_in_order(run):
    from quotetrack.cli import _COMMAND_MODULES

    listing = run("--help").stdout.split("Commands:")[1]
    assert [line.split()[0] for line in listing.splitlines() if line.strip()] == list(_COMMAND_MODULES)


def test_a_mistyped_command_gets_a_suggestion(run):
    result = run("ad", "x")
    assert result.exit_code == 2
    assert result.stderr == "Error: no such command 'ad'. Did you mean 'add'? (see quotetrack --help)\n"


def test_a_new_database_gets_every_schema_step_once(db_path):
    from quotetrack.db import open_db
    from quotetrack.migrations import latest_version, migrations, schema_version

    db = open_db(db_path)
    assert schema_version(db) == latest_version() > 0
    assert migrations.build().pending(db.utils) == []
    db.close()
    db = open_db(db_path)
    assert schema_version(db) == latest_version()
    db.close()


# ---------------------------------------------------------------- read-only and foreign databases

NOTIFIED = ("The attack came despite a prior notification by Turkey of its troops' coordinates "
            "in Idlib", "Mevlut Cavusoglu")
NOT_NOTIFIED = ("Turkey failed to notify the Russian military about troop movements overnight",
                "Russia")


@pytest.fixture(scope="module")
def _conflict_template(tmp_path_factory):
    """A database holding two statements in conflict, detected: built once, copied per test."""
    path = tmp_path_factory.mktemp("template") / "story.db"
    ids = []
    for text, speaker in (NOTIFIED, NOT_NOTIFIED):
        ids.append(added_id(invoke(["--db", str(path), *add_args(text, speaker, "Haaretz", "2020-02-04")])))
    [conflict] = json.loads(invoke(["--db", str(path), "conflicts", "-f", "json"]).stdout)
    return path, ids, conflict["id"]


@pytest.fixture
def conflict_db(_conflict_template, db_path):
    """(statement ids, conflict id), with this test's database holding them."""
    template, ids, conflict = _conflict_template
    db_path.write_bytes(template.read_bytes())
    return ids, conflict


def _writes(ids, conflict, tmp_path):
    csv_file = tmp_path / "more.csv"
    csv_file.write_text("text,speaker,outlet,date\nMore words,Akar,Anadolu,2020-02-05\n", encoding="utf-8")
    return [
        add_args(),
        ["import", str(csv_file)],
        ["edit", ids[0], "--text", "Turkey did notify Russia"],
        ["delete", ids[0], "--yes"],
        ["conflicts", "confirm", conflict],
        ["conflicts", "--rescan"],
        ["speakers", "rename", "Russia", "Russian Federation"],
        ["speakers", "merge", "Russia", "Mevlut Cavusoglu"],
        ["outlets", "alias", "Haaretz", "Haaretz English"],
    ]


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def _assert_every_write_is_refused_and_reads_work(run, db_path, ids, conflict):
    before = db_path.read_bytes()
    files = _files(db_path.parent)
    for args in _writes(ids, conflict, db_path.parent / "input"):
        assert_one_line_error(run(*args), str(db_path), "read-only", "nothing was changed")
    assert db_path.read_bytes() == before
    assert _files(db_path.parent) == files  # no -wal or -shm left behind
    # Reading works, and `conflicts` with nothing new to analyse lists what is stored.
    assert conflict in run("conflicts").stdout
    assert ids[0] in run("list").stdout
    assert conflict in run("show", ids[0]).stdout
    assert run("info").exit_code == 0
    assert db_path.read_bytes() == before and _files(db_path.parent) == files


@pytest.mark.parametrize("why", ["the file cannot be written", "its folder cannot be written"])
def test_a_read_only_database_can_be_read_and_every_write_is_refused_in_one_line(
        run, db_path, conflict_db, monkeypatch, why):
    ids, conflict = conflict_db
    (db_path.parent / "input").mkdir()
    monkeypatch.setattr("quotetrack.db._why_read_only", lambda path: why)
    _assert_every_write_is_refused_and_reads_work(run, db_path, ids, conflict)
    assert why in run(*add_args()).stderr


def test_a_write_sqlite_refuses_midway_is_rolled_back_and_reported_in_one_line(
        run, db_path, conflict_db, monkeypatch):
    """The file looks writable but SQLite refuses the writes (as with `chattr +i` seen late)."""
    import quotetrack.db

    ids, conflict = conflict_db
    (db_path.parent / "input").mkdir()
    connect = quotetrack.db._connect

    def refusing(path):
        conn = connect(path)
        conn.execute("PRAGMA query_only = ON")  # every write fails as on a read-only file
        return conn

    monkeypatch.setattr(quotetrack.db, "_connect", refusing)
    _assert_every_write_is_refused_and_reads_work(run, db_path, ids, conflict)


def test_a_read_only_database_from_before_the_folded_search_index_is_read_as_it_is(
        run, db_path, monkeypatch):
    from quotetrack.db import open_db
    from quotetrack.migrations import migrations
    from quotetrack.store import add_statement

    old = open_db(db_path, migrate=False)
    migrations.build().apply(old.utils, stop_before="0004_search_folds")
    statement = add_statement(old, text="Vali açıkladı.", speaker="Akar", outlet="AA", date="2020")
    old.close()
    monkeypatch.setattr("quotetrack.db._why_read_only", lambda path: "the file cannot be written")
    assert "3 of 4" in run("info").stdout
    assert statement.id in run("list").stdout
    assert statement.id in run("search", "açıkladı").stdout  # the query is not folded either
    assert_one_line_error(run(*add_args()), "read-only")


def test_on_a_read_only_database_no_question_is_asked_before_the_refusal(
        run, db_path, conflict_db, monkeypatch, at_a_terminal):
    ids, _ = conflict_db
    monkeypatch.setattr("quotetrack.db._why_read_only", lambda path: "the file cannot be written")
    result = run("delete", ids[0], input="y\n")
    assert_one_line_error(result, "read-only")
    assert "Delete" not in result.stdout


def _chattr(flag, *paths):
    import subprocess

    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_really_read_only_database_or_folder(run, db_path, conflict_db, tmp_path, what):
    """chmod for a user, chattr +i for root (who writes through any chmod)."""
    import shutil

    ids, conflict = conflict_db
    (tmp_path / "input").mkdir()
    target = db_path if what == "file" else tmp_path
    if os.geteuid() != 0:
        target.chmod(0o444 if what == "file" else 0o555)
        undo = lambda: target.chmod(0o644 if what == "file" else 0o755)  # noqa: E731
    elif shutil.which("chattr") and _chattr("+i", target):
        undo = lambda: _chattr("-i", target)  # noqa: E731
    else:
        pytest.skip("root, and chattr +i is not available here")
    try:
        _assert_every_write_is_refused_and_reads_work(run, db_path, ids, conflict)
    finally:
        undo()


@pytest.mark.parametrize("journal", ["delete", "wal"])
@pytest.mark.parametrize("schema", [
    "CREATE TABLE foo (x); INSERT INTO foo VALUES (1);",
    "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT);"
    "INSERT INTO _sqlite_migrations VALUES ('photos', '0001_init', '2020');",
])
def test_an_sqlite_database_of_another_program_is_refused_and_left_byte_identical(tmp_path, journal, schema):
    import sqlite3

    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.executescript(schema)
    conn.commit()
    conn.close()
    content = path.read_bytes()
    for args in (["info"], ["list"], add_args(), ["import", "-", "-f", "csv"], ["conflicts"]):
        result = invoke(["--db", str(path), *args], input="text,speaker,outlet,date\n")
        assert_one_line_error(result, str(path), "SQLite database of another program", "left untouched")
    assert path.read_bytes() == content
    assert _files(tmp_path) == ["other.db"]


def test_an_empty_sqlite_database_is_set_up(tmp_path):
    import sqlite3

    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # writes a header, no tables
    conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    added_id(invoke(["--db", str(path), *add_args()]))
    assert "statements  1" in invoke(["--db", str(path), "info"]).stdout



def test_an_empty_db_option_is_an_error(tmp_path):
    result = invoke(["--db", "", *add_args()])
    assert_one_line_error(result, "--db: is empty")
