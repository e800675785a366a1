"""SSRF: private, loopback, link-local, multicast and metadata addresses are refused before any connection."""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from tests.pipeline import rss
from worker import flow
from worker.db.migrate import upgrade
from worker.db.models import Entry
from worker.db.session import session_scope
from worker.feeds.store import add_feed
from worker.net.fetch import fetch
from worker.net.guard import Allowlist, FetchError, resolve_target
from worker.settings import Settings

NOW = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def settings(**overrides: object) -> Settings:
    base: dict[str, object] = dict(allow_private_networks=False, connect_timeout=2, read_timeout=2, total_timeout=5,
                                   per_host_interval=0, per_host_concurrency=8, _env_file=None)
    base.update(overrides)
    return Settings(**base)


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/feed", "a loopback address"),
    ("http://localhost/feed", "a loopback address"),
    ("http://10.0.0.1/feed", "a private address"),
    ("http://192.168.1.1/", "a private address"),
    ("http://169.254.169.254/latest/meta-data/", "a cloud metadata address"),
    ("http://169.254.10.10/", "a link-local address"),
    ("http://224.0.0.1/", "a multicast address"),
    ("http://0.0.0.0/", "a reserved address"),
    ("http://[::1]/", "a loopback address"),
    ("http://[::ffff:10.0.0.1]/", "a private address"),
    ("http://[fd00:ec2::254]/", "a cloud metadata address"),
])
def test_non_public_addresses_are_refused_and_named(url: str, kind: str):
    with pytest.raises(FetchError, match=rf"^refused: .* a private or reserved address \({kind}\)$"):
        resolve_target(url, allow_private=False)


def test_a_refused_address_gets_no_request(http_server):
    http_server.route("/feed", b"<rss/>")
    with pytest.raises(FetchError, match="refused"):
        fetch(http_server.url("/feed"), settings(), max_bytes=1000)
    assert http_server.requests_to("/feed") == []


@pytest.mark.parametrize("allowlist", [["127.0.0.1"], ["127.0.0.0/8"], ["LOCALHOST", "127.0.0.1/32"]])
def test_the_allowlist_opens_named_hosts_and_networks_only(http_server, allowlist: list[str]):
    http_server.route("/feed", b"ok")
    allowed = settings(private_network_allowlist=allowlist)
    assert fetch(http_server.url("/feed"), allowed, max_bytes=1000).content == b"ok"
    with pytest.raises(FetchError, match="refused: 10.0.0.1"):
        fetch("http://10.0.0.1/feed", allowed, max_bytes=1000)


def test_allowlist_entries_are_read_as_networks_or_host_names():
    allow = Allowlist.parse(["10.1.0.0/16", "feeds.internal", ".corp.example", "", "[fd00::1]"])
    assert allow.hosts == frozenset({"feeds.internal", ".corp.example"})
    assert len(allow.networks) == 2


def test_allowlist_from_the_environment_is_split_on_commas(monkeypatch):
    monkeypatch.setenv("SAHELWATCH_PRIVATE_NETWORK_ALLOWLIST", "127.0.0.1, feeds.internal")
    assert Settings(_env_file=None).private_network_allowlist == ["127.0.0.1", "feeds.internal"]


@pytest.mark.parametrize("location", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                                      "http://127.0.0.2/admin"])
def test_a_redirect_to_a_private_address_is_refused_without_connecting(http_server, location: str):
    """The test server is allowlisted; the hop it redirects to is not, and must never be contacted."""
    http_server.route("/jump", b"", status=302, headers={"Location": location})
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^refused: .* a private or reserved address"):
        fetch(http_server.url("/jump"), settings(private_network_allowlist=["127.0.0.1"]), max_bytes=1000)
    assert time.monotonic() - started < 1.0  # a connection attempt to 10.0.0.1 would take the connect timeout
    assert len(http_server.requests_to("/jump")) == 1


def test_allow_private_networks_lets_local_servers_through(http_server):
    http_server.route("/feed", b"local")
    assert fetch(http_server.url("/feed"), settings(allow_private_networks=True), max_bytes=1000).content == b"local"


def test_feed_items_linking_to_private_addresses_are_refused_with_the_reason(http_server, sqlite_url: str):
    http_server.route("/jump", b"", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    links = {
        "loopback": f"http://127.0.0.2:{http_server.port}/article",
        "private": "http://10.0.0.1/article",
        "metadata": "http://169.254.169.254/latest/meta-data/iam/",
        "redirect": http_server.url("/jump"),
    }
    http_server.route("/feed", rss([(guid, guid, link) for guid, link in links.items()]),
                      headers={"Content-Type": "application/rss+xml"})
    upgrade(sqlite_url)
    config = settings(database_url=sqlite_url, private_network_allowlist=["127.0.0.1"])
    with session_scope(sqlite_url) as session:
        feed, _ = add_feed(session, http_server.url("/feed"), name=None, interval_minutes=15, language=None, now=NOW)
        feed_id = feed.id
    polled = flow.refresh_feed(config, feed_id)
    assert polled.error is None and len(polled.new_entry_ids) == 4
    for entry_id in polled.new_entry_ids:
        assert flow.process_entry(config, entry_id).error
    with session_scope(sqlite_url) as session:
        errors = {e.guid: e.last_error for e in session.scalars(select(Entry))}
    assert errors["loopback"].startswith("refused: 127.0.0.2 resolves to 127.0.0.2")
    assert errors["private"].startswith("refused: 10.0.0.1 resolves to 10.0.0.1")
    assert errors["metadata"].endswith("(a cloud metadata address)")
    assert errors["redirect"].endswith("(a cloud metadata address)")
    assert http_server.requests_to("/article") == []
