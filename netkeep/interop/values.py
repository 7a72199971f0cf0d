"""Reading one imported value: an email address, a phone number, a date.

Each reader returns ``(value, why)``: the value to keep in its field (``None`` when it
cannot go there and is kept in the notes instead) and, when something was odd, a few
words on what (``""`` otherwise).
"""

from __future__ import annotations

import os
import re
from datetime import date
from email.utils import parseaddr
from functools import lru_cache

from netkeep.core.dates import MONTHS
from netkeep.core.validation import EMAIL_RE, PHONE_RE

#: Dashes and spaces that look alike but are not what a phone number or a date is typed with.
_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00a0\u2007\u2009\u202f\u200a", " "),
    }
)
#: What may stand between a number and its extension after a pause: ``w``, ``p``, ``;`` or ``,``.
_PAUSE = re.compile(r"(?<=\d)\s*(?:[wWpP;]+|,+)\s*(?=\d)")
_EXTENSION = re.compile(r"(?:;ext=|\s*(?:ext\.?|extension|x|#|,+|;|[wWpP]+)\s*)(\d{1,10})$", re.I)
NO_REGION = "no-region"
_NOT_DIGITS = re.compile(r"\D+")
_PAUSED = "read as {} (the digits after the pause as an extension)"
_FORMATTED_EXTENSION = re.compile(r"\s*(?:ext\.|x)\s*\d+$")
_OUTLOOK_EMAIL = re.compile(r"^.*\(([^()\s]+@[^()\s]+)\)$")


def default_region() -> str | None:
    """The region phone numbers without a country code are read in: ``[import] region`` in
    config.toml, else the one the locale names (``en_US.UTF-8`` → ``US``), else none."""
    from netkeep.core.config import load_config

    configured = load_config().section("import").get("region")
    if isinstance(configured, str) and configured.strip():
        return _known_region(configured.strip().upper())
    for variable in ("LC_ALL", "LC_TELEPHONE", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            match = re.match(r"^[a-z]{2,3}_([A-Z]{2})\b", value)
            return _known_region(match.group(1)) if match else None
    return None


def _known_region(code: str) -> str | None:
    import phonenumbers

    return code if code in phonenumbers.SUPPORTED_REGIONS else None


def read_email(text: str) -> tuple[str | None, str]:
    """An email address as it goes in the email field."""
    value = text.strip()
    if value[:7].casefold() == "mailto:":
        value = value[7:]
    if not value or value[:7].casefold() == "urn:li:":  # LinkedIn's "no email" placeholder
        return None, ""
    if EMAIL_RE.match(value):
        return value, ""
    address = ""
    if "<" in value:
        address = parseaddr(value)[1]
    elif value.endswith(")"):
        match = _OUTLOOK_EMAIL.match(value)
        address = match.group(1) if match else ""
    if address and EMAIL_RE.match(address):
        return address, f"read as {address}"
    if "@" not in value:
        return None, "has no @"
    domain = value.rsplit("@", 1)[1]
    if "." not in domain:
        return None, "is a local address (no dot after the @)"
    return None, "is not a complete email address"


def read_phone(text: str, region: str | None) -> tuple[str | None, str]:
    """A phone number, normalised to the international form when it can be read as one
    (``+1 415-555-0199 ext. 102``); ``why`` is :data:`NO_REGION` for a number kept as typed
    because it has no country code and no region is set."""
    value = " ".join(text.translate(_LOOKALIKES).split())
    if value[:4].casefold() == "tel:":
        value = value[4:]
    if not value:
        return None, ""
    return _phone(value, region)


#: A plain number: digits and the usual punctuation, no extension or letters.
_PLAIN = re.compile(r"\+?[\d\s().\-/]+")


@lru_cache(maxsize=4096)
def _phone(value: str, region: str | None) -> tuple[str | None, str]:
    if value[0] in "*#":
        return None, "is a dial code, not a phone number"
    paused = _PAUSE.search(value) is not None
    from phonenumbers import NumberParseException, PhoneNumberFormat, format_number, is_possible_number, parse

    if _PLAIN.fullmatch(value):  # the library reads bare digits a good deal faster
        typed = ("+" if value.lstrip().startswith("+") else "") + "".join(ch for ch in value if ch.isdigit())
    else:
        typed = _PAUSE.sub(",", value) if paused else value
    try:
        number = parse(typed, region)
    except NumberParseException as error:
        no_country = error.error_type == NumberParseException.INVALID_COUNTRY_CODE and region is None
        return _as_typed(value, paused, NO_REGION if no_country else "")
    formatted = format_number(number, PhoneNumberFormat.INTERNATIONAL)
    # A number that no format of its country fits comes back ungrouped ("+1 5550123"): not a
    # real number there, so it is kept as typed (cheaper than is_valid_number, same answer).
    main = _FORMATTED_EXTENSION.sub("", formatted) if number.extension else formatted
    if (" " in main[main.find(" ") + 1 :] or "-" in main) and is_possible_number(number):
        return formatted, (_PAUSED.format(formatted) if paused else "")
    return _as_typed(value, paused, "")


def _as_typed(value: str, paused: bool, why: str) -> tuple[str | None, str]:
    """A number netkeep cannot normalise, kept as typed when it looks like a phone number
    (a pause written as an extension), else for the notes."""
    if PHONE_RE.fullmatch(value):
        return value, why
    match = _EXTENSION.search(value) if paused else None
    if match and PHONE_RE.fullmatch(main := value[: match.start()].strip()):
        kept = f"{main} ext. {match.group(1)}"
        return kept, why or _PAUSED.format(kept)
    return None, "is not a phone number"


def phone_key(value: str) -> str:
    """What two spellings of one phone number share: the last nine digits of the number and
    the extension (``+1 415-555-0199 ext. 2`` and ``(415) 555 0199 x2`` → ``155550199x2``)."""
    match = _EXTENSION.search(value)
    main, extension = (value[: match.start()], match.group(1)) if match else (value, "")
    digits = _NOT_DIGITS.sub("", main)
    if len(digits) < 7:
        return ""
    return digits[-9:] + (f"x{extension}" if extension else "")


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})[ ./-]+([A-Za-z]{3,9})\.?[ ./,-]+(\d{4}|\d{2})(?:,? .*)?$")
_MONTH_DAY = re.compile(r"^([A-Za-z]{3,9})\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})(?:,? .*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,? .*|T.*)?$")


_BIRTHDAY = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)")
#: Apple's year for "no year" (``BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15``).
NO_YEAR = "1604"


def read_birthday(text: str, omit_year: str = "") -> str:
    """``--0415``, ``--04-15``, ``19900415``, ``1990-04-15T…`` as ``--04-15`` / ``1990-04-15``;
    a year of ``omit_year`` (Apple's 1604) means none. Anything else is kept as written."""
    text = text.strip()
    compact = text.replace("-", "")
    if text.startswith("--") and len(compact) == 4 and compact.isdigit():
        return f"--{compact[:2]}-{compact[2:]}"
    match = _BIRTHDAY.match(text)
    if match:
        year, month, day = match.groups()
        return f"--{month}-{day}" if omit_year and year == omit_year else f"{year}-{month}-{day}"
    return text


def numeric_order(texts) -> bool | None:
    """Whether the numeric dates among ``texts`` put the day first (``31/12/2025``): True,
    False (``12/31/2025``), or None when every one of them reads both ways."""
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if match and match.group(2) != ".":
            if int(match.group(1)) > 12:
                return True
            if int(match.group(3)) > 12:
                return False
    return None


@lru_cache(maxsize=8192)
def read_date(text: str, day_first: bool = False) -> date | None:
    """A date as LinkedIn, Excel or an address book writes it: ``12 Mar 2024``, ``5-Jan-26``,
    ``Mar 12, 2024``, ``2024-03-12``, ``3/12/24, 6:14 PM`` (``day_first`` for ``12/3/24``),
    ``12.03.2024``; None when it is none of these."""
    text = " ".join(text.translate(_LOOKALIKES).split())
    try:
        if match := _ISO.match(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _DAY_MONTH.match(text):
            day, month, year = (
                int(match.group(1)),
                MONTHS.get(match.group(2).casefold(), 0),
                int(match.group(3)),
            )
        elif match := _MONTH_DAY.match(text):
            month, day, year = (
                MONTHS.get(match.group(1).casefold(), 0),
                int(match.group(2)),
                int(match.group(3)),
            )
        elif match := _NUMERIC.match(text):
            first, separator, second, digits = match.groups()
            if separator == "." or day_first:
                day, month = int(first), int(second)
            else:
                month, day = int(first), int(second)
            year = int(digits)
        else:
            return None
        return date(_full_year(year), month, day)
    except ValueError:
        return None


def _full_year(year: int) -> int:
    if year >= 100:
        return year
    this_year = date.today().year
    return 2000 + year if 2000 + year <= this_year + 1 else 1900 + year
