"""`sahelwatch api` for real: uvicorn on 127.0.0.1 answering httpx, and no start without an admin token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from click.testing import CliRunner

from tests.api.conftest import ADMIN, READER, auth
from worker.api.command import api_command

SERVE = "from worker.api.command import api_command; api_command()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(db: str, redis_url: str, data_dir: Path, admin_token: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAHELWATCH_") and k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(SAHELWATCH_DATABASE_URL=db, SAHELWATCH_BROKER_URL=redis_url, SAHELWATCH_DATA_DIR=str(data_dir),
               SAHELWATCH_ADMIN_TOKEN=admin_token, SAHELWATCH_READONLY_TOKEN=READER)
    return env


@pytest.fixture
def server(sqlite_url: str, redis_url: str, broker: redis.Redis, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE, "--host", "127.0.0.1", "--port", str(port)],
                               env=environment(sqlite_url, redis_url, tmp_path, ADMIN), cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"the API exited with code {process.returncode}"
            try:
                httpx.get(f"{base}/health", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the API did not answer within 30 s"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def test_the_api_serves_over_real_http(server: str):
    with httpx.Client(base_url=server, timeout=10) as client:
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/api/v1/feeds").status_code == 401
        added = client.post("/api/v1/feeds", json={"url": "https://outlet.example/rss"}, headers=auth(ADMIN))
        assert added.status_code == 201
        assert [f["url"] for f in client.get("/api/v1/feeds", headers=auth(READER)).json()] == ["https://outlet.example/rss"]
        assert client.delete(f"/api/v1/feeds/{added.json()['id']}", headers=auth(READER)).status_code == 403
        metrics = client.get("/metrics", headers=auth(ADMIN))
        assert metrics.status_code == 200 and "sahelwatch_queue_depth" in metrics.text
        assert client.get("/openapi.json").status_code == 401
        assert client.get("/openapi.json", headers=auth(READER)).json()["info"]["title"] == "sahelwatch admin API"


def test_the_command_refuses_to_start_without_an_admin_token(sqlite_url: str, redis_url: str, tmp_path: Path):
    env = environment(sqlite_url, redis_url, tmp_path, "")
    result = CliRunner().invoke(api_command, ["--port", str(free_port())], env=env)
    assert result.exit_code == 1
    assert "SAHELWATCH_ADMIN_TOKEN" in result.output
