"""Modals of the job-search view: add a target employer, share news with those who helped."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, SelectionList, TextArea

from netkeep.core.jobsearch import Person

FORM_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
    background: $surface; padding: 0 1;
}}
{name} Label {{ color: $text-muted; width: 100%; }}
{name} .error {{ color: $error; }}
"""

NEWS_TEMPLATES = {
    "applied": "I applied to {company} today; thank you for the advice that helped me get there.",
    "interviewing": "Good news: I have an interview with {company}. Thank you for your help so far; "
    "I'll let you know how it goes.",
    "offer": "I received an offer from {company}! Your advice and introductions made a real "
    "difference. Thank you.",
}


@dataclass(frozen=True)
class NewsResult:
    text: str
    contact_ids: list[int]


class TargetForm(ModalScreen[str | None]):
    """Ask for an employer's name (completed from known companies)."""

    DEFAULT_CSS = FORM_CSS.format(name="TargetForm")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="target.cancel", tooltip="Add nothing")]

    def __init__(self, companies: list[str]) -> None:
        super().__init__()
        self.companies = companies

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Employer (Enter adds it, Esc cancels)")
            yield Input(
                placeholder="e.g. Stripe",
                id="target-name",
                suggester=SuggestFromList(self.companies, case_sensitive=False),
            )
            yield Label("", id="target-error", classes="error")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = "Add a target employer"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        if not name:
            self.query_one("#target-error", Label).update("Type the employer's name.")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewsForm(ModalScreen[NewsResult | None]):
    """Write the news once and choose who hears it; ctrl+s logs it with each of them."""

    DEFAULT_CSS = (
        FORM_CSS.format(name="NewsForm")
        + """
    NewsForm TextArea { height: 5; }
    NewsForm SelectionList { height: auto; max-height: 12; }
    """
    )
    BINDINGS = [
        Binding("ctrl+s", "save", "Log it", id="news.save", tooltip="Log the news with everyone ticked"),
        Binding("escape", "cancel", "Cancel", id="news.cancel", tooltip="Share nothing"),
    ]

    def __init__(self, company: str, stage: str, helpers: list[Person]) -> None:
        super().__init__()
        self.company = company
        self.stage = stage
        self.helpers = helpers

    def compose(self) -> ComposeResult:
        text = NEWS_TEMPLATES.get(self.stage, "").format(company=self.company)
        with Vertical():
            yield Label("Your news (what you will tell them)")
            yield TextArea(text, id="news-text")
            yield Label("", id="news-text-error", classes="error")
            yield Label("Tell (space ticks or unticks)")
            yield SelectionList[int](
                *[(Text(f"{p.name} · {p.relation}"), p.id, True) for p in self.helpers],
                id="news-people",
            )
            yield Label("", id="news-people-error", classes="error")
            yield Label("ctrl+s logs it with each person ticked · Esc cancels")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = Text(f"News from {self.company}")
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        people = list(self.query_one(SelectionList).selected)
        self.query_one("#news-text-error", Label).update("" if text else "Write the news you are sharing.")
        self.query_one("#news-people-error", Label).update("" if people else "Tick at least one person.")
        if text and people:
            self.dismiss(NewsResult(text, people))

    def action_cancel(self) -> None:
        self.dismiss(None)
