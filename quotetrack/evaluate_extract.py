"""Score `extract` against statements a person logged (the seed story) and against PolNeAR.

A gold statement is found when the proposals with the right speaker cover most of its words;
the speaker is right when the names meet - the surname of one is a name word of the other, a
title or an honorific alone is not enough, and Mr. is not Mrs. - or, for a description ('the
minister', 'officials'), when their words meet; acronyms match their initials ('UN').
PolNeAR: a proposal matches a gold attribution when their content spans overlap by at least
half of the shorter. Gold sources are mapped to the speaker they stand for: 'he'/'she' to the
nearest annotated source before it that names or describes a person ('Ann Lee', 'the mayor')
and is not of the other sex where the text tells it (failing that, to the last capitalised
source, the former rule); 'the president' to the nearest
source with that title and a name; 'who' to the name just before it. A source that is only a
cue word ('said': the annotator swapped the labels) names nobody: such statements, and the
proposals over them alone, are left out of both precision and recall."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from quotetrack.extract import Proposal, extract
from quotetrack.normalize import split_role

_STOP = frozenset("the a an of to in on and or that is are was were be by for its it their".split())
_PRONOUNS = frozenset("he she they it i we you him her them his its their".split())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", anyascii(text).lower()) if w not in _STOP}


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w]+", anyascii(name).lower()) if w not in _STOP and len(w) > 1}


# Honorifics and titles say nothing of who a person is: 'Mr. Obama' is not 'Mr. Trump', and
# 'Rep. Ann Lee' is not 'Rep. Joe Park'. Mr. against Mrs./Ms./Miss tells two people apart.
_MALE, _FEMALE = frozenset({"mr"}), frozenset({"mrs", "ms", "miss"})
_TITLES = _MALE | _FEMALE | frozenset("""
dr sen sens rep reps gov gen lt col sgt prof rev president vice senator representative
congressman congresswoman governor mayor secretary judge justice chairman chairwoman chair
speaker minister premier ambassador jr sr ii iii
""".split())
_DESCRIPTION_START = frozenset("the a an another one some many most few several other his her "
                               "their its our my this that these those both all each more less "
                               "about nearly almost over fewer only".split())


_PARTICLES = frozenset("of de da del al bin van von la le".split())
_AFTER_A_NAME = frozenset("who whose which of at from in for with on and said says told to".split())
_ABBREVIATED_TITLES = frozenset("mr mrs ms dr rev rep sen gov gen lt col sgt capt adm".split())
_FUNCTION_WORDS = frozenset("the a an at of for from in on with to and by".split())


def _name_part(phrase: str) -> list[str] | None:
    """The words of the name in a speaker phrase, or None when it names nobody ('a senior
    aide', 'officials'): 'Ann Lee, a senior aide' and 'Ann Lee of the Herald' -> Ann Lee;
    'retired fire chief Ann Lee' -> Ann Lee; 'The White House' -> White House."""
    parts = re.sub(r"\([^()]*\)", " ", phrase).split(",")
    first = _part_name(parts[0])
    if first or len(parts) == 1 or len(parts[0].split()) > 4:
        return first
    return _part_name(parts[1])  # 'Another critic, Ann Lee'


def _names(phrase: str) -> list[list[str]]:
    """Every name of a list ('Ann Lee, Joe Park and Mr. Ray'), or the one name of a phrase."""
    phrase = re.sub(r"\([^()]*\)", " ", phrase)
    if not re.search(r"\band\b", phrase):
        found = _name_part(phrase)
        return [found] if found else []
    return [name for part in re.split(r",|\band\b", phrase) if (name := _part_name(part))]


def _part_name(part: str) -> list[str] | None:
    words = [w for w in (w.strip("\"'\u2018\u2019\u201c\u201d:;!?") for w in part.split()) if re.search(r"\w", w)]
    if words and words[0].lower() == "the" and len(words) > 1 and words[1][:1].isupper():
        words = words[1:]  # 'The White House'
    if not words:
        return None
    capital = [w[:1].isupper() or w in _PARTICLES for w in words]
    if capital[0] and words[0].lower() not in _DESCRIPTION_START and False in capital:
        first = capital.index(False)
        if first >= 2 and words[first].lower() in _AFTER_A_NAME:
            return words[:first]  # 'Sen. Ann Lee who represents Dover City'
    tail = len(words)
    while tail > 0 and capital[tail - 1]:
        tail -= 1
    while tail < len(words) and words[tail] in _PARTICLES:
        tail += 1
    shortest = 1 if words[0].lower() in ("a", "an", "the") else 2
    # 'spokesman the Rev. Ann Lee', 'Speaker of the House Rep. Ann Lee'
    titled = 0 < tail and words[tail - 1] == "the" and any(w.rstrip(".").lower() in _ABBREVIATED_TITLES
                                                           and w.endswith(".") for w in words[tail:])
    if 0 < tail and shortest <= len(words) - tail <= 4 and words[tail - 1] not in _PARTICLES and (
            titled or words[tail - 1].lower() not in _FUNCTION_WORDS):
        return words[tail:]  # 'flood widow Ana Berg', not 'Ana Berg of the Herald'
    if capital[0] and words[0].lower() not in _DESCRIPTION_START:
        leading = words[:capital.index(False) if False in capital else len(words)]
        if len(leading) < len(words) and re.search(r"['\u2019]s?$", leading[-1]):
            return None  # "Ann Lee's lawyers": her lawyers, not her
        while leading and leading[-1] in _PARTICLES:
            leading.pop()
        if len(leading) <= 8:
            return leading
    return None


def _honorifics(words: list[str]) -> set[str]:
    return {w.lower().rstrip(".") for w in words} & (_MALE | _FEMALE)


def same_speaker(proposed: str, gold: str) -> bool:
    """Whether a proposed speaker names the gold one ('Tayyip Erdogan' ~ 'Recep Tayyip Erdogan',
    'UN' ~ 'United Nations', 'sources' ~ 'a source').

    When both name a person, they must share a name word - not a title or an honorific - and
    not be Mr. against Mrs. or Ms.; a description ('the president') is compared word for word.
    """
    if not proposed or not gold:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Z]\w*", gold)).lower()
    squeezed = re.sub(r"[^a-z]", "", proposed.lower())
    if len(squeezed) >= 2 and squeezed == initials:
        return True
    names = _names(proposed), _names(gold)
    if names[0] and names[1]:
        return any(_same_name(a, b) for a in names[0] for b in names[1])
    return _shared(_name_words(proposed), _name_words(gold))


def _same_name(a: list[str], b: list[str]) -> bool:
    """Two names of one person: not Mr. against Mrs. or Ms., and the surname of one is a name
    word of the other (a first name or a title alone is not enough)."""
    sexes = _honorifics(a), _honorifics(b)
    if sexes[0] and sexes[1] and (sexes[0] <= _MALE) != (sexes[1] <= _MALE):
        return False
    x, y = ([w for w in re.findall(r"\w+", anyascii(split_role(" ".join(n))[1]).lower())
             if w not in _TITLES and w not in _STOP and len(w) > 1] for n in (a, b))
    if not (x and y):  # a title alone ('President'): compared as it is written
        return _shared(_name_words(" ".join(a)), _name_words(" ".join(b)))
    return _shared({x[-1]}, set(y)) or _shared(set(x), {y[-1]})


def _shared(a: set[str], b: set[str]) -> bool:
    return bool(a & b or {w.rstrip("s") for w in a} & {w.rstrip("s") for w in b})


def former_same_speaker(proposed: str, gold: str) -> bool:
    """The rule before titles and honorifics were told apart from names ('Mrs. Lee' matched
    'Mr. Park' through 'mr'), kept so that the benchmark can count what the fix changed."""
    if not proposed or not gold:
        return False
    if _shared(_name_words(proposed), _name_words(gold)):
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
    usable: bool = True  # False when the source names nobody (it is empty, or only a cue word)
    rule: str | None = None  # the rule that mapped the source, where the former mapping differs


@dataclass
class Counts:
    gold: int = 0
    proposed: int = 0
    matched_gold: int = 0  # gold statements with a proposal over them
    matched_proposed: int = 0  # proposals over a gold statement
    right_speaker: int = 0  # gold statements matched by a proposal with the right speaker
    right_speaker_proposed: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # gold statements naming nobody, by why
    left_out_proposed: int = 0  # proposals over those alone
    mapped: dict[str, int] = field(default_factory=dict)  # gold sources mapped anew, by rule
    titles_only: int = 0  # gold statements the former rule matched by a shared title alone

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
        former = src
        if src.lower() in _PRONOUNS:
            before = [s for p, s in named if p < pos and re.search(r"[A-Z]", s)]
            former = before[-1] if before else src
        mapped, rule = _gold_source(src, pos, named, text)
        if rule is None:
            mapped = former
        gold = Gold(start, end, mapped, _is_direct(text, start, end), usable=rule not in _NOBODY,
                    rule=rule if rule in _NOBODY or mapped != former else None)
        golds.append(gold)
    return golds


_NOBODY = ("cue word", "no source")
# A source span holding only a reporting verb: the annotator marked the cue as the source.
_CUE_WORDS = frozenset("""
said says say told tells tell added adds adding wrote writes according to asked asks noted notes
continued stated tweeted claimed argued explained
""".split())
_SEX_OF_PRONOUN = {"he": False, "him": False, "his": False, "she": True, "her": True}
_SEX_OF_NOUN = re.compile(r"\b(?:(spokeswoman|congresswoman|chairwoman|businesswoman|woman|mother|wife|"
                          r"daughter|sister|widow|actress|grandmother|girl)|spokesman|congressman|"
                          r"chairman|businessman|man|father|husband|son|brother|grandfather|boy)\b", re.I)
# Words of bodies, places and peoples, which no 'he' or 'she' stands for.
_NOT_PERSONS = frozenset("""
party committee house department campaign news times post press agency association council
union university institute foundation center centre office ministry government administration
court congress senate network group company corporation inc bank fund league coalition
organization caucus board commission service republicans democrats republican democratic
democrat american americans european europeans korea states kingdom nations republic city
county state article report statement letter book poll survey study
""".split())
# 'the senator' and the titles a name carries for it ('Sen. Ann Lee')
_TITLE_HEADS = {"president": ("president",), "senator": ("senator", "sen."),
                "governor": ("governor", "gov."), "mayor": ("mayor",), "judge": ("judge",),
                "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep.")}


def _gold_source(src: str, pos: int, named: list[tuple[int, str]], text: str) -> tuple[str, str | None]:
    """The speaker a gold source stands for, and the rule that found it (None: the former
    mapping stands). A 'he' or 'she' is the nearest source before it that names a person of
    that sex (as far as the text tells it); 'the president' the nearest source before it with
    that title and a name; 'who' the name just before it; a cue word names nobody."""
    low = src.lower().strip()
    if not low:
        return src, "no source"
    if low.split()[0] in _CUE_WORDS and not re.search(r"[" + _CAPITALS + r"]", src):
        return src, "cue word"  # 'said', 'said in a statement'
    if low in _SEX_OF_PRONOUN:
        female = _SEX_OF_PRONOUN[low]
        for p, candidate in reversed(named):
            described = _PERSON_DESCRIPTION.fullmatch(re.sub(r"\s+(?:who|whom|that|of|from|in|at|with)\s.*", "",
                                                             candidate.strip(" ,").split(",")[0]))
            if p >= pos or not (described or _person_like(candidate, text)):
                continue
            sex = _sex(candidate, text)
            if sex is not None and sex != female:
                continue
            rule = "pronoun to a person" if sex is None else "pronoun to a person of that sex"
            bare = re.fullmatch(r"the\s+(\w+)", candidate.strip(" ,").lower())
            if bare and bare.group(1) in _TITLE_HEADS:  # 'the mayor', not 'the Ohio senator'
                return _titled(bare.group(1), p, named) or candidate, rule
            return candidate, rule
        return src, None
    title = re.fullmatch(r"the\s+(\w+)", low)
    if title and title.group(1) in _TITLE_HEADS:
        titled = _titled(title.group(1), pos, named)
        return (titled, "title to the titled name") if titled else (src, None)
    if low in ("who", "which"):
        antecedent = re.search(r"((?:[" + _CAPITALS + r"][\w.'\u2019-]*\s+){0,3}[" + _CAPITALS
                               + r"][\w'\u2019-]*),?\s*$", text[max(0, pos - 80):pos])
        name = antecedent and re.split(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
                                       r"(?<!\b[A-Z])\.\s+", antecedent.group(1))[-1]
        if name and low == "who" and _person_like(name, text):
            return name, "who to the name before it"
        if name and low == "which" and not _person_like(name, text):
            return name, "which to the body named before it"  # 'the European Union, which contended'
    return src, None


_CAPITALS = r"A-Z\u00c0-\u00d6\u00d8-\u00de"
_PERSON_DESCRIPTION = re.compile(
    r"(?:the|a|an|another|one)\s+(?:[\w'\u2019/-]+\s+){0,3}?(president|senator|governor|mayor|judge|"
    r"congressman|congresswoman|reporter|delegate|pollster|official|spokes(?:man|woman|person)|man|"
    r"woman|candidate|nominee|voter|supporter|aide|adviser|advisor|lawyer|attorney|professor|"
    r"economist|analyst|strategist|activist|leader|director|executive|veteran|mother|father|"
    r"businessman|businesswoman|billionaire|host|author|writer|historian|expert|critic|officer)",
    re.I)


def _titled(head: str, before: int, named: list[tuple[int, str]]) -> str | None:
    """The nearest source before `before` that names someone with the title of 'the senator'."""
    for p, candidate in reversed(named):
        role, name = split_role(candidate)
        role_words = (role or "").lower().split()
        if p < before and role_words and role_words[-1] in _TITLE_HEADS[head] \
                and "vice" not in role_words and _name_part(name):
            return candidate
    return None


def _person_like(phrase: str, text: str) -> bool:
    """Whether a source names a person: a name of no body, place or people; one word only when
    the text writes it after a first name or a title ('Ann Lee', 'Mr. Lee') or as a speaker's."""
    words = _name_part(phrase)
    if not words or len(_names(re.sub(r"\([^()]*\)", " ", phrase).split(",")[0])) > 1:
        return False  # nobody named, or several people ('Ann Lee and Joe Park')
    name = split_role(" ".join(words))[1].split()
    if not name or any(w.lower().strip(".") in _NOT_PERSONS for w in name):
        return False
    if len(name) > 1 or len(words) > len(name):
        return True
    word = re.escape(name[0].rstrip("."))
    return bool(re.search(r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.|(?!(?:The|A|An|In|On|At|For|But|And|Of|To|As|By)\b)["
                          + _CAPITALS + r"][\w'\u2019-]*)[ \t]+" + word + r"\b|\b" + word + r"\s+(?:\w+ly\s+)?(?:said|says|told|asked|added|"
                          r"wrote|noted|argued|admitted|explained|insisted|claimed|declared|replied|responded)\b",
                          text))


def _sex(phrase: str, text: str) -> bool | None:
    """True for a woman, False for a man, None when neither the source nor the text says
    (Mr./Mrs./Ms. before the surname, 'spokeswoman'); both said tells nothing."""
    found = set()
    noun = _SEX_OF_NOUN.search(phrase)
    if noun:
        found.add(noun.group(1) is not None)
    words = _name_part(phrase) or []
    for honorific in _honorifics(words):
        found.add(honorific != "mr")
    name = split_role(" ".join(words))[1].split() if words else []
    if len(name) == 1 and name[0][:1].isupper():
        # 'Lee' alone: the text's 'Mr. Lee' or 'Ms. Lee' tells (with a first name, the text's
        # Mr. Lee may be her husband)
        for honorific in re.findall(r"\b(Mr|Mrs|Ms|Miss)\.?\s+" + re.escape(name[0].rstrip(".,")) + r"\b", text):
            found.add(honorific != "Mr")
    return next(iter(found)) if len(found) == 1 else None


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
            for x in g:
                if x.rule and x.usable:
                    c.mapped[x.rule] = c.mapped.get(x.rule, 0) + 1
            unusable = [x for x in g if not x.usable]
            g = [x for x in g if x.usable]
            c.gold += len(g)
            for x in unusable:
                c.left_out[x.rule] = c.left_out.get(x.rule, 0) + 1
            for x in g:
                hits = [y for y in p if _overlap(x.start, x.end, y.start, y.end)]
                c.matched_gold += bool(hits)
                right = any(same_speaker(y.speaker, x.source) for y in hits)
                c.right_speaker += right
                c.titles_only += not right and any(former_same_speaker(y.speaker, x.source) for y in hits)
            for y in p:
                hits = [x for x in g if _overlap(x.start, x.end, y.start, y.end)]
                if not hits and any(_overlap(x.start, x.end, y.start, y.end) for x in unusable):
                    c.left_out_proposed += 1  # over a statement whose speaker the gold does not name
                    continue
                c.proposed += 1
                c.matched_proposed += bool(hits)
                c.right_speaker_proposed += any(same_speaker(y.speaker, x.source) for x in hits)
    return {"articles": len(texts), "seconds": elapsed,
            **{kind: c.figures() | {"gold": c.gold, "proposed": c.proposed, "left_out": c.left_out,
                                    "left_out_proposed": c.left_out_proposed, "mapped": c.mapped,
                                    "titles_only": c.titles_only}
               for kind, c in counts.items()}}
