"""PostgreSQL restarted in the middle of a run: tasks that failed with OperationalError during
the outage are recovered (pool_pre_ping drops dead connections; the dispatcher re-finds entries
whose lease expired), and nothing is written twice."""

from __future__ import annotations

import time


from tests.faults.rig import ARTICLE_TIME_LIMIT, REQUEUE_AFTER, Rig, assert_exactly_once, serve_incidents, utcnow


def test_a_run_survives_a_postgres_restart(pg_rig: Rig, private_postgres, http_server, receiver):
    rig = pg_rig
    articles = 10
    rig.add_endpoint(receiver.url, receiver.secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles, delay=2.0))
    rig.worker()
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])
    rig.wait(lambda: rig.entry_statuses()["done"] >= 2 and rig.entry_statuses()["processing"] >= 1, 40,
             "two entries done and one in progress")
    before = rig.entry_statuses()

    private_postgres.stop()  # fast shutdown: open connections are cut
    time.sleep(3)  # tasks claim, store and dispatch against a dead server: OperationalError
    private_postgres.start()
    back, back_at = utcnow(), time.time()
    outage = time.monotonic() - started

    # Tasks that ran into the outage are over once the hard time limit has passed. Entries whose
    # message they consumed before claiming are re-sent after REQUEUE_AFTER; entries they had
    # claimed wait for their lease to run out.
    time.sleep(ARTICLE_TIME_LIMIT + 1)
    # A delivery claimed before the outage whose result could not be recorded holds its lease
    # (WEBHOOK_TIMEOUT + 60 s): the 60 s are moved back instead of slept.
    rig.fast_forward_deliveries(60, claimed_before=back)
    stuck = rig.orphans_claimed_before(back)
    rig.wait(lambda: rig.settled(articles - len(stuck), exclude=stuck), 30, "the other entries settled")
    patience = rig.seconds_until_leases_end(stuck) + 2 * REQUEUE_AFTER + 3
    recovery = rig.wait(lambda: rig.settled(articles), patience, f"entries {stuck} (claimed before the outage) processed")
    counts = assert_exactly_once(rig, [receiver], articles, interrupted_at=back_at)
    print(f"\npostgres down with {dict(before)}; settled {recovery:.1f} s later; "
          f"{time.monotonic() - started:.1f} s in all (outage began at {outage:.1f} s); {counts}")
