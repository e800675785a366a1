"""What an operator watches: JSON logs from real workers, and metrics shared by every worker process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.pipeline import Pipeline, rss, sample_page
from worker.admin.processes import celery_command


@pytest.mark.slow
def test_workers_log_one_json_object_per_line_when_asked(tmp_path: Path, redis_url: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAHELWATCH_")}
    env.update(SAHELWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'logs.db'}", SAHELWATCH_BROKER_URL=redis_url,
               SAHELWATCH_JSON_LOGS="true", SAHELWATCH_DATA_DIR=str(tmp_path))
    worker = subprocess.Popen(celery_command("worker", concurrency=1, loglevel="INFO"), env=env, cwd=tmp_path,
                              stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            line = worker.stderr.readline()
            if line.startswith("{"):
                lines.append(json.loads(line))
                if "ready" in lines[-1]["message"]:
                    break
    finally:
        worker.terminate()
        worker.wait(30)
    assert lines and lines[-1]["level"] == "INFO" and "ready" in lines[-1]["message"]
    assert {"time", "level", "logger", "message"} <= set(lines[-1])


def test_worker_processes_share_their_counters(clean_pipeline: Pipeline, http_server):
    http_server.route("/seed.html", sample_page("seed-in-delimane.html"), headers={"Content-Type": "text/html"})
    http_server.route("/feed.xml", rss([("seed", "Dozens of Malian soldiers killed", http_server.url("/seed.html"))]))
    clean_pipeline.poll(clean_pipeline.add_feed(http_server.url("/feed.xml")))

    metrics_dir = clean_pipeline.settings.metrics_path.resolve()
    script = ("import os,sys; os.environ['PROMETHEUS_MULTIPROC_DIR']=sys.argv[1]; "
              "from worker.metrics import render; print(render()[0].decode())")
    text = subprocess.run([sys.executable, "-c", script, str(metrics_dir)], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    assert 'sahelwatch_polls_total{outcome="ok"}' in text
    assert 'sahelwatch_articles_total{outcome="relevant"}' in text
    assert 'sahelwatch_incidents_total{change="created"}' in text
    assert "sahelwatch_tagging_seconds_count" in text
