"""Attributed statements in a news article, found by rules: quotes, reporting verbs, speakers.

Rule-based on purpose: no English model with a clear licence installs from PyPI and works
offline here, and rules run at thousands of articles a minute. `extract(text)` takes the
article's text and returns `Proposal`s; `read_article(data)` turns a file's bytes (plain text
or a saved HTML page) into that text, with the outlet and date the page names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, replace

from quotetrack.errors import QuotetrackError
from quotetrack.normalize import split_role

__all__ = ["Article", "Proposal", "extract", "read_article"]

# Capital letters for the rules' regular expressions: Latin with accents (Çavuşoğlu, Özlem),
# Greek and Cyrillic, not ASCII alone (Latin Extended-A mixes its capitals with small letters).
_UP = r"A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0391-\u03a9\u0400-\u042f"


@dataclass(frozen=True)
class Proposal:
    """One attributed statement proposed for review; start/end are offsets of `text` in the article."""

    text: str
    kind: str  # direct | indirect
    speaker: str
    role: str | None
    via: str | None
    cue: str
    confidence: float
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Article:
    text: str
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


# ---------------------------------------------------------------- reading a file

def read_article(data: bytes, *, name: str = "input") -> Article:
    """The article in a file's bytes: plain text as it is, HTML through trafilatura.

    Raises QuotetrackError for an empty or binary file, an unknown encoding, or a page with no
    article text.
    """
    if not data.strip():
        raise QuotetrackError(f"{name} is empty")
    text = None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    elif b"\x00" in data[:8192]:
        raise QuotetrackError(f"{name} is a binary file, not an article (text or HTML)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is None:
        text = _decode_declared(data)
    if text is None:
        raise QuotetrackError(f"{name} is not UTF-8 text and names no encoding it is in "
                              "(save it as UTF-8)")
    if _BINARY.search(text[:8192]):
        raise QuotetrackError(f"{name} is a binary file, not an article (text or HTML)")
    if _looks_like_html(text):
        return _article_from_html(text, name)
    return Article(text=text.replace("\r\n", "\n").replace("\r", "\n"))


_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]{4,}")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def _decode_declared(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        return data.decode(found.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|body|article|head)[\s>]", text[:20000], re.I))


def _article_from_html(html: str, name: str) -> Article:
    # trafilatura (and lxml) are loaded only here: plain text and every other command do without.
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           favor_precision=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(re.findall(r"\w+", text)) < 8:
        raise QuotetrackError(f"{name}: no article text found in this HTML page")
    return Article(text=text, outlet=getattr(document, "sitename", None) or None,
                   date=getattr(document, "date", None) or None,
                   title=getattr(document, "title", None) or None)


# ---------------------------------------------------------------- quotes

_OPENERS = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d", "\u00ab": "\u00bb"}
_CLOSERS = {"\u201d", '"', "\u00bb"}
_QUOTE_CHARS = set(_OPENERS) | _CLOSERS


def _around(text: str, i: int) -> tuple[str, str]:
    """The characters either side of text[i], a space past either end."""
    return (text[i - 1] if i else " "), (text[i + 1] if i + 1 < len(text) else " ")


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _OPENERS:
        return False
    before, after = _around(text, i)
    if ch == '"':  # a straight quote opens only at a word start
        return (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace()
    return not after.isspace() or ch == "\u00ab"


def _can_close(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _CLOSERS:
        return False
    before, after = _around(text, i)
    if ch == '"':  # a straight quote closes only at a word end ('... it\' "' ends one inside it)
        closes_inner = before == " " and i > 1 and text[i - 2] in "'\u2019"
        return (not before.isspace() or closes_inner) and (
            after.isspace() or after in ".,;:!?)]}\u2014\u2013-'\u2019")
    return not before.isspace() or ch == "\u00bb"


_DOUBLED = re.compile(r"'{2,}|``")


_CLOSER_OPENING = re.compile(r"(?:^|(?<=\n))[ \t\u00a0]*\u201d(?=[ \u2026.]*\w)")


def _marks_as_curly(text: str) -> str:
    """The text with the doubled marks some outlets quote with (``...'' and ''...'') written as
    curly quotes, every offset kept: an opening pair becomes a space and \u201c, a closing pair
    \u201d and a space. A paragraph opening with a closing mark (\u201dWe ...) opens a quote."""
    if "\u201d" in text:
        text = _CLOSER_OPENING.sub(lambda m: m.group()[:-1] + "\u201c", text)
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for found in _DOUBLED.finditer(text):
        a, b = found.span()
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        if found.group() == "``":
            if not after.isspace():
                chars[a], chars[a + 1] = " ", "\u201c"
        elif not before.isspace() and (not after.isalnum() or before in ".,!?;:"):
            # the last two of three close a quote that ends with a quote inside it
            chars[b - 2], chars[b - 1] = "\u201d", " "
        elif (before.isspace() or before in "([\u2014\u2013-/:") and not after.isspace():
            chars[a], chars[a + 1] = " ", "\u201c"
    return "".join(chars)


_WIDEST_WRAP = 100  # a text whose lines are all this short may be wrapped by hand (a wire copy, an e-mail)
_WRAPPED_LINE = re.compile(r"[^\n]+\n(?=[ \t]*[^\s\-*\u2022])")


def _unwrapped(text: str) -> str:
    """The text with the line breaks of hand-wrapped paragraphs written as spaces, every offset
    kept, so that a quote or a sentence runs on over them: a text with blank lines between
    paragraphs and no line wider than _WIDEST_WRAP, where a line near the widest ends with a
    break inside its paragraph. A short line (a heading, a signature) keeps its break."""
    if "\n" not in text.strip() or not re.search(r"\n[ \t]*\n", text):
        return text
    widest = max(len(line) for line in text.split("\n"))
    if widest > _WIDEST_WRAP:
        return text
    chars = list(text)
    for line in _WRAPPED_LINE.finditer(text):
        if line.end() - 1 - line.start() >= max(20, 0.6 * widest):
            chars[line.end() - 1] = " "
    return "".join(chars)


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, marks excluded.

    Curly quotes pair with curly (or a straight close), straight quotes open only at a word start
    and close only at a word end, so apostrophes ("troops'") and odd counts do no harm. A quote
    still open at the end of a paragraph continues when the next paragraph opens a quote (the
    convention for quotes over several paragraphs), and is dropped otherwise.
    """
    text = _marks_as_curly(text)
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in _OPENERS and _can_open(text, i):
            start = i + 1
            j = start
            end = None
            while j < n:
                ch = text[j]
                if ch == "\n":  # a paragraph ends
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if k < n and text[k] in _OPENERS and _can_open(text, k):
                        j = k + 1  # the quote runs on into the next paragraph
                        continue
                    break
                if ch in _CLOSERS and _can_close(text, j):
                    end = j
                    break
                if ch in _OPENERS and ch != '"' and ch not in _CLOSERS and _can_open(text, j):
                    break  # a new curly quote opens before this one closed
                j += 1
            if end is not None and end > start:
                spans.append((start, end))
                i = end + 1
                continue
            i = start if end is None and j == start else max(start, j if end is None else end + 1)
            continue
        i += 1
    return spans


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt sen rep gov jan feb mar apr aug sept sep oct nov dec "
    "u.s u.n u.k e.g i.e no vs jr sr inc corp co ltd prof rev capt adm cmdr maj sens reps".split())
# A period that belongs to a dotted abbreviation or an initial ('U.N.', 'the U.K.', 'J. Lee',
# 'Gen.'), not the end of a sentence or of a phrase: for the patterns that stop at a period.
_ABBREVIATION_DOT = (r"(?:(?<=\b[" + _UP + r"])|(?<=\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|Lt))|"
                     r"(?<=\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Inc|Ltd|Rev))|(?<=\b(?:Corp|Prof|Capt)))\.")
_SENTENCE_END = re.compile(r"[.!?]+[\"\u201d\u2019')\]]*\s+|\n+")


def _sentences(masked: str, text: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans of a text whose quotations are masked (so their periods do not split);
    with the `text`, a quotation ending in a period and followed by a capital ends one too."""
    spans = _sentence_spans(masked)
    if text is None:
        return spans
    ends = [m.end() for m in _QUOTE_THEN_CAPITAL.finditer(masked) if text[m.start() - 1] in ".!?"
            and not _SPEECH.match(masked, m.end() + len(re.match(
                r"(?:[" + _UP + r"][\w'\u2019.-]*\s+){0,4}", masked[m.end():m.end() + 80]).group()))]
    if not ends:
        return spans
    out = []
    for a, b in spans:
        for end in ends[bisect.bisect_right(ends, a):bisect.bisect_left(ends, b)]:
            out.append((a, _rstripped(masked, end)))
            a = end
        out.append((a, b))
    return [(a, b) for a, b in out if masked[a:b].strip()]


def _rstripped(text: str, end: int) -> int:
    """Where text[:end] ends without its trailing white space (without copying it)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_QUOTE_THEN_CAPITAL = re.compile(r"(?<=q)[\"\u201d][ \t\u00a0]+(?=[" + _UP + r"])")


def _sentence_spans(masked: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for found in _SENTENCE_END.finditer(masked):
        end = found.end()
        if "\n" not in found.group():
            word = re.search(r"([\w.]+)[.!?]+[\"\u201d\u2019')\]]*\s+$", masked[start:end])
            following = masked[end:end + 1]
            if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS
                         or re.fullmatch(r"(?:[" + _UP + r"]\.)*[" + _UP + r"]", word.group(1))):
                continue
            if following and following.islower():
                continue
        spans.append((start, found.start() + len(found.group().rstrip())))
        start = end
    if start < len(masked):
        spans.append((start, len(masked)))
    return [(a, b) for a, b in _bounded(spans, masked) if masked[a:b].strip()]


# No news sentence is this long; a text with no sentence ends (a dump, a list) is cut into
# pieces of at most this many characters, at a space, so that the rules, which look back over
# their sentence, stay linear in the length of the text.
_LONGEST_SENTENCE = 3000


def _bounded(spans: list[tuple[int, int]], masked: str) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        while b - a > _LONGEST_SENTENCE:
            cut = masked.rfind(" ", a + _LONGEST_SENTENCE // 2, a + _LONGEST_SENTENCE)
            cut = cut if cut > a else a + _LONGEST_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


# ---------------------------------------------------------------- reporting verbs

_VERBS = """
says said saying tells told telling insist insists insisted insisting claimed urging
adding noting explaining arguing warning writing asking declaring claiming stating
denies denied warns warned accuses accused adds added noted
stated announce announces announced argue argues argued assert asserts asserted
explain explains explained stress stresses stressed emphasize emphasized emphasise emphasised
acknowledge acknowledged admit admits admitted confirm confirms confirmed reported write writes wrote tweeted declare declares declared suggest suggested urge urged
maintain maintains maintained predict predicted promise promised vow vowed pledge pledged
threaten threatened concede conceded complain complained counter countered respond responded
reply replied recall recalled reiterate reiterated dismiss dismissed allege alleged
contend contended estimate estimated concluded conclude believe believes believed think thinks
thought mentioned observed remarked disclosed revealed indicated signaled signalled hinted
say shows showed show found finds find knows know agreed agree notes learned estimates asked asks
suggests suggest indicates feel feels fears fear hope hopes hoped expects expected
criticized criticizes criticised praised praises defended defends blamed blames rejected
questioned described describes disputed disputes refuted refutes denying rejecting dismissing
""".split()
_VERB_SET = frozenset(_VERBS)
# Cues that deny what follows them: a statement they report keeps the cue in its text ('denied
# that its troops fired', 'rejected the claim that ...'), or the text would read as an assertion
_DENIALS = frozenset("deny denies denied denying reject rejects rejected rejecting dismiss "
                     "dismisses dismissed dismissing refute refutes refuted dispute disputes "
                     "disputed".split())
# Cues that urge what follows them: the text starts with the cue, as for denials, since what
# is urged ('supporters to keep protesting') reads as nothing on its own
_DIRECTIVES = frozenset("urge urges urged urging".split())
# Verbs that report speech only before 'that' ('a poll found that ...', not 'found the body').
_NEEDS_THAT = frozenset("""
shows showed show found finds find knows know agreed agree notes learned estimates estimated
suggests suggest suggested indicates indicated feel feels fears fear hope hopes hoped expects
expected believe believes believed think thinks thought concluded conclude predicted
""".split())
_DATA_SUBJECT = re.compile(r"\b(?:polls?|polling|survey|surveys|data|study|studies|video|footage|"
                           r"average|numbers|research|analysis|figures|results|records|report)"
                           r"(?:\s+\w+ly)?\s*$", re.I)
# 'I think he will win': these report a thought without 'that' before a clause
_THINKING = frozenset("think thinks thought believe believes believed feel feels fear fears "
                      "hope hopes hoped expect expects expected know knows".split())
_CUE = re.compile(
    r"\b(?:(?P<according>(?i:according to))|(?P<quoted>quoted)\s+"
    r"(?P<qname>(?:[^,.;:]|" + _ABBREVIATION_DOT + r"){1,60}?)\s+as\s+"
    r"(?P<qverb>saying|telling|stating|warning|claiming)|(?P<call>(?:renewed|repeated|reiterated)\s+"
    r"(?:a|his|her|its|their)\s+calls?\s+(?:on|for)|(?:called|calls)\s+(?:on|for))|(?P<verb>"
    + "|".join(sorted(_VERB_SET, key=len, reverse=True)) + r"))\b")

_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
             "they": "group", "i": "self", "we": "self", "it": "thing"}
_LEADING = re.compile(
    r"^(?:(?:but|and|so|yet|also|however|meanwhile|later|earlier|then|still|instead|now|while|as|"
    r"when|whereas|although|though|since|after|because|if|where|"
    r"separately|moreover|in addition|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))\b[\s,]*)+", re.I)
# 'DOVER, Del. -- Mayor Ann Lee said': the dateline is no part of the speaker
_DATELINE = re.compile(r"^(?:[" + _UP + r"][" + _UP + r"'\u2019. -]*(?:,\s*[" + _UP + r"][\w.]*(?:\s[" + _UP
                       + r"][\w.]*)?)?)?\s*(?:--|\u2014|\u2013)\s*")
_ADVERB = re.compile(r"(?:\s+(?:also|reportedly|later|earlier|then|again|previously|"
                     r"had|has|have|has also|would|will|did|does|do|repeatedly|once|"
                     r"publicly|privately|separately|firmly|flatly|himself|herself|themselves|"
                     r"itself|\w+ly))+$", re.I)
_DAYS = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
         r"tonight|last (?:week|month|year|night)|this (?:week|month|year|morning))")
_TIME_AFTER = re.compile(r"^(?:\s*,)?\s*(?:(?:on|late|early|earlier|later)\s+)?(?:on\s+)?"
                         + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?\b[\s,]*", re.I)
_MEDIA_TYPE = re.compile(r"\s+(?:newspaper|daily|television|tv|channel|news agency|agency|"
                         r"radio|broadcaster|website|magazine)$", re.I)
_ORG_WORDS = frozenset("""
office ministry department forces force government rights nations union council agency news
times post observatory kremlin army party committee court commission organization organisation
bank fund institute university group company corp corporation television gazeta media press
administration house senate congress parliament assembly service services police command
coalition alliance front movement brigade brigades council monitor network presidency affairs
coordination humanitarian programme program organisation state states republic ministry
observatory federation international reuters associated press authority board bureau embassy
""".split())
# Words of places and titles of publications that look like a person's two names.
_PLACES = frozenset("""
korea virginia carolina dakota jersey york hampshire mexico island islands street journal energy
states kingdom arabia africa america europe asia east west north south florida texas california
ohio pennsylvania michigan wisconsin iowa nevada arizona colorado georgia alabama tennessee
kentucky indiana illinois missouri minnesota oklahoma kansas oregon washington massachusetts
maryland connecticut louisiana mississippi utah nebraska idaho montana wyoming maine vermont
delaware alaska hawaii city county valley bay beach coast gulf sea ocean river lake mountain
strait atoll syria turkey russia iran iraq israel ukraine china japan india pakistan afghanistan
egypt libya lebanon jordan yemen germany france britain england scotland ireland wales italy
spain canada brazil venezuela cuba idlib aleppo damascus ankara moscow
""".split())
_NOT_NAMES = frozenset("""
the a an this that these those it its in on at of for and or but if when while after before
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
""".split())


@dataclass
class _Person:
    name: str
    role: str | None
    position: int


class _Salience:
    """The people (and bodies) an article has named so far, for 'he', 'Cavusoglu', 'the minister'."""

    def __init__(self, text: str):
        self.mentions: list[_Person] = []
        self.full_names: dict[str, str] = {}  # surname (folded) -> longest name with it
        self.roles: dict[str, str] = {}
        self.counts: dict[str, int] = {}  # mentions of each surname
        self.first_at: dict[str, int] = {}  # surname -> where it is first mentioned
        self.forms: dict[str, dict[str, int]] = {}  # surname -> {full form: times}
        self.female: dict[str, bool] = {}  # surname -> whether she is a woman, when the text says
        self.topics: list[tuple[int, str]] = []  # (position, name) of subjects and speakers
        self.groups: dict[str, bool] = {}  # one-word subjects, whether each is a plural noun
        self.text = text
        sexes: dict[str, set[bool]] = {}
        headings = [m.span() for m in re.finditer(r"[^\n]+", text)
                    if _is_heading(m.group(), first=not text[:m.start()].strip() if m.start() < 4096
                                   else False)]
        heading_starts = [a for a, _ in headings]
        for found in _NAME_RUN.finditer(text):
            k = bisect.bisect_right(heading_starts, found.start()) - 1
            if k >= 0 and found.start() < headings[k][1]:
                continue  # 'Mayor Wins Second Term In Landslide': a headline, not names
            phrase = _SUBORDINATE.sub("", found.group().strip())
            if phrase.isupper() or sum(w.isalpha() and w.isupper() and len(w) > 1 for w in phrase.split()) >= 2 \
                    or phrase.split()[0].isupper() and re.search(r"\b[" + _UP + r"]{2,}[ \t]+(?:[" + _UP + r"][ \t]+)?$",
                                                                   text[max(0, found.start() - 30):found.start()]):
                continue  # a dateline ('MIDWAY ATOLL') or a shouted heading ('SAVE A LOT Start ...')
            role, name = split_role(phrase)
            words = name.split()
            if any(w.lower() in _ORG_WORDS for w in words):
                continue
            if not (2 <= len(words) <= 4) and not (role and len(words) == 1 and len(name) > 2):
                continue  # a full name, or a surname with a title ('President Obama')
            bare = [re.sub(r"['\u2019]s$", "", w).lower() for w in words]
            if any(w in _NOT_NAMES or w in _PLACES for w in bare) or words[-1].endswith("-based"):
                continue
            tail = text[found.end():found.end() + 25].lower()
            if _MEDIA_TYPE.search(" " + tail.split(",")[0].split(".")[0].strip().split(" ")[0]):
                continue
            if re.search(r"\b(the|of|for)\s+$", text[max(0, found.start() - 5):found.start()].lower()):
                continue  # "the Rossiyskaya Gazeta": a title, not a person
            start = found.start() + phrase.find(name) if role else found.start()
            if not role:
                titled = _ROLE_BEFORE.search(text[max(0, start - 40):start])
                role = titled.group(1) if titled else None
            self.note(name, role, start)
            appositive = re.match(r",\s+(?:the|a|an|its|his|her)?\s*(?:[\w-]+\s+){0,3}?(?=\w+\b)",
                                  text[found.end():found.end() + 60])
            sex = _SEX_OF_ROLE.search(role or "") or (appositive and _SEX_OF_ROLE.match(
                text, found.end() + appositive.end()))
            if sex:
                sexes.setdefault(_surname(name), set()).add(sex.group(1) is not None)
        # a headline's words are all capitalised, but a known first name and the word after it
        # are a person's name ('Ann Lee Wins Second Term')
        for a, b in headings:
            for named in re.finditer(r"\b([" + _UP + r"][a-z]+)\s+([" + _UP + r"][a-z][\w'\u2019-]*)", text[a:b]):
                if named.group(1).casefold() in _FIRST_NAMES:
                    self.note(named.group(), None, a + named.start())
        # every later 'Clinton', 'Mr. Obama' is a mention of the person with that surname
        for found in _SURNAME_MENTION.finditer(text):
            key = _surname(found.group(2))
            if key in self.full_names or found.group(1):
                self.note(found.group(2), None, found.start(2), full=False)
                if found.group(1) in ("Mr", "Mrs", "Ms"):
                    sexes.setdefault(key, set()).add(found.group(1) != "Mr")
        for key, forms in self.forms.items():
            for form in forms:
                first = form.split()[0].casefold()
                if len(form.split()) > 1 and first in _FIRST_NAMES:
                    sexes.setdefault(key, set()).add(_FIRST_NAMES[first])
        # a surname two people of either sex share (a husband and wife) tells nothing
        self.female = {key: next(iter(found)) for key, found in sexes.items() if len(found) == 1}
        # bodies an 'it' may stand for: 'the Interior Ministry', 'the ministry', 'NATO'
        self.bodies: list[tuple[int, str]] = sorted(
            (m.start(), _org_name(m.group())) for m in _BODY.finditer(text)
            if any(w.lower() in _ORG_WORDS for w in m.group().split()[-3:]) or m.group().isupper())

    def note_body(self, name: str, position: int) -> None:
        """A body (not a person) that spoke at `position`, for an 'it said' after it."""
        bisect.insort(self.bodies, (position, name))

    def last_body(self, before: int, *, since: int = 0) -> str | None:
        """The body an 'it' at `before` stands for: the last one named or speaking before it
        (and after `since`)."""
        i = bisect.bisect_left(self.bodies, (before, ""))
        return self.bodies[i - 1][1] if i and self.bodies[i - 1][0] >= since else None

    def note(self, name: str, role: str | None, position: int, *, full: bool = True) -> None:
        """A mention of a person at `position`."""
        name = re.sub(r"['\u2019]s$", "", name.strip())
        key = _surname(name)
        if not key:
            return
        self.counts[key] = self.counts.get(key, 0) + 1
        self.first_at[key] = min(self.first_at.get(key, position), position)
        if full or key not in self.full_names:
            forms = self.forms.setdefault(key, {})
            forms[name] = forms.get(name, 0) + 1
            # the form the article uses most; of equals, the fullest
            self.full_names[key] = max(forms, key=lambda f: (forms[f], len(f.split()), len(f)))
        if role and key not in self.roles and not role.lower().endswith("counterpart"):
            # 'Turkish counterpart' tells who he is (for 'Turkey's president'), not his title
            self.roles[key] = role
        bisect.insort(self.mentions, _Person(name, role, position), key=_position)

    def full_name(self, name: str) -> str:
        return self.full_names.get(_surname(name), name)

    def role_of(self, name: str) -> str | None:
        return self.roles.get(_surname(name))

    def _latest_first(self, before: int):
        """The mentions before a position, the nearest first (articles can be long)."""
        i = bisect.bisect_left(self.mentions, before, key=_position)
        for k in range(i - 1, -1, -1):
            yield self.mentions[k]

    def note_topic(self, name: str, position: int, *, spoke: bool = False, nominal: bool = False) -> None:
        """A person the text is about at `position`: a sentence's subject ('the older man' when
        `nominal`), or (`spoke`) a speaker."""
        if nominal or self.is_person(name) or spoke and _name_like(name):
            bisect.insort(self.topics, (position, name))

    def is_person(self, name: str) -> bool:
        key = _surname(name)
        return name.split()[-1][:1].isupper() and (key in self.female or key in self.roles
                                                   or len(self.full_names.get(key, "").split()) >= 2)

    def last_topic(self, before: int, *, female: bool | None = None) -> str | None:
        """The person a 'he' or 'she' at `before` most likely is: the latest subject or speaker."""
        i = bisect.bisect_left(self.topics, (before, ""))
        for k in range(i - 1, -1, -1):
            name = self.topics[k][1]
            if self._group(name):
                continue  # 'Delegates questioned ...': a group, which no 'he' stands for
            if name[:1].islower() or name.split()[0] in ("The", "A", "An", "One", "Another"):
                sex = _SEX_OF_ROLE.search(name)
                known = sex.group(1) is not None if sex else None
            else:
                known = self._sex_of(name)
            if female is not None and known is not None and known != female:
                continue
            return name
        return None

    def _group(self, name: str) -> bool:
        """Whether a one-word subject is a plural noun ('Delegates', 'Farmers'), not a surname
        ('Reyes'): a plural of a word for a person, or a word the text also writes in lower case."""
        if " " in name or not name.endswith("s") or self.is_person(name):
            return False
        if name not in self.groups:  # the text is searched once a word, however long it is
            low = name.lower()
            self.groups[name] = bool(re.fullmatch(r"(?:" + _PERSON_NOUNS + r")e?s", low) or re.search(
                r"\b(?:" + re.escape(low) + r"|" + re.escape(low[:-1]) + r")\b", self.text))
        return self.groups[name]

    def introduced(self, before: int, *, female: bool) -> str | None:
        """A person named for the first time, a description after the name, in the sentence just
        before `before` whose subject is no person: whom a 'he' or 'she' there stands for ('The
        delay worries Tom Reed, a pastor in the town. "...," he said.')."""
        latest = self._latest_first(before)
        mention = next(latest, None)
        if mention is not None and " " not in mention.name:  # the surname of 'Tom Reed' is a mention too
            full = next(latest, None)
            mention = full if full and full.position + len(full.name) == mention.position + len(
                mention.name) else None
        if mention is None or len(mention.name.split()) < 2:
            return None
        at, key = mention.position, _surname(mention.name)
        if len(_SENTENCE_END.findall(self.text, at, before)) > 1 or not _INTRODUCED.match(
                self.text, at + len(mention.name)):
            return None
        if self.first_at.get(key, at) < at:
            return None  # named before: no one the story turns to now
        window = self.text[max(0, at - 400):at]
        ends = list(_SENTENCE_END.finditer(window))
        sentence_start = at - len(window) + (ends[-1].end() if ends else 0)
        i = bisect.bisect_left(self.topics, (before, ""))
        if i and self.topics[i - 1][0] >= sentence_start:
            return None  # 'Joe Park met Tom Reed, a pastor': the subject speaks on
        known = self._sex_of(mention.name)
        return mention.name if known is None or known == female else None

    def named_since(self, topic: str, before: int, *, female: bool) -> str | None:
        """A person of that sex named after `topic` (whose sex the text does not tell) became
        the latest subject or speaker, and before `before`: the nearest one, for a 'she' there."""
        if topic[:1].islower() or topic.split()[0] in ("The", "A", "An", "One", "Another") \
                or self._sex_of(topic) is not None:
            return None
        key = _surname(topic)
        i = bisect.bisect_left(self.topics, (before, ""))
        since = next((p for p, name in reversed(self.topics[:i]) if name == topic), before)
        for mention in self._latest_first(before):
            if mention.position <= since or _surname(mention.name) == key:
                return None
            if self.text[mention.position + len(mention.name):][:2] in ("'s", "\u2019s"):
                continue  # 'Ivanka Trump's statement': no one the story turns to
            if self._sex_of(mention.name) == female and len(self.full_name(mention.name).split()) >= 2:
                return mention.name
        return None

    def _sex_of(self, name: str) -> bool | None:
        """Whether a named person is a woman, when the text tells ('Ana Berg' may be a woman
        where the article's other Berg is a man)."""
        words = name.split()
        known = _FIRST_NAMES.get(words[0].casefold()) if len(words) > 1 else None
        if known is None and (len(words) == 1 or words[0] in self.full_name(name).split()):
            known = self.female.get(_surname(name))
        return known

    def last_person(self, before: int, *, female: bool | None = None) -> _Person | None:
        for mention in self._latest_first(before):
            key = _surname(mention.name)
            if not (mention.role or self.counts.get(key, 0) > 1):
                continue
            known = self.female.get(key)
            if female is not None and known is not None and known != female:
                continue  # 'she' is not Mr. Obama
            return mention
        return None

    def by_title(self, head: str, qualifier: str | None, before: int) -> _Person | None:
        """The latest person before `before` whose title has `head` (and `qualifier`'s country)."""
        for mention in self._latest_first(before):
            role = (mention.role or self.role_of(mention.name) or "").lower()
            titled = any(form in role.split() or form in role and len(form) > 4
                         for form in _TITLE_FORMS.get(head, (head,)))
            if qualifier and qualifier[:4] not in role:
                continue
            if not qualifier and not titled:
                continue
            if qualifier and not titled and "counterpart" not in role:
                continue
            return mention
        return None


# ', a pastor in the town', ', 54, a retired teacher', ', president of the caucus', ', who runs'
_INTRODUCED = re.compile(r",[ \t]+(?:\d+,[ \t]+)?(?:(?:the|a|an|his|her|who|whose)\b|(?!(?:to|and|or|but|as|"
                         r"which|when|while|if|said|says|told|in|on|at|for|with|after|before)\b)"
                         r"[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?[ \t]+(?:of|at|for|in|to)\b)")
# 'the Interior Ministry', 'the ministry', 'NATO': a body an 'it said' may stand for (not
# 'police', which is 'they')
_BODY = re.compile(r"\b(?:(?:[Tt]he\s+)?(?:[" + _UP + r"][\w.'\u2019&-]*\s+(?:(?:of|for|and|on)\s+)?){0,5}(?:"
                   r"Ministry|Department|Office|Army|Government|Council|Agency|Commission|Committee|"
                   r"Kremlin|Court|Party|Bank|Fund|Union|Company|Corporation|Presidency|Service|"
                   r"Administration|Campaign|Coalition|Alliance|Organi[sz]ation|Institute|Network|"
                   r"Authority|Board|Bureau|Embassy)"
                   r"(?:\s+(?:of|for|on)(?:\s+(?:the\s+)?[" + _UP + r"][\w.'\u2019-]*)+)?"
                   r"|[Tt]he\s+(?:ministry|army|government|council|agency|commission|committee|court|"
                   r"party|bank|company|campaign|presidency|administration|coalition|organi[sz]ation|"
                   r"network|military|monitor|group|authority|board|bureau|embassy|firm)\b|[" + _UP + r"]{3,5}\b(?!\s+[" + _UP + r"]))")
# 'the senator' is a person titled 'Sen.'
_TITLE_FORMS = {"senator": ("senator", "sen."), "governor": ("governor", "gov."),
                "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
                "mayor": ("mayor",), "judge": ("judge",)}
_SEX_OF_ROLE = re.compile(r"\b(?:(chairwoman|spokeswoman|congresswoman|businesswoman|actress|"
                          r"wife|mother|daughter|sister|widow|queen|first lady|woman|girl|lady)|"
                          r"chairman|spokesman|congressman|businessman|husband|father|son|brother|"
                          r"king|man|boy)\b", re.I)


def _is_heading(line: str, *, first: bool) -> bool:
    """A title line in title case ('Erdogan Says Turkey Won't Allow Syrian Advance'): the first
    line, or one that does not end as a sentence does."""
    if not first and re.search(r"[.!?:\"\u201d]\s*$", line):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line)
             if len(w) > 2 and w not in _TITLE_LOWER]
    return len(words) >= 4 and all(w[:1].isupper() for w in words)


# the short words a title in title case leaves in lower case
_TITLE_LOWER = frozenset("and the for but nor yet via out off per its von van der bin del las los".split())


_PARTICLES = frozenset("de da del della di du la le van von der den al el bin ibn bint abu ben".split())


def _name_like(name: str) -> bool:
    """Whether a speaker's name can be a person's (not 'Reuters News', 'the ministry')."""
    words = name.split()
    if words and words[0].lower() in _NOT_NAMES or len(words) == 1 and name.endswith("."):
        return False  # 'The', 'Md.'
    if sum(len(w) > 2 and w.isupper() for w in words) >= 2:
        return False  # 'CITY BUDGET Cuts': a heading in capitals
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w in _PARTICLES for w in words) and not any(
        w.lower() in _ORG_WORDS or w.lower() in _PLACES for w in words)


def _position(mention: _Person) -> int:
    return mention.position


_NAME_WORD = r"(?:(?:[" + _UP + r"]\.)+|[" + _UP + r"][\w'\u2019-]*\w|(?:al|el|bin|ibn|de|van|von)\b-?)"
_NAME_RUN = re.compile(r"\b" + _NAME_WORD + r"(?:[ \t]+(?:of[ \t]+)?" + _NAME_WORD + r"){1,6}\b")
_ROLE_BEFORE = re.compile(r"\b((?:[" + _UP + r"][\w'\u2019-]*\s+)?(?:[a-z-]+\s+)?(?:counterpart|president|"
                          r"minister|spokes\w+|leader|envoy|ambassador|official|chief|"
                          r"secretary|commander|general|premier))\s+$")


# First names whose bearers in the news are nearly all of one sex, for 'he'/'she'.
_FIRST_NAMES = {
    **dict.fromkeys("hillary melania michelle nancy elizabeth claire kellyanne ivanka sarah "
                    "angela theresa marine maria mary anna susan karen linda barbara patricia "
                    "jennifer jessica emily laura lisa julie katie kate megyn loretta samantha "
                    "nikki huma donna debbie kamala tulsi jill ruth sonia elena condoleezza "
                    "madeleine christine ursula federica dilma cristina benazir golda indira "
                    "aung jacinda nicola ellen carly ann anne amy amanda ashley betsy betty "
                    "carol caroline catherine cathy cheryl chelsea cindy claudia deborah "
                    "diane dianne dorothy ellen emma eva gina grace hannah heather helen irene "
                    "jane janet joan joanna joyce judith judy julia kathleen kathy "
                    "kirsten kristen lauren lena lois lori lucy margaret marie marsha "
                    "martha melissa meredith michele monica natalie nina olga paula pamela "
                    "rachel rebecca rosa sandra sara sharon shirley stephanie sue tammy tanya "
                    "teresa tina valerie victoria virginia wendy yvonne zoe ayse aylin elif "
                    "fatma zeynep emine natalia natalya svetlana tatiana irina yulia elena "
                    "fatima aisha leila layla maryam nadia yasmin huda amina mariam".split(), True),
    **dict.fromkeys("donald barack joe bill george john james robert michael william david "
                    "richard thomas mike mitt ted marco jeb ben chris paul rand bernie tim "
                    "mitch harry vladimir sergei sergey recep tayyip mevlut bashar "
                    "emmanuel boris benjamin xi kim hassan ali mohammed muhammad ahmed jens "
                    "antonio justin jeremy nigel tony gordon david rex steve stephen mark "
                    "matt peter andrew eric jared rudy rudolph newt reince sean jason kevin "
                    "paul lindsey john jim tom bob dick al colin henry adam alan albert alex "
                    "alexander andy anthony arthur brian bruce carl charles charlie craig dan "
                    "daniel dennis doug douglas ed edward frank fred gary greg gregory jack "
                    "jacob jeff jeffrey jerry jesse jon jonathan jose juan carlos luis jorge "
                    "karl keith ken kenneth larry lawrence louis luke marc martin matthew "
                    "max nathan neil nick nicholas patrick phil philip ralph randy ray raymond "
                    "rick rob roger ronald ron roy russell ryan samuel scott sergio stan "
                    "todd victor walter wayne will willie ahmet mehmet mustafa murat "
                    "emre kemal omar omer hamid khalid mahmoud yusuf ibrahim abdullah ivan "
                    "dmitry dmitri alexei aleksei nikolai mikhail pavel andrei yuri oleg igor "
                    "viktor pierre jean-claude francois giuseppe hans klaus".split(), False),
}
_SUBORDINATE = re.compile(r"^(?:(?:Although|Though|While|When|After|Before|But|And|As|If|Because|"
                          r"Since|Then|So|Yet|Meanwhile|However|Asked|Like|Unlike|With|"
                          r"Without|For|In|On|At|By|From|Under|Over|During|Despite|Amid|"
                          r"Following|Until|Throughout|Earlier|Later)\s+)+")
_SURNAME_MENTION = re.compile(r"\b(?:(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof)\.?\s+)?"
                              r"([" + _UP + r"][a-z][\w'\u2019-]*)")


def _surname(name: str) -> str:
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words:
        return ""
    last = re.sub(r"['\u2019]s$", "", words[-1])
    return last.strip(".,").casefold()


# ---------------------------------------------------------------- the extractor

@dataclass
class _Cue:
    start: int  # of the cue words in the article
    end: int
    words: str
    content: tuple[int, int] | None
    via: str | None = None
    speaker_text: str | None = None
    confidence: float = 0.8
    gap: tuple[int, int] | None = None  # the reporting clause inside its content, left out


@dataclass
class _Found:
    """A statement found, its speaker not yet resolved."""

    start: int
    end: int
    kind: str  # direct | indirect
    cue: _Cue
    same_as: _Found | None = None  # a quote that goes on with the speaker of another


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PLACE_CAPS = r"[" + _UP + r"][" + _UP + r"'\u2019.-]+(?:[ /][" + _UP + r"][" + _UP + r"'\u2019.-]+)*"
_PLACE_WORDS = r"[" + _UP + r"][\w'\u2019.-]+(?:[ /][" + _UP + r"][\w'\u2019.-]+){0,2}"
_REGION = r",[ \t]*[" + _UP + r"][\w.]*(?:[ \t][" + _UP + r"][\w.]*)?"
_DATE = r",?[ \t]*" + _MONTH + r"[ \t]+\d{1,2}(?:,[ \t]*\d{4})?"
_AGENCY = r"[ \t]*\((?![DRI]\))\w[\w .&'/]{0,40}\)"  # (Reuters), (AP), not (D-Ore.)
# 'GAZA, Oct 18 (Reuters) - ', 'KYIV, Ukraine (AP) \u2014 ', 'DOVER, Del. -- ', '(Reuters) - ': a
# dateline opening an article or a paragraph; a place in capitals needs no date or agency after it
_DATELINE_LEAD = re.compile(
    r"(?m)^[ \t]*(?:" + _PLACE_CAPS + r"(?:" + _REGION + r"){0,2}(?:" + _DATE + r")?(?:" + _AGENCY + r")?"
    r"|" + _PLACE_WORDS + r"(?:" + _REGION + r"){0,2}(?:" + _DATE + r"(?:" + _AGENCY + r")?|"
    + _AGENCY + r")|" + _AGENCY + r")[ \t]*(?:--|[\u2014\u2013]|-(?=[ \t]))[ \t]*(?=\S)")


_INITIALS_ONLY = re.compile(r"[^\w]*(?:[" + _UP + r"]{1,2}\.?){1,3}[^\w]*")  # 'US - Iran talks': no place


def _blank_datelines(masked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with each dateline's characters made spaces (offsets kept), and their spans."""
    spans = [m.span() for m in _DATELINE_LEAD.finditer(masked)
             if not _INITIALS_ONLY.fullmatch(masked, m.start(), m.end())]
    if not spans:
        return masked, []
    chars = list(masked)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars), spans


def _after_datelines(sentences: list[tuple[int, int]],
                     datelines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences that start in a dateline start after it."""
    starts = [a for a, _ in datelines]
    out = []
    for a, b in sentences:
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and a < datelines[k][1]:
            a = datelines[k][1]
        if a < b:
            out.append((a, b))
    return out


def extract(text: str) -> list[Proposal]:
    """Every attributed statement found in an article's text, in the order they appear."""
    if not text or not text.strip():
        return []
    original, text = text, _unwrapped(_marks_as_curly(text))
    quotes = find_quotes(text)  # in order, never overlapping
    masked, datelines = _blank_datelines(_mask(text, quotes))
    sentences = _sentences(masked, text)
    if datelines:
        sentences = _after_datelines(sentences, datelines)
    salience = _Salience(masked)
    for s_start, s_end in sentences:
        subject = _sentence_subject(masked, s_start, s_end, nominal=True)
        if subject and subject.lower() not in _PRONOUNS:
            salience.note_topic(subject, s_start, nominal=subject[:1].islower() or subject.split()[0] in (
                "The", "A", "An", "One", "Another"))
    found = _direct_quotes(text, masked, quotes, sentences)
    claimed = {(f.start, f.end) for f in found}
    used_cues = {f.cue.start for f in found}
    found += _reported_speech(text, masked, quotes, sentences, claimed, used_cues)
    proposals = _resolved(found, text, original, salience)
    proposals.sort(key=lambda p: (p.start, p.end))
    return _dedupe(proposals)


def _denies(cue_words: str) -> bool:
    """Whether a cue denies or is negated ('denied', 'rejected', 'did not say')."""
    return cue_words.split(" ", 1)[0].lower() in _DENIALS or bool(_NEGATION.search(cue_words))


def _resolved(found: list[_Found], text: str, original: str, salience: _Salience) -> list[Proposal]:
    """Proposals of the statements found, speakers resolved in the order of their cues (so that
    'he' looks back only at what came before it); their words as the `original` article writes
    them (its own quote marks kept)."""
    speakers: dict[int, tuple[str | None, str | None]] = {}
    for item in sorted((f for f in found if f.same_as is None), key=lambda f: f.cue.start):
        speakers[id(item)] = _resolve(item.cue.speaker_text or "", text, item.cue, salience)
        if speakers[id(item)][0]:
            salience.note_topic(speakers[id(item)][0], item.cue.start, spoke=True)
            if not (_name_like(speakers[id(item)][0]) or salience.is_person(speakers[id(item)][0])):
                salience.note_body(speakers[id(item)][0], item.cue.start)
    proposals = []
    for item in found:
        speaker, role = speakers[id(item.same_as or item)]
        if not speaker:
            continue
        if role:  # 'the head of the election commission' is the role 'head of the election commission'
            role = re.sub(r"^(?:the|a|an)\s+(?=\S)", "", role, flags=re.I)
        start, end = _trim(text, item.start, item.end)
        if item.kind == "indirect":
            end = _balance_quotes(text, start, end)
            if _denies(item.cue.words):
                # 'denied that its troops fired', 'did not say when': the text starts with the cue,
                # and a claim before its denial ('..., a claim the army denied') is not proposed,
                # as no words of the article there would read as denied
                if item.cue.end > start or re.search(r"[.!?;\n]", text[item.cue.end:start]):
                    continue
                start = item.cue.start
            elif item.cue.words.split(" ", 1)[0].lower() in _DIRECTIVES and item.cue.end <= start \
                    and not re.search(r"[.!?;\n]", text[item.cue.end:start]):
                start = item.cue.start  # 'urged supporters to keep protesting', not 'to keep protesting'
        if end - start < 2 or not re.search(r"\w", text[start:end]):
            continue
        cue = item.cue
        words = _clean(original[start:end])
        if cue.gap and start < cue.gap[0] < cue.gap[1] < end:
            words = _clean(original[start:cue.gap[0]]) + " " + _clean(original[cue.gap[1]:end])
        proposals.append(Proposal(text=words, kind=item.kind, speaker=speaker,
                                  role=role, via=(item.same_as or item).cue.via,
                                  cue=cue.words, confidence=round(cue.confidence, 2),
                                  start=start, end=end))
    return proposals


# ---------------------------------------------------------------- direct quotes, by position

_SPEECH_WORDS = """
said says say told tells added adds asked asks wrote writes noted notes continued continues
explained explains recalled recalls argued argues insisted insists replied replies responded
responds answered answers tweeted tweets posted declared declares announced announces warned
warns joked jokes quipped quips admitted admits acknowledged acknowledges conceded concedes
complained complains observed observes remarked remarks stated shouted shouts yelled yells
screamed screams chanted chant chants sang sings whispered whispers boasted boasts bragged
brags predicted predicts promised promises vowed vows claimed claims charged charges countered
counters cautioned cautions emphasized emphasizes emphasised stressed stresses suggested
suggests offered offers mused muses laughed laughs lamented laments pleaded pleads urged urges
agreed agrees confirmed confirms demanded demands scoffed scoffs snapped snaps thundered
wondered wonders texted emailed e-mailed concluded concludes reported testified testifies
opined opines exclaimed cried cries recounted recounts reflected reflects maintained maintains
contended contends asserted asserts retorted retorts interjected interrupted marveled marvelled
griped gripes fumed fumes railed rails gushed gushes quoted explained added reads read began
begins insisted summarized summarised sighed sighs muttered mutters shrugged
saying adding telling writing asking noting explaining insisting declaring arguing warning
continuing concluding tweeting responding replying yelling shouting chanting echoed echoes riffed blogged blogs
asserted
""".split()
_SPEECH_PHRASES = ("went on", "goes on", "pointed out", "points out", "summed up", "sums up",
                   "chimed in", "chimes in", "shot back", "shoots back", "fired back",
                   "fires back", "put it", "puts it", "weighed in", "spoke up")
_SPEECH = re.compile(r"\b(?:" + "|".join(
    sorted({re.escape(w) for w in _SPEECH_WORDS} | {p.replace(" ", r"\s+") for p in _SPEECH_PHRASES},
           key=len, reverse=True)) + r")\b", re.I)
_QUOTED_AS = re.compile(r"(?P<via>[^,;:]{0,60}?)\s*\bquoted\s+"
                        r"(?P<who>(?:[^,.;:]|" + _ABBREVIATION_DOT + r"){1,60}?)\s+as\s+"
                        r"(?:saying|telling|stating|warning|claiming|writing)\b")
_DETERMINER = re.compile(r"(?:the|a|an|one|another|two|three|four|some|many|several|most|his|"
                         r"her|their|its|our|my|this|that|these|those|other)\s", re.I)
_WHO_CUT = re.compile(r"\s+(?:in|on|at|during|after|before|while|when|as|to|about|from|last|this|"
                      r"yesterday|today|tonight|earlier|later|recently|adding|according|"
                      r"referring|speaking|who|which|whose|because|and|but|for|of(?!\s+(?:"
                      r"[" + _UP + r"]|the\s+[" + _UP + r"])))\b|(?<!familiar)\s+with\b")
_PARENTHESES = re.compile(r"\([^()]*\)")


def _direct_quotes(text: str, masked: str, quotes: list[tuple[int, int]],
                   sentences: list[tuple[int, int]]) -> list[_Found]:
    """The quotes whose speaker their place tells: a reporting clause right after or before the
    quote, a colon ending the paragraph before, a dash and a name after it; and the quotes that
    go on from an attributed one (the rest of its run of quotes, or the paragraph after)."""
    sentence_starts = [a for a, _ in sentences]

    def sentence_at(at: int) -> tuple[int, int]:
        k = bisect.bisect_right(sentence_starts, at) - 1
        return sentences[k] if k >= 0 else (0, len(text))

    attributed: list[_Found | None] = []
    paraphrases: list[_Found] = []
    for i, (qs, qe) in enumerate(quotes):
        open_at = qs - 1
        para_start = text.rfind("\n", 0, open_at) + 1
        s_start, _ = sentence_at(open_at)
        previous_end = quotes[i - 1][1] + 1 if i else 0
        seg_start = max(s_start, previous_end, para_start)
        next_open = quotes[i + 1][0] - 1 if i + 1 < len(quotes) else len(text)
        _, close_sentence_end = sentence_at(qe)
        limit = min(close_sentence_end, next_open, _paragraph_end(text, qe))
        before = _cue_before_quote(text, masked, seg_start, open_at, s_start)
        if before is not None and _WORK.search(masked[before.end:open_at]) and _names_a_work(text, masked, qs, qe):
            before = None  # 'she wrote in her book, "Open Water," that ...': a title, not her words
        cue = None
        if before is None or not masked[seg_start:open_at].rstrip().endswith(":"):
            cue = _cue_after_quote(text, masked, seg_start, qs, qe, limit)
        cue = cue or before
        if cue is not None and cue.content is not None:
            # a paraphrase that ends with the quote: one indirect statement, up to the quote's end
            attributed.append(None)
            paraphrases.append(_Found(cue.content[0], qe + 1, "indirect", cue))
            continue
        if cue is None and not masked[para_start:open_at].strip():
            cue = _announced(text, masked, para_start, quotes, i, sentence_at)
        if cue is None:
            cue = _dash_after(text, qe, next_open)
        attributed.append(_Found(qs, qe, "direct", cue) if cue else None)

    # a run of quotes with nothing but spaces and punctuation between them shares one speaker
    for i in range(len(quotes)):
        if attributed[i] is not None or _is_title(text[quotes[i][0]:quotes[i][1]]):
            continue  # (a title in quotes, ''Morning Report'', is nobody's words)
        for j in (i + 1, i - 1, i + 2, i - 2):
            if 0 <= j < len(quotes) and attributed[j] is not None and _one_run(text, masked, quotes, i, j):
                root = attributed[j].same_as or attributed[j]
                attributed[i] = _Found(*quotes[i], "direct", _Cue(root.cue.start, root.cue.end, root.cue.words, None,
                                                                    via=root.cue.via, confidence=0.75),
                                       same_as=root)
                break

    # a quote standing alone in the paragraph after an attributed quote goes on with its speaker
    last: _Found | None = None
    for i, (qs, qe) in enumerate(quotes):
        if attributed[i] is not None:
            last = attributed[i]
            continue
        if last is None:
            continue
        s_start, s_end = sentence_at(qs - 1)
        para_start = text.rfind("\n", 0, qs - 1) + 1
        if qs - 1 <= _next_paragraph_end(text, _paragraph_end(text, last.end)) \
                and _only_quotes(masked, s_start, s_end) and (
                    _only_quotes(masked, para_start, qs - 1) or i and attributed[i - 1] is last
                    and quotes[i - 1][1] > para_start
                    and len(_SENTENCE_END.findall(masked, quotes[i - 1][1] + 1, qs - 1)) <= 1):
            root = last.same_as or last
            attributed[i] = last = _Found(qs, qe, "direct", _Cue(root.cue.start, root.cue.end,
                                                                  "(continues)", None, via=root.cue.via,
                                                                  confidence=0.6), same_as=root)

    # '"We will stay," she added, "until the end."': one quote its reporting clause interrupts,
    # its words joined without the clause
    for i in range(len(quotes) - 1):
        first = attributed[i]
        if first is None or first.same_as is not None or first.cue.gap:
            continue
        (qs, qe), (ns, ne) = quotes[i], quotes[i + 1]
        between = masked[qe + 1:ns - 1]
        if text[qe - 1] in ".!?" or not re.match(r"\s*[a-z]", text[ns:ne]) \
                or not qe < first.cue.start < ns - 1 or re.search(r"[.!?;:\n]", between) \
                or not re.search(r",\s*$", between) or len(between.split()) > 15:
            continue
        second = attributed[i + 1]
        if second is not None and (second.same_as or second) is not first and second.cue.start != first.cue.start:
            continue
        merged = attributed[i] = _Found(qs, ne, "direct", replace(first.cue, gap=(qe, ns)))
        attributed[i + 1] = None
        for other in attributed:
            if other is not None and other.same_as is not None and other.same_as in (first, second):
                other.same_as = merged
    return [f for f in attributed if f is not None] + paraphrases


def _is_title(words: str) -> bool:
    """A few words in title case ('Morning Report', 'The River Road')."""
    words = words.strip().rstrip(".,")
    found = re.findall(r"[^\W_][\w'\u2019-]*", words)
    return 0 < len(found) <= 6 and not re.search(r"[.!?;:,]", words) and all(
        w[:1].isupper() or w[:1].isdigit() or w in _TITLE_LOWER or len(w) <= 2 for w in found)


# what a title in quotes after a reporting verb names: 'wrote in her book, "Open Water," that'
_WORK = re.compile(r"\b(?:book|memoir|novel|essay|op-ed|column|article|paper|report|study|memo|letter|"
                   r"song|album|film|movie|documentary|show|program|programme|series|podcast|play|"
                   r"poem|titled|entitled|called|headlined|named)\b[^\w]*$", re.I)


def _names_a_work(text: str, masked: str, qs: int, qe: int) -> bool:
    """Whether a quote in title case is a title the sentence goes on after ('in her book, "Open
    Water," that ...'), not a quoted remark."""
    if not _is_title(text[qs:qe]) or text[qe - 1:qe] in ".!?":
        return False
    after = masked[qe + 1:qe + 60]
    return bool(re.match(r"[ \t]*[" + _UP + r"]\w", after) or re.match(r",?[ \t]+[a-z]", after)
                and not _SPEECH.match(after.lstrip(" ,")))


def _one_run(text: str, masked: str, quotes, i: int, j: int) -> bool:
    a, b = sorted((i, j))
    between = masked[quotes[a][1] + 1:quotes[b][0] - 1]
    return "\n" not in between and not re.search(r"\w", between) and (
        b - a == 1 or _one_run(text, masked, quotes, a, a + 1) and _one_run(text, masked, quotes, a + 1, b))


def _only_quotes(masked: str, s_start: int, s_end: int) -> bool:
    """Whether a sentence holds nothing but quotations (masked as 'q') and punctuation."""
    return not re.search(r"[^\Wq]|\bq{1,2}\b", masked[s_start:s_end])


def _who_like(phrase: str) -> bool:
    """Whether words next to a quote and a reporting verb can name who spoke."""
    words = phrase.split()
    if not words or len(words) > 10 or "qqq" in phrase:
        return False
    first = words[0].lower()
    if first in _PRONOUNS:
        return len(words) == 1 and first not in ("it", "him", "her")
    if first in _SPEAKERLESS - {"one", "that"}:
        return False
    if words[0][:1].isupper() and (len(words) <= 3 or all(
            w[:1].isupper() or w in _PARTICLES or w in ("of", "the", "for", "and") for w in words)):
        return True  # 'Karim Haddad', 'U.S. officials', not 'Lopez spoke briefly when'
    if words[-1][:1].isupper() and len(words) <= 7:
        return True  # 'flood widow Ana Berg'
    if _DETERMINER.match(phrase + " "):
        return True
    return len(words) <= 3 and words[-1].endswith("s") and words[-1].isalpha()


def _strip_parentheses(phrase: str) -> str:
    return _PARENTHESES.sub(lambda m: " " * len(m.group()), phrase)


# 'As for the cranes, "...," Costa said': the writer's framing of what the quote is about, no
# part of it ('With two ports, "..."' is part of what was said)
_OPENING_PHRASE = re.compile(
    r"\s*(?:(?:But|And|Still|Yet)\s+)?(?:As\s+(?:for|to)|(?:When\s+)?[Aa]sked\s+(?:about|whether|if|why|how|"
    r"what|when)|On\s+the\s+(?:subject|issue|question|matter)\s+of|Regarding|Of)\b[^,;:.\n]{0,80},\s*")


def _cue_after_quote(text: str, masked: str, seg_start: int, qs: int, qe: int, limit: int) -> _Cue | None:
    """'"...," Lavrov said', '"...," said Jens Laerke, spokesperson for ...', '"...," he added'."""
    last = text[qe - 1] if qe else ""
    rest = _strip_parentheses(masked[qe + 1:limit])
    before = masked[seg_start:qs - 1]
    if re.search(r"\w", before) and not before.rstrip().endswith(":") and not (
            _OPENING_PHRASE.fullmatch(before) and not _is_title(text[qs:qe])):
        return None  # 'The country "has changed," he said': a partial quote in a paraphrase
    if last == "." and not re.match(r"\s*[a-z]", rest):
        return None  # the quote ended its sentence
    lead = re.match(r"[\s,\u00a0]*(?:[\u2014\u2013]\s*)?", rest).end()
    base = qe + 1
    relay = _QUOTED_AS.match(rest, lead)
    if relay:
        via = _org_name(relay.group("via")) or None
        return _Cue(base + relay.start("who"), base + relay.end(), "quoted", None, via=via,
                    speaker_text=relay.group("who"), confidence=0.9)
    verb = _SPEECH.match(rest, lead)
    if verb:
        who = _who_after_verb(rest[verb.end():])
        if who is None:
            return None
        return _Cue(base + verb.start(), base + verb.end(), verb.group(), None,
                    via=_via_after(text, base + verb.end(), limit), speaker_text=who, confidence=0.9)
    verb = _SPEECH.search(rest, lead)
    if verb is None or verb.group()[:1].isupper():
        return None
    who = _who_before_verb(rest[lead:verb.start()])
    if who is None:
        return None
    return _Cue(base + verb.start(), base + verb.end(), verb.group(), None,
                via=_via_after(text, base + verb.end(), limit), speaker_text=who, confidence=0.9)


def _who_before_verb(between: str) -> str | None:
    """The speaker in the words between a quote and the verb after it: 'Paris, who used to work
    in the valley,' -> 'Haddad'; 'Ana Lopez, the governor's former chief of staff,'
    keeps the appositive as the role."""
    between = _ADVERB.sub("", between.rstrip())
    parts = [part.strip() for part in between.split(",")]
    if len(parts) > 3 or (len(parts) > 1 and parts[-1]):
        return None
    head = parts[0]
    if not _who_like(head):
        return None
    appositive = parts[1] if len(parts) > 1 else ""
    if appositive and not re.match(r"(?:who|which|whose|\d)", appositive) and len(appositive.split()) <= 15:
        return f"{head}, {appositive}"
    return head


def _who_after_verb(after: str) -> str | None:
    """The speaker after a verb that follows a quote: 'said Mr. Haddad, who ...' -> 'Mr. Haddad'."""
    after = after.strip()
    if not after:
        return None
    head, _, tail = after.partition(",")
    head = _WHO_CUT.split(head.rstrip(". "), maxsplit=1)[0].strip()
    if not head or head.split()[0].lower() in ("that", "it", "this", "so", "as"):
        return None
    named = re.match(r"\s*((?:[" + _UP + r"][\w'\u2019.-]*\s+){1,3}[" + _UP + r"][\w'\u2019-]*)\s*(?:,|\.?$)", tail)
    if named and re.fullmatch(r"(?:[" + _UP + r"][\w-]*['\u2019]s\s+|(?:the|a|an)\s+)?(?:[a-z][\w'\u2019-]*\s+){0,4}"
                              r"[a-z][\w'\u2019-]*", head):
        return f"{named.group(1)}, {head}"  # 'said the mayor's deputy, Ann Lee, who ...'
    if not _who_like(head):
        return None
    appositive = re.split(r",|\s(?:who|which|whose)\s", tail.strip().rstrip("."))[0].strip()
    if appositive and re.match(r"[a-z]", appositive) and not re.match(
            r"(?:who|which|whose|adding|saying|and|but|as|in|on|at|while|when)\b", appositive) \
            and len(appositive.split()) <= 12:
        return f"{head}, {appositive}"
    return head


def _cue_before_quote(text: str, masked: str, seg_start: int, seg_end: int, s_start: int) -> _Cue | None:
    """'Lavrov said: "..."', 'Lopez told reporters Tuesday, "..."', 'Said Ellis: "..."'."""
    seg = _strip_parentheses(masked[seg_start:seg_end])
    if not re.search(r"[,:\u2014]\s*$", seg):
        return None
    relay = re.search(_QUOTED_AS.pattern + r"[^.;]{0,40}[,:]\s*$", seg)
    if relay:
        return _Cue(seg_start + relay.start("who"), seg_start + relay.end("who"), "quoted", None,
                    via=_org_name(relay.group("via")) or None, speaker_text=relay.group("who"),
                    confidence=0.9)
    verbs = list(_SPEECH.finditer(seg))
    if not verbs:
        if not seg.rstrip().endswith(":"):
            return None
        # 'Lopez: "..."', 'She then turned to the crowd again: "..."'
        named = re.search(r"(?:^\s*|[\u2014\u2013-]\s+|\b[Aa]ccording to\s+)"
                          r"((?:[" + _UP + r"][\w'\u2019.-]*\s+){0,3}[" + _UP + r"][\w'\u2019-]*)\s*:\s*$", seg)
        who = named.group(1) if named else _sentence_subject(masked, seg_start, seg_end, nominal=True)
        if not who:
            return None
        colon = seg_start + seg.rindex(":")
        return _Cue(colon, colon + 1, ":", None, speaker_text=who, confidence=0.7)
    verb = verbs[-1]
    tail = seg[verb.end():]
    if not _tail_before_quote(tail, verb.group().lower(), bool(seg[:verb.start()].strip())):
        return None
    a, b = seg_start + verb.start(), seg_start + verb.end()
    if verb.group()[:1].isupper() and not seg[:verb.start()].strip():
        # 'Said Ellis: "..."'
        who = tail.strip(" ,:\u2014")
        if _who_like(who):
            return _Cue(a, b, verb.group(), None, speaker_text=who, confidence=0.85)
        return None
    if verb.group().lower().endswith("ing") or re.search(r"\band\s*$", seg[:verb.start()]):
        # 'Haddad said, adding, "..."', 'Lopez answered online, writing, "..."': the
        # subject of the verb before, or of the sentence, speaks
        who = None
        earlier = [v for v in _SPEECH.finditer(masked, s_start, a) if not v.group().endswith("ing")]
        named = re.search(r"((?:[" + _UP + r"][\w'\u2019.-]*\s+){0,3}[" + _UP + r"][\w'\u2019-]*)\s+(?:\w+ly\s+)?$",
                          seg[:verb.start()])
        clause_start = max(s_start, masked.rfind(",", s_start, a) + 1)
        if named and not re.search(r"[,;:]\s*$", seg[:verb.start()]):
            who = named.group(1)  # 'a video of Ana Lopez asking, "..."'
        elif verb.group()[-3:].lower() != "ing" and _sentence_subject(masked, clause_start, a, nominal=True):
            who = _sentence_subject(masked, clause_start, a, nominal=True)  # 'she smiled and said,'
        elif earlier and not re.search(r"\b(?:who|that|which)\s+(?:\w+\s+)?$",
                                       masked[s_start:earlier[-1].start()]):
            subject = _subject_before(masked, s_start, earlier[-1].start(), loose=True)
            who = subject[0] if subject else _who_after_verb(masked[earlier[-1].end():a])
        who = who or _sentence_subject(masked, s_start, a, nominal=True)
    else:
        subject = _subject_before(masked, seg_start, a, loose=True)
        who = subject[0] if subject else None
        lead = masked[seg_start:subject[1]] if subject else ""
        if re.search(r"\w", lead) and re.match(r"[^\w]*[a-z]", text[seg_end + 1:seg_end + 4]):
            # 'A long winter, she said, "would ruin ...": a paraphrase the quote ends (the
            # quote, in lower case, goes on with the words before the verb)
            return _Cue(a, b, verb.group(), (seg_start, seg_end), speaker_text=who, confidence=0.8,
                        gap=(seg_start + len(lead.rstrip(" ,")), seg_start + len(seg.rstrip())))
        relative = re.search(r"((?:[" + _UP + r"][\w'\u2019.-]*\s+){0,3}[" + _UP + r"][\w'\u2019-]*),\s+who\s+(?:\w+\s+)?$",
                             masked[s_start:a])
        if who is None and relative:  # 'Omar Farouk, who had said, "..."'
            who = relative.group(1)
    if not who:
        return None
    return _Cue(a, b, verb.group(), None, via=_via_after(masked, b, seg_start + len(seg)),
                speaker_text=who, confidence=0.9)


_TAIL_START = re.compile(r"(?:in|on|at|during|after|before|of|about|to|with|from|via|through|"
                         r"while|when|later|earlier|then|recently|yesterday|today|tonight|again|"
                         r"also|however|back|once|last|this|and I quote|\w+ly|\w+day|"
                         r"an? (?:day|week|month|year|few|couple|moment|decade|minute|while)|"
                         r"[" + _UP + r"][\w'\u2019.-]*)\b")
_OBJECT_FIRST = frozenset("told tells tell telling asked asks ask asking emailed texted wrote writes "
                          "warned warns reminded reminds assured assures".split())


def _tail_before_quote(tail: str, verb: str, has_subject: bool) -> bool:
    """Whether the words between a verb and the quote it introduces are an object, a time or a
    place ('told reporters Tuesday,', 'said in a statement:'), not a clause of its own ('said the
    plan was sound, "in every way"' quotes inside a paraphrase)."""
    words = re.findall(r"[\w'\u2019.-]+", tail)
    if not words:
        return True
    if len(words) > 12 or re.search(r"\bthat\b|q{3}", tail):
        return False
    if not has_subject:  # 'Said Ellis, who knew him well,'
        return True
    return bool(_TAIL_START.match(tail.strip(" ,\u2014"))) or verb in _OBJECT_FIRST


_CLAUSE_SUBJECT = re.compile(
    r"\s*(?:[\"\u201c]q+[\"\u201d]\s*)?"  # 'In his book, "Title," Lee wrote'
    r"(?:(?:But|And|So|Then|Yet|Still|Later|Meanwhile|However|Instead)\b[\s,]*)?"
    r"(?:(?:even|also|then|now|still|only|just)\s+)?"
    r"(?:(?:[Oo]pposition|[Ff]ormer|[Ff]ellow|[Pp]rotest|[Ss]enior|[Pp]olitical|[Cc]ivil|[Rr]ights)\s+)?"
    r"(?:(?:activist|campaigner|protester|dissident|blogger|lawyer|journalist|leader|candidate|"
    r"opponent|politician|official|economist|analyst)\s+(?=[" + _UP + r"][\w'\u2019-]*\s+[" + _UP + r"]))?"
    r"(?P<who>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|(?:(?:the|The)\s+)?(?:[" + _UP + r"][\w'\u2019.-]*\s+"
    r"(?:(?:of|for|de|al|bin|van|von)\s+)?){0,5}[" + _UP + r"][\w'\u2019-]*)(?:,[^,]{1,160},)?\s+(?:\w+ly\s+)?[a-z]")


_PERSON_NOUNS = (
    r"man|woman|voter|delegate|official|spokes(?:man|woman|person)|aide|senator|candidate|"
    r"nominee|reporter|student|resident|supporter|advis[eo]r|lawyer|attorney|professor|economist|"
    r"analyst|strategist|pollster|activist|leader|chair(?:man|woman)?|director|executive|member|"
    r"officer|agent|soldier|veteran|mother|father|son|daughter|wife|husband|friend|neighbou?r|"
    r"owner|worker|employee|teacher|doctor|nurse|judge|justice|president|governor|mayor|minister|"
    r"secretary|ambassador|diplomat|congress(?:man|woman)|lawmaker|legislator|representative|"
    r"commissioner|chief|host|anchor|moderator|business(?:man|woman)|billionaire|developer|donor|"
    r"operative|staffer|consultant|expert|scholar|historian|author|writer|journalist|editor|"
    r"columnist|commentator|actress|actor|singer|star|pastor|priest|rabbi|imam|bishop|general|"
    r"admiral|colonel|sergeant|captain|sheriff|detective|investigator|prosecutor|witness|victim|"
    r"survivor|protester|organi[sz]er|founder|manager|coach|player|farmer|mogul|billionaire")
_NOMINAL_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|So|Then|Yet|Still|Later|Meanwhile|However|Instead)\b[\s,]*)?"
    r"(?P<who>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:" + _PERSON_NOUNS
    + r"))(?:,[^,]{1,80},)?\s+(?:\w+ly\s+)?[a-z]")
# 'The minister of finance, Mr. Ruiz, said': the name after the description
_NAME_AFTER_NOMINAL = re.compile(r"(?:\s+[a-z][\w-]*)?(?:\s+(?:of|for|at|in)\s+[^,]{1,40})?,\s+((?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[" + _UP
                                 + r"][\w'\u2019.-]*\s+){0,3}[" + _UP + r"][\w'\u2019-]*),")
_NOT_SUBJECTS = frozenset("""
the a an his her their its our my your each every ever thanks according asked both all many
most some minutes hours days weeks months years moments here there back now
today yesterday tonight earlier later last this that these those it its even just only also still
would could should will can do does did is are was were has have had may might must
one two three four five six seven eight nine ten not what why how where who which outside inside
another
""".split())


def _sentence_subject(masked: str, s_start: int, at: int, *, nominal: bool = False) -> str | None:
    """The named subject of a sentence, after any opening phrase: 'In a statement on Monday,
    Rep. Ann Lee (D-Ore.) reacted ...' -> 'Rep. Ann Lee'; with `nominal`, also 'the older man'."""
    clause = _strip_parentheses(masked[s_start:at])
    for part in re.finditer(r"[^,;:\u2014]+", clause):
        found = _CLAUSE_SUBJECT.match(clause, part.start())
        who = found.group("who") if found else None
        if who and who.split()[0].lower() in ("another", "one"):
            named = _NAME_AFTER_NOMINAL.match(clause, found.end("who"))
            if named:
                return named.group(1)  # 'Another, Joe Park, said'
        if who and not (_SUBORDINATE.match(who + " ") or who.split()[0].lower() in _NOT_SUBJECTS
                        or who.split()[-1].lower() in _PLACES):
            return who
        if nominal and not _after_a_name(clause[:part.start()]):
            found = _NOMINAL_SUBJECT.match(clause, part.start())
            if found:
                named = _NAME_AFTER_NOMINAL.match(clause, found.end("who"))
                return named.group(1) if named else found.group("who")
    return None


def _after_a_name(clause: str) -> bool:
    """Whether a part of a sentence after `clause` describes the name `clause` ends with ('The
    delay worries Tom Reed, a pastor'), not an opening phrase ('In Dover, a pastor said')."""
    named = re.search(r"\b([" + _UP + r"][\w'\u2019-]+)\s*,\s*$", clause)
    return bool(named) and not _SUBORDINATE.match(clause.lstrip()) and not re.fullmatch(
        _MONTH + r"|" + _DAYS, named.group(1), re.I)


def _announced(text: str, masked: str, para_start: int, quotes, i: int, sentence_at) -> _Cue | None:
    """A quote opening a paragraph after one that ends with a colon: 'Sokolov continued:'."""
    colon = _rstripped(masked, para_start)
    if colon <= 0 or masked[colon - 1] != ":":
        return None
    s_start, _ = sentence_at(colon - 1)
    previous_end = quotes[i - 1][1] + 1 if i else 0
    seg_start = max(s_start, previous_end, masked.rfind("\n", 0, colon - 1) + 1)
    cue = _cue_before_quote(text, masked, seg_start, colon, s_start)
    if cue is None:
        return None
    cue.confidence = 0.85
    return cue


_DASH_NAME = re.compile(r"[ \t\u00a0]*\n*[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
                        r"(?P<who>(?:[" + _UP + r"][\w.'\u2019-]*)(?:[ \t\u00a0]+(?:[" + _UP + r"][\w.'\u2019-]*|de|da|"
                        r"del|van|von|al|bin|ibn|of|the)){0,5})[ \t\u00a0]*(?=[,.(\n]|$)")


def _dash_after(text: str, qe: int, next_open: int) -> _Cue | None:
    """'"..." ― Aylin Demir': a name after a dash, on the quote's line or the next."""
    found = _DASH_NAME.match(text, qe + 1, min(next_open, qe + 120))
    if not found or re.search(r"['\u2019]s$", found.group("who")):
        return None
    return _Cue(found.start("who"), found.end("who"), "\u2014", None,
                speaker_text=found.group("who"), confidence=0.85)


# ---------------------------------------------------------------- reported speech, by cue

def _reported_speech(text: str, masked: str, quotes: list[tuple[int, int]],
                     sentences: list[tuple[int, int]], claimed: set[tuple[int, int]],
                     used_cues: set[int]) -> list[_Found]:
    """Statements a reporting verb introduces ('Cavusoglu said the attack came ...'); a quote
    the verb introduces and no earlier rule claimed is a direct one."""
    starts = [q[0] for q in quotes]
    out: list[_Found] = []
    for s_start, s_end in sentences:
        cues = _cues_in(text, masked, s_start, s_end)
        for cue in cues:
            if not _has_words(masked, cue.content) or cue.start in used_cues:
                continue  # no content, or the verb of a quote found already
            c_start, c_end = _trim(text, *cue.content)
            if c_end - c_start < 3 or not re.search(r"\w", text[c_start:c_end]):
                continue
            nearby = quotes[max(0, bisect.bisect_left(starts, c_start) - 1):
                            bisect.bisect_left(starts, c_end)]
            inside = [q for q in nearby if min(q[1], c_end) - max(q[0], c_start) > 0]
            quoted = sum(min(q[1], c_end) - max(q[0], c_start) for q in inside)
            if inside and quoted >= 0.6 * (c_end - c_start) and not re.search(
                    r"\w", masked[c_start:inside[0][0]]) and not re.search(
                    r"\bthat[\s,]*[\"\u201c\u201e\u00ab]?\s*$", masked[cue.end:c_start]) and not (
                    _denies(cue.words) and cue.end <= c_start
                    and not re.search(r"[,:]", masked[cue.end:c_start])):
                # (but 'denied "any wrongdoing"' is what was denied, not the speaker's words)
                if all(q in claimed for q in inside):
                    continue  # found with its speaker already
                for q in inside:
                    if q not in claimed:
                        claimed.add(q)
                        out.append(_Found(*q, "direct", replace(cue, confidence=min(0.95, cue.confidence + 0.1))))
            elif len(re.findall(r"\w+", text[c_start:c_end])) >= 2:  # not 'the city said enough'
                out.append(_Found(c_start, c_end, "indirect", replace(cue, confidence=cue.confidence - 0.1)))
        if cues:
            continue
        for q in quotes[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)]:
            if q in claimed or _covers_sentence(masked, s_start, s_end, q):
                continue
            # 'Cavusoglu called the attack "a betrayal"': what he called it, a paraphrase
            subject = _NAMING.match(masked, s_start, q[0])
            if subject:
                last = max(r for r in quotes if s_start <= r[0] < s_end)
                out.append(_Found(subject.end(2), last[1] + 1, "indirect",
                                  _Cue(subject.start(2), subject.end(2), subject.group(2), None,
                                       speaker_text=subject.group(1), confidence=0.6)))
                break
    return out


_NAMING = re.compile(
    r"\s*((?:He|She)|(?:(?:[" + _UP + r"][\w'\u2019.-]*|of|for)\s+){0,5}[" + _UP + r"][\w'\u2019-]*)\s+"
    r"(?:\w+ly\s+)?(called|calls|described|describes|branded|brands|dubbed|termed|labell?ed)\b")


def _dedupe(proposals: list[Proposal]) -> list[Proposal]:
    out: list[Proposal] = []
    for p in proposals:
        if out and p.start == out[-1].start and p.end == out[-1].end:
            continue
        out.append(p)
    return out


def _mask(text: str, quotes: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in quotes:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = "q"
    return "".join(chars)


def _paragraph_end(text: str, at: int) -> int:
    found = text.find("\n", at)
    return len(text) if found < 0 else found


def _next_paragraph_end(text: str, at: int) -> int:
    i = at
    while i < len(text) and text[i] == "\n":
        i += 1
    return _paragraph_end(text, i)


def _covers_sentence(masked: str, s_start: int, s_end: int, q: tuple[int, int]) -> bool:
    rest = masked[s_start:q[0]] + masked[q[1]:s_end]
    return not re.search(r"\w", rest)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    strip = " \t\n,;:\"\u201c\u201d\u201e\u00ab\u00bb-\u2014\u2013"
    while start < end and (text[start] in strip or text[start] in ".\u2026"):
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    while end > start and text[end - 1] in ".!?" and text[end - 2:end - 1] not in (".",):
        # keep a sentence's final period off a paraphrase, but not from "U.S."
        if re.search(r"\b[" + _UP + r"]\.[" + _UP + r"]\.$", text[start:end]):
            break
        end -= 1
    # an opening mark left unmatched inside ("...Russia") stays as written
    return start, end


def _balance_quotes(text: str, start: int, end: int) -> int:
    """Take back the closing mark _trim took off a paraphrase ending in a partial quote."""
    fragment = text[start:end]
    opened = fragment.count("\u201c") > fragment.count("\u201d") or fragment.count('"') % 2 == 1
    if opened:
        found = re.match(r"[,.]?[\"\u201d]", text[end:end + 2])
        if found:
            return end + found.end()
    return end


def _clean(fragment: str) -> str:
    """A statement's words on one line; the marks that reopen a quote at each new paragraph go."""
    fragment = re.sub(r"\n\s*(?:[\"\u201c\u201e\u00ab]|''|``)", "\n", fragment)
    return re.sub(r"\s+", " ", fragment).strip()


_SUBJECT_END = re.compile(r"[,;:(]\s*$")


def _cues_in(text: str, masked: str, s_start: int, s_end: int) -> list[_Cue]:
    """The reporting cues of one sentence, each with its speaker phrase and content span."""
    sentence = masked[s_start:s_end]
    cues: list[_Cue] = []
    previous_subject: str | None = None
    for found in _CUE.finditer(sentence):
        a, b = found.start() + s_start, found.end() + s_start
        if found.group("according"):
            cue = _according(text, masked, s_start, s_end, a, b)
            if cue:
                cues.append(cue)
            continue
        verb = (found.group("verb") or "").lower()
        if verb.endswith("ing") and not found.group("quoted"):
            if cues and re.search(r",\s*$", masked[s_start:a]):
                cue = _forward(text, masked, a, b, s_end, found, cues[-1].speaker_text, cues[-1].via)
                cue.confidence = 0.7
                if _has_words(masked, cue.content):
                    # 'told reporters the plan was ready, adding that ...': two statements
                    before = cues[-1].content
                    if before and before[0] < a < before[1]:
                        cues[-1].content = (before[0], _comma_before(masked, a))
                    cues.append(cue)
            elif not cues and re.search(r",\s*$", masked[s_start:a]):
                # 'Lopez spoke on Monday, saying the bridge ...': the sentence's subject
                who = _sentence_subject(masked, s_start, a, nominal=True)
                if who and who.lower() not in ("it", "this", "that"):
                    cue = _forward(text, masked, a, b, s_end, found, who, None)
                    cue.confidence = 0.65
                    if _has_words(masked, cue.content):
                        cues.append(cue)
            continue
        if re.search(r"\b(?:is|are|was|were|be|been|being|to)\s+(?:\w+ly\s+)?$", masked[s_start:a]):
            continue  # 'was first reported by', 'seems to think': passive or infinitive
        if re.search(r"(?:\b(?:the|a|an|its|his|her|their|this|these|those|of)|\d)\s+$", masked[s_start:a]):
            continue  # 'the reported deaths', '40 pledged votes': an adjective
        if verb in ("say", "tell", "state", "states", "report", "believe", "think", "thought",
                    "claims", "claim", "reports", "notes", "note") and not _verb_context_ok(sentence, found):
            continue
        if verb in ("described", "describes") and not re.match(r"(?:\s+[\w'\u2019-]+){1,8}?\s+as\b",
                                                                masked[b:s_end]):
            continue  # 'described the plan as reckless', not 'described the scene'
        if verb in ("asked", "asks"):
            # 'asked Haddad if ...', 'asked workers whether ...': the question is what was said
            question = re.match(r"(?:\s+[\w'\u2019.-]+){0,5}?\s+(?=(?:whether|if|how|what|why|who|when|"
                                r"where|to)\b)", masked[b:s_end])
            who = _subject_before(masked, s_start, a)
            if question and who and not re.search(r"\b(?:was|were|being|been|is|are)\s*$", masked[s_start:a]):
                cues.append(_Cue(a, b, found.group(), (b + question.end(), s_end),
                                 speaker_text=who[0], confidence=0.7))
                previous_subject = who[0]
            continue
        if verb in _NEEDS_THAT and not re.match(
                r"(?:\s+(?:\w+ly|on \w+day|\w+day))*\s+that\b", masked[b:s_end]) and not (
                verb in _THINKING and re.match(r"\s+(?:he|she|they|it|we|I|you|there|[" + _UP + r"][a-z]+)\s+"
                                               r"(?:is|are|was|were|will|would|can|could|should|"
                                               r"has|have|had|must|might|may|does|did|\w+s)\b",
                                               masked[b:s_end])):
            if not (verb.startswith("show") and _DATA_SUBJECT.search(masked[s_start:a])):
                continue  # but 'a new poll shows Lopez ahead'
        before = masked[s_start:a]
        negated = _NEGATED.search(before)
        if negated:  # 'Lopez did not say', 'has never denied': the cue starts with its negation
            a = s_start + negated.start()
            before = masked[s_start:a]
        relative = _CLAIM_RELATIVE.search(before)
        if relative and not negated and _who_like(relative.group("who")) \
                and _CLAUSE_ENDS.match(masked, b, s_end):
            # 'Rebels said they took the town, a claim the army denied': what the army denied is
            # the claim before the comma (the content of the cue before, which ends there); its
            # text runs to the verb, which tells what the army made of it
            comma = s_start + relative.start()
            claim = (s_start, comma)
            for other in cues:
                if other.content and other.content[0] < comma < other.content[1]:
                    claim = other.content = (other.content[0], comma)
            if _has_words(masked, claim):
                cues.append(_Cue(a, b, found.group(), (claim[0], b),
                                 speaker_text=relative.group("who"), confidence=0.7))
                previous_subject = relative.group("who")
            continue
        # 'and said', 'and reiterated': same speaker as the cue before in this sentence
        coordinated = re.search(r"\band\s+$", before)
        if coordinated and previous_subject and cues:
            cues[-1].content = (cues[-1].content[0], a - len(coordinated.group())) if cues[-1].content else None
            cue = _forward(text, masked, a, b, s_end, found, previous_subject, cues[-1].via)
            cue.confidence = 0.7
            cues.append(cue)
            continue
        which = _WHICH_SAID.search(before)
        if which and not negated:
            # '..., according to the ministry, which said ...', '... by Ann Lee, who said ...': the
            # name or body just before the relative pronoun
            antecedent = re.sub(r"^.*\b(?:[Aa]ccording\s+to|by|from|with|said|says|told|reported)\s+", "",
                                which.group("who").strip())
            if (_who_like(antecedent) if which.group("pronoun") == "who" else _speaker_like(antecedent)) \
                    and not re.match(r"q", antecedent):
                cue = _forward(text, masked, a, b, s_end, found, antecedent, None)
                cue.confidence = 0.7
                main_verb = cue.content and re.search(r",\s+(?:is|are|was|were|has|have|had|will|would)\b",
                                                      masked[cue.content[0]:cue.content[1]])
                if main_verb:  # 'the EU, which contended that ..., is ...': the clause ends there
                    cue.content = (cue.content[0], cue.content[0] + main_verb.start())
                if _has_words(masked, cue.content):
                    for other in cues:
                        if other.content and other.content[0] < a < other.content[1]:
                            other.content = (other.content[0], s_start + which.start())
                    cues.append(cue)
                    previous_subject = antecedent
                continue
        subject = _subject_before(masked, s_start, a)
        if subject is not None:
            speaker_text = f"{subject[0]}, {subject[2]}" if subject[2] else subject[0]
            if found.group("quoted"):
                cue = _Cue(a, b, found.group(), None, via=_org_name(speaker_text),
                           speaker_text=found.group("qname"), confidence=0.85)
                cue.content = _content_before(masked, s_start, subject[1])
                if not _has_words(masked, cue.content):
                    cue.content = _content_after(text, masked, b, s_end, "said")
                cues.append(cue)
                previous_subject = found.group("qname")
                continue
            cue = _forward(text, masked, a, b, s_end, found, speaker_text, None)
            if not _has_words(masked, cue.content):
                # '"...," Lavrov said in an interview.': the content is before the speaker
                back = _content_before(masked, s_start, subject[1])
                if _has_words(masked, back):
                    cue.content = back
                    cue.via = _via_after(text, b, s_end) or cue.via
                    rest = re.match(r"(?:\s+[\w'\u2019.-]+){0,4}?\s*,\s*(?=[a-z])", masked[b:s_end])
                    if rest and not masked[back[1]:subject[1]].strip(" ,").count(",") \
                            and verb not in _DENIALS:
                        # 'The delay, the ministry said, was caused by the storm'
                        cue.gap = (back[1], b + rest.end())
                        cue.content = (back[0], s_end)
                elif re.match(r"\s*As\s*$", masked[s_start:subject[1]]) and "," in masked[b:s_end]:
                    # 'As Lopez told the Herald, the bridge is ...'
                    cue.content = (masked.index(",", b, s_end) + 1, s_end)
                elif not re.search(r":\s*$", masked[b:s_end]):
                    continue  # no content; but 'Trump told the crowd:' announces the next quote
            cues.append(cue)
            previous_subject = speaker_text
            continue
        # 'said Jens Laerke, spokesperson for ...': verb before its subject, content before (not
        # 'most of whom thought Lee had no chance': a verb of thinking takes its clause after it)
        after = _subject_after(masked, b, s_end) if verb not in _NEEDS_THAT else None
        back = _content_before(masked, s_start, a)
        colon = re.match(r"\s+(?:[" + _UP + r"][\w'\u2019.-]*\s*){1,4}:\s*", masked[b:s_end])
        if after and colon and not _has_words(masked, back):
            # 'Said Ellis: "..."'
            cues.append(_Cue(a, b, found.group(), (b + colon.end(), s_end),
                             speaker_text=after.rstrip(":"), confidence=0.8))
            previous_subject = after
            continue
        if after and _has_words(masked, back):
            cues.append(_Cue(a, b, found.group(), back, speaker_text=after, confidence=0.8))
            previous_subject = after
    for cue in cues:
        if _NEGATION.search(text, cue.start, cue.end):
            cue.words = " ".join(text[cue.start:cue.end].split())  # 'did not say'
    for i, cue in enumerate(cues):
        for other in cues[:i]:
            if other.content is None or not (other.content[0] <= cue.start < other.content[1]):
                continue
            if cue.words.lower() in ("reported", "reports", "said") and re.search(
                    r",\s*$", masked[s_start:cue.start].rsplit(cue.speaker_text or "\0", 1)[0]):
                # '..., Turkish media reported': a relay of the statement before it
                other.via = other.via or _org_name(cue.speaker_text or "")
                other.content = (other.content[0], _comma_before(masked, cue.start))
                cue.content = None
            elif cue.content and cue.content[0] > cue.start:
                # 'Turkey's report said that Erdogan told Putin that ...': the inner speaker
                # said it, the outer one passed it on
                cue.via = cue.via or _org_name(other.speaker_text or "")
                other.content = None
    return cues


_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['\u2019]t\b", re.I)
# 'did not say', 'has never denied', "wouldn't say": a negated cue, with its auxiliary
_NEGATED = re.compile(r"(?:\b(?:do|does|did|has|have|had|will|would|could|can|is|are|was|were)\s*)?"
                      r"(?:\bnot|\bnever|n['\u2019]t|\bno longer)\s+"
                      r"(?:(?:\w+ly|have|has|had|be|been|ever|yet)\s+)*$", re.I)
# ', a claim the army denied', ', which the army later confirmed': an answer to the claim before
_CLAIM_RELATIVE = re.compile(
    r",\s+(?:which|(?:a|an|the)\s+(?:claim|charge|allegation|accusation|assertion|account|report|"
    r"version|figure|assessment|story)s?(?:\s+(?:that|which))?)\s+(?P<who>(?:the\s+)?[\w.'\u2019-]+"
    r"(?:\s+[\w.'\u2019-]+){0,4}?)\s+(?:(?:\w+ly|has|have|had|also|later|since|again|then)\s+)*$")
# ', according to the ministry, which said', 'led by Ann Lee, who said': who said it is named before
_WHICH_SAID = re.compile(
    r"(?:^|[,;]\s*|\b(?:[Aa]ccording\s+to|by|from|with)\s+)(?P<who>(?:(?:the|a|an)\s+)?[^,;:\s]"
    r"(?:[^,;:]|" + _ABBREVIATION_DOT + r"){0,60}?),\s+(?P<pronoun>which|who)\s+"
    r"(?:(?:\w+ly|also|had|has|have|later|earlier|then|again|first)\s+)*$")
# the verb ends its clause ('..., which the army denied on Monday.'), not 'which he said were ...'
_CLAUSE_ENDS = re.compile(r"(?:\s+(?:\w+ly|later|again|too|(?:on\s+|last\s+)?\w+day|last\s+\w+))*"
                          r"\s*(?:[.,;:!?)]|$)")


def _comma_before(masked: str, at: int) -> int:
    found = masked.rfind(",", 0, at)
    return found if found >= 0 else at


def _has_words(masked: str, span) -> bool:
    return bool(span) and bool(re.search(r"\w{2,}", masked[span[0]:span[1]]))


def _verb_context_ok(sentence: str, found) -> bool:
    """'say'/'state' as reporting verbs, not 'the state', 'a report', 'claims by Russia'."""
    before = sentence[:found.start()].rstrip().lower()
    return not re.search(r"\b(the|a|an|its|his|her|their|this|that|of|united|whose)$", before)


# A state after a town ('Ann Lee, 59, of Dover, Del., said'): part of where she is from
_STATE = re.compile(r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|"
                    r"Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo)\.|(?:[NSRW]\.\s?)?"
                    r"(?:[HJMYCDI]|Va)\.|D\.C\.")
_APPOSITIVE = re.compile(r"(?:who|which|whose|an?\b|the\s+[a-z]|[a-z]|\d|[" + _UP + r"][\w.-]*['\u2019]s\s+[a-z]|"
                         r"(?:Democrat|Republican|Independent|[DRI]-)|"
                         r"(?:[" + _UP + r"][\w.-]*\s+){1,3}(?:Party|Committee|Caucus)?\s*(?:member|"
                         r"chair\w*|director|president|leader|spokes\w+))")


def _subject_before(masked: str, s_start: int, verb_at: int, *, loose: bool = False):
    """(speaker phrase, where it starts) for the words before a reporting verb; None when there
    is no subject there."""
    before = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), masked[s_start:verb_at])
    # the clause before the verb, without an appositive (', an opposition war monitor,') or a
    # relative clause (', who held a call with ...,')
    parts = [m for m in re.finditer(r"[^,;:\u2014()\"\u201c\u201d\u201e\u00ab\u00bb]+", before)]
    if not parts:
        return None
    chosen = len(parts) - 1
    if not parts[chosen].group().strip():
        # 'X, an opposition war monitor, said' / 'X, who held a call ..., added' / 'Lance Okafor,
        # 52, a retired pilot, said' / 'Mia Tan, the mayor's campaign manager, said'
        chosen -= 1
        skipped = 0
        while chosen >= 1 and skipped < 5:
            piece = parts[chosen].group().strip()
            if re.fullmatch(r"q+", piece) and chosen >= 2 and not re.fullmatch(
                    r"q+", parts[chosen - 1].group().strip()) and _APPOSITIVE.match(parts[chosen - 1].group().strip()):
                chosen -= 1  # 'Lee, the host of the show "Q," said': a title inside the appositive
                continue
            if re.fullmatch(r"q+", piece) or not (_APPOSITIVE.match(piece) or _STATE.fullmatch(piece)):
                break
            chosen -= 1
            skipped += 1
        if not skipped:
            # 'The head of the election commission, Lidia Yermoshina, said': the name, with the
            # description before it as the role
            if chosen != 1:
                return None
            named = parts[chosen].group().strip()
            described = _LEADING.sub("", _DATELINE.sub("", parts[chosen - 1].group().strip()))
            if _DESCRIPTION_FIRST.fullmatch(described) and _name_like(named) \
                    and len(described.split()) <= 10:
                return named, s_start + parts[chosen].start() + parts[chosen].group().find(named), described
            return None
    appositive = parts[chosen + 1].group().strip() if chosen + 1 < len(parts) else ""
    if not _ROLE_APPOSITIVE.fullmatch(appositive):
        appositive = None
    piece_match = parts[chosen]
    phrase = piece_match.group()
    phrase_start = s_start + piece_match.start()
    stripped = _LEADING.sub("", _DATELINE.sub("", phrase.lstrip()))
    phrase_start += len(phrase) - len(phrase.lstrip()) + (len(phrase.lstrip()) - len(stripped))
    phrase = _ADVERB.sub("", stripped.rstrip())
    phrase = re.sub(r"\s+(?:on|late|early)?\s*" + _DAYS + r"$", "", phrase, flags=re.I)
    if not phrase or "q" * 3 in phrase:
        return None
    words = phrase.split()
    if len(words) > 8 and not re.search(r"\s(he|she|they|I|we)$", phrase):
        # a long clause: the speaker is the name or noun just before the verb, if any
        tail = re.search(r"((?:[" + _UP + r"][\w'\u2019.-]*\s*){1,4})$", phrase)
        if not tail:
            return None
        phrase = tail.group(1).strip()
        phrase_start = s_start + before.rfind(phrase)
    pronoun = re.search(r"\s(he|she|they|it|I|we)$", phrase)
    if pronoun:  # 'To which she said', 'and then he added'
        phrase_start += pronoun.start(1)
        phrase = pronoun.group(1)
    if not (_who_like(phrase) if loose else _speaker_like(phrase)):
        return None
    if appositive and not (_name_like(phrase) and phrase.lower() not in _PRONOUNS):
        appositive = None  # 'the older man, a farmer': the description stands as it is
    return phrase.strip(), phrase_start, appositive


# 'The head of the election commission', 'Belarus's interior minister': a description a name
# follows; 'the head of the panel', 'a spokeswoman for the ministry': an appositive giving a role
_DESCRIPTION_FIRST = re.compile(r"(?:(?:[Tt]he|[Aa]n?)\s+|(?:[" + _UP + r"][\w.-]*\s+){0,2}[" + _UP
                                + r"][\w.-]*['\u2019]s\s+)"
                                r"(?:[a-z][\w'\u2019-]*\s+){0,3}(?:" + _PERSON_NOUNS + r"|head)"
                                r"(?:\s+(?:of|for|at|in)\s+[^,]{1,60})?")
_ROLE_APPOSITIVE = re.compile(r"(?!(?:who|which|whose|where|when|and|but)\b)(?:(?:the|a|an)\s+)?"
                              r"(?:[a-z][\w'\u2019-]*|[" + _UP + r"][\w.-]*['\u2019]s)"
                              r"(?:\s+[\w.'\u2019-]+){0,11}")


_SPEAKERLESS = frozenset("it there this that which what who one".split())


def _speaker_like(phrase: str) -> bool:
    words = phrase.split()
    if len(words) > 1 and words[-1].lower() in _PRONOUNS:
        return False  # 'To which she': the pronoun alone is taken instead
    if not words or len(words) > 8:
        return False
    first = words[0].lower()
    if phrase.strip().lower() == "it":
        return True  # 'Police did not use firearms, it said': a body, resolved as such
    if first in _SPEAKERLESS:
        return False
    if first in _PRONOUNS:
        return len(words) == 1
    if any(w[:1].isupper() for w in words):
        return True
    # 'the minister', 'officials', 'a spokesman', 'the monitor'
    return bool(re.search(r"\b(official|officials|minister|spokes\w+|president|monitor|police|"
                          r"army|military|ministry|government|sources?|diplomats?|analysts?|"
                          r"witnesses|residents|activists|aides?|experts?|report|statement|"
                          r"media|agency|observers?|leaders?|envoy|ambassador|officers?|campaign|"
                          r"committee|polls?|survey|study|court|opinion|respondents|voters|"
                          r"surveyed|critics|supporters|lawmakers|prosecutors|investigators|"
                          r"authorities|researchers|economists|strategists|advisers|people|"
                          r"organizers|members|candidates?|nominee|senator|governor|mayor|"
                          r"lawyers?|attorneys?|doctors|scientists|officers|organization|group|"
                          r"man|woman|director|chairman|chairwoman|spokesperson)\b",
                          phrase, re.I))


def _subject_after(masked: str, b: int, s_end: int) -> str | None:
    rest = masked[b:s_end]
    found = re.match(r"\s+((?:(?:the|a|an)\s+)?(?:[" + _UP + r"][\w'\u2019.-]*\s*){1,5})(?:,\s*(.*))?", rest)
    if not found:
        return None
    name = found.group(1).strip()
    role = (found.group(2) or "").strip().rstrip(".")
    if re.match(r"(?:who|which|whose)\b", role):
        return name  # 'said the commission, which later said ...': no role
    return f"{name}, {role}" if role and len(role.split()) <= 12 else name


def _forward(text: str, masked: str, a: int, b: int, s_end: int, found, speaker_text, via) -> _Cue:
    verb = found.group("verb") or found.group("call") or found.group()
    content = _content_after(text, masked, b, s_end, verb.lower())
    via_found = _via_after(text, b, content[0] if content else s_end)
    return _Cue(a, b, found.group(), content, via=via or via_found,
                speaker_text=speaker_text, confidence=0.8)


_OBJECT_VERBS = frozenset("tell tells told telling warned warn warns urged urge accused accuse "
                          "accuses promised promise assured".split())


def _content_after(text: str, masked: str, b: int, s_end: int, verb: str) -> tuple[int, int] | None:
    rest = masked[b:s_end]
    offset = b
    quote_next = re.match(r"(?:\s+\w+){0,2}\s*[,:]\s*(?=[\"\u201c\u201e\u00ab])", rest)
    if quote_next:
        return offset + quote_next.end(), s_end  # 'Trump said, "..."', 'adding later, "..."'
    if re.match(r"\s*(?:[" + _UP + r"][\w.'\u2019-]*\s*)*[,;(\u2014]", rest) and verb.split()[0] not in _OBJECT_VERBS:
        return None  # 'Trump said, adding later, ...', 'said Friday, ...': no content after
    time = _TIME_AFTER.match(rest)
    if time:
        offset += time.end()
        rest = rest[time.end():]
    colon = re.match(r"[^:.]{0,80}?:\s*", rest)
    that = re.match(r"(.{0,80}?)\bthat\b\s*(?=[\w\"\u201c\u201e\u00ab])", rest)
    if colon and (not that or colon.end() < that.end()):
        return offset + colon.end(), s_end
    if verb.split()[0] in _DENIALS or "call" in verb:
        # ('rejected that claim': a determiner, which the text keeps; it starts with the cue)
        that_first = re.match(r"\s*that\s+(?!(?:claim|charge|allegation|accusation|account|"
                              r"report|idea|notion|view|suggestion|assertion|version)s?\b)", rest)
        return offset + (that_first.end() if that_first else 0), s_end
    if that and not re.search(r"[,;]", that.group(1)):
        return offset + that.end(), s_end
    if verb.split()[0] in _OBJECT_VERBS:
        # 'told Putin Turkey will ...', 'told reporters in Ankara': object then maybe a clause
        obj = re.match(r"\s*(?:(?:the|a|an|his|her|their)\s+)?(?:[" + _UP + r"][\w'\u2019-]*(?:\s+[" + _UP + r"][\w'\u2019-]*)*|reporters|"
                       r"journalists|lawmakers|parliament|supporters|members|officials|"
                       r"group of journalists|a group of journalists)(?:\s+of\s+\w+)?\s*", rest)
        if obj:
            after_obj = rest[obj.end():]
            if re.match(r"(in|at|on|during|after|late|earlier)\b|[,;(\u2014.]|$", after_obj):
                return None
            return offset + obj.end(), s_end
    if re.match(r"\s*(in|at|during|on|after|before|to|with|through|via|from|by|as|for)\b", rest) \
            or not re.search(r"\w", rest):
        return None
    if re.match(r"\s*(?:[a-z]+ly\s+)?(?:it|so|this|nothing|something|anything|more|little|no)\b[.,]?\s*$", rest):
        return None
    return offset, s_end


def _content_before(masked: str, s_start: int, at: int) -> tuple[int, int] | None:
    end = masked.rfind(",", s_start, at)
    quote_end = max(masked.rfind("\u201d", s_start, at), masked.rfind('"', s_start, at))
    end = max(end, quote_end)
    if end <= s_start:
        return None
    return s_start, end


def _via_after(text: str, b: int, end: int) -> str | None:
    found = re.search(r"\b(?:in an? (?:interview|statement|article|post|op-ed)\s+(?:with|to|in|on)|"
                      r"told|speaking to|on)\s+(?:the\s+)?((?:[" + _UP + r"][\w'\u2019.-]*\s*){1,4})"
                      r"(?:newspaper|daily|television|tv|channel|news agency|agency|radio|"
                      r"broadcaster|magazine)", text[b:end])
    if found:
        return found.group(1).strip()
    return None


def _according(text: str, masked: str, s_start: int, s_end: int, a: int, b: int) -> _Cue | None:
    rest = masked[b:s_end]
    source = re.match(r"\s*((?:(?:the|a|an)\s+)?(?:[^,.;]|" + _ABBREVIATION_DOT + r"){1,160}?)"
                      r"(?=,|(?!" + _ABBREVIATION_DOT + r")\.|;|$)", rest)
    if not source:
        return None
    speaker = source.group(1).strip()
    content_after = (b + source.end() + 1, s_end)
    content_before = (s_start, a)
    if _has_words(masked, content_before) and not re.match(r"^\s*$", masked[s_start:a].rstrip(", ")):
        # '..., according to X' ends the statement at its comma; '... delegates according to X'
        # at the cue, and an opening phrase before the statement ('Entering June, ') stays out
        before = masked[s_start:a].rstrip()
        end = s_start + len(before) - 1 if before.endswith(",") else a
        opening = re.match(r"\s*(?:(?:In|On|At|By|After|Before|Entering|During|Since|As of)\b[^,]{0,60},\s*)",
                           masked[s_start:end])
        content = (s_start + (opening.end() if opening else 0), end)
    else:
        content = content_after
    return _Cue(a, b, "according to", content, speaker_text=speaker, confidence=0.75)


# ---------------------------------------------------------------- speakers

_DEMONYMS = {"turkey": "turk", "russia": "russ", "syria": "syri", "iran": "iran",
             "united states": "u.s", "us": "u.s", "u.s.": "u.s", "france": "fren",
             "britain": "brit", "germany": "germ", "china": "chin", "israel": "isra",
             "ukraine": "ukra", "iraq": "iraq"}


def _org_name(phrase: str) -> str:
    phrase = re.sub(r"^(?:(?:the|a|an)\s+)", "", phrase.strip(), flags=re.I)
    words = phrase.split()
    while words and (words[0][:1].islower() or words[0].lower().endswith("-based")):
        words.pop(0)
    phrase = " ".join(words) if words else phrase
    phrase = re.split(r"\s+(?:on|in|at|about|during|earlier|later|from)\s", phrase)[0]
    media = _MEDIA_TYPE.search(phrase)
    if media and (phrase[:media.start()].split() or [""])[-1][:1].isupper():
        # 'the Rossiyskaya Gazeta newspaper' is Rossiyskaya Gazeta; 'the U.N. refugee agency' stays
        phrase = phrase[:media.start()]
    return phrase.strip(" ,")


# 'Officials in the U.K.', 'diplomats at the U.N.', 'a spokesman in London': a description
# alone says little of who spoke, so the place it gives stays with it (not 'Lopez in Ankara')
_PLACED_DESCRIPTION = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?((?:[\w.'\u2019-]+\s+){0,3}(?i:officials?|sources?|police|"
    r"diplomats?|witnesses|residents|activists|authorities|investigators|prosecutors|lawmakers|"
    r"spokes(?:man|woman|person)|officers|analysts|experts|observers|aides|doctors|medics|"
    r"rescuers|negotiators|leaders|commanders)\s+(?:in|at|from)\s+(?:the\s+)?"
    r"(?!(?:" + "|".join(w.capitalize() for w in _NOT_NAMES if w.isalpha()) + r")\b)"
    r"[" + _UP + r"][\w.'\u2019-]*(?:\s+[" + _UP + r"][\w.'\u2019-]*){0,3}"
    r"(?:\s+(?:state|province|region|city|town|county|district|capital|port)\s+of\s+(?:the\s+)?"
    r"[" + _UP + r"][\w.'\u2019-]*(?:\s+[" + _UP + r"][\w.'\u2019-]*){0,2})?)")


def _resolve(phrase: str, text: str, cue: _Cue, salience: _Salience) -> tuple[str | None, str | None]:
    """(speaker, role) of a speaker phrase: pronouns, short names and titles resolved."""
    phrase = phrase.strip().strip(",")
    if re.search(r"\w{2}\.$", phrase):
        phrase = phrase[:-1]
    if not phrase or sum(w.isalpha() and w.isupper() and len(w) > 1 for w in phrase.split()) >= 2 \
            or re.search(r"\bLet(?:['\u2019]s|\s+(?:me|us))$", phrase):
        return None, None  # a heading in capitals ('SAVE EARLY Start'), 'Let's say'
    opening = re.match(r"(?:In|At|On|During|After|Before|From|With|Speaking|Not long after)\b.*?\s(?=(?:[" + _UP
                       + r"][\w'\u2019.-]*\s*){1,4}$)", phrase)
    clause = re.search(r"\b(?:when|while|as|after|before|because|since|if|with|wonder)\s+((?:[" + _UP
                       + r"][\w'\u2019.-]*\s*){1,4})$", phrase)
    if opening:
        phrase = phrase[opening.end():]  # 'In a radio interview Lee': Lee
    elif clause and re.search(r"\b[a-z]", phrase[:clause.start()]):
        phrase = clause.group(1).strip()  # 'Boos rang out when Lee': Lee
    placed = _PLACED_DESCRIPTION.fullmatch(phrase)
    if placed:
        return placed.group(1), None
    lowered = phrase.lower()
    at = cue.start
    if lowered in _PRONOUNS:
        kind = _PRONOUNS[lowered]
        if kind == "person":
            female = lowered in ("she", "her")
            topic = salience.introduced(at, female=female) or salience.last_topic(at, female=female)
            nearer = salience.named_since(topic, at, female=female) if topic and female else None
            if nearer is not None:  # 'Lee said ... Maria Kolesnikova ... she said': the woman
                topic = nearer
            if topic is not None and (topic[:1].islower() or topic.split()[0] in ("The", "A", "An", "One", "Another")):
                # 'the older man ... he said': that man, by name when his title is known
                titled = re.search(r"(" + _PERSON_NOUNS + r")$", topic, re.I)
                person = salience.by_title(titled.group(1).lower(), None, at) if titled else None
                if person is None:
                    return topic, None
                topic = person.name
            if topic is None:
                person = salience.last_person(at, female=female)
                if person is None:
                    return None, None
                topic = person.name
            full = salience.full_name(topic)
            return full, salience.role_of(full)
        if kind == "thing" and lowered == "it" and re.search(r",[\"\u201d]?\s*it\s+(?:\w+ly\s+)?$", text[max(0, at - 30):at]) \
                and re.match(r"(?:\s+(?:on\s+)?\w+day|\s+in\s+an?\s+statement)?\s*[.!?]", text[cue.end:cue.end + 40]):
            # 'Police did not use firearms, it said.', '"We will appeal," it said.': the body named
            # or speaking last, not far before; nothing when there is none (a proposal by 'it' says nothing of who spoke).
            # Not 'It said ...' or '..., it says, would ...': a report or a plan as often as a body
            return salience.last_body(at, since=at - 400), None
        return None, None
    role, name = split_role(phrase)
    if "," in name:  # 'Rep. J.T. Holloway, head of the panel': the title is the role, if any
        name, _, tail = name.partition(",")
        role = role or tail.strip() or None
        name = name.strip()
    described = re.fullmatch(r"((?:[^" + _UP + r"\s]\S*\s+)*[^" + _UP + r"\s]\S*)\s+((?:[" + _UP
                             + r"][\w'\u2019.-]*\s*){2,4})", name)
    if described and not role and not _DETERMINER.fullmatch(described.group(1) + " "):
        # 'flood widow Ana Berg'
        role, name = described.group(1), described.group(2).strip()
    nominal = re.match(r"^(?:the|a|an|(\w+)['\u2019]s)\s+(?:(\w+)\s+)?(minister|president|"
                       r"premier|spokes\w+|leader|chancellor|envoy|ambassador|secretary|"
                       r"official|prime minister|foreign minister|senator|governor|mayor|"
                       r"congressman|congresswoman)$", phrase, re.I)
    if nominal:
        qualifier = nominal.group(1) or nominal.group(2)
        if (qualifier or "").lower() in ("gop", "republican", "democratic", "democrat", "former", "veteran"):
            qualifier = None  # 'the GOP senator': any senator's party
        qualifier = _DEMONYMS.get((qualifier or "").lower(), (qualifier or "").lower()[:4]) or None
        head = nominal.group(3).lower().split()[-1]
        person = salience.by_title(head, qualifier, at)
        if person is not None:
            full = salience.full_name(person.name)
            return full, phrase
        return _org_name(phrase), None
    name = _org_name(name)
    if not name:
        return None, None
    full = salience.full_name(name)
    if full != name and len(full.split()) > len(name.split()):
        return full, role or salience.role_of(full)
    if len(name.split()) >= 2 and name[:1].isupper() and not any(
            w.lower() in _ORG_WORDS or w.lower() in _PLACES for w in name.split()):
        salience.note(name, role, at)
        salience.note(name, role, at)  # a speaker counts as a person for the pronouns after
        return salience.full_name(name), role or salience.role_of(name)
    return name, role
