"""The embedded default: a newcomer's `sahelwatch demo` with nothing configured and no server installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAHELWATCH = [sys.executable, "-m", "worker.cli"]


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("SAHELWATCH_")}


@pytest.mark.slow
def test_demo_in_an_empty_directory_exits_zero_and_leaves_the_seed_alert(tmp_path: Path):
    demo = subprocess.run(SAHELWATCH + ["demo"], cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=180)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "Alerts" in demo.stdout and "Menaka" in demo.stdout
    assert (tmp_path / "sahelwatch.db").exists()

    listed = subprocess.run(SAHELWATCH + ["alerts", "list", "--json"], cwd=tmp_path, env=clean_env(),
                            capture_output=True, text=True, timeout=60)
    bodies = [json.loads(line) for line in listed.stdout.splitlines()]
    seed = [b for b in bodies if b["data"]["incident"]["country"] == "ML"]
    assert len(seed) == 1
    incident = seed[0]["data"]["incident"]
    assert incident["fatalities"] == 54 and incident["admin1"] == "Menaka"
    # Sahel news without violence and the Niger State flood story raise nothing.
    assert all(b["data"]["incident"]["country"] in ("ML", "BF") for b in bodies)

    feeds = subprocess.run(SAHELWATCH + ["feeds", "list", "--json"], cwd=tmp_path, env=clean_env(),
                           capture_output=True, text=True, timeout=60)
    assert {json.loads(line)["status"] for line in feeds.stdout.splitlines()} == {"paused"}
