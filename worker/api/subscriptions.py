"""`/api/v1/subscriptions`: webhook endpoints. URLs are shown redacted and secrets never, but once."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Response
from fastapi.responses import JSONResponse

from worker.admin.endpoints import EndpointError, add_endpoint
from worker.admin.views import endpoint_rows
from worker.api.deps import get_settings
from worker.api.schemas import MAX_ID, Subscription, SubscriptionAdded, SubscriptionIn
from worker.db.models import WebhookEndpoint
from worker.db.session import session_scope
from worker.settings import Settings

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"])
SubscriptionId = Path(ge=1, le=MAX_ID)
NOT_FOUND = {404: {"description": "No such subscription."}}


def one_subscription(settings: Settings, endpoint_id: int) -> dict[str, Any]:
    row = next((r for r in endpoint_rows(settings.database_url) if r["id"] == endpoint_id), None)
    if row is None:
        raise HTTPException(404, f"There is no subscription {endpoint_id}.")
    return row


@router.get("", response_model=list[Subscription])
def list_subscriptions(settings: Settings = Depends(get_settings)) -> list[dict[str, Any]]:
    return endpoint_rows(settings.database_url)


@router.post("", response_model=SubscriptionAdded, status_code=201,
             responses={200: {"model": SubscriptionAdded, "description": "Already subscribed; nothing changed."}})
def create_subscription(body: SubscriptionIn, settings: Settings = Depends(get_settings)) -> JSONResponse:
    """Subscribe a URL. A generated secret is in this answer only: keep it to verify signatures."""
    rules = body.rules.model_dump(exclude_none=True)
    try:
        endpoint_id, secret, created = add_endpoint(settings.database_url, body.url, secret=body.secret,
                                                    name=body.name, rules=rules, kind=body.kind)
    except EndpointError as exc:
        raise HTTPException(422, str(exc)) from None
    shown = secret if created and body.secret is None else None
    row = SubscriptionAdded(**one_subscription(settings, endpoint_id), created=created, secret=shown)
    return JSONResponse(row.model_dump(), status_code=201 if created else 200)


@router.get("/{subscription_id}", response_model=Subscription, responses=NOT_FOUND)
def get_subscription(subscription_id: int = SubscriptionId, settings: Settings = Depends(get_settings)) -> dict[str, Any]:
    return one_subscription(settings, subscription_id)


@router.delete("/{subscription_id}", status_code=204, response_class=Response, responses=NOT_FOUND)
def delete_subscription(subscription_id: int = SubscriptionId, settings: Settings = Depends(get_settings)) -> Response:
    """Unsubscribe: its pending deliveries go with it; alerts stay."""
    with session_scope(settings.database_url) as session:
        row = session.get(WebhookEndpoint, subscription_id)
        if row is None:
            raise HTTPException(404, f"There is no subscription {subscription_id}.")
        session.delete(row)
    return Response(status_code=204)
