"""One incident, one alert: reports from several outlets merge; only material news is an update."""

from __future__ import annotations

from pathlib import Path

from tests.pipeline import Pipeline, rss
from worker.db.models import Alert, Delivery, Incident, IncidentReport

REPORTS = Path(__file__).resolve().parents[1] / "data" / "incident"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def serve(http_server, *names: str, feed: str) -> str:
    items = []
    for name in names:
        http_server.route(f"/{name}", (REPORTS / name).read_text(encoding="utf-8"), headers=HTML)
        items.append((name, name, http_server.url(f"/{name}")))
    http_server.route(f"/{feed}", rss(items))
    return http_server.url(f"/{feed}")


def test_three_outlets_one_attack_give_one_incident_and_one_alert_per_endpoint(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    feed = clean_pipeline.add_feed(serve(http_server, "outlet-a.html", "outlet-b.html", "outlet-c.html", feed="abc.xml"))

    clean_pipeline.poll(feed)

    assert clean_pipeline.count(Incident) == 1
    assert clean_pipeline.count(IncidentReport) == 3
    assert clean_pipeline.count(Alert) == 1
    [delivered] = webhook_receiver.wait_for(1)
    assert len(webhook_receiver.received) == 1
    [incident] = clean_pipeline.rows(Incident)
    assert len(incident.data["sources"]) == 3
    assert {s["language"] for s in incident.data["sources"]} == {"en", "fr"}
    assert incident.data["fatalities"] == 15
    assert delivered.json["type"] == "incident.created"


def test_a_fourth_report_raising_the_toll_gives_exactly_one_update(clean_pipeline: Pipeline, http_server, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    first = clean_pipeline.add_feed(serve(http_server, "outlet-a.html", "outlet-b.html", "outlet-c.html", feed="abc.xml"))
    clean_pipeline.poll(first)
    later = clean_pipeline.add_feed(serve(http_server, "outlet-d.html", feed="d.xml"))

    clean_pipeline.poll(later)

    messages = webhook_receiver.wait_for(2)
    assert [m.json["type"] for m in messages] == ["incident.created", "incident.updated"]
    update = messages[1].json["data"]
    assert update["changes"] == [{"field": "fatalities", "from": 15, "to": 42}]
    assert update["incident"]["id"] == messages[0].json["data"]["incident"]["id"]
    assert update["incident"]["fatalities"] == 42
    assert messages[0].webhook_id != messages[1].webhook_id
    assert clean_pipeline.count(Incident) == 1 and clean_pipeline.count(Alert) == 2
    clean_pipeline.poll(first, later)  # nothing new: nothing sent
    assert clean_pipeline.count(Alert) == 2 and len(webhook_receiver.received) == 2


def test_an_incident_below_a_subscriptions_threshold_or_outside_its_countries_sends_it_nothing(
    clean_pipeline: Pipeline, http_server, webhook_receiver
):
    everything = clean_pipeline.add_endpoint(webhook_receiver.url + "?all", webhook_receiver.secret)
    clean_pipeline.add_endpoint(webhook_receiver.url + "?niger", webhook_receiver.secret, countries=["NE"])
    clean_pipeline.add_endpoint(webhook_receiver.url + "?big", webhook_receiver.secret, min_fatalities=20)
    feed = clean_pipeline.add_feed(serve(http_server, "outlet-a.html", feed="a.xml"))

    clean_pipeline.poll(feed)

    webhook_receiver.wait_for(1)
    [delivery] = clean_pipeline.rows(Delivery)
    assert delivery.endpoint_id == everything
    assert len(webhook_receiver.received) == 1
