"""robots.txt for article pages: honoured for our product token, fetched once, cached, and never for feeds."""

from __future__ import annotations

import pytest

from tests.fixtures.httpserver import Response
from worker.net import robots
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.settings import Settings

RULES = """User-agent: sahelwatch
Disallow: /private/

User-agent: *
Disallow: /
"""


def settings(broker_url: str = "", **overrides: object) -> Settings:
    base: dict[str, object] = dict(allow_private_networks=True, connect_timeout=2, read_timeout=2, total_timeout=5,
                                   per_host_interval=0, per_host_concurrency=8, broker_url=broker_url, _env_file=None)
    base.update(overrides)
    return Settings(**base)


@pytest.fixture(params=["redis", "in-process"])
def broker(request: pytest.FixtureRequest) -> str:
    if request.param == "in-process":
        return ""
    request.getfixturevalue("clean_redis")
    return request.getfixturevalue("redis_url")


def page(http_server, path: str, config: Settings) -> bytes:
    return fetch(http_server.url(path), config, max_bytes=10_000, respect_robots=True).content


def test_a_disallowed_page_is_refused_and_an_allowed_one_fetched_with_one_robots_request(http_server, broker: str):
    http_server.route("/robots.txt", RULES)
    http_server.route("/news/a", b"article a")
    http_server.route("/news/b", b"article b")
    config = settings(broker)
    assert page(http_server, "/news/a", config) == b"article a"
    with pytest.raises(FetchError, match="^disallowed by robots.txt for sahelwatch$"):
        page(http_server, "/private/x", config)
    assert page(http_server, "/news/b", config) == b"article b"
    assert len(http_server.requests_to("/robots.txt")) == 1
    assert http_server.requests_to("/private/x") == []


def test_the_verdict_is_shared_by_workers_through_redis_for_a_day(http_server, clean_redis, redis_url: str):
    http_server.route("/robots.txt", RULES)
    http_server.route("/news/a", b"a")
    page(http_server, "/news/a", settings(redis_url))
    robots.forget_local_cache()  # another process: only Redis remembers
    page(http_server, "/news/a", settings(redis_url))
    assert len(http_server.requests_to("/robots.txt")) == 1
    [key] = clean_redis.keys(robots.KEY_PREFIX + "*")
    assert 86_000 < clean_redis.ttl(key) <= robots.DAY


@pytest.mark.parametrize("status, allowed", [(404, True), (410, True), (401, False), (403, False)])
def test_robots_statuses_follow_the_usual_reading(http_server, status: int, allowed: bool):
    http_server.route("/robots.txt", b"gone", status=status)
    http_server.route("/news/a", b"a")
    if allowed:
        assert page(http_server, "/news/a", settings()) == b"a"
    else:
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            page(http_server, "/news/a", settings())


def test_a_failing_robots_txt_allows_for_now_and_is_asked_again_soon(http_server, clean_redis, redis_url: str):
    http_server.route_sequence("/robots.txt", [Response(b"oops", status=503), Response(RULES)])
    http_server.route("/private/x", b"x")
    assert page(http_server, "/private/x", settings(redis_url)) == b"x"
    [key] = clean_redis.keys(robots.KEY_PREFIX + "*")
    assert 0 < clean_redis.ttl(key) <= robots.TRY_LATER


def test_an_unreachable_robots_txt_does_not_block_the_page(http_server):
    http_server.route_handler("/robots.txt", lambda _r: Response(b"late", delay=1.5))
    http_server.route("/news/a", b"a")
    assert page(http_server, "/news/a", settings(read_timeout=1)) == b"a"


def test_robots_txt_is_not_consulted_for_feeds_or_when_turned_off(http_server):
    http_server.route("/robots.txt", "User-agent: *\nDisallow: /\n")
    http_server.route("/feed", b"<rss/>")
    assert fetch(http_server.url("/feed"), settings(), max_bytes=1000).content == b"<rss/>"
    assert page(http_server, "/feed", settings(respect_robots_txt=False)) == b"<rss/>"
    assert http_server.requests_to("/robots.txt") == []


def test_a_redirect_into_a_disallowed_path_is_refused(http_server):
    http_server.route("/robots.txt", RULES)
    http_server.route("/short", b"", status=302, headers={"Location": "/private/long"})
    http_server.route("/private/long", b"secret")
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        page(http_server, "/short", settings())
    assert http_server.requests_to("/private/long") == []


def test_the_product_token_comes_from_the_configured_user_agent():
    assert robots.product_token("sahelwatch/0.1 (+https://example.org) ops@example.org") == "sahelwatch"
    assert robots.product_token("NewsBot/2.0") == "newsbot"
    assert robots.is_allowed("T" + "User-agent: newsbot\nDisallow: /\n", "https://x.org/a", "newsbot") is False
