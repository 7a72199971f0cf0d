"""Merging two contacts: pick them by name, choose which value wins where they differ."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet, Static
from textual.widgets.option_list import Option

from netkeep.tui.keys import undo_hint
from netkeep.tui.messages import DataChanged
from netkeep.tui.screens.transfer import GROUP, TransferDialog, literal
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker


class PickContactScreen(TransferDialog):
    """Type a name, choose the contact: returns its id."""

    @dataclass
    class Found(Message):
        matches: list

    def __init__(self, prompt: str, exclude: int | None = None) -> None:
        super().__init__()
        self.prompt, self.exclude = prompt, exclude

    def form_title(self) -> Text:
        return literal(self.prompt)

    def fields(self) -> ComposeResult:
        yield TextInput(placeholder="a name", id="name")
        yield JKOptionList(id="matches")
        yield Static(classes="status", markup=False)

    def buttons(self) -> ComposeResult:
        yield Button("Cancel (esc)", id="close", classes="form-cancel")

    @on(Input.Changed, "#name")
    def _typed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @in_worker("look up the contacts", group=GROUP)
    def search(self, text: str) -> Found:
        from netkeep.core.contacts import resolve

        return self.Found([m for m in resolve(text) if m[0] != self.exclude] if text.strip() else [])

    @on(Found)
    def _found(self, message: Found) -> None:
        options = self.query_one("#matches", OptionList)
        options.clear_options()
        options.add_options(
            Option(literal(f"{name} — {company}" if company else name), id=str(cid))
            for cid, name, company in message.matches
        )
        if message.matches:
            options.highlighted = 0
        self.set_status(
            ""
            if message.matches or not self.query_one("#name", Input).value.strip()
            else "Nobody by that name."
        )

    def action_save(self) -> None:
        """Enter in the name: the highlighted contact."""
        options = self.query_one("#matches", OptionList)
        if options.option_count:
            self.dismiss(_contact_id(options.get_option_at_index(options.highlighted or 0)))

    @on(OptionList.OptionSelected, "#matches")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(_contact_id(event.option))


class MergeScreen(TransferDialog):
    """Fold one contact into another, asking which value wins where they differ."""

    @dataclass
    class Loaded(Message):
        names: tuple[str, str]
        differences: list

    @dataclass
    class Merged(Message):
        contact_id: int
        summary: str

    FORM_TITLE = "Merge contacts"
    BOX_CLASSES = "transfer-dialog tall"
    CANCEL_LABEL = "Cancel"

    def __init__(self, keep_id: int, other_id: int) -> None:
        super().__init__()
        self.keep_id, self.other_id = keep_id, other_id
        self.names = ("", "")
        self.differences: list = []

    def fields(self) -> ComposeResult:
        yield Static(classes="hint", markup=False, id="merge-hint")
        yield VerticalScroll(classes="choices")
        yield Static(classes="status", markup=False)

    def buttons(self) -> ComposeResult:
        yield Button("Merge", id="merge", variant="warning", disabled=True, classes="form-save")
        yield Button(self.CANCEL_LABEL, id="close", classes="form-cancel")

    def on_mount(self) -> None:
        self.load()

    @in_worker("load the two contacts", group=GROUP)
    def load(self) -> Loaded:
        from netkeep.core.contacts import get_card
        from netkeep.core.merge import differences

        names = (get_card(self.keep_id).full_name, get_card(self.other_id).full_name)
        return self.Loaded(names, differences(self.keep_id, self.other_id))

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        keep, other = self.names = message.names
        self.differences = message.differences
        self.query_one("#form-box").border_title = literal(f"Merge {other} into {keep}")
        self.query_one("#merge-hint", Static).update(
            literal(
                f"Timelines, reminders, commitments, emails, phones, tags and employers of both are "
                f"kept; below, choose where they differ (↑ ↓ and enter choose, tab moves on). "
                f"{other} is then removed."
            )
        )
        choices = self.query_one(".choices", VerticalScroll)
        widgets = []
        for difference in self.differences:
            # Where both can be kept (notes, needs), both are, unless you choose one.
            buttons = [
                RadioButton(literal(f"{keep}: {_short(difference.keep)}"), value=not difference.joinable),
                RadioButton(literal(f"{other}: {_short(difference.other)}")),
            ]
            if difference.joinable:
                buttons.append(RadioButton("both, one after the other", value=True))
            label = difference.label + (
                " (the other stays as a past employer)" if difference.field == "company" else ""
            )
            widgets += [
                Label(literal(label), classes="choice-label"),
                RadioSet(*buttons, id=f"choice-{difference.field}"),
            ]
        if not widgets:
            widgets = [Static("They agree on every field that both have.")]
        await choices.mount_all(widgets)
        button = self.query_one("#merge", Button)
        button.disabled = False
        # The keyboard starts on the first choice, never on Merge: enter there only picks a value.
        first = self.query(RadioSet)
        self.set_focus(first.first() if first else button)

    def choices(self) -> dict[str, str]:
        picked = {}
        for difference in self.differences:
            index = self.query_one(f"#choice-{difference.field}", RadioSet).pressed_index
            picked[difference.field] = ("keep", "other", "both")[max(index, 0)]
        return picked

    def action_save(self) -> None:
        """Merge (the button, ctrl+s): only once confirmed."""
        from netkeep.tui.screens.confirm import ConfirmScreen

        if self.busy or self.query_one("#merge", Button).disabled:
            return
        keep, other = self.names
        question = f"Merge {other} into {keep}? {other} is then removed."

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.start_merge()

        self.app.push_screen(ConfirmScreen(question, "Merge"), answered)

    def start_merge(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.query_one("#merge", Button).disabled = True
        self.set_status("Merging…")
        self.merge(self.choices())

    @in_worker("merge the contacts", group=GROUP)
    def merge(self, choices: dict[str, str]) -> Merged:
        from netkeep.core.history import last_undoable
        from netkeep.core.merge import merge_contacts

        merge_contacts(self.keep_id, self.other_id, choices)
        done = last_undoable()
        return self.Merged(self.keep_id, done.summary if done else "Merged")

    @on(Merged)
    def _merged(self, message: Merged) -> None:
        self.busy = False
        self.result = message.contact_id
        self.app.post_message(DataChanged(None))  # the other contact is gone from every list
        self.app.notify(f"{message.summary} — {undo_hint(self.app)}.", markup=False)
        self.dismiss(message.contact_id)

    def on_failure(self) -> None:
        self.query_one("#merge", Button).disabled = False


def _contact_id(option: Option) -> int:
    """The contact a match stands for: every match's option id is its contact's id."""
    assert option.id is not None
    return int(option.id)


def _short(value: str, width: int = 70) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def start_merge(app, keep_id: int | None = None) -> None:
    """Ask for the two contacts (the kept one first, unless given), then open the merge dialog."""

    def pick_other(keep: int | None) -> None:
        if keep is None:
            return

        def open_merge(other: int | None) -> None:
            if other is not None:
                app.push_screen(MergeScreen(keep, other))

        prompt = (
            "Merge which contact into it?"
            if keep_id is None
            else "Merge which contact into the selected contact?"
        )
        app.push_screen(PickContactScreen(prompt, exclude=keep), open_merge)

    if keep_id is None:
        app.push_screen(PickContactScreen("Merge contacts: which one do you keep?"), pick_other)
    else:
        pick_other(keep_id)
