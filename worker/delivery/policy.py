"""Pure: what to do after an attempt. Retry on timeouts, connection errors, 5xx and 429
(honouring Retry-After), with exponential backoff and jitter from the configured schedule."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

MAX_RETRY_AFTER = 24 * 3600.0


@dataclass(frozen=True)
class Verdict:
    outcome: str  # succeeded | retry | failed | gone
    delay: float | None = None


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return min(max(0.0, (when - now).total_seconds()), MAX_RETRY_AFTER)


def decide(
    status: int | None,
    attempts_made: int,
    schedule: list[float],
    *,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> Verdict:
    """`status` None means no HTTP answer (timeout, refused): as retryable as a 5xx."""
    if status is not None and 200 <= status < 300:
        return Verdict("succeeded")
    if status == 410:
        return Verdict("gone")  # the receiver says the endpoint no longer exists
    retryable = status is None or status == 429 or status >= 500 or status == 408
    if not retryable or attempts_made > len(schedule):
        return Verdict("failed")
    base = schedule[attempts_made - 1]
    delay = base * (rng or random).uniform(0.75, 1.25)  # jitter spreads retries of many deliveries
    if retry_after is not None:
        delay = max(delay, retry_after)
    return Verdict("retry", delay)
