"""Read models for the CLI: feeds, endpoints and alerts as plain dicts and tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.table import Table
from sqlalchemy import func, select

from worker.db.models import Alert, Delivery, Entry, Feed, Incident, WebhookEndpoint
from worker.db.session import session_scope
from worker.delivery.redact import redact_url
from worker.incidents.build import iso


def feed_rows(database_url: str) -> list[dict[str, Any]]:
    with session_scope(database_url) as session:
        counts = dict(session.execute(select(Entry.feed_id, func.count()).group_by(Entry.feed_id)).all())
        return [
            {"id": f.id, "url": f.url, "name": f.name, "language": f.language, "status": f.status,
             "last_error": f.last_error, "consecutive_failures": f.consecutive_failures,
             "last_polled_at": iso(f.last_polled_at), "next_poll_at": iso(f.next_poll_at),
             "interval_minutes": f.interval_minutes, "entries": counts.get(f.id, 0)}
            for f in session.scalars(select(Feed).order_by(Feed.id))
        ]


def endpoint_rows(database_url: str) -> list[dict[str, Any]]:
    with session_scope(database_url) as session:
        stats: dict[int, dict[str, int]] = {}
        for endpoint_id, status, n in session.execute(
            select(Delivery.endpoint_id, Delivery.status, func.count()).group_by(Delivery.endpoint_id, Delivery.status)
        ):
            stats.setdefault(endpoint_id, {})[status] = n
        return [
            {"id": e.id, "url": redact_url(e.url), "name": e.name, "kind": e.kind, "enabled": e.enabled,
             "disabled_reason": e.disabled_reason, "rules": e.rules or {}, "deliveries": stats.get(e.id, {})}
            for e in session.scalars(select(WebhookEndpoint).order_by(WebhookEndpoint.id))
        ]


def alert_bodies(database_url: str, since: datetime | None = None) -> list[dict[str, Any]]:
    with session_scope(database_url) as session:
        query = select(Alert.body).order_by(Alert.created_at, Alert.id)
        if since is not None:
            query = query.where(Alert.created_at >= since)
        return list(session.scalars(query))


def claim_text(claim: dict[str, Any]) -> str:
    """'54 killed, at least (Malian officials)': the figure first, then who says so."""
    figure = str(claim["count"]) if claim.get("count") is not None else claim.get("qualifier", "?")
    qualifier = claim.get("qualifier")
    qualified = f"{figure} {claim['kind']}" + (f", {qualifier.replace('_', ' ')}" if qualifier not in (None, "exact", figure) else "")
    return f"{qualified} ({claim.get('claimant') or claim.get('claimant_type') or 'unknown'})"


def incident_records(database_url: str, since: datetime | None = None) -> list[dict[str, Any]]:
    """Incidents as their current ALERT-SCHEMA record, with the review state an admin set."""
    with session_scope(database_url) as session:
        query = select(Incident).where(Incident.merged_into.is_(None)).order_by(Incident.first_seen_at, Incident.id)
        if since is not None:
            query = query.where(Incident.updated_at >= since)
        return [dict(row.data, review=row.review) for row in session.scalars(query)]


def alerts_table(bodies: list[dict[str, Any]]) -> Table:
    table = Table("date", "incident", "who", "claims", title="Alerts", show_lines=True)
    for body in bodies:
        if "feed" in body.get("data", {}):
            feed = body["data"]["feed"]
            state = "source failing" if body["type"] == "source.failing" else "source recovered"
            table.add_row(body["timestamp"][:10], f"{state}: {feed.get('name') or redact_url(feed['url'])}\n"
                          f"[dim]{feed.get('last_error') or ''}[/dim]", "-", "-")
            continue
        inc = body["data"]["incident"]
        if body["type"] == "incident.updated":
            inc = dict(inc, title="Update: " + "; ".join(
                f"{c['field']} {c['from']} → {c['to']}" for c in body["data"].get("changes") or []) + "\n" + inc["title"])
        claims = "\n".join(claim_text(c) for c in inc.get("claims") or []) or "-"
        sources = ", ".join(s.get("outlet") or s.get("url", "") for s in inc.get("sources") or [])
        table.add_row(inc.get("date") or "?", f"{inc.get('title')}\n[dim]{inc.get('severity')} · {sources}[/dim]",
                      ", ".join(inc.get("actors") or []), claims)
    return table
