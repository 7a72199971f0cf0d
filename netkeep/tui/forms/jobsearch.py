"""Forms of the job-search view: add a target employer, share news with those who helped."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, SelectionList, TextArea

from netkeep.core.errors import ValidationError
from netkeep.core.jobsearch import Person
from netkeep.core.text import visible
from netkeep.tui.forms.base import FieldRow, FormScreen
from netkeep.tui.widgets.text_input import TextEditor, TextInput

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


class TargetForm(FormScreen[str]):
    """Ask for an employer's name (completed from known companies)."""

    FORM_TITLE = "Add a target employer"
    BOX_CLASSES = "small-form"
    SAVE_LABEL = "Add (enter)"

    def __init__(self, companies: list[str]) -> None:
        super().__init__()
        self.companies = companies

    def fields(self) -> ComposeResult:
        yield FieldRow(
            "name",
            "Employer",
            TextInput(
                placeholder="e.g. Stripe",
                id="target-name",
                compact=True,
                suggester=SuggestFromList(self.companies, case_sensitive=False),
            ),
        )

    def collect(self) -> str:
        name = " ".join(self.query_one("#target-name", Input).value.split())
        if not name:
            raise ValidationError({"name": "Type the employer's name."})
        return name


class NewsForm(FormScreen[NewsResult]):
    """Write the news once and choose who hears it; ctrl+s logs it with each of them."""

    SAVE_LABEL = "Log it (ctrl+s)"

    def __init__(self, company: str, stage: str, helpers: list[Person]) -> None:
        super().__init__()
        self.company = company
        self.stage = stage
        self.helpers = helpers

    def form_title(self) -> Text:
        return Text(f"News from {self.company}")

    def fields(self) -> ComposeResult:
        text = NEWS_TEMPLATES.get(self.stage, "").format(company=self.company)
        yield FieldRow("news-text", "Your news (what you will tell them)", TextEditor(text, id="news-text"))
        yield FieldRow(
            "news-people",
            "Tell (space ticks or unticks)",
            SelectionList[int](
                *[(Text(visible(f"{p.name} · {p.relation}")), p.id, True) for p in self.helpers],
                id="news-people",
            ),
        )

    def collect(self) -> NewsResult:
        text = self.query_one(TextArea).text.strip()
        people = list(self.query_one(SelectionList).selected)
        errors = {}
        if not text:
            errors["news-text"] = "Write the news you are sharing."
        if not people:
            errors["news-people"] = "Tick at least one person."
        if errors:
            raise ValidationError(errors)
        return NewsResult(text, people)
