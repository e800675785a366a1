"""Pure: the generic webhook body of ALERT-SCHEMA.md, and its exact bytes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from worker.incidents.build import iso


def incident_created(incident: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {"type": "incident.created", "timestamp": iso(now), "data": {"incident": incident}}


def body_bytes(body: dict[str, Any]) -> bytes:
    """Compact, stable JSON: the signature covers exactly these bytes."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
