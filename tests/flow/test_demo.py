"""The embedded default: a newcomer's `sahelwatch demo` with nothing configured and no server installed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

SAHELWATCH = [sys.executable, "-m", "worker.cli"]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("SAHELWATCH_", "PROMETHEUS_"))}


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(SAHELWATCH + list(args), cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`sahelwatch demo` run once, in a fresh empty directory."""
    where = tmp_path_factory.mktemp("newcomer")
    return where, cli(where, "demo")


@pytest.mark.slow
def test_demo_in_an_empty_directory_exits_zero_and_leaves_the_seed_alert(demo):
    where, run = demo
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Alerts" in run.stdout and "Menaka" in run.stdout
    assert (where / "sahelwatch.db").exists()

    bodies = [json.loads(line) for line in cli(where, "alerts", "list", "--json").stdout.splitlines()]
    seed = [b for b in bodies if b["data"]["incident"]["country"] == "ML"]
    assert len(seed) == 1
    incident = seed[0]["data"]["incident"]
    assert incident["fatalities"] == 54 and incident["admin1"] == "Menaka"
    # Sahel news without violence and the Niger State flood story raise nothing.
    assert all(b["data"]["incident"]["country"] in ("ML", "BF") for b in bodies)
    feeds = [json.loads(line) for line in cli(where, "feeds", "list", "--json").stdout.splitlines()]
    assert {f["status"] for f in feeds} == {"paused"}


@pytest.mark.slow
def test_the_admin_api_exposes_the_demo_runs_counters(demo):
    where, run = demo
    assert run.returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(clean_env(), SAHELWATCH_ADMIN_TOKEN="admin-secret-token")
    api = subprocess.Popen(SAHELWATCH + ["api", "--host", "127.0.0.1", "--port", str(port)], cwd=where, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/metrics", headers={"Authorization": "Bearer admin-secret-token"})
                break
            except httpx.ConnectError:
                assert api.poll() is None and time.monotonic() < deadline, api.stderr.read().decode() if api.poll() is not None else "API did not start"
                time.sleep(0.2)
        assert httpx.get(f"http://127.0.0.1:{port}/metrics").status_code == 401
    finally:
        api.terminate()
        api.wait(20)
    assert response.status_code == 200
    text = response.text
    assert 'sahelwatch_polls_total{outcome="ok"} 2.0' in text
    assert 'sahelwatch_articles_total{outcome="relevant"}' in text
    assert 'sahelwatch_incidents_total{change="created"}' in text
    assert 'sahelwatch_tagging_seconds_count' in text
