"""Merging two contacts keeps both employers: the card's company, the other one as past."""

from __future__ import annotations

import pytest

from netkeep.core import contacts
from netkeep.core.merge import merge_contacts
from netkeep.core.records import ContactInput


@pytest.mark.parametrize(
    ("wins", "current", "past"), [("keep", "Stripe", ("Acme",)), ("other", "Acme", ("Stripe",))]
)
def test_the_employer_that_does_not_win_stays_as_a_past_one(db, wins, current, past):
    keep = contacts.create_contact(ContactInput(full_name="Ana Silva", company="Stripe"))
    other = contacts.create_contact(ContactInput(full_name="Ana Silva", company="Acme"))
    merge_contacts(keep, other, {"company": wins})
    card = contacts.get_card(keep)
    assert (card.company, card.past_companies) == (current, past)


def test_the_same_employer_is_kept_once(db):
    keep = contacts.create_contact(ContactInput(full_name="Ana Silva", company="Stripe"))
    other = contacts.create_contact(ContactInput(full_name="Ana S.", company="Stripe"))
    merge_contacts(keep, other)
    card = contacts.get_card(keep)
    assert (card.company, card.past_companies) == ("Stripe", ())
