"""``netkeep log CONTACT TEXT [--with NAME …]``: log an interaction from the shell, with one
person or several (one entry on each one's timeline)."""

from __future__ import annotations

import argparse
import sys

from netkeep.cli.common import fail, open_db


def _describe(candidate: tuple[int, str, str]) -> str:
    from netkeep.core.lookup import describe
    from netkeep.core.text import visible

    return visible(describe(candidate), one_line=True)


def choose_contact(text: str) -> int | None:
    """The contact ``text`` means; asks when several match on a terminal. None: gave up."""
    from netkeep.core.errors import NetkeepError
    from netkeep.core.lookup import candidates as find

    candidates = find(text)
    if not candidates:
        raise NetkeepError(f"no contact matches '{text}' (try `netkeep find` to list them)")
    if len(candidates) == 1:
        return candidates[0][0]
    listing = "; ".join(f"{n}. {_describe(c)}" for n, c in enumerate(candidates, 1))
    if not sys.stdin.isatty():
        raise NetkeepError(
            f"'{text}' matches {len(candidates)} contacts: {listing}; "
            "give more of the name, 'NAME @COMPANY' or '#ID'"
        )
    print(f"'{text}' matches {len(candidates)} contacts:", file=sys.stderr)
    for number, candidate in enumerate(candidates, 1):
        print(f"  {number}. {_describe(candidate)}", file=sys.stderr)
    try:
        answer = input(f"Which one? [1-{len(candidates)}, Enter to cancel] ").strip()
    except EOFError:
        answer = ""
    if answer.isdigit() and 1 <= int(answer) <= len(candidates):
        return candidates[int(answer) - 1][0]
    return None


def run(args: argparse.Namespace) -> int:
    from netkeep.core.records import INTERACTION_KINDS

    kind = args.kind.strip().lower()
    if kind not in INTERACTION_KINDS:
        return fail(f"unknown kind '{args.kind}'; choose one of {', '.join(INTERACTION_KINDS)}")
    summary = " ".join(args.text).strip()
    if not summary:
        return fail("say what happened (TEXT is empty)")
    if args.awaiting and (args.incoming or args.reply_owed):
        return fail("--awaiting is for something you sent; it does not go with --in or --reply-owed")
    open_db(args)
    from netkeep.core.agenda import effects_of
    from netkeep.core.contacts import get_card
    from netkeep.core.dates import humanize_date
    from netkeep.core.interactions import log_interaction
    from netkeep.core.records import InteractionInput
    from netkeep.core.schedule import direction_for, moment_of
    from netkeep.core.text import visible

    when = moment_of(args.when)
    people = []
    for name in (args.contact, *args.others):  # every name resolved before anything is written
        contact_id = choose_contact(name)
        if contact_id is None:
            return fail("cancelled; nothing was logged")
        if contact_id in people:
            return fail(
                f"{visible(get_card(contact_id).full_name, one_line=True)} is named twice; nothing was logged"
            )
        people.append(contact_id)
    contact_id = people[0]
    direction = "out" if args.awaiting else direction_for(kind, incoming=args.incoming or args.reply_owed)
    interaction_id = log_interaction(
        InteractionInput(
            contact_ids=tuple(people),
            kind=kind,
            summary=summary,
            occurred_at=when,
            direction=direction,
            reply_owed=args.reply_owed,
            awaiting_reply=args.awaiting,
        )
    )
    card = get_card(contact_id)
    if len(people) == 1:
        name = visible(card.full_name, one_line=True)
        lines = [
            f"Logged {kind} with {name}"
            + (f"; next follow-up {humanize_date(card.next_follow_up)}." if card.next_follow_up else ".")
        ]
    else:
        names = [visible(get_card(i).full_name, one_line=True) for i in people]
        lines = [f"Logged {kind} with {', '.join(names[:-1])} and {names[-1]}: on each one's timeline."]
    if args.reply_owed:
        lines.append("A reply is owed: it stays on the agenda until you log one.")
    if args.awaiting:
        from netkeep.core.chase import chase_days

        (other, follow), _ = chase_days()
        lines.append(
            f"Awaiting their reply: after {other} business days without one, Today suggests someone "
            f"else at their employer; after {follow}, a follow-up. Anything logged with them ends it."
        )
    effects = effects_of(interaction_id)
    if effects.replies_answered:
        count = effects.replies_answered
        lines.append(f"Answered {count} owed {'reply' if count == 1 else 'replies'}.")
    lines += [
        visible(f"Closed the loop: {introducer} heard how it went with {referral}.", one_line=True)
        for introducer, referral in effects.loops_closed
    ]
    lines += [
        visible(
            f"New loop to close: thank {introducer} for the intro to {referral} "
            f"and tell them how it went (mention {referral} when you log it).",
            one_line=True,
        )
        for introducer, referral in effects.loops_opened
    ]
    print("\n".join(lines))
    return 0
