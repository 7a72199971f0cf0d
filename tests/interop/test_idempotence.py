"""Importing the same file again, of any format, adds nothing and changes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from netkeep.core.exports import load_contacts
from netkeep.interop import dedupe, vcard
from netkeep.interop.readers import read_file
from netkeep.interop.vcard_write import write_cards
from netkeep.store.models import Contact

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"
FILES = [
    ("linkedin", "linkedin_current.csv"),
    ("linkedin", "linkedin_old.csv"),
    ("linkedin", "linkedin_excel_semicolon.csv"),
    ("linkedin", "linkedin_excel_unicode.txt"),
    ("linkedin", "linkedin_urn.csv"),
    ("linkedin", "linkedin_same_company.csv"),
    ("google", "google_current.csv"),
    ("google", "google_old.csv"),
    ("google", "google_semicolon.csv"),
    ("outlook", "outlook.csv"),
    ("vcard", "cards_21.vcf"),
    ("vcard", "cards_30.vcf"),
    ("vcard", "cards_40.vcf"),
    ("vcard", "apple_full.vcf"),
    ("vcard", "google_contacts.vcf"),
    ("vcard", "card_40_full.vcf"),
    ("vcard", "odd_values.vcf"),
    ("vcard", "phone_book.vcf"),
    ("vcard", "vdir"),
    ("vcard", "vdir_same_uid"),
]


def snapshot() -> list:
    return [(c.uid, c.to_input()) for c in load_contacts()]


@pytest.mark.parametrize("kind, name", FILES, ids=[name for _, name in FILES])
def test_importing_a_file_again_adds_nothing_and_changes_nothing(db, kind, name):
    dedupe.apply(dedupe.plan(read_file(kind, str(FIXTURES / name))))
    before = snapshot()
    plan = dedupe.plan(read_file(kind, str(FIXTURES / name)))
    assert (plan.count("add"), plan.count("update")) == (0, 0), [s.changes for s in plan.steps]
    dedupe.apply(plan)
    assert snapshot() == before


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_importing_netkeeps_own_vcards_back_changes_nothing(db, version):
    for _kind, name in FILES:
        if name.endswith(".vcf"):
            dedupe.apply(dedupe.plan(vcard.parse(FIXTURES / name)))
    before, count = snapshot(), Contact.select().count()
    out = io.StringIO()
    write_cards(load_contacts(), out, version)
    plan = dedupe.plan(vcard.parse_text(out.getvalue()))
    assert (plan.count("add"), plan.count("update")) == (0, 0), [s.changes for s in plan.steps if s.changes]
    assert {s.matched_by for s in plan.steps} == {"same card UID"}
    dedupe.apply(plan)
    assert snapshot() == before and Contact.select().count() == count
