"""The admin HTTP API: feeds, polls, re-scans, incidents, alerts, subscriptions and deliveries over HTTP."""

from worker.api.app import create_app

__all__ = ["create_app"]
