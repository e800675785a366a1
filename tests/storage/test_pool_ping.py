"""Pooled PostgreSQL connections are checked only after resting, and a dead one is replaced."""

from __future__ import annotations

import time

import psycopg
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from worker.db import session as db_session
from worker.db.session import get_engine, session_scope


def _libpq(url: str) -> str:
    """The libpq form of a SQLAlchemy URL; query parameters (an embedded server's socket
    directory as `host`, its port) override the URL's own host and port."""
    parsed = make_url(url)
    params: dict[str, object] = {"host": parsed.host or "", "port": parsed.port or 5432,
                                 "user": parsed.username or "", "dbname": parsed.database or ""}
    if parsed.password:
        params["password"] = parsed.password
    params.update({k: v for k, v in parsed.query.items() if isinstance(v, str)})
    return psycopg.conninfo.make_conninfo(**params)


def test_a_connection_in_steady_use_is_not_pinged(postgres_url: str):
    engine = get_engine(postgres_url)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        for _ in range(5):
            with session_scope(postgres_url) as session:
                session.execute(text("SELECT 42")).all()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert statements == ["SELECT 42"] * 5


def test_a_connection_killed_while_resting_is_replaced(postgres_url: str, monkeypatch):
    monkeypatch.setattr(db_session, "PING_AFTER_IDLE", 0.2)
    with session_scope(postgres_url) as session:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
    with psycopg.connect(_libpq(postgres_url), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    time.sleep(0.4)
    with session_scope(postgres_url) as session:
        assert session.execute(text("SELECT pg_backend_pid()")).scalar() != pid
