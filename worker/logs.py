"""Logging as text or, with JSON_LOGS, one JSON object per line."""

from __future__ import annotations

import logging

from worker.settings import Settings


def json_formatter() -> logging.Formatter:
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(processName)s %(message)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"})


def use_json_if_configured(logger: object = None, settings: Settings | None = None) -> None:
    settings = settings or Settings()
    if not settings.json_logs:
        return
    target = logger if isinstance(logger, logging.Logger) else logging.getLogger()
    for handler in target.handlers or logging.getLogger().handlers:
        handler.setFormatter(json_formatter())
