"""`quotetrack extract --interactive`: reviewing proposals one by one at the terminal, and the
review's logic in quotetrack.proposals (plain data in and out)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import assert_one_line_error, invoke
from quotetrack import proposals as review
from quotetrack.errors import ValidationError
from quotetrack.extract import Proposal

ROOT = Path(__file__).resolve().parent.parent

# The README's article: 1 Cavusoglu (said, paraphrase), 2 Cavusoglu (told, quote),
# 3 Erdogan via NTV (paraphrase), 4 UN (according to).
ARTICLE = (
    "Turkish Foreign Minister Mevlut Cavusoglu said Ankara and Moscow were trying to keep peace "
    "efforts for Syria alive.\n\n"
    "\"The regime's aggressiveness has to be stopped immediately,\" he told reporters in Ankara.\n\n"
    "NTV quoted Erdogan as telling journalists that Turkey would not allow Syria to gain "
    "territory.\n\n"
    "More than half a million people have fled their homes since December, according to the UN.\n"
)
WHERE = ("--outlet", "Reuters", "--date", "2020-02-04")


def proposal(**fields) -> Proposal:
    values = {"text": "Turkey would respond", "kind": "indirect", "speaker": "Erdogan",
              "role": None, "via": "NTV", "cue": "said", "confidence": 0.7, "start": 0, "end": 20}
    return Proposal(**{**values, **fields})


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def at_a_terminal(monkeypatch):
    """Standard input is a person at a terminal (CliRunner's input stands in for them)."""
    monkeypatch.setattr("quotetrack.commands.options.stdin_is_terminal", lambda: True)


def answers(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


def stored(run) -> list[dict]:
    return json.loads(run("list", "--format", "json").stdout)


# ---------------------------------------------------------------- the walk, as plain data


def test_pick_chooses_proposals_by_extracts_numbers_each_once_in_the_order_given():
    found = [proposal(text=f"statement {n}") for n in range(1, 6)]
    assert review.choose(found) == list(enumerate(found, start=1))
    chosen = review.choose(found, "4, 1-2,2")
    assert [n for n, _ in chosen] == [4, 1, 2]
    assert [p.text for _, p in chosen] == ["statement 4", "statement 1", "statement 2"]
    with pytest.raises(ValidationError, match="--pick"):
        review.choose(found, "")


@pytest.mark.parametrize("pick, fragment", [
    ("", "not a list of numbers"), ("1,,2", "not a list of numbers"), ("-1", "not a list"),
    ("²", "not a list of numbers"), ("1-²", "not a list of numbers"), ("0", "not within 1-5"),
    ("3-9", "not within 1-5"), (str(10**30), "not within 1-5"), ("5-2", "written backwards"),
])
def test_a_pick_that_names_no_proposals_is_refused_naming_pick(pick, fragment):
    with pytest.raises(ValidationError, match=fragment) as refused:
        review.parse_pick(pick, 5)
    assert refused.value.field == "--pick"


def test_answers_are_keys_or_words_and_anything_else_is_refused():
    assert [review.parse_action(a) for a in ("a", "A", " s ", "q", "e", "accept", "ALL", "?")] == [
        review.ACCEPT, review.ACCEPT_REST, review.SKIP, review.QUIT, review.SPEAKER,
        review.ACCEPT, review.ACCEPT_REST, review.HELP]
    with pytest.raises(ValidationError, match="'x' is not one of a, e, r, v, k, t, s, A, q, ?"):
        review.parse_action("x")


def test_walk_accepts_skips_and_keeps_extract_numbers():
    first, second, third = proposal(text="one"), proposal(text="two"), proposal(text="three")
    walk = review.start([first, second, third], [2, 5, 7])
    assert (walk.number, walk.current) == (2, first)
    walk = review.step(walk, review.ACCEPT)
    walk = review.step(walk, review.SKIP)
    assert (walk.number, walk.done) == (7, False)
    walk = review.step(walk, review.ACCEPT)
    assert walk.done and walk.skipped == 1 and walk.left == 0
    assert [(a.number, a.final.text) for a in walk.accepted] == [(2, "one"), (7, "three")]
    with pytest.raises(ValueError):
        review.step(walk, review.ACCEPT)


def test_quit_keeps_what_was_accepted_and_leaves_the_rest():
    walk = review.start([proposal(text="one"), proposal(text="two"), proposal(text="three")])
    walk = review.step(review.step(walk, review.ACCEPT), review.QUIT)
    assert walk.done and walk.quit
    assert [a.final.text for a in walk.accepted] == ["one"] and walk.left == 2


def test_accept_rest_takes_the_edited_current_one_and_the_others_as_found():
    walk = review.start([proposal(text="one"), proposal(text="two"), proposal(text="three")])
    walk = review.step(walk, review.SKIP)
    walk = review.step(walk, review.SPEAKER, "Recep Tayyip Erdogan")
    walk = review.step(walk, review.ACCEPT_REST)
    assert walk.done and walk.left == 0
    assert [(a.number, a.final.text, a.final.speaker) for a in walk.accepted] == [
        (2, "two", "Recep Tayyip Erdogan"), (3, "three", "Erdogan")]
    assert walk.edited == 1


def test_an_edit_undone_before_accepting_is_no_edit():
    walk = review.start([proposal(kind="direct"), proposal()])
    walk = review.step(review.step(walk, review.KIND), review.KIND)
    walk = review.step(walk, review.ACCEPT)
    assert walk.edited == 0
    walk = review.step(review.step(walk, review.TEXT, "Turkey would respond at once"), review.ACCEPT)
    assert walk.edited == 1 and len(walk.accepted) == 2


def test_records_hold_every_field_extract_prints_in_order():
    found = proposal(role="Turkish President")
    assert review.records([found]) == [{
        "text": "Turkey would respond", "kind": "indirect", "speaker": "Erdogan",
        "role": "Turkish President", "via": "NTV", "cue": "said", "confidence": 0.7,
        "start": 0, "end": 20}]
    assert tuple(review.records([found])[0]) == review.FIELDS


def test_editing_the_speaker_takes_a_typed_title_as_the_role_and_drops_the_one_found():
    found = proposal(speaker="Mevlut Cavusoglu", role="Turkish Foreign Minister")
    lavrov = review.edit(found, review.SPEAKER, "Russian Foreign Minister Sergei Lavrov")
    assert (lavrov.speaker, lavrov.role) == ("Sergei Lavrov", "Russian Foreign Minister")
    assert (lambda p: (p.speaker, p.role))(review.edit(found, review.SPEAKER, "Sergei Lavrov")) == (
        "Sergei Lavrov", None)
    # the same name again (Enter at the prompt) keeps the role found
    assert review.edit(found, review.SPEAKER, "  Mevlut   Cavusoglu ") == found


def test_edits_are_checked_as_the_store_checks_them_and_a_refused_one_changes_nothing():
    walk = review.start([proposal()])
    for field, value in [(review.SPEAKER, "   "), (review.TEXT, ""), (review.TEXT, "a\x00b")]:
        with pytest.raises(ValidationError):
            review.step(walk, field, value)
    assert walk.current == proposal()
    edited = review.edit(proposal(), review.TEXT, "  Turkey   would\nrespond at once ")
    assert edited.text == "Turkey would respond at once"
    assert review.edit(proposal(), review.VIA, "").via is None
    assert review.edit(proposal(), review.ROLE, " President ").role == "President"
    assert review.step(walk, review.KIND).current.kind == "direct"


def test_rows_carry_the_final_fields_and_notes_say_what_the_review_changed():
    found = proposal(speaker="Erdogan", role=None, via="NTV", cue="quoted Erdogan as telling")
    final = review.edit(review.edit(found, review.SPEAKER, "President Recep Tayyip Erdogan"),
                        review.VIA, "")
    final = review.edit(final, review.TEXT, "Turkey will respond")
    rows = review.rows_to_store([review.Accepted(3, found, final), review.Accepted(4, found, found)],
                                outlet="Reuters", date="2020-02-04", topic="idlib", tags=["t"])
    assert (rows[0]["speaker"], rows[0]["role"], rows[0]["via"], rows[0]["text"]) == (
        "Recep Tayyip Erdogan", "President", None, "Turkey will respond")
    assert rows[0]["notes"] == ("extract: quoted Erdogan as telling; edited: speaker (was Erdogan), "
                                "role (was none), via (was NTV), text")
    assert rows[1]["notes"] == "extract: quoted Erdogan as telling"
    assert (rows[1]["outlet"], rows[1]["date"].iso, rows[1]["topic"], rows[1]["tags"]) == (
        "Reuters", "2020-02-04", "idlib", ("t",))


def test_rows_need_an_outlet_and_a_valid_date():
    with pytest.raises(ValidationError, match="--date: required with --interactive"):
        review.check_destination(outlet="Reuters", date=None, needed_by="--interactive")
    with pytest.raises(ValidationError, match="not a date"):
        review.rows_to_store([], outlet="Reuters", date="2020-02-31")


def test_context_gives_the_words_around_the_text_cut_at_whole_words():
    text = ARTICLE
    start = text.index("The regime's")
    end = text.index(",\" he told")
    before, after = review.context(text, proposal(start=start, end=end), before=40, after=30)
    assert before == "... keep peace efforts for Syria alive. \""  # 'to' was cut to 'o'
    assert after == ",\" he told reporters in ..."
    whole = review.context(text, proposal(start=0, end=10), before=40, after=5000)
    assert whole[0] == "" and whole[1].endswith("according to the UN.")


# ---------------------------------------------------------------- the command

def test_accepting_every_proposal_stores_them_as_add_does(run, article, at_a_terminal, tmp_path):
    result = run("extract", str(article), "--interactive", *WHERE, input=answers("a", "a", "a", "a"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Accepted 4, skipped 0.\nAdded 4 statements.\n")
    assert "[2/4] proposal 2, confidence 0.90" in result.stdout
    reviewed = stored(run)
    # --add stores the very same rows into another database
    other = tmp_path / "other.db"
    assert invoke(["--db", str(other), "extract", str(article), "--add", *WHERE]).exit_code == 0
    added = json.loads(invoke(["--db", str(other), "list", "--format", "json"]).stdout)

    def comparable(rows):
        return [{k: v for k, v in row.items() if k != "added_at"} for row in rows]

    assert comparable(reviewed) == comparable(added)


def test_editing_the_speaker_stores_the_new_name_and_role_and_notes_the_change(
        run, article, at_a_terminal):
    result = run("extract", str(article), "-i", "--pick", "2", *WHERE,
                 input=answers("e", "   ", "Russian Foreign Minister Sergei Lavrov", "a"))
    assert result.exit_code == 0, result.output
    assert "speaker: is empty" in result.stdout  # spaces are refused and the name asked again
    assert "Sergei Lavrov (edited; found: Mevlut Cavusoglu)" in result.stdout
    assert "Russian Foreign Minister (edited; found: Turkish Foreign Minister)" in result.stdout
    assert result.stdout.endswith("Accepted 1 (1 edited), skipped 0.\nAdded 1 statement.\n")
    [statement] = stored(run)
    assert (statement["speaker"], statement["role"], statement["kind"]) == (
        "Sergei Lavrov", "Russian Foreign Minister", "direct")
    assert statement["notes"] == ("extract: told; edited: speaker (was Mevlut Cavusoglu), "
                                  "role (was Turkish Foreign Minister)")


def test_role_relay_kind_and_text_can_be_edited_too(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", "--pick", "3", *WHERE,
                 input=answers("r", "President", "v", "-", "k", "t", "", "t",
                               "Turkey will not allow Syria to gain territory", "a"))
    assert result.exit_code == 0, result.output
    [statement] = stored(run)
    assert (statement["role"], statement["via"], statement["kind"], statement["text"]) == (
        "President", None, "direct", "Turkey will not allow Syria to gain territory")
    assert statement["notes"] == ("extract: quoted Erdogan as telling; edited: role (was none), "
                                  "via (was NTV), kind (was indirect), text")


def test_skipped_proposals_are_not_stored(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", *WHERE, input=answers("s", "a", "s", "s"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Accepted 1, skipped 3.\nAdded 1 statement.\n")
    assert [s["text"] for s in stored(run)] == [
        "The regime's aggressiveness has to be stopped immediately"]


def test_skipping_everything_stores_nothing(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", *WHERE, input=answers("s", "s", "s", "s"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Accepted 0, skipped 4.\nNothing stored.\n")
    assert stored(run) == []


def test_quit_stores_what_was_accepted_so_far(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", *WHERE, input=answers("a", "s", "q"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Accepted 1, skipped 1, 2 left unreviewed.\nAdded 1 statement.\n")
    assert "[4/4]" not in result.stdout
    assert [s["speaker"] for s in stored(run)] == ["Mevlut Cavusoglu"]


def test_accept_all_left_stores_the_rest_without_asking(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", *WHERE, input=answers("s", "A"))
    assert result.exit_code == 0, result.output
    assert "[3/4]" not in result.stdout
    assert result.stdout.endswith("Accepted 3, skipped 1.\nAdded 3 statements.\n")
    assert [s["speaker"] for s in stored(run)] == ["Mevlut Cavusoglu", "Erdogan", "UN"]


def test_pick_walks_only_the_picked_ones_with_their_numbers(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", "--pick", "2,4", *WHERE, input=answers("a", "a"))
    assert result.exit_code == 0, result.output
    assert "[1/2] proposal 2," in result.stdout and "[2/2] proposal 4," in result.stdout
    assert "proposal 3" not in result.stdout
    assert [s["speaker"] for s in stored(run)] == ["Mevlut Cavusoglu", "UN"]


def test_statements_already_stored_are_skipped_and_counted(run, article, at_a_terminal):
    assert run("extract", str(article), "--add", "--pick", "1-2", *WHERE).exit_code == 0
    result = run("extract", str(article), "-i", *WHERE, input=answers("A"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("Added 2 statements (2 already stored, skipped).\n")
    assert len(stored(run)) == 4


def test_names_resolve_to_known_identities_as_with_add(run, article, at_a_terminal):
    assert run("add", "Earlier words", "--speaker", "Mevlüt Çavuşoğlu", *WHERE).exit_code == 0
    result = run("extract", str(article), "-i", "--pick", "1", *WHERE, input=answers("a"))
    assert result.exit_code == 0, result.output
    speakers = json.loads(run("speakers", "list", "--format", "json").stdout)
    assert len(speakers) == 1, speakers


def test_an_unknown_answer_is_asked_again_and_question_mark_explains_the_keys(
        run, article, at_a_terminal):
    result = run("extract", str(article), "-i", "--pick", "1", *WHERE, input=answers("", "x", "?", "a"))
    assert result.exit_code == 0, result.output
    assert "'x' is not one of a, e, r, v, k, t, s, A, q, ? (? explains them)" in result.stdout
    assert "A  accept this one and all after it" in result.stdout
    assert result.stdout.count("Accept? [a,e,r,v,k,t,s,A,q,?]:") == 4
    assert len(stored(run)) == 1


def test_outlet_and_date_come_from_the_html_page(run, tmp_path, at_a_terminal):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta property=\"og:site_name\" content=\"Haaretz\">"
        "<meta property=\"article:published_time\" content=\"2020-02-04T10:00:00Z\"></head><body>"
        "<article><p>The Kremlin said Putin and Erdogan agreed to improve coordination of their "
        "countries' actions in Syria, after a long telephone call on Tuesday evening.</p>"
        "</article></body></html>", encoding="utf-8")
    result = run("extract", str(page), "-i", input=answers("a"))
    assert result.exit_code == 0, result.output
    assert {(s["outlet"], s["date"]) for s in stored(run)} == {("Haaretz", "2020-02-04")}
    # what the command line names wins over the page
    result = run("extract", str(page), "--add", "-o", "Reuters", "-d", "2020-02-05",
                 "--url", "https://example.org/kremlin")
    assert result.exit_code == 0, result.output
    assert {(s["outlet"], s["date"], s["url"]) for s in stored(run)} == {
        ("Haaretz", "2020-02-04", None), ("Reuters", "2020-02-05", "https://example.org/kremlin")}


# ---------------------------------------------------------------- refusals and interruptions

def test_without_a_terminal_it_stops_at_once_with_one_line(run, article):
    result = run("extract", str(article), "-i", *WHERE, input=answers("a", "a", "a", "a"))
    assert_one_line_error(result, "--interactive needs a terminal", "use --add")
    assert result.stdout == ""
    assert stored(run) == []


@pytest.mark.parametrize("args, fragment", [
    (["--format", "json"], "prints no json"),
    (["--format", "csv"], "prints no csv"),
    (["-f", "json", "--add"], "prints no json"),
])
def test_interactive_with_a_format_for_tools_is_an_error(run, article, at_a_terminal, args, fragment):
    result = run("extract", str(article), "-i", *WHERE, *args, input=answers("a"))
    assert_one_line_error(result, fragment)
    assert stored(run) == []


def test_interactive_with_the_article_on_standard_input_is_an_error(run, at_a_terminal):
    result = run("extract", "-", "-i", *WHERE, input=ARTICLE)
    assert_one_line_error(result, "cannot come from there; give it as a FILE")


def test_pick_alone_is_an_error_naming_both_ways_to_store(run, article):
    assert_one_line_error(run("extract", str(article), "--pick", "1"), "--add or --interactive")


def test_a_missing_outlet_or_date_is_refused_before_any_question(run, article, at_a_terminal):
    result = run("extract", str(article), "-i", "--date", "2020-02-04", input=answers("a"))
    assert_one_line_error(result, "--outlet: required with --interactive")
    assert "Accept?" not in result.stdout
    bad = run("extract", str(article), "-i", "-o", "Reuters", "-d", "2020-02-31", input=answers("a"))
    assert_one_line_error(bad, "not a date")
    assert "Accept?" not in bad.stdout


def test_a_read_only_database_is_refused_before_any_question(run, article, at_a_terminal,
                                                            monkeypatch, db_path):
    assert run("info").exit_code == 0  # the database exists
    monkeypatch.setattr("quotetrack.db._why_read_only", lambda path: "the file cannot be written")
    result = run("extract", str(article), "-i", *WHERE, input=answers("a"))
    assert_one_line_error(result, "read-only", "nothing was changed")
    assert "Accept?" not in result.stdout


@pytest.mark.parametrize("given", [answers("a", "a"), answers("a", "e"), answers("a", "r"), ""])
def test_end_of_input_mid_review_stores_nothing_and_exits_1(run, article, at_a_terminal, given):
    result = run("extract", str(article), "-i", *WHERE, input=given)
    assert_one_line_error(result, "review stopped at", "nothing was stored")
    assert stored(run) == []


def test_ctrl_c_mid_review_stores_nothing_and_exits_1(run, article, at_a_terminal, monkeypatch):
    from quotetrack import render

    shown = []
    card = render.proposal_card

    def interrupted(*args):
        shown.append(args)
        if len(shown) == 3:
            raise KeyboardInterrupt
        card(*args)

    monkeypatch.setattr(render, "proposal_card", interrupted)
    result = run("extract", str(article), "-i", *WHERE, input=answers("a", "a", "a", "a"))
    assert_one_line_error(result, "review stopped at 3/4; nothing was stored")
    assert stored(run) == []


def test_an_article_without_attributions_asks_nothing(run, tmp_path, at_a_terminal):
    path = tmp_path / "plain.txt"
    path.write_text("Eight Turkish soldiers were killed in Idlib on Monday.\n", encoding="utf-8")
    result = run("extract", str(path), "-i", *WHERE, input=answers("a"))
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{path}: no attributed statements found"


# ---------------------------------------------------------------- the README

def test_readme_interactive_session_is_what_the_command_prints(run, tmp_path, monkeypatch,
                                                               at_a_terminal):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### quotetrack extract", 1)[1]
    article = re.search(r"\$ cat article.txt\n(.*?)\n\n\$ ", section, re.S).group(1)
    command, shown = re.search(r"\$ (quotetrack extract article.txt --interactive[^\n]*)\n(.*?)```",
                               section, re.S).groups()
    typed = re.findall(r"^(?:Accept\? \[[^\]]*\]|Speaker[^:]*|Role[^:]*|Relay[^:]*|Text[^:]*): (.*)$",
                       shown, re.M)
    (tmp_path / "article.txt").write_text(article + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(*command.split()[1:], input=answers(*typed))
    assert result.exit_code == 0, result.output
    assert result.stdout == shown
