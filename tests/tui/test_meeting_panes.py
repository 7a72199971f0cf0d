"""The reflect and prep panes driven by keys, and the meeting panes inside the app."""

from __future__ import annotations

from textual.widgets import Input, Static

from helpers.meetings import meet
from helpers.tui import Host, settle
from netkeep.core import letters, reflection
from netkeep.store.models import Commitment, Contact
from netkeep.tui.panes.prep import PrepPane
from netkeep.tui.panes.reflection import ReflectPane


async def focus_settles_on(app, pilot, widget_id: str) -> str | None:
    """Wait (a bounded number of frames) for the focus to reach ``widget_id``; return where it is."""
    for _ in range(40):
        await settle(app, pilot)
        if app.focused is not None and app.focused.id == widget_id:
            break
    return app.focused.id if app.focused is not None else None


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
        await pilot.press("enter")  # kept once, however often enter is pressed
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path-input", Input).value = str(tmp_path)
        await pilot.press("enter")
        await settle(app, pilot)
    assert Commitment.select().where(Commitment.text == "propose a pairing session").count() == 1
    exported = (tmp_path / "prep-jane-doe.md").read_text()
    assert "- [ ] propose a pairing session" in exported
    assert "## Next step I will propose\n\npropose a pairing session\n" in exported  # it was dropped


async def test_panes_in_the_app_take_the_keyboard_when_their_tab_is_shown(db, db_path, no_card_delay):
    from helpers.tui import small_network
    from netkeep.tui.app import NetkeepApp

    jane = small_network()["jane"]
    mid = meet(jane, kind="coffee", points="- payments infra\n- hiring in Q2", resume_advice=True)
    app = NetkeepApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "escape", "end")  # the list; Jane is last by name
        await settle(app, pilot)
        await pilot.press("2")  # into her contact
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
