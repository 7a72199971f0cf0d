"""Every write is one transaction begun IMMEDIATE through ``core.session.writing()``, so a
writer in another process makes it wait rather than fail with "database is locked"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import netkeep
from helpers.meetings import meet
from helpers.people import log, person
from netkeep.core import commitments, contacts, jobsearch, letters, merge, reflection, reminders
from netkeep.interop import dedupe
from netkeep.interop.readers import read_file
from netkeep.store.models import database

NETKEEP = Path(netkeep.__file__).parent
FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
#: Calls that open a transaction or a connection of their own.
TRANSACTIONS = {"atomic", "transaction", "savepoint", "manual_commit", "connection_context"}
#: The only modules that may make them: the session seam, and the store's own migrations.
ALLOWED = {"core/session.py", "store/database.py"}


def test_only_the_session_and_the_migrations_open_transactions():
    found = []
    for path in sorted(NETKEEP.rglob("*.py")):
        where = path.relative_to(NETKEEP).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in TRANSACTIONS and where not in ALLOWED:
                found.append(f"{where}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.With) and where not in ALLOWED:
                for item in node.items:  # `with db:` is a transaction too
                    if isinstance(item.context_expr, ast.Name) and item.context_expr.id in {"db", "database"}:
                        found.append(f"{where}:{node.lineno} with {item.context_expr.id}")
    assert not found, found


def test_the_writes_of_everyday_work_run_in_immediate_transactions(db):
    statements: list[tuple[str | None, str]] = []
    state: dict[str, str | None] = {"begun": None}

    def trace(sql: str) -> None:
        head = sql.strip().upper()
        if head.startswith("BEGIN"):
            state["begun"] = head
        elif head.startswith(("COMMIT", "END")) or head == "ROLLBACK":
            state["begun"] = None
        elif WRITE.match(sql):
            statements.append((state["begun"], sql[:60]))

    database.connection().set_trace_callback(trace)
    jane = person("Jane Doe", "jane@stripe.com", company="Stripe", tags=("alumni",))
    bob = person("Bob Smith", introduced_by_id=jane)
    contacts.set_archived(bob)
    log(jane, "email", "hello", direction="in", reply_owed=True)
    meeting = meet(jane, kind="coffee", points="payments")
    reminders.add_reminder(jane, "in 2 weeks", "ask about the team")
    commitments.add_commitment("send the deck", owner="me", contact_id=jane)
    reflection.save_answer(meeting, "goals", rating="yes")
    letters.save_draft(meeting, "Thanks", "Thank you for the coffee.")
    jobsearch.add_target("Stripe")
    twin = person("Jane Doe", "jd@home.org")
    merge.merge_contacts(jane, twin)
    dedupe.apply(dedupe.plan(read_file("vcard", str(FIXTURES / "cards_40.vcf"))))
    database.connection().set_trace_callback(None)
    assert len(statements) > 20
    assert [sql for begun, sql in statements if begun != "BEGIN IMMEDIATE"] == []
