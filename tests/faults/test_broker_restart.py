"""Redis restarted in the middle of a run: Celery reconnects, queued messages survive in the
append-only file, messages lost in the outage are re-found by the dispatcher."""

from __future__ import annotations

import time

from tests.faults.rig import Rig, assert_exactly_once, serve_incidents
from worker.embedded import start_embedded_redis


def test_a_run_survives_a_redis_restart(rig: Rig, private_redis, http_server, receiver):
    articles = 10
    rig.add_endpoint(receiver.url, receiver.secret)
    feed_id = rig.add_feed(serve_incidents(http_server, articles))
    rig.worker()
    started = time.monotonic()
    rig.worker_app().send_task("sahelwatch.refresh_feed", args=[feed_id])
    rig.wait(lambda: rig.entry_statuses()["done"] >= 2, 30, "two entries done")
    before = rig.entry_statuses()

    private_redis.stop()  # SHUTDOWN: the append-only file is flushed, the socket disappears
    stopped_at = time.time()
    time.sleep(3)  # tasks in flight finish their page and try to enqueue deliveries: refused
    restarted = start_embedded_redis(private_redis.data_dir)
    assert restarted.owned and restarted.socket_path == private_redis.socket_path
    outage = time.time() - stopped_at

    recovery = rig.wait(lambda: rig.settled(articles), 40, "every entry done and every delivery final")
    counts = assert_exactly_once(rig, [receiver], articles, interrupted_at=stopped_at)
    assert before["done"] < articles
    restarted.stop()
    print(f"\nredis down {outage:.1f} s with {dict(before)}; settled {recovery:.1f} s after the restart, "
          f"{time.monotonic() - started:.1f} s in all; {counts}")
