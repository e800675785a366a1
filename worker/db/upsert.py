"""INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL: the idempotent write every step uses."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert


@lru_cache(maxsize=64)
def _statement(dialect: str, table: Table, conflict: tuple[str, ...]) -> Insert:
    """One statement per table and key, rows bound at execution: SQLAlchemy compiles it once per process.

    (Rows written into the statement with ``.values(rows)`` made a new statement to compile on
    every call, a few milliseconds each, several times per article.)"""
    if dialect == "postgresql":
        stmt = postgresql.insert(table)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table)
    else:  # pragma: no cover - only the two supported backends
        raise RuntimeError(f"unsupported database backend {dialect!r}")
    return stmt.on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)


def insert_ignore(session: Session, model: type, rows: Sequence[dict[str, Any]], conflict: Sequence[str]) -> list[int]:
    """Insert the rows that do not exist yet; return the ids of those actually inserted.

    All rows must name the same columns (they are sent as one batch)."""
    if not rows:
        return []
    stmt = _statement(session.get_bind().dialect.name, model.__table__, tuple(conflict))  # type: ignore[attr-defined]
    return list(session.execute(stmt, list(rows)).scalars())


__all__ = ["insert_ignore"]
