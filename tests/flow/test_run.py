"""`sahelwatch run`: worker and scheduler together find due feeds by themselves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pipeline import rss, sample_page

CLI = [sys.executable, "-m", "worker.cli"]


@pytest.mark.slow
def test_run_polls_a_due_feed_and_delivers_without_being_asked(tmp_path: Path, http_server, webhook_receiver, redis_url):
    http_server.route("/p.html", sample_page("seed-in-delimane.html"), headers={"Content-Type": "text/html"})
    http_server.route("/feed.xml", rss([("seed", "Dozens of Malian soldiers killed", http_server.url("/p.html"))]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAHELWATCH_")}
    env.update(SAHELWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'run.db'}", SAHELWATCH_BROKER_URL=redis_url,
               SAHELWATCH_ALLOW_PRIVATE_NETWORKS="true", SAHELWATCH_DISPATCH_INTERVAL="1",
               SAHELWATCH_PER_HOST_INTERVAL="0")
    subprocess.run(CLI + ["feeds", "add", http_server.url("/feed.xml")], env=env, cwd=tmp_path, check=True, timeout=60)
    subprocess.run(CLI + ["webhooks", "add", webhook_receiver.url, "--secret", webhook_receiver.secret],
                   env=env, cwd=tmp_path, check=True, timeout=60)

    runner = subprocess.Popen(CLI + ["run"], env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        [delivery] = webhook_receiver.wait_for(1, timeout=90)
    finally:
        runner.send_signal(signal.SIGTERM)
        code = runner.wait(60)
    assert delivery.signature_valid
    assert delivery.json["data"]["incident"]["country"] == "ML"
    assert code == 0
    feeds = subprocess.run(CLI + ["feeds", "list", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    [feed] = [json.loads(line) for line in feeds.stdout.splitlines()]
    assert feed["status"] == "active" and feed["entries"] == 1
