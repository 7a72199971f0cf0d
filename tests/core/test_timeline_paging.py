"""Paging the network timeline never skips entries that share a moment."""

from __future__ import annotations

import pendulum

from netkeep.core import contacts, interactions
from netkeep.core.records import ContactInput, InteractionInput


def test_pages_split_inside_one_moment_without_losing_entries(db):
    who = contacts.create_contact(ContactInput(full_name="Pat Page"))
    moment = pendulum.datetime(2026, 5, 4, 9, 30, tz="UTC")
    for n in range(7):
        interactions.log_interaction(
            InteractionInput(contact_ids=(who,), summary=f"same moment {n}", occurred_at=moment)
        )
    interactions.log_interaction(
        InteractionInput(contact_ids=(who,), summary="earlier", occurred_at=moment.subtract(days=1))
    )
    seen, before, before_id = [], None, None
    while True:
        page = interactions.network_timeline(before=before, before_id=before_id, limit=3)
        seen += [entry.summary for entry in page]
        if len(page) < 3:
            break
        before, before_id = page[-1].occurred_at, page[-1].id
    assert seen == [f"same moment {n}" for n in range(6, -1, -1)] + ["earlier"]
    # Without an id, ``before`` alone still means "strictly older".
    assert [e.summary for e in interactions.network_timeline(before=moment)] == ["earlier"]
