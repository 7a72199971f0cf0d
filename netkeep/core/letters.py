"""Thank-you letters: drafts built from a meeting's notes, tones as templates, and ways to send.

The tones and templates are in ``core.letter_templates``: the built-in tones (formal,
warm, brief) can be replaced, and new tones added, by files
``<config dir>/templates/<tone>.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path
from urllib.parse import quote

import pendulum

from netkeep.core import interactions, session
from netkeep.core.config import Config, load_config
from netkeep.core.contact_card import name_of
from netkeep.core.dates import local_tz
from netkeep.core.errors import NetkeepError, NotFound, ValidationError
from netkeep.core.letter_templates import (
    BUILT_IN,
    DEFAULT_TONE,
    PLACEHOLDERS,
    TONES,
    available_tones,
    load_template,
    render,
    template_problems,
    templates_dir,
)
from netkeep.core.meetings import Meeting, get_meeting, split_items
from netkeep.core.private_files import write_private_bytes
from netkeep.core.records import InteractionInput
from netkeep.core.text import strip_controls
from netkeep.store.models import Contact, ContactMethod, ThankYouDraft

__all__ = [
    "BODY_MAX",
    "BUILT_IN",
    "DEFAULT_TONE",
    "GAPS",
    "PLACEHOLDERS",
    "RESUME_LINE",
    "SUBJECT_MAX",
    "TONES",
    "Composed",
    "Draft",
    "available_tones",
    "build_eml",
    "compose",
    "contact_email",
    "eml_filename",
    "get_draft",
    "letter_values",
    "load_template",
    "mailto_for",
    "mailto_url",
    "mark_sent",
    "render",
    "save_draft",
    "save_eml",
    "template_problems",
    "templates_dir",
]

SUBJECT_MAX = 300
BODY_MAX = 100_000

#: What stands in for a missing note, so the draft shows where to fill in.
GAPS = {
    "point": "[add a point you discussed]",
    "advice": "[the advice they gave you]",
    "my_name": "[your name]",
    "company": "[their company]",
    "first_name": "[their name]",
}

RESUME_LINE = "I have attached my updated resume, reworked with your suggestions in mind."


@dataclass(frozen=True)
class Composed:
    """A freshly built letter, with any problems found in the user's template."""

    tone: str
    subject: str
    body: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    interaction_id: int
    contact_id: int
    tone: str
    subject: str
    body: str
    status: str  # "draft" | "sent"
    updated_at: datetime
    sent_at: datetime | None


def _day(value: date, today: date) -> str:
    text = f"{value.day} {value.strftime('%B')}"
    return text if value.year == today.year else f"{text} {value.year}"


def _points(meeting: Meeting) -> list[str]:
    points = split_items(meeting.points)
    if not points:
        sentences = re.split(r"(?<=[.!?])\s+|\n+", meeting.summary)
        points = [s.strip().rstrip(".") for s in sentences if len(s.strip()) > 3]
    points = [p.rstrip(".") for p in points[:3]]
    while len(points) < 2:
        points.append(GAPS["point"])
    return points


def _follow_through(meeting: Meeting) -> str:
    mine = [c for c in meeting.commitments if c.owner == "me"]
    if not mine:
        return ""

    def item(c) -> str:
        return c.text.rstrip(".") + (f" (by {_day(c.due_on, c.due_on)})" if c.due_on else "")

    if len(mine) == 1:
        return f"As promised, I will follow through on this: {item(mine[0])}."
    return "As promised, I will follow through on these:\n" + "\n".join(f"- {item(c)}" for c in mine)


def _lower_first(text: str) -> str:
    """``Tailor the resume`` → ``tailor the resume`` (``CV`` and ``I`` stay as they are)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def letter_values(meeting: Meeting, config: Config) -> dict[str, str]:
    """The value of every placeholder for this meeting (gaps where notes are missing)."""
    contact = Contact.get_or_none(Contact.id == meeting.contact_id)
    full_name = contact.full_name if contact else ""
    first = (contact.given_name if contact else "") or full_name.split(" ")[0]
    company = contact.company.name if contact and contact.company_id else ""
    points = _points(meeting)
    advice = "; ".join(_lower_first(item.rstrip(".")) for item in split_items(meeting.advice)[:2])
    me = config.section("me")
    my_name = me.get("name")
    my_name = my_name if isinstance(my_name, str) else ""
    return {
        "first_name": first or GAPS["first_name"],
        "full_name": full_name or GAPS["first_name"],
        "company": company or GAPS["company"],
        "kind": meeting.kind if meeting.kind != "meeting" else "conversation",
        "date": _day(meeting.local_date, pendulum.today().date()),
        "place": meeting.location,
        "points": "\n".join(f"- {p}" for p in points),
        "first_point": points[0],
        "advice": advice or GAPS["advice"],
        "resume_line": RESUME_LINE if meeting.resume_advice else "",
        "follow_through": _follow_through(meeting),
        "my_name": my_name.strip() or GAPS["my_name"],
    }


def compose(
    interaction_id: int,
    tone: str = DEFAULT_TONE,
    config: Config | None = None,
    *,
    contact_id: int | None = None,
) -> Composed:
    """Build a thank-you for a meeting in ``tone`` from its notes, to ``contact_id`` (one of
    its people; None: the first)."""
    config = config or load_config()
    meeting = get_meeting(interaction_id, contact_id)
    template, problems = load_template(tone, config)
    values = letter_values(meeting, config)
    subject, body = render(template, values)
    if not subject:
        subject, _ = render(BUILT_IN.get(tone, BUILT_IN[DEFAULT_TONE]), values)
    return Composed(tone, subject, body, problems)


def _draft(row: ThankYouDraft) -> Draft:
    return Draft(
        interaction_id=row.interaction_id,
        contact_id=row.contact_id,
        tone=row.tone,
        subject=row.subject,
        body=row.body,
        status=row.status,
        updated_at=row.updated_at,
        sent_at=row.sent_at,
    )


def _row(interaction_id: int, contact_id: int | None) -> ThankYouDraft | None:
    """The meeting's draft to ``contact_id`` (None: to its first person): one per person."""
    if contact_id is None:
        contact_id = get_meeting(interaction_id).contact_id
    return ThankYouDraft.get_or_none(
        (ThankYouDraft.interaction == interaction_id) & (ThankYouDraft.contact == contact_id)
    )


def get_draft(interaction_id: int, contact_id: int | None = None) -> Draft | None:
    """The thank-you to ``contact_id`` (None: the meeting's first person) for a meeting."""
    try:
        row = _row(interaction_id, contact_id)
    except NotFound:
        return None
    return _draft(row) if row else None


def save_draft(
    interaction_id: int,
    subject: str,
    body: str,
    tone: str = DEFAULT_TONE,
    *,
    contact_id: int | None = None,
) -> Draft:
    """Store the draft to ``contact_id`` (None: the meeting's first person) as it is now (the
    autosave); a sent letter stays marked sent."""
    subject = strip_controls(" ".join(subject.split()))
    body = strip_controls(body, multiline=True)  # an autosave: taken out, not refused
    if len(subject) > SUBJECT_MAX:
        raise ValidationError({"subject": f"The subject is at most {SUBJECT_MAX} characters."})
    if len(body) > BODY_MAX:
        raise ValidationError({"body": "The letter is too long (at most 100,000 characters)."})
    now = pendulum.now("UTC")
    with session.writing("Wrote a thank-you", kind="letter", coalesce=True) as change:
        row = _row(interaction_id, contact_id)
        if row is None:
            meeting = get_meeting(interaction_id, contact_id)
            row = ThankYouDraft(interaction=interaction_id, contact=meeting.contact_id)
        row.subject, row.body, row.tone, row.updated_at = subject, body, tone, now
        change.concern([row.contact_id])
        row.save()
    return _draft(row)


def mark_sent(interaction_id: int, contact_id: int | None = None) -> int:
    """Mark the meeting's thank-you to ``contact_id`` (None: its first person) sent and log it
    on their timeline; return that entry's id."""
    with session.writing(kind="letter") as change:
        row = _row(interaction_id, contact_id)
        if row is None:
            raise NetkeepError("There is no thank-you for this meeting yet; write one first.")
        if row.status == "sent":
            sent = f" on {row.sent_at.in_timezone(local_tz()):%d %b %Y}" if row.sent_at else ""
            raise NetkeepError(f"This thank-you was already marked sent{sent}.")
        change.default(f"Sent the thank-you to {name_of(row.contact_id)}")
        logged = interactions.log_interaction(
            InteractionInput(
                contact_ids=(row.contact_id,),
                kind="thank-you",
                direction="out",
                summary=f"Thank-you sent: {row.subject}" if row.subject else "Thank-you sent",
            )
        )
        row.status, row.sent_at = "sent", pendulum.now("UTC")
        row.save()
    return logged


def contact_email(contact_id: int) -> str:
    """The contact's first email address, or "" if they have none."""
    value = (
        ContactMethod.select(ContactMethod.value)
        .where((ContactMethod.contact == contact_id) & (ContactMethod.kind == "email"))
        .order_by(ContactMethod.position, ContactMethod.id)
        .scalar()
    )
    return value or ""


def mailto_url(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068) with subject and body; no address when ``address`` is empty."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    target = quote(address.strip(), safe="@")
    return f"mailto:{target}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def mailto_for(interaction_id: int, contact_id: int | None = None) -> str:
    draft = _require_draft(interaction_id, contact_id)
    return mailto_url(contact_email(draft.contact_id), draft.subject, draft.body)


def _require_draft(interaction_id: int, contact_id: int | None = None) -> Draft:
    draft = get_draft(interaction_id, contact_id)
    if draft is None:
        raise NotFound("There is no thank-you for this meeting yet; write one first.")
    return draft


def build_eml(draft: Draft, config: Config | None = None) -> EmailMessage:
    """The draft as an email message: To (when they have an address), From, Subject, Date."""
    config = config or load_config()
    contact = Contact.get_or_none(Contact.id == draft.contact_id)
    message = EmailMessage()
    address = contact_email(draft.contact_id)
    if address:
        message["To"] = formataddr((contact.full_name if contact else "", address))
    me = config.section("me")
    name, email = me.get("name", ""), me.get("email", "")
    if isinstance(email, str) and email.strip():
        message["From"] = formataddr((name if isinstance(name, str) else "", email.strip()))
    message["Subject"] = " ".join(draft.subject.split())
    message["Date"] = format_datetime(pendulum.DateTime.now(local_tz()))
    message["Message-ID"] = make_msgid(domain="netkeep.local")
    message["X-Unsent"] = "1"  # mail clients open it as a draft to send
    message.set_content(draft.body)
    return message


def eml_filename(draft: Draft) -> str:
    name = Contact.select(Contact.full_name).where(Contact.id == draft.contact_id).scalar() or "contact"
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "contact"
    return f"thank-you-{slug}-{pendulum.today().date().isoformat()}.eml"


def save_eml(
    interaction_id: int, path: str | Path, config: Config | None = None, *, contact_id: int | None = None
) -> Path:
    """Write the meeting's thank-you (to ``contact_id``; None: its first person) as an ``.eml``
    file; a folder gets a named file in it."""
    draft = _require_draft(interaction_id, contact_id)
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / eml_filename(draft)
    elif target.suffix.lower() != ".eml":
        target = target.with_name(target.name + ".eml")
    message = build_eml(draft, config)
    try:
        write_private_bytes(target, bytes(message))
    except OSError as error:
        raise NetkeepError(f"Cannot write {target}: {error.strerror or error}.") from None
    return target
