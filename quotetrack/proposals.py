"""What becomes of extract's proposals: a review walks through them (accept, edit, skip, quit),
and the accepted ones become rows for the store. Plain data in, plain data out; nothing here
prints or asks.

A review is a `Walk`, changed only by `step`; nothing is stored while it runs, so a review
broken off halfway leaves the database as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quotetrack.errors import ValidationError
from quotetrack.extract import Proposal
from quotetrack.normalize import split_role
from quotetrack.store import validate_fields, validate_kind, validate_name, validate_text

# What a reviewer can answer, by key: (action, a word or two for the legend, what it does).
# Keys are case-sensitive: 'a' accepts one, 'A' accepts all that are left.
ACCEPT, SKIP, ACCEPT_REST, QUIT, HELP = "accept", "skip", "accept-rest", "quit", "help"
SPEAKER, ROLE, VIA, KIND, TEXT = "speaker", "role", "via", "kind", "text"
KEYS: dict[str, tuple[str, str, str]] = {
    "a": (ACCEPT, "accept", "accept this one"),
    "e": (SPEAKER, "speaker", "edit the speaker (a title typed before the name becomes the role)"),
    "r": (ROLE, "role", "edit the speaker's role"),
    "v": (VIA, "relay", "edit the relay (via)"),
    "k": (KIND, "kind (quote/paraphrase)", "switch the kind: direct quote <-> paraphrase"),
    "t": (TEXT, "text", "edit the text"),
    "s": (SKIP, "skip", "skip this one"),
    "A": (ACCEPT_REST, "accept all left", "accept this one and all after it"),
    "q": (QUIT, "quit, storing those accepted", "quit: store those accepted so far, leave the rest"),
    "?": (HELP, "help", "show this help"),
}
EDITS = (SPEAKER, ROLE, VIA, TEXT)  # the actions that take a new value
CHANGES = (*EDITS, KIND)  # the actions that change the proposal under review
_WORDS = {"accept": ACCEPT, "skip": SKIP, "all": ACCEPT_REST, "quit": QUIT, "help": HELP,
          "edit": SPEAKER, "speaker": SPEAKER, "role": ROLE, "via": VIA, "kind": KIND,
          "text": TEXT}


def parse_action(answer: str) -> str:
    """The action a reviewer's answer asks for: a key of KEYS ('a', 'A', ...) or its word
    ('accept', 'all', ...). Raises ValidationError naming the keys otherwise."""
    word = answer.strip()
    if word in KEYS:
        return KEYS[word][0]
    if word.lower() in _WORDS:
        return _WORDS[word.lower()]
    raise ValidationError("answer", f"'{word}' is not one of {', '.join(KEYS)} (? explains them)")


# What extract prints of each proposal (--format json|csv), in this order.
FIELDS = ("text", "kind", "speaker", "role", "via", "cue", "confidence", "start", "end")


def records(proposals: Sequence[Proposal]) -> list[dict]:
    """Each proposal as a dict of FIELDS, for JSON and CSV."""
    return [{field: getattr(p, field) for field in FIELDS} for p in proposals]


def parse_pick(value: str, count: int) -> list[int]:
    """'1,3-5' -> [0, 2, 3, 4] (indexes into the proposals, each once), or a ValidationError
    naming --pick."""
    chosen: list[int] = []
    for part in value.split(","):
        part = part.strip()
        bounds = part.split("-", 1)
        # isdecimal, not isdigit: '²' is a digit that int() refuses
        if not part or not all(b.strip().isdecimal() for b in bounds):
            raise ValidationError("--pick", f"'{value}' is not a list of numbers and ranges like 1,3-5")
        first, last = int(bounds[0]), int(bounds[-1])
        if first > last:
            raise ValidationError("--pick", f"'{part}' is a range written backwards "
                                            f"(write {last}-{first})")
        if first < 1 or last > count:
            raise ValidationError("--pick", f"'{part}' is not within 1-{count} "
                                            f"(the numbers extract shows)")
        chosen.extend(i - 1 for i in range(first, last + 1) if i - 1 not in chosen)
    return chosen


def choose(proposals: Sequence[Proposal], pick: str | None = None) -> list[tuple[int, Proposal]]:
    """(number as extract shows it, proposal) for those `pick` names ('1,3-5'), or for all when
    there is no pick (an empty one is refused, not taken as all)."""
    picked = parse_pick(pick, len(proposals)) if pick is not None else range(len(proposals))
    return [(i + 1, proposals[i]) for i in picked]


@dataclass(frozen=True)
class Accepted:
    """A proposal accepted in review: as extract found it, and as it is to be stored."""

    number: int  # as `extract` numbers it
    found: Proposal
    final: Proposal


@dataclass(frozen=True)
class Walk:
    """A review in progress: the proposals to go through and what was decided so far."""

    numbers: tuple[int, ...]  # the proposals' numbers as `extract` shows them, in review order
    proposals: tuple[Proposal, ...]  # as found
    position: int = 0  # index of the one under review
    current: Proposal | None = None  # the one under review, with the edits made to it
    accepted: tuple[Accepted, ...] = ()
    skipped: int = 0
    quit: bool = False

    @property
    def done(self) -> bool:
        return self.quit or self.position >= len(self.proposals)

    @property
    def number(self) -> int:
        """The number of the proposal under review, as `extract` shows it."""
        return self.numbers[self.position]

    @property
    def edited(self) -> int:
        """How many of those accepted were changed in review."""
        return sum(a.found != a.final for a in self.accepted)

    @property
    def left(self) -> int:
        """How many were neither accepted nor skipped (left by quitting)."""
        return len(self.proposals) - len(self.accepted) - self.skipped


def start(proposals: Sequence[Proposal], numbers: Sequence[int] | None = None) -> Walk:
    """A review of `proposals`; `numbers` are theirs in extract's list (default 1, 2, ...)."""
    numbers = tuple(numbers) if numbers is not None else tuple(range(1, len(proposals) + 1))
    if len(numbers) != len(proposals):
        raise ValueError("one number per proposal")
    return Walk(numbers=numbers, proposals=tuple(proposals),
                current=proposals[0] if proposals else None)


def step(walk: Walk, action: str, value: str | None = None) -> Walk:
    """The walk after one answer. An edit (speaker, role, via, text) takes `value` and keeps the
    same proposal under review; 'kind' switches direct <-> indirect. Raises ValidationError for
    an edit the store would refuse (an empty speaker or text), leaving the walk as it was."""
    if walk.done:
        raise ValueError("the review is over")
    if action == ACCEPT:
        return _advance(walk, accepted=walk.accepted + (_accepted(walk),))
    if action == SKIP:
        return _advance(walk, skipped=walk.skipped + 1)
    if action == ACCEPT_REST:
        rest = tuple(Accepted(n, p, p) for n, p in zip(walk.numbers[walk.position + 1:],
                                                         walk.proposals[walk.position + 1:]))
        return replace(walk, position=len(walk.proposals), current=None,
                       accepted=walk.accepted + (_accepted(walk),) + rest)
    if action == QUIT:
        return replace(walk, quit=True, current=None)
    if action == KIND:
        kind = "indirect" if walk.current.kind == "direct" else "direct"
        return replace(walk, current=replace(walk.current, kind=kind))
    if action in EDITS:
        return replace(walk, current=edit(walk.current, action, value))
    raise ValueError(f"unknown action {action!r}")


def _accepted(walk: Walk) -> Accepted:
    return Accepted(walk.number, walk.proposals[walk.position], walk.current)


def _advance(walk: Walk, **changes) -> Walk:
    position = walk.position + 1
    current = walk.proposals[position] if position < len(walk.proposals) else None
    return replace(walk, position=position, current=current, **changes)


def edit(proposal: Proposal, field: str, value: str | None) -> Proposal:
    """`proposal` with one field changed, checked as the store checks it.

    speaker: a title before the name ('Russian Foreign Minister Sergei Lavrov') becomes the role,
    as in `add`; a new name without one has no role, since the role found belonged to the
    speaker found. role, via: blank clears. text: spacing put on one line. kind: direct|indirect.
    """
    if field == SPEAKER:
        role, name = split_role(validate_name(value, "speaker"))
        if name == proposal.speaker and role is None:
            return proposal
        return replace(proposal, speaker=name, role=role)
    if field in (ROLE, VIA):
        cleaned = validate_fields({field: value}, partial=True)[field]
        return replace(proposal, **{field: cleaned})
    if field == TEXT:
        return replace(proposal, text=" ".join(validate_text(value).split()))
    if field == KIND:
        return replace(proposal, kind=validate_kind(value))
    raise ValueError(f"{field!r} is not a field a review edits")


def notes(accepted: Accepted) -> str:
    """The statement's notes: the reporting words, and what the review changed, with the values
    extract had found ('extract: told; edited: speaker (was Mevlut Cavusoglu), text')."""
    found, final = accepted.found, accepted.final
    changes = []
    for field in ("speaker", "role", "via", "kind"):
        before, after = getattr(found, field), getattr(final, field)
        if before != after:
            changes.append(f"{field} (was {before})" if before else f"{field} (was none)")
    if found.text != final.text:
        changes.append("text")
    return f"extract: {found.cue}" + (f"; edited: {', '.join(changes)}" if changes else "")


def check_destination(*, outlet: str | None, date: str | None, url: str | None = None,
                      topic: str | None = None, tags: Sequence[str] = (),
                      needed_by: str = "--add") -> None:
    """Raise ValidationError unless the fields every stored proposal shares are given and valid:
    checked before a review starts, so no answer is wasted on an article that cannot be stored."""
    missing = [label for label, value in (("--outlet", outlet), ("--date", date))
               if not (value and value.strip())]
    if missing:
        them = "it" if len(missing) == 1 else "them"
        raise ValidationError(" and ".join(missing), f"required with {needed_by}, and the article "
                              f"does not give {them} (name {them} on the command line)")
    validate_fields({"outlet": outlet, "date": date, "url": url, "topic": topic,
                     "tags": list(tags)}, partial=True)


def rows_to_store(accepted: Sequence[Accepted], *, outlet: str | None, date: str | None,
                  url: str | None = None, topic: str | None = None,
                  tags: Sequence[str] = (), needed_by: str = "--add") -> list[dict]:
    """Validated statement rows for `store.add_many`, one per accepted proposal."""
    check_destination(outlet=outlet, date=date, url=url, topic=topic, tags=tags,
                      needed_by=needed_by)
    return [validate_fields({"text": a.final.text, "kind": a.final.kind, "speaker": a.final.speaker,
                             "role": a.final.role, "via": a.final.via, "outlet": outlet,
                             "date": date, "url": url, "topic": topic, "tags": list(tags),
                             "notes": notes(a)})
            for a in accepted]


def context(article: str, proposal: Proposal, *, before: int = 100, after: int = 80
            ) -> tuple[str, str]:
    """The article's words just before and just after the proposal's text, spacing put on one
    line and cut at a word boundary ('... ' marks a cut): where the reporting words and the
    speaker are. Joined with the text between them, they read as the article does."""
    start = max(0, min(proposal.start, len(article)))
    end = max(start, min(proposal.end, len(article)))
    first, last = max(0, start - before), min(len(article), end + after)
    head, tail = article[first:start], article[end:last]
    if first > 0:
        head = "... " + _whole_words(head, cut_before=not article[first - 1].isspace())
    if last < len(article):
        tail = _whole_words(tail[::-1], cut_before=not article[last].isspace())[::-1] + " ..."
    return re.sub(r"\s+", " ", head).lstrip(), re.sub(r"\s+", " ", tail).rstrip()


def _whole_words(text: str, *, cut_before: bool) -> str:
    """`text` without a word cut in half at its start (cut_before: the cut fell inside a word)."""
    if cut_before and text[:1] and not text[:1].isspace():
        parts = text.split(None, 1)
        text = parts[1] if len(parts) == 2 else ""
    return text.lstrip()
