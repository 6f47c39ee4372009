"""The schema's history: numbered steps, each applied once, in a transaction, and recorded.

Never edit a step that has shipped; add the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

# Where sqlite-utils' Migrations records what it applied (its `migrations_table`).
APPLIED_TABLE = "_sqlite_migrations"


class _Steps:
    """Schema steps, declared as with `sqlite_utils.Migrations` (`@migrations(name=...)`).

    The sqlite-utils Migrations object is built only when a database needs a step: importing
    sqlite-utils costs about 100 ms, which `quotetrack add` on an up-to-date database cannot
    afford. `names` is all that checking needs.
    """

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[str, Callable]] = []

    def __call__(self, *, name: str) -> Callable[[Callable], Callable]:
        def register(function: Callable) -> Callable:
            self.steps.append((name, function))
            return function

        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def build(self) -> Migrations:
        from sqlite_utils import Migrations

        built = Migrations(self.name)
        for name, function in self.steps:
            built(name=name)(function)
        return built


migrations = _Steps("quotetrack")
# Steps a database can be read without (every query works, if less well): a read-only
# database that lacks only these is opened as it is rather than refused.
NOT_NEEDED_FOR_READING = frozenset({"0004_search_folds"})


@migrations(name="0001_statements")
def m0001_statements(db: Database) -> None:
    for table in ("speakers", "outlets"):
        db[table].create(
            {"id": int, "name": str, "norm": str, "created_at": str},
            pk="id",
            not_null={"name", "norm"},
        )
        db[table].create_index(["name"], unique=True)
        db[table].create_index(["norm"])
    db["statements"].create(
        {
            "seq": int,  # integer key: row order and the full-text index's rowid
            "id": str,  # short id a person types
            "text": str,
            "text_norm": str,
            "kind": str,
            "speaker_id": int,
            "outlet_id": int,
            "via_id": int,
            "date": str,  # ISO, at the precision given: 2020, 2020-02 or 2020-02-04
            "date_start": str,
            "date_end": str,
            "url": str,
            "topic": str,
            "tags": str,  # JSON array of strings
            "notes": str,
            "added_at": str,
            "updated_at": str,
        },
        pk="seq",
        not_null={"id", "text", "text_norm", "kind", "speaker_id", "outlet_id", "date",
                  "date_start", "date_end", "tags", "added_at"},
        foreign_keys=[
            ("speaker_id", "speakers", "id"),
            ("outlet_id", "outlets", "id"),
            ("via_id", "outlets", "id"),
        ],
    )
    statements = db["statements"]
    statements.create_index(["id"], unique=True)
    statements.create_index(["speaker_id"])
    statements.create_index(["outlet_id"])
    statements.create_index(["date_start"])
    statements.create_index(["topic"])
    statements.create_index(["speaker_id", "outlet_id", "date", "text_norm"])
    statements.enable_fts(
        ["text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )


@migrations(name="0002_conflicts")
def m0002_conflicts(db: Database) -> None:
    # One row per conflicting pair of statements (a_id < b_id); replaced when detection reruns.
    db["conflicts"].create(
        {
            "id": str,
            "a_id": str,
            "b_id": str,
            "type": str,
            "score": float,
            "explanation": str,
            "evidence": str,  # JSON: the words on each side to highlight
            "detected_at": str,
        },
        pk="id",
        not_null={"a_id", "b_id", "type", "score", "explanation", "evidence"},
    )
    db["conflicts"].create_index(["a_id"])
    db["conflicts"].create_index(["b_id"])
    # Review decisions live apart from detection so that re-running detection never loses them.
    db["reviews"].create(
        {"conflict_id": str, "status": str, "note": str, "reviewed_at": str},
        pk="conflict_id",
        not_null={"status"},
    )
    # What detection already knows about each statement, so an unchanged one is not redone:
    # a signature of the fields detection reads, and the content terms used to find candidates.
    db["analysis"].create(
        {"statement_id": str, "signature": str},
        pk="statement_id",
        not_null={"signature"},
    )
    db["terms"].create({"term": str, "statement_id": str}, not_null={"term", "statement_id"})
    db["terms"].create_index(["term"])
    db["terms"].create_index(["statement_id"])
    db["meta"].create({"key": str, "value": str}, pk="key")



@migrations(name="0003_identities")
def m0003_identities(db: Database) -> None:
    """Speakers and outlets as identities: every spelling an alias, merges recorded to be undone."""
    from quotetrack.identities import alias_columns

    db["speakers"].add_column("kind", str)
    db["speakers"].add_column("affiliation", str)
    db["speakers"].add_column("merged_into", int)
    db["outlets"].add_column("domain", str)
    db["outlets"].add_column("country", str)
    db["outlets"].add_column("merged_into", int)
    db["speakers"].create_index(["affiliation"])
    db["outlets"].create_index(["domain"])
    for owner, table in (("speakers", "speaker_aliases"), ("outlets", "outlet_aliases")):
        # One row per spelling: `norm` (the folded name) is what an exact lookup finds; `key`,
        # `first`, `last`, `stem`, `skel` and `bare` (transliteration keys of the whole name, its
        # first and last words, the last word's first letters, frame and consonants) are what
        # close matching finds candidates by.
        # `origin_id` is the identity the spelling first named, which an unmerge gives it back to.
        db[table].create(
            {"id": int, "owner_id": int, "alias": str, "norm": str, "key": str, "first": str,
             "last": str, "stem": str, "skel": str, "bare": str, "origin_id": int,
             "source": str, "created_at": str},
            pk="id", not_null={"owner_id", "alias", "norm", "key"},
            foreign_keys=[("owner_id", owner, "id"), ("origin_id", owner, "id")],
        )
        db[table].create_index(["norm"], unique=True)
        for column in ("owner_id", "key", "first", "last", "stem", "skel", "bare", "origin_id"):
            db[table].create_index([column])
        rows = db.execute(f"SELECT id, name, created_at FROM {owner} ORDER BY id").fetchall()
        seen: set[str] = set()
        for owner_id, name, created in rows:
            columns = alias_columns(owner, name)
            if columns["norm"] in seen:
                continue  # two old spellings that fold alike: the first names them both
            seen.add(columns["norm"])
            db.execute(
                f"INSERT INTO {table} (owner_id, alias, norm, key, first, last, stem, skel, bare, "
                "origin_id, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'name', ?)",
                [owner_id, name, columns["norm"], columns["key"], columns["first"],
                 columns["last"], columns["stem"], columns["skel"], columns["bare"], owner_id,
                 created],
            )
    # The spelling each statement used, so that undoing a merge returns exactly the statements
    # that named the other identity, including those added after the merge.
    db["statements"].add_column("role", str)
    db["statements"].add_column("speaker_alias_id", int)
    db["statements"].add_column("outlet_alias_id", int)
    db["statements"].add_column("via_alias_id", int)
    db.execute(
        "UPDATE statements SET speaker_alias_id = (SELECT a.id FROM speaker_aliases a "
        "WHERE a.origin_id = statements.speaker_id ORDER BY a.id LIMIT 1)")
    db.execute(
        "UPDATE statements SET outlet_alias_id = (SELECT a.id FROM outlet_aliases a "
        "WHERE a.origin_id = statements.outlet_id ORDER BY a.id LIMIT 1)")
    db.execute(
        "UPDATE statements SET via_alias_id = (SELECT a.id FROM outlet_aliases a "
        "WHERE a.origin_id = statements.via_id ORDER BY a.id LIMIT 1) WHERE via_id IS NOT NULL")
    # No indexes on the alias columns: only an unmerge reads them (a scan of a 100,000-statement
    # table takes milliseconds), and every bulk import would pay for keeping three more.
    db["merges"].create(
        {"id": int, "entity": str, "kind": str, "into_id": int, "from_id": int, "from_name": str,
         "alias_ids": str, "score": float, "merged_at": str, "undone_at": str},
        pk="id", not_null={"entity", "kind", "into_id", "alias_ids", "merged_at"},
    )


@migrations(name="0004_search_folds")
def m0004_search_folds(db: Database) -> None:
    """Index statement text with the letters FTS5 does not fold (ı, ł, ø, ß ...) folded."""
    from quotetrack.normalize import search_fold_sql

    new_text, old_text = search_fold_sql('new."text"'), search_fold_sql('old."text"')
    for trigger in ("statements_ai", "statements_ad", "statements_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    # The index is external-content: a row leaves it only when given exactly what was indexed.
    db.execute(f"""CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts (rowid, "text") VALUES (new.rowid, {new_text});
END""")
    db.execute(f"""CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts (statements_fts, rowid, "text") VALUES ('delete', old.rowid, {old_text});
END""")
    db.execute(f"""CREATE TRIGGER statements_au AFTER UPDATE ON statements BEGIN
  INSERT INTO statements_fts (statements_fts, rowid, "text") VALUES ('delete', old.rowid, {old_text});
  INSERT INTO statements_fts (rowid, "text") VALUES (new.rowid, {new_text});
END""")
    db.execute("INSERT INTO statements_fts (statements_fts) VALUES ('delete-all')")
    db.execute(f"INSERT INTO statements_fts (rowid, text) SELECT seq, {search_fold_sql('text')} "
               "FROM statements")


def applied_names(conn) -> list[str]:
    """The steps a database has applied, read straight from sqlite-utils' record of them."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [APPLIED_TABLE]
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM {APPLIED_TABLE} WHERE migration_set = ? ORDER BY rowid", [migrations.name]
    )
    return [row[0] for row in rows]


def pending_names(conn) -> list[str]:
    done = set(applied_names(conn))
    return [name for name in migrations.names if name not in done]


def schema_version(db) -> int:
    """How many schema steps this database has applied."""
    return len(applied_names(db.conn))


def latest_version() -> int:
    return len(migrations.steps)
