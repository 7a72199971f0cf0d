"""The search index: one SQLite FTS5 row per contact, kept in step by triggers.

Each contact's row (``rowid`` = the contact's id) holds four columns: ``name``, ``company``,
``card`` (title, tags, notes, how and where met, location, needs, emails, phones as typed
and as digits) and ``said`` (the text of their interactions: summary, points, advice,
place). Triggers on every table those come from write the row again in the same
statement, so every write, an undo's replay included, leaves the index right; the journal
never records the index (it is derived: ``journal.user_tables`` lists no virtual table).

Words are found from their start ("pri" finds Priya; prefix indexes for 2 and 3 letters),
case and accents folded (``remove_diacritics 2``). What a person types is never FTS5
syntax: each typed word becomes a quoted phrase of its letters and digits only.

No peewee here: ``netkeep find`` reads through :mod:`netkeep.store.shell_read` with the
standard ``sqlite3`` module; each function takes the ``execute`` of either connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Execute = Callable[..., Any]

CREATE_TABLE = (
    'CREATE VIRTUAL TABLE "search" USING fts5(name, company, card, said, '
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def _digits(value: str) -> str:
    """SQL for ``value`` with a phone's punctuation taken out."""
    for mark in (" ", "-", "(", ")", ".", "+", "/"):
        value = f"replace({value}, '{mark}', '')"
    return value


#: A phone's digits and their endings of four digits or more (no country code, no area
#: code), so "4155550101" and "5550101" find "+1 (415) 555-0101".
_PHONE_DIGITS = " || ' ' || ".join(
    ["d", *(f"iif(length(d) >= {k + 3}, substr(d, {k}), '')" for k in range(2, 9))]
)

# One contact's searchable text, as the index holds it.
CREATE_VIEW = f"""CREATE VIEW "search_source" AS SELECT c.id AS id, c.full_name AS name,
COALESCE(co.name, '') AS company,
c.title || ' ' || c.notes || ' ' || c.how_met || ' ' || c.met_at || ' ' || c.location || ' ' || c.needs
 || ' ' || COALESCE((SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
                     WHERE ct.contact_id = c.id), '')
 || ' ' || COALESCE((SELECT group_concat(m.value, ' ') FROM contact_method m
                     WHERE m.contact_id = c.id AND m.kind = 'email'), '')
 || ' ' || COALESCE((SELECT group_concat(value || ' ' || {_PHONE_DIGITS}, ' ') FROM
                     (SELECT m.value AS value, {_digits("m.value")} AS d FROM contact_method m
                      WHERE m.contact_id = c.id AND m.kind = 'phone')), '') AS card,
COALESCE((SELECT group_concat(i.summary || ' ' || i.points || ' ' || i.advice || ' ' || i.location, ' ')
          FROM interaction_contact ic JOIN interaction i ON i.id = ic.interaction_id
          WHERE ic.contact_id = c.id), '') AS said
FROM contact c LEFT JOIN company co ON co.id = c.company_id"""

_COLUMNS = "rowid, name, company, card, said"


def _reindex(contact_ids: str) -> str:
    """Trigger body: the rows of the contacts ``contact_ids`` (SQL) written again."""
    return (
        f'DELETE FROM "search" WHERE rowid IN ({contact_ids}); '
        f'INSERT INTO "search" ({_COLUMNS}) SELECT id, name, company, card, said FROM "search_source" '
        f"WHERE id IN ({contact_ids});"
    )


#: name -> (event, the contacts it concerns (SQL)).
_TRIGGERS = {
    "contact_insert": ('AFTER INSERT ON "contact"', "NEW.id"),
    "contact_update": (
        'AFTER UPDATE OF full_name, title, company_id, notes, how_met, met_at, location, needs ON "contact"',
        "NEW.id",
    ),
    "company_update": (
        'AFTER UPDATE OF name ON "company"',
        "SELECT id FROM contact WHERE company_id = NEW.id",
    ),
    "tag_update": (
        'AFTER UPDATE OF name ON "tag"',
        "SELECT contact_id FROM contact_tag WHERE tag_id = NEW.id",
    ),
    "contact_tag_insert": ('AFTER INSERT ON "contact_tag"', "NEW.contact_id"),
    "contact_tag_update": ('AFTER UPDATE ON "contact_tag"', "OLD.contact_id, NEW.contact_id"),
    "contact_tag_delete": ('AFTER DELETE ON "contact_tag"', "OLD.contact_id"),
    "contact_method_insert": ('AFTER INSERT ON "contact_method"', "NEW.contact_id"),
    "contact_method_update": ('AFTER UPDATE ON "contact_method"', "OLD.contact_id, NEW.contact_id"),
    "contact_method_delete": ('AFTER DELETE ON "contact_method"', "OLD.contact_id"),
    "participant_insert": ('AFTER INSERT ON "interaction_contact"', "NEW.contact_id"),
    "participant_update": ('AFTER UPDATE ON "interaction_contact"', "OLD.contact_id, NEW.contact_id"),
    "participant_delete": ('AFTER DELETE ON "interaction_contact"', "OLD.contact_id"),
    "interaction_update": (
        'AFTER UPDATE OF summary, points, advice, location ON "interaction"',
        "SELECT contact_id FROM interaction_contact WHERE interaction_id = NEW.id",
    ),
}


def trigger_statements() -> list[str]:
    """The triggers that keep the index in step (dropped first, so they can be made again)."""
    statements = []
    for name, (event, contacts) in _TRIGGERS.items():
        statements.append(f'DROP TRIGGER IF EXISTS "search_{name}"')
        statements.append(f'CREATE TRIGGER "search_{name}" {event} BEGIN {_reindex(contacts)} END')
    statements.append('DROP TRIGGER IF EXISTS "search_contact_delete"')
    statements.append(
        'CREATE TRIGGER "search_contact_delete" AFTER DELETE ON "contact" '
        'BEGIN DELETE FROM "search" WHERE rowid = OLD.id; END'
    )
    return statements


def drop_trigger_statements() -> list[str]:
    """The triggers dropped, for a bulk write that builds the index once at its end."""
    return [f'DROP TRIGGER IF EXISTS "search_{name}"' for name in [*_TRIGGERS, "contact_delete"]]


def rebuild_statements() -> list[str]:
    """Every contact's row written again (a new index, or after a bulk write)."""
    return [
        'DELETE FROM "search"',
        f'INSERT INTO "search" ({_COLUMNS}) SELECT id, name, company, card, said FROM "search_source"',
        'INSERT INTO "search" ("search") VALUES (\'optimize\')',
    ]


@contextmanager
def built_once(execute: Execute) -> Iterator[None]:
    """Inside a write transaction: the triggers held off while the block writes in bulk
    (the demo network, a backup's rows), then every row built once at its end."""
    for statement in drop_trigger_statements():
        execute(statement)
    yield
    for statement in [*rebuild_statements(), *trigger_statements()]:
        execute(statement)


def schema_statements() -> Iterator[str]:
    """The index, its source, its triggers and its first build (schema step 9)."""
    yield CREATE_TABLE
    yield CREATE_VIEW
    yield from trigger_statements()
    yield from rebuild_statements()


# ------------------------------------------------------------------ reading

#: The most phrases one search takes (FTS5 nests one level per phrase, and 256 overflow it).
MAX_PHRASES = 100

#: A phone number as typed: digits and the marks between them.
_PHONE_LIKE = re.compile(r"[\d\s()+./-]*\d[\d\s()+./-]*")


def _phrase(word: str) -> str | None:
    """One typed word as an FTS5 prefix phrase of its letters and digits (None: it has none).

    A phone-like word ("415-555", "(415)") may also match as bare digits."""
    tokens = [t for t in re.split(r"[\W_]+", word) if t]
    if not tokens:
        return None
    phrase = '"' + " ".join(tokens) + '"*'
    digits = "".join(ch for ch in word if ch.isdigit())
    if len(tokens) > 1 and len(digits) >= 3 and _PHONE_LIKE.fullmatch(word):
        return f'({phrase} OR "{digits}"*)'
    return phrase


def phrases(text: str) -> list[str]:
    """The words of ``text`` as FTS5 phrases (each at most once)."""
    found = (_phrase(word) for word in text.split())
    return list(dict.fromkeys(p for p in found if p))


def _match(found: list[str], columns: str = "") -> str:
    scope = f"{{{columns}}} : " if columns else ""
    return " AND ".join(f"{scope}{phrase}" for phrase in found)


#: Ranked: every word in the name first, then in name and company, then on the card, then
#: in what was said; within each, the most recently contacted first.
_ORDER = """CASE WHEN c.id IN (SELECT rowid FROM "search" WHERE "search" MATCH ?) THEN 0
              WHEN c.id IN (SELECT rowid FROM "search" WHERE "search" MATCH ?) THEN 1
              WHEN c.id IN (SELECT rowid FROM "search" WHERE "search" MATCH ?) THEN 2 ELSE 3 END,
         c.last_contact_at IS NULL, c.last_contact_at DESC, c.id"""


def ranking(found: list[str], *, include_archived: bool) -> tuple[str, str, list[str]]:
    """``(condition, order, parameters)`` on contacts aliased ``c``: those matching every
    phrase (``found``, from :func:`phrases`), best first. The condition comes before the
    order in the SQL, as the parameters do."""
    condition = 'c.id IN (SELECT rowid FROM "search" WHERE "search" MATCH ?)'
    if not include_archived:
        condition += " AND +c.archived = 0"  # "+": the index leads here, not contact_archived
    params = [
        _match(found),
        _match(found, "name"),
        _match(found, "name company"),
        _match(found, "name company card"),
    ]
    return condition, _ORDER, params


def ranked_ids(execute: Execute, found: list[str], *, include_archived: bool, limit: int = -1) -> list[int]:
    """Ids of the contacts matching every phrase, best first, at most ``limit``."""
    condition, order, params = ranking(found, include_archived=include_archived)
    sql = f"SELECT c.id FROM contact c WHERE {condition} ORDER BY {order} LIMIT ?"
    return [row[0] for row in execute(sql, [*params, limit]).fetchall()]
