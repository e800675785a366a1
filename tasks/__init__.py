"""Celery wiring only: each task loads ids, calls a recipe in worker.flow, enqueues the next step."""

from __future__ import annotations

from celery import Task

from worker.settings import Settings


def settings_of(task: Task) -> Settings:
    return task.app.sahelwatch_settings  # type: ignore[attr-defined,no-any-return]
