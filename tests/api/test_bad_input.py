"""Bad input gets a 4xx that says what is wrong: 422 for malformed, 404 for unknown ids, 409 for conflicts."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import Seeded
from tests.api.test_auth import fill

BAD = [
    ("POST", "/api/v1/feeds", {"url": "ftp://outlet.example/feed"}, 422, "http(s)"),
    ("POST", "/api/v1/feeds", {"url": "https://outlet.example/feed", "interval_minutes": 0}, 422, "greater than"),
    ("POST", "/api/v1/feeds", {"url": "https://outlet.example/feed", "language": "de"}, 422, "'en' or 'fr'"),
    ("POST", "/api/v1/feeds", {"url": "https://outlet.example/feed", "colour": "red"}, 422, "Extra inputs"),
    ("POST", "/api/v1/feeds", {}, 422, "Field required"),
    ("POST", "/api/v1/feeds", {"url": "https://outlet.example/\u0000"}, 422, "pattern"),
    ("GET", "/api/v1/feeds/999999", None, 404, "no feed 999999"),
    ("GET", "/api/v1/feeds/0", None, 422, "greater than"),
    ("GET", "/api/v1/feeds/abc", None, 422, "integer"),
    ("GET", f"/api/v1/feeds/{2**64}", None, 422, "less than"),
    ("PATCH", "/api/v1/feeds/999999", {"name": "x"}, 404, "no feed"),
    ("PATCH", "/api/v1/feeds/{feed}", {"status": "suspended"}, 422, "'active' or 'paused'"),
    ("PATCH", "/api/v1/feeds/{feed}", {"interval_minutes": None}, 422, "cannot be empty"),
    ("DELETE", "/api/v1/feeds/999999", None, 404, "no feed"),
    ("POST", "/api/v1/feeds/opml", {"opml": "this is not XML"}, 422, "OPML"),
    ("POST", "/api/v1/polls", {"feed_ids": [999999]}, 404, "no feed with id 999999"),
    ("POST", "/api/v1/polls", {"feed_ids": [0]}, 422, "greater than"),
    ("POST", "/api/v1/polls", {"feed_ids": "all"}, 422, "list"),
    ("POST", "/api/v1/rescans", {"since": "2024-02-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}, 422, "before"),
    ("POST", "/api/v1/rescans", {"country": "Mali"}, 422, "pattern"),
    ("GET", "/api/v1/incidents?country=Mali", None, 422, "pattern"),
    ("GET", "/api/v1/incidents?min_fatalities=-1", None, 422, "greater than"),
    ("GET", "/api/v1/incidents?since=yesterday", None, 422, "datetime"),
    ("GET", "/api/v1/incidents/inc_ffff", None, 404, "no incident"),
    ("GET", "/api/v1/incidents/drop%20table", None, 422, "pattern"),
    ("POST", "/api/v1/incidents/{incident}/review", {"review": "maybe"}, 422, "confirmed"),
    ("POST", "/api/v1/incidents/inc_ffff/review", {"review": "confirmed"}, 404, "no incident"),
    ("POST", "/api/v1/incidents/{incident}/merge", {"into": "{incident}"}, 409, "into itself"),
    ("POST", "/api/v1/incidents/{other}/merge", {"into": "inc_ffff"}, 404, "no incident"),
    ("POST", "/api/v1/incidents/{incident}/split", {"article_ids": []}, 422, "at least 1"),
    ("POST", "/api/v1/incidents/{incident}/split", {"article_ids": [999999]}, 404, "not a report"),
    ("POST", "/api/v1/incidents/{incident}/split", {"article_ids": ["{article}", "{second}"]}, 409, "empty"),
    ("GET", "/api/v1/alerts?type=incident.deleted", None, 422, "pattern"),
    ("POST", "/api/v1/subscriptions", {"url": "not a url"}, 422, "http(s)"),
    ("POST", "/api/v1/subscriptions", {"url": "https://hooks.example/x", "rules": {"colour": "red"}}, 422, "Extra"),
    ("POST", "/api/v1/subscriptions", {"url": "https://hooks.example/x", "rules": {"countries": [" "]}}, 422, "words"),
    ("POST", "/api/v1/subscriptions", {"url": "https://hooks.example/x", "secret": "short"}, 422, "secret"),
    ("POST", "/api/v1/subscriptions", {"url": "https://hooks.example/x", "kind": "fax"}, 422, "generic"),
    ("GET", "/api/v1/subscriptions/999999", None, 404, "no subscription"),
    ("DELETE", "/api/v1/subscriptions/999999", None, 404, "no subscription"),
    ("GET", "/api/v1/deliveries?status=lost", None, 422, "failed"),
    ("POST", "/api/v1/deliveries/999999/retry", None, 404, "no delivery"),
    ("POST", "/api/v1/deliveries/{pending}/retry", None, 409, "not failed"),
    ("POST", "/api/v1/feeds", "[not json", 422, "JSON"),
]


@pytest.mark.parametrize("method,path,body,status,words", BAD,
                         ids=[f"{m} {p} {s}" for m, p, _, s, _ in BAD])
def test_bad_input_is_refused_with_a_reason(admin: TestClient, seeded: Seeded, method: str, path: str, body: object,
                                            status: int, words: str):
    if body == "[not json":
        response = admin.request(method, path, content=body, headers={"content-type": "application/json"})
    else:
        response = admin.request(method, seeded.fill(path), **({"json": fill(seeded, body)} if body is not None else {}))
    if "rescans" in path and response.status_code == 501:
        pytest.skip("worker.admin.rescans is not installed")
    assert response.status_code == status, response.text
    assert words.lower() in response.text.lower()
