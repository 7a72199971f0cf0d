"""What ``netkeep remind`` reads, with ``sqlite3`` alone (no peewee: a run with nothing due
must answer in a blink): the items that fell due in a window, and what was delivered."""

from __future__ import annotations

import sqlite3

_DUE = """
SELECT 'follow-up:' || c.id || ':' || c.next_follow_up, c.full_name, 'keep in touch', c.next_follow_up
FROM contact c
WHERE c.archived = 0 AND c.next_follow_up BETWEEN :since AND :until
UNION ALL
SELECT 'reminder:' || r.id || ':' || r.due_on, c.full_name, r.reason, r.due_on
FROM reminder r JOIN contact c ON c.id = r.contact_id
WHERE r.done_at IS NULL AND c.archived = 0 AND r.due_on BETWEEN :since AND :until
UNION ALL
SELECT 'commitment:' || m.id || ':' || m.due_on, COALESCE(c.full_name, ''),
       CASE m.owner WHEN 'me' THEN 'I promised: ' ELSE 'They promised: ' END || m.text, m.due_on
FROM commitment m LEFT JOIN contact c ON c.id = m.contact_id
WHERE m.done_at IS NULL AND m.due_on BETWEEN :since AND :until
UNION ALL
SELECT 'reply:' || i.id,
       (SELECT c.full_name FROM interaction_contact ic JOIN contact c ON c.id = ic.contact_id
        WHERE ic.interaction_id = i.id ORDER BY c.full_name LIMIT 1),
       'a reply is owed: ' || i.kind, substr(i.occurred_at, 1, 10)
FROM interaction i
WHERE i.reply_owed = 1 AND i.replied_by_id IS NULL AND i.occurred_at >= :since AND i.occurred_at < :after
"""


def due_between(connection: sqlite3.Connection, since: str, until: str) -> list[tuple[str, str, str, str]]:
    """``(item key, contact's name, what, ISO day)`` for everything that fell due from
    ``since`` to ``until`` (ISO days) and is still open; the key names the day, so an item
    snoozed to a later day is due again."""
    after = until + "~"  # every time on the last day sorts before it
    rows = connection.execute(_DUE, {"since": since, "until": until, "after": after}).fetchall()
    return [(key, name or "", text or "", day) for key, name, text, day in rows]


def delivered(connection: sqlite3.Connection, keys: list[str]) -> set[tuple[str, str]]:
    """Which of these items were delivered on which channel: ``(item key, channel)`` pairs."""
    found: set[tuple[str, str]] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found |= set(connection.execute(f"SELECT item, channel FROM delivery WHERE item IN ({marks})", chunk))
    return found


def last_deliveries(connection: sqlite3.Connection) -> dict[str, str]:
    """Each channel's newest delivery (UTC text)."""
    return dict(connection.execute("SELECT channel, MAX(delivered_at) FROM delivery GROUP BY channel"))
