"""The shared fixtures reach real services and behave as their docstrings promise."""

from __future__ import annotations

import gzip
import json
import time

import httpx
import pytest
import redis
import sqlalchemy as sa

from tests.fixtures.httpserver import Request, Response, TestHTTPServer, trickle
from tests.fixtures.webhooks import WebhookReceiver, expected_signature, signature_matches
from worker.embedded import redis_py_url

# --- Redis -----------------------------------------------------------------


def test_redis_url_answers_ping(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_py_url(redis_url))
    try:
        assert client.ping() is True
    finally:
        client.close()


@pytest.mark.parametrize("turn", ["first", "second"])
def test_clean_redis_starts_each_test_with_an_empty_database(clean_redis: redis.Redis, turn: str) -> None:
    assert clean_redis.dbsize() == 0
    clean_redis.set(f"left-by-{turn}", "1")


# --- SQL databases ---------------------------------------------------------


def test_select_one_works_on_both_databases(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("select 1")).scalar_one() == 1
    finally:
        engine.dispose()


def test_db_url_runs_once_per_dialect(db_url: str, request: pytest.FixtureRequest) -> None:
    assert sa.make_url(db_url).get_backend_name() == request.node.callspec.params["db_url"]


def test_postgres_url_is_a_database_of_this_session_only(postgres_url: str, postgres_admin_url: str) -> None:
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            name = conn.execute(sa.text("select current_database()")).scalar_one()
    finally:
        engine.dispose()
    assert name.startswith("sahelwatch_test_")
    assert name != sa.make_url(postgres_admin_url).database


def test_sqlite_url_is_a_file_in_the_tests_tmp_path(sqlite_url: str, tmp_path) -> None:
    engine = sa.create_engine(sqlite_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("create table t (x int)"))
    finally:
        engine.dispose()
    assert (tmp_path / "sahelwatch.db").exists()


# --- HTTP server -----------------------------------------------------------


def test_route_serves_body_status_and_headers(http_server: TestHTTPServer) -> None:
    http_server.route("/feed.xml", "<rss/>", headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    response = httpx.get(http_server.url("/feed.xml"))
    assert response.status_code == 200
    assert response.text == "<rss/>"
    assert response.headers["content-type"] == "application/rss+xml"
    assert response.headers["etag"] == '"v1"'


def test_head_sends_headers_without_a_body(http_server: TestHTTPServer) -> None:
    http_server.route("/page", b"0123456789")
    response = httpx.head(http_server.url("/page"))
    assert response.status_code == 200
    assert response.headers["content-length"] == "10"
    assert response.content == b""
    assert [request.method for request in http_server.requests] == ["HEAD"]


def test_unrouted_path_is_404(http_server: TestHTTPServer) -> None:
    assert httpx.get(http_server.url("/nowhere")).status_code == 404


def test_sequence_answers_in_order_then_repeats_the_last(http_server: TestHTTPServer) -> None:
    http_server.route_sequence(
        "/flaky", [Response(status=503, headers={"Retry-After": "1"}), Response(body="ok"), Response(body="last")]
    )
    with httpx.Client() as client:
        answers = [client.get(http_server.url("/flaky")) for _ in range(5)]
    assert [answer.status_code for answer in answers] == [503, 200, 200, 200, 200]
    assert answers[0].headers["retry-after"] == "1"
    assert [answer.text for answer in answers[1:]] == ["ok", "last", "last", "last"]


def test_handler_sees_request_headers_for_a_conditional_get(http_server: TestHTTPServer) -> None:
    def conditional(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(body="<rss/>", headers={"ETag": '"v1"'})

    http_server.route_handler("/feed", conditional)
    first = httpx.get(http_server.url("/feed"))
    second = httpx.get(http_server.url("/feed"), headers={"If-None-Match": first.headers["etag"]})
    assert (first.status_code, second.status_code) == (200, 304)
    assert second.content == b""
    assert http_server.requests[1].headers["if-none-match"] == '"v1"'


def test_post_body_and_query_are_recorded(http_server: TestHTTPServer) -> None:
    http_server.route("/hook", "", status=204)
    httpx.post(http_server.url("/hook?x=1"), json={"a": 1})
    (request,) = http_server.requests_to("/hook")
    assert (request.method, request.query, json.loads(request.body)) == ("POST", "x=1", {"a": 1})


def test_redirect_is_left_to_the_client(http_server: TestHTTPServer) -> None:
    http_server.route("/old", status=301, headers={"Location": http_server.url("/new")})
    http_server.route("/new", "moved here")
    response = httpx.get(http_server.url("/old"))
    assert response.status_code == 301
    assert httpx.get(http_server.url("/old"), follow_redirects=True).text == "moved here"


def test_streamed_body_arrives_in_chunks_over_time(http_server: TestHTTPServer) -> None:
    http_server.route_handler("/slow", lambda _request: Response(body=trickle(b"abcd", chunk_size=1, pause=0.05)))
    started = time.monotonic()
    response = httpx.get(http_server.url("/slow"))
    assert response.content == b"abcd"
    assert response.headers["transfer-encoding"] == "chunked"
    assert time.monotonic() - started >= 0.15


def test_delay_trips_a_client_read_timeout(http_server: TestHTTPServer) -> None:
    http_server.route_handler("/stall", lambda _request: Response(body="late", delay=0.5))
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(http_server.url("/stall"), timeout=0.1)


def test_gzip_body_is_served_as_given(http_server: TestHTTPServer) -> None:
    packed = gzip.compress(b"x" * 10_000)
    http_server.route("/big", packed, headers={"Content-Encoding": "gzip"})
    response = httpx.get(http_server.url("/big"))
    assert response.headers["content-length"] == str(len(packed))
    assert response.content == b"x" * 10_000


def test_a_failing_handler_answers_500_and_is_recorded(http_server: TestHTTPServer) -> None:
    http_server.route_handler("/bug", lambda _request: 1 / 0)
    assert httpx.get(http_server.url("/bug")).status_code == 500
    assert "ZeroDivisionError" in http_server.errors[0]


def test_reset_forgets_routes_and_requests(http_server: TestHTTPServer) -> None:
    http_server.route("/a", "a")
    httpx.get(http_server.url("/a"))
    http_server.reset()
    assert http_server.requests == []
    assert httpx.get(http_server.url("/a")).status_code == 404


# --- Webhook signatures ----------------------------------------------------

# Published example of the Standard Webhooks / Svix signature scheme.
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TIMESTAMP = "1614265330"
SPEC_BODY = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

# Our own known answer, key = bytes 0..31, computed outside Python with
#   printf '%s' 'msg_1.1700000000.{}' | openssl dgst -sha256 -mac HMAC \
#     -macopt hexkey:000102...1f -binary | base64
OWN_SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
OWN_SIGNATURE = "v1,fhksJF5ElKjlPoT/jtefCO5XjQPvhf7Dhf/8R1ad9yU="


def test_signature_matches_the_published_example() -> None:
    assert expected_signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY) == SPEC_SIGNATURE


def test_signature_matches_our_own_known_answer() -> None:
    assert expected_signature(OWN_SECRET, "msg_1", 1700000000, b"{}") == OWN_SIGNATURE


def test_any_of_several_signatures_may_match() -> None:
    header = f"v1,bm90IGl0 {SPEC_SIGNATURE}"
    assert signature_matches(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, header)


def test_tampered_body_id_or_timestamp_does_not_verify() -> None:
    assert not signature_matches(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, b'{"test": 2432232315}', SPEC_SIGNATURE)
    assert not signature_matches(SPEC_SECRET, "msg_other", SPEC_TIMESTAMP, SPEC_BODY, SPEC_SIGNATURE)
    assert not signature_matches(SPEC_SECRET, SPEC_ID, "1614265331", SPEC_BODY, SPEC_SIGNATURE)
    assert not signature_matches(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, "v2," + SPEC_SIGNATURE[3:])


def _post_signed(receiver: WebhookReceiver, body: bytes, signed_body: bytes | None = None) -> httpx.Response:
    timestamp = str(int(time.time()))
    signature = expected_signature(receiver.secret, "msg_abc", timestamp, signed_body or body)
    headers = {
        "content-type": "application/json",
        "webhook-id": "msg_abc",
        "webhook-timestamp": timestamp,
        "webhook-signature": signature,
    }
    return httpx.post(receiver.url, content=body, headers=headers)


def test_receiver_records_a_signed_delivery_as_valid(webhook_receiver: WebhookReceiver) -> None:
    assert webhook_receiver.secret.startswith("whsec_")
    assert _post_signed(webhook_receiver, b'{"type": "incident.created"}').status_code == 200
    (delivery,) = webhook_receiver.wait_for(1, timeout=2)
    assert delivery.signature_valid
    assert delivery.json == {"type": "incident.created"}
    assert delivery.webhook_id == "msg_abc"
    assert abs(delivery.timestamp_skew or 0) < 5


def test_receiver_flags_a_tampered_delivery(webhook_receiver: WebhookReceiver) -> None:
    _post_signed(webhook_receiver, b'{"fatalities": 70}', signed_body=b'{"fatalities": 54}')
    (delivery,) = webhook_receiver.wait_for(1, timeout=2)
    assert not delivery.signature_valid


def test_receiver_flags_an_unsigned_delivery(webhook_receiver: WebhookReceiver) -> None:
    httpx.post(webhook_receiver.url, json={})
    (delivery,) = webhook_receiver.wait_for(1, timeout=2)
    assert not delivery.signature_valid


def test_fail_next_answers_errors_then_200(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.fail_next(2, status=429, headers={"Retry-After": "3"})
    answers = [_post_signed(webhook_receiver, b"{}") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [429, 429, 200]
    assert answers[0].headers["retry-after"] == "3"
    assert [delivery.status_returned for delivery in webhook_receiver.received] == [429, 429, 200]
    assert len(webhook_receiver.wait_for(1, timeout=2)) == 1


def test_wait_for_fails_with_what_arrived(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.fail_next(1, status=500)
    _post_signed(webhook_receiver, b"{}")
    with pytest.raises(AssertionError, match=r"got 0; statuses answered: \[500\]"):
        webhook_receiver.wait_for(1, timeout=0.2)
