"""Plain-text previews and reports of an import, shared by the command line and the app."""

from __future__ import annotations

from netkeep.interop.dedupe import Plan, Report, Step

#: How many individual updates, skips, odd values and problems a preview lists.
SHOWN = 30
SOURCE_NAMES = {"linkedin": "LinkedIn", "vcard": "vCard", "google": "Google Contacts", "outlook": "Outlook"}


def source_name(source: str) -> str:
    return SOURCE_NAMES.get(source, source)


def _plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"


def step_line(step: Step) -> str:
    """One step: an update names the contact it updates and why, each field it changes,
    from what to what, and what it leaves as it is."""
    name = step.data.full_name if step.action != "skip" else step.candidate.data.full_name
    where = step.candidate.where
    left = f"; {'; '.join(step.kept)}" if step.kept else ""
    if step.action == "update":
        changes = "; ".join(step.changes)
        existing = f"the existing {step.existing_name} ({step.matched_by})"
        return f"update  {where}: {name} → {existing}: {changes}{left}"
    if step.action == "skip":
        return f"skip    {where}: {name} — {step.reason}{left}"
    if step.maybe:
        return f"add     {where}: {name} — possible duplicate of {step.maybe}; added as a new contact"
    return f"add     {where}: {name}"


def _listed(step: Step) -> bool:
    """Updates, possible duplicates, folded records and values left as they are are listed;
    plain adds and records with nothing new are only counted."""
    if step.action == "add":
        return bool(step.maybe)
    return not (step.action == "skip" and step.reason.startswith("nothing new") and not step.kept)


def summary(plan: Plan) -> str:
    parts = [
        f"{plan.count('add')} to add",
        f"{plan.count('update')} to update",
        f"{plan.count('skip')} to skip",
    ]
    maybe = sum(1 for step in plan.steps if step.maybe)
    if maybe:
        parts.append(_plural(maybe, "possible duplicate"))
    if plan.kept:
        parts.append(_plural(len(plan.kept), "odd value", "odd values") + " kept as typed")
    if plan.hidden:
        parts.append(f"{_plural(plan.hidden, 'hidden member')} without a name left out")
    if plan.problems:
        parts.append(_plural(len(plan.problems), "unreadable record"))
    return ", ".join(parts)


def replaced_lines(plan: Plan, shown: int = SHOWN) -> list[str]:
    """What reading the file had to guess, and each field holding bytes that were not UTF-8
    (shown as �, so a person can fix the name after the import)."""
    lines = [f"Note: {note}." for note in plan.notes]
    if not plan.notes:  # only a guessed decoding puts a � in a field: no need to look
        return lines
    fields = [
        f"  {step.candidate.where}, {name.replace('_', ' ')}: {_cut(_text(value))}"
        for step in plan.steps
        for name, value in vars(step.candidate.data).items()
        if "\ufffd" in _text(value)
    ]
    lines += fields[:shown]
    if len(fields) > shown:
        lines.append(f"  … and {len(fields) - shown} more")
    return lines


def _cut(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _text(value: object) -> str:
    """A field's text: itself, a Method's value, tags joined; "" for dates and numbers."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return " ".join(_text(item) for item in value)
    text = getattr(value, "value", "")
    return text if isinstance(text, str) else ""


def preview_lines(plan: Plan, shown: int = SHOWN) -> list[str]:
    """The preview: a summary, what the reading had to guess, then the updates (which fields
    change, from what to what), possible duplicates and folded records, then the odd values
    kept as typed."""
    lines = [f"Preview of the {source_name(plan.source)} import: {summary(plan)}."]
    lines += replaced_lines(plan, shown)
    listed = [step for step in plan.steps if _listed(step)]
    lines += ["  " + step_line(step) for step in listed[:shown]]
    if len(listed) > shown:
        lines.append(f"  … and {len(listed) - shown} more")
    lines += kept_lines(plan, shown)
    return lines


def kept_lines(plan: Plan | Report, shown: int = SHOWN) -> list[str]:
    """Odd values, each with its line, field and value, and where it went."""
    lines = []
    if plan.kept:
        lines.append("Odd values, kept as typed (everyone is imported):")
        lines += ["  " + str(kept) for kept in plan.kept[:shown]]
        if len(plan.kept) > shown:
            lines.append(f"  … and {len(plan.kept) - shown} more")
    if plan.unregioned:
        lines.append(
            f"{_plural(plan.unregioned, 'phone number')} without a country code kept as typed; "
            "to have them read as one country's, add region = \"US\" (your country's code) "
            "under [import] in config.toml"
        )
    return lines


def problem_lines(plan: Plan | Report, shown: int = SHOWN) -> list[str]:
    lines = ["  " + str(problem) for problem in plan.problems[:shown]]
    if len(plan.problems) > shown:
        lines.append(f"  … and {len(plan.problems) - shown} more")
    return lines


def report_line(report: Report) -> str:
    parts = [f"{report.added} added", f"{report.updated} updated", f"{report.skipped} skipped"]
    if report.kept:
        parts.append(f"{_plural(len(report.kept), 'odd value')} kept as typed")
    if report.hidden:
        parts.append(f"{_plural(report.hidden, 'hidden member')} left out")
    if report.problems:
        parts.append(f"{_plural(len(report.problems), 'unreadable record')} left out")
    return f"Imported from {source_name(report.source)}: {', '.join(parts)}."
