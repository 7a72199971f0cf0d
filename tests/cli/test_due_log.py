"""``netkeep due`` and ``netkeep log`` from the shell."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pendulum
import pytest

from helpers.people import person
from netkeep.cli import main
from netkeep.core import contacts, interactions, reminders
from netkeep.core.records import InteractionInput
from netkeep.store.models import Interaction, ReferralLoop


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_due_when_empty_exits_zero(db, frozen, capsys):
    code, out, err = run(capsys, "due")
    assert (code, out.strip(), err) == (0, "Nothing due — a good day to reach out to someone new.", "")
    code, out, _ = run(capsys, "due", "--json")
    data = json.loads(out)
    assert code == 0 and data["counts"]["due"] == 0 and data["sections"]["overdue"] == []


def test_due_json_lists_the_right_items(db, frozen, capsys):
    jane = person("Jane Doe", contact_type="recruiter")
    sam = person("Sam Lee")
    bob = person("Bob Smith")
    ann = person("Ann Lee", introduced_by_id=bob)
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    reminders.add_reminder(sam, "today", "ask about the referral")
    reminders.add_reminder(sam, "in 40 days", "too far away")
    interactions.log_interaction(
        InteractionInput((sam,), kind="email", direction="in", reply_owed=True, summary="coffee next week?")
    )
    interactions.log_interaction(InteractionInput((ann,), kind="coffee"))
    code, out, _ = run(capsys, "due", "--json")
    data = json.loads(out)
    assert code == 0 and data["date"] == "2026-04-02"
    assert [(i["kind"], i["contact_id"]) for i in data["sections"]["overdue"]] == [("follow-up", jane)]
    assert [i["text"] for i in data["sections"]["today"]] == ["ask about the referral"]
    assert data["sections"]["this_week"] == []
    assert [i["contact"] for i in data["sections"]["replies"]] == ["Sam Lee"]
    assert [(i["contact_id"], i["other_id"]) for i in data["sections"]["loops"]] == [(bob, ann)]
    assert data["counts"] == {
        "overdue": 1,
        "today": 1,
        "this_week": 0,
        "replies": 1,
        "commitments": 0,
        "loops": 1,
        "intros": 0,
        "thanks": 1,
        "news": 0,
        "chase": 0,
        "due": 2,
    }
    assert [i["contact_id"] for i in data["sections"]["thanks"]] == [ann]
    assert data["summary"] == "Today: 2 due · 1 reply owed · 1 thank-you due · 1 loop to close"
    code, out, _ = run(capsys, "due")
    assert out.splitlines()[0] == data["summary"]
    assert "Overdue (1)" in out and "Replies owed (1)" in out and "Loops to close (1)" in out


def test_due_warns_about_a_bad_cadence_and_uses_the_default(db, frozen, capsys, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("[cadence]\nrecruiter = -3\n")
    person("Jane Doe", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    code, out, err = run(capsys, "due", "--json")
    assert code == 0 and json.loads(out)["counts"]["overdue"] == 1  # 30-day default
    assert "[cadence] recruiter" in err and "default of 30 days" in err


def test_due_shows_names_literally(db, frozen, capsys):
    jane = person("[bold]Jane[/]")
    reminders.add_reminder(jane, "today", "[red]x[/]")
    _, out, _ = run(capsys, "due")
    assert "[bold]Jane[/]" in out and "[red]x[/]" in out


def test_log_resolves_fuzzy_name_and_resets_follow_up(db, frozen, capsys):
    jane = person("Jane Doe", contact_type="recruiter")
    frozen.travel_to(pendulum.datetime(2026, 4, 2, 9))
    code, out, err = run(capsys, "log", "jane", "coffee", "about", "payments", "--kind", "coffee")
    assert (code, err) == (0, "")
    assert out.startswith("Logged coffee with Jane Doe")
    [entry] = interactions.timeline_for(jane)
    assert (entry.kind, entry.summary) == ("coffee", "coffee about payments")
    assert contacts.get_card(jane).next_follow_up == pendulum.date(2026, 5, 2)


def test_log_reply_owed_then_reply(db, frozen, capsys):
    jane = person("Jane Doe")
    assert run(capsys, "log", "Jane Doe", "can we talk?", "--kind", "email", "--reply-owed")[0] == 0
    [owed] = interactions.timeline_for(jane)
    assert (owed.direction, owed.reply_owed, owed.replied) == ("in", True, False)
    code, out, _ = run(capsys, "log", "Jane Doe", "yes, Tuesday", "--kind", "email", "--when", "today")
    assert code == 0 and "Answered 1 owed reply." in out
    assert Interaction.get_by_id(owed.id).replied_by_id is not None


def test_log_closes_a_loop_by_naming_the_referral(db, frozen, capsys):
    bob = person("Bob Smith")
    person("Jane Doe", introduced_by_id=bob)
    _, out, _ = run(capsys, "log", "jane", "met at PyCon", "--kind", "coffee", "--when", "yesterday")
    assert "thank Bob Smith for the intro to Jane Doe" in out
    _, out, _ = run(
        capsys, "log", "bob", "thanked him, told him how Jane and I got on", "--kind", "thank-you"
    )
    assert "Closed the loop" in out
    assert ReferralLoop.get().closed_at is not None


def test_log_unknown_contact_fails_and_changes_nothing(db, frozen, capsys):
    person("Jane Doe")
    code, out, err = run(capsys, "log", "Zebulon", "hello")
    assert code == 1 and out == ""
    assert err.startswith("netkeep: no contact matches 'Zebulon'") and err.count("\n") == 1
    assert Interaction.select().count() == 0


def test_log_ambiguous_name_without_a_terminal_lists_candidates(db, frozen, capsys, monkeypatch):
    first = person("Jane Doe", company="Stripe")
    person("Jane Doe", company="Acme")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "log", "Jane Doe", "hello")
    assert code == 1
    assert "matches 2 contacts" in err and "Jane Doe (Stripe" in err and "Jane Doe (Acme" in err
    assert Interaction.select().count() == 0
    code, _, _ = run(capsys, "log", "Jane Doe @stripe", "hello")
    assert code == 0 and [e.contacts for e in interactions.timeline_for(first)] == [((first, "Jane Doe"),)]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_log_ambiguous_name_on_a_terminal_asks(db, frozen, capsys, monkeypatch):
    person("Jane Doe", company="Stripe")
    second = person("Jane Doe", company="Acme")
    monkeypatch.setattr("sys.stdin", FakeTerminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "2")
    code, _out, err = run(capsys, "log", "jane doe", "hello")
    assert code == 0 and "1. Jane Doe (Stripe" in err
    assert len(interactions.timeline_for(second)) == 1
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    code, _, err = run(capsys, "log", "jane doe", "again")
    assert code == 1 and "nothing was logged" in err
    assert Interaction.select().count() == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--kind", "carrier pigeon"], "unknown kind"),
        (["--when", "tomorrow"], "in the future"),
        (["--when", "the other day"], "not a date"),
    ],
)
def test_log_bad_options_fail_cleanly(db, frozen, capsys, argv, message):
    person("Jane Doe")
    code, _, err = run(capsys, "log", "jane", "hello", *argv)
    assert code == 1 and message in err and "Traceback" not in err
    assert Interaction.select().count() == 0


def test_due_and_log_never_import_textual():
    code = (
        "import sys, netkeep.cli.due, netkeep.cli.log, netkeep.core.agenda;"
        "assert not [m for m in ('textual', 'rich') if m in sys.modules]"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
