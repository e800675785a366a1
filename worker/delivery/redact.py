"""Webhook and Apprise URLs carry their credentials (Slack, Discord, Teams, Telegram tokens):
show only the scheme and a real host name."""

from __future__ import annotations

import re

_HOSTNAME = re.compile(r"^(localhost|\[[0-9a-fA-F:.]+\]|(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z0-9-]{1,63})$")


def redact_url(url: str) -> str:
    """``scheme://host:port/***``: the host is kept only when it is a host name, not a token."""
    match = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*)://([^/?#]*)(.*)$", url or "", re.DOTALL)
    if match is None:
        return "***"
    scheme, authority, rest = match.group(1).lower(), match.group(2), match.group(3)
    hidden = "@" in authority
    hostport = authority.rsplit("@", 1)[-1]
    host, port = hostport, ""
    if re.search(r":\d{1,5}$", hostport) and not hostport.endswith("]"):
        host, port = hostport.rsplit(":", 1)
    elif ":" in hostport and not hostport.startswith("["):
        host, hidden = "", True  # 'token:secret' in the host position
    if not _HOSTNAME.match(host):
        return f"{scheme}://***"
    masked = hidden or bool(rest.strip("/"))
    return f"{scheme}://{host}{':' + port if port else ''}{'/***' if masked else ''}"
