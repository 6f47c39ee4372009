"""`quotetrack conflicts` as a fact-checker uses it: find, explain, filter, review, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quotetrack.conflicts.detect import conflict_id, detect
from quotetrack.conflicts.review import conflicts_for_statement, count_conflicts, list_conflicts, set_status
from quotetrack.errors import NotFoundError, ValidationError
from quotetrack.models import ConflictFilters, Filters
from quotetrack.store import add_statement, delete_statement, update_statement

DATA = Path(__file__).resolve().parent.parent / "data"

NOTIFIED = ("The attack came despite a prior notification by Turkey of its troops' coordinates "
            "in Idlib", "Mevlut Cavusoglu", "2020-02-04")
NOT_NOTIFIED = ("Turkey failed to notify the Russian military about troop movements overnight",
                "Russia", "2020-02-04")
EIGHT = ("Eight Turkish soldiers were killed in an exchange of shelling with Syrian government "
         "forces in Idlib on Monday", "Haaretz", "2020-02-03")
SEVEN = ("Turkish artillery targeted Syrian government forces in Idlib, responding to shelling "
         "that killed seven Turkish soldiers and a Turkish civilian", "Haaretz", "2020-02-03")
UNRELATED = ("Funerals were held across Turkey for the servicemen", "Haaretz", "2020-02-04")


def add(run, text, speaker, date, *extra):
    result = run("add", text, "--speaker", speaker, "--outlet", "Haaretz", "--date", date,
                 "--kind", "indirect", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def story(run):
    return {name: add(run, *row) for name, row in
            {"notified": NOTIFIED, "not_notified": NOT_NOTIFIED, "eight": EIGHT,
             "seven": SEVEN, "unrelated": UNRELATED}.items()}


def conflicts_json(run, *args):
    result = run("conflicts", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_conflicts_finds_the_two_real_conflicts_with_evidence(run):
    ids = story(run)
    found = conflicts_json(run)
    assert {item["type"] for item in found} == {"polarity", "numeric"}
    pairs = {frozenset((item["a"]["id"], item["b"]["id"])): item for item in found}
    polarity = pairs[frozenset((ids["notified"], ids["not_notified"]))]
    assert "failed to notify" in polarity["explanation"]
    numeric = pairs[frozenset((ids["eight"], ids["seven"]))]
    assert numeric["explanation"].startswith(("8 vs 7", "7 vs 8"))
    assert set(polarity) >= {"id", "type", "score", "explanation", "status", "a", "b"}
    assert set(polarity["a"]) >= {"id", "text", "speaker", "outlet", "date"}
    assert 0 <= polarity["score"] <= 1 and polarity["status"] == "open"


def test_the_seed_story_gives_exactly_its_two_conflicts(run):
    result = run("import", str(DATA / "idlib-2020.csv"))
    assert result.exit_code == 0, result.output
    found = conflicts_json(run)
    with (DATA / "idlib-2020.expected.csv").open(encoding="utf-8") as fh:
        expected = list(csv.DictReader(fh))
    got = {(item["type"], frozenset((item["a"]["text"][:30], item["b"]["text"][:30]))) for item in found}
    want = {(e["type"], frozenset((e["a_text_prefix"][:30], e["b_text_prefix"][:30]))) for e in expected}
    assert got == want


def test_table_output_shows_both_sides_and_the_evidence(run):
    story(run)
    result = run("conflicts")
    assert result.exit_code == 0
    assert "Mevlut Cavusoglu" in result.stdout and "Russia" in result.stdout
    assert "[failed to]" in result.stdout or "failed to" in result.stdout
    assert "2 conflicts" in result.stdout


def test_conflict_ids_are_stable_across_runs_and_rescans(run):
    story(run)
    first = {c["id"] for c in conflicts_json(run)}
    again = {c["id"] for c in conflicts_json(run, "--rescan")}
    assert first == again and len(first) == 2


def test_filters_by_type_score_speaker_and_dates(run):
    story(run)
    assert [c["type"] for c in conflicts_json(run, "--type", "numeric")] == ["numeric"]
    assert {c["type"] for c in conflicts_json(run, "--type", "numeric,polarity")} == {"numeric", "polarity"}
    assert [c["type"] for c in conflicts_json(run, "--speaker", "cavusoglu")] == ["polarity"]
    assert [c["type"] for c in conflicts_json(run, "--until", "2020-02-03")] == ["numeric"]
    assert conflicts_json(run, "--since", "2020-03") == []
    assert conflicts_json(run, "--min-score", "0.99") == []


def test_window_keeps_pairs_at_most_that_many_days_apart_and_side_the_speakers_of_a_side(run):
    assert run("import", str(DATA / "idlib-2020.csv")).exit_code == 0
    # the polarity pair is a day apart (2020-02-03 / 2020-02-04), the numeric one a day's own
    assert {c["type"] for c in conflicts_json(run)} == {"polarity", "numeric"}
    assert [c["type"] for c in conflicts_json(run, "--window", "0")] == ["numeric"]
    assert {c["type"] for c in conflicts_json(run, "--window", "1")} == {"polarity", "numeric"}
    assert run("speakers", "set", "Russia", "--affiliation", "Russia").exit_code == 0
    assert [c["type"] for c in conflicts_json(run, "--side", "Russia")] == ["polarity"]
    assert conflicts_json(run, "--side", "Turkey") == []


def test_confirm_dismiss_and_reopen_are_stored_and_survive_redetection(run):
    story(run)
    numeric = conflicts_json(run, "--type", "numeric")[0]["id"]
    polarity = conflicts_json(run, "--type", "polarity")[0]["id"]
    assert run("conflicts", "confirm", numeric, "--note", "checked the MoD statement").exit_code == 0
    assert run("conflicts", "dismiss", polarity, "--note", "different events").exit_code == 0
    assert conflicts_json(run) == []  # nothing open
    run("conflicts", "--rescan")
    assert conflicts_json(run) == []
    confirmed = conflicts_json(run, "--status", "confirmed")
    assert [c["id"] for c in confirmed] == [numeric]
    assert confirmed[0]["note"] == "checked the MoD statement"
    assert [c["id"] for c in conflicts_json(run, "--status", "dismissed")] == [polarity]
    assert run("conflicts", "reopen", polarity).exit_code == 0
    assert [c["id"] for c in conflicts_json(run)] == [polarity]


def test_a_dismissed_pair_stays_dismissed_after_an_edit(db):
    a = add_statement(db, text=NOTIFIED[0], speaker=NOTIFIED[1], outlet="Haaretz", date=NOTIFIED[2], kind="indirect")
    b = add_statement(db, text=NOT_NOTIFIED[0], speaker=NOT_NOTIFIED[1], outlet="Haaretz", date=NOT_NOTIFIED[2], kind="indirect")
    detect(db)
    (found,) = list_conflicts(db)
    set_status(db, found.id, "dismissed", "same claim reworded")
    update_statement(db, b.id, {"text": NOT_NOTIFIED[0] + ", the ministry said"})
    detect(db)
    assert list_conflicts(db) == []
    assert [c.id for c in list_conflicts(db, ConflictFilters(status="dismissed"))] == [conflict_id(a.id, b.id)]


def test_detection_is_incremental(db):
    for text, speaker, date in (NOTIFIED, EIGHT, UNRELATED):
        add_statement(db, text=text, speaker=speaker, outlet="Haaretz", date=date, kind="indirect")
    first = detect(db)
    assert first.analysed == 3
    assert detect(db).analysed == 0  # nothing new: nothing redone
    add_statement(db, text=SEVEN[0], speaker=SEVEN[1], outlet="Haaretz", date=SEVEN[2], kind="indirect")
    report = detect(db)
    assert report.analysed == 1 and report.found == 1
    assert report.compared <= 2


def test_deleting_a_statement_removes_its_conflicts(db):
    a = add_statement(db, text=EIGHT[0], speaker=EIGHT[1], outlet="Haaretz", date=EIGHT[2], kind="indirect")
    add_statement(db, text=SEVEN[0], speaker=SEVEN[1], outlet="Haaretz", date=SEVEN[2], kind="indirect")
    detect(db)
    assert len(conflicts_for_statement(db, a.id)) == 1
    delete_statement(db, a.id)
    detect(db)
    assert list_conflicts(db, ConflictFilters(status="all")) == []


def test_show_lists_the_conflicts_a_statement_is_part_of(run):
    ids = story(run)
    run("conflicts")
    result = run("show", ids["eight"])
    assert result.exit_code == 0
    assert "In 1 conflict" in result.stdout and "numeric" in result.stdout


def test_csv_export_of_conflicts_is_flat(run, tmp_path):
    story(run)
    out = tmp_path / "conflicts.csv"
    result = run("conflicts", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2
    assert {"id", "type", "score", "explanation", "status", "a_text", "b_speaker", "a_date"} <= set(rows[0])


@pytest.mark.parametrize("args,message", [
    (["--type", "contradiction"], "--type: 'contradiction' is not a conflict type"),
    (["--since", "2020-02-31"], "--since: '2020-02-31' is not a date"),
    (["--status", "closed"], "--status: 'closed' is not"),
    (["confirm", "c0000000"], "no conflict with id 'c0000000'"),
    (["dismiss", "nonsense"], "no conflict with id 'nonsense'"),
])
def test_bad_input_is_one_clear_line_and_exit_1(run, args, message):
    story(run)
    result = run("conflicts", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_library_rejects_unknown_ids_and_bad_statuses(db):
    with pytest.raises(NotFoundError):
        set_status(db, "c1234567", "confirmed")
    with pytest.raises(ValidationError):
        list_conflicts(db, ConflictFilters(status="maybe"))


def test_no_conflicts_says_so(run):
    add(run, *UNRELATED)
    result = run("conflicts")
    assert result.exit_code == 0
    assert "No open conflicts" in result.stdout


def test_export_conflicts_writes_every_status_with_both_sides(run, tmp_path):
    story(run)
    numeric = conflicts_json(run, "--type", "numeric")[0]["id"]
    run("conflicts", "dismiss", numeric)
    out = tmp_path / "all.csv"
    result = run("export", "--conflicts", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["status"] for r in rows} == {"open", "dismissed"}
    assert all(r["a_text"] and r["b_text"] for r in rows)
    as_json = json.loads(run("export", "--conflicts", "--format", "json").stdout)
    assert len(as_json) == 2 and {"a", "b"} <= set(as_json[0])


def test_output_file_format_follows_format_or_extension(run, tmp_path):
    story(run)
    as_text = tmp_path / "conflicts.txt"
    assert run("conflicts", "-o", str(as_text)).exit_code == 0
    text = as_text.read_text(encoding="utf-8")
    assert "Turkish soldiers killed" in text and not text.lstrip().startswith("[")
    assert all(line == line.rstrip() for line in text.splitlines())
    as_json = tmp_path / "conflicts.txt.json"
    assert run("conflicts", "-o", str(as_json)).exit_code == 0
    assert len(json.loads(as_json.read_text(encoding="utf-8"))) == 2
    forced = tmp_path / "forced.txt"
    assert run("conflicts", "--format", "csv", "-o", str(forced)).exit_code == 0
    assert forced.read_text(encoding="utf-8").startswith("id,type,score")


def test_search_shows_the_part_of_a_long_text_around_the_match(run):
    long_text = ("filler words " * 20000) + "the decisive notification came late " + ("more filler " * 1000)
    run("add", long_text, "--speaker", "A", "--outlet", "B", "--date", "2020")
    result = run("search", "decisive")
    assert result.exit_code == 0
    assert "[decisive]" in result.stdout and len(result.stdout) < 2000


def test_two_accounts_of_what_happened_in_one_topic_are_compared_and_conflict(run):
    attack = add(run, "It looks like a terrible attack", "Mayor", "2020-08-04", "--topic", "port blast")
    accident = add(run, "Most believe the explosion was an accident", "Minister", "2020-08-05",
                   "--topic", "port blast")
    found = conflicts_json(run)
    assert [(item["type"], {item["a"]["id"], item["b"]["id"]}) for item in found] == \
        [("antonym", {attack, accident})]
    assert "'attack' contradicts 'accident'" in found[0]["explanation"]


def test_what_happened_in_two_different_stories_is_not_compared(run):
    add(run, "It looks like a terrible attack", "Mayor", "2020-08-04", "--topic", "port blast")
    add(run, "Most believe the crash was an accident", "Minister", "2020-08-05", "--topic", "road crash")
    add(run, "The derailment was an accident", "Rail operator", "2020-08-05")
    assert conflicts_json(run) == []


def test_the_same_long_paraphrase_under_two_names_is_a_possible_misattribution(run):
    words = "The chlorine levels found in the tap water are within the limits set for the health of residents"
    first = add(run, words, "Health Minister Ana Ruiz", "2021-03-19")
    second = add(run, words, "Prime Minister Luis Vidal", "2021-03-19")
    add(run, "The water levels in the reservoir were normal for the season and posed little risk",
        "Water Board", "2021-03-19")
    found = conflicts_json(run)
    assert [(item["type"], {item["a"]["id"], item["b"]["id"]}) for item in found] == \
        [("misattribution", {first, second})]
    assert found[0]["score"] < 0.8  # weaker than a word-for-word direct quote


def add_from(run, text, speaker, outlet, date, *extra):
    result = run("add", text, "--speaker", speaker, "--outlet", outlet, "--date", date,
                 "--kind", "indirect", *extra)
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


@pytest.mark.parametrize("report_first", [True, False])
def test_a_report_called_untrue_conflicts_with_that_outlets_account(run, report_first):
    report = ("Ten of the bank's branches were closed after auditors found missing deposits",
              "Jan Holm", "Daily Ledger", "2022-03-01", "--topic", "bank")
    denial = ("The Daily Ledger's article is false and malicious", "Norvane Bank", "Wire",
              "2022-03-02", "--topic", "bank")
    first, second = (report, denial) if report_first else (denial, report)
    ids = [add_from(run, *first)]
    conflicts_json(run)  # detection runs once in between: the second add is incremental
    ids.append(add_from(run, *second))
    add_from(run, "Branches of another bank opened on Monday", "Ola Berg", "Wire", "2022-03-01",
             "--topic", "bank")
    found = conflicts_json(run)
    assert [(item["type"], {item["a"]["id"], item["b"]["id"]}) for item in found] == \
        [("polarity", set(ids))]
    assert "disputes Daily Ledger's account" in found[0]["explanation"]


def test_an_absurdly_long_number_is_no_figure_and_breaks_nothing(run, tmp_path):
    huge = "1" + ",000" * 103
    add(run, f"Officials said {huge} people were displaced", "Officials", "2020-02-04")
    add(run, "Officials said 900,000 people were displaced", "Officials", "2020-02-04")
    assert conflicts_json(run) == []
    report = run("report", "-o", str(tmp_path / "r.html"))
    assert report.exit_code == 0, report.output


def test_one_target_hit_by_two_different_doers_is_found_in_one_story(run):
    first = add(run, "The hospital was destroyed by an Israeli air strike", "Health Ministry", "2023-10-17",
                "--topic", "hospital")
    second = add(run, "The hospital was destroyed by an Islamic Jihad rocket", "Israeli army", "2023-10-18",
                 "--topic", "hospital")
    add(run, "The school was destroyed by an Islamic Jihad rocket", "Israeli army", "2023-10-18",
        "--topic", "hospital")
    found = conflicts_json(run)
    assert [(item["type"], {item["a"]["id"], item["b"]["id"]}) for item in found] == \
        [("antonym", {first, second})]
    assert "each names a different party" in found[0]["explanation"]


def test_a_limit_lists_the_highest_scores_and_the_count_ignores_it(db):
    for text, speaker, date in (NOTIFIED, NOT_NOTIFIED, EIGHT, SEVEN):
        add_statement(db, text=text, speaker=speaker, outlet="Haaretz", date=date, kind="indirect")
    detect(db)
    every = list_conflicts(db)
    assert len(every) == 2 and every[0].score >= every[1].score
    limited = ConflictFilters(statements=Filters(limit=1))
    assert [c.id for c in list_conflicts(db, limited)] == [every[0].id]
    assert count_conflicts(db, limited) == 2
    assert count_conflicts(db, ConflictFilters(types=("numeric",), statements=Filters(limit=1))) == 1
    assert count_conflicts(db, ConflictFilters(status="dismissed")) == 0


def test_one_speakers_bare_denial_and_a_later_act_sharing_one_word_are_a_reversal(db):
    add_statement(db, text="I will not resign", speaker="Ana Ruiz", outlet="Haaretz",
                  date="2023-08-25", kind="direct", topic="federation")
    add_statement(db, text="Ruiz announced her resignation as president of the federation",
                  speaker="Ana Ruiz", outlet="BBC", date="2023-09-10", kind="indirect", topic="federation")
    add_statement(db, text="We will not negotiate with terrorists", speaker="Ana Ruiz", outlet="BBC",
                  date="2023-09-11", kind="direct", topic="federation")
    add_statement(db, text="We negotiated a trade deal with Canada", speaker="Ana Ruiz", outlet="BBC",
                  date="2023-10-11", kind="direct", topic="federation")
    detect(db)
    (found,) = list_conflicts(db)
    assert found.type == "reversal" and "resign" in found.explanation


@pytest.mark.parametrize("denial_first", [False, True])
def test_words_a_speaker_disowns_are_paired_however_few_words_they_share(db, denial_first):
    reported = dict(text="Military radar tracked the airliner turning back towards the west",
                    speaker="Rodzali Daud", outlet="Berita Harian", date="2014-03-11", kind="indirect", topic="mh370")
    disowned = dict(text="I did not make any such statements as reported", speaker="Rodzali Daud",
                    outlet="Reuters", date="2014-03-11", kind="direct", topic="mh370")
    first, second = (disowned, reported) if denial_first else (reported, disowned)
    add_statement(db, **first)
    detect(db)  # the second is then compared incrementally
    add_statement(db, **second)
    detect(db)
    (found,) = list_conflicts(db)
    assert found.type == "polarity" and "disowns" in found.explanation


@pytest.mark.parametrize("denial_first", [False, True])
def test_a_speakers_denial_of_their_own_act_meets_the_account_naming_them(db, denial_first):
    named = dict(text="The sabotage was approved by the commander-in-chief Valerii Zaluzhnyi and carried "
                 "out from a rented yacht", speaker="Ukrainian officers", outlet="WSJ", date="2024-08-14",
                 kind="indirect", topic="pipes")
    denial = dict(text="He knew nothing of any operation, and claims that he approved one are a provocation",
                  speaker="Valerii Zaluzhnyi", outlet="WSJ", date="2024-08-14", kind="indirect", topic="pipes")
    first, second = (denial, named) if denial_first else (named, denial)
    add_statement(db, **first)
    detect(db)
    add_statement(db, **second)
    detect(db)
    (found,) = list_conflicts(db)
    assert found.type == "polarity" and "Zaluzhnyi" in found.explanation


def test_a_prolific_speakers_bare_denial_still_meets_their_later_act(db):
    add_statement(db, text="I will not resign", speaker="Ana Ruiz", outlet="Haaretz",
                  date="2023-08-25", kind="direct", topic="federation")
    for n in range(70):  # more statements by the speaker than a common term may have
        add_statement(db, text=f"The federation met {n} delegates about the budget of stadium {n}",
                      speaker="Ana Ruiz", outlet="BBC", date="2023-08-01", kind="indirect", topic="federation")
    add_statement(db, text="The president announced her resignation to the federation's board",
                  speaker="Ana Ruiz", outlet="BBC", date="2023-09-10", kind="indirect", topic="federation")
    detect(db)
    full = {c.id for c in list_conflicts(db) if c.type == "reversal"}
    assert len(full) == 1
    detect(db, full=True)
    assert {c.id for c in list_conflicts(db) if c.type == "reversal"} == full


def test_a_pronoun_denial_by_an_institution_is_not_linked_to_every_mention_of_it():
    from quotetrack.conflicts.detect import _links_on_few_words
    from quotetrack.conflicts.features import analyse as analyse_text
    from quotetrack.conflicts.rules import Item

    def make(text, speaker, kind="indirect"):
        return Item(id="x", text=text, speaker=speaker, speaker_key=speaker.lower(), outlet="O",
                    date="2020-01-01", day_start=0, day_end=0, kind=kind, topic=None,
                    features=analyse_text(text))
    assert not _links_on_few_words(make("They did not close the roads on Sunday", "Police"))
    assert _links_on_few_words(make("He said he never approved the operation", "Valerii Zaluzhnyi"))
