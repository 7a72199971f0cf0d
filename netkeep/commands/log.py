"""``netkeep log CONTACT TEXT``: log an interaction from the shell."""

from __future__ import annotations

import argparse
import sys

from netkeep.cli import fail, open_db

#: Kinds that are something I sent, when not marked incoming.
OUTGOING_KINDS = ("email", "message", "thank-you", "update", "intro")


def _describe(candidate: tuple[int, str, str]) -> str:
    from netkeep.core.contacts import strip_controls

    contact_id, name, company = candidate
    return strip_controls(f"{name} ({company}, #{contact_id})" if company else f"{name} (#{contact_id})")


def _candidates(text: str) -> list[tuple[int, str, str]]:
    """Contacts ``text`` may mean: ``#12`` is an id; ``NAME @COMPANY`` narrows by company."""
    from netkeep.core.contacts import resolve
    from netkeep.store.models import Contact

    if text.startswith("#") and text[1:].isdigit():
        contact = Contact.get_or_none(Contact.id == int(text[1:]))
        return [(contact.id, contact.full_name, "")] if contact else []
    name, _, company = text.partition("@")
    found = resolve(name)
    if company.strip():
        wanted = company.strip().casefold()
        found = [c for c in found if wanted in c[2].casefold()]
    return found


def choose_contact(text: str) -> int | None:
    """The contact ``text`` means; asks when several match on a terminal. None: gave up."""
    from netkeep.core.errors import NetkeepError

    candidates = _candidates(text)
    if not candidates:
        raise NetkeepError(f"no contact matches '{text}' (try `netkeep find {text.split()[0]}`)")
    if len(candidates) == 1:
        return candidates[0][0]
    listing = "; ".join(f"{n}. {_describe(c)}" for n, c in enumerate(candidates, 1))
    if not sys.stdin.isatty():
        raise NetkeepError(f"'{text}' matches {len(candidates)} contacts: {listing}; "
                           "give more of the name, 'NAME @COMPANY' or '#ID'")
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


def _moment(text: str):
    import pendulum

    from netkeep.core.dates import parse_date
    from netkeep.core.errors import NetkeepError

    day = parse_date(text, prefer="past")
    today = pendulum.today().date()
    if day > today:
        raise NetkeepError(f"'{text}' is in the future; log what has happened")
    if day == today:
        return pendulum.now("UTC")
    return pendulum.datetime(day.year, day.month, day.day, 12, tz="local").in_timezone("UTC")


def run(args: argparse.Namespace) -> int:
    from netkeep.core.records import INTERACTION_KINDS

    kind = args.kind.strip().lower()
    if kind not in INTERACTION_KINDS:
        return fail(f"unknown kind '{args.kind}'; choose one of {', '.join(INTERACTION_KINDS)}")
    summary = " ".join(args.text).strip()
    if not summary:
        return fail("say what happened (TEXT is empty)")
    open_db(args)
    from netkeep.core.agenda import effects_of
    from netkeep.core.contacts import get_card, strip_controls
    from netkeep.core.dates import humanize_date
    from netkeep.core.interactions import log_interaction
    from netkeep.core.records import InteractionInput

    when = _moment(args.when)
    contact_id = choose_contact(args.contact)
    if contact_id is None:
        return fail("cancelled; nothing was logged")
    incoming = args.incoming or args.reply_owed
    direction = "in" if incoming else ("out" if kind in OUTGOING_KINDS else "")
    interaction_id = log_interaction(InteractionInput(
        contact_ids=(contact_id,), kind=kind, summary=summary, occurred_at=when,
        direction=direction, reply_owed=args.reply_owed))
    card = get_card(contact_id)
    name = strip_controls(card.full_name)
    lines = [f"Logged {kind} with {name}"
             + (f"; next follow-up {humanize_date(card.next_follow_up)}." if card.next_follow_up else ".")]
    if args.reply_owed:
        lines.append("A reply is owed: it stays on the agenda until you log one.")
    effects = effects_of(interaction_id)
    if effects.replies_answered:
        count = effects.replies_answered
        lines.append(f"Answered {count} owed {'reply' if count == 1 else 'replies'}.")
    lines += [strip_controls(f"Closed the loop: {introducer} heard how it went with {referral}.")
              for introducer, referral in effects.loops_closed]
    lines += [strip_controls(f"New loop to close: thank {introducer} for the intro to {referral} "
                             f"and tell them how it went (mention {referral} when you log it).")
              for introducer, referral in effects.loops_opened]
    print("\n".join(lines))
    return 0
