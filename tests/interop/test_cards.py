"""Every field a vCard carries is kept: with a field of its own, as a detail, or as written."""

from __future__ import annotations

from pathlib import Path

from netkeep.core import contacts
from netkeep.core import details as kinds
from netkeep.core.details import address_parts
from netkeep.core.exports import load_contacts
from netkeep.interop import dedupe, vcard
from netkeep.interop.vcard_write import card_lines
from netkeep.store.models import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"


def people(result) -> dict:
    return {c.data.full_name: c.data for c in result.candidates}


def details(data, kind: str) -> list[tuple[str, str]]:
    return [(d.label, d.value) for d in data.details if d.kind == kind]


def test_an_apple_card_keeps_every_field():
    astrid = people(vcard.parse(FIXTURES / "apple_full.vcf"))["Dr. Astrid Maria Lindqvist PhD"]
    assert (astrid.given_name, astrid.family_name) == ("Astrid", "Lindqvist")
    assert details(astrid, kinds.NAME_PART) == [("prefix", "Dr."), ("additional", "Maria"), ("suffix", "PhD")]
    assert details(astrid, kinds.NICKNAME) == [("", "Asti")]
    assert astrid.company == "Nordlys Energy AB"
    assert details(astrid, kinds.DEPARTMENT) == [("", "Research"), ("", "Batteries")]
    assert [(p.label, p.value) for p in astrid.phones] == [
        ("cell", "+46 70 123 45 67"),
        ("work", "+46 8 123 456 00 ext. 12"),
    ]
    assert [(label, address_parts(value)) for label, value in details(astrid, kinds.ADDRESS)] == [
        ("work", ["", "", "Sveavägen 12", "Stockholm", "", "111 57", "Sweden"]),
        ("home", ["", "", "Storgatan 3\nLägenhet 4", "Uppsala", "", "753 20", "Sweden"]),
    ]
    assert astrid.location == "Stockholm, Sweden"
    assert details(astrid, kinds.PROFILE) == [("twitter", "https://twitter.com/astridl")]
    assert astrid.linkedin_url == "https://www.linkedin.com/in/astrid-lindqvist"
    assert details(astrid, kinds.RELATED) == [("spouse", "Erik Lindqvist")]
    assert details(astrid, kinds.DATE) == [("anniversary", "2012-06-16")]
    assert astrid.birthday == "--04-15"  # BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15, not 1604
    assert astrid.tags == ("Book Club", "Stockholm")
    assert details(astrid, kinds.CARD) == [
        ("X-ABADR", "item2.X-ABADR:se"),
        ("IMPP", "IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:astrid.lindqvist"),
        ("X-PHONETIC-FIRST-NAME", "X-PHONETIC-FIRST-NAME:Astrid"),
        ("X-CUSTOM-THING", "item7.X-CUSTOM-THING:Loves sailing\nitem7.X-ABLabel:hobby"),
    ]


def test_organisation_cards_are_organisations_not_fake_first_and_last_names(db):
    result = vcard.parse(FIXTURES / "apple_full.vcf")
    dedupe.apply(dedupe.plan(result))
    nordlys = Contact.get(Contact.full_name == "Nordlys Energy AB")
    assert (nordlys.given_name, nordlys.family_name) == ("", "")
    card = contacts.get_card(nordlys.id)
    assert details(card, kinds.ORGANISATION) == [("", "yes")]
    assert card.website == "https://nordlys.example"
    [exported] = [c for c in load_contacts() if c.id == nordlys.id]
    assert "X-ABShowAs:COMPANY" in card_lines(exported, "3.0")
    assert "KIND:org" in card_lines(exported, "4.0")
    assert "N:;;;;" in card_lines(exported, "4.0")


def test_an_organisation_keeps_its_name_whole_when_edited(db):
    dedupe.apply(dedupe.plan(vcard.parse(FIXTURES / "card_40_full.vcf")))
    org = Contact.get(Contact.full_name == "Río Verde SL")
    data = contacts.get_card(org.id).to_input()
    from dataclasses import replace

    contacts.update_contact(org.id, replace(data, details=None, given_name="", family_name=""))
    assert (Contact.get_by_id(org.id).given_name, Contact.get_by_id(org.id).family_name) == ("", "")


def test_a_vcard_40_keeps_anniversary_related_people_yearless_birthday_and_more():
    tomas = people(vcard.parse(FIXTURES / "card_40_full.vcf"))["Tomás Ibarra"]
    assert tomas.uid == "8e0f1c52-2d3b-4b8a-9c1e-5f6a7b8c9d01"
    assert tomas.birthday == "--03-02"
    assert details(tomas, kinds.NICKNAME) == [("", "Tomi"), ("", "T.")]
    assert details(tomas, kinds.DATE) == [("anniversary", "2009-05-12")]
    assert details(tomas, kinds.RELATED) == [
        ("spouse", "Lucía Ibarra"),
        ("friend", "urn:uuid:0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"),
    ]
    assert [p.value for p in tomas.phones] == ["+34 911 23 45 67 ext. 22"]
    assert [label for label, _ in details(tomas, kinds.CARD)] == ["KIND", "GENDER", "LANG", "GEO", "TZ"]


def test_googles_vcard_keeps_its_labels_but_not_its_system_groups():
    priyanka = people(vcard.parse(FIXTURES / "google_contacts.vcf"))["Priyanka Desai"]
    assert priyanka.tags == ("Design Friends",)  # myContacts and starred are Google's own
    assert details(priyanka, kinds.DATE) == [("anniversary", "2015-11-21")]
    assert details(priyanka, kinds.RELATED) == [("brother", "Arjun")]
    assert priyanka.birthday == "--09-23"


def test_odd_values_of_a_card_are_kept_and_listed():
    result = vcard.parse(FIXTURES / "odd_values.vcf")
    olu = people(result)["Olu Adeyemi"]
    assert [(p.label, p.value) for p in olu.phones] == [
        ("work", "+1 415-555-0199 ext. 102"),
        ("cell", "555-0123 ext. 45"),
        ("home", "+49 30 12345678"),
    ]
    assert [(e.label, e.value) for e in olu.emails] == [("work", "olu@switchboard.example")]
    assert olu.notes == "Email (home), kept as typed: olu@localhost\nPhone (other), kept as typed: *#06#"
    assert [(k.line, k.field) for k in result.kept] == [
        (1, "email (work)"),
        (1, "email (home)"),
        (1, "phone (other)"),
    ]


def test_two_cards_with_one_uid_in_a_folder_one_person_folded_another_kept_apart(db):
    plan = dedupe.plan(vcard.parse(FIXTURES / "vdir_same_uid"))
    assert [(s.candidate.file, s.action) for s in plan.steps] == [
        ("lee-1.vcf", "add"),
        ("lee-2.vcf", "skip"),
        ("whitfield.vcf", "add"),
    ]
    assert plan.steps[1].reason == "same person as lee-1.vcf line 1 (same card UID); folded into it"
    assert [str(k) for k in plan.kept] == [
        "whitfield.vcf line 1, card UID: 'shared-uid-0001' is also the UID of another person's card "
        "(lee-1.vcf line 1); this one gets a new UID"
    ]
    dedupe.apply(plan)
    lee = contacts.get_card(Contact.get(Contact.full_name == "Lee Chang").id)
    assert [e.value for e in lee.emails] == ["lee@chang.example"]
    assert [p.value for p in lee.phones] == ["+1 206-555-0111"]  # from the second card
    dana = Contact.get(Contact.full_name == "Dana Whitfield")
    assert dana.uid not in ("", "shared-uid-0001")
