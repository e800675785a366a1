"""Run Celery worker/beat as child processes with the right broker, until interrupted."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from worker.admin.processes import ALL_QUEUES, broker, celery_command, child_env, stop_process
from worker.settings import Settings


def run_forever(settings: Settings, *, role: str, beat: bool = False, queues: str = ALL_QUEUES,
                concurrency: int | None = None) -> int:
    """Exit code of the child; Ctrl-C or SIGTERM stops it warmly (running tasks finish)."""
    data_dir = Path(settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    with broker(settings) as url:
        cmd = celery_command(role, queues=queues, concurrency=concurrency or settings.worker_concurrency, beat=beat,
                             schedule=data_dir / "beat-schedule", loglevel="INFO")
        process = subprocess.Popen(cmd, env=child_env(settings, url))
        # Pass SIGTERM on and keep waiting: Celery's warm shutdown lets running tasks finish.
        previous = signal.signal(signal.SIGTERM, lambda *_: process.send_signal(signal.SIGTERM))
        try:
            while True:
                try:
                    return process.wait()
                except KeyboardInterrupt:  # Ctrl-C reached the child too; wait for its shutdown
                    continue
        finally:
            signal.signal(signal.SIGTERM, previous)
            stop_process(process)
