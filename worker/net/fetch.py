"""Streamed GET with conditional headers, size cap, deadline and redirects checked hop by hop.

Every hop is resolved and checked by the SSRF guard, waits its turn under
the per-host limits, and (for article pages) asks robots.txt first. The body
is read raw and decompressed here, so caps hold for compressed bombs too.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from worker.net import robots
from worker.net.decode import BoundedDecoder, too_large
from worker.net.guard import Allowlist, FetchError, Target, resolve_target
from worker.net.politeness import MAX_WAIT, host_turn
from worker.settings import Settings

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})

_ssl_context: ssl.SSLContext | None = None


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        """The media type alone, lower case ('text/html'), or '' when the server sent none."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _direct_url(url: str, address: str) -> str:
    """The same URL with the host replaced by the address we checked."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def pinned(url: str, target: Target) -> tuple[str, dict[str, str], dict[str, str]]:
    """(URL, extra headers, httpx extensions) that send a request for `url` to the address the
    guard checked, not to a second DNS answer (DNS rebinding), with the URL's Host and SNI."""
    headers = {"Host": urlsplit(url).netloc.rsplit("@", 1)[-1]}
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return _direct_url(url, target.address), headers, extensions


def tls_context() -> ssl.SSLContext:
    """One verifying context per process: building it costs more than a small fetch.

    The connection goes to the checked IP; the SNI name and certificate check
    use the URL's host name (httpcore's ``sni_hostname`` extension).
    """
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context()
    return _ssl_context


def fetch(
    url: str,
    settings: Settings,
    *,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "*/*",
    respect_robots: bool = False,
    max_host_wait: float = MAX_WAIT,
) -> FetchResult:
    """Fetch `url`; raise FetchError with a readable reason on anything but a usable answer.

    ``respect_robots`` (article pages) refuses what robots.txt forbids, when
    the ``respect_robots_txt`` setting is on. ``max_host_wait`` bounds the
    wait for a turn under the per-host limits (then HostBusy).
    """
    headers = {"User-Agent": settings.full_user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    allowlist = Allowlist.parse(settings.private_network_allowlist)
    check_robots = respect_robots and settings.respect_robots_txt
    seen: set[str] = set()
    previous_host: str | None = None
    # The total time limit is for talking to the server; waiting for a turn has its own bound.
    download_left, wait_left = settings.total_timeout, max_host_wait
    with httpx.Client(verify=tls_context(), trust_env=False, follow_redirects=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
            seen.add(url)
            target = resolve_target(url, allow_private=settings.allow_private_networks, allowlist=allowlist)
            if check_robots:
                robots.check_robots(url, settings, _fetch_robots)
            asked = time.monotonic()
            with host_turn(target.host, settings, max_wait=max(wait_left, 0.0),
                           skip_interval=target.host == previous_host):
                started = time.monotonic()
                wait_left -= started - asked
                try:
                    response = _get(client, url, target, headers, settings, started + download_left, max_bytes)
                finally:
                    download_left -= time.monotonic() - started
            previous_host = target.host
            if isinstance(response, str):
                url = response
                continue
            return response
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _get(client: httpx.Client, url: str, target: Target, headers: dict[str, str], settings: Settings,
         deadline: float, max_bytes: int) -> FetchResult | str:
    """One request to the checked address: the result, or the next URL when redirected."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"download took longer than the total time limit of {settings.total_timeout:g} s")
    read = min(settings.read_timeout, left)
    timeout = httpx.Timeout(read, connect=min(settings.connect_timeout, left))
    direct, host_header, extensions = pinned(url, target)
    try:
        with client.stream("GET", direct, headers=dict(headers, **host_header),
                           extensions=extensions, timeout=timeout) as response:
            if response.status_code in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                return urljoin(url, location.strip())
            content = b"" if response.status_code == 304 else _read_capped(response, max_bytes, deadline, settings)
            return FetchResult(url, response.status_code, dict(response.headers), content)
    except httpx.ConnectTimeout:
        raise FetchError(f"connection to {target.host} timed out after {timeout.connect:g} s") from None
    except httpx.ReadTimeout:
        if read < settings.read_timeout:
            raise FetchError(f"download took longer than the total time limit of {settings.total_timeout:g} s") from None
        raise FetchError(f"read timed out after {settings.read_timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"could not connect to {target.host}: {_reason(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"HTTP error talking to {target.host}: {_reason(exc)}") from None


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float, settings: Settings) -> bytes:
    """The body, decompressed by us within the cap (httpx would inflate whole chunks first)."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(too_large(max_bytes))
    decoder = BoundedDecoder(response.headers.get("content-encoding"), max_bytes)
    chunks: list[bytes] = []
    raw_size = 0
    for raw in response.iter_raw():
        raw_size += len(raw)
        if raw_size > max_bytes:
            raise FetchError(too_large(max_bytes))
        chunks.append(decoder.feed(raw))
        if time.monotonic() > deadline:
            raise FetchError(f"download took longer than the total time limit of {settings.total_timeout:g} s")
    chunks.append(decoder.finish())
    return b"".join(chunks)


def _fetch_robots(url: str, settings: Settings) -> tuple[int, bytes]:
    """robots.txt through the same guards, small and quick; never itself robots-checked."""
    quick = settings.model_copy(update={
        "read_timeout": min(settings.read_timeout, robots.ROBOTS_TIMEOUT),
        "total_timeout": min(settings.total_timeout, 2 * robots.ROBOTS_TIMEOUT),
    })
    result = fetch(url, quick, max_bytes=robots.MAX_ROBOTS_BYTES, accept="text/plain, */*;q=0.1")
    return result.status, result.content


def _reason(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    if "Connection refused" in text or "[Errno 111]" in text:
        return "connection refused"
    return text
