"""A webhook receiver that refuses connections for longer than several retries, then comes back:
each alert is delivered once, on the first attempt after its return, found by the dispatcher."""

from __future__ import annotations

import socket
import time

from sqlalchemy import select

from tests.faults.rig import VISIBILITY_TIMEOUT, Rig, assert_exactly_once, serve_incidents
from tests.fixtures.httpserver import TestHTTPServer
from tests.fixtures.webhooks import WebhookReceiver
from worker.db.models import Delivery, DeliveryAttempt

# Four quick retries, then a wait longer than half the visibility timeout: that one is not a
# countdown message but a next_attempt_at that only the dispatcher reads.
SCHEDULE = "0.5,0.5,0.5,0.5,8"
QUICK_ATTEMPTS = 5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_receiver_down_for_several_retries_gets_each_alert_once_when_back(rig: Rig, http_server):
    assert 8 > VISIBILITY_TIMEOUT / 2
    articles = 3
    port = free_port()
    secret = WebhookReceiver(TestHTTPServer()).secret  # a secret only; this server never starts
    rig.add_endpoint(f"http://127.0.0.1:{port}/webhook", secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles, delay=0))
    rig.worker(SAHELWATCH_WEBHOOK_RETRY_SCHEDULE=SCHEDULE)
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])

    def refused_everywhere() -> bool:
        with rig.session() as session:
            attempts = session.scalars(select(DeliveryAttempt)).all()
        per_delivery = {}
        for attempt in attempts:
            per_delivery.setdefault(attempt.delivery_id, []).append(attempt)
        return len(per_delivery) == articles and all(len(a) >= QUICK_ATTEMPTS for a in per_delivery.values())

    rig.wait(refused_everywhere, 30, f"{QUICK_ATTEMPTS} refused attempts per delivery")
    down_for = time.monotonic() - started
    with rig.session() as session:
        waiting = session.scalars(select(Delivery)).all()
    assert {d.status for d in waiting} == {"pending"}
    assert all("connection refused" in (d.last_error or "") for d in waiting)

    server = TestHTTPServer(port=port).start()
    try:
        receiver = WebhookReceiver(server, secret=secret)
        back = time.time()
        recovery = rig.wait(lambda: rig.settled(articles), 30, "every delivery succeeded")
        counts = assert_exactly_once(rig, [receiver], articles)
    finally:
        server.stop()
    with rig.session() as session:
        deliveries = session.scalars(select(Delivery)).all()
        attempts = session.scalars(select(DeliveryAttempt).order_by(DeliveryAttempt.delivery_id,
                                                                    DeliveryAttempt.attempt)).all()
    for delivery in deliveries:
        mine = [a for a in attempts if a.delivery_id == delivery.id]
        assert [a.status_code for a in mine] == [None] * QUICK_ATTEMPTS + [200]
        assert delivery.attempts == QUICK_ATTEMPTS + 1 and delivery.delivered_at is not None
    assert len(receiver.received) == articles and all(d.received_at >= back for d in receiver.received)
    print(f"\nreceiver refused {QUICK_ATTEMPTS} attempts per alert over {down_for:.1f} s; back, delivered in "
          f"{recovery:.1f} s by the dispatcher; {time.monotonic() - started:.1f} s in all; {counts}")
