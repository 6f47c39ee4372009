"""What detection needs to know about one statement, computed once and cached.

A statement's features are plain data (dicts and lists) so they can be stored as JSON and
reused on the next run while the statement is unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quotetrack.conflicts import lexicon
from quotetrack.conflicts.numbers import SCALES, TENS, UNITS, find_figures


def version() -> str:
    """Fingerprint of the detector's code: when a rule changes, stored results are redone."""
    import hashlib
    from pathlib import Path

    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("features.py", "lexicon.py", "numbers.py", "rules.py", "candidates.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]

_TOKEN = re.compile(
    r"\d[\d,.]*\d|\d"  # figures
    r"|[^\W\d_](?:[^\W_]|['\u2019](?=[^\W\d_]))*"  # words, with inner apostrophes
    r"|%|\$|€|£|[.!?;:,()\"\u201c\u201d]"
)
_CLAUSE_BREAK = frozenset([";", ":", ".", "!", "?", "(", ")", "\"", "\u201c", "\u201d",
                           "but", "while", "whereas", "although", "though", "however", "yet"])
_SENTENCE_END = frozenset([".", "!", "?"])
_PRONOUNS = frozenset("""he she it they we i you i'm i've i'd i'll we're we've we'd we'll you're
he's he'd he'll she's she'd she'll it's they're they've they'd they'll""".split())
_AGENT_PREPS = frozenset(["by", "from"])


def fold(word: str) -> str:
    """Lower case, accents removed (Erdoğan -> erdogan), curly apostrophes straightened."""
    if word.isascii():
        return word.lower()
    word = word.replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ı", "i")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """A word's comparison key: irregular forms mapped, Snowball-stemmed, cut to 5 letters
    so that derivations meet ('notify', 'notified', 'notification' -> 'notif')."""
    if word.endswith("'s") and len(word) > 3:
        word = word[:-2]  # 'INPE's figures' and 'INPE' share a key
    word = lexicon.SYNONYMS.get(word, word)
    word = lexicon.IRREGULAR.get(word, word)
    stem = _stemmer().stemWord(word)
    if len(stem) >= 9:
        return stem[:8]  # long stems are compounds ('waterproof'), not derivations of 'water'
    return stem[:5] if len(stem) > 5 else stem


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets in `text`."""
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _is_entity(raw: str, position: int, sentence_start: bool) -> bool:
    folded = raw.casefold()
    if not raw[:1].isupper() or folded in lexicon.NEGATION_WORDS or folded in _NUMBER_WORDS:
        return False
    if raw.isupper() and len(raw) > 1 and raw.isalpha():
        return True  # acronyms: UN, NATO, OCHA, and US or WHO, which are no pronouns
    # pronouns, weekdays, months, 'No', 'Three' are capitalised but name no party
    if folded in _PRONOUNS or folded in lexicon.STOPWORDS:
        return False
    return not sentence_start or raw.casefold() not in lexicon.STOPWORDS


def entity_key(word: str) -> str:
    return fold(word)


def entities_match(a: str, b: str) -> bool:
    """Same named thing, allowing country/demonym pairs (turkey ~ turkish, syria ~ syrian)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= shortest - 2


@lru_cache(maxsize=1)
def _contrary() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for left, right in lexicon.CONTRARY_PAIRS:
        a, b = key(left), key(right)
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return table


@lru_cache(maxsize=1)
def _characters() -> dict[str, set[str]]:
    """Contrary nouns that count only in 'X was/were N' (see lexicon.CHARACTER_PAIRS), by the
    word itself ('military' must not pass for 'militant')."""
    table: dict[str, set[str]] = {}
    for left, right in lexicon.CHARACTER_PAIRS:
        table.setdefault(left, set()).add(right)
        table.setdefault(right, set()).add(left)
    return table


@lru_cache(maxsize=1)
def _count_classes() -> dict[str, str]:
    return {key(word): cls for word, cls in lexicon.COUNT_CLASSES.items()}


@lru_cache(maxsize=50_000)
def count_class(word: str) -> str:
    """The class of a counted noun, from the word itself rather than its cut key, so that
    'official' is not an 'officer' nor 'planet' a 'plane'; '' when it is none."""
    word = word[:-2] if word.endswith(("'s", "\u2019s")) else word
    word = lexicon.SYNONYMS.get(word, word)
    word = lexicon.IRREGULAR.get(word, word)
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    for form in forms:
        form = lexicon.IRREGULAR.get(form, form)
        if form in lexicon.COUNT_CLASSES:
            return lexicon.COUNT_CLASSES[form]
    return ""


@lru_cache(maxsize=1)
def _event_classes() -> dict[str, str]:
    return {key(word): cls for word, cls in lexicon.EVENT_CLASSES.items()}


@lru_cache(maxsize=1)
def _reporting_keys() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon.REPORTING)


@lru_cache(maxsize=1)
def _negation_verb_keys() -> frozenset[str]:
    return frozenset(key(w) for w in lexicon.NEGATION_VERBS)


def analyse(text: str) -> dict:
    """Features of one statement text.

    Returns a dict with:
      terms:     sorted content keys (for blocking and overlap)
      tokens:    [[key or "", is_content, entity_key or "", start, end, negated, clause]] per token
      negations: [{"cue": [s, e], "head": i, "scope": [token indices], "subject": ent}]
      figures:   [{"low", "high", "hedged", "span": [s, e], "head", "mods", "event", "unit", "more"}]
      contrary:  [token index of words that have a contrary, not negated]
    """
    raw_tokens = tokenize(text)
    words = [fold(t) for t, _, _ in raw_tokens]
    tokens: list[list] = []
    clause = 0
    sentence_start = True
    sentence_ids: list[int] = []
    sentence = 0
    for i, (raw, start, end) in enumerate(raw_tokens):
        word = words[i]
        if word in _CLAUSE_BREAK or word == ",":
            clause += 1
        is_word = word[:1].isalpha()
        content = is_word and len(word) > 2 and (word not in lexicon.STOPWORDS or (
            word == "march" and not _dated_march(words, i))) and word not in lexicon.NEGATION_WORDS
        k = key(word) if is_word else ""
        ent = entity_key(raw) if is_word and _is_entity(raw, i, sentence_start) else ""
        tokens.append([k, content, ent, start, end, False, clause])
        sentence_ids.append(sentence)
        if word in _SENTENCE_END:
            sentence += 1
            sentence_start = True
        elif is_word:
            sentence_start = False
    for i in range(len(words) - 1):
        # 'Riot police used firearms': a capital opening the sentence before a counted noun is
        # a common word, not a name (but 'Russian troops' keeps its nationality)
        if tokens[i][2] and (i == 0 or words[i - 1] in _SENTENCE_END) and tokens[i + 1][1] \
                and not tokens[i + 1][2] and count_class(words[i + 1]) \
                and not words[i].endswith(("an", "ese", "ish", "i", "ch")):
            tokens[i][2] = ""
    for i in range(len(words) - 3):
        if words[i:i + 4] == ["nothing", "to", "do", "with"]:
            # 'had nothing to do with the incident': not responsible for it
            tokens[i + 2][0], tokens[i + 2][1] = key("responsible"), True
    for i in range(len(words) - 1):
        phrasal = lexicon.PHRASAL.get((words[i], words[i + 1]))
        if phrasal:
            tokens[i][0] = key(phrasal)
            tokens[i][1] = True
            if phrasal in ("aboard", "coup"):
                # 'the people on board' board nothing; 'a military takeover' is one thing, shown whole
                tokens[i + 1][1] = False
                tokens[i][4] = tokens[i + 1][4]
    contrary_table = _contrary()
    for i in range(1, len(words)):
        opposite = contrary_table.get(tokens[i][0], ())
        if words[i - 1] in ("least", "less") and len(opposite) == 1:
            tokens[i][0] = next(iter(opposite))  # 'the least likely' says 'unlikely'
    reporting = _reporting_keys()
    negations = _find_negations(words, tokens)
    for neg in negations:
        for i in neg["scope"]:
            tokens[i][5] = True
    for i in _hedged(words, tokens):
        tokens[i].append(True)
    for t in tokens:
        if len(t) == 7:
            t.append(False)
    figures = _find_figures(words, tokens)
    contrary = _contrary()
    # a denying verb that has a contrary ('rejected' / 'accepted') stays a contrary word too
    cue_positions = {neg["cue_index"] for neg in negations if tokens[neg["cue_index"]][0] not in contrary}
    contrary_positions = [
        i for i, t in enumerate(tokens)
        if t[1] and t[0] in contrary and not t[5] and not t[7] and i not in cue_positions
        and not (i > 0 and words[i - 1] in ("not", "never"))
    ]
    # 'the dead were civilians' / 'were militants': contrary only as what someone was
    characters = [
        i for i, t in enumerate(tokens)
        if t[1] and words[i] in _characters() and not t[5] and not t[7] and characterises(words, tokens, i)
    ]
    terms = {
        t[0] for i, t in enumerate(tokens)
        if t[1] and t[0] not in reporting and words[i] not in _NUMBER_WORDS
    }
    # Class terms, so that blocking pairs 'eight killed' with 'toll of seven' and 'followed'
    # with 'broke' even when the two share few words.
    for fig in figures:
        terms.add("#fig:" + (fig["event"] or fig["head"]))
        if fig["period"]:  # the same thing counted for the same month: compare, whatever else
            terms.add("#fig:" + (fig["event"] or fig["head"]) + "@" + "/".join(fig["period"]))
    for i in characters:
        for other in _characters()[words[i]]:
            terms.add("#is:" + "|".join(sorted((words[i].rstrip("s"), other.rstrip("s")))))
    for i in contrary_positions:
        for other in contrary[tokens[i][0]]:
            pair = "|".join(sorted((tokens[i][0], other)))
            terms.add("#opp:" + pair)
            if characterises(words, tokens, i):
                terms.add("#is:" + pair)  # 'was an accident' / 'looks like an attack'
    terms = sorted(terms)
    features = {
        "terms": terms,
        # (tuples from here on: a full detection keeps every statement's tokens in memory)
        "tokens": [tuple(t) for t in tokens],
        "negations": negations,
        "figures": figures,
        "contrary": contrary_positions,
        "characters": characters,
        # 'was hit by', 'destroyed by': a deed with its doer, for rules that compare doers
        "done_by": any(words[i] in lexicon.DONE_BY and "by" in words[i + 1:i + 4] for i in range(len(words))),
        "sentences": sentence_ids,
    }
    # Rare marks, kept only when present (every statement's features stay in memory during a
    # full detection): 'I did not make any such statements as reported' disowns words given in
    # the speaker's name; 'Grace Mugabe was not in Namibia' is an absence; 'I categorically deny
    # such accusations' rebuts an account as a whole.
    rare = {"disowns": _disowns(words), "absences": _absences(words, tokens), "rebuts": _rebuts(words)}
    return {**features, **{name: value for name, value in rare.items() if value}}


_ACCUSATIONS = frozenset("""accusations accusation allegations allegation claims claim charges
insinuations suggestions report reports story stories article""".split())
_REBUTTAL_WORDS = frozenset("""false untrue fiction nonsense lies lie baseless fabricated fabrication
fake rubbish groundless unfounded""".split())
_DENY = frozenset("deny denies denied reject rejects rejected dismiss dismisses dismissed".split())


def _rebuts(words: list[str]) -> bool:
    """Whether a text rebuts an account as a whole, without saying what it claimed: 'I
    categorically deny such accusations', 'This is utterly false and complete fiction', 'The
    report is ... baseless allegations'."""
    for i, word in enumerate(words):
        if word in _DENY and any(w in _ACCUSATIONS for w in words[i + 1:i + 6]):
            return True
        if word in _REBUTTAL_WORDS and i + 1 < len(words) and words[i + 1] in _ACCUSATIONS:
            return True  # 'peddling false claims', 'baseless allegations'
        if word in _BE and i > 0 and (words[i - 1] in ("this", "that", "it") or words[i - 1] in _ACCUSATIONS) \
                and any(w in _REBUTTAL_WORDS for w in words[i + 1:i + 8]):
            return True
    return False


def _absences(words: list[str], tokens: list[list]) -> list[list]:
    """'Grace Mugabe was not in Namibia': [who, where, first token, last token] for each person
    or body said not to be somewhere."""
    out = []
    for i in range(1, len(words) - 2):
        if words[i] in ("not", "never") and words[i - 1] in _BE | {"has", "have", "had"} \
                and words[i + 1] in ("in", "at") and tokens[i + 2][2]:
            who = subject_before(tokens, words, i - 1, weak=True)
            if who and who != "?":
                first = next((k for k in range(i - 2, -1, -1) if tokens[k][2] == who), i - 1)
                while first > 0 and tokens[first - 1][2]:
                    first -= 1  # ('Grace Mugabe')
                out.append([who, tokens[i + 2][2], first, i + 2])
    return out


_POSTFIX_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in lexicon.POSTFIX_NEGATION:  # (looked up by first word: this runs at every token)
    _POSTFIX_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)

_WRONGLY = frozenset("wrongly erroneously incorrectly falsely mistakenly inaccurately".split())
_SAID_FORMS = frozenset("said says reported stated claimed wrote suggested".split())

_SAID_WORDS = frozenset("statement statements remarks remark comments comment words quote quotes".split())
_OWN = frozenset("mine hers his theirs ours my her their our".split())


def _disowns(words: list[str]) -> bool:
    """Whether a text disowns words attributed to its speaker: 'I did not make any such
    statements', 'I never said that', 'I was misquoted', 'the statement attributed to her was
    not hers'."""
    for i, word in enumerate(words):
        if word in ("misquoted", "misattributed"):
            return True
        if word in ("not", "never") or word.endswith("n't"):
            after = [w for w in words[i + 1:i + 6] if w not in ("any", "such", "those", "these", "this")]
            if after[:1] in (["make"], ["made"], ["give"], ["gave"], ["say"], ["said"]) and (
                    after[1:2] == ["that"] or any(w in _SAID_WORDS for w in after[1:3])):
                return True
            if after[:1] and after[0] in _OWN and "attributed" in words[max(0, i - 12):i]:
                return True
    return False


# 'not all', 'not every': a partial denial, which neither says nor denies that some did
_NOT_ALL = frozenset(["all", "every", "always", "everyone", "everything"])


def _hedged(words: list[str], tokens: list[list]) -> set[int]:
    """Tokens that a hedge ('possible that', 'may', 'in the event of') makes hypothetical."""
    out: set[int] = set()
    for i, word in enumerate(words):
        size = 0
        if word in ("claimed", "claims", "claim") and i + 1 < len(words) and words[i + 1] in ("responsibility", "credit"):
            continue  # 'claimed responsibility for the bombing' takes it, it does not hedge
        if word in lexicon.HEDGES and not (word == "may" and _dated_march(words, i)):
            size = 1  # ('in May' is a month, not a maybe)
        elif word == "not" and i + 1 < len(words) and words[i + 1] in _NOT_ALL:
            size = 2  # 'the students were not all burned there' neither says nor denies that some were
        else:
            for phrase in lexicon.HEDGE_PHRASES:
                if tuple(words[i:i + len(phrase)]) == phrase:
                    size = len(phrase)
                    break
        if word in ("unlikely", "improbable") or (word == "likely" and i > 0 and words[i - 1] in ("least", "less")):
            # 'a leak from the tank is the least likely explanation' does not assert the leak
            out.update(j for j, t in enumerate(tokens) if t[6] == tokens[i][6] and j != i)
        if size:
            clause = tokens[i][6]
            j = i + size
            while j < len(tokens) and tokens[j][6] == clause:
                out.add(j)
                j += 1
    return out


_SCOPE_BREAK = frozenset([";", ":", ".", "!", "?", "(", ")", "but", "while", "whereas",
                          "although", "though", "however", "yet", "because"])


def _clause_end(tokens: list[list], words: list[str], start: int, limit: int = 12) -> int:
    """Where a negation's reach ends: a strong break or `limit` content words (commas do not
    stop it: 'did not delete, switch or change any votes')."""
    end = start
    content_seen = 0
    while end < len(tokens) and words[end] not in _SCOPE_BREAK and content_seen < limit:
        if words[end] == "," and end + 1 < len(words) and words[end + 1] in ("and", "which", "who"):
            break
        if tokens[end][1]:
            content_seen += 1
        end += 1
    return end


def _modifier(tokens: list[list], words: list[str], i: int) -> bool:
    """A name used as a modifier ('Covid rules', 'Turkish soldiers'), not as the subject."""
    nxt = i + 1
    if nxt >= len(words) or not tokens[nxt][1] or tokens[nxt][2]:
        return False
    return not _verb_like(words[nxt])


def subject_before(tokens: list[list], words: list[str], position: int, weak: bool = False) -> str:
    """The nearest named entity before `position` in the same clause ('' if none, '?' for a
    pronoun). With weak=True a name used as a modifier ('OPEC ministers') counts too."""
    clause = tokens[position][6] if position < len(tokens) else 0
    i = position - 1
    while i >= 0 and tokens[i][6] == clause:
        if words[i] in ("that", "who", "which") and i < position - 1:
            break
        if tokens[i][2] and (weak or not _modifier(tokens, words, i)):
            return tokens[i][2]
        if words[i] in _PRONOUNS:
            return "?"
        i -= 1
    return ""


def _with_conjoined(tokens: list[list], words: list[str], start: int, subject: str) -> str:
    """'Flavio Briatore and Pat Symonds asked': both names ('symonds|briatore|...'), so that
    either meets the other account's doer."""
    if not subject or subject.startswith("~") or subject == "?":
        return subject
    k = next((i for i in range(start - 1, max(-1, start - 8), -1) if tokens[i][2] == subject), -1)
    while k > 0 and tokens[k - 1][2]:
        k -= 1  # (to the first word of the name)
    names = [subject]
    while k > 1 and words[k - 1] in ("and", ",") and tokens[k - 2][2]:
        k -= 2
        names.append(tokens[k][2])
        while k > 0 and tokens[k - 1][2]:
            k -= 1
            names.append(tokens[k][2])
    return "|".join(names)


def _last_of_name(tokens: list[list], index: int) -> str:
    """The last word of the name starting at `index` ('Vladimir Putin' -> 'putin'), as a sentence
    names its subject ('Putin did not ...'); a possessive ends the name ('Ukraine's')."""
    while index + 1 < len(tokens) and tokens[index + 1][2] and not tokens[index][2].endswith("'s"):
        index += 1
    return tokens[index][2]


def agent_after(tokens: list[list], words: list[str], position: int, span: int = 6) -> str:
    """An agent introduced by 'by'/'from' shortly after `position` ('notification by Turkey')."""
    clause = tokens[position][6]
    for i in range(position + 1, min(len(tokens), position + span)):
        if tokens[i][6] != clause:
            break
        if words[i] in _AGENT_PREPS:
            # the name heading the phrase after 'by' ('by Turkey', 'by the commander-in-chief
            # Valerii Zaluzhnyi'), not past a verb or another clause
            end = i + 3
            while end < min(len(tokens), i + 7) and tokens[end][6] == clause and words[end] != "and" \
                    and not tokens[end - 1][2] and not _verb_like(words[end]):
                end += 1
            for j in range(i + 1, min(len(tokens), end)):
                if tokens[j][2]:
                    if words[j].endswith(("'s", "\u2019s")):
                        # 'by Ukraine's then commander-in-chief Valerii Zaluzhnyi': the owner's
                        # man, named a few words on, is the agent
                        later = next((k for k in range(j + 1, min(len(tokens), j + 6))
                                      if tokens[k][2] and tokens[k][6] == clause), -1)
                        return _last_of_name(tokens, later) if later >= 0 else tokens[j][2]
                    return _last_of_name(tokens, j)
            # 'hit by a failed rocket launch by Islamic Jihad': the name in a second 'by'
            for j in range(i + 3, min(len(tokens), i + 7)):
                if tokens[j][6] != clause:
                    break
                if words[j] == "by" and j + 1 < len(tokens) and tokens[j + 1][2]:
                    return tokens[j + 1][2]
            return ""
    return ""


_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
# Verbs that link a subject to its state as 'be' does: 'the border remains closed'.
_LINKING = frozenset("""remain remains remained stay stays stayed become becomes became seem seems
seemed appear appears appeared""".split())
_JUDGED = frozenset(["found", "declared", "ruled", "deemed", "considered", "held", "judged",
                     "proven", "proved", "pronounced", "became", "become", "remains", "remained"])


def _entity_after(tokens: list[list], words: list[str], position: int, span: int = 6) -> str:
    """The first named entity after `position` in its clause, not counting a 'by' agent."""
    for i in range(position + 1, min(len(tokens), position + 1 + span)):
        if words[i] in _SCOPE_BREAK or words[i] in ("by", "that", "which", "who", ","):
            return ""
        if tokens[i][2]:
            return tokens[i][2]
    return ""


def _noun_before(tokens: list[list], words: list[str], start: int) -> str:
    """The noun heading the subject just before a predicate ('the protesters attacked')."""
    k = start - 1
    clause = tokens[start][6] if start < len(tokens) else 0
    while k >= 0 and tokens[k][6] == clause and (
            words[k] in lexicon.AUXILIARIES or words[k] in ("not", "never", "also", "to", "going")
            or words[k] in _LINKING
            or (words[k].endswith("ly") and len(words[k]) > 4)):
        k -= 1  # ('is not going to resign': the subject stands before 'going')
    if k >= 0 and tokens[k][6] == clause and tokens[k][1] and not _verb_like(words[k]):
        # only a subject: the phrase must open its clause ('the protesters attacked'), not
        # follow a verb as its object ('suspend the bill rather than withdraw it')
        m = k - 1
        while m >= 0 and tokens[m][6] == clause and (
                (tokens[m][1] and not _verb_like(words[m])) or words[m] in _DETERMINERS):
            if tokens[m][1] and m > 0 and (words[m - 1] in lexicon.AUXILIARIES or words[m - 1] == "to"):
                return ""  # 'will suspend the bill': a verb's object
            m -= 1
        if m >= 0 and tokens[m][6] == clause and tokens[m][1]:
            return ""
        return tokens[k][2] or "~" + tokens[k][0]
    return ""


_ADVERBS = frozenset("""twice once again ago later earlier today tonight yesterday tomorrow now
then there here also too still soon before after anyway instead together alone overnight next
last""".split())


def _noun_after(tokens: list[list], words: list[str], position: int) -> str:
    """The first name or noun after a predicate in its clause ('attacked police officers')."""
    for i in range(position + 1, min(len(tokens), position + 5)):
        if words[i] in _SCOPE_BREAK or words[i] in ("by", "that", "which", "who", ","):
            return ""
        if tokens[i][2]:
            return tokens[i][2]
        if tokens[i][1] and not _verb_like(words[i]):
            # the noun heading the phrase: 'the monthly figures' -> figures
            while i + 1 < len(tokens) and tokens[i + 1][1] and not tokens[i + 1][2] \
                    and not _verb_like(words[i + 1]) and tokens[i + 1][6] == tokens[i][6] \
                    and tokens[i + 1][0] not in _contrary() \
                    and words[i + 1] not in _ADVERBS and not words[i + 1].endswith("ly") \
                    and words[i + 1] not in lexicon.TIME_UNITS:
                # ('found the mayor guilty', 'met the oligarch twice')
                i += 1
            return "~" + tokens[i][0]
        if not tokens[i][1] and words[i] not in _DETERMINERS:
            return ""
    return ""


SELF = "@self"  # the speaker, when a statement says 'we' or 'our': the rules put the name in


def _first_person(words: list[str], start: int, clause: int, tokens: list[list]) -> bool:
    """Whether the subject before `start` is the speaker's own things: 'one of our rockets',
    'our forces' (a bare 'we' is too often the country or the people: 'we send the EU ...')."""
    for k in range(start - 1, max(-1, start - 5), -1):
        if tokens[k][6] != clause or words[k] in ("that", "which", "who", ","):
            return False
        if words[k] == "our" and k + 1 < start and words[k + 1].endswith("s"):
            return True
    return False


def roles(tokens: list[list], words: list[str], position: int, before: int | None = None) -> tuple[str, str]:
    """(agent, patient) of the predicate at `position`: who does it, and to whom.

    Active: 'Turkey notified Russia' -> (turkey, russia). Passive: 'the Ukrainian airliner was
    shot down by Iran' -> (iran, ukrainian). Nominal: 'a notification by Turkey' -> (turkey, '').
    Judged: 'the court found the mayor guilty' -> (court, mayor). Names are folded words,
    common nouns '~' and their key ('protesters' -> '~perso'). '' is unknown, '?' a pronoun.
    `before` is where to start looking back for the subject (a negation cue's position).
    """
    start = position
    if before is not None and not any(tokens[m][1] for m in range(before + 1, position)):
        start = before  # 'Turkey failed to notify': the subject stands before the cue
    k = position - 1
    while k >= 0 and (words[k] in ("not", "never", "n't", "also", "already", "reportedly")
                      or (words[k].endswith("ly") and len(words[k]) > 4)):
        k -= 1
    # 'was shot down', and also 'is guilty', 'was found guilty': the subject undergoes it
    passive = k >= 0 and (words[k] in _BE or words[k] in _JUDGED or words[k] in _LINKING) and (
        _verb_like(words[position]) or tokens[position][0] in _contrary())
    agent = agent_after(tokens, words, position)
    if not passive:
        judged = next((m for m in range(max(0, position - 5), position - 1)
                       if words[m] in _JUDGED and tokens[m][6] == tokens[position][6]), None)
        if judged is not None:
            # 'the court found the former mayor guilty'
            patient = _noun_after(tokens, words, judged)
            subject = subject_before(tokens, words, judged, weak=True) or _noun_before(tokens, words, judged)
            return subject, patient
    if not passive and _nominal(tokens, words, position):
        # a noun ('a state doping programme') has no subject; only 'by X' names its agent,
        # and 'on/against X' its target ('strikes on the rebels' camps')
        target = ""
        if position + 1 < len(words) and words[position + 1] in ("on", "against"):
            target = _entity_after(tokens, words, position + 1, span=4) or _noun_after(tokens, words, position + 1)
        if not agent:
            # 'an Israeli air strike', 'Russian missile strikes': the name before the noun
            for k in range(position - 1, max(-1, position - 3), -1):
                if tokens[k][2]:
                    agent = tokens[k][2]
                    break
                if not tokens[k][1]:
                    break
        return agent, target
    subject = subject_before(tokens, words, start, weak=True) or _noun_before(tokens, words, start)
    subject = _with_conjoined(tokens, words, start, subject)
    if _first_person(words, start, tokens[position][6], tokens):
        subject = SELF  # 'one of our rockets hit', 'we attacked': the speaker
    if passive:
        return agent, subject
    if subject in ("", "?") and agent:
        return agent, _entity_after(tokens, words, position) or _noun_after(tokens, words, position)
    return subject, _entity_after(tokens, words, position) or _noun_after(tokens, words, position)


_PREPOSITIONS = frozenset("with for in on at from into without under over after before against "
                          "about during despite".split())
_DETERMINERS = frozenset("a an the its their his her our my your this these those of prior any "
                         "no every each".split())


def _nominal(tokens: list[list], words: list[str], position: int) -> bool:
    """Whether the word at `position` is used as a noun ('a prior notification'), not a verb."""
    if _verb_like(words[position]):
        # a participle used as an adjective: 'with premeditated intention', 'the detained men'
        prev = words[position - 1] if position > 0 else ""
        nxt = position + 1
        return bool((prev in _DETERMINERS or prev in _PREPOSITIONS) and nxt < len(words)
                    and tokens[nxt][1] and not _verb_like(words[nxt]))
    k = position - 1
    while k >= 0 and (words[k] in ("not", "never") or (words[k].endswith("ly") and len(words[k]) > 4)):
        k -= 1
    if k < 0:
        return True
    before = words[k]
    if before in _DETERMINERS or before in _PREPOSITIONS:
        return True  # 'a prior notification', 'with premeditated intention'
    return bool(tokens[k][1] and not tokens[k][2] and not _verb_like(before) and before != "to")


_SKIP_AFTER_CUE = frozenset(["a", "an", "the", "any", "to", "that", "of", "single", "clear",
                             "credible", "real", "such", "ever", "yet", "even", "been", "be"])


_IRREGULAR_PAST = frozenset(
    w for w, base in lexicon.IRREGULAR.items() if w != base and not w.endswith("s")
    and w not in ("dead", "death", "lives", "men", "women", "children", "people", "personnel",
                  "troop", "troops", "soldiers", "fatality", "fatalities", "injury", "injuries",
                  "wounds", "casualties", "loss", "losses", "breach", "violation", "withdrawal",
                  "higher", "lower", "bigger", "smaller", "better", "worse", "dying", "killing",
                  "rising", "falling", "losing"))


def _claim_denied(words: list[str], tokens: list[list], cue: int, scope: list[int],
                  proposition: list[int]) -> dict:
    """A negation that calls a whole claim untrue (kind 'postfix')."""
    head = _predicate(words, tokens, scope)
    agent, patient = roles(tokens, words, head)
    return {"kind": "postfix", "cue": [tokens[cue][3], tokens[cue][4]], "cue_index": cue,
            "head": head, "scope": scope, "thing": scope[0], "subject": "",
            "heads": _predicates(words, tokens, scope, head),
            "agent": agent, "patient": patient, "proposition": proposition}


def _false_to_say(words: list[str], i: int) -> int:
    """Where the claim starts after 'a fallacy ... to say that', or -1."""
    for j in range(i + 1, min(len(words) - 2, i + 8)):
        if words[j] in _SENTENCE_END:
            return -1
        if words[j] == "to" and words[j + 1] in lexicon.SAYING_VERBS:
            return j + 3 if words[j + 2] == "that" else j + 2
    return -1


_COPULAS = frozenset("is was are were be been being looks looked seems seemed appears appeared "
                     "like as".split())


def characterises(words: list[str], tokens: list[list], index: int) -> bool:
    """Whether a contrary noun says what something is: 'was an accident', 'looks like a
    terrible attack', 'is an international crisis'."""
    adjectives = 0
    for m in range(index - 1, max(-1, index - 5), -1):
        word = words[m]
        if word in _COPULAS:
            return True
        if word in ("a", "an", "the", "no", "not", "just", "simply", "clearly", "merely"):
            continue
        if tokens[m][1] and not tokens[m][2] and not _verb_like(word) and adjectives < 2:
            adjectives += 1
            continue
        return False
    return False


# What a claim is called when it is called untrue, and the claims it may be said of.
_CALLED_UNTRUE = frozenset("""provocation fabrication lie hoax fake fiction invention smear slander
propaganda falsehood distortion""".split())
_CLAIM_NOUNS = lexicon.EVIDENCE_WORDS | frozenset("statement statements remarks".split())
_TELL = frozenset("tell know knew realise realize realised realized distinguish recognise recognize".split())
_PLANS = frozenset("plan plans intention intentions desire wish".split())
_INTENT = frozenset("""intended planned meant wanted tried sought aimed attempted going want wants
intend intends try tries seek seeks aim aims mean means""".split())


@lru_cache(maxsize=1)
def _saying_keys() -> frozenset[str]:
    return frozenset(key(w) for w in "acknowledge acknowledged admit admitted say said claim claimed "
                     "confirm confirmed concede conceded state stated tell told".split())


def _verb_like(word: str) -> bool:
    if (word in _IRREGULAR_PAST or word in lexicon.PAST_FORMS or word in lexicon.AUXILIARIES
            or word in lexicon.NEGATION_WORDS):
        return True
    return len(word) > 4 and (word.endswith("ed") or (
        word.endswith("en") and not word.endswith(("gen", "een", "men")))) and word not in (
        "often", "even", "seven", "eleven", "citizen", "children", "kitchen", "garden")


def _predicate(words: list[str], tokens: list[list], scope: list[int]) -> int:
    """The token in a negation's scope that carries the denied predicate."""
    for i in scope:
        if not tokens[i][2] and (_verb_like(words[i]) or tokens[i][0] in _contrary()):
            return i
    plain = [i for i in scope if not tokens[i][2]]
    if not plain:
        return scope[0]
    # 'that the flight was on an intelligence mission': what it was, not what it is about
    if plain[0] + 1 < len(words) and words[plain[0] + 1] in _BE:
        after_be = [i for i in plain if i > plain[0] + 1]
        if after_be:
            return after_be[0]
    # 'found wreckage but not the flight recorders of the airliner': the head of the phrase
    first = plain[0]
    if first > 0 and words[first - 1] in ("the", "a", "an", "any"):
        run = first
        while run + 1 < len(words) and run + 1 in plain and tokens[run + 1][6] == tokens[first][6]:
            run += 1
        return run
    return first


def _predicates(words: list[str], tokens: list[list], scope: list[int], head: int) -> list[int]:
    """Every predicate a negation may deny, the main one first ('reports that he was detained
    or killed are false' denies both)."""
    # (a contrary word before its noun is no predicate: the 'constitutional' of 'did not amount
    # to a threat to the constitutional order')
    others = [i for i in scope if i != head and not tokens[i][2]
              and (_verb_like(words[i]) or (tokens[i][0] in _contrary() and not (
                  i + 1 < len(words) and tokens[i + 1][1] and not _verb_like(words[i + 1]))))
              and not (i > head and words[i - 1] in ("that", "which", "who"))]  # a relative clause
    return [head] + others


def _find_negations(words: list[str], tokens: list[list]) -> list[dict]:
    """Negation cues with what they deny.

    kind 'verbal' (not, never, failed to, denied): the predicate is the first content word after
    the cue; 'np' (no, nor, none, without): the denied thing, and the verb that follows it
    ('no poison was found') when there is one; 'postfix' (ruled out, is false): the content before.
    """
    negations = []
    neg_verbs = _negation_verb_keys()
    n = len(words)
    i = 0
    while i < n:
        word = words[i]
        said = _false_to_say(words, i) if word in lexicon.FALSE_SAYING else -1
        if said >= 0:
            # 'it is a misconception to say that our forest is the lungs of the world'
            end = _clause_end(tokens, words, said, limit=12)
            scope = [j for j in range(said, end) if tokens[j][1] and not tokens[j][2]]
            if scope:
                negations.append(_claim_denied(words, tokens, i, scope, scope))
                i = end
                continue
        if word in _WRONGLY and i + 3 < n:
            # 'an earlier report had wrongly said that Russian missiles crossed into Poland': the
            # claim after 'that' is withdrawn
            that = next((m for m in range(i + 1, min(n, i + 4)) if words[m] == "that"), -1)
            if that > 0 and any(tokens[m][0] in _reporting_keys() or words[m] in _SAID_FORMS
                                for m in range(i + 1, that)):
                end = _clause_end(tokens, words, that + 1, limit=12)
                scope = [m for m in range(that + 1, end) if tokens[m][1] and not tokens[m][2]]
                if scope:
                    withdrawn = _claim_denied(words, tokens, i, scope, [
                        m for m in range(that + 1, end) if tokens[m][1]])
                    withdrawn["withdrawn"] = [tokens[i][3], tokens[end - 1][4]]
                    negations.append(withdrawn)
                    i = end
                    continue
        if word in lexicon.DEBUNK_WORDS:
            sentence_start, sentence_end = i, i + 1
            while sentence_start > 0 and words[sentence_start - 1] not in _SENTENCE_END:
                sentence_start -= 1
            while sentence_end < n and words[sentence_end] not in _SENTENCE_END:
                sentence_end += 1
            scope = [j for j in range(sentence_start, sentence_end) if j != i and tokens[j][1]
                     and not tokens[j][2] and words[j] not in lexicon.DEBUNK_WORDS]
            if scope:
                negation = _claim_denied(words, tokens, i, scope, [
                    j for j in range(sentence_start, sentence_end) if j != i and tokens[j][1]])
                del negation["heads"]  # a hoax report: only its main predicate is the claim
                negations.append(negation)
            i += 1
            continue
        postfix = next((p for p in _POSTFIX_BY_FIRST.get(word, ()) if tuple(words[i:i + len(p)]) == p), None)
        if postfix is None and word in _BE:
            m = i + 1  # 'are absolutely false', 'is factually and scientifically erroneous'
            while m < min(n, i + 5) and (words[m].endswith("ly") or words[m] == "and"):
                m += 1
            if m < n and words[m] in lexicon.POSTFIX_WORDS and (m > i + 1 or any(
                    words[k] in _CLAIM_NOUNS for k in range(_sentence_bounds(words, i)[0], i))):
                postfix = tuple(words[i:m + 1])  # ('claims of a conspiracy were baseless')
            # 'statements about the fall of Russian missiles are a deliberate provocation'
            m = i + 2 if words[i + 1:i + 2] in (["a"], ["an"]) else -1
            if m > 0 and m + 1 < n and words[m] not in _CALLED_UNTRUE and tokens[m][1]:
                m += 1  # ('a deliberate provocation')
            if m > 0 and m < n and words[m] in _CALLED_UNTRUE and any(
                    words[k] in _CLAIM_NOUNS for k in range(_sentence_bounds(words, i)[0], i)):
                postfix = tuple(words[i:m + 1])
        if postfix:
            clause_start = i
            while clause_start > 0 and words[clause_start - 1] not in (";", ":", ".", "!", "?", "but"):
                clause_start -= 1
            sentence_start = clause_start
            # 'reports on social media about strikes on the camps are false': what is called
            # false is what the reports say, after 'about', 'of' or 'that'
            claim = next((k for k in range(clause_start, i) if words[k] in _CLAIM_NOUNS), -1)
            # whose report it is: 'the Journal's article', 'the Reuters report', 'a report by AFP'
            source = ""
            if claim >= 0:
                owner = [k for k in range(max(clause_start, claim - 2), claim) if tokens[k][2]]
                after = [k for k in range(claim + 1, min(i, claim + 4)) if tokens[k][2]]
                if owner:
                    source = tokens[owner[-1]][2]
                elif after and words[claim + 1] in ("by", "from", "in"):
                    source = tokens[after[0]][2]
                source = re.sub(r"['\u2019]s?$", "", source)
            if claim >= 0:
                opener = next((k for k in range(claim + 1, i - 1) if words[k] in ("about", "that")), -1)
                if opener < 0 and words[claim + 1] in ("of", "on"):
                    opener = claim + 1
                if opener >= 0:
                    clause_start = opener + 1
            scope = [j for j in range(clause_start, i)
                     if tokens[j][1] and words[j] not in lexicon.EVIDENCE_WORDS][-10:]
            if scope:
                head = _predicate(words, tokens, scope)
                agent, patient = roles(tokens, words, head)
                negations.append({
                    "kind": "postfix", "cue": [tokens[i][3], tokens[i + len(postfix) - 1][4]],
                    "cue_index": i, "head": head, "scope": scope, "thing": scope[0],
                    "heads": _predicates(words, tokens, scope, head),
                    "subject": subject_before(tokens, words, head) if head != scope[0] else "",
                    "agent": agent, "patient": patient, "proposition": scope,
                    "source": source, "claim_start": sentence_start,
                })
            i += len(postfix)
            continue
        cue_end = 0
        kind = "verbal"
        if word in lexicon.NEGATION_WORDS:
            cue_end = i + 1
            if word in lexicon.NP_NEGATION:
                kind = "np"
            if word == "not" and i + 1 < n and words[i + 1] in ("a", "any", "one", "single", "anyone", "anything"):
                # 'was not a riot' denies a description; 'not a single system crossed' a thing
                kind = "verbal" if i > 0 and words[i - 1] in _BE and words[i + 1] in ("a", "an") else "np"
            if word == "no" and i + 1 < n and words[i + 1] == "longer":
                cue_end, kind = i + 2, "verbal"
            if word == "not" and i + 1 < n and words[i + 1] in _NOT_ALL:
                i += 2
                continue  # 'the students were not all burned there': some were, which it does not deny
            if word in ("no", "without", "little") and i + 1 < n and words[i + 1] in ("doubt", "question"):
                i += 2
                continue  # 'I have no doubt that it was ...' is sure of it, it denies nothing
            if word in ("not", "never") or word.endswith("n't"):
                nxt = next((w for w in words[i + 1:i + 3] if w not in lexicon.AUXILIARIES), "")
                if nxt in _DOUBLE_NEGATIVE:
                    i += 1
                    continue  # 'will not hesitate to defend' says it will defend
            if words[i:i + 4] == ["nothing", "to", "do", "with"]:
                # 'Russia had nothing to do with the incident' denies its responsibility
                end = _clause_end(tokens, words, i + 4, limit=7)
                scope = [i + 2] + [k for k in range(i + 4, end) if tokens[k][1] and not tokens[k][2]]
                agent, patient = roles(tokens, words, i + 2, before=i)
                negations.append({
                    "holder": None, "said": False, "heads": [i + 2], "agent": subject_before(tokens, words, i) or agent,
                    "patient": patient, "proposition": [k for k in range(max(0, i - 4), end) if tokens[k][1]],
                    "kind": "verbal", "cue": [tokens[i][3], tokens[i + 3][4]], "cue_index": i,
                    "head": i + 2, "thing": i + 2, "scope": scope, "subject": subject_before(tokens, words, i),
                })
                i += 4
                continue
            if word == "nothing" and i > 0 and words[i - 1] in ("at", "to", "from", "for", "worth"):
                i += 1
                continue  # 'estimates her net worth at nothing' is a value, not a denial
            if word == "not" and i + 1 < n and words[i + 1] in ("only", "just"):
                i += 2
                continue  # "not only ... but also" asserts, it does not deny
            if word == "neither" and i > 0 and words[i - 1] in _BE and words[i + 2:i + 3] == ["nor"]:
                kind = "verbal"  # 'the elections were neither free nor fair' denies both words
            elif word == "neither" or (word == "nor" and i > 0 and words[i - 1] == "neither") or (
                    word == "nor" and i > 1 and words[i - 2] == "neither"):
                i += 1
                continue  # "neither X nor Y did Z": too tangled to say what is denied
            if word == "never" and i > 1 and words[i - 1] in ("has", "had", "have") and words[i - 2] == "there":
                kind = "np"  # 'there has never been a programme' denies that it existed
        elif tokens[i][0] in neg_verbs and tokens[i][1] and not _attributive(words, tokens, i):
            cue_end = i + 1
        else:
            for phrase in lexicon.NEGATION_PHRASES:
                if tuple(words[i:i + len(phrase)]) == phrase:
                    if len(phrase) == 1 and word in lexicon.POSTFIX_WORDS and not (
                            i + 1 < n and tokens[i + 1][1]):
                        break  # '... were baseless and that ...': what it denies came before
                    cue_end = i + len(phrase)
                    break
        if not cue_end:
            i += 1
            continue
        if word in ("no", "not") and i + 2 < n and words[i + 1] in ("more", "less", "fewer") and words[i + 2] == "than":
            i += 3
            continue  # 'no more than eight' bounds a figure, it denies nothing
        j = cue_end
        inverted = False
        if word == "no" and i > 0 and words[i - 1] == "at" and words[i + 1:i + 2] in (["time"], ["point"]):
            # 'at no time, as the images show, did I consent': the inverted verb is denied
            kind = "verbal"
            j = next((m + 1 for m in range(i + 2, min(n - 1, i + 20)) if words[m] in lexicon.AUXILIARIES
                      and (words[m + 1] in _PRONOUNS or tokens[m + 1][2])), i + 2)
            if j < n and words[j] in _PRONOUNS:
                j += 1
            inverted, cue_end = True, i + 2
        while j < n and (words[j] in _SKIP_AFTER_CUE or words[j] in lexicon.AUXILIARIES):
            j += 1
        after_evidence = False
        knowing = j < n and (words[j] in ("knowledge", "aware") or (
            # 'the pilots could not tell that the intruder was a passenger plane'
            words[j] in _TELL and j + 1 < n and words[j + 1] in ("that", "whether", "if")))
        if kind == "verbal" and j < n and words[j] in lexicon.PERCEPTION and j + 1 < n:
            j += 1
            after_evidence = True
            while j < n and (words[j] in _SKIP_AFTER_CUE or words[j] in lexicon.AUXILIARIES):
                j += 1
            kind = "perceived"
        k = j
        while k < min(n, j + 4) and (words[k] in ("all", "of", "the", "these", "those", "such", "his", "her",
                                                 "their", "its") or words[k].endswith(("'s", "\u2019s"))):
            k += 1  # 'denies all of Holmes's allegations of abuse'
        if k > j and k < n and words[k] in lexicon.EVIDENCE_WORDS:
            j = k
        if j < n and words[j] in lexicon.EVIDENCE_WORDS:
            # "no evidence that any system deleted votes" denies what follows 'that'/'of'
            kind = "verbal"
            after_evidence = True
            j += 1
            while j < n and (words[j] in _SKIP_AFTER_CUE or words[j] in lexicon.AUXILIARIES):
                j += 1
        if j >= n:
            i = cue_end
            continue
        scope_end = _clause_end(tokens, words, j, limit=7)
        if tuple(words[i:cue_end]) in (("rather", "than"), ("instead", "of")):
            # 'armour-piercing rounds rather than tracers, so the crew ...': the phrase only
            scope_end = next((m for m in range(j, scope_end) if words[m] == ","), scope_end)
        # names and figures are not what a negation denies ('not Justin Bieber's song')
        scope = [k for k in range(j, scope_end) if tokens[k][1] and not tokens[k][2]
                 and words[k] not in _NUMBER_WORDS]
        if not scope:
            i = cue_end
            continue
        verb = -1
        after_do = False
        thing = scope[0]
        if kind == "np":
            # the thing denied runs to the first function word; a verb after an auxiliary follows
            k = j
            while k < scope_end and tokens[k][1]:
                k += 1
            run = [m for m in range(j, k) if m in scope]
            if run:
                thing = run[-1]  # the head noun: 'deaths' in 'no radiation-related deaths'
            aux = next((m for m in range(k, scope_end) if words[m] in lexicon.AUXILIARIES), -1)
            if aux >= 0:
                later = [m for m in range(aux + 1, scope_end) if tokens[m][1]]
                if later:
                    verb = later[0]
            elif not (i > 1 and words[i - 1] in _BE and words[i - 2] == "there"):
                # ('there was no flaw in the record in the way they interacted' denies the flaw)
                verb = next((m for m in range(k, scope_end) if tokens[m][1] and _verb_like(words[m])), -1)
            head = verb if verb >= 0 else thing
            if verb >= 0 and words[verb] in lexicon.PERCEPTION:
                # 'no poison was found' denies the poison, not the finding
                head, verb, kind = thing, -1, "perceived"
            elif verb >= 0 and verb == thing:
                kind = "verbal"  # 'none of them will turn': no thing, just a denied act
        elif kind == "verbal" and not after_evidence and scope[0] == j and (inverted or _after_do(words, i)):
            head = j  # 'did not deviate from its assigned route': the verb after 'did not'
            after_do = True
        else:
            head = scope[0] if kind == "perceived" else (
                _predicate(words, tokens, scope) if after_evidence or kind == "verbal" else scope[0])
        said = False
        planned = -1
        if head + 2 < n and words[head + 1] == "to" and not tokens[head][2] \
                and ((not _verb_like(words[head]) and words[head - 1] in _DETERMINERS and tokens[head + 2][1])
                     or (words[head] in _INTENT and words[head + 2][:1].isalpha())) \
                and words[head] not in lexicon.REPORTING:
            # 'never had a programme to develop X', 'no way to rig', 'never intended to
            # overthrow': the act is what is denied
            planned, head = head, head + 2
            scope = [k for k in scope if k >= head] or [head]
            verb, kind = head, "verbal"
        elif head + 2 < n and words[head + 1] == "that" and tokens[head][0] in _saying_keys():
            # 'she never acknowledged that there was a conspiracy' denies having said it, which
            # contradicts her own words (the rules use it only for one speaker)
            end = _clause_end(tokens, words, head + 2, limit=10)
            said_scope = [k for k in range(head + 2, end) if tokens[k][1] and not tokens[k][2]]
            if said_scope:
                said, scope, head = True, said_scope, said_scope[0]
        subject = subject_before(tokens, words, i)
        if subject in ("", "?"):
            subject = agent_after(tokens, words, head) or subject
        agent, patient = roles(tokens, words, head, before=i)
        if planned >= 0 or (head - 2 > i and words[head - 1] == "to" and words[head - 2] in _PLANS):
            # who has no way to do it is the doer ('a commissioner has no way to rig', 'the
            # government has no plans to raise taxes')
            agent = subject_before(tokens, words, i) or _noun_before(tokens, words, i)
        clause_start = i
        while clause_start > 0 and words[clause_start - 1] not in _SCOPE_BREAK and words[clause_start - 1] not in ("that", ","):
            clause_start -= 1
        if any(_counting_word(words, k) for k in range(clause_start, i)) \
                and _figure_subject_denied(words, tokens, i - 1 if i > 0 else i):
            i = cue_end
            continue  # '3000 people did not die' denies a figure: the numeric rule weighs it
        if i > 0 and words[i - 1] == "," and word == "not" and i + 1 < n and words[i + 1] in _PLACE_PREPOSITIONS:
            # '... found in the ravine, not at the dump': a place corrected for what this sentence
            # is about, and for nothing else
            contrast = True
        else:
            contrast = False
        negations.append({
            # 'the mayor had no knowledge of the payments' denies the mayor's knowing, not the
            # payments: whose knowing is kept, for the rules to look for the same holder
            "holder": [tokens[k][0] for k in range(clause_start, i) if tokens[k][1]
                       and words[k] not in lexicon.AUXILIARIES] if knowing else None,
            "said": said,
            "heads": (scope if said else
                      _predicates(words, tokens, scope, head) if after_evidence or after_do else [head]),
            "agent": agent, "patient": patient,
            "proposition": [k for k in range(clause_start, scope_end) if tokens[k][1] and k != i],
            "kind": "existential" if kind == "np" and verb < 0 else kind,
            "cue": [tokens[i - 1 if inverted else i][3], tokens[cue_end - 1][4]],
            "cue_index": i,
            "head": head,
            "thing": thing,
            "scope": scope,
            "subject": subject,
            **({"contrast": True} if contrast else {}),
        })
        i = cue_end
    return negations


_PLACE_PREPOSITIONS = frozenset("at in on near inside outside".split())


_NUMBER_WORDS = frozenset(list(UNITS) + list(TENS) + list(SCALES) + ["dozen", "dozens", "half"])
_MORE = frozenset(["more", "additional", "other", "further", "new", "extra", "fewer"])


_ZERO = frozenset(["no", "zero", "none", "nobody"])


def _zero_figures(words: list[str], tokens: list[list]) -> list:
    """'No civilians were killed' counts zero civilians."""
    from quotetrack.conflicts.numbers import Figure

    out = []
    for i, word in enumerate(words[:-1]):
        if word == "single" and i > 1 and words[i - 1] in ("a", "one") and (
                "not" in words[max(0, i - 4):i - 1] or "no" in words[max(0, i - 7):i - 1]):
            # 'not even a single body was burned' counts zero bodies
            if count_class(words[i + 1]) or _counted_then_event(words, tokens, i + 1) or (
                    tokens[i + 1][1] and any(tokens[k][0] in _event_classes()
                                             for k in range(i + 2, min(len(words), i + 5)))):
                out.append(Figure(low=0, high=0, start=i, end=i + 1, hedged=False, surface="0"))
            continue
        if word in _ZERO:
            j = i + 1
            if words[j] == "of" and j + 1 < len(words) and words[j + 1] in ("the", "them"):
                j += 2 if words[j + 1] == "the" else 1
            if j < len(words) and (count_class(words[j]) or _counted_then_event(words, tokens, j)):
                out.append(Figure(low=0, high=0, start=i, end=i + 1, hedged=False, surface=word))
    return out


def _counted_then_event(words: list[str], tokens: list[list], j: int) -> bool:
    """'no journalists were killed': a plural noun that an event word soon follows."""
    if not (tokens[j][1] and not tokens[j][2] and words[j].endswith("s") and not _verb_like(words[j])):
        return False
    events = _event_classes()
    return any(tokens[k][0] in events for k in range(j + 1, min(len(words), j + 4)))


def _head_before(words: list[str], tokens: list[list], start: int) -> str:
    """The counted thing named before a figure: 'the turnout was 240,000', 'inflation was 8.5%'."""
    k = start - 1
    seen = 0
    while k >= 0 and seen < 12 and words[k] not in _SENTENCE_END and words[k] not in (";", ":"):
        if tokens[k][1] and (not tokens[k][2] or k == 0 or words[k - 1] in _SENTENCE_END):
            # (a capital opening the sentence is no name: 'Job gains were revised')
            if count_class(words[k]):
                return count_class(words[k])
            seen += 1
        k -= 1
    # a subject noun right before 'was/is/reached/stood at': 'inflation was 8.5 percent'
    k = start - 1
    while k >= 0 and words[k] in _BEFORE_FIGURE:
        k -= 1
        # 'annual inflation in October was 85%': the month or place after the noun is no noun
        if k >= 2 and words[k - 1] in ("in", "for") and (_month(words, k) or tokens[k][2] or (
                words[k].isdigit() and len(words[k]) == 4)):
            k -= 2
    if (k >= 0 and k < start - 1 and tokens[k][1] and not _verb_like(words[k])
            and words[k] not in lexicon.TIME_UNITS
            and (not tokens[k][2] or k == 0 or words[k - 1] in _SENTENCE_END)):
        phrase = [tokens[k][0]]
        m = k - 1
        while m >= 0 and len(phrase) < 3 and tokens[m][1] and not _verb_like(words[m]) \
                and not words[m].endswith("ing") and (
                not tokens[m][2] or m == 0 or words[m - 1] in _SENTENCE_END):
            phrase.insert(0, tokens[m][0])  # 'the gasoline index', not just 'index'
            m -= 1
        return " ".join(phrase)
    return ""


_BEFORE_FIGURE = frozenset(["was", "is", "were", "are", "at", "to", "stood", "reached", "rose",
                            "fell", "hit", "totalled", "totaled", "of", "been", "has", "$", "€",
                            "£", "by", "up", "down"])


_PP = frozenset("over of in under for to with from on at into against about".split())
_ESTIMATING = frozenset("""estimated estimates estimate put puts counted counts reckoned
                         calculated projected revised updated corrected""".split())


def _figure_actor(tokens: list[list], words: list[str], start: int) -> str:
    """Who a figure belongs to: the subject of the verb before it ('the EU pledged 20 million').
    A capitalised word opening the sentence that is a plural ('Factories added') or is followed
    by a common noun ('Payroll employment') is a common noun, and a month ('May's gain') is no
    one."""
    clause = tokens[start][6]
    verb = start - 1
    reporting = _reporting_keys()
    while verb >= 0 and tokens[verb][6] == clause and not (
            tokens[verb][1] and _verb_like(words[verb]) or tokens[verb][0] in reporting):
        verb -= 1
    if verb >= 0 and tokens[verb][6] == clause and start - verb <= (8 if words[verb] in _ESTIMATING else 4) and (
            tokens[verb][0] in reporting or words[verb] in _ESTIMATING) and not any(
            words[m] in _PRONOUNS or words[m] in lexicon.AUXILIARIES for m in range(verb + 1, start)):
        return ""  # 'police estimated the crowd at 15,000': the police are the source, not the owner
    named = subject_before(tokens, words, start, weak=True)
    k = next((i for i in range(start - 1, -1, -1) if tokens[i][2] == named), -1) if named else -1
    while named and 0 <= k < start - 1 and (words[k + 1][:1].isdigit() or (
            k > 0 and (words[k - 1] in _PP or (k > 1 and words[k - 1] == "the" and words[k - 2] in _PP)))):
        # ('approved direct rule over Catalonia ... by 214 votes': the Senate's votes, if a
        # name stands before; 'Chapter 11', 'Flight 17' are names of things)
        earlier = subject_before(tokens, words, k, weak=True)
        if not earlier and not words[k + 1][:1].isdigit():
            break
        named = earlier
        k = next((i for i in range(k - 1, -1, -1) if tokens[i][2] == named), -1) if named else -1
    if named:
        if k >= 0 and _month(words, k):
            return ""
        opening = k >= 0 and (k == 0 or words[k - 1] in _SENTENCE_END)
        if opening and ((words[k].endswith("s") and not words[k].endswith("'s")) or (
                k + 1 < len(words) and tokens[k + 1][1] and not tokens[k + 1][2]
                and not _verb_like(words[k + 1]))):
            return "~" + tokens[k][0]  # ('Payroll employment in March was overstated by ...')
        return named
    if verb >= 0 and tokens[verb][6] == clause:
        return _noun_before(tokens, words, verb)
    return _noun_before(tokens, words, start)


def _sentence_bounds(words: list[str], index: int) -> tuple[int, int]:
    """First and one-past-last token of the sentence holding `index` (at most 200 tokens)."""
    start = index
    while start > 0 and index - start < 200 and words[start - 1] not in _SENTENCE_END:
        start -= 1
    end = index
    while end < len(words) and end - index < 200 and words[end] not in _SENTENCE_END:
        end += 1
    return start, min(len(words), end + 1)


def _larger_place(words: list[str], tokens: list[list], index: int) -> list[str]:
    """'in Pazarcik, Kahramanmaras': the larger place named after a comma, as a place too."""
    if index + 2 < len(words) and words[index + 1] == "," and tokens[index + 2][2]:
        return [tokens[index + 2][2]]
    return []


def _places(words: list[str], tokens: list[list], index: int) -> list[str]:
    """Names a figure's sentence places it in: 'in Britain', 'at the Zaporizhzhia plant'; a
    place right after the figure is its own ('11 in Texas and 3 in Louisiana')."""
    out = []
    first, last = _sentence_bounds(words, index)
    for k in range(index + 1, min(last, index + 5, len(words) - 1)):
        if words[k] in ("and", ",", ";"):
            break
        if words[k] in ("in", "at") and k + 1 < len(words) and tokens[k + 1][2]:
            return [tokens[k + 1][2]] + _larger_place(words, tokens, k + 1)
    for k in range(first, min(last, len(words) - 1)):
        if words[k] in ("in", "at", "near"):
            for m in range(k + 1, min(len(words), k + 4)):
                if tokens[m][2]:
                    out.append(tokens[m][2])
                    out += _larger_place(words, tokens, m)
                    break
                if not tokens[m][1] and words[m] not in ("the", "a", "an"):
                    break
    return out


def _find_figures(words: list[str], tokens: list[list]) -> list[dict]:
    events = _event_classes()
    import bisect

    figures = sorted(find_figures(words) + _zero_figures(words, tokens), key=lambda f: f.start)
    starts = [f.start for f in figures]
    # figures that count something (not '12 months', not a year): a period stops at them
    counting = [f.start for f in figures if not (f.end < len(words) and words[f.end] in lexicon.TIME_UNITS)
                and not (f.surface.isdigit() and len(f.surface) == 4) and not _clock(words, f)]
    out = []
    for fig in figures:
        after = fig.end
        # A figure followed by a unit of time ("10 days") or being a year is not a count.
        if after < len(words) and words[after] in lexicon.TIME_UNITS:
            continue
        if fig.low == fig.high and fig.surface.isdigit() and 1800 <= fig.low <= 2100 and len(fig.surface) == 4:
            continue
        before = words[fig.start - 1] if fig.start > 0 else ""
        if before in lexicon.MONTHS or before in ("no", "number"):
            continue
        if after < len(words) and words[after] in lexicon.MONTHS and words[after] != "may":
            continue  # 'by 21 April' is a date
        if fig.start > 0 and (tokens[fig.start - 1][2] or before[:1].isdigit()):
            continue  # 'Boeing 737', 'MAX 9', 'Flight 17': a name, not a count
        if _clock(words, fig):
            continue  # '4:17 am' is a time of day
        if _could_reach(words, fig.start):
            continue  # 'the toll could reach 20,000' is a fear, not a count
        if fig.start > 1 and words[fig.start - 1] in ("from", "preliminary") and any(
                w in _REVISED for w in words[max(0, fig.start - 4):fig.start]):
            continue  # 'upgraded from a preliminary 7.5': a figure the account replaces
        unit = "count"
        j = after
        if j < len(words) and words[j] in ("%", "percent", "per"):
            unit = "percent"
            j += 2 if words[j] == "per" else 1
        if fig.start > 0 and words[fig.start - 1] in ("$", "€", "£"):
            unit = "money"
        more = (j < len(words) and words[j] in _MORE) or before in _MORE
        head = ""
        mods: list[str] = []
        qualities: list[str] = []
        if j < len(words) and words[j] == "of":
            j += 1
            while j < len(words) and words[j] in ("the", "our", "its", "their", "his", "her", "this"):
                j += 1
        stop = min(len(words), j + 4)
        while j < stop:
            t = tokens[j]
            w = words[j]
            if not w[:1].isalpha() or tokens[j][6] != tokens[fig.start][6]:
                break
            if w.endswith("'s") or w.endswith("’s"):
                j += 1  # 'of our planet's oxygen': the owner is not the counted thing
                continue
            if count_class(w) and not (t[2] and not w.endswith("s")):
                head = count_class(w)  # (but 'National Police' are no nationals)
                break
            if t[2] and j == after and w.endswith("s") and len(w) > 4 and (
                    j + 1 >= len(words) or not tokens[j + 1][1] or words[j + 1] in ("and", ",")):
                # a people named by a plural: '63 Canadians', '82 Iranians', 'two Britons'
                head = "person"
                mods.append(t[2][:-1])
                break
            if t[2]:
                mods.append(t[2])
            elif w in lexicon.STOPWORDS or t[0] in events or w in lexicon.TIME_UNITS:
                break
            elif t[1] and not _verb_like(w) and (
                    w.endswith("s") or j + 1 >= len(words) or not tokens[j + 1][1] or tokens[j + 1][2]):
                head = t[0]  # some other counted thing: 'two crashes', '60 towns', 'ten rockets'
                if w in _LENGTHS:
                    head += ":" + _length_of(words, tokens, fig.start, j)
                break
            elif t[1]:
                qualities.append(t[0])  # '16 untreated patients' are not '26 patients'
            j += 1
        if head and j + 2 < len(words) and words[j + 1] in ("who", "that") and words[j] != "that":
            # 'five passengers who had checked in' are some of the passengers, not all of them
            qualities.append("who:" + next((tokens[k][0] for k in range(j + 2, min(len(words), j + 6))
                                            if tokens[k][1]), words[j + 2]))
        if before in _MEASURES or any(w in ("richter", "magnitude") for w in words[fig.end:fig.end + 4]):
            # 'a magnitude 7.8 earthquake', 'a category 4 storm', 'measured 7.6 on the Richter scale'
            head, qualities = "magnitude" if before not in _MEASURES else before, []
        if not head:
            qualities = []
            head = _head_before(words, tokens, fig.start)
        if not head and unit == "money" and fig.end + 1 < len(words) and words[fig.end] == "in" \
                and tokens[fig.end + 1][1] and not tokens[fig.end + 1][2]:
            head = tokens[fig.end + 1][0]  # '$63.4 billion in assets'
        if not head and out and out[-1]["unit"] == unit and unit != "count" \
                and _same_sentence(tokens, words, out[-1]["index"], fig.start):
            # '80.1 percent of the vote; Tsikhanouskaya received 10.1 percent': the same measure
            head = out[-1]["head"]
        if not head and unit == "money":
            # '$4.5 billion' has no noun: what was done with it names it ('lost $4.5 billion')
            k = fig.start - 2
            while k >= 0 and words[k] in ("about", "some", "nearly", "almost", "over", "more", "than", "at", "least"):
                k -= 1
            if k >= 0 and tokens[k][1] and _verb_like(words[k]):
                head = "money:" + tokens[k][0]
        event = ""
        # the nearest event word in the same sentence that no other figure stands closer to
        best = None
        for k in range(max(0, fig.start - 10), min(len(tokens), fig.end + 12)):
            if not (tokens[k][0] in events and _same_sentence(tokens, words, k, fig.start)
                    and not _sentence_not_killing(words, k)):
                continue
            low, high = (fig.end, k) if k >= fig.end else (k + 1, fig.start)
            if bisect.bisect_left(starts, high) > bisect.bisect_left(starts, low):
                continue  # '5,894 killed, with 34,810 injured': 'injured' is the other figure's
            distance = fig.start - k if k < fig.start else k - fig.end + 0.5
            if k >= fig.end and distance > 6 and not (distance <= 10 and words[k - 1] in _BE):
                continue  # 'five of the 11 suspects in the killing': too far to count the dead
                # (but '431 police and civil guard officers were injured' is its predicate)
            if k < fig.start and any(words[m] in ("and", ",", ";") for m in range(k, fig.start)):
                distance += 4
            if best is None or distance < best[0]:
                best = (distance, events[tokens[k][0]])
        if best:
            event = best[1]
        if head.split(" ")[-1:] == [key("toll")]:
            head, event = "person", event or "killed"  # 'the death toll was about 160,000'
        if not head and event in ("killed", "casualty", "injured"):
            head = "person"
        denied = before in ("not", "than", "of") and words[fig.start - 2:fig.start - 1] in (
            ["rather"], ["instead"]) or before == "not" or (
            before == "the" and words[fig.start - 2:fig.start - 1] == ["not"])
        # '3000 people did not die': the figure is what is denied
        denied = denied or _figure_subject_denied(words, tokens, fig.end)
        if denied and not head and out and _same_sentence(tokens, words, out[-1]["index"], fig.start):
            # '20 million barrels a day, not the 10 million that is being reported'
            head, mods, unit = out[-1]["head"], out[-1]["mods"], out[-1]["unit"]
        if not head and not event:
            continue
        if fig.end <= fig.start:
            continue
        denied_from = -1
        if not denied:
            # 'it had not published a death toll of 11,300': a figure this account gives no one,
            # and disowns where another gives it
            denied_from = next((k for k in range(max(0, fig.start - 5), fig.start) if tokens[k][5]
                                and tokens[k][6] == tokens[fig.start][6] and _verb_like(words[k])), -1)
            denied = denied_from >= 0
            if denied and denied_from > 0 and words[denied_from - 1] in lexicon.NEGATION_WORDS | {"n't"}:
                denied_from -= 1  # (quoted from 'not')
        out.append({
            "period": _figure_period(words, fig.start, fig.end, counting),
            "denied": denied,
            "qualities": qualities,
            "low": fig.low, "high": fig.high if fig.high != float("inf") else None,
            "hedged": fig.hedged, "span": [tokens[fig.start][3], tokens[fig.end - 1][4]],
            "head": head, "mods": mods, "event": event, "unit": unit, "more": more,
            "index": fig.start,
            "subject": _figure_actor(tokens, words, fig.start),
            "places": _places(words, tokens, fig.start),
            "single_event": sorted(_single_events(words, tokens, fig.start)),
        })
        # rare marks, kept only when present (see analyse)
        rare = {"denied_from": denied_from if denied_from >= 0 else None,
                "among": "among" in words[fig.end:fig.end + 3],  # 'no casualties among the crew'
                "ordinal": _ordinal(words, tokens, fig.start)}
        out[-1].update({name: value for name, value in rare.items() if value not in (None, False, "")})
    _among_totals(out, words)
    _listed(out, words, tokens)
    return out


_REVISED = frozenset("""revised upgraded downgraded raised lowered corrected updated adjusted
preliminary""".split())


def _clock(words: list[str], fig) -> bool:
    """Whether a figure is (part of) a time of day: '4:17 am', '13:24', '9 pm', '2.40 a.m.'."""
    after, start = fig.end, fig.start
    return (after + 1 < len(words) and words[after] == ":" and words[after + 1][:1].isdigit()) or (
        start > 1 and words[start - 1] == ":" and words[start - 2][:1].isdigit()) or (
        after < len(words) and words[after] in ("am", "pm", "a.m", "p.m", "gmt", "utc")) or (
        after + 2 < len(words) and words[after] in ("a", "p") and words[after + 1] == "."
        and words[after + 2] == "m")


_MIGHT = frozenset("could may might would".split())
_GROW_TO = frozenset("reach rise climb top exceed surpass hit be".split())


def _could_reach(words: list[str], start: int) -> bool:
    """'the death toll could reach 18,000 to 20,000', 'may rise to 500': a possibility."""
    before = words[max(0, start - 4):start]
    return any(w in _MIGHT for w in before) and any(w in _GROW_TO for w in before)


_MEASURES = frozenset(["magnitude", "category"])
_LENGTHS = frozenset("""metres meters metre meter kilometres kilometers km miles mile feet foot yards
inches centimetres""".split())
_LENGTH_KINDS = frozenset("from away off long deep high wide tall below above".split())


def _length_of(words: list[str], tokens: list[list], start: int, unit: int) -> str:
    """What a length measures: 'about 300 metres from the shore' (from), 'a gash of some 70 metres'
    (the gash), '20,000 metres high' (high); '' when the text does not say."""
    if unit + 1 < len(words) and words[unit + 1] in _LENGTH_KINDS:
        return words[unit + 1]
    for k in range(start - 1, max(-1, start - 4), -1):
        if words[k] == "of" and k > 0 and tokens[k - 1][1]:
            return tokens[k - 1][0]
    return ""
_ORDINALS = frozenset("first second third fourth fifth another".split())


def _ordinal(words: list[str], tokens: list[list], index: int) -> str:
    """'a second earthquake', 'another blast' in a figure's sentence: some other event than the
    one told without it."""
    first, last = _sentence_bounds(words, index)
    return next((words[k] for k in range(first, min(last, len(words) - 1))
                 if words[k] in _ORDINALS and tokens[k + 1][1] and not tokens[k + 1][2]), "")


def _listed(figures: list[dict], words: list[str], tokens: list[list]) -> None:
    """'killed 11 people in Texas and 3 in Louisiana': a figure listed after another, with no
    event or counted noun of its own, counts the same thing."""
    for before, fig in zip(figures, figures[1:]):
        k = fig["index"]
        if fig["event"] or not before["event"] or not _same_sentence(tokens, words, before["index"], k):
            continue
        if k > 0 and words[k - 1] in ("and", ","):
            fig["event"] = before["event"]
            fig["head"] = fig["head"] if fig["head"] and fig["head"] != "person" else before["head"]
            fig["single_event"] = before["single_event"]


_DO = frozenset("do does did will would can could should might must shall".split())


def _after_do(words: list[str], cue: int) -> bool:
    """Whether a negation cue follows an auxiliary that takes a bare verb ('did not', 'won't')."""
    word = words[cue]
    if word.endswith(("n't", "nt")) and word not in ("not",) and word[:-3] in _DO | {"ca", "wo"}:
        return True
    return word in ("not", "never") and cue > 0 and words[cue - 1] in _DO


def _attributive(words: list[str], tokens: list[list], i: int) -> bool:
    """A denying verb used as an adjective ('a failed rocket launch', 'the rejected bid') or
    'fail' not followed by 'to' ('failing a drug test'): no denial."""
    if i > 0 and words[i - 1] in ("a", "an", "the", "its", "their", "his", "her", "this", "that"):
        return True
    if i > 0 and (words[i - 1] in ("not", "never") or words[i - 1].endswith("n't")):
        return True  # 'did not fail to notify' notified
    return words[i].startswith("fail") and not (i + 1 < len(words) and words[i + 1] == "to")


def _counting_word(words: list[str], k: int) -> bool:
    """A number that counts something: not a day ('the 12 June protest') nor a year."""
    word = words[k]
    if not (word[:1].isdigit() or word in _NUMBER_WORDS):
        return False
    near = words[k - 1:k] + words[k + 1:k + 2]
    year = word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100
    return not (any(w in lexicon.MONTHS for w in near) or year)


def _figure_subject_denied(words: list[str], tokens: list[list], end: int) -> bool:
    """Whether the verb after a counted subject is negated ('3000 people did not die')."""
    for k in range(end, min(len(words), end + 5)):
        if words[k] in lexicon.NEGATION_WORDS and words[k] not in lexicon.NP_NEGATION:
            return True
        if words[k] in _SENTENCE_END or words[k] in (",", ";", ":", "and", "but", "of", "in", "on"):
            return False
        if tokens[k][1] and _verb_like(words[k]):
            return False
    return False


def _among_totals(figures: list[dict], words: list[str]) -> None:
    """'Among the 176 dead were 63 Canadians', '63 Canadians were among the 176 killed': the
    parts of a total share its event, and a breakdown of one total cannot grow."""
    for total in figures:
        k = total["index"]
        if not total["event"] or not ("among" in words[max(0, k - 2):k]):
            continue
        first, last = _sentence_bounds(words, k)
        for part in figures:
            if part is not total and not part["event"] and first <= part["index"] < last:
                part["event"] = total["event"]
                part["single_event"] = sorted(set(part["single_event"]) | {"toll"})


# Verbs that a negation turns into an assertion: 'will not hesitate to defend', 'never failed to'.
_DOUBLE_NEGATIVE = frozenset("""hesitate hesitated hesitating fail failed failing refrain refrained
cease ceased""".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_ORDINAL_QUARTERS = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4"}


_TIMES_OF_DAY = {"morning": "am", "dawn": "am", "overnight": "am", "am": "am", "a.m": "am",
                 "afternoon": "pm", "evening": "pm", "pm": "pm", "p.m": "pm"}
_ROUND_ORDINALS = frozenset("first second third fourth fifth sixth final".split())
_ROUNDS = frozenset("round rounds half phase wave stage leg ballot".split())


def _figure_period(words: list[str], start: int, end: int, others: list[int]) -> list[str]:
    """The period a figure is given for: the nearest month or quarter and the nearest year in
    its sentence ('9,762 km2 in the 12 months to July 2019' -> ['jul', '2019']), not past
    another figure (`others`: their first tokens), and two months joined by 'and' together.
    Empty for a forecast, whose figure for a period may be revised without contradicting
    anything."""
    first, last = _sentence_bounds(words, start)
    if any(words[k] in _FORECAST for k in range(first, last)):
        return []
    low = max([first, start - 10] + [o + 1 for o in others if o < start])
    high = min([last, end + 10] + [o for o in others if o >= end])
    best: dict[str, tuple[int, str]] = {}
    for k in range(low, high):
        word = words[k]
        month = _month(words, k)
        if month:
            kind, value = "part", month
            if k > 0 and words[k - 1] in ("to", "through", "ending", "ended", "until", "since"):
                value = words[k - 1] + " " + value  # '12 months to July' is not 'July'
            elif k > 1 and words[k - 1] == "and" and _month(words, k - 2):
                value = _month(words, k - 2) + "+" + month  # 'in May and June' together
            elif k + 2 < len(words) and words[k + 1] == "and" and _month(words, k + 2):
                value = month + "+" + _month(words, k + 2)
        elif word in _TIMES_OF_DAY:
            kind, value = "part", _TIMES_OF_DAY[word]  # the pre-dawn earthquake is not the afternoon one
        elif word in _WEEKDAYS or (word.endswith("'s") and word[:-2] in _WEEKDAYS):
            kind, value = "part", word[:3]  # 'an attack on Monday' is not one on Tuesday
        elif word in _ROUND_ORDINALS and k + 1 < len(words) and words[k + 1] in _ROUNDS:
            kind, value = "part", word + " " + words[k + 1]  # 'the first round' is not the second
        elif word == "since" and k >= end:
            kind, value = "part", "since"  # 'fell 13% since the explosion' is no one day's fall
        elif word == "quarter" and k > 0 and words[k - 1] in _ORDINAL_QUARTERS:
            kind, value = "part", _ORDINAL_QUARTERS[words[k - 1]]
        elif word in ("q1", "q2", "q3", "q4"):
            kind, value = "part", word
        elif word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100 and not start <= k < end:
            kind, value = "year", word
        else:
            continue
        distance = k - end if k >= end else start - k + 2
        if kind not in best or distance < best[kind][0]:
            best[kind] = (distance, value)
    if "part" not in best:
        # a time of day anywhere in the sentence ('a magnitude 7.8 earthquake struck ... at 4:17 am')
        times = [_TIMES_OF_DAY[words[k]] for k in range(first, last) if words[k] in _TIMES_OF_DAY]
        if times:
            best["part"] = (0, times[0])
    return [best[kind][1] for kind in ("part", "year") if kind in best]


def _month(words: list[str], k: int) -> str:
    """The month word at k, cut to three letters ('may's' -> 'may'), or ''."""
    word = words[k]
    month = word[:-2] if word in ("may's", "march's") else word
    if month in lexicon.MONTHS and (month not in ("march", "may") or _dated_march(words, k)):
        return month[:3]
    return ""


def _dated_march(words: list[str], k: int) -> bool:
    """'in March', 'March 2019', '12 March' name the month; 'Sunday's march' is a protest (and
    'they may' a modal: the same test serves 'May')."""
    before = words[k - 1] if k > 0 else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return words[k].endswith(("'s", "\u2019s")) or before[:1].isdigit() or after[:1].isdigit() or before in (
        "in", "since", "until", "by", "from", "to", "early", "late", "mid", "of", "last", "next")


_FORECAST = frozenset("""forecast forecasts forecasted forecasting project projects projected projection
projections predict predicts predicted prediction expect expects expected expectation outlook
""".split())


def _single_events(words: list[str], tokens: list[list], index: int) -> set[str]:
    """Nouns naming one event whose toll only grows ('the crash', 'the blast'), or 'toll'."""
    first, last = _sentence_bounds(words, index)
    return {tokens[k][0] for k in range(first, last) if words[k] in lexicon.SINGLE_EVENTS}


def _sentence_not_killing(words: list[str], k: int) -> bool:
    """'sentenced to death', 'the death penalty': a death word that counts no dead."""
    before = words[k - 2:k]
    after = words[k + 1] if k + 1 < len(words) else ""
    return (len(before) == 2 and before[1] == "to" and before[0].startswith("sentenc")) or after in (
        "penalty", "sentence", "sentences", "row", "threat", "threats")


def _same_sentence(tokens, words, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not any(words[i] in _SENTENCE_END for i in range(lo, hi))
