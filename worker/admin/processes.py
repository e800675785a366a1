"""Start the broker and a Celery worker for commands that must do the whole job on their own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from celery import Celery
from sqlalchemy.engine import make_url

from worker.app import Queue, make_celery
from worker.settings import Settings

ALL_QUEUES = ",".join(q.value for q in Queue)


@contextmanager
def broker(settings: Settings) -> Iterator[str]:
    """The broker URL; the embedded server is started if needed and stopped after, if we started it."""
    if not settings.uses_embedded_broker:
        yield settings.broker_url
        return
    from worker.embedded import ensure_embedded_redis

    server = ensure_embedded_redis(settings.data_dir)
    try:
        yield server.url
    finally:
        server.stop()


def absolute_database_url(url: str) -> str:
    """A relative SQLite path made absolute, so child processes open the same file."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        return parsed.set(database=str(Path(parsed.database).expanduser().resolve())).render_as_string(hide_password=False)
    return url


def child_env(settings: Settings, broker_url: str, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["SAHELWATCH_BROKER_URL"] = broker_url
    env["SAHELWATCH_DATABASE_URL"] = absolute_database_url(settings.database_url)
    env["SAHELWATCH_DATA_DIR"] = str(Path(settings.data_dir).resolve())
    env.update(overrides or {})
    return env


def celery_command(role: str, *, queues: str = ALL_QUEUES, concurrency: int = 2, beat: bool = False,
                   schedule: Path | None = None, loglevel: str = "WARNING") -> list[str]:
    cmd = [sys.executable, "-m", "celery", "-A", "worker.celery_app", role, "--loglevel", loglevel]
    if role == "worker":
        cmd += ["-Q", queues, "--concurrency", str(concurrency), "--without-gossip", "--without-mingle",
                "--hostname", f"sahelwatch-{os.getpid()}@%h"]
        if beat:
            cmd += ["--beat"]
    if schedule is not None and (beat or role == "beat"):
        cmd += ["--schedule", str(schedule)]
    return cmd


def workers_answering(app: Celery, timeout: float = 1.0) -> bool:
    try:
        return bool(app.control.ping(timeout=timeout))
    except Exception:  # broker unreachable is "no worker" for this purpose
        return False


@contextmanager
def running_worker(settings: Settings, broker_url: str, *, overrides: Mapping[str, str] | None = None,
                   concurrency: int | None = None, startup_timeout: float = 60.0) -> Iterator[subprocess.Popen[bytes]]:
    """A real `celery worker` child for the duration of the block, stopped warmly after it."""
    env = child_env(settings, broker_url, overrides)
    # A helper worker for one command: no banner on the user's terminal, warnings and errors only.
    command = celery_command("worker", concurrency=concurrency or settings.worker_concurrency)
    command.insert(command.index("-A"), "--quiet")
    process = subprocess.Popen(command, env=env)
    try:
        app = make_celery(settings, broker=broker_url)
        deadline = time.monotonic() + startup_timeout
        while not workers_answering(app):
            if process.poll() is not None:
                raise RuntimeError(f"the worker exited at start with code {process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not answer within {startup_timeout:g} s")
            time.sleep(0.3)
        yield process
    finally:
        stop_process(process)


def stop_process(process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)  # warm shutdown: running tasks finish
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def enqueue(settings: Settings, task: str, ids: list[int]) -> None:
    """Send tasks now; a worker picks them up, or the dispatcher re-finds the work later anyway."""
    if not ids:
        return
    with broker(settings) as url:
        app = make_celery(settings, broker=url)
        for item in ids:
            app.send_task(task, args=[item])
