"""The meeting panes driven by keys: thank-you, reflect, prep and the log-meeting form."""

from __future__ import annotations

import email
import email.policy
from contextlib import nullcontext

import pendulum
import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static, TextArea

from helpers.meetings import meet, person
from netkeep.core import letters, meetings, reflection
from netkeep.core.config import load_config
from netkeep.core.meetings import CommitmentInput
from netkeep.core.thanks_due import thanks_due
from netkeep.store.models import Commitment, Contact, Interaction, ThankYouDraft
from netkeep.tui.messages import DataChanged
from netkeep.tui.panes import letters as thanks
from netkeep.tui.panes.letters import ThanksPane
from netkeep.tui.panes.prep import PrepPane
from netkeep.tui.panes.reflection import ReflectPane


class Host(App[None]):
    """A bare app holding one pane, as the contact view would."""

    def __init__(self, pane_class, contact_id, config_dir=None) -> None:
        super().__init__()
        self.pane_class = pane_class
        self.contact_id = contact_id
        self.config = load_config(config_dir)
        self.changes: list[int | None] = []

    def compose(self) -> ComposeResult:
        yield self.pane_class()

    def on_mount(self) -> None:
        self.query_one(self.pane_class).show_contact(self.contact_id)

    def on_data_changed(self, message: DataChanged) -> None:
        self.changes.append(message.contact_id)


async def settle(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def focus_settles_on(app, pilot, widget_id: str) -> str | None:
    """Wait (a bounded number of frames) for the focus to reach ``widget_id``; return where it is."""
    for _ in range(40):
        await settle(app, pilot)
        if app.focused is not None and app.focused.id == widget_id:
            break
    return app.focused.id if app.focused is not None else None


@pytest.fixture
def jane_meeting(db):
    jane = person("Jane Doe", "jane@stripe.com")
    mid = meet(
        jane,
        kind="coffee",
        points="- the payments infra team\n- hiring for Q2",
        advice="Lead with the migration project",
        resume_advice=True,
        commitments=[CommitmentInput("send my portfolio")],
    )
    return jane, mid


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
        await pilot.pause(0.3)
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
        await pilot.pause(0.3)
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
        await pilot.pause(0.3)
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


async def test_reflection_filled_with_keys_alone(jane_meeting):
    jane, mid = jane_meeting
    app = Host(ReflectPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("y", "p", "n", "y", "p", "n")
        await pilot.press("tab")  # from the meeting picker to the questions
        assert app.focused.id == "reflect-questions"
        await pilot.press("k")  # back up to "known"
        await pilot.press("enter", *"they asked for my CV", "enter")
        await pilot.press("a", *"Ann Lee @Acme, Bo Chen", "enter")
        await settle(app, pilot)
        summary = str(app.screen.query_one("#reflect-summary", Static).render())
        assert "goals met 100%" in summary and "2 in all" in summary
    answers = {a.key: a for a in reflection.answers_for(mid)}
    assert [answers[k].rating for k in reflection.QUESTION_KEYS] == [
        "yes",
        "partly",
        "no",
        "yes",
        "partly",
        "no",
        "yes",
    ]
    assert answers["known"].note == "they asked for my CV"
    new = list(Contact.select().where(Contact.full_name.in_(["Ann Lee", "Bo Chen"])))
    assert len(new) == 2 and all(c.introduced_by_id == jane for c in new)
    assert jane in app.changes


async def test_prep_next_step_and_export(jane_meeting, tmp_path):
    jane, _ = jane_meeting
    app = Host(PrepPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        brief = str(app.screen.query_one("#prep-brief", Static).render())
        assert "the payments infra team" in brief and "send my portfolio" in brief
        app.screen.query_one("#prep-next", Input).focus()
        await pilot.press(*"propose a pairing session", "enter")
        await settle(app, pilot)
        assert "propose a pairing session" in str(app.screen.query_one("#prep-brief", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path-input", Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(app, pilot)
    assert Commitment.select().where(Commitment.text == "propose a pairing session").count() == 1
    assert "- [ ] propose a pairing session" in (tmp_path / "prep-jane-doe.md").read_text()


async def test_log_meeting_form(db):
    jane = person("Jane Doe")
    app = Host(ThanksPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#m-when", Input).value = "yesterday"
        screen.query_one("#m-where", Input).value = "Blue Bottle"
        screen.query_one("#m-points", TextArea).text = "- payments\n- hiring"
        screen.query_one("#m-advice", TextArea).text = "tailor the resume"
        screen.query_one("#m-commitments", TextArea).text = "send my portfolio by friday\nthem: intro to Ann"
        await pilot.click("#m-resume")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        body = app.screen.query_one("#thanks-body", TextArea).text
    meeting = meetings.latest_meeting(jane)
    assert meeting.kind == "informational interview" and meeting.location == "Blue Bottle"
    assert meeting.resume_advice is True
    assert [(c.owner, c.text, c.due_on is not None) for c in meeting.commitments] == [
        ("me", "send my portfolio", True),
        ("them", "intro to Ann", False),
    ]
    assert "payments" in body and "resume" in body and "send my portfolio" in body


async def test_log_meeting_form_reports_bad_input(db):
    jane = person("Jane Doe")
    app = Host(ReflectPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#m-when", Input).value = "the day after never"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a date" in str(app.screen.query_one("#m-error", Static).render())
        await pilot.press("escape")
    assert Interaction.select().count() == 0
    assert ThankYouDraft.select().count() == 0


def test_draft_survives_the_terminal_being_killed_mid_typing(jane_meeting, db, db_path, tmp_path):
    """Run the real app in a pseudo-terminal and drive it with keys (2, End, t, typing); wait
    until the autosave has written the typing (without quitting), SIGKILL the app, reopen
    the database: the text is there."""
    import fcntl
    import os
    import signal
    import struct
    import subprocess
    import sys
    import termios
    import threading
    from pathlib import Path

    from netkeep.store.database import open_database

    jane, mid = jane_meeting
    person("Adam Able")  # Jane is last by name: End selects her
    state = tmp_path / "state"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", TEXTUAL_ANIMATION="none")
    host = Path(__file__).parent.parent / "helpers" / "crash_host.py"
    proc = subprocess.Popen(
        [sys.executable, str(host), str(db_path), str(state)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    threading.Thread(target=_drain, args=(master,), daemon=True).start()

    def reached(name: str) -> bool:
        return _wait(lambda: proc.poll() is not None or _read(state) == name, 60) and proc.poll() is None

    typed = "PS. typed just before the crash. "
    try:
        assert reached("listed"), "the app did not start"
        os.write(master, b"2")  # the contact view
        assert reached("contact"), "the contact list did not take the keyboard"
        os.write(master, b"\x1b[F")  # End: the last contact
        assert reached("selected"), "the contact's meeting did not load"
        os.write(master, b"t")  # the Thank-you tab; the letter editor takes the keyboard
        assert reached("typing"), "the thank-you editor did not take the keyboard"
        for char in typed:
            os.write(master, char.encode())
        saved = _wait(lambda: _stored_body(mid).startswith(typed), 30)
        assert proc.poll() is None  # still running: nothing was saved by quitting
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(master)
    assert saved, "the typing never reached the database"
    assert proc.returncode == -signal.SIGKILL
    db.close()
    reopened = open_database(db_path)
    try:
        draft = letters.get_draft(mid)
        assert draft.body.startswith(typed + "Hi Jane,")
        assert "the payments infra team" in draft.body
    finally:
        reopened.close()


def _read(path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _drain(fd: int) -> None:
    """Read the app's screen output so it never blocks on a full terminal buffer."""
    import os

    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def _wait(condition, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _stored_body(meeting_id: int) -> str:
    draft = letters.get_draft(meeting_id)
    return draft.body if draft else ""


async def test_log_meeting_form_for_someone_else_and_unknown_names(db):
    jane, bob = person("Jane Doe"), person("Bob Smith")
    app = Host(PrepPane, jane)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        who = app.screen.query_one("#m-who", Input)
        who.value = "Nobody Known"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "No contact is called 'Nobody Known'" in str(app.screen.query_one("#m-error", Static).render())
        who.value = "bob smith"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert meetings.latest_meeting(bob) is not None
    assert meetings.latest_meeting(jane) is None


async def test_panes_in_the_app_take_the_keyboard_when_their_tab_is_shown(db, db_path, monkeypatch):
    from helpers.tui import small_network
    from netkeep.tui import app as app_module
    from netkeep.tui.app import NetkeepApp

    monkeypatch.setattr(app_module, "CARD_DELAY", 0)
    jane = small_network()["jane"]
    mid = meet(jane, kind="coffee", points="- payments infra\n- hiring in Q2", resume_advice=True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "end")  # the contact view; Jane is last by name
        await settle(app, pilot)
        await pilot.press("r")
        assert await focus_settles_on(app, pilot, "reflect-questions") == "reflect-questions"
        await pilot.press("y", "p", "t")
        assert await focus_settles_on(app, pilot, "thanks-body") == "thanks-body"
        assert "payments infra" in app.focused.text and "resume" in app.focused.text
        await pilot.press("ctrl+f")
        await settle(app, pilot)
    assert [a.rating for a in reflection.answers_for(mid)][:2] == ["yes", "partly"]
    assert letters.get_draft(mid).status == "sent"


async def test_m_in_the_app_logs_a_meeting_that_the_panes_then_show(db, db_path, monkeypatch):
    from helpers.tui import small_network
    from netkeep.tui import app as app_module
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.forms.meeting import MeetingForm

    monkeypatch.setattr(app_module, "CARD_DELAY", 0)
    jane = small_network()["jane"]
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "end", "t")  # Jane, and the thank-you for her last coffee
        await settle(app, pilot)
        assert "robotics" not in app.screen.query_one("#thanks-body", TextArea).text
        app.screen.query_one("ContactRows").focus()  # back to the list, where m is the app's key
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        app.screen.query_one("#m-points", TextArea).text = "- robotics at Stripe"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "robotics at Stripe" in app.screen.query_one("#thanks-body", TextArea).text
    assert meetings.latest_meeting(jane).points == "- robotics at Stripe"


def test_commitment_lines_of_the_form():
    from netkeep.tui.forms.meeting import parse_commitments

    with meetings.pendulum.travel_to(meetings.pendulum.datetime(2026, 3, 4, 12), freeze=True):
        items = parse_commitments(
            "- send deck by friday\nthem: intro to Ann\nI: stand by my word\n\n"
            "me: call back by the end of never"
        )
    assert [(i.owner, i.text, i.due_on) for i in items] == [
        ("me", "send deck", meetings.pendulum.date(2026, 3, 6)),
        ("them", "intro to Ann", None),
        ("me", "stand by my word", None),
        ("me", "call back by the end of never", None),
    ]
