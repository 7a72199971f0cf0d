"""The reflect pane: the post-meeting questions, rated from the keyboard, and how meetings go."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from netkeep.core import reflection
from netkeep.core.errors import NetkeepError
from netkeep.core.text import visible
from netkeep.tui.messages import DataChanged
from netkeep.tui.panes.meetings import MeetingPane
from netkeep.tui.widgets.jk import JKOptionList
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker, report_failure

MARKS = {"yes": "✔ yes   ", "partly": "~ partly", "no": "✘ no    ", "": "· —     "}
RATING_KEYS = {"y": "yes", "p": "partly", "n": "no", "x": ""}
BAR_WIDTH = 20


@dataclass(frozen=True)
class Reflection:
    answers: tuple[reflection.Answer, ...]
    names: tuple[tuple[int, str], ...]


def answer_prompt(answer: reflection.Answer) -> Table:
    """The rating in a narrow column, the question (and its note) wrapping beside it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=len(MARKS[""]), no_wrap=True)
    grid.add_column(ratio=1)
    question = Text(visible(answer.question))
    if answer.note:
        question.append("\n")
        question.append(visible(answer.note), style="italic")
    grid.add_row(Text(MARKS.get(answer.rating, MARKS[""]), style="bold"), question)
    return grid


def summary_text(summary: reflection.ReflectionSummary) -> Text:
    """Goals met as bars, ratings counted, names gained per meeting."""
    if not summary.meetings:
        return Text("No meetings logged yet: the summary fills in as you reflect on them.")
    text = Text()
    share = summary.goals_met_share
    text.append(
        f"{summary.meetings} meeting{'s' if summary.meetings != 1 else ''}, {summary.reflected} reflected on",
        style="bold",
    )
    if share is not None:
        text.append(f" · goals met {share:.0%} of the time")
    text.append("\n")
    rated = max(sum(summary.goals.values()), 1)
    for rating in reflection.RATINGS:
        count = summary.goals.get(rating, 0)
        text.append(f"goals {rating:<7}")
        text.append("█" * round(BAR_WIDTH * count / rated) or "▏")
        text.append(f" {count}\n")
    text.append(
        f"new names: {summary.names_total} in all, "
        f"{summary.names_per_meeting:.1f} per meeting; each meeting, oldest first:"
    )
    return text


class ReflectPane(MeetingPane):
    """Look back on a meeting: y / p / n rate the highlighted question, Enter adds a note."""

    BORDER_TITLE = "Reflect"
    LOADS = "the reflection"
    BINDINGS = [
        Binding("y", "rate('yes')", "Yes", id="reflect.yes", tooltip="Rate the question: yes"),
        Binding("p", "rate('partly')", "Partly", id="reflect.partly", tooltip="Rate the question: partly"),
        Binding("n", "rate('no')", "No", id="reflect.no", tooltip="Rate the question: no"),
        Binding("x", "rate('')", "Clear", show=False, id="reflect.clear", tooltip="Clear the rating"),
        Binding(
            "enter", "edit_note", "Note", id="reflect.note", tooltip="Add or change the note of the question"
        ),
        Binding(
            "a",
            "add_names",
            "New names",
            id="reflect.names",
            tooltip="Add people they suggested, as contacts they introduced",
        ),
    ]

    @dataclass
    class SummaryLoaded(Message):
        summary: reflection.ReflectionSummary

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.answers: list[reflection.Answer] = []

    def compose(self) -> ComposeResult:
        yield self.picker()
        yield self.empty()
        yield JKOptionList(id="reflect-questions")
        yield TextInput("", id="reflect-note", compact=True)
        yield TextInput(
            "",
            id="reflect-names",
            compact=True,
            placeholder="Ann Lee @Acme, Bo Chen (Enter adds them; Esc cancels)",
        )
        yield Static("", id="reflect-gained", markup=False)
        with Vertical(id="reflect-summary-box"):
            yield Static("", id="reflect-summary", markup=False)
            yield Sparkline([], id="reflect-spark")

    @property
    def questions(self) -> OptionList:
        return self.query_one("#reflect-questions", OptionList)

    # -- loading
    def fetch(self, contact_id: int, meeting_id: int | None) -> tuple[Reflection | None, object]:
        summary = reflection.summary()
        if meeting_id is None:
            return None, summary
        return Reflection(
            tuple(reflection.answers_for(meeting_id)), tuple(reflection.names_from(meeting_id))
        ), summary

    def show(self, data) -> None:
        found, summary = data if data else (None, None)
        if summary is not None:
            self._show_summary(summary)
        self.answers = list(found.answers) if found else []
        highlighted = self.questions.highlighted
        self.questions.set_options([Option(answer_prompt(a), id=a.key) for a in self.answers])
        if self.answers:
            self.questions.highlighted = highlighted if highlighted is not None else 0
        gained = ", ".join(name for _, name in found.names) if found else ""
        self.query_one("#reflect-gained", Static).update(
            f"People this meeting brought: {visible(gained)}" if gained else ""
        )

    def _show_summary(self, summary: reflection.ReflectionSummary) -> None:
        self.query_one("#reflect-summary", Static).update(summary_text(summary))
        spark = self.query_one("#reflect-spark", Sparkline)
        spark.data = [item.count for item in summary.names[-60:]]
        spark.display = bool(summary.names)

    @in_worker("load the reflection summary", group="reflect-summary")
    def _reload_summary(self) -> SummaryLoaded:
        return self.SummaryLoaded(reflection.summary())

    @on(SummaryLoaded)
    def _summary_loaded(self, message: SummaryLoaded) -> None:
        message.stop()
        self._show_summary(message.summary)

    # -- rating and notes
    def _highlighted_index(self) -> int | None:
        index = self.questions.highlighted
        return index if self.answers and index is not None else None

    def action_rate(self, rating: str) -> None:
        index = self._highlighted_index()
        if index is None or self.meeting_id is None:
            return
        if self._save(index, rating=rating):
            self.action_move(1)

    def _save(self, index: int, *, rating: str | None = None, note: str | None = None) -> bool:
        if self.meeting_id is None:  # no meeting, nothing to answer
            return False
        try:
            answer = reflection.save_answer(
                self.meeting_id, self.answers[index].key, rating=rating, note=note
            )
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "save the answer", error)
            return False
        self.answers[index] = answer
        self.questions.replace_option_prompt_at_index(index, answer_prompt(answer))
        self.changed()
        self._reload_summary()
        return True

    def action_move(self, step: int) -> None:
        if self.answers:
            index = self.questions.highlighted or 0
            self.questions.highlighted = min(max(index + step, 0), len(self.answers) - 1)

    def action_edit_note(self) -> None:
        index = self._highlighted_index()
        if index is None:
            return
        note = self.query_one("#reflect-note", Input)
        note.value = self.answers[index].note
        note.placeholder = f"Note: {self.answers[index].question} (Enter saves, Esc cancels)"
        note.add_class("-editing")
        note.focus()

    @on(OptionList.OptionSelected, "#reflect-questions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_note()

    @on(Input.Submitted, "#reflect-note")
    def _note_entered(self, event: Input.Submitted) -> None:
        event.stop()
        index = self._highlighted_index()
        if index is not None and self._save(index, note=event.value):
            self.action_leave_editor()

    # -- new names
    def action_add_names(self) -> None:
        if self.meeting_id is None:
            return
        names = self.query_one("#reflect-names", Input)
        names.add_class("-editing")
        names.focus()

    @on(Input.Submitted, "#reflect-names")
    def _names_entered(self, event: Input.Submitted) -> None:
        event.stop()
        if self.meeting_id is None:
            return
        try:
            result = reflection.add_new_names(self.meeting_id, event.value)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "add the new names", error)
            return
        event.input.value = ""
        count = len(result.created)
        message = f"Added {count} contact{'s' if count != 1 else ''} introduced by {self.contact_name}."
        if result.existing:
            message += f" Already in your contacts: {', '.join(result.existing)}."
        self.notify(message, markup=False)
        self.action_leave_editor()
        self.post_message(DataChanged(None))  # new contacts: the list reads every row again
        self.reload()

    def focus_home(self) -> None:
        if self.answers:
            self.questions.focus()
        else:
            super().focus_home()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Rating and notes need a question; new names need a meeting."""
        if action in ("rate", "edit_note"):
            return self.meeting_id is not None and bool(self.answers)
        if action == "add_names":
            return self.meeting_id is not None
        return super().check_action(action, parameters)

    def action_leave_editor(self) -> None:
        for field in self.query(".-editing").results(Input):
            field.remove_class("-editing")
        self.focus_home()
