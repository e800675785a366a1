"""Hostile feeds through the real recipe: each failure is a sentence on the feed, and nothing else is harmed.

Every case polls the hostile URL twice: first while it still serves a good
feed (so entries are stored), then the hostile answer. A good feed on the
same server is polled in the same run. The hostile poll must record its
reason in words, keep the entries from the earlier poll, and leave the good
feed's entries stored.
"""

from __future__ import annotations

import gzip
import re
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.fixtures.httpserver import Response, trickle
from tests.pipeline import rss
from worker import flow
from worker.db.migrate import upgrade
from worker.db.models import Entry, Feed
from worker.db.session import session_scope
from worker.feeds.store import add_feed
from worker.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "hostile"
NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
XML = {"Content-Type": "application/rss+xml; charset=utf-8"}
CAP = 100_000
GOOD = rss([("good-1", "Good one", "https://news.example.org/g1"), ("good-2", "Good two", "https://news.example.org/g2")])
EARLIER = rss([("earlier-1", "Stored before", "https://news.example.org/e1")])


def hostile(path: str) -> bytes:
    return (DATA / path).read_bytes()


@dataclass(frozen=True)
class Case:
    response: Response
    error: str | None  # the feed's recorded error (a regex), or None when the poll must succeed
    new_guids: frozenset[str] = frozenset()
    warning: str | None = None  # on a successful poll: the note left on the feed (a regex)


def redirect(to: str) -> Response:
    return Response(b"", status=302, headers={"Location": to})


CASES: dict[str, Case] = {
    "silent server times out reading": Case(Response(GOOD, headers=XML, delay=1.6), r"^read timed out after 1 s$"),
    "trickling server hits the total limit": Case(
        Response(trickle(GOOD.encode(), chunk_size=8, pause=0.05), headers=XML),
        r"^download took longer than the total time limit of 2 s$"),
    "oversized feed": Case(Response(b"<rss>" + b" " * 200_000 + b"</rss>", headers=XML), r"^response larger than 100 KB$"),
    "gzip bomb": Case(Response(gzip.compress(b" " * 30_000_000), headers={**XML, "Content-Encoding": "gzip"}),
                      r"^response larger than 100 KB$"),
    "deflate bomb": Case(Response(zlib.compress(b" " * 30_000_000), headers={**XML, "Content-Encoding": "deflate"}),
                         r"^response larger than 100 KB$"),
    "redirect loop": Case(redirect("/loop-b"), r"^redirect loop at http://127\.0\.0\.1:\d+/hostile$"),
    "too many redirects": Case(redirect("/hop/1"), r"^too many redirects \(more than 5\)$"),
    "image served as the feed": Case(Response(b"\x89PNG\r\n\x1a\n" + bytes(2000), headers={"Content-Type": "image/png"}),
                                     r"^not a readable RSS/Atom feed: the server sent a PNG image \(image/png\)$"),
    "empty body": Case(Response(b"", headers=XML), r"^empty response: no feed$"),
    "binary body": Case(Response(bytes(range(256)) * 8, headers={"Content-Type": "application/octet-stream"}),
                        r"^not a readable RSS/Atom feed: binary content$"),
    "html page instead of a feed": Case(
        Response(b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
                 headers={"Content-Type": "text/html; charset=utf-8"}),
        r"^got an HTML page, not a feed$"),
    "server error": Case(Response(b"oops", status=500), r"^HTTP 500 from http://127\.0\.0\.1:\d+/hostile$"),
    "feed served as text/html is still a feed": Case(
        Response(GOOD.replace("good-", "html-"), headers={"Content-Type": "text/html"}), None,
        frozenset({"html-1", "html-2"})),
    "feed with no content type": Case(Response(GOOD.replace("good-", "bare-").encode()), None,
                                      frozenset({"bare-1", "bare-2"})),
    "windows-1252 feed labelled utf-8": Case(
        Response('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><guid>cp-1</guid>'
                 '<title>Sécurité à Ménaka</title><link>https://news.example.org/cp</link></item></channel></rss>'
                 .encode("windows-1252"), headers=XML), None, frozenset({"cp-1"})),
    "malformed xml keeps what parses": Case(
        Response(hostile("malformed.xml"), headers=XML), None, frozenset({"bad-1", "bad-2"}),
        r"^malformed feed, kept 2 entries: XML error at line 4, column \d+: not well-formed \(invalid token\)$"),
    "external entity": Case(Response(hostile("xxe.xml"), headers=XML), None, frozenset({"xxe-1"}),
                            r"^malformed feed, kept 1 entry: XML error at line \d+, column \d+: "),
    "billion laughs": Case(Response(hostile("billion_laughs.xml"), headers=XML), None, frozenset({"lol-1"}),
                           r"^malformed feed, kept 1 entry: XML error at line \d+, column \d+: "),
    "absurd items": Case(Response(hostile("absurd_items.xml"), headers=XML), None,
                         frozenset({"no-link", "epoch", "future", "script"})),
}


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    upgrade(sqlite_url)
    return Settings(database_url=sqlite_url, allow_private_networks=True, connect_timeout=2, read_timeout=1,
                    total_timeout=2, max_feed_bytes=CAP, per_host_interval=0, per_host_concurrency=8, _env_file=None)


def new_feed(settings: Settings, url: str) -> int:
    with session_scope(settings.database_url) as session:
        feed, _ = add_feed(session, url, name=None, interval_minutes=15, language=None, now=NOW)
        return feed.id


def guids(settings: Settings, feed_id: int) -> set[str]:
    with session_scope(settings.database_url) as session:
        return set(session.scalars(select(Entry.guid).where(Entry.feed_id == feed_id)))


def feed_error(settings: Settings, feed_id: int) -> str | None:
    with session_scope(settings.database_url) as session:
        feed = session.get(Feed, feed_id)
        assert feed is not None
        return feed.last_error


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_feed_is_recorded_in_words_and_harms_nothing(http_server, settings: Settings, name: str):
    case = CASES[name]
    http_server.route("/good", GOOD, headers=XML)
    http_server.route_sequence("/hostile", [Response(EARLIER, headers=XML), case.response])
    http_server.route("/loop-b", b"", status=302, headers={"Location": "/hostile"})
    for hop in range(1, 10):
        http_server.route(f"/hop/{hop}", b"", status=302, headers={"Location": f"/hop/{hop + 1}"})
    good_id, hostile_id = new_feed(settings, http_server.url("/good")), new_feed(settings, http_server.url("/hostile"))
    assert flow.refresh_feed(settings, hostile_id).error is None  # the earlier, good poll

    started = time.monotonic()
    outcome = flow.refresh_feed(settings, hostile_id)
    good = flow.refresh_feed(settings, good_id)
    assert time.monotonic() - started < 10

    if case.error is None:
        assert outcome.error is None
        note = feed_error(settings, hostile_id)
        assert (note is None) if case.warning is None else re.search(case.warning, note or ""), note
    else:
        assert outcome.error is not None
        assert feed_error(settings, hostile_id) == outcome.error
        assert re.search(case.error, outcome.error), outcome.error
    assert guids(settings, hostile_id) == {"earlier-1"} | case.new_guids
    assert good.error is None and guids(settings, good_id) == {"good-1", "good-2"}


def test_an_external_entity_never_leaks_a_local_file(http_server, settings: Settings):
    http_server.route("/xxe", hostile("xxe.xml"), headers=XML)
    feed_id = new_feed(settings, http_server.url("/xxe"))
    assert flow.refresh_feed(settings, feed_id).error is None
    with session_scope(settings.database_url) as session:
        stored = list(session.scalars(select(Entry).where(Entry.feed_id == feed_id)))
        feed = session.get(Feed, feed_id)
        text = " ".join(f"{e.title} {e.summary}" for e in stored) + str(feed.name if feed else "")
    assert "root:" not in text and "/bin/" not in text


def test_entity_expansion_does_not_blow_up_a_title(http_server, settings: Settings):
    http_server.route("/laughs", hostile("billion_laughs.xml"), headers=XML)
    feed_id = new_feed(settings, http_server.url("/laughs"))
    started = time.monotonic()
    assert flow.refresh_feed(settings, feed_id).error is None
    assert time.monotonic() - started < 5
    with session_scope(settings.database_url) as session:
        [entry] = session.scalars(select(Entry).where(Entry.feed_id == feed_id))
        assert len(entry.title or "") < 100


def test_absurd_items_are_kept_without_their_absurd_parts(http_server, settings: Settings):
    http_server.route("/absurd", hostile("absurd_items.xml"), headers=XML)
    feed_id = new_feed(settings, http_server.url("/absurd"))
    assert flow.refresh_feed(settings, feed_id).error is None
    with session_scope(settings.database_url) as session:
        entries = {e.guid: e for e in session.scalars(select(Entry).where(Entry.feed_id == feed_id))}
        assert entries["no-link"].url is None and entries["script"].url is None
        assert entries["epoch"].published is None and entries["future"].published is None


def test_a_ten_megabyte_title_is_clipped(http_server, settings: Settings):
    title = "Sahel " * 1_750_000  # 10.5 MB
    http_server.route("/huge", rss([("huge-1", title, "https://news.example.org/huge")]), headers=XML)
    roomy = settings.model_copy(update={"max_feed_bytes": 12_000_000, "total_timeout": 30})
    feed_id = new_feed(settings, http_server.url("/huge"))
    assert flow.refresh_feed(roomy, feed_id).error is None
    with session_scope(settings.database_url) as session:
        [entry] = session.scalars(select(Entry).where(Entry.feed_id == feed_id))
        assert entry.title is not None and len(entry.title) == 1000
