"""Edge: send one claimed delivery the way its endpoint's kind wants it, and say how long to pace after."""

from __future__ import annotations

import time
from datetime import datetime, timezone

from worker.alerts.body import body_bytes
from worker.delivery.send import SendResult, post
from worker.delivery.sign import signed_headers
from worker.delivery.redact import scrub
from worker.delivery.store import ClaimedDelivery
from worker.net.guard import FetchError, resolve_target
from worker.settings import Settings

# Seconds between two messages to one endpoint: Slack accepts about one a second per webhook.
PACE = {"slack": 1.0, "discord": 0.5, "teams": 1.0, "mattermost": 0.2}


def send(claimed: ClaimedDelivery, settings: Settings) -> SendResult:
    if claimed.kind == "generic":
        body = body_bytes(claimed.body)
        timestamp = int(datetime.now(timezone.utc).timestamp())  # renewed per attempt; the webhook-id stays
        return post(claimed.url, body, signed_headers(claimed.secret, claimed.message_id, timestamp, body), settings)
    if claimed.kind == "apprise":
        from worker.delivery.channels.apprise_channel import notify, render

        started = time.monotonic()
        refused = _apprise_target_refused(claimed.url, settings)
        if refused:
            return SendResult(None, refused, None, 0)
        title, text = render(claimed.body)
        ok, error = notify(claimed.url, title, text, settings.webhook_timeout)
        return SendResult(200 if ok else None, error, None, int((time.monotonic() - started) * 1000))
    from worker.delivery.channels import render_payload

    payload = body_bytes(render_payload(claimed.kind, claimed.body))
    return post(claimed.url, payload, {"content-type": "application/json"}, settings)


def pacing_delay(kind: str, sent: SendResult, retry_after: float | None) -> float:
    """How long the endpoint must rest: its kind's pace, a Retry-After, or Discord's rate-limit bucket."""
    delay = PACE.get(kind, 0.0)
    if retry_after is not None:
        delay = max(delay, retry_after)
    if sent.rate_limit_reset_after is not None:
        delay = max(delay, sent.rate_limit_reset_after)
    return delay


# Apprise's generic web schemes reach whatever host they name: guard them like our own POSTs.
APPRISE_WEB_SCHEMES = {"json": "http", "jsons": "https", "xml": "http", "xmls": "https", "form": "http", "forms": "https"}


def _apprise_target_refused(url: str, settings: Settings) -> str | None:
    scheme, _, rest = url.partition("://")
    web = APPRISE_WEB_SCHEMES.get(scheme.lower())
    if web is None:
        return None  # service schemes (tgram://, mailto://...) go to the service's own public API
    try:
        resolve_target(f"{web}://{rest}", allow_private=settings.allow_private_networks)
    except FetchError as exc:
        return scrub(str(exc), url)
    return None
