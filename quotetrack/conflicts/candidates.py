"""Which pairs of statements are worth comparing: blocking by shared content terms.

Comparing every pair is n^2; two accounts of the same proposition share content words, so a
pair is a candidate only when it shares at least `min_shared` terms that are not so common
that they say nothing (a term in more than `max_df` statements is ignored for blocking).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

MIN_SHARED = 2


def max_df(total: int) -> int:
    """How many statements a term may appear in and still single out a proposition."""
    return max(60, min(400, total // 50))


def topics_compatible(a: str | None, b: str | None) -> bool:
    """Statements filed under two different topics are never compared."""
    return not a or not b or a.casefold() == b.casefold()


def candidate_pairs(
    terms: Sequence[Sequence[str]],
    topics: Sequence[str | None],
    *,
    min_shared: int = MIN_SHARED,
    limit_df: int | None = None,
    batch: int = 3_000_000,
) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share at least `min_shared` informative terms.

    Pairs are counted with numpy, one slice of first indices at a time, so that memory stays
    bounded by `batch` pair codes whatever the size of the corpus.
    """
    import numpy as np

    total = len(terms)
    cap = limit_df or max_df(total)
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item_terms in enumerate(terms):
        for term in item_terms:
            postings[term].append(index)
    extra = _source_pairs(postings, topics, cap)
    lists = [np.asarray(p, dtype=np.int64) for term, p in postings.items()
             if 2 <= len(p) <= cap and not term.startswith("!")]
    del postings
    work = sum(len(a) * (len(a) - 1) // 2 for a in lists)
    slices = max(1, -(-work // batch))
    bounds = np.linspace(0, total, slices + 1).astype(np.int64)
    # For each slice, the posting lists (and their positions) whose first index falls in it.
    plan: list[list[tuple[np.ndarray, int, int]]] = [[] for _ in range(slices)]
    for arr in lists:
        cuts = np.searchsorted(arr, bounds)
        for s in range(slices):
            lo, hi = int(cuts[s]), min(int(cuts[s + 1]), len(arr) - 1)
            if lo < hi:
                plan[s].append((arr, lo, hi))
    pairs: list[tuple[int, int]] = []
    for entries in plan:
        chunks = []
        for arr, lo, hi in entries:
            size = len(arr)
            if lo == 0 and hi == size - 1:
                left, right = np.triu_indices(size, 1)
                chunks.append(arr[left] * total + arr[right])
                continue
            firsts = np.arange(lo, hi)
            counts = size - 1 - firsts
            starts = np.repeat(np.cumsum(counts) - counts, counts)
            seconds = np.arange(int(counts.sum())) - starts + np.repeat(firsts + 1, counts)
            chunks.append(np.repeat(arr[lo:hi], counts) * total + arr[seconds])
        if not chunks:
            continue
        codes = np.concatenate(chunks)
        del chunks
        unique, counts = np.unique(codes, return_counts=True)
        del codes
        for code in unique[counts >= min_shared].tolist():
            i, j = divmod(code, total)
            if topics_compatible(topics[i], topics[j]):
                pairs.append((i, j))
    return sorted(set(pairs) | extra) if extra else pairs


SOURCE, BY = "!src:", "!by:"
# A bare denial ('!bare:ana ruiz@topic') meets every statement of its speaker in the topic
# ('!spk:ana ruiz@topic'), however prolific the speaker.
BARE, SPEAKER = "!bare:", "!spk:"
# A speaker denying an act of their own ('!self:zaluz', the key of a word of their name) is
# compared with the statements that have that word among their terms (name them), while that
# word is informative (in no more statements than max_df).
SELF_DENIAL = "!self:"
LINKS = {SOURCE: BY, BARE: SPEAKER}
_LINKED = {**LINKS, **{b: a for a, b in LINKS.items()}}


def _linked_term(term: str) -> str:
    """The term a linked term pairs with ('!src:x@t' with '!by:x@t', '!self:k' with 'k')."""
    for prefix, other in _LINKED.items():
        if term.startswith(prefix):
            return other + term[len(prefix):]
    return term[len(SELF_DENIAL):]


def _source_pairs(postings: dict[str, list[int]], topics: Sequence[str | None],
                  cap: int) -> set[tuple[int, int]]:
    """A statement that calls a report untrue ('the Journal's article is erroneous', term
    '!src:journal@topic') is paired with every statement that outlet or person gave in the same
    topic ('!by:journal@topic'); a bare denial with its speaker's statements in the topic; a
    speaker denying an act of their own with the statements that name them (while the name is
    informative). Such denials are few, so this is linear in the statements they link to."""
    out: set[tuple[int, int]] = set()
    for term, denials in postings.items():
        if not term.startswith((SOURCE, BARE, SELF_DENIAL)):
            continue
        targets = postings.get(_linked_term(term), ())
        if term.startswith(SELF_DENIAL) and len(targets) > cap:
            continue
        for j in targets:
            for i in denials:
                if i != j and topics_compatible(topics[i], topics[j]):
                    out.add((min(i, j), max(i, j)))
    return out


def neighbours_sql(db, statement_id: str, item_terms: Sequence[str], total: int,
                   *, min_shared: int = MIN_SHARED) -> list[str]:
    """Ids of stored statements sharing enough informative terms with one statement."""
    if not item_terms:
        return []
    linked = [_linked_term(t) for t in item_terms if t.startswith(tuple(_LINKED))]
    # (and the self-denials of anyone this statement names)
    linked += [SELF_DENIAL + t for t in item_terms if not t.startswith(("!", "#"))]
    named = [_linked_term(t) for t in item_terms if t.startswith(SELF_DENIAL)]
    if named:  # a self-denial meets the statements naming its speaker, while the name informs
        marks = ",".join("?" * len(named))
        linked += [term for term, df in db.execute(
            f"SELECT term, count(*) FROM terms WHERE term IN ({marks}) GROUP BY term", named)
            if df <= max_df(total) + 1]
    found = set()
    if linked:
        marks = ",".join("?" * len(linked))
        found = {row[0] for row in db.execute(
            f"SELECT statement_id FROM terms WHERE term IN ({marks}) AND statement_id != ?",
            [*linked, statement_id])}
    item_terms = [t for t in item_terms if not t.startswith((*_LINKED, SELF_DENIAL))]
    return sorted(found | set(_neighbours(db, statement_id, item_terms, total, min_shared)))


def _neighbours(db, statement_id: str, item_terms: Sequence[str], total: int, min_shared: int) -> list[str]:
    if not item_terms:
        return []
    cap = max_df(total)
    marks = ",".join("?" * len(item_terms))
    informative = [
        term for term, df in db.execute(
            f"SELECT term, count(*) FROM terms WHERE term IN ({marks}) GROUP BY term",
            list(item_terms),
        )
        if df <= cap + 1
    ]
    if not informative:
        return []
    marks = ",".join("?" * len(informative))
    rows = db.execute(
        f"""SELECT statement_id FROM terms WHERE term IN ({marks}) AND statement_id != ?
            GROUP BY statement_id HAVING count(*) >= ?""",
        [*informative, statement_id, min_shared],
    )
    return [row[0] for row in rows]
