"""Plain-text previews and reports of an import, shared by the command line and the app."""

from __future__ import annotations

from netkeep.interop.dedupe import Plan, Report, Step

#: How many individual updates, skips and problems a preview lists before summing up.
SHOWN = 30
SOURCE_NAMES = {"linkedin": "LinkedIn", "vcard": "vCard", "google": "Google Contacts"}


def source_name(source: str) -> str:
    return SOURCE_NAMES.get(source, source)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def step_line(step: Step) -> str:
    """One step: an update names each field it changes, from what to what, and what it leaves."""
    name = step.data.full_name
    where = step.candidate.where
    kept = f"; {'; '.join(step.kept)}" if step.kept else ""
    if step.action == "update":
        return (
            f"update  {where}: {name} → {step.existing_name} (same {step.matched_by}): "
            f"{'; '.join(step.changes)}{kept}"
        )
    if step.action == "skip":
        return f"skip    {where}: {name} — {step.reason}{kept}"
    return f"add     {where}: {name}"


def summary(plan: Plan) -> str:
    parts = [
        f"{plan.count('add')} to add",
        f"{plan.count('update')} to update",
        f"{plan.count('skip')} to skip",
    ]
    if plan.hidden:
        parts.append(f"{_plural(plan.hidden, 'hidden member')} without a name left out")
    if plan.problems:
        parts.append(f"{_plural(len(plan.problems), 'unreadable row')}")
    return ", ".join(parts)


def replaced_lines(plan: Plan, shown: int = SHOWN) -> list[str]:
    """What reading the file had to guess, and each field holding bytes that were not UTF-8
    (shown as �, so a person can fix the name after the import)."""
    lines = [f"Note: {note}." for note in plan.notes]
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
    """The preview: a summary, what the reading had to guess, then the updates and skips
    (adds are only counted)."""
    lines = [f"Preview of the {source_name(plan.source)} import: {summary(plan)}."]
    lines += replaced_lines(plan, shown)
    interesting = [step for step in plan.steps if step.action != "add"]
    lines += ["  " + step_line(step) for step in interesting[:shown]]
    if len(interesting) > shown:
        lines.append(f"  … and {len(interesting) - shown} more")
    return lines


def problem_lines(plan: Plan | Report, shown: int = SHOWN) -> list[str]:
    lines = ["  " + str(problem) for problem in plan.problems[:shown]]
    if len(plan.problems) > shown:
        lines.append(f"  … and {len(plan.problems) - shown} more")
    return lines


def report_line(report: Report) -> str:
    parts = [f"{report.added} added", f"{report.updated} updated", f"{report.skipped} skipped"]
    if report.hidden:
        parts.append(f"{_plural(report.hidden, 'hidden member')} left out")
    if report.problems:
        parts.append(f"{_plural(len(report.problems), 'unreadable row')} left out")
    return f"Imported from {source_name(report.source)}: {', '.join(parts)}."
