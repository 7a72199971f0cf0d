"""The demo timeline: about ten interactions each over the last two years, replies owed,
thank-yous and reflections after meetings."""

from __future__ import annotations

from datetime import datetime, timedelta

from netkeep.core import cadence
from netkeep.core.records import MEETING_KINDS
from netkeep.core.reflection import QUESTION_KEYS
from netkeep.demo import words
from netkeep.demo.state import STAMP, Demo, Person


def build(demo: Demo) -> int:
    rng = demo.rng
    kinds = list(words.KINDS)
    kind_weights = [w for w, _ in words.KINDS.values()]
    two_years = timedelta(days=730)
    rows, participants = [], []
    interaction_id = 0
    for person in demo.people_list:
        start = max(datetime.combine(person.met_on, datetime.min.time()), demo.end - two_years)
        seconds = int((demo.end - start).total_seconds())
        if seconds <= 3600:
            continue
        # People met recently have had fewer chances to talk than old friends.
        known_for = min(1.0, (seconds / 86_400 / 540) ** 0.6)
        n = max(1, min(26, round(rng.gauss(13, 4) * known_for)))
        moments = sorted(start + timedelta(seconds=int(seconds * rng.random() ** 0.85)) for _ in range(n))
        if person.met_on >= (demo.end - two_years).date():
            first = datetime.combine(person.met_on, datetime.min.time()) + timedelta(
                hours=rng.randrange(9, 20)
            )
            moments[0] = min(first, demo.end - timedelta(hours=1))
            moments.sort()
        # Most people were kept in touch with: their last touch is within their cadence.
        days = cadence.cadence_for(person.contact_type, person.job_search)
        recent = max(start, demo.end - timedelta(days=days))
        if moments[-1] < recent and rng.random() < 0.7:
            span = int((demo.end - recent).total_seconds())
            moments.append(recent + timedelta(seconds=rng.randrange(3600, max(3601, span))))
        for position, moment in enumerate(moments):
            interaction_id += 1
            if position == 0 and person.event:
                kind = "event"
                summary = f"Met at {person.event}: talked about {rng.choice(words.TOPICS)}."
            elif position == 0 and person.introducer:
                kind = "coffee"
                summary = f"First coffee after the introduction; {rng.choice(words.TOPICS)}."
            else:
                kind = rng.choices(kinds, kind_weights)[0]
                summary = rng.choice(words.KINDS[kind][1]).format(
                    topic=rng.choice(words.TOPICS),
                    event=rng.choice(words.EVENTS)[0].format(year=moment.year, city=rng.choice(words.CITIES)),
                )
            direction = ""
            if kind in ("email", "message"):
                direction = "in" if rng.random() < 0.45 else "out"
            elif kind in ("thank-you", "update"):
                direction = "out"
            points = advice = ""
            resume = False
            if kind in ("informational interview", "coffee", "meeting"):
                points = "\n".join(rng.sample(words.TOPICS, 2))
                if rng.random() < 0.5:
                    advice = rng.choice(words.ADVICE)
                    resume = "resume" in advice
            stamp = moment.strftime(STAMP)
            rows.append(
                (
                    interaction_id,
                    kind,
                    direction,
                    stamp,
                    "",
                    summary,
                    False,
                    None,
                    points,
                    advice,
                    resume,
                    stamp,
                )
            )
            if kind in MEETING_KINDS:
                _after_meeting(demo, person, interaction_id, kind, moment, points)
            participants.append((interaction_id, person.id))
            if person.id > 1 and rng.random() < 0.04:
                # Now and then someone they already knew came along.
                other = rng.randrange(1, person.id)
                participants.append((interaction_id, other))
                _touch(demo, other, moment, interaction_id)
            _touch(demo, person.id, moment, interaction_id)
        # Some people wrote recently and are waiting for an answer.
        if rng.random() < 0.03:
            interaction_id += 1
            moment = demo.end - timedelta(hours=rng.randrange(6, 24 * 12))
            stamp = moment.strftime(STAMP)
            rows.append(
                (
                    interaction_id,
                    rng.choice(("email", "message")),
                    "in",
                    stamp,
                    "",
                    rng.choice(
                        (
                            "Asked whether I could review their talk proposal.",
                            "Asked how my job search is going.",
                            "Sent a role that might suit me and asked what I think.",
                            "Asked for the name of the designer I mentioned.",
                        )
                    ),
                    True,
                    None,
                    "",
                    "",
                    False,
                    stamp,
                )
            )
            participants.append((interaction_id, person.id))
            _touch(demo, person.id, moment, interaction_id)
    demo.interaction_rows, demo.participants = rows, participants
    return len(rows)


def _after_meeting(
    demo: Demo, person: Person, interaction_id: int, kind: str, moment: datetime, points: str
) -> None:
    """Past conversations were thanked (nearly all recent ones, most interviews) and half the
    interviews reflected on; the last two days' are still waiting."""
    rng = demo.rng
    days_ago = (demo.end - moment).days
    if days_ago < 2:
        return
    stamp = (moment + timedelta(hours=rng.randrange(2, 30))).strftime(STAMP)
    interview = kind == "informational interview"
    if interview and rng.random() < 0.5:
        for key in rng.sample(QUESTION_KEYS, rng.randrange(3, len(QUESTION_KEYS) + 1)):
            rating = rng.choices(("yes", "partly", "no"), (6, 3, 1))[0]
            note = rng.choice(words.REFLECTION_NOTES) if rng.random() < 0.2 else ""
            demo.reflection_rows.append((interaction_id, key, rating, note, stamp))
    thanked = 0.7 if interview else (0.9 if days_ago <= 20 else 0.1)
    if rng.random() < thanked:
        topic = points.split("\n")[0] if points else rng.choice(words.TOPICS)
        body = words.THANK_YOU.format(given=person.given, day=moment.strftime("%-d %B"), topic=topic)
        subject = "Thank you for your time" if interview else f"Thanks for the {kind}"
        demo.draft_rows.append((interaction_id, person.id, "warm", subject, body, "sent", stamp, stamp))


def _touch(demo: Demo, contact_id: int, moment: datetime, interaction_id: int) -> None:
    if contact_id not in demo.last_touch or moment > demo.last_touch[contact_id]:
        demo.last_touch[contact_id] = moment
    if contact_id not in demo.first_touch or moment < demo.first_touch[contact_id][0]:
        demo.first_touch[contact_id] = (moment, interaction_id)
