"""One rule for imported people's follow-ups, whatever the file: none until the first logged
interaction, unless the card carries netkeep's own follow-up date."""

from __future__ import annotations

import io
from datetime import date

from netkeep.core import agenda, contacts, interactions, keep_in_touch
from netkeep.core.exports import load_contacts
from netkeep.core.records import ContactInput, InteractionInput
from netkeep.demo import network
from netkeep.interop import dedupe, vcard
from netkeep.interop.vcard_write import write_cards
from netkeep.store.database import open_database
from netkeep.store.models import Contact


def test_a_round_trip_through_vcard_does_not_flood_today(tmp_path, frozen):
    network.generate(tmp_path / "demo.db", contacts=300)
    open_database(tmp_path / "demo.db")
    overdue = agenda.agenda().counts.overdue
    hand_set = Contact.select().where(Contact.follow_up_manual == True).count()  # noqa: E712
    out = io.StringIO()
    write_cards(load_contacts(include_archived=False), out)
    open_database(tmp_path / "again.db")
    dedupe.apply(dedupe.plan(vcard.parse_text(out.getvalue())))
    keep_in_touch.apply_cadence()
    after = agenda.agenda().counts.overdue
    assert after <= min(overdue, hand_set)
    dated = Contact.select().where(Contact.next_follow_up.is_null(False))
    assert all(contact.follow_up_manual for contact in dated)


def test_an_imported_contact_waits_for_the_first_interaction_whatever_its_source(db, frozen):
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//netkeep//netkeep//EN\r\nUID:a\r\nFN:Ada\r\n"
        "X-NETKEEP-SOURCE:manual\r\nX-NETKEEP-MET-ON:2025-01-01\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:-//netkeep//netkeep//EN\r\nUID:b\r\nFN:Bo\r\n"
        "X-NETKEEP-SOURCE:demo\r\nX-NETKEEP-FOLLOW-UP:2026-01-15\r\nEND:VCARD\r\n"
    )
    report = dedupe.apply(dedupe.plan(vcard.parse_text(text)))
    ada, bo = report.added_ids
    keep_in_touch.apply_cadence()
    assert contacts.get_card(ada).next_follow_up is None
    assert contacts.get_card(bo).next_follow_up == date(2026, 1, 15)  # the card's own date
    contacts.update_contact(ada, contacts.get_card(ada).to_input())
    assert contacts.get_card(ada).next_follow_up is None
    interactions.log_interaction(InteractionInput(contact_ids=(ada,), kind="call"))
    assert contacts.get_card(ada).next_follow_up == date(2026, 5, 1)  # 2 March + 60 days


def test_a_contact_typed_by_hand_gets_its_follow_up_at_once(db, frozen):
    cid = contacts.create_contact(ContactInput(full_name="Typed", met_on=date(2026, 3, 1)))
    assert contacts.get_card(cid).next_follow_up == date(2026, 4, 30)
