"""SSRF guard: resolve a host once and refuse addresses that are not on the public internet.

The address checked here is the one the connection goes to (no second
lookup, so DNS rebinding cannot swap it), and every redirect hop is checked
again by the caller.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Instance metadata services answer credentials to anyone who can reach them.
_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)


class FetchError(Exception):
    """A failure described in words a person can act on ("read timed out after 20 s")."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    address: str  # the checked IP the connection must go to (no second lookup: DNS rebinding)


@dataclass(frozen=True)
class Allowlist:
    """Hosts (exact, or ``.example.org`` for subdomains) and networks reachable despite being private."""

    hosts: frozenset[str]
    networks: tuple[Network, ...]

    @classmethod
    def parse(cls, entries: Iterable[str]) -> Allowlist:
        hosts: set[str] = set()
        networks: list[Network] = []
        for raw in entries:
            entry = raw.strip().lower()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                hosts.add(entry.rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def permits(self, host: str, address: IPAddress) -> bool:
        name = host.lower().rstrip(".")
        if name in self.hosts or any(h.startswith(".") and name.endswith(h) for h in self.hosts):
            return True
        return any(address in network for network in self.networks)


def address_kind(ip: IPAddress) -> str | None:
    """Why an address is off limits ('a loopback address'), or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return address_kind(ip.ipv4_mapped)
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global or ip.is_reserved:
        return "a reserved address"
    return None


def resolve_target(
    url: str, *, allow_private: bool, allowlist: Iterable[str] | Allowlist = ()
) -> Target:
    """Resolve once; refuse if any address is not public unless allowed. Nothing is sent here."""
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
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else "invalid host name"
        raise FetchError(f"could not resolve host {host}: {reason or exc}") from None
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise FetchError(f"could not resolve host {host}")
    if not allow_private:
        permitted = allowlist if isinstance(allowlist, Allowlist) else Allowlist.parse(allowlist)
        for addr in addresses:
            ip = ipaddress.ip_address(addr.split("%")[0])
            kind = address_kind(ip)
            if kind and not permitted.permits(host, ip):
                raise FetchError(f"refused: {host} resolves to {addr}, a private or reserved address ({kind})")
    return Target(parts.scheme, host, port, addresses[0])
