"""What netkeep prints and exports of hostile text already in the database (as an older
version or another program may have left it): the commands show it literally, control
characters as visible symbols and never raw; every export carries it exactly."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from contextlib import closing

import pytest

from trust.corpus import CORPUS, LINE_CONTROL, names
from trust.display import marker_shown, shown_literally
from trust.legacy import hostile_network, storable_names
from trust.oracle import tally
from trust.procs import run_main
from trust.readers import values
from trust.scale import SCALE

NAMES = storable_names(names(SCALE.full_corpus))
DISPLAY_DEFECT = "trustfix: the command line shows stored control characters raw or drops them"


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """Databases holding the corpus, one per use and group of strings (all of them, the ones
    with control characters, the others): (use, group) -> (path, ids by string name)."""
    made: dict[tuple[str, str], tuple] = {}

    def database(kind: str, group: str = "all"):
        if (kind, group) not in made:
            db = tmp_path_factory.mktemp(f"legacy-{kind}-{group}") / "netkeep.db"
            made[kind, group] = db, hostile_network(db, NAMES if group == "all" else _group(group))
        return made[kind, group]

    return database


def _shown(output: str, required: bool, names: list[str]) -> list[str]:
    """The strings shown wrongly: controls raw or dropped, markup read as markup; with
    ``required`` every string must be there (else only those whose marker is)."""
    wrong = []
    for name in names:
        text = CORPUS[name]
        if not required and not marker_shown(text, output):
            continue
        if not shown_literally(text, output):
            wrong.append(name)
    return wrong


def _group(group: str) -> list[str]:
    """The corpus strings with control characters (line breaks and tabs too), or the others."""
    return [name for name in NAMES if bool(LINE_CONTROL.search(CORPUS[name])) == (group == "controls")]


LISTINGS = [(["find"], True), (["due"], False)]


@pytest.mark.parametrize(
    ("command", "required", "group"),
    [
        pytest.param(command, required, group, id=f"{command[0]}-{group}", marks=marks)
        for command, required in LISTINGS
        for group, marks in (
            ("plain", ()),
            ("controls", pytest.mark.xfail(strict=True, reason=DISPLAY_DEFECT)),
        )
    ],
)
def test_listings_show_stored_text_literally(legacy, command, required, group):
    """``find`` lists everyone; ``due`` shows the first few of each section."""
    db, _ = legacy("listings", group)
    result = run_main(["--db", str(db), *command])
    wrong = _shown(result.out, required, _group(group))
    for name in _group(group):
        tally(traceback=result.traceback, leaked=result.leaks_controls, mismatch=name in wrong)
    assert not result.traceback and result.code == 0, result
    assert not result.leaks_controls, "control characters sent to the terminal"
    assert not wrong, f"not shown literally: {wrong}"


@pytest.mark.parametrize(
    "group",
    ["plain", pytest.param("controls", marks=pytest.mark.xfail(strict=True, reason=DISPLAY_DEFECT))],
)
def test_the_log_confirmation_shows_the_name_literally(legacy, group):
    """``Logged note with NAME``: the stored name as it is (``controls``: the strings with
    control characters, line breaks or tabs, which must show as visible symbols)."""
    db, ids = legacy("log", group)
    wrong = {}
    for name in _group(group):
        result = run_main(["--db", str(db), "log", f"#{ids[name]}", "hello"])
        line = result.out.splitlines()[0] if result.out else ""
        ok = result.code == 0 and not result.leaks_controls and shown_literally(CORPUS[name], line)
        tally(traceback=result.traceback, leaked=result.leaks_controls, mismatch=not ok)
        if not ok:
            wrong[name] = str(result)
    assert not wrong, wrong


@pytest.mark.parametrize("command", [["find", "--json"], ["due", "--json"]], ids=["find-json", "due-json"])
def test_json_output_carries_stored_text_exactly(legacy, command):
    db, _ = legacy("listings")
    result = run_main(["--db", str(db), *command])
    assert result.code == 0 and not result.traceback, result
    data = json.loads(result.out)
    if command[0] == "find":
        found = {entry["name"] for entry in data}
    else:
        found = {item["contact"] for items in data["sections"].values() for item in items}
    missing = [name for name in NAMES if CORPUS[name] not in found]
    for name in NAMES:
        tally(traceback=False, leaked=False, mismatch=name in missing)
    assert not missing


def _export(db, kind: str, tmp_path, *extra: str) -> str:
    target = tmp_path / f"export.{kind}"
    result = run_main(["--db", str(db), "export", kind, "-o", str(target), *extra])
    assert result.code == 0 and not result.traceback, result
    return target.read_bytes().decode("utf-8-sig")  # as written: \r\n line ends and all


def _columns(db) -> dict[int, tuple[str, str]]:
    with closing(sqlite3.connect(db)) as connection:
        return {
            row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, uid, full_name FROM contact")
        }


@pytest.mark.parametrize("kind", ["vcard-4.0", "vcard-3.0", "csv", "json", "ics"])
def test_every_export_carries_stored_text_exactly(legacy, kind, tmp_path):
    db, ids = legacy("exports")
    wrong = []
    if kind.startswith("vcard"):
        text = _export(db, "vcard", tmp_path, "--vcard-version", kind.split("-")[1])
        names_found, notes_found = set(values(text, "FN")), set(values(text, "NOTE"))
        for name in NAMES:
            carried = CORPUS[name].replace("\r", "")  # vCard has no escape for a carriage return
            if carried not in names_found or carried not in notes_found:
                wrong.append(name)
    elif kind == "ics":
        summaries = set(values(_export(db, "ics", tmp_path), "SUMMARY"))
        wrong = [n for n in NAMES if f"Follow up: {CORPUS[n].replace(chr(13), '')}" not in summaries]
    elif kind == "csv":
        rows = list(csv.DictReader(io.StringIO(_export(db, "csv", tmp_path), newline="")))
        by_uid = {row["UID"]: row for row in rows}
        uids = _columns(db)
        for name in NAMES:
            row = by_uid.get(uids[ids[name]][0], {})
            allowed = {CORPUS[name], "'" + CORPUS[name]}  # a would-be formula is quoted for spreadsheets
            if row.get("Name") not in allowed or row.get("Notes") not in allowed:
                wrong.append(name)
    else:
        table = json.loads(_export(db, "json", tmp_path))["tables"]["contact"]
        name_at, notes_at = table["columns"].index("full_name"), table["columns"].index("notes")
        stored = {row[0]: (row[name_at], row[notes_at]) for row in table["rows"]}
        wrong = [n for n in NAMES if stored.get(ids[n]) != (CORPUS[n], CORPUS[n])]
    for name in NAMES:
        tally(traceback=False, leaked=False, mismatch=name in wrong)
    assert not wrong, f"not exported exactly: {wrong}"
