"""Saving many new contacts at once (imports): the same rules as ``create_contact``,
a few statements per batch instead of a dozen per contact."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

import pendulum

from netkeep.core import cadence
from netkeep.core.contacts import _fields, normalise_company, normalise_tag, validate
from netkeep.core.records import ContactInput
from netkeep.store.models import Company, Contact, ContactMethod, ContactTag, Employment, Tag, database

#: Rows per INSERT; SQLite allows 32,766 variables and a contact row has 28 columns.
BATCH = 1000

Progress = Callable[[int, int], None]


def _companies(names: set[str]) -> dict[str, Company]:
    """The company for each normalised key, created when new."""
    wanted: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            wanted.setdefault(normalise_company(name) or name.casefold(), name)
    found = {c.key: c for c in Company.select().where(Company.key.in_(list(wanted)))} if wanted else {}
    now = pendulum.now("UTC")
    for key, name in wanted.items():
        if key not in found:
            found[key] = Company.create(name=name, key=key, created_at=now)
    return found


def _tag_ids(tags: set[str]) -> dict[str, int]:
    names = {normalise_tag(tag) for tag in tags} - {""}
    found = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(list(names))).tuples()) if names else {}
    missing = [{"name": name} for name in sorted(names - set(found))]
    if missing:
        Tag.insert_many(missing).execute()
        found = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(list(names))).tuples())
    return found


def add_contacts(inputs: Sequence[ContactInput], progress: Progress | None = None) -> list[int]:
    """Save new contacts (validated like ``create_contact``); return their ids in order."""
    inputs = [validate(data) for data in inputs]
    ids: list[int] = []
    with database.atomic():
        companies = _companies({data.company for data in inputs})
        tag_ids = _tag_ids({tag for data in inputs for tag in data.tags})
        now = pendulum.now("UTC")
        for start in range(0, len(inputs), BATCH):
            chunk = inputs[start:start + BATCH]
            rows, uids = [], []
            for data in chunk:
                company = companies.get(normalise_company(" ".join(data.company.split()))
                                        or " ".join(data.company.split()).casefold())
                row = _fields(data, company)
                row["uid"] = data.uid or str(uuid.uuid4())
                row["created_at"] = now
                row["updated_at"] = now
                row["follow_up_manual"] = data.next_follow_up is not None
                row["next_follow_up"] = data.next_follow_up or cadence.next_follow_up(
                    data.met_on or now.date(),
                    cadence.cadence_for(data.contact_type, data.job_search, data.cadence_days))
                rows.append(row)
                uids.append(row["uid"])
            Contact.insert_many(rows).execute()
            by_uid = dict(Contact.select(Contact.uid, Contact.id).where(Contact.uid.in_(uids)).tuples())
            chunk_ids = [by_uid[uid] for uid in uids]
            _add_details(chunk, chunk_ids, rows, tag_ids)
            ids += chunk_ids
            if progress:
                progress(len(ids), len(inputs))
    return ids


def _add_details(chunk, chunk_ids, rows, tag_ids) -> None:
    methods, tags, jobs = [], [], []
    for data, contact_id, row in zip(chunk, chunk_ids, rows):
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
            jobs.append((contact_id, row["company"].id, row["title"]))
    fields = [ContactMethod.contact, ContactMethod.kind, ContactMethod.label, ContactMethod.value,
              ContactMethod.position]
    for start in range(0, len(methods), BATCH):
        ContactMethod.insert_many(methods[start:start + BATCH], fields=fields).execute()
    for start in range(0, len(tags), BATCH):
        ContactTag.insert_many(tags[start:start + BATCH], fields=[ContactTag.contact, ContactTag.tag]).execute()
    for start in range(0, len(jobs), BATCH):
        Employment.insert_many(jobs[start:start + BATCH],
                               fields=[Employment.contact, Employment.company, Employment.title]).execute()


def link_introducers(links: Sequence[tuple[int, str]]) -> int:
    """Set ``introduced_by`` from ``(contact id, introducer uid)`` pairs; return how many were set."""
    if not links:
        return 0
    uids = list({uid for _, uid in links})
    by_uid: dict[str, int] = {}
    for start in range(0, len(uids), BATCH):
        part = uids[start:start + BATCH]
        by_uid.update(Contact.select(Contact.uid, Contact.id).where(Contact.uid.in_(part)).tuples())
    done = 0
    with database.atomic():
        for contact_id, uid in links:
            introducer = by_uid.get(uid)
            if introducer and introducer != contact_id:
                Contact.update(introduced_by=introducer).where(Contact.id == contact_id).execute()
                done += 1
    return done
