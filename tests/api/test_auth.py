"""Every route: no token is 401, a wrong one 403, the read-only token reads but never writes, the admin token does all."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ADMIN, READER, Seeded, auth

OPML = ('<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        '<outline type="rss" text="x" xmlUrl="https://outlet9.example/feed.xml"/></body></opml>')

# (method, path template, JSON body, the admin's status)
ROUTES = [
    ("GET", "/metrics", None, 200),
    ("GET", "/openapi.json", None, 200),
    ("GET", "/api/v1/feeds", None, 200),
    ("POST", "/api/v1/feeds", {"url": "https://outlet7.example/rss"}, 201),
    ("POST", "/api/v1/feeds/opml", {"opml": OPML}, 200),
    ("GET", "/api/v1/feeds/{feed}", None, 200),
    ("PATCH", "/api/v1/feeds/{feed}", {"status": "paused"}, 200),
    ("DELETE", "/api/v1/feeds/{feed}", None, 204),
    ("POST", "/api/v1/polls", {}, 202),
    ("POST", "/api/v1/rescans", {"country": "ML"}, None),
    ("GET", "/api/v1/rescans/999", None, None),
    ("POST", "/api/v1/rescans/999/cancel", None, None),
    ("GET", "/api/v1/incidents", None, 200),
    ("GET", "/api/v1/incidents/{incident}", None, 200),
    ("POST", "/api/v1/incidents/{incident}/review", {"review": "confirmed"}, 200),
    ("POST", "/api/v1/incidents/{other}/merge", {"into": "{incident}"}, 200),
    ("POST", "/api/v1/incidents/{incident}/split", {"article_ids": ["{second}"]}, 200),
    ("GET", "/api/v1/alerts", None, 200),
    ("GET", "/api/v1/subscriptions", None, 200),
    ("POST", "/api/v1/subscriptions", {"url": "https://hooks.example/new"}, 201),
    ("GET", "/api/v1/subscriptions/{endpoint}", None, 200),
    ("DELETE", "/api/v1/subscriptions/{endpoint}", None, 204),
    ("GET", "/api/v1/deliveries", None, 200),
    ("POST", "/api/v1/deliveries/retry-dead", None, 200),
    ("POST", "/api/v1/deliveries/{failed}/retry", None, 200),
]
IDS = [f"{method} {path}" for method, path, _, _ in ROUTES]


@pytest.fixture
def db(sqlite_url: str) -> str:
    """The token checks are the same on every backend: SQLite keeps this matrix quick."""
    from tests.pipeline import wipe_database
    from worker.db.migrate import upgrade

    upgrade(sqlite_url)
    wipe_database(sqlite_url)
    return sqlite_url


def fill(seeded: Seeded, body: object) -> object:
    if isinstance(body, str):
        text = seeded.fill(body)
        return int(text) if text.isdigit() else text
    if isinstance(body, dict):
        return {k: fill(seeded, v) for k, v in body.items()}
    if isinstance(body, list):
        return [fill(seeded, v) for v in body]
    return body


def call(client: TestClient, seeded: Seeded, route: tuple, headers: dict[str, str]) -> object:
    method, path, body, _ = route
    kwargs = {"json": fill(seeded, body)} if body is not None else {}
    return client.request(method, seeded.fill(path), headers=headers, **kwargs)


def rescans_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("worker.admin.rescans") is not None


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_no_token_is_401_with_a_bearer_challenge(client: TestClient, seeded: Seeded, route: tuple):
    response = call(client, seeded, route, {})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "bearer token" in response.json()["detail"]


@pytest.mark.parametrize("headers", [auth("wrong"), auth(ADMIN + "x"), {"Authorization": f"Basic {ADMIN}"}],
                         ids=["wrong", "longer", "basic"])
@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_a_wrong_token_is_403(client: TestClient, seeded: Seeded, route: tuple, headers: dict[str, str]):
    expected = 401 if headers["Authorization"].startswith("Basic") else 403
    assert call(client, seeded, route, headers).status_code == expected


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_the_read_only_token_reads_and_never_writes(client: TestClient, seeded: Seeded, route: tuple):
    response = call(client, seeded, route, auth(READER))
    if route[0] == "GET":
        assert response.status_code not in (401, 403), response.text
    else:
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_the_admin_token_may_do_everything(client: TestClient, seeded: Seeded, route: tuple):
    response = call(client, seeded, route, auth(ADMIN))
    expected = route[3]
    if expected is None:  # re-scans: 202 to start, 404 for an unknown one, 501 if not installed
        expected = 501 if not rescans_available() else 202 if route[0] == "POST" and route[1].endswith("rescans") else 404
    assert response.status_code == expected, response.text


def test_health_needs_no_token(client: TestClient):
    assert client.get("/health").status_code == 200


def test_without_an_admin_token_the_api_refuses_to_start(settings):
    from worker.api import create_app
    from worker.api.app import MissingAdminToken

    with pytest.raises(MissingAdminToken, match="SAHELWATCH_ADMIN_TOKEN"):
        create_app(settings.model_copy(update={"admin_token": ""}))


def test_an_empty_read_only_token_never_matches():
    from worker.api.auth import token_role

    assert token_role("", "admin", "") is None
    assert token_role("admin", "admin", "") == "admin"
    assert token_role("reader", "admin", "reader") == "read"
