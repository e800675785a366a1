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


def silence(recent_items: Sequence[datetime], now: datetime, *, factor: float,
            minimum: timedelta = timedelta(hours=12)) -> str | None:
    """Why a feed that answers fine should still worry an analyst: it stopped publishing.

    Silent means no new item for `factor` times its usual gap (and at least `minimum`),
    judged only for feeds with an established rhythm (five items or more).
    """
    items = sorted(recent_items)
    if len(items) < 5:
        return None
    gaps = [(b - a).total_seconds() for a, b in zip(items, items[1:])]
    usual = timedelta(seconds=statistics.median(gaps))
    quiet = now - items[-1]
    if quiet < max(minimum, usual * factor):
        return None
    return f"no new items for {_human(quiet)}; it usually publishes every {_human(usual)}"


def _human(delta: timedelta) -> str:
    minutes = delta.total_seconds() / 60
    if minutes < 90:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.0f} h"
    return f"{minutes / 1440:.0f} days"
