"""A contact's follow-ups: their needs with who might help, commitments, reminders, intros.

Mounted by the app in the contact view; it calls :meth:`FollowupsPane.show_contact`
when the selection changes. Keys: ``m`` remind me, ``c`` add a commitment, ``i`` offer
an intro, ``x`` mark the highlighted item done, ``z`` snooze it, ``enter`` open the
highlighted helper (or the other person of an intro).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netkeep.core import commitments, intros, lookup, reminders
from netkeep.core.commitments import CommitmentRecord
from netkeep.core.contacts import name_of
from netkeep.core.dates import humanize_date
from netkeep.core.errors import NetkeepError
from netkeep.core.intros import IntroRecord
from netkeep.core.needs import NeedHelp, suggest_helpers
from netkeep.core.reminders import ReminderRecord
from netkeep.tui.forms.followups import (
    CommitmentForm,
    CommitmentResult,
    IntroForm,
    IntroResult,
    ReminderForm,
    ReminderResult,
    SnoozeForm,
)
from netkeep.tui.messages import DataChanged, OpenContact
from netkeep.tui.terminal import shown
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.workers import in_worker, report_failure


@dataclass(frozen=True)
class PaneData:
    contact_id: int
    name: str
    needs: tuple[NeedHelp, ...]
    commitments: tuple[CommitmentRecord, ...]
    reminders: tuple[ReminderRecord, ...]
    intros: tuple[IntroRecord, ...]


def load_pane(contact_id: int) -> PaneData:
    """Everything the pane shows about one contact."""
    return PaneData(
        contact_id,
        name_of(contact_id),
        tuple(suggest_helpers(contact_id)),
        tuple(commitments.open_commitments(contact_id)),
        tuple(reminders.open_reminders(contact_id)),
        tuple(intros.offered_intros(contact_id)),
    )


def _heading(text: str) -> Option:
    return Option(Text(text, style="bold underline"), disabled=True)


def _note(text: str) -> Option:
    return Option(Text(text, style="dim"), disabled=True)


def _due(day) -> str:
    return f"  · {humanize_date(day)}" if day else ""


class FollowupsPane(Vertical):
    """Needs and suggested helpers, open commitments, reminders and intros of one contact."""

    BORDER_TITLE = "Follow-ups"
    BINDINGS = [
        Binding(
            "m",
            "remind",
            "Remind me",
            id="followups.remind",
            tooltip="Add a dated reminder about this contact",
        ),
        Binding(
            "c",
            "commitment",
            "Commitment",
            id="followups.commitment",
            tooltip="Record something promised, by you or by them",
        ),
        Binding(
            "i", "intro", "Offer intro", id="followups.intro", tooltip="Track an intro you offered to make"
        ),
        Binding(
            "x",
            "done",
            "Done",
            id="followups.done",
            tooltip="Mark the highlighted commitment, reminder or intro done",
        ),
        Binding(
            "z",
            "snooze",
            "Snooze",
            id="followups.snooze",
            tooltip="Move the highlighted reminder or commitment to a later day",
        ),
    ]

    @dataclass
    class Loaded(Message):
        data: PaneData | None

    def __init__(self, *, id: str | None = "followups", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.contact_id: int | None = None
        self.data: PaneData | None = None
        self._targets: dict[str, tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        yield JKOptionList(id="followups-items")
        yield Static(
            "m remind · c commitment · i intro · x done · z snooze · enter open",
            id="followups-hint",
            markup=False,
        )

    # -- loading -------------------------------------------------------------------

    def show_contact(self, contact_id: int | None) -> None:
        """Show this contact's follow-ups (None: nothing selected)."""
        self.contact_id = contact_id
        if contact_id is None:
            self.post_message(self.Loaded(None))
        else:
            self._load(contact_id)

    def reload(self) -> None:
        self.show_contact(self.contact_id)

    @in_worker("load the follow-ups", group="followups-pane")
    def _load(self, contact_id: int) -> Loaded:
        return self.Loaded(load_pane(contact_id))

    @on(Loaded)
    def _show(self, event: Loaded) -> None:
        event.stop()
        self.data = data = event.data
        options = self.query_one("#followups-items", OptionList)
        previous = options.highlighted
        self._targets = {}
        rows: list[Option] = []

        def target(key: str, kind: str, ref: int, prompt: Text) -> None:
            self._targets[key] = (kind, ref)
            rows.append(Option(prompt, id=key))

        if data is None:
            rows.append(_note("No contact selected."))
        else:
            rows.append(_heading("Needs"))
            if not data.needs:
                rows.append(_note("  none noted — add them to the contact's card"))
            for n, need in enumerate(data.needs):
                rows.append(Option(Text(f"  {need.need}"), disabled=True))
                if not need.helpers:
                    rows.append(_note("    no one in your network matches yet"))
                for helper in need.helpers:
                    line = Text(f"    → {helper.name}", style="bold")
                    detail = ", ".join(p for p in (helper.title, helper.company) if p)
                    line.append(f"  {detail}" if detail else "")
                    line.append(f"  (matches {helper.why})", style="dim")
                    target(f"helper-{n}-{helper.contact_id}", "helper", helper.contact_id, line)
            rows.append(_heading("Commitments"))
            if not data.commitments:
                rows.append(_note("  none open"))
            for c in data.commitments:
                who = "I promised: " if c.owner == "me" else "They promised: "
                target(f"commitment-{c.id}", "commitment", c.id, Text(f"  {who}{c.text}{_due(c.due_on)}"))
            rows.append(_heading("Reminders"))
            if not data.reminders:
                rows.append(_note("  none"))
            for r in data.reminders:
                target(f"reminder-{r.id}", "reminder", r.id, Text(f"  {r.reason}{_due(r.due_on)}"))
            rows.append(_heading("Intros offered"))
            if not data.intros:
                rows.append(_note("  none"))
            for i in data.intros:
                other = i.second_name if i.first_id == data.contact_id else i.first_name
                other_id = i.second_id if i.first_id == data.contact_id else i.first_id
                self._targets[f"intro-{i.id}"] = ("intro", i.id)
                self._targets[f"intro-other-{i.id}"] = ("helper", other_id)
                why = f" — {i.reason}" if i.reason else ""
                rows.append(Option(Text(f"  introduce to {other}{why}"), id=f"intro-{i.id}"))
        for row in rows:  # needs, names, reasons: escape codes shown as symbols
            if isinstance(row.prompt, Text):
                shown(row.prompt)
        options.set_options(rows)
        enabled = [n for n, row in enumerate(rows) if not row.disabled]
        later = [n for n in enabled if previous is not None and n >= previous]
        options.highlighted = next(iter(later or enabled), None)
        self.refresh_bindings()

    # -- actions -------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#followups-items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.refresh_bindings()  # x and z act on the highlighted line

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """m, c and i once a contact is shown; x and z only on a line they can act on."""
        if action in ("remind", "commitment", "intro"):
            return self.data is not None
        target = self._current()
        if action == "done":
            return target is not None and target[0] != "helper"
        if action == "snooze":
            return target is not None and target[0] in ("commitment", "reminder")
        return True

    def _current(self) -> tuple[str, int] | None:
        option = self.query_one("#followups-items", OptionList).highlighted_option
        return self._targets.get(option.id) if option is not None and option.id else None

    def _write(self, action, message: str) -> None:
        try:
            action()
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "save the change", error)
            return
        self.notify(message, markup=False)
        self.post_message(DataChanged(self.contact_id))
        self.reload()

    @on(OptionList.OptionSelected, "#followups-items")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option_id or "")
        if target is None:
            return
        kind, ref = target
        if kind == "intro":
            target = self._targets.get(f"intro-other-{ref}")
            kind, ref = target if target else ("", 0)
        if kind == "helper":
            self.post_message(OpenContact(ref))

    def action_remind(self) -> None:
        data = self.data
        if data is None:
            return

        def saved(result: ReminderResult | None) -> None:
            if result is not None:
                self._write(
                    lambda: reminders.add_reminder(data.contact_id, result.due, result.reason),
                    f"Reminder set for {humanize_date(result.due)}.",
                )

        self.app.push_screen(ReminderForm(data.name), saved)

    def action_commitment(self) -> None:
        data = self.data
        if data is None:
            return

        def saved(result: CommitmentResult | None) -> None:
            if result is not None:
                self._write(
                    lambda: commitments.add_commitment(
                        result.text, owner=result.owner, contact_id=data.contact_id, due=result.due
                    ),
                    "Commitment recorded.",
                )

        self.app.push_screen(CommitmentForm(data.name), saved)

    def action_intro(self) -> None:
        data = self.data
        if data is None:
            return

        def saved(result: IntroResult | None) -> None:
            if result is None:
                return
            found = [c for c in lookup.candidates(result.other) if c[0] != data.contact_id]
            if not found:
                self.notify(f"No contact matches '{result.other}'.", severity="error", markup=False)
            elif len(found) > 1:
                names = "; ".join(lookup.describe(c) for c in found)
                self.notify(
                    f"'{result.other}' matches {len(found)} contacts: {names}. Use NAME @COMPANY or #ID.",
                    severity="error",
                    markup=False,
                )
            else:
                self._write(
                    lambda: intros.offer_intro(data.contact_id, found[0][0], result.reason),
                    f"Intro to {found[0][1]} is on your agenda until it is made.",
                )

        self.app.push_screen(IntroForm(data.name), saved)

    def action_done(self) -> None:
        target = self._current()
        if target is None or target[0] == "helper":
            return
        kind, ref = target
        action = {
            "commitment": commitments.complete_commitment,
            "reminder": reminders.complete_reminder,
            "intro": intros.make_intro,
        }[kind]
        self._write(lambda: action(ref), "Done.")

    def action_snooze(self) -> None:
        target = self._current()
        if target is None or target[0] not in ("commitment", "reminder"):
            return
        kind, ref = target
        move = commitments.snooze_commitment if kind == "commitment" else reminders.snooze_reminder

        def chosen(day) -> None:
            if day is not None:
                self._write(lambda: move(ref, day), f"Snoozed until {humanize_date(day)}.")

        self.app.push_screen(SnoozeForm("Snooze until"), chosen)
