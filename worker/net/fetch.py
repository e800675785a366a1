"""Streamed GET with conditional headers, size cap, deadline and redirects checked hop by hop."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from worker.net.guard import FetchError, resolve_target
from worker.settings import Settings

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _direct_url(url: str, address: str) -> str:
    """The same URL with the host replaced by the address we checked."""
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def fetch(
    url: str,
    settings: Settings,
    *,
    max_bytes: int,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "*/*",
) -> FetchResult:
    """Fetch `url`; raise FetchError with a readable reason on anything but a usable answer."""
    deadline = time.monotonic() + settings.total_timeout
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.full_user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen: set[str] = set()
    with httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            if url in seen:
                raise FetchError(f"redirect loop at {url}")
            seen.add(url)
            target = resolve_target(url, allow_private=settings.allow_private_networks)
            request_headers = dict(headers, Host=urlsplit(url).netloc.rsplit("@", 1)[-1])
            extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
            try:
                with client.stream(
                    "GET", _direct_url(url, target.address), headers=request_headers, extensions=extensions
                ) as response:
                    if response.status_code in REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                        url = urljoin(url, location)
                        continue
                    content = b"" if response.status_code == 304 else _read_capped(response, max_bytes, deadline)
                    return FetchResult(url, response.status_code, dict(response.headers), content)
            except httpx.ConnectTimeout:
                raise FetchError(f"connection to {target.host} timed out after {settings.connect_timeout:g} s") from None
            except httpx.ReadTimeout:
                raise FetchError(f"read timed out after {settings.read_timeout:g} s") from None
            except httpx.ConnectError as exc:
                raise FetchError(f"could not connect to {target.host}: {_reason(exc)}") from None
            except httpx.DecodingError:
                raise FetchError("response body could not be decompressed") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"HTTP error talking to {target.host}: {_reason(exc)}") from None
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _read_capped(response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(max_bytes))
        if time.monotonic() > deadline:
            raise FetchError("download took longer than the total time limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: Exception) -> str:
    text = str(exc) or exc.__class__.__name__
    if "Connection refused" in text or "[Errno 111]" in text:
        return "connection refused"
    return text


def _too_large(max_bytes: int) -> str:
    if max_bytes >= 1_000_000:
        return f"response larger than {max_bytes / 1_000_000:g} MB"
    return f"response larger than {max_bytes} bytes"
