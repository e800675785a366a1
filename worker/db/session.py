"""Engine and session factory: SQLite in WAL mode with a busy timeout, PostgreSQL via psycopg 3."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

_ENGINES: dict[str, Engine] = {}
_FACTORIES: dict[str, sessionmaker[Session]] = {}


def _sqlite_connect(dbapi_conn: object, _record: object) -> None:
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # let SQLAlchemy emit BEGIN
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin_immediate(conn: object) -> None:
    # Take the write lock at BEGIN: SQLite ignores FOR UPDATE, so compare-and-set claims
    # rely on this, and it avoids deadlocks when a reader upgrades to a writer.
    conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]


PING_AFTER_IDLE = 1.0
"""Seconds a pooled connection may rest before it is checked with a round trip when taken out.

A connection in steady use (a worker busy with a burst: three or four checkouts per article)
is known alive from its last use; one that rested, as every connection did while a database
restarted, is pinged first and replaced if dead. SQLAlchemy's pool_pre_ping would ping on every
checkout, one more round trip per transaction.
"""


def _remember_checkin(_dbapi_conn: object, record: object) -> None:
    record.info["checked_in_at"] = time.monotonic()  # type: ignore[attr-defined]


def _ping_if_rested(dbapi_conn: object, record: object, _proxy: object) -> None:
    rested = time.monotonic() - record.info.get("checked_in_at", float("-inf"))  # type: ignore[attr-defined]
    if rested <= PING_AFTER_IDLE:
        return
    try:
        cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
    except Exception as error:  # the pool drops this connection and takes another
        raise exc.DisconnectionError(f"pooled connection is dead: {error}") from error


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def get_engine(url: str) -> Engine:
    engine = _ENGINES.get(url)
    if engine is not None:
        return engine
    parsed = make_url(url)
    if is_sqlite(url):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin_immediate)
    else:
        engine = create_engine(url, pool_size=5, max_overflow=5)
        event.listen(engine, "checkin", _remember_checkin)
        event.listen(engine, "checkout", _ping_if_rested)
    _ENGINES[url] = engine
    return engine


def session_factory(url: str) -> sessionmaker[Session]:
    factory = _FACTORIES.get(url)
    if factory is None:
        factory = _FACTORIES[url] = sessionmaker(get_engine(url), expire_on_commit=False)
    return factory


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def dispose_engines() -> None:
    """Drop pooled connections; called in forked worker children so no socket is shared."""
    for engine in _ENGINES.values():
        engine.dispose(close=False)
    _ENGINES.clear()
    _FACTORIES.clear()
