"""Exports parse with independent parsers and come back in field by field."""

from __future__ import annotations

import io
import json
from datetime import date

import pendulum
import pytest
import vobject

from netkeep.core import contacts
from netkeep.core.exports import load_contacts
from netkeep.core.interactions import log_interaction
from netkeep.core.records import ContactInput, InteractionInput, Method
from netkeep.interop import backup, dedupe, vcard
from netkeep.interop.values import phone_key
from netkeep.interop.vcard_write import write_cards
from netkeep.interop.vdir import card_filename, write_vdir
from netkeep.store.database import open_database
from netkeep.store.migrations import LATEST
from netkeep.store.models import ALL_MODELS, Commitment, Intro, Reminder, database

FIELDS = (
    "full_name",
    "given_name",
    "family_name",
    "title",
    "company",
    "emails",
    "phones",
    "urls",
    "linkedin_url",
    "website",
    "location",
    "birthday",
    "contact_type",
    "job_search",
    "how_met",
    "met_on",
    "met_at",
    "needs",
    "notes",
    "tags",
    "cadence_days",
    "source",
    "uid",
)


def rich_network() -> tuple[int, int]:
    bob = contacts.create_contact(
        ContactInput(
            full_name="Bob Smith", company="Acme, Inc.", emails=(Method("email", "bob@acme.example", "work"),)
        )
    )
    jane = contacts.create_contact(
        ContactInput(
            full_name="Jane Q. Doe-Ng",
            given_name="Jane",
            family_name="Doe-Ng",
            title="Staff Engineer; Payments",
            company="Stripe, Inc.",
            emails=(
                Method("email", "jane@stripe.example", "work"),
                Method("email", "jane@home.example", "personal, main"),
            ),
            phones=(Method("phone", "+1 (555) 010-2000", "cell"), Method("phone", "555 0101", "")),
            urls=(Method("url", "https://github.com/janedoe", "github"),),
            linkedin_url="https://www.linkedin.com/in/janedoe",
            website="https://jane.example",
            location="Berlin, Germany",
            birthday="--04-15",
            contact_type="alumni",
            job_search=True,
            how_met="PyCon hallway track",
            met_on=date(2026, 3, 4),
            met_at="PyCon, Pittsburgh",
            introduced_by_id=bob,
            needs="A designer; someone who knows Rust",
            notes="Line one, with a comma.\nLine two; with a semicolon.\n[bold]literal[/bold] \\ slash "
            + "long " * 40,
            tags=("alumni", "payments", "job-search"),
            cadence_days=30,
            next_follow_up=date(2026, 12, 1),
            source="manual",
        )
    )
    return bob, jane


def test_vcard_40_and_30_parse_with_vobject(db):
    rich_network()
    for version in ("4.0", "3.0"):
        out = io.StringIO()
        assert write_cards(load_contacts(), out, version) == 2
        text = out.getvalue()
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
        cards = list(vobject.readComponents(text))
        jane = next(c for c in cards if c.fn.value == "Jane Q. Doe-Ng")
        assert jane.version.value == version
        assert jane.org.value == ["Stripe, Inc."]
        assert jane.note.value.startswith("Line one, with a comma.\nLine two; with a semicolon.")
        assert jane.categories.value == ["alumni", "job-search", "payments"]
        assert {e.value for e in jane.contents["email"]} == {"jane@stripe.example", "jane@home.example"}
        assert jane.contents["x-netkeep-introduced-by"][0].value == "Bob Smith"


def test_netkeep_vcard_netkeep_keeps_every_field(db, tmp_path):
    bob, jane = rich_network()
    before = {cid: contacts.get_card(cid) for cid in (bob, jane)}
    for version in ("4.0", "3.0"):
        out = io.StringIO()
        write_cards(load_contacts(), out, version)
        open_database(tmp_path / f"other-{version}.db")
        result = vcard.parse_text(out.getvalue())
        assert not result.problems
        report = dedupe.apply(dedupe.plan(result))
        assert report.added == 2
        after = {contacts.get_card(cid).uid: contacts.get_card(cid) for cid in report.added_ids}
        for card in before.values():
            again = after[card.uid]
            for name in FIELDS:
                if name == "phones":  # an import normalises phone numbers: the same numbers
                    assert [(phone_key(p.value), p.label) for p in again.phones] == [
                        (phone_key(p.value), p.label) for p in card.phones
                    ]
                    continue
                assert getattr(again, name) == getattr(card, name), (version, name)
            assert again.introduced_by == card.introduced_by
            # A date set by hand travels; a computed one waits for the first interaction.
            assert again.next_follow_up == (card.next_follow_up if card.follow_up_manual else None)


def test_vdir_writes_one_card_per_uid_file(db, tmp_path):
    bob, jane = rich_network()
    folder = tmp_path / "contacts"
    assert write_vdir(load_contacts(), folder).written == 2
    for cid in (bob, jane):
        card = contacts.get_card(cid)
        path = folder / card_filename(card.uid)
        assert vobject.readOne(path.read_text()).uid.value == card.uid
    assert len(vcard.parse(folder).candidates) == 2


def fill_everything(bob: int, jane: int) -> None:
    now = pendulum.now("UTC")
    log_interaction(
        InteractionInput(
            contact_ids=(bob, jane),
            kind="coffee",
            summary="Talked shop",
            occurred_at=now.subtract(days=3),
            reply_owed=True,
        )
    )
    with database.atomic():
        Reminder.create(contact=jane, due_on=date(2026, 12, 24), reason="Send the deck", created_at=now)
        Commitment.create(contact=jane, owner="me", text="Intro to Sam", created_at=now)
        Intro.create(first=bob, second=jane, reason="both like Rust", created_at=now)


def dump_all() -> dict:
    return {
        m._meta.table_name: [list(r) for r in database.execute(m.select().order_by(m._meta.primary_key))]
        for m in ALL_MODELS
        if m._meta.primary_key.__class__.__name__ != "CompositeKey"
    } | {
        m._meta.table_name: sorted(list(r) for r in database.execute(m.select()))
        for m in ALL_MODELS
        if m._meta.primary_key.__class__.__name__ == "CompositeKey"
    }


def test_json_backup_restores_exactly_into_an_empty_database(db, tmp_path):
    bob, jane = rich_network()
    fill_everything(bob, jane)
    before = dump_all()
    path = tmp_path / "backup.json"
    with open(path, "w", encoding="utf-8") as out:
        counts = backup.write_backup(out)
    assert counts["contact"] == 2 and counts["interaction_contact"] == 2
    assert json.loads(path.read_text())["format"] == "netkeep-backup"
    open_database(tmp_path / "restored.db")
    backup.restore(backup.load(path))
    assert dump_all() == before


def test_restore_refuses_a_database_that_is_not_empty(db, tmp_path):
    rich_network()
    path = tmp_path / "backup.json"
    with open(path, "w", encoding="utf-8") as out:
        backup.write_backup(out)
    from netkeep.core.errors import NetkeepError

    with pytest.raises(NetkeepError, match="not empty"):
        backup.restore(backup.load(path))


def test_restore_failure_half_way_leaves_nothing(db, tmp_path):
    bob, jane = rich_network()
    fill_everything(bob, jane)
    path = tmp_path / "backup.json"
    with open(path, "w", encoding="utf-8") as out:
        backup.write_backup(out)
    data = json.loads(path.read_text())
    data["tables"]["reminder"]["rows"][0][1] = 999  # a reminder for a contact that is not there
    open_database(tmp_path / "restored.db")
    from netkeep.core.errors import NetkeepError

    with pytest.raises(NetkeepError, match="does not hold together"):
        backup.restore(data)
    assert backup.is_empty()


def test_restore_refuses_values_that_are_not_plain(db):
    from netkeep.core.errors import NetkeepError

    data = {"tables": {"tag": {"columns": ["id", "name"], "rows": [[1, ["x"]]]}}}
    with pytest.raises(NetkeepError, match="not plain text or a number"):
        backup.restore(data)
    assert backup.is_empty()


@pytest.mark.parametrize(
    "text, message",
    [
        ("{}", 'no "format"'),
        ("[1, 2", "not valid JSON"),
        ('{"format": "netkeep-backup", "version": 99}', "version 99"),
        (
            '{"format": "netkeep-backup", "version": 1, "schema": '
            + str(LATEST)
            + ', "tables": {"tag": {"columns": ["id", "name"], "rows": [[1]]}}}',
            "not a list of 2 values",
        ),
    ],
)
def test_bad_backup_files(db, tmp_path, text, message):
    path = tmp_path / "b.json"
    path.write_text(text)
    from netkeep.interop.textfile import BadFile

    with pytest.raises(BadFile, match=message):
        backup.load(path)


@pytest.mark.parametrize(
    "line",
    [
        "NOTE:" + "a" * 300,
        "NOTE:" + "é" * 100 + "🚀" * 40 + "x",
        "FN:" + "a" * 72,  # exactly 75 octets: not folded
        "FN:" + "a" * 71 + "é",  # 76 octets: the é moves to the next line
    ],
)
def test_fold_keeps_lines_within_75_octets_and_unfolds_to_the_original(line):
    from netkeep.interop.vcard_write import fold

    text = fold(line)
    physical = text[:-2].split("\r\n")
    assert all(len(part.encode()) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert physical[0] + "".join(part[1:] for part in physical[1:]) == line
    assert (len(physical) == 1) == (len(line.encode()) <= 75)
