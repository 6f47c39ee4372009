"""A synthetic news corpus for scale benchmarks: many stories, each with its own people, places
and figures, written from templates that include negations, figures, contrary verbs and quotes."""

from __future__ import annotations

import random

SYLLABLES = "ka ra mo li ne ta vo su pe di ga lu zo mi ha ri be no sa te".split()
COMMON = ("government officials forces troops city region border talks agreement ceasefire "
          "minister ministry army police hospital village town province election vote court "
          "company market prices bank economy report investigation attack strike protest").split()
COUNTED = ["soldiers", "civilians", "people", "police officers", "children", "fighters"]
EVENTS = ["were killed", "were wounded", "were arrested", "have been displaced"]
CONTRARY = [("rose", "fell"), ("accepted", "rejected"), ("advanced", "withdrew"),
            ("approved", "blocked"), ("increased", "decreased")]


def _name(rng: random.Random, parts: int = 2) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(parts))


def story_statements(rng: random.Random, story: int, count: int, start_day: int) -> list[dict]:
    people = [_name(rng) for _ in range(4)]
    places = [_name(rng, 1) for _ in range(3)]
    groups = [_name(rng, 1) for _ in range(2)]
    words = rng.sample(COMMON, 8) + ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(6)]
    outlets = ["Wire A", "Wire B", "Daily C", "TV D"]
    rows = []
    for n in range(count):
        person, place, group = rng.choice(people), rng.choice(places), rng.choice(groups)
        w1, w2, w3 = rng.sample(words, 3)
        day = start_day + rng.randint(0, 20)
        kind = rng.random()
        if kind < 0.25:
            figure = rng.choice([rng.randint(2, 90), rng.randint(100, 5000)])
            hedge = rng.choice(["", "at least ", "more than ", "about ", ""])
            text = (f"{hedge}{figure} {group} {rng.choice(COUNTED)} {rng.choice(EVENTS)} in "
                    f"{place} after the {w1} near the {w2}")
        elif kind < 0.45:
            neg = rng.choice(["did not", "never", "failed to", "denied that it would"])
            text = f"{group} {neg} {w1} the {w2} in {place} before the {w3}"
        elif kind < 0.6:
            verb = rng.choice(rng.choice(CONTRARY))
            text = f"{group} {verb} the {w1} on the {w2} of {place}"
        elif kind < 0.8:
            text = (f"We will {w1} the {w2} in {place} and {group} must {w3} "
                    f"the {rng.choice(words)} {rng.choice(words)}")
        else:
            text = f"{group} {w1} the {w2} and {w3} {place} officials on {rng.choice(words)} issues"
        rows.append({
            "text": text, "speaker": person, "outlet": rng.choice(outlets),
            "date": f"2020-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}",
            "kind": "direct" if kind >= 0.6 and kind < 0.8 else "indirect",
            "topic": None if rng.random() < 0.5 else f"story-{story}",
        })
    return rows


def corpus(size: int, *, per_story: int = 40, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    story = 0
    while len(rows) < size:
        rows += story_statements(rng, story, min(per_story, size - len(rows)), rng.randint(0, 300))
        story += 1
    return rows
