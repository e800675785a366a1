"""The chat renderers, without a network: what analysts read, and that every limit holds."""

from __future__ import annotations

import json
import re

import pytest

from tests.delivery import samples
from tests.delivery.validators import VALIDATORS, units
from worker.delivery.channels import CHANNEL_KINDS, apprise_channel, common, detect_kind, render_payload

CHAT_KINDS = ("slack", "discord", "teams", "mattermost")
SEED_CLAIMS = (
    "at least 54 killed (soldiers) — Malian officials [official]",
    "more than 70 killed (soldiers) — Islamic State [perpetrator]",
    "dozens wounded (soldiers) — Islamic State [perpetrator]",
)
OSM = "https://www.openstreetmap.org/?mlat=15.62&mlon=2.97#map=12/15.62/2.97"


def flat(payload: object) -> str:
    """All the text of a payload with markdown escapes removed, to search for facts."""
    text = json.dumps(payload, ensure_ascii=False)
    return json.loads(json.dumps(text)).replace("\\\\", "").replace("\\", "")


# -- common helpers ---------------------------------------------------------------------------


def test_truncate_counts_utf16_and_never_splits_a_character() -> None:
    flag = "🇲🇱"  # two astral code points, four UTF-16 units
    cut = common.truncate("ab" + flag * 10, 7)
    assert cut.endswith("…") and common.text_length(cut) <= 7
    assert cut in ("ab" + flag + "…", "ab…")
    assert common.truncate("short", 10) == "short"
    assert common.truncate("anything", 0) == ""


def test_truncate_never_cuts_inside_a_link_or_entity() -> None:
    slack = "see <https://example.org/very/long/path|the article> now"
    assert common.truncate(slack, 20) == "see…"
    markdown = "see [the article](https://example.org/very/long/path) now"
    assert common.truncate(markdown, 30) == "see…"
    assert common.truncate("a &amp; b", 4) == "a…"
    emoji = "ok 👩\u200d🔬 done"
    assert "\u200d…" not in common.truncate(emoji, 5)


def test_fit_lines_keeps_whole_items_and_counts_the_rest() -> None:
    lines = [f"line {n}" for n in range(100)]
    text = common.fit_lines(lines, 60)
    assert units(text) <= 60 and text.endswith("more")
    kept = text.splitlines()[:-1]
    assert kept == lines[: len(kept)] and f"… and {100 - len(kept)} more" in text


def test_readable_words() -> None:
    assert common.actor_name("is_sahel") == "Islamic State Sahel Province (is_sahel)"
    assert common.actor_name("military_ml") == "Malian armed forces"
    assert common.actor_name("new_group") == "new_group"
    assert common.actors_text(["military_ml", "is_sahel"], ["is_sahel"]) == \
        "Islamic State Sahel Province (is_sahel) [perpetrator], Malian armed forces"
    assert common.event_label("Battles", "armed_clash") == "Battles: armed clash"
    assert common.country_name("ML") == "Mali" and common.country_name("BF") == "Burkina Faso"
    assert common.place_text(samples.SEED_INCIDENT) == "Indelimane, Menaka, Mali"
    assert common.date_text("2019-11-01", "day") == "1 November 2019"
    assert common.date_text("2019-10-28", "week") == "week of 28 October 2019"
    assert common.date_text("2019-11-01", "month") == "November 2019"


def test_claim_lines_keep_each_claimant() -> None:
    assert tuple(common.claim_line(c) for c in samples.SEED_INCIDENT["claims"]) == SEED_CLAIMS
    assert common.claim_line({"kind": "abducted", "count": 12, "qualifier": "exact"}) == \
        "12 abducted — unknown claimant"


def test_osm_link_zoom_follows_precision() -> None:
    assert common.osm_link(15.62, 2.97, 1) == OSM
    assert "#map=10/" in (common.osm_link(15.62, 2.97, 2) or "")
    assert "#map=7/" in (common.osm_link(15.62, 2.97, 3) or "")
    assert common.osm_link(None, 2.97, 1) is None and common.osm_link(95, 2, 1) is None


def test_changes_read_as_before_and_after() -> None:
    assert common.change_line({"field": "fatalities", "from": 54, "to": 70}) == "fatalities: 54 → 70"
    assert common.change_line({"field": "perpetrators", "from": [], "to": ["is_sahel"]}) == \
        "perpetrators: [] → [is_sahel]"
    assert common.change_line({"field": "claims", "from": [{}], "to": [{}, {}]}) == "claims: 1 items → 2 items"


def test_safe_url_only_http_and_no_link_breakers() -> None:
    assert common.safe_url("javascript:alert(1)") is None
    assert common.safe_url("https://a.example/x)|>< y") == "https://a.example/x%29%7C%3E%3C%20y"


# -- registry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "kind"), [
    ("https://hooks.slack.com/services/T000/B000/XXXX", "slack"),
    ("https://discord.com/api/webhooks/123/abc", "discord"),
    ("https://discordapp.com/api/webhooks/123/abc", "discord"),
    ("https://contoso.webhook.office.com/webhookb2/abc", "teams"),
    ("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x", "teams"),
    ("https://chat.example.org/hooks/abc123", "generic"),
    ("tgram://123456:ABC/-100", "apprise"),
    ("mailto://user:pw@example.org", "apprise"),
    ("matrix://user:pw@matrix.org/!room", "apprise"),
    ("json://127.0.0.1:8080/x", "apprise"),
    ("https://siem.example.net/ingest", "generic"),
])
def test_detect_kind(url: str, kind: str) -> None:
    assert detect_kind(url) == kind


def test_render_payload_dispatch() -> None:
    body = samples.created()
    assert render_payload("generic", body) is body
    assert CHANNEL_KINDS == ("generic", "slack", "discord", "teams", "mattermost", "apprise")
    with pytest.raises(ValueError, match="unknown channel kind"):
        render_payload("irc", body)
    with pytest.raises(ValueError, match="Apprise"):
        render_payload("apprise", body)


# -- the seed incident in every channel -------------------------------------------------------


@pytest.mark.parametrize("kind", CHAT_KINDS)
@pytest.mark.parametrize("make", [samples.created, samples.updated, samples.source_failing, samples.source_recovered])
def test_payloads_are_valid(kind: str, make) -> None:  # type: ignore[no-untyped-def]
    payload = render_payload(kind, make())
    assert VALIDATORS[kind](payload) == []


@pytest.mark.parametrize("kind", CHAT_KINDS)
def test_seed_incident_shows_what_where_when_who_toll_claims_sources(kind: str) -> None:
    text = flat(render_payload(kind, samples.created()))
    for expected in (
        "At least 54 soldiers killed in attack on In-Delimane, Menaka, Mali",
        "Battles: armed clash", "Indelimane, Menaka, Mali", OSM, "1 November 2019",
        "Islamic State Sahel Province (is_sahel) [perpetrator]", "Malian armed forces",
        "54 killed", "high", "unreviewed", *SEED_CLAIMS,
        "news.example.org — Mali: 54 soldiers killed at Indelimane", "https://news.example.org/mali-indelimane",
        "wire.example.com — Islamic State claims Indelimane attack", "https://wire.example.com/is-claim",
    ):
        assert expected in text, (kind, expected)


def test_slack_layout() -> None:
    payload = render_payload("slack", samples.created())
    blocks = payload["blocks"]
    assert blocks[0]["type"] == "header" and blocks[-1]["type"] == "context"
    assert "At least 54 soldiers" in payload["text"]
    assert f"<{OSM}|Map>" in json.dumps(payload)
    assert "<https://news.example.org/mali-indelimane|news.example.org — Mali: 54 soldiers killed at Indelimane>" \
        in json.dumps(payload, ensure_ascii=False)


def test_discord_colour_and_mentions() -> None:
    payload = render_payload("discord", samples.created())
    assert payload["allowed_mentions"] == {"parse": []}
    assert payload["embeds"][0]["color"] == common.severity_colour("high")
    assert payload["embeds"][0]["url"] == "https://news.example.org/mali-indelimane"


def test_teams_envelope_and_buttons() -> None:
    payload = render_payload("teams", samples.created())
    attachment = payload["attachments"][0]
    assert payload["type"] == "message" and attachment["contentUrl"] is None
    card = attachment["content"]
    assert card["version"] == "1.4" and card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert card["actions"][0] == {"type": "Action.OpenUrl", "title": "Open map", "url": OSM}


@pytest.mark.parametrize("kind", CHAT_KINDS)
def test_update_says_what_changed_first(kind: str) -> None:
    text = flat(render_payload(kind, samples.updated()))
    assert "fatalities: 54 → 70" in text and "perpetrators: [] → [is_sahel]" in text
    assert text.index("fatalities: 54 → 70") < text.index("Battles: armed clash")


@pytest.mark.parametrize("kind", CHAT_KINDS)
def test_source_failing_says_since_when(kind: str) -> None:
    text = flat(render_payload(kind, samples.source_failing()))
    for expected in ("Sahel wire (FR)", "https://feeds.example.net/sahel.rss", "failing", "HTTP 503",
                     "7", "blind on this source since 4 November 2019 22:10 UTC"):
        assert expected in text, (kind, expected)


# -- limits and hostile text ------------------------------------------------------------------


@pytest.mark.parametrize("kind", CHAT_KINDS)
def test_absurd_sizes_still_valid(kind: str) -> None:
    payload = render_payload(kind, samples.huge())
    assert VALIDATORS[kind](payload) == []
    text = flat(payload)
    assert "more" in text  # lists say how much was left out
    assert "Attaque meurtrière" in text


def test_discord_total_under_6000_with_absurd_sizes() -> None:
    from worker.delivery.channels.discord import embed_length

    payload = render_payload("discord", samples.huge())
    assert embed_length(payload["embeds"][0]) <= 6000 and units(payload["content"]) <= 2000


def strings(payload: object) -> list[str]:
    """Every string in a payload, as the service would read it."""
    if isinstance(payload, str):
        return [payload]
    if isinstance(payload, dict):
        return [text for value in payload.values() for text in strings(value)]
    if isinstance(payload, list):
        return [text for value in payload for text in strings(value)]
    return []


@pytest.mark.parametrize("kind", CHAT_KINDS)
def test_hostile_text_is_valid_and_inert(kind: str) -> None:
    payload = render_payload(kind, samples.hostile())
    assert VALIDATORS[kind](payload) == []  # includes the 'unsafe:' mention and markup checks
    texts = strings(payload)
    assert not any("javascript:" in text for text in texts)
    # The source URL that tried to close the link and open another is percent-encoded, not cut.
    assert any("https://news.example.org/a%29[x]%28https://evil.example" in text for text in texts)


def test_slack_hostile_text_is_escaped() -> None:
    payload = render_payload("slack", samples.hostile())
    mrkdwn = [payload["text"]] + [
        text["text"] for block in payload["blocks"] if block["type"] in ("section", "context")
        for text in ([block["text"]] if "text" in block else []) + block.get("fields", []) + block.get("elements", [])]
    assert all("<!" not in text and "<@" not in text and "<script>" not in text for text in mrkdwn)
    assert "&lt;!channel&gt;" in payload["text"]
    assert not any("<https://evil.example" in text for text in mrkdwn)


@pytest.mark.parametrize("kind", ("discord", "teams", "mattermost"))
def test_markdown_channels_break_mentions_and_escape_markup(kind: str) -> None:
    payload = render_payload(kind, samples.hostile())
    texts = strings(payload)
    assert not any(re.search(r"@(everyone|here|channel|all)\b", text) for text in texts)
    assert any("@\u200beveryone" in text for text in texts)
    markdown = [text for text in texts if not text.startswith("http")]
    if kind == "mattermost":  # attachment title and fallback are plain text there, never rendered
        attachment = payload["attachments"][0]
        markdown = [payload["text"], attachment["text"]] + [field["value"] for field in attachment["fields"]]
    assert not any(re.search(r"(?<!\\)\[click me(?<!\\)\]\(", text) for text in markdown)
    assert not any(re.search(r"(?<!\\)<script>", text) for text in markdown)
    assert any("\\<script\\>" in text for text in markdown)


def test_apprise_render_is_markdown_with_every_fact() -> None:
    title, body = apprise_channel.render(samples.updated())
    assert title == "Incident updated (high): At least 54 soldiers killed in attack on In-Delimane, Menaka, Mali"
    assert body.index("fatalities: 54 → 70") < body.index("Battles: armed clash")
    assert f"([Map]({OSM}))" in body and "[news.example.org — Mali: 54 soldiers killed at Indelimane]" in body
    assert "Islamic State \\[perpetrator\\]" in body
    hostile_title, hostile_body = apprise_channel.render(samples.hostile())
    assert "<script>" not in hostile_title + hostile_body and "@everyone" not in hostile_title + hostile_body
    huge_title, huge_body = apprise_channel.render(samples.huge())
    assert units(huge_title) <= 250 and units(huge_body) <= 10_000


@pytest.mark.parametrize(("url", "redacted"), [
    ("json://127.0.0.1:8080/secret/path?token=abc", "json://127.0.0.1:8080/***"),
    ("tgram://123456:ABCdefTOKEN/-100123", "tgram://***"),
    ("mailto://user:pass@mail.example.org", "mailto://mail.example.org/***"),
    ("slack://TokenA/TokenB/TokenC/#general", "slack://***"),
    ("jsons://example.org", "jsons://example.org"),
    ("not a url", "***"),
])
def test_redact_url(url: str, redacted: str) -> None:
    assert apprise_channel.redact_url(url) == redacted


MALFORMED = [
    {},
    {"type": 5, "data": None},
    {"type": "incident.created", "data": {"incident": {
        "title": 42, "severity": ["high"], "event_type": {}, "sub_event_type": 7, "country": "ZZ", "lat": "15",
        "lon": True, "date": "not a date", "date_precision": None, "actors": "is_sahel", "perpetrators": [None, 3],
        "fatalities": "54", "claims": [None, "x", {"count": "many", "qualifier": 3}], "sources": [{"url": 5}]}}},
    {"type": "incident.updated", "data": {"incident": {"title": "lone \ud83d surrogate\x00"},
                                          "changes": [None, {"field": None, "from": {"a": [1]}, "to": "\ud800"}]}},
    {"type": "source.failing", "data": {"feed": {"name": None, "url": "ftp://x", "consecutive_failures": "7"}}},
]


@pytest.mark.parametrize("kind", CHAT_KINDS)
@pytest.mark.parametrize("body", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_bodies_still_render_valid_messages(kind: str, body: dict[str, object]) -> None:
    """A bad field shows as unknown rather than losing the alert to an exception or a 400."""
    assert VALIDATORS[kind](render_payload(kind, body)) == []
    title, text = apprise_channel.render(body)
    assert title and text


def test_scrub_masks_every_fragment_of_the_url() -> None:
    url = "json://hookuser:pa55@hooks.example.org/tok3n/path?key=qu3ry"
    text = apprise_channel.scrub(f"failed {url} and /tok3n/path with qu3ry for hookuser", url)
    assert "hooks.example.org" in text
    for secret in ("pa55", "tok3n", "qu3ry", "hookuser"):
        assert secret not in text
