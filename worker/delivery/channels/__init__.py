"""Chat channels: the generic alert body rendered as each service's own message format.

Renderers are pure (body dict in, payload dict out) so they are tested without
a network; sending stays in the delivery step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from . import discord, generic, mattermost, slack, teams

CHANNEL_KINDS = ("generic", "slack", "discord", "teams", "mattermost", "apprise")

_RENDERERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "generic": generic.render,
    "slack": slack.render,
    "discord": discord.render,
    "teams": teams.render,
    "mattermost": mattermost.render,
}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*)://", re.IGNORECASE)
_TEAMS_WORKFLOW_PATH = re.compile(r"/workflows/[^/]+/triggers/")


def render_payload(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """The JSON to POST for an endpoint of ``kind``; Apprise is not JSON, see ``apprise_channel``."""
    if kind == "apprise":
        raise ValueError("apprise endpoints are sent through Apprise: use apprise_channel.render and notify")
    try:
        renderer = _RENDERERS[kind]
    except KeyError:
        raise ValueError(f"unknown channel kind {kind!r}; expected one of {', '.join(CHANNEL_KINDS)}") from None
    return renderer(body)


def detect_kind(url: str) -> str:
    """The channel kind a URL most likely is; Mattermost's ``/hooks/`` is only set when told."""
    match = _SCHEME.match(url.strip())
    if match is None:
        return "generic"
    scheme = match.group(1).lower()
    if scheme not in ("http", "https"):
        return "apprise"  # tgram://, mailto://, matrix://, json://, ...: Apprise service URLs
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return "generic"
    path = parts.path
    if host == "hooks.slack.com" and path.startswith("/services/"):
        return "slack"
    if host in ("discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com") \
            and path.startswith("/api/webhooks/"):
        return "discord"
    if host.endswith(".webhook.office.com"):
        return "teams"
    if host.endswith(".logic.azure.com") and host.startswith("prod-") and _TEAMS_WORKFLOW_PATH.search(path):
        return "teams"
    if host.endswith(".api.powerplatform.com") and "/workflows/" in path:
        return "teams"
    return "generic"
