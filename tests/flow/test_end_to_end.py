"""Feeds in, alerts out: through a real Celery worker on the real broker and database."""

from __future__ import annotations

import time

from worker.db.models import Alert, Delivery, DeliveryAttempt, Entry, Feed
from tests.pipeline import Pipeline, rss, sample_page


def serve_seed_feed(http_server, name: str = "seed") -> str:
    page = f"/{name}/in-delimane.html"
    http_server.route(page, sample_page("seed-in-delimane.html"), headers={"Content-Type": "text/html; charset=utf-8"})
    http_server.route(f"/{name}/green.html", sample_page("green-wall.html"), headers={"Content-Type": "text/html"})
    feed = rss([
        ("seed-1", "Dozens of Malian soldiers killed in Islamic State attack", http_server.url(page) + "?utm_source=rss"),
        ("green-1", "Sahel farmers bet on the Great Green Wall", http_server.url(f"/{name}/green.html")),
    ])
    http_server.route(f"/{name}/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    return http_server.url(f"/{name}/feed.xml")


def test_seed_article_gives_one_alert_and_one_signed_delivery(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    feed_id = clean_pipeline.add_feed(serve_seed_feed(http_server), language="en")

    summary = clean_pipeline.poll(feed_id)

    assert summary.entries == {"done": 2}
    [delivered] = webhook_receiver.wait_for(1)
    assert delivered.signature_valid
    assert delivered.webhook_id.startswith("msg_")
    body = delivered.json
    assert body["type"] == "incident.created"
    incident = body["data"]["incident"]
    assert incident["id"].startswith("inc_")
    assert incident["country"] == "ML"
    assert incident["admin1"] == "Menaka"
    assert incident["location"].replace("-", "").lower() == "indelimane"
    assert incident["fatalities"] == 54
    assert {"is_sahel", "military_ml"} <= set(incident["actors"])
    assert incident["sources"][0]["url"].endswith("/seed/in-delimane.html")  # tracking parameter removed
    assert all(claim["source_url"] == incident["sources"][0]["url"] for claim in incident["claims"])
    assert clean_pipeline.count(Alert) == 1
    [delivery] = clean_pipeline.rows(Delivery)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)


def test_second_poll_of_the_same_feed_adds_nothing(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    feed_id = clean_pipeline.add_feed(serve_seed_feed(http_server))
    clean_pipeline.poll(feed_id)
    webhook_receiver.wait_for(1)
    before = [clean_pipeline.count(m) for m in (Entry, Alert, Delivery, DeliveryAttempt)]

    summary = clean_pipeline.poll(feed_id)

    assert summary.entries == {}
    assert [clean_pipeline.count(m) for m in (Entry, Alert, Delivery, DeliveryAttempt)] == before
    assert len(webhook_receiver.received) == 1


def test_same_story_from_a_second_feed_raises_no_second_alert(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    first = clean_pipeline.add_feed(serve_seed_feed(http_server, "outlet-a"))
    second = clean_pipeline.add_feed(serve_seed_feed(http_server, "outlet-b"))

    clean_pipeline.poll(first, second)

    assert clean_pipeline.count(Entry) == 4
    assert clean_pipeline.count(Alert) == 1
    webhook_receiver.wait_for(1)
    assert len(webhook_receiver.received) == 1


def test_receiver_failing_twice_gets_one_delivery_after_three_attempts(clean_pipeline: Pipeline, http_server, webhook_receiver):
    webhook_receiver.fail_next(1, status=503)
    webhook_receiver.fail_next(1, status=429, headers={"Retry-After": "1"})
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    feed_id = clean_pipeline.add_feed(serve_seed_feed(http_server))

    clean_pipeline.poll(feed_id)

    assert [d.status_returned for d in webhook_receiver.received] == [503, 429, 200]
    assert len({d.webhook_id for d in webhook_receiver.received}) == 1  # the id is stable across retries
    assert all(d.signature_valid for d in webhook_receiver.received)
    ts = [int(d.timestamp) for d in webhook_receiver.received]
    assert ts[2] - ts[1] >= 1  # Retry-After: 1 was honoured
    [delivery] = clean_pipeline.rows(Delivery)
    assert (delivery.status, delivery.attempts) == ("succeeded", 3)
    attempts = clean_pipeline.rows(DeliveryAttempt)
    assert [(a.attempt, a.status_code) for a in attempts] == [(1, 503), (2, 429), (3, 200)]


def test_receiver_down_for_good_leaves_a_failed_delivery_and_the_alert(clean_pipeline: Pipeline, http_server, webhook_receiver):
    webhook_receiver.fail_next(10, status=500)
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    feed_id = clean_pipeline.add_feed(serve_seed_feed(http_server))

    clean_pipeline.poll(feed_id)

    [delivery] = clean_pipeline.rows(Delivery)
    assert delivery.status == "failed"
    assert delivery.attempts == 4  # the first try and the three retries of the schedule
    assert "HTTP 500" in delivery.last_error
    assert clean_pipeline.count(Alert) == 1


def test_broken_and_unreachable_feeds_get_a_clear_error_and_the_run_goes_on(clean_pipeline: Pipeline, http_server):
    http_server.route("/broken.xml", b"<html><body>Not a feed</body></html>", headers={"Content-Type": "text/html"})
    broken = clean_pipeline.add_feed(http_server.url("/broken.xml"))
    missing = clean_pipeline.add_feed(http_server.url("/missing.xml"))
    unreachable = clean_pipeline.add_feed("http://127.0.0.1:9/feed.xml")
    good = clean_pipeline.add_feed(serve_seed_feed(http_server))

    summary = clean_pipeline.poll(broken, missing, unreachable, good)

    feeds = {f.id: f for f in clean_pipeline.rows(Feed)}
    assert feeds[broken].last_error == "got an HTML page, not a feed"
    assert feeds[missing].last_error.startswith("HTTP 404")
    assert "connection refused" in feeds[unreachable].last_error
    assert all(feeds[i].status == "error" and feeds[i].consecutive_failures == 1 for i in (broken, missing, unreachable))
    assert feeds[good].status == "active" and feeds[good].last_error is None
    assert summary.entries == {"done": 2}
    assert clean_pipeline.count(Alert) == 1


def test_an_article_page_that_fails_is_recorded_on_its_entry(clean_pipeline: Pipeline, http_server):
    http_server.route("/gone.html", b"gone", status=410)
    http_server.route("/bin.html", b"\x00\x01\x02" * 1000, headers={"Content-Type": "text/html"})
    http_server.route("/f.xml", rss([("a", "Gone", http_server.url("/gone.html")), ("b", "Binary", http_server.url("/bin.html"))]))
    feed_id = clean_pipeline.add_feed(http_server.url("/f.xml"))

    clean_pipeline.app.send_task("sahelwatch.refresh_feed", args=[feed_id])

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        entries = clean_pipeline.rows(Entry)
        if len(entries) == 2 and all(e.last_error for e in entries):
            break
        time.sleep(0.2)
    assert {e.last_error for e in clean_pipeline.rows(Entry)} == {
        "HTTP 410 from " + http_server.url("/gone.html"),
        "binary content, not an HTML page",
    }
    assert clean_pipeline.count(Alert) == 0


def test_wire_copy_reprinted_with_edits_is_processed_once_and_linked_to_every_outlet(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    original = sample_page("seed-in-delimane.html")
    reprint = original.replace("Dozens of Malian soldiers killed in Islamic State attack", "Mali: deadly assault on army base") \
        .replace("</article>", "<p>Reporting by our correspondent; edited for length.</p></article>")
    http_server.route("/a/story.html", original, headers={"Content-Type": "text/html"})
    http_server.route("/b/reprint.html", reprint, headers={"Content-Type": "text/html"})
    http_server.route("/a.xml", rss([("a", "Dozens of Malian soldiers killed", http_server.url("/a/story.html"))]))
    http_server.route("/b.xml", rss([("b", "Mali: deadly assault on army base", http_server.url("/b/reprint.html"))]))
    first = clean_pipeline.add_feed(http_server.url("/a.xml"))
    second = clean_pipeline.add_feed(http_server.url("/b.xml"))

    clean_pipeline.poll(first)
    clean_pipeline.poll(second)

    from worker.db.models import Article

    entries = clean_pipeline.rows(Entry)
    assert clean_pipeline.count(Article) == 1
    assert len(entries) == 2 and entries[0].article_id == entries[1].article_id is not None
    assert clean_pipeline.count(Alert) == 1 and len(webhook_receiver.wait_for(1)) == 1
