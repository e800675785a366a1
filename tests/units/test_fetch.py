"""Fetching from a real local server: caps, redirects, timeouts and the SSRF guard, each a readable error."""

from __future__ import annotations

import pytest

from tests.fixtures.httpserver import Response, trickle
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.settings import Settings


def settings(**overrides: object) -> Settings:
    base = dict(allow_private_networks=True, connect_timeout=2, read_timeout=1, total_timeout=3, _env_file=None)
    base.update(overrides)
    return Settings(**base)


def test_conditional_get_sends_validators_and_reports_not_modified(http_server):
    http_server.route("/feed", b"", status=304)
    result = fetch(http_server.url("/feed"), settings(), max_bytes=1000, etag='"v1"', last_modified="Sun, 03 Nov 2019 09:40:00 GMT")
    assert result.not_modified
    [request] = http_server.requests_to("/feed")
    assert request.headers["If-None-Match"] == '"v1"'
    assert request.headers["If-Modified-Since"] == "Sun, 03 Nov 2019 09:40:00 GMT"
    assert request.headers["User-Agent"].startswith("sahelwatch/")


def test_loopback_is_refused_unless_private_networks_are_allowed(http_server):
    http_server.route("/feed", b"<rss/>")
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private or reserved address"):
        fetch(http_server.url("/feed"), settings(allow_private_networks=False), max_bytes=1000)
    assert http_server.requests_to("/feed") == []  # refused before connecting


@pytest.mark.parametrize("url", ["http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x"])
def test_private_and_metadata_addresses_are_refused(url: str):
    with pytest.raises(FetchError, match="refused"):
        fetch(url, settings(allow_private_networks=False), max_bytes=1000)


def test_redirects_are_followed_and_checked_hop_by_hop(http_server):
    http_server.route("/old", b"", status=301, headers={"Location": "/new"})
    http_server.route("/new", b"fresh")
    result = fetch(http_server.url("/old"), settings(), max_bytes=1000)
    assert result.url == http_server.url("/new") and result.content == b"fresh"


def test_redirect_loops_and_too_many_redirects_are_errors(http_server):
    http_server.route("/a", b"", status=302, headers={"Location": "/b"})
    http_server.route("/b", b"", status=302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(http_server.url("/a"), settings(), max_bytes=1000)
    for i in range(8):
        http_server.route(f"/r{i}", b"", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(http_server.url("/r0"), settings(), max_bytes=1000)


def test_responses_over_the_size_cap_are_refused(http_server):
    http_server.route("/big", b"x" * 5000)
    with pytest.raises(FetchError, match="response larger than 1000 bytes"):
        fetch(http_server.url("/big"), settings(), max_bytes=1000)


def test_a_server_that_never_answers_times_out_in_words(http_server):
    http_server.route_handler("/slow", lambda _request: Response(b"late", delay=2.5))
    with pytest.raises(FetchError, match="read timed out after 1 s"):
        fetch(http_server.url("/slow"), settings(), max_bytes=1000)


def test_a_trickling_server_hits_the_total_time_limit(http_server):
    http_server.route_handler("/trickle", lambda _request: Response(trickle(b"x" * 200, chunk_size=1, pause=0.05)))
    with pytest.raises(FetchError, match="total time limit"):
        fetch(http_server.url("/trickle"), settings(total_timeout=1), max_bytes=10_000)


def test_unreachable_host_says_connection_refused():
    with pytest.raises(FetchError, match="could not connect to 127.0.0.1: connection refused"):
        fetch("http://127.0.0.1:9/feed.xml", settings(), max_bytes=1000)


def test_non_http_schemes_are_refused():
    with pytest.raises(FetchError, match="only http and https"):
        fetch("file:///etc/passwd", settings(), max_bytes=1000)


def test_webhook_posts_share_one_client_per_process():
    from worker.delivery import send

    assert send._shared_client() is send._shared_client()


def test_webhook_goes_to_the_checked_address_with_its_own_host_name(http_server):
    from worker.delivery import send

    http_server.route("/hook", b"ok", status=200)
    url = f"http://localhost:{http_server.port}/hook"
    result = send.post(url, b'{"a": 1}', {"content-type": "application/json"}, settings())
    assert result.status == 200
    [request] = http_server.requests_to("/hook")
    assert request.headers["host"] == f"localhost:{http_server.port}"
    assert request.body == b'{"a": 1}'


def test_webhook_to_a_private_address_is_refused_before_anything_is_sent(http_server):
    from worker.delivery import send

    http_server.route("/hook", b"ok", status=200)
    result = send.post(http_server.url("/hook"), b"{}", {}, settings(allow_private_networks=False))
    assert result.status is None and "private" in (result.error or "")
    assert http_server.requests_to("/hook") == []
