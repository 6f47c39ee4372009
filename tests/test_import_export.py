"""import and export: files in and out, all or nothing, and back again unchanged."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import add_args, invoke
from quotetrack.db import open_db
from quotetrack.errors import FileError, ImportProblems
from quotetrack.export import atomic_output, escape_cell, unescape_cell, write_statements
from quotetrack.importer import import_path, import_statements
from quotetrack.store import add_statement, counts, list_statements

HEADER = "text,speaker,outlet,date"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def export_bytes(db, fmt: str) -> bytes:
    out = io.StringIO(newline="")
    write_statements(list_statements(db), fmt, out)
    return out.getvalue().encode("utf-8")


def problems_importing(db, path: Path) -> list[str]:
    """Import a file that must be refused; the problems listed, and nothing may be stored."""
    before = counts(db).statements
    with pytest.raises(ImportProblems) as caught:
        import_path(db, path)
    assert counts(db).statements == before
    return caught.value.problems


# ---------------------------------------------------------------- reading the three formats

def test_import_csv_reports_how_many_were_imported(run, tmp_path):
    path = write(tmp_path, "story.csv", f"{HEADER}\nWe will respond.,Hulusi Akar,Anadolu,2020-02-27\n"
                                         "Russia respects the deal.,Sergey Lavrov,TASS,2020-03\n")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Imported 2 statements from {path}.\n"
    assert [r["speaker"] for r in json.loads(run("list", "-f", "json").stdout)] == [
        "Hulusi Akar", "Sergey Lavrov"]


def test_import_json_array_and_json_lines_by_extension(run, tmp_path):
    record = {"text": "We will respond.", "speaker": "Hulusi Akar", "outlet": "Anadolu",
              "date": "2020-02-27", "tags": ["military", "Turkey"], "via": None}
    array = write(tmp_path, "a.json", json.dumps([record], indent=2))
    lines = write(tmp_path, "b.ndjson", json.dumps({**record, "outlet": "TRT"}) + "\n")
    assert "Imported 1 statement from" in run("import", str(array)).stdout
    assert "Imported 1 statement from" in run("import", str(lines)).stdout
    rows = json.loads(run("list", "-f", "json").stdout)
    assert [(r["outlet"], r["tags"], r["via"]) for r in rows] == [
        ("Anadolu", ["military", "Turkey"], None), ("TRT", ["military", "Turkey"], None)]


def test_import_from_standard_input_needs_a_format(run):
    data = f"{HEADER}\nWe will respond.,Hulusi Akar,Anadolu,2020-02-27\n"
    result = run("import", "-", input=data)
    assert result.exit_code == 1 and "--format" in result.stderr
    result = run("import", "-", "--format", "csv", input=data)
    assert result.stdout == "Imported 1 statement from <stdin>.\n"


def test_format_option_overrides_the_extension(run, tmp_path):
    path = write(tmp_path, "statements.txt", '{"text": "x", "speaker": "S", "outlet": "O", "date": "2020"}\n')
    assert run("import", str(path)).exit_code == 1
    assert run("import", str(path), "--format", "jsonl").exit_code == 0


def test_header_names_ignore_case_spaces_and_accept_tag_and_note(db, tmp_path):
    path = write(tmp_path, "s.csv", " Text ,SPEAKER, Outlet,Date ,Tag,Note\n"
                                    "We will respond.,Akar,Anadolu,2020,military; Turkey,checked\n")
    import_path(db, path)
    [statement] = list_statements(db)
    assert (statement.tags, statement.notes) == (("military", "Turkey"), "checked")


def test_optional_columns_may_be_left_out_or_empty(db, tmp_path):
    path = write(tmp_path, "s.csv", f"{HEADER},kind,url,via,topic,tags,notes\n"
                                    "Words.,Akar,Anadolu,2020,,,,,,\n")
    import_path(db, path)
    [statement] = list_statements(db)
    assert (statement.kind, statement.url, statement.via, statement.tags) == ("direct", None, None, ())


def test_bom_crlf_quoted_newlines_and_commas_are_read_exactly(db, tmp_path):
    content = ('\ufeff' + HEADER + '\r\n'
               '"He said, ""we will respond""\r\nand left.",Hulusi Akar,Anadolu,2020-02-27\r\n'
               '"one\nline feed, one\rcarriage return",Akar,Anadolu,2020-02-28\r\n')
    import_path(db, write(tmp_path, "excel.csv", content))
    texts = [s.text for s in list_statements(db)]
    assert texts == ['He said, "we will respond"\r\nand left.', "one\nline feed, one\rcarriage return"]


def test_json_tags_may_be_a_list_or_a_string_and_null_means_empty(db, tmp_path):
    records = [
        {"text": "a", "speaker": "S", "outlet": "O", "date": "2020", "tags": ["x", "y"]},
        {"text": "b", "speaker": "S", "outlet": "O", "date": "2020", "tags": "x; y"},
        {"text": "c", "speaker": "S", "outlet": "O", "date": "2020", "tags": None, "url": None},
    ]
    import_path(db, write(tmp_path, "t.json", json.dumps(records)))
    assert [s.tags for s in list_statements(db)] == [("x", "y"), ("x", "y"), ()]


def test_a_one_megabyte_text_imports_from_csv(db, tmp_path):
    text = "Şiddetli, \"çok\" şiddetli.\n" * 40_000
    assert len(text) > 1_000_000
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([HEADER.split(","), [text, "Akar", "Anadolu", "2020"]])
    import_path(db, write(tmp_path, "big.csv", buffer.getvalue()))
    assert list_statements(db)[0].text == text


def test_a_row_of_bare_commas_and_blank_lines_are_skipped(db, tmp_path):
    path = write(tmp_path, "s.csv", f"\n{HEADER}\n\nWords.,Akar,Anadolu,2020\n,,,\n\n")
    assert import_path(db, path).added == 1


# ---------------------------------------------------------------- all or nothing

def test_bad_rows_are_all_listed_with_file_line_and_field_and_nothing_is_written(db, tmp_path):
    add_statement(db, text="Already here.", speaker="S", outlet="O", date="2020")
    content = (f"{HEADER},kind\n"
               "Fine.,Akar,Anadolu,2020-02-27,direct\n"
               '"Two\nlines, bad date",Akar,Anadolu,2020-02-31,direct\n'
               ",,Anadolu,2020,rumour\n"
               "Also fine.,Lavrov,TASS,2020-03,indirect\n")
    path = write(tmp_path, "bad.csv", content)
    problems = problems_importing(db, path)
    assert problems == [
        f"{path}:3: date: '2020-02-31' is not a date",
        f"{path}:5: text: is empty",
        f"{path}:5: kind: 'rumour' is not a kind; use direct (or quote) or indirect (or paraphrase)",
        f"{path}:5: speaker: is empty",
    ]
    assert [s.text for s in list_statements(db)] == ["Already here."]


def test_cli_import_of_a_bad_file_exits_1_listing_the_problems_and_writes_nothing(run, tmp_path):
    path = write(tmp_path, "bad.csv", f"{HEADER}\nFine.,Akar,Anadolu,2020\nBad.,Akar,Anadolu,2020-02-31\n")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 1 problem found, nothing imported:",
        f"{path}:3: date: '2020-02-31' is not a date",
    ]
    assert "No statements" in run("list").stdout


def test_at_most_twenty_problems_are_shown_then_a_count(run, tmp_path):
    rows = "".join(f"Words {n}.,Akar,Anadolu,2020-02-3{n % 2}x\n" for n in range(25))
    result = run("import", str(write(tmp_path, "many.csv", HEADER + "\n" + rows)))
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: 25 problems found, nothing imported:"
    assert len(lines) == 22 and lines[-1] == "... and 5 more problems"
    assert lines[1].startswith(f"{tmp_path / 'many.csv'}:2: date:")


def test_unknown_column_is_named_with_a_suggestion_and_rows_are_still_checked(db, tmp_path):
    path = write(tmp_path, "typo.csv", f"{HEADER},speakr,colour\nWords.,Akar,Anadolu,2020-13,x,red\n")
    problems = problems_importing(db, path)
    assert problems[0] == f"{path}:1: 'speakr' is not a statement field (did you mean 'speaker'?)"
    assert problems[1].startswith(f"{path}:1: 'colour' is not a statement field; known: id, text")
    assert problems[2] == f"{path}:2: date: '2020-13' is not a date"
    assert counts(db).statements == 0


def test_missing_required_column_is_reported_once(db, tmp_path):
    path = write(tmp_path, "s.csv", "text,outlet,date\nWords.,Anadolu,2020\nMore.,Anadolu,2020\n")
    problems = problems_importing(db, path)
    assert problems == [f"{path}:1: speaker: required column is missing"]


def test_a_row_with_more_cells_than_the_header_is_a_problem(db, tmp_path):
    path = write(tmp_path, "s.csv", f"{HEADER}\nWe will respond, he said.,Akar,Anadolu,2020\n")
    problems = problems_importing(db, path)
    assert "s.csv:2: row has 5 cells but the header has 4 columns" in problems[0]


def test_json_problems_name_the_line_each_object_starts_on(db, tmp_path):
    content = ('[\n'
               '  {"text": "Fine.", "speaker": "S", "outlet": "O", "date": "2020"},\n'
               '  {\n    "text": 42,\n    "speaker": "S", "outlet": "O", "date": "2020-02-31"\n  },\n'
               '  "just a string",\n'
               '  {"text": "x", "speaker": "S", "outlet": "O", "date": "2020", "tags": ["a", 1]}\n'
               ']\n')
    path = write(tmp_path, "s.json", content)
    problems = problems_importing(db, path)
    assert problems == [
        f"{path}:3: text: must be a JSON string, not a number",
        f"{path}:3: date: '2020-02-31' is not a date",
        f"{path}:7: item 3 is not an object with named fields",
        f"{path}:8: tags: 1 is not text",
    ]


def test_json_lines_problems_name_their_line(db, tmp_path):
    good = json.dumps({"text": "a", "speaker": "S", "outlet": "O", "date": "2020"})
    bad = json.dumps({"text": "a\u0000b", "speaker": "S", "outlet": "O", "date": "2020"})
    path = write(tmp_path, "s.jsonl", f"{good}\r\n\r\n{bad}\r\n")
    problems = problems_importing(db, path)
    assert problems == [f"{path}:3: text: contains a NUL byte"]


def test_a_key_given_twice_in_a_json_object_is_a_problem(db, tmp_path):
    content = ('[\n  {"text": "First.", "speaker": "S", "outlet": "O", "date": "2020"},\n'
               '  {"text": "Kept?", "speaker": "S", "outlet": "O", "date": "2020",\n'
               '   "text": "Or this?"}\n]\n')
    path = write(tmp_path, "s.json", content)
    assert problems_importing(db, path) == [f"{path}:3: text: given twice"]
    lines = write(tmp_path, "s.jsonl", '{"text": "a", "speaker": "S", "outlet": "O", "date": "2020", "date": "2021"}\n')
    assert problems_importing(db, lines) == [f"{lines}:1: date: given twice"]


@pytest.mark.parametrize("name, content, where", [
    ("s.json", "[" * 100_000, ":1:2:"),
    ("s.json", '[{"text": ' + "[" * 100_000 + "}]", ":1:2:"),
    ("s.jsonl", "[" * 100_000, ":1:"),
])
def test_json_nested_too_deeply_is_a_file_error_and_writes_nothing(db, tmp_path, name, content, where):
    path = write(tmp_path, name, content)
    with pytest.raises(FileError, match="nested too deeply") as caught:
        import_path(db, path)
    assert f"{path}{where}" in str(caught.value) and "\n" not in str(caught.value)
    assert counts(db).statements == 0


def test_bad_export_columns_are_problems(db, tmp_path):
    path = write(tmp_path, "s.csv", f"id,{HEADER},added_at\nX1,Words.,S,O,2020,yesterday\n")
    problems = problems_importing(db, path)
    assert [p.split(": ")[1] for p in problems] == ["id", "added_at"]


# ---------------------------------------------------------------- files that are not statements

@pytest.mark.parametrize("name, content, message", [
    ("empty.csv", b"", "empty.csv is empty"),
    ("blank.json", b" \r\n\n", "blank.json is empty"),
    ("bom.csv", b"\xef\xbb\xbf", "bom.csv is empty"),
    ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.csv:1: not UTF-8 text (byte 0x89)"),
    ("latin1.csv", (HEADER + "\nCaf\xe9,S,O,2020\n").encode("latin-1"), "latin1.csv:2: not UTF-8 text (byte 0xe9)"),
    ("nul.csv", (HEADER + "\n\nA\x00,S,O,2020\n").encode(), "nul.csv:3: holds a NUL byte"),
    ("utf16.csv", HEADER.encode("utf-16"), "utf16.csv is UTF-16 text"),
    ("broken.json", b'[\n  {"text": "a",}\n]', "broken.json:2:16: not valid JSON (Expecting property name"),
    ("object.json", b'{"text": "a"}\n{"text": "b"}\n', "object.json:1:1: expected a JSON array of statements (one object per line"),
    ("extra.json", b'[]\n[]', "extra.json:2:1: not valid JSON (extra data"),
    ("broken.jsonl", b'{"text": "a"}\n{"text": \n', "broken.jsonl:2:10: not valid JSON"),
    ("open-quote.csv", b'text,speaker,outlet,date\nfine,S,O,2020\n"never closed,S,O,2020\nmore,S,O,2020\n',
     "open-quote.csv:3: not valid CSV (unexpected end of data); is a quote left open?"),
    ("stray.csv", b'text,speaker,outlet,date\n"closed"then more,S,O,2020\n', "stray.csv:2: not valid CSV"),
    ("prose.csv", b"Dear editor,\nplease find attached\n", "prose.csv:1: the first row ('Dear editor'...) names none"),
    ("semicolons.csv", b"text;speaker;outlet;date\na;b;c;2020\n", "semicolons.csv:1: columns are separated by ';'"),
])
def test_a_file_that_is_not_statements_is_one_clear_line(run, tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path}/{message}")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("target, message", [
    ("missing.csv", "missing.csv does not exist"),
    (".", "is a folder, not a file"),
    ("notes.txt", "cannot tell the format of"),
])
def test_missing_folder_or_unknown_extension_is_one_clear_line(run, tmp_path, target, message):
    (tmp_path / "notes.txt").write_text("x")
    result = run("import", str(tmp_path / target))
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert message in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_device_is_refused_as_not_a_regular_file(run):
    result = run("import", "/dev/null", "--format", "csv")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "/dev/null is not a regular file; give a file, or '-'" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(run, tmp_path):
    import signal

    pipe = tmp_path / "feed.csv"
    os.mkfifo(pipe)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("import waited on the pipe"))
    signal.alarm(10)
    try:
        result = run("import", str(pipe))
    finally:
        signal.alarm(0)
    assert result.exit_code == 1 and "is not a regular file" in result.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_one_clear_line(run, tmp_path):
    path = write(tmp_path, "locked.csv", f"{HEADER}\n")
    path.chmod(0)
    result = run("import", str(path))
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_a_csv_with_only_a_header_imports_nothing(db, tmp_path):
    assert import_path(db, write(tmp_path, "s.csv", HEADER + "\r\n")).added == 0


# ---------------------------------------------------------------- dry run and duplicates

def test_dry_run_reports_what_would_happen_and_writes_nothing(run, db_path, tmp_path):
    run(*add_args("We will respond."))
    before = db_path.read_bytes()
    path = write(tmp_path, "s.csv", f"{HEADER}\nWe will respond.,Hulusi Akar,Anadolu,2020-02-27\n"
                                    "New words.,Hulusi Akar,Anadolu,2020-02-27\n")
    result = run("import", str(path), "--dry-run")
    assert result.stdout == (f"Dry run: would import 1 statement from {path} "
                             "(1 duplicate would be skipped). Nothing was written.\n")
    assert len(json.loads(run("list", "-f", "json").stdout)) == 1
    assert db_path.read_bytes() == before


def test_dry_run_of_a_bad_file_lists_the_problems(run, tmp_path):
    path = write(tmp_path, "s.csv", f"{HEADER}\nWords.,Akar,Anadolu,2020-02-31\n")
    result = run("import", str(path), "--dry-run")
    assert result.exit_code == 1 and "2020-02-31" in result.stderr


def test_statements_already_stored_or_repeated_in_the_file_are_skipped_and_counted(run, tmp_path):
    run(*add_args("We will respond."))
    path = write(tmp_path, "s.csv", f"{HEADER}\n"
                                    '"""We will  RESPOND.""",Hulusi Akar,Anadolu,2020-02-27\n'
                                    "New.,Akar,Anadolu,2020\n"
                                    "new.,Akar,Anadolu,2020\n")
    result = run("import", str(path))
    assert result.stdout == f"Imported 1 statement from {path} (2 duplicates skipped).\n"
    assert run("import", str(path)).stdout == f"Imported 0 statements from {path} (3 duplicates skipped).\n"


def test_imported_ids_and_timestamps_are_kept_and_a_taken_id_is_replaced(db, tmp_path):
    taken = add_statement(db, text="Something else.", speaker="S", outlet="O", date="2020").id
    path = write(tmp_path, "s.csv", f"id,{HEADER},added_at,updated_at\n"
                                    f"qaaaaaa,One.,S,O,2020,2020-02-04T10:00:00Z,2020-02-05T11:00:00Z\n"
                                    f"{taken},Two.,S,O,2020,,\n")
    result = import_path(db, path)
    assert (result.added, result.renumbered) == (2, 1)
    one, two = [s for s in list_statements(db) if s.text in ("One.", "Two.")]
    assert (one.id, one.added_at, one.updated_at) == ("qaaaaaa", "2020-02-04T10:00:00Z", "2020-02-05T11:00:00Z")
    assert two.id != taken


# ---------------------------------------------------------------- export

def test_export_writes_csv_to_standard_output_by_default(run):
    statement_id = run(*add_args('He said "yes", then left.')).stdout.strip()
    result = run("export")
    assert result.stdout_bytes.startswith(b"id,text,kind,speaker,outlet,via,date,url,topic,tags,notes,added_at,updated_at,role\r\n")
    [row] = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode(), newline="")))
    assert (row["id"], row["text"]) == (statement_id, 'He said "yes", then left.')


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_json_formats_are_records_with_named_keys(run, fmt):
    run(*add_args("Çok şiddetli 🇹🇷"), "--tag", "a")
    out = run("export", "--format", fmt).stdout
    record = json.loads(out)[0] if fmt == "json" else json.loads(out.splitlines()[0])
    assert (record["text"], record["tags"], record["url"]) == ("Çok şiddetli 🇹🇷", ["a"], None)
    assert "Çok" in out  # not \u-escaped


def test_export_takes_the_same_filters_as_list(run):
    run(*add_args("One", speaker="Hulusi Akar", date="2020-02-27"))
    run(*add_args("Two", speaker="Sergey Lavrov", date="2020-03-05"), "--kind", "indirect")
    run(*add_args("Three", speaker="Sergey Lavrov", date="2020-03-06"))

    def texts(*args):
        return [r["text"] for r in json.loads(run("export", "-f", "json", *args).stdout)]

    assert texts("--speaker", "lavrov") == ["Two", "Three"]
    assert texts("--since", "2020-03", "--kind", "direct") == ["Three"]
    assert texts("--until", "2020-03-05", "--limit", "1") == ["One"]


def test_export_to_a_file_takes_the_format_from_its_extension(run, tmp_path):
    run(*add_args())
    target = tmp_path / "out.jsonl"
    result = run("export", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "Exported 1 statement to" in result.stderr
    assert json.loads(target.read_text())["speaker"] == "Hulusi Akar"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_missing_folder_is_one_clear_line(run, tmp_path):
    result = run("export", "-o", str(tmp_path / "nope" / "out.csv"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_a_failed_export_leaves_the_earlier_file_and_no_half_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("earlier export\n")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as out:
            out.write("half of the new one")
            raise RuntimeError("disk full")
    assert target.read_text() == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_export_over_a_folder_is_refused(tmp_path):
    with pytest.raises(FileError, match="is a folder"):
        with atomic_output(tmp_path):
            pass


@pytest.mark.parametrize("text, cell", [
    ("=1+2", "'=1+2"), ("+90 dead", "'+90 dead"), ("-5 °C", "'-5 °C"), ("@everyone", "'@everyone"),
    ("\tindented", "'\tindented"), ("'=already", "''=already"), ("''", "'''"),
    ("'quoted'", "'quoted'"), ("'", "'"), ("plain", "plain"), ("a=b", "a=b"),
])
def test_formula_cells_are_escaped_in_csv_and_restored_on_import(text, cell):
    assert escape_cell(text) == cell
    assert unescape_cell(cell) == text


def test_a_formula_text_survives_export_and_import(run, tmp_path, db_path):
    run(*add_args("=HYPERLINK(\"http://evil\")"))
    run(*add_args("-", speaker="@handle", outlet="+TV"), input="-1")  # '-1' would be an option
    exported = run("export").stdout_bytes
    assert b"'=HYPERLINK" in exported and b"'@handle" in exported and b"'+TV" in exported
    other = tmp_path / "other.db"
    path = write(tmp_path, "e.csv", exported)
    assert invoke(["--db", str(other), "import", str(path)]).exit_code == 0
    rows = json.loads(invoke(["--db", str(other), "export", "-f", "json"]).stdout)
    assert [(r["text"], r["speaker"], r["outlet"]) for r in rows] == [
        ("=HYPERLINK(\"http://evil\")", "Hulusi Akar", "Anadolu"), ("-1", "@handle", "+TV")]


# ---------------------------------------------------------------- round trips

_TRICKY = st.sampled_from(["=", "+", "-", "@", "'", "''", "'=", "\t", "\r", "\r\n", "\n", '"', ",", " ",
                           "\ufeff", "\u2028", "\x85", "İ", "ı", "🇹🇷", "مرحبا", "Привет", ""])
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_TEXT = st.builds(lambda a, b, c: a + b + c, _TRICKY, st.text(_CHARS, max_size=40), _TRICKY).filter(str.strip)
# a name has a letter or digit, and a trailing ',' ';' ':' is no part of it (store refuses / trims)
_NAME = st.text(_CHARS, min_size=1, max_size=12).filter(
    lambda n: any(ch.isalnum() for ch in n) and n.strip() == n.strip().rstrip(",;:"))
_LABEL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00,;"),
                 min_size=1, max_size=8).filter(str.strip)
_OPTIONAL = st.none() | _TEXT
_STATEMENT = st.fixed_dictionaries({
    "text": _TEXT,
    "speaker": _NAME,
    "outlet": st.sampled_from(["NTV", "=SUM(A1)", "Аль-Джазира"]) | _NAME,
    "date": st.sampled_from(["2020", "2020-02", "2020-02-04", "2019-12-31", "2020-02-29"]),
    "kind": st.sampled_from(["direct", "indirect"]),
    "via": st.none() | _NAME,
    "url": _OPTIONAL,
    "topic": _OPTIONAL,
    "tags": st.lists(_LABEL, max_size=3),
    "notes": _OPTIONAL,
})


def _stored_database(directory: str, statements: list[dict]):
    db = open_db(Path(directory) / "first.db")
    for statement in statements:
        # force: an exact duplicate stored on purpose must survive the trip too.
        add_statement(db, force=True, **statement)
    return db


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements=st.lists(_STATEMENT, min_size=1, max_size=6), fmt=st.sampled_from(["csv", "json", "jsonl"]),
       duplicate=st.booleans())
def test_export_import_export_is_byte_identical(statements, fmt, duplicate):
    if duplicate:
        statements = statements + statements[:1]
    with tempfile.TemporaryDirectory() as directory:
        first = _stored_database(directory, statements)
        exported = export_bytes(first, fmt)
        second = open_db(Path(directory) / "second.db")
        result = import_statements(second, exported, fmt=fmt, name=f"export.{fmt}")
        assert result.added == len(statements) and result.skipped_duplicates == 0
        assert export_bytes(second, fmt) == exported
        assert list_statements(second) == list_statements(first)
        first.close()
        second.close()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statements=st.lists(_STATEMENT, min_size=1, max_size=4), fmt=st.sampled_from(["csv", "json", "jsonl"]))
def test_export_import_export_through_the_cli_is_byte_identical(statements, fmt):
    with tempfile.TemporaryDirectory() as directory:
        _stored_database(directory, statements).close()
        first, second = Path(directory) / "first.db", Path(directory) / "second.db"
        target = Path(directory) / f"export.{fmt}"
        assert invoke(["--db", str(first), "export", "-o", str(target)]).exit_code == 0
        imported = invoke(["--db", str(second), "import", str(target)])
        assert imported.stdout == f"Imported {len(statements)} statement{'s' if len(statements) > 1 else ''} from {target}.\n"
        again = invoke(["--db", str(second), "export", "--format", fmt])
        assert again.stdout_bytes == target.read_bytes()


def test_output_never_replaces_a_device_a_pipe_or_a_link(run, tmp_path):
    import os

    result = run("add", "The port reopened on Monday", "--speaker", "Harbour master", "--outlet", "Wire",
                 "--date", "2024-03-04")
    assert result.exit_code == 0, result.output
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = run("export", "-o", str(fifo))
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert fifo.is_fifo()
    real = tmp_path / "real.csv"
    real.write_text("keep\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    result = run("export", "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "The port reopened" in real.read_text()
    for command in (("report", "-o", str(fifo)), ("conflicts", "-o", str(fifo))):
        result = run(*command)
        assert result.exit_code != 0 and fifo.is_fifo()


@pytest.mark.parametrize("name, given, expected", [
    (None, None, "table"), (None, "json", "json"), ("c.csv", None, "csv"), ("c.JSON", None, "json"),
    ("c.txt", None, "table"), ("c", None, "table"), ("c.jsonl", None, "table"),
    ("c.txt", "csv", "csv"),
])
def test_a_view_is_written_as_format_says_else_as_the_extension_says_else_as_the_table(
        name, given, expected):
    from quotetrack.export import view_format

    assert view_format(Path(name) if name else None, given) == expected


def test_a_view_to_a_spreadsheet_file_is_refused_whatever_the_format():
    from quotetrack.errors import FileError
    from quotetrack.export import view_format

    for given in (None, "csv"):
        with pytest.raises(FileError, match="writes no .ods files"):
            view_format(Path("c.ods"), given)
