"""Saving many new contacts at once (imports): the same rules as ``create_contact``,
a few statements per batch instead of a dozen per contact."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from operator import itemgetter

import pendulum
from peewee import fn

from netkeep.core import cadence, session
from netkeep.core.contacts import fields_for, tag_ids
from netkeep.core.details import add_details
from netkeep.core.normalise import normalise_company, normalise_tag
from netkeep.core.records import ContactInput
from netkeep.core.validation import validate
from netkeep.store.bulk import insert_rows
from netkeep.store.models import Company, Contact, ContactMethod, ContactTag, Employment, database

#: Contacts per batch (and ids per ``IN (…)`` lookup).
BATCH = 1000

Progress = Callable[[int, int], None]


def _companies(names: set[str]) -> dict[str, Company]:
    """The company for each normalised key, created when new."""
    wanted: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            wanted.setdefault(normalise_company(name) or name.casefold(), name)
    keys = list(wanted)
    found: dict[str, Company] = {}
    for start in range(0, len(keys), BATCH):
        part = keys[start : start + BATCH]
        found.update((c.key, c) for c in Company.select().where(Company.key.in_(part)))
    missing = [key for key in keys if key not in found]
    if missing:
        now = pendulum.now("UTC")
        insert_rows(
            Company,
            [Company.name, Company.key, Company.notes, Company.created_at],
            [(wanted[key], key, "", now) for key in missing],
        )
        for start in range(0, len(missing), BATCH):
            part = missing[start : start + BATCH]
            found.update((c.key, c) for c in Company.select().where(Company.key.in_(part)))
    return found


def _uuid4s(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs from one read of the system's random source."""
    data = os.urandom(16 * count)
    return [str(uuid.UUID(bytes=data[16 * n : 16 * n + 16], version=4)) for n in range(count)]


def add_contacts(
    inputs: Sequence[ContactInput],
    progress: Progress | None = None,
    *,
    checked: bool = False,
    imported: bool = False,
) -> list[int]:
    """Save new contacts (validated like ``create_contact``); return their ids in order.

    ``checked=True`` says every input has already passed ``validate``; ``imported=True``
    marks them as brought in by an import (no follow-up until the first interaction).
    """
    if not checked:
        inputs = [validate(data) for data in inputs]
    ids: list[int] = []
    with session.writing(f"Added {len(inputs)} contacts", kind="import"):
        companies = _companies({data.company for data in inputs})
        tags = tag_ids(dict.fromkeys(tag for data in inputs for tag in data.tags))
        now = pendulum.now("UTC")
        stamp = Contact.created_at.db_value(now)
        overrides = cadence.configured_overrides()  # read once, not once per contact
        fields = None
        company_by_name: dict[str, Company | None] = {}
        for start in range(0, len(inputs), BATCH):
            chunk = inputs[start : start + BATCH]
            rows, uids = [], []
            fresh = _uuid4s(len(chunk))
            for data, new_uid in zip(chunk, fresh, strict=True):
                company = company_by_name.get(data.company)
                if data.company not in company_by_name:
                    name = " ".join(data.company.split())
                    company = companies.get(normalise_company(name) or name.casefold())
                    company_by_name[data.company] = company
                row = fields_for(data, company, now=now)
                follow_up = data.next_follow_up
                if follow_up is None and not imported:
                    follow_up = cadence.next_follow_up(
                        data.met_on or now.date(),
                        cadence.cadence_for(data.contact_type, data.job_search, data.cadence_days, overrides),
                    )
                row.update(
                    uid=data.uid or new_uid,
                    created_at=stamp,
                    updated_at=stamp,
                    company=company.id if company else None,
                    job_search=int(data.job_search),
                    met_on=data.met_on.isoformat() if data.met_on else None,
                    follow_up_manual=int(data.next_follow_up is not None),
                    next_follow_up=follow_up.isoformat() if follow_up else None,
                    imported=int(imported),
                )
                rows.append(row)
                uids.append(row["uid"])
            if fields is None:
                fields = [Contact._meta.fields[name] for name in rows[0]]
                in_order = itemgetter(*(field.name for field in fields))
            last = Contact.select(fn.MAX(Contact.id)).scalar() or 0
            insert_rows(Contact, fields, map(in_order, rows), convert=False)
            # A raw cursor: peewee's row objects cost more than the insert (30,000 rows).
            by_uid = dict(database.execute(Contact.select(Contact.uid, Contact.id).where(Contact.id > last)))
            chunk_ids = [by_uid[uid] for uid in uids]
            _add_details(chunk, chunk_ids, rows, tags)
            ids += chunk_ids
            if progress:
                progress(len(ids), len(inputs))
    return ids


def _add_details(chunk, chunk_ids, rows, tag_ids) -> None:
    methods, tags, jobs = [], [], []
    for data, contact_id, row in zip(chunk, chunk_ids, rows, strict=True):
        for kind, values in (("email", data.emails), ("phone", data.phones), ("url", data.urls)):
            for position, method in enumerate(values):
                value = method.value.strip()
                if value:
                    methods.append((contact_id, kind, method.label.strip(), value, position))
        seen = set()
        for tag in data.tags:
            tag_id = tag_ids.get(normalise_tag(tag))
            if tag_id and tag_id not in seen:
                seen.add(tag_id)
                tags.append((contact_id, tag_id))
        if row["company"] is not None:
            jobs.append((contact_id, row["company"], row["title"]))
    insert_rows(
        ContactMethod,
        [
            ContactMethod.contact,
            ContactMethod.kind,
            ContactMethod.label,
            ContactMethod.value,
            ContactMethod.position,
        ],
        methods,
        convert=False,
    )
    insert_rows(ContactTag, [ContactTag.contact, ContactTag.tag], tags, convert=False)
    insert_rows(Employment, [Employment.contact, Employment.company, Employment.title], jobs, convert=False)
    add_details(
        (contact_id, data.details) for data, contact_id in zip(chunk, chunk_ids, strict=True) if data.details
    )


def link_introducers(links: Sequence[tuple[int, str]]) -> int:
    """Set ``introduced_by`` from ``(contact id, introducer uid)`` pairs; return how many were set."""
    if not links:
        return 0
    uids = list({uid for _, uid in links})
    by_uid: dict[str, int] = {}
    for start in range(0, len(uids), BATCH):
        part = uids[start : start + BATCH]
        by_uid.update(Contact.select(Contact.uid, Contact.id).where(Contact.uid.in_(part)).tuples())
    done = 0
    with session.writing(f"Linked {len(links)} contacts to who introduced them", kind="edit"):
        for contact_id, uid in links:
            introducer = by_uid.get(uid)
            if introducer and introducer != contact_id:
                Contact.update(introduced_by=introducer).where(Contact.id == contact_id).execute()
                done += 1
    return done
