"""The add/edit contact form: a modal that saves through core and shows errors beside each field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Select

from netkeep.core import contacts
from netkeep.core.dates import format_date, parse_date
from netkeep.core.errors import ValidationError
from netkeep.core.records import CONTACT_TYPES, ContactCard, ContactInput, Method
from netkeep.tui.forms.base import FieldRow, FormScreen
from netkeep.tui.widgets.text_input import TextEditor, TextInput

#: Error keys core may raise that belong to another field of this form.
FIELD_ALIASES = {"given_name": "full_name", "family_name": "full_name", "urls": "website"}


def parse_methods(text: str, kind: str) -> tuple[Method, ...]:
    """``work: a@b.com, home: c@d.org`` → labelled methods (a label is optional)."""
    methods = []
    for item in text.replace("\n", ",").split(","):
        item = item.strip()
        if not item:
            continue
        label, sep, value = item.partition(":")
        if sep and " " not in label.strip() and "@" not in label and value.strip():
            methods.append(Method(kind, value.strip(), label.strip()))
        else:
            methods.append(Method(kind, item))
    return tuple(methods)


def format_methods(methods: tuple[Method, ...]) -> str:
    return ", ".join(f"{m.label}: {m.value}" if m.label else m.value for m in methods)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags split at commas when there are any (a tag may hold spaces), else at spaces."""
    parts = text.split(",") if "," in text else text.split()
    return tuple(" ".join(tag.split()) for tag in parts if tag.strip().strip("#"))


def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as the form shows them: separated by commas when one holds a space."""
    return (", " if any(" " in tag for tag in tags) else " ").join(tags)


class ContactForm(FormScreen[int]):
    """Add or edit a contact; dismisses with the saved contact's id, or None on Esc."""

    FIELD_ALIASES = FIELD_ALIASES

    def __init__(
        self, card: ContactCard | None, names: list[str], save: Callable[[ContactInput], int]
    ) -> None:
        super().__init__(save)
        self.card = card
        self.names = sorted(set(names), key=str.casefold)

    def form_title(self) -> str:
        return "Edit contact" if self.card else "New contact"

    def fields(self) -> ComposeResult:
        card = self.card
        data = card.to_input() if card else ContactInput(full_name="")
        introducer = card.introduced_by if card else ""

        def line(name: str, value: str = "", placeholder: str = "", **kwargs) -> Input:
            return TextInput(value, placeholder=placeholder, id=f"f-{name}", compact=True, **kwargs)

        rows = [
            FieldRow("full_name", "Name", line("full_name", data.full_name, "Jane Doe")),
            FieldRow("title", "Title", line("title", data.title, "Staff Engineer")),
            FieldRow("company", "Company", line("company", data.company, "Stripe")),
            FieldRow(
                "emails",
                "Emails",
                line("emails", format_methods(data.emails), "work: jane@stripe.com, home: jane@mail.org"),
                "label: address, comma separated",
            ),
            FieldRow(
                "phones",
                "Phones",
                line("phones", format_methods(data.phones), "mobile: +1 555 0100"),
                "label: number, comma separated",
            ),
            FieldRow(
                "linkedin_url",
                "LinkedIn",
                line("linkedin_url", data.linkedin_url, "https://www.linkedin.com/in/…"),
            ),
            FieldRow("website", "Website", line("website", data.website)),
            FieldRow("location", "Location", line("location", data.location)),
            FieldRow("birthday", "Birthday", line("birthday", data.birthday)),
            FieldRow(
                "contact_type",
                "Type",
                Select(
                    [(t, t) for t in CONTACT_TYPES],
                    value=data.contact_type,
                    allow_blank=False,
                    id="f-contact_type",
                    compact=True,
                ),
            ),
            FieldRow(
                "job_search",
                "Job search",
                Checkbox("part of my job search", data.job_search, id="f-job_search", compact=True),
            ),
            FieldRow(
                "how_met",
                "How we met",
                line("how_met", data.how_met, "informational interview, career fair…"),
            ),
            FieldRow(
                "met_on", "Met on", line("met_on", format_date(data.met_on), "yesterday, last friday, 4 Mar")
            ),
            FieldRow("met_at", "Met at", line("met_at", data.met_at, "PyCon 2026")),
            FieldRow(
                "introduced_by",
                "Introduced by",
                line(
                    "introduced_by",
                    introducer,
                    "a contact's name",
                    suggester=SuggestFromList(self.names, case_sensitive=False),
                ),
                "→ completes",
            ),
            FieldRow(
                "needs", "Their needs", TextEditor(data.needs, id="f-needs", compact=True, soft_wrap=True)
            ),
            FieldRow("notes", "Notes", TextEditor(data.notes, id="f-notes", compact=True, soft_wrap=True)),
            FieldRow("tags", "Tags", line("tags", tags_text(data.tags), "alumni python")),
            FieldRow(
                "cadence_days",
                "Keep in touch every … days",
                line("cadence_days", str(data.cadence_days or ""), "default for the type"),
            ),
            FieldRow(
                "next_follow_up",
                "Next follow-up",
                line(
                    "next_follow_up",
                    format_date(data.next_follow_up),
                    "in 2 weeks, friday (empty: from the cadence)",
                ),
            ),
        ]
        yield from rows

    def _same_name(self) -> bool:
        return self.card is not None and " ".join(self.value("full_name").split()) == self.card.full_name

    def collect(self) -> ContactInput:
        """The form as input for core; date, number and introducer problems raise per field."""
        errors: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for name, prefer in (("met_on", "past"), ("next_follow_up", "future")):
            text = self.value(name).strip()
            dates[name] = None
            if text:
                try:
                    dates[name] = parse_date(text, prefer=prefer)
                except ValidationError as error:
                    errors[name] = next(iter(error.errors.values()))
        cadence_text = self.value("cadence_days").strip()
        cadence_days = None
        if cadence_text:
            if cadence_text.isdigit():
                cadence_days = int(cadence_text)
            else:
                errors["cadence_days"] = "The cadence is a whole number of days, such as 30."
        introducer_id = None
        introducer = self.value("introduced_by").strip()
        if introducer:
            matches = contacts.resolve(introducer)
            exact = [m for m in matches if m[1].casefold() == " ".join(introducer.split()).casefold()]
            if len(exact) == 1 or len(matches) == 1:
                introducer_id = (exact or matches)[0][0]
            elif not matches:
                errors["introduced_by"] = f"No contact called '{introducer}'."
            else:
                errors["introduced_by"] = (
                    "Several contacts match: " + ", ".join(m[1] for m in matches[:4]) + "."
                )
        data = ContactInput(
            full_name=self.value("full_name"),
            title=self.value("title"),
            company=self.value("company"),
            emails=parse_methods(self.value("emails"), "email"),
            phones=parse_methods(self.value("phones"), "phone"),
            urls=self.card.urls if self.card else (),
            linkedin_url=self.value("linkedin_url"),
            website=self.value("website"),
            location=self.value("location"),
            birthday=self.value("birthday"),
            contact_type=self.choice("#f-contact_type"),
            job_search=self.query_one("#f-job_search", Checkbox).value,
            how_met=self.value("how_met"),
            met_on=dates["met_on"],
            met_at=self.value("met_at"),
            introduced_by_id=introducer_id,
            needs=self.value("needs"),
            notes=self.value("notes"),
            tags=parse_tags(self.value("tags")),
            cadence_days=cadence_days,
            next_follow_up=dates["next_follow_up"],
            # Given and family names are kept unless the name itself was changed.
            given_name=self.card.given_name if self.card and self._same_name() else "",
            family_name=self.card.family_name if self.card and self._same_name() else "",
            source=self.card.source if self.card else "manual",
            uid=self.card.uid if self.card else "",
        )
        try:
            contacts.validate(data)
        except ValidationError as error:
            errors = {**error.errors, **errors}
        if errors:
            raise ValidationError(errors)
        return data
