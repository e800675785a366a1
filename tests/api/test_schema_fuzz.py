"""Property-based requests from the OpenAPI schema, with the admin token: no input makes the API fail with a 5xx."""

from __future__ import annotations

from pathlib import Path

import redis
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.api.conftest import ADMIN, api_settings, auth, seed
from tests.pipeline import wipe_database
from worker.api import create_app
from worker.db.migrate import upgrade

EXAMPLES = 30  # per operation: about 20 operations stay well under a minute


def test_no_generated_request_is_a_server_error(sqlite_url: str, redis_url: str, broker: redis.Redis, tmp_path: Path):
    upgrade(sqlite_url)
    wipe_database(sqlite_url)
    seed(sqlite_url)
    app = create_app(api_settings(sqlite_url, redis_url, tmp_path))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=auth(ADMIN))
    failures: dict[str, str] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=auth(ADMIN), checks=[not_a_server_error])

        try:
            check()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures[operation.label] = str(exc)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
