"""Keep-in-touch cadence: how often to reach out, and when next.

The defaults below can be changed in ``config.toml``::

    [cadence]
    peer = 45          # days between touches, per contact type
    recruiter = 21
    job-search = 14    # a job-search contact is never left longer than this

A contact's own cadence (set on the contact) wins over both.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

#: Days between touches by contact type, before config overrides.
DEFAULT_CADENCE_DAYS = {
    "peer": 60,
    "alumni": 60,
    "company": 45,
    "recruiter": 30,
    "mentor": 30,
    "friend/family": 90,
    "faculty": 90,
    "other": 90,
}
#: A job-search contact is never left longer than this.
JOB_SEARCH_CADENCE_DAYS = 21
FALLBACK_CADENCE_DAYS = 60
MAX_CADENCE_DAYS = 3650
#: The keys the ``[cadence]`` table understands.
CONFIG_KEYS = (*DEFAULT_CADENCE_DAYS, "job-search")

_UNIT_DAYS = {
    "": 1,
    "d": 1,
    "day": 1,
    "days": 1,
    "w": 7,
    "week": 7,
    "weeks": 7,
    "m": 30,
    "month": 30,
    "months": 30,
}
_cache: dict[Path, tuple[tuple[int, int] | None, dict[str, int], tuple[str, ...]]] = {}


def cadence_for(
    contact_type: str,
    job_search: bool,
    own: int | None = None,
    overrides: dict[str, int] | None = None,
) -> int:
    """The cadence in days: the contact's own, else the (configured) default for its type."""
    if own:
        return own
    if overrides is None:
        overrides = configured_overrides()
    table = {**DEFAULT_CADENCE_DAYS, **overrides}
    days = table.get(contact_type, table.get("other", FALLBACK_CADENCE_DAYS))
    if job_search:
        days = min(days, table.get("job-search", JOB_SEARCH_CADENCE_DAYS))
    return days


def effective_table(overrides: dict[str, int] | None = None) -> dict[str, int]:
    """Every contact type's cadence and the job-search cap, with the config applied."""
    if overrides is None:
        overrides = configured_overrides()
    return {**DEFAULT_CADENCE_DAYS, "job-search": JOB_SEARCH_CADENCE_DAYS, **overrides}


def next_follow_up(last_touch: date, cadence_days: int) -> date:
    """The day to reach out again after the last touch."""
    return last_touch + timedelta(days=cadence_days)


def parse_cadence(value) -> int:
    """Read a cadence a person gave: ``30``, ``"30"``, ``"6w"``, ``"2 months"`` → days.

    Raises :class:`ValueError` with a message fit to show for 0, negatives, text or
    anything over ten years.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number of days")
    if isinstance(value, int):
        days = value
    else:
        match = re.fullmatch(r"\s*(-?\d+)\s*([a-z]*)\s*", str(value).lower())
        if not match or match[2] not in _UNIT_DAYS:
            raise ValueError(f"'{value}' is not a number of days (try 30, '6w' or '2 months')")
        days = int(match[1]) * _UNIT_DAYS[match[2]]
    if not 1 <= days <= MAX_CADENCE_DAYS:
        raise ValueError(f"{value} is not a cadence: use a number of days from 1 to {MAX_CADENCE_DAYS}")
    return days


def read_overrides(section: dict) -> tuple[dict[str, int], tuple[str, ...]]:
    """Check a ``[cadence]`` table: the usable overrides and a message for each bad entry."""
    overrides: dict[str, int] = {}
    problems: list[str] = []
    for key, value in section.items():
        if key not in CONFIG_KEYS:
            problems.append(f"[cadence] {key}: unknown key (use one of {', '.join(CONFIG_KEYS)})")
            continue
        try:
            overrides[key] = parse_cadence(value)
        except ValueError as error:
            default = JOB_SEARCH_CADENCE_DAYS if key == "job-search" else DEFAULT_CADENCE_DAYS[key]
            problems.append(f"[cadence] {key}: {error}; using the default of {default} days")
    return overrides, tuple(problems)


def _load() -> tuple[dict[str, int], tuple[str, ...]]:
    """The checked ``[cadence]`` table, read again only when the file changes."""
    from netkeep.core.config import load_config
    from netkeep.paths import config_dir

    directory = config_dir()
    path = directory / "config.toml"
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    config = load_config(directory)
    overrides, problems = read_overrides(config.section("cadence"))
    _cache[path] = (stamp, overrides, config.problems + problems)
    return overrides, config.problems + problems


def configured_overrides() -> dict[str, int]:
    """The usable ``[cadence]`` entries of the config file (re-read when the file changes)."""
    return _load()[0]


def config_problems() -> tuple[str, ...]:
    """What in the config file could not be used for cadences, one message each."""
    return _load()[1]
