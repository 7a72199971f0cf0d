"""The second-meeting prep brief and its Markdown export."""

from __future__ import annotations

import pendulum
import pytest

from helpers.meetings import meet
from helpers.people import person
from netkeep.core import prep
from netkeep.core.errors import NetkeepError
from netkeep.core.meetings import CommitmentInput
from netkeep.store.models import Commitment


def test_brief_gathers_last_meeting_topics_and_open_commitments(db):
    jane = person("Jane Doe", title="Staff Engineer", company="Stripe", needs="a designer")
    meet(
        jane,
        when=pendulum.datetime(2026, 1, 10),
        points="- payments infra\n- on-call",
        commitments=[CommitmentInput("send deck")],
    )
    meet(
        jane,
        when=pendulum.datetime(2026, 2, 10),
        kind="coffee",
        location="Blue Bottle",
        points="- hiring in Q2\n- Payments infra",
        advice="Talk to the platform team",
        summary="She is moving teams.",
        resume_advice=True,
        commitments=[CommitmentInput("intro to Ann", owner="them")],
    )
    done = Commitment.get(Commitment.text == "send deck")
    done.done_at = pendulum.now("UTC")
    done.save()
    brief = prep.build_brief(jane)
    assert brief.headline == "Staff Engineer, Stripe"
    assert brief.meetings == 2 and brief.last.kind == "coffee"
    assert brief.learned == (
        "They covered: hiring in Q2",
        "They covered: Payments infra",
        "Their advice: Talk to the platform team",
        "They gave advice on your resume.",
        "Your notes: She is moving teams.",
    )
    assert brief.covered == ("hiring in Q2", "Payments infra", "on-call")
    assert [c.text for c in brief.mine] == []
    assert [c.text for c in brief.theirs] == ["intro to Ann"]
    text = prep.to_markdown(brief, "propose a pairing session")
    assert text.startswith("# Meeting Jane Doe again")
    assert "## Already covered (bring something fresh)\n\n- hiring in Q2\n- Payments infra\n- on-call" in text
    assert "## What they promised\n\n- [ ] intro to Ann" in text
    assert "## What they need\n\na designer" in text
    assert text.rstrip().endswith("propose a pairing session")


def test_brief_for_someone_never_met(db):
    bob = person("Bob Smith")
    brief = prep.build_brief(bob)
    assert brief.last is None and brief.learned == () and brief.covered == ()
    text = prep.to_markdown(brief)
    assert "not logged a meeting" in text and prep.NEXT_STEP_GAP in text


def test_next_step_becomes_my_commitment(db):
    jane = person("Jane Doe")
    mid = meet(jane)
    prep.save_next_step(jane, "propose a joint talk")
    brief = prep.build_brief(jane)
    assert [(c.text, c.interaction_id) for c in brief.mine] == [("propose a joint talk", mid)]


def test_export_markdown_to_a_folder_and_to_a_bad_place(db, tmp_path):
    jane = person("Jane Doe")
    meet(jane, points="- rockets")
    path = prep.export_markdown(jane, tmp_path, "a next step")
    assert path == tmp_path / "prep-jane-doe.md"
    assert "- rockets" in path.read_text(encoding="utf-8")
    with pytest.raises(NetkeepError, match="Cannot write"):
        prep.export_markdown(jane, tmp_path / "no" / "such.md")
