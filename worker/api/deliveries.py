"""`/api/v1/deliveries`: each alert to each subscriber, with its attempts; failed ones can be sent again."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from worker.admin.deliveries import delivery_rows, retry_deliveries
from worker.api.deps import get_settings, send_tasks, utcnow
from worker.api.schemas import MAX_ID, Delivery, Retried
from worker.db.models import Delivery as DeliveryRow
from worker.db.session import session_scope
from worker.settings import Settings

router = APIRouter(prefix="/deliveries", tags=["deliveries"])


@router.get("", response_model=list[Delivery])
def list_deliveries(
    status: Annotated[Literal["pending", "sending", "succeeded", "failed"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    settings: Settings = Depends(get_settings),
) -> list[dict[str, Any]]:
    """Newest first; `failed` ones are dead after their last retry."""
    return delivery_rows(settings.database_url, status, limit)


@router.post("/retry-dead", response_model=Retried)
def retry_dead(settings: Settings = Depends(get_settings)) -> Retried:
    """Send every failed delivery again with a fresh retry schedule."""
    ids = retry_deliveries(settings.database_url, utcnow(), dead=True)
    send_tasks(settings, "sahelwatch.deliver", ids)
    return Retried(delivery_ids=ids)


@router.post("/{delivery_id}/retry", response_model=Retried,
             responses={404: {"description": "No such delivery."}, 409: {"description": "It has not failed."}})
def retry_one(delivery_id: Annotated[int, Path(ge=1, le=MAX_ID)], settings: Settings = Depends(get_settings)) -> Retried:
    """Send one failed delivery again with a fresh retry schedule."""
    ids = retry_deliveries(settings.database_url, utcnow(), delivery_id=delivery_id)
    if not ids:
        with session_scope(settings.database_url) as session:
            row = session.get(DeliveryRow, delivery_id)
            if row is None:
                raise HTTPException(404, f"There is no delivery {delivery_id}.")
            raise HTTPException(409, f"Delivery {delivery_id} is {row.status}, not failed; only failed ones are retried.")
    send_tasks(settings, "sahelwatch.deliver", ids)
    return Retried(delivery_ids=ids)
