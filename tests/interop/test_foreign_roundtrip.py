"""A card from another program comes back out of netkeep with the properties it came in with,
compared property by property with an independent parser (vobject); and netkeep's own
content-line parser reads what vobject reads."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import vobject

from netkeep.core.exports import load_contacts
from netkeep.interop import dedupe, vcard
from netkeep.interop.values import phone_key, read_birthday
from netkeep.interop.vcard_lines import logical_lines, parse_line, split_cards, split_value, unescape
from netkeep.interop.vcard_write import write_cards

FIXTURES = Path(__file__).parent.parent / "fixtures" / "interop"
#: What a card may gain on the way: netkeep's PRODID and source, a UID where it had none, the
#: LinkedIn profile also as X-SOCIALPROFILE, and the FN or N the standard asks for.
GAINED = {"PRODID", "X-NETKEEP-SOURCE", "UID", "X-SOCIALPROFILE", "N", "FN"}
#: Labels are compared with the property they belong to, not as properties.
SKIPPED = {"VERSION", "PRODID", "X-ABLABEL"}


def value_of(prop) -> str:
    if prop.name.upper() == "TEL":
        return phone_key(str(prop.value))
    if prop.name.upper() in ("BDAY", "ANNIVERSARY", "X-ABDATE"):  # --0923 is 1604-09-23 to Apple
        return read_birthday(str(prop.value), prop.params.get("X-APPLE-OMIT-YEAR", [""])[0])
    if prop.name.upper() == "UID":
        return str(prop.value).removeprefix("urn:uuid:")
    if prop.name.upper() == "CATEGORIES":  # tags, in any order; Google's own groups left out
        return ",".join(sorted(v for v in prop.value if v not in ("myContacts", "starred")))
    value = prop.value
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def properties(card) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop in card.getChildren():
        if prop.name.upper() not in SKIPPED:
            found.setdefault(prop.name.upper(), []).append(value_of(prop))
    return found


def round_trip(name: str, version: str) -> tuple[dict, dict]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    dedupe.apply(dedupe.plan(vcard.parse(FIXTURES / name)))
    out = io.StringIO()
    write_cards(load_contacts(), out, version)
    before = {name_of(card): properties(card) for card in vobject.readComponents(text)}
    after = {name_of(card): properties(card) for card in vobject.readComponents(out.getvalue())}
    return before, after


def name_of(card) -> str:
    return " ".join(str((card.contents.get("fn") or card.contents["n"])[0].value).split())


@pytest.mark.parametrize(
    "name, version",
    # (not cards_30.vcf: vobject itself cuts its NOTE at an unescaped comma)
    [("apple_full.vcf", "3.0"), ("google_contacts.vcf", "3.0"), ("card_40_full.vcf", "4.0")],
)
def test_a_foreign_card_comes_back_out_with_every_property_it_came_in_with(db, name, version):
    before, after = round_trip(name, version)
    assert set(before) == set(after)
    for person, props in before.items():
        out = after[person]
        for prop, values in props.items():
            if prop in GAINED:
                assert set(values) <= set(out.get(prop, [])), (person, prop)
            else:
                assert sorted(values) == sorted(out.get(prop, [])), (person, prop)
        assert set(out) - set(props) <= GAINED, (person, set(out) - set(props))


def test_a_photo_comes_back_byte_for_byte(db):
    dedupe.apply(dedupe.plan(vcard.parse(FIXTURES / "cards_30.vcf")))
    out = io.StringIO()
    write_cards(load_contacts(), out, "3.0")
    original = vobject.readOne((FIXTURES / "cards_30.vcf").read_text(encoding="utf-8"))
    again = next(c for c in vobject.readComponents(out.getvalue()) if c.fn.value == original.fn.value)
    assert again.photo.value == original.photo.value


@pytest.mark.parametrize(
    "name", ["apple_full.vcf", "card_40_full.vcf", "cards_30.vcf", "google_contacts.vcf"]
)
def test_our_content_lines_match_vobjects(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    ours = []
    for _start, lines, _closed in split_cards(text):
        ours.append(
            [
                (prop.group.casefold(), prop.name, prop.value)
                for prop in (parse_line(line, number) for number, line in logical_lines(lines))
                if prop is not None
            ]
        )
    from vobject.base import getLogicalLines, textLineToContentLine

    theirs, card = [], []
    for logical, number in getLogicalLines(io.StringIO(text), allowQP=True):
        prop = textLineToContentLine(logical, number)
        if prop.name == "BEGIN":
            card = []
        elif prop.name == "END":
            theirs.append(card)
        elif prop.name != "VERSION":
            card.append(((prop.group or "").casefold(), prop.name, prop.value))
    assert len(ours) == len(theirs)
    for mine, other in zip(ours, theirs, strict=True):
        assert sorted(p for p in mine if p[1] != "VERSION") == sorted(other)


def test_structured_values_split_at_unescaped_separators_only():
    assert split_value(r"Smith\, Jones & Partners;Research", ";") == ["Smith, Jones & Partners", "Research"]
    assert split_value(r"a\\;b", ";") == ["a\\", "b"]
    assert unescape(r"line one\nline two\, with a comma") == "line one\nline two, with a comma"
