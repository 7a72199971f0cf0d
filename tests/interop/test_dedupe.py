"""Duplicates: matching, the plan before writing, one transaction, and merging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pendulum
import pytest

from netkeep.core import bulk, contacts
from netkeep.core.interactions import log_interaction, timeline_for
from netkeep.core.merge import differences, merge_contacts
from netkeep.core.records import ContactInput, InteractionInput, Method
from netkeep.interop import dedupe, linkedin
from netkeep.interop.parsed import ParseResult
from netkeep.interop.records import Candidate
from netkeep.store.models import Contact, Reminder, database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def result_of(*people: ContactInput) -> ParseResult:
    return ParseResult("test", [Candidate(n + 2, p) for n, p in enumerate(people)])


def test_match_by_linkedin_url_normalised(db):
    existing = contacts.create_contact(
        ContactInput(full_name="Jane Doe", linkedin_url="http://linkedin.com/in/JaneDoe/")
    )
    plan = dedupe.plan(
        result_of(
            ContactInput(
                full_name="Jane D.", title="CTO", linkedin_url="https://www.linkedin.com/in/janedoe?trk=x"
            )
        )
    )
    step = plan.steps[0]
    assert (step.action, step.contact_id, step.matched_by) == (
        "update",
        existing,
        "same LinkedIn profile linkedin.com/in/janedoe",
    )
    assert step.changes == ("title: 'CTO' (was empty)",)


def test_match_by_email_and_a_close_name_at_the_same_company_is_only_a_suggestion(db):
    by_email = contacts.create_contact(
        ContactInput(full_name="Ann Lee", emails=(Method("email", "Ann@X.example"),))
    )
    by_name = contacts.create_contact(ContactInput(full_name="Robert Smith", company="Acme Inc."))
    contacts.create_contact(ContactInput(full_name="Robert Smith", company="Globex"))
    plan = dedupe.plan(
        result_of(
            ContactInput(full_name="A. Lee", emails=(Method("email", "ann@x.example"),)),
            ContactInput(full_name="Smith Robert", company="ACME", title="VP"),
            ContactInput(full_name="Robert Smith", company="Initech"),
        )
    )
    assert [(s.action, s.contact_id) for s in plan.steps] == [
        ("skip", by_email),
        ("add", None),
        ("add", None),
    ]
    assert plan.steps[0].reason == "nothing new (same email ann@x.example)"
    assert plan.steps[1].maybe == "Robert Smith (similar name at the same company)"
    assert Contact.get_by_id(by_name).title == ""


def test_on_duplicate_skip_and_add(db):
    contacts.create_contact(ContactInput(full_name="Jane", emails=(Method("email", "j@x.example"),)))
    again = result_of(ContactInput(full_name="Jane", title="New", emails=(Method("email", "j@x.example"),)))
    assert dedupe.plan(again, "skip").steps[0].action == "skip"
    assert dedupe.plan(again, "add").steps[0].action == "add"


def test_duplicates_within_one_file_are_skipped(db):
    plan = dedupe.plan(
        result_of(
            ContactInput(full_name="Jane", linkedin_url="https://linkedin.com/in/jane"),
            ContactInput(full_name="Jane", linkedin_url="https://www.linkedin.com/in/jane/"),
        )
    )
    assert [s.action for s in plan.steps] == ["add", "skip"]
    assert plan.steps[1].reason == (
        "same person as line 2 (same LinkedIn profile linkedin.com/in/jane); folded into it"
    )


@pytest.mark.parametrize("bulk_after", [200, 0])  # existing contacts read one by one / all at once
def test_update_keeps_own_story_adds_new_methods_tags_and_notes(db, monkeypatch, bulk_after):
    monkeypatch.setattr(dedupe._Current, "BULK_AFTER", bulk_after - 1)
    introducer = contacts.create_contact(ContactInput(full_name="Bob"))
    cid = contacts.create_contact(
        ContactInput(
            full_name="Jane Doe",
            company="Old Co",
            how_met="Career fair",
            notes="Met twice.",
            emails=(Method("email", "jane@old.example"),),
            tags=("alumni",),
            introduced_by_id=introducer,
            next_follow_up=date(2027, 1, 2),
        )
    )
    plan = dedupe.plan(
        result_of(
            ContactInput(
                full_name="Jane Doe",
                company="New Co",
                how_met="LinkedIn",
                met_on=date(2024, 1, 1),
                notes="From the phone.",
                emails=(Method("email", "jane@old.example"), Method("email", "jane@new.example")),
                tags=("rust",),
            )
        ),
        "update",
    )
    report = dedupe.apply(plan)
    assert (report.added, report.updated) == (0, 1)
    card = contacts.get_card(cid)
    assert card.company == "New Co" and card.past_companies == ("Old Co",)
    assert card.how_met == "Career fair" and card.met_on == date(2024, 1, 1)
    assert [e.value for e in card.emails] == ["jane@old.example", "jane@new.example"]
    assert card.tags == ("alumni", "rust")
    assert card.notes == "Met twice.\n\nFrom the phone."
    assert (card.introduced_by_id, card.next_follow_up) == (introducer, date(2027, 1, 2))


def test_preview_writes_nothing_and_apply_reports(db):
    result = linkedin.parse(FIXTURES / "linkedin_current.csv")
    plan = dedupe.plan(result)
    assert plan.count("add") == 6 and Contact.select().count() == 0
    report = dedupe.apply(plan)
    assert (report.added, report.updated, report.skipped, len(report.kept), report.hidden) == (6, 0, 0, 2, 1)
    again = dedupe.apply(dedupe.plan(linkedin.parse(FIXTURES / "linkedin_current.csv")))
    assert (again.added, again.updated, again.skipped) == (0, 0, 6)
    assert Contact.select().count() == 6


def test_an_import_that_fails_half_way_leaves_the_database_as_it_was(db, monkeypatch):
    contacts.create_contact(
        ContactInput(full_name="Already Here", title="x", emails=(Method("email", "here@x.example"),))
    )
    monkeypatch.setattr(bulk, "BATCH", 2)
    before = list(Contact.select(Contact.id, Contact.full_name, Contact.title).tuples())
    people = [ContactInput(full_name=f"Person {n}") for n in range(5)]
    people.append(
        ContactInput(full_name="Already Here", title="changed", emails=(Method("email", "here@x.example"),))
    )
    plan = dedupe.plan(result_of(*people))
    calls = []

    def explode(done, total):
        calls.append(done)
        if done >= 4:
            raise OSError("disk full")

    with pytest.raises(OSError):
        dedupe.apply(plan, explode)
    assert calls == [2, 4]
    assert list(Contact.select(Contact.id, Contact.full_name, Contact.title).tuples()) == before


def test_bulk_add_matches_create_contact(db, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 10\n")
    data = ContactInput(
        full_name="Ann  Lee",
        company="Acme",
        title="PM",
        tags=("Rust", "rust"),
        emails=(Method("email", "a@x.example", "work"),),
        met_on=date(2026, 1, 1),
    )
    one = contacts.create_contact(data)
    two = bulk.add_contacts([data])[0]
    a, b = contacts.get_card(one), contacts.get_card(two)
    for name in (
        "full_name",
        "given_name",
        "family_name",
        "company",
        "title",
        "tags",
        "emails",
        "next_follow_up",
        "follow_up_manual",
    ):
        assert getattr(a, name) == getattr(b, name), name
    assert Contact.get_by_id(one).search_text == Contact.get_by_id(two).search_text
    assert b.next_follow_up == date(2026, 1, 11)  # met on 1 Jan + the configured 10 days


def test_merge_keeps_both_timelines_and_asks_where_they_differ(db):
    keep = contacts.create_contact(
        ContactInput(
            full_name="Jane Doe",
            title="Engineer",
            company="Stripe",
            notes="Keep note",
            emails=(Method("email", "jane@a.example"),),
            tags=("alumni",),
        )
    )
    other = contacts.create_contact(
        ContactInput(
            full_name="Jane Doe",
            title="Staff Engineer",
            company="Stripe",
            notes="Other note",
            location="Berlin",
            emails=(Method("email", "jane@b.example"),),
            tags=("rust",),
        )
    )
    friend = contacts.create_contact(ContactInput(full_name="Bob", introduced_by_id=other))
    now = pendulum.now("UTC")
    log_interaction(InteractionInput(contact_ids=(keep,), summary="first", occurred_at=now.subtract(days=9)))
    log_interaction(
        InteractionInput(contact_ids=(other,), summary="second", occurred_at=now.subtract(days=2))
    )
    log_interaction(
        InteractionInput(contact_ids=(keep, other), summary="both", occurred_at=now.subtract(days=1))
    )
    with database.atomic():
        Reminder.create(contact=other, due_on=date(2026, 12, 1), reason="call", created_at=now)
    diffs = {d.field: (d.keep, d.other) for d in differences(keep, other)}
    assert diffs == {"title": ("Engineer", "Staff Engineer"), "notes": ("Keep note", "Other note")}
    merge_contacts(keep, other, {"title": "other", "notes": "both"})
    card = contacts.get_card(keep)
    assert card.title == "Staff Engineer" and card.location == "Berlin"
    assert card.notes == "Keep note\n\nOther note"
    assert [e.value for e in card.emails] == ["jane@a.example", "jane@b.example"]
    assert card.tags == ("alumni", "rust")
    assert sorted(e.summary for e in timeline_for(keep)) == ["both", "first", "second"]
    assert Reminder.get().contact_id == keep
    assert contacts.get_card(friend).introduced_by_id == keep
    assert Contact.get_or_none(Contact.id == other) is None


def test_fill_by_default_fills_what_is_empty_and_shows_each_change(db):
    email = (Method("email", "jane@x.example"),)
    cid = contacts.create_contact(
        ContactInput(full_name="Jane Doe", title="Staff Engineer", company="Stripe", emails=email)
    )
    incoming = result_of(
        ContactInput(
            full_name="Jane Doe",
            title="Engineer",
            company="Acme",
            location="Berlin",
            tags=("rust",),
            emails=email,
        )
    )
    step = dedupe.plan(incoming).steps[0]
    assert step.action == "update"
    assert step.changes == ("location: 'Berlin' (was empty)", "tags: + #rust")
    assert step.kept == (
        "title: keeps 'Staff Engineer' (the file has 'Engineer')",
        "company: keeps 'Stripe' (the file has 'Acme')",
    )
    dedupe.apply(dedupe.plan(incoming))
    card = contacts.get_card(cid)
    assert (card.title, card.company, card.location) == ("Staff Engineer", "Stripe", "Berlin")
    update = dedupe.plan(incoming, "update").steps[0]
    assert update.changes[:2] == ("title: 'Staff Engineer' → 'Engineer'", "company: 'Stripe' → 'Acme'")
