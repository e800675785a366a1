"""INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL: the idempotent write every step uses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, model: type, rows: Sequence[dict[str, Any]], conflict: Sequence[str]) -> list[int]:
    """Insert the rows that do not exist yet; return the ids of those actually inserted."""
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt = postgresql.insert(model)
    elif dialect == "sqlite":
        stmt = sqlite.insert(model)
    else:  # pragma: no cover - only the two supported backends
        raise RuntimeError(f"unsupported database backend {dialect!r}")
    stmt = stmt.values(list(rows)).on_conflict_do_nothing(index_elements=list(conflict)).returning(model.id)  # type: ignore[attr-defined]
    return list(session.scalars(stmt))


__all__ = ["insert_ignore"]
