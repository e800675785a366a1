"""Apprise opens its own connections: its generic web schemes get the same private-address guard."""

from __future__ import annotations

from worker.delivery.dispatch import _apprise_target_refused
from worker.settings import Settings


def test_apprise_web_schemes_to_private_addresses_are_refused_unless_allowed():
    closed = Settings(_env_file=None)
    assert "refused" in _apprise_target_refused("json://127.0.0.1:8080/hook", closed)
    assert "refused" in _apprise_target_refused("forms://10.0.0.1/hook", closed)
    assert _apprise_target_refused("json://127.0.0.1:8080/hook", Settings(allow_private_networks=True, _env_file=None)) is None


def test_service_schemes_are_left_to_the_service():
    assert _apprise_target_refused("tgram://123456:token/987", Settings(_env_file=None)) is None
