"""Search finds a contact by anything on their card or in what was said, best first."""

from __future__ import annotations

import re

import pendulum
import pytest

from helpers.people import log, person
from netkeep.core import contacts, interactions, meetings
from netkeep.core.meetings import MeetingInput
from netkeep.core.records import ContactInput, Method


def found(text: str) -> list[str]:
    return [contacts.get_card(i).full_name for i in contacts.search(text)]


@pytest.fixture
def network(db):
    priya = person(
        "Priya Raman",
        "priya@stripe.com",
        company="Stripe",
        title="Staff Engineer",
        phones=(Method("phone", "+1 (415) 555-0101", "mobile"),),
        tags=("pycon",),
        how_met="hackathon judging",
        met_at="PyCon Berlin",
        needs="a cofounder",
    )
    ana = person("Ana Silva", notes='Priya\'s old flatmate; [bold]loves[/bold] C++ & "NEAR" jokes')
    meetings.log_meeting(
        MeetingInput(contact_id=ana, summary="coffee", points="kubernetes migration", advice="negotiate")
    )
    return {"priya": priya, "ana": ana}


@pytest.mark.parametrize(
    "text",
    [
        "priya",
        "PRI",
        "raman pri",
        "stripe",
        "staff eng",
        "pycon",
        "hackathon",
        "berlin",
        "cofounder",
        "priya@stripe.com",
        "stripe.com",
        "4155550101",
        "415-555",
        "(415) 555",
        "+1 415 555 0101",
        "5550101",
    ],
)
def test_each_field_finds_her(network, text):
    assert found(text)[0] == "Priya Raman"


@pytest.mark.parametrize("text", ["kubernetes", "migr", "negotiate", "flatmate"])
def test_interaction_text_and_notes_find_ana(network, text):
    assert found(text) == ["Ana Silva"]


def test_a_name_comes_before_a_mention_in_a_note(network):
    assert found("priya") == ["Priya Raman", "Ana Silva"]


def test_name_then_company_then_card_then_what_was_said_recent_first(db, frozen):
    said = person("Old Friend")
    log(said, summary="talked about Globex")
    card = person("Card Holder", notes="used to be at Globex")
    company = person("Staff Member", company="Globex")
    named = person("Globex Fan")
    recent = person("Globex Fan Two")
    frozen.travel_to(pendulum.now("UTC").add(days=1))
    log(recent, summary="hello")
    assert found("globex") == ["Globex Fan Two", "Globex Fan", "Staff Member", "Card Holder", "Old Friend"]
    assert {named, company, card} <= set(contacts.search("glob"))


def test_accents_are_folded(db):
    person("José Núñez", notes="Café owner")
    assert found("jose nunez") == found("JOSÉ") == found("cafe") == ["José Núñez"]


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        "*",
        "-",
        "--",
        "(",
        ")",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "a OR b",
        "(a b)",
        "[bold]",
        '"NEAR" jokes',
        "C++",
        "{name}",
        "^priya",
        "x" * 5000,
        "😀",
        "\\",
        "'; DROP TABLE contact; --",
    ],
)
def test_search_syntax_is_text(network, text):
    """Never an FTS5 error: marks around words are not syntax, operators are words."""
    words = re.sub(r"[\W_]+", " ", text)
    assert found(text) == (found(words) if words.strip() else [])


def test_operators_are_words(network):
    assert found('"NEAR" jokes') == ["Ana Silva"]
    assert found("[bold]") == ["Ana Silva"]
    assert found("priya AND nobody") == []
    assert found("priya OR nobody") == []
    # Marks inside a word keep its parts together, in order: a phrase, as "415-555" is.
    assert found("name:priya") == found("NEAR(a b)") == found("raman*priya") == []
    assert found("priya-raman") == found("priya*raman") == ["Priya Raman"]


def test_archived_contacts_are_left_out_unless_asked(network):
    contacts.set_archived(network["priya"])
    assert found("stripe") == []
    assert contacts.search("stripe", include_archived=True) == [network["priya"]]


def test_empty_text_lists_everyone_by_name(network):
    assert found("  ") == ["Ana Silva", "Priya Raman"]


def test_many_words_are_fine(network):
    assert found(" ".join(f"w{i}" for i in range(300))) == []


def test_the_index_follows_edits_and_deletes(network):
    priya, ana = network["priya"], network["ana"]
    card = contacts.get_card(priya)
    contacts.update_contact(priya, ContactInput(full_name="Priya Iyer", company="Plaid", tags=("fintech",)))
    assert found("raman") == [] and found("stripe") == []
    assert found("iyer plaid fintech") == ["Priya Iyer"]
    assert card.full_name == "Priya Raman"
    entry = interactions.timeline_for(ana)[0]
    interactions.delete_interaction(entry.id)
    assert found("kubernetes") == []
    contacts.delete_contact(ana)
    assert found("flatmate") == []


def test_a_company_renamed_is_found_by_its_new_name(network):
    from netkeep.store.models import Company

    Company.update(name="Stripe Inc").where(Company.name == "Stripe").execute()
    assert found("inc") == ["Priya Raman"]
