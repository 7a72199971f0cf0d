"""Their news: recorded from a log, the card updated in the same change, Today suggesting a word."""

from __future__ import annotations

import pendulum
import pytest

from helpers.people import person
from netkeep.core import agenda, history, their_news
from netkeep.core.contacts import get_card, set_archived
from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.interactions import timeline_for
from netkeep.core.records import InteractionInput
from netkeep.store.models import ContactNews, Employment


def test_a_new_job_keeps_the_old_employer_as_past_and_today_suggests_congratulations(db, frozen):
    jane = person("Jane Roe", company="Acme", title="Engineer")
    their_news.record_news(jane, "job", "Staff Engineer at Stripe")
    card = get_card(jane)
    assert (card.company, card.title) == ("Stripe", "Staff Engineer")
    assert card.past_companies == ("Acme",)
    jobs = {
        (e.company.name, e.ended_on is None) for e in Employment.select().where(Employment.contact == jane)
    }
    assert jobs == {("Acme", False), ("Stripe", True)}
    [item] = agenda.agenda().news
    assert (item.kind, item.contact_name) == ("news", "Jane Roe")
    assert item.text == "new job: Staff Engineer at Stripe — congratulate them"
    assert item.note.startswith("Congratulations on the new role as Staff Engineer at Stripe, Jane!")
    assert agenda.header_text(agenda.agenda().counts).endswith("news from 1")


def test_a_move_a_graduation_and_a_new_search_each_update_the_card(db, frozen):
    ana = person("Ana Silva", location="Porto", notes="Met at PyCon")
    their_news.record_news(ana, "move", "Lisbon")
    their_news.record_news(ana, "graduation", "MBA, INSEAD")
    their_news.record_news(ana, "search", "")
    card = get_card(ana)
    assert card.location == "Lisbon" and card.job_search is True
    assert card.notes == "Met at PyCon\nGraduated: MBA, INSEAD (2 Mar 2026)"
    texts = {item.text: item.note for item in agenda.agenda().news}
    assert texts["moved: Lisbon — congratulate them"].startswith("I heard you moved to Lisbon, Ana")
    assert "graduating (MBA, INSEAD), Ana!" in texts["graduated: MBA, INSEAD — congratulate them"]
    assert "How can I help?" in texts["looking for a new role — check in"]


def test_news_logged_with_a_conversation_is_one_change_that_undo_takes_back(db, frozen):
    jane = person("Jane Roe", company="Acme")
    their_news.log_with_news(
        InteractionInput(contact_ids=(jane,), kind="call", summary="she told me she joined Stripe"),
        "job",
        "Stripe",
    )
    assert [e.kind for e in timeline_for(jane)] == ["call"]
    assert ContactNews.get().interaction_id == timeline_for(jane)[0].id
    last = history.last_undoable()
    history.undo(last.id)
    assert timeline_for(jane) == [] and ContactNews.select().count() == 0
    assert get_card(jane).company == "Acme"


def test_done_and_snoozed_news_leave_today_and_old_news_goes_by_itself(db, frozen):
    jane, ana = person("Jane Roe"), person("Ana Silva")
    their_news.record_news(jane, "move", "Berlin")
    their_news.record_news(ana, "search")
    by_name = {item.contact_name: item for item in agenda.agenda().news}
    agenda.complete(by_name["Jane Roe"])
    agenda.snooze(by_name["Ana Silva"], "in 1 week")
    assert agenda.agenda().news == ()
    frozen.travel_to(pendulum.datetime(2026, 3, 9, 10))
    assert [i.contact_name for i in agenda.agenda().news] == ["Ana Silva"]
    frozen.travel_to(pendulum.datetime(2026, 4, 1, 10))  # 30 days on
    assert agenda.agenda().news == ()


def test_bad_news_is_refused_with_a_message_and_nothing_is_saved(db, frozen):
    jane = person("Jane Roe", company="Acme")
    with pytest.raises(ValidationError) as no_company:
        their_news.record_news(jane, "job", "  ")
    assert "Where is the new job?" in no_company.value.errors["news_detail"]
    with pytest.raises(ValidationError, match="Where did they move"):
        their_news.record_news(jane, "move", "")
    with pytest.raises(ValidationError):
        their_news.record_news(jane, "promotion", "VP")
    set_archived(jane, True)
    with pytest.raises(NetkeepError, match="Jane Roe is archived"):
        their_news.log_with_news(InteractionInput(contact_ids=(jane,), kind="call"), "job", "Stripe")
    assert ContactNews.select().count() == 0 and timeline_for(jane) == []
    assert get_card(jane).company == "Acme"


def test_reading_a_new_job():
    assert their_news.read_job("Staff Engineer at Stripe") == ("Staff Engineer", "Stripe")
    assert their_news.read_job("Head of Data @ Initech") == ("Head of Data", "Initech")
    assert their_news.read_job("Stripe") == ("", "Stripe")
