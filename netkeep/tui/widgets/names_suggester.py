"""Completing each name of a list typed in one field: "Li Wei, Ja" suggests "Li Wei, Jane Roe"."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from netkeep.core.participants import SEPARATOR


class SuggestNames(Suggester):
    """Completes the name after the last comma from ``names`` (case-insensitively; taking
    the completion writes the name as it is spelt), keeping what comes before it as typed."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(case_sensitive=True)  # casefolded here, so the typed text keeps its case
        self.names = list(names)
        self.folded = [name.casefold() for name in self.names]

    async def get_suggestion(self, value: str) -> str | None:
        pieces = list(SEPARATOR.finditer(value))
        typed = value[pieces[-1].end() :] if pieces else value.lstrip()
        if not typed:
            return None
        wanted = typed.casefold()
        for name, folded in zip(self.names, self.folded, strict=True):
            if folded.startswith(wanted):
                return value[: len(value) - len(typed)] + name
        return None
