"""The `sahelwatch` command."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone

import click
from pydantic import ValidationError
from rich.console import Console
from sqlalchemy import select

from worker.settings import Settings

# Wide enough for the alert table when output is piped (rich falls back to 80 columns).
console = Console(width=None if Console().is_terminal else 140)
err = Console(stderr=True)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(f"SAHELWATCH_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        raise click.ClickException(f"bad configuration: {problems}") from None


def ready_database(settings: Settings) -> None:
    """Apply migrations (a no-op when current) and say clearly when the database is unreachable."""
    from sqlalchemy.exc import OperationalError

    from worker.db.migrate import upgrade

    try:
        upgrade(settings.database_url)
    except OperationalError as exc:
        raise click.ClickException(f"cannot open the database {settings.database_url!r}: {exc.orig}") from None


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def parse_since(value: str | None) -> datetime | None:
    if value is None:
        return None
    import dateparser

    when = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC", "TO_TIMEZONE": "UTC"})
    if when is None:
        raise click.BadParameter(f"cannot read {value!r} as a date (try 2024-05-01 or '2 days ago')", param_hint="--since")
    return when


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sahelwatch")
def main() -> None:
    """sahelwatch: watch Sahel security news as it happens.

    Feeds are polled, articles fetched and tagged, and incidents delivered as alerts
    to webhooks. Settings come from SAHELWATCH_* variables or a .env file.
    """


@main.command("init-db")
def init_db() -> None:
    """Create or upgrade the database schema."""
    settings = load_settings()
    ready_database(settings)
    from worker.db.migrate import current_revision

    console.print(f"database ready at revision {current_revision(settings.database_url)}")


# feeds -----------------------------------------------------------------------------------------

@main.group()
def feeds() -> None:
    """Add, list and remove the feeds that are polled."""


@feeds.command("add")
@click.argument("url")
@click.option("--name", help="A readable name for the feed.")
@click.option("--interval", type=click.IntRange(min=1), default=None, help="Minutes between polls.")
@click.option("--language", type=click.Choice(["en", "fr"]), help="Language of its articles, when known.")
def feeds_add(url: str, name: str | None, interval: int | None, language: str | None) -> None:
    """Add a feed by URL (adding it twice changes nothing)."""
    from worker.db.session import session_scope
    from worker.feeds.store import FeedError, add_feed

    settings = load_settings()
    ready_database(settings)
    try:
        with session_scope(settings.database_url) as session:
            feed, created = add_feed(session, url, name=name, interval_minutes=interval or settings.default_poll_minutes,
                                     language=language, now=utcnow())
            feed_id = feed.id
    except FeedError as exc:
        raise click.ClickException(str(exc)) from None
    console.print(f"{'added' if created else 'already present:'} feed {feed_id} {url}")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed, per line.")
def feeds_list(as_json: bool) -> None:
    """Feeds with their status, last error and schedule."""
    from rich.table import Table

    from worker.admin.views import feed_rows

    settings = load_settings()
    ready_database(settings)
    rows = feed_rows(settings.database_url)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "name", "status", "entries", "last polled", "next poll", "last error")
    for r in rows:
        table.add_row(str(r["id"]), r["name"] or r["url"], r["status"], str(r["entries"]),
                      r["last_polled_at"] or "-", r["next_poll_at"] or "-", (r["last_error"] or "")[:80])
    console.print(table)


@feeds.command("remove")
@click.argument("feed_id", type=int)
def feeds_remove(feed_id: int) -> None:
    """Stop polling a feed and delete its entries (articles and alerts stay)."""
    from worker.db.models import Feed
    from worker.db.session import session_scope

    settings = load_settings()
    ready_database(settings)
    with session_scope(settings.database_url) as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            raise click.ClickException(f"no feed with id {feed_id}")
        session.delete(feed)
    console.print(f"removed feed {feed_id}")


# webhooks ----------------------------------------------------------------------------------------

@main.group()
def webhooks() -> None:
    """Endpoints that receive alerts as signed JSON (Standard Webhooks)."""


@webhooks.command("add")
@click.argument("url")
@click.option("--secret", help="whsec_ + base64 key; generated and printed once when omitted.")
@click.option("--name", help="A readable name.")
@click.option("--country", "countries", multiple=True, help="Only incidents in this ISO country code (repeatable).")
@click.option("--min-fatalities", type=click.IntRange(min=0), help="Only incidents with at least this many killed.")
@click.option("--event-type", "event_types", multiple=True, help="Only this ACLED event type (repeatable).")
def webhooks_add(url: str, secret: str | None, name: str | None, countries: tuple[str, ...],
                 min_fatalities: int | None, event_types: tuple[str, ...]) -> None:
    """Add a webhook endpoint with optional filters."""
    from worker.admin.endpoints import EndpointError, add_endpoint

    settings = load_settings()
    ready_database(settings)
    rules: dict[str, object] = {}
    if countries:
        rules["countries"] = [c.upper() for c in countries]
    if min_fatalities is not None:
        rules["min_fatalities"] = min_fatalities
    if event_types:
        rules["event_types"] = list(event_types)
    try:
        endpoint_id, used_secret, created = add_endpoint(settings.database_url, url, secret=secret, name=name, rules=rules)
    except EndpointError as exc:
        raise click.ClickException(str(exc)) from None
    if not created:
        console.print(f"already present: webhook {endpoint_id} (secret unchanged)")
        return
    console.print(f"added webhook {endpoint_id}")
    if secret is None:
        console.print(f"secret (shown once, keep it to verify signatures): {used_secret}", soft_wrap=True)


@webhooks.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per endpoint, per line.")
def webhooks_list(as_json: bool) -> None:
    """Endpoints and their delivery counts (secrets are never shown)."""
    from rich.table import Table

    from worker.admin.views import endpoint_rows

    settings = load_settings()
    ready_database(settings)
    rows = endpoint_rows(settings.database_url)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "url", "enabled", "rules", "delivered", "failed")
    for r in rows:
        table.add_row(str(r["id"]), r["url"], "yes" if r["enabled"] else f"no: {r['disabled_reason']}",
                      json.dumps(r["rules"]), str(r["deliveries"].get("succeeded", 0)), str(r["deliveries"].get("failed", 0)))
    console.print(table)


# running -------------------------------------------------------------------------------------------

@main.command()
@click.option("--feed", "feed_ids", type=int, multiple=True, help="Poll only this feed (repeatable).")
@click.option("--wait", is_flag=True, help="Block until articles are processed and deliveries settled, then summarise.")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True, help="Seconds --wait waits at most.")
def poll(feed_ids: tuple[int, ...], wait: bool, timeout: float) -> None:
    """Poll feeds now. With --wait on the embedded broker, runs a worker for the duration."""
    from worker.admin.polling import poll_now

    settings = load_settings()
    ready_database(settings)
    code = poll_now(settings, list(feed_ids), wait=wait, timeout=timeout, console=console)
    sys.exit(code)


@main.command()
@click.option("--concurrency", "-c", type=click.IntRange(min=1), help="Worker processes (default: setting).")
def run(concurrency: int | None) -> None:
    """Worker and scheduler together, until interrupted (Ctrl-C)."""
    from worker.admin.running import run_forever

    settings = load_settings()
    ready_database(settings)
    sys.exit(run_forever(settings, role="worker", beat=True, concurrency=concurrency))


@main.command("worker")
@click.option("--queues", "-Q", default="feeds,articles,alerts", show_default=True, help="Queues to consume.")
@click.option("--concurrency", "-c", type=click.IntRange(min=1), help="Worker processes (default: setting).")
def worker_cmd(queues: str, concurrency: int | None) -> None:
    """A Celery worker (production: one or more per queue)."""
    from worker.admin.running import run_forever

    settings = load_settings()
    ready_database(settings)
    sys.exit(run_forever(settings, role="worker", beat=False, queues=queues, concurrency=concurrency))


@main.command()
def beat() -> None:
    """The scheduler (production: exactly one)."""
    from worker.admin.running import run_forever

    settings = load_settings()
    ready_database(settings)
    sys.exit(run_forever(settings, role="beat"))


# alerts --------------------------------------------------------------------------------------------

@main.group()
def alerts() -> None:
    """Alerts raised so far."""


@alerts.command("list")
@click.option("--since", help="Only alerts created since this date ('2024-05-01', '2 days ago').")
@click.option("--json", "as_json", is_flag=True, help="One webhook body (ALERT-SCHEMA.md) per line.")
def alerts_list(since: str | None, as_json: bool) -> None:
    """Alerts, newest last."""
    from worker.admin.views import alert_bodies, alerts_table

    settings = load_settings()
    ready_database(settings)
    bodies = alert_bodies(settings.database_url, parse_since(since))
    if as_json:
        for body in bodies:
            click.echo(json.dumps(body, ensure_ascii=False))
        return
    console.print(alerts_table(bodies))


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port of the local sample server (0: any free).")
@click.option("--timeout", type=click.FloatRange(min=5), default=120, show_default=True, help="Seconds to wait for the pipeline.")
def demo(port: int, timeout: float) -> None:
    """Run the real pipeline on bundled sample feeds served from 127.0.0.1, offline."""
    from worker.demo.run import run_demo

    settings = load_settings()
    ready_database(settings)
    sys.exit(run_demo(settings, port=port, timeout=timeout, console=console))


def _register_tagging_commands() -> None:
    try:
        from worker.tagging.commands import eval_command, tag_command
    except ImportError:  # pragma: no cover - the tagger always ships with the package
        return
    main.add_command(tag_command, "tag")
    main.add_command(eval_command, "eval")


_register_tagging_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
