"""Duplicates on strong evidence only: two people stay two people, and the preview says who
an update is, why, and what changes."""

from __future__ import annotations

from pathlib import Path

from netkeep.core import contacts
from netkeep.core.records import ContactInput, Method
from netkeep.interop import dedupe, linkedin, report, vcard
from netkeep.interop.parsed import ParseResult
from netkeep.interop.records import Candidate
from netkeep.store.models import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def result_of(*people: ContactInput) -> ParseResult:
    return ParseResult("test", [Candidate(n + 2, p) for n, p in enumerate(people)], region="US")


def test_a_close_name_at_the_same_company_with_another_email_is_another_person(db):
    johnson = contacts.create_contact(
        ContactInput(
            full_name="Chris Johnson",
            company="Acme",
            title="Engineer",
            emails=(Method("email", "chris.johnson@acme.example"),),
        )
    )
    plan = dedupe.plan(linkedin.parse(FIXTURES / "linkedin_same_company.csv"))
    lines = report.preview_lines(plan)
    johnston = next(s for s in plan.steps if s.data.full_name == "Chris Johnston")
    assert (johnston.action, johnston.maybe) == ("add", "")  # its email and profile differ: no suggestion
    assert not any("line 3: Chris Johnston" in line for line in lines)
    assert (
        lines[0] == "Preview of the LinkedIn import: 4 to add, 1 to update, 0 to skip, 1 possible duplicate."
    )
    assert lines[1] == (
        "  update  line 2: Chris Johnson → the existing Chris Johnson "
        "(same email chris.johnson@acme.example): "
        "LinkedIn: 'https://www.linkedin.com/in/chris-johnson-acme' (was empty); "
        "how met: 'LinkedIn' (was empty); met on: '2024-02-02' (was empty)"
    )
    assert lines[2] == (
        "  add     line 6: Chris Johnstone — possible duplicate of Chris Johnston of line 3 "
        "(similar name at the same company); added as a new contact"
    )
    dedupe.apply(plan)
    assert Contact.get_by_id(johnson).full_name == "Chris Johnson"
    names = sorted(c.full_name for c in Contact.select())
    assert names == ["Chris Johnson", "Chris Johnston", "Chris Johnstone", "Sam Lee", "Sam Lee"]


def test_two_people_of_one_name_at_one_company_stay_two_people(db):
    people = (
        ContactInput(full_name="Sam Lee", company="Acme", emails=(Method("email", "sam.lee@acme.example"),)),
        ContactInput(full_name="Sam Lee", company="Acme", emails=(Method("email", "slee@acme.example"),)),
    )
    plan = dedupe.plan(result_of(*people))
    assert [(s.action, s.maybe) for s in plan.steps] == [("add", ""), ("add", "")]
    dedupe.apply(plan)
    again = dedupe.plan(result_of(*reversed(people)))
    assert [(s.action, s.matched_by) for s in again.steps] == [
        ("skip", "same email slee@acme.example"),
        ("skip", "same email sam.lee@acme.example"),
    ]
    assert Contact.select().count() == 2


def test_the_same_name_matches_when_nothing_says_otherwise(db):
    existing = contacts.create_contact(ContactInput(full_name="Zoë O'Neil", company="Acme"))
    plan = dedupe.plan(result_of(ContactInput(full_name="zoe o'neil", title="CTO", company="ACME Inc.")))
    step = plan.steps[0]
    assert (step.action, step.contact_id, step.matched_by) == ("update", existing, "same name")
    assert [str(c) for c in step.changes] == ["title: 'CTO' (was empty)"]


def test_an_email_a_phone_or_a_profile_that_differs_keeps_the_same_name_apart(db):
    contacts.create_contact(
        ContactInput(full_name="Ann Lee", emails=(Method("email", "ann@one.example"),), linkedin_url="")
    )
    contacts.create_contact(ContactInput(full_name="Bo Chen", phones=(Method("phone", "+1 415 555 0100"),)))
    contacts.create_contact(ContactInput(full_name="Cy Ng", linkedin_url="https://linkedin.com/in/cy-ng"))
    plan = dedupe.plan(
        result_of(
            ContactInput(full_name="Ann Lee", emails=(Method("email", "ann@two.example"),)),
            ContactInput(full_name="Bo Chen", phones=(Method("phone", "+1 415 555 0111"),)),
            ContactInput(full_name="Cy Ng", linkedin_url="https://linkedin.com/in/cy-ng-2"),
        )
    )
    assert [(s.action, s.maybe) for s in plan.steps] == [("add", ""), ("add", ""), ("add", "")]


def test_re_importing_a_phones_address_book_adds_nothing_and_a_shared_home_phone_is_not_one_person(db):
    first = dedupe.apply(dedupe.plan(vcard.parse(FIXTURES / "phone_book.vcf")))
    assert first.added == 5  # Anna and Erik Berg share a home phone: two people
    again = dedupe.plan(vcard.parse(FIXTURES / "phone_book.vcf"))
    assert (again.count("add"), again.count("update")) == (0, 0)
    assert {s.matched_by for s in again.steps} == {
        "same phone +234 803 123 4567",
        "same phone +44 20 7946 0123",
        "same phone +46 70 555 01 02",
        "same name",  # Erik: his only number is Anna's too
        "same phone +1 415-555-0177",
    }


def test_a_phone_in_another_spelling_matches(db):
    existing = contacts.create_contact(
        ContactInput(full_name="Ngozi Okoro", phones=(Method("phone", "0803 123 4567"),))
    )
    plan = dedupe.plan(
        result_of(ContactInput(full_name="Ngozi", phones=(Method("phone", "+234 803 123 4567"),)))
    )
    assert (plan.steps[0].contact_id, plan.steps[0].matched_by) == (existing, "same phone +234 803 123 4567")


def test_a_person_twice_in_a_file_is_folded_into_one_with_both_records_details(db):
    plan = dedupe.plan(
        result_of(
            ContactInput(full_name="Jane Doe", emails=(Method("email", "jane@x.example"),), title="CTO"),
            ContactInput(
                full_name="Jane Doe",
                emails=(Method("email", "JANE@x.example"),),
                phones=(Method("phone", "+1 415 555 0100"),),
            ),
        )
    )
    assert [s.action for s in plan.steps] == ["add", "skip"]
    assert [p.value for p in plan.steps[0].data.phones] == ["+1 415 555 0100"]
    assert plan.steps[0].data.title == "CTO"


def test_an_update_keeps_the_spelling_of_the_company_typed_before(db):
    existing = contacts.create_contact(ContactInput(full_name="Jane Doe", company="Acme"))
    plan = dedupe.plan(result_of(ContactInput(full_name="Jane Doe", company="ACME, INC.", title="CTO")))
    dedupe.apply(plan)
    assert contacts.get_card(existing).company == "Acme"
    contacts.update_contact(existing, ContactInput(full_name="Jane Doe", company="ACME Inc"))
    assert contacts.get_card(existing).company == "ACME Inc"  # typed by you: the name shown
