"""Log what happened with a contact: the one form behind the app's ``l``, Today's ``l`` and
``x`` (done, logging what happened in the same step), and the meeting form built on it.

The fields every log shares (what happened, the kind, when), their labels, their order
and their rules are here once. When is read with core's rule (``schedule.moment_of``: a
day that has happened, today meaning now), the rule ``netkeep log`` uses too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Checkbox, Input, Select

from netkeep.core.errors import ValidationError
from netkeep.core.records import INTERACTION_KINDS, InteractionInput
from netkeep.core.schedule import direction_for, moment_of
from netkeep.core.text import visible
from netkeep.tui.forms.base import FieldRow, FormScreen, context_line
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import in_worker

DIRECTIONS = [("—", ""), ("they reached out (in)", "in"), ("I reached out (out)", "out")]
#: Their news the form can note, with the first person's card updated to match.
NEWS = [
    ("—", ""),
    ("a new job", "job"),
    ("a move", "move"),
    ("a graduation", "graduation"),
    ("a new job search", "search"),
]
WHEN_PLACEHOLDER = "today, yesterday, last friday, 4 Mar"


@dataclass(frozen=True)
class Logged:
    """What the log form gathered (``save`` writes it)."""

    summary: str
    kind: str
    occurred_at: datetime
    direction: str = ""
    reply_owed: bool = False
    closes_loop: bool = False
    #: The people named in "Who", in order.
    contact_ids: tuple[int, ...] = ()
    #: An outreach awaiting their reply (chased by the 3B7 rule).
    awaiting_reply: bool = False
    #: Their news (``core.their_news.KINDS``; "" none) and its details.
    news: str = ""
    news_detail: str = ""

    def as_input(self, contact_ids: tuple[int, ...]) -> InteractionInput:
        return InteractionInput(
            contact_ids=contact_ids,
            kind=self.kind,
            summary=self.summary,
            occurred_at=self.occurred_at,
            direction=self.direction,
            reply_owed=self.reply_owed,
            awaiting_reply=self.awaiting_reply,
        )

    def write(self, data: InteractionInput) -> int:
        """Log ``data`` (this form's input, made for its contacts) with the news, if any, in
        one change; return the logged id."""
        if self.news:
            from netkeep.core.their_news import log_with_news

            return log_with_news(data, self.news, self.news_detail)
        from netkeep.core.interactions import log_interaction

        return log_interaction(data)


class InteractionForm(FormScreen[Any]):
    """Log a conversation, message or note with a contact and anyone else who was there
    ("Who: Li Wei, Jane Roe", each name completed), and close a referral loop.

    ``save`` gets a :class:`Logged` and writes it; the form is dismissed with what ``save``
    returns. The direction follows the kind (a message is one I sent) until it is chosen.
    """

    BOX_CLASSES = "small-form"
    #: The kinds the Kind field offers.
    KINDS: tuple[str, ...] = INTERACTION_KINDS
    #: False: an empty "What happened" is allowed.
    SUMMARY_REQUIRED = True
    SUMMARY_PLACEHOLDER = "what happened"
    #: False: no "Who" field (the log is about the item being done).
    ASKS_WHO = True
    FIELD_ALIASES: ClassVar[dict[str, str]] = {"contacts": "who", "awaiting_reply": "awaiting"}

    @dataclass
    class NamesLoaded(Message):
        """Every contact's name, for completing "Who"."""

        names: list[str]

    def __init__(
        self,
        contact_name: str,
        save: Callable[[Any], Any],
        *,
        contact_id: int | None = None,
        kind: str = "note",  # a conversation kind would put a thank-you on the agenda
        summary: str = "",
        loop_about: str = "",
        context: str = "",
        news: bool = True,
    ) -> None:
        super().__init__(save)
        #: False: no fields for their news.
        self.asks_news = news and self.ASKS_WHO
        self.contact_id = contact_id
        self.contact_name = contact_name
        self.kind = kind
        self.summary = summary
        #: The introducer, when this log may close a referral loop.
        self.loop_about = loop_about
        #: A line above the fields (the agenda item being done).
        self.context = context
        self._direction_chosen = False

    def form_title(self) -> str | Text:
        return Text(f"Log with {self.contact_name}")

    def fields(self) -> ComposeResult:
        if self.context:
            yield context_line(self.context)
        if self.ASKS_WHO:
            yield self.who_field()
        yield from self.shared_fields()
        yield from self.log_fields()

    def who_field(self) -> FieldRow:
        return FieldRow(
            "who",
            "Who (names, separated by commas)",
            TextInput(self.contact_name, id="f-who", compact=True, placeholder="Li Wei, Jane Roe"),
        )

    def on_mount(self) -> None:
        super().on_mount()
        if self.ASKS_WHO:
            self._load_names()

    @in_worker("load the contact names", group="log-form-names")
    def _load_names(self) -> NamesLoaded:
        from netkeep.core.contacts import names_for_completion

        return self.NamesLoaded(names_for_completion())

    @on(NamesLoaded)
    def _set_names(self, message: NamesLoaded) -> None:
        from netkeep.tui.widgets.names_suggester import SuggestNames

        self.query_one("#f-who", Input).suggester = SuggestNames(message.names)

    def shared_fields(self) -> ComposeResult:
        """What happened, the kind and when: the fields every log has, in this order."""
        yield FieldRow(
            "summary",
            "What happened",
            TextInput(self.summary, placeholder=self.SUMMARY_PLACEHOLDER, id="f-summary", compact=True),
        )
        yield FieldRow(
            "kind",
            "Kind",
            Select(
                [(k, k) for k in self.KINDS], value=self.kind, allow_blank=False, id="f-kind", compact=True
            ),
        )
        yield FieldRow(
            "when", "When", TextInput("today", placeholder=WHEN_PLACEHOLDER, id="f-when", compact=True)
        )

    def log_fields(self) -> ComposeResult:
        """Direction, a reply owed and the referral loop: what a meeting does not ask."""
        yield FieldRow(
            "direction",
            "Direction",
            Select(
                DIRECTIONS, value=direction_for(self.kind), allow_blank=False, id="f-direction", compact=True
            ),
        )
        yield FieldRow(
            "reply_owed", "Reply", Checkbox("I owe them a reply", False, id="f-reply_owed", compact=True)
        )
        yield FieldRow(
            "awaiting",
            "Their reply",
            Checkbox(
                "Awaiting their reply (Today chases it)",
                False,
                id="f-awaiting",
                compact=True,
            ),
        )
        if self.asks_news:
            yield FieldRow(
                "news",
                "Their news (the first person's card is updated)",
                Select(NEWS, value="", allow_blank=False, id="f-news", compact=True),
            )
            yield FieldRow(
                "news_detail",
                "News details",
                TextInput("", id="f-news_detail", compact=True, placeholder="choose their news first"),
            )
        if self.loop_about:
            yield FieldRow(
                "closes_loop",
                "Referral loop",
                Checkbox(
                    Text(f"Closes the loop about {visible(self.loop_about)}"),
                    True,
                    id="f-closes_loop",
                    compact=True,
                ),
            )

    def first_field(self) -> str:
        return "#f-summary"

    @on(Select.Changed, "#f-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        directions = self.query("#f-direction")
        if directions and not self._direction_chosen:
            direction = directions.first(Select)
            with direction.prevent(Select.Changed):
                direction.value = direction_for(str(event.value))

    @on(Select.Changed, "#f-news")
    def _news_changed(self, event: Select.Changed) -> None:
        from netkeep.core.their_news import DETAIL_HINTS

        detail = self.query_one("#f-news_detail", Input)
        detail.placeholder = DETAIL_HINTS.get(str(event.value), "choose their news first")

    @on(Select.Changed, "#f-direction")
    def _direction_changed(self, event: Select.Changed) -> None:
        kind = self.query_one("#f-kind", Select).value
        self._direction_chosen = event.value != direction_for(str(kind))

    # -- reading
    def people(self) -> tuple[int, ...]:
        """The contacts named in "Who" (the form's own contact by its name, even when others
        share it); ValidationError naming one that is unknown, unclear or given twice."""
        from netkeep.core.participants import resolve_people

        known = {self.contact_name: self.contact_id} if self.contact_id is not None else None
        return resolve_people(self.value("who"), known)

    def what_happened(self) -> tuple[str, str, datetime]:
        """The shared fields, checked: (what happened, kind, when); ValidationError per field."""
        errors = {}
        summary = self.value("summary").strip()
        if self.SUMMARY_REQUIRED and not summary:
            errors["summary"] = "Say what happened."
        when = None
        try:
            when = moment_of(self.value("when").strip())
        except ValidationError as error:
            errors["when"] = next(iter(error.errors.values()))
        if errors or when is None:
            raise ValidationError(errors)
        return summary, self.choice("#f-kind"), when

    def collect(self) -> Logged:
        errors: dict[str, str] = {}
        people: tuple[int, ...] = ()
        if self.ASKS_WHO:
            try:
                people = self.people()
            except ValidationError as error:
                errors.update(error.errors)
        try:
            summary, kind, when = self.what_happened()
        except ValidationError as error:
            raise ValidationError({**errors, **error.errors}) from None
        if errors:
            raise ValidationError(errors)
        news, news_detail = self.their_news()
        closes = self.query("#f-closes_loop")
        return Logged(
            summary,
            kind,
            when,
            direction=self.choice("#f-direction"),
            reply_owed=self.query_one("#f-reply_owed", Checkbox).value,
            closes_loop=bool(closes) and closes.first(Checkbox).value,
            contact_ids=people,
            awaiting_reply=self.query_one("#f-awaiting", Checkbox).value,
            news=news,
            news_detail=news_detail,
        )

    def their_news(self) -> tuple[str, str]:
        """The news chosen and its details, checked ("" and "" when none)."""
        if not self.asks_news or not self.choice("#f-news"):
            return "", ""
        from netkeep.core.their_news import check_news

        news, detail = self.choice("#f-news"), self.value("news_detail").strip()
        check_news(news, detail)
        return news, detail


class DoneForm(InteractionForm):
    """Mark an agenda item done; what happened (optional) is logged in the same step."""

    SUMMARY_REQUIRED = False
    SUMMARY_PLACEHOLDER = "logged too; leave it empty to just mark it done"
    ASKS_WHO = False

    FORM_TITLE = "Mark done"

    def form_title(self) -> str | Text:
        return self.FORM_TITLE
