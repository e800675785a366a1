"""SSRF guard: resolve a host once and refuse addresses that are not on the public internet."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


class FetchError(Exception):
    """A failure described in words a person can act on ("read timed out after 20 s")."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    address: str  # the checked IP the connection must go to (no second lookup: DNS rebinding)


def resolve_target(url: str, *, allow_private: bool) -> Target:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"refused: {url!r} has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"refused: {url!r} has an invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"could not resolve host {host}: {exc.strerror or exc}") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"could not resolve host {host}")
    if not allow_private:
        for addr in addresses:
            ip = ipaddress.ip_address(addr.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                raise FetchError(f"refused: {host} resolves to {addr}, a private or reserved address")
    return Target(parts.scheme, host, port, addresses[0])
