"""Prometheus metrics, shared by every process (prefork children, beat, API) through one directory.

prometheus-client picks multiprocess mode when PROMETHEUS_MULTIPROC_DIR is set before it
is imported, so `enable(settings)` must run first thing in a process (the Celery app and
the API do it); metrics are then written to files there and summed at scrape time.
"""

from __future__ import annotations

import os
from pathlib import Path

from worker.settings import Settings

ENV = "PROMETHEUS_MULTIPROC_DIR"


def enable(settings: Settings) -> Path:
    path = settings.metrics_path.resolve()
    path.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault(ENV, str(path))
    return Path(os.environ[ENV])


def render() -> tuple[bytes, str]:
    """The exposition text of all processes' metrics (plus this one's, when not multiprocess)."""
    from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, multiprocess

    if os.environ.get(ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    from prometheus_client import REGISTRY

    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def mark_process_dead(pid: int) -> None:
    """Called when a pool child exits, so its live gauges stop counting."""
    if os.environ.get(ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)
