"""Exports analysts load beside ACLED data, on maps, and in feed readers."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import feedparser

from worker.exports.formats import to_atom, to_csv, to_geojson

INCIDENT = {"id": "inc_1", "title": "At least 54 soldiers killed in attack on Indelimane, Menaka, Mali",
            "review": "unreviewed", "severity": "high", "event_type": "Battles", "sub_event_type": "armed_clash",
            "country": "ML", "admin1": "Menaka", "admin2": "Menaka", "location": "Indelimane", "lat": 15.62,
            "lon": 2.97, "geo_precision": 1, "date": "2019-11-01", "date_precision": "day",
            "actors": ["is_sahel", "military_ml"], "perpetrators": ["is_sahel"], "fatalities": 54,
            "claims": [{"kind": "killed", "count": 54, "qualifier": "at_least", "victims": "soldiers",
                        "claimant": "Malian officials", "claimant_type": "official", "source_url": "https://a.example/x"}],
            "sources": [{"url": "https://a.example/x", "title": "Attack & <aftermath>", "outlet": "a.example",
                         "published": "2019-11-03T09:40:00Z", "language": "en"}],
            "first_seen_at": "2019-11-03T10:00:01Z", "updated_at": "2019-11-03T10:00:01Z"}


def test_csv_uses_acled_column_names_and_values():
    [row] = list(csv.DictReader(io.StringIO(to_csv([INCIDENT]))))
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2019-11-01", "2019", "1")
    assert (row["actor1"], row["actor2"]) == ("is_sahel", "military_ml")
    assert (row["country"], row["iso3"], row["admin1"], row["location"]) == ("Mali", "MLI", "Menaka", "Indelimane")
    assert (row["latitude"], row["longitude"], row["fatalities"]) == ("15.62", "2.97", "54")
    assert row["source"] == "a.example" and row["notes"].startswith("At least 54")
    assert "killed 54 (at_least, Malian officials)" in row["claims"]


def test_geojson_points_are_lon_lat_and_unplaced_incidents_have_no_geometry():
    collection = json.loads(to_geojson([INCIDENT, dict(INCIDENT, id="inc_2", lat=None, lon=None)]))
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [2.97, 15.62]}
    assert first["properties"]["fatalities"] == 54 and second["geometry"] is None


def test_atom_feed_is_readable_by_a_feed_reader_and_escapes_text():
    created = {"type": "incident.created", "timestamp": "2019-11-03T10:00:02Z", "data": {"incident": INCIDENT}}
    updated = {"type": "incident.updated", "timestamp": "2019-11-04T08:00:00Z",
               "data": {"incident": dict(INCIDENT, fatalities=70), "changes": [{"field": "fatalities", "from": 54, "to": 70}]}}
    xml = to_atom([updated, created])
    ET.fromstring(xml.encode())  # well-formed despite '&' and '<' in titles
    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["Update: " + INCIDENT["title"], INCIDENT["title"]]
    assert "fatalities: 54 → 70" in parsed.entries[0].summary
    assert parsed.entries[0].links[0].href == "https://a.example/x"
    assert len({e.id for e in parsed.entries}) == 2
