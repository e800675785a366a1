"""A worker SIGKILLed in the middle of its work: a new worker finishes it, nothing twice."""

from __future__ import annotations

import time


from tests.faults.rig import REQUEUE_AFTER, VISIBILITY_TIMEOUT, Rig, assert_exactly_once, serve_incidents
from tests.fixtures.httpserver import Response
from tests.fixtures.webhooks import WebhookReceiver



def test_batch_survives_a_worker_killed_mid_batch(rig: Rig, http_server, receiver):
    articles = 10
    rig.add_endpoint(receiver.url, receiver.secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles))
    first = rig.worker()
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])

    # Mid-batch: some entries done, one or two claimed by the pool children, the rest queued.
    rig.wait(lambda: rig.entry_statuses()["done"] >= 2 and rig.entry_statuses()["processing"] >= 1, 30,
             "two entries done and one in progress")
    first.kill()
    killed_at = time.time()
    orphaned = rig.orphans()
    assert orphaned and rig.entry_statuses()["done"] < articles

    # A supervisor restarts the worker at once. The dead worker's unacknowledged messages come back
    # only after the visibility timeout and kombu's next restore sweep (at a worker's start, then
    # every 100 s), so the database carries the recovery: entries whose prefetched message died
    # with the worker are re-sent after REQUEUE_AFTER, entries a dead child held after their lease.
    # A delivery the dead worker was sending holds WEBHOOK_TIMEOUT + 60 s: the 60 s are moved back.
    rig.fast_forward_deliveries(60)
    rig.worker()

    # Everything but the orphaned entries settles...
    rig.wait(lambda: rig.settled(articles - len(orphaned), exclude=orphaned), 25, "the other entries settled")
    # ...and the orphans, re-found by the dispatcher once their lease expired, must follow.
    patience = rig.seconds_until_leases_end(orphaned) + 2 * REQUEUE_AFTER + 3
    recovery = rig.wait(lambda: rig.settled(articles), patience, f"entries {orphaned} (killed mid-task) processed")
    counts = assert_exactly_once(rig, [receiver], articles, interrupted_at=killed_at)
    print(f"\nkilled with {len(orphaned)} entries in flight; settled {recovery:.1f} s later, "
          f"{time.monotonic() - started:.1f} s in all; {counts}")


def test_deliveries_survive_a_worker_killed_while_sending(rig: Rig, http_server, receiver: WebhookReceiver):
    """The receiver records each POST and then takes 1.5 s to answer; the worker dies in between."""
    articles = 4
    record = receiver._handle

    def slow(request) -> Response:
        response = record(request)
        time.sleep(1.5)
        return response

    receiver.server.route_handler(WebhookReceiver.PATH, slow)
    rig.add_endpoint(receiver.url, receiver.secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles, delay=0))
    first = rig.worker()
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])

    rig.wait(lambda: rig.entry_statuses()["done"] == articles and rig.sending() >= 1 and len(receiver.received) >= 1,
             30, "every entry done and a delivery being answered")
    first.kill()
    killed_at = time.time()
    in_flight = rig.sending()
    assert in_flight >= 1

    # A delivery's lease is WEBHOOK_TIMEOUT + 60 s: move the fixed 60 s back instead of sleeping it.
    rig.fast_forward_deliveries(60)
    time.sleep(VISIBILITY_TIMEOUT + 0.5)  # so the new worker's first sweep restores the dead one's messages
    rig.worker()
    recovery = rig.wait(lambda: rig.settled(articles), 30, "every delivery final")

    counts = assert_exactly_once(rig, [receiver], articles, interrupted_at=killed_at)
    retried = counts["received_ok"] - counts["alerts"]
    print(f"\nkilled with {in_flight} deliveries in flight ({retried} answered before the kill, sent again: "
          f"at-least-once); settled {recovery:.1f} s after, {time.monotonic() - started:.1f} s in all; {counts}")
