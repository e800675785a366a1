"""A worker SIGKILLed in the middle of a batch: a new worker finishes it, nothing twice."""

from __future__ import annotations

import time

from tests.faults.rig import ARTICLE_TIME_LIMIT, VISIBILITY_TIMEOUT, Rig, assert_exactly_once, serve_incidents


def test_batch_survives_a_worker_killed_mid_batch(rig: Rig, http_server, receiver):
    articles = 10
    rig.add_endpoint(receiver.url, receiver.secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles))
    first = rig.worker()
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])

    # Mid-batch: some entries done, others claimed by the two pool children, the rest queued.
    rig.wait(lambda: rig.entry_statuses()["done"] >= 2 and rig.entry_statuses()["processing"] >= 1, 30,
             "two entries done and one in progress")
    first.kill()
    killed_at = time.time()
    orphaned = rig.entry_statuses()["processing"]
    assert orphaned >= 1 and rig.entry_statuses()["done"] < articles

    # Their leases run ARTICLE_TIME_LIMIT + 60 s; move the fixed 60 s back instead of sleeping it.
    rig.fast_forward(60)
    # Unacked messages come back once older than the visibility timeout, at the next worker's start.
    time.sleep(VISIBILITY_TIMEOUT + 0.5)
    rig.worker()
    recovery = rig.wait(lambda: rig.settled(articles), 25, "every entry done and every delivery final")

    counts = assert_exactly_once(rig, [receiver], articles, interrupted_at=killed_at)
    with rig.session() as session:
        attempts = rig.attempts(session)
    assert max(attempts) <= 2 and sum(1 for a in attempts if a == 2) >= orphaned  # each killed entry: one more try
    print(f"\nkilled with {orphaned} entries in flight; recovered in {recovery:.1f} s, "
          f"{time.monotonic() - started:.1f} s in all; {counts}; time limit {ARTICLE_TIME_LIMIT} s")
