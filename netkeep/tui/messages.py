"""Messages shared between the panes and the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class DataChanged(Message):
    """Something was written: lists, agenda and panes should reload what they show."""

    contact_id: int | None = None


@dataclass
class ChangeUndone(Message):
    """An undo (from ctrl+z or the History screen) finished: ``text`` says what it did, or
    why it could not (``ok`` False), and nothing changed."""

    text: str
    ok: bool


@dataclass
class OpenContact(Message):
    """Show this contact in the contact pane (and select it in the list)."""

    contact_id: int
