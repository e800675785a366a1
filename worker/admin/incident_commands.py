"""`sahelwatch incidents`: list incidents and correct them (review, merge, split) from the shell.

Corrections are announced to subscribers: the deliveries they create are enqueued once the
transaction has committed, and the dispatcher finds them later if the broker is down.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone

import click
from sqlalchemy.orm import Session

from worker.incidents.review import (
    REVIEW_STATES,
    Correction,
    IncidentConflict,
    IncidentNotFound,
    merge_incidents,
    set_review,
    split_incident,
    visible_incidents,
)
from worker.settings import Settings


def _settings_and_db() -> Settings:
    # Imported late: worker.cli imports this module to register the group.
    from worker.cli import load_settings, ready_database

    settings = load_settings()
    ready_database(settings)
    return settings


def _correct(action: Callable[[Session, datetime], Correction]) -> Correction:
    """Run one correction in a transaction, then enqueue its deliveries."""
    from worker.admin.processes import enqueue
    from worker.db.session import session_scope

    settings = _settings_and_db()
    try:
        with session_scope(settings.database_url) as session:
            outcome = action(session, datetime.now(timezone.utc))
    except (IncidentNotFound, IncidentConflict, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    try:
        enqueue(settings, "sahelwatch.deliver", outcome.delivery_ids)
    except Exception as exc:  # the deliveries are stored: the dispatcher sends them later
        click.echo(f"warning: could not reach the broker ({exc}); deliveries will be sent by the dispatcher", err=True)
    return outcome


def _say(outcome: Correction, done: str) -> None:
    if not outcome.changed:
        click.echo(f"nothing to do: {outcome.incident} is already {done}")
        return
    click.echo(f"{outcome.incident}: {done}; {len(outcome.delivery_ids)} delivery(ies) queued")


@click.group("incidents")
def incidents_group() -> None:
    """List incidents and correct them: review, merge, split."""


@incidents_group.command("list")
@click.option("--since", help="Only incidents changed since then (2024-05-01, '2 days ago').")
@click.option("--country", help="ISO country code, e.g. ML.")
@click.option("--json", "as_json", is_flag=True, help="One JSON record per incident, per line.")
def list_incidents(since: str | None, country: str | None, as_json: bool) -> None:
    """Incidents, latest change first; those merged into another are hidden."""
    from rich.console import Console
    from rich.table import Table

    from worker.cli import parse_since
    from worker.db.session import session_scope

    settings = _settings_and_db()
    with session_scope(settings.database_url) as session:
        records = visible_incidents(session, since=parse_since(since), country=country, limit=10_000)
    if as_json:
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    table = Table("id", "date", "review", "toll", "sources", "title")
    for r in records:
        table.add_row(r.get("id", ""), r.get("date") or "?", r.get("review") or "", str(r.get("fatalities") or "-"),
                      str(len(r.get("sources") or [])), r.get("title") or "")
    Console().print(table)


@incidents_group.command("review")
@click.argument("incident_id")
@click.argument("state", type=click.Choice(REVIEW_STATES))
def review(incident_id: str, state: str) -> None:
    """Mark an incident confirmed, disputed, false or unreviewed (subscribers get an update)."""
    outcome = _correct(lambda session, now: set_review(session, incident_id, state, now))
    _say(outcome, state)


@incidents_group.command("merge")
@click.argument("source_id")
@click.argument("into_id")
def merge(source_id: str, into_id: str) -> None:
    """Merge SOURCE_ID into INTO_ID: its reports move over and it is hidden."""
    outcome = _correct(lambda session, now: merge_incidents(session, source_id, into_id, now))
    _say(outcome, f"holding the reports of {source_id}")


@incidents_group.command("split")
@click.argument("incident_id")
@click.argument("article_ids", nargs=-1, type=int, required=True)
def split(incident_id: str, article_ids: tuple[int, ...]) -> None:
    """Move the reports of ARTICLE_IDS out of INCIDENT_ID into a new incident."""
    outcome = _correct(lambda session, now: split_incident(session, incident_id, list(article_ids), now))
    if outcome.changed:
        click.echo(f"split {outcome.created} off {outcome.incident}; {len(outcome.delivery_ids)} delivery(ies) queued")
    else:
        click.echo(f"nothing to do: those articles are already split off into {outcome.created}")
