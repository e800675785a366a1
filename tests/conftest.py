"""Shared test setup: markers, and the real-service fixtures from ``tests/fixtures``.

Fixtures available everywhere:

- ``redis_url`` (session): ``$SAHELWATCH_TEST_REDIS_URL`` or a private embedded redis-server;
  ``redis_client`` (session) and ``clean_redis`` (per test, FLUSHDB first).
- ``postgres_url`` (session): a fresh database on ``$SAHELWATCH_TEST_POSTGRES_URL``'s server or
  on a private embedded PostgreSQL, dropped at the end; ``postgres_admin_url`` for the server.
- ``sqlite_url`` (per test) and ``db_url`` (per test, once on SQLite and once on PostgreSQL).
- ``http_server`` (per test, reset): scripted routes on a real 127.0.0.1 server.
- ``webhook_receiver`` (per test): records POSTs and checks Standard Webhooks signatures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The repository root, so ``tests.fixtures`` imports however pytest was started.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

pytest_plugins = [
    "tests.fixtures.services",
    "tests.fixtures.httpserver",
    "tests.fixtures.webhooks",
]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes seconds; deselect with -m 'not slow'")
    config.addinivalue_line("markers", "e2e: runs the whole flow through a real worker, broker and database")
