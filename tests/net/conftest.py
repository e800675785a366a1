"""Fresh per-process caches for network-edge tests: robots.txt verdicts and per-host turns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from worker.net import politeness, robots


@pytest.fixture(autouse=True)
def fresh_net_state() -> Iterator[None]:
    """Each test starts with no cached robots.txt and no host waiting out an interval."""
    robots.forget_local_cache()
    politeness.forget_local_turns()
    yield
    robots.forget_local_cache()
    politeness.forget_local_turns()
