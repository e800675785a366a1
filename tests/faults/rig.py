"""Fault injection against real services: a worker killed mid-batch, Redis and PostgreSQL
restarted mid-run, a webhook receiver down for several retries.

Every test ends with the same check (``assert_exactly_once``): each article processed
once, each incident alerted once, each alert delivered once per endpoint, and the
receiver's successful deliveries carrying exactly the stored alerts' ``webhook-id``s.

Recovery runs on the real timers, lowered: the broker's visibility timeout, the
dispatcher every second, REQUEUE_AFTER for entries whose message was lost, the article
lease (ARTICLE_TIME_LIMIT + 15 s) for entries whose task died. Only a delivery's lease
(WEBHOOK_TIMEOUT + 60 s) is longer than a test may wait: ``fast_forward`` moves it back
instead of sleeping it, and only for rows no live task can hold.
"""

from __future__ import annotations

import html
import os
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import func, select, update

from tests.fixtures.httpserver import Request, Response, TestHTTPServer
from tests.fixtures.webhooks import WebhookReceiver
from tests.pipeline import wipe_database
from worker.admin.processes import celery_command, child_env, workers_answering
from worker.app import make_celery
from worker.db.migrate import upgrade
from worker.db.models import Alert, Article, Delivery, DeliveryAttempt, Entry, Incident
from worker.db.session import session_scope
from worker.feeds.store import add_feed
from worker.admin.endpoints import add_endpoint
from worker.settings import Settings

VISIBILITY_TIMEOUT = 5
ARTICLE_TIME_LIMIT = 5
PAGE_DELAY = 1.0
REQUEUE_AFTER = 3
ARTICLE_LEASE = timedelta(seconds=ARTICLE_TIME_LIMIT + 15)  # as worker.flow.process_entry claims an entry
WEBHOOK_TIMEOUT = 2
DELIVERY_LEASE = timedelta(seconds=WEBHOOK_TIMEOUT + 60)  # as worker.flow.deliver claims a delivery

# Low timers so recovery paths run within seconds; the dispatcher runs every second.
WORKER_ENV = {
    "SAHELWATCH_ALLOW_PRIVATE_NETWORKS": "true",
    "SAHELWATCH_PER_HOST_INTERVAL": "0",  # every test server is 127.0.0.1: one host
    "SAHELWATCH_PER_HOST_CONCURRENCY": "16",
    "SAHELWATCH_RESPECT_ROBOTS_TXT": "false",
    "SAHELWATCH_WEBHOOK_TIMEOUT": str(WEBHOOK_TIMEOUT),
    "SAHELWATCH_WEBHOOK_RETRY_SCHEDULE": "0.5,1,2",
    "SAHELWATCH_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
    "SAHELWATCH_ARTICLE_TIME_LIMIT": str(ARTICLE_TIME_LIMIT),
    "SAHELWATCH_DISPATCH_INTERVAL": "1",
    "SAHELWATCH_REQUEUE_AFTER": str(REQUEUE_AFTER),
}

# Ten towns far enough apart (> INCIDENT_DISTANCE_KM) to be ten incidents.
TOWNS = [
    ("Menaka", "Mali", "en"), ("Djibo", "Burkina Faso", "fr"), ("Tillabéri", "Niger", "en"),
    ("Gao", "Mali", "fr"), ("Dori", "Burkina Faso", "en"), ("Diffa", "Niger", "fr"),
    ("Timbuktu", "Mali", "en"), ("Fada N'Gourma", "Burkina Faso", "fr"), ("Bol", "Chad", "en"),
    ("Kidal", "Mali", "fr"), ("Ouahigouya", "Burkina Faso", "en"), ("Tahoua", "Niger", "fr"),
]

EN_EXTRA = [
    "Residents said the shooting lasted for more than two hours before the assailants fled towards the border.",
    "The regional governor visited the wounded at the district hospital on Wednesday.",
    "Humanitarian groups said hundreds of families had left nearby villages since the start of the year.",
    "Local radio reported that the market would stay closed for the rest of the week.",
    "Security analysts said the area had seen a rise in attacks on isolated army positions.",
    "A curfew was declared in the town and the surrounding districts until further notice.",
]
FR_EXTRA = [
    "Selon des habitants, les tirs ont duré plus de deux heures avant la fuite des assaillants vers la frontière.",
    "Le gouverneur de la région s'est rendu mercredi au chevet des blessés à l'hôpital du district.",
    "Des organisations humanitaires indiquent que des centaines de familles ont quitté les villages voisins.",
    "La radio locale a annoncé que le marché resterait fermé jusqu'à la fin de la semaine.",
    "Un couvre-feu a été décrété dans la ville et les communes environnantes jusqu'à nouvel ordre.",
    "Des renforts ont été dépêchés sur place et une opération de ratissage est en cours.",
]


def incident_page(index: int) -> tuple[str, str]:
    """(title, html) of a distinct incident report, English or French, with page boilerplate."""
    town, country, language = TOWNS[index]
    toll = 7 + 3 * index
    extra = (EN_EXTRA if language == "en" else FR_EXTRA)
    picked = [extra[(index + k) % len(extra)] for k in range(3)]
    if language == "en":
        title = f"{toll} soldiers killed in attack near {town}"
        lead = (f"At least {toll} soldiers were killed on Tuesday when gunmen attacked an army post near {town}, "
                f"in {country}, officials said.")
        close = "No group has claimed responsibility for the attack."
    else:
        title = f"{toll} soldats tués dans une attaque près de {town}"
        lead = (f"Au moins {toll} soldats ont été tués mardi lorsque des hommes armés ont attaqué un poste de "
                f"l'armée près de {town}, au {country}, selon des sources officielles.")
        close = "L'attaque n'a pas été revendiquée."
    paragraphs = "".join(f"<p>{text}</p>" for text in [lead, *picked, close])
    page = (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            '<nav><a href="/">Home</a> <a href="/africa">Africa</a> <a href="/sport">Sport</a></nav>'
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            '<aside><h2>Most read</h2><ul><li><a href="/x">Markets close higher</a></li></ul></aside>'
            "<footer>© Example News. All rights reserved.</footer></body></html>")
    return title, page


def serve_incidents(server: TestHTTPServer, count: int, *, delay: float = PAGE_DELAY, prefix: str = "f") -> str:
    """A feed of ``count`` incident reports whose pages each take ``delay`` seconds to answer."""
    items = []
    for index in range(count):
        title, page = incident_page(index)
        path = f"/{prefix}/story-{index}.html"
        server.route_handler(path, _slow(page, delay))
        items.append((f"{prefix}-{index}", title, server.url(path)))
    server.route(f"/{prefix}/feed.xml", fresh_rss(items), headers={"Content-Type": "application/rss+xml"})
    return server.url(f"/{prefix}/feed.xml")


def fresh_rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 document whose items were published minutes ago (an old feed would be 'silent')."""
    now = utcnow()
    body = "".join(
        f"<item><guid>{html.escape(guid)}</guid><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>{format_datetime(now - timedelta(minutes=5 * n), usegmt=True)}</pubDate></item>"
        for n, (guid, title, link) in enumerate(items)
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'


def _slow(page: str, delay: float) -> Callable[[Request], Response]:
    def handle(_request: Request) -> Response:
        time.sleep(delay)
        return Response(body=page, headers={"Content-Type": "text/html; charset=utf-8"})

    return handle


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Worker:
    """One `celery worker --beat` in its own process group, so the whole tree can be SIGKILLed."""

    settings: Settings
    broker_url: str
    schedule: Path
    overrides: dict[str, str] = field(default_factory=dict)
    concurrency: int = 2
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    def start(self, timeout: float = 60) -> Worker:
        env = child_env(self.settings, self.broker_url, {**WORKER_ENV, **self.overrides})
        command = celery_command("worker", concurrency=self.concurrency, beat=True, schedule=self.schedule,
                                 loglevel="INFO")
        self.log = self.schedule.with_name(f"worker-{time.monotonic_ns()}.log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, env=env, start_new_session=True, stdout=log, stderr=log)
        app = make_celery(self.settings, broker=self.broker_url)
        deadline = time.monotonic() + timeout
        while not workers_answering(app):
            assert self.process.poll() is None, f"worker exited with {self.process.returncode}"
            assert time.monotonic() < deadline, f"worker did not answer within {timeout} s"
            time.sleep(0.2)
        return self

    def kill(self) -> None:
        """SIGKILL the worker's whole process group: main process, pool children, beat."""
        assert self.process is not None
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(10)

    def stop(self, timeout: float = 20) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # warm shutdown
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()


@dataclass
class Rig:
    """Database, broker, a worker factory and the ids the test created."""

    settings: Settings
    broker_url: str
    tmp: Path
    workers: list[Worker] = field(default_factory=list)

    @property
    def db(self) -> str:
        return self.settings.database_url

    def worker(self, **overrides: str) -> Worker:
        started = Worker(self.settings, self.broker_url, self.tmp / "beat-schedule", dict(overrides)).start()
        self.workers.append(started)
        return started

    def worker_app(self):
        """A Celery app on the rig's broker, to send tasks as the CLI would."""
        return make_celery(self.settings, broker=self.broker_url)

    def session(self):
        return session_scope(self.db)

    @staticmethod
    def attempts(session) -> list[int]:
        return list(session.scalars(select(Entry.attempts)))

    def add_feed(self, url: str) -> int:
        with session_scope(self.db) as session:
            feed, _ = add_feed(session, url, name=None, interval_minutes=60, language=None, now=utcnow())
            return feed.id

    def add_endpoint(self, receiver_url: str, secret: str) -> int:
        endpoint_id, _, _ = add_endpoint(self.db, receiver_url, secret=secret, name=None, rules={}, kind="generic")
        return endpoint_id

    def entry_statuses(self) -> Counter[str]:
        with session_scope(self.db) as session:
            return Counter(dict(session.execute(select(Entry.status, func.count()).group_by(Entry.status)).all()))

    def wait(self, condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.2) -> float:
        """Seconds it took until ``condition()``; fails with ``what`` and the entry statuses after ``timeout``."""
        started = time.monotonic()
        last_error: Exception | None = None
        while time.monotonic() - started < timeout:
            try:
                if condition():
                    return time.monotonic() - started
                last_error = None
            except Exception as exc:  # a database being restarted: keep asking
                last_error = exc
            time.sleep(interval)
        logs = ", ".join(str(w.log) for w in self.workers)
        raise AssertionError(f"{what} not reached within {timeout:g} s: {self.summary()}; last error {last_error!r}; "
                             f"worker logs: {logs}")

    def summary(self) -> dict[str, object]:
        """Rows by status, for failure messages and the test's report."""
        with session_scope(self.db) as session:
            return {
                "entries": dict(self.entry_statuses()),
                "articles": session.scalar(select(func.count()).select_from(Article)),
                "incidents": session.scalar(select(func.count()).select_from(Incident)),
                "alerts": dict(session.execute(select(Alert.type, func.count()).group_by(Alert.type)).all()),
                "deliveries": dict(session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all()),
            }

    def orphans(self) -> list[int]:
        """Entries left in 'processing' (read when no worker runs: their tasks are dead)."""
        with session_scope(self.db) as session:
            return list(session.scalars(select(Entry.id).where(Entry.status == "processing")))

    def orphans_claimed_before(self, moment: datetime) -> list[int]:
        """Entries in 'processing' whose claim is older than ``moment``."""
        lease = ARTICLE_LEASE
        with session_scope(self.db) as session:
            rows = session.execute(select(Entry.id, Entry.lease_until).where(Entry.status == "processing")).all()
        return [entry_id for entry_id, lease_until in rows if lease_until is not None and lease_until - lease < moment]

    def seconds_until_leases_end(self, entry_ids: list[int]) -> float:
        """How long until the last of these entries' leases runs out (0 if none holds one)."""
        with session_scope(self.db) as session:
            leases = [lease for lease in session.scalars(select(Entry.lease_until).where(Entry.id.in_(entry_ids)))
                      if lease is not None]
        return max([(lease - utcnow()).total_seconds() for lease in leases] + [0.0])

    def sending(self) -> int:
        with session_scope(self.db) as session:
            return session.scalar(select(func.count()).select_from(Delivery).where(Delivery.status == "sending")) or 0

    def settled(self, entries: int, endpoints: int = 1, exclude: list[int] = ()) -> bool:
        """``entries`` entries done (not counting ``exclude``) and every delivery final."""
        with session_scope(self.db) as session:
            done = session.scalar(select(func.count()).select_from(Entry)
                                  .where(Entry.status == "done", Entry.id.not_in(list(exclude)))) or 0
            open_deliveries = session.scalar(select(func.count()).select_from(Delivery)
                                             .where(Delivery.status.in_(("pending", "sending")))) or 0
            alerts = session.scalar(select(func.count()).select_from(Alert).where(Alert.incident_id.is_not(None))) or 0
            deliveries = session.scalar(select(func.count()).select_from(Delivery)) or 0
        return done == entries and open_deliveries == 0 and deliveries == alerts * endpoints

    def fast_forward_deliveries(self, seconds: float, claimed_before: datetime | None = None) -> int:
        """Move the leases of deliveries left in 'sending' ``seconds`` back, as if that much time had
        passed. Only for rows no live task holds: call it when no worker runs, or give
        ``claimed_before``, a moment after which every task that claimed earlier has ended."""
        shift = timedelta(seconds=seconds)
        with session_scope(self.db) as session:
            sending = session.execute(select(Delivery.id, Delivery.next_attempt_at)
                                      .where(Delivery.status == "sending")).all()
            moved = 0
            for delivery_id, next_at in sending:
                if claimed_before is not None and next_at - DELIVERY_LEASE >= claimed_before:
                    continue
                session.execute(update(Delivery).where(Delivery.id == delivery_id, Delivery.next_attempt_at == next_at)
                                .values(next_attempt_at=next_at - shift))
                moved += 1
        return moved

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()
            if worker.process is not None and worker.process.poll() is None:
                worker.kill()


def make_rig(database_url: str, broker_url: str, tmp: Path) -> Rig:
    settings = Settings(database_url=database_url, broker_url=broker_url, data_dir=tmp, allow_private_networks=True,
                        visibility_timeout=VISIBILITY_TIMEOUT, article_time_limit=ARTICLE_TIME_LIMIT,
                        _env_file=None)
    upgrade(database_url)
    wipe_database(database_url)
    return Rig(settings, broker_url, tmp)


def assert_exactly_once(rig: Rig, receivers: list[WebhookReceiver], entries: int, *,
                        interrupted_at: float | None = None) -> dict[str, int]:
    """The invariant every fault test ends with; returns the counts for the report.

    ``interrupted_at`` (time.time()), the end of the fault: a receiver may have answered 200 to an
    attempt whose sender died (or lost its database) before recording it; such an at-least-once
    retry shows as a second successful delivery of the same webhook-id, the first one before
    ``interrupted_at`` and the retry after it. The database must still hold one success.
    """
    with session_scope(rig.db) as session:
        entry_rows = session.scalars(select(Entry)).all()
        articles = session.scalar(select(func.count()).select_from(Article)) or 0
        incidents = session.scalars(select(Incident)).all()
        alerts = session.scalars(select(Alert).where(Alert.incident_id.is_not(None))).all()
        deliveries = session.scalars(select(Delivery)).all()
        succeeded_attempts = Counter(session.scalars(
            select(DeliveryAttempt.delivery_id).where(DeliveryAttempt.status_code >= 200, DeliveryAttempt.status_code < 300)))
    assert len(entry_rows) == entries
    assert Counter(e.status for e in entry_rows) == {"done": entries}, [(e.id, e.status, e.last_error) for e in entry_rows]
    assert len({e.article_id for e in entry_rows}) == entries and articles == entries  # one article per entry
    assert len(incidents) == entries  # distinct towns: one incident each
    kinds = Counter((a.incident_id, a.type) for a in alerts)
    assert all(count == 1 for count in kinds.values()), kinds
    assert sorted(incident_id for incident_id, kind in kinds if kind == "incident.created") == sorted(i.id for i in incidents)
    assert len(deliveries) == len(alerts) * len(receivers)
    assert len({(d.alert_id, d.endpoint_id) for d in deliveries}) == len(deliveries)
    assert {d.status for d in deliveries} == {"succeeded"}
    assert all(succeeded_attempts[d.id] == 1 for d in deliveries), succeeded_attempts
    expected_ids = sorted(a.message_id for a in alerts)
    for receiver in receivers:
        ok = receiver.successful()
        assert all(d.signature_valid for d in ok)
        assert sorted(set(d.webhook_id for d in ok)) == expected_ids
        for webhook_id, count in Counter(d.webhook_id for d in ok).items():
            if count > 1:  # only an attempt cut short by the fault may have been answered before
                times = sorted(d.received_at for d in ok if d.webhook_id == webhook_id)
                assert interrupted_at is not None and count == 2 and times[0] < interrupted_at < times[1], (
                    f"{webhook_id} delivered {count} times at {times}")
    return {"entries": len(entry_rows), "articles": articles, "incidents": len(incidents), "alerts": len(alerts),
            "deliveries": len(deliveries),
            "received_ok": sum(len(r.successful()) for r in receivers)}
