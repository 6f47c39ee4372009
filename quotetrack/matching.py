"""How close two names are as identities: a score in 0..100 and why, from their NameParts.

The score is built so that one threshold separates "the same person, spelled otherwise" from
"someone else with a similar name" (measured on data/aliases/ by benchmarks/eval_aliases.py):

- 100  the same words once transliteration variants are made equal (Sergey/Sergei Lavrov,
       Zelenskyy/Zelenskiy, Chavushoglu/Cavusoglu, Bashar al-Assad/Bashar Assad);
- 98   the same letters spaced otherwise (Kim Jong-un/Kim Jongun);
- 97   the same words in another order (Ministry of Defence/Defence Ministry);
- 93   a surname alone, equal to a person's last word (Cavusoglu/Mevlut Cavusoglu), never a
       father's name after bin/ibn (Salman is not Mohammed bin Salman);
- 92   the last words of a longer name (Tayyip Erdogan/Recep Tayyip Erdogan), or, for bin/ibn
       names, the first (Tamim bin Hamad/Tamim bin Hamad Al Thani);
- else the weaker of the first-word and the last-word similarities, each 100 when equal, 92
       when only the inner vowels differ (Mohamed/Muhammad, Morsi/Mursi) or a surname ends in
       -ka on one side and -ko on the other (Belarusian Lukashenka, Russian and Ukrainian
       Lukashenko), 85 for a given name
       that starts the other (Ed/Edward), 88 for an initial, else the edit ratio; raised to 90
       when a surname of seven letters or more is the same and the given names (not initials)
       are close (80..90: Ahmet/Ahmed);
       capped at 60 when both names have middle words that differ (George H. W. / George W.
       Bush) and at 85 for a surname that is only close.

Two short words (under five letters) that meet only by their transliteration keys (Lee/Li,
Aly/Ali, Cahn/Kahn) are compared as spelled: 80, asked about at a terminal, never automatic;
for outlets too (Iwan Petrow/Ivan Petrov), and an outlet of one short word (an acronym) that
differs by a letter is another outlet (VHO/WHO, AP/AFP: at most 70, not even asked about).
A body that names a country and one that names none or another (Belarusian Interior Ministry /
Interior Ministry, US Department of Justice / Justice Department) score at most 85: asked
about at a terminal, never automatic, for in a database of several countries' stories the
unqualified name may be any country's body.
Words with digits must be equal, and unvowelled spellings (Arabic, Persian, Hebrew script)
are compared on consonants only.
"""

from __future__ import annotations

from quotetrack.normalize import (
    NameParts, PATRONYMIC, consonants, countries_named, token_key, token_skeleton,
)

# At or above AUTO_SCORE a match is used without asking (and reported); at or above
# PROPOSE_SCORE a person at a terminal is asked. Chosen on data/aliases/ (see its README).
AUTO_SCORE = 90.0
PROPOSE_SCORE = 75.0
# A best match this close to the next identity's is ambiguous: it is asked, never automatic.
AMBIGUITY_MARGIN = 3.0
# Candidates whose transliteration keys share less than this (rapidfuzz token_set_ratio) are
# not scored at all; every labelled alias of data/aliases/ written in Latin or Cyrillic letters
# and resolved by these rules scores 75 or more.
PREFILTER_SCORE = 72.0

# A word shorter than this is compared as spelled, not by its transliteration key: the key
# makes Lee and Li, Aly and Ali, Cahn and Kahn one word, and in short names such spellings are
# as often two families as one (Kevin Lee, Kevin Li). They score SHORT_VARIANT_SCORE: asked
# about at a terminal, never taken automatically. Longer words keep their keys (Sergey/Sergei,
# Zelenskyy/Zelenskiy).
SHORT_WORD = 5
SHORT_VARIANT_SCORE = 80.0
# An outlet of one short word (an acronym) spelled otherwise is another outlet: VHO is not WHO.
OTHER_ACRONYM_SCORE = 70.0
# A body naming a country against one naming none or another: at most this, asked about at a
# terminal and never taken automatically ("Belarusian Interior Ministry" / "Interior Ministry").
COUNTRY_APART_SCORE = 85.0

# Words of bodies, not people: a surname-only match never picks one of these.
INSTITUTION_WORDS = frozenset("""
ministry ministri agency administration bureau service commission office department committee
council organization organisation organisatie government presidency palace party army police
company corporation inc ltd co airlines airline bank board team authority court parliament
assembly union nations institute university hospital centre center foundation group forces
command embassy federation association network news press agentstvo kremlin
""".split())


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b) * 100.0


def word_similarity(a: str, b: str, unvowelled: bool = False) -> float:
    """Two word keys: 100 equal, 92 same consonant frame, 90 initial of the other, else ratio."""
    if a == b:
        return 100.0
    if a.isdigit() or b.isdigit():
        return 0.0
    if len(a) < SHORT_WORD and len(b) < SHORT_WORD and token_key(a) == token_key(b):
        return SHORT_VARIANT_SCORE  # short words spelled apart: Lee/Li, Aly/Ali, Cahn/Kahn
    if len(a) == 1 or len(b) == 1:
        return 88.0 if a[0] == b[0] else 0.0
    if unvowelled:
        ca, cb = consonants(a), consonants(b)
        if ca == cb and len(ca) >= 2:
            return 92.0
        return _ratio(ca, cb) * 0.9
    sa, sb = token_skeleton(a), token_skeleton(b)
    if sa == sb and (len(sa) >= 4 or min(len(a), len(b)) >= 5):
        return 92.0
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter):
        return 85.0  # a short form of a given name: Ed, Edward
    return _ratio(a, b)


def surname_similarity(a: str, b: str, unvowelled: bool = False) -> float:
    """word_similarity for the last words of two names, where a Belarusian -ka and a Russian
    or Ukrainian -ko end one surname (Lukashenka/Lukashenko, Latushka/Latushko): 92, as for a
    vowel change. Feminine forms end otherwise (Zelensky/Zelenska, Navalny/Navalnaya), and
    -ko/-ka given names (Mirko/Mirka) are not last words."""
    if (len(a) == len(b) >= 6 and a[:-1] == b[:-1] and a[-2] == "k"
            and {a[-1], b[-1]} == {"a", "o"}):
        return 92.0
    return word_similarity(a, b, unvowelled)


def looks_institutional(parts: NameParts) -> bool:
    return any(key in INSTITUTION_WORDS for key in parts.keys) or any(
        word in INSTITUTION_WORDS for word in parts.norm.split())


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...], unvowelled: bool) -> bool:
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(word_similarity(x, y, unvowelled) >= 88 for x, y in zip(a, b))


def _compared_words(query: NameParts, candidate: NameParts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words matching compares: transliteration keys, except where a short word of each
    name meets the other's only by its key (Lee/Li): those are compared as spelled."""

    def short(parts: NameParts) -> dict[str, set[str]]:
        spelled: dict[str, set[str]] = {}
        if len(parts.words) == len(parts.keys):  # parts made by hand may have no words
            for word, key in zip(parts.words, parts.keys):
                if 1 < len(word) < SHORT_WORD:
                    spelled.setdefault(key, set()).add(word)
        return spelled

    short_q, short_c = short(query), short(candidate)
    apart = {key for key in short_q.keys() & short_c.keys() if short_q[key] != short_c[key]}
    if not apart:
        return query.keys, candidate.keys

    def compared(parts: NameParts) -> tuple[str, ...]:
        return tuple(word if key in apart and 1 < len(word) < SHORT_WORD else key
                     for word, key in zip(parts.words, parts.keys))

    return compared(query), compared(candidate)


def score_names(query: NameParts, candidate: NameParts, *, people: bool = True) -> tuple[float, str]:
    """How likely `candidate` names the same identity as `query`, 0..100, and a word for why.

    `people=False` (outlets) keeps only the whole-name comparisons: a surname rule would make
    "CNN Turk" and "CNN" one outlet.
    """
    score, why = _score_names(query, candidate, people)
    if (score > COUNTRY_APART_SCORE
            and (looks_institutional(query) or looks_institutional(candidate))
            and countries_named(query.norm) != countries_named(candidate.norm)):
        return COUNTRY_APART_SCORE, "country differs"
    return score, why


def _score_names(query: NameParts, candidate: NameParts, people: bool) -> tuple[float, str]:
    if not query.keys or not candidate.keys:
        return 0.0, "none"
    if query.unvowelled or candidate.unvowelled:
        q, c = query.keys, candidate.keys  # compared on consonants below
    else:
        q, c = _compared_words(query, candidate)
    if q == c:
        return 100.0, "spelling"
    digits_q = sorted(k for k in q if any(ch.isdigit() for ch in k))
    digits_c = sorted(k for k in c if any(ch.isdigit() for ch in k))
    if digits_q != digits_c:
        return 0.0, "numbers differ"
    if query.compact == candidate.compact:
        return 98.0, "spacing"
    if sorted(q) == sorted(c) and not (query.patronymic or candidate.patronymic):
        # Not for bin/ibn names: Salman bin Abdulaziz is the father of Abdulaziz bin Salman.
        return 97.0, "word order"
    unvowelled = query.unvowelled or candidate.unvowelled
    if unvowelled and [consonants(k) for k in q] == [consonants(k) for k in c] and all(
            len(consonants(k)) >= 2 for k in q):
        return 94.0, "transliteration"
    if not people:
        whole = _ratio(" ".join(q), " ".join(c))
        if len(q) == len(c) == 1 and min(len(q[0]), len(c[0])) < SHORT_WORD:
            return min(whole, OTHER_ACRONYM_SCORE), "another acronym"  # VHO/WHO, AP/AFP
        if len(q) == len(c) and all(x == y or word_similarity(x, y) == SHORT_VARIANT_SCORE
                                    for x, y in zip(q, c)):
            return SHORT_VARIANT_SCORE, "short words spelled apart"  # Iwan/Ivan Petrow/Petrov
        return min(whole, 89.0), "close spelling"
    if len(q) == 1 or len(c) == 1:
        single, full = (query, candidate) if len(q) == 1 else (candidate, query)
        word, surname = (q[0], c[-1]) if len(q) == 1 else (c[0], q[-1])
        if len(full.keys) < 2 or full.patronymic or looks_institutional(full):
            return min(_ratio(single.keys[0], full.last), 70.0), "close spelling"
        if word == surname and len(single.norm) >= 4:
            return 93.0, "surname"
        similarity = surname_similarity(word, surname, unvowelled)
        return min(similarity, 85.0) - 5.0, "close surname"
    if query.patronymic or candidate.patronymic:
        # Mohammed bin Salman, Mohammed bin Nayef: every word counts, in order.
        shorter, longer = (q, c) if len(q) < len(c) else (c, q)
        if len(shorter) >= 3 and longer[:len(shorter)] == shorter:
            return 92.0, "short form"  # Tamim bin Hamad / Tamim bin Hamad Al Thani
        if len(q) != len(c):
            return 60.0, "different father's name"
        worst = min(word_similarity(x, y, unvowelled) for x, y in zip(q, c))
        return worst, "close spelling"
    shorter, longer = (q, c) if len(q) < len(c) else (c, q)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter and shorter[0] not in PATRONYMIC:
        return 92.0, "short form"
    if (len(longer) == len(shorter) + 1 and set(shorter) < set(longer)
            and looks_institutional(query) and looks_institutional(candidate)
            and len(next(iter(set(longer) - set(shorter)))) <= 3):
        # UN Security Council / Security Council (a country named on one side only, as in US
        # Department of Justice / Justice Department, is held to 85 by score_names)
        return 92.0, "short form"
    first = word_similarity(q[0], c[0], unvowelled)
    last = surname_similarity(q[-1], c[-1], unvowelled)
    score = min(first, last)
    if last == 100.0 and len(q[-1]) >= 7 and 80.0 <= first < 90.0 and min(len(q[0]), len(c[0])) > 1:
        # A long surname, the same, and a given name spelled another way (Recep/Redzhep,
        # Ahmet/Ahmed, Antonio/Antoniu): as sure as a vowel change.
        score = 90.0
    if not _middles_agree(q[1:-1], c[1:-1], unvowelled):
        score = min(score, 60.0)
    if last < 100.0:
        score = min(score, 92.0)
    if len(q) != len(c):
        score -= 1.0  # a middle name given on one side only
    return score, "close spelling"
