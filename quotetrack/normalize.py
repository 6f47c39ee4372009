"""Normal forms: statement text (for duplicates), names (for identities) and dates."""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from quotetrack.errors import ValidationError

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The form two copies of the same words share: NFKC, casefolded, one kind of quote, single spaces.

    Used to spot exact duplicates; never stored in place of what the user typed.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    folded = _SPACE.sub(" ", folded).strip()
    # Surrounding quote marks are typography, not words.
    return folded.strip("\"' ")


def normalize_name(name: str) -> str:
    """A speaker or outlet name folded for matching: ASCII letters, lower case, single spaces.

    Turkish dotted/dotless i, accents, Cyrillic and Arabic letters all fold through anyascii.
    """
    from anyascii import anyascii

    ascii_form = anyascii(unicodedata.normalize("NFC", name.strip())).lower()
    ascii_form = re.sub(r"[^\w\s]", " ", ascii_form)
    return _SPACE.sub(" ", ascii_form).strip()


# Latin letters FTS5's unicode61 tokenizer keeps apart from their plain look-alikes: it folds
# only letters that decompose into a base letter and marks (ç ğ ö İ), not Turkish dotless ı,
# Polish ł, ø, đ, ß, æ ... The search index holds statement text with these folded, and queries
# are folded alike, so 'acikladi' finds 'açıkladı' and 'Lodz' finds 'Łódź'. A change to this
# list needs a schema step that rebuilds the index, as 0004_search_folds did.
SEARCH_FOLDS = (
    ("ı", "i"), ("ł", "l"), ("Ł", "L"), ("ø", "o"), ("Ø", "O"), ("đ", "d"), ("Đ", "D"),
    ("ð", "d"), ("Ð", "D"), ("ħ", "h"), ("Ħ", "H"), ("ß", "ss"), ("ẞ", "SS"), ("æ", "ae"),
    ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("þ", "th"), ("Þ", "TH"),
)
_SEARCH_TABLE = str.maketrans(dict(SEARCH_FOLDS))


def fold_for_search(text: str) -> str:
    """Text as the full-text index holds it (see SEARCH_FOLDS); FTS5 folds case and accents."""
    return text if text.isascii() else text.translate(_SEARCH_TABLE)


def search_fold_sql(expression: str) -> str:
    """SQL folding `expression` as fold_for_search does, in plain replace() calls, so that the
    index triggers need no function of quotetrack's and any SQLite client keeps them working."""
    for letter, plain in SEARCH_FOLDS:
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def clean_label(value: str) -> str:
    """A name as the user meant it: trimmed, inner whitespace collapsed, NFC."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", value)).strip()


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; `iso` keeps exactly that precision."""

    iso: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    @property
    def first_day(self) -> _dt.date:
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return _dt.date(parts[0], parts[1], parts[2])

    @property
    def last_day(self) -> _dt.date:
        year, *rest = [int(p) for p in self.iso.split("-")]
        if not rest:
            return _dt.date(year, 12, 31)
        month = rest[0]
        if len(rest) == 2:
            return _dt.date(year, month, rest[1])
        nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.iso


_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})$")


# A statement's date before this year, or starting more than FUTURE_DAYS after today, is a typo
# (0001-01-01, 3020-01-01), not a date anyone reports.
EARLIEST_YEAR = 1000
FUTURE_DAYS = 366


def parse_date(value: str, field: str = "date", *, plausible: bool = True) -> PartialDate:
    """Parse '2020', '2020-02', '2020-02-04', '4 February 2020', 'Feb 2020' keeping their precision.

    An all-numeric day and month in either order is taken when only one order gives a date
    ('13/04/2020' and '04/13/2020' are 13 April). Raises ValidationError for impossible dates
    ('2020-02-31', '31/02/2020') and for those that could be read two ways ('04.02.2020');
    with `plausible` (for a date to store, not a filter's bound), also for a date before the
    year 1000 or more than a year after today.
    """
    date = _parse_date(value, field)
    if plausible:
        text = (value or "").strip()
        if date.first_day.year < EARLIEST_YEAR:
            raise ValidationError(field, f"'{text}' is before the year {EARLIEST_YEAR}; "
                                         "is the year mistyped?")
        latest = _dt.date.today() + _dt.timedelta(days=FUTURE_DAYS)
        if date.first_day > latest:
            raise ValidationError(field, f"'{text}' is more than a year in the future; "
                                         "is the year mistyped?")
    return date


def _parse_date(value: str, field: str) -> PartialDate:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "is empty; give a date like 2020-02-04, 2020-02 or 2020")
    m = _ISO.match(text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day:
                d = _dt.date(int(year), int(month), int(day))
                return PartialDate(d.isoformat())
            if month:
                _dt.date(int(year), int(month), 1)
                return PartialDate(f"{int(year):04d}-{int(month):02d}")
            if int(year) < 1:
                raise ValueError
            return PartialDate(f"{int(year):04d}")
        except ValueError:
            raise ValidationError(field, f"'{text}' is not a date") from None
    m = _NUMERIC_DMY.match(text)
    if m:
        return PartialDate(_day_and_month_in_either_order(text, *m.groups(), field).isoformat())
    if not re.search(r"[A-Za-z\u00c0-\uffff]", text) or not re.search(r"\d{4}", text):
        raise ValidationError(field, f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    from dateutil import parser as date_parser

    try:
        low = date_parser.parse(text, default=_dt.datetime(1, 1, 1))
        high = date_parser.parse(text, default=_dt.datetime(2, 2, 2))
    except (ValueError, OverflowError):
        raise ValidationError(field, f"'{text}' is not a date") from None
    if low.year != high.year:
        raise ValidationError(field, f"'{text}' has no year")
    if low.month != high.month:
        return PartialDate(f"{low.year:04d}")
    if low.day != high.day:
        return PartialDate(f"{low.year:04d}-{low.month:02d}")
    return PartialDate(low.date().isoformat())


def _day_and_month_in_either_order(text: str, first: str, second: str, year: str,
                                   field: str) -> _dt.date:
    """The one date that '13/04/2020' (day first) or '04/13/2020' (month first) can be."""
    if len(year) != 4:
        raise ValidationError(field, f"'{text}' does not give the year in full; write it as YYYY-MM-DD")
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(_dt.date(int(year), int(month), int(day)))
        except ValueError:
            pass
    if not readings:
        raise ValidationError(field, f"'{text}' is not a date")
    if len(readings) > 1:
        raise ValidationError(
            field, f"'{text}' could be read day-first or month-first; write it as YYYY-MM-DD")
    return readings.pop()


# ---------------------------------------------------------------- names as identities
#
# A name as written in the news carries a role ("Turkish Foreign Minister Mevlut Cavusoglu",
# "Dmitry Peskov, Kremlin spokesman") and one of many spellings (Çavuşoğlu, Chavushoglu,
# Мевлют Чавушоглу). `split_role` takes the role off, keeping it as written; `name_parts`
# gives the tokens and keys that identity matching compares.

# Words that name an office or a form of address: a role ends with one of them.
_HEADS = frozenset("""
president presidents vice-president president-elect minister ministers premier chancellor secretary
spokesman spokeswoman spokesperson spokespeople spox governor mayor senator sen congressman
congresswoman representative rep gov ambassador envoy commander director chairman chairwoman chair
chairperson leader queen prince princess emir ayatollah pope colonel col gen lt lieutenant maj
capt captain adm admiral sgt sergeant cdr brig brigadier marshal dr mr mrs ms mx miss sir dame
lord lady judge attorney prosecutor adviser advisor official officer diplomat aide negotiator
mufti imam rabbi cardinal bishop archbishop patriarch coordinator commissioner mp lawmaker
legislator candidate nominee professor prof ceo cfo coo executive founder lawyer analyst
economist correspondent reporter editor deputy emeritus administrator manager
ombudsman rapporteur
""".split())
# Heads that are also words in names of people and bodies ("John Major", "General Motors",
# "Sheikh Hasina", "Speaker" the title and the surname): stripped only before a name of two
# or more words.
_AMBIGUOUS_HEADS = frozenset("general major chief head king sheikh speaker justice whip".split())
# Words that qualify a head ("former", "Foreign" in "Foreign Minister", "Crown" in "Crown Prince").
_MODIFIERS = frozenset("""
former ex acting deputy vice assistant top senior junior chief crown prime foreign defence
defense interior home finance health justice state first supreme grand then outgoing incoming
interim caretaker de facto lead leading opposition ruling government military army navy air
police security intelligence foreign-affairs press communications economy economic trade energy
""".split())
# Words of the department a role names after "of"/"for" ("Secretary of State", "Minister for
# Foreign Affairs", "Chief of General Staff", "Director of National Intelligence").
_DEPARTMENTS = frozenset("""
state foreign affairs defence defense interior home finance health justice economy economic
treasury trade energy national intelligence security homeland education staff general armed
forces army navy air public information communications the and human rights environment
agriculture transport labour labor culture tourism industry development internal external
european union commerce relations international
""".split())
_CONNECTORS = frozenset(("of", "for"))
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# Arabic and other patronymic particles: "Mohammed bin Salman" is Mohammed, son of Salman, so
# "Salman" alone is not his surname.
PATRONYMIC = frozenset("bin ibn bint ben bn ould".split())
# Articles that are written attached or apart and dropped when names are compared.
_ARTICLES = frozenset("al el ul".split())
# "Ministry of Foreign Affairs" is the Foreign Ministry.
_NAME_STOPWORDS = frozenset("of the and for affairs".split())
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")


def _bare(word: str) -> str:
    return word.strip(".,;:()[]\"'").casefold()


def _is_head(word: str) -> bool:
    parts = [p for p in _bare(word).split("-") if p]
    return bool(parts) and all(p in _HEADS or p in _MODIFIERS or p in _AMBIGUOUS_HEADS
                               for p in parts) and (parts[-1] in _HEADS or parts[-1] in _AMBIGUOUS_HEADS)


def _is_modifier(word: str) -> bool:
    parts = [p for p in _bare(word).split("-") if p]
    return bool(parts) and all(p in _MODIFIERS for p in parts)


def _looks_like_qualifier(word: str) -> bool:
    """A word that may stand before a title: 'Turkish', 'Kremlin', "Russia's", 'US', 'UN',
    'al-Qaeda'."""
    core = word.strip(".,;:()[]\"")
    if not core:
        return False
    if re.search(r"['\u2019]s$", core):
        return True
    if re.match(r"^(al|el)-[A-Z]", core):
        return True  # a proper name with the Arabic article: al-Qaeda leader, al-Nusra commander
    return core[:1].isupper() or core.isupper()


# Lowercase words inside names ("Bashar al-Assad", "Mohammed bin Salman", "Ursula von der
# Leyen", "Charles de Gaulle"): a description before a title never holds one, so the scan for a
# title stops at them and the name stays whole; after a title they may start the name.
_PARTICLES = frozenset("""
al el ul bin ibn bint ben bn ould abu de del della der den van von da di du dos das do la le
ter ten op zu
""".split())
# The Arabic article joined by a hyphen, as transliterated: al-Assad, el-Sisi, ash-Sharaa.
_ARTICLE_PREFIXES = frozenset("al el ad ash as an ar at az ul".split())


def _is_particle(word: str) -> bool:
    bare = _bare(word)
    return bare in _PARTICLES or ("-" in bare and bare.split("-")[0] in _ARTICLE_PREFIXES)


def _describes(word: str) -> bool:
    """A lowercase word of a description before a title: 'policy' in 'EU foreign policy chief',
    'operating' in 'chief operating officer', 'of' in 'Bank of England Governor'."""
    core = word.strip(".,;:()[]\"")
    return bool(core) and core[:1].islower() and core.replace("-", "").isalpha() and not _is_particle(core)


# At most this many capitalised words (or lowercase words) stand before a title, or between two
# titles of one description: "Belarus Central Election Commission head", "EU foreign policy chief".
_MAX_QUALIFIERS = 4
_MAX_DESCRIBING = 3
# Forms of address: they start a name rather than end a description.
_ADDRESS = frozenset("mr mrs ms mx miss dr sir dame lord lady".split())


def _is_name_start(rest: list[str], head: str) -> bool:
    """Whether the words after a title (`head`, its last word folded) can be a name."""
    if not rest or all(_bare(w) in _SUFFIXES for w in rest):
        return False
    if head in _AMBIGUOUS_HEADS and len(rest) < 2:
        return False  # "John King", "General Motors", "Sheikh Hasina"
    # "the spokesman said": not a name after the title; "Foreign Minister al-Jubeir" is one.
    return rest[0][:1].isupper() or _is_particle(rest[0])


@functools.lru_cache(maxsize=16384)
def split_role(name: str) -> tuple[str | None, str]:
    """Split a leading (or comma-trailing) role off a name: (role as written, name).

    'Turkish Foreign Minister Mevlut Cavusoglu' -> ('Turkish Foreign Minister', 'Mevlut Cavusoglu');
    'EU foreign policy chief Josep Borrell' -> ('EU foreign policy chief', 'Josep Borrell');
    'Dmitry Peskov, Kremlin spokesman' -> ('Kremlin spokesman', 'Dmitry Peskov'). A name that
    would be left empty or only a suffix ('Downing Street spokesperson', 'Martin Luther King Jr')
    is kept whole, with no role, and so is a name holding a particle before any title ('Ursula
    von der Leyen', 'Mohammed bin Salman').
    """
    text = clean_label(name)
    if "," in text:
        left, right = (part.strip() for part in text.split(",", 1))
        if left and right and any(_is_head(w) for w in right.split()) and not any(
                _is_head(w) for w in left.split()):
            return right, left
    words = text.split()
    # A description is read word by word: titles (heads), their modifiers, "of/for" departments
    # after a title, capitalised qualifiers (an organisation, a country, an acronym) and
    # lowercase describing words. Every title met is a place the name may start; the last one
    # followed by something that can be a name wins ("General Motors chief executive Mary
    # Barra": not after "General").
    ends: list[int] = []
    qualifiers = describing = 0
    plain = True  # only titles, modifiers and capitalised qualifiers so far
    i = 0
    while i < len(words):
        word = words[i]
        if _is_head(word) or _is_modifier(word):
            i += 1
            if _is_head(word) and (plain or _bare(word) not in _ADDRESS):
                # A form of address after describing words is someone else's: "advisers to
                # Mr. Obama" are not Mr. Obama.
                ends.append(i)
                qualifiers = describing = 0
            if word.endswith(","):
                break
            continue
        if ends and ends[-1] == i and _bare(word) in _CONNECTORS:
            j = i + 1
            while j < len(words) and _bare(words[j]) in _DEPARTMENTS:
                j += 1
            if j == i + 1 and j < len(words) - 2 and words[j][:1].isupper():
                j += 1  # "President of Turkey Recep Tayyip Erdogan"
            if j > i + 1:
                i = j
                ends.append(j)
                continue
        if word.endswith(","):
            break  # "Rep. Jim Clyburn, the assistant leader of ...": the name came first
        if qualifiers < _MAX_QUALIFIERS and _looks_like_qualifier(word):
            qualifiers += 1
            i += 1
            continue
        if _bare(word) == "and" and not (
                i and not _is_head(words[i - 1]) and i + 1 < len(words)
                and not _is_head(words[i + 1])):
            break  # "Foreign and Commonwealth Secretary", not "Mr. King and Mr. Schultz"
        if describing < _MAX_DESCRIBING and _describes(word):
            describing += 1
            plain = False
            i += 1
            continue
        break
    for end in reversed(ends):
        rest = words[end:]
        if rest and (_is_head(rest[0]) or _is_modifier(rest[0])):
            continue  # "Chief Justice Roberts" is not Justice Roberts, the Chief
        head = _bare(words[end - 1]).split("-")[-1]
        if _is_name_start(rest, head):
            return " ".join(words[:end]).rstrip(","), " ".join(rest)
    return None, text


_ARABIC_SCRIPT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def fold_name(name: str) -> str:
    """A name folded for identity: ASCII (anyascii), lower case, apostrophes dropped inside words
    (Zelens'kiy -> zelenskiy), other punctuation as spaces (al-Assad -> al assad)."""
    from anyascii import anyascii

    text = unicodedata.normalize("NFC", name.strip())
    if _ARABIC_SCRIPT.search(text):
        # The Arabic article is written joined to the word: الأسد is al-Asad.
        text = " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split())
    text = re.sub(r"[\u0027\u2019]s\b", "", text)  # Russia's Defence Ministry: Russia
    text = _APOSTROPHES.sub("", text)
    ascii_form = _APOSTROPHES.sub("", anyascii(text)).lower()
    ascii_form = re.sub(r"[^a-z0-9\s]", " ", ascii_form)
    return _SPACE.sub(" ", ascii_form).strip()


_TRANSLIT = (
    ("dzh", "j"), ("dj", "j"), ("tch", "c"), ("sch", "s"), ("kh", "h"), ("gh", "g"), ("ph", "f"),
    ("zh", "z"), ("tz", "z"), ("ts", "z"), ("ch", "c"), ("sh", "s"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("cy", "si"),
    ("c", "k"), ("q", "k"), ("w", "v"), ("x", "ks"),
    ("yu", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "i"), ("ei", "i"),
    ("yi", "i"), ("iy", "i"), ("ij", "i"), ("y", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")


@functools.lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """A folded name word with the usual transliteration variants made equal: Sergey = Sergei,
    Zelenskyy = Zelenskiy, Chavushoglu = Cavusoglu, Mohammed = Mohamed."""
    if token.isdigit():
        return token
    key = re.sub(r"ej$", "ei", token)  # German Sergej, Alexej
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


@functools.lru_cache(maxsize=65536)
def token_skeleton(key: str) -> str:
    """A token key without its inner vowels (first and last letters kept, a first vowel as 'a'):
    Mohamed and Muhammad, Morsi and Mursi share one; Zelenska and Zelenski do not."""
    if len(key) <= 2:
        return key
    first = "a" if key[0] in "aeiou" else key[0]  # Ebrahim/Ibrahim, Aliyev/Əliyev
    return _DOUBLE.sub(r"\1", first + _VOWELS.sub("", key[1:-1]) + key[-1])


@functools.lru_cache(maxsize=65536)
def consonants(key: str) -> str:
    """Only the consonants of a token key: what an unvowelled (Arabic, Persian, Hebrew) spelling
    keeps once transliterated. Long vowels written as w/y/h are dropped too."""
    return _DOUBLE.sub(r"\1", re.sub(r"[aeiouvhi]", "", key))


@dataclass(frozen=True)
class NameParts:
    """What identity matching compares: the folded name, its word keys, and its shape."""

    norm: str  # folded name: "mevlut cavusoglu"
    keys: tuple[str, ...]  # transliteration keys of the words, articles and "of/the" dropped
    compact: str  # the folded letters without spaces: "kimjongun"
    patronymic: bool  # holds bin/ibn/...: the last word is a father's name, not a surname
    unvowelled: bool  # written in a script without vowels (Arabic, Persian, Hebrew)
    words: tuple[str, ...] = ()  # the folded words the keys were made from, one for each key

    @property
    def last(self) -> str:
        return self.keys[-1] if self.keys else ""


@functools.lru_cache(maxsize=16384)
def name_parts(name: str) -> NameParts:
    """The parts of a name (with any role already split off) that matching compares."""
    norm = fold_name(name)
    words = norm.split()
    kept = tuple(w for w in words if w not in _ARTICLES and w not in _NAME_STOPWORDS) or tuple(words)
    return NameParts(
        norm=norm, keys=tuple(token_key(w) for w in kept), compact=norm.replace(" ", ""),
        patronymic=any(w in PATRONYMIC for w in words[1:-1]),
        unvowelled=bool(_ARABIC_SCRIPT.search(name)), words=kept,
    )


# ---------------------------------------------------------------- countries in names of bodies
#
# "Belarusian Interior Ministry" and "Interior Ministry" may be two countries' ministries:
# identity matching never takes a body that names a country as one that names none, or
# another (quotetrack.matching). Each line: a country, then the other words that name it
# (demonyms, short forms), all folded as fold_name folds them.
_COUNTRY_WORDS = """
afghanistan: afghan afghans
albania: albanian
algeria: algerian
andorra: andorran
angola: angolan
argentina: argentine argentinian
armenia: armenian
australia: australian
austria: austrian
azerbaijan: azerbaijani azeri
bahamas: bahamian
bahrain: bahraini
bangladesh: bangladeshi
barbados: barbadian
belarus: belarusian byelorussian belarussian belorussian
belgium: belgian
belize: belizean
benin: beninese
bhutan: bhutanese
bolivia: bolivian
bosnia: bosnian bosnia and herzegovina
botswana: botswanan
brazil: brazilian
brunei: bruneian
bulgaria: bulgarian
burkina faso: burkinabe
burundi: burundian
cambodia: cambodian
cameroon: cameroonian
canada: canadian
cape verde: cape verdean cabo verde
central african republic: central african
chad: chadian
chile: chilean
china: chinese prc
colombia: colombian
comoros: comoran
congo: congolese drc
costa rica: costa rican
croatia: croatian
cuba: cuban
cyprus: cypriot
czech republic: czech czechia
denmark: danish
djibouti: djiboutian
dominican republic: dominican
ecuador: ecuadorian
egypt: egyptian
el salvador: salvadoran salvadorean
england: english
equatorial guinea: equatoguinean
eritrea: eritrean
estonia: estonian
eswatini: swazi swaziland
ethiopia: ethiopian
fiji: fijian
finland: finnish
france: french
gabon: gabonese
gambia: gambian
georgia: georgian
germany: german
ghana: ghanaian
greece: greek hellenic
guatemala: guatemalan
guinea: guinean
guyana: guyanese
haiti: haitian
honduras: honduran
hong kong: hongkong
hungary: hungarian
iceland: icelandic
india: indian
indonesia: indonesian
iran: iranian persian
iraq: iraqi
ireland: irish
israel: israeli
italy: italian
ivory coast: ivorian cote d ivoire cote divoire
jamaica: jamaican
japan: japanese
jordan: jordanian
kazakhstan: kazakh kazakhstani
kenya: kenyan
kosovo: kosovar kosovan
kuwait: kuwaiti
kyrgyzstan: kyrgyz
laos: lao laotian
latvia: latvian
lebanon: lebanese
lesotho: basotho
liberia: liberian
libya: libyan
liechtenstein: liechtensteiner
lithuania: lithuanian
luxembourg: luxembourgish
madagascar: malagasy
malawi: malawian
malaysia: malaysian
maldives: maldivian
mali: malian
malta: maltese
mauritania: mauritanian
mauritius: mauritian
mexico: mexican
moldova: moldovan
monaco: monegasque
mongolia: mongolian
montenegro: montenegrin
morocco: moroccan
mozambique: mozambican
myanmar: burmese burma
namibia: namibian
nepal: nepali nepalese
netherlands: dutch holland
new zealand: new zealander
nicaragua: nicaraguan
niger: nigerien
nigeria: nigerian
north korea: north korean dprk
north macedonia: macedonian macedonia
northern ireland: northern irish
norway: norwegian
oman: omani
pakistan: pakistani
palestine: palestinian
panama: panamanian
papua new guinea: papua new guinean
paraguay: paraguayan
peru: peruvian
philippines: philippine filipino
poland: polish
portugal: portuguese
qatar: qatari
romania: romanian
russia: russian russian federation
rwanda: rwandan
saudi arabia: saudi
scotland: scottish
senegal: senegalese
serbia: serbian
sierra leone: sierra leonean
singapore: singaporean
slovakia: slovak slovakian
slovenia: slovenian slovene
somalia: somali
south africa: south african
south korea: south korean korea korean rok
south sudan: south sudanese
spain: spanish
sri lanka: sri lankan
sudan: sudanese
suriname: surinamese
sweden: swedish
switzerland: swiss
syria: syrian
taiwan: taiwanese
tajikistan: tajik
tanzania: tanzanian
thailand: thai
togo: togolese
trinidad and tobago: trinidadian
tunisia: tunisian
turkey: turkish turkiye
turkmenistan: turkmen
uganda: ugandan
ukraine: ukrainian
united arab emirates: emirati uae
united kingdom: uk british britain great britain
united states: us usa american united states of america
uruguay: uruguayan
uzbekistan: uzbek
venezuela: venezuelan
vietnam: vietnamese viet nam
wales: welsh
yemen: yemeni
zambia: zambian
zimbabwe: zimbabwean
"""


def _country_table() -> dict[tuple[str, ...], str]:
    """Folded words (a tuple, one or more) -> the country they name."""
    table: dict[tuple[str, ...], str] = {}
    for line in _COUNTRY_WORDS.strip().splitlines():
        country, others = line.split(":")
        table[tuple(country.split())] = country
        words = others.split()
        i = 0
        while i < len(words):  # the other names are one word each, save _MULTIWORD_FORMS
            for size in (4, 3, 2):
                chunk = tuple(words[i:i + size])
                if len(chunk) == size and " ".join(chunk) in _MULTIWORD_FORMS:
                    table[chunk] = country
                    i += size
                    break
            else:
                table[(words[i],)] = country
                i += 1
    return table


_MULTIWORD_FORMS = frozenset("""
bosnia and herzegovina|cape verdean|cabo verde|central african|costa rican|cote d ivoire|
new zealander|north korean|northern irish|papua new guinean|russian federation|sierra leonean|
south african|south korean|south sudanese|sri lankan|great britain|united states of america|
viet nam
""".replace("\n", "").split("|"))


@functools.lru_cache(maxsize=1)
def _countries() -> dict[tuple[str, ...], str]:
    return _country_table()


@functools.lru_cache(maxsize=16384)
def countries_named(norm: str) -> frozenset[str]:
    """The countries a folded name names, by the country's name or its people's:
    'belarusian interior ministry' -> {'belarus'}, 'u s department of justice' -> {'united states'}."""
    table = _countries()
    words = norm.split()
    found = set()
    i = 0
    while i < len(words):
        for size in (5, 4, 3, 2, 1):
            chunk = tuple(words[i:i + size])
            if len(chunk) == size and chunk in table:
                found.add(table[chunk])
                i += size
                break
            if size == 2 and len(chunk) == 2 and len(chunk[0]) == len(chunk[1]) == 1 and \
                    (chunk[0] + chunk[1],) in table:  # U.S., U.K. folded to "u s", "u k"
                found.add(table[(chunk[0] + chunk[1],)])
                i += 2
                break
        else:
            i += 1
    return frozenset(found)
