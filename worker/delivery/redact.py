"""Webhook and Apprise URLs carry their credentials (Slack, Discord, Teams, Telegram tokens):
show only the scheme and a real host name."""

from __future__ import annotations

import re

_HOSTNAME = re.compile(r"^(localhost|\[[0-9a-fA-F:.]+\]|(?=.{1,253}$)([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z0-9-]{1,63})$")
URL_IN_TEXT = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s'\"<>]+")


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


def secret_parts(url: str) -> list[str]:
    """Every fragment of ``url`` that could be a credential, longest first."""
    parts = re.split(r"[/?#&=@:;,]+", url.split("://", 1)[-1])
    kept = {part for part in parts if len(part) >= 4}
    return sorted(kept | {url}, key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """``text`` with every URL redacted and every fragment of ``url`` masked."""
    text = URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    safe = set(re.split(r"[/:]+", redact_url(url)))
    for part in secret_parts(url):
        if part not in safe:
            text = text.replace(part, "***")
    return text
