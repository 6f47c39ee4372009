"""Why two accounts cannot both be true: one function per kind of conflict.

Each rule takes two `Item`s (a statement with its cached features) and returns Findings:
a type, a score in 0..1, an explanation naming the evidence, and the character spans of that
evidence in each text (for highlighting).
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field

from functools import lru_cache

from quotetrack.conflicts import lexicon
from quotetrack.conflicts.features import (
    _BE, _PP, _WEEKDAYS, SELF, _NUMBER_WORDS, _characters, count_class, _verb_like, characterises,
    _contrary, _reporting_keys, entities_match, fold, key, roles,
)


@lru_cache(maxsize=1)
def _trend_keys() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon.TRENDS)

TYPES = ("polarity", "numeric", "antonym", "quote_variance", "misattribution", "reversal")


@dataclass(frozen=True)
class Settings:
    """Detection defaults. Figures are compared only for the same event (close dates: the same
    day for tolls, `numeric_days` for other figures; a later, lower toll always); a denial,
    a contrary claim by the same speaker, or a reversal stays in conflict across months."""

    numeric_days: int = 1
    numeric_days_story: int = 14
    contrary_days: int = 7
    variance_ratio: float = 72.0
    variance_ratio_same_day: float = 60.0
    misattribution_ratio: float = 88.0
    misattribution_words: int = 6


@dataclass
class Item:
    id: str
    text: str
    speaker: str
    speaker_key: str
    outlet: str
    date: str
    day_start: int  # proleptic ordinal of the first day the date covers
    day_end: int
    kind: str
    topic: str | None
    features: dict
    _words: list[str] | None = field(default=None, repr=False)

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = [fold(self.text[t[3]:t[4]]) for t in self.features["tokens"]]
        return self._words


@dataclass
class Finding:
    type: str
    score: float
    explanation: str
    evidence_a: list[tuple[int, int]]
    evidence_b: list[tuple[int, int]]


def date_gap(a: Item, b: Item) -> int:
    """Days between the two dates' ranges (0 when they overlap)."""
    if a.day_end < b.day_start:
        return b.day_start - a.day_end
    if b.day_end < a.day_start:
        return a.day_start - b.day_end
    return 0


def speaker_key(name: str) -> str:
    """A speaker name folded and stripped of its title, for rows with no resolved identity:
    'Foreign Minister Mevlüt Çavuşoğlu' -> 'mevlut cavusoglu' (the identities' own rules)."""
    from quotetrack.normalize import fold_name, split_role

    return fold_name(split_role(name)[1])


def same_speaker(a: Item, b: Item) -> bool:
    if a.speaker_key == b.speaker_key:
        return True
    wa, wb = a.speaker_key.split(), b.speaker_key.split()
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # 'Cavusoglu' and 'Mevlut Cavusoglu' are one person; 'Mohammed bin Salman' and
    # 'Mohammed bin Nayef' share a first name but not a last one, so they stay apart.
    return len(shorter) == 1 and len(longer[-1]) > 3 or set(shorter) <= set(longer)


def _span_text(item: Item, start: int, end: int) -> str:
    return item.text[start:end]


def _token_span(item: Item, index: int) -> tuple[int, int]:
    t = item.features["tokens"][index]
    return t[3], t[4]


def _positive_positions(item: Item, term: str) -> list[int]:
    """Where `term` is asserted: not negated and not hedged ('possible that ...')."""
    return [i for i, t in enumerate(item.features["tokens"])
            if t[0] == term and t[1] and not t[5] and not t[7]]


def _content_keys(item: Item, negated: bool | None = None) -> set[str]:
    cache = item.features.setdefault("_content_keys", {})
    if negated not in cache:
        reporting = _reporting_keys()
        cache[negated] = {
            t[0] for t in item.features["tokens"]
            if t[1] and t[0] not in reporting and (negated is None or t[5] == negated)
        }
    return cache[negated]


# ---------------------------------------------------------------- polarity

def polarity(a: Item, b: Item, *, same: bool = False) -> list[Finding]:
    """The same proposition asserted in one account and denied in the other."""
    return (_polarity_one_way(a, b, flipped=False, same=same)
            + _polarity_one_way(b, a, flipped=True, same=same))


def _known(name: str) -> bool:
    return bool(name) and name != "?"


def _comparable(x: str, y: str) -> bool:
    """Two role fillers of the same kind: both names, or both common nouns ('~' keys)."""
    return _known(x) and _known(y) and x.startswith("~") == y.startswith("~")


def _roles(item: Item, index: int) -> tuple[str, str]:
    return _as_speaker(item, roles(item.features["tokens"], item.words, index))


def _as_speaker(item: Item, pair: tuple[str, str]) -> tuple[str, str]:
    """'we' and 'our' stand for the speaker ('one of our rockets hit' said by Islamic Jihad)."""
    if SELF not in pair:
        return pair
    # any word of the speaker's name may be how the other account names them
    names = "|".join(w for w in speaker_key(item.speaker).split() if len(w) > 2)
    return tuple(names if x == SELF else x for x in pair)  # type: ignore[return-value]


def _same_filler(x: str, y: str) -> bool:
    """Two role fillers name the same party ('a|b' is any of a speaker's names)."""
    return any(entities_match(p.lstrip("~"), q.lstrip("~")) for p in x.split("|") for q in y.split("|"))


def roles_clash(ra: tuple[str, str], rb: tuple[str, str]) -> bool:
    """Different doers or different receivers: 'Turkey notified Russia' vs 'Russia notified
    Turkey', 'police did not attack protesters' vs 'protesters attacked police'."""
    return any(_comparable(x, y) and not _same_filler(x, y) for x, y in zip(ra, rb))


def _given_too(neg_roles: tuple[str, str], pos_roles: tuple[str, str], neg: Item,
               negation: dict) -> tuple[str, str]:
    """`neg_roles`, taking the other's receiver when the denied clause names it too: 'never
    lent money to the company' against 'lent the company $2 billion' (a common noun only:
    'Russia notified Turkey' still differs from 'Turkey did not notify Russia' by its doer)."""
    patient = pos_roles[1]
    if patient.startswith("~") and "|" not in patient and \
            patient[1:] in {neg.features["tokens"][i][0] for i in negation["scope"]}:
        return neg_roles[0], patient
    return neg_roles


def roles_agree(ra: tuple[str, str], rb: tuple[str, str]) -> str:
    """The name both accounts give the same role, or ''."""
    for x, y in zip(ra, rb):
        if _comparable(x, y) and not x.startswith("~") and _same_filler(x, y):
            # (a speaker's names 'valerii|zaluzhnyi' against the 'Zaluzhnyi' of the other account)
            return x.split("|")[0] if "|" in y else y.split("|")[0]
    return ""


def _polarity_one_way(pos: Item, neg: Item, *, flipped: bool, same: bool = False) -> list[Finding]:
    out = []
    reporting = _reporting_keys()
    positive_keys = _content_keys(pos, negated=False)
    tokens = neg.features["tokens"]
    contrary_table = _contrary()
    for negation in neg.features["negations"]:
        if negation.get("said") and not same:
            continue  # 'B never acknowledged that X' is no denial of X by anyone but B
        reporter = _reported_by(pos, negation["source"]) if negation.get("source") else ""
        if reporter and _same_story(pos, neg):
            # 'the Journal's article is erroneous' disputes all the Journal said; 'Ghosn's claims
            # of a conspiracy were baseless' only what Ghosn said of a conspiracy (or a plot)
            about = {tokens[i][0] for i in negation["scope"] if not tokens[i][2]} - {key(negation["source"])}
            if not about or about & positive_keys:
                out.append(_report_disputed(pos, neg, negation, flipped, reporter))
            continue
        heads = [h for h in _denied_heads(neg, negation)
                 if tokens[h][0] in positive_keys and tokens[h][0] not in reporting]
        if not heads:
            out += _denied_in_other_words(pos, neg, negation, positive_keys, flipped)
            continue
        if negation.get("kind") == "postfix":
            heads = heads[:1]  # (a claim called untrue is weighed by its first repeated word only)
        for head_index in heads:  # the main predicate first, then the others it denies
            finding = _denial_against(pos, neg, negation, head_index, positive_keys, flipped, same)
            if finding:
                out.append(finding)
                break
    return out


def _denial_against(pos: Item, neg: Item, negation: dict, head_index: int, positive_keys: set[str],
                    flipped: bool, same: bool) -> Finding | None:
    """The finding that one denied word of `neg` (at `head_index`) contradicts `pos`, or None."""
    tokens = neg.features["tokens"]
    reporting = _reporting_keys()
    contrary_table = _contrary()
    kind = negation.get("kind", "verbal")
    if kind == "postfix" and not _claim_repeated(neg, negation, head_index, pos, positive_keys):
        return None
    head = tokens[head_index][0]
    cue_key = tokens[negation["cue_index"]][0]
    if contrary_table.get(cue_key, set()) & positive_keys:
        return None  # 'rejected' against 'accepted': the contrary rule says it better
    proposition = {tokens[i][0] for i in negation.get("proposition", negation["scope"])
                   if tokens[i][0] not in reporting}
    overlap = proposition & positive_keys
    if _also_denied(pos, proposition) or any(
            pos.features["tokens"][o["head"]][0] == tokens[head_index][0] and o["kind"] != "postfix"
            and (pos.words[o["cue_index"]] in lexicon.NEGATION_WORDS) for o in pos.features["negations"]):
        return None  # both accounts deny it ('does not send £350 million' / 'the claim ... was false')
    if kind == "np" and tokens[negation["thing"]][0] not in positive_keys:
        return None  # 'no poison was found' is not denied by 'biomarkers were found'
    if negation.get("holder") is not None and not _holder_named(neg, negation, pos):
        return None  # no knowledge of X contradicts only an account of the same person acting on X
    neg_roles = _as_speaker(neg, (_reported_self(neg, negation, negation.get("agent", "")),
                                  negation.get("patient", "")))
    neg_future = _future(neg, negation["head"]) or neg.words[negation["cue_index"]] in ("won't", "wont")
    # 'has not resigned' can stop being true; 'have not seen fraud' is about the past
    # (what was not seen or proven is about the past, and stays denied)
    present = kind in ("verbal", "existential", "np") and not neg_future \
        and _present_tense_denial(neg, negation["cue_index"])
    if _asserted_too(neg, head, pos):
        return None  # 'not our missile ... it was a Russian missile' / 'Russian missiles hit'
        # ('37 deaths that were not work-related' beside '3 work-related deaths')
    for position in _positive_positions(pos, head):
        if _of_differs(neg, head_index, pos, position):
            continue  # 'no shortage of bread' says nothing of 'a shortage of fuel'
        if _future(pos, position) and not neg_future:
            continue  # 'did not expel' and 'will expel' (a plan) do not contradict
        if present and pos.day_start > neg.day_end and "still" not in pos.words[max(0, position - 4):position]:
            continue  # 'has not resigned' on the 15th, 'resigned' on the 20th: things moved on
            # (but 'there is still water' says there was water all along)
        pos_roles = _roles(pos, position)
        if roles_clash(pos_roles, _given_too(neg_roles, pos_roles, neg, negation)
                       if head_index == negation["head"] else neg_roles):
            continue
        agree = roles_agree(pos_roles, neg_roles)
        if negation.get("contrast") and not same:
            continue  # 'a bone found in the ravine, not at the dump' says nothing of what burned there
        # one speaker denying what they asserted needs less shared wording
        needed = (2 if kind == "existential" else 1) if same else (3 if kind == "existential" else 2)
        # ('there has been no referendum' against 'ballots were cast in the referendum'; but
        # 'nothing at the port' denies what is at it, not the port)
        no_thing = neg.words[negation["cue_index"]] == "no" and negation["thing"] <= negation["cue_index"] + 3
        bare = (kind == "existential" and len(proposition) <= 2
                and _asserts_existence(pos, position, done_in_counts=no_thing)) \
            or (_denied_description(neg, negation) and _same_story(pos, neg))
        if len(overlap) < needed and not agree and not bare:
            continue
        score = 0.9 if agree else 0.6 if bare and len(overlap) < needed else 0.72
        if len(overlap) >= 3:
            score += 0.05
        explanation, ev_neg = _denial_evidence(neg, negation, head_index, pos, position, overlap)
        if agree:
            named_in = neg if any(t[2] == agree for t in neg.features["tokens"]) else pos
            explanation += f" (both about {_subject_name(named_in, agree)})"
        ev_pos = [_token_span(pos, position)]
        a_ev, b_ev = (ev_neg, ev_pos) if flipped else (ev_pos, ev_neg)
        return Finding("polarity", min(score, 0.97), explanation, a_ev, b_ev)
    return None


def _denied_description(neg: Item, negation: dict) -> bool:
    """'the takeover was not a coup': one noun denied as what something was, which any account
    of the same story calling it a coup contradicts."""
    cue = negation["cue_index"]
    words, tokens = neg.words, neg.features["tokens"]
    return (negation.get("kind") == "verbal" and words[cue] == "not" and cue > 0 and words[cue - 1] in _BE
            and words[cue + 1:cue + 2] in (["a"], ["an"])
            and len([k for k in negation["scope"] if tokens[k][6] == tokens[negation["head"]][6]
                     and not any(w in _PP or w == "by" for w in words[cue:k])]) == 1)


def _reported_self(item: Item, negation: dict, agent: str) -> str:
    """In a paraphrase of X, 'he' or 'she' doing what is denied is X ('He knew nothing of it, and
    claims that he approved one are a provocation', said of Zaluzhnyi): SELF, else `agent`."""
    if agent != "?" or item.kind != "indirect":
        return agent
    head = negation["head"]
    sentence = item.features["sentences"][head]
    pronouns = [item.words[k] for k in range(max(0, head - 8), head)
                if item.words[k] in ("he", "she") and item.features["sentences"][k] == sentence]
    return SELF if pronouns else agent


def _reported_by(item: Item, source: str) -> str:
    """The speaker or outlet of `item` that `source` names ('the Journal' for The Wall Street
    Journal, 'Reuters'), word for word ('the Israeli accusation' is no report by The Times of
    Israel); '' when neither."""
    for name in (item.speaker, item.outlet):
        if source in re.findall(r"\w+", fold(name)):
            return name
    return ""


def _same_story(a: Item, b: Item) -> bool:
    if a.topic and b.topic:
        return a.topic.casefold() == b.topic.casefold()
    return len((_content_keys(a) & _content_keys(b)) - _reporting_keys()) >= 2


def _report_disputed(pos: Item, neg: Item, negation: dict, flipped: bool, reporter: str) -> Finding:
    """'The Journal's article is erroneous' against what the Journal reported."""
    first = _token_span(neg, negation.get("claim_start", max(0, negation["scope"][0] - 2)))[0]
    claim = neg.text[first:negation["cue"][1]]
    ev_neg, ev_pos = [(first, negation["cue"][1])], [(0, len(pos.text))]
    a_ev, b_ev = (ev_neg, ev_pos) if flipped else (ev_pos, ev_neg)
    return Finding("polarity", 0.7, f"'{claim}' disputes {reporter}'s account", a_ev, b_ev)


def _of_differs(a: Item, ia: int, b: Item, ib: int) -> bool:
    """Whether 'N of X' in one account and 'N of Y' in the other name different X and Y."""
    def of(item: Item, i: int) -> str:
        tokens = item.features["tokens"]
        if i + 2 < len(tokens) and item.words[i + 1] == "of":
            k = i + 2
            while k < len(tokens) and item.words[k] in ("the", "a", "an", "its", "their", "any"):
                k += 1
            if k < len(tokens) and tokens[k][1]:
                return tokens[k][2] or tokens[k][0]
        return ""
    x, y = of(a, ia), of(b, ib)
    return bool(x and y and not entities_match(x, y))


def _asserted_too(neg: Item, head: str, pos: Item) -> bool:
    """Whether the denying account also asserts the thing the other asserts, with the same
    content word before it: then it denies something else (another owner, another class)."""
    def owners(item: Item) -> set[str]:
        tokens = item.features["tokens"]
        return {tokens[i - 1][0] for i in _positive_positions(item, head) if i > 0 and tokens[i - 1][1]}
    return bool(owners(neg) & owners(pos))


def _asserts_existence(item: Item, index: int, done_in_counts: bool = False) -> bool:
    """Whether `item` says the thing at `index` exists or happened: 'there are plumes', 'plumes
    were found', 'the count was falsified'."""
    words = item.words
    before = words[max(0, index - 4):index]
    after = words[index + 1:index + 5]
    # 'ballots were cast in the referendum', 'voted in the referendum': a deed done in it says it was
    done_in = done_in_counts and index > 1 and words[index - 1] == "the" and words[index - 2] in ("in", "at", "during") and any(
        _verb_like(w) or w in lexicon.PAST_FORMS for w in words[max(0, index - 6):index - 2])
    return ("there" in before and any(w in _BE for w in before)) or any(
        w in lexicon.PERCEPTION or w in _RECORDED for w in before + after) or (
        _verb_like(words[index]) and words[index].endswith("ed")) or done_in


_RECORDED = frozenset(["spotted", "recorded", "documented"])  # with lexicon.PERCEPTION


def _denied_in_other_words(pos: Item, neg: Item, negation: dict, positive_keys: set[str],
                           flipped: bool) -> list[Finding]:
    """A denial whose verb the other account words differently but whose every complement it
    repeats: 'never deployed by the military, on the battlefield or on medevac helicopters'
    against 'used by the US military, on the battlefield and on medevac helicopters'."""
    if negation.get("kind") != "verbal" or negation.get("said") or negation.get("holder") is not None:
        return []
    tokens = neg.features["tokens"]
    head = negation["head"]
    if not (_verb_like(neg.words[head]) or head == negation["cue_index"] + 1):
        return []  # (a verb: '-ed', or the word right after 'did not')
    rest = {tokens[i][0] for i in negation["scope"] if i != head and tokens[i][0] not in _reporting_keys()}
    if len(rest) < 3 or not rest <= positive_keys:
        return []
    ptokens = pos.features["tokens"]
    spots = [i for i, t in enumerate(ptokens) if t[0] in rest and t[1] and not t[5] and not t[7]]
    sentence = pos.features["sentences"][spots[0]]
    verbs = [i for i in range(len(ptokens)) if pos.features["sentences"][i] == sentence
             and ptokens[i][1] and not ptokens[i][5] and not ptokens[i][7]
             and (_verb_like(pos.words[i]) or pos.words[i].endswith("ed"))
             and pos.words[i] not in lexicon.AUXILIARIES and i not in spots]
    if not verbs or any(pos.features["sentences"][i] != sentence for i in spots):
        return []
    # the verb nearest the repeated words ('Chinese troops crossed the border', 'used by the army')
    verb = min(verbs, key=lambda i: min(abs(i - k) for k in spots))
    if ptokens[verb][0] in _contrary().get(tokens[head][0], set()):
        return []  # 'did not win the seat in Georgia' agrees with 'lost the seat in Georgia'
    if _future(pos, verb) != _future(neg, head):
        return []
    # two different verbs take different objects ('send troops', 'crossed the border'): only
    # the doers are compared
    if roles_clash((_roles(pos, verb)[0], ""), (_as_speaker(neg, (negation.get("agent", ""), ""))[0], "")):
        return []
    cue_start = negation["cue"][0]
    last = _token_span(neg, negation["scope"][-1])[1]
    ev_neg = [(cue_start, last)]
    ev_pos = [(_token_span(pos, min(verb, spots[0]))[0], _token_span(pos, max(verb, spots[-1]))[1])]
    explanation = (f"'{neg.text[cue_start:last]}' denies what the other says in other words: "
                   f"'{pos.text[ev_pos[0][0]:ev_pos[0][1]]}'")
    a_ev, b_ev = (ev_neg, ev_pos) if flipped else (ev_pos, ev_neg)
    return [Finding("polarity", 0.6, explanation, a_ev, b_ev)]


def _denied_heads(neg: Item, negation: dict) -> list[int]:
    """The words a negation denies, main predicate first."""
    tokens = neg.features["tokens"]
    heads = list(negation.get("heads", [negation["head"]]))
    if negation.get("kind") == "np" and negation["thing"] not in heads and \
            neg.words[negation["head"]] in _LIGHT_VERBS:
        heads.append(negation["thing"])  # 'no warning was given' denies the warning
    if negation.get("kind") == "verbal" and neg.words[negation["head"]] in _LIGHT_VERBS:
        # 'had not incurred any loss' denies the loss
        heads += [k for k in negation["scope"] if negation["head"] < k <= negation["head"] + 3][:1]
    for h in list(heads):
        if neg.words[h] in _OF_WHAT and h + 2 < len(neg.words) and neg.words[h + 1] in ("of", "for"):
            # 'not guilty of criminal negligence' denies the negligence; 'no period of
            # ineligibility was imposed', the ineligibility
            heads += [k for k in negation["scope"] if h + 1 < k <= h + 4 and k not in heads][:2]
    if negation.get("kind") == "postfix" and not negation.get("withdrawn"):
        # 'allegations of a state doping programme are groundless' denies every content word
        # of the claim, not only its first one ('wrongly said that X crossed' withdraws the crossing)
        heads += [h for h in negation["scope"] if h not in heads and not tokens[h][2]
                  and neg.words[h] not in _NUMBER_WORDS and not neg.words[h][:1].isdigit()]
    return heads


# Words whose 'of' phrase is what is denied with them.
_OF_WHAT = frozenset("guilty responsible liable period amount kind sort type form degree".split())
# Verbs that say little beyond their object: 'no warning was given' is 'not warned'.
_LIGHT_VERBS = frozenset("""given made issued provided sent offered received taken done incurred put
suffered sustained admitted acknowledged""".split())


def _claim_repeated(neg: Item, negation: dict, head_index: int, pos: Item, positive_keys: set[str]) -> bool:
    """Whether `pos` repeats a claim that `neg` calls untrue as a whole: most of its words (or
    three, names included), and for 'X is Y' the Y. A denied verb needs no more ('reports that
    he was detained or killed are false' denies each verb on its own)."""
    if _verb_like(neg.words[head_index]):
        return True
    tokens = neg.features["tokens"]
    reporting = _reporting_keys()
    claim = {tokens[i][0] for i in negation.get("proposition", negation["scope"])
             if tokens[i][0] not in reporting}
    repeated = len(claim & (positive_keys | _entity_keys(pos)))
    if repeated < 2 or (repeated < 3 and 2 * repeated <= len(claim)):
        return False
    # 'the forest is the lungs of the world': the other must say 'lungs'
    return _complement(neg, negation["scope"]) in positive_keys | {""}


def _also_denied(pos: Item, proposition: set[str]) -> bool:
    """Whether `pos` denies the same proposition itself (with a real denial, not 'failing a test')."""
    tokens = pos.features["tokens"]
    return any(len(proposition & {tokens[i][0] for i in other["scope"]}) >= 2
               for other in pos.features["negations"]
               if other["kind"] == "postfix" or pos.words[other["cue_index"]] in lexicon.NEGATION_WORDS)


def _holder_named(neg: Item, negation: dict, pos: Item) -> bool:
    """Whether `pos` names whoever `neg` says knew nothing (or, for 'he', the speaker)."""
    holder = set(negation["holder"]) or {speaker_key(neg.speaker)} | {
        key(w) for w in re.findall(r"\w+", fold(neg.speaker)) if len(w) > 2}
    return bool(holder & _content_keys(pos)) or any(
        entities_match(h, t[2]) for h in holder for t in pos.features["tokens"] if t[2])


def _denial_evidence(neg: Item, negation: dict, head_index: int, pos: Item, position: int,
                     overlap: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """The explanation of a denial and the spans of `neg` to highlight."""
    cue = _span_text(neg, *negation["cue"])
    neg_head = _span_text(neg, *_token_span(neg, head_index))
    pos_word = _span_text(pos, *_token_span(pos, position))
    head_start, head_end = _token_span(neg, head_index)
    gap = head_start - negation["cue"][1]
    if negation.get("withdrawn"):
        start, end = negation["withdrawn"]
        explanation = f"'{neg.text[start:end]}' withdraws '{pos_word}'"
        return explanation, [(start, end)]
    if negation.get("kind") == "postfix":
        first, last = _token_span(neg, negation["scope"][0]), _token_span(neg, negation["scope"][-1])
        claimed = neg.text[first[0]:last[1]]
        if len(claimed) > 90:
            claimed = neg.text[first[0]:first[1]] + " ... " + neg.text[last[0]:last[1]]
        explanation = f"'{claimed} ... {cue}' denies '{_repeated_span(pos, overlap)}'"
    elif negation["cue"][1] >= head_start:
        explanation = f"'{cue}' negates '{pos_word}'"
    elif gap <= 24:
        explanation = f"'{neg.text[negation['cue'][0]:head_end]}' negates '{pos_word}'"
    else:
        explanation = f"'{cue} ... {neg_head}' negates '{pos_word}'"
    if 0 <= gap <= 24:
        return explanation, [(negation["cue"][0], head_end)]  # 'failed to notify' as one phrase
    return explanation, [tuple(negation["cue"]), (head_start, head_end)]


def _repeated_span(item: Item, keys: set[str]) -> str:
    """The stretch of `item` that repeats a denied claim ('an air strike on the hospital'), or
    its words when they lie far apart."""
    spots = [i for i, t in enumerate(item.features["tokens"]) if t[0] in keys and t[1] and not t[5]]
    if spots:
        start, end = _token_span(item, spots[0])[0], _token_span(item, spots[-1])[1]
        if end - start <= 90:
            return item.text[start:end]
    return " ".join(_surface(item, keys)[:5])


def _surface(item: Item, keys: set[str]) -> list[str]:
    """The words of `item` behind comparison keys, in text order ('consu' -> 'consumer')."""
    out: list[str] = []
    for t in item.features["tokens"]:
        word = item.text[t[3]:t[4]]
        if t[0] in keys and word not in out:
            out.append(word)
    return out


_SENTENCE_BREAKS = frozenset([".", ";", ":", "!", "?"])


# Verbs whose 'to' clause is planned, asked for or attempted, not done ('agreed to cut',
# 'tried to persuade it to cut').
_PLAN_VERBS = frozenset("""going plans plan intends intend planning threatened agreed agree agrees
decided pledged promised vowed expected persuade persuaded urge urged ask asked tried try
attempted want wanted wants""".split())


def _future(item: Item, index: int) -> bool:
    """Whether the word at `index` is in the future or a plan ('will expel', 'plans to expel')."""
    words = item.words
    for m in range(max(0, index - 8), index):
        if words[m] in _SENTENCE_BREAKS:
            continue
        if words[m] in ("will", "shall", "'ll") or words[m] in ("won't", "wont"):
            return True
        if words[m] == "to" and any(words[x] in _PLAN_VERBS for x in range(max(0, m - 3), m)):
            # 'plans to expel', 'agreed in principle to cut'
            return True
        if words[m] == "by" and m > 0 and words[m - 1] in ("respond", "retaliate"):
            return _future(item, m - 1)
    return False


def _present_tense_denial(item: Item, cue: int) -> bool:
    """'has not resigned', 'is not', 'hasn't', 'there is no oil leaking at this time': true when
    said, and open to change later."""
    words = item.words
    before = words[cue - 1] if cue > 0 else ""
    if any(" ".join(words[k:k + 3]) in _FOR_NOW for k in range(max(0, cue - 8), min(len(words), cue + 12))):
        return True
    if words[cue] == "no" and cue + 2 < len(words) and words[cue + 1] in lexicon.EVIDENCE_WORDS \
            and words[cue + 2] == "that" and any(w in ("was", "were", "had") for w in words[cue + 3:cue + 10]):
        return False  # 'there is no evidence that a body was burned' is about the past
    return words[cue] in ("hasn't", "haven't", "isn't", "aren't") or (
        words[cue] in ("not", "never", "no", "any") and before in ("has", "have", "is", "are", "aren't", "isn't"))


_FOR_NOW = frozenset(["at this time", "at the moment", "at this stage", "as of now", "so far", "for now",
                      "as yet", "not yet", "currently"])


# ---------------------------------------------------------------- numeric

def _figure_label(item: Item, fig: dict) -> str:
    parts = [m.title() for m in fig["mods"]]
    head = fig["head"]
    if ":" in head and not head.startswith("money:"):
        # a length and what it measures: 'metres from', 'metres gash'
        unit = next((item.text[t[3]:t[4]] for t in item.features["tokens"] if t[3] >= fig["span"][1]), "")
        return " ".join(parts + [unit, head.split(":", 1)[1]]).strip()
    if head:
        words = _head_words(item, fig)
        if words and fig["high"] == 0 and words.isalpha() and not words.endswith("s"):
            words += "s"  # 'not a single soldier': a count of soldiers, 0 of them
        parts.append(words or _PLURALS.get(head, head + "s"))
    if fig["event"] and not (head == fig["event"] and parts):
        parts.append(fig["event"])  # ('casualties', not 'casualties casualty')
    return " ".join(parts) or fig["unit"]


_PLURALS = {"person": "people", "police": "police", "crew": "crew", "child": "children",
            "magnitude": "magnitude", "category": "category",
            "man": "men", "woman": "women"}


def _head_words(item: Item, fig: dict) -> str:
    """The counted thing as the text words it ('square kilometres', 'annual rate'), when the
    words of its key stand in the figure's sentence."""
    tokens = item.features["tokens"]
    index = fig.get("index", 0)
    sentence = item.features["sentences"][index] if index < len(tokens) else None
    found = []
    for part in fig["head"].removeprefix("money:").split():
        near = [i for i, t in enumerate(tokens) if item.features["sentences"][i] == sentence
                and (t[0] == part or (t[1] and count_class(item.words[i]) == part))]
        if not near:
            return ""
        found.append(min(near, key=lambda i: abs(i - index)))
    if len(found) > 1 and found != sorted(found):
        return ""
    return " ".join(item.text[tokens[i][3]:tokens[i][4]] for i in found)


def _figure_actors_differ(fa: dict, fb: dict) -> bool:
    """'The government pledged 5 million' and 'The EU pledged 20 million' count different
    things; a name against a common noun counts as different too."""
    sa, sb = fa["subject"], fb["subject"]
    if not (_known(sa) and _known(sb)):
        return False
    if sa.startswith("~") != sb.startswith("~"):
        return True
    if sa.startswith("~"):
        return False  # two common nouns ('payroll employment', 'the revision'): too loose to tell
    return not entities_match(sa, sb)


def _mods_compatible(fa: dict, fb: dict) -> bool:
    """'57 Canadian citizens' and '176 people' count different groups; 'eight Turkish soldiers'
    and 'seven Turkish soldiers' the same one."""
    if set(fa.get("qualities", [])) != set(fb.get("qualities", [])):
        return False  # '16 untreated patients' and '26 patients' count different groups
    if not fa["mods"] and not fb["mods"]:
        return True
    return any(entities_match(x, y) for x in fa["mods"] for y in fb["mods"])


def _format_value(fig: dict) -> str:
    low, high = fig["low"], fig["high"]
    def num(v: float) -> str:
        return f"{int(v):,}" if float(v).is_integer() else f"{v:,.1f}"
    if high is not None and low == high:
        return num(low)
    return ""


def _figure_context(item: Item, fig: dict) -> set[str]:
    """Content words of a figure's sentence that say what is counted ('took part in the march')."""
    tokens = item.features["tokens"]
    sentence = item.features["sentences"][fig["index"]]
    reporting = _reporting_keys()
    words = [i for i in range(len(tokens)) if item.features["sentences"][i] == sentence]
    # a crowd is a crowd however it is named ('the crowd', 'took part in the march', 'turnout')
    crowd = {"#crowd"} if any(item.words[i] in lexicon.CROWD_WORDS for i in words) else set()
    return crowd | {tokens[i][0] for i in words if tokens[i][1] and tokens[i][0] not in reporting
                    and item.words[i] not in _NUMBER_WORDS
                    and count_class(item.words[i]) != fig["head"]} - _measure_keys(item)


def _value_given(fig: dict, item: Item) -> bool:
    """Whether `item` gives the same figure for the same thing too."""
    return any(_same_head(other, fig) and other["event"] == fig["event"]
               and other["unit"] == fig["unit"] and other["mods"] == fig["mods"]
               and not other.get("denied") and _intervals_meet(other, fig)
               for other in item.features["figures"])


_MOVING = frozenset("""poll polls survey surveys price prices shares stock stocks index rate rates
forecast forecasts projected projection expected target proposal proposed offer offered principle
currently far running estimate estimates estimated preliminary""".split())


def _moving(item: Item, fig: dict) -> bool:
    """Whether a figure's sentence says it is a moving quantity, a forecast, an offer or a first
    estimate ('the latest poll', 'agreed in principle', 'so far', 'preliminary')."""
    sentence = item.features["sentences"][fig["index"]]
    return any(w in _MOVING for i, w in enumerate(item.words) if item.features["sentences"][i] == sentence)


_BACK_THEN = frozenset("initially originally first earlier when then".split())


def _looks_back(item: Item, fig: dict) -> bool:
    """Whether a figure is told as it stood at an earlier moment ('when I left the island',
    'at first', 'initially')."""
    sentence = item.features["sentences"][fig["index"]]
    return any(w in _BACK_THEN for i, w in enumerate(item.words)
               if item.features["sentences"][i] == sentence and i < fig["index"])


_TOTALS = frozenset("nationwide countrywide overall altogether total all across".split())


def _total(item: Item, fig: dict) -> bool:
    """Whether a figure is told as a total ('700 people nationwide', 'in all', 'across Belarus')."""
    k = fig["index"]
    return any(w in _TOTALS for w in item.words[k:k + 8]) or any(
        w in ("total", "overall", "altogether") for w in item.words[max(0, k - 3):k])


def _parts(item: Item, fig: dict) -> list[dict]:
    """The figures of `item` that count the same thing as `fig` in different places."""
    return [f for f in item.features["figures"]
            if f["head"] == fig["head"] and f["event"] == fig["event"] and f.get("places")
            and not f.get("denied") and f["high"] is not None]


def _breakdown(item: Item, fig: dict) -> bool:
    parts = _parts(item, fig)
    return len(parts) >= 2 and fig in parts


def _sum_of_parts(a: Item, b: Item, settings: Settings) -> list[Finding]:
    """'11 killed in Texas and 3 in Louisiana' against '14 killed': the parts add up (or not)."""
    if date_gap(a, b) > settings.numeric_days:
        return []
    out = []
    for fb in b.features["figures"]:
        if fb.get("places") or fb.get("denied") or fb["more"]:
            continue
        for first in a.features["figures"]:
            parts = _parts(a, first)
            if len(parts) < 2 or first is not parts[0] or first["head"] != fb["head"] \
                    or not _same_event(first, fb) or first["unit"] != fb["unit"]:
                continue
            total = {"low": sum(p["low"] for p in parts), "high": sum(p["high"] for p in parts)}
            if _intervals_meet(total, fb):
                continue
            text = " + ".join(_format_value(p) or "?" for p in parts)
            out.append(Finding("numeric", 0.75,
                               f"{text} = {_format_value(total | {'high': total['high']}) or ''} vs "
                               f"{_format_value(fb) or _span_text(b, *fb['span'])} ({_figure_label(b, fb)})",
                               [tuple(p["span"]) for p in parts], [tuple(fb["span"])]))
    return out


def _same_event(fa: dict, fb: dict) -> bool:
    """The same event class; 'no casualties' also counts no one killed and no one injured."""
    return fa["event"] == fb["event"] or _no_casualties(fa, fb)


_MEASURED = frozenset(["magnitude", "category"])
# Words before a counted thing that do not make it another thing: 'annual inflation',
# 'consumer price inflation' and 'the official inflation' are one figure ('monthly inflation'
# or 'food inflation' are not).
_PLAIN = frozenset(key(w) for w in "annual yearly consumer price prices official overall total headline".split())


def _same_head(fa: dict, fb: dict) -> bool:
    if fa["head"] == fb["head"]:
        return True
    ha = [w for w in fa["head"].split(" ") if w not in _PLAIN]
    hb = [w for w in fb["head"].split(" ") if w not in _PLAIN]
    return bool(ha) and ha == hb


def _named_in(item: Item, fig: dict, places: list[str]) -> bool:
    """Whether the sentence of `fig` in `item` names one of `places` at all."""
    sentence = item.features["sentences"][fig["index"]]
    return any(entities_match(t[2], place) for i, t in enumerate(item.features["tokens"])
               if t[2] and item.features["sentences"][i] == sentence for place in places)


def _no_casualties(fa: dict, fb: dict) -> bool:
    """'No casualties' against people killed or injured, whatever each names as counted (but
    'no casualties among the crew' says nothing of passengers)."""
    return any(zero["event"] == "casualty" and zero["high"] == 0 and other["event"] in ("killed", "injured")
               and (not zero.get("among") or other["head"] == "person")
               for zero, other in ((fa, fb), (fb, fa)))


def _intervals_meet(fa: dict, fb: dict) -> bool:
    a_high = fa["high"] if fa["high"] is not None else float("inf")
    b_high = fb["high"] if fb["high"] is not None else float("inf")
    if not (fa["low"] <= b_high and fb["low"] <= a_high):
        return False
    # two figures rounded to the same step that only touch (7.7 is 7.65-7.75, 7.8 is 7.75-7.85)
    # are two readings: a magnitude of 7.7 against 7.8, 8.9 against 9.0
    width = a_high - fa["low"]
    touching = math.isclose(fa["low"], b_high) or math.isclose(fb["low"], a_high)
    return not (touching and 0 < width < float("inf") and math.isclose(width, b_high - fb["low"]))


_WEEKDAY_KEYS = frozenset(day[:3] for day in _WEEKDAYS)  # as features._figure_period writes them


def _same_period(fa: dict, fb: dict) -> bool:
    """Both figures are given for the same stated month or quarter and year."""
    pa, pb = fa.get("period", []), fb.get("period", [])
    if not pa or not pb:
        return False
    years_a, years_b = {p for p in pa if p.isdigit()}, {p for p in pb if p.isdigit()}
    parts_a, parts_b = set(pa) - years_a, set(pb) - years_b
    if (parts_a | parts_b) & _WEEKDAY_KEYS:
        return False  # 'on Sunday' said a week apart names two Sundays
    # 'in July' alone is not 'the 12 months to July 2019': a year on one side needs it on both
    return years_a == years_b and parts_a == parts_b


def numeric(a: Item, b: Item, settings: Settings) -> list[Finding]:
    """Different figures for the same counted thing at the same event.

    Figures given on dates further apart than `numeric_days` may describe a toll that rose;
    they conflict only when the later figure is lower than the earlier one for a count that
    can only grow (killed, injured, displaced, arrested)."""
    gap = date_gap(a, b)
    later_first = a.day_start > b.day_start
    same_topic = bool(a.topic and b.topic and a.topic.casefold() == b.topic.casefold())
    shared = {t for t in set(a.features["terms"]) & set(b.features["terms"]) if t[:1] != "#"}
    shared |= {w for w in set(a.words) & set(b.words) if w in _PERIODS}  # 'in March' anchors too
    out = []
    for fa in a.features["figures"]:
        for fb in b.features["figures"]:
            if fa["unit"] != fb["unit"] or fa["more"] or fb["more"]:
                continue
            if not _same_event(fa, fb) or not _same_head(fa, fb) and not _no_casualties(fa, fb):
                continue
            if not fa["head"] and not fa["event"]:
                continue
            if not _mods_compatible(fa, fb):
                continue
            if fa.get("denied") or fb.get("denied"):
                # '20 million, not the 10 million being reported' rejects the other's 10 million
                # whenever it was given
                said, denied, said_item, denied_item = (fa, fb, a, b) if fb.get("denied") else (fb, fa, b, a)
                # (the same number: 'at least 11,300 killed' is the toll of 11,300 disowned, but
                # 'more than 2,000' is not)
                denied_high = denied["high"] if denied["high"] is not None else float("inf")
                if not said.get("denied") and _intervals_meet(said, denied) and (
                        denied["low"] <= said["low"] <= denied_high
                        or (said["high"] is not None and said["high"] < 2 * said["low"] + 1)) and (
                        same_topic or len(shared - {fa["head"]}) >= 2):
                    first = denied.get("denied_from", -1)
                    cue_start = _token_span(denied_item, first if first >= 0 else max(0, denied["index"] - 2))[0]
                    quoted = denied_item.text[cue_start:denied["span"][1]]
                    label = _figure_label(said_item, said)
                    text = (f"'{quoted}' rejects {_format_value(said) or _span_text(said_item, *said['span'])}"
                            f" ({label})")
                    ev_said, ev_denied = [tuple(said["span"])], [(cue_start, denied["span"][1])]
                    out.append(Finding("numeric", 0.85, text, *((ev_said, ev_denied) if said is fa
                                                                 else (ev_denied, ev_said))))
                continue
            if fa.get("ordinal") and fb.get("ordinal") and fa["ordinal"] != fb["ordinal"]:
                continue  # 'a second earthquake' is not 'a third one'
            if _figure_actors_differ(fa, fb) and fa["head"] not in _MEASURED:
                continue  # (a magnitude is measured, owned by no one)
            pa, pb = fa.get("places", []), fb.get("places", [])
            if pa and pb and not any(entities_match(x, y) for x in pa for y in pb) \
                    and not (_named_in(b, fb, pa) or _named_in(a, fa, pb)):
                continue  # '1.4 million customers in Britain' and '300,000 in Ireland'
                # (but 'hit Elbistan in Kahramanmaras province' names the other's Elbistan)
            if (pa and not pb and (_total(b, fb) or _breakdown(a, fa))) or \
                    (pb and not pa and (_total(a, fa) or _breakdown(b, fb))):
                # '250 detained in Minsk' is part of '700 nationwide'; '11 in Texas and 3 in
                # Louisiana' are parts of '14 killed' (their sum is weighed below)
                continue
            if _intervals_meet(fa, fb):
                continue
            if fa["head"] == "person" and not fa["event"] and not fa["mods"] and not fb["mods"] \
                    and not _figure_context(a, fa) & _figure_context(b, fb):
                continue  # '35 people on board' and '150 people would die': people, but not the same
            if _value_given(fa, b) and _value_given(fb, a):
                continue  # 'four counts ... three' against 'four counts ... three': the same figures
            if fa.get("period") and fb.get("period") and not _same_period(fa, fb) \
                    and not (set(fa["period"]) & set(fb["period"])):
                continue  # '73,000 in July' and '19,000 in May' are figures for different months
            fixed = _same_period(fa, fb) and fa["event"] not in lexicon.CUMULATIVE_EVENTS
            # The same event: the same topic, or words in common beyond the figure itself (the
            # stated period counting as one).
            anchors = shared - {fa["head"], fb["head"], key(fa["event"] or "-"), key(fb["event"] or "-")}
            anchors -= {key(m) for m in fa["mods"] + fb["mods"]}
            if fixed:
                anchors.add("@" + "/".join(fa["period"]))
            if not same_topic and len(anchors) < (1 if gap <= settings.numeric_days or fixed else 2):
                continue
            # A toll, a count of the missing or displaced changes from one day to the next;
            # a figure with no such event (barrels agreed, votes counted) does not.
            window = settings.numeric_days if not fa["event"] else 0
            if same_topic and not fa["event"] and fa["head"] != "person" \
                    and not (_moving(a, fa) or _moving(b, fb)):
                # one story's figure for a thing that does not move (the votes a candidate won,
                # the money a fund lost) is the same figure for some days after; crowds are not
                # (a march each Sunday)
                window = settings.numeric_days_story
            if gap > window and not fixed:
                # (a figure for a stated period, 'in the second quarter', 'in the 12 months
                # to July 2019', is the same figure whenever it is given: a revision conflicts)
                if fa["event"] not in lexicon.CUMULATIVE_EVENTS:
                    continue
                # a later, lower figure contradicts only a toll of one event (a crash, a blast),
                # not daily counts of a continuing story (arrests at protests on several days)
                ea, eb = set(fa.get("single_event", [])), set(fb.get("single_event", []))
                # one event named on both sides, or on one side within one story
                if not (ea & eb or (ea and eb and "toll" in ea | eb) or (same_topic and ea | eb)):
                    continue
                earlier, later = (fb, fa) if later_first else (fa, fb)
                later_high = later["high"] if later["high"] is not None else float("inf")
                if later_high >= earlier["low"]:
                    continue  # the toll rose: not a contradiction
                if _looks_back(a if later is fa else b, later):
                    continue  # 'when I left, they had 6 to 18 deaths': the toll then, not now
            hedged = fa["hedged"] or fb["hedged"]
            score = 0.75 if hedged else 0.9
            text_a = _format_value(fa) or _span_text(a, *fa["span"])
            text_b = _format_value(fb) or _span_text(b, *fb["span"])
            label = _figure_label(a, fa if len(fa["mods"]) >= len(fb["mods"]) else fb)
            out.append(Finding("numeric", score, f"{text_a} vs {text_b} ({label})",
                               [tuple(fa["span"])], [tuple(fb["span"])]))
    out += _sum_of_parts(a, b, settings) + [_flip(f) for f in _sum_of_parts(b, a, settings)]
    return sorted(out, key=lambda f: -f.score)[:1]  # an explicit rejection before a plain difference


# ---------------------------------------------------------------- contrary predicates

def contrary(a: Item, b: Item, settings: Settings, *, any_date: bool = False,
             same: bool = False) -> list[Finding]:
    """Contrary predicates about the same subject: rose/fell, accepted/rejected, attack/defend.

    Pairs about moving quantities (rose/fell) count only for close dates; the others hold
    across months ('all guidance was followed' vs 'fined for breaking the rules')."""
    # a speaker's words hold across dates ('will stay' then 'will withdraw'), but not two acts on
    # a moving quantity: a bank that raised rates in March and cut them in December reversed
    # nothing it said
    far_apart = date_gap(a, b) > settings.contrary_days
    far = far_apart and not any_date
    table = _contrary()
    trends = _trend_keys()
    ta, tb = a.features["tokens"], b.features["tokens"]
    keys_a = _content_keys(a)
    keys_b = _content_keys(b)
    characters = _characters()
    pairs = [(ia, ib) for ia in a.features["contrary"] for ib in b.features["contrary"]
             if tb[ib][0] in table.get(ta[ia][0], ())]
    pairs += [(ia, ib) for ia in a.features.get("characters", []) for ib in b.features.get("characters", [])
              if b.words[ib] in characters.get(a.words[ia], ())]
    for ia, ib in pairs:
        ka, kb = ta[ia][0], tb[ib][0]
        if kb in keys_a and ka in keys_b:
            continue  # each account already uses both words: a balanced summary
        if (ka in trends or kb in trends) and (
                (far_apart and (far or _past_act(a, ia) and _past_act(b, ib)))
                or _periods_differ(a, ia, b, ib) or _future(a, ia) != _future(b, ib)):
            continue  # 'rose in June' and 'fell in July' describe different periods;
            # 'raised output' and 'agreed to cut output' a past act and a plan
        if _adverbs_of_other_acts(a, ia, b, ib):
            continue  # 'illegally left the country' / 'entered the country legally'
        ra = _roles(a, ia)
        rb = _roles(b, ib)
        if not (_verb_like(a.words[ia]) or _verb_like(b.words[ib])):
            # an adjective or noun has no object: 'within safe limits' / 'dangerously high'
            ra, rb = (ra[0], ""), (rb[0], "")
        theme = (_near_keys(a, ia) & _near_keys(b, ib)) - {ka, kb} - _measure_keys(a) - _measure_keys(b)
        if (ka, kb) in _blame_keys() or (kb, ka) in _blame_keys():
            # 'an act of aggression by A' vs 'a provocation by B': blame laid both ways
            if theme and not roles_agree(ra, rb):
                return [_blame_finding(a, ia, b, ib)]
            continue
        judged = _judged(a, ia) or _judged(b, ib)
        close = theme & _near_keys(a, ia, 5) & _near_keys(b, ib, 5)
        weighed = _weighed(a, ia, b, ib, ka, kb, theme, close)
        if weighed is None or ({ka, kb} <= _likelihood_keys() and _about_others(a, ia, b, ib)):
            continue  # ('unlikely ... that it was fired from Russia' / 'probable ... fired by Ukraine')
        # Two accounts of one story that each say what 'it' was ('it looks like a terrible
        # attack' / 'the explosion was an accident') describe the same event by definition.
        says_a = characterises(a.words, a.features["tokens"], ia)
        says_b = characterises(b.words, b.features["tokens"], ib)
        named = bool(a.topic and b.topic and a.topic.casefold() == b.topic.casefold()
                     and says_a and says_b)
        # ('the crash of the plane into the mountain was an accident': what it was is said of
        # the whole phrase before 'was', not of its last noun)
        if not weighed and (roles_clash(ra, rb) or (
                not judged and not (says_a or says_b) and _noun_subjects_clash(a, ia, b, ib))):
            continue
        agree = roles_agree(ra, rb)
        shown = _subject_name(b, agree) if agree else ""
        na, nb = _noun_subject(a, ia), _noun_subject(b, ib)
        if not agree and na and na == nb:
            agree = shown = " ".join(b.text[tb[i][3]:tb[i][4]] for i in range(len(b.words))
                                     if tb[i][0] in nb and tb[i][1])
        known = sum(1 for x in (ra[0], rb[0]) if _known(x))
        # Without the same named subject, contrary words need more shared context; one
        # speaker using contrary words about the same thing needs less.
        # a word next to both contrary words ('a laboratory leak is the least likely' /
        # 'most likely a lab incident') ties them to the same thing twice as firmly
        if not agree and not named and len(theme) + len(close) < (1 if same else 2 + known):
            continue
        score = 0.8 if agree else 0.6 if named and len(theme) < 2 else 0.68
        word_a = _span_text(a, *_contrary_span(a, ia))
        word_b = _span_text(b, *_contrary_span(b, ib))
        about = f" ({shown if agree else ', '.join(_surface(b, theme)[:3])})"
        if not agree and not theme:
            about = ": each says what it was"
        return [Finding("antonym", score, f"'{word_a}' contradicts '{word_b}'{about}",
                        [_contrary_span(a, ia)], [_contrary_span(b, ib)])]
    return []


def _past_act(item: Item, i: int) -> bool:
    """A deed told in the past tense ('raised', 'cut its rate'), not a plan or a state."""
    word = item.words[i]
    before = item.words[i - 1] if i > 0 else ""
    return not _future(item, i) and (word.endswith("ed") or word in lexicon.PAST_FORMS
                                     or before in ("has", "have", "had")
                                     # 'the bank cut its rate' (not 'a cut', 'to cut')
                                     or (word in _SAME_PAST and before not in _NOUN_MARKERS))


_SAME_PAST = frozenset("cut put set hit let shut quit cast cost spread".split())
# Words before 'cut' that make it a noun ('a cut', 'its fourth cut', 'to cut' a plan)
_NOUN_MARKERS = frozenset("a an the its their his her our this that another fourth third second first to".split())


def _adverbs_of_other_acts(a: Item, ia: int, b: Item, ib: int) -> bool:
    """Two contrary adverbs ('legally', 'illegally') said of two different verbs."""
    def verb(item: Item, i: int) -> str:
        words, tokens = item.words, item.features["tokens"]
        near = [k for k in (i + 1, i - 1, i - 2, i - 3, i + 2, i - 4) if 0 <= k < len(words)
                and tokens[k][1] and (_verb_like(words[k]) or words[k] in lexicon.PAST_FORMS)]
        return tokens[near[0]][0] if near else ""
    if not (a.words[ia].endswith("ly") and b.words[ib].endswith("ly")):
        return False
    va, vb = verb(a, ia), verb(b, ib)
    return bool(va and vb and va != vb)


_NP_SKIP = frozenset(["the", "a", "an", "most", "more", "less", "least", "very", "so", "too",
                      "quite", "really", "fully", "completely", "not", "never", "has", "have",
                      "had", "being"])


_PERIODS = lexicon.MONTHS | {"q1", "q2", "q3", "q4", "quarter"}


def _periods(item: Item, index: int) -> set[str]:
    """The month or year nearest a predicate in its sentence ('rising 1.3% in June' -> jun)."""
    sentence = item.features["sentences"][index]
    best = None
    for i, word in enumerate(item.words):
        if item.features["sentences"][i] != sentence or abs(i - index) > 8:
            continue
        if word in _PERIODS or (word.isdigit() and len(word) == 4):
            distance = (i - index) if i > index else (index - i) + 3  # 'rose 2% in June'
            if best is None or distance < best[0]:
                best = (distance, word[:3] if not word.isdigit() else word)
    return {best[1]} if best else set()


def _periods_differ(a: Item, ia: int, b: Item, ib: int) -> bool:
    pa, pb = _periods(a, ia), _periods(b, ib)
    return bool(pa and pb and not pa & pb)


def _noun_subject(item: Item, index: int) -> set[str]:
    """Content words naming what a predicate is about: 'the gasoline index' in 'the gasoline
    index fell', 'the election' in 'the election was the most secure'."""
    tokens = item.features["tokens"]
    out: set[str] = set()
    i = index - 1
    while i >= 0 and (item.words[i] in _NP_SKIP or item.words[i] in lexicon.AUXILIARIES
                      or (item.words[i].endswith("ly") and len(item.words[i]) > 4)):
        i -= 1  # 'the election was the most secure', 'is extremely unlikely'
    while i >= 0 and len(out) < 4:
        t = tokens[i]
        if not t[1] or t[2] or item.words[i] in lexicon.AUXILIARIES:
            break
        out.add(t[0])
        i -= 1
    return out


def _judged(item: Item, index: int) -> bool:
    """'the court found the mayor guilty': the words before the verdict are its object."""
    return any(item.words[m] in ("found", "declared", "ruled", "deemed", "judged", "pronounced")
               for m in range(max(0, index - 5), index))


@lru_cache(maxsize=1)
def _blame_keys() -> frozenset[tuple[str, str]]:
    return frozenset((key(x), key(y)) for x, y in lexicon.BLAME_PAIRS)


def _noun_subjects_clash(a: Item, ia: int, b: Item, ib: int) -> bool:
    """'the food index rose' and 'the gasoline index fell' are about different things."""
    na, nb = _noun_subject(a, ia), _noun_subject(b, ib)
    return bool(na and nb and not (na <= nb or nb <= na))


def _complement(item: Item, scope: list[int]) -> str:
    """The key of what a claimed 'X is Y' says X is (Y's first content word), or ''."""
    tokens = item.features["tokens"]
    for i in range(scope[0], scope[-1]):
        if item.words[i] in ("is", "are", "was", "were"):
            return next((tokens[k][0] for k in range(i + 1, scope[-1] + 1) if tokens[k][1]), "")
    return ""


def _entity_keys(item: Item) -> set[str]:
    return {t[0] for t in item.features["tokens"] if t[2]}


def _negated_keys(item: Item) -> set[str]:
    return {t[0] for t in item.features["tokens"] if t[1] and t[5]}


def _contrary_span(item: Item, index: int) -> tuple[int, int]:
    """A contrary word with the 'least' or 'less' that turns it round ('least likely')."""
    start, end = _token_span(item, index)
    if index > 0 and item.words[index - 1] in ("least", "less"):
        start = _token_span(item, index - 1)[0]
    if index + 1 < len(item.words) and (item.words[index], item.words[index + 1]) in lexicon.PHRASAL:
        end = _token_span(item, index + 1)[1]  # 'under control', 'out of control'
        if index > 0 and item.words[index - 1] == "out" and item.words[index] == "of":
            start = _token_span(item, index - 1)[0]
    return start, end


@lru_cache(maxsize=1)
def _likelihood_keys() -> frozenset[str]:
    return frozenset([key("likely"), key("unlikely")])


def _blame_finding(a: Item, ia: int, b: Item, ib: int) -> Finding:
    return Finding("antonym", 0.7,
                   f"'{_span_text(a, *_token_span(a, ia))}' vs "
                   f"'{_span_text(b, *_token_span(b, ib))}': each side blames the other",
                   [_token_span(a, ia)], [_token_span(b, ib)])


def _weighed(a: Item, ia: int, b: Item, ib: int, ka: str, kb: str, theme: set[str],
             close: set[str]) -> bool | None:
    """Whether two contrary words are likelihoods about the same thing ('the origins are most
    likely a lab incident' / 'a lab leak is the least likely hypothesis'): a likelihood is about
    the words next to it, not its grammatical subject. None when one account denies what the
    other calls unlikely, so that they agree ('the tank is the least likely source' / 'most
    likely run-off, not the tank')."""
    if not ({ka, kb} <= _likelihood_keys() and (close or len(theme) >= 2)):
        return False
    if _negated_keys(a) & _near_keys(b, ib) or _negated_keys(b) & _near_keys(a, ia):
        return None
    names_a, names_b = _near_names(a, ia), _near_names(b, ib)
    if names_a and names_b and not any(entities_match(x, y) for x in names_a for y in names_b):
        return None  # 'likely fired by Ukraine' / 'unlikely fired by Russia': they agree
    return True


def _about_others(a: Item, ia: int, b: Item, ib: int) -> bool:
    """Whether two likelihoods weigh hypotheses about different parties: the first name after
    each in its sentence differs."""
    def first_name(item: Item, i: int) -> str:
        tokens, sentences = item.features["tokens"], item.features["sentences"]
        return next((tokens[k][2] for k in range(i + 1, min(len(tokens), i + 25))
                     if sentences[k] == sentences[i] and tokens[k][2]), "")
    na, nb = first_name(a, ia), first_name(b, ib)
    return bool(na and nb and not entities_match(na, nb))


def _near_names(item: Item, index: int, radius: int = 8) -> set[str]:
    tokens = item.features["tokens"]
    sentence = item.features["sentences"][index]
    return {tokens[i][2] for i in range(max(0, index - radius), min(len(tokens), index + radius + 1))
            if tokens[i][2] and item.features["sentences"][i] == sentence}


def _measure_keys(item: Item) -> set[str]:
    """Words that only measure ('million', 'barrels', 'day'): shared units are no shared theme."""
    tokens = item.features["tokens"]
    out = {tokens[i][0] for i, w in enumerate(item.words)
           if w in _NUMBER_WORDS or w in lexicon.TIME_UNITS}
    for fig in item.features["figures"]:
        out.update(fig["head"].split())
    return out


def _near_keys(item: Item, index: int, radius: int = 8) -> set[str]:
    tokens = item.features["tokens"]
    sentence = item.features["sentences"][index]
    reporting = _reporting_keys()
    return {
        tokens[i][0]
        for i in range(max(0, index - radius), min(len(tokens), index + radius + 1))
        if tokens[i][1] and item.features["sentences"][i] == sentence and tokens[i][0] not in reporting
    }


# ---------------------------------------------------------------- quotations

_WORD = re.compile(r"\w+")


def quote_words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def quotes(a: Item, b: Item, settings: Settings) -> list[Finding]:
    """Misattribution (one quote, two speakers) and quote variance (one speaker, two wordings)."""
    if a.kind != "direct" or b.kind != "direct":
        return _same_paraphrase(a, b, settings)
    from rapidfuzz import fuzz

    wa, wb = quote_words(a.text), quote_words(b.text)
    if not wa or not wb:
        return []
    ja, jb = " ".join(wa), " ".join(wb)
    speaker_same = same_speaker(a, b)
    shorter, longer = (ja, jb) if len(ja) <= len(jb) else (jb, ja)
    contained = f" {shorter} " in f" {longer} "
    if speaker_same:
        if ja == jb or contained:
            return []  # the same words, or a partial quote of the same speaker
        ratio = fuzz.ratio(ja, jb)
        if date_gap(a, b) == 0:
            # the same words in another order ('until you kill me, there will be no other
            # elections' / 'there will be no new elections until you kill me')
            ratio = max(ratio, fuzz.token_sort_ratio(ja, jb) - 10)
        # two translations of one remark on one day differ more than two reports of it later
        if ratio < (settings.variance_ratio_same_day if date_gap(a, b) == 0 else settings.variance_ratio) \
                and not _same_remark_translated(a, b):
            return []
        diff_a, diff_b, phrases = _word_diff(a.text, b.text)
        if not phrases:
            return []
        changed = 1 - ratio / 100
        score = round(min(0.75, 0.2 + changed * 1.5), 3)
        return [Finding("quote_variance", score,
                        f"{a.speaker}'s quote differs: " + "; ".join(phrases[:3]), diff_a, diff_b)]
    words = min(len(wa), len(wb))
    if words < settings.misattribution_words:
        return []
    ratio = 100.0 if contained else fuzz.ratio(ja, jb)
    if ratio < settings.misattribution_ratio and words >= 2 * settings.misattribution_words:
        # a long quote found, nearly word for word, inside the other account
        ratio = max(ratio, fuzz.partial_ratio(shorter, longer) - 3)
    if ratio < settings.misattribution_ratio:
        return []
    score = 0.9 if ratio >= 97 else 0.8
    return [Finding("misattribution", score,
                    f"the same quote is attributed to {a.speaker} and to {b.speaker}",
                    [(0, len(a.text))], [(0, len(b.text))])]


def _same_remark_translated(a: Item, b: Item) -> bool:
    """Two short quotes of one speaker on one day, with the same content words and the same
    denial, worded apart: 'I will not resign' / 'I'm not going to resign', 'I didn't like it' /
    'I didn't enjoy it' (translations of one remark)."""
    if date_gap(a, b) != 0 or max(len(a.words), len(b.words)) > 30:
        return False
    ka, kb = _content_keys(a), _content_keys(b)
    negated = (bool(a.features["negations"]), bool(b.features["negations"]))
    if negated[0] != negated[1]:
        return False
    if not (ka and kb):
        return negated[0] and _cue_words(a) == _cue_words(b)  # 'I didn't like it' / 'I didn't enjoy it'
    return len(ka & kb) / len(ka | kb) >= 0.5


def _cue_words(item: Item) -> set[str]:
    return {"not" if item.words[n["cue_index"]].endswith("n't") else item.words[n["cue_index"]]
            for n in item.features["negations"]}


def _same_paraphrase(a: Item, b: Item, settings: Settings) -> list[Finding]:
    """The same long paraphrase, word for word, given to two speakers: one outlet likely put
    the words in the wrong mouth (a weaker sign than a quote, so a lower score)."""
    if same_speaker(a, b) or a.features["terms"] != b.features["terms"]:
        return []  # (the same words have the same terms: a cheap test first)
    wa, wb = quote_words(a.text), quote_words(b.text)
    if min(len(wa), len(wb)) < 2 * settings.misattribution_words or wa != wb:
        return []
    return [Finding("misattribution", 0.6,
                    f"the same words are attributed to {a.speaker} and to {b.speaker}",
                    [(0, len(a.text))], [(0, len(b.text))])]


_QUALIFIERS = frozenset("""appears appear seems seem likely unlikely probably possibly perhaps maybe
may might could would if whether no not never nothing without evidence believe think suspect
alleged allegedly reportedly apparently""".split())


def _dropped_qualifier(a: Item, b: Item) -> Finding | None:
    """A shorter quote of the same speaker that leaves out a hedge or a negation of the longer:
    'It was done by the other team' from 'it appears as though it was done by the other team'."""
    wa, wb = quote_words(a.text), quote_words(b.text)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    joined, target = " ".join(long_), " ".join(short)
    at = f" {joined} ".find(f" {target} ")
    left_out = (joined[:max(0, at - 1)] + " " + joined[at + len(target):]).split()
    dropped = [w for w in left_out if w in _QUALIFIERS]
    if not dropped:
        return None
    long_item = a if len(wa) > len(wb) else b
    spans = [m.span() for m in _WORD.finditer(long_item.text)]
    first = len(joined[:max(0, at - 1)].split()) if at > 0 else 0
    before = long_item.text[:spans[first][0]].strip(" ,;:") if first < len(spans) else ""
    what = before or " ".join(left_out[:8])
    return Finding("quote_variance", 0.7,
                   f"{a.speaker}'s shorter quote leaves out '{what}', which qualifies the words",
                   [(0, len(a.text))], [(0, len(b.text))])


def _contained(a: Item, b: Item) -> bool:
    ja, jb = " ".join(quote_words(a.text)), " ".join(quote_words(b.text))
    shorter, longer = (ja, jb) if len(ja) <= len(jb) else (jb, ja)
    return f" {shorter} " in f" {longer} "


def _word_diff(text_a: str, text_b: str):
    """Word-level differences: spans in each text and "'x' vs 'y'" phrases."""
    ta = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text_a)]
    tb = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text_b)]
    matcher = difflib.SequenceMatcher(a=[fold(w) for w, _, _ in ta], b=[fold(w) for w, _, _ in tb],
                                      autojunk=False)
    spans_a, spans_b, phrases = [], [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        left = text_a[ta[i1][1]:ta[i2 - 1][2]] if i2 > i1 else ""
        right = text_b[tb[j1][1]:tb[j2 - 1][2]] if j2 > j1 else ""
        if i2 > i1:
            spans_a.append((ta[i1][1], ta[i2 - 1][2]))
        if j2 > j1:
            spans_b.append((tb[j1][1], tb[j2 - 1][2]))
        phrases.append(f"'{left}' vs '{right}'" if left and right else
                       (f"'{left}' left out" if left else f"'{right}' added"))
    return spans_a, spans_b, phrases


# ---------------------------------------------------------------- the pair

def compare(a: Item, b: Item, settings: Settings = Settings()) -> Finding | None:
    """The strongest reason `a` and `b` conflict, or None when they can both be true."""
    if a.kind == "direct" and b.kind == "direct" and same_speaker(a, b) and _contained(a, b):
        # a partial quote of the same words, by the same speaker: no conflict, unless what was
        # left out turns the words round ('it appears as though ...', 'we have no evidence that')
        return _dropped_qualifier(a, b)
    findings: list[Finding] = []
    findings += quotes(a, b, settings)
    if any(f.type == "misattribution" for f in findings):
        return _merge(findings)
    same = same_speaker(a, b)
    gap = date_gap(a, b)
    opposing = polarity(a, b, same=same) + contrary(a, b, settings, any_date=same and gap > 0, same=same)
    if same and len(set(a.features["terms"]) & set(b.features["terms"])) < 2 \
            and not (bare_denial(a) or bare_denial(b)):
        # one word in common is too little, even for one speaker, unless a denial is only that
        # word ('I will not resign' against 'announced his resignation'); 'we will not negotiate
        # with terrorists' says nothing of 'negotiated a trade deal'
        opposing = []
    if same and gap > 0 and opposing:
        best = max(opposing, key=lambda f: f.score)
        findings.append(Finding(
            "reversal", min(0.95, best.score + 0.05),
            f"{a.speaker} on {a.date} vs {b.date}: {best.explanation}",
            best.evidence_a, best.evidence_b))
    else:
        findings += opposing
    findings += numeric(a, b, settings)
    findings += disowned(a, b) + [_flip(f) for f in disowned(b, a)]
    findings += absent(a, b) + [_flip(f) for f in absent(b, a)]
    findings += rebutted(a, b) + [_flip(f) for f in rebutted(b, a)]
    findings += jurisdiction(a, b) + [_flip(f) for f in jurisdiction(b, a)]
    findings += exclusive(a, b, settings)
    if a.topic and b.topic and a.topic.casefold() == b.topic.casefold() and date_gap(a, b) <= 3:
        findings += blamed_on_two(a, b)
    if not findings:
        return None
    return _merge(findings)


def disowned(a: Item, b: Item) -> list[Finding]:
    """`b` disowns words given in its speaker's name, and `a` gave such words in the same story
    in the week before: 'I did not make any such statements as reported' (words given later are
    not the ones disowned)."""
    if not b.features.get("disowns") or a.features.get("disowns") or not same_speaker(a, b) \
            or not _same_story(a, b) or a.day_start > b.day_end or date_gap(a, b) > 7:
        return []
    return [Finding("polarity", 0.6,
                    f"{b.speaker} disowns words given in their name; this account gives words of "
                    f"{a.speaker} ({a.outlet}, {a.date})", [(0, len(a.text))], [(0, len(b.text))])]


# What a sentence's subject may be accused of having done ('Buch and her husband had stakes in
# the funds', 'Gulen ordered the coup'); 'Gulen lives in Pennsylvania' accuses no one.
_DEEDS = frozenset("""ordered planned orchestrated masterminded had carried took paid bribed hid
concealed manipulated falsified stole siphoned laundered funded financed approved conspired
colluded cheated""".split())
_ACCUSING = frozenset("by behind blamed accused responsible ordered orchestrated masterminded".split())


def rebutted(a: Item, b: Item) -> list[Finding]:
    """`b` rebuts an account as a whole ('I categorically deny such accusations') and `a`, in the
    same story within a week, either accuses `b`'s speaker ('carried out by the network of
    Fethullah Gulen') or is given by a source `b` names ('Hindenburg's report is baseless')."""
    if not b.features.get("rebuts") or a.features.get("rebuts") or a.features["negations"] \
            or not _same_story(a, b) or date_gap(a, b) > 7 or same_speaker(a, b):
        return []
    speaker = [w for w in re.findall(r"\w+", fold(b.speaker)) if len(w) > 3]
    ta = a.features["tokens"]
    for k, t in enumerate(ta):
        # (the speaker's last name: 'the Turkish lira' names no Turkish Statistical Institute)
        if speaker and t[2] == speaker[-1] and ((_first_name(a, k) in _name_span(a, k) and any(
                a.words[m] in lexicon.DONE_BY or a.words[m] in _DEEDS
                for m in range(k + 1, min(len(a.words), k + 6)))) or any(
                a.words[m] in _ACCUSING for m in range(max(0, k - 10), k)
                if a.features["sentences"][m] == a.features["sentences"][k])):
            name = (ta[_name_span(a, k).start][3], t[4])
            return [Finding("polarity", 0.55, f"{b.speaker} rejects the accusations; this account "
                            f"accuses {a.text[name[0]:name[1]]}", [name], [(0, len(b.text))])]
    sources = {w for w in re.findall(r"\w+", fold(f"{a.speaker} {a.outlet}")) if len(w) > 3}
    named = next((t for t in b.features["tokens"] if t[2] and t[2] in sources), None)
    if named:
        return [Finding("polarity", 0.55, f"{b.speaker} rejects what {a.speaker} said, and this is "
                        "that account", [(0, len(a.text))], [(named[3], named[4])])]
    return []


def _name_span(item: Item, index: int) -> range:
    tokens = item.features["tokens"]
    first = index
    while first > 0 and tokens[first - 1][2]:
        first -= 1
    return range(first, index + 1)


def _first_name(item: Item, index: int) -> int:
    """Where the first name of the sentence holding `index` stands (its subject, most often)."""
    sentences = item.features["sentences"]
    return next((k for k, t in enumerate(item.features["tokens"])
                 if t[2] and sentences[k] == sentences[index]), -1)


_GONE_TO = frozenset("in to into at".split())


def absent(a: Item, b: Item) -> list[Finding]:
    """`b` says someone was not in a place that `a` puts them in, on close dates: 'Grace Mugabe
    was not in Namibia' / 'Grace Mugabe flew to Namibia'."""
    if date_gap(a, b) > 2:
        return []  # (people move)
    tokens = a.features["tokens"]
    for who, where, first, last in b.features.get("absences", []):
        for k, t in enumerate(tokens):
            if not (t[2] and entities_match(t[2], where) and k > 0 and a.words[k - 1] in _GONE_TO
                    and not t[5]):
                continue
            sentence = a.features["sentences"][k]
            named = [m for m in range(k) if a.features["sentences"][m] == sentence
                     and tokens[m][2] and entities_match(tokens[m][2], who)]
            if named and _same_name(_name_run(a, named[0]), _name_run(b, first)):
                span_b = (_token_span(b, first)[0], _token_span(b, last)[1])
                start = next(m for m in range(k) if a.features["sentences"][m] == sentence)
                return [Finding("polarity", 0.7,
                                f"'{b.text[span_b[0]:span_b[1]]}' against '{a.text[_token_span(a, start)[0]:t[4]]}'",
                                [(_token_span(a, start)[0], t[4])], [span_b])]
    return []


def _name_run(item: Item, index: int) -> set[str]:
    """The words of the name around `index` ('Grace Mugabe')."""
    tokens = item.features["tokens"]
    last = index
    while last + 1 < len(tokens) and tokens[last + 1][2]:
        last += 1
    return {tokens[k][2] for k in range(_name_span(item, index).start, last + 1)}


def _same_name(x: set[str], y: set[str]) -> bool:
    """'Mugabe' and 'Grace Mugabe' may be one person; 'Robert Mugabe' and 'Grace Mugabe' are not."""
    return x <= y or y <= x


def bare_denial(item: Item) -> bool:
    """A denial of one word and nothing else: 'I will not resign', 'we did not retreat'."""
    return any(n.get("kind") == "verbal" and len([i for i in n.get("proposition", n["scope"])
                                                 if item.words[i] not in _PLAN_VERBS]) <= 1
               for n in item.features["negations"])


_WON = frozenset(["election", "elections", "vote", "race", "presidency", "seat", "runoff", "contest",
                  "war", "battle", "majority", "ballot"])


def blamed_on_two(a: Item, b: Item) -> list[Finding]:
    """One thing done to the same target, given to two different doers: 'the hospital was hit
    by an Israeli air strike' / 'the hospital was hit by an Islamic Jihad rocket'."""
    for ia in range(len(a.words)):
        if a.words[ia] not in lexicon.DONE_BY or a.features["tokens"][ia][5] or _weighed_only(a, ia):
            continue
        for ib in range(len(b.words)):
            if b.words[ib] not in lexicon.DONE_BY or b.features["tokens"][ib][5] or _weighed_only(b, ib):
                continue
            ra, rb = _roles(a, ia), _roles(b, ib)
            if not (ra[1] and rb[1] and _comparable(ra[1], rb[1]) and _same_filler(ra[1], rb[1])):
                continue  # not the same target
            if _comparable(ra[0], rb[0]) and not ra[0].startswith("~") and not _same_filler(ra[0], rb[0]):
                return [Finding("antonym", 0.7,
                                f"'{a.words[ia]}' by {_subject_name(a, ra[0])} vs by "
                                f"{_subject_name(b, rb[0])}: each names a different party",
                                [_token_span(a, ia)], [_token_span(b, ib)])]
    return []


_LIKELIHOOD_WORDS = frozenset("likely unlikely probable improbable possible possibly probably".split())


def _weighed_only(item: Item, index: int) -> bool:
    """A deed that its account only weighs ('it is unlikely that it was fired from Russia')."""
    sentences = item.features["sentences"]
    return any(item.words[k] in _LIKELIHOOD_WORDS and sentences[k] == sentences[index]
               for k in range(max(0, index - 10), index))


def _subject_name(item: Item, entity: str) -> str:
    """A name as the text writes it, with the capitalised words that follow ('Islamic Jihad')."""
    names = entity.split("|")
    tokens = item.features["tokens"]
    for i, t in enumerate(tokens):
        if t[2] and t[2] in names:
            end = i
            while end + 1 < len(tokens) and tokens[end + 1][2] and end - i < 2:
                end += 1  # (at most three words: a headline in capitals is no name)
            return item.text[t[3]:tokens[end][4]]
    return names[0]


def _exclusive_acts(item: Item) -> list[tuple[int, str]]:
    """Acts only one party can have done: winning the election, doing something first
    ('crossed the border first'). (position of the verb, its object key)."""
    if "_exclusive" in item.features:
        return item.features["_exclusive"]
    item.features["_exclusive"] = out = _find_exclusive_acts(item)
    return out


def _find_exclusive_acts(item: Item) -> list[tuple[int, str]]:
    tokens, words = item.features["tokens"], item.words
    if "first" not in words and not {"won", "wins", "win"} & set(words):
        return []
    out = []
    for i, t in enumerate(tokens):
        if not t[1] or t[5] or t[7]:
            continue
        after = range(i + 1, min(len(words), i + 5))
        if words[i] in ("won", "wins", "win") and any(words[k] in _WON for k in after):
            out.append((i, next(tokens[k][0] for k in after if words[k] in _WON)))
        elif _verb_like(words[i]) and any(words[k] == "first" for k in after) and not any(
                words[k] in (",", ";", ".") for k in range(i, next(k for k in after if words[k] == "first"))):
            obj = next((tokens[k][0] for k in after if tokens[k][1] and not tokens[k][2]
                        and words[k] != "first"), "")
            out.append((i, obj))
    return out


def exclusive(a: Item, b: Item, settings: Settings) -> list[Finding]:
    """Two accounts that give one exclusive act to different parties: 'Chinese troops crossed
    the border first' / 'Indian troops crossed the border first'; 'the opposition candidate won
    the election' / 'the president won the election'."""
    same_story = bool(a.topic and b.topic and a.topic.casefold() == b.topic.casefold())
    if not same_story and date_gap(a, b) > settings.contrary_days:
        return []
    for ia, obj_a in _exclusive_acts(a):
        for ib, obj_b in _exclusive_acts(b):
            if a.features["tokens"][ia][0] != b.features["tokens"][ib][0] or obj_a != obj_b \
                    or _periods_differ(a, ia, b, ib):
                continue  # ('won the election in 2019' / 'won the election in 2024')
            ra = _roles(a, ia)
            rb = _roles(b, ib)
            if not (_comparable(ra[0], rb[0]) and not entities_match(ra[0].lstrip("~"), rb[0].lstrip("~"))):
                continue
            act = _act_phrase(a, ia)
            return [Finding("antonym", 0.7,
                            f"'{a.text[act[0]:act[1]]}' is said of {_subject_phrase(a, ia)} and of "
                            f"{_subject_phrase(b, ib)}: only one can have done it",
                            [act], [_act_phrase(b, ib)])]
    return []


def _act_phrase(item: Item, index: int) -> tuple[int, int]:
    """The exclusive act as written: 'crossed the border first', 'won the election'."""
    last = index
    for k in range(index + 1, min(len(item.words), index + 5)):
        last = k
        if item.words[k] == "first" or item.words[k] in _WON:
            break
    return _token_span(item, index)[0], _token_span(item, last)[1]


def _subject_phrase(item: Item, index: int) -> str:
    """The words naming who does the act at `index` ('Chinese troops', 'the opposition candidate')."""
    tokens = item.features["tokens"]
    k = index - 1
    while k >= 0 and item.words[k] in lexicon.AUXILIARIES:
        k -= 1
    end = k
    while k >= 0 and index - k <= 5 and (tokens[k][1] or tokens[k][2]) and not _verb_like(item.words[k]):
        k -= 1
    if end <= k:
        return "another party"
    return item.text[tokens[k + 1][3]:tokens[end][4]]


_NATIONAL = frozenset(["territorial", "national", "sovereign"])


def jurisdiction(a: Item, b: Item) -> list[Finding]:
    """'in international airspace' against 'violated Iranian airspace' (or 'territorial
    waters'): one place, claimed as no one's and as a country's (a bare 'our airspace' is too
    vague to say which place)."""
    if "international" not in a.words:
        return []
    ta, tb = a.features["tokens"], b.features["tokens"]
    for i in range(len(ta) - 1):
        if a.words[i] != "international" or not ta[i + 1][1] or ta[i + 1][2] or _negated(a, i):
            continue
        noun = ta[i + 1][0]
        if any(b.words[m] == "international" and tb[m + 1][0] == noun for m in range(len(tb) - 1)):
            continue  # both say 'international waters' somewhere
        for j in range(1, len(tb)):
            if tb[j][0] != noun or _negated(b, j):
                continue
            k = j - 1
            if b.words[k] in _NATIONAL or (tb[k][2] and k > 0 and b.words[k - 1] != "international") \
                    or (tb[k][2] and k == 0):
                ours = b.text[tb[k][3]:tb[j][4]]
                return [Finding("antonym", 0.75,
                                f"'{a.text[ta[i][3]:ta[i + 1][4]]}' contradicts '{ours}'",
                                [(ta[i][3], ta[i + 1][4])], [(tb[k][3], tb[j][4])])]
    return []


def _negated(item: Item, index: int) -> bool:
    return bool(item.features["tokens"][index][5])


def _flip(finding: Finding) -> Finding:
    return Finding(finding.type, finding.score, finding.explanation, finding.evidence_b, finding.evidence_a)


def _merge(findings: list[Finding]) -> Finding:
    findings.sort(key=lambda f: -f.score)
    best = findings[0]
    others = [f.explanation for f in findings[1:] if f.type != best.type]
    if others:
        return Finding(best.type, best.score, "; ".join([best.explanation] + others[:2]),
                       best.evidence_a + [s for f in findings[1:] for s in f.evidence_a],
                       best.evidence_b + [s for f in findings[1:] for s in f.evidence_b])
    return best
