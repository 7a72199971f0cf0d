"""Hypothesis settings for the trust suite: more examples in the long form, the same examples
on every short run (CI must not fail at random), nothing written to disk."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from trust.scale import LONG, SCALE

TRUST = settings(
    max_examples=SCALE.examples,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
