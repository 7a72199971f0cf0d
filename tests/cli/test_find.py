"""`netkeep find`: plain and JSON output, and no Textual or pendulum on the way."""

from __future__ import annotations

import json
import subprocess
import sys

import pendulum

from netkeep.cli import main
from netkeep.core import contacts
from netkeep.core.records import ContactInput, Method
from netkeep.store.database import open_database


def fill(db_path) -> dict[str, int]:
    with open_database(db_path):
        bob = contacts.create_contact(ContactInput(full_name="Bob Smith", company="Acme", title="CTO"))
        jane = contacts.create_contact(
            ContactInput(
                full_name="Jane Doe",
                title="Staff Engineer",
                company="Stripe",
                emails=(Method("email", "jane@stripe.com"), Method("email", "jd@home.org")),
                phones=(Method("phone", "+1 555 0100"),),
                tags=("alumni", "python"),
                how_met="PyCon",
                met_on=pendulum.date(2026, 3, 4),
                met_at="PyCon 2026",
                introduced_by_id=bob,
                notes="wants a designer",
                linkedin_url="https://linkedin.com/in/jd",
                contact_type="alumni",
            )
        )
        zed = contacts.create_contact(ContactInput(full_name="[bold]Zed[/]"))
        old = contacts.create_contact(ContactInput(full_name="Old Friend"))
        contacts.set_archived(old)
    return {"bob": bob, "jane": jane, "zed": zed, "old": old}


def test_json_has_every_field(db_path, capsys):
    ids = fill(db_path)
    assert main(["--db", str(db_path), "find", "stripe", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found == [
        {
            "id": ids["jane"],
            "name": "Jane Doe",
            "company": "Stripe",
            "title": "Staff Engineer",
            "emails": ["jane@stripe.com", "jd@home.org"],
            "phones": ["+1 555 0100"],
            "tags": ["alumni", "python"],
            "how_met": "PyCon",
            "introduced_by": "Bob Smith",
            "notes": "wants a designer",
            "met_on": "2026-03-04",
            "met_at": "PyCon 2026",
            "contact_type": "alumni",
            "linkedin_url": "https://linkedin.com/in/jd",
            "job_search": False,
            "next_follow_up": found[0]["next_follow_up"],
        }
    ]


def test_empty_query_lists_everyone_but_the_archived(db_path, capsys):
    fill(db_path)
    assert main(["--db", str(db_path), "find", "--json"]) == 0
    names = [c["name"] for c in json.loads(capsys.readouterr().out)]
    assert names == ["[bold]Zed[/]", "Bob Smith", "Jane Doe"]  # by name as typed: "[" sorts first
    assert main(["--db", str(db_path), "find", "--archived", "old"]) == 0
    assert "Old Friend" in capsys.readouterr().out


def test_plain_output_is_aligned_one_line_each(db_path, capsys):
    fill(db_path)
    assert main(["--db", str(db_path), "find"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    jane = next(line for line in lines if line.startswith("Jane Doe"))
    assert "Staff Engineer @ Stripe" in jane and "jane@stripe.com" in jane
    assert jane.endswith("#alumni #python")
    bob = next(line for line in lines if line.startswith("Bob Smith"))
    assert bob.index("CTO @ Acme") == jane.index("Staff Engineer @ Stripe")
    assert any(line.startswith("[bold]Zed[/]") for line in lines)


def test_every_word_must_match(db_path, capsys):
    fill(db_path)
    main(["--db", str(db_path), "find", "jane", "python"])
    assert capsys.readouterr().out.startswith("Jane Doe")
    main(["--db", str(db_path), "find", "jane", "acme", "--json"])
    assert json.loads(capsys.readouterr().out) == []


def test_nothing_matches_exits_zero_with_a_note(db_path, capsys):
    fill(db_path)
    assert main(["--db", str(db_path), "find", "nobody-like-this"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "no contacts match\n"


def test_find_loads_neither_textual_nor_pendulum_nor_peewee(db_path):
    fill(db_path)
    code = (
        "import sys; from netkeep.cli import main; code = main(['--db', sys.argv[1], 'find', 'jane']);"
        "heavy = [m for m in ('textual', 'rich', 'pendulum', 'rapidfuzz', 'peewee') if m in sys.modules];"
        "print(heavy, file=sys.stderr); sys.exit(code or bool(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Jane Doe")


def test_find_ranks_a_name_first_and_finds_phones_and_what_was_said(db_path, capsys):
    from netkeep.core import interactions
    from netkeep.core.records import InteractionInput

    ids = fill(db_path)
    with open_database(db_path):
        contacts.create_contact(ContactInput(full_name="Ann Jay", notes="met Jane at PyCon"))
        interactions.log_interaction(InteractionInput(contact_ids=(ids["bob"],), summary="talked kubernetes"))

    def names(*words: str) -> list[str]:
        assert main(["--db", str(db_path), "find", "--json", *words]) == 0
        return [c["name"] for c in json.loads(capsys.readouterr().out)]

    assert names("jane") == ["Jane Doe", "Ann Jay"]
    assert names("555-0100") == names("5550100") == names("(555)") == ["Jane Doe"]
    assert names("kube") == ["Bob Smith"]
    assert names('"NEAR"', "*", "-") == []
