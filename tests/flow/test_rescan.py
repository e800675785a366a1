"""Re-scans through a real worker: stored articles re-tagged, progress recorded, idempotent, cancellable."""

from __future__ import annotations

import time
from datetime import datetime, timezone

from sqlalchemy import select

from tests.pipeline import Pipeline
from worker.admin.rescans import cancel_rescan, create_rescan, rescan_status, start_rescan
from worker.articles.canonical import content_hash
from worker.db.models import Alert, Article, Event, Incident
from worker.db.session import session_scope

SEED = (__import__("pathlib").Path(__file__).resolve().parents[1] / "tagging" / "data" / "seed-article.txt")
PUBLISHED = datetime(2019, 11, 3, 9, 40, tzinfo=timezone.utc)


def store_untagged(pipeline: Pipeline, n: int = 1) -> list[int]:
    """Articles as an older tagger left them: stored, judged irrelevant, no events."""
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    ids = []
    with session_scope(pipeline.db) as session:
        for i in range(n):
            text = body.strip() + ("" if i == 0 else f"\n\nCopy {i}.")
            article = Article(url=f"https://outlet.example/{i}", canonical_url=f"https://outlet.example/{i}",
                              title=title.strip(), text=text, language="en", published=PUBLISHED,
                              content_hash=content_hash(text), outlet="outlet.example", relevant=False, score=0.0)
            session.add(article)
            session.flush()
            ids.append(article.id)
    return ids


def wait_done(pipeline: Pipeline, rescan_id: int, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = rescan_status(pipeline.db, rescan_id)
        if status and status["status"] in ("done", "cancelled"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"re-scan {rescan_id} did not finish: {rescan_status(pipeline.db, rescan_id)}")


def snapshot(pipeline: Pipeline) -> tuple:
    with session_scope(pipeline.db) as session:
        events = [(e.article_id, e.ordinal, e.data) for e in session.scalars(select(Event).order_by(Event.id))]
        incidents = [(i.public_id, i.data, i.revision) for i in session.scalars(select(Incident))]
        return events, incidents, session.query(Alert).count()


def test_a_rescan_retags_stored_articles_records_incidents_and_sends_nothing(clean_pipeline: Pipeline, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    [article_id] = store_untagged(clean_pipeline)

    status = wait_done(clean_pipeline, start_rescan(clean_pipeline.settings, all_articles=True))

    assert (status["status"], status["done"], status["total"], status["errors"]) == ("done", 1, 1, 0)
    with session_scope(clean_pipeline.db) as session:
        article = session.get(Article, article_id)
        assert article.relevant and article.tagged_at is not None
        [incident] = session.scalars(select(Incident)).all()
        assert incident.country == "ML" and incident.fatalities == 54
    assert clean_pipeline.count(Alert) == 0 and webhook_receiver.received == []


def test_running_a_rescan_twice_changes_nothing_the_second_time(clean_pipeline: Pipeline):
    store_untagged(clean_pipeline, 3)
    wait_done(clean_pipeline, start_rescan(clean_pipeline.settings, all_articles=True))
    first = snapshot(clean_pipeline)

    wait_done(clean_pipeline, start_rescan(clean_pipeline.settings, all_articles=True))

    assert snapshot(clean_pipeline) == first
    assert len(first[1]) == 1  # three copies of one report: one incident


def test_a_rescan_with_alerts_announces_what_it_finds(clean_pipeline: Pipeline, webhook_receiver):
    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    store_untagged(clean_pipeline)

    wait_done(clean_pipeline, start_rescan(clean_pipeline.settings, all_articles=True, send_alerts=True))

    [delivered] = webhook_receiver.wait_for(1)
    assert delivered.json["type"] == "incident.created" and delivered.signature_valid


def test_a_cancelled_rescan_stops_before_its_remaining_articles(clean_pipeline: Pipeline):
    store_untagged(clean_pipeline, 60)
    rescan_id, chunks = create_rescan(clean_pipeline.settings, all_articles=True)
    assert cancel_rescan(clean_pipeline.db, rescan_id)
    for chunk in chunks:
        clean_pipeline.app.send_task("sahelwatch.rescan_chunk", args=[rescan_id, chunk])
    time.sleep(2)

    status = rescan_status(clean_pipeline.db, rescan_id)
    assert (status["status"], status["done"], status["total"]) == ("cancelled", 0, 60)
    assert clean_pipeline.count(Incident) == 0
    assert not cancel_rescan(clean_pipeline.db, rescan_id)  # already stopped


def test_a_rescan_needs_a_selection():
    import pytest

    from worker.admin.rescans import RescanError, select_articles

    with pytest.raises(RescanError, match="choose what to re-scan"):
        select_articles("sqlite://", since=None, until=None, feed_id=None, country=None, all_articles=False)


def test_a_rescan_corrects_incidents_built_from_an_older_tagging(clean_pipeline: Pipeline, webhook_receiver):
    from worker.incidents.key import MatchPolicy
    from worker.incidents.store import UpdatePolicy, record_report
    from worker.tagging import tag_article

    clean_pipeline.add_endpoint(webhook_receiver.url, webhook_receiver.secret)
    [article_id] = store_untagged(clean_pipeline)
    with session_scope(clean_pipeline.db) as session:  # what an older tagger concluded: a smaller toll
        article = session.get(Article, article_id)
        event = [e for e in tag_article({"id": "x", "title": article.title, "text": article.text,
                                         "published": PUBLISHED.isoformat()})["events"] if e["primary"]][0]
        old = dict(event, fatalities=20, claims=[])
        session.add(Event(article_id=article_id, ordinal=0, primary=True, country="ML", fatalities=20, data=old))
        source = {"url": article.canonical_url, "title": article.title, "outlet": "outlet.example",
                  "published": None, "language": "en"}
        record_report(session, article_id=article_id, ordinal=0, event=old, source=source, now=PUBLISHED,
                      match=MatchPolicy(), update=UpdatePolicy())

    wait_done(clean_pipeline, start_rescan(clean_pipeline.settings, all_articles=True, send_alerts=True))

    [incident] = clean_pipeline.rows(Incident)
    assert incident.fatalities == 54 and incident.revision == 1
    [delivered] = webhook_receiver.wait_for(1)
    assert delivered.json["type"] == "incident.updated"
    assert {"field": "fatalities", "from": 20, "to": 54} in delivered.json["data"]["changes"]
