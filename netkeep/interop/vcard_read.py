"""One vCard's properties as a contact: netkeep's fields where it has them, details for
nicknames, addresses, profiles, related names and dates, and every other property kept
as written (with its Apple label) so an export gives it back."""

from __future__ import annotations

import re
from datetime import date

from netkeep.core import details as kinds
from netkeep.core.details import address_value, place
from netkeep.core.records import ContactInput, Detail, Method, contact_input
from netkeep.interop.parsed import Odd
from netkeep.interop.records import clean, clean_block, is_linkedin
from netkeep.interop.values import read_birthday
from netkeep.interop.vcard_lines import Prop, split_value, unescape

X = "X-NETKEEP-"
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
#: Google's own groups, which are not labels a person chose.
SYSTEM_GROUPS = {"mycontacts", "starred"}
#: Properties read into fields and details (any other one is kept as written).
HANDLED = {
    "VERSION", "PRODID", "UID", "FN", "N", "X-ABSHOWAS", "ORG", "TITLE", "EMAIL", "TEL",
    "URL", "X-SOCIALPROFILE", "ADR", "BDAY", "ANNIVERSARY", "X-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY",
    "X-ABDATE", "X-ABRELATEDNAMES", "RELATED", "NICKNAME", "CATEGORIES", "NOTE", "X-ABLABEL",
}  # fmt: skip
#: Properties read once: a second one is kept as written.
ONCE = {"FN", "N", "X-ABSHOWAS", "ORG", "TITLE", "BDAY"}
#: netkeep's own properties, by the part after ``X-NETKEEP-``.
OWN = {"TYPE", "JOB-SEARCH", "HOW-MET", "MET-ON", "MET-AT", "NEEDS", "CADENCE", "FOLLOW-UP", "SOURCE"}
OWN_PROPS = tuple((name, X + name) for name in OWN)
NO_OWN = dict.fromkeys(OWN, "")
#: The parameter netkeep marks its own location ADR with (the contact's place, not an address).
LOCATION_PARAM = "X-NETKEEP-LOCATION"


def labels_of(props: list[Prop]) -> dict[str, str]:
    """Apple-style labels by group: ``item1.X-ABLabel:Work`` → ``{"item1": "work"}``."""
    labels = {}
    for prop in props:
        if prop.name == "X-ABLABEL" and prop.group:
            value = clean(unescape(prop.value))
            match = _APPLE_LABEL.match(value)
            labels[prop.group.casefold()] = (match.group(1) if match else value).casefold()
    return labels


def label_of(prop: Prop, labels: dict[str, str]) -> str:
    """Its Apple label, else its first TYPE that is a label ("work")."""
    if prop.group and prop.group.casefold() in labels:
        return labels[prop.group.casefold()]
    return prop.kind


def _text(prop: Prop) -> str:
    return clean(unescape(prop.value))


def card_input(props: list[Prop]) -> tuple[ContactInput | None, dict[str, str], list[Odd]]:
    """The contact a card holds (None when it has no name, company, email or phone), who
    introduced them (a netkeep card), and its odd values."""
    by_name: dict[str, list[Prop]] = {}
    for prop in props:
        by_name.setdefault(prop.name, []).append(prop)
    labels = labels_of(by_name.get("X-ABLABEL", []))

    def first(name: str) -> str:
        return _text(by_name[name][0]) if name in by_name else ""

    odd: list[Odd] = []
    details: list[Detail] = []
    given = family = ""
    full = first("FN")
    if "N" in by_name:
        family, given, additional, prefix, suffix = [
            clean(part.replace(",", " ")) for part in (split_value(by_name["N"][0].value, ";") + [""] * 5)[:5]
        ]
        pieces = (("prefix", prefix), ("additional", additional), ("suffix", suffix))
        details += [Detail(kinds.NAME_PART, value, part) for part, value in pieces if value]
        if not full:
            full = " ".join(part for part in (prefix, given, additional, family, suffix) if part)
    organisation = (
        first("KIND").casefold() in ("org", "organization") or first("X-ABSHOWAS").upper() == "COMPANY"
    )
    company = ""
    if "ORG" in by_name:
        units = [clean(unit) for unit in split_value(by_name["ORG"][0].value, ";")]
        company = units[0]
        details += [Detail(kinds.DEPARTMENT, unit) for unit in units[1:] if unit]
    if organisation:
        details.append(Detail(kinds.ORGANISATION, "yes"))
        given = family = ""
    nicknames = [
        clean(n) for prop in by_name.get("NICKNAME", []) for n in split_value(prop.value, ",") if clean(n)
    ]
    details += [Detail(kinds.NICKNAME, nickname) for nickname in nicknames]
    emails = [Method("email", v, label_of(p, labels)) for p in by_name.get("EMAIL", []) if (v := _text(p))]
    phones = [Method("phone", v, label_of(p, labels)) for p in by_name.get("TEL", []) if (v := _text(p))]
    if company and not organisation and not given and not family and full in ("", company):
        organisation = True  # a card named for its company alone (no person's name)
        details.append(Detail(kinds.ORGANISATION, "yes"))
    full = full or company or (nicknames[0] if nicknames else "")
    full = full or (emails[0].value if emails else "") or (phones[0].value if phones else "")
    if not full:
        return None, {}, odd
    linkedin, website, urls = "", "", []
    for prop in by_name.get("X-SOCIALPROFILE", []):
        value, label = _text(prop), label_of(prop, labels)
        if not linkedin and (is_linkedin(value) or label == "linkedin"):
            linkedin = value
        elif value and value != linkedin:
            details.append(Detail(kinds.PROFILE, value, label))
    for prop in by_name.get("URL", []):
        value, label = _text(prop), label_of(prop, labels)
        if not value or value == linkedin:
            continue
        if not linkedin and (is_linkedin(value) or label == "linkedin"):
            linkedin = value
        elif not website and label in ("website", "homepage", "home page"):
            website = value
        else:
            urls.append(Method("url", value, label))
    location = ""
    for prop in by_name.get("ADR", []):
        parts = [clean_block(part) for part in (split_value(prop.value, ";") + [""] * 7)[:7]]
        if prop.param(LOCATION_PARAM):
            location = location or clean(parts[3])
        elif any(parts):
            details.append(Detail(kinds.ADDRESS, address_value(parts), label_of(prop, labels)))
            location = location or place(parts)
    for name, label in (("ANNIVERSARY", "anniversary"), ("X-ANNIVERSARY", "anniversary"),
                        ("X-EVOLUTION-ANNIVERSARY", "anniversary"), ("X-ABDATE", "")):  # fmt: skip
        for prop in by_name.get(name, []):
            value = read_birthday(_text(prop), prop.param("X-APPLE-OMIT-YEAR"))
            details.append(Detail(kinds.DATE, value, label or label_of(prop, labels)))
    details += [
        Detail(kinds.RELATED, _text(p), label_of(p, labels)) for p in by_name.get("X-ABRELATEDNAMES", [])
    ]
    introducer = {"introducer_uid": "", "introducer_name": ""}
    if X + "INTRODUCED-BY" in by_name:
        prop = by_name[X + "INTRODUCED-BY"][0]
        introducer = {"introducer_name": _text(prop), "introducer_uid": clean(prop.param("X-UID"))}
    for prop in by_name.get("RELATED", []):
        value = _text(prop)
        if not (introducer["introducer_uid"] and value == f"urn:uuid:{introducer['introducer_uid']}"):
            details.append(Detail(kinds.RELATED, value, label_of(prop, labels)))
    details += _kept(props, by_name)
    netkeeps = any(name.startswith(X) for name in by_name)  # a card netkeep wrote
    own = {name: first(prop) for name, prop in OWN_PROPS} if netkeeps else NO_OWN
    met_on, follow_up = _own_date(own, "MET-ON", "met on", odd), _own_date(own, "FOLLOW-UP", "follow-up", odd)
    cadence = None
    if own["CADENCE"]:
        if own["CADENCE"].isdigit():
            cadence = int(own["CADENCE"])
        else:
            odd.append(Odd("keep-in-touch cadence", own["CADENCE"], "is not a number of days"))
    tags = [clean(tag) for prop in by_name.get("CATEGORIES", []) for tag in split_value(prop.value, ",")]
    bday = by_name.get("BDAY", [None])[0]
    data = contact_input(
        full_name=full,
        given_name=given,
        family_name=family,
        title=first("TITLE"),
        company=company,
        emails=tuple(emails),
        phones=tuple(phones),
        urls=tuple(urls),
        linkedin_url=linkedin,
        website=website,
        location=location,
        birthday=(read_birthday(_text(bday), bday.param("X-APPLE-OMIT-YEAR")) if bday else "")
        or first(X + "BIRTHDAY"),
        contact_type=own["TYPE"] or "peer",
        job_search=own["JOB-SEARCH"].casefold() in ("yes", "true", "1"),
        how_met=own["HOW-MET"],
        met_on=met_on,
        met_at=own["MET-AT"],
        needs=clean_block(unescape(by_name[X + "NEEDS"][0].value)) if X + "NEEDS" in by_name else "",
        notes="\n\n".join(clean_block(unescape(p.value)) for p in by_name.get("NOTE", []) if p.value.strip()),
        tags=tuple(tag for tag in tags if tag and tag.replace(" ", "").casefold() not in SYSTEM_GROUPS),
        cadence_days=cadence,
        next_follow_up=follow_up,
        source=own["SOURCE"] or ("" if "-//netkeep//" in first("PRODID") else "vcard"),
        uid=first("UID").removeprefix("urn:uuid:"),
        details=tuple(details),
    )
    return data, introducer, odd


def _own_date(own: dict[str, str], name: str, field: str, odd: list[Odd]) -> date | None:
    if not own[name]:
        return None
    try:
        return date.fromisoformat(own[name])
    except ValueError:
        odd.append(Odd(field, own[name], "is not a date (YYYY-MM-DD)"))
        return None


def _kept(props: list[Prop], by_name: dict[str, list[Prop]]) -> list[Detail]:
    """The properties netkeep has no field for (and a second name, title, birthday…), as
    written, an Apple label with its property; netkeep's own field details as fields."""
    kept: list[Detail] = []
    label_lines = {p.group.casefold(): p.text for p in by_name.get("X-ABLABEL", ()) if p.group}
    for prop in props:
        name = prop.name
        if name in HANDLED:
            if name in ONCE and by_name[name][0] is not prop:
                kept.append(_as_written(prop, label_lines))
        elif name.startswith(X):
            if name == X + "FIELD":
                kept.append(Detail(kinds.FIELD, clean_block(unescape(prop.value)), prop.param("X-LABEL")))
            elif name[len(X) :] not in OWN and name not in (X + "INTRODUCED-BY", X + "BIRTHDAY"):
                kept.append(_as_written(prop, label_lines))
        elif not (name == "KIND" and prop.value.strip().casefold() in ("org", "organization")):
            kept.append(_as_written(prop, label_lines))  # (an organisation's KIND netkeep writes back)
    return kept


def _as_written(prop: Prop, label_lines: dict[str, str]) -> Detail:
    text = prop.text
    if prop.group and prop.group.casefold() in label_lines:
        text += "\n" + label_lines[prop.group.casefold()]
    return Detail(kinds.CARD, text, prop.name)
