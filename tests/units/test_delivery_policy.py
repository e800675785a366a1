"""Signatures and retry decisions of webhook delivery."""

from __future__ import annotations

import random
from datetime import datetime, timezone

import pytest

from worker.delivery.policy import decide, retry_after_seconds
from worker.delivery.sign import SecretError, new_secret, secret_key, signed_headers
from tests.fixtures.webhooks import signature_matches

SCHEDULE = [10.0, 60.0, 300.0]
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def test_signature_verifies_with_an_independent_implementation():
    secret = new_secret()
    body = b'{"type":"incident.created"}'
    headers = signed_headers(secret, "msg_abc", 1714564800, body)
    assert signature_matches(secret, "msg_abc", "1714564800", body, headers["webhook-signature"])
    assert not signature_matches(secret, "msg_abc", "1714564800", body + b" ", headers["webhook-signature"])


def test_signature_matches_the_standard_webhooks_example():
    # The example given by the Standard Webhooks specification's reference libraries.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    headers = signed_headers(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
    assert headers["webhook-signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


@pytest.mark.parametrize("bad", ["whsec_not base64!", "whsec_c2hvcnQ=", ""])
def test_malformed_secrets_are_refused_with_a_reason(bad: str):
    with pytest.raises(SecretError):
        secret_key(bad)


def test_success_ends_and_410_means_gone():
    assert decide(200, 1, SCHEDULE).outcome == "succeeded"
    assert decide(204, 3, SCHEDULE).outcome == "succeeded"
    assert decide(410, 1, SCHEDULE).outcome == "gone"


@pytest.mark.parametrize("status", [None, 500, 502, 503, 429, 408])
def test_timeouts_5xx_and_429_are_retried_with_jittered_backoff(status):
    rng = random.Random(1)
    delays = [decide(status, n, SCHEDULE, rng=rng).delay for n in (1, 2, 3)]
    assert all(0.75 * base <= d <= 1.25 * base for d, base in zip(delays, SCHEDULE))
    assert decide(status, 4, SCHEDULE).outcome == "failed"  # schedule exhausted


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(status):
    assert decide(status, 1, SCHEDULE).outcome == "failed"


def test_retry_after_wins_when_longer_than_the_backoff():
    verdict = decide(429, 1, SCHEDULE, retry_after=120.0, rng=random.Random(0))
    assert verdict.outcome == "retry" and verdict.delay == 120.0


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after_seconds("30", NOW) == 30
    assert retry_after_seconds("Wed, 01 May 2024 12:01:00 GMT", NOW) == 60
    assert retry_after_seconds("soon", NOW) is None
    assert retry_after_seconds(None, NOW) is None
