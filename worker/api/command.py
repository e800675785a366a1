"""`sahelwatch api`: serve the admin API with uvicorn."""

from __future__ import annotations

import click


@click.command("api")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def api_command(host: str, port: int) -> None:
    """Serve the admin HTTP API (needs SAHELWATCH_ADMIN_TOKEN; its OpenAPI schema is at /openapi.json)."""
    # Imported late: worker.cli imports this module to register the command.
    from worker.cli import load_settings, ready_database
    from worker.metrics import enable

    settings = load_settings()
    if not settings.admin_token.strip():
        raise click.ClickException(
            "the admin API needs an admin token: set SAHELWATCH_ADMIN_TOKEN to a long random string "
            "(and SAHELWATCH_READONLY_TOKEN for read-only access)")
    enable(settings)  # before anything imports prometheus_client: it picks multiprocess mode at import
    ready_database(settings)
    import uvicorn

    from worker.api.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
