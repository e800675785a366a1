"""Webhook URLs carry their credentials (Slack, Discord, Teams tokens): show only scheme, host and a hint."""

from __future__ import annotations

from urllib.parse import urlsplit


def redact_url(url: str) -> str:
    """'https://hooks.slack.com/services/T0/B0/XXXX' -> 'https://hooks.slack.com/…(redacted)'."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(unreadable URL, redacted)"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    hidden = parts.path not in ("", "/") or parts.query or parts.username or parts.password
    return f"{parts.scheme}://{host}/…(redacted)" if hidden else f"{parts.scheme}://{host}/"
