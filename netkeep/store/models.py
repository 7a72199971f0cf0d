"""Peewee models: the shape of a netkeep database.

The schema itself is created and changed only by the numbered steps in
``netkeep.store.migrations``; these classes describe the newest version.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

from netkeep.store.fields import PlainDateField, UTCDateTimeField

database = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Company(BaseModel):
    """An organisation; ``key`` is the normalised name used to match duplicates."""

    name = TextField()
    key = TextField(unique=True)
    target_rank = IntegerField(null=True, index=True)
    stage = TextField(default="")  # job search: "researching" … "offer", "" when not a target
    notes = TextField(default="")
    created_at = UTCDateTimeField()


class Contact(BaseModel):
    """A person in the network, with everything from their business card and more."""

    uid = TextField(unique=True)
    full_name = TextField(index=True)
    given_name = TextField(default="")
    family_name = TextField(default="")
    title = TextField(default="")
    company = ForeignKeyField(Company, null=True, on_delete="SET NULL", backref="contacts")
    website = TextField(default="")
    location = TextField(default="")
    linkedin_url = TextField(default="", index=True)
    birthday = TextField(default="")
    contact_type = TextField(default="peer")
    job_search = BooleanField(default=False)
    how_met = TextField(default="")
    met_on = PlainDateField(null=True)
    met_at = TextField(default="")
    introduced_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="introduced")
    needs = TextField(default="")
    notes = TextField(default="")
    cadence_days = IntegerField(null=True)
    next_follow_up = PlainDateField(null=True, index=True)
    follow_up_manual = BooleanField(default=False)
    last_contact_at = UTCDateTimeField(null=True, index=True)
    archived = BooleanField(default=False, index=True)
    source = TextField(default="")
    #: Brought in by an import: no keep-in-touch follow-up until the first logged interaction.
    imported = BooleanField(default=False)
    search_text = TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("archived", "next_follow_up"), False),)

    @classmethod
    def active(cls, of=None):
        """The one rule for an active contact: not archived. ``of`` is an alias of Contact
        (``Contact.alias()``) to apply it to, when the query joins contacts twice.

        ``store.shell_read`` says the same in plain SQL (``archived = 0``) for ``netkeep find``.
        """
        return (cls if of is None else of).archived == False  # noqa: E712

    @classmethod
    def waiting_for_first_touch(cls):
        """The one rule for an imported contact's follow-up: none until the first logged
        interaction (a date the card itself carries is set by hand, and kept)."""
        return (cls.imported == True) & cls.last_contact_at.is_null()  # noqa: E712


# The contact list's order. An expression index: it holds no full_name, so the agenda's
# joins, which scan contacts for archived = 0, do not take it as a covering index.
Contact.add_index(
    Contact.index(Contact.archived, fn.LOWER(Contact.full_name), name="contact_archived_lower_full_name")
)


class ContactMethod(BaseModel):
    """An email address, phone number or web address of a contact, with a label."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="methods")
    kind = TextField()  # "email" | "phone" | "url"
    label = TextField(default="")
    value = TextField()
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "value"), False),)


class ContactDetail(BaseModel):
    """Something else a contact's card carries: a nickname, a department, an address, a
    profile, a related name, a date, or a card property netkeep has no field for."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="details")
    kind = TextField()
    label = TextField(default="")
    value = TextField()
    position = IntegerField(default=0)


class Employment(BaseModel):
    """A past or current employer of a contact."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="employments")
    company = ForeignKeyField(Company, on_delete="CASCADE", backref="employments")
    title = TextField(default="")
    started_on = PlainDateField(null=True)
    ended_on = PlainDateField(null=True)


class Tag(BaseModel):
    name = TextField(unique=True)


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="contact_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="contact_tags")

    class Meta:
        primary_key = CompositeKey("contact", "tag")


class Interaction(BaseModel):
    """One entry on the timeline: a meeting, a call, a message, a note."""

    kind = TextField(default="note")
    direction = TextField(default="")  # "in" | "out" | ""
    occurred_at = UTCDateTimeField(index=True)
    location = TextField(default="")
    summary = TextField(default="")
    reply_owed = BooleanField(default=False)
    replied_by = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="answers")
    points = TextField(default="")
    advice = TextField(default="")
    resume_advice = BooleanField(default=False)
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("reply_owed", "replied_by", "occurred_at"), False),)


class InteractionContact(BaseModel):
    interaction = ForeignKeyField(Interaction, on_delete="CASCADE", backref="participants", index=False)
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="participations", index=False)

    class Meta:
        primary_key = CompositeKey("interaction", "contact")
        indexes = ((("contact", "interaction"), False),)


class Reminder(BaseModel):
    """A dated follow-up with a reason."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="reminders")
    due_on = PlainDateField(index=True)
    reason = TextField(default="")
    done_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()


class Commitment(BaseModel):
    """Something promised in a conversation, by me or by them."""

    contact = ForeignKeyField(Contact, null=True, on_delete="CASCADE", backref="commitments")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="CASCADE", backref="commitments")
    owner = TextField(default="me")  # "me" | "them"
    text = TextField()
    due_on = PlainDateField(null=True)
    done_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()


class ReferralLoop(BaseModel):
    """Thank the introducer and tell them how meeting their referral went."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="loops_as_referral")
    introducer = ForeignKeyField(Contact, on_delete="CASCADE", backref="loops_as_introducer")
    opened_by = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    closed_by = ForeignKeyField(Interaction, null=True, on_delete="SET NULL")
    opened_at = UTCDateTimeField()
    closed_at = UTCDateTimeField(null=True)


class Intro(BaseModel):
    """An introduction I offered to make between two contacts."""

    first = ForeignKeyField(Contact, on_delete="CASCADE", backref="intros_first")
    second = ForeignKeyField(Contact, on_delete="CASCADE", backref="intros_second")
    reason = TextField(default="")
    status = TextField(default="offered")  # "offered" | "made"
    created_at = UTCDateTimeField()
    made_at = UTCDateTimeField(null=True)


class ReflectionAnswer(BaseModel):
    """One answer to a post-meeting reflection question."""

    interaction = ForeignKeyField(Interaction, on_delete="CASCADE", backref="reflections")
    question = TextField()
    rating = TextField(default="")  # "yes" | "partly" | "no" | ""
    note = TextField(default="")
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("interaction", "question"), True),)


class ThankYouDraft(BaseModel):
    """A thank-you letter for a meeting, autosaved as it is written."""

    interaction = ForeignKeyField(Interaction, on_delete="CASCADE", backref="drafts", index=False)
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="drafts")
    tone = TextField(default="warm")
    subject = TextField(default="")
    body = TextField(default="")
    status = TextField(default="draft")  # "draft" | "sent"
    updated_at = UTCDateTimeField()
    sent_at = UTCDateTimeField(null=True)

    class Meta:
        indexes = ((("interaction", "contact"), True),)  # one per person of the meeting


class ContactNews(BaseModel):
    """Their news (a new job, a move, a graduation, a new search), for Today to suggest a word."""

    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="news")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL", backref="news")
    kind = TextField()  # "job" | "move" | "graduation" | "search"
    detail = TextField(default="")
    noted_on = PlainDateField()
    snoozed_until = PlainDateField(null=True)
    done_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("done_at", "noted_on"), False),)


class Chase(BaseModel):
    """An outreach awaiting their reply: someone else there after a few business days, a
    follow-up after a few more, until anything is logged with them."""

    interaction = ForeignKeyField(Interaction, on_delete="CASCADE", backref="chases")
    contact = ForeignKeyField(Contact, on_delete="CASCADE", backref="chases")
    started_on = PlainDateField()
    other_done_at = UTCDateTimeField(null=True)
    snoozed_until = PlainDateField(null=True)
    ended_at = UTCDateTimeField(null=True)
    ended_by = ForeignKeyField(Interaction, null=True, on_delete="SET NULL", backref="chases_ended")
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("ended_at", "started_on"), False),)


class SyncFolder(BaseModel):
    """A vdir ``netkeep sync`` keeps in step: where it is, and the journal's last change it saw."""

    name = TextField(unique=True)  # "contacts"
    path = TextField()
    seen_change = IntegerField(default=0)
    synced_at = TextField(default="")


class SyncItem(BaseModel):
    """One item as it was when it was last synced: its file, the file's stamp and hash, the
    hash of netkeep's own rendering, and the text both sides agreed on (the merge's base)."""

    folder = TextField()
    uid = TextField()
    href = TextField()
    stamp = TextField(default="")  # the file's mtime_ns:size
    file_hash = TextField(default="")
    netkeep_hash = TextField(default="")
    base = TextField(default="")

    class Meta:
        indexes = ((("folder", "uid"), True),)


class Delivery(BaseModel):
    """A due item ``netkeep remind`` delivered on one channel (once per item and channel)."""

    item = TextField()  # "reminder:12:2026-03-02"
    channel = TextField()  # "desktop", "ntfy"
    delivered_at = TextField()

    class Meta:
        indexes = ((("item", "channel"), True),)


ALL_MODELS = [
    Company,
    Contact,
    ContactMethod,
    ContactDetail,
    Employment,
    Tag,
    ContactTag,
    Interaction,
    InteractionContact,
    Reminder,
    Commitment,
    ReferralLoop,
    Intro,
    ReflectionAnswer,
    ThankYouDraft,
    ContactNews,
    Chase,
    SyncFolder,
    SyncItem,
    Delivery,
]
