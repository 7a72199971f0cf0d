"""The job search: targets, who I know there, news for the people who helped."""

from __future__ import annotations

import pendulum
import pytest

from helpers.people import person
from netkeep.core import contacts, interactions, jobsearch
from netkeep.core.errors import ValidationError
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.store.models import Interaction


def test_targets_keep_their_rank_order(db):
    stripe = jobsearch.add_target("Stripe")
    acme = jobsearch.add_target("Acme")
    plaid = jobsearch.add_target("Plaid")
    assert [t.name for t in jobsearch.targets()] == ["Stripe", "Acme", "Plaid"]
    jobsearch.move_target(plaid, -1)
    assert [t.name for t in jobsearch.targets()] == ["Stripe", "Plaid", "Acme"]
    jobsearch.move_target(stripe, +5)
    assert [(t.name, t.rank) for t in jobsearch.targets()] == [("Plaid", 1), ("Acme", 2), ("Stripe", 3)]
    jobsearch.drop_target(plaid)
    assert [(t.name, t.rank) for t in jobsearch.targets()] == [("Acme", 1), ("Stripe", 2)]
    assert jobsearch.add_target("  acme  inc. ") == acme  # the same employer, not a new one


def test_who_i_know_there_now_and_before(db):
    jane = person("Jane Doe", company="Stripe", title="Staff Engineer")
    bob = person("Bob Smith", company="Stripe")
    contacts.update_contact(bob, ContactInput(full_name="Bob Smith", company="Plaid"))
    person("Ann Lee", company="Acme")
    stripe = jobsearch.add_target("Stripe")
    [target] = jobsearch.targets()
    assert target.company_id == stripe
    assert [p.id for p in target.current] == [jane]
    assert [p.id for p in target.former] == [bob]
    assert target.stage == "researching"


def test_stages(db):
    cid = jobsearch.add_target("Stripe")
    jobsearch.set_stage(cid, jobsearch.next_stage("researching"))
    assert jobsearch.targets()[0].stage == "applied"
    with pytest.raises(ValidationError):
        jobsearch.set_stage(cid, "hired!!")
    assert jobsearch.targets()[0].stage == "applied"
    assert jobsearch.next_stage("closed") == "researching"


def test_helpers_and_sharing_news(db):
    with pendulum.travel_to(pendulum.datetime(2026, 11, 26, 9), freeze=True):
        bob = person("Bob Smith", company="Acme")
        jane = person("Jane Doe", company="Stripe", introduced_by_id=bob)
        mentor = person("Mia Chen", job_search=True)
        old = person("Old Friend", job_search=True)
        interactions.log_interaction(InteractionInput(contact_ids=(mentor,), kind="informational interview"))
        interactions.log_interaction(
            InteractionInput(
                contact_ids=(old,), kind="coffee", occurred_at=pendulum.now("UTC").subtract(days=400)
            )
        )
        stripe = jobsearch.add_target("Stripe")
        helpers = {p.id: p.relation for p in jobsearch.helpers_for(stripe)}
        assert helpers == {
            jane: "works there",
            bob: "introduced you to Jane Doe",
            mentor: "helped with your search lately",
        }
        iid = jobsearch.share_news([jane, bob], "Onsite interview at Stripe next week!")
        entry = interactions.get_interaction(iid)
        assert entry.kind == "update" and entry.direction == "out"
        assert {c for c, _ in entry.contacts} == {jane, bob}


def test_sharing_nothing_is_refused(db):
    jane = person("Jane Doe")
    with pytest.raises(ValidationError) as info:
        jobsearch.share_news([], "  ")
    assert set(info.value.errors) == {"text", "contacts"}
    with pytest.raises(ValidationError):
        jobsearch.share_news([jane], "")
    assert Interaction.select().count() == 0


def test_empty_target_name_is_refused(db):
    with pytest.raises(ValidationError):
        jobsearch.add_target("   ")
    assert jobsearch.targets() == []
