"""The `sahelwatch` command."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import click
from pydantic import ValidationError
from rich.console import Console

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


def ready_settings() -> Settings:
    """Settings read and the database at the current schema: what almost every command needs first."""
    settings = load_settings()
    ready_database(settings)
    return settings


def echo_json_lines(rows: list[dict]) -> None:
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


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
    settings = ready_settings()
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

    settings = ready_settings()
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

    settings = ready_settings()
    rows = feed_rows(settings.database_url)
    if as_json:
        echo_json_lines(rows)
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

    settings = ready_settings()
    with session_scope(settings.database_url) as session:
        feed = session.get(Feed, feed_id)
        if feed is None:
            raise click.ClickException(f"no feed with id {feed_id}")
        session.delete(feed)
    console.print(f"removed feed {feed_id}")


@feeds.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--interval", type=click.IntRange(min=1), default=None, help="Minutes between polls when the file gives none.")
def feeds_import(file: BinaryIO, interval: int | None) -> None:
    """Add the feeds of an OPML file (importing it twice changes nothing)."""
    from worker.admin.opml import import_opml
    from worker.feeds.opml import MAX_OPML_BYTES, OpmlError

    settings = ready_settings()
    try:
        report = import_opml(settings.database_url, file.read(MAX_OPML_BYTES + 1),
                             default_interval=interval or settings.default_poll_minutes, now=utcnow())
    except OpmlError as exc:
        raise click.ClickException(str(exc)) from None
    for url, reason in report.invalid:
        console.print(f"skipped {url}: {reason}")
    console.print(report.summary())


@feeds.command("export")
@click.option("--output", "-o", type=click.File("wb"), default="-", help="File to write (default: standard output).")
def feeds_export(output: BinaryIO) -> None:
    """Write every feed as OPML 2.0, for a feed reader or another installation."""
    from worker.admin.opml import export_opml

    settings = ready_settings()
    output.write(export_opml(settings.database_url, now=utcnow()))


@feeds.command("load-defaults")
def feeds_load_defaults() -> None:
    """Add the bundled list of Sahel sources (English and French); safe to run again."""
    from worker.admin.opml import load_default_sources

    settings = ready_settings()
    report = load_default_sources(settings.database_url, default_interval=settings.default_poll_minutes, now=utcnow())
    console.print(report.summary() + " (check them with `sahelwatch feeds list` after the first poll)")


# webhooks ----------------------------------------------------------------------------------------

@main.group()
def webhooks() -> None:
    """Endpoints that receive alerts as signed JSON (Standard Webhooks)."""


@webhooks.command("add")
@click.argument("url")
@click.option("--kind", type=click.Choice(["generic", "slack", "discord", "teams", "mattermost", "apprise"]),
              help="Channel format (default: detected from the URL; apprise URLs such as tgram://… work too).")
@click.option("--secret", help="Generic webhooks: whsec_ + base64 key; generated and printed once when omitted.")
@click.option("--name", help="A readable name.")
@click.option("--country", "countries", multiple=True, help="Only incidents in this ISO country code (repeatable).")
@click.option("--region", "regions", multiple=True, help="Only incidents in this first-level region (repeatable).")
@click.option("--event-type", "event_types", multiple=True, help="Only this ACLED event type (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Only incidents involving this actor id (repeatable).")
@click.option("--min-fatalities", type=click.IntRange(min=0), help="Only incidents with at least this many killed.")
@click.option("--min-severity", type=click.Choice(["low", "medium", "high", "critical"]), help="Only this severity or above.")
@click.option("--language", "languages", multiple=True, type=click.Choice(["en", "fr"]), help="Only reports in this language.")
@click.option("--keyword", "keywords", multiple=True, help="Only reports mentioning this word (repeatable).")
@click.option("--source-health/--no-source-health", default=False, help="Also receive source.failing / source.recovered.")
@click.option("--incidents/--no-incidents", default=True, help="Receive incident alerts (default yes).")
def webhooks_add(url: str, kind: str | None, secret: str | None, name: str | None, countries: tuple[str, ...],
                 regions: tuple[str, ...], event_types: tuple[str, ...], actors: tuple[str, ...],
                 min_fatalities: int | None, min_severity: str | None, languages: tuple[str, ...],
                 keywords: tuple[str, ...], source_health: bool, incidents: bool) -> None:
    """Subscribe an endpoint to alerts, with optional filters."""
    from worker.admin.endpoints import EndpointError, add_endpoint, guess_kind
    from worker.delivery.redact import redact_url

    kind = kind or guess_kind(url)
    settings = ready_settings()
    lists = {"countries": [c.upper() for c in countries], "regions": list(regions), "event_types": list(event_types),
             "actors": list(actors), "languages": list(languages), "keywords": list(keywords)}
    rules: dict[str, object] = {key: value for key, value in lists.items() if value}
    if min_fatalities is not None:
        rules["min_fatalities"] = min_fatalities
    if min_severity:
        rules["min_severity"] = min_severity
    if source_health:
        rules["source_health"] = True
    if not incidents:
        rules["incidents"] = False
    try:
        endpoint_id, used_secret, created = add_endpoint(settings.database_url, url, secret=secret, name=name,
                                                         rules=rules, kind=kind)
    except EndpointError as exc:
        raise click.ClickException(str(exc)) from None
    if not created:
        console.print(f"already present: webhook {endpoint_id} (unchanged)")
        return
    console.print(f"added webhook {endpoint_id} {redact_url(url)}")
    if secret is None and kind == "generic":
        console.print(f"secret (shown once, keep it to verify signatures): {used_secret}", soft_wrap=True)


@webhooks.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per endpoint, per line.")
def webhooks_list(as_json: bool) -> None:
    """Endpoints and their delivery counts (secrets and URL tokens are never shown)."""
    from rich.table import Table

    from worker.admin.views import endpoint_rows

    settings = ready_settings()
    rows = endpoint_rows(settings.database_url)
    if as_json:
        echo_json_lines(rows)
        return
    table = Table("id", "name", "kind", "url", "enabled", "rules", "delivered", "failed")
    for r in rows:
        table.add_row(str(r["id"]), r["name"] or "", r["kind"], r["url"], "yes" if r["enabled"] else f"no: {r['disabled_reason']}",
                      json.dumps(r["rules"]), str(r["deliveries"].get("succeeded", 0)), str(r["deliveries"].get("failed", 0)))
    console.print(table)


@webhooks.command("remove")
@click.argument("endpoint_id", type=int)
def webhooks_remove(endpoint_id: int) -> None:
    """Unsubscribe an endpoint (its past deliveries go with it; alerts stay)."""
    from worker.db.models import WebhookEndpoint
    from worker.db.session import session_scope

    settings = ready_settings()
    with session_scope(settings.database_url) as session:
        row = session.get(WebhookEndpoint, endpoint_id)
        if row is None:
            raise click.ClickException(f"no webhook with id {endpoint_id}")
        session.delete(row)
    console.print(f"removed webhook {endpoint_id}")


@main.group()
def subscriptions() -> None:
    """Subscriptions kept in a YAML file (for deployments)."""


@subscriptions.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def subscriptions_load(path: Path) -> None:
    """Create or update webhook endpoints and their rules from a YAML file (all or nothing)."""
    from worker.admin.endpoints import EndpointError, load_subscriptions

    settings = ready_settings()
    try:
        report = load_subscriptions(settings.database_url, path)
    except EndpointError as exc:
        raise click.ClickException(str(exc)) from None
    console.print(f"added {len(report.added)}, updated {len(report.updated)} subscription(s)")


@main.group()
def deliveries() -> None:
    """Every message sent to every endpoint, with each attempt."""


@deliveries.command("list")
@click.option("--status", type=click.Choice(["pending", "sending", "succeeded", "failed"]), help="Only this status.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per delivery, per line, with its attempts.")
def deliveries_list(status: str | None, as_json: bool) -> None:
    """Deliveries, newest first (failed = dead after its last retry)."""
    from rich.table import Table

    from worker.admin.deliveries import delivery_rows

    settings = ready_settings()
    rows = delivery_rows(settings.database_url, status)
    if as_json:
        echo_json_lines(rows)
        return
    table = Table("id", "alert", "endpoint", "status", "attempts", "last code", "last error", "next attempt")
    for r in rows:
        table.add_row(str(r["id"]), r["alert_type"], r["endpoint"], r["status"], str(r["attempts"]),
                      str(r["last_status_code"] or "-"), (r["last_error"] or "")[:60], r["next_attempt_at"] or "-")
    console.print(table)


@deliveries.command("retry")
@click.argument("delivery_id", type=int, required=False)
@click.option("--dead", is_flag=True, help="Retry every failed delivery.")
def deliveries_retry(delivery_id: int | None, dead: bool) -> None:
    """Send a failed delivery again (or all of them with --dead), with a fresh retry schedule."""
    from worker.admin.deliveries import retry_deliveries
    from worker.admin.processes import enqueue

    if (delivery_id is None) == (not dead):
        raise click.UsageError("give a delivery ID or --dead (not both)")
    settings = ready_settings()
    ids = retry_deliveries(settings.database_url, utcnow(), delivery_id=delivery_id, dead=dead)
    if delivery_id is not None and not ids:
        raise click.ClickException(f"delivery {delivery_id} does not exist or has not failed")
    enqueue(settings, "sahelwatch.deliver", ids)
    console.print(f"queued {len(ids)} delivery(ies) again")


# running -------------------------------------------------------------------------------------------

@main.command()
@click.option("--feed", "feed_ids", type=int, multiple=True, help="Poll only this feed (repeatable).")
@click.option("--wait", is_flag=True, help="Block until articles are processed and deliveries settled, then summarise.")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True, help="Seconds --wait waits at most.")
def poll(feed_ids: tuple[int, ...], wait: bool, timeout: float) -> None:
    """Poll feeds now. With --wait on the embedded broker, runs a worker for the duration."""
    from worker.admin.polling import poll_now

    settings = ready_settings()
    code = poll_now(settings, list(feed_ids), wait=wait, timeout=timeout, console=console)
    sys.exit(code)


@main.command()
@click.option("--concurrency", "-c", type=click.IntRange(min=1), help="Worker processes (default: setting).")
def run(concurrency: int | None) -> None:
    """Worker and scheduler together, until interrupted (Ctrl-C)."""
    from worker.admin.running import run_forever

    settings = ready_settings()
    sys.exit(run_forever(settings, role="worker", beat=True, concurrency=concurrency))


@main.command("worker")
@click.option("--queues", "-Q", default="feeds,articles,alerts,admin", show_default=True, help="Queues to consume.")
@click.option("--concurrency", "-c", type=click.IntRange(min=1), help="Worker processes (default: setting).")
def worker_cmd(queues: str, concurrency: int | None) -> None:
    """A Celery worker (production: one or more per queue)."""
    from worker.admin.running import run_forever

    settings = ready_settings()
    sys.exit(run_forever(settings, role="worker", beat=False, queues=queues, concurrency=concurrency))


@main.command()
def beat() -> None:
    """The scheduler (production: exactly one)."""
    from worker.admin.running import run_forever

    settings = ready_settings()
    sys.exit(run_forever(settings, role="beat"))


# re-scans -------------------------------------------------------------------------------------------

@main.group(invoke_without_command=True)
@click.option("--since", help="Articles fetched since this date.")
@click.option("--until", help="Articles fetched before this date.")
@click.option("--feed", "feed_id", type=int, help="Articles of this feed.")
@click.option("--country", help="Articles with an event in this ISO country.")
@click.option("--all", "all_articles", is_flag=True, help="Every stored article.")
@click.option("--refetch", is_flag=True, help="Fetch and extract the pages again instead of using the stored text.")
@click.option("--alert", "send_alerts", is_flag=True, help="Send alerts for incidents found or changed (default: record only).")
@click.option("--wait", is_flag=True, help="Show progress until it finishes (runs a worker on the embedded default).")
@click.pass_context
def rescan(ctx: click.Context, since: str | None, until: str | None, feed_id: int | None, country: str | None,
           all_articles: bool, refetch: bool, send_alerts: bool, wait: bool) -> None:
    """Re-tag stored articles after the gazetteer, actors or rules changed (`rescan status|cancel ID`)."""
    if ctx.invoked_subcommand is not None:
        return
    from worker.admin.rescan_run import run_rescan
    from worker.admin.rescans import RescanError

    settings = ready_settings()
    try:
        code = run_rescan(settings, since=parse_since(since), until=parse_since(until), feed_id=feed_id,
                          country=country, all_articles=all_articles, refetch=refetch, send_alerts=send_alerts,
                          wait=wait, console=console)
    except RescanError as exc:
        raise click.UsageError(str(exc)) from None
    sys.exit(code)


@rescan.command("status")
@click.argument("rescan_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="As one JSON object.")
def rescan_status_cmd(rescan_id: int, as_json: bool) -> None:
    """Progress of a re-scan: done / total / errors."""
    from worker.admin.rescans import rescan_status

    settings = ready_settings()
    status = rescan_status(settings.database_url, rescan_id)
    if status is None:
        raise click.ClickException(f"no re-scan with id {rescan_id}")
    if as_json:
        click.echo(json.dumps(status))
        return
    console.print(f"re-scan {rescan_id}: {status['status']}, {status['done']}/{status['total']} done, "
                  f"{status['errors']} error(s)" + (f"; last: {status['last_error']}" if status["last_error"] else ""))


@rescan.command("cancel")
@click.argument("rescan_id", type=int)
def rescan_cancel_cmd(rescan_id: int) -> None:
    """Stop a running re-scan (articles already done stay done)."""
    from worker.admin.rescans import cancel_rescan

    settings = ready_settings()
    if not cancel_rescan(settings.database_url, rescan_id):
        raise click.ClickException(f"re-scan {rescan_id} does not exist or is not running")
    console.print(f"re-scan {rescan_id} cancelled")


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

    settings = ready_settings()
    bodies = alert_bodies(settings.database_url, parse_since(since))
    if as_json:
        echo_json_lines(bodies)
        return
    console.print(alerts_table(bodies))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["geojson", "csv", "atom"]), required=True, help="Output format.")
@click.option("--since", help="Only incidents updated (atom: alerts created) since this date.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of standard output.")
def export(fmt: str, since: str | None, output: Path | None) -> None:
    """Incidents as GeoJSON, CSV with ACLED's column names, or an Atom feed of the alerts."""
    from worker.admin.views import alert_bodies, incident_records
    from worker.exports.formats import to_atom, to_csv, to_geojson

    settings = ready_settings()
    when = parse_since(since)
    if fmt == "atom":
        bodies = [b for b in alert_bodies(settings.database_url, when) if b["type"].startswith("incident.")]
        text = to_atom(list(reversed(bodies)))
    else:
        incidents = incident_records(settings.database_url, when)
        text = to_csv(incidents) if fmt == "csv" else to_geojson(incidents)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {output}")


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port of the local sample server (0: any free).")
@click.option("--timeout", type=click.FloatRange(min=5), default=120, show_default=True, help="Seconds to wait for the pipeline.")
def demo(port: int, timeout: float) -> None:
    """Run the real pipeline on bundled sample feeds served from 127.0.0.1, offline."""
    from worker.demo.run import run_demo

    settings = ready_settings()
    sys.exit(run_demo(settings, port=port, timeout=timeout, console=console))


def _register_commands() -> None:
    """Commands defined next to what they drive: the tagger, the admin API, incident review."""
    from worker.admin.incident_commands import incidents_group
    from worker.api.command import api_command
    from worker.tagging.commands import eval_command, tag_command

    main.add_command(tag_command, "tag")
    main.add_command(eval_command, "eval")
    main.add_command(api_command, "api")
    main.add_command(incidents_group, "incidents")


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
