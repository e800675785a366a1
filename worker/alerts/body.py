"""Pure: the generic webhook bodies of ALERT-SCHEMA.md, and their exact bytes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from worker.incidents.build import iso


def incident_message(alert_type: str, incident: dict[str, Any], now: datetime,
                     changes: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"incident": incident}
    if alert_type == "incident.updated":
        data["changes"] = changes or []
    return {"type": alert_type, "timestamp": iso(now), "data": data}


def feed_summary(feed: Any) -> dict[str, Any]:
    return {"id": feed.id, "url": feed.url, "name": feed.name, "status": feed.status, "last_error": feed.last_error,
            "consecutive_failures": feed.consecutive_failures, "last_success_at": iso(feed.last_success_at)}


def source_message(alert_type: str, feed: Any, now: datetime) -> dict[str, Any]:
    return {"type": alert_type, "timestamp": iso(now), "data": {"feed": feed_summary(feed)}}


def body_bytes(body: dict[str, Any]) -> bytes:
    """Compact, stable JSON: the signature covers exactly these bytes."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
