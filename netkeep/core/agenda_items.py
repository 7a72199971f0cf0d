"""What the agenda is made of: its items, the counts of each section, the agenda itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class AgendaItem:
    """One thing to do.

    ``kind`` is ``follow-up``, ``reminder``, ``reply``, ``thanks``, ``commitment``, ``loop``,
    ``intro``, ``news`` (theirs), ``chase`` (a follow-up to someone who has not replied) or
    ``chase-other`` (someone else at their employer); ``ref_id`` is that record's id (a
    follow-up's is the contact's). ``contact_id`` is the person to get in touch with (for a
    loop: the introducer; ``other_*`` is the referral). For an intro, ``other_*`` is the
    second person; for ``chase-other``, the one who has not replied. ``note`` is a short
    note to start from, when there is one.
    """

    kind: str
    ref_id: int
    contact_id: int
    contact_name: str
    text: str
    due_on: date | None = None
    other_id: int | None = None
    other_name: str = ""
    owner: str = ""
    note: str = ""

    @property
    def key(self) -> str:
        if self.kind == "thanks":  # a meeting with several people: a thank-you to each
            return f"thanks-{self.ref_id}-{self.contact_id}"
        return f"{self.kind}-{self.ref_id}"


@dataclass(frozen=True)
class AgendaCounts:
    overdue: int = 0
    today: int = 0
    this_week: int = 0
    replies: int = 0
    commitments: int = 0
    loops: int = 0
    intros: int = 0
    thanks: int = 0
    news: int = 0
    chase: int = 0

    @property
    def due(self) -> int:
        """Overdue plus due today."""
        return self.overdue + self.today

    @property
    def total(self) -> int:
        return (
            self.due
            + self.this_week
            + self.replies
            + self.thanks
            + self.commitments
            + self.loops
            + self.intros
            + self.news
            + self.chase
        )


@dataclass(frozen=True)
class Agenda:
    day: date
    overdue: tuple[AgendaItem, ...] = ()
    today: tuple[AgendaItem, ...] = ()
    this_week: tuple[AgendaItem, ...] = ()
    replies: tuple[AgendaItem, ...] = ()
    commitments: tuple[AgendaItem, ...] = ()
    loops: tuple[AgendaItem, ...] = ()
    intros: tuple[AgendaItem, ...] = ()
    thanks: tuple[AgendaItem, ...] = ()
    counts: AgendaCounts = field(default_factory=AgendaCounts)
    news: tuple[AgendaItem, ...] = ()
    chase: tuple[AgendaItem, ...] = ()

    #: (attribute, heading) in display order.
    SECTIONS = (
        ("overdue", "Overdue"),
        ("today", "Due today"),
        ("this_week", "This week"),
        ("replies", "Replies owed"),
        ("chase", "To chase"),
        ("thanks", "Thank-yous due"),
        ("news", "Their news"),
        ("commitments", "Commitments"),
        ("loops", "Loops to close"),
        ("intros", "Intros owed"),
    )

    def sections(self) -> list[tuple[str, str, tuple[AgendaItem, ...], int]]:
        """``(attribute, heading, items, total)`` for each section, in order."""
        return [
            (name, heading, getattr(self, name), getattr(self.counts, name))
            for name, heading in self.SECTIONS
        ]

    @property
    def empty(self) -> bool:
        return self.counts.total == 0
