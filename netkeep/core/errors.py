"""Errors the domain raises with messages meant for people."""

from __future__ import annotations


class NetkeepError(Exception):
    """A user-facing error: its message is shown as it is."""


class ValidationError(NetkeepError):
    """Input that cannot be saved; ``errors`` maps a field name to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


class NotFound(NetkeepError):
    """A contact (or other record) that is not there."""
