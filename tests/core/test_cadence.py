"""Keeping in touch: the cadence by contact type, from the config file or the contact's own,
and the follow-up dates it gives."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from helpers.agenda import keys
from helpers.people import log, person
from netkeep.core import agenda, cadence, contacts, keep_in_touch
from netkeep.core.errors import ValidationError
from netkeep.store.models import Contact


def test_cadence_resets_after_an_interaction(db, frozen):
    jane = person("Jane Doe", contact_type="recruiter")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 4, 1)
    frozen.travel_to(pendulum.datetime(2026, 4, 10, 9))
    assert keys(agenda.agenda().overdue) == [f"follow-up-{jane}"]
    log(jane, "call")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 10)
    assert agenda.agenda().overdue == ()


def test_job_search_contacts_use_the_shorter_cadence(db, frozen):
    jane = person("Jane Doe", contact_type="peer", job_search=True)
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 23)


def test_cadence_from_the_config_file(db, frozen, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 10\njob-search = '1w'\n")
    jane = person("Jane Doe")
    sam = person("Sam Lee", contact_type="mentor", job_search=True)
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 12)
    assert Contact.get_by_id(sam).next_follow_up == date(2026, 3, 9)
    assert cadence.config_problems() == ()


@pytest.mark.parametrize("bad", ["0", "-3", "'often'", "true"])
def test_bad_config_cadence_is_reported_and_the_default_used(db, frozen, tmp_path, bad):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(f"[cadence]\npeer = {bad}\nmentor = 7\n")
    jane = person("Jane Doe")
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 5, 1)  # the default 60 days
    assert Contact.get_by_id(person("Ann Mentor", contact_type="mentor")).next_follow_up == date(2026, 3, 9)
    [problem] = cadence.config_problems()
    assert problem.startswith("[cadence] peer:") and "default of 60 days" in problem


def test_changed_config_is_applied_to_stored_follow_ups(db, frozen, tmp_path):
    jane = person("Jane Doe")
    snoozed = person("Sam Lee")
    keep_in_touch.snooze_follow_up(snoozed, "in 3 days")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\npeer = 5\n")
    assert keep_in_touch.apply_cadence() == 1
    assert Contact.get_by_id(jane).next_follow_up == date(2026, 3, 7)
    assert Contact.get_by_id(snoozed).next_follow_up == date(2026, 3, 5)
    assert keep_in_touch.apply_cadence() == 0


@pytest.mark.parametrize("bad", [0, -3, "0", "-3", "often", "3 fortnights", 5000])
def test_bad_contact_cadence_changes_nothing(db, frozen, bad):
    jane = person("Jane Doe")
    before = Contact.get_by_id(jane)
    with pytest.raises(ValidationError) as error:
        keep_in_touch.set_cadence(jane, bad)
    assert "cadence_days" in error.value.errors
    after = Contact.get_by_id(jane)
    assert (after.cadence_days, after.next_follow_up) == (before.cadence_days, before.next_follow_up)


def test_own_cadence_overrides_the_default(db, frozen):
    jane = person("Jane Doe")
    assert keep_in_touch.set_cadence(jane, "2w") == date(2026, 3, 16)
    assert keep_in_touch.set_cadence(jane, None) == date(2026, 5, 1)


def test_apply_cadence_agrees_with_refresh_follow_up(db, frozen, tmp_path):
    """The bulk SQL update and the per-contact rule compute the same dates."""
    cases = [
        ("peer", False, None, None),
        ("mentor", True, None, None),
        ("faculty", True, None, None),
        ("recruiter", False, 12, None),
        ("other", False, None, date(2026, 1, 10)),
        ("company", True, 100, date(2025, 12, 1)),
    ]
    ids = [
        person(f"P{n}", contact_type=kind, job_search=job, cadence_days=own, met_on=met)
        for n, (kind, job, own, met) in enumerate(cases)
    ]
    log(ids[0], "call")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text(
        "[cadence]\npeer = 10\nmentor = 40\nfaculty = 5\njob-search = 14\n"
    )
    keep_in_touch.apply_cadence()
    stored = {c.id: c.next_follow_up for c in Contact.select()}
    for contact in Contact.select():
        contacts.refresh_follow_up(contact)
        assert contact.next_follow_up == stored[contact.id], contact.full_name
