"""The `sahelwatch` command as an admin uses it: clear output, clear errors, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from worker.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    env = {"SAHELWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}

    def invoke(*args: str, extra_env: dict[str, str] | None = None):
        return runner.invoke(main, list(args), env={**env, **(extra_env or {})}, catch_exceptions=False)

    return invoke


def test_every_command_has_help(run):
    for args in (["--help"], ["init-db", "--help"], ["feeds", "add", "--help"], ["feeds", "list", "--help"],
                 ["feeds", "remove", "--help"], ["webhooks", "add", "--help"], ["webhooks", "list", "--help"],
                 ["poll", "--help"], ["run", "--help"], ["worker", "--help"], ["beat", "--help"],
                 ["alerts", "list", "--help"], ["demo", "--help"], ["tag", "--help"], ["eval", "--help"],
                 ["webhooks", "remove", "--help"], ["subscriptions", "load", "--help"], ["deliveries", "list", "--help"],
                 ["deliveries", "retry", "--help"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.output


def test_feeds_can_be_added_listed_as_json_and_removed(run):
    assert run("init-db").exit_code == 0
    added = run("feeds", "add", "https://example.org/feed.xml", "--name", "Example", "--interval", "10", "--language", "fr")
    assert added.exit_code == 0 and "added feed 1" in added.output
    again = run("feeds", "add", "https://example.org/feed.xml")
    assert "already present" in again.output
    [row] = [json.loads(line) for line in run("feeds", "list", "--json").output.splitlines()]
    assert row["url"] == "https://example.org/feed.xml" and row["status"] == "active"
    assert (row["name"], row["interval_minutes"], row["language"], row["entries"]) == ("Example", 10, "fr", 0)
    assert run("feeds", "remove", "1").exit_code == 0
    assert run("feeds", "list", "--json").output.strip() == ""


def test_bad_arguments_give_clear_errors_and_non_zero_exits(run):
    result = run("feeds", "add", "ftp://example.org/feed")
    assert result.exit_code == 1 and "not an http(s) URL" in result.output
    result = run("feeds", "add", "https://example.org/f", "--interval", "0")
    assert result.exit_code == 2 and "--interval" in result.output
    result = run("feeds", "remove", "99")
    assert result.exit_code == 1 and "no feed with id 99" in result.output
    result = run("alerts", "list", "--since", "the day after never")
    assert result.exit_code == 2 and "cannot read" in result.output


def test_bad_configuration_is_reported_by_name(run):
    result = run("feeds", "list", extra_env={"SAHELWATCH_WEBHOOK_RETRY_SCHEDULE": "soon,later"})
    assert result.exit_code == 1
    assert "SAHELWATCH_WEBHOOK_RETRY_SCHEDULE" in result.output


def test_webhook_secret_is_generated_printed_once_and_never_listed(run):
    first = run("webhooks", "add", "https://hooks.example/a")
    assert first.exit_code == 0
    secret = next(word for word in first.output.split() if word.startswith("whsec_"))
    second = run("webhooks", "add", "https://hooks.example/a")
    assert "already present" in second.output and secret not in second.output
    listed = run("webhooks", "list", "--json").output
    assert secret not in listed and json.loads(listed)["url"] == "https://hooks.example/***"
    bad = run("webhooks", "add", "https://hooks.example/b", "--secret", "hunter2")
    assert bad.exit_code == 1 and "whsec_" in bad.output


def test_webhook_filters_are_stored_as_rules(run):
    run("webhooks", "add", "https://hooks.example/a", "--country", "ml", "--country", "BF", "--min-fatalities", "5")
    row = json.loads(run("webhooks", "list", "--json").output)
    assert row["rules"] == {"countries": ["ML", "BF"], "min_fatalities": 5}


def test_poll_with_no_feeds_says_how_to_add_one(run):
    result = run("poll")
    assert result.exit_code == 0 and "sahelwatch feeds add" in result.output
    result = run("poll", "--feed", "7")
    assert result.exit_code == 1 and "no feed with id 7" in result.output


def test_webhook_url_tokens_never_appear_in_output(run):
    url = "https://hooks.slack.com/services/T000/B000/SECRETTOKEN123"
    added = run("webhooks", "add", url, "--country", "ML")
    assert added.exit_code == 0 and "SECRETTOKEN123" not in added.output and "whsec_" not in added.output
    for args in (["webhooks", "list"], ["webhooks", "list", "--json"], ["deliveries", "list", "--json"]):
        assert "SECRETTOKEN123" not in run(*args).output
    row = json.loads(run("webhooks", "list", "--json").output)
    assert row["kind"] == "slack" and row["rules"] == {"countries": ["ML"]}


def test_subscriptions_load_from_yaml_creates_then_updates(run, tmp_path):
    path = tmp_path / "subs.yaml"
    path.write_text("subscriptions:\n"
                    "  - name: mali-desk\n    url: https://hooks.slack.com/services/T/B/X\n"
                    "    rules: {countries: [ML], min_fatalities: 5}\n"
                    "  - name: health\n    url: https://siem.example.org/hook\n    rules: {source_health: true, incidents: false}\n")
    assert "added 2, updated 0" in run("subscriptions", "load", str(path)).output
    path.write_text(path.read_text().replace("min_fatalities: 5", "min_fatalities: 10"))
    assert "added 0, updated 2" in run("subscriptions", "load", str(path)).output
    rows = [json.loads(line) for line in run("webhooks", "list", "--json").output.splitlines()]
    assert [(r["name"], r["kind"]) for r in rows] == [("mali-desk", "slack"), ("health", "generic")]
    assert rows[0]["rules"] == {"countries": ["ML"], "min_fatalities": 10}


def test_a_bad_subscription_file_changes_nothing_and_says_where(run, tmp_path):
    path = tmp_path / "subs.yaml"
    path.write_text("subscriptions:\n  - url: https://a.example/h\n  - name: broken\n    url: https://b.example/h\n"
                    "    rules: {country: [ML]}\n")
    result = run("subscriptions", "load", str(path))
    assert result.exit_code == 1 and "subscription 2 (broken): unknown rule keys: country" in result.output
    assert run("webhooks", "list", "--json").output.strip() == ""


def test_deliveries_retry_needs_an_id_or_dead(run):
    assert run("deliveries", "retry").exit_code == 2
    result = run("deliveries", "retry", "5")
    assert result.exit_code == 1 and "delivery 5 does not exist or has not failed" in result.output


def test_feeds_round_trip_through_opml_and_defaults_load_once(run, tmp_path):
    run("feeds", "add", "https://example.org/feed.xml", "--name", "Example", "--language", "fr")
    exported = tmp_path / "feeds.opml"
    assert run("feeds", "export", "-o", str(exported)).exit_code == 0
    assert b"https://example.org/feed.xml" in exported.read_bytes()
    assert "0 added, 1 already present" in run("feeds", "import", str(exported)).output
    first = run("feeds", "load-defaults").output
    assert " added" in first and not first.startswith("0 added")
    assert run("feeds", "load-defaults").output.startswith("0 added")


def test_a_hostile_opml_file_is_refused_in_words(run, tmp_path):
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><opml version="2.0"><body/></opml>')
    result = run("feeds", "import", str(bomb))
    assert result.exit_code == 1 and "declares a DTD or entities" in result.output
