"""Pure pieces between article and alert: canonical URLs, language, titles, severity, rules."""

from __future__ import annotations

import pytest

from worker.alerts.rules import RuleError, matches, validate_rules
from worker.articles.canonical import canonical_url, content_hash
from worker.articles.language import guess_language
from worker.incidents.describe import incident_title, severity

SEED = {"sub_event_type": "armed_clash", "country": "ML", "admin1": "Menaka", "location": "Indelimane",
        "fatalities": 54, "actors": ["is_sahel", "military_ml"], "event_type": "Battles",
        "claims": [{"kind": "killed", "count": 54, "qualifier": "at_least", "victims": "soldiers"}]}


def test_tracking_parameters_and_fragments_do_not_make_a_new_article():
    a = canonical_url("https://www.example.org/news/attack?utm_source=rss&utm_medium=feed#comments")
    b = canonical_url("https://www.example.org/news/attack")
    assert a == b


def test_the_pages_own_canonical_link_wins_on_the_same_site_only():
    assert canonical_url("https://example.org/amp/story", "https://example.org/story") == canonical_url("https://example.org/story")
    assert canonical_url("https://example.org/story", "https://evil.example/other") == canonical_url("https://example.org/story")


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("Gunmen  attacked\nthe village") == content_hash("gunmen attacked the village")


@pytest.mark.parametrize("text, expected", [
    ("Les assaillants ont été repoussés par l'armée, selon une source sécuritaire.", "fr"),
    ("The attackers were repelled by the army, a security source said.", "en"),
])
def test_language_is_guessed_from_function_words(text: str, expected: str):
    assert guess_language(text) == expected
    assert guess_language(text, hint="fr-FR") == "fr"


def test_title_states_toll_victims_place_and_country():
    assert incident_title(SEED) == "At least 54 soldiers killed in attack on Indelimane, Menaka, Mali"


def test_title_without_toll_names_what_and_where():
    event = dict(SEED, fatalities=None, claims=[], sub_event_type="abduction_forced_disappearance")
    assert incident_title(event) == "Abduction in Indelimane, Menaka, Mali"


@pytest.mark.parametrize("toll, expected", [(None, "low"), (1, "medium"), (10, "high"), (54, "high"), (120, "critical")])
def test_severity_grows_with_the_toll(toll, expected):
    assert severity(dict(SEED, fatalities=toll)) == expected


def test_rules_filter_by_country_type_actor_and_toll():
    incident = dict(SEED, severity="high")
    assert matches({}, incident)
    assert matches({"countries": ["ML", "BF"], "min_fatalities": 50, "actors": ["is_sahel"]}, incident)
    assert not matches({"countries": ["NE"]}, incident)
    assert not matches({"min_fatalities": 55}, incident)
    assert not matches({"event_types": ["Violence against civilians"]}, incident)
    assert not matches({"min_severity": "critical"}, incident)


def test_unknown_rule_keys_are_refused():
    with pytest.raises(RuleError, match="unknown rule keys: country"):
        validate_rules({"country": ["ML"]})


def test_the_headline_repeated_as_the_first_line_is_read_once():
    from worker.articles.text import without_title

    text = "Death toll rises to 42\nThe death toll rose to 42 soldiers, the army said."
    assert without_title(text, "Death toll rises to 42!") == "The death toll rose to 42 soldiers, the army said."
    assert without_title(text, "Another headline") == text
    assert without_title("One line only", "One line only") == "One line only"


def test_the_alert_table_shows_updates_and_source_health_readably():
    from rich.console import Console

    from worker.admin.views import alerts_table

    console = Console(width=160, record=True)
    console.print(alerts_table([
        {"type": "source.failing", "timestamp": "2024-05-01T00:00:00Z",
         "data": {"feed": {"id": 1, "url": "https://x.org/rss?token=abc", "name": None, "status": "error",
                           "last_error": "HTTP 500", "consecutive_failures": 3, "last_success_at": None}}},
        {"type": "incident.updated", "timestamp": "2024-05-01T00:00:00Z",
         "data": {"incident": dict(SEED, id="inc_1", title="At least 42 soldiers killed", date="2024-04-30",
                                   severity="high", sources=[]),
                  "changes": [{"field": "fatalities", "from": 15, "to": 42}]}},
    ]))
    text = console.export_text()
    assert "source failing: https://x.org/***" in text and "token=abc" not in text
    assert "Update: fatalities 15 → 42" in text
