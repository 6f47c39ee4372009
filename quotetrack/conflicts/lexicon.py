"""Word lists the rules rely on: negation cues, contrary predicates, counted things, hedges.

These are facts about English, not about any one story: nothing here names a country,
a person or an event.
"""

from __future__ import annotations

STOPWORDS = frozenset("""
a about above across after again against all almost along already also although always am among an
and another any anyone anything are around as at be became because become been before being below
between both but by can could did do does doing done down during each either else enough even ever
every few for from further had has have having he her here hers herself him himself his how however
i if in into is it its itself just least less let like made make many may me might mine more most
much must my myself neither nor now of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps rather same several shall she should since so some still
such than that the their theirs them themselves then there these they this those though through thus
to too toward towards under until up upon us very via was we were what whatever when where whether
which while who whom whose why will with within would yet you your yours yourself yourselves
said says say saying told tells tell stated stating statement added adding noted according
mr mrs ms dr also just new news report reported reports reporting
i'm i've i'd i'll we're we've we'd we'll you're you've you'd you'll he's he'd he'll she's she'd
she'll it's it'd it'll they're they've they'd they'll that's there's
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
january february march april june july august september october november december
""".split())

# Cue -> how many following tokens it takes (0 = the cue is one word). Multi-word cues are
# matched on token sequences.
# Determiners that deny a thing exists or happened ("no poison was found", "nor missiles").
NP_NEGATION = frozenset("no none nobody nothing neither nor without".split())
NEGATION_WORDS = frozenset("""
not no never none nobody nothing neither nor without cannot cant can't won't wont didn't didnt
doesn't doesnt don't dont isn't isnt wasn't wasnt weren't werent aren't arent hasn't hasnt
haven't havent hadn't hadnt shouldn't wouldn't couldn't mustn't n't
""".split())
NEGATION_VERBS = frozenset("""
deny denies denied denying fail fails failed failing refuse refuses refused refusing
reject rejects rejected rejecting dismiss dismisses dismissed dismissing
""".split())
NEGATION_PHRASES = (
    ("no", "longer"), ("lack", "of"), ("absence", "of"), ("far", "from"), ("impossible",),
    ("not", "possible"), ("untrue",), ("unfounded",), ("baseless",), ("rather", "than"),
    ("instead", "of"),
)
# Cues that deny what comes before them ("a rocket attack is ruled out", "the claim ... is false").
POSTFIX_NEGATION = (
    ("ruled", "out"), ("is", "false"), ("are", "false"), ("was", "false"), ("is", "untrue"),
    ("are", "untrue"), ("is", "baseless"), ("are", "baseless"), ("devoid", "of", "truth"),
    ("is", "not", "true"), ("are", "not", "true"), ("was", "not", "true"), ("is", "a", "lie"),
    ("is", "fake"), ("are", "groundless"), ("is", "groundless"), ("is", "unfounded"),
    ("are", "unfounded"), ("is", "nonsense"), ("is", "fabricated"), ("are", "fabricated"),
    ("are", "lies"), ("is", "lies"), ("were", "false"), ("were", "untrue"),
    ("do", "not", "correspond", "to", "reality"), ("does", "not", "correspond", "to", "reality"),
    ("did", "not", "correspond", "to", "reality"), ("is", "not", "true"), ("has", "no", "basis"),
    ("have", "no", "basis"), ("is", "a", "fabrication"), ("is", "disinformation"),
    ("are", "disinformation"), ("is", "fake", "news"), ("is", "a", "fake"),
)
# Nouns that stand between a negation and what it denies: "no evidence that X" denies X.
# Verbs of finding out: 'we have not seen fraud' denies the fraud, not the seeing.
PERCEPTION = frozenset("""
seen see found find identified identify detected detect observed noticed witnessed uncovered
discovered established proven proved confirmed aware
""".split())
EVIDENCE_WORDS = frozenset("""
evidence proof sign signs indication indications basis reason grounds trace traces suggestion
accusation accusations assertion assertions plan plans intention intentions intent
claim claims report reports allegation allegations rumour rumours rumor rumors truth question doubt
knowledge article articles story stories post posts video videos footage
""".split())
AUXILIARIES = frozenset("""
is are was were be been being has have had do does did will would shall should can could may might
must get got gets
""".split())
# Words that call a claim untrue when they follow it ("claims that X are false").
# Words that call a whole report untrue, wherever they stand in the sentence ("the video of a
# bird pooping on Putin is a hoax", "Debunk: Apple didn't ...").
DEBUNK_WORDS = frozenset("hoax hoaxes hoaxer debunk debunked debunks debunking bogus myth".split())
# Words that call a claim untrue when they come before 'to say (that)': 'it is a misconception
# to say that the forest is the lungs of the world'.
FALSE_SAYING = DEBUNK_WORDS | frozenset("""fallacy misconception false wrong untrue incorrect lie
mistake nonsense absurd misleading""".split())
SAYING_VERBS = frozenset("say claim suggest argue believe think assert call describe".split())

# Reporting verbs: they introduce content, they are not the content.
REPORTING = frozenset("""
say says said saying tell tells told telling claim claims claimed claiming insist insists insisted
insisting state states stated add adds added note notes noted announce announced announces
confirm confirms confirmed report reports reported accord according argue argued argues
assert asserted asserts allege alleged alleges suggest suggested suggests believe believes believed
think thinks thought warn warns warned quote quoted quoting describe described
""".split())

# Irregular forms folded to the base form before stemming.
IRREGULAR = {
    "rose": "rise", "risen": "rise", "rising": "rise", "rises": "rise",
    "fell": "fall", "fallen": "fall", "falling": "fall", "falls": "fall",
    "withdrew": "withdraw", "withdrawn": "withdraw", "withdrawal": "withdraw",
    "won": "win", "lost": "lose", "losing": "lose", "loss": "lose", "losses": "lose",
    "broke": "break", "broken": "break", "breach": "break", "breached": "break", "breaches": "break",
    "violated": "violate", "violation": "violate", "violations": "violate", "violates": "violate",
    "began": "begin", "begun": "begin", "gave": "give", "given": "give", "took": "take", "taken": "take",
    "knew": "know", "known": "know", "sent": "send", "left": "leave", "led": "lead", "fled": "flee",
    "dead": "die", "died": "die", "dies": "die", "death": "die", "deaths": "die", "dying": "die",
    "killed": "kill", "killing": "kill", "kills": "kill", "fatalities": "die", "fatality": "die",
    "lives": "life", "men": "man", "women": "woman", "children": "child", "people": "person",
    "persons": "person", "troops": "soldier", "troop": "soldier", "soldiers": "soldier",
    "servicemen": "soldier", "serviceman": "soldier", "personnel": "soldier",
    "injured": "injure", "injuries": "injure", "injury": "injure", "wounded": "injure", "wounds": "injure",
    "hurt": "injure", "casualties": "casualty",
    "higher": "high", "lower": "low", "bigger": "big", "smaller": "small",
    "better": "good", "worse": "bad",
    # the common irregular verbs of news copy, so that 'denied meeting' meets 'met'
    "met": "meet", "paid": "pay", "sold": "sell", "bought": "buy", "brought": "bring",
    "thought": "think", "found": "find", "held": "hold", "saw": "see", "seen": "see",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "hid": "hide",
    "hidden": "hide", "stole": "steal", "stolen": "steal", "fought": "fight", "caught": "catch",
    "built": "build", "spent": "spend", "lent": "lend", "kept": "keep", "sought": "seek",
    "froze": "freeze", "frozen": "freeze", "chose": "choose", "chosen": "choose", "drove": "drive",
    "driven": "drive", "flew": "fly", "flown": "fly", "ran": "run", "sank": "sink", "sunk": "sink",
    "swore": "swear", "sworn": "swear", "beaten": "beat", "blew": "blow", "blown": "blow",
    "drew": "draw", "drawn": "draw", "grew": "grow", "grown": "grow", "heard": "hear",
    "threw": "throw", "thrown": "throw", "tore": "tear", "torn": "tear", "wore": "wear",
    "worn": "wear", "forgot": "forget", "forgotten": "forget", "understood": "understand",
    "overtook": "overtake", "underwent": "undergo", "undergone": "undergo", "fed": "feed",
    "meant": "mean", "stood": "stand", "shook": "shake", "shaken": "shake",
    "bound": "bind", "dug": "dig", "hung": "hang", "sped": "speed",
    "ate": "eat", "eaten": "eat", "woke": "wake", "slept": "sleep", "swept": "sweep",
}

# Words that name the same predicate or thing in news copy (word -> shared representative).
SYNONYMS = {
    "downed": "strike", "shoot": "strike", "shot": "strike", "hit": "strike", "struck": "strike",
    "strikes": "strike", "hits": "strike",
    "guidance": "rule", "guidelines": "rule", "guideline": "rule", "regulations": "rule",
    "regulation": "rule", "rules": "rule", "restrictions": "rule", "law": "rule", "laws": "rule",
    "lie": "mislead", "lies": "mislead", "lied": "mislead", "lying": "mislead", "misled": "mislead", "misleading": "mislead",
    "responsibility": "guilty", "responsible": "guilty", "involvement": "guilty", "culpable": "guilty", "blame": "guilty",
    "blamed": "guilty", "rigged": "rig", "fraudulent": "fraud",
    "informed": "notify", "inform": "notify", "briefed": "notify", "forewarned": "warn",
    "truth": "true", "truthful": "true",
    "reopen": "open", "reopened": "open", "reopens": "open", "reopening": "open",
    "murder": "kill", "murdered": "kill", "premeditated": "plan", "planned": "plan",
    "turnout": "person", "crowd": "person", "attendance": "person", "participants": "person",
    "protesters": "person", "demonstrators": "person", "marchers": "person",
    "airliner": "plane", "aircraft": "plane", "jet": "plane", "jetliner": "plane", "flight": "plane",
    "rocket": "missile", "missiles": "missile", "rockets": "missile",
    "arms": "weapon", "weapons": "weapon", "weaponry": "weapon",
    "poisoned": "poison", "poisoning": "poison", "toxin": "poison",
    "agreement": "deal", "accord": "deal", "treaty": "deal", "pact": "deal",
    "plot": "conspiracy", "plots": "conspiracy", "conspiracies": "conspiracy",
    "outbreak": "epidemic", "outbreaks": "epidemic", "epidemics": "epidemic",
    "quake": "earthquake", "quakes": "earthquake", "earthquakes": "earthquake", "tremor": "earthquake",
    "ineligibility": "ban", "ineligible": "ban", "banned": "ban", "bans": "ban",
    "withdrawn": "withdraw", "pulled": "withdraw", "quit": "withdraw",
    "lab": "laboratory", "labs": "laboratory", "laboratories": "laboratory",
    "probable": "likely", "improbable": "unlikely",
    "inappropriate": "improper", "appropriate": "proper",
    "citizens": "citizen", "nationals": "citizen", "national": "citizen",
    "numbers": "figures", "statistics": "figures", "stats": "figures",
    # American and British spellings
    "defense": "defence", "offense": "offence",
    "neutralize": "neutralise", "authorize": "authorise", "authorized": "authorised",
    "criticize": "criticise", "criticized": "criticised", "recognize": "recognise",
    "recognized": "recognised", "organization": "organisation", "favor": "favour",
}

# Two-word verbs that mean one of the predicates above (first word, second word) -> word.
PHRASAL = {
    ("on", "board"): "aboard",  # 'the 239 people on board' boards nothing
    ("military", "takeover"): "coup",  # (a takeover alone may be a company's)
    ("gaining", "altitude"): "climb", ("gained", "altitude"): "climb", ("gain", "altitude"): "climb",
    ("losing", "altitude"): "descend", ("lost", "altitude"): "descend",
    ("go", "ahead"): "proceed", ("goes", "ahead"): "proceed", ("going", "ahead"): "proceed",
    ("went", "ahead"): "proceed", ("gone", "ahead"): "proceed",
    ("brought", "down"): "strike", ("bring", "down"): "strike", ("shot", "down"): "strike",
    ("shoot", "down"): "strike",
    ("pulled", "out"): "withdraw", ("pull", "out"): "withdraw", ("backed", "out"): "withdraw",
    ("got", "out"): "leave", ("get", "out"): "leave", ("gone", "out"): "leave",
    ("turn", "in"): "surrender", ("turned", "in"): "surrender", ("turning", "around"): "return",
    ("turned", "around"): "return", ("turn", "around"): "return", ("turned", "back"): "return",
    ("going", "back"): "return", ("went", "back"): "return", ("go", "back"): "return",
    ("turned", "down"): "reject", ("turn", "down"): "reject", ("set", "up"): "establish",
    ("under", "control"): "controlled", ("of", "control"): "uncontrolled",
    ("lock", "down"): "lockdown", ("locked", "down"): "lockdown", ("locking", "down"): "lockdown",
}

# Pairs of contrary predicates (base forms, stemmed on load). Asserting one of a pair about a
# subject contradicts asserting the other about the same subject.
CONTRARY_PAIRS = (
    ("attack", "defend"), ("attack", "self-defence"),
    ("aggression", "provocation"), ("aggression", "self-defence"),
    ("accept", "reject"), ("accept", "refuse"), ("accept", "decline"),
    ("approve", "reject"), ("approve", "block"), ("approve", "veto"),
    ("rise", "fall"), ("rise", "drop"), ("rise", "decline"), ("rise", "decrease"),
    ("increase", "decrease"), ("increase", "fall"), ("increase", "drop"), ("increase", "cut"),
    ("raise", "cut"), ("raise", "lower"), ("hike", "cut"), ("grow", "shrink"), ("grow", "contract"),
    ("expand", "contract"), ("expand", "shrink"), ("gain", "lose"),
    ("withdraw", "advance"), ("withdraw", "deploy"), ("retreat", "advance"),
    ("win", "lose"), ("victory", "defeat"), ("succeed", "fail"), ("success", "failure"),
    ("guilty", "innocent"), ("legal", "illegal"), ("lawful", "unlawful"), ("true", "false"),
    ("alive", "die"), ("alive", "kill"), ("survive", "die"), ("open", "close"), ("allow", "ban"), ("allow", "forbid"),
    ("allow", "prohibit"), ("permit", "ban"), ("lift", "impose"),
    ("support", "oppose"), ("agree", "disagree"), ("confirm", "deny"), ("admit", "deny"),
    ("follow", "break"), ("follow", "violate"), ("comply", "break"), ("comply", "violate"),
    ("obey", "break"), ("obey", "violate"), ("respect", "violate"),
    ("improve", "worsen"), ("improve", "deteriorate"), ("strengthen", "weaken"),
    ("escalate", "de-escalate"), ("safe", "unsafe"), ("safe", "dangerous"),
    ("intentional", "accidental"), ("deliberate", "accidental"), ("intentional", "unintentional"),
    ("deliberate", "unintentional"), ("peaceful", "violent"), ("ally", "enemy"),
    ("present", "absent"), ("sufficient", "insufficient"), ("adequate", "inadequate"),
    ("possible", "impossible"), ("stable", "unstable"), 
    ("likely", "unlikely"), ("attack", "accident"), ("secure", "rig"), ("fair", "rig"),
    ("guilty", "acquit"), ("convict", "acquit"), ("true", "mislead"), ("honest", "mislead"),
    ("accurate", "lie"), ("accurate", "inaccurate"), ("accurate", "false"), ("true", "lie"),
    ("patriot", "traitor"), ("international", "internal"), ("international", "domestic"),
    ("real", "fictitious"), ("real", "fake"), ("genuine", "fake"), ("authentic", "fake"),
    ("genuine", "forged"), ("authentic", "forged"), ("real", "sham"), ("genuine", "sham"),
    ("arson", "accident"), ("sabotage", "accident"),
    ("stay", "withdraw"), ("stay", "leave"), ("remain", "withdraw"), ("remain", "leave"),
    ("armed", "unarmed"), ("provoked", "unprovoked"), ("self-defence", "unprovoked"),
    ("solvent", "insolvent"), ("solvent", "bankrupt"), ("authorised", "unauthorised"),
    ("justified", "unjustified"), ("constitutional", "unconstitutional"),
    ("proportionate", "disproportionate"), ("necessary", "unnecessary"), ("voluntary", "coerced"),
    ("voluntary", "forced"), ("reliable", "unreliable"), ("credible", "implausible"),
    ("controlled", "uncontrolled"), ("collapse", "success"), ("collapse", "succeed"),
    ("sign", "veto"), ("approve", "veto"), ("resign", "sacked"), ("resign", "ousted"),
    ("fair", "fraud"), ("legitimate", "fraud"), ("legitimate", "illegitimate"), ("fair", "unfair"),
    ("accurate", "manipulated"), ("genuine", "manipulated"), ("accurate", "falsified"),
    ("safe", "contaminated"), ("safe", "toxic"), ("safe", "hazardous"),
    ("donation", "stolen"), ("donation", "embezzled"), ("gift", "stolen"), ("loan", "stolen"),
    ("know", "unaware"),
    ("aware", "unaware"),
    ("climb", "descend"), ("ascend", "descend"), ("deliberate", "accident"), ("intentional", "accident"),
    ("deliberate", "mistake"), ("intentional", "mistake"), ("proportionate", "excessive"),
    ("proportionality", "excessive"),
    # causes of a death that exclude each other
    ("natural", "poison"), ("natural", "suicide"),
    # causes of a crash or collapse
    ("malfunction", "strike"), ("malfunction", "sabotage"), ("malfunction", "attack"),
    ("maintenance", "sabotage"),
) + tuple((low, high) for low in ("minor", "modest", "minimal", "negligible", "slight")
          for high in ("worst", "catastrophic", "devastating", "disastrous", "massive", "severe"))
# Contrary nouns that only conflict when each account says what someone or something *was*
# ('the dead were civilians' / 'the dead were militants'): 'three soldiers and two civilians were
# killed' uses both words without any conflict.
CHARACTER_PAIRS = tuple((a, b) for a in ("civilian", "civilians") for b in (
    "militant", "militants", "fighter", "fighters", "combatant", "combatants", "terrorist",
    "terrorists", "soldier", "soldiers", "rebel", "rebels", "insurgent", "insurgents"))
# Contrary pairs about quantities that move: rising prices and falling prices a month apart
# are both true, so these are compared only for close dates. The others hold across months.
TRENDS = frozenset([
    "rise", "fall", "drop", "decline", "decrease", "increase", "cut", "raise", "lower", "hike",
    "grow", "shrink", "contract", "expand", "gain", "lose", "withdraw", "advance", "retreat",
    "deploy", "improve", "worsen", "deteriorate", "strengthen", "weaken", "escalate",
    "de-escalate", "open", "close", "lift", "impose", "stable", "unstable",
])

# Counted nouns that name the same kind of thing (base form -> class).
COUNT_CLASSES = {
    "soldier": "soldier", "service member": "soldier", "military": "soldier",
    "person": "person", "individual": "person", "resident": "person", "inhabitant": "person",
    "civilian": "civilian", "child": "child", "kid": "child", "woman": "woman", "man": "man",
    "refugee": "refugee", "migrant": "migrant", "passenger": "passenger", "crew": "crew",
    "fighter": "fighter", "militant": "fighter", "rebel": "fighter", "insurgent": "fighter",
    "policeman": "police", "officer": "police", "police": "police",
    "body": "body", "victim": "victim", "casualty": "casualty", "worker": "worker",
    "home": "home", "house": "home", "building": "building", "job": "job", "payroll": "job",
    "vote": "vote", "magnitude": "magnitude",
    "citizen": "person", "national": "person", "people": "person",
    "barrel": "barrel", "ton": "ton", "tonne": "ton", "dollar": "dollar", "euro": "euro",
    "vehicle": "vehicle", "car": "vehicle", "aircraft": "aircraft", "plane": "aircraft",
    "village": "village", "town": "town", "school": "school", "hospital": "hospital",
}
# Words that say a count of people is a crowd.
CROWD_WORDS = frozenset("""crowd crowds turnout attendance attended participants protesters
demonstrators marchers march marched marches rally rallies rallied protest protests protested
demonstration demonstrations demonstrated""".split())
# Counts that only grow as an event unfolds: a later, lower figure contradicts an earlier one.
CUMULATIVE_EVENTS = frozenset(["killed", "injured", "casualty", "displaced", "arrested", "infected"])

# Event words grouped: figures are compared only within the same class.
EVENT_CLASSES = {
    "kill": "killed", "die": "killed", "toll": "killed", "life": "killed", "murder": "killed",
    "massacre": "killed", "execute": "killed", "bodies": "killed",
    "injure": "injured", "casualty": "casualty",
    "displace": "displaced", "flee": "displaced", "homeless": "displaced", "evacuate": "displaced",
    "uproot": "displaced",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested",
    "miss": "missing", "missing": "missing", "unaccounted": "missing", "rescue": "rescued", "survive": "survived",
    "capture": "captured", "seize": "captured", "infect": "infected", "case": "infected",
    "vaccinate": "vaccinated", "hospitalize": "hospitalized", "hospital": "hospitalized",
}

# Units that make a number a measure of time or a date, not a count of a thing.
TIME_UNITS = frozenset("""
second seconds minute minutes hour hours day days week weeks month months year years decade decades
century centuries am pm a.m. p.m. o'clock
""".split())

# Words that make what follows a possibility, not an assertion ("it is possible that ...",
# "in the event of another attack"): such words are not taken as claims.
HEDGES = frozenset("possible possibly may might could perhaps maybe if unless whether should must "
                   "would hypothetically potential potentially allegedly reportedly supposedly "
                   "purportedly claims claimed alleged alleges allegation allegations rumoured "
                   "rumored rumours rumors".split())
HEDGE_PHRASES = (("in", "the", "event", "of"), ("in", "case", "of"), ("in", "case"))

# Irregular past forms, so that 'was brought down' reads as a passive like 'was notified'.
PAST_FORMS = frozenset("""
brought caught fought thought bought sought taught made said paid laid held kept left lost met sent
spent built felt found heard hit hurt let put read run set shut split spread stood struck told
understood won written driven given taken seen known shown chosen spoken stolen broken frozen
forgotten hidden risen fallen beaten eaten done gone begun drunk thrown flown grown drawn worn torn
sworn shot fled led fed dealt meant swept sold bound ground wound withdrawn overthrown shaken woken
""".split())
# Words that, after 'is/are' and an adverb, call what precedes untrue ('are absolutely false').
POSTFIX_WORDS = frozenset("""false untrue baseless groundless unfounded lies fabricated nonsense wrong
erroneous inaccurate incorrect misleading fake""".split())

# Nouns for one event whose toll can only grow, and words that say a figure is a running total.
SINGLE_EVENTS = frozenset("""
crash crashes explosion explosions blast blasts earthquake quake fire collapse flood floods shooting
bombing sinking stampede storm hurricane typhoon cyclone derailment eruption tsunami landslide
avalanche shipwreck massacre flight downing toll total clash clashes ambush raid attack battle
accident disaster incident sinking fighting strike airstrike
""".split())

# Contrary words that assign blame: each side calls the other's act the provocation, so they
# conflict when their agents differ ('aggression by A' vs 'provocation by B').
BLAME_PAIRS = frozenset([("aggression", "provocation"), ("aggression", "self-defence"),
                         ("attack", "retaliation"), ("aggression", "retaliation")])
FUTURE = frozenset(["will", "would", "shall", "going", "plans", "plan", "intends", "intend", "to"])

# Month names and their abbreviations: a figure after one is a day, and a month anchors a figure.
MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())

# Deeds whose doer accounts dispute ('the hospital was hit by ...').
DONE_BY = frozenset("""hit struck destroyed bombed shelled downed attacked targeted damaged fired
launched caused started set""".split())
