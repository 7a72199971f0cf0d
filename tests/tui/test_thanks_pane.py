"""The thank-you pane driven by keys: the draft from the notes, autosave, tones, copy, mail,
.eml, sent, the external editor, template typos."""

from __future__ import annotations

import email
import email.policy
from contextlib import nullcontext

import pendulum
import pytest
from textual.widgets import Input, Static, TextArea

from helpers.meetings import draft_body
from helpers.people import person
from helpers.tui import Host, settle, until
from netkeep.core import letters
from netkeep.core.thanks_due import thanks_due
from netkeep.store.models import Interaction
from netkeep.tui.panes import letters as thanks
from netkeep.tui.panes.letters import ThanksPane


@pytest.fixture
def fast_autosave(monkeypatch):
    monkeypatch.setattr(thanks, "AUTOSAVE_SECONDS", 0.05)


async def test_thanks_pane_shows_a_draft_from_the_notes_and_autosaves(jane_meeting, fast_autosave):
    jane, mid = jane_meeting
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        assert "the payments infra team" in body.text and "resume" in body.text
        assert letters.get_draft(mid) is None  # nothing stored until it is edited
        body.focus()
        body.move_cursor(body.document.end)
        await pilot.press(*"PS. see you soon")
        await until(lambda: draft_body(mid).endswith("PS. see you soon"))  # autosaved
        await settle(app, pilot)
        draft = letters.get_draft(mid)
        assert draft is not None and draft.body.endswith("PS. see you soon")
        assert draft.subject == "Thanks for the coffee, Jane!"
        assert app.changes == [jane]  # the first save tells the app (the agenda shows drafts)
        status = app.screen.query_one("#thanks-status", Static)
        assert "draft saved" in str(status.render())


async def test_a_reload_while_typing_keeps_the_editor_as_it_is(jane_meeting, fast_autosave):
    jane, mid = jane_meeting
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        body.focus()
        await pilot.press(*"Dear friend. ")
        cursor = body.cursor_location
        app.query_one(ThanksPane).show_contact(jane)  # as the app does after any write
        await settle(app, pilot)
        await pilot.press(*"More.")
        assert body.text.startswith("Dear friend. More.Hi Jane,")
        assert body.cursor_location == (cursor[0], cursor[1] + 5)
        await until(lambda: draft_body(mid).startswith("Dear friend. More."))  # autosaved
    assert letters.get_draft(mid).body.startswith("Dear friend. More.Hi Jane,")


async def test_tone_switch_rebuilds_and_undo_brings_text_back(jane_meeting, fast_autosave):
    jane, mid = jane_meeting
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        body.focus()
        assert body.text.startswith("Hi Jane,")
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert body.text.startswith("Hi Jane,\n\nThanks again")  # brief comes after warm
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert body.text.startswith("Dear Jane Doe,")
        await until(lambda: getattr(letters.get_draft(mid), "tone", None) == "formal")  # autosaved
        assert letters.get_draft(mid).tone == "formal"
        await pilot.press("ctrl+z")
        assert not body.text.startswith("Dear Jane Doe,")


async def test_copy_mail_eml_and_mark_sent(jane_meeting, fast_autosave, monkeypatch, tmp_path):
    jane, mid = jane_meeting
    opened = []
    monkeypatch.setattr(thanks, "open_external", lambda url: opened.append(url) or True)
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea)
        body.focus()
        await pilot.press("ctrl+b")
        assert app.clipboard == body.text
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        assert len(opened) == 1 and opened[0].startswith("mailto:jane@stripe.com?subject=Thanks")
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#path-input", Input)
        field.value = str(tmp_path / "jane.eml")
        await pilot.press("enter")
        await settle(app, pilot)
        message = email.message_from_bytes((tmp_path / "jane.eml").read_bytes(), policy=email.policy.default)
        assert message["To"].addresses[0].addr_spec == "jane@stripe.com"
        assert message.get_content() == body.text
        await pilot.press("ctrl+f")
        await settle(app, pilot)
    draft = letters.get_draft(mid)
    assert draft.status == "sent"
    assert Interaction.select().where(Interaction.kind == "thank-you").count() == 1
    assert thanks_due(pendulum.today().date(), limit=None) == ([], 0)


async def test_external_editor_round_trip(jane_meeting, fast_autosave, monkeypatch, tmp_path):
    jane, mid = jane_meeting
    script = tmp_path / "fake-editor"
    script.write_text("#!/bin/sh\nprintf 'Subject: Edited subject\\n\\nWritten elsewhere.\\n' > \"$1\"\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        monkeypatch.setattr(app, "suspend", nullcontext)  # the test driver has no terminal to hand over
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert app.screen.query_one("#thanks-body", TextArea).text == "Written elsewhere.\n"
    draft = letters.get_draft(mid)
    assert (draft.subject, draft.body) == ("Edited subject", "Written elsewhere.\n")


async def test_template_typo_is_shown_naming_the_placeholder(jane_meeting, tmp_path):
    jane, _ = jane_meeting
    config = tmp_path / "cfg"
    (config / "templates").mkdir(parents=True)
    (config / "templates" / "warm.txt").write_text("Hi $frist_name\n", encoding="utf-8")
    app = Host(ThanksPane, jane, config)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await settle(app, pilot)
        problems = str(app.screen.query_one("#thanks-problems", Static).render())
        assert "$frist_name" in problems and "did you mean $first_name" in problems
        assert app.screen.query_one("#thanks-body", TextArea).text.startswith("Hi Jane,\n\nThank you")


async def test_contact_without_meetings_or_email(db):
    bob = person("Bob Smith")
    app = Host(ThanksPane, bob)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        empty = str(app.screen.query_one(".meeting-empty", Static).render())
        assert "No meetings with Bob Smith yet" in empty
        assert not app.screen.query_one("#thanks-body", TextArea).display
