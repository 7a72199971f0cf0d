"""Fixtures shared by the TUI tests."""

from __future__ import annotations

import pytest

from helpers.meetings import meet
from helpers.people import person
from helpers.tui import small_network
from netkeep.core.meetings import CommitmentInput


@pytest.fixture
def network(db):
    """The small network (Jane, Bob and Carol, with a few interactions): their ids by first name."""
    return small_network()


@pytest.fixture
def no_card_delay(monkeypatch):
    """Cards load as soon as the cursor moves (the app waits a little while typing)."""
    from netkeep.tui import app as app_module

    monkeypatch.setattr(app_module, "CARD_DELAY", 0)


@pytest.fixture
def jane_meeting(db):
    """Jane Doe (with an email address) and a coffee with her: notes, advice, a promise. Their ids."""
    jane = person("Jane Doe", "jane@stripe.com")
    mid = meet(
        jane,
        kind="coffee",
        points="- the payments infra team\n- hiring for Q2",
        advice="Lead with the migration project",
        resume_advice=True,
        commitments=[CommitmentInput("send my portfolio")],
    )
    return jane, mid
