"""The embedded broker: one private redis-server per data directory, shared, restartable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker

from worker.embedded import (
    PIDFILE_NAME,
    _children,
    EmbeddedRedis,
    ensure_embedded_redis,
    redis_py_url,
    start_embedded_redis,
    stop_embedded_redis,
)


# A separate process that starts (or reuses) the server for argv[1] and prints its pid.
PRINT_PID = (
    "import sys; from pathlib import Path; from worker.embedded import ensure_embedded_redis as e; "
    "print(e(Path(sys.argv[1])).pid)"
)


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A short directory (pytest's tmp_path can be long) whose server is stopped afterwards."""
    with tempfile.TemporaryDirectory(prefix="sw-broker-") as name:
        path = Path(name) / "broker"
        yield path
        stop_embedded_redis(path)


@pytest.fixture
def broker(data_dir: Path) -> Iterator[EmbeddedRedis]:
    server = start_embedded_redis(data_dir)
    yield server
    server.stop()


def test_start_answers_ping_on_a_unix_socket_with_no_tcp_port(broker: EmbeddedRedis) -> None:
    assert broker.owned
    assert broker.url == f"redis+socket://{broker.socket_path}"
    client = broker.client()
    assert client.ping()
    assert client.config_get("port") == {"port": "0"}
    assert client.config_get("appendonly") == {"appendonly": "yes"}
    assert broker.socket_path.parent == broker.data_dir


def test_second_start_reuses_the_running_server(broker: EmbeddedRedis) -> None:
    second = start_embedded_redis(broker.data_dir)
    assert not second.owned
    assert second.pid == broker.pid
    second.stop()
    assert broker.ping(), "a handle that did not start the server must not stop it"


def test_another_process_reuses_the_server_and_leaves_it_running(broker: EmbeddedRedis) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from worker.embedded import start_embedded_redis
        server = start_embedded_redis(Path(sys.argv[1]))
        print(server.owned, server.pid, server.url)
        server.stop()
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", script, str(broker.data_dir)], capture_output=True, text=True, check=True, timeout=30
    ).stdout.split()
    assert output == ["False", str(broker.pid), broker.url]
    assert broker.ping()


def test_processes_starting_at_once_share_one_server(data_dir: Path) -> None:
    script = PRINT_PID
    starters = [
        subprocess.Popen([sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    pids = {int(starter.communicate(timeout=30)[0]) for starter in starters}
    assert len(pids) == 1
    assert stop_embedded_redis(data_dir) is True


def test_stop_shuts_the_server_down_and_removes_its_socket(data_dir: Path) -> None:
    server = start_embedded_redis(data_dir)
    server.stop()
    assert not server.ping()
    assert not server.socket_path.exists()
    assert not (data_dir / PIDFILE_NAME).exists()


def test_start_after_a_killed_server_clears_the_stale_pidfile_and_socket(data_dir: Path) -> None:
    killed = start_embedded_redis(data_dir)
    os.kill(killed.pid, signal.SIGKILL)
    # Not reaped yet: the dead server is a zombie whose pid still exists.
    assert (data_dir / PIDFILE_NAME).exists() and killed.socket_path.exists()
    assert not killed.ping()

    restarted = start_embedded_redis(data_dir)
    _children.pop(killed.pid).wait()
    assert restarted.owned
    assert restarted.pid != killed.pid
    assert restarted.ping()
    assert (data_dir / PIDFILE_NAME).read_text().strip() == str(restarted.pid)
    restarted.stop()


def test_start_after_a_server_killed_in_another_process(data_dir: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from worker.embedded import _children, start_embedded_redis
        server = start_embedded_redis(Path(sys.argv[1]))
        print(server.pid, flush=True)
        sys.stdin.readline()
        _children.pop(server.pid).wait()  # reap the killed server: no zombie outlives the test
        """
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    pid = int(other.stdout.readline())
    os.kill(pid, signal.SIGKILL)
    other.communicate("\n", timeout=30)

    server = start_embedded_redis(data_dir)
    assert server.owned and server.pid != pid and server.ping()
    server.stop()


def test_queued_messages_survive_a_clean_restart(data_dir: Path) -> None:
    first = start_embedded_redis(data_dir)
    first.client().lpush("celery", b"message-1", b"message-2")
    first.stop()

    second = start_embedded_redis(data_dir)
    assert second.client().lrange("celery", 0, -1) == [b"message-2", b"message-1"]
    second.stop()


def test_ensure_owns_only_the_server_it_started(data_dir: Path) -> None:
    first = ensure_embedded_redis(data_dir)
    second = ensure_embedded_redis(data_dir)
    assert (first.owned, second.owned) == (True, False)
    assert second.pid == first.pid
    second.stop()
    assert first.ping()
    first.stop()
    assert not first.ping()


def test_stop_embedded_redis_ends_the_server_whoever_started_it(data_dir: Path) -> None:
    script = PRINT_PID
    subprocess.run([sys.executable, "-c", script, str(data_dir)], check=True, capture_output=True, timeout=30)
    handle = ensure_embedded_redis(data_dir)
    assert not handle.owned and handle.ping(), "the server outlives the process that started it"
    assert stop_embedded_redis(data_dir) is True
    assert not handle.ping()
    assert stop_embedded_redis(data_dir) is False


def test_long_data_dir_puts_the_socket_in_a_short_temp_path() -> None:
    with tempfile.TemporaryDirectory(prefix="sw-broker-") as name:
        deep = Path(name) / ("d" * 60) / ("e" * 60)
        server = start_embedded_redis(deep)
        try:
            assert server.socket_path.parent != deep
            assert len(str(server.socket_path)) <= 100
            assert server.ping()
            assert start_embedded_redis(deep).pid == server.pid
            assert server.client().config_get("dir") == {"dir": str(deep)}
        finally:
            server.stop()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis+socket:///run/b/redis.sock", "unix:///run/b/redis.sock"),
        ("redis+socket:///run/b/redis.sock?virtual_host=3", "unix:///run/b/redis.sock?db=3"),
        ("redis://127.0.0.1:6379/5", "redis://127.0.0.1:6379/5"),
    ],
)
def test_redis_py_url_translates_the_socket_form(url: str, expected: str) -> None:
    assert redis_py_url(url) == expected


def test_url_for_db_selects_a_database_for_kombu_and_redis_py(broker: EmbeddedRedis) -> None:
    client = redis.Redis.from_url(redis_py_url(broker.url_for_db(4)))
    client.set("where", "here")
    assert broker.client(db=4).get("where") == b"here"
    assert broker.client(db=0).get("where") is None
    client.close()


@pytest.mark.parametrize("backend", ["same socket url", "rpc://"])
def test_celery_round_trip_through_the_socket(broker: EmbeddedRedis, backend: str) -> None:
    app = Celery("roundtrip", set_as_current=False)
    app.conf.update(
        broker_url=broker.url_for_db(1),
        result_backend=broker.url_for_db(2) if backend == "same socket url" else backend,
        broker_connection_retry_on_startup=False,
        worker_hijack_root_logger=False,
    )

    # Celery warns when two apps register one task name; each case names its own.
    @app.task(name=f"roundtrip.add.{backend.split(':')[0].replace(' ', '_')}")
    def add(x: int, y: int) -> int:
        return x + y

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert add.delay(2, 3).get(timeout=15) == 5
    assert broker.client(db=1).exists("_kombu.binding.celery"), "virtual_host=1 picks the broker's database"
    if backend == "same socket url":
        assert broker.client(db=2).keys("celery-task-meta-*")
    app.close()


@pytest.mark.slow
def test_celery_worker_in_another_process_consumes_from_the_socket(broker: EmbeddedRedis, tmp_path: Path) -> None:
    (tmp_path / "roundtrip_app.py").write_text(
        textwrap.dedent(
            f"""
            from celery import Celery
            app = Celery("roundtrip_app", broker={broker.url!r}, backend={broker.url!r})

            @app.task
            def mul(x, y):
                return x * y
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "roundtrip_app", "worker", "--pool=prefork", "-c", "1",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        sys.path.insert(0, str(tmp_path))
        import roundtrip_app  # noqa: PLC0415

        assert roundtrip_app.mul.delay(6, 7).get(timeout=30) == 42
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("roundtrip_app", None)
        worker.terminate()
        _, errors = worker.communicate(timeout=30)
    assert worker.returncode == 0 or b"Traceback" not in errors, errors.decode()
