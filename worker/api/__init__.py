"""The admin HTTP API: feeds, polls, re-scans, incidents, alerts, subscriptions and deliveries over HTTP."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from worker.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    """Imported on first use, so `sahelwatch --help` does not load the web stack."""
    from worker.api.app import create_app as build

    return build(settings)


__all__ = ["create_app"]
