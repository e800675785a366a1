"""The broker as the API sees it: reachable or not, and how much work waits in each queue.

Only looked at, never started: with no BROKER_URL the embedded server's socket is probed
where the workers put it, and an absent server is reported as unreachable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import redis

from worker.embedded import redis_py_url, socket_path_for
from worker.settings import Settings

QUEUES = ("feeds", "articles", "alerts", "admin")
TIMEOUT = 2.0


def redis_url(settings: Settings) -> str:
    if settings.uses_embedded_broker:
        return f"unix://{socket_path_for(settings.data_dir.expanduser().resolve())}"
    return redis_py_url(settings.broker_url)


@dataclass
class BrokerState:
    reachable: bool
    depths: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def broker_state(settings: Settings) -> BrokerState:
    """PING and LLEN of every queue (kombu keeps a Redis queue as a list named after it)."""
    try:
        client = redis.Redis.from_url(redis_url(settings), socket_timeout=TIMEOUT, socket_connect_timeout=TIMEOUT)
    except ValueError as exc:
        return BrokerState(False, error=f"the broker URL is not a Redis URL: {exc}")
    try:
        client.ping()
        pipe = client.pipeline(transaction=False)
        for name in QUEUES:
            pipe.llen(name)
        depths = dict(zip(QUEUES, (int(n) for n in pipe.execute())))
        return BrokerState(True, depths)
    except (redis.RedisError, OSError) as exc:
        return BrokerState(False, error=f"the broker is unreachable: {exc}")
    finally:
        client.close()
