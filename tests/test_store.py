"""The statement store through the library: what is kept, found, changed and refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.errors import DuplicateError, NotFoundError, ValidationError
from quotetrack.models import Filters
from quotetrack.store import (
    add_statement, counts, delete_statement, get_statement, iter_statements, list_statements,
    search_statements, update_statement,
)


def add(db, text="We will respond.", speaker="Hulusi Akar", outlet="Anadolu",
        date="2020-02-27", **extra):
    return add_statement(db, text=text, speaker=speaker, outlet=outlet, date=date, **extra)


def ids(statements):
    return [s.id for s in statements]


# ---------------------------------------------------------------- adding and reading back

def test_add_stores_every_field_and_gives_a_short_typable_id(db):
    stored = add(db, kind="indirect", url="https://example.org/a", via="NTV", topic="Idlib",
                 tags=["military", "Turkey"], notes="second-hand")
    assert stored.id.startswith("q") and len(stored.id) == 7
    again = get_statement(db, stored.id)
    assert again == stored
    assert (again.kind, again.via, again.url, again.topic, again.tags, again.notes) == (
        "indirect", "NTV", "https://example.org/a", "Idlib", ("military", "Turkey"), "second-hand")
    assert again.added_at.endswith("Z") and again.updated_at is None


def test_id_lookup_ignores_case_and_surrounding_spaces(db):
    stored = add(db)
    assert get_statement(db, f"  {stored.id.upper()} ").id == stored.id


@pytest.mark.parametrize("text", [
    "قال أردوغان إن تركيا سترد",                       # Arabic
    "Çok şiddetli bir karşılık vereceğiz, dedi Iğdır'da İsmail ı",  # Turkish ç ş ğ ı İ
    "Мы ответим на любую агрессию",                    # Cyrillic
    "We will respond 🇹🇷🔥 ‍👩‍👩‍👧",                        # emoji, flags, joiners
    "e\u0301 (decomposed) and \u00e9 (composed)",      # not normalised on the way in
    "  leading and trailing spaces kept  ",
    "line one\r\nline two\rline three\n",
])
def test_text_is_stored_and_read_back_exactly(db, text):
    stored = add(db, text=text)
    assert get_statement(db, stored.id).text == text


def test_names_in_any_script_are_stored_as_given(db):
    stored = add(db, speaker="Recep Tayyip Erdoğan", outlet="Аль-Джазира", via="العربية")
    again = get_statement(db, stored.id)
    assert (again.speaker, again.outlet, again.via) == ("Recep Tayyip Erdoğan", "Аль-Джазира", "العربية")


def test_a_one_megabyte_text_is_accepted(db):
    text = ("Çatışma sürüyor. " * 70_000)[:1_000_000]
    assert get_statement(db, add(db, text=text).id).text == text


@pytest.mark.parametrize("date, kept", [
    ("2020", "2020"), ("2020-02", "2020-02"), ("2020-2", "2020-02"), ("2020-02-04", "2020-02-04"),
    ("4 February 2020", "2020-02-04"), ("February 2020", "2020-02"),
])
def test_partial_dates_keep_their_precision(db, date, kept):
    assert add(db, date=date).date == kept


# ---------------------------------------------------------------- refused input

@pytest.mark.parametrize("fields, field", [
    ({"text": ""}, "text"),
    ({"text": "   \n\t"}, "text"),
    ({"text": "before\x00after"}, "text"),
    ({"text": "lone \udc80 surrogate"}, "text"),
    ({"speaker": ""}, "speaker"),
    ({"outlet": "  "}, "outlet"),
    ({"date": "2020-02-31"}, "date"),
    ({"date": "2020-13"}, "date"),
    ({"date": "04.02.2020"}, "date"),
    ({"date": "yesterday"}, "date"),
    ({"kind": "rumour"}, "kind"),
    ({"notes": "a\x00b"}, "notes"),
    ({"tags": ["a,b"]}, "tags"),
])
def test_bad_field_is_refused_naming_the_field_and_nothing_is_stored(db, fields, field):
    with pytest.raises(ValidationError) as caught:
        add(db, **fields)
    assert caught.value.field == field
    assert "\n" not in str(caught.value)
    assert counts(db).statements == 0


@pytest.mark.parametrize("date", ["2020-02-31", "31/02/2020", "31.04.2020", "00/13/2020", "13/13/2020"])
def test_an_impossible_date_is_reported_as_not_a_date(db, date):
    with pytest.raises(ValidationError, match=f"^date: '{date}' is not a date$"):
        add(db, date=date)


@pytest.mark.parametrize("date", ["13/04/2020", "04/13/2020", "13.04.2020", "13-4-2020"])
def test_a_numeric_date_with_only_one_reading_is_taken(db, date):
    assert add(db, date=date).date == "2020-04-13"


def test_a_numeric_date_that_reads_the_same_both_ways_is_taken(db):
    assert add(db, date="04/04/2020").date == "2020-04-04"


@pytest.mark.parametrize("date, words", [
    ("04/02/2020", "could be read day-first or month-first"),
    ("13/04/20", "year in full"),
])
def test_a_numeric_date_with_two_readings_or_a_short_year_is_refused(db, date, words):
    with pytest.raises(ValidationError, match=words):
        add(db, date=date)


# ---------------------------------------------------------------- duplicates

def test_exact_duplicate_is_refused_with_the_existing_id(db):
    first = add(db, text="We will respond.")
    with pytest.raises(DuplicateError) as caught:
        add(db, text="  we will  RESPOND.  ")
    assert caught.value.existing_id == first.id
    assert first.id in str(caught.value)
    assert counts(db).statements == 1


def test_same_words_from_another_outlet_or_date_are_not_duplicates(db):
    add(db)
    add(db, outlet="Reuters")
    add(db, date="2020-02-28")
    assert counts(db).statements == 3


def test_force_stores_a_duplicate_under_a_new_id(db):
    first = add(db)
    second = add(db, force=True)
    assert second.id != first.id
    assert counts(db).statements == 2


# ---------------------------------------------------------------- listing and filters

@pytest.fixture
def story(db):
    """A small story: who said what, when, where."""
    return {
        "akar": add(db, "We will respond.", "Hulusi Akar", "Anadolu", "2020-02-27",
                    kind="direct", topic="Idlib", tags=["military"]),
        "erdogan": add(db, "Turkey will not retreat.", "Recep Tayyip Erdoğan", "NTV", "2020-02",
                       kind="indirect", topic="idlib", tags=["Military", "politics"]),
        "lavrov": add(db, "Russia respects the agreement.", "Sergey Lavrov", "TASS", "2020-03-05",
                      via="Reuters"),
        "year": add(db, "The offensive will continue.", "Bashar al-Assad", "SANA", "2020"),
        "old": add(db, "Idlib is a de-escalation zone.", "Sergey Lavrov", "TASS", "2018-09-17"),
    }


def test_list_is_oldest_first_with_partial_dates_at_their_start(db, story):
    assert ids(list_statements(db)) == [story[k].id for k in ("old", "year", "erdogan", "akar", "lavrov")]


def test_speaker_filter_ignores_case_and_accents(db, story):
    assert ids(list_statements(db, Filters(speaker="erdogan"))) == [story["erdogan"].id]
    assert ids(list_statements(db, Filters(speaker="LAVROV"))) == [story["old"].id, story["lavrov"].id]


def test_outlet_filter_also_matches_the_relay(db, story):
    assert ids(list_statements(db, Filters(outlet="reuters"))) == [story["lavrov"].id]


def test_since_and_until_include_partial_dates_that_overlap_the_range(db, story):
    # "2020-02" (a month) overlaps 2020-02-15 onwards; "2020" (a year) overlaps anything in 2020.
    since = ids(list_statements(db, Filters(since="2020-02-15")))
    assert since == [story[k].id for k in ("year", "erdogan", "akar", "lavrov")]
    until = ids(list_statements(db, Filters(until="2020-02")))
    assert until == [story[k].id for k in ("old", "year", "erdogan", "akar")]
    assert ids(list_statements(db, Filters(since="2020-03-01", until="2020-03-31"))) == [
        story["year"].id, story["lavrov"].id]


def test_since_and_until_are_inclusive_of_their_day(db, story):
    assert story["akar"].id in ids(list_statements(db, Filters(since="2020-02-27", until="2020-02-27")))


def test_topic_and_tag_filters_ignore_case(db, story):
    assert ids(list_statements(db, Filters(topic="IDLIB"))) == [story["erdogan"].id, story["akar"].id]
    assert ids(list_statements(db, Filters(tags=("military",)))) == [story["erdogan"].id, story["akar"].id]
    assert ids(list_statements(db, Filters(tags=("military", "politics")))) == [story["erdogan"].id]


def test_kind_filter_and_limit(db, story):
    assert ids(list_statements(db, Filters(kind="indirect"))) == [story["erdogan"].id]
    assert len(list_statements(db, Filters(limit=2))) == 2


def test_a_limit_larger_than_sqlite_can_count_lists_every_statement(db, story):
    everything = ids(list_statements(db))
    huge = Filters(limit=10**30)
    assert ids(list_statements(db, huge)) == everything
    assert ids(iter_statements(db, huge)) == everything
    assert len(search_statements(db, "the", huge)) == len(search_statements(db, "the"))


def test_filter_with_a_bad_date_is_refused(db, story):
    with pytest.raises(ValidationError, match="--since"):
        list_statements(db, Filters(since="2020-02-31"))


def test_like_wildcards_in_a_filter_are_taken_literally(db, story):
    assert list_statements(db, Filters(speaker="%")) == []
    assert list_statements(db, Filters(speaker="_")) == []


# ---------------------------------------------------------------- search

def test_search_needs_every_word_and_ranks_the_closest_match_first(db):
    weak = add(db, "Troops moved towards Idlib while talks about a ceasefire went on for days "
                   "and nobody expected much from the meeting in Moscow.", date="2020-03-01")
    strong = add(db, "A ceasefire in Idlib starts at midnight.", date="2020-03-05")
    add(db, "A ceasefire was agreed.", date="2020-03-06")
    results = search_statements(db, "idlib ceasefire")
    assert [s.id for s, _ in results] == [strong.id, weak.id]


def test_search_keeps_a_quoted_phrase_together(db):
    together = add(db, "Russia respects the agreement.")
    apart = add(db, "The agreement, Russia says, is respected.", outlet="TASS")
    assert [s.id for s, _ in search_statements(db, '"russia respects"')] == [together.id]
    found = {s.id for s, _ in search_statements(db, "russia agreement")}
    assert found == {together.id, apart.id}


def test_search_ignores_accents_and_finds_non_latin_words(db):
    turkish = add(db, "Erdoğan: Kararlıyız, geri adım atmayacağız.")
    arabic = add(db, "قال أردوغان إن تركيا سترد", outlet="Al Jazeera")
    assert [s.id for s, _ in search_statements(db, "erdogan")] == [turkish.id]
    assert [s.id for s, _ in search_statements(db, "تركيا")] == [arabic.id]


def found(db, query):
    return [s.id for s, _ in search_statements(db, query)]


@pytest.mark.parametrize("query", ["acikladi", "AÇIKLADI", "açıkladı", "Igdir", "ığdır", "IĞDIR"])
def test_search_folds_turkish_dotless_i_both_ways(db, query):
    statement = add(db, "Iğdır valisi açıkladı: sınır kapısı kapalı.")
    assert found(db, query) == [statement.id]


@pytest.mark.parametrize("query", ["lodz", "Łódź", "strasse", "oresund", "aegir"])
def test_search_folds_letters_that_fts5_keeps_apart(db, query):
    statement = add(db, "From Łódź to the Straße by the Øresund, said Ægir.")
    assert found(db, query) == [statement.id]


def test_the_folded_index_follows_edits_deletes_and_imports(db, tmp_path):
    from quotetrack.importer import import_path

    statement = add(db, "Kayıp yok, dedi.")
    update_statement(db, statement.id, {"text": "Łódź is calm."})
    assert found(db, "kayip") == [] and found(db, "lodz") == [statement.id]
    delete_statement(db, statement.id)
    assert found(db, "lodz") == []
    path = tmp_path / "more.csv"
    path.write_text("text,speaker,outlet,date\nSaldırı sabaha karşı başladı,S,O,2020\n", encoding="utf-8")
    import_path(db, path)  # bulk inserts index the new rows in one statement
    assert len(found(db, "saldiri basladi")) == 1
    # The index holds exactly what the triggers give it: FTS5's own check passes.
    db.execute("INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check')")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aIiıİłŁøØßẞæÆœŒþÞðÐđĐħĦçğ ?'%_\\")
               | st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
def test_the_index_triggers_fold_as_search_queries_do(text):
    import sqlite3

    from quotetrack.normalize import fold_for_search, search_fold_sql

    in_sql = sqlite3.connect(":memory:").execute(f"SELECT {search_fold_sql('?')}", [text]).fetchone()[0]
    assert in_sql == fold_for_search(text)


def test_an_older_database_gets_its_search_index_folded(db_path):
    from quotetrack.db import open_db
    from quotetrack.migrations import migrations

    old = open_db(db_path, migrate=False)
    migrations.build().apply(old.utils, stop_before="0004_search_folds")
    statement = add(old, "Açıklama yapılmadı.")
    assert found(old, "aciklama") == []
    old.close()
    upgraded = open_db(db_path)
    assert found(upgraded, "aciklama") == [statement.id]
    upgraded.close()


def test_search_returns_the_matched_terms_for_highlighting(db):
    add(db, "Russia respects the agreement.")
    [(_, terms)] = search_statements(db, 'respects "the agreement"')
    assert terms == ["respects", "the agreement"]


def test_search_with_only_punctuation_is_refused(db):
    with pytest.raises(ValidationError, match="no words"):
        search_statements(db, '"" -- *')


def test_search_takes_fts_syntax_as_plain_words(db):
    add(db, "NOT a drill: troops OR tanks moved near Saraqib.")
    assert len(search_statements(db, "NOT OR saraqib*")) == 1


# ---------------------------------------------------------------- edit and delete

def test_edit_keeps_the_id_and_records_when(db):
    stored = add(db)
    edited = update_statement(db, stored.id, {"text": "We will respond in kind.", "kind": "indirect",
                                              "tags": ["military"]})
    assert edited.id == stored.id
    assert (edited.text, edited.kind, edited.tags) == ("We will respond in kind.", "indirect", ("military",))
    assert edited.updated_at is not None and edited.added_at == stored.added_at
    assert search_statements(db, "kind")[0][0].id == stored.id


def test_edit_can_clear_an_optional_field(db):
    stored = add(db, url="https://example.org", via="NTV")
    edited = update_statement(db, stored.id, {"url": "", "via": ""})
    assert (edited.url, edited.via) == (None, None)


def test_edit_refuses_a_bad_value_and_changes_nothing(db):
    stored = add(db)
    with pytest.raises(ValidationError):
        update_statement(db, stored.id, {"text": "new words", "date": "2020-02-31"})
    assert get_statement(db, stored.id) == stored


def test_edit_refuses_to_make_a_duplicate_unless_forced(db):
    first = add(db, "One.")
    second = add(db, "Two.")
    with pytest.raises(DuplicateError):
        update_statement(db, second.id, {"text": "one."})
    assert update_statement(db, second.id, {"text": "one."}, force=True).text == "one."
    assert get_statement(db, first.id).text == "One."


def test_edit_into_a_duplicate_says_so_for_an_edit(db):
    first = add(db, "One.")
    second = add(db, "Two.")
    with pytest.raises(DuplicateError, match=f"after this edit .* same as {first.id} .*--force to edit it anyway"):
        update_statement(db, second.id, {"text": "one."})


@pytest.mark.parametrize("field", ["text", "kind", "speaker", "outlet", "date"])
@pytest.mark.parametrize("blank", ["", "   "])
def test_edit_to_a_blank_required_field_is_refused_and_changes_nothing(db, field, blank):
    stored = add(db, url="https://example.org/x")  # a url must not stand in for an emptied outlet
    with pytest.raises(ValidationError, match=f"^{field}: is empty$"):
        update_statement(db, stored.id, {field: blank})
    assert get_statement(db, stored.id) == stored


def _detection_rows(db, statement_id):
    return {table: db.execute(f"SELECT count(*) FROM {table} WHERE {where}",
                              [statement_id] * where.count("?")).fetchone()[0]
            for table, where in (("conflicts", "a_id = ? OR b_id = ?"),
                                 ("analysis", "statement_id = ?"), ("terms", "statement_id = ?"))}


def test_edit_drops_what_detection_stored_for_the_statement_but_keeps_reviews(db):
    from quotetrack.conflicts.detect import detect
    from quotetrack.conflicts.review import conflicts_for_statement, set_status

    denied = add(db, "Turkey failed to notify the Russian military about troop movements",
                 speaker="Russia", date="2020-02-04")
    notified = add(db, "The attack came despite a prior notification by Turkey of its troops' "
                   "coordinates", speaker="Mevlut Cavusoglu", date="2020-02-04")
    detect(db)
    [conflict] = conflicts_for_statement(db, denied.id)
    set_status(db, conflict.id, "dismissed", "different events")
    update_statement(db, denied.id, {"notes": "from the MoD readout", "tags": ["russia"]})
    kept = _detection_rows(db, denied.id)  # detection reads no notes or tags
    assert kept["conflicts"] == 1 and kept["analysis"] == 1 and kept["terms"] > 0
    update_statement(db, denied.id, {"text": denied.text + " overnight"})
    assert _detection_rows(db, denied.id) == {"conflicts": 0, "analysis": 0, "terms": 0}
    assert _detection_rows(db, notified.id)["analysis"] == 1  # the other side is not redone
    assert conflicts_for_statement(db, denied.id) == []
    detect(db)
    [again] = conflicts_for_statement(db, denied.id)
    assert (again.id, again.status, again.note) == (conflict.id, "dismissed", "different events")


def test_edit_of_an_unknown_id_is_not_found(db):
    with pytest.raises(NotFoundError, match="qzzzzzz"):
        update_statement(db, "qzzzzzz", {"text": "x"})


def test_delete_removes_the_statement_and_it_can_no_longer_be_found(db):
    stored = add(db)
    kept = add(db, "Something else.")
    assert delete_statement(db, stored.id) == stored
    with pytest.raises(NotFoundError):
        get_statement(db, stored.id)
    assert search_statements(db, "respond") == []
    assert ids(list_statements(db)) == [kept.id]


def test_deleted_statement_added_again_gets_the_same_id(db):
    stored = add(db)
    delete_statement(db, stored.id)
    assert add(db).id == stored.id


def test_counts_cover_statements_speakers_and_outlets(db, story):
    numbers = counts(db)
    assert (numbers.statements, numbers.speakers, numbers.outlets) == (5, 4, 5)


# ---------------------------------------------------------------- two writers at once

_WRITER = """
import sys, time
from quotetrack.db import open_db
from quotetrack.store import add_statement
path, name, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
while time.time() < start:
    time.sleep(0.001)
db = open_db(path)
for n in range(150):
    add_statement(db, text=f"{name} says {n}", speaker=name, outlet="Wire", date="2020-02-27")
"""


def test_three_processes_adding_at_once_all_succeed(db_path):
    import subprocess
    import sys
    import time

    # All start on the same instant, on a database none has created yet.
    start = str(time.time() + 0.5)
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(db_path), name, start],
                                stderr=subprocess.PIPE, text=True) for name in ("Akar", "Lavrov", "Assad")]
    for writer in writers:
        _, errors = writer.communicate(timeout=60)
        assert writer.returncode == 0, errors
    from quotetrack.db import open_db

    db = open_db(db_path)
    assert counts(db).statements == 450
    assert {s.speaker for s in list_statements(db)} == {"Akar", "Lavrov", "Assad"}


def test_search_not_leaves_out_statements_with_the_word(db):
    from quotetrack.store import add_statement, search_statements

    add_statement(db, text="Turkey shelled positions in Idlib", speaker="A", outlet="B", date="2020")
    add_statement(db, text="Turkey and Syria exchanged fire in Idlib", speaker="A", outlet="B", date="2020")
    found = [s.text for s, _ in search_statements(db, "turkey NOT syria")]
    assert found == ["Turkey shelled positions in Idlib"]
    assert len(search_statements(db, "NOT turkey")) == 2  # a leading NOT has nothing to leave out of
    assert len(search_statements(db, "idlib NOT")) == 2  # a trailing operator is dropped


def test_statement_ids_are_told_from_other_ids(db):
    from quotetrack.store import is_statement_id

    statement = add(db)
    assert is_statement_id(statement.id) and is_statement_id(f" {statement.id.upper()} ")
    for other in ("c1a2b3c4", "s3", "q12345", "q1234567", "", "qabcdel"):  # 'l' is no id letter
        assert not is_statement_id(other), other


@pytest.mark.parametrize("name", ["%", "...", " - "])
def test_a_speaker_or_outlet_with_no_letter_or_digit_is_refused(db, name):
    from quotetrack.errors import ValidationError
    from quotetrack.store import add_statement

    for field in ("speaker", "outlet"):
        fields = {"text": "The port reopened", "speaker": "Harbour master", "outlet": "Wire", "date": "2024"}
        fields[field] = name
        with pytest.raises(ValidationError, match="names no one"):
            add_statement(db, **fields)
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] == 0


def test_a_trailing_comma_is_no_part_of_a_name(db):
    from quotetrack.store import add_statement, get_statement

    stored = add_statement(db, text="The port reopened", speaker="Minister, ", outlet="Wire", date="2024")
    assert get_statement(db, stored.id).speaker == "Minister"
