"""Numbered schema migrations, kept as the literal SQL of each step.

``PRAGMA user_version`` holds the schema version. Each step takes a database from
the version before it to its own number, inside one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `netkeep find` reads LATEST here without loading peewee
    from peewee import SqliteDatabase

_V1 = """
CREATE TABLE "company" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "key" TEXT NOT NULL, "target_rank" INTEGER, "notes" TEXT NOT NULL, "created_at" TEXT NOT NULL);
CREATE UNIQUE INDEX "company_key" ON "company" ("key");
CREATE TABLE "contact" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" TEXT NOT NULL, "full_name" TEXT NOT NULL, "given_name" TEXT NOT NULL, "family_name" TEXT NOT NULL, "title" TEXT NOT NULL, "company_id" INTEGER, "website" TEXT NOT NULL, "location" TEXT NOT NULL, "linkedin_url" TEXT NOT NULL, "birthday" TEXT NOT NULL, "contact_type" TEXT NOT NULL, "job_search" INTEGER NOT NULL, "how_met" TEXT NOT NULL, "met_on" DATE, "met_at" TEXT NOT NULL, "introduced_by_id" INTEGER, "needs" TEXT NOT NULL, "notes" TEXT NOT NULL, "cadence_days" INTEGER, "next_follow_up" DATE, "follow_up_manual" INTEGER NOT NULL, "last_contact_at" TEXT, "archived" INTEGER NOT NULL, "source" TEXT NOT NULL, "search_text" TEXT NOT NULL, "created_at" TEXT NOT NULL, "updated_at" TEXT NOT NULL, FOREIGN KEY ("company_id") REFERENCES "company" ("id") ON DELETE SET NULL, FOREIGN KEY ("introduced_by_id") REFERENCES "contact" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "contact_uid" ON "contact" ("uid");
CREATE INDEX "contact_full_name" ON "contact" ("full_name");
CREATE INDEX "contact_company_id" ON "contact" ("company_id");
CREATE INDEX "contact_linkedin_url" ON "contact" ("linkedin_url");
CREATE INDEX "contact_introduced_by_id" ON "contact" ("introduced_by_id");
CREATE INDEX "contact_next_follow_up" ON "contact" ("next_follow_up");
CREATE INDEX "contact_last_contact_at" ON "contact" ("last_contact_at");
CREATE INDEX "contact_archived" ON "contact" ("archived");
CREATE TABLE "contact_method" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "kind" TEXT NOT NULL, "label" TEXT NOT NULL, "value" TEXT NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "contact_method_contact_id" ON "contact_method" ("contact_id");
CREATE INDEX "contact_method_kind_value" ON "contact_method" ("kind", "value");
CREATE TABLE "employment" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "company_id" INTEGER NOT NULL, "title" TEXT NOT NULL, "started_on" DATE, "ended_on" DATE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("company_id") REFERENCES "company" ("id") ON DELETE CASCADE);
CREATE INDEX "employment_contact_id" ON "employment" ("contact_id");
CREATE INDEX "employment_company_id" ON "employment" ("company_id");
CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE UNIQUE INDEX "tag_name" ON "tag" ("name");
CREATE TABLE "contact_tag" ("contact_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, PRIMARY KEY ("contact_id", "tag_id"), FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);
CREATE INDEX "contact_tag_contact_id" ON "contact_tag" ("contact_id");
CREATE INDEX "contact_tag_tag_id" ON "contact_tag" ("tag_id");
CREATE TABLE "interaction" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" TEXT NOT NULL, "direction" TEXT NOT NULL, "occurred_at" TEXT NOT NULL, "location" TEXT NOT NULL, "summary" TEXT NOT NULL, "reply_owed" INTEGER NOT NULL, "replied_by_id" INTEGER, "created_at" TEXT NOT NULL, FOREIGN KEY ("replied_by_id") REFERENCES "interaction" ("id") ON DELETE SET NULL);
CREATE INDEX "interaction_occurred_at" ON "interaction" ("occurred_at");
CREATE INDEX "interaction_replied_by_id" ON "interaction" ("replied_by_id");
CREATE TABLE "interaction_contact" ("interaction_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, PRIMARY KEY ("interaction_id", "contact_id"), FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "interaction_contact_contact_id_interaction_id" ON "interaction_contact" ("contact_id", "interaction_id");
"""

_V2 = """
CREATE TABLE "reminder" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "due_on" DATE NOT NULL, "reason" TEXT NOT NULL, "done_at" TEXT, "created_at" TEXT NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "reminder_contact_id" ON "reminder" ("contact_id");
CREATE INDEX "reminder_due_on" ON "reminder" ("due_on");
CREATE TABLE "commitment" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER, "interaction_id" INTEGER, "owner" TEXT NOT NULL, "text" TEXT NOT NULL, "due_on" DATE, "done_at" TEXT, "created_at" TEXT NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE);
CREATE INDEX "commitment_contact_id" ON "commitment" ("contact_id");
CREATE INDEX "commitment_interaction_id" ON "commitment" ("interaction_id");
CREATE TABLE "referral_loop" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "introducer_id" INTEGER NOT NULL, "opened_by_id" INTEGER, "closed_by_id" INTEGER, "opened_at" TEXT NOT NULL, "closed_at" TEXT, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("introducer_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("opened_by_id") REFERENCES "interaction" ("id") ON DELETE SET NULL, FOREIGN KEY ("closed_by_id") REFERENCES "interaction" ("id") ON DELETE SET NULL);
CREATE INDEX "referral_loop_contact_id" ON "referral_loop" ("contact_id");
CREATE INDEX "referral_loop_introducer_id" ON "referral_loop" ("introducer_id");
CREATE INDEX "referral_loop_opened_by_id" ON "referral_loop" ("opened_by_id");
CREATE INDEX "referral_loop_closed_by_id" ON "referral_loop" ("closed_by_id");
CREATE TABLE "intro" ("id" INTEGER NOT NULL PRIMARY KEY, "first_id" INTEGER NOT NULL, "second_id" INTEGER NOT NULL, "reason" TEXT NOT NULL, "status" TEXT NOT NULL, "created_at" TEXT NOT NULL, "made_at" TEXT, FOREIGN KEY ("first_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("second_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "intro_first_id" ON "intro" ("first_id");
CREATE INDEX "intro_second_id" ON "intro" ("second_id");
"""

_V3 = """
ALTER TABLE "interaction" ADD COLUMN "points" TEXT NOT NULL DEFAULT '';
ALTER TABLE "interaction" ADD COLUMN "advice" TEXT NOT NULL DEFAULT '';
ALTER TABLE "interaction" ADD COLUMN "resume_advice" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "reflection_answer" ("id" INTEGER NOT NULL PRIMARY KEY, "interaction_id" INTEGER NOT NULL, "question" TEXT NOT NULL, "rating" TEXT NOT NULL, "note" TEXT NOT NULL, "updated_at" TEXT NOT NULL, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE);
CREATE INDEX "reflection_answer_interaction_id" ON "reflection_answer" ("interaction_id");
CREATE UNIQUE INDEX "reflection_answer_interaction_id_question" ON "reflection_answer" ("interaction_id", "question");
CREATE TABLE "thank_you_draft" ("id" INTEGER NOT NULL PRIMARY KEY, "interaction_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, "tone" TEXT NOT NULL, "subject" TEXT NOT NULL, "body" TEXT NOT NULL, "status" TEXT NOT NULL, "updated_at" TEXT NOT NULL, "sent_at" TEXT, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "thank_you_draft_interaction_id" ON "thank_you_draft" ("interaction_id");
CREATE INDEX "thank_you_draft_contact_id" ON "thank_you_draft" ("contact_id");
"""

_V4 = """
CREATE INDEX "contact_archived_next_follow_up" ON "contact" ("archived", "next_follow_up");
CREATE INDEX "interaction_reply_owed_replied_by_id_occurred_at" ON "interaction" ("reply_owed", "replied_by_id", "occurred_at");
"""

_V5 = """
ALTER TABLE "company" ADD COLUMN "stage" TEXT NOT NULL DEFAULT '';
CREATE INDEX "company_target_rank" ON "company" ("target_rank");
"""

# An expression index: one holding full_name itself would be taken by the agenda's joins as
# a covering index for "archived = 0" and scanned instead of contact_archived (~4 ms slower).
_V6 = """
CREATE INDEX "contact_archived_lower_full_name" ON "contact" ("archived", LOWER("full_name"));
"""


# The change journal (see ``store.journal``); its triggers are made from the tables' columns.
_V7 = """
CREATE TABLE "change" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "at" TEXT NOT NULL, "kind" TEXT NOT NULL, "summary" TEXT NOT NULL, "contact_ids" TEXT NOT NULL, "undoes_id" INTEGER, "undone_by_id" INTEGER);
CREATE INDEX "change_at" ON "change" ("at");
CREATE TABLE "change_row" ("id" INTEGER NOT NULL PRIMARY KEY, "change_id" INTEGER NOT NULL, "tbl" TEXT NOT NULL, "row_id" INTEGER NOT NULL, "op" TEXT NOT NULL, "old" TEXT);
CREATE INDEX "change_row_change_id_tbl_row_id" ON "change_row" ("change_id", "tbl", "row_id");
CREATE TABLE "journal_now" ("change_id" INTEGER NOT NULL);
"""


def _v7(db: SqliteDatabase) -> list[str]:
    """The change journal's tables, and its triggers on every table there is."""
    from netkeep.store import journal

    return [*_split(_V7), *journal.trigger_statements(db)]


# Imported contacts were told apart by their source; a flag says it whatever the source.
_V8 = """
ALTER TABLE "contact" ADD COLUMN "imported" INTEGER NOT NULL DEFAULT 0;
UPDATE "contact" SET "imported" = 1 WHERE "source" IN ('linkedin', 'vcard', 'google');
CREATE TABLE "contact_detail" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "kind" TEXT NOT NULL, "label" TEXT NOT NULL, "value" TEXT NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE);
CREATE INDEX "contact_detail_contact_id" ON "contact_detail" ("contact_id");
"""


def _v8(db: SqliteDatabase) -> Iterator[str]:
    """The step's statements, then the journal's triggers made again from the schema they
    leave (a generator: the runner has run the first before the triggers are made)."""
    from netkeep.store import journal

    yield from _split(_V8)
    yield from journal.trigger_statements(db)


def _v9(db: SqliteDatabase) -> Iterator[str]:
    """The search index (``store.search``): its table, the view it is read from, the triggers
    that keep it in step, and its first build from what the database holds."""
    from netkeep.store import search

    yield from search.schema_statements()


# One conversation, several people: a thank-you draft per person of a meeting. Their news (a
# new job, a move…) for Today to suggest a word about, and the chase of an outreach awaiting
# their reply (after 3 business days someone else there, after 7 a follow-up).
_V11 = """
DROP INDEX "thank_you_draft_interaction_id";
CREATE UNIQUE INDEX "thank_you_draft_interaction_id_contact_id" ON "thank_you_draft" ("interaction_id", "contact_id");
CREATE TABLE "contact_news" ("id" INTEGER NOT NULL PRIMARY KEY, "contact_id" INTEGER NOT NULL, "interaction_id" INTEGER, "kind" TEXT NOT NULL, "detail" TEXT NOT NULL, "noted_on" DATE NOT NULL, "snoozed_until" DATE, "done_at" TEXT, "created_at" TEXT NOT NULL, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE SET NULL);
CREATE INDEX "contact_news_contact_id" ON "contact_news" ("contact_id");
CREATE INDEX "contact_news_interaction_id" ON "contact_news" ("interaction_id");
CREATE INDEX "contact_news_done_at_noted_on" ON "contact_news" ("done_at", "noted_on");
CREATE TABLE "chase" ("id" INTEGER NOT NULL PRIMARY KEY, "interaction_id" INTEGER NOT NULL, "contact_id" INTEGER NOT NULL, "started_on" DATE NOT NULL, "other_done_at" TEXT, "snoozed_until" DATE, "ended_at" TEXT, "ended_by_id" INTEGER, "created_at" TEXT NOT NULL, FOREIGN KEY ("interaction_id") REFERENCES "interaction" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, FOREIGN KEY ("ended_by_id") REFERENCES "interaction" ("id") ON DELETE SET NULL);
CREATE INDEX "chase_interaction_id" ON "chase" ("interaction_id");
CREATE INDEX "chase_contact_id" ON "chase" ("contact_id");
CREATE INDEX "chase_ended_by_id" ON "chase" ("ended_by_id");
CREATE INDEX "chase_ended_at_started_on" ON "chase" ("ended_at", "started_on");
"""


def _v11(db: SqliteDatabase) -> Iterator[str]:
    """The step's statements, then the journal's triggers made again (for the new tables too)."""
    from netkeep.store import journal

    yield from _split(_V11)
    yield from journal.trigger_statements(db)


# Phone sync's memory of each item as last synced, and what `netkeep remind` delivered.
_V12 = """
CREATE TABLE "sync_folder" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "path" TEXT NOT NULL, "seen_change" INTEGER NOT NULL, "synced_at" TEXT NOT NULL);
CREATE UNIQUE INDEX "sync_folder_name" ON "sync_folder" ("name");
CREATE TABLE "sync_item" ("id" INTEGER NOT NULL PRIMARY KEY, "folder" TEXT NOT NULL, "uid" TEXT NOT NULL, "href" TEXT NOT NULL, "stamp" TEXT NOT NULL, "file_hash" TEXT NOT NULL, "netkeep_hash" TEXT NOT NULL, "base" TEXT NOT NULL);
CREATE UNIQUE INDEX "sync_item_folder_uid" ON "sync_item" ("folder", "uid");
CREATE TABLE "delivery" ("id" INTEGER NOT NULL PRIMARY KEY, "item" TEXT NOT NULL, "channel" TEXT NOT NULL, "delivered_at" TEXT NOT NULL);
CREATE UNIQUE INDEX "delivery_item_channel" ON "delivery" ("item", "channel");
"""


def _v12(db: SqliteDatabase) -> Iterator[str]:
    """The step's tables, then the journal's triggers for them (made from the schema they leave)."""
    from netkeep.store import journal

    yield from _split(_V12)
    yield from journal.trigger_statements(db)


#: Step number -> (what it does, its SQL statements, or a function of the database giving them
#: for a step made from the schema as it stands, such as the journal's triggers).
STEPS: dict[int, tuple[str, str | Callable[[SqliteDatabase], Iterable[str]]]] = {
    1: ("contacts, companies, tags and the timeline", _V1),
    2: ("reminders, commitments, referral loops and intros", _V2),
    3: ("meeting notes, reflections and thank-you drafts", _V3),
    4: ("indexes for the agenda: follow-ups due and replies owed", _V4),
    5: ("job search: where each target employer stands", _V5),
    6: ("an index for the contact list in name order (its first screenful without a sort)", _V6),
    7: ("the change journal: every change recorded, so it can be undone", _v7),
    8: ("everything else a card carries, and imported contacts marked as such", _v8),
    9: ("the search index: every contact found by anything on their card or in what was said", _v9),
    11: ("a thank-you per person of a meeting, their news, and chasing replies they owe", _v11),
    12: ("phone sync: each item as last synced; reminders delivered", _v12),
}

LATEST = max(STEPS)


def statements(step: int, db: SqliteDatabase) -> Iterable[str]:
    """The SQL statements of one migration step on ``db`` (none for a number left free: 10 was
    given to a branch that never landed, and a database past it would never run it)."""
    if step not in STEPS:
        return []
    sql = STEPS[step][1]
    return sql(db) if callable(sql) else _split(sql)


def _split(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";\n") if s.strip()]
