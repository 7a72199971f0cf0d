"""The contact list: its rows, filter and order; searching and resolving typed names."""

from __future__ import annotations

from functools import partial

from peewee import JOIN, fn

from netkeep.core.records import ContactRow
from netkeep.store import search as index
from netkeep.store.models import Company, Contact, database

#: The list's order: the name in SQLite's lower case (which folds ASCII letters only), as
#: the ``contact_archived_lower_full_name`` index holds it.
BY_NAME = fn.LOWER(Contact.full_name)
#: A cursor row as a :class:`ContactRow`, with no Python call per row (30,000 at start-up).
_as_row = partial(tuple.__new__, ContactRow)


def _row_query():
    """The columns of :class:`ContactRow`: one row per contact, no model objects."""
    return Contact.select(
        Contact.id,
        Contact.full_name,
        fn.COALESCE(Company.name, ""),
        fn.COALESCE(Contact.last_contact_at, ""),
        fn.COALESCE(Contact.next_follow_up, ""),
    ).join(Company, JOIN.LEFT_OUTER, on=(Contact.company == Company.id))


def list_rows(*, archived: bool = False, limit: int | None = None) -> list[ContactRow]:
    """Every contact (or the first ``limit``) as a list row, by name; equal names by id.

    One query in the order of the name index: the first screenful (read on the UI thread
    before the first frame) costs well under a millisecond at 30,000 contacts. The rows are
    built in list order on purpose: filtering walks them in that order, and rows built in
    another order and then sorted made each filter keystroke 2-3 times slower (memory
    locality), for ~8 ms less here.
    """
    query = _row_query().where(Contact.archived == archived).order_by(BY_NAME, Contact.id)
    if limit is not None:
        query = query.limit(limit)
    return list(map(_as_row, database.execute(query)))


def get_row(contact_id: int) -> ContactRow | None:
    """One contact's list row (after an edit), or None if it is gone."""
    for row in database.execute(_row_query().where(Contact.id == contact_id)):
        return _as_row(row)
    return None


def get_rows(contact_ids: list[int]) -> list[ContactRow]:
    """These contacts' list rows, in the order given (those gone left out)."""
    query = _row_query().where(Contact.id.in_(contact_ids))
    found = {row[0]: row for row in map(_as_row, database.execute(query))}
    return [found[i] for i in contact_ids if i in found]


def filter_rows(by_id: dict[int, ContactRow], text: str) -> list[ContactRow]:
    """The rows of ``by_id`` matching ``text`` in the search index, best first (:func:`search`)."""
    return [by_id[i] for i in search(text, include_archived=True) if i in by_id]


#: SQLite's LOWER(): ASCII letters only, so a list re-sorted here keeps the order it was read in.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

SORT_KEYS = {
    "name": lambda row: (row.name.translate(_ASCII_LOWER), row.id),
    "last contact": lambda row: row.last_contact,
    "next follow-up": lambda row: row.next_follow_up or "9999",
}


def sort_rows(rows: list[ContactRow], order: str) -> list[ContactRow]:
    """Sort by ``name``, ``last contact`` (most recent first) or ``next follow-up`` (soonest first)."""
    return sorted(rows, key=SORT_KEYS[order], reverse=(order == "last contact"))


def search(text: str, *, limit: int | None = None, include_archived: bool = False) -> list[int]:
    """Ids of the contacts with every word of ``text`` on their card or in their interactions,
    best first (``store.search``); everyone, by name, for empty text; nobody for text with no
    letter or digit. Words past the hundredth are not looked for."""
    if not text.split():
        query = Contact.select(Contact.id)
        if not include_archived:
            query = query.where(Contact.active())
        query = query.order_by(BY_NAME, Contact.id)
        if limit:
            query = query.limit(limit)
        return [row[0] for row in query.tuples()]
    found = index.phrases(text)[: index.MAX_PHRASES]
    if not found:
        return []
    return index.ranked_ids(database.execute_sql, found, include_archived=include_archived, limit=limit or -1)


#: More words than any name has (SQLite nests a condition per word: a hundred overflow it).
NAME_WORDS_MAX = 32


def resolve(name: str, *, limit: int = 8) -> list[tuple[int, str, str]]:
    """Contacts a typed name may mean, best first: ``(id, name, company)``.

    An exact (case-insensitive) name wins outright; then every contact whose name holds
    every word; then close spellings. Text of more words than any name has means nobody.
    """
    text = " ".join(name.split())
    if not text or len(text.split()) > NAME_WORDS_MAX:
        return []
    base = (
        Contact.select(Contact.id, Contact.full_name, Company.name)
        .join(Company, JOIN.LEFT_OUTER)
        .where(Contact.active())
    )
    exact = list(base.where(fn.LOWER(Contact.full_name) == text.casefold()).tuples())
    if exact:
        return [(i, n, c or "") for i, n, c in exact]
    query = base
    for word in text.casefold().split():
        query = query.where(fn.LOWER(Contact.full_name).contains(word))
    found = list(query.limit(limit).tuples())
    if found:
        return [(i, n, c or "") for i, n, c in found]
    from rapidfuzz import fuzz, process, utils

    names = {cid: n for cid, n, _ in base.tuples()}
    companies = {cid: c or "" for cid, _, c in base.tuples()}
    best = process.extract(
        text, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit, score_cutoff=80
    )
    return [(cid, n, companies[cid]) for n, _score, cid in best]


def names_for_completion() -> list[str]:
    """Every active contact's name, for completing 'introduced by'."""
    return [
        n
        for (n,) in Contact.select(Contact.full_name)
        .where(Contact.active())
        .order_by(Contact.full_name)
        .tuples()
    ]


def count_contacts() -> int:
    return Contact.select().where(Contact.active()).count()
