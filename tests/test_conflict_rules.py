"""The rules that decide whether two accounts conflict, one behaviour per test.

Every conflict type is shown to fire on a clear case, and each near-miss kind (hedged figures,
different subjects, different counted things, a rising toll, emphasis, agreeing negations,
the same quote twice) is shown not to.
"""

from __future__ import annotations

import datetime as dt

import pytest

from quotetrack.conflicts.features import analyse
from quotetrack.conflicts.numbers import find_figures
from quotetrack.conflicts.rules import Item, compare, same_speaker, speaker_key


def item(text: str, speaker: str = "Source A", date: str = "2020-02-04", kind: str = "indirect",
         topic: str | None = None, ident: str = "x") -> Item:
    day = dt.date.fromisoformat(date).toordinal()
    return Item(id=ident, text=text, speaker=speaker, speaker_key=speaker_key(speaker),
                outlet="Outlet", date=date, day_start=day, day_end=day, kind=kind, topic=topic,
                features=analyse(text))


def conflict(a: Item, b: Item):
    return compare(a, b)


# ---------------------------------------------------------------- polarity

def test_failed_to_notify_contradicts_prior_notification():
    a = item("The attack came despite a prior notification by Turkey of its troops' coordinates "
             "in Idlib", "Mevlut Cavusoglu")
    b = item("Turkey failed to notify the Russian military about troop movements overnight", "Russia")
    found = conflict(a, b)
    assert found is not None and found.type == "polarity"
    assert "failed to" in found.explanation and "notification" in found.explanation
    assert found.score >= 0.8


@pytest.mark.parametrize("denial", [
    "Iran's missiles did not hit the Ukrainian airliner",
    "Iran never hit the Ukrainian airliner with a missile",
    "It is impossible that a missile hit the Ukrainian airliner",
    "There is no evidence that a missile hit the Ukrainian airliner",
])
def test_negation_cues_deny_the_same_proposition(denial):
    fact = item("An Iranian missile hit the Ukrainian airliner shortly after take-off", "Justin Trudeau")
    found = conflict(fact, item(denial, "Iranian official"))
    assert found is not None and found.type == "polarity"


def test_a_claim_called_false_is_denied():
    claim = item("Saudi Arabia withdrew from the OPEC+ deal and raised output", "Vladimir Putin")
    denial = item("The claim that Saudi Arabia withdrew from the OPEC+ deal is devoid of truth",
                  "Faisal bin Farhan")
    found = conflict(claim, denial)
    assert found is not None and found.type == "polarity"


def test_reports_about_a_claim_called_untrue_deny_what_the_reports_say():
    fact = item("Army drones struck the rebels' supply depots near the river, destroying fuel stocks",
                "Rebel commander")
    denial = item("Posts shared online by the rebel press office about strikes by army drones on "
                  "the rebels' supply depots do not correspond to reality", "Army spokesman")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity"
    assert "do not correspond to reality" in found.explanation


def test_allegations_called_groundless_are_denied_by_what_they_allege_not_by_their_source():
    fact = item("Several ministers were part of a secret bribery scheme for the port contracts",
                "Whistleblower")
    denial = item("The whistleblower's allegations of a bribery scheme for the port contracts "
                  "are groundless", "Government spokesman")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity"
    # the same denial says nothing about another account that only names the whistleblower
    other = item("The whistleblower fled the country after the port contracts were signed", "Reuters")
    assert conflict(other, denial) is None


def test_two_accounts_that_both_deny_a_figure_agree():
    a = item("The city does not pay the utility 40 million a year: after the rebate it pays "
             "about 28 million a year", "Fact-checker")
    b = item("The claim that the city pays the utility 40 million a year was false", "Auditor")
    assert conflict(a, b) is None


def test_denying_having_said_it_contradicts_the_same_speakers_words_only():
    said = item("It was a cover-up by the ministry", "Dana Holt", date="2021-05-01", kind="direct")
    denied = item("She never acknowledged that there was a cover-up by the ministry; her words were "
                  "twisted", "Dana Holt", date="2021-05-02")
    found = conflict(said, denied)
    assert found is not None and found.type == "reversal"
    # someone else's denial that Holt said it says nothing about the cover-up itself
    other = item("The ministry ran a cover-up of the spill", "Auditor", date="2021-05-03")
    assert conflict(other, denied) is None


def test_no_programme_to_do_it_denies_doing_it():
    fact = item("The drug was developed by the army's chemical laboratory", "Inspectors")
    denial = item("The army never had a programme to develop the drug", "Defence ministry")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity" and "develop" in found.explanation


def test_a_misconception_to_say_denies_what_is_said_and_needs_its_predicate():
    claim = item("The river is the main source of the city's water, officials said")
    denial = item("It is a misconception to say that the river is the main source of the city's water")
    found = conflict(claim, denial)
    assert found is not None and found.type == "polarity" and "misconception" in found.explanation
    # an account that names the river and the city but not 'source' is not contradicted
    other = item("The river supplies a tenth of the city's water")
    assert conflict(other, denial) is None


def test_no_knowledge_of_it_contradicts_the_same_person_acting_on_it_only():
    denial = item("Mayor Ellen Vos had no knowledge of the payments to the contractor", "City hall")
    acted = item("The mayor approved the payments to the contractor in March", "Prosecutor")
    found = conflict(acted, denial)
    assert found is not None and found.type == "polarity"
    assert "'no knowledge of the payments' negates 'payments'" in found.explanation
    # the payments themselves are not denied: an account of someone else's act is no conflict
    assert conflict(item("The auditor traced the payments to a shell company"), denial) is None
    unaware = item("He was not aware of any software that cheated the emissions tests",
                   "Chief executive Jon Berg")
    assert conflict(item("Engineers installed software that cheated the emissions tests"), unaware) is None


def test_strikes_on_one_target_are_not_denied_by_a_denial_about_another():
    denial = item("The ministry said it is impossible that a missile hit the cargo ship", "Ministry")
    strikes = item("The navy carried out missile strikes on the rebels' supply depots, destroying "
                   "fuel stocks", "Rebels")
    assert conflict(strikes, denial) is None


def test_never_intended_to_do_it_denies_the_act_not_every_intention():
    denial = item("The march was a protest against plans to close the mine and was never intended "
                  "to overthrow the council", "Organiser")
    assert conflict(item("The hackers acted with clear intention and planning"), denial) is None
    found = conflict(item("The march was meant to overthrow the council", "Police"), denial)
    assert found is not None and "never intended to overthrow" in found.explanation


def test_failing_a_test_is_no_denial_that_makes_two_accounts_agree():
    fact = item("The sprinter is serving a ban from the league after failing a doping test")
    denial = item("The sprinter is not serving a ban for failing a doping test, her coach says")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity"


def test_a_headline_called_a_hoax_is_denied_by_an_account_naming_the_same_people():
    fact = item("Folk singer Mara Lind is dead")
    hoax = item("Mara Lind dead at 61: folk singer killed by online death hoax")
    found = conflict(fact, hoax)
    assert found is not None and found.type == "polarity" and "hoax" in found.explanation


def test_international_waters_contradict_a_countrys_waters():
    ours = item("The tanker was seized after it entered Omani territorial waters near the cape", "Oman")
    theirs = item("The tanker was boarded in international waters, far from any coast", "Owner")
    found = conflict(theirs, ours)
    assert found is not None and found.type == "antonym"
    assert "'international waters' contradicts 'territorial waters'" in found.explanation
    vague = item("Another ship entered our waters last year", "Oman")
    assert conflict(theirs, vague) is None


def test_denying_someones_allegations_denies_what_they_allege():
    fact = item("Her business partner had abused her for years and controlled what she ate", "Dana Holt")
    denial = item("The partner categorically denies all of Holt's allegations of abuse", "Lawyer")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity"


def test_no_longer_reasonable_to_believe_is_a_reversal_of_reasonable_to_believe():
    before = item("It is reasonable to believe that the drug may be effective in treating the disease",
                  "Drug agency", date="2020-03-28")
    after = item("It is no longer reasonable to believe that the drug may be effective in treating the "
                 "disease", "Drug agency", date="2020-06-15")
    found = conflict(before, after)
    assert found is not None and found.type == "reversal"


def test_a_denial_in_other_words_that_repeats_every_complement_is_found_at_a_low_score():
    used = item("The start-up's analysers were already being used by the army, on the front line and "
                "on rescue helicopters", "Founder")
    never = item("The start-up's devices were never deployed by the army, on the front line or on "
                 "rescue helicopters", "Prosecutor")
    found = conflict(used, never)
    assert found is not None and found.type == "polarity" and found.score <= 0.6
    assert "in other words" in found.explanation
    # a contrary verb agrees with the denial; complements the other does not repeat are not enough
    assert conflict(item("The senator lost the seat in the northern district by a wide margin"),
                    item("The senator did not win the seat in the northern district by a wide margin")) is None
    assert conflict(item("The company's analysers were used by the army"),
                    item("The company's devices were never deployed by the navy, on ships or on submarines")) is None


def test_no_way_to_rig_the_figures_denies_that_the_numbers_were_rigged():
    claim = item("In my view today's unemployment numbers were RIGGED to make us look bad", "Mayor")
    denial = item("A statistician has no way to rig the monthly figures, which are compiled by staff",
                  "Former director")
    found = conflict(claim, denial)
    assert found is not None and found.type == "polarity" and "no way to rig" in found.explanation


@pytest.mark.parametrize("fact,denial,words", [
    ("He met the oligarch twice in 2016", "He has never met the oligarch", "never met"),
    ("The plane deviated from its assigned route", "The plane did not deviate from its assigned route",
     "not deviate"),
    ("The water supply was switched to the river in April",
     "The city never switched its water supply to the river", "never switched"),
])
def test_the_denied_verb_is_the_one_after_the_cue(fact, denial, words):
    found = conflict(item(fact, "Source A"), item(denial, "Source B"))
    assert found is not None and found.type == "polarity" and f"'{words}' negates" in found.explanation


def test_no_casualties_is_contradicted_by_a_count_of_the_dead():
    found = conflict(item("Three civilians were killed in the strike"),
                     item("There were no civilian casualties in the strike"))
    assert found is not None and found.type == "numeric" and "3 vs 0" in found.explanation


def test_a_failed_launch_is_no_denial_and_a_second_by_names_the_agent():
    missile = item("The hospital was hit by a missile launched by the rebel group", "Army")
    failed = item("The hospital was hit by a failed rocket launch by the rebel group", "Army")
    assert conflict(missile, failed) is None
    agrees = item("It is highly likely that Norland did not strike the hospital", "Allied intelligence")
    assert conflict(item("The hospital was hit by a failed rocket launch by Islamic Jihad", "Army"),
                    agrees) is None


def test_our_rockets_are_the_speakers_and_both_blaming_the_same_side_agree():
    denial = item("The Norland accusation that one of our rockets hit the hospital is a lie",
                  "Eastern Front", topic="blast")
    same_blame = item("Hundreds were killed in a Norland air strike on the hospital", "Health Ministry",
                      topic="blast")
    assert conflict(denial, same_blame) is None
    other_blame = item("A rocket fired by Eastern Front fighters hit the hospital", "Norland army",
                       topic="blast")
    found = conflict(denial, other_blame)
    assert found is not None and "Norland army's account" in found.explanation


def test_a_double_negative_is_an_assertion():
    defend = item("Turkey will use its self-defence rights in the event of another attack", "Presidency")
    assert conflict(defend, item("Turkey will not hesitate to defend its soldiers", "Minister")) is None
    assert conflict(item("Turkey notified Russia of the troop movements", "Ankara"),
                    item("Turkey did not fail to notify Russia of the troop movements", "Ankara")) is None


def test_nothing_to_do_with_it_denies_responsibility():
    found = conflict(item("Russia bears ultimate responsibility for the incident in the village", "NATO"),
                     item("Russia had nothing to do with the incident in the village", "Kremlin"))
    assert found is not None and found.type == "polarity" and "nothing to do with" in found.explanation


def test_likelihoods_about_different_parties_agree():
    likely = item("The missile was likely fired by Ukraine's air defence", "NATO")
    assert conflict(likely, item("It is unlikely that the missile was fired by Russia", "White House")) is None
    # about the same party they do conflict
    found = conflict(likely, item("It is unlikely that the missile was fired by Ukraine's air defence", "Kyiv"))
    assert found is not None and found.type == "antonym"


@pytest.mark.parametrize("fact,denial", [
    ("Bashar al-Assad ordered the chemical attack on the town", "Assad did not order the chemical attack on the town"),
    ("Türkiye notified Russia of its troop positions in advance", "Turkey failed to notify Russia of its troop positions"),
    ("Chinese troops crossed the border into the valley",
     "China did not send troops across the border into the valley"),
    ("Volodymyr Zelenskyy said Ukrainian forces shot down the drone",
     "Zelensky denied that Ukrainian forces shot down the drone"),
])
def test_names_in_any_spelling_meet_across_accounts(fact, denial):
    found = conflict(item(fact, "Source A", topic="t"), item(denial, "Source B", topic="t"))
    assert found is not None and found.type == "polarity"


def test_no_such_thing_against_an_account_of_it():
    for fact, denial in [("There are plumes of oil under the surface", "There are no plumes."),
                         ("The vote count was falsified.", "There were no falsifications in this election.")]:
        found = conflict(item(fact, "Source A"), item(denial, "Source B"))
        assert found is not None and found.type == "polarity" and found.score <= 0.6
    assert conflict(item("There is a shortage of fuel in the city"),
                    item("There is no shortage of bread in the city")) is None


def test_a_denial_for_now_is_not_contradicted_later_unless_the_thing_was_still_there():
    now = item("There is no oil leaking from the wellhead at this time.", "Coast Guard", date="2010-04-23")
    later = item("The well is leaking about 5,000 barrels of oil a day, five times the estimate", "NOAA",
                 date="2010-04-28")
    assert conflict(now, later) is None
    dry = item("There is no water in the spent fuel pool", "Regulator", date="2011-03-16")
    still = item("There is still water in the spent fuel pool", "Operator", date="2011-03-17")
    assert conflict(dry, still) is not None


def test_one_speaker_saying_the_same_thing_in_another_order_is_a_variance_not_a_denial():
    a = item("We held the elections. Until you kill me, there will be no other elections.", "Leader",
             date="2020-08-17", kind="direct")
    b = item("We held the elections. There will be no new elections until you kill me.", "Leader",
             date="2020-08-17", kind="direct")
    found = conflict(a, b)
    assert found is not None and found.type == "quote_variance" and found.score < 0.6


def test_a_capital_opening_a_sentence_before_a_counted_noun_is_no_name():
    found = conflict(item("Riot police used firearms against protesters"),
                     item("Police did not use firearms against protesters"))
    assert found is not None and found.type == "polarity"


def test_swapped_subjects_are_not_a_denial():
    a = item("Turkey notified Russia of the troop movements")
    b = item("Russia did not notify Turkey of the troop movements")
    assert conflict(a, b) is None


def test_different_subjects_are_not_a_denial():
    a = item("Turkish soldiers crossed the border into Idlib on Monday")
    b = item("Syrian soldiers did not cross the border, the army said")
    assert conflict(a, b) is None


def test_two_negations_agree():
    a = item("None of the passengers and crew on board survived")
    b = item("No one on board survived the crash")
    assert conflict(a, b) is None


def test_negation_of_a_different_predicate_agrees():
    a = item("Nine of the passengers did not survive the crash")
    b = item("Nine passengers were killed in the crash")
    assert conflict(a, b) is None


def test_a_possibility_is_not_an_assertion():
    a = item("There is no evidence of human-to-human transmission of the virus", "WHO")
    b = item("It is possible that there is limited human-to-human transmission of the virus",
             "Maria Van Kerkhove")
    assert conflict(a, b) is None


# ---------------------------------------------------------------- numeric

def test_eight_soldiers_versus_seven_soldiers_and_a_civilian():
    a = item("Eight Turkish soldiers were killed in an exchange of shelling with Syrian "
             "government forces in Idlib on Monday", date="2020-02-03")
    b = item("Turkish artillery targeted Syrian government forces in Idlib, responding to "
             "shelling that killed seven Turkish soldiers and a Turkish civilian", date="2020-02-03")
    found = conflict(a, b)
    assert found is not None and found.type == "numeric"
    assert found.explanation.startswith("8 vs 7") and "Turkish soldiers killed" in found.explanation


def test_hedged_figures_that_can_both_be_true_agree():
    a = item("More than 520,000 people have been displaced from their homes in Idlib since December")
    b = item("More than half a million people have fled their homes in Idlib since December")
    assert conflict(a, b) is None


@pytest.mark.parametrize("left,right", [
    ("At least 83 civilians were killed in airstrikes on Idlib", "Dozens of civilians were killed in airstrikes on Idlib"),
    ("About 200 people were killed in the Beirut blast", "Some 190 people were killed in the Beirut blast"),
    ("Up to 300 people were injured in the Beirut blast", "250 people were injured in the Beirut blast"),
    ("Between 150 and 200 people were killed in the Beirut blast", "Some 180 people were killed in the Beirut blast"),
])
def test_overlapping_hedges_and_ranges_agree(left, right):
    assert conflict(item(left), item(right)) is None


def test_disjoint_hedged_figures_conflict():
    a = item("Fewer than 50 people were killed in the Beirut blast")
    b = item("At least 150 people were killed in the Beirut blast")
    found = conflict(a, b)
    assert found is not None and found.type == "numeric"


def test_different_nationalities_are_different_counted_things():
    a = item("Eight Turkish soldiers were killed in the clash in Idlib", date="2020-02-03")
    b = item("13 Syrian soldiers were killed in the clash in Idlib", date="2020-02-03")
    assert conflict(a, b) is None


def test_killed_and_wounded_are_different_counted_things():
    a = item("Eight Turkish soldiers were killed in the shelling in Idlib")
    b = item("Three Turkish soldiers were wounded in the shelling in Idlib")
    assert conflict(a, b) is None


def test_a_toll_that_rose_over_days_is_not_a_conflict():
    a = item("At least 78 people were killed in the Beirut port explosion", date="2020-08-04")
    b = item("The number of people killed in the Beirut port explosion has reached 135", date="2020-08-06")
    assert conflict(a, b) is None


def test_a_later_lower_toll_contradicts_the_earlier_one():
    a = item("63 Canadians were killed when flight PS752 was shot down", date="2020-01-08")
    b = item("Fifty-seven Canadian citizens were killed on flight PS752", date="2020-01-10")
    found = conflict(a, b)
    assert found is not None and found.type == "numeric"


def test_a_revised_figure_for_the_same_stated_period_conflicts_months_later():
    a = item("Industrial output fell at an annual rate of 2.1% in the third quarter, after rising "
             "0.4% in the second quarter", "Statistics office", date="2023-10-30")
    b = item("Industrial output fell at an annual rate of 1.7% in the third quarter",
             "Statistics office", date="2023-11-29")
    found = conflict(a, b)
    assert found is not None and found.type == "numeric"
    assert "2.1 vs 1.7" in found.explanation and "annual rate" in found.explanation


def test_figures_for_different_periods_or_a_forecast_do_not_conflict_across_months():
    third = item("Industrial output fell at an annual rate of 2.1% in the third quarter",
                 date="2023-10-30")
    fourth = item("Industrial output fell at an annual rate of 1.7% in the fourth quarter",
                  date="2023-11-29")
    assert conflict(third, fourth) is None
    month = item("Logging permits covered 310 square kilometres in June 2021", date="2021-07-05")
    year = item("Logging permits covered 2,900 square kilometres in the 12 months to June 2021",
                date="2021-09-01")
    assert conflict(month, year) is None
    before = item("The ministry forecasts growth of 3.1% in 2025", "Ministry", date="2024-10-01")
    after = item("The ministry forecasts growth of 2.4% in 2025", "Ministry", date="2025-03-01")
    assert conflict(before, after) is None


def test_a_people_named_by_a_plural_is_counted_and_breakdowns_share_the_total_event():
    a = item("41 Chileans were among the 230 people killed", "Foreign ministry", date="2022-05-02",
             topic="ferry")
    b = item("Among the 230 dead were 150 Peruvians, 37 Chileans and 12 Bolivians", "Coast guard",
             date="2022-05-03", topic="ferry")
    found = conflict(a, b)
    assert found is not None and found.type == "numeric"
    assert "41 vs 37" in found.explanation and "Chilean" in found.explanation
    # different nationalities are different counted things
    c = item("Among the 230 dead were 150 Peruvians and 41 Chileans", date="2022-05-03", topic="ferry")
    assert conflict(a, c) is None


def test_a_protest_march_is_not_the_month_of_march():
    a = item("1.2 million people took part in Sunday's march against the law", "Organisers",
             date="2019-06-09")
    b = item("300,000 people were on the route of Sunday's march at its peak", "Police",
             date="2019-06-16")
    assert conflict(a, b) is None


def test_a_figure_rejected_by_name_conflicts_with_the_account_that_gave_it_days_before():
    given = item("The union said 40,000 workers joined the strike on Monday", "Union",
                 date="2023-03-06", topic="strike")
    rejected = item("The real number of workers who joined the strike is 12,000, not the 40,000 "
                    "that the union claims", "Employers", date="2023-03-09", topic="strike")
    found = conflict(given, rejected)
    assert found is not None and found.type == "numeric"
    assert "'not the 40,000' rejects 40,000 (workers" in found.explanation
    # agreeing with the rejection is no conflict
    agrees = item("Only 12,000 workers joined the strike", "Police", date="2023-03-09", topic="strike")
    assert conflict(agrees, rejected) is None


def test_a_figure_said_not_to_have_died_is_a_figure_denied_not_a_denial_of_every_death():
    denial = item("3000 people did not die in the storm that hit the islands", "Governor",
                  date="2019-09-13", topic="storm")
    early = item("The storm's death toll rose to 34 on Tuesday", "Civil defence", date="2018-10-03",
                 topic="storm")
    assert conflict(early, denial) is None
    estimate = item("The official death toll from the storm is now 2,975", "Health ministry",
                    date="2019-08-28", topic="storm")
    found = conflict(estimate, denial)
    assert found is not None and found.type == "numeric" and "rejects 2,975" in found.explanation
    # a date in the subject is not a figure: 'the 12 June protest was not a riot' stays a denial
    riot = item("The 12 June protest was not a riot", "Organisers", topic="storm")
    assert conflict(item("The protest on 12 June was an organised riot", "Police", topic="storm"),
                    riot) is not None


def test_groups_and_things_counted_differently_are_not_compared():
    # a quality of the counted thing: untreated patients are not the patients started on a drug
    assert conflict(item("12.5 percent of 16 untreated patients cleared the virus", topic="trial"),
                    item("Twenty-six patients were started on the drug in the trial", topic="trial")) is None
    # people with nothing in common but being people
    assert conflict(item("A patrol aircraft with 35 people on board entered the zone", topic="drone"),
                    item("150 people, sir, was the answer from a general", topic="drone")) is None
    # the same figures, named in another order
    assert conflict(item("The jury convicted him on four counts of fraud and acquitted him on three counts"),
                    item("The jury acquitted him on three counts and convicted him on four counts of fraud")) is None
    # a day of the month is no count
    assert conflict(item("The data came from 671 hospitals on six continents", topic="study"),
                    item("The data counted deaths in hospitals by 21 April", topic="study")) is None


def test_a_value_of_nothing_is_not_a_denial():
    a = item("The magazine valued the start-up at $9 billion", "Magazine", date="2014-09-01")
    b = item("The magazine now estimates her net worth at nothing, valuing the start-up at $800 million",
             "Magazine", date="2016-06-01")
    found = conflict(a, b)
    assert found is None


def test_a_months_figure_revised_later_conflicts_and_other_months_do_not():
    first = item("Factories added 52,000 jobs in May, and output held steady", "Statistics office",
                 date="2024-06-07")
    second = item("Payrolls rose by 61,000 in June, and May's gain was revised up to 57,000",
                  "Statistics office", date="2024-07-05")
    third = item("Job gains in May and June were revised down by a combined 90,000, to 11,000 in May "
                 "and 9,000 in June", "Statistics office", date="2024-08-02")
    found = conflict(first, second)
    assert found is not None and found.type == "numeric" and "52,000 vs 57,000" in found.explanation
    found = conflict(first, third)
    assert found is not None and "52,000 vs 11,000" in found.explanation  # not the combined 90,000
    july = item("Factories added 40,000 jobs in July", "Statistics office", date="2024-08-02")
    assert conflict(july, third) is None  # July's figure and May's are different figures
    # 'in May' is a month, not a maybe: what follows it is asserted
    assert not any(t[7] for t in first.features["tokens"])


def test_a_preliminary_and_a_final_estimate_for_one_period_conflict():
    early = item("Payroll employment in March 2023 was probably overstated by 306,000 jobs, according "
                 "to the preliminary revision", "Statistics office", date="2023-08-23")
    final = item("The final revision lowered March 2023 payroll employment by 187,000 jobs",
                 "Statistics office", date="2024-02-02")
    found = conflict(early, final)
    assert found is not None and found.type == "numeric"
    assert "306,000 vs 187,000" in found.explanation


@pytest.mark.parametrize("early,late", [
    ("The earthquake killed 230,000 people", "The quake's death toll was about 160,000, a study found"),
    ("At least 20 soldiers were killed in the clash", "Four soldiers died in the clash, state media said"),
])
def test_a_later_lower_toll_of_one_clash_or_quake_conflicts(early, late):
    found = conflict(item(early, date="2020-06-16", topic="t"), item(late, date="2021-02-19", topic="t"))
    assert found is not None and found.type == "numeric"
    # and the same toll rising is no conflict
    assert conflict(item(late, date="2020-06-16", topic="t"), item(early, date="2021-02-19", topic="t")) is None


@pytest.mark.parametrize("a,date_a,b,date_b", [
    ("The quake killed 316,000 people, the government said", "2011-01-12",
     "Between 46,000 and 85,000 people died, according to a report for the aid agency", "2011-05-31"),
    ("Maduro won 51.2 percent of the vote, the electoral council said", "2024-07-29",
     "Maduro received 30 percent of the vote according to the tally sheets", "2024-08-01"),
    ("The fund lost $4.5 billion, prosecutors said", "2016-07-20",
     "The fund lost $2.6 billion, the auditor said", "2016-07-28"),
    ("The factory released 300 tonnes of waste into the river", "2023-01-10",
     "The factory released 30 tonnes of waste into the river, the company said", "2023-01-20"),
])
def test_one_storys_figures_for_a_fixed_thing_conflict_days_apart(a, date_a, b, date_b):
    found = conflict(item(a, "Source A", date=date_a, topic="story"),
                     item(b, "Source B", date=date_b, topic="story"))
    assert found is not None and found.type == "numeric"


@pytest.mark.parametrize("a,date_a,b,date_b", [
    ("Five soldiers were killed in an attack on Monday", "2024-03-04",
     "Three soldiers were killed in an attack on Tuesday", "2024-03-05"),
    ("The company's shares fell 5 percent", "2024-03-04", "The company's shares fell 2 percent", "2024-03-08"),
    ("Candidate A leads with 51 percent in the latest poll", "2024-03-04",
     "Candidate A has 47 percent in the latest poll", "2024-03-09"),
    ("More than a million people marched against the bill on Sunday", "2019-06-09",
     "Almost two million people marched against the bill on Sunday", "2019-06-16"),
])
def test_moving_quantities_other_days_and_other_crowds_are_not_compared(a, date_a, b, date_b):
    assert conflict(item(a, "Source A", date=date_a, topic="story"),
                    item(b, "Source B", date=date_b, topic="story")) is None


def test_the_same_figures_given_the_same_day_for_the_same_day_do_conflict():
    # the controls of the test above: what keeps those pairs apart is the day, not blindness
    for a, b in [("Five soldiers were killed in an attack on Monday", "Three soldiers were killed in an attack on Monday"),
                 ("The company's shares fell 5 percent on Monday", "The company's shares fell 2 percent on Monday")]:
        found = conflict(item(a, "Source A", date="2024-03-04", topic="story"),
                         item(b, "Source B", date="2024-03-04", topic="story"))
        assert found is not None and found.type == "numeric"


@pytest.mark.parametrize("bound", ["At least 500", "More than 500"])
def test_a_lower_bound_excludes_a_lower_figure_round_or_not(bound):
    found = conflict(item(f"{bound} people were killed in the blast at the hospital"),
                     item("471 people were killed in the blast at the hospital"))
    assert found is not None and found.type == "numeric"


def test_decimals_agree_within_their_rounding_and_parts_add_up():
    assert conflict(item("The president won 80.08% of the vote"), item("The president won 80.1% of the vote")) is None
    assert conflict(item("The storm killed 11 people in Texas and 3 in Louisiana"),
                    item("The storm killed 14 people")) is None
    found = conflict(item("The storm killed 11 people in Texas and 3 in Louisiana"), item("The storm killed 20 people"))
    assert found is not None and "11 + 3 = 14 vs 20" in found.explanation
    assert conflict(item("Police detained 250 people in Minsk"), item("Police detained 700 people nationwide")) is None
    assert conflict(item("The company's shares fell 5% on Monday"),
                    item("The company's shares fell 13% since the explosion")) is None


def test_years_durations_and_model_numbers_are_not_counts():
    text = ("In 10 days starting January 20, 12 soldiers were killed when a Boeing 737 "
            "crashed in 2019")
    figures = analyse(text)["figures"]
    # only the soldiers are counted: the span, the date, the model and the year are not
    assert [(f["low"], f["head"], f["event"]) for f in figures] == [(12, "soldier", "killed")]


@pytest.mark.parametrize("text,low,high", [
    ("eight", 8, 8), ("520,000", 515_000, 525_000), ("more than half a million", 500_000, None), ("at least 500", 500, None),
    ("a dozen", 10, 14), ("seven or eight", 7, 8), ("between one hundred fifty and two hundred", 150, 200),
    ("twenty-one", 21, 21), ("1.5 million", 1_450_000, 1_550_000), ("up to 300", 0, 300),
])
def test_figures_become_intervals(text, low, high):
    import re

    tokens = re.findall(r"\d[\d,.]*\d|\d|[\w-]+", text)
    figure = find_figures(tokens)[0]
    assert figure.low == pytest.approx(low)
    if high is None:
        assert figure.high == float("inf")
    else:
        assert figure.high == pytest.approx(high, rel=0.2)


# ---------------------------------------------------------------- contrary predicates

def test_rose_and_fell_about_the_same_index_the_same_day_conflict():
    a = item("The consumer price index rose 0.3% in July, the statistics office said")
    b = item("The consumer price index fell 0.3% in July, according to the statistics office")
    found = conflict(a, b)
    assert found is not None and found.type in ("antonym", "numeric")


def test_rose_and_fell_about_different_indexes_agree():
    a = item("The food index rose 1.1% in July", "Statistics office")
    b = item("The gasoline index fell 7.7% in July", "Statistics office")
    assert conflict(a, b) is None


def test_accepted_versus_rejected_by_the_same_party():
    a = item("Mexico accepted the OPEC+ production cut on Thursday", "OPEC")
    b = item("Mexico rejected the OPEC+ production cut on Thursday", "Reuters source")
    found = conflict(a, b)
    assert found is not None and found.type == "antonym"


def test_real_and_fictitious_business_contradict_and_name_what_they_describe():
    a = item("The company's overseas trading arm was real and its revenue came from paying customers")
    b = item("The company's overseas trading arm was fictitious and its revenue was invented")
    found = conflict(a, b)
    assert found is not None and found.type == "antonym"
    assert "'real' contradicts 'fictitious' (company's overseas trading arm)" in found.explanation


def test_a_minor_impact_contradicts_the_worst_damage():
    a = item("The damage to the coral reef from the oil spill is likely to be minor")
    b = item("The oil spill caused the worst damage to the coral reef in decades")
    found = conflict(a, b)
    assert found is not None and found.type == "antonym"


def test_a_past_act_and_a_plan_with_contrary_verbs_do_not_conflict():
    done = item("The cartel raised its oil output sharply", date="2020-04-03")
    plan = item("The cartel agreed to cut its oil output sharply", date="2020-04-06")
    assert conflict(done, plan) is None
    tried = item("Its members tried to persuade the cartel to cut its oil output sharply", date="2020-04-04")
    assert conflict(done, tried) is None
    # the same act, done, is a contradiction
    cut = item("The cartel cut its oil output sharply", date="2020-04-04")
    assert conflict(done, cut) is not None


def test_most_likely_and_least_likely_about_the_same_explanation_conflict():
    unlikely = item("A leak from the storage tank is the least likely explanation for the contamination")
    likely = item("Investigators said the contamination most likely came from a leak in the storage tank")
    found = conflict(unlikely, likely)
    assert found is not None and found.type == "antonym"
    assert "'least likely' contradicts 'likely'" in found.explanation
    # 'most likely run-off, not the tank' agrees that the tank is unlikely
    agrees = item("The contamination most likely came from farm run-off, not the storage tank")
    assert conflict(unlikely, agrees) is None


@pytest.mark.parametrize("left,right", [
    ("The presidential election was free and fair", "The presidential election was fraudulent"),
    ("The official results are accurate", "The official results were manipulated"),
    ("The tap water in the city is safe to drink", "The tap water in the city is contaminated with lead"),
    ("The lead levels in the water were within safe limits", "The lead levels in the water were dangerously high"),
    ("The co-pilot deliberately crashed the plane into the mountain",
     "The crash of the plane into the mountain was an accident"),
    ("The $681 million was a donation from the royal family", "The $681 million was stolen from the state fund"),
])
def test_contrary_descriptions_of_the_same_thing_conflict(left, right):
    found = conflict(item(left, "Source A"), item(right, "Source B"))
    assert found is not None and found.type == "antonym"


def test_an_act_only_one_party_can_have_done_given_to_two_conflicts():
    found = conflict(item("Chinese troops crossed the border first and attacked the Indian patrol"),
                     item("Indian troops crossed the border first and attacked the Chinese patrol"))
    assert found is not None and found.type == "antonym"
    assert "'crossed the border first' is said of Chinese troops and of Indian troops" in found.explanation
    found = conflict(item("The opposition candidate won the election by a wide margin"),
                     item("The president won the election by a wide margin"))
    assert found is not None and "won the election" in found.explanation
    # different elections, different places crossed, the same winner: no conflict
    assert conflict(item("The opposition candidate won the election in 2019"),
                    item("The president won the election in 2024")) is None
    assert conflict(item("Our troops crossed the river first, the general said"),
                    item("Enemy troops crossed the border first")) is None
    assert conflict(item("The ruling party won the election, the commission said"),
                    item("The ruling party won the election with 60 percent")) is None


@pytest.mark.parametrize("left,right", [
    ("The protesters in the square were armed", "The protesters in the square were unarmed"),
    ("The bank was solvent when it was sold", "The bank was insolvent when it was sold"),
    ("The drone strike was authorised by the president", "The drone strike was unauthorised"),
    ("The people killed in the strike were civilians", "The people killed in the strike were militants"),
])
def test_prefixed_antonyms_and_what_the_dead_were_conflict(left, right):
    found = conflict(item(left, "Source A"), item(right, "Source B"))
    assert found is not None and found.type == "antonym"


def test_civilians_and_soldiers_named_together_are_no_contrary_description():
    found = conflict(item("Three soldiers and two civilians were killed in the strike"),
                     item("Militants and civilians fled the town before the strike"))
    assert found is None
    # 'military-grade' is not 'militant'
    assert conflict(item("It was a military-grade nerve agent made in a state laboratory"),
                    item("The two men are civilians, nothing criminal about it")) is None


@pytest.mark.parametrize("left,right", [
    ("The militant group claimed responsibility for the bombing of the market",
     "The militant group denied any involvement in the bombing of the market"),
    ("The peace talks in Geneva collapsed", "The peace talks in Geneva were a success"),
    ("The president signed the bill into law on Monday", "The president vetoed the bill on Monday"),
    ("The minister resigned over the scandal", "The minister was sacked over the scandal"),
])
def test_common_contested_acts_conflict(left, right):
    assert conflict(item(left, "Source A"), item(right, "Source B")) is not None


def test_contrary_words_about_different_parties_agree():
    a = item("Turkey attacked Syrian positions in Idlib")
    b = item("Syria defended its positions in Idlib")
    assert conflict(a, b) is None


# ---------------------------------------------------------------- quotations

def test_same_speaker_quote_worded_differently_is_quote_variance_with_a_diff():
    a = item("We won't give Syria the opportunity to gain territory", "Recep Tayyip Erdogan",
             kind="direct")
    b = item("We will not give Syria the chance to gain territory", "Recep Tayyip Erdoğan",
             kind="direct")
    found = conflict(a, b)
    assert found is not None and found.type == "quote_variance"
    assert "'opportunity' vs 'chance'" in found.explanation
    assert found.score < 0.8  # a small variance is a low score


def test_two_translations_of_one_remark_on_one_day_are_a_quote_variance():
    a = item("There was also a patrol plane with 35 people on board. This plane also entered our "
             "airspace and we could have shot it down, but we did not", "General Reza Amini",
             kind="direct", date="2019-06-21")
    b = item("There was also a patrol aircraft carrying 35 people. It too violated our airspace and we "
             "were able to down it, but we did not do so", "General Reza Amini", kind="direct",
             date="2019-06-21")
    found = conflict(a, b)
    assert found is not None and found.type == "quote_variance" and found.score < 0.75
    # the same looseness a month apart is two different remarks
    later = item(b.text, "General Reza Amini", kind="direct", date="2019-07-21")
    assert conflict(a, later) is None


@pytest.mark.parametrize("full,cut,left_out", [
    ("Based on what I have seen, it appears as though it was done by the other team, not you",
     "It was done by the other team, not you", "Based on what I have seen, it appears as though"),
    ("We have no evidence that the navy fired the missile", "The navy fired the missile",
     "We have no evidence that"),
])
def test_a_shorter_quote_that_drops_a_hedge_or_a_negation_is_a_variance(full, cut, left_out):
    found = conflict(item(full, "Joe Biden", kind="direct"), item(cut, "Joe Biden", kind="direct"))
    assert found is not None and found.type == "quote_variance"
    assert f"leaves out '{left_out}'" in found.explanation


def test_the_same_quote_from_the_same_speaker_twice_is_not_a_conflict():
    a = item("We won't give Syria the opportunity to gain territory", "Erdogan", kind="direct")
    b = item("“We won't give Syria the opportunity to gain territory.”", "Recep Tayyip Erdogan",
             kind="direct")
    assert conflict(a, b) is None


def test_a_partial_quote_of_the_same_speaker_is_not_a_variance():
    a = item("We won't give Syria the opportunity to gain territory", "Erdogan", kind="direct")
    b = item("the opportunity to gain territory", "Erdogan", kind="direct")
    assert conflict(a, b) is None


def test_one_quote_two_speakers_is_misattribution():
    a = item("The regime's aggressiveness has to be stopped immediately", "Mevlut Cavusoglu",
             kind="direct")
    b = item("The regime's aggressiveness has to be stopped immediately", "Recep Tayyip Erdogan",
             kind="direct")
    found = conflict(a, b)
    assert found is not None and found.type == "misattribution"


def test_short_common_phrases_are_not_misattributed():
    a = item("We will respond", "Hulusi Akar", kind="direct")
    b = item("We will respond", "Sergei Shoigu", kind="direct")
    assert conflict(a, b) is None


# ---------------------------------------------------------------- reversal

def test_one_speaker_saying_opposite_things_months_apart_is_a_reversal():
    a = item("All guidance was followed completely in No 10", "Boris Johnson", date="2021-12-01")
    b = item("He has paid a fixed penalty notice for breaking Covid rules at a gathering",
             "Boris Johnson", date="2022-04-12")
    found = conflict(a, b)
    assert found is not None and found.type == "reversal"
    assert "2021-12-01" in found.explanation


def test_denial_then_admission_by_the_same_speaker_is_a_reversal():
    a = item("The Ukrainian airliner was not brought down by a missile", "Iran", date="2020-01-10")
    b = item("Iran's armed forces unintentionally shot down the Ukrainian airliner", "Iran",
             date="2020-01-11")
    found = conflict(a, b)
    assert found is not None and found.type == "reversal"


def test_emphasis_in_two_readouts_of_one_call_is_not_a_conflict():
    a = item("Putin and Erdogan agreed to take immediate measures to improve coordination in Syria",
             "Kremlin")
    b = item("Erdogan told Putin that Turkey will use its self-defence rights in the event of "
             "another attack on Turkish military personnel", "Turkish Presidency")
    assert conflict(a, b) is None


# ---------------------------------------------------------------- identities

@pytest.mark.parametrize("x,y,same", [
    ("Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", True),
    ("Cavusoglu", "Turkish Foreign Minister Mevlut Cavusoglu", True),
    ("Mohammed bin Salman", "Mohammed bin Nayef", False),
    ("Sergei Lavrov", "Sergei Shoigu", False),
])
def test_speaker_identity_for_reversal_and_misattribution(x, y, same):
    assert same_speaker(item("a", x), item("b", y)) is same


def test_rose_and_fell_in_different_months_agree():
    a = item("The consumer price index was unchanged in July after rising 1.3% in June", "BLS")
    b = item("The consumer price index fell 0.2% in July", "BLS")
    found = conflict(a, b)
    assert found is None or found.type != "antonym"


def test_a_bound_is_not_a_denial():
    a = item("Eight sailors survived the first explosion on the submarine")
    b = item("No more than eight sailors could have survived the first explosion on the submarine")
    assert conflict(a, b) is None


def test_death_sentences_are_not_a_death_toll():
    a = item("The death penalty is sought for five of the 11 suspects in the killing", date="2018-11-15")
    b = item("Five people were sentenced to death and three to prison terms over the killing",
             date="2018-11-15")
    assert conflict(a, b) is None


def test_reports_called_false_are_denied():
    fact = item("Saudi authorities killed the journalist inside the consulate", "Turkish officials")
    denial = item("The reports that Saudi authorities detained him or killed him inside the "
                  "consulate are absolutely false", "Saudi ambassador")
    found = conflict(fact, denial)
    assert found is not None and found.type == "polarity"


def test_rather_than_denies_the_alternative_and_a_reversal_follows():
    a = item("The government will suspend the extradition bill rather than withdraw it",
             "Carrie Lam", date="2019-06-15")
    b = item("The government will formally withdraw the extradition bill", "Carrie Lam",
             date="2019-09-04")
    found = conflict(a, b)
    assert found is not None and found.type == "reversal"


# ---------------------------------------------------------------- cases a reviewer wrote blind

@pytest.mark.parametrize("left,right,kind", [
    ("Three protesters were killed in the clashes", "No protesters were killed in the clashes", "numeric"),
    ("The diplomats were engaged in espionage",
     "The accusations of espionage against our diplomats are baseless", "polarity"),
    ("Ten rockets hit the airbase", "Three rockets hit the airbase", "numeric"),
    ("There was no explosion at the plant", "There was an explosion at the plant", "polarity"),
    ("The court found the former mayor guilty of bribery",
     "The court acquitted the former mayor of bribery", "antonym"),
    ("Between 150 and 200 people were killed in the blast", "250 people were killed in the blast", "numeric"),
    ("The strike was an act of aggression by Azerbaijan",
     "The strike was a response to a provocation by Armenia", "antonym"),
])
def test_reviewer_conflicts_are_found(left, right, kind):
    found = conflict(item(left), item(right))
    assert found is not None and found.type == kind


@pytest.mark.parametrize("left,right", [
    ("The death toll in Turkey has risen to 5,894, with 34,810 people injured",
     "5,894 people were killed and 34,810 injured in Turkey"),
    ("The breach affected 1.4 million customers in Britain",
     "The breach affected 300,000 customers in Ireland"),
    ("Police did not attack the protesters", "The protesters attacked police officers with stones"),
    ("Norvane Bank confirmed that customer data had been stolen in a cyberattack",
     "The bank is working with the National Cyber Security Centre"),
    ("The 34-year-old suspect was arrested", "Two suspects were arrested"),
    ("The government pledged 5 million euros for reconstruction",
     "The EU pledged 20 million euros for reconstruction"),
])
def test_reviewer_near_misses_stay_quiet(left, right):
    assert conflict(item(left), item(right)) is None


def test_a_toll_told_as_it_stood_earlier_is_no_falling_toll():
    later = item("The storm's death toll rose to 34 on Tuesday", "Civil defence", date="2017-10-03", topic="storm")
    back = item("When I left the island, after the storm had hit, they had anywhere from 6 to 18 deaths",
                "Visitor", date="2018-09-13", topic="storm")
    assert conflict(later, back) is None
    # told as the toll now, the same lower figure a year later does conflict
    now = item("The storm's death toll is 6 to 18", "Visitor", date="2018-09-13", topic="storm")
    assert conflict(later, now) is not None


def test_daily_counts_of_a_continuing_story_are_not_a_falling_toll():
    a = item("47 protesters were injured", date="2020-09-25")
    b = item("Twelve protesters were injured", date="2020-09-28")
    assert conflict(a, b) is None


def test_a_demand_is_not_an_assertion():
    refused = item("The government refused to withdraw the curfew", "Interior ministry")
    demand = item("The opposition says the government must withdraw the curfew", "Opposition")
    assert conflict(demand, refused) is None
    done = item("The opposition says the government withdrew the curfew", "Opposition")
    assert conflict(done, refused) is not None


@pytest.mark.parametrize("before,after,words", [
    ("We will not raise taxes", "We will raise taxes next year to pay for the hospitals", "not raise"),
    ("The virus is under control", "The virus is out of control", "'under control' contradicts 'out of control'"),
    ("Our troops will stay in the province until the job is done",
     "Our troops will withdraw from the province by the end of the month", "'stay' contradicts 'withdraw'"),
    ("We are not going to lock down the country", "From tonight the country is in lockdown", "not going to lock"),
])
def test_one_speaker_saying_the_opposite_later_is_a_reversal(before, after, words):
    found = conflict(item(before, "Ana Ruiz", date="2020-03-01", kind="direct"),
                     item(after, "Ana Ruiz", date="2020-05-01", kind="direct"))
    assert found is not None and found.type == "reversal" and words in found.explanation


def test_a_plan_is_not_contradicted_by_a_past_denial():
    a = item("Belarus did not expel any Polish diplomats", "Belarus MFA", date="2021-04-10")
    b = item("Belarus will respond by expelling Polish diplomats", "Belarus MFA", date="2021-04-11")
    assert conflict(a, b) is None


def test_a_present_denial_is_not_contradicted_by_a_later_event():
    a = item("Laura Kent has not resigned and will stay on", "Spokesperson", date="2021-03-15")
    b = item("Laura Kent resigned", "Reuters", date="2021-03-20")
    assert conflict(a, b) is None


def test_each_figure_of_a_long_text_gets_the_place_of_its_own_sentence():
    # 3,000 sentences with a figure each (speed is measured in benchmarks, not here).
    text = " ".join(f"{i} soldiers were killed in Idlib and the army did not retreat."
                    for i in range(1, 3000))
    features = analyse(text)
    assert len(features["figures"]) > 2500
    assert all(f["places"] == ["idlib"] for f in features["figures"][:5])


# ---------------------------------------------------------------- general word knowledge

@pytest.mark.parametrize("a, b, kind, words", [
    ("The company's revenue was $4.2 billion in 2019", "The company's revenue was $3.1 billion in 2019",
     "numeric", "4.2 billion vs 3.1 billion"),
    ("There were no casualties in the blast", "Two people were killed in the blast", "numeric", "0 vs 2"),
    ("The minister denied meeting the lobbyist", "The minister met the lobbyist twice in March",
     "polarity", "'denied meeting' negates 'met'"),
    ("The bank never lent money to the company", "The bank lent the company $2 billion in 2015",
     "polarity", "lent"),
    ("The minister knew about the payments", "The minister was unaware of the payments", "antonym", "unaware"),
    ("The prisoner died of natural causes", "The prisoner was poisoned", "antonym", "natural"),
    ("The crash was caused by a malfunction of the autopilot", "The crash was caused by sabotage",
     "antonym", "malfunction"),
    ("Turnout was 62%", "Turnout was 48 percent", "numeric", "62 vs 48"),
    ("Police estimated the crowd at 15,000", "Organisers said 100,000 people took part in the march",
     "numeric", "15,000 vs 100,000"),
    ("Two journalists were among the dead", "No journalists were killed", "numeric", "2 vs 0"),
    ("The hostages are alive", "The hostages were killed", "antonym", "alive"),
    ("The president was not informed of the raid", "The president was briefed on the raid",
     "polarity", "briefed"),
    ("The government has no plans to raise taxes", "The government will raise taxes in January",
     "polarity", "raise"),
    ("The US pledged 10 million euros", "The US pledged 25 million euros", "numeric", "10 million vs 25 million"),
])
def test_irregular_verbs_money_zero_counts_crowds_plans_and_causes_are_read(a, b, kind, words):
    found = conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story"))
    assert found is not None and found.type == kind and words in found.explanation


@pytest.mark.parametrize("a, b", [
    ("The company's revenue was $4.2 billion in 2019", "The company's revenue was $5.0 billion in 2020"),
    ("The company's revenue was $4.2 billion in 2019", "The company's profit was $1.1 billion in 2019"),
    ("There were no casualties among the crew", "Two passengers were killed"),
    ("The bank never lent money to the company", "The company lent the bank $2 billion in 2015"),
    ("The minister met the lobbyist in March", "The minister did not meet the ambassador"),
    ("The driver died of natural causes", "Police said another man was poisoned"),
    ("The minister resigned on Friday", "The minister dismissed the reports as lies"),
    ("The athlete passed the doping test in May", "The athlete failed a doping test in June"),
    ("No journalists were killed", "Two journalists were injured"),
    ("The government has no plans to raise taxes", "The opposition will raise taxes in January"),
    ("The EU pledged 20 million euros", "The US pledged 10 million euros"),
    ("Police said 15 officers were injured", "Medics said 40 protesters were injured"),
    ("Turnout was 62% in the first round", "Turnout was 48 percent in the second round"),
    ("The hostages are alive", "The kidnappers were killed"),
    ("The president was not briefed on the raid", "The defence minister was briefed on the raid"),
    ("Police estimated the crowd at 15,000 on Saturday",
     "Organisers said 100,000 people took part in Sunday's march"),
])
def test_near_misses_of_those_readings_are_left_alone(a, b):
    assert conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story")) is None


@pytest.mark.parametrize("a, b, words", [
    ("A magnitude 7.8 earthquake struck near the city at 4:17 am local time",
     "The agency put the magnitude of the pre-dawn earthquake at 7.7", "7.8 vs 7.7 (magnitude)"),
    ("The earthquake had a magnitude of 8.9", "The magnitude of the earthquake was 9.0", "8.9 vs 9.0"),
    ("I want to make clear that at no time, as the pictures show, did I consent to the kiss",
     "The kiss was consensual, he said", "'at no time ... consent' negates 'consensual'"),
])
def test_magnitudes_rounded_readings_and_inverted_denials(a, b, words):
    found = conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story"))
    assert found is not None and words in found.explanation


@pytest.mark.parametrize("a, b", [
    ("A magnitude 7.8 earthquake struck near the city at 4:17 am",
     "A second earthquake, of magnitude 7.5, struck near the city at 1:24 pm"),
    ("The agency put the magnitude of the pre-dawn earthquake at 7.7",
     "The agency measured the afternoon earthquake at magnitude 7.5"),
    ("The first blast was at 6:07 pm and killed 4 people", "The second blast killed 2 people at 6:08 pm"),
    ("The earthquake had a magnitude of 8.9", "The earthquake had a magnitude of about 9"),
])
def test_other_quakes_clock_times_and_overlapping_readings_are_not_compared(a, b):
    assert conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story")) is None


def test_two_short_wordings_of_one_remark_on_one_day_are_a_quote_variance():
    a = item("I will not resign. I will not resign. I will not resign", "Luis Ortega", kind="direct")
    b = item("I'm not going to resign", "Luis Ortega", kind="direct")
    found = conflict(a, b)
    assert found is not None and found.type == "quote_variance" and found.score < 0.8
    # another remark of the same day is no variance, and the opposite words are a denial
    assert conflict(a, item("I will not surrender to these people", "Luis Ortega", kind="direct")) is None
    assert conflict(a, item("I'm going to resign", "Luis Ortega", kind="direct")).type == "polarity"


def test_a_description_denied_in_one_word_meets_any_account_using_it_in_the_story():
    said = item("The generals were deposed in a military coup on Monday", "State Department", topic="story")
    denied = item("The takeover was not a coup, the spokesman said", "Army spokesman", topic="story")
    found = conflict(said, denied)
    assert found is not None and found.type == "polarity" and "not a coup" in found.explanation
    assert found.score <= 0.6
    # outside one story, one shared word is too little
    assert conflict(item("The generals were deposed in a military coup on Monday", "State Department"),
                    item("The takeover was not a coup, the spokesman said", "Army spokesman")) is None


def test_a_state_told_with_remains_is_said_of_its_subject():
    closed = item("The border remains closed", "Interior ministry", topic="story")
    assert conflict(closed, item("The border was reopened on Monday", "Reuters", topic="story")).type == "antonym"
    assert conflict(closed, item("The airport was reopened on Monday", "Reuters", topic="story")) is None


@pytest.mark.parametrize("a, b, words", [
    ("Annual consumer price inflation rose to 36.08% in December",
     "Annual inflation in December was 82.81%", "36.08 vs 82.81"),
    ("Annual inflation reached 85.51% in October", "The research group put annual inflation in October at 185.34%",
     "85.51 vs 185.34"),
    ("He left the country illegally", "He left the country legally", "legally"),
])
def test_rival_estimates_of_one_rate_and_contrary_adverbs_of_one_act(a, b, words):
    found = conflict(item(a, "Statistics office", date="2022-01-03", topic="story"),
                     item(b, "Research group", date="2022-01-03", topic="story"))
    assert found is not None and words in found.explanation


@pytest.mark.parametrize("a, date_a, b, date_b", [
    ("The mayor said the death toll could reach 18,000 to 20,000", "2023-09-14",
     "The minister said the death toll stood at 3,283", "2023-09-16"),
    ("The Red Crescent said it had not published a death toll of 11,300", "2023-09-17",
     "The UN revised the death toll to 3,958", "2023-09-18"),
    ("I have no doubt that it was a Russian missile", "2022-11-16",
     "It was a Russian missile that hit the farm", "2022-11-16"),
    ("The company said the claims of a conspiracy were baseless and that its internal inquiry had "
     "uncovered misconduct", "2020-01-08", "An internal inquiry uncovered misconduct by the chairman", "2018-11-19"),
    ("I don't want to say that until we investigate", "2022-11-16",
     "Ukraine wanted to take part in the investigation", "2022-11-17"),
    ("He illegally left the country by wrongful means", "2020-01-05",
     "He entered the country legally on a French passport", "2019-12-31"),
    ("Monthly inflation in December was 13.58%", "2022-01-03", "Annual inflation in December was 36.08%", "2022-01-03"),
    ("The plane lost contact at 2.40 a.m. with 227 passengers on board", "2014-03-08",
     "The plane was last seen at 1.30 a.m. with 227 passengers on board", "2014-03-09"),
])
def test_fears_rejected_tolls_certainty_and_other_acts_are_no_conflict(a, date_a, b, date_b):
    assert conflict(item(a, "Source A", date=date_a, topic="story"),
                    item(b, "Source B", date=date_b, topic="story")) is None


def test_a_banks_rate_moves_on_two_dates_are_no_reversal_but_its_plans_are():
    raised = item("The central bank raised its rate by 200 basis points", "Central Bank", date="2021-03-18")
    cut = item("The central bank cut its rate by 100 basis points", "Central Bank", date="2021-12-16")
    assert conflict(raised, cut) is None
    will_raise = item("The central bank will raise its rate again", "Central Bank", date="2021-03-18")
    will_cut = item("The central bank will cut its rate again", "Central Bank", date="2021-12-16")
    assert conflict(will_raise, will_cut).type == "reversal"


@pytest.mark.parametrize("a, b", [
    ("The jet was carrying 227 passengers and 12 crew", "Five passengers who had checked in did not board it"),
    ("The jet was carrying 227 passengers and 12 crew",
     "There were no passengers who checked in and then failed to board the plane"),
    ("No passengers who checked in failed to board the plane", "The 239 people on board are in our thoughts"),
    ("Russian missiles hit the village", "I have no doubt it was not our missile; it was a Russian missile"),
    ("It is unlikely that the missile was fired from Russia",
     "It is highly probable that the missile was fired by Ukraine's air defences"),
    ("The projects recorded three work-related deaths and 37 deaths that were not work-related",
     "Fifty workers died in work-related accidents in 2020"),
])
def test_subsets_owners_classes_and_other_hypotheses_are_no_conflict(a, b):
    assert conflict(item(a, "Source A", date="2022-11-16", topic="story"),
                    item(b, "Source B", date="2022-11-16", topic="story")) is None


def test_a_likelihood_about_the_same_party_still_conflicts():
    found = conflict(item("It is unlikely that the missile was fired from Russia", "Source A", topic="story"),
                     item("It is highly likely that the missile was fired from Russia", "Source B", topic="story"))
    assert found is not None and found.type == "antonym"


@pytest.mark.parametrize("a, b, words", [
    ("A Russian-made missile fell in the village, killing two farmers",
     "Statements by officials about the alleged fall of Russian missiles near the village are a deliberate "
     "provocation", "provocation' denies"),
    ("Ghosn said his arrest was the result of a plot by the executives",
     "The company said Ghosn's claims of a conspiracy were baseless", "disputes"),
    ("He shifted his losses to the company, causing losses to the company",
     "The company had not incurred any loss from his contracts", "incurred"),
    ("At least 11,300 people were killed in the city, according to the Red Crescent",
     "The Red Crescent said it had not published a death toll of 11,300", "not published a death toll of 11,300' rejects"),
])
def test_claims_called_provocations_disputed_claims_incurred_losses_and_disowned_tolls(a, b, words):
    found = conflict(item(a, "Ghosn", topic="story"), item(b, "Company", topic="story"))
    assert found is not None and words in found.explanation


@pytest.mark.parametrize("a, b", [
    ("Troops attacked the village at dawn", "The attack on the village was a provocation"),
    ("Ghosn said he had escaped injustice and political persecution",
     "The company said Ghosn's claims of a conspiracy were baseless"),
    ("More than 2,000 people were feared dead in the city",
     "The Red Crescent said it had not published a death toll of 11,300"),
])
def test_a_provocation_without_a_claim_and_claims_about_something_else(a, b):
    assert conflict(item(a, "Ghosn", topic="story"), item(b, "Company", topic="story")) is None


def test_a_speaker_disowning_reported_words_conflicts_with_the_words_reported_before():
    reported = item("Military radar tracked the plane turning back to the west", "Rodzali Daud",
                    date="2014-03-11", topic="mh370")
    disowned = item("I did not make any such statements as reported", "Rodzali Daud",
                    date="2014-03-11", topic="mh370")
    later = item("Radar picked up an unidentified aircraft at 2.15 a.m.", "Rodzali Daud",
                 date="2014-03-12", topic="mh370")
    found = conflict(reported, disowned)
    assert found is not None and "disowns" in found.explanation
    assert conflict(later, disowned) is None
    assert conflict(item("Military radar tracked the plane turning back to the west", "Another Officer",
                         date="2014-03-11", topic="mh370"), disowned) is None


def test_someone_said_not_to_be_somewhere_that_another_account_puts_them():
    there = item("Grace Mugabe flew to Namibia on Tuesday night", "Opposition sources", date="2017-11-15")
    absent = item("The deputy prime minister said Grace Mugabe was not in Namibia", "Namibia", date="2017-11-15")
    found = conflict(there, absent)
    assert found is not None and "'Grace Mugabe was not in Namibia'" in found.explanation
    # another person, another place, or a week later (people move) is no conflict
    assert conflict(item("Robert Mugabe flew to Namibia on Tuesday", "X", date="2017-11-15"), absent) is None
    assert conflict(item("Grace Mugabe flew to Singapore on Tuesday", "X", date="2017-11-15"), absent) is None
    assert conflict(item("Grace Mugabe flew to Namibia on Tuesday", "X", date="2017-11-25"), absent) is None


def test_a_military_takeover_denied_meets_a_coup_and_voluntary_meets_forced():
    denied = item("We wish to make it clear that this is not a military takeover of government", "Army",
                  topic="story")
    found = conflict(item("The events in the capital looked like a coup", "African Union", topic="story"), denied)
    assert found is not None and found.type == "polarity"
    assert conflict(item("The company completed its takeover of the bank", "Company", topic="story"),
                    item("This is not a military operation against the bank", "Army", topic="story")) is None
    found = conflict(item("My resignation is voluntary", "Robert Mugabe", date="2017-11-21"),
                     item("Mugabe said his resignation had been forced", "Robert Mugabe", date="2018-03-15"))
    assert found is not None and found.type == "reversal"


def test_a_rebuttal_as_a_whole_meets_the_accusation_of_its_speaker_and_the_account_of_a_source_it_names():
    accused = item("The coup attempt was carried out by the network of Fethullah Gulen", "Recep Erdogan",
                   date="2016-07-16", topic="coup")
    denial = item("I categorically deny such accusations", "Fethullah Gulen", date="2016-07-16", topic="coup")
    found = conflict(accused, denial)
    assert found is not None and found.type == "polarity" and "rejects the accusations" in found.explanation
    # what does not accuse the speaker, or comes from another story, is left alone
    assert conflict(item("Gulen's followers ran schools in forty countries", "Recep Erdogan",
                         date="2016-07-16", topic="schools"), denial) is None
    assert conflict(item("Fethullah Gulen lives in Pennsylvania", "Recep Erdogan",
                         date="2016-07-16", topic="coup"), denial) is None
    found = conflict(item("Fethullah Gulen ordered the coup attempt", "Recep Erdogan",
                          date="2016-07-16", topic="coup"), denial)
    assert found is not None and "accuses Fethullah Gulen" in found.explanation
    lira = item("The Turkish lira lost more than 40% of its value", "AP", date="2022-01-03", topic="lira")
    assert conflict(lira, item("The institute rejected claims that its figures were manipulated",
                               "Turkish Statistical Institute", date="2022-01-03", topic="lira")) is None
    claim = item("British navy personnel took part in the attack on the pipelines", "Russian Defence Ministry",
                 date="2022-10-29", topic="pipes")
    rebuttal = item("The Russian Ministry of Defence is resorting to peddling false claims of an epic scale",
                    "UK Ministry of Defence", date="2022-10-29", topic="pipes")
    found = conflict(claim, rebuttal)
    assert found is not None and "rejects what" in found.explanation


def test_go_ahead_is_proceed_richter_readings_replaced_figures_and_there_was_no():
    found = conflict(item("The share sale will go ahead with no change to its schedule", "Adani Enterprises",
                          date="2023-01-27"),
                     item("The board has decided not to proceed with the share sale", "Adani Enterprises",
                          date="2023-02-01"))
    assert found is not None and found.type == "reversal"
    found = conflict(item("The earthquake had a magnitude of 7.9, upgraded from a preliminary 7.5", "USGS",
                          topic="quake"),
                     item("The quake measured 7.6 on the Richter scale", "Seismological centre", topic="quake"))
    assert found is not None and "7.6 vs 7.9" in found.explanation.replace("7.9 vs 7.6", "7.6 vs 7.9")
    # the replaced preliminary reading is no figure of the account that replaced it
    assert conflict(item("The earthquake had a magnitude of 7.9, upgraded from a preliminary 7.5", "USGS",
                         topic="quake"),
                    item("The quake measured 7.9 on the Richter scale", "Seismological centre",
                         topic="quake")) is None
    found = conflict(item("The travel history did not show because of a flaw in the health record", "Hospital",
                          date="2014-10-02"),
                     item("There was no flaw in the health record in the way the nurses and doctors worked",
                          "Hospital", date="2014-10-03"))
    assert found is not None and "'no flaw'" in found.explanation


def test_not_guilty_of_x_denies_x():
    found = conflict(item("The engineer was criminally negligent when he set too few brakes", "Prosecutor",
                          topic="rail"),
                     item("The engineer is not guilty of criminal negligence, the jury found", "Jury", topic="rail"))
    assert found is not None and found.type == "polarity" and "not guilty of" in found.explanation
    assert conflict(item("The engineer was criminally negligent when he set too few brakes", "Prosecutor",
                         topic="rail"),
                    item("The dispatcher is not guilty of fraud, the jury found", "Jury", topic="rail")) is None


def test_partial_denials_place_corrections_and_climbing_against_descending():
    burned = item("At least 17 bodies were burned at the dump", "Fire experts", topic="case")
    assert conflict(burned, item("The students were not all burned at the dump", "Commission", topic="case")) is None
    assert conflict(burned, item("The remains of a second student were found in the ravine, not at the dump",
                                 "Prosecutor", topic="case")) is None
    found = conflict(item("The airliner was descending toward the cruiser when it was fired on", "Navy",
                          topic="flight"),
                     item("The airliner was climbing when the cruiser fired", "Investigators", topic="flight"))
    assert found is not None and "climbing" in found.explanation


@pytest.mark.parametrize("a, b, words", [
    ("The company filed for Chapter 11 bankruptcy listing assets of $49.8 billion",
     "The company filed for bankruptcy with $63.4 billion in assets", "49.8 billion vs 63.4 billion (assets)"),
    ("Lukashenko won the election with 80.1 percent of the vote; Tsikhanouskaya received 10.1 percent",
     "Where votes were properly counted, Tsikhanouskaya took between 60 and 70 percent, her campaign said",
     "10.1 vs between 60 and 70 (vote)"),
])
def test_money_in_assets_and_a_second_share_of_the_same_vote(a, b, words):
    found = conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story"))
    assert found is not None and words in found.explanation


def test_a_candidates_share_is_not_the_winners():
    assert conflict(item("Lukashenko won with 80.1 percent of the vote; Tsikhanouskaya received 10.1 percent",
                         "Commission", topic="story"),
                    item("Lukashenko took about 80 percent of the vote", "State TV", topic="story")) is None


def test_no_evidence_that_even_a_single_body_burned_and_putting_pressure():
    burned = item("A large fire took place at the dump, and at least 17 bodies were burned in it", "Panel",
                  date="2016-04-01", topic="case")
    found = conflict(burned, item("There is no evidence that even a single body was burned at the dump that night",
                                  "Fire expert", date="2015-09-06", topic="case"))
    assert found is not None and found.type in ("polarity", "numeric")
    assert conflict(item("The students were not all burned at the dump", "Commission", date="2022-08-18",
                         topic="case"),
                    item("There is no evidence that even a single body was burned at the dump that night",
                         "Fire expert", date="2015-09-06", topic="case")) is None
    found = conflict(item("An auditor said she felt pressured by a mining company employee to certify the dam",
                          "Auditor", topic="dam"),
                     item("The mining company did not put pressure on any auditor", "Company", topic="dam"))
    assert found is not None and "put pressure" in found.explanation


def test_neither_free_nor_fair_and_gaining_altitude():
    found = conflict(item("The elections were neither free nor fair", "European Council", topic="vote"),
                     item("The election was held fairly and transparently", "Election commission", topic="vote"))
    assert found is not None and "'neither free nor fair'" in found.explanation
    assert conflict(item("The elections were neither free nor fair", "European Council", topic="vote"),
                    item("The football final was held fairly", "League", topic="sport")) is None
    found = conflict(item("The airliner was descending toward the cruiser", "Admiral", topic="flight"),
                     item("The airliner was still gaining altitude when the cruiser fired", "Inquiry",
                          topic="flight"))
    assert found is not None and found.type == "antonym"


@pytest.mark.parametrize("a, b", [
    ("844 people needed medical attention after police charges at polling stations",
     "431 National Police and Guardia Civil officers were injured during the police operation"),
    ("The regional parliament declared independence by 70 votes to 10",
     "The Senate approved direct rule over Catalonia by 214 votes to 47"),
    ("The rock tore a gash of some 70 metres in the hull", "We were about 300 metres from the shore"),
    ("The passengers and crew of flight 007 are believed to be safe",
     "The pilots could not tell that the intruder was a passenger plane"),
    ("The airliner was on its normal route when it was shot down",
     "There was no evidence that the flight was on an intelligence mission"),
    ("The Soviet search ships found wreckage of the airliner",
     "Search ships found wreckage and belongings but not the flight recorders of the airliner"),
])
def test_other_counted_things_other_bodies_other_lengths_and_denials_of_something_else(a, b):
    assert conflict(item(a, "Source A", date="2017-10-02", topic="story"),
                    item(b, "Source B", date="2017-10-02", topic="story")) is None


def test_distances_compare_as_distances_and_conjoined_doers_meet_either():
    found = conflict(item("We were about 300 metres from the shore", "Captain", date="2012-01-14", topic="ship"),
                     item("The ship came about 150 metres from the coast", "Coastguard", date="2012-01-15",
                          topic="ship"))
    assert found is not None and "(metres from)" in found.explanation
    found = conflict(item("Flavio Briatore and Pat Symonds asked him to crash deliberately", "Nelson Piquet",
                          topic="race", kind="indirect"),
                     item("He never asked Piquet to crash", "Flavio Briatore", topic="race", kind="indirect"))
    assert found is not None and "never asked" in found.explanation


def test_a_thing_said_not_to_exist_meets_a_deed_done_in_it():
    found = conflict(item("There has been no referendum, nor anything resembling one", "Spanish government",
                          date="2017-10-01", topic="vote"),
                     item("2,262,424 ballots were cast in the referendum", "Catalan government",
                          date="2017-10-01", topic="vote"))
    assert found is not None and "'no referendum'" in found.explanation
    assert conflict(item("We have nothing at the port, not an arms depot nor missiles", "Party leader",
                         date="2020-08-07", topic="blast"),
                    item("2,750 tonnes of ammonium nitrate were unloaded at the port in 2013", "FBI",
                         date="2020-08-07", topic="blast")) is None


@pytest.mark.parametrize("a, b, words", [
    ("The police acted with professionalism and proportionality", "Spanish police used excessive force",
     "excessive"),
    ("The country accepts responsibility for the actions of its officials in the bombing",
     "The country had not admitted guilt for the bombing", "admitted"),
    ("The crash was just a mistake", "It was a deliberate crash", "mistake"),
])
def test_proportion_and_excess_admitting_guilt_and_a_mistake(a, b, words):
    found = conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story"))
    assert found is not None and words in found.explanation


def test_a_team_suing_over_false_allegations_meets_the_finding_that_it_conspired():
    found = conflict(item("Renault conspired with the driver to cause a deliberate crash", "FIA",
                          date="2009-09-21", topic="race"),
                     item("Renault is bringing criminal proceedings against the driver for making false "
                          "allegations", "Renault", date="2009-09-16", topic="race"))
    assert found is not None and "accuses Renault" in found.explanation


def test_a_report_that_wrongly_said_something_withdraws_it():
    withdrawn = item("The agency said an earlier report had wrongly said that the minister resigned on Monday",
                     "Agency", topic="story")
    found = conflict(item("The minister resigned on Monday, officials said", "Officials", topic="story"), withdrawn)
    assert found is not None and "withdraws 'resigned'" in found.explanation
    assert conflict(item("Troops shot down two missiles over the minister's town on Monday", "Army",
                         topic="story"), withdrawn) is None


@pytest.mark.parametrize("a, b, words", [
    ("The strike was ordered by Vladimir Putin", "Putin did not order the strike", "both about Putin"),
    ("Search ships found the flight recorders of the airliner",
     "Search ships found wreckage and belongings but not the flight recorders of the airliner", "recorders"),
    ("The flight was on an intelligence mission over the island",
     "There was no evidence that the flight was on an intelligence mission", "intelligence"),
])
def test_the_named_doer_the_head_of_a_denied_phrase_and_what_a_thing_was(a, b, words):
    found = conflict(item(a, "Source A", topic="story"), item(b, "Source B", topic="story"))
    assert found is not None and words in found.explanation


def test_not_even_a_single_body_is_a_zero_count():
    (figure,) = analyse("There is no evidence that even a single body was burned at the dump")["figures"]
    assert figure["low"] == figure["high"] == 0


def test_a_zero_count_is_labelled_in_the_plural():
    found = conflict(item("Not a single soldier was killed in the attack", "Army", topic="story"),
                     item("Three soldiers were killed in the attack", "Medics", topic="story"))
    assert found is not None and "0 vs 3 (soldiers killed)" in found.explanation


def test_rather_than_denies_only_the_phrase_before_its_comma():
    rounds = item("The cannon fired armour-piercing rounds rather than tracers, so the crew may never "
                  "have seen them", "Pilot", topic="flight")
    assert conflict(item("The crew saw the warning shots", "Navy", topic="flight"), rounds) is None
    found = conflict(item("The cannon fired tracers", "Navy", topic="flight"), rounds)
    assert found is not None and "rather than" in found.explanation


def test_a_town_named_with_its_province_is_the_same_place_as_the_town():
    a = analyse("The quake of magnitude 7.7 was centred in Pazarcik, Kahramanmaras, before dawn")
    assert a["figures"][0]["places"] == ["pazarcik", "kahramanmaras"]
    found = conflict(item("The quake of magnitude 7.7 was centred in Pazarcik, Kahramanmaras, before dawn",
                          "Agency", topic="quake"),
                     item("A magnitude 7.8 earthquake struck near Pazarcik before dawn", "Survey", topic="quake"))
    assert found is not None and found.type == "numeric"
