"""Preparing to meet someone again: what you learned, what is covered, what is still open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from netkeep.core import contacts
from netkeep.core.commitments import CommitmentRecord, add_commitment, open_commitments
from netkeep.core.dates import format_date
from netkeep.core.errors import NetkeepError
from netkeep.core.meetings import Meeting, list_meetings, split_items
from netkeep.core.private_files import write_private_bytes

NEXT_STEP_GAP = "[the next step you will propose: an introduction, a project, a next meeting]"


@dataclass(frozen=True)
class PrepBrief:
    """Everything to read before meeting a contact again."""

    contact_id: int
    name: str
    headline: str  # "Staff Engineer, Stripe"
    needs: str
    last: Meeting | None
    meetings: int
    learned: tuple[str, ...]  # points, advice and summary of the last meeting
    covered: tuple[str, ...]  # every point covered in any meeting, newest first, no repeats
    mine: tuple[CommitmentRecord, ...]
    theirs: tuple[CommitmentRecord, ...]


def build_brief(contact_id: int) -> PrepBrief:
    """The second-meeting brief for a contact (also for one never met: then it says so)."""
    card = contacts.get_card(contact_id)
    meetings = list_meetings(contact_id)
    last = meetings[0] if meetings else None
    learned: list[str] = []
    if last is not None:
        learned += [f"They covered: {p}" for p in split_items(last.points)]
        learned += [f"Their advice: {a}" for a in split_items(last.advice)]
        if last.resume_advice:
            learned.append("They gave advice on your resume.")
        if last.summary.strip():
            learned.append(f"Your notes: {' '.join(last.summary.split())}")
    covered: list[str] = []
    seen = set()
    for meeting in meetings:
        for point in split_items(meeting.points):
            key = point.casefold()
            if key not in seen:
                seen.add(key)
                covered.append(point)
    commitments = open_commitments(contact_id)
    return PrepBrief(
        contact_id=contact_id,
        name=card.full_name,
        headline=", ".join(part for part in (card.title, card.company) if part),
        needs=card.needs,
        last=last,
        meetings=len(meetings),
        learned=tuple(learned),
        covered=tuple(covered),
        mine=tuple(c for c in commitments if c.owner == "me"),
        theirs=tuple(c for c in commitments if c.owner == "them"),
    )


def _commitment_line(item: CommitmentRecord) -> str:
    due = f" (due {format_date(item.due_on)})" if item.due_on else ""
    return f"- [ ] {item.text}{due}"


def to_markdown(brief: PrepBrief, next_step: str = "") -> str:
    """The brief as a Markdown document."""
    lines = [f"# Meeting {brief.name} again", ""]
    if brief.headline:
        lines += [f"*{brief.headline}*", ""]
    if brief.last is None:
        lines += ["You have not logged a meeting with them yet.", ""]
    else:
        where = f" at {brief.last.location}" if brief.last.location else ""
        lines += [
            f"Last met: {brief.last.kind} on {format_date(brief.last.occurred_at)}{where} "
            f"({brief.meetings} meeting{'s' if brief.meetings != 1 else ''} so far).",
            "",
        ]
    sections = [
        ("What I learned last time", [f"- {item}" for item in brief.learned]),
        ("Already covered (bring something fresh)", [f"- {item}" for item in brief.covered]),
        ("What I promised", [_commitment_line(c) for c in brief.mine]),
        ("What they promised", [_commitment_line(c) for c in brief.theirs]),
        ("What they need", [brief.needs.strip()] if brief.needs.strip() else []),
    ]
    for title, body in sections:
        lines += [f"## {title}", ""] + (body or ["- (nothing noted)"]) + [""]
    lines += ["## Next step I will propose", "", next_step.strip() or NEXT_STEP_GAP, ""]
    return "\n".join(lines)


def save_next_step(contact_id: int, text: str) -> int:
    """Keep the next step as my commitment to this contact (tied to the last meeting)."""
    meetings = list_meetings(contact_id)
    return add_commitment(
        text, owner="me", contact_id=contact_id, interaction_id=meetings[0].id if meetings else None
    )


def export_markdown(contact_id: int, path: str | Path, next_step: str = "") -> Path:
    """Write the brief to ``path`` (a folder gets ``prep-<name>.md``); return the file written."""
    brief = build_brief(contact_id)
    target = Path(path).expanduser()
    if target.is_dir():
        slug = "-".join(brief.name.casefold().split()) or "contact"
        target = target / f"prep-{''.join(ch for ch in slug if ch.isalnum() or ch == '-')}.md"
    try:
        write_private_bytes(target, to_markdown(brief, next_step).encode("utf-8"))
    except OSError as error:
        raise NetkeepError(f"Cannot write {target}: {error.strerror or error}.") from None
    return target
