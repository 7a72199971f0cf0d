"""What an import changes on a contact it found: each field, from what to what.

What netkeep does not know yet is filled in; new emails, phones, tags, details and notes
are added; how and when you met stay as you wrote them. A title and company you have are
kept (and the preview says what the file had), unless the import is told to update them
(people change jobs; the old employer is then kept as a past one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netkeep.core import details as kinds
from netkeep.core.details import address_text
from netkeep.core.normalise import normalise_tag
from netkeep.core.records import ContactInput, Detail, Method, updated
from netkeep.interop.matching import company_key
from netkeep.interop.values import phone_key

#: Fields "update" replaces when the file has another value ("fill" only fills them when empty).
REPLACED = ("title", "company")
#: Fields an import fills only when netkeep has nothing yet.
FILLED = (
    "given_name",
    "family_name",
    "linkedin_url",
    "website",
    "location",
    "birthday",
    "how_met",
    "met_on",
    "met_at",
    "needs",
    "cadence_days",
    "introduced_by_id",
    "next_follow_up",
)
#: A field's name as the preview shows it, where it is not the field's own name.
NAMES = {
    "linkedin_url": "LinkedIn",
    "introduced_by_id": "introduced by",
    "next_follow_up": "next follow-up",
    "contact_type": "type",
}
SHORT = 60


@dataclass(frozen=True)
class Change:
    """One field an update changes: ``title: 'Engineer' → 'Staff Engineer'``, or values it
    adds: ``emails: + jane@new.example``."""

    field: str
    old: str
    new: str
    added: bool = False

    def __str__(self) -> str:
        if self.added:
            return f"{self.field}: + {self.new}"
        if not self.old:
            return f"{self.field}: '{self.new}' (was empty)"
        return f"{self.field}: '{self.old}' → '{self.new}'"


def _shown(value) -> str:
    """A value as the preview shows it: on one line, cut to SHORT characters."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= SHORT else text[: SHORT - 1] + "…"


def _method_key(kind: str, method: Method) -> str:
    if kind == "phones":
        return phone_key(method.value) or method.value.strip().casefold()
    return method.value.strip().casefold()


def detail_key(detail: Detail) -> tuple[str, str, str]:
    return detail.kind, detail.label.casefold(), " ".join(detail.value.split()).casefold()


def detail_text(detail: Detail) -> str:
    """A detail as the preview names it: ``address (work): 1 Lab Road, Boston``."""
    name = "card property" if detail.kind == kinds.CARD else detail.kind.replace("-", " ")
    shown = detail.label if detail.kind == kinds.CARD else ""
    value = address_text(detail.value) if detail.kind == kinds.ADDRESS else detail.value.split("\n")[0]
    label = f" ({detail.label})" if detail.label and detail.kind != kinds.CARD else ""
    return f"{name}{label}: {shown or _shown(value)}"


def merge_into(
    current: ContactInput,
    incoming: ContactInput,
    *,
    overwrite: bool = False,
    name_of: Callable[[int], str] | None = None,
) -> tuple[ContactInput, tuple[str, ...], tuple[str, ...]]:
    """``current`` with what ``incoming`` adds; each change, from what to what; and the values
    of ``incoming`` left out because netkeep has another one (``overwrite`` replaces the title
    and company instead). ``name_of`` names the contact an introducer id refers to."""
    updates: dict = {}
    changes: list[Change] = []
    left: list[str] = []

    def change(name: str, value, added: str = "") -> None:
        updates[name] = value
        label = NAMES.get(name, name.replace("_", " "))
        if added:
            changes.append(Change(label, "", added, added=True))
            return
        old, new = getattr(current, name), value
        if name == "introduced_by_id" and name_of is not None:
            old, new = (name_of(old) if old else ""), name_of(new)
        changes.append(Change(label, _shown(old), _shown(new)))

    given, have = incoming.__dict__, current.__dict__  # 30,000 records, a dozen fields each
    for name in REPLACED:
        new, old = given[name], have[name]
        same = company_key(new) == company_key(old) if name == "company" else new == old
        if new and not same:
            if overwrite or not old:
                change(name, new)
            else:
                label = NAMES.get(name, name)
                left.append(f"{label}: keeps '{_shown(old)}' (the file has '{_shown(new)}')")
    for name in FILLED:
        if given[name] and not have[name]:
            change(name, given[name])
    if incoming.contact_type != "peer" and current.contact_type == "peer":
        change("contact_type", incoming.contact_type)
    if incoming.job_search and not current.job_search:
        change("job_search", True)
    if incoming.notes and incoming.notes not in current.notes:
        change("notes", f"{current.notes}\n\n{incoming.notes}".strip(), added=f"'{_shown(incoming.notes)}'")
    for name in ("emails", "phones", "urls"):
        if not getattr(incoming, name):
            continue
        known = {_method_key(name, m) for m in getattr(current, name)}
        extra = [m for m in getattr(incoming, name) if _method_key(name, m) not in known]
        if extra:
            change(name, (*getattr(current, name), *extra), added=", ".join(m.value for m in extra))
    if incoming.tags:
        known_tags = {normalise_tag(tag) for tag in current.tags}
        new_tags = [tag for tag in incoming.tags if normalise_tag(tag) not in known_tags]
        if new_tags:
            change("tags", (*current.tags, *new_tags), added=" ".join(f"#{tag}" for tag in new_tags))
    if incoming.details:
        held = {detail_key(detail) for detail in current.details or ()}
        extra_details = [d for d in incoming.details if detail_key(d) not in held]
        if extra_details:
            added = "; ".join(detail_text(detail) for detail in extra_details[:3])
            if len(extra_details) > 3:
                added += f"; and {len(extra_details) - 3} more"
            change("details", (*(current.details or ()), *extra_details), added=added)
    return (updated(current, updates) if updates else current), tuple(map(str, changes)), tuple(left)
