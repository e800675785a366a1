"""Per-host limits shared through Redis: at most N requests in flight, one start per interval, bounded waits."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable

import pytest

from tests.fixtures.httpserver import Request, Response
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.net.politeness import HostBusy, host_turn
from worker.settings import Settings


def settings(broker_url: str = "", **overrides: object) -> Settings:
    base: dict[str, object] = dict(allow_private_networks=True, connect_timeout=2, read_timeout=5, total_timeout=10,
                                   broker_url=broker_url, _env_file=None)
    base.update(overrides)
    return Settings(**base)


class Recorder:
    """A route that records when each request started and ended, as the server saw it."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.spans: list[tuple[float, float]] = []
        self._lock = threading.Lock()

    def __call__(self, _request: Request) -> Response:
        start = time.monotonic()
        time.sleep(self.hold)
        with self._lock:
            self.spans.append((start, time.monotonic()))
        return Response(b"ok")

    def most_in_flight(self) -> int:
        events = sorted([(s, 1) for s, _ in self.spans] + [(e, -1) for _, e in self.spans], key=lambda x: (x[0], x[1]))
        level = peak = 0
        for _, step in events:
            level += step
            peak = max(peak, level)
        return peak

    def start_gaps(self) -> list[float]:
        starts = sorted(s for s, _ in self.spans)
        return [b - a for a, b in zip(starts, starts[1:])]


def in_threads(count: int, work: Callable[[], object]) -> list[BaseException]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


@pytest.fixture(params=["redis", "in-process"])
def broker(request: pytest.FixtureRequest) -> str:
    if request.param == "in-process":
        return ""
    request.getfixturevalue("clean_redis")
    return request.getfixturevalue("redis_url")


def test_requests_to_one_host_never_exceed_the_concurrency_cap(http_server, broker: str):
    recorder = Recorder(hold=0.3)
    http_server.route_handler("/slow", recorder)
    config = settings(broker, per_host_concurrency=2, per_host_interval=0)
    assert in_threads(6, lambda: fetch(http_server.url("/slow"), config, max_bytes=100)) == []
    assert len(recorder.spans) == 6
    assert recorder.most_in_flight() == 2


def test_requests_to_one_host_start_at_least_one_interval_apart(http_server, broker: str):
    recorder = Recorder(hold=0.0)
    http_server.route_handler("/quick", recorder)
    config = settings(broker, per_host_concurrency=8, per_host_interval=0.25)
    assert in_threads(4, lambda: fetch(http_server.url("/quick"), config, max_bytes=100)) == []
    assert len(recorder.spans) == 4
    assert min(recorder.start_gaps()) >= 0.2  # server-side clocks: a little slack for scheduling


def test_a_worker_gives_up_with_host_busy_instead_of_waiting_forever(http_server, broker: str):
    http_server.route_handler("/hog", Recorder(hold=1.5))
    config = settings(broker, per_host_concurrency=1, per_host_interval=0)
    holder = threading.Thread(target=fetch, args=(http_server.url("/hog"), config), kwargs={"max_bytes": 100})
    holder.start()
    time.sleep(0.3)
    started = time.monotonic()
    with pytest.raises(HostBusy, match=r"^host busy: no turn for 127\.0\.0\.1 within 0\.5 s"):
        fetch(http_server.url("/hog"), config, max_bytes=100, max_host_wait=0.5)
    assert time.monotonic() - started < 1.2
    holder.join(10)
    assert issubclass(HostBusy, FetchError)


def test_a_redirect_on_the_same_host_does_not_wait_out_the_interval_again(http_server):
    http_server.route("/old", b"", status=301, headers={"Location": "/new"})
    http_server.route("/new", b"here")
    config = settings(per_host_concurrency=1, per_host_interval=2)
    started = time.monotonic()
    assert fetch(http_server.url("/old"), config, max_bytes=100).content == b"here"
    assert time.monotonic() - started < 1.5


def test_a_lease_of_a_dead_worker_lapses(clean_redis, redis_url: str):
    config = settings(redis_url, per_host_concurrency=1, per_host_interval=0, total_timeout=0.2)
    from worker.net import politeness

    politeness.LEASE_SLACK, slack = 0.1, politeness.LEASE_SLACK
    try:
        turn = host_turn("dead.example", config)
        turn.__enter__()  # taken and never given back, as by a killed process
        with host_turn("dead.example", config, max_wait=2):
            pass
    finally:
        politeness.LEASE_SLACK = slack


def _fetch_in_child(url: str, broker_url: str, results: multiprocessing.Queue) -> None:
    config = settings(broker_url, per_host_concurrency=1, per_host_interval=0.2)
    for _ in range(3):
        results.put(fetch(url, config, max_bytes=100).status)


def test_separate_processes_share_the_limits_through_redis(http_server, clean_redis, redis_url: str):
    recorder = Recorder(hold=0.1)
    http_server.route_handler("/shared", recorder)
    results: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()
    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_fetch_in_child, args=(http_server.url("/shared"), redis_url, results))
                for _ in range(2)]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
    assert [child.exitcode for child in children] == [0, 0]
    assert len(recorder.spans) == 6
    assert recorder.most_in_flight() == 1
    assert min(recorder.start_gaps()) >= 0.15


def test_waiting_for_a_turn_does_not_eat_the_download_time_limit(http_server):
    http_server.route("/page", b"ok")
    config = settings(per_host_concurrency=1, per_host_interval=0, total_timeout=0.5)
    release = threading.Event()

    def hold_the_only_slot() -> None:
        with host_turn("127.0.0.1", config):
            release.wait(5)

    holder = threading.Thread(target=hold_the_only_slot)
    holder.start()
    threading.Timer(1.0, release.set).start()
    time.sleep(0.1)
    started = time.monotonic()
    assert fetch(http_server.url("/page"), config, max_bytes=100, max_host_wait=5).content == b"ok"
    assert time.monotonic() - started >= 0.8
    holder.join(5)
