"""The job-search view: target employers in rank order, who I know at each, news to share."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netkeep.core import jobsearch
from netkeep.core.errors import NetkeepError
from netkeep.core.jobsearch import Person, Target
from netkeep.core.text import visible
from netkeep.tui.forms.jobsearch import NewsForm, NewsResult, TargetForm
from netkeep.tui.keys import undo_hint
from netkeep.tui.messages import DataChanged, OpenContact
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.workers import in_worker, report_failure

EMPTY_TEXT = (
    "No target employers yet. Press g to add the first of your top five, then see who you already know there."
)
#: The view's width from which the targets and the people sit side by side.
WIDE_ENOUGH = 90
KEYS_HINT = "g add · K/J move · > stage · x drop · u share news · enter open"


def target_line(target: Target) -> Table:
    """``1. Stripe ….. interviewing``: the stage keeps its column, a long name is cut instead."""
    name = Text(no_wrap=True, overflow="ellipsis")
    name.append(f"{target.rank}. ", style="dim")
    name.append(visible(target.name), style="bold")
    line = Table.grid(expand=True, padding=(0, 0, 0, 1))
    line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    line.add_column(no_wrap=True, justify="right")
    line.add_row(name, Text(target.stage, style="dim"))
    return line


def target_summary(target: Target) -> Text:
    """The heading over the people list: stage and how many people I know there."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(visible(target.name), style="bold")
    line.append(f" · {target.stage} · {len(target.current)} there now, {len(target.former)} before")
    return line


def person_line(person: Person) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(visible(person.name), style="bold")
    if person.title:
        line.append(visible(f"  {person.title}"))
    line.append(f"  · {person.relation}", style="dim")
    return line


class JobsView(Vertical):
    """Targets on the left, the people I know at the highlighted one on the right."""

    BORDER_TITLE = "Job search"
    BINDINGS = [
        Binding(
            "g", "add_target", "Add target", id="jobs.add", tooltip="Put an employer on your target list"
        ),
        Binding(
            "u",
            "share_news",
            "Share news",
            id="jobs.news",
            tooltip="Tell the people who helped about an interview or offer",
        ),
        Binding(
            "greater_than_sign",
            "advance_stage",
            "Stage",
            id="jobs.stage",
            tooltip="Move the employer to the next stage (researching → … → offer → closed)",
        ),
        Binding("K", "move(-1)", "Move up", show=False, id="jobs.up", tooltip="Rank this employer higher"),
        Binding("J", "move(1)", "Move down", show=False, id="jobs.down", tooltip="Rank this employer lower"),
        Binding(
            "x",
            "drop_target",
            "Drop",
            show=False,
            id="jobs.drop",
            tooltip="Take it off the target list (asks first)",
        ),
    ]

    @dataclass
    class Loaded(Message):
        targets: list[Target]

    def __init__(self, *, id: str | None = "jobs", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.targets: list[Target] = []

    def compose(self) -> ComposeResult:
        yield Static(EMPTY_TEXT, id="jobs-empty", markup=False)
        with Horizontal(id="jobs-lists"):
            yield JKOptionList(id="jobs-targets")
            with Vertical(id="jobs-detail"):
                yield Static(id="jobs-summary")
                yield JKOptionList(id="jobs-people")
        yield Static(KEYS_HINT, id="jobs-hint", markup=False)

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        # Side by side only where the targets' column has room for a name and its stage;
        # narrower (80 or 120 columns), the targets sit above the people.
        self.set_class(self.size.width < WIDE_ENOUGH, "-stacked")

    def on_show(self) -> None:
        if not self.query_one("#jobs-people").has_focus:
            self.query_one("#jobs-targets", OptionList).focus()

    def reload(self) -> None:
        """Read the targets again (in a worker) and show them."""
        self._load()

    @in_worker("load the job search", group="jobs")
    def _load(self) -> Loaded:
        return self.Loaded(jobsearch.targets())

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        keep = self.current_target
        self.targets = message.targets
        options = self.query_one("#jobs-targets", OptionList)
        options.clear_options()
        options.add_options(Option(target_line(t), id=str(t.company_id)) for t in self.targets)
        self.query_one("#jobs-empty").display = not self.targets
        self.query_one("#jobs-detail").display = bool(self.targets)
        if self.targets:
            index = next(
                (i for i, t in enumerate(self.targets) if keep and t.company_id == keep.company_id), 0
            )
            options.highlighted = index
            self._show_people(self.targets[index])
            focused = self.screen.focused
            # A reload (after any write, even from another terminal) keeps the keyboard where it
            # is; only a focus already in this view moves to the targets.
            if focused is not None and self in focused.ancestors and focused.id != "jobs-people":
                options.focus()

    @property
    def current_target(self) -> Target | None:
        options = self.query_one("#jobs-targets", OptionList)
        index = options.highlighted
        if index is None or not self.targets or index >= len(self.targets):
            return None
        return self.targets[index]

    @on(OptionList.OptionHighlighted, "#jobs-targets")
    def _target_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        target = self.current_target
        if target is not None:
            self._show_people(target)

    def _show_people(self, target: Target) -> None:
        self.query_one("#jobs-summary", Static).update(target_summary(target))
        people = self.query_one("#jobs-people", OptionList)
        people.clear_options()
        if not target.current and not target.former:
            people.add_option(
                Option(
                    Text(
                        f"You don't know anyone at {visible(target.name)} yet. "
                        "Ask your network for an introduction.",
                        style="dim",
                    ),
                    disabled=True,
                )
            )
            return
        people.add_options(Option(person_line(p), id=str(p.id)) for p in (*target.current, *target.former))
        people.highlighted = 0

    @on(OptionList.OptionSelected, "#jobs-targets")
    def _target_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#jobs-people", OptionList).focus()

    @on(OptionList.OptionSelected, "#jobs-people")
    def _person_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenContact(int(event.option.id)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("share_news", "advance_stage", "move", "drop_target"):
            return self.current_target is not None
        return True

    # -- actions ---------------------------------------------------------------------

    def _write(self, change, success: str | None = None) -> bool:
        try:
            change()
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "save the change", error)
            return False
        if success:
            self.notify(success, timeout=3, markup=False)
        self.reload()
        return True

    def action_add_target(self) -> None:
        names = jobsearch.company_names()

        def added(name: str | None) -> None:
            if name:
                self._write(lambda: jobsearch.add_target(name), f"{name} is on your target list.")

        self.app.push_screen(TargetForm(names), added)

    def action_move(self, delta: int) -> None:
        target = self.current_target
        if target is not None:
            index = self.query_one("#jobs-targets", OptionList).highlighted or 0
            if self._write(lambda: jobsearch.move_target(target.company_id, delta)):
                new_index = max(0, min(len(self.targets) - 1, index + delta))
                self.call_after_refresh(self._highlight, new_index)

    def _highlight(self, index: int) -> None:
        options = self.query_one("#jobs-targets", OptionList)
        if options.option_count > index:
            options.highlighted = index

    def action_advance_stage(self) -> None:
        target = self.current_target
        if target is not None:
            stage = jobsearch.next_stage(target.stage)
            self._write(lambda: jobsearch.set_stage(target.company_id, stage), f"{target.name}: {stage}.")

    def action_drop_target(self) -> None:
        from netkeep.tui.screens.confirm import ConfirmScreen

        target = self.current_target
        if target is None:
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._write(
                    lambda: jobsearch.drop_target(target.company_id),
                    f"{target.name} is off the target list — {undo_hint(self.app)}.",
                )

        question = (
            f"Drop {target.name} from your targets? Its stage ({target.stage}) and its place in "
            "your ranking go with it."
        )
        self.app.push_screen(ConfirmScreen(question, "Drop"), answered)

    def action_share_news(self) -> None:
        target = self.current_target
        if target is None:
            return
        helpers = jobsearch.helpers_for(target.company_id)
        if not helpers:
            self.notify(f"Nobody to tell about {target.name} yet.", severity="warning", markup=False)
            return

        def shared(result: NewsResult | None) -> None:
            if result is None:
                return
            if self._write(
                lambda: jobsearch.share_news(result.contact_ids, result.text),
                f"Logged your news with {len(result.contact_ids)} "
                f"{'person' if len(result.contact_ids) == 1 else 'people'}.",
            ):
                self.post_message(DataChanged(None))

        self.app.push_screen(NewsForm(target.name, target.stage, helpers), shared)
