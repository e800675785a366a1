"""Edge: one POST of exact bytes to a webhook; redirects are not followed (Standard Webhooks)."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

import httpx

from worker.delivery.redact import scrub
from worker.net.fetch import pinned, tls_context
from worker.net.guard import FetchError, resolve_target
from worker.settings import Settings


@dataclass(frozen=True)
class SendResult:
    status: int | None
    error: str | None
    retry_after: str | None
    duration_ms: int
    rate_limit_reset_after: float | None = None  # Discord: X-RateLimit-Remaining 0 -> wait this long


_client: httpx.Client | None = None
_client_pid = 0
_client_lock = threading.Lock()


def _shared_client() -> httpx.Client:
    """One client per process (a forked child makes its own): building one loads the CA bundle,
    which took longer than the POST itself, and its pool keeps connections to receivers open."""
    global _client, _client_pid
    with _client_lock:
        if _client is None or _client_pid != os.getpid():
            _client = httpx.Client(verify=tls_context(), trust_env=False, follow_redirects=False)
            _client_pid = os.getpid()
        return _client


def post(url: str, body: bytes, headers: dict[str, str], settings: Settings) -> SendResult:
    started = time.monotonic()
    elapsed = lambda: int((time.monotonic() - started) * 1000)  # noqa: E731
    try:
        target = resolve_target(url, allow_private=settings.allow_private_networks)
    except FetchError as exc:
        return SendResult(None, scrub(str(exc), url), None, elapsed())
    timeout = httpx.Timeout(settings.webhook_timeout, connect=min(settings.connect_timeout, settings.webhook_timeout))
    direct, host_header, extensions = pinned(url, target)     # the checked address, never a second lookup
    headers = dict(headers, **{"user-agent": settings.full_user_agent}, **host_header)
    try:
        response = _shared_client().post(direct, content=body, headers=headers, timeout=timeout,
                                          extensions=extensions)
    except httpx.TimeoutException:
        return SendResult(None, f"no answer within {settings.webhook_timeout:g} s", None, elapsed())
    except httpx.ConnectError as exc:
        reason = "connection refused" if "refused" in str(exc).lower() or "111" in str(exc) else scrub(str(exc), url)
        return SendResult(None, f"could not connect: {reason}", None, elapsed())
    except httpx.HTTPError as exc:  # httpx may quote the URL, and the URL may hold a token
        return SendResult(None, scrub(f"HTTP error: {exc}", url), None, elapsed())
    error = None if response.is_success else f"HTTP {response.status_code} {response.reason_phrase}".strip()
    if 300 <= response.status_code < 400:
        error = f"HTTP {response.status_code} redirect not followed (point the endpoint at its final URL)"
    return SendResult(response.status_code, error, response.headers.get("retry-after"), elapsed(),
                      _bucket_reset(response.headers))


def _bucket_reset(headers: httpx.Headers) -> float | None:
    if headers.get("x-ratelimit-remaining") != "0":
        return None
    try:
        return min(float(headers.get("x-ratelimit-reset-after", "")), 3600.0)
    except ValueError:
        return None
