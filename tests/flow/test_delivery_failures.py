"""Receivers that fail, hang, refuse or vanish: exactly one successful delivery, every attempt recorded."""

from __future__ import annotations

import json
import socket
import time

from tests.delivery.validators import validate_slack
from tests.fixtures.httpserver import Response, TestHTTPServer
from tests.fixtures.webhooks import WebhookReceiver
from tests.pipeline import Pipeline, rss, sample_page
from worker.admin.deliveries import retry_deliveries
from worker.db.models import Delivery, DeliveryAttempt
from worker.flow import utcnow


def seed_feed(http_server) -> str:
    http_server.route("/seed.html", sample_page("seed-in-delimane.html"), headers={"Content-Type": "text/html"})
    http_server.route("/feed.xml", rss([("seed", "Dozens of Malian soldiers killed", http_server.url("/seed.html"))]))
    return http_server.url("/feed.xml")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_status(pipeline: Pipeline, status: str, timeout: float = 30) -> Delivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = pipeline.rows(Delivery)
        if rows and rows[0].status == status:
            return rows[0]
        time.sleep(0.2)
    raise AssertionError(f"delivery never reached {status}: {pipeline.rows(Delivery)}")


def test_a_receiver_that_hangs_once_gets_one_delivery_and_the_timeout_is_recorded(clean_pipeline: Pipeline, http_server, webhook_receiver):
    slow = TestHTTPServer().start()
    try:
        receiver = WebhookReceiver(slow)
        slow.route_handler(WebhookReceiver.PATH, _first_call_hangs(receiver._handle, seconds=3))
        clean_pipeline.add_endpoint(receiver.url, receiver.secret)
        clean_pipeline.poll(clean_pipeline.add_feed(seed_feed(http_server)))
        delivery = wait_for_status(clean_pipeline, "succeeded")
    finally:
        slow.stop()
    attempts = clean_pipeline.rows(DeliveryAttempt)
    assert [a.status_code for a in attempts] == [None, 200]
    assert attempts[0].error == "no answer within 1 s"
    assert delivery.attempts == 2 and len(receiver.successful()) == 1


def _first_call_hangs(handler, seconds: float):
    calls = []

    def handle(request):
        calls.append(1)
        if len(calls) == 1:
            time.sleep(seconds)
        return handler(request)

    return handle


def test_a_receiver_down_past_the_last_attempt_is_dead_until_retried_by_an_operator(clean_pipeline: Pipeline, http_server):
    port = free_port()
    secret = WebhookReceiver(TestHTTPServer()).secret
    clean_pipeline.add_endpoint(f"http://127.0.0.1:{port}/webhook", secret)

    clean_pipeline.poll(clean_pipeline.add_feed(seed_feed(http_server)))

    dead = wait_for_status(clean_pipeline, "failed")
    assert dead.attempts == 4 and "connection refused" in dead.last_error
    back = TestHTTPServer(port=port).start()
    try:
        receiver = WebhookReceiver(back, secret=secret)
        ids = retry_deliveries(clean_pipeline.db, utcnow(), dead=True)
        for delivery_id in ids:
            clean_pipeline.app.send_task("sahelwatch.deliver", args=[delivery_id])
        [delivered] = receiver.wait_for(1, timeout=20)
    finally:
        back.stop()
    assert delivered.signature_valid
    delivery = wait_for_status(clean_pipeline, "succeeded")
    assert delivery.attempts == 5
    assert [a.status_code for a in clean_pipeline.rows(DeliveryAttempt)] == [None, None, None, None, 200]


def test_a_slack_endpoint_receives_a_valid_block_kit_message(clean_pipeline: Pipeline, http_server):
    slack = TestHTTPServer().start()
    payloads = []

    def slack_like(request):
        payload = json.loads(request.body)
        errors = validate_slack(payload)
        payloads.append(payload)
        return Response(b"ok" if not errors else "; ".join(errors).encode(), status=200 if not errors else 400)

    try:
        slack.route_handler("/services/T0/B0/token", slack_like)
        clean_pipeline.add_endpoint(slack.url("/services/T0/B0/token"), "whsec_" + "A" * 32, kind="slack")
        clean_pipeline.poll(clean_pipeline.add_feed(seed_feed(http_server)))
        delivery = wait_for_status(clean_pipeline, "succeeded")
    finally:
        slack.stop()
    assert delivery.attempts == 1
    [payload] = payloads
    text = json.dumps(payload)
    assert "Menaka" in text and "54" in text and "Malian officials" in text
    assert "openstreetmap.org" in text
