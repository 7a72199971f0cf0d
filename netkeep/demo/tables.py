"""Writing the demo people (now that their last touch is known) and their timeline."""

from __future__ import annotations

from datetime import timedelta

from netkeep.core import cadence
from netkeep.demo.state import STAMP, Demo, insert
from netkeep.store.models import (
    Contact,
    ContactMethod,
    ContactTag,
    Employment,
    Interaction,
    InteractionContact,
    ReflectionAnswer,
    ThankYouDraft,
)


def write(demo: Demo) -> None:
    """Write the people (now that their last touch and next follow-up are known), then the timeline."""
    rng = demo.rng
    contact_rows = []
    for row, person in zip(demo.contact_rows, demo.people_list, strict=True):
        last = demo.last_touch.get(person.id)
        if rng.random() < 0.05:
            follow_up, manual = demo.today + timedelta(days=rng.randrange(-6, 21)), True
        else:
            days = cadence.cadence_for(person.contact_type, person.job_search)
            follow_up, manual = (
                cadence.next_follow_up(last.date() if last else person.met_on, days),
                False,
            )
        contact_rows.append(
            (*row[:17], follow_up.isoformat(), last.strftime(STAMP) if last else None, manual, *row[17:])
        )
    fields = [
        Contact.id,
        Contact.uid,
        Contact.full_name,
        Contact.given_name,
        Contact.family_name,
        Contact.title,
        Contact.company,
        Contact.location,
        Contact.linkedin_url,
        Contact.contact_type,
        Contact.job_search,
        Contact.how_met,
        Contact.met_on,
        Contact.met_at,
        Contact.introduced_by,
        Contact.needs,
        Contact.notes,
        Contact.next_follow_up,
        Contact.last_contact_at,
        Contact.follow_up_manual,
        Contact.source,
        Contact.search_text,
        Contact.created_at,
        Contact.updated_at,
    ]
    insert(Contact, fields, contact_rows)
    insert(
        ContactMethod,
        [
            ContactMethod.contact,
            ContactMethod.kind,
            ContactMethod.label,
            ContactMethod.value,
            ContactMethod.position,
        ],
        demo.method_rows,
    )
    insert(ContactTag, [ContactTag.contact, ContactTag.tag], demo.tag_rows)
    insert(
        Employment,
        [
            Employment.contact,
            Employment.company,
            Employment.title,
            Employment.started_on,
            Employment.ended_on,
        ],
        demo.job_rows,
    )
    insert(
        Interaction,
        [
            Interaction.id,
            Interaction.kind,
            Interaction.direction,
            Interaction.occurred_at,
            Interaction.location,
            Interaction.summary,
            Interaction.reply_owed,
            Interaction.replied_by,
            Interaction.points,
            Interaction.advice,
            Interaction.resume_advice,
            Interaction.created_at,
        ],
        demo.interaction_rows,
    )
    insert(
        InteractionContact,
        [InteractionContact.interaction, InteractionContact.contact],
        demo.participants,
    )
    insert(
        ReflectionAnswer,
        [
            ReflectionAnswer.interaction,
            ReflectionAnswer.question,
            ReflectionAnswer.rating,
            ReflectionAnswer.note,
            ReflectionAnswer.updated_at,
        ],
        demo.reflection_rows,
    )
    insert(
        ThankYouDraft,
        [
            ThankYouDraft.interaction,
            ThankYouDraft.contact,
            ThankYouDraft.tone,
            ThankYouDraft.subject,
            ThankYouDraft.body,
            ThankYouDraft.status,
            ThankYouDraft.updated_at,
            ThankYouDraft.sent_at,
        ],
        demo.draft_rows,
    )
