"""When a feed is next due: pure arithmetic on its interval and failure count."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(hours=24)


def next_poll_after_success(now: datetime, interval_minutes: int) -> datetime:
    return now + timedelta(minutes=interval_minutes)


def next_poll_after_failure(now: datetime, interval_minutes: int, failures: int, rng: random.Random | None = None) -> datetime:
    """Exponential backoff from the feed's interval, capped at a day, with +-20% jitter."""
    base = timedelta(minutes=interval_minutes) * (2 ** max(0, failures - 1))
    delay = min(base, MAX_BACKOFF)
    jitter = (rng or random).uniform(0.8, 1.2)
    return now + delay * jitter
