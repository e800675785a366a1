"""When a feed is next due: pure arithmetic on its rhythm, its failures and what the server asked."""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(hours=24)
MAX_RETRY_AFTER = timedelta(hours=24)
RHYTHM_WINDOW = timedelta(days=14)


def adaptive_interval(
    recent_items: Sequence[datetime], now: datetime, *, preferred: int, shortest: int, longest: int
) -> int:
    """Minutes until the next poll, from how often the feed has published new items lately.

    A feed is polled about twice per typical gap between its items (so a story is seen
    within half a gap), never more often than `shortest` nor less than `longest`
    minutes; with fewer than three items in the window its preferred interval stands,
    lengthened when it has been silent for a long time.
    """
    window = sorted(t for t in recent_items if now - t <= RHYTHM_WINDOW)
    if len(window) < 3:
        silent = now - max(recent_items) if recent_items else RHYTHM_WINDOW
        minutes = preferred * (2 if silent >= RHYTHM_WINDOW / 2 else 1)
        return max(shortest, min(longest, minutes))
    gaps = [(b - a).total_seconds() / 60 for a, b in zip(window, window[1:])]
    typical_gap = statistics.median(gaps)
    return int(max(shortest, min(longest, typical_gap / 2)))


def next_poll_after_success(now: datetime, interval_minutes: int) -> datetime:
    return now + timedelta(minutes=interval_minutes)


def next_poll_after_failure(now: datetime, interval_minutes: int, failures: int, rng: random.Random | None = None) -> datetime:
    """Exponential backoff from the feed's interval, capped at a day, with +-20% jitter."""
    base = timedelta(minutes=interval_minutes) * (2 ** max(0, failures - 1))
    delay = min(base, MAX_BACKOFF)
    jitter = (rng or random).uniform(0.8, 1.2)
    return now + delay * jitter


def next_poll_after_throttle(now: datetime, retry_after: float | None, fallback: datetime) -> datetime:
    """A 429/503 with Retry-After is obeyed (capped at a day); without one, the usual backoff."""
    if retry_after is None:
        return fallback
    return now + min(timedelta(seconds=retry_after), MAX_RETRY_AFTER)
