"""make_celery(settings): queues, routes, the beat schedule and at-least-once defaults in one place."""

from __future__ import annotations

from enum import StrEnum

from celery import Celery
from celery.signals import (
    after_setup_logger, after_setup_task_logger, worker_init, worker_process_init, worker_process_shutdown, worker_ready,
)
from kombu import Exchange
from kombu import Queue as KombuQueue

from worker.settings import Settings


class Queue(StrEnum):
    FEEDS = "feeds"
    """Feed polls and the every-minute dispatcher: many short, I/O-bound tasks."""
    ARTICLES = "articles"
    """Fetch + extract + tag + store of one entry: CPU-heavy (trafilatura), time-limited."""
    ALERTS = "alerts"
    """Webhook deliveries: their own retry life, never stuck behind article work."""
    ADMIN = "admin"
    """Re-scans and other bulk admin work, kept apart so it never starves live polling."""


TASK_ROUTES = {
    name: {"queue": queue.value, "exchange": queue.value, "routing_key": queue.value}
    for name, queue in (
        ("sahelwatch.dispatch", Queue.FEEDS),
        ("sahelwatch.refresh_feed", Queue.FEEDS),
        ("sahelwatch.process_entry", Queue.ARTICLES),
        ("sahelwatch.deliver", Queue.ALERTS),
        ("sahelwatch.rescan_chunk", Queue.ADMIN),
    )
}


def broker_url(settings: Settings) -> str:
    """The configured broker, or the embedded one (started on first use, then reused)."""
    if not settings.uses_embedded_broker:
        return settings.broker_url
    from worker.embedded import ensure_embedded_redis

    return ensure_embedded_redis(settings.data_dir).url


def make_celery(settings: Settings, *, broker: str | None = None) -> Celery:
    app = Celery("sahelwatch", broker=broker or broker_url(settings),
                 include=["tasks.feeds", "tasks.articles", "tasks.delivery", "tasks.admin"])
    app.conf.update(
        # One direct exchange per queue, so a message lands in exactly one queue.
        task_queues=[KombuQueue(q.value, Exchange(q.value, type="direct"), routing_key=q.value) for q in Queue],
        task_default_queue=Queue.FEEDS.value,
        task_routes=TASK_ROUTES,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        # At-least-once: a task is acknowledged only when it has finished, and re-queued if its
        # process dies; every task is idempotent, so running twice writes nothing twice.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_max_tasks_per_child=500,  # bounds memory growth from trafilatura/lxml
        broker_transport_options={"visibility_timeout": settings.visibility_timeout},
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        # trafilatura does not bound its own run time: the soft limit raises inside the task
        # (recorded on the entry), the hard limit replaces a stuck child process.
        task_annotations={
            "sahelwatch.process_entry": {
                "soft_time_limit": int(settings.article_time_limit * 0.8),
                "time_limit": settings.article_time_limit,
            }
        },
        beat_schedule={
            "dispatch-due-work": {"task": "sahelwatch.dispatch", "schedule": settings.dispatch_interval},
        },
        timezone="UTC",
    )
    app.sahelwatch_settings = settings  # type: ignore[attr-defined]
    return app


@worker_init.connect
def _warm_before_fork(sender: object = None, **_kwargs: object) -> None:
    """Tagger data and trafilatura loaded once in the parent, shared by every pool child."""
    from worker.warmup import warm_if_consuming

    app = getattr(sender, "app", None)
    consumed = getattr(getattr(app, "amqp", None), "queues", None)
    names = set((consumed.consume_from or {}).keys()) if consumed is not None else set()
    warm_if_consuming(names)


@worker_process_init.connect
def _fresh_connections(**_kwargs: object) -> None:
    """A forked child must not share the parent's database sockets."""
    from worker.db.session import dispose_engines

    dispose_engines()


@worker_process_shutdown.connect
def _forget_child_metrics(pid: int | None = None, **_kwargs: object) -> None:
    import os

    from worker.metrics import mark_process_dead

    mark_process_dead(pid or os.getpid())


@worker_ready.connect
def _serve_metrics(sender: object = None, **_kwargs: object) -> None:
    """Each worker host can expose /metrics for Prometheus (METRICS_PORT)."""
    settings = getattr(getattr(sender, "app", None), "sahelwatch_settings", None)
    if settings is None or not settings.metrics_port:
        return
    from prometheus_client import CollectorRegistry, multiprocess, start_http_server

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    start_http_server(settings.metrics_port, registry=registry)


@after_setup_logger.connect
@after_setup_task_logger.connect
def _json_logs(logger: object = None, **_kwargs: object) -> None:
    """JSON_LOGS: one JSON object per line, for log pipelines (Loki, ELK...)."""
    from worker.logs import use_json_if_configured

    use_json_if_configured(logger)
