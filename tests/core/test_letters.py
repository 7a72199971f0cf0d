"""Thank-you letters: drafts from meeting notes, tone templates, mailto links and .eml files."""

from __future__ import annotations

import email
import email.policy
from urllib.parse import parse_qs, urlsplit

import pendulum
import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import interactions, letters
from netkeep.core.config import load_config
from netkeep.core.errors import NetkeepError
from netkeep.core.meetings import CommitmentInput
from netkeep.store.models import ThankYouDraft


@pytest.fixture
def config_dir(tmp_path):
    path = tmp_path / "config"
    (path / "templates").mkdir(parents=True)
    return path


def write_config(config_dir, text):
    (config_dir / "config.toml").write_text(text, encoding="utf-8")


def test_resume_advice_draft_names_points_and_mentions_resume(db, config_dir):
    write_config(config_dir, '[me]\nname = "Sam Lee"\n')
    jane = person("Jane Doe", "jane@stripe.com")
    mid = meet(
        jane,
        kind="coffee",
        points="- the payments infra team\n- hiring plans for Q2\n- on-call",
        advice="Lead with the migration project",
        resume_advice=True,
        commitments=[
            CommitmentInput("send my portfolio"),
            CommitmentInput("share the hiring rubric", owner="them"),
        ],
    )
    for tone in letters.TONES:
        draft = letters.compose(mid, tone, load_config(config_dir))
        assert draft.problems == ()
        assert "the payments infra team" in draft.body
        assert "resume" in draft.body
        assert "lead with the migration project" in draft.body
        assert "send my portfolio" in draft.body
        assert "hiring rubric" not in draft.body  # their promise is not mine to keep
        assert draft.body.rstrip().endswith("Sam Lee")
        assert "Jane" in draft.subject and "[" not in draft.body
    warm = letters.compose(mid, "warm", load_config(config_dir)).body
    assert "hiring plans for Q2" in warm and "- on-call" in warm


def test_no_resume_line_without_resume_advice(db, config_dir):
    jane = person("Jane Doe")
    mid = meet(jane, points="- a\n- b", advice="x")
    assert "resume" not in letters.compose(mid, "formal", load_config(config_dir)).body


def test_meeting_without_notes_still_gives_a_draft_with_gaps(db, config_dir):
    mid = meet(person("Bob Smith"))
    draft = letters.compose(mid, "warm", load_config(config_dir))
    assert draft.body.startswith("Hi Bob,")
    assert draft.body.count(letters.GAPS["point"]) == 2
    assert letters.GAPS["advice"] in draft.body
    assert letters.GAPS["my_name"] in draft.body
    assert "$" not in draft.body and "\n\n\n" not in draft.body


def test_summary_stands_in_for_missing_points(db, config_dir):
    mid = meet(person("Bob Smith"), summary="We talked about robotics. He likes Rust.")
    body = letters.compose(mid, "formal", load_config(config_dir)).body
    assert "- We talked about robotics\n- He likes Rust" in body


def test_user_template_overrides_built_in(db, config_dir):
    (config_dir / "templates" / "warm.txt").write_text(
        "Subject: Cheers $first_name\n\nYo $first_name! Loved $first_point. Costs $$5.\n", encoding="utf-8"
    )
    mid = meet(person("Jane Doe"), points="- rockets")
    draft = letters.compose(mid, "warm", load_config(config_dir))
    assert draft.subject == "Cheers Jane"
    assert draft.body == "Yo Jane! Loved rockets. Costs $5.\n"
    assert draft.problems == ()


def test_template_typo_names_the_placeholder_and_uses_built_in(db, config_dir):
    path = config_dir / "templates" / "formal.txt"
    path.write_text("Dear $full_name,\n$ponts\n", encoding="utf-8")
    mid = meet(person("Jane Doe"), points="- rockets")
    draft = letters.compose(mid, "formal", load_config(config_dir))
    assert len(draft.problems) == 1
    assert "$ponts" in draft.problems[0] and "did you mean $points" in draft.problems[0]
    assert str(path) in draft.problems[0]
    built_in = letters.compose(mid, "formal", load_config(config_dir / "nowhere"))
    assert draft.body == built_in.body and "- rockets" in draft.body


def test_stray_dollar_sign_is_reported(db, config_dir):
    (config_dir / "templates" / "brief.txt").write_text("Hi\nit cost $5\n", encoding="utf-8")
    mid = meet(person("Jane Doe"))
    draft = letters.compose(mid, "brief", load_config(config_dir))
    assert "line 2" in draft.problems[0] and "$$" in draft.problems[0]
    assert draft.body.startswith("Hi Jane,")


def test_extra_tone_from_a_file(db, config_dir):
    (config_dir / "templates" / "casual.txt").write_text("Hey $first_name\n", encoding="utf-8")
    assert letters.available_tones(load_config(config_dir)) == ["formal", "warm", "brief", "casual"]
    mid = meet(person("Jane Doe"))
    draft = letters.compose(mid, "casual", load_config(config_dir))
    assert draft.body == "Hey Jane\n" and draft.subject  # subject from the default tone


def test_save_draft_upserts_and_mark_sent_logs_a_thank_you(db):
    jane = person("Jane Doe")
    mid = meet(jane)
    letters.save_draft(mid, "Thanks", "first", "warm")
    letters.save_draft(mid, "Thanks  again", "second", "brief")
    assert ThankYouDraft.select().count() == 1
    draft = letters.get_draft(mid)
    assert (draft.subject, draft.body, draft.tone, draft.status) == (
        "Thanks again",
        "second",
        "brief",
        "draft",
    )
    logged = letters.mark_sent(mid)
    entry = interactions.get_interaction(logged)
    assert entry.kind == "thank-you" and entry.direction == "out" and entry.contacts[0][0] == jane
    draft = letters.get_draft(mid)
    assert draft.status == "sent" and draft.sent_at is not None
    with pytest.raises(NetkeepError, match="already marked sent"):
        letters.mark_sent(mid)


def test_mark_sent_without_draft_is_a_friendly_error(db):
    mid = meet(person("Jane Doe"))
    with pytest.raises(NetkeepError, match="write one first"):
        letters.mark_sent(mid)


def test_mailto_encodes_subject_and_body(db):
    mid = meet(person("Jane Doe", "jane+net@stripe.com"))
    letters.save_draft(mid, "Thanks & more?", "Hi Jane,\n\n50% sure: a=b #1\n", "warm")
    url = letters.mailto_for(mid)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "jane%2Bnet@stripe.com"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thanks & more?"]
    assert query["body"] == ["Hi Jane,\r\n\r\n50% sure: a=b #1\r\n"]
    assert " " not in url and "\n" not in url


def test_mailto_has_no_address_for_a_contact_without_email(db):
    mid = meet(person("Bob Smith"))
    letters.save_draft(mid, "Thanks", "Hi Bob", "warm")
    assert letters.mailto_for(mid).startswith("mailto:?subject=Thanks&body=Hi%20Bob")


def test_eml_parses_with_to_subject_body_and_from(db, tmp_path, config_dir):
    write_config(config_dir, '[me]\nname = "Sam Lee"\nemail = "sam@example.org"\n')
    mid = meet(person("Jane Doe", "jane@stripe.com"))
    body = "Hi Jane,\n\nThank you — très utile. " + "long words " * 20 + "\n"
    letters.save_draft(mid, "Thank you, Jane", body, "warm")
    path = letters.save_eml(mid, tmp_path, load_config(config_dir))
    assert path.parent == tmp_path and path.suffix == ".eml"
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "jane@stripe.com"
    assert message["To"].addresses[0].display_name == "Jane Doe"
    assert message["From"].addresses[0].addr_spec == "sam@example.org"
    assert message["Subject"] == "Thank you, Jane"
    assert message["Date"] is not None
    assert message.get_content() == body


def test_eml_without_email_or_config_has_no_to_or_from(db, tmp_path):
    mid = meet(person("Bob Smith"))
    letters.save_draft(mid, "Thanks", "Hi Bob\n", "warm")
    path = letters.save_eml(mid, tmp_path / "bob", load_config(tmp_path / "none"))
    assert path.name == "bob.eml"
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["To"] is None and message["From"] is None
    assert message.get_content() == "Hi Bob\n"


def test_eml_to_unwritable_place_is_a_friendly_error(db, tmp_path):
    mid = meet(person("Bob Smith"))
    letters.save_draft(mid, "Thanks", "Hi Bob\n", "warm")
    with pytest.raises(NetkeepError, match="Cannot write"):
        letters.save_eml(mid, tmp_path / "missing" / "x.eml")


def test_date_placeholder_is_the_local_day(db, config_dir):
    with pendulum.travel_to(pendulum.datetime(2026, 3, 10, 12), freeze=True):
        mid = meet(person("Jane Doe"), when=pendulum.datetime(2026, 3, 4, 12))
        assert "on 4 March." in letters.compose(mid, "brief", load_config(config_dir)).body
