"""Speakers and outlets as identities: spellings, roles, close matches, merges and their undoing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from helpers import add_args, assert_one_line_error
from quotetrack.identities import (
    SPEAKER, add_aliases, create_identity, get_identity, list_merges, lookup, merge, unmerge,
)
from quotetrack.matching import AUTO_SCORE
from quotetrack.normalize import fold_name, name_parts, split_role
from quotetrack.store import add_statement, get_statement, list_statements, write_transaction
from quotetrack.models import Filters

DATA = Path(__file__).resolve().parent.parent / "data"


def add(db, speaker, text="We will respond.", outlet="Anadolu", date="2020-02-27", **extra):
    return add_statement(db, text=text, speaker=speaker, outlet=outlet, date=date, **extra)


def speakers_json(run) -> list[dict]:
    result = run("speakers", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---------------------------------------------------------------- normal forms

@pytest.mark.parametrize("name, role, core", [
    ("Turkish Foreign Minister Mevlut Cavusoglu", "Turkish Foreign Minister", "Mevlut Cavusoglu"),
    ("Russia's Foreign Minister Sergei Lavrov", "Russia's Foreign Minister", "Sergei Lavrov"),
    ("Dmitry Peskov, Kremlin spokesman", "Kremlin spokesman", "Dmitry Peskov"),
    ("Gen. Hulusi Akar", "Gen.", "Hulusi Akar"),
    ("US Secretary of State Mike Pompeo", "US Secretary of State", "Mike Pompeo"),
    ("Prime Minister Boris Johnson", "Prime Minister", "Boris Johnson"),
    ("President Erdogan", "President", "Erdogan"),
    # Kept whole: nothing of a name would be left, or the title word is part of the name.
    ("Downing Street spokesperson", None, "Downing Street spokesperson"),
    ("Turkish Presidency", None, "Turkish Presidency"),
    ("General Motors", None, "General Motors"),
    ("Martin Luther King Jr", None, "Martin Luther King Jr"),
    ("Mohammed bin Salman", None, "Mohammed bin Salman"),
    # A description before the name: an organisation or acronym, lowercase words, office words.
    ("EU foreign policy chief Josep Borrell", "EU foreign policy chief", "Josep Borrell"),
    ("BP chief operating officer Doug Suttles", "BP chief operating officer", "Doug Suttles"),
    ("NOAA Administrator Jane Lubchenco", "NOAA Administrator", "Jane Lubchenco"),
    ("Lidia Yermoshina, head of the Central Election Commission",
     "head of the Central Election Commission", "Lidia Yermoshina"),
    ("Belarus Central Election Commission head Lidia Yermoshina",
     "Belarus Central Election Commission head", "Lidia Yermoshina"),
    ("General Motors chief executive Mary Barra", "General Motors chief executive", "Mary Barra"),
    ("Republican presidential nominee Donald Trump", "Republican presidential nominee", "Donald Trump"),
    ("al-Qaeda leader Ayman al-Zawahiri", "al-Qaeda leader", "Ayman al-Zawahiri"),
    ("Commission President Ursula von der Leyen", "Commission President", "Ursula von der Leyen"),
    ("Saudi Foreign Minister Adel al-Jubeir", "Saudi Foreign Minister", "Adel al-Jubeir"),
    # ... and real names are not eaten: particles, a title word inside a name, several people.
    ("Ursula von der Leyen", None, "Ursula von der Leyen"),
    ("Charles de Gaulle", None, "Charles de Gaulle"),
    ("Abu Bakr al-Baghdadi", None, "Abu Bakr al-Baghdadi"),
    ("Julie Bishop", None, "Julie Bishop"),
    ("Chief Justice Roberts", None, "Chief Justice Roberts"),
    ("advisers to Mr. Obama", None, "advisers to Mr. Obama"),
    ("Both Mr. King and Mr. Schultz", None, "Both Mr. King and Mr. Schultz"),
    ("Rep. Jim Clyburn, the assistant leader of the Democratic caucus", "Rep.",
     "Jim Clyburn, the assistant leader of the Democratic caucus"),
    ("Kremlin spokesman said Putin", None, "Kremlin spokesman said Putin"),
])
def test_leading_and_trailing_titles_are_split_off_as_the_role(name, role, core):
    assert split_role(name) == (role, core)


def test_a_description_before_the_name_is_stored_as_the_role_on_add(run):
    names = ["EU foreign policy chief Josep Borrell", "BP chief operating officer Doug Suttles",
             "NOAA Administrator Jane Lubchenco",
             "Lidia Yermoshina, head of the Central Election Commission"]
    for number, name in enumerate(names):
        assert run(*add_args(f"Statement {number}.", speaker=name)).exit_code == 0
    assert [s["name"] for s in speakers_json(run)] == [
        "Josep Borrell", "Doug Suttles", "Jane Lubchenco", "Lidia Yermoshina"]
    listed = json.loads(run("list", "--format", "json").stdout)
    assert sorted(s["role"] for s in listed) == sorted([
        "EU foreign policy chief", "BP chief operating officer", "NOAA Administrator",
        "head of the Central Election Commission"])


def test_turkish_dotted_and_dotless_i_and_accents_fold_alike():
    assert fold_name("İbrahim Kalın") == fold_name("IBRAHIM KALIN") == "ibrahim kalin"
    assert fold_name("Mevlüt Çavuşoğlu") == "mevlut cavusoglu"
    assert name_parts("Мевлют Чавушоглу").keys[-1] == name_parts("Mevlut Cavusoglu").keys[-1]
    assert name_parts("Sergey Lavrov").keys == name_parts("Sergei Lavrov").keys
    assert name_parts("Zelenskyy").keys == name_parts("Zelenskiy").keys


# ---------------------------------------------------------------- resolving on add

def test_spelling_and_title_variants_resolve_to_one_speaker_keeping_the_role(db):
    first = add(db, "Mevlut Cavusoglu", text="One.")
    second = add(db, "Turkish Foreign Minister Mevlüt Çavuşoğlu", text="Two.")
    assert second.speaker == first.speaker == "Mevlut Cavusoglu"
    assert second.role == "Turkish Foreign Minister" and first.role is None
    assert get_identity(db, "speaker", "s1").statements == 2


def test_a_transliteration_is_used_without_a_terminal_and_reported(db):
    from quotetrack.identities import Resolving

    add(db, "Sergei Lavrov", text="One.")
    resolving = Resolving()
    stored = add(db, "Sergey Lavrov", text="Two.", resolving=resolving)
    assert stored.speaker == "Sergei Lavrov"
    [match] = resolving.matches
    assert match.used and match.score >= AUTO_SCORE and match.merge_id
    assert "Sergey Lavrov" in get_identity(db, "speaker", "s1").aliases


@pytest.mark.parametrize("known, other", [
    ("Mohammed bin Salman", "Mohammed bin Nayef"),
    ("Sergei Lavrov", "Sergei Shoigu"),
    ("Abdulaziz bin Salman", "Salman bin Abdulaziz"),
    ("Volodymyr Zelensky", "Olena Zelenska"),
    ("George W. Bush", "George H. W. Bush"),
    ("Russian Defence Ministry", "Russian Foreign Ministry"),
])
def test_different_people_with_similar_names_stay_apart(db, known, other):
    add(db, known, text="One.")
    assert add(db, other, text="Two.").speaker == other


def test_a_belarusian_ka_and_a_russian_ko_ending_of_one_surname_meet(db):
    from quotetrack.identities import Resolving

    add(db, "Alexander Lukashenko", text="One.")
    resolving = Resolving()
    assert add(db, "Alexander Lukashenka", text="Two.", resolving=resolving).speaker == \
        "Alexander Lukashenko"
    [match] = resolving.matches
    assert match.used and match.score >= AUTO_SCORE
    # ... but relatives and look-alikes stay apart: another given name, feminine forms, and a
    # -ko/-ka given name (Mirko is a man, Mirka a woman).
    for known, other in [("Alexander Lukashenko", "Viktor Lukashenko"),
                         ("Volodymyr Zelensky", "Olena Zelenska"),
                         ("Alexei Navalny", "Yulia Navalnaya"), ("Mirko Novak", "Mirka Novak")]:
        add(db, known, text=f"{known} says.")
        assert add(db, other, text=f"{other} says.").speaker == other


@pytest.mark.parametrize("known, other", [
    ("Interior Ministry", "Belarusian Interior Ministry"),
    ("Belarusian Interior Ministry", "Interior Ministry"),
    ("US Department of Justice", "Justice Department"),
])
def test_a_body_naming_a_country_is_never_taken_as_one_naming_none(run, known, other):
    run(*add_args("One.", speaker=known))
    result = run(*add_args("Two.", speaker=other))
    assert result.exit_code == 0, result.output
    assert "taken as" not in result.stderr
    assert f"new speaker '{other}' (s2) looks like {known} (s1, 85)" in result.stderr
    assert [s["name"] for s in speakers_json(run)] == [known, other]


def test_a_body_naming_a_country_is_offered_at_a_terminal(run, at_terminal):
    run(*add_args("One.", speaker="Interior Ministry"))
    result = run(*add_args("Two.", speaker="Belarusian Interior Ministry"), input="y\n")
    assert "Did you mean Interior Ministry (s1)? [Y/n]" in result.stderr
    assert [s["name"] for s in speakers_json(run)] == ["Interior Ministry"]


def test_one_country_named_two_ways_is_still_one_body(db):
    add(db, "Russian Defence Ministry", text="One.")
    assert add(db, "Russia's Defence Ministry", text="Two.").speaker == "Russian Defence Ministry"
    assert add(db, "Ukrainian Defence Ministry", text="Three.").speaker == "Ukrainian Defence Ministry"


def test_outlets_keep_the_safeguards_of_speakers(run):
    # Short words that meet only by their transliteration key: 80, as for a speaker.
    run(*add_args("One.", outlet="Ivan Petrov"))
    result = run(*add_args("Two.", outlet="Iwan Petrow"))
    assert "taken as" not in result.stderr
    assert "new outlet 'Iwan Petrow' (o2) looks like Ivan Petrov (o1, 80)" in result.stderr
    # An acronym a letter apart is another outlet: not even offered.
    run(*add_args("Three.", outlet="WHO"))
    result = run(*add_args("Four.", outlet="VHO"))
    assert result.exit_code == 0 and "WHO" not in result.stderr
    run(*add_args("Five.", outlet="AP"))
    assert "AP" not in run(*add_args("Six.", outlet="AFP")).stderr
    names = [o["name"] for o in json.loads(run("outlets", "list", "--format", "json").stdout)]
    assert names == ["Ivan Petrov", "Iwan Petrow", "WHO", "VHO", "AP", "AFP"]
    # ... while the words every outlet may carry still make no difference.
    run(*add_args("Seven.", outlet="Reuters"))
    run(*add_args("Eight.", outlet="Reuters News Agency"))
    assert len(json.loads(run("outlets", "list", "--format", "json").stdout)) == 7


@pytest.mark.parametrize("known, other", [
    ("Kevin Lee", "Kevin Li"),
    ("Robert Cahn", "Robert Kahn"),
    ("Wang Li", "Wang Lee"),
    ("Ahmed Aly", "Ahmed Ali"),
])
def test_short_names_that_meet_only_by_transliteration_are_never_merged_silently(run, known, other):
    run(*add_args("One.", speaker=known))
    result = run(*add_args("Two.", speaker=other))
    assert result.exit_code == 0, result.output
    assert "taken as" not in result.stderr
    assert f"new speaker '{other}' (s2) looks like {known} (s1, 80)" in result.stderr
    assert [s["name"] for s in speakers_json(run)] == [known, other]
    # ... and the other's surname alone is not taken as the first person either.
    alone = run(*add_args("Three.", speaker=other.split()[-1]))
    assert f"taken as {known}" not in alone.stderr


def test_a_surname_alone_resolves_to_the_one_person_of_that_name(db):
    add(db, "Recep Tayyip Erdoğan", text="One.")
    assert add(db, "President Erdogan", text="Two.").speaker == "Recep Tayyip Erdoğan"
    # ... but a father's name after "bin" is not a surname.
    add(db, "Mohammed bin Salman", text="Three.")
    assert add(db, "King Salman", text="Four.").speaker == "King Salman"


def test_exact_spellings_resolve_without_loading_rapidfuzz(db):
    import subprocess
    import sys

    add(db, "Mevlut Cavusoglu")
    code = ("import sys; from quotetrack.db import open_db; from quotetrack.identities import lookup;"
            f"db = open_db({str(db.path)!r}); found = lookup(db, 'speaker', 'Foreign Minister Mevlüt Çavuşoğlu');"
            "print(found.exact_id, 'rapidfuzz' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["1", "False"], done.stderr


def test_duplicates_are_found_across_spellings_of_one_speaker(db):
    from quotetrack.errors import DuplicateError

    add(db, "Mevlut Cavusoglu")
    with pytest.raises(DuplicateError):
        add(db, "Mevlüt Çavuşoğlu")


def test_outlet_is_taken_from_the_url_domain_and_then_known_by_it(run):
    result = run("add", "We will respond.", "-s", "Akar", "-d", "2020-02-27",
                 "--url", "https://www.aa.com.tr/en/turkey/x")
    assert result.exit_code == 0, result.output
    assert json.loads(run("list", "-f", "json").stdout)[0]["outlet"] == "aa.com.tr"
    assert run("outlets", "rename", "o1", "Anadolu Agency").exit_code == 0
    run("add", "Second.", "-s", "Akar", "-d", "2020-02-27", "--url", "https://aa.com.tr/y")
    assert [s["outlet"] for s in json.loads(run("list", "-f", "json").stdout)] == ["Anadolu Agency"] * 2
    # A domain set by hand maps links to an outlet named otherwise.
    run(*add_args("Third.", outlet="Reuters"))
    assert run("outlets", "set", "Reuters", "--domain", "https://www.reuters.com").exit_code == 0
    run("add", "Fourth.", "-s", "Akar", "-d", "2020-02-27", "--url", "https://www.reuters.com/world/z")
    assert json.loads(run("list", "-f", "json").stdout)[-1]["outlet"] == "Reuters"


# ---------------------------------------------------------------- at a terminal and without one

@pytest.fixture
def at_terminal(monkeypatch):
    from quotetrack.commands import options

    monkeypatch.setattr(options, "at_terminal", lambda: True)


@pytest.mark.parametrize("known, other", [
    ("Mohamed Morsi", "Mohammed Mursi"),
    ("Kevin Lee", "Kevin Li"),  # never taken without asking, but still offered
])
def test_at_a_terminal_a_close_match_is_asked_and_yes_uses_it(run, at_terminal, known, other):
    run(*add_args("One.", speaker=known))
    result = run(*add_args("Two.", speaker=other), input="y\n")
    assert result.exit_code == 0, result.output
    assert f"Did you mean {known} (s1)? [Y/n]" in result.stderr
    assert [s["name"] for s in speakers_json(run)] == [known]


def test_at_a_terminal_no_makes_a_new_speaker(run, at_terminal):
    run(*add_args("One.", speaker="Mohamed Morsi"))
    result = run(*add_args("Two.", speaker="Mohammed Mursi"), input="n\n")
    assert result.exit_code == 0, result.output
    assert [s["name"] for s in speakers_json(run)] == ["Mohamed Morsi", "Mohammed Mursi"]


def test_without_a_terminal_a_close_match_is_said_on_stderr_with_its_undo(run):
    run(*add_args("One.", speaker="Mohamed Morsi"))
    result = run(*add_args("Two.", speaker="Mohammed Mursi"))
    assert result.exit_code == 0 and result.stdout.strip().startswith("q")
    assert "speaker 'Mohammed Mursi' taken as Mohamed Morsi (s1)" in result.stderr
    assert "quotetrack unmerge m1" in result.stderr


def test_without_a_terminal_a_weak_match_makes_a_new_speaker_with_a_hint(run):
    run(*add_args("One.", speaker="Mevlut Cavusoglu"))
    result = run(*add_args("Two.", speaker="M. Cavusoglu"))
    assert result.exit_code == 0
    assert "looks like Mevlut Cavusoglu (s1" in result.stderr
    assert "quotetrack speakers merge s1 s2" in result.stderr


# ---------------------------------------------------------------- merge and unmerge

def test_merge_moves_statements_and_names_and_unmerge_gives_them_back(db):
    add(db, "Kremlin", text="One.")
    add(db, "Dmitry Peskov", text="Two.")
    record = merge(db, "speaker", "s1", "s2")
    assert [s.speaker for s in list_statements(db)] == ["Kremlin", "Kremlin"]
    assert "Dmitry Peskov" in get_identity(db, "speaker", "s1").aliases
    # Added after the merge under the merged-in name: it goes back with the unmerge too.
    assert add(db, "Dmitry Peskov", text="Three.").speaker == "Kremlin"
    unmerge(db, record.label)
    assert [s.speaker for s in list_statements(db)] == ["Kremlin", "Dmitry Peskov", "Dmitry Peskov"]
    assert get_identity(db, "speaker", "s1").aliases == ()
    assert list_merges(db)[0].undone_at


def test_unmerge_of_an_automatic_match_makes_the_spelling_its_own_speaker(db):
    from quotetrack.identities import Resolving

    add(db, "Sergei Lavrov", text="One.")
    resolving = Resolving()
    add(db, "Sergey Lavrov", text="Two.", resolving=resolving)
    record = unmerge(db, f"m{resolving.matches[0].merge_id}")
    assert record.from_label == "s2"
    assert [s.speaker for s in list_statements(db)] == ["Sergei Lavrov", "Sergey Lavrov"]


def test_merge_and_unmerge_through_the_cli(run):
    run(*add_args("One.", speaker="Kremlin"))
    run(*add_args("Two.", speaker="Dmitry Peskov"))
    result = run("speakers", "merge", "s1", "Dmitry Peskov")
    assert result.exit_code == 0 and "Undo with: quotetrack unmerge m1" in result.stdout
    assert [s["statements"] for s in speakers_json(run)] == [2]
    assert "merged s2 (Dmitry Peskov) into s1 (Kremlin)" in run("merges").stdout
    result = run("unmerge", "m1")
    assert result.exit_code == 0 and "s2 (Dmitry Peskov) is apart from s1" in result.stdout
    assert [s["statements"] for s in speakers_json(run)] == [1, 1]
    assert_one_line_error(run("unmerge", "m1"), "already undone")


# ---------------------------------------------------------------- bad input: nothing changes

@pytest.mark.parametrize("args, fragment", [
    (("speakers", "merge", "s1", "s1"), "into itself"),
    (("speakers", "merge", "s1", "Hulusi Akar"), "into itself"),
    (("speakers", "merge", "s1", "s99"), "no speaker with id 's99'"),
    (("speakers", "show", "s99"), "no speaker with id 's99'"),
    (("speakers", "merge", "s1", "Nobody Known"), "no speaker named 'Nobody Known'"),
    (("speakers", "alias", "s1", "Recep Tayyip Erdoğan"), "already names speaker s2"),
    (("speakers", "alias", "s1", "  "), "alias: is empty"),
    (("speakers", "rename", "s1", ""), "name: is empty"),
    (("speakers", "rename", "s1", "Recep Tayyip Erdogan"), "s2"),
    (("speakers", "set", "s1", "--kind", "robot"), "'robot' is not a kind"),
    (("outlets", "set", "o1", "--domain", "not a domain"), "not a web domain"),
    (("unmerge", "m7"), "no merge with id 'm7'"),
    (("speakers", "show", "s" + "9" * 25), "no speaker with id"),
    (("speakers", "merge", "s1", "9" * 20), "no speaker with id"),
    (("outlets", "show", "o" + "9" * 20), "no outlet with id"),
    (("unmerge", "m" + "9" * 25), "no merge with id"),
    (("add", "x", "-s", " ", "-o", "Anadolu", "-d", "2020"), "speaker"),
])
def test_bad_identity_commands_fail_with_one_line_and_change_nothing(run, db_path, args, fragment):
    run(*add_args("One.", speaker="Hulusi Akar"))
    run(*add_args("Two.", speaker="Recep Tayyip Erdogan"))
    before = (speakers_json(run), run("outlets", "list", "-f", "json").stdout, run("merges").stdout)
    assert_one_line_error(run(*args), fragment)
    after = (speakers_json(run), run("outlets", "list", "-f", "json").stdout, run("merges").stdout)
    assert after == before


def test_an_alias_is_refused_when_another_speaker_has_it_and_all_or_nothing(db):
    from quotetrack.identities import ConflictingNameError

    add(db, "Hulusi Akar", text="One.")
    add(db, "Recep Tayyip Erdogan", text="Two.")
    with pytest.raises(ConflictingNameError):
        add_aliases(db, "speaker", "s1", ["Defence Minister Akar", "President Recep Tayyip Erdoğan"])
    assert get_identity(db, "speaker", "s1").aliases == ()


def test_removing_spellings_is_all_or_nothing(db):
    from quotetrack.errors import NotFoundError
    from quotetrack.identities import remove_aliases

    add(db, "Hulusi Akar", text="One.")
    add_aliases(db, "speaker", "s1", ["Defence Minister Akar", "H. Akar"])
    before = get_identity(db, "speaker", "s1").aliases
    with pytest.raises(NotFoundError):
        remove_aliases(db, "speaker", "s1", ["H. Akar", "Somebody Else"])
    assert get_identity(db, "speaker", "s1").aliases == before  # 'H. Akar' is still there
    remove_aliases(db, "speaker", "s1", ["H. Akar"])
    assert len(get_identity(db, "speaker", "s1").aliases) == len(before) - 1


# ---------------------------------------------------------------- listing, sides, import

def test_speakers_list_counts_statements_and_conflicts_in_every_format(run):
    assert run("import", str(DATA / "idlib-2020.csv")).exit_code == 0
    assert run("conflicts").exit_code == 0
    speakers = {s["name"]: s for s in speakers_json(run)}
    assert speakers["Mevlut Cavusoglu"]["statements"] == 8
    assert speakers["Mevlut Cavusoglu"]["conflicts"] == 1 and speakers["Russia"]["conflicts"] == 1
    assert speakers["Haaretz"]["conflicts"] == 1
    rows = list(csv.DictReader(run("speakers", "list", "-f", "csv").stdout.splitlines()))
    assert rows[0].keys() >= {"id", "name", "kind", "affiliation", "statements", "conflicts"}
    table = run("speakers", "list").stdout
    assert table.splitlines()[0].split("\t")[:2] == ["id", "name"]
    outlets = json.loads(run("outlets", "list", "-f", "json").stdout)
    assert [(o["name"], o["statements"]) for o in outlets] == [
        ("Haaretz", 26), ("Turkish media", 1), ("NTV", 1), ("Rossiyskaya Gazeta", 1)]


def test_side_groups_an_institution_and_its_people_in_list_and_conflicts(run):
    run("import", str(DATA / "idlib-2020.csv"))
    for name in ("Mevlut Cavusoglu", "Turkish Presidency", "Recep Tayyip Erdogan"):
        assert run("speakers", "set", name, "--affiliation", "Turkey").exit_code == 0
    run("speakers", "set", "Russia", "--affiliation", "Russia")
    listed = json.loads(run("list", "--side", "turkey", "-f", "json").stdout)
    assert {s["speaker"] for s in listed} == {"Mevlut Cavusoglu", "Turkish Presidency",
                                              "Recep Tayyip Erdogan"}
    assert [s["name"] for s in json.loads(run("speakers", "list", "--side", "Türkey", "-f", "json").stdout)] == [
        "Turkish Presidency", "Recep Tayyip Erdogan", "Mevlut Cavusoglu"]
    conflicts = json.loads(run("conflicts", "--side", "Russia", "-f", "json").stdout)
    assert [c["type"] for c in conflicts] == ["polarity"]


def test_import_resolves_names_as_add_does_and_reports_close_matches(run, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("text,speaker,outlet,date,url\n"
                    "One.,Mevlut Cavusoglu,Reuters,2020-02-04,\n"
                    "Two.,Turkish Foreign Minister Mevlüt Çavuşoğlu,Reuters,2020-02-04,\n"
                    "Three.,Cavusoglu,,2020-02-05,https://www.reuters.com/a\n"
                    "Four.,Sergei Shoigu,Reuters,2020-02-05,\n", encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 0, result.output
    assert "speaker 'Cavusoglu' taken as Mevlut Cavusoglu (s1)" in result.stderr
    assert [(s["name"], s["statements"]) for s in speakers_json(run)] == [
        ("Mevlut Cavusoglu", 3), ("Sergei Shoigu", 1)]
    listed = json.loads(run("list", "-f", "json").stdout)
    assert [s["role"] for s in listed] == [None, "Turkish Foreign Minister", None, None]
    assert {s["outlet"] for s in listed} == {"Reuters"}


def test_export_then_import_keeps_roles(run, tmp_path):
    run(*add_args("One.", speaker="Defence Minister Hulusi Akar"))
    exported = run("export").stdout
    other = tmp_path / "other.db"
    from helpers import invoke

    path = tmp_path / "out.csv"
    path.write_text(exported, encoding="utf-8")
    assert invoke(["--db", str(other), "import", str(path)]).exit_code == 0
    listed = json.loads(invoke(["--db", str(other), "list", "-f", "json"]).stdout)
    assert (listed[0]["speaker"], listed[0]["role"]) == ("Hulusi Akar", "Defence Minister")


# ---------------------------------------------------------------- conflicts use identities

def test_a_reversal_is_found_across_two_spellings_of_one_speaker(run):
    run("add", "We followed the rules at all times", "-s", "Boris Johnson", "-o", "BBC",
        "-d", "2021-12-01", "-k", "indirect")
    run("add", "We broke the rules", "-s", "Prime Minister Boris Johnson", "-o", "Guardian",
        "-d", "2022-04-12", "-k", "indirect")
    found = json.loads(run("conflicts", "-f", "json").stdout)
    assert [c["type"] for c in found] == ["reversal"]


# ---------------------------------------------------------------- migration of older databases

def test_a_database_from_before_identities_is_migrated_with_its_names(db_path):
    from sqlite_utils import Database, Migrations

    from quotetrack.db import open_db
    from quotetrack.migrations import migrations

    old = Database(db_path)
    steps = Migrations(migrations.name)
    for name, function in migrations.steps[:2]:
        steps(name=name)(function)
    steps.apply(old)
    for table, name in (("speakers", "Mevlüt Çavuşoğlu"), ("speakers", "Mevlut Cavusoglu"),
                        ("outlets", "Haaretz")):
        old.execute(f"INSERT INTO {table} (name, norm, created_at) VALUES (?, ?, '2020')",
                    [name, name.lower()])
    old.execute("INSERT INTO statements (id, text, text_norm, kind, speaker_id, outlet_id, date, "
                "date_start, date_end, tags, added_at) VALUES ('qaaaaaa', 'x', 'x', 'direct', 1, 1, "
                "'2020', '2020-01-01', '2020-12-31', '[]', '2020')")
    old.conn.commit()
    old.close()
    db = open_db(db_path)
    assert lookup(db, SPEAKER, "Cavusoglu").best.id == 1
    stored = add(db, "Mevlut Cavusoglu", text="y", outlet="Haaretz")
    assert stored.speaker == "Mevlüt Çavuşoğlu"
    assert get_statement(db, "qaaaaaa").speaker == "Mevlüt Çavuşoğlu"
    db.close()


# ---------------------------------------------------------------- measured on the labelled set

def test_labelled_alias_set_precision_and_recall_floors(db):
    """benchmarks/eval_aliases.py measures precision 1.000 and recall 0.89; floors below that."""
    with (DATA / "aliases" / "identities.csv").open(encoding="utf-8") as fh:
        known = list(csv.DictReader(fh))
    with (DATA / "aliases" / "names.csv").open(encoding="utf-8") as fh:
        names = list(csv.DictReader(fh))
    with write_transaction(db):
        ids = {row["id"]: create_identity(db, SPEAKER, row["name"]) for row in known}
    right = taken_wrongly = 0
    for row in names:
        found = lookup(db, SPEAKER, row["name"])
        got = found.exact_id if found.exact_id is not None else (
            found.best.id if found.automatic else None)
        want = ids.get(row["expected"])
        right += bool(want) and got == want
        taken_wrongly += got is not None and got != want
    aliases = sum(1 for row in names if row["expected"])
    assert taken_wrongly == 0
    assert right / aliases >= 0.85


def test_speaker_filter_matches_any_spelling(db):
    add(db, "Mevlüt Çavuşoğlu", text="One.")
    add(db, "Mevlut Chavushoglu", text="Two.")
    assert len(list_statements(db, Filters(speaker="chavushoglu"))) == 2
