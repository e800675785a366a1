"""Subscriptions: webhook endpoints with their channel kind and rules, from the CLI or a YAML file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from sqlalchemy import select

from worker.alerts.rules import RuleError, validate_rules
from worker.db.models import WebhookEndpoint
from worker.db.session import session_scope
from worker.db.upsert import insert_ignore
from worker.delivery.sign import SecretError, new_secret, secret_key

KINDS = ("generic", "slack", "discord", "teams", "mattermost", "apprise")


class EndpointError(ValueError):
    pass


def guess_kind(url: str) -> str:
    try:
        from worker.delivery.channels import detect_kind
    except ImportError:  # pragma: no cover
        return "generic"
    return detect_kind(url)


def _check(url: str, kind: str, secret: str | None, rules: dict[str, Any]) -> None:
    if kind not in KINDS:
        raise EndpointError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if kind != "apprise":
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise EndpointError(f"not an http(s) URL: {url!r}")
    try:
        if secret is not None:
            secret_key(secret)
        validate_rules(rules)
    except (SecretError, RuleError) as exc:
        raise EndpointError(str(exc)) from None


def add_endpoint(database_url: str, url: str, *, secret: str | None, name: str | None, rules: dict[str, Any],
                 kind: str | None = None) -> tuple[int, str, bool]:
    """Return (id, secret, created). An existing URL keeps its secret, kind and rules."""
    url = url.strip()
    kind = kind or guess_kind(url)
    secret = secret or new_secret()
    _check(url, kind, secret, rules)
    with session_scope(database_url) as session:
        inserted = insert_ignore(
            session, WebhookEndpoint,
            [dict(url=url, name=name, kind=kind, secret=secret, rules=rules, enabled=True)], ["url"],
        )
        row = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.url == url)).one()
        return row.id, row.secret, bool(inserted)


@dataclass
class LoadReport:
    added: list[str]
    updated: list[str]


def load_subscriptions(database_url: str, path: Path) -> LoadReport:
    """Create or update endpoints from a YAML file (a deployment's subscriptions kept in version control).

        subscriptions:
          - name: mali-desk
            url: https://hooks.slack.com/services/...
            kind: slack                      # optional: detected from the URL
            rules: {countries: [ML], min_fatalities: 5}
          - name: siem
            url: https://siem.example.org/hooks/sahelwatch
            secret: whsec_...                # generic webhooks: verify signatures with it
            rules: {source_health: true}
    """
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EndpointError(f"cannot read {path}: {exc}") from None
    items = document.get("subscriptions") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise EndpointError(f"{path}: expected a top-level 'subscriptions:' list")
    parsed = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise EndpointError(f"{path}: subscription {n} needs a url")
        rules = item.get("rules") or {}
        kind = item.get("kind") or guess_kind(item["url"])
        try:
            _check(item["url"], kind, item.get("secret"), rules)
        except EndpointError as exc:
            raise EndpointError(f"{path}: subscription {n} ({item.get('name') or 'unnamed'}): {exc}") from None
        parsed.append((item, kind, rules))
    report = LoadReport([], [])
    with session_scope(database_url) as session:  # all or nothing
        for item, kind, rules in parsed:
            row = session.scalars(select(WebhookEndpoint).where(WebhookEndpoint.url == item["url"])).first()
            label = item.get("name") or f"subscription {item['url'][:30]}"
            if row is None:
                session.add(WebhookEndpoint(url=item["url"], name=item.get("name"), kind=kind, rules=rules,
                                            secret=item.get("secret") or new_secret(), enabled=True))
                report.added.append(label)
            else:
                row.name, row.kind, row.rules = item.get("name"), kind, rules
                if item.get("secret"):
                    row.secret = item["secret"]
                report.updated.append(label)
    return report
