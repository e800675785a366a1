"""Fixtures of the fault tests: a private Redis, the rig (database, broker, workers), a receiver."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.rig import Rig, make_rig
from tests.fixtures.httpserver import TestHTTPServer
from tests.fixtures.webhooks import WebhookReceiver
from worker.db.session import dispose_engines


@pytest.fixture
def private_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A redis-server of this test alone (append-only file in its data dir), free to stop and restart."""
    from worker.embedded import start_embedded_redis, stop_embedded_redis

    data_dir = tmp_path_factory.mktemp("fault-redis")
    server = start_embedded_redis(data_dir)
    yield server
    stop_embedded_redis(data_dir)


@pytest.fixture
def rig(postgres_url: str, private_redis, tmp_path: Path) -> Iterator[Rig]:
    """The session's PostgreSQL database (wiped), a private Redis, and workers stopped afterwards."""
    running = make_rig(postgres_url, private_redis.url, tmp_path)
    yield running
    running.stop()
    dispose_engines()


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    server = TestHTTPServer().start()
    yield WebhookReceiver(server)
    server.stop()
