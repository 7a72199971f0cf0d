"""Contacts in the core: create, edit, archive, delete, search, validation."""

from __future__ import annotations

import pendulum
import pytest

from netkeep.core import contacts, interactions
from netkeep.core.errors import NotFound, ValidationError
from netkeep.core.records import ContactInput, InteractionInput, Method
from netkeep.store.models import Contact, Interaction


def make(name="Jane Doe", **fields):
    return contacts.create_contact(ContactInput(full_name=name, **fields))


def test_create_and_read_every_field(db):
    bob = make("Bob Smith", company="Acme")
    jane = make(
        "  Jane   Doe ",
        title="Staff Engineer",
        company="Stripe",
        emails=(Method("email", "jane@stripe.com", "work"), Method("email", "jd@home.org", "home")),
        phones=(Method("phone", "+1 (555) 010-2000", "mobile"),),
        linkedin_url="https://www.linkedin.com/in/janedoe",
        contact_type="alumni",
        job_search=True,
        how_met="career fair",
        met_on=pendulum.date(2026, 3, 4),
        met_at="PyCon",
        introduced_by_id=bob,
        needs="a designer",
        notes="payments infra",
        tags=("Python", "#pycon", "python"),
    )
    card = contacts.get_card(jane)
    assert card.full_name == "Jane Doe"
    assert (card.given_name, card.family_name) == ("Jane", "Doe")
    assert card.company == "Stripe"
    assert [m.value for m in card.emails] == ["jane@stripe.com", "jd@home.org"]
    assert card.emails[0].label == "work"
    assert card.phones[0].value == "+1 (555) 010-2000"
    assert card.introduced_by == "Bob Smith"
    assert card.tags == ("pycon", "Python")  # as first typed; "python" is the same tag
    assert card.met_on.isoformat() == "2026-03-04"
    assert card.job_search is True and card.contact_type == "alumni"
    assert card.uid


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"full_name": "   "}, "full_name"),
        ({"full_name": "x" * 201}, "full_name"),
        ({"full_name": "Eve \x1b[31mRed"}, "full_name"),
        ({"full_name": "Eve", "emails": (Method("email", "not-an-email"),)}, "emails"),
        ({"full_name": "Eve", "phones": (Method("phone", "call me maybe"),)}, "phones"),
        ({"full_name": "Eve", "contact_type": "enemy"}, "contact_type"),
        ({"full_name": "Eve", "cadence_days": 0}, "cadence_days"),
        ({"full_name": "Eve", "cadence_days": -3}, "cadence_days"),
        ({"full_name": "Eve", "notes": "x" * 100_001}, "notes"),
    ],
)
def test_bad_input_changes_nothing(db, fields, bad):
    with pytest.raises(ValidationError) as info:
        contacts.create_contact(ContactInput(**fields))
    assert bad in info.value.errors
    assert Contact.select().count() == 0


def test_markup_and_long_notes_are_kept_literally(db):
    note = "n" * 5000
    cid = make("[bold]Mallory[/bold]", notes=note)
    card = contacts.get_card(cid)
    assert card.full_name == "[bold]Mallory[/bold]"
    assert card.notes == note


def test_edit_keeps_past_company(db):
    cid = make(company="Stripe")
    data = contacts.get_card(cid).to_input()
    contacts.update_contact(cid, ContactInput(**{**data.__dict__, "company": "Plaid"}))
    card = contacts.get_card(cid)
    assert card.company == "Plaid"
    assert card.past_companies == ("Stripe",)


def test_failed_edit_leaves_contact_as_it_was(db):
    cid = make(company="Stripe")
    with pytest.raises(ValidationError):
        contacts.update_contact(cid, ContactInput(full_name="", company="Plaid"))
    assert contacts.get_card(cid).company == "Stripe"


def test_cannot_introduce_yourself(db):
    cid = make()
    with pytest.raises(ValidationError):
        contacts.update_contact(cid, ContactInput(full_name="Jane Doe", introduced_by_id=cid))


def test_archive_hides_from_list_and_search(db):
    cid = make()
    contacts.set_archived(cid)
    assert contacts.list_rows() == []
    assert contacts.search("jane") == []
    assert contacts.search("jane", include_archived=True) == [cid]
    contacts.set_archived(cid, False)
    assert [r.id for r in contacts.list_rows()] == [cid]


def test_delete_removes_only_their_own_interactions(db):
    jane, bob = make(), make("Bob Smith")
    interactions.log_interaction(InteractionInput(contact_ids=(jane,), kind="call"))
    shared = interactions.log_interaction(InteractionInput(contact_ids=(jane, bob), kind="event"))
    contacts.delete_contact(jane)
    assert [i.id for i in Interaction.select()] == [shared]
    with pytest.raises(NotFound):
        contacts.get_card(jane)


def test_filter_and_sort(db):
    make("Jane Doe", company="Stripe", tags=("payments",))
    make("Bob Smith", company="Acme", notes="loves rust")
    make("Ann Lee", title="Designer")
    rows = contacts.list_rows()
    by_id = {r.id: r for r in rows}
    assert [r.name for r in rows] == ["Ann Lee", "Bob Smith", "Jane Doe"]
    assert [r.name for r in contacts.filter_rows(by_id, "strip")] == ["Jane Doe"]
    assert [r.name for r in contacts.filter_rows(by_id, "RUST")] == ["Bob Smith"]
    assert [r.name for r in contacts.filter_rows(by_id, "design")] == ["Ann Lee"]
    assert [r.name for r in contacts.filter_rows(by_id, "payments jane")] == ["Jane Doe"]
    assert contacts.filter_rows(by_id, "jane acme") == []


def test_resolve_names(db):
    jane = make("Jane Doe", company="Stripe")
    make("Jane Roe")
    assert [c[0] for c in contacts.resolve("jane doe")] == [jane]
    assert len(contacts.resolve("jane")) == 2
    assert [c[0] for c in contacts.resolve("Jnae Doe")] == [jane]
    assert contacts.resolve("Zed") == []


def test_logging_resets_follow_up(db):
    with pendulum.travel_to(pendulum.datetime(2026, 1, 1, 9), freeze=True):
        cid = make(contact_type="mentor")
        assert contacts.get_card(cid).next_follow_up.isoformat() == "2026-01-31"
    with pendulum.travel_to(pendulum.datetime(2026, 3, 1, 9), freeze=True):
        interactions.log_interaction(InteractionInput(contact_ids=(cid,), kind="coffee"))
        card = contacts.get_card(cid)
        assert card.next_follow_up.isoformat() == "2026-03-31"
        assert card.last_contact_at.date().isoformat() == "2026-03-01"


def test_timelines_and_activity(db):
    jane, bob = make(), make("Bob Smith")
    with pendulum.travel_to(pendulum.datetime(2026, 11, 26, 9), freeze=True):
        for days in (0, 1, 8, 400):
            interactions.log_interaction(
                InteractionInput(
                    contact_ids=(jane,),
                    kind="email",
                    summary=f"d{days}",
                    occurred_at=pendulum.now("UTC").subtract(days=days),
                )
            )
        interactions.log_interaction(InteractionInput(contact_ids=(bob,), kind="call", summary="bob"))
        assert [e.summary for e in interactions.timeline_for(jane)] == ["d0", "d1", "d8", "d400"]
        assert interactions.network_timeline(limit=2)[0].contacts
        activity = interactions.weekly_activity()
        assert len(activity) == 52
        assert sum(activity) == 4
        assert activity[-1] == 3  # Mon 23 Nov .. today
