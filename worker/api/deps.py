"""What routes share: the settings the app was built with, and sending work to the broker."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from fastapi import HTTPException, Request

from worker.settings import Settings

log = logging.getLogger(__name__)


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(when: datetime | None) -> datetime | None:
    """Query dates without a zone are read as UTC, like every stored date."""
    if when is None:
        return None
    try:
        return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    except OverflowError:
        raise HTTPException(422, f"The date {when.isoformat()} is out of range.") from None


def send_tasks(settings: Settings, task: str, ids: list[int]) -> bool:
    """Enqueue after the commit; False when the broker is unreachable (the dispatcher finds the work later)."""
    from worker.admin.processes import enqueue

    try:
        enqueue(settings, task, ids)
    except Exception as exc:  # kombu and redis raise many types; the database already holds the work
        log.warning("could not enqueue %s for %s: %s", task, ids, exc)
        return False
    return True
