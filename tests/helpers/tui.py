"""Helpers shared by the TUI tests: a small network, typing, waiting, reading rendered text."""

from __future__ import annotations

import pendulum
from rich.console import Console

from netkeep.core import contacts, interactions
from netkeep.core.records import ContactInput, InteractionInput, Method

KEY_NAMES = {
    " ": "space",
    "@": "at",
    ".": "full_stop",
    ",": "comma",
    ":": "colon",
    "/": "slash",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "-": "minus",
    "#": "number_sign",
}


def small_network() -> dict[str, int]:
    """Three contacts and a few interactions, written through core."""
    jane = contacts.create_contact(
        ContactInput(
            full_name="Jane Doe",
            title="Staff Engineer",
            company="Stripe",
            emails=(Method("email", "jane@stripe.com", "work"),),
            phones=(Method("phone", "+1 555 0100", "mobile"),),
            linkedin_url="https://www.linkedin.com/in/janedoe",
            contact_type="alumni",
            job_search=True,
            how_met="alumni mixer",
            met_on=pendulum.date(2026, 3, 4),
            met_at="PyCon 2026",
            needs="a designer for her side project",
            notes="payments infra",
            tags=("alumni", "python"),
            cadence_days=30,
        )
    )
    bob = contacts.create_contact(
        ContactInput(
            full_name="Bob Smith",
            title="Recruiter",
            company="Acme",
            contact_type="recruiter",
            introduced_by_id=jane,
            notes="hiring backend folks",
        )
    )
    carol = contacts.create_contact(
        ContactInput(full_name="Carol Reyes", company="Globex", notes="loves rust")
    )
    now = pendulum.now("UTC")
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(jane,),
            kind="coffee",
            direction="out",
            summary="payments infra, her team is hiring",
            occurred_at=now.subtract(days=3),
        )
    )
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(bob,),
            kind="email",
            direction="in",
            summary="asked for my resume",
            reply_owed=True,
            occurred_at=now.subtract(days=15),
        )
    )
    interactions.log_interaction(
        InteractionInput(
            contact_ids=(jane, carol), kind="event", summary="alumni mixer", occurred_at=now.subtract(days=40)
        )
    )
    return {"jane": jane, "bob": bob, "carol": carol}


async def settle(app, pilot) -> None:
    """Let workers finish and the screen catch up."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[KEY_NAMES.get(char, char) for char in text])


def plain(renderable, width: int = 100) -> str:
    """What a Rich renderable looks like as plain text."""
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


def card_text(app) -> str:
    return plain(app.screen.query_one("#card").content)


def list_names(app) -> list[str]:
    return [row.name for row in app.contact_list.rows_view.rows]
