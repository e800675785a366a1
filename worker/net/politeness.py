"""Per-host concurrency and request spacing shared by every worker, through Redis.

A host gets at most ``per_host_concurrency`` requests in flight and one new
request per ``per_host_interval`` seconds across all workers. Each request
takes a lease (a member of a sorted set scored by its expiry, so a killed
worker's lease lapses by itself) and moves the host's "next allowed at" time,
both in one Lua script run on Redis's own clock. A worker waits a bounded
time for its turn, then gives up with HostBusy instead of holding its slot.
Without a usable Redis the same rules hold inside this process only.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import redis

from worker.embedded import redis_py_url
from worker.net.guard import FetchError
from worker.settings import Settings

log = logging.getLogger(__name__)

MAX_WAIT = 30.0  # seconds a fetch waits for its turn before "host busy"
LEASE_SLACK = 30.0  # a lease outlives the longest download by this much, then lapses
KEY_PREFIX = "sahelwatch:host:"
REDIS_SCHEMES = ("redis://", "rediss://", "redis+socket://", "unix://")

# Returns 0 when the lease was taken, else the milliseconds worth waiting before asking again.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit, interval, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.min(250, tonumber(first[2]) - now))
end
if ARGV[5] ~= '1' then
  local next_at = tonumber(redis.call('GET', KEYS[2]) or '0')
  if next_at > now then return next_at - now end
end
redis.call('ZADD', KEYS[1], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[1], lease)
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return 0
"""


class HostBusy(FetchError):
    """No turn for this host within the wait: a throttle to retry soon, not a broken feed."""


class _Backend(Protocol):
    def try_acquire(self, host: str, lease_id: str, *, limit: int, interval: float, lease: float,
                    skip_interval: bool) -> float: ...

    def release(self, host: str, lease_id: str) -> None: ...


class LocalBackend:
    """The same rules for one process, when there is no Redis to share them through."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._leases: dict[str, dict[str, float]] = {}
        self._next_at: dict[str, float] = {}

    def try_acquire(self, host: str, lease_id: str, *, limit: int, interval: float, lease: float,
                    skip_interval: bool) -> float:
        now = time.monotonic()
        with self._lock:
            leases = {k: v for k, v in self._leases.get(host, {}).items() if v > now}
            self._leases[host] = leases
            if len(leases) >= limit:
                return max(0.001, min(0.25, min(leases.values()) - now))
            if not skip_interval and self._next_at.get(host, 0.0) > now:
                return self._next_at[host] - now
            leases[lease_id] = now + lease
            if interval > 0:
                self._next_at[host] = now + interval
            return 0.0

    def release(self, host: str, lease_id: str) -> None:
        with self._lock:
            self._leases.get(host, {}).pop(lease_id, None)

    def clear(self) -> None:
        with self._lock:
            self._leases.clear()
            self._next_at.clear()


class RedisBackend:
    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self._script = client.register_script(_ACQUIRE)

    def try_acquire(self, host: str, lease_id: str, *, limit: int, interval: float, lease: float,
                    skip_interval: bool) -> float:
        # One hash tag per host keeps both keys in one slot on Redis Cluster.
        keys = [f"{KEY_PREFIX}{{{host}}}:leases", f"{KEY_PREFIX}{{{host}}}:next"]
        args = [limit, int(interval * 1000), int(lease * 1000), lease_id, "1" if skip_interval else "0"]
        return int(self._script(keys=keys, args=args)) / 1000

    def release(self, host: str, lease_id: str) -> None:
        self.client.zrem(f"{KEY_PREFIX}{{{host}}}:leases", lease_id)


_local = LocalBackend()
_clients: dict[str, redis.Redis] = {}
_backends: dict[int, RedisBackend] = {}
_clients_pid = os.getpid()
_clients_lock = threading.Lock()


def redis_client(settings: Settings) -> redis.Redis | None:
    """One client per broker URL per process (a forked child makes its own), or None without Redis."""
    global _clients_pid
    url = settings.broker_url.strip()
    if not url.startswith(REDIS_SCHEMES):
        return None
    with _clients_lock:
        if _clients_pid != os.getpid():
            _clients.clear()  # the parent's sockets are not ours to use
            _backends.clear()
            _clients_pid = os.getpid()
        client = _clients.get(url)
        if client is None:
            client = _clients[url] = redis.Redis.from_url(
                redis_py_url(url), socket_timeout=5, socket_connect_timeout=5, health_check_interval=30
            )
        return client


def forget_local_turns() -> None:
    """Drop this process's leases and spacing (tests start from nothing; Redis is untouched)."""
    _local.clear()


def backend_for(settings: Settings) -> _Backend:
    client = redis_client(settings)
    if client is None:
        return _local
    backend = _backends.get(id(client))
    if backend is None:
        backend = _backends[id(client)] = RedisBackend(client)
    return backend


@contextmanager
def host_turn(host: str, settings: Settings, *, max_wait: float = MAX_WAIT,
              skip_interval: bool = False) -> Iterator[None]:
    """Hold one of the host's request slots for the block; HostBusy after ``max_wait`` seconds.

    ``skip_interval`` is for a redirect hop on the host just fetched: it still
    counts against concurrency but does not wait out the spacing again.
    """
    host = host.lower()
    lease_id = uuid.uuid4().hex
    lease = settings.total_timeout + LEASE_SLACK
    backend = backend_for(settings)
    deadline = time.monotonic() + max_wait
    while True:
        try:
            wait = backend.try_acquire(host, lease_id, limit=settings.per_host_concurrency,
                                       interval=settings.per_host_interval, lease=lease, skip_interval=skip_interval)
        except redis.RedisError as exc:
            log.warning("per-host limits kept in this process only, Redis failed: %s", exc)
            backend = _local
            continue
        if wait <= 0:
            break
        left = deadline - time.monotonic()
        if left <= 0:
            raise HostBusy(f"host busy: no turn for {host} within {max_wait:g} s "
                           f"(at most {settings.per_host_concurrency} requests at a time, "
                           f"one every {settings.per_host_interval:g} s)")
        time.sleep(min(wait, left) * random.uniform(1.0, 1.1))  # jitter spreads waiting workers
    try:
        yield
    finally:
        try:
            backend.release(host, lease_id)
        except redis.RedisError:
            pass  # the lease lapses on its own
