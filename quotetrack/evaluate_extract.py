"""Score `extract` against statements a person logged (the seed story) and against PolNeAR.

A gold statement is found when the proposals with the right speaker cover most of its words;
the speaker is right when its name words meet the gold speaker's (surname, acronym or head
noun). PolNeAR: a proposal matches a gold attribution when their content spans overlap by at
least half of the shorter; a gold pronoun source ("he") stands for the last named source the
annotators marked before it in the same article.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from quotetrack.extract import Proposal, extract

_STOP = frozenset("the a an of to in on and or that is are was were be by for its it their".split())
_PRONOUNS = frozenset("he she they it i we you him her them his its their".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", anyascii(text).lower()) if w not in _STOP}


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w]+", anyascii(name).lower()) if w not in _STOP and len(w) > 1}


def same_speaker(proposed: str, gold: str) -> bool:
    """Whether a proposed speaker names the gold one ('Tayyip Erdogan' ~ 'Recep Tayyip Erdogan',
    'UN' ~ 'United Nations', 'sources' ~ 'a source')."""
    if not proposed or not gold:
        return False
    a, b = _name_words(proposed), _name_words(gold)
    if a & b or {w.rstrip("s") for w in a} & {w.rstrip("s") for w in b}:
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Z]\w*", gold)).lower()
    squeezed = re.sub(r"[^a-z]", "", proposed.lower())
    return len(squeezed) >= 2 and squeezed == initials


@dataclass
class SeedResult:
    found: list[tuple[dict, Proposal]] = field(default_factory=list)
    wrong_speaker: list[tuple[dict, Proposal]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)


def match_statements(proposals: list[Proposal], rows: list[dict], *, cover: float = 0.6) -> SeedResult:
    """Each logged statement (text, speaker) as found, found with another speaker, or missed."""
    result = SeedResult()
    for row in rows:
        gold = _words(row["text"])
        if not gold:
            continue
        best, best_cover = None, 0.0
        right_words: set[str] = set()
        for p in proposals:
            overlap = len(gold & _words(p.text)) / len(gold)
            if same_speaker(p.speaker, row["speaker"]):
                right_words |= gold & _words(p.text) if overlap >= 0.3 else set()
            if overlap > best_cover:
                best, best_cover = p, overlap
        if len(right_words) / len(gold) >= cover:
            right = max((p for p in proposals if same_speaker(p.speaker, row["speaker"])),
                        key=lambda p: len(gold & _words(p.text)))
            result.found.append((row, right))
        elif best is not None and best_cover >= cover:
            result.wrong_speaker.append((row, best))
        else:
            result.missed.append(row)
    return result


# ---------------------------------------------------------------- PolNeAR

@dataclass
class Gold:
    start: int
    end: int
    source: str
    direct: bool


@dataclass
class Counts:
    gold: int = 0
    proposed: int = 0
    matched_gold: int = 0  # gold statements with a proposal over them
    matched_proposed: int = 0  # proposals over a gold statement
    right_speaker: int = 0  # gold statements matched by a proposal with the right speaker
    right_speaker_proposed: int = 0

    def figures(self) -> dict[str, float]:
        p = self.right_speaker_proposed / self.proposed if self.proposed else 0.0
        r = self.right_speaker / self.gold if self.gold else 0.0
        span_p = self.matched_proposed / self.proposed if self.proposed else 0.0
        span_r = self.matched_gold / self.gold if self.gold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "span_precision": span_p, "span_recall": span_r}


_QUOTE_MARKS = ("\"", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "''", "``")


def _opens_with_mark(text: str) -> bool:
    return bool(text) and text.startswith(_QUOTE_MARKS)


def _ends_with_mark(text: str) -> bool:
    return bool(text) and text.endswith(_QUOTE_MARKS)


def _is_direct(text: str, start: int, end: int) -> bool:
    """Whether a content span is a quotation: a quote mark at (or just outside) each of its ends.

    NYT texts write quotes as ``...'' or ''...''; an empty neighbour (the start or end of the
    text) is no mark.
    """
    inner = text[start:end].strip()
    before = text[max(0, start - 3):start].strip()
    after = text[end:end + 4].strip()
    opens = _opens_with_mark(inner) or _ends_with_mark(before)
    closes = _ends_with_mark(inner.rstrip(".,")) or _opens_with_mark(after) or (
        after[:1] in (".", ",") and _opens_with_mark(after[1:]))
    return opens and closes


def read_polnear(text: str, ann: str) -> list[Gold]:
    """The attribution relations of one brat file, with pronoun sources resolved as said above."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, *offsets = parts[1].split(" ")
            try:
                start, end = int(offsets[0]), int(offsets[-1])
            except (ValueError, IndexError):
                continue
            spans[parts[0]] = (label, start, end, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            relations.append(roles)
    out = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        out.append((content[1], content[2], source[3] if source else "", source[1] if source else -1))
    named = sorted((pos, src) for _, _, src, pos in out if src and src.lower() not in _PRONOUNS)
    golds = []
    for start, end, src, pos in out:
        if src.lower() in _PRONOUNS:
            before = [s for p, s in named if p < pos and re.search(r"[A-Z]", s)]
            src = before[-1] if before else src
        golds.append(Gold(start, end, src, _is_direct(text, start, end)))
    return golds


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    shared = min(a1, b1) - max(a0, b0)
    return shared > 0 and shared >= 0.5 * min(a1 - a0, b1 - b0)


def score_polnear(folder: Path, *, limit: int | None = None) -> dict[str, object]:
    """Direct and indirect figures over one split folder (text/ and attributions/)."""
    texts = sorted((folder / "text").glob("*.txt"))[:limit]
    counts = {"direct": Counts(), "indirect": Counts()}
    elapsed = 0.0
    for path in texts:
        anns = sorted((folder / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        golds = read_polnear(text, anns[0].read_text(encoding="utf-8"))
        started = time.perf_counter()
        proposals = extract(text)
        elapsed += time.perf_counter() - started
        for kind, c in counts.items():
            want_direct = kind == "direct"
            g = [x for x in golds if x.direct == want_direct]
            p = [x for x in proposals if (x.kind == "direct") == want_direct]
            c.gold += len(g)
            c.proposed += len(p)
            for x in g:
                hits = [y for y in p if _overlap(x.start, x.end, y.start, y.end)]
                c.matched_gold += bool(hits)
                c.right_speaker += any(same_speaker(y.speaker, x.source) for y in hits)
            for y in p:
                hits = [x for x in g if _overlap(x.start, x.end, y.start, y.end)]
                c.matched_proposed += bool(hits)
                c.right_speaker_proposed += any(same_speaker(y.speaker, x.source) for x in hits)
    return {"articles": len(texts), "seconds": elapsed,
            **{kind: c.figures() | {"gold": c.gold, "proposed": c.proposed} for kind, c in counts.items()}}
