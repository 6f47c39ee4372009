"""The only module that imports rich: tables, colours, highlighting. Everything here prints."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotetrack.models import Counts, Statement


class _TrimmedLines:
    """A text stream that drops the spaces rich pads lines with, for pipes and files."""

    def __init__(self, stream):
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            self.stream.write(line.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending.rstrip())
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def console(err: bool = False, stream=None) -> Console:
    stream = stream or (sys.stderr if err else sys.stdout)
    is_tty = stream.isatty()
    # In a pipe or a file: no colour, no box drawing, 80 columns, no trailing padding.
    return Console(file=stream if is_tty else _TrimmedLines(stream), highlight=False,
                   soft_wrap=not is_tty, no_color=not is_tty, width=None if is_tty else 80,
                   emoji=False, markup=False)


def _is_tty() -> bool:
    return sys.stdout.isatty()


def _table(**kwargs) -> Table:
    return Table(box=box.SIMPLE_HEAD if _is_tty() else None, show_edge=False, pad_edge=False,
                 padding=(0, 1), collapse_padding=True,
                 header_style="bold" if _is_tty() else "", expand=True, **kwargs)


def _source(statement: Statement) -> str:
    return f"{statement.outlet} via {statement.via}" if statement.via else statement.outlet


def json_out(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _shown(count: int, total: int | None, one: str, many: str) -> str:
    """'3 conflicts', or '3 of 9 conflicts shown' when a limit left some out."""
    word = one if (total if total is not None else count) == 1 else many
    if total is not None and total > count:
        return f"{count} of {total} {word} shown"
    return f"{count} {one if count == 1 else many}"


def statements_table(statements: Sequence[Statement], total: int | None = None) -> None:
    """`total`: how many match when a limit shows fewer."""
    out = console()
    if not statements:
        out.print("No statements match.")
        return
    if not _is_tty():
        # In a pipe: one statement per line, tab-separated, for grep, cut and sort.
        lines = ["id\tdate\tspeaker\tsource\tkind\ttext"]
        lines += [
            "\t".join([s.id, s.date, s.speaker, _source(s), s.kind, _one_line(s.text)])
            for s in statements
        ]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    table = _table()
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("k", no_wrap=True)
    table.add_column("speaker / source", max_width=22, overflow="fold")
    table.add_column("text", overflow="fold", min_width=24, ratio=1)
    for s in statements:
        text = s.text if len(s.text) <= 300 else s.text[:297] + "..."
        who = Text(s.speaker)
        who.append("\n" + _source(s), style="dim")
        table.add_row(s.id, s.date, "Q" if s.kind == "direct" else "P", who, Text(text))
    out.print(table)
    out.print(_shown(len(statements), total, "statement", "statements")
              + "  (k: Q = direct quote, P = paraphrase)")


def _fields_table(rows) -> Table:
    """Name / value rows, empty values left out."""
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold" if _is_tty() else "", no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in rows:
        if value:
            table.add_row(name, value if isinstance(value, Text) else Text(value))
    return table


def statement_detail(statement: Statement, conflicts: Sequence = ()) -> None:
    out = console()
    rows = [
        ("id", statement.id), ("speaker", statement.speaker), ("role", statement.role or ""),
        ("outlet", statement.outlet),
        ("via", statement.via or ""), ("date", statement.date),
        ("kind", "direct quote" if statement.kind == "direct" else "indirect (paraphrase)"),
        ("url", statement.url or ""), ("topic", statement.topic or ""),
        ("tags", ", ".join(statement.tags)), ("notes", statement.notes or ""),
        ("added", statement.added_at + (f" (edited {statement.updated_at})" if statement.updated_at else "")),
    ]
    out.print(_fields_table(rows))
    out.print()
    out.print(Text(statement.text))
    if conflicts:
        out.print()
        out.print(f"In {len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}:")
        for c in conflicts:
            other = c.b if c.a.id == statement.id else c.a
            out.print(Text(f"  {c.id}  {c.type:<14} {c.score:.2f}  {c.status:<9} with {other.id} "
                           f"({other.speaker}): {c.explanation}"))


def _highlight(text: str, terms: Sequence[str], style: str = "bold reverse") -> Text:
    rich_text = Text(text)
    for term in terms:
        if not term:
            continue
        pattern = r"\b" + r"\W+".join(re.escape(part) for part in term.split()) + r"\w*"
        rich_text.highlight_regex(re.compile(pattern, re.IGNORECASE), style=style)
    return rich_text


def _excerpt(text: str, terms: Sequence[str], size: int = 400) -> str:
    """A long text cut to the part around its first match ('... words [match] words ...')."""
    if len(text) <= size:
        return text
    first = len(text)
    for term in terms:
        match = re.search(r"\b" + r"\W+".join(re.escape(p) for p in term.split()), text, re.IGNORECASE)
        if match:
            first = min(first, match.start())
    start = 0 if first == len(text) else max(0, first - size // 3)
    end = min(len(text), start + size)
    return ("..." if start else "") + text[start:end] + ("..." if end < len(text) else "")


def search_results(results, query: str, total: int | None = None) -> None:
    """`total`: how many match when a limit shows fewer."""
    out = console()
    if not results:
        out.print(f"Nothing matches '{query}'.")
        return
    tty = _is_tty()
    for statement, terms in results:
        header = Text(f"{statement.id}  {statement.date}  {statement.speaker} / {_source(statement)}")
        if tty:
            header.stylize("bold")
        out.print(header)
        shown = _excerpt(statement.text, terms)
        text = _highlight(shown, terms, "bold reverse" if tty else "")
        if not tty:
            # No colour in a pipe: mark matches with [brackets] so they still stand out.
            plain = shown
            for term in terms:
                pattern = r"\b" + r"\W+".join(re.escape(p) for p in term.split()) + r"\w*"
                plain = re.sub(pattern, lambda m: f"[{m.group(0)}]", plain, flags=re.IGNORECASE)
            text = Text(plain)
        out.print(Text("  ").append_text(text))
    out.print(_shown(len(results), total, "match", "matches"))


def info(path: str, version: int, latest: int, counts: Counts) -> None:
    rows = [
        ("database", path), ("schema", f"{version} of {latest}"),
        ("statements", f"{counts.statements:,}"), ("speakers", f"{counts.speakers:,}"),
        ("outlets", f"{counts.outlets:,}"), ("conflicts", f"{counts.conflicts:,}"),
    ]
    if not _is_tty():
        # In a pipe: never fold a long path in two.
        sys.stdout.write("".join(f"{name:<12}{value}\n" for name, value in rows))
        return
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    for name, value in rows:
        table.add_row(name, value)
    console().print(table)


def _marked(text: str, spans, tty: bool) -> Text:
    """The text with evidence spans highlighted (or [bracketed] when there is no colour)."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if 0 <= s < e <= len(text)):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if len(merged) == 1 and merged[0] == [0, len(text)]:
        merged = []  # the whole text is the evidence (a misattributed quote): nothing to point at
    if not tty:
        out, last = [], 0
        for start, end in merged:
            out += [text[last:start], "[", text[start:end], "]"]
            last = end
        out.append(text[last:])
        return Text("".join(out))
    rich_text = Text(text)
    for start, end in merged:
        rich_text.stylize("bold black on yellow", start, end)
    return rich_text


def _side(statement: Statement, spans, tty: bool) -> Text:
    head = Text(f"{statement.speaker}", style="bold" if tty else "")
    head.append(f"\n{_source(statement)}, {statement.date}"
                f" ({'quote' if statement.kind == 'direct' else 'paraphrase'}) {statement.id}",
                style="dim" if tty else "")
    head.append("\n")
    head.append_text(_marked(statement.text, spans, tty))
    return head


def conflicts_view(conflicts, status: str = "open", stream=None, total: int | None = None) -> None:
    """Conflicts side by side; to `stream` (a file) as plain text when given. `total`: how many
    match when a limit shows fewer."""
    out = console(stream=stream)
    tty = stream is None and _is_tty()
    if not conflicts:
        label = "" if status == "all" else f"{status} "
        out.print(f"No {label}conflicts found.")
        return
    for conflict in conflicts:
        header = Text(f"{conflict.id}  {conflict.type}  score {conflict.score:.2f}  {conflict.status}",
                      style="bold" if tty else "")
        out.print(header)
        out.print(Text(f"  {conflict.explanation}"))
        if conflict.note:
            out.print(Text(f"  note: {conflict.note}"))
        grid = Table(box=box.SIMPLE if tty else None, show_header=False, expand=True,
                     padding=(0, 1), pad_edge=False)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(_side(conflict.a, conflict.evidence_a, tty),
                     _side(conflict.b, conflict.evidence_b, tty))
        out.print(grid)
        out.print()
    by_type: dict[str, int] = {}
    for conflict in conflicts:
        by_type[conflict.type] = by_type.get(conflict.type, 0) + 1
    summary = ", ".join(f"{n} {t}" for t, n in sorted(by_type.items(), key=lambda kv: -kv[1]))
    out.print(f"{_shown(len(conflicts), total, 'conflict', 'conflicts')} ({summary}). "
              "Review with: quotetrack conflicts confirm|dismiss ID [--note ...]")


# ---------------------------------------------------------------- identities

def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def identities_table(identities: Sequence, entity: str) -> None:
    """Speakers or outlets with their counts; in a pipe, one tab-separated line each."""
    out = console()
    if not identities:
        out.print(f"No {entity}s match.")
        return
    speaker = entity == "speaker"
    header = (["id", "name", "kind", "side", "statements", "conflicts", "aliases"] if speaker
              else ["id", "name", "domain", "country", "statements", "conflicts", "aliases"])

    def cells(i) -> list[str]:
        first, second = (i.kind, i.affiliation) if speaker else (i.domain, i.country)
        return [i.label, i.name, first or "", second or "", str(i.statements), str(i.conflicts),
                "; ".join(i.aliases)]

    if not _is_tty():
        sys.stdout.write("\n".join("\t".join(row) for row in
                                   [header, *(cells(i) for i in identities)]) + "\n")
        return
    table = _table()
    for name in header:
        numeric = name in ("statements", "conflicts")
        table.add_column("stmts" if name == "statements" else name, justify="right" if numeric else "left",
                         no_wrap=name in ("id", "statements", "conflicts"),
                         overflow="fold", ratio=1 if name in ("name", "aliases") else None)
    for i in identities:
        table.add_row(*(Text(cell) for cell in cells(i)))
    out.print(table)
    out.print(_plural(len(identities), entity))


def identity_detail(identity, merges: Sequence = ()) -> None:
    out = console()
    rows = [("id", identity.label), ("name", identity.name)]
    if identity.entity == "speaker":
        rows += [("kind", identity.kind or ""), ("side", identity.affiliation or "")]
    else:
        rows += [("domain", identity.domain or ""), ("country", identity.country or "")]
    rows += [("also", "; ".join(identity.aliases)),
             ("statements", str(identity.statements)), ("conflicts", str(identity.conflicts)),
             ("merged into", identity.merged_into or "")]
    out.print(_fields_table(rows))
    if merges:
        out.print()
        _merge_lines(merges)


def _merge_line(m) -> str:
    if m.kind == "merge":
        what = f"merged {m.from_label} ({m.from_name}) into {m.into} ({m.into_name})"
    else:
        what = f"took '{m.from_name}' as {m.into} ({m.into_name}), close match {m.score:.0f}"
    undone = f"; undone {m.undone_at}" if m.undone_at else ""
    return f"{m.label}  {m.merged_at[:10]}  {what}; {_plural(m.statements, 'statement')}{undone}"


def _merge_lines(merges: Sequence) -> None:
    if not _is_tty():
        sys.stdout.write("".join(_merge_line(m) + "\n" for m in merges))  # never folded in a pipe
        return
    out = console()
    for m in merges:
        out.print(Text(_merge_line(m)))


def merges_table(merges: Sequence) -> None:
    if not merges:
        console().print("No merges.")
        return
    _merge_lines(merges)


def proposals_table(proposals: Sequence, source: str = "") -> None:
    """`quotetrack extract`: the proposals numbered for --pick, speaker with role and relay."""
    out = console()
    table = _table()
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("k", no_wrap=True)
    table.add_column("speaker / cue", max_width=24, overflow="fold")
    table.add_column("text", overflow="fold", min_width=24, ratio=1)
    table.add_column("conf", no_wrap=True, justify="right")
    for number, p in enumerate(proposals, 1):
        who = Text(p.speaker)
        if p.role:
            who.append(f" ({p.role})", style="dim")
        who.append(f"\n{p.cue}" + (f" via {p.via}" if p.via else ""), style="dim")
        text = p.text if len(p.text) <= 300 else p.text[:297] + "..."
        table.add_row(str(number), "Q" if p.kind == "direct" else "P", who, Text(text),
                      f"{p.confidence:.2f}")
    out.print(table)
    out.print(f"{_plural(len(proposals), 'proposal')}{' in ' + source if source else ''}"
              "  (k: Q = direct quote, P = paraphrase; store with --add [--pick 1,3-5])")


# ---------------------------------------------------------------- extract --interactive

def review_start(count: int, source: str, keys: dict, changes: Sequence[str]) -> None:
    """What the review of extract's proposals is about to do, and the keys it answers to:
    `keys` as proposals.KEYS, `changes` the actions that edit the proposal."""
    out = console()
    out.print(Text(f"Review {_plural(count, 'proposal')} from {source}; nothing is stored "
                   "until the end."))
    decide = [f"{key} {short}" for key, (action, short, _) in keys.items() if action not in changes]
    edit = [f"{key} {short}" for key, (action, short, _) in keys.items() if action in changes]
    out.print(Text("  " + "  ".join(decide)))
    out.print(Text("  edit: " + "  ".join(edit)))


def review_help(keys: dict) -> None:
    out = console()
    for key, (_, _, meaning) in keys.items():
        out.print(Text(f"  {key}  {meaning}"))
    out.print(Text("  On an edit, Enter keeps the value shown; '-' clears a role or relay."))
    out.print(Text("  Ctrl-C or Ctrl-D stops the review and stores nothing."))


def proposal_card(at: int, total: int, number: int, found, current, context: tuple[str, str]) -> None:
    """One proposal under review: where it stands in the review, its fields (edits marked with
    what extract had found), and the article's words around it, the text standing as [...]."""
    out = console()
    tty = _is_tty()
    out.print()
    out.print(Text(f"[{at}/{total}] proposal {number}, confidence {found.confidence:.2f}",
                   style="bold" if tty else ""))
    kinds = {"direct": "direct quote", "indirect": "paraphrase"}

    def shown(field: str) -> str:
        value, before = getattr(current, field) or "", getattr(found, field) or ""
        if field == "kind":
            value, before = kinds.get(value, value), kinds.get(before, before)
        if value == before:
            return value
        if field == "text":
            return f"{value} (edited)"
        return f"{value or '-'} (edited; found: {before or '-'})"

    before, after = context
    around = Text(before)
    around.append("[...]", style="reverse" if tty else "")
    around.append(after)
    out.print(_fields_table([("speaker", shown("speaker")), ("role", shown("role")),
                             ("via", shown("via")), ("kind", shown("kind")), ("cue", found.cue),
                             ("text", shown("text")), ("context", around)]))
