"""The story report: the page an editor reads instead of a terminal.

`gather` collects what the report shows as plain data (counts, the timeline, the open and
confirmed conflicts, who said what by side); `render_html` and `render_markdown` turn it into
one self-contained HTML file or Markdown; `write_report` does all three and writes the file
atomically. Every string that came from a user is escaped. Nothing here prints.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from quotetrack.errors import QuotetrackError
from quotetrack.models import CONFLICT_STATUSES, Conflict, ConflictFilters, Filters, Statement

FORMATS = ("html", "md")
SHOWN_STATUSES = ("open", "confirmed")  # dismissed conflicts are counted, not shown
CLAIMS_PER_SPEAKER = 5  # who-said-what stays a glance; the timeline has every statement
CLAIM_CHARS = 160
FLAGS_SHOWN = 3  # a statement in many conflicts links the first few, and counts the rest
KIND_WORDS = {"direct": "quote", "indirect": "paraphrase"}


class NothingMatches(QuotetrackError):
    """The filters given select no statement (the database itself is not empty)."""


@dataclass(frozen=True)
class SpeakerClaims:
    """One speaker and what they said: the statements shown (those in conflicts first)."""

    name: str
    side: str | None
    statements: int  # how many the report covers
    claims: tuple[Statement, ...]


@dataclass(frozen=True)
class SideGroup:
    side: str | None  # None: speakers whose side is not set
    speakers: tuple[SpeakerClaims, ...]


@dataclass(frozen=True)
class ReportCounts:
    statements: int
    speakers: int
    outlets: int  # outlets and relays
    conflicts_by_type: dict[str, int]
    conflicts_by_status: dict[str, int]

    @property
    def conflicts(self) -> int:
        return sum(self.conflicts_by_status.values())


@dataclass(frozen=True)
class Report:
    title: str
    scope: str  # "topic idlib-2020, from 2020-02-01"; empty for the whole database
    generated_at: str
    database_empty: bool
    counts: ReportCounts
    statements: tuple[Statement, ...]  # the timeline, oldest first
    conflicts: tuple[Conflict, ...]  # open and confirmed, highest score first
    sides: tuple[SideGroup, ...]
    speaker_sides: dict[str, str]  # speaker name -> side, where set
    conflicts_of: dict[str, tuple[str, ...]]  # statement id -> ids of shown conflicts


# ---------------------------------------------------------------- gathering

def _scope(filters: Filters) -> str:
    parts = []
    if filters.topic:
        parts.append(f"topic {filters.topic.strip()}")
    if filters.since:
        parts.append(f"from {filters.since}")
    if filters.until:
        parts.append(f"until {filters.until}")
    return ", ".join(parts)


def _nothing_matches(db, filters: Filters) -> NothingMatches:
    from quotetrack.store import iter_statements

    if filters.topic and not (filters.since or filters.until):
        wanted = filters.topic.strip().casefold()
        topics = sorted({s.topic for s in iter_statements(db) if s.topic})
        if wanted not in {t.casefold() for t in topics}:
            known = ", ".join(topics[:10]) + (" ..." if len(topics) > 10 else "")
            return NothingMatches(f"no statement has topic '{filters.topic.strip()}'"
                                  + (f" (topics: {known})" if topics else " (no statement has a topic)"))
    given = " ".join(f"--{name} {value}" for name, value in
                     (("topic", filters.topic), ("since", filters.since), ("until", filters.until))
                     if value)
    return NothingMatches(f"no statement matches {given}")


def gather(db, filters: Filters = Filters(), *, detect_conflicts: bool = True,
           title: str | None = None) -> Report:
    """Everything the report shows, for the statements `filters` select (its limit is ignored).

    Detection runs first (only new and changed statements are analysed), so the conflicts are
    current. Raises NothingMatches when filters select nothing in a database that is not empty.
    """
    from quotetrack.conflicts.review import list_conflicts
    from quotetrack.identities import list_identities
    from quotetrack.store import counts, list_statements

    filters = replace(filters, limit=None)
    if detect_conflicts:
        from quotetrack.conflicts.detect import detect

        detect(db)
    statements = tuple(list_statements(db, filters))
    empty = False
    if not statements:
        if counts(db).statements:
            raise _nothing_matches(db, filters)
        empty = True
    every_conflict = list_conflicts(db, ConflictFilters(status="all", statements=filters))
    shown = tuple(c for c in every_conflict if c.status in SHOWN_STATUSES)
    speaker_sides = {i.name: i.affiliation for i in list_identities(db, "speaker")
                     if i.affiliation}
    conflicts_of: dict[str, list[str]] = {}
    for conflict in shown:
        for statement in (conflict.a, conflict.b):
            conflicts_of.setdefault(statement.id, []).append(conflict.id)
    by_status = {status: 0 for status in CONFLICT_STATUSES}
    by_status.update(Counter(c.status for c in every_conflict))
    outlets = {s.outlet for s in statements} | {s.via for s in statements if s.via}
    report_counts = ReportCounts(
        statements=len(statements), speakers=len({s.speaker for s in statements}),
        outlets=len(outlets),
        conflicts_by_type=dict(Counter(c.type for c in every_conflict).most_common()),
        conflicts_by_status=by_status,
    )
    topic = filters.topic.strip() if filters.topic else None
    return Report(
        title=title or (f"Story report: {topic}" if topic else "Story report"),
        scope=_scope(filters),
        generated_at=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        database_empty=empty,
        counts=report_counts,
        statements=statements,
        conflicts=shown,
        sides=_who_said_what(statements, speaker_sides, conflicts_of),
        speaker_sides=speaker_sides,
        conflicts_of={k: tuple(v) for k, v in conflicts_of.items()},
    )


def _who_said_what(statements, speaker_sides, conflicts_of) -> tuple[SideGroup, ...]:
    said: dict[str, list[Statement]] = {}
    for statement in statements:
        said.setdefault(statement.speaker, []).append(statement)
    groups: dict[str | None, list[SpeakerClaims]] = {}
    for name, theirs in said.items():
        # Statements in conflicts first (they are what the reader must see), then the latest.
        disputed = [s for s in theirs if s.id in conflicts_of]
        rest = [s for s in reversed(theirs) if s.id not in conflicts_of]
        shown = (disputed + rest)[:max(CLAIMS_PER_SPEAKER, len(disputed))]
        side = speaker_sides.get(name)
        groups.setdefault(side, []).append(SpeakerClaims(name, side, len(theirs), tuple(shown)))

    def weight(group):
        return sum(s.statements for s in group)

    order = sorted((side for side in groups if side is not None),
                   key=lambda side: (-weight(groups[side]), side.casefold()))
    if None in groups:
        order.append(None)
    return tuple(
        SideGroup(side, tuple(sorted(groups[side], key=lambda s: (-s.statements, s.name.casefold()))))
        for side in order)


# ---------------------------------------------------------------- shared helpers

# Characters neither HTML nor XML can carry as text; replaced one for one, so evidence offsets hold.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _showable(text: str) -> str:
    return _UNSHOWABLE.sub("\ufffd", text)


def web_link(url: str | None) -> str | None:
    """The URL when it is an http(s) address a reader can follow; anything else is not a link."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _UNSHOWABLE.search(url):
        return None
    if any(ch.isspace() for ch in url):
        return None
    return url


def _segments(text: str, spans) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_evidence) pieces; overlapping spans are merged."""
    cleaned = []
    for span in spans or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(len(text), end)
        if start < end:
            cleaned.append((start, end))
    merged: list[list[int]] = []
    for start, end in sorted(cleaned):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        if at < start:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out


def _source(statement: Statement) -> str:
    return f"{statement.outlet} via {statement.via}" if statement.via else statement.outlet


def _short(text: str, limit: int = CLAIM_CHARS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _by_date(statements):
    groups: list[tuple[str, list[Statement]]] = []
    for statement in statements:
        if groups and groups[-1][0] == statement.date:
            groups[-1][1].append(statement)
        else:
            groups.append((statement.date, [statement]))
    return groups


def _other_side(conflict: Conflict, statement_id: str) -> Statement:
    return conflict.b if conflict.a.id == statement_id else conflict.a


EMPTY_MESSAGE = ("The database holds no statements yet. Add some with quotetrack add or "
                 "quotetrack import FILE, then write the report again.")


# ---------------------------------------------------------------- HTML

_CSS = """
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d8dde3;--tint:#f4f6f8;--open:#b35900;
--confirmed:#a3122a;--mark:#ffe27a;--link:#0b57a4}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
a{color:var(--link)}
.sub,.n,.pair p,.tl p,.c h3 small,.sides h4 small{color:var(--muted);font-size:.875rem}
nav{font-size:.9rem;margin:.5rem 0}
nav a{margin-right:1rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0 .5rem}
.counts div{background:var(--tint);border:1px solid var(--line);border-radius:6px;
padding:.5rem .9rem;min-width:7rem}
.counts dt{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.counts dd{margin:0;font-size:1.6rem;font-weight:700}
.by{margin:.25rem 0;font-size:.9rem}
.empty{padding:1rem;border:1px dashed var(--muted);border-radius:6px;background:var(--tint)}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.c{border:1px solid var(--line);border-left:5px solid var(--open);border-radius:6px;
padding:.75rem 1rem;margin:0 0 1rem;break-inside:avoid}
.c.confirmed{border-left-color:var(--confirmed)}
.c h3{margin:0 0 .25rem}
.c h3 span{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:999px;
border:1px solid currentColor;vertical-align:.1em;color:var(--open)}
.c.confirmed h3 span{color:var(--confirmed)}
.c>p{margin:.25rem 0 .75rem;font-weight:600}
.c>p.note{margin:.75rem 0 0;font-weight:400;font-style:italic}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.pair>div{background:var(--tint);border-radius:6px;padding:.6rem .8rem;min-width:0}
.pair p{margin:0}
blockquote{margin:.4rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
i{font-style:normal;color:#32526e}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
.sides>section{border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem}
.sides h3{margin:.25rem 0 .5rem;font-size:1.05rem}
.sides h4{margin:.75rem 0 .25rem;font-size:.95rem}
.sides ul{margin:0;padding-left:1.1rem}
.sides li{margin:.2rem 0;overflow-wrap:anywhere}
.tl{list-style:none;margin:0;padding:0}
.tl li{border-top:1px solid var(--line);padding:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.tl p{margin:0;white-space:normal}
a.x{color:var(--confirmed);font-weight:600}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media (max-width:44rem){
body{font-size:15px}main{padding:.75rem}
.pair{grid-template-columns:1fr}
.counts div{flex:1 1 40%;min-width:0}
nav a{display:inline-block;margin:.1rem .75rem .1rem 0}}
@media print{
body{font-size:10.5pt}main{max-width:none;padding:0}nav{display:none}
h2{break-after:avoid}.tl li,.sides>section{break-inside:avoid}
a{color:inherit;text-decoration:none}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted);overflow-wrap:anywhere}}
"""


def _t(value) -> str:
    """A user string as HTML text (element content)."""
    return html.escape(_showable(str(value)), quote=False)


def _a(value) -> str:
    """A user string as an HTML attribute value (in double quotes)."""
    return html.escape(_showable(str(value)), quote=True)


def _marked_html(text: str, spans) -> str:
    text = _showable(text)
    return "".join(f"<mark>{html.escape(piece, quote=False)}</mark>" if hit
                   else html.escape(piece, quote=False) for piece, hit in _segments(text, spans))


def _html_who(report: Report, statement: Statement) -> str:
    """Speaker, their role as the source gave it, and their side (when set and not the name)."""
    out = f"<b>{_t(statement.speaker)}</b>"
    if statement.role:
        out += f", {_t(statement.role)}"
    side = report.speaker_sides.get(statement.speaker)
    if side and side.casefold() != statement.speaker.casefold():
        out += f" <i>({_t(side)})</i>"
    return out


def _html_link(url: str | None) -> str:
    link = web_link(url)
    return f' · <a href="{_a(link)}">source</a>' if link else ""


def _kind(statement: Statement) -> str:
    return KIND_WORDS.get(statement.kind) or _t(statement.kind)


def _more_flags(cids) -> str:
    more = len(cids) - FLAGS_SHOWN
    return f" <small>and {_plural(more, 'more conflict')}</small>" if more > 0 else ""


def _html_conflict(report: Report, conflict: Conflict, in_timeline: set[str]) -> str:
    def account(statement: Statement, spans) -> str:
        # A conflict may pair a statement in the report with one outside its dates.
        ref = (f'<a href="#{_a(statement.id)}">{_t(statement.id)}</a>'
               if statement.id in in_timeline else _t(statement.id))
        return (f"<div>{_html_who(report, statement)}<p>{_t(_source(statement))} · "
                f"{_t(statement.date)} · {_kind(statement)} · {ref}{_html_link(statement.url)}</p>"
                f"<blockquote>{_marked_html(statement.text, spans)}</blockquote></div>")

    note = f'<p class="note">Reviewer’s note: {_t(conflict.note)}</p>' if conflict.note else ""
    return (f'<article class="c {_a(conflict.status)}" id="{_a(conflict.id)}">'
            f"<h3>{_t(conflict.type.replace('_', ' '))} <span>{_t(conflict.status)}</span> "
            f"<small>score {conflict.score:.2f} · {_t(conflict.id)}</small></h3>"
            f"<p>{_t(conflict.explanation)}</p><div class=\"pair\">"
            f"{account(conflict.a, conflict.evidence_a)}{account(conflict.b, conflict.evidence_b)}"
            f"</div>{note}</article>")


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page: inline styles, no script, no external resource.

    The markup is also well-formed XML (void elements closed, only XML's own entities), so
    any XML parser can check it.
    """
    by_id = {c.id: c for c in report.conflicts}
    counts = report.counts
    out: list[str] = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        '<meta name="generator" content="quotetrack"/>'
        f"<title>{_t(report.title)}</title><style>{_CSS}</style></head><body><main>",
        f"<header><h1>{_t(report.title)}</h1>",
        f'<p class="sub">{_t(report.scope + " · ") if report.scope else ""}'
        f"generated {_t(report.generated_at)} by quotetrack</p>",
        '<nav><a href="#conflicts">Conflicts</a><a href="#who">Who said what</a>'
        '<a href="#timeline">Timeline</a></nav></header>',
        '<section id="counts"><dl class="counts">',
    ]
    for label, value in (("statements", counts.statements), ("speakers", counts.speakers),
                         ("outlets", counts.outlets), ("conflicts", counts.conflicts)):
        out.append(f"<div><dt>{label}</dt><dd>{value:,}</dd></div>")
    out.append("</dl>")
    if counts.conflicts:
        by_type = " · ".join(f"{_t(t.replace('_', ' '))} {n:,}"
                             for t, n in counts.conflicts_by_type.items())
        by_status = " · ".join(f"{s} {n:,}" for s, n in counts.conflicts_by_status.items())
        out.append(f'<p class="by">Conflicts by type: {by_type}</p>'
                   f'<p class="by">By status: {by_status}</p>')
    out.append("</section>")
    if report.database_empty:
        out.append(f'<p class="empty">{_t(EMPTY_MESSAGE)}</p>')

    out.append('<section id="conflicts"><h2>Conflicts</h2>')
    if report.conflicts:
        n_open = sum(1 for c in report.conflicts if c.status == "open")
        out.append(f'<p class="n">{_plural(len(report.conflicts), "conflict")} to read '
                   f"({n_open:,} open, {len(report.conflicts) - n_open:,} confirmed), highest score "
                   "first; the words that disagree are highlighted.</p>")
        in_timeline = {s.id for s in report.statements}
        out.extend(_html_conflict(report, c, in_timeline) for c in report.conflicts)
    else:
        out.append('<p class="n">No open or confirmed conflicts.</p>')
    out.append("</section>")

    out.append('<section id="who"><h2>Who said what</h2>')
    if report.sides:
        if all(group.side is None for group in report.sides):
            out.append('<p class="n">No speaker has a side yet; set one with '
                       "<code>quotetrack speakers set ID --side NAME</code> to group them.</p>")
        out.append('<div class="sides">')
        for group in report.sides:
            out.append(f"<section><h3>{_t(group.side) if group.side else 'Side not set'}</h3>")
            for speaker in group.speakers:
                out.append(f"<h4>{_t(speaker.name)} "
                           f"<small>{_plural(speaker.statements, 'statement')}</small></h4><ul>")
                for claim in speaker.claims:
                    cids = report.conflicts_of.get(claim.id, ())
                    flags = "".join(
                        f' <a class="x" href="#{_a(cid)}">⚠ conflicts with '
                        f"{_t(_other_side(by_id[cid], claim.id).speaker)}</a>"
                        for cid in cids[:FLAGS_SHOWN]) + _more_flags(cids)
                    out.append(f'<li><a href="#{_a(claim.id)}">{_t(claim.date)}</a> '
                               f"{_t(_short(claim.text))}{flags}</li>")
                more = speaker.statements - len(speaker.claims)
                if more:
                    out.append(f'<li class="n">and {_plural(more, "more statement")} '
                               "in the timeline</li>")
                out.append("</ul>")
            out.append("</section>")
        out.append("</div>")
    else:
        out.append('<p class="n">No statements.</p>')
    out.append("</section>")

    out.append('<section id="timeline"><h2>Timeline</h2>')
    if not report.statements:
        out.append('<p class="n">No statements.</p>')
    for date, statements in _by_date(report.statements):
        out.append(f'<h3>{_t(date)}</h3><ol class="tl">')
        for s in statements:
            cids = report.conflicts_of.get(s.id, ())
            flags = "".join(f' <a class="x" href="#{_a(cid)}">⚠ {_t(cid)}</a>'
                            for cid in cids[:FLAGS_SHOWN]) + _more_flags(cids)
            text = f"“{_t(s.text)}”" if s.kind == "direct" else _t(s.text)
            out.append(f'<li id="{_a(s.id)}"><p>{_html_who(report, s)} · {_t(_source(s))} · '
                       f"{_kind(s)}{_html_link(s.url)} · {_t(s.id)}{flags}</p>{text}</li>")
        out.append("</ol>")
    out.append("</section>")
    out.append("<footer>Quotes are shown in quotation marks, paraphrases without. Conflicts are "
               "found by rules that name the words they rely on; a reviewer confirms or dismisses "
               "them (dismissed ones are counted above, not shown).</footer></main></body></html>\n")
    return "".join(out)


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~#])")


def _m(value) -> str:
    """A user string as Markdown text: markup characters escaped, HTML shown as text, one line."""
    text = re.sub(r"\s+", " ", _showable(str(value))).strip()
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _md_url(url: str) -> str:
    return "".join({"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20"}.get(ch, ch)
                   for ch in url)


def _md_link(url: str | None) -> str:
    link = web_link(url)
    return f" · [source]({_md_url(link)})" if link else ""


def _marked_md(text: str, spans) -> str:
    out = []
    for piece, hit in _segments(_showable(text), spans):
        piece = re.sub(r"\s+", " ", piece)
        if hit and piece.strip():
            lead = " " if piece[:1].isspace() else ""
            trail = " " if piece[-1:].isspace() else ""
            out.append(f"{lead}**{_m(piece)}**{trail}")
        else:
            out.append(_MD_SPECIAL.sub(r"\\\1", html.escape(piece, quote=False)))
    return "".join(out).strip()


def _md_side(report: Report, speaker: str) -> str:
    side = report.speaker_sides.get(speaker)
    if not side or side.casefold() == speaker.casefold():
        return ""
    return f" ({_m(side)})"


def _md_more(cids) -> str:
    more = len(cids) - FLAGS_SHOWN
    return f" and {_plural(more, 'more conflict')}" if more > 0 else ""


def render_markdown(report: Report) -> str:
    """The same report as Markdown, for a newsroom wiki or a pull request."""
    by_id = {c.id: c for c in report.conflicts}
    counts = report.counts
    out = [f"# {_m(report.title)}", ""]
    out.append(f"{_m(report.scope) + ' · ' if report.scope else ''}"
               f"generated {report.generated_at} by quotetrack")
    out.append("")
    out.append("| statements | speakers | outlets | conflicts |")
    out.append("|---:|---:|---:|---:|")
    out.append(f"| {counts.statements:,} | {counts.speakers:,} | {counts.outlets:,} | {counts.conflicts:,} |")
    out.append("")
    if counts.conflicts:
        out.append("Conflicts by type: " + " · ".join(
            f"{_m(t.replace('_', ' '))} {n:,}" for t, n in counts.conflicts_by_type.items()))
        out.append("")
        out.append("By status: " + " · ".join(
            f"{s} {n:,}" for s, n in counts.conflicts_by_status.items()))
        out.append("")
    if report.database_empty:
        out += [f"> {EMPTY_MESSAGE}", ""]

    out += ["## Conflicts", ""]
    if not report.conflicts:
        out += ["No open or confirmed conflicts.", ""]
    for c in report.conflicts:
        out.append(f"### {_m(c.type.replace('_', ' '))} · {_m(c.status)} · score {c.score:.2f} · "
                   f"`{_m(c.id)}`")
        out.append("")
        out.append(f"**{_m(c.explanation)}**")
        out.append("")
        out.append("| | A | B |")
        out.append("|---|---|---|")
        a, b = c.a, c.b
        for label, va, vb in (
            ("speaker", f"{_m(a.speaker)}{_md_side(report, a.speaker)}",
             f"{_m(b.speaker)}{_md_side(report, b.speaker)}"),
            ("source", f"{_m(_source(a))}{_md_link(a.url)}", f"{_m(_source(b))}{_md_link(b.url)}"),
            ("date", _m(a.date), _m(b.date)),
            ("kind", f"{KIND_WORDS.get(a.kind, _m(a.kind))} `{_m(a.id)}`",
             f"{KIND_WORDS.get(b.kind, _m(b.kind))} `{_m(b.id)}`"),
            ("words", _marked_md(a.text, c.evidence_a), _marked_md(b.text, c.evidence_b)),
        ):
            out.append(f"| {label} | {va} | {vb} |")
        out.append("")
        if c.note:
            out += [f"Reviewer’s note: *{_m(c.note)}*", ""]

    out += ["## Who said what", ""]
    if report.sides and all(group.side is None for group in report.sides):
        out += ["No speaker has a side yet; set one with `quotetrack speakers set ID --side NAME`.", ""]
    for group in report.sides:
        out += [f"### {_m(group.side) if group.side else 'Side not set'}", ""]
        for speaker in group.speakers:
            out.append(f"- **{_m(speaker.name)}** ({_plural(speaker.statements, 'statement')})")
            for claim in speaker.claims:
                cids = report.conflicts_of.get(claim.id, ())
                flags = "".join(
                    f" — ⚠ conflicts with {_m(_other_side(by_id[cid], claim.id).speaker)} (`{cid}`)"
                    for cid in cids[:FLAGS_SHOWN]) + _md_more(cids)
                out.append(f"  - {_m(claim.date)}: {_m(_short(claim.text))}{flags}")
            more = speaker.statements - len(speaker.claims)
            if more:
                out.append(f"  - and {_plural(more, 'more statement')} in the timeline")
        out.append("")
    if not report.sides:
        out += ["No statements.", ""]

    out += ["## Timeline", ""]
    if not report.statements:
        out += ["No statements.", ""]
    for date, statements in _by_date(report.statements):
        out += [f"### {_m(date)}", ""]
        for s in statements:
            role = f", {_m(s.role)}" if s.role else ""
            text = f"“{_m(s.text)}”" if s.kind == "direct" else _m(s.text)
            cids = report.conflicts_of.get(s.id, ())
            flags = "".join(f" ⚠ `{cid}`" for cid in cids[:FLAGS_SHOWN]) + _md_more(cids)
            out.append(f"- `{s.id}` **{_m(s.speaker)}**{role}{_md_side(report, s.speaker)} · "
                       f"{_m(_source(s))} · {KIND_WORDS.get(s.kind, _m(s.kind))}{_md_link(s.url)}"
                       f"{flags}: {text}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- writing

def format_for(path, fmt: str | None) -> str:
    """The format asked for, or the one the file name says (.md/.markdown), HTML otherwise."""
    if fmt:
        return fmt
    suffix = str(path).lower().rsplit(".", 1)[-1] if "." in str(path) else ""
    return "md" if suffix in ("md", "markdown") else "html"


def render(report: Report, fmt: str) -> str:
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    raise ValueError(fmt)


def write_report(db, path, *, fmt: str | None = None, filters: Filters = Filters(),
                 detect_conflicts: bool = True, title: str | None = None) -> tuple[Report, int]:
    """Gather, render and write the report to `path` atomically; returns it and its size in bytes.

    The output folder is checked before any work, and an error (a topic that matches nothing)
    leaves an existing file untouched.
    """
    from quotetrack.export import atomic_output

    fmt = format_for(path, fmt)
    with atomic_output(path) as out:
        report = gather(db, filters, detect_conflicts=detect_conflicts, title=title)
        text = render(report, fmt)
        out.write(text)
    return report, len(text.encode("utf-8"))
