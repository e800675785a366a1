"""Alert bodies as ALERT-SCHEMA.md defines them: the seed incident, an update, a failing feed, and abuse."""

from __future__ import annotations

import copy
from typing import Any

SEED_INCIDENT: dict[str, Any] = {
    "id": "inc_7f3a9c",
    "title": "At least 54 soldiers killed in attack on In-Delimane, Menaka, Mali",
    "review": "unreviewed",
    "severity": "high",
    "event_type": "Battles", "sub_event_type": "armed_clash",
    "country": "ML", "admin1": "Menaka", "admin2": "Menaka", "location": "Indelimane",
    "lat": 15.62, "lon": 2.97, "geo_precision": 1,
    "date": "2019-11-01", "date_precision": "day",
    "actors": ["is_sahel", "military_ml"], "perpetrators": ["is_sahel"],
    "fatalities": 54,
    "claims": [
        {"kind": "killed", "count": 54, "qualifier": "at_least", "victims": "soldiers",
         "claimant": "Malian officials", "claimant_type": "official",
         "source_url": "https://news.example.org/mali-indelimane"},
        {"kind": "killed", "count": 70, "qualifier": "more_than", "victims": "soldiers",
         "claimant": "Islamic State", "claimant_type": "perpetrator",
         "source_url": "https://wire.example.com/is-claim"},
        {"kind": "wounded", "count": None, "qualifier": "dozens", "victims": "soldiers",
         "claimant": "Islamic State", "claimant_type": "perpetrator",
         "source_url": "https://wire.example.com/is-claim"},
    ],
    "sources": [
        {"url": "https://news.example.org/mali-indelimane", "title": "Mali: 54 soldiers killed at Indelimane",
         "outlet": "news.example.org", "published": "2019-11-03T09:40:00Z", "language": "en"},
        {"url": "https://wire.example.com/is-claim", "title": "Islamic State claims Indelimane attack",
         "outlet": "wire.example.com", "published": "2019-11-03T09:55:00Z", "language": "en"},
    ],
    "first_seen_at": "2019-11-03T10:00:01Z", "updated_at": "2019-11-03T10:00:01Z",
}


def created() -> dict[str, Any]:
    return {"type": "incident.created", "timestamp": "2019-11-03T10:00:02Z",
            "data": {"incident": copy.deepcopy(SEED_INCIDENT)}}


def updated() -> dict[str, Any]:
    incident = copy.deepcopy(SEED_INCIDENT)
    incident["fatalities"] = 70
    return {"type": "incident.updated", "timestamp": "2019-11-04T08:00:00Z",
            "data": {"incident": incident, "changes": [
                {"field": "fatalities", "from": 54, "to": 70},
                {"field": "perpetrators", "from": [], "to": ["is_sahel"]}]}}


def source_failing() -> dict[str, Any]:
    return {"type": "source.failing", "timestamp": "2019-11-05T12:00:00Z", "data": {"feed": {
        "id": 12, "url": "https://feeds.example.net/sahel.rss", "name": "Sahel wire (FR)", "status": "failing",
        "last_error": "HTTP 503 Service Unavailable", "consecutive_failures": 7,
        "last_success_at": "2019-11-04T22:10:00Z"}}}


def source_recovered() -> dict[str, Any]:
    body = source_failing()
    body["type"] = "source.recovered"
    body["data"]["feed"].update(status="active", last_error=None, consecutive_failures=0,
                                last_success_at="2019-11-05T13:00:00Z")
    return body


HOSTILE = ("<!channel> @everyone @here <@U123> [click me](https://evil.example/phish) "
           "<script>alert(1)</script> *bold* _it_ ~s~ `code` # head | pipe & amp <https://evil.example|x>")


def hostile() -> dict[str, Any]:
    """Every text field an article can fill, stuffed with mention, link and markup injection."""
    body = created()
    incident = body["data"]["incident"]
    incident.update(title=HOSTILE, location=HOSTILE, admin1="@channel", admin2="<!here>")
    for claim in incident["claims"]:
        claim.update(claimant=HOSTILE, victims="@all <script>")
    incident["sources"] = [
        {"url": "https://news.example.org/a)[x](https://evil.example", "title": HOSTILE, "outlet": "@everyone"},
        {"url": "javascript:alert(1)", "title": "script link", "outlet": "evil"},
    ]
    return body


def huge() -> dict[str, Any]:
    """Absurd sizes: a 5000-character title, 100 claims, 20 long sources, astral characters."""
    body = updated()
    incident = body["data"]["incident"]
    incident["title"] = ("Attaque meurtrière 🇲🇱 " * 300)[:5000]
    incident["claims"] = [
        {"kind": "killed", "count": n, "qualifier": "about", "victims": "civilians and soldiers " * 5,
         "claimant": f"Claimant number {n} " + "x" * 100, "claimant_type": "media"} for n in range(100)]
    incident["sources"] = [
        {"url": f"https://outlet{n}.example.org/" + "p" * 300, "title": "Long title 😀 " * 40,
         "outlet": f"outlet{n}.example.org"} for n in range(20)]
    incident["actors"] = [f"group_{n}" for n in range(200)]
    body["data"]["changes"] = [{"field": f"field_{n}", "from": "a" * 500, "to": ["b"] * 300} for n in range(60)]
    return body
