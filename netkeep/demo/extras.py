"""Demo reminders, commitments, referral loops and intros."""

from __future__ import annotations

from datetime import timedelta

from netkeep.demo import words
from netkeep.demo.state import STAMP, Demo, insert
from netkeep.store.models import Commitment, Intro, ReferralLoop, Reminder


def extras(demo: Demo) -> None:
    rng = demo.rng
    reminders, commitments, loops, intros = [], [], [], []
    for person in demo.people_list:
        if rng.random() < 0.03:
            due = demo.today + timedelta(days=rng.randrange(-4, 15))
            reason = rng.choice(words.REMINDERS).format(topic=rng.choice(words.TOPICS))
            reminders.append((person.id, due.isoformat(), reason, None, demo.now_text))
        if rng.random() < 0.03:
            mine = rng.random() < 0.6
            text = rng.choice(words.COMMITMENTS_MINE if mine else words.COMMITMENTS_THEIRS)
            due = demo.today + timedelta(days=rng.randrange(-3, 20))
            touch = demo.first_touch.get(person.id)
            commitments.append(
                (
                    person.id,
                    touch[1] if touch else None,
                    "me" if mine else "them",
                    text,
                    due.isoformat(),
                    None,
                    demo.now_text,
                )
            )
        if person.introducer and person.id in demo.first_touch:
            moment, first_id = demo.first_touch[person.id]
            recent = (demo.end - moment).days < 25
            closed = None if recent else (moment + timedelta(days=rng.randrange(1, 10))).strftime(STAMP)
            loops.append((person.id, person.introducer, first_id, None, moment.strftime(STAMP), closed))
    count = len(demo.people_list)
    for _ in range(max(1, count // 100)):
        first, second = rng.randrange(1, count + 1), rng.randrange(1, count + 1)
        if first != second:
            made = rng.random() < 0.6
            intros.append(
                (
                    first,
                    second,
                    rng.choice(words.NEEDS),
                    "made" if made else "offered",
                    demo.now_text,
                    demo.now_text if made else None,
                )
            )
    insert(
        Reminder,
        [Reminder.contact, Reminder.due_on, Reminder.reason, Reminder.done_at, Reminder.created_at],
        reminders,
    )
    insert(
        Commitment,
        [
            Commitment.contact,
            Commitment.interaction,
            Commitment.owner,
            Commitment.text,
            Commitment.due_on,
            Commitment.done_at,
            Commitment.created_at,
        ],
        commitments,
    )
    insert(
        ReferralLoop,
        [
            ReferralLoop.contact,
            ReferralLoop.introducer,
            ReferralLoop.opened_by,
            ReferralLoop.closed_by,
            ReferralLoop.opened_at,
            ReferralLoop.closed_at,
        ],
        loops,
    )
    insert(
        Intro,
        [Intro.first, Intro.second, Intro.reason, Intro.status, Intro.created_at, Intro.made_at],
        intros,
    )
