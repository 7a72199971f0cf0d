"""Helpers for the agenda tests."""

from __future__ import annotations


def keys(section) -> list[str]:
    """The keys of an agenda section's items, in order (``follow-up-3``, ``reminder-7``, …)."""
    return [item.key for item in section]
