"""The text rules every contact goes by: the keys company names and tags are matched by,
and the searchable text a contact is found by (what text may be kept: ``core.text``)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def normalise_company(name: str) -> str:
    """The key two spellings of one company share: ``ACME, Inc.`` → ``acme``."""
    key = re.sub(r"[.,]", " ", name.casefold())
    key = re.sub(r"\b(inc|ltd|llc|gmbh|corp|corporation|co|plc|sa|ag)\b", " ", key)
    return " ".join(key.split())


def normalise_tag(tag: str) -> str:
    """The key two spellings of one tag share: ``#Book Club`` → ``book-club``."""
    return "-".join(tag.strip().lstrip("#").casefold().split())


def tag_name(tag: str) -> str:
    """A tag as it is shown: as typed, without its ``#`` and extra spaces (``Book Club``)."""
    return " ".join(tag.strip().lstrip("#").split())


def search_text(
    *,
    name: str,
    company: str,
    title: str,
    tags: Iterable[str],
    notes: str,
    how_met: str,
    met_at: str,
    location: str,
    needs: str,
    emails: Iterable[str],
) -> str:
    """A contact's searchable text (``Contact.search_text``): these fields in lower case,
    runs of white space as one space.

    The contact list's filter, :func:`netkeep.core.contact_list.search`, the helpers for a
    need and ``netkeep find`` all match words against it; every writer of contacts (one by
    one, in bulk, the demo network) builds it here.
    """
    parts = [name, company, title, " ".join(tags), notes, how_met, met_at, location, needs, *emails]
    return " ".join(" ".join(parts).casefold().split())
