"""robots.txt for article pages: fetched through the guarded fetch, cached a day, read by the stdlib.

Feeds are published to be polled and are not checked. Statuses follow the
common reading: 404 and other 4xx allow everything, 401/403 forbid
everything, 429 and 5xx (or no answer) mean "try later": allowed for now and
remembered only for a few minutes.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import redis

from worker.net.guard import FetchError
from worker.net.politeness import redis_client
from worker.settings import Settings

DAY = 24 * 3600
TRY_LATER = 10 * 60
MAX_ROBOTS_BYTES = 500_000  # what the large crawlers read; the rest of a bigger file is ignored
ROBOTS_TIMEOUT = 10.0
KEY_PREFIX = "sahelwatch:robots:"
LOCAL_ENTRIES = 1024

# Cached verdicts: "A" allow all, "D" disallow all, "T" followed by the file's text.
ALLOW_ALL, DISALLOW_ALL, RULES = "A", "D", "T"

Fetcher = Callable[[str, Settings], tuple[int, bytes]]


class _LocalCache:
    """An in-process LRU with expiry, used when there is no Redis."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def set(self, key: str, value: str, ttl: float) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_local = _LocalCache(LOCAL_ENTRIES)


def product_token(user_agent: str) -> str:
    """'sahelwatch' from 'sahelwatch/0.1 (+https://...)': the name robots.txt groups address."""
    return user_agent.split("/", 1)[0].split()[0].lower() if user_agent.strip() else "*"


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1], "/robots.txt", "", ""))


def verdict_for(status: int, body: bytes) -> tuple[str, float]:
    """What an answer to /robots.txt means, and how long to remember it."""
    if status in (401, 403):
        return DISALLOW_ALL, DAY
    if status == 429 or status >= 500:
        return ALLOW_ALL, TRY_LATER
    if status >= 400:
        return ALLOW_ALL, DAY
    if 200 <= status < 300:
        return RULES + body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"), DAY
    return ALLOW_ALL, TRY_LATER  # an unfollowed redirect or an odd status: look again soon


def is_allowed(verdict: str, url: str, agent: str) -> bool:
    if verdict.startswith(DISALLOW_ALL):
        return False
    if not verdict.startswith(RULES):
        return True
    parser = RobotFileParser()
    parser.parse(verdict[1:].splitlines())
    return parser.can_fetch(agent, url)


def check_robots(url: str, settings: Settings, fetcher: Fetcher) -> None:
    """Raise FetchError when robots.txt forbids ``url`` to our user agent."""
    agent = product_token(settings.full_user_agent)
    verdict = cached_verdict(url, settings, fetcher)
    if not is_allowed(verdict, url, agent):
        raise FetchError(f"disallowed by robots.txt for {agent}")


def cached_verdict(url: str, settings: Settings, fetcher: Fetcher) -> str:
    """The site's verdict from Redis or this process, fetching robots.txt once when neither knows it."""
    location = robots_url(url)
    key = KEY_PREFIX + location
    client = redis_client(settings)
    if client is not None:
        try:
            cached = client.get(key)
            if cached is not None:
                return cached.decode("utf-8", errors="replace")
        except redis.RedisError:
            client = None
    local = _local.get(key)
    if local is not None:
        return local
    try:
        status, body = fetcher(location, settings)
        verdict, ttl = verdict_for(status, body)
    except FetchError:
        verdict, ttl = ALLOW_ALL, TRY_LATER  # unreachable robots.txt: try later, like a 5xx
    _local.set(key, verdict, ttl)
    if client is not None:
        try:
            client.set(key, verdict.encode("utf-8"), ex=int(ttl))
        except redis.RedisError:
            pass
    return verdict


def forget_local_cache() -> None:
    """Drop this process's cached verdicts (tests start from nothing)."""
    _local.clear()
