"""Planning an import (who is added, who is updated and how, who might be a duplicate) and
applying the plan in one go.

The plan is computed before anything is written; ``apply`` writes it in one transaction.
Who is who is decided in ``interop.matching``; what an update changes in
``interop.merging``. The same person twice in one file is folded into one contact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from netkeep.core import backups, bulk, contacts, session
from netkeep.core.records import ContactInput
from netkeep.interop.matching import Index, Keys, Match
from netkeep.interop.merging import merge_into
from netkeep.interop.parsed import ParseResult
from netkeep.interop.pause_gc import gc_paused
from netkeep.interop.records import Candidate, Kept, Problem

#: What to do with someone already in netkeep: fill in only what netkeep does not know
#: (the default: nothing you wrote is overwritten), update (fill in, and replace title and
#: company: people change jobs), skip them, or add them again.
ON_DUPLICATE = ("fill", "update", "skip", "add")


@dataclass(frozen=True)
class Step:
    """What will happen to one record of the file."""

    action: str  # "add" | "update" | "skip"
    candidate: Candidate
    data: ContactInput
    contact_id: int | None = None
    existing_name: str = ""
    #: Why it is that contact: "same email jane@x.example".
    matched_by: str = ""
    #: Each field the update changes, from what to what: ``title: 'Engineer' → 'CTO'``.
    changes: tuple[str, ...] = ()
    #: Values of the file that differ from what netkeep has and are left as they are.
    kept: tuple[str, ...] = ()
    reason: str = ""
    #: An introducer added by this same import, linked once both exist.
    link_uid: str = ""
    #: Who an added person might be (never merged by the import): "Chris Johnson (similar …)".
    maybe: str = ""


@dataclass(frozen=True)
class Plan:
    source: str
    steps: tuple[Step, ...]
    problems: tuple[Problem, ...] = ()
    hidden: int = 0
    kept: tuple[Kept, ...] = ()
    unregioned: int = 0
    #: What reading the file had to guess (its encoding), for the preview.
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
    kept: tuple[Kept, ...] = ()
    unregioned: int = 0


def plan(result: ParseResult, on_duplicate: str = "fill") -> Plan:
    """Decide, for every record, whether it is added, updates someone, or is skipped."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(on_duplicate)
    with gc_paused():
        return _plan(result, on_duplicate)


def _plan(result: ParseResult, on_duplicate: str) -> Plan:
    index = Index(phones=any(c.data.phones for c in result.candidates))
    file_uids = {c.data.uid for c in result.candidates if c.data.uid}
    steps: list[Step] = []
    kept = list(result.kept)
    current = _Current(len(result.candidates))
    #: For each update or skip of an existing contact: the contact as it is now.
    before: dict[int, ContactInput] = {}
    for number, candidate in enumerate(result.candidates):
        data, link_uid = _introducer(candidate, index, file_uids)
        keys = Keys.of(data)
        match = index.find(keys)
        if match is not None and match.ref > 0 and on_duplicate == "add":
            match = None
        if match is None:
            if data.uid and data.uid in index.by_uid:
                earlier = index.by_uid[data.uid]
                if earlier < 0:
                    where = result.candidates[-1 - earlier].where
                    kept.append(_uid_clash(candidate, where))
                data, keys.uid = replace(data, uid=""), ""
            maybe = index.suggest(keys)
            steps.append(Step("add", candidate, data, link_uid=link_uid, maybe=_maybe(maybe, index, result)))
            index.add(-1 - number, keys)
            continue
        owner = index.claimed.get(match.ref) if match.ref > 0 else -1 - match.ref
        if owner is not None:  # the same person as an earlier record of this file
            steps[owner] = _folded(steps[owner], data, before, on_duplicate, index)
            index.absorb(match.ref, keys)
            reason = f"same person as {steps[owner].candidate.where} ({match.why}); folded into it"
            steps.append(Step("skip", candidate, data, reason=reason))
            continue
        index.claimed[match.ref] = number
        if on_duplicate == "skip":
            steps.append(_skip(candidate, data, match, index, "already there"))
            continue
        before[match.ref] = existing = current.input(match.ref)
        merged, changes, left = merge_into(
            existing, data, overwrite=on_duplicate == "update", name_of=index.name_of
        )
        index.absorb(match.ref, keys)
        if changes:
            link = link_uid if merged.introduced_by_id is None else ""
            why = match.why
            steps.append(
                Step(
                    "update",
                    candidate,
                    merged,
                    match.ref,
                    existing.full_name,
                    why,
                    changes,
                    left,
                    link_uid=link,
                )
            )
        else:
            steps.append(_skip(candidate, merged, match, index, "nothing new", left))
    return Plan(
        result.source,
        tuple(steps),
        tuple(result.problems),
        result.hidden,
        tuple(kept),
        result.unregioned,
        tuple(result.notes),
    )


def _folded(
    step: Step, data: ContactInput, before: dict[int, ContactInput], on_duplicate: str, index: Index
) -> Step:
    """``step`` with a later record of the same person folded into it."""
    if step.contact_id is not None and on_duplicate == "skip":
        return step
    overwrite = on_duplicate == "update"
    merged = merge_into(step.data, data, overwrite=overwrite or step.contact_id is None)[0]
    if step.contact_id is None:
        return replace(step, data=merged)
    _, changes, left = merge_into(before[step.contact_id], merged, overwrite=overwrite, name_of=index.name_of)
    return replace(
        step,
        action="update" if changes else "skip",
        data=merged,
        changes=changes,
        kept=left,
        reason="" if changes else step.reason,
    )


def _skip(
    candidate: Candidate,
    data: ContactInput,
    match: Match,
    index: Index,
    what: str,
    left: tuple[str, ...] = (),
) -> Step:
    name = index.people[match.ref].name
    return Step(
        "skip", candidate, data, match.ref, name, match.why, kept=left, reason=f"{what} ({match.why})"
    )


def _uid_clash(candidate: Candidate, where: str) -> Kept:
    return Kept(
        candidate.line,
        "card UID",
        candidate.data.uid,
        f"is also the UID of another person's card ({where}); this one gets a new UID",
        candidate.file,
    )


def _maybe(match: Match | None, index: Index, result: ParseResult) -> str:
    if match is None:
        return ""
    name = index.people[match.ref].name
    if match.ref < 0:
        return f"{name} of {result.candidates[-1 - match.ref].where} ({match.why})"
    return f"{name} ({match.why})"


class _Current:
    """Existing contacts as they are now: one by one for a few, all in one go for many."""

    #: Past this many records in the file, every contact is read at once.
    BULK_AFTER = 200

    def __init__(self, records: int) -> None:
        self.loaded: dict[int, ContactInput] | None = None
        if records > self.BULK_AFTER:
            from netkeep.core.exports import load_inputs

            self.loaded = load_inputs()

    def input(self, contact_id: int) -> ContactInput:
        if self.loaded is not None:
            return self.loaded[contact_id]
        return contacts.get_card(contact_id).to_input()


def _introducer(candidate: Candidate, index: Index, file_uids: set[str]) -> tuple[ContactInput, str]:
    """Resolve 'introduced by' to an existing contact, or to a card of this same import."""
    data = candidate.data
    uid = candidate.introducer_uid
    if not uid and not candidate.introducer_name:
        return data, ""
    if uid and index.by_uid.get(uid, -1) > 0:
        return replace(data, introduced_by_id=index.by_uid[uid]), ""
    if uid and uid in file_uids:
        return data, uid
    from netkeep.interop.matching import name_key

    same_name = [ref for ref in index.by_name.get(name_key(candidate.introducer_name), ()) if ref > 0]
    if candidate.introducer_name and len(same_name) == 1:
        return replace(data, introduced_by_id=same_name[0]), ""
    return data, ""


SOURCES = {"linkedin": "LinkedIn", "google": "Google", "outlook": "Outlook", "vcard": "vCard"}


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
    with gc_paused(), session.writing(kind="import") as change:
        change.default(_summary(plan, file_name))
        # Every record passed validate() when it was read (ParseResult.add).
        ids = bulk.add_contacts([step.data for step in adds], report_adds, checked=True, imported=True)
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
        plan.source,
        len(adds),
        len(updates),
        plan.count("skip"),
        plan.problems,
        plan.hidden,
        tuple(ids),
        plan.kept,
        plan.unregioned,
    )
