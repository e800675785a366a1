"""Each rendered payload POSTed over a real socket to a receiver that checks the service's format.

The receivers answer 200 only when the payload passes the validator written
from that service's documentation, and 400 with the reasons otherwise, the way
the services themselves refuse a malformed message. Apprise goes through the
real Apprise library to a local ``json://`` receiver.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest

from tests.delivery import samples
from tests.delivery.validators import VALIDATORS
from tests.fixtures.httpserver import Request, Response, TestHTTPServer
from worker.delivery.channels import apprise_channel, render_payload

BODIES = {"created": samples.created, "updated": samples.updated, "failing": samples.source_failing,
          "recovered": samples.source_recovered, "hostile": samples.hostile, "huge": samples.huge}


def validating_receiver(kind: str) -> Callable[[Request], Response]:
    def handle(request: Request) -> Response:
        if request.method != "POST":
            return Response("POST only\n", status=405)
        if not (request.headers.get("content-type") or "").startswith("application/json"):
            return Response("content-type must be application/json\n", status=415)
        try:
            payload = json.loads(request.body)
        except ValueError as exc:
            return Response(f"invalid JSON: {exc}\n", status=400)
        validator = VALIDATORS[kind]
        errors = validator(payload, len(request.body)) if kind == "teams" else validator(payload)
        return Response("\n".join(errors) + "\n", status=400) if errors else Response("ok", status=200)
    return handle


@pytest.mark.parametrize("name", sorted(BODIES))
@pytest.mark.parametrize("kind", sorted(VALIDATORS))
def test_receiver_accepts_rendered_payload(http_server: TestHTTPServer, kind: str, name: str) -> None:
    http_server.route_handler(f"/{kind}", validating_receiver(kind))
    payload = render_payload(kind, BODIES[name]())
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    response = httpx.post(http_server.url(f"/{kind}"), content=body,
                          headers={"content-type": "application/json"}, trust_env=False, timeout=5)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("kind", sorted(VALIDATORS))
def test_receiver_refuses_what_the_service_refuses(http_server: TestHTTPServer, kind: str) -> None:
    """The receivers are not rubber stamps: an over-long payload gets the service's 400."""
    http_server.route_handler(f"/{kind}", validating_receiver(kind))
    broken = {
        "slack": {"text": "x", "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}]},
        "discord": {"content": "x" * 2001, "allowed_mentions": {"parse": []}},
        "teams": {"type": "message", "attachments": [{"contentType": "text/plain", "content": {}}]},
        "mattermost": {"text": "hello @channel"},
    }[kind]
    response = httpx.post(http_server.url(f"/{kind}"), json=broken, trust_env=False, timeout=5)
    assert response.status_code == 400 and response.text.strip()


# -- Apprise ----------------------------------------------------------------------------------


def json_receiver(received: list[dict[str, object]], status: int = 200) -> Callable[[Request], Response]:
    def handle(request: Request) -> Response:
        try:
            payload = json.loads(request.body)
        except ValueError:
            return Response("invalid JSON\n", status=400)
        if not isinstance(payload, dict) or not payload.get("message"):
            return Response("needs a message\n", status=400)
        received.append(payload)
        return Response("ok" if status < 300 else "refused\n", status=status)
    return handle


@pytest.mark.parametrize("make", [samples.created, samples.updated, samples.source_failing, samples.huge])
def test_apprise_delivers_title_and_markdown(http_server: TestHTTPServer, make) -> None:  # type: ignore[no-untyped-def]
    received: list[dict[str, object]] = []
    http_server.route_handler("/apprise", json_receiver(received))
    title, body = apprise_channel.render(make())
    ok, error = apprise_channel.notify(f"json://127.0.0.1:{http_server.port}/apprise", title, body, timeout=5)
    assert (ok, error) == (True, None)
    assert len(received) == 1
    assert received[0]["title"] == title and received[0]["message"] == body


def test_apprise_seed_message_reads_right(http_server: TestHTTPServer) -> None:
    received: list[dict[str, object]] = []
    http_server.route_handler("/apprise", json_receiver(received))
    title, body = apprise_channel.render(samples.created())
    assert apprise_channel.notify(f"json://127.0.0.1:{http_server.port}/apprise", title, body, 5) == (True, None)
    message = str(received[0]["message"])
    assert "At least 54 soldiers killed" in str(received[0]["title"])
    assert "at least 54 killed (soldiers) — Malian officials \\[official\\]" in message
    assert "dozens wounded (soldiers)" in message


def test_apprise_failure_names_no_secret(http_server: TestHTTPServer) -> None:
    received: list[dict[str, object]] = []
    http_server.route_handler("/tok3nSECRETpath", json_receiver(received, status=500))
    url = f"json://hookuser:pa55WORDsecret@127.0.0.1:{http_server.port}/tok3nSECRETpath?key=qu3ryS3CRET"
    ok, error = apprise_channel.notify(url, "title", "body", timeout=5)
    assert not ok and error
    assert f"127.0.0.1:{http_server.port}" in error
    for secret in ("hookuser", "pa55WORDsecret", "tok3nSECRETpath", "qu3ryS3CRET"):
        assert secret not in error


def test_apprise_unreachable_and_unknown(http_server: TestHTTPServer) -> None:
    ok, error = apprise_channel.notify("nosuchservice://s3cretTOKEN/x", "t", "b", timeout=2)
    assert not ok and error and "s3cretTOKEN" not in error and "nosuchservice://***" in error
    server = TestHTTPServer().start()
    port = server.port
    server.stop()  # a port nothing listens on any more
    ok, error = apprise_channel.notify(f"json://127.0.0.1:{port}/s3cretPATH", "t", "b", timeout=2)
    assert not ok and error and "s3cretPATH" not in error


def test_apprise_timeout_is_reported(http_server: TestHTTPServer) -> None:
    http_server.route_handler("/slow", lambda _request: Response("ok", delay=3))
    started = time.monotonic()
    ok, error = apprise_channel.notify(f"json://127.0.0.1:{http_server.port}/slow", "t", "b", timeout=0.5)
    assert not ok and error and time.monotonic() - started < 2.5


def test_apprise_logs_keep_no_secret(http_server: TestHTTPServer, caplog: pytest.LogCaptureFixture) -> None:
    """Apprise and urllib3 log at DEBUG what they send to; those records are redacted too."""
    http_server.route_handler("/tok3nSECRETpath", lambda _request: Response("no", status=403))
    url = f"json://hookuser:pa55WORDsecret@127.0.0.1:{http_server.port}/tok3nSECRETpath?key=qu3ryS3CRET"
    with caplog.at_level("DEBUG"):
        ok, _error = apprise_channel.notify(url, "title", "body", timeout=5)
    assert not ok and "127.0.0.1" in caplog.text
    for secret in ("pa55WORDsecret", "tok3nSECRETpath", "qu3ryS3CRET"):
        assert secret not in caplog.text
