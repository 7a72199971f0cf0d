"""Finding who is already there, planning an import, and applying the plan in one go.

A candidate matches an existing contact by (in this order) the same card UID, the same
LinkedIn profile, the same email address, or a close name at the same company. The
plan is computed before anything is written; ``apply`` writes it in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from netkeep.core import backups, bulk, contacts, session
from netkeep.core.match_keys import contact_keys, email_addresses
from netkeep.core.normalise import normalise_company as _normalise_company
from netkeep.core.normalise import normalise_tag
from netkeep.core.records import ContactInput, Method
from netkeep.interop.records import Candidate, ParseResult, Problem, linkedin_key

#: What to do with someone already in netkeep: fill in only what netkeep does not know
#: (the default: nothing you wrote is overwritten), update (fill in, and replace title and
#: company: people change jobs), skip them, or add them again.
ON_DUPLICATE = ("fill", "update", "skip", "add")
normalise_company = lru_cache(maxsize=8192)(_normalise_company)
#: How close two names at one company must be (rapidfuzz token-sort ratio, 0–100).
NAME_SCORE = 90
#: Fields "update" replaces when the file has another value ("fill" only fills them when empty).
REPLACED = ("title", "company")
#: How the preview names a field, where it is not the field's own name.
FIELD_NAMES = {"linkedin_url": "LinkedIn", "introduced_by_id": "introduced by", "contact_type": "type"}
#: How much of a value the preview shows.
SHOWN_CHARS = 60
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
)


@dataclass(frozen=True)
class Step:
    """What will happen to one candidate."""

    action: str  # "add" | "update" | "skip"
    candidate: Candidate
    data: ContactInput
    contact_id: int | None = None
    existing_name: str = ""
    matched_by: str = ""
    #: Each field the update changes, from what to what: ``title: 'Engineer' → 'CTO'``.
    changes: tuple[str, ...] = ()
    #: Values of the file that differ from what netkeep has and are left as they are.
    kept: tuple[str, ...] = ()
    reason: str = ""
    #: An introducer added by this same import, linked once both exist.
    link_uid: str = ""


@dataclass(frozen=True)
class Plan:
    source: str
    steps: tuple[Step, ...]
    problems: tuple[Problem, ...] = ()
    hidden: int = 0
    notes: tuple[str, ...] = ()

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action)


@dataclass(frozen=True)
class Report:
    source: str
    added: int
    updated: int
    skipped: int
    problems: tuple[Problem, ...] = ()
    hidden: int = 0
    added_ids: tuple[int, ...] = field(default=(), repr=False)


class _Index:
    """Existing contacts by UID, LinkedIn profile, email and company (plus this import's rows)."""

    def __init__(self) -> None:
        self.uids: dict[str, int] = {}
        self.linkedin: dict[str, int] = {}
        self.emails: dict[str, int] = {}
        self.by_company: dict[str, list[tuple[str, int, str]]] = {}
        self.names: dict[int, str] = {}
        self.exact_names: dict[str, list[int]] = {}
        for contact_id, uid, name, linkedin, key in contact_keys():
            self.names[contact_id] = name
            self.exact_names.setdefault(name.casefold(), []).append(contact_id)
            self.remember(contact_id, uid, linkedin, (), key or "", name)
        for contact_id, value in email_addresses():
            self.emails.setdefault(value.strip().casefold(), contact_id)

    def remember(self, ref: int, uid: str, linkedin: str, emails, company_key: str, name: str) -> None:
        if uid:
            self.uids.setdefault(uid, ref)
        if linkedin:
            self.linkedin.setdefault(linkedin_key(linkedin), ref)
        for email in emails:
            self.emails.setdefault(email.strip().casefold(), ref)
        if company_key:
            profile = linkedin_key(linkedin) if linkedin else ""
            self.by_company.setdefault(company_key, []).append((name, ref, profile))

    def find(self, data: ContactInput) -> tuple[int, str] | None:
        if data.uid and data.uid in self.uids:
            return self.uids[data.uid], "card UID"
        if data.linkedin_url and linkedin_key(data.linkedin_url) in self.linkedin:
            return self.linkedin[linkedin_key(data.linkedin_url)], "LinkedIn profile"
        for method in data.emails:
            ref = self.emails.get(method.value.strip().casefold())
            if ref is not None:
                return ref, f"email {method.value}"
        key = normalise_company(data.company)
        if key and key in self.by_company:
            from rapidfuzz import fuzz, process, utils

            # Two different LinkedIn profiles are two people, however alike the names.
            profile = linkedin_key(data.linkedin_url) if data.linkedin_url else ""
            people = [p for p in self.by_company[key] if not (profile and p[2] and p[2] != profile)]
            best = process.extractOne(
                data.full_name,
                [name for name, _, _ in people],
                scorer=fuzz.token_sort_ratio,
                processor=utils.default_process,
                score_cutoff=NAME_SCORE,
            )
            if best:
                return people[best[2]][1], f"name at {data.company}"
        return None


def plan(result: ParseResult, on_duplicate: str = "fill") -> Plan:
    """Decide, for every candidate, whether it is added, updates someone, or is skipped."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(on_duplicate)
    index = _Index()
    file_uids = {c.data.uid for c in result.candidates if c.data.uid}
    steps: list[Step] = []
    current = _Current()
    for number, candidate in enumerate(result.candidates):
        data, link_uid = _introducer(candidate, index, file_uids)
        match = index.find(data)
        if match is None or (match[0] >= 0 and on_duplicate == "add"):
            if match is not None and data.uid in index.uids:
                data = replace(data, uid="")
            steps.append(Step("add", candidate, data, link_uid=link_uid))
            index.remember(
                -1 - number,
                data.uid,
                data.linkedin_url,
                [m.value for m in data.emails],
                normalise_company(data.company),
                data.full_name,
            )
            continue
        ref, how = match
        if ref < 0:
            earlier = result.candidates[-1 - ref]
            steps.append(
                Step(
                    "skip", candidate, data, matched_by=how, reason=f"same person as {earlier.where} ({how})"
                )
            )
            continue
        existing = index.names.get(ref, "")
        if on_duplicate == "skip":
            steps.append(
                Step("skip", candidate, data, ref, existing, how, reason=f"already there (same {how})")
            )
            continue
        merged, changes, kept = merge_into(
            current.input(ref), data, overwrite=on_duplicate == "update", names=index.names
        )
        if changes:
            steps.append(
                Step(
                    "update",
                    candidate,
                    merged,
                    ref,
                    existing,
                    how,
                    tuple(changes),
                    tuple(kept),
                    link_uid=link_uid if merged.introduced_by_id is None else "",
                )
            )
        else:
            steps.append(
                Step(
                    "skip",
                    candidate,
                    data,
                    ref,
                    existing,
                    how,
                    kept=tuple(kept),
                    reason=f"nothing new (same {how})",
                )
            )
    return Plan(result.source, tuple(steps), tuple(result.problems), result.hidden, tuple(result.notes))


class _Current:
    """Existing contacts as form input: one by one for a few, all in one go for many."""

    #: Past this many lookups, every contact is read at once.
    BULK_AFTER = 200

    def __init__(self) -> None:
        self.lookups = 0
        self.loaded: dict[int, ContactInput] | None = None

    def input(self, contact_id: int) -> ContactInput:
        self.lookups += 1
        if self.loaded is None and self.lookups > self.BULK_AFTER:
            from netkeep.core.exports import load_contacts

            self.loaded = {c.id: c.to_input() for c in load_contacts()}
        if self.loaded is not None:
            return self.loaded[contact_id]
        return contacts.get_card(contact_id).to_input()


def _introducer(candidate: Candidate, index: _Index, file_uids: set[str]) -> tuple[ContactInput, str]:
    """Resolve 'introduced by' to an existing contact, or to a card of this same import."""
    data = candidate.data
    uid = candidate.introducer_uid
    if uid and uid in index.uids and index.uids[uid] >= 0:
        return replace(data, introduced_by_id=index.uids[uid]), ""
    if uid and uid in file_uids:
        return data, uid
    same_name = index.exact_names.get(candidate.introducer_name.casefold(), [])
    if candidate.introducer_name and len(same_name) == 1:
        return replace(data, introduced_by_id=same_name[0]), ""
    return data, ""


def _method_key(method: Method) -> str:
    return method.value.strip().casefold()


def _shown(value) -> str:
    """A value as the preview shows it: on one line, cut to SHOWN_CHARS."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = " ".join(str(value).split()) if value is not None else ""
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _field(name: str) -> str:
    return FIELD_NAMES.get(name, name.replace("_", " "))


def merge_into(
    current: ContactInput,
    incoming: ContactInput,
    *,
    overwrite: bool = False,
    names: Mapping[int, str] | None = None,
) -> tuple[ContactInput, list[str], list[str]]:
    """``current`` with what ``incoming`` adds; each change, from what to what; and the values
    of ``incoming`` left out because netkeep has another one (``overwrite`` replaces the
    title and company instead). ``names`` names the contacts an introducer id refers to."""
    updates: dict = {}
    changes: list[str] = []
    kept: list[str] = []

    def change(name: str, value, added: str = "") -> None:
        updates[name] = value
        old = _shown(getattr(current, name))
        if name == "introduced_by_id":
            value = (names or {}).get(value, "a contact")
        if added:
            changes.append(f"{_field(name)}: + {added}")
        elif old:
            changes.append(f"{_field(name)}: '{old}' → '{_shown(value)}'")
        else:
            changes.append(f"{_field(name)}: '{_shown(value)}' (was empty)")

    for name in REPLACED:
        new, old = getattr(incoming, name), getattr(current, name)
        same = (normalise_company(new) == normalise_company(old)) if name == "company" else new == old
        if new and not same:
            if overwrite or not old:
                change(name, new)
            else:
                kept.append(f"{_field(name)}: keeps '{_shown(old)}' (the file has '{_shown(new)}')")
    for name in FILLED:
        if getattr(incoming, name) and not getattr(current, name):
            change(name, getattr(incoming, name))
    if incoming.contact_type != "peer" and current.contact_type == "peer":
        change("contact_type", incoming.contact_type)
    if incoming.job_search and not current.job_search:
        change("job_search", True)
    if incoming.next_follow_up and not current.next_follow_up:
        change("next_follow_up", incoming.next_follow_up)
    if incoming.notes and incoming.notes not in current.notes:
        change("notes", f"{current.notes}\n\n{incoming.notes}".strip(), added=f"'{_shown(incoming.notes)}'")
    for name in ("emails", "phones", "urls"):
        known = {_method_key(m) for m in getattr(current, name)}
        extra = [m for m in getattr(incoming, name) if _method_key(m) not in known]
        if extra:
            change(
                name, tuple(getattr(current, name)) + tuple(extra), added=", ".join(m.value for m in extra)
            )
    known_tags = {normalise_tag(tag) for tag in current.tags}
    new_tags = [tag for tag in incoming.tags if normalise_tag(tag) not in known_tags]
    if new_tags:
        change("tags", tuple(current.tags) + tuple(new_tags), added=" ".join(f"#{tag}" for tag in new_tags))
    return (replace(current, **updates) if updates else current), changes, kept


SOURCES = {"linkedin": "LinkedIn", "google": "Google", "vcard": "vCard"}


def _summary(plan: Plan, file_name: str) -> str:
    """``Imported 212 contacts from Connections.csv`` (and how many it updated)."""
    added, updated = plan.count("add"), plan.count("update")
    parts = [f"{added} contact{'s' if added != 1 else ''}"] if added else []
    if updated:
        parts.append(f"updated {updated}")
    source = file_name or SOURCES.get(plan.source, plan.source)
    return f"Imported {' and '.join(parts) or 'nothing'} from {source}"


def _updated_id(step: Step) -> int:
    """The contact an update step changes: plan() always names it."""
    assert step.contact_id is not None
    return step.contact_id


def apply(plan: Plan, progress: Callable[[int, int], None] | None = None, *, file_name: str = "") -> Report:
    """Write the plan in one transaction, one change in the history named for ``file_name``:
    all of it, or (on any error) none of it."""
    adds = [step for step in plan.steps if step.action == "add"]
    updates = [step for step in plan.steps if step.action == "update"]
    total = len(adds) + len(updates)

    def report_adds(done: int, _total: int) -> None:
        if progress:
            progress(done, total)

    backups.before("import")
    with session.writing(kind="import") as change:
        change.default(_summary(plan, file_name))
        # Every candidate passed validate() when it was read (ParseResult.add).
        ids = bulk.add_contacts([step.data for step in adds], report_adds, checked=True)
        for number, step in enumerate(updates, start=1):
            contacts.update_contact(_updated_id(step), step.data)
            if progress and (number % 100 == 0 or number == len(updates)):
                progress(len(adds) + number, total)
        links = [
            (contact_id, step.link_uid) for step, contact_id in zip(adds, ids, strict=True) if step.link_uid
        ]
        links += [(_updated_id(step), step.link_uid) for step in updates if step.link_uid]
        bulk.link_introducers(links)
    return Report(
        plan.source, len(adds), len(updates), plan.count("skip"), plan.problems, plan.hidden, tuple(ids)
    )
