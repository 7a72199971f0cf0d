"""The demo network: believable, deterministic, and never the user's database."""

from __future__ import annotations

import pendulum
import pytest

from netkeep.cli import main
from netkeep.core import contacts
from netkeep.core.errors import NetkeepError
from netkeep.core.records import ContactInput
from netkeep.demo.network import generate
from netkeep.store.database import open_database
from netkeep.store.models import (
    Commitment,
    Contact,
    ContactTag,
    Interaction,
    InteractionContact,
    ReferralLoop,
    ReflectionAnswer,
    Reminder,
    ThankYouDraft,
)

TODAY = pendulum.datetime(2026, 3, 4, 12, 0, tz="UTC")

pytestmark = pytest.mark.frozen_at(TODAY)  # for the `frozen` fixture


def dump(path) -> tuple[list, list]:
    with open_database(path):
        people = list(Contact.select().order_by(Contact.id).tuples())
        timeline = list(Interaction.select().order_by(Interaction.id).tuples())
    return people, timeline


def test_same_seed_same_network_other_seed_other_network(tmp_path, frozen):
    generate(tmp_path / "a.db", contacts=150, seed=3)
    generate(tmp_path / "b.db", contacts=150, seed=3)
    generate(tmp_path / "c.db", contacts=150, seed=4)
    assert dump(tmp_path / "a.db") == dump(tmp_path / "b.db")
    assert dump(tmp_path / "a.db")[0] != dump(tmp_path / "c.db")[0]


def test_a_believable_network(tmp_path, frozen):
    stats = generate(tmp_path / "demo.db", contacts=300, seed=7)
    assert stats.contacts == 300 and 2400 <= stats.interactions <= 3600
    with open_database(tmp_path / "demo.db"):
        people = {c.id: c for c in Contact.select()}
        assert len(people) == 300
        assert len({c.full_name for c in people.values()}) > 280
        assert len({c.company_id for c in people.values()}) > 20
        assert len({c.contact_type for c in people.values()}) >= 6
        assert any(c.job_search for c in people.values())
        assert ContactTag.select().count() > 200
        # Referral chains: someone introduced by someone who was introduced themselves.
        introduced = {c.id: c.introduced_by_id for c in people.values() if c.introduced_by_id}
        assert any(introducer in introduced for introducer in introduced.values())
        assert all(introducer < cid for cid, introducer in introduced.items())
        # Everything happened in the last two years, up to yesterday.
        first, last = (
            Interaction.select(Interaction.occurred_at).order_by(order).scalar()
            for order in (Interaction.occurred_at, Interaction.occurred_at.desc())
        )
        assert first >= TODAY.subtract(days=731) and last < TODAY.start_of("day").add(days=1)
        kinds = {k for (k,) in Interaction.select(Interaction.kind).distinct().tuples()}
        assert {"coffee", "email", "informational interview", "event"} <= kinds
        assert Interaction.select().where(Interaction.reply_owed).count() >= 1
        assert Contact.select().where(Contact.follow_up_manual).count() >= 1
        assert Reminder.select().count() >= 1 and Commitment.select().count() >= 1
        assert ReferralLoop.select().count() >= 1
        # Past interviews were reflected on and thanked.
        assert ReflectionAnswer.select().count() >= 10
        assert ThankYouDraft.select().where(ThankYouDraft.status == "sent").count() >= 5
        for c in people.values():
            if c.last_contact_at is not None:
                latest = (
                    Interaction.select(Interaction.occurred_at)
                    .join(InteractionContact)
                    .where(InteractionContact.contact == c.id)
                    .order_by(Interaction.occurred_at.desc())
                    .scalar()
                )
                assert latest == c.last_contact_at
                break
        # The demo is searchable like any network.
        some = next(iter(people.values()))
        assert some.id in contacts.search(some.full_name)


def test_demo_command_never_touches_netkeep_db(tmp_path, monkeypatch, capsys):
    user_db = tmp_path / "real.db"
    monkeypatch.setenv("NETKEEP_DB", str(user_db))
    assert main(["demo", "--contacts", "20", "--no-open"]) == 0
    assert not user_db.exists()
    from netkeep.paths import demo_db_path

    assert demo_db_path().exists()
    assert "20 contacts" in capsys.readouterr().err
    # The global --db is the user's database: refused for the demo.
    assert main(["--db", str(user_db), "demo", "--no-open"]) == 1
    assert not user_db.exists()


def test_demo_replaces_a_demo_but_never_real_data(tmp_path):
    path = tmp_path / "demo.db"
    assert main(["demo", "--contacts", "30", "--no-open", "--db", str(path)]) == 0
    assert main(["demo", "--contacts", "10", "--no-open", "--db", str(path)]) == 0
    assert len(dump(path)[0]) == 10
    real = tmp_path / "mine.db"
    with open_database(real):
        contacts.create_contact(ContactInput(full_name="My Friend"))
    with pytest.raises(NetkeepError, match="never replaces"):
        generate(real, contacts=10)
    assert [c[2] for c in dump(real)[0]] == ["My Friend"]
    with pytest.raises(NetkeepError, match="from 1 to 30,000"):
        generate(tmp_path / "x.db", contacts=0)
