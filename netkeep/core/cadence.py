"""Keep-in-touch cadence: how often to reach out, and when next."""

from __future__ import annotations

from datetime import date, timedelta

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


def cadence_for(
    contact_type: str,
    job_search: bool,
    own: int | None = None,
    overrides: dict[str, int] | None = None,
) -> int:
    """The cadence in days: the contact's own, else the default for its type."""
    if own:
        return own
    table = {**DEFAULT_CADENCE_DAYS, **(overrides or {})}
    days = table.get(contact_type, table.get("other", FALLBACK_CADENCE_DAYS))
    if job_search:
        days = min(days, table.get("job-search", JOB_SEARCH_CADENCE_DAYS))
    return days


def next_follow_up(last_touch: date, cadence_days: int) -> date:
    """The day to reach out again after the last touch."""
    return last_touch + timedelta(days=cadence_days)
