"""An admin's corrections on a real database: review, merge and split are announced once and idempotent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from tests.api.conftest import empty_queues
from tests.pipeline import wipe_database
from worker.admin.endpoints import add_endpoint
from worker.admin.incident_commands import incidents_group
from worker.admin.views import incident_records
from worker.alerts.store import alert_incident
from worker.api.queues import QUEUES
from worker.articles.store import store_article
from worker.db.migrate import upgrade
from worker.db.models import Alert, Delivery, Incident, IncidentReport
from worker.db.session import session_scope
from worker.delivery.sign import new_secret
from worker.incidents.build import iso
from worker.incidents.key import MatchPolicy
from worker.incidents.rebuild import rebuild
from worker.incidents.review import (
    IncidentConflict,
    IncidentNotFound,
    merge_incidents,
    set_review,
    split_incident,
    visible_incidents,
)
from worker.incidents.store import UpdatePolicy, record_report

NOW = datetime(2023, 8, 8, 12, tzinfo=timezone.utc)
TESSIT = {"primary": True, "country": "ML", "admin1": "Gao", "location": "Tessit", "lat": 15.22, "lon": 0.98,
          "geo_precision": 1, "date": "2023-08-07", "date_precision": "day", "event_type": "Battles",
          "sub_event_type": "armed_clash", "actors": ["jnim", "military_ml"], "perpetrators": ["jnim"], "fatalities": 15,
          "claims": [{"kind": "killed", "count": 15, "qualifier": "at_least", "victims": "soldiers",
                      "claimant": "army", "claimant_type": "official"}]}
ANSONGO = dict(TESSIT, admin1="Gao", location="Ansongo", lat=15.66, lon=0.50, perpetrators=["is_sahel"],
               actors=["is_sahel", "military_ml"], fatalities=30,
               claims=[{"kind": "killed", "count": 30, "qualifier": "exact", "victims": "soldiers",
                        "claimant": "IS Sahel", "claimant_type": "perpetrator"}])


@pytest.fixture
def db(db_url: str) -> str:
    upgrade(db_url)
    wipe_database(db_url)
    add_endpoint(db_url, "https://hooks.example/desk", secret=new_secret(), name="desk", rules={})
    return db_url


def report(db: str, n: int, event: dict[str, Any], minutes: int = 0) -> tuple[int, str]:
    """Store article n with its event and merge it as the pipeline does; returns (article id, incident public id)."""
    when = NOW + timedelta(minutes=minutes)
    url = f"https://outlet{n}.example/story"
    with session_scope(db) as session:
        stored = store_article(session, url=url, canonical=url, title=f"story {n}", text=f"text of story {n}",
                               language="en", published=when, digest=f"{n:064d}", fingerprint=None,
                               outlet=f"outlet{n}.example", tagged={"relevant": True, "score": 0.9, "events": [event]},
                               now=when)
        source = {"url": url, "title": f"story {n}", "outlet": f"outlet{n}.example", "published": iso(when),
                  "language": "en"}
        outcome = record_report(session, article_id=stored.id, ordinal=0, event=event, source=source, now=when,
                                match=MatchPolicy(), update=UpdatePolicy())
        incident = session.get(Incident, outcome.incident_id)
        assert incident is not None
        if outcome.created:
            alert_incident(session, incident, "incident.created", when)
        return stored.id, incident.public_id


def incident(db: str, public_id: str) -> Incident:
    with session_scope(db) as session:
        return session.scalars(select(Incident).where(Incident.public_id == public_id)).one()


def alerts(db: str, public_id: str) -> list[dict[str, Any]]:
    with session_scope(db) as session:
        return [a.body for a in session.scalars(
            select(Alert).join(Incident, Incident.id == Alert.incident_id)
            .where(Incident.public_id == public_id).order_by(Alert.id))]


def count(db: str, model: type) -> int:
    with session_scope(db) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def correct(db: str, action: Any, *args: Any) -> Any:
    with session_scope(db) as session:
        return action(session, *args, NOW + timedelta(hours=1))


def test_a_review_is_stored_in_column_and_record_and_announced_as_an_update(db: str):
    _, inc = report(db, 1, TESSIT)
    outcome = correct(db, set_review, inc, "confirmed")
    row = incident(db, inc)
    assert (row.review, row.data["review"], row.revision, row.announced["review"]) == ("confirmed", "confirmed", 1, "confirmed")
    update = alerts(db, inc)[-1]
    assert update["type"] == "incident.updated"
    assert update["data"]["changes"] == [{"field": "review", "from": "unreviewed", "to": "confirmed"}]
    assert update["data"]["incident"]["review"] == "confirmed"
    assert len(outcome.delivery_ids) == 1
    assert [r["review"] for r in incident_records(db)] == ["confirmed"]


def test_repeating_a_review_changes_nothing_and_sends_nothing(db: str):
    _, inc = report(db, 1, TESSIT)
    correct(db, set_review, inc, "false")
    again = correct(db, set_review, inc, "false")
    assert not again.changed and again.delivery_ids == []
    assert (incident(db, inc).revision, count(db, Alert), count(db, Delivery)) == (1, 2, 2)


def test_an_unknown_review_state_or_incident_is_refused(db: str):
    _, inc = report(db, 1, TESSIT)
    with pytest.raises(ValueError, match="one of"):
        correct(db, set_review, inc, "maybe")
    with pytest.raises(IncidentNotFound, match="no incident"):
        correct(db, set_review, "inc_0000", "confirmed")


def test_merge_moves_the_reports_hides_the_source_and_announces_the_fuller_target(db: str):
    _, target = report(db, 1, TESSIT)
    _, source = report(db, 2, ANSONGO, minutes=5)
    assert source != target
    correct(db, set_review, target, "confirmed")
    outcome = correct(db, merge_incidents, source, target)
    row, hidden = incident(db, target), incident(db, source)
    assert hidden.merged_into == row.id
    assert row.public_id == target and row.data["id"] == target and row.review == "confirmed"
    assert [s["url"] for s in row.data["sources"]] == ["https://outlet1.example/story", "https://outlet2.example/story"]
    assert row.fatalities == row.data["fatalities"] == 30
    update = alerts(db, target)[-1]
    assert update["type"] == "incident.updated" and len(outcome.delivery_ids) == 1
    assert {"field": "fatalities", "from": 15, "to": 30} in update["data"]["changes"]
    assert {"field": "sources", "from": 1, "to": 2} in update["data"]["changes"]
    with session_scope(db) as session:
        assert [r["id"] for r in visible_incidents(session)] == [target]
        assert session.scalar(select(func.count()).where(IncidentReport.incident_id == row.id)) == 2


def test_repeating_a_merge_changes_nothing_and_sends_nothing(db: str):
    _, target = report(db, 1, TESSIT)
    _, source = report(db, 2, ANSONGO, minutes=5)
    correct(db, merge_incidents, source, target)
    alerts_before, revision = count(db, Alert), incident(db, target).revision
    again = correct(db, merge_incidents, source, target)
    assert not again.changed and again.delivery_ids == []
    assert (count(db, Alert), incident(db, target).revision) == (alerts_before, revision)


@pytest.mark.parametrize("case", ["itself", "into a merged one", "a merged one elsewhere"])
def test_contradictory_merges_are_conflicts(db: str, case: str):
    _, a = report(db, 1, TESSIT)
    _, b = report(db, 2, ANSONGO, minutes=5)
    _, c = report(db, 3, dict(TESSIT, location="Menaka", lat=15.9, lon=2.4, admin1="Menaka"), minutes=9)
    if case == "itself":
        source, into = a, a
    else:
        correct(db, merge_incidents, b, a)
        source, into = (c, b) if case == "into a merged one" else (b, c)
    with pytest.raises(IncidentConflict):
        correct(db, merge_incidents, source, into)


def test_split_moves_articles_to_a_new_incident_announced_as_created(db: str):
    first, inc = report(db, 1, TESSIT)
    second, same = report(db, 2, dict(TESSIT, fatalities=40, claims=[]), minutes=5)
    assert same == inc and incident(db, inc).fatalities == 40
    outcome = correct(db, split_incident, inc, [second])
    original, new = incident(db, inc), incident(db, outcome.created)
    assert new.key == f"split:{original.id}:{second}"
    assert [s["url"] for s in original.data["sources"]] == ["https://outlet1.example/story"]
    assert [s["url"] for s in new.data["sources"]] == ["https://outlet2.example/story"]
    assert (original.fatalities, new.fatalities, new.data["id"], new.review) == (15, 40, new.public_id, "unreviewed")
    assert alerts(db, inc)[-1]["data"]["changes"][0] == {"field": "fatalities", "from": 40, "to": 15}
    assert [a["type"] for a in alerts(db, new.public_id)] == ["incident.created"]
    assert len(outcome.delivery_ids) == 2
    assert first != second


def test_repeating_a_split_changes_nothing_and_sends_nothing(db: str):
    _, inc = report(db, 1, TESSIT)
    second, _ = report(db, 2, dict(TESSIT, fatalities=40), minutes=5)
    first_time = correct(db, split_incident, inc, [second])
    alerts_before = count(db, Alert)
    again = correct(db, split_incident, inc, [second])
    assert not again.changed and again.delivery_ids == [] and again.created == first_time.created
    assert (count(db, Alert), count(db, Incident)) == (alerts_before, 2)


def test_splitting_off_every_report_or_a_foreign_article_is_refused(db: str):
    first, inc = report(db, 1, TESSIT)
    other, _ = report(db, 2, ANSONGO, minutes=5)
    with pytest.raises(IncidentConflict, match="empty"):
        correct(db, split_incident, inc, [first])
    with pytest.raises(IncidentNotFound, match=f"article {other} is not a report"):
        correct(db, split_incident, inc, [other])


def test_rebuilding_from_reports_gives_the_record_the_pipeline_built(db: str):
    _, inc = report(db, 1, TESSIT)
    report(db, 2, dict(TESSIT, fatalities=40, perpetrators=["jnim", "civilians"]), minutes=5)
    stored = incident(db, inc).data
    with session_scope(db) as session:
        row = session.scalars(select(Incident).where(Incident.public_id == inc)).one()
        rebuilt = rebuild(session, row, NOW + timedelta(minutes=5))
    assert rebuilt == stored


@pytest.fixture
def broker(redis_url: str, redis_client: Any) -> Iterator[str]:
    """The session's Redis, its queues emptied after the test so no later worker picks up these deliveries."""
    empty_queues(redis_url, redis_client)
    yield redis_url
    redis_client.delete(*QUEUES)


def test_the_cli_reviews_lists_merges_and_splits(db: str, broker: str):
    _, a = report(db, 1, TESSIT)
    second, _ = report(db, 2, dict(TESSIT, fatalities=40), minutes=5)
    _, b = report(db, 3, ANSONGO, minutes=9)
    env = {"SAHELWATCH_DATABASE_URL": db, "SAHELWATCH_BROKER_URL": broker}
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(incidents_group, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert "1 delivery(ies) queued" in run("review", a, "disputed")
    assert "nothing to do" in run("review", a, "disputed")
    run("merge", b, a)
    assert "split inc_" in run("split", a, str(second))
    listed = [json.loads(line) for line in run("list", "--json", "--country", "ML").splitlines()]
    assert b not in {r["id"] for r in listed} and len(listed) == 2
    assert next(r for r in listed if r["id"] == a)["review"] == "disputed"
    refused = runner.invoke(incidents_group, ["merge", a, a], env=env)
    assert refused.exit_code == 1 and "into itself" in refused.output


def test_a_merge_waits_for_a_report_being_merged_at_the_same_time(db: str):
    """The pipeline and an admin touching one incident take turns: neither's change is lost."""
    import threading
    import time

    _, target = report(db, 1, TESSIT)
    _, source = report(db, 2, ANSONGO, minutes=5)
    holding = threading.Event()

    def pipeline_report() -> None:
        url = "https://outlet3.example/story"
        event = dict(TESSIT, fatalities=20)
        with session_scope(db) as session:
            stored = store_article(session, url=url, canonical=url, title="story 3", text="text of story 3",
                                   language="en", published=NOW, digest=f"{3:064d}", fingerprint=None,
                                   outlet="outlet3.example", tagged={"relevant": True, "events": [event]}, now=NOW)
            record_report(session, article_id=stored.id, ordinal=0, event=event, now=NOW, match=MatchPolicy(),
                          update=UpdatePolicy(), source={"url": url, "title": "story 3", "outlet": "outlet3.example",
                                                         "published": iso(NOW), "language": "en"})
            holding.set()
            time.sleep(0.5)  # the transaction stays open while the admin merges

    worker = threading.Thread(target=pipeline_report)
    worker.start()
    assert holding.wait(10)
    correct(db, merge_incidents, source, target)
    worker.join()
    urls = {s["url"] for s in incident(db, target).data["sources"]}
    assert urls == {f"https://outlet{n}.example/story" for n in (1, 2, 3)}
