"""Add webhook endpoints, validating URL, secret and rules before anything is stored."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from worker.alerts.rules import RuleError, validate_rules
from worker.db.models import WebhookEndpoint
from worker.db.session import session_scope
from worker.db.upsert import insert_ignore
from worker.delivery.sign import SecretError, new_secret, secret_key


class EndpointError(ValueError):
    pass


def add_endpoint(database_url: str, url: str, *, secret: str | None, name: str | None,
                 rules: dict[str, Any]) -> tuple[int, str, bool]:
    """Return (id, secret, created). An existing URL keeps its secret and rules."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"not an http(s) URL: {url!r}")
    secret = secret or new_secret()
    try:
        secret_key(secret)
        validate_rules(rules)
    except (SecretError, RuleError) as exc:
        raise EndpointError(str(exc)) from None
    with session_scope(database_url) as session:
        inserted = insert_ignore(
            session, WebhookEndpoint,
            [dict(url=url.strip(), name=name, kind="generic", secret=secret, rules=rules, enabled=True)], ["url"],
        )
        row = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.url == url.strip())).one()
        return row.id, row.secret, bool(inserted)
