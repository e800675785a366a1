"""What each resource does, on SQLite and PostgreSQL, with tasks landing in the real broker."""

from __future__ import annotations

import json

import redis
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.api.conftest import ADMIN, Seeded, api_settings, auth
from worker.api import create_app
from worker.db.models import Delivery, Feed
from worker.db.session import session_scope
from worker.feeds.opml import OutlineFeed, render_opml


def messages(broker: redis.Redis, queue: str) -> list[dict]:
    """The tasks waiting in a queue (kombu's JSON envelope; the task name is in its headers)."""
    return [json.loads(raw) for raw in broker.lrange(queue, 0, -1)]


def test_a_feed_is_added_once_paused_resumed_and_removed(admin: TestClient, db: str):
    added = admin.post("/api/v1/feeds", json={"url": "https://outlet.example/rss", "name": "Outlet", "language": "fr"})
    assert added.status_code == 201 and added.json()["created"] is True
    again = admin.post("/api/v1/feeds", json={"url": "https://outlet.example/rss"})
    assert again.status_code == 200 and again.json()["id"] == added.json()["id"] and again.json()["created"] is False
    feed_id = added.json()["id"]
    assert admin.patch(f"/api/v1/feeds/{feed_id}", json={"status": "paused", "interval_minutes": 30}).json()["status"] == "paused"
    resumed = admin.patch(f"/api/v1/feeds/{feed_id}", json={"status": "active", "name": None}).json()
    assert (resumed["status"], resumed["interval_minutes"], resumed["name"], resumed["language"]) == ("active", 30, None, "fr")
    assert [f["url"] for f in admin.get("/api/v1/feeds").json()] == ["https://outlet.example/rss"]
    assert admin.delete(f"/api/v1/feeds/{feed_id}").status_code == 204
    assert admin.get(f"/api/v1/feeds/{feed_id}").status_code == 404


def test_an_opml_import_adds_good_feeds_and_reports_bad_ones(admin: TestClient, db: str):
    document = render_opml([OutlineFeed("https://outlet.example/rss", "Outlet", "en", None, None, None),
                            OutlineFeed("ftp://outlet.example/feed", "Bad", None, None, None, None)], "t")
    report = admin.post("/api/v1/feeds/opml", json={"opml": document.decode(), "default_interval": 45}).json()
    assert report["added"] == ["https://outlet.example/rss"] and report["invalid"][0]["url"] == "ftp://outlet.example/feed"
    with session_scope(db) as session:
        assert session.scalars(select(Feed.interval_minutes)).one() == 45


def test_polling_now_enqueues_a_refresh_per_active_feed(admin: TestClient, seeded: Seeded, broker: redis.Redis):
    admin.post("/api/v1/feeds", json={"url": "https://outlet2.example/rss"})
    queued = admin.post("/api/v1/polls", json={})
    assert queued.status_code == 202 and len(queued.json()["feed_ids"]) == 2
    assert {m["headers"]["task"] for m in messages(broker, "feeds")} == {"sahelwatch.refresh_feed"}
    assert sorted(m["headers"]["argsrepr"] for m in messages(broker, "feeds")) == sorted(
        f"[{i}]" for i in queued.json()["feed_ids"])
    only = admin.post("/api/v1/polls", json={"feed_ids": [seeded.feed]}).json()
    assert only["feed_ids"] == [seeded.feed] and broker.llen("feeds") == 3


def test_incidents_are_filtered_and_merged_ones_hidden(admin: TestClient, seeded: Seeded):
    def ids(query: str = "") -> list[str]:
        return [r["id"] for r in admin.get(f"/api/v1/incidents{query}").json()]

    assert set(ids()) == {seeded.incident, seeded.other}
    assert ids("?country=bf") == [seeded.other]
    assert ids("?type=Battles") == [seeded.incident]
    assert ids("?min_fatalities=10") == [seeded.incident]
    assert ids("?since=2100-01-01T00:00:00") == []
    merged = admin.post(f"/api/v1/incidents/{seeded.other}/merge", json={"into": seeded.incident}).json()
    assert merged["incident"] == seeded.incident and merged["changed"] and merged["deliveries"] == 1
    assert ids() == [seeded.incident]
    hidden = admin.get(f"/api/v1/incidents/{seeded.other}").json()
    assert hidden["merged_into"] == seeded.incident


def test_a_review_reaches_alerts_and_queues_its_delivery(admin: TestClient, seeded: Seeded, broker: redis.Redis):
    outcome = admin.post(f"/api/v1/incidents/{seeded.incident}/review", json={"review": "confirmed"}).json()
    assert outcome == {"incident": seeded.incident, "changed": True, "created": None, "deliveries": 1,
                       "changes": [{"field": "review", "from": "unreviewed", "to": "confirmed"}]}
    assert [m["headers"]["task"] for m in messages(broker, "alerts")] == ["sahelwatch.deliver"]
    latest = admin.get("/api/v1/alerts?type=incident.updated&limit=1").json()[0]
    assert latest["data"]["incident"]["review"] == "confirmed"
    assert admin.get(f"/api/v1/incidents/{seeded.incident}").json()["review"] == "confirmed"
    again = admin.post(f"/api/v1/incidents/{seeded.incident}/review", json={"review": "confirmed"}).json()
    assert again["changed"] is False and broker.llen("alerts") == 1


def test_a_split_names_the_new_incident(admin: TestClient, seeded: Seeded):
    detail = admin.get(f"/api/v1/incidents/{seeded.incident}").json()
    assert [r["article_id"] for r in detail["reports"]] == [seeded.article, seeded.second]
    split = admin.post(f"/api/v1/incidents/{seeded.incident}/split", json={"article_ids": [seeded.second]}).json()
    assert split["created"].startswith("inc_") and split["deliveries"] == 2
    assert admin.get(f"/api/v1/incidents/{split['created']}").json()["fatalities"] == 40


def test_alerts_are_filtered_by_type_country_and_toll(admin: TestClient, seeded: Seeded):
    def types(query: str) -> list[tuple[str, str]]:
        return [(a["type"], a["data"]["incident"]["country"]) for a in admin.get(f"/api/v1/alerts{query}").json()]

    assert types("") == [("incident.created", "BF"), ("incident.created", "ML")]
    assert types("?type=incident.created&country=ML") == [("incident.created", "ML")]
    assert types("?type=incident.updated") == []
    assert types("?min_fatalities=10") == [("incident.created", "ML")]
    assert types("?event_type=Violence%20against%20civilians&limit=1") == [("incident.created", "BF")]


def test_a_subscription_secret_is_shown_once_and_urls_redacted(admin: TestClient, seeded: Seeded):
    created = admin.post("/api/v1/subscriptions", json={
        "url": "https://hooks.example/services/T1/B2/token", "name": "ml", "rules": {"countries": ["ML"]}})
    body = created.json()
    assert created.status_code == 201 and body["secret"].startswith("whsec_")
    assert body["url"] == "https://hooks.example/***" and body["rules"] == {"countries": ["ML"]}
    again = admin.post("/api/v1/subscriptions", json={"url": "https://hooks.example/services/T1/B2/token"})
    assert again.status_code == 200 and again.json()["secret"] is None
    own = admin.post("/api/v1/subscriptions", json={"url": "https://siem.example/in", "secret": body["secret"]})
    assert own.status_code == 201 and own.json()["secret"] is None
    listing = admin.get("/api/v1/subscriptions").text
    assert "whsec_" not in listing and "token" not in listing and "secretpart" not in listing
    assert admin.delete(f"/api/v1/subscriptions/{body['id']}").status_code == 204
    assert admin.get(f"/api/v1/subscriptions/{body['id']}").status_code == 404


def test_failed_deliveries_are_retried_one_or_all(admin: TestClient, seeded: Seeded, db: str, broker: redis.Redis):
    assert [d["id"] for d in admin.get("/api/v1/deliveries?status=failed").json()] == [seeded.failed]
    assert admin.post(f"/api/v1/deliveries/{seeded.failed}/retry").json() == {"delivery_ids": [seeded.failed]}
    assert broker.llen("alerts") == 1
    assert admin.post(f"/api/v1/deliveries/{seeded.failed}/retry").status_code == 409
    with session_scope(db) as session:
        assert session.get(Delivery, seeded.failed).status == "pending"
        session.get(Delivery, seeded.pending).status = "failed"
    assert admin.post("/api/v1/deliveries/retry-dead").json() == {"delivery_ids": [seeded.pending]}


def test_health_reports_queues_and_the_last_poll(admin: TestClient, seeded: Seeded, db: str, broker: redis.Redis):
    broker.rpush("articles", b"{}", b"{}")
    healthy = admin.get("/health")
    assert healthy.status_code == 200
    body = healthy.json()
    assert (body["status"], body["database"], body["broker"]) == ("ok", True, True)
    assert body["queues"] == {"feeds": 0, "articles": 2, "alerts": 0, "admin": 0}
    assert body["last_successful_poll"] is None


def test_health_is_503_with_reasons_when_the_broker_is_down(db: str, tmp_path):
    unreachable = api_settings(db, "redis://127.0.0.1:1/0", tmp_path)
    with TestClient(create_app(unreachable)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unhealthy" and body["database"] is True and body["broker"] is False
    assert body["reasons"][0].startswith("the broker is unreachable")


def test_metrics_include_the_queue_depth_measured_at_scrape_time(client: TestClient, broker: redis.Redis):
    broker.rpush("feeds", b"{}")
    assert client.get("/metrics").status_code == 401
    text = client.get("/metrics", headers=auth(ADMIN)).text
    assert 'sahelwatch_queue_depth{queue="feeds"} 1.0' in text
    assert "sahelwatch_broker_up 1.0" in text


def test_a_rescan_is_started_followed_and_cancelled(admin: TestClient, seeded: Seeded, broker: redis.Redis):
    started = admin.post("/api/v1/rescans", json={"country": "ml", "send_alerts": False})
    assert started.status_code == 202, started.text
    rescan = started.json()
    assert (rescan["status"], rescan["total"], rescan["selection"]["country"]) == ("running", 2, "ML")
    assert [m["headers"]["task"] for m in messages(broker, "admin")] == ["sahelwatch.rescan_chunk"]
    assert admin.get(f"/api/v1/rescans/{rescan['id']}").json()["total"] == 2
    assert admin.post(f"/api/v1/rescans/{rescan['id']}/cancel").json()["status"] == "cancelled"
    assert admin.post(f"/api/v1/rescans/{rescan['id']}/cancel").status_code == 200  # cancelling twice is no error
    nothing = admin.post("/api/v1/rescans", json={"country": "NE"}).json()
    assert nothing["status"] == "done"
    refused = admin.post(f"/api/v1/rescans/{nothing['id']}/cancel")
    assert refused.status_code == 409 and "already done" in refused.json()["detail"]
    assert admin.post("/api/v1/rescans", json={}).status_code == 422
