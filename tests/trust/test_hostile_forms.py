"""Hostile input through the app's forms (quick capture, the contact form, the log form),
typed key by key and pasted: each field keeps what was typed or pasted (a one-line field
keeps the first line of a paste); a save stores it (after the field's tidying) or the form
stays open and says why under the field; never a crash.

The short form puts a few strings of each kind into three fields (an input of each form
and the contact's notes); the long form, the whole corpus into every field listed."""

from __future__ import annotations

import pytest

from netkeep.core import contacts
from netkeep.core.records import ContactInput
from netkeep.store.database import open_database
from trust.corpus import CORPUS, LINE_CONTROL, SURROGATE, names
from trust.formdriver import FIELDS, drive
from trust.oracle import NAME_MAX, REFUSED, STORED, STRIPPED, tally, verdict
from trust.scale import SCALE

#: field -> (what a save keeps of the field's text, several lines allowed?, longest kept)
KEPT = {
    "capture-name": (lambda t: " ".join(t.split()), False, NAME_MAX),
    "capture-note": (str.rstrip, True, 100_000),
    "contact-name": (lambda t: " ".join(t.split()), False, NAME_MAX),
    "contact-notes": (str.rstrip, True, 100_000),
    "log-summary": (str.strip, True, 100_000),
}
#: The short form's strings: a few of each kind (typing 5,000 keys is for the long form).
SHORT_FORMS = {
    "typed": ("combining", "zwj"),
    "pasted": ("markup", "zwj", "osc-title", "invalid-utf8"),
}
SHORT_FIELDS = ("capture-name", "contact-notes", "log-summary")


def group(name: str) -> str:
    """plain: every character printable; invisible: format characters such as ZWJ or a
    direction mark; controls: control characters, line breaks, tabs; not-utf8."""
    text = CORPUS[name]
    if SURROGATE.search(text):
        return "not-utf8"
    if LINE_CONTROL.search(text):
        return "controls"
    if not text.replace(" ", "").isprintable():
        return "invisible"
    return "plain"


GROUPS = {
    "typed": ("plain", "invisible"),  # controls and undecodable bytes are not keys one types
    "pasted": ("plain", "invisible", "controls", "not-utf8"),
}
DEFECTS = {
    (
        "typed",
        "invisible",
    ): "Textual's Input drops characters str.isprintable() rejects (ZWJ, ZWNJ, direction marks)",
    (
        "pasted",
        "not-utf8",
    ): "undecodable bytes pasted into a form fail as a storage error, not a message under the field",
}


def _strings(mode: str, kind: str) -> list[str]:
    chosen = names(True) if SCALE.full_corpus else SHORT_FORMS[mode]
    return [n for n in chosen if group(n) == kind]


def _fields() -> tuple[str, ...]:
    return tuple(FIELDS) if SCALE.full_corpus else SHORT_FIELDS


def _params():
    for mode, kinds in GROUPS.items():
        for kind in kinds:
            for field in _fields():
                defect = DEFECTS.get((mode, kind))
                if (mode, kind, field) == ("pasted", "controls", "log-summary"):
                    defect = "the log form stores control characters"
                marks = [pytest.mark.xfail(strict=True, reason=f"trustfix: {defect}")] if defect else []
                yield pytest.param(mode, kind, field, id=f"{mode}-{kind}-{field}", marks=marks)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """What happened to each string in each field, by mode: the app is run once per mode
    (lazily, by the first test that needs it)."""
    done: dict[str, dict] = {}

    async def of(mode: str) -> dict:
        if mode not in done:
            db = tmp_path_factory.mktemp(f"forms-{mode}") / "netkeep.db"
            database = open_database(db)
            try:
                target = contacts.create_contact(ContactInput(full_name="Aaron Form Target"))
                cells = [
                    (field, n) for kind in GROUPS[mode] for field in _fields() for n in _strings(mode, kind)
                ]
                done[mode] = await drive(db, target, cells, CORPUS, mode)
            finally:
                database.close()
        return done[mode]

    return of


def _held_as_entered(mode: str, field: str, text: str, held: str) -> bool:
    if mode == "typed":
        return held == text
    if field == "contact-notes":  # a text area keeps every line
        return held.splitlines() == text.splitlines()
    return held == (text.splitlines() or [""])[0]  # an input keeps the first line of a paste


@pytest.mark.parametrize(("mode", "kind", "field"), list(_params()))
async def test_a_form_keeps_hostile_text_or_says_why(outcomes, mode, kind, field):
    results = await outcomes(mode)
    kept, multiline, limit = KEPT[field]
    problems = {}
    for name in _strings(mode, kind):
        outcome = results.get((field, name))
        if outcome is None or outcome.crashed:
            problems[name] = outcome.crashed if outcome else "never reached (the app stopped before)"
            tally(traceback=True, leaked=False, mismatch=False)
            continue
        wrong = []
        if not _held_as_entered(mode, field, CORPUS[name], outcome.held or ""):
            wrong.append(f"the field held {outcome.held[:60]!r}")
        said = verdict(outcome.stored, outcome.held or "", kept, multiline=multiline, limit=limit)
        if said == REFUSED and not outcome.message:
            wrong.append(f"refused without a word under the field ({outcome.notified or 'nor elsewhere'})")
        elif said not in (REFUSED, STORED, STRIPPED):
            wrong.append(said)
        tally(traceback=False, leaked=False, mismatch=bool(wrong))
        if wrong:
            problems[name] = wrong
    assert not problems, problems
