"""`/health` for load balancers (no token) and `/metrics` for Prometheus (token like every other route)."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import func, select, text

from worker.api.auth import require_token
from worker.api.deps import get_settings
from worker.api.queues import QUEUES, broker_state
from worker.api.schemas import Health
from worker.db.models import Feed
from worker.db.session import session_scope
from worker.incidents.build import iso
from worker.settings import Settings

router = APIRouter(tags=["health"])


def database_state(settings: Settings) -> tuple[bool, str | None, str | None]:
    """(reachable, last successful poll, problem)."""
    try:
        with session_scope(settings.database_url) as session:
            session.execute(text("SELECT 1"))
            last = session.scalar(select(func.max(Feed.last_success_at)))
        return True, iso(last), None
    except Exception as exc:  # any driver error means the same to a load balancer
        return False, None, f"the database is unreachable: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}"


@router.get("/health", response_model=Health, responses={503: {"model": Health, "description": "Unhealthy, with reasons."}})
def health(settings: Settings = Depends(get_settings)) -> JSONResponse:
    """Database and broker reachable, queue depths and the last successful poll; 503 with reasons if not healthy."""
    db_ok, last_poll, db_problem = database_state(settings)
    broker = broker_state(settings)
    reasons = [r for r in (db_problem, broker.error) if r]
    body = Health(status="ok" if not reasons else "unhealthy", reasons=reasons, database=db_ok, broker=broker.reachable,
                  queues=broker.depths, last_successful_poll=last_poll)
    return JSONResponse(body.model_dump(), status_code=200 if not reasons else 503)


class QueueDepths:
    """A collector read at scrape time: queue depths are the broker's to know, not a stored counter."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def collect(self) -> Iterator[object]:
        from prometheus_client.core import GaugeMetricFamily

        state = broker_state(self.settings)
        depth = GaugeMetricFamily("sahelwatch_queue_depth", "Tasks waiting in each broker queue.", labels=["queue"])
        for name in QUEUES:
            if name in state.depths:
                depth.add_metric([name], state.depths[name])
        yield depth
        yield GaugeMetricFamily("sahelwatch_broker_up", "1 when the broker answered this scrape.", value=int(state.reachable))


@router.get("/metrics", dependencies=[Depends(require_token)], response_class=Response,
            responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text exposition."}})
def metrics(settings: Settings = Depends(get_settings)) -> Response:
    """Every process's metrics plus the queue depths measured now."""
    from prometheus_client import CollectorRegistry, generate_latest

    from worker.metrics import render

    shared, content_type = render()
    registry = CollectorRegistry()
    registry.register(QueueDepths(settings))  # type: ignore[arg-type]
    return Response(shared + generate_latest(registry), media_type=content_type)
