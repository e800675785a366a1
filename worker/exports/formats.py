"""Pure renderers of incident dicts (ALERT-SCHEMA.md `data.incident`) into export formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any
from xml.etree import ElementTree as ET

import pycountry

# ACLED's column names where a field matches, so exports load beside ACLED data.
CSV_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "review", "severity", "claims", "updated_at",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}  # ACLED's time_precision codes
ATOM = "http://www.w3.org/2005/Atom"


def _country(code: str | None) -> tuple[str, str]:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return (getattr(country, "name", code or ""), getattr(country, "alpha_3", ""))


def _claims_text(incident: dict[str, Any]) -> str:
    return "; ".join(
        f"{c.get('kind')} {c.get('count') if c.get('count') is not None else c.get('qualifier')} "
        f"({c.get('qualifier')}, {c.get('claimant') or c.get('claimant_type')})"
        for c in incident.get("claims") or []
    )


def to_csv(incidents: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        # ACLED's actor1 is the side that acted; actor2 the other party.
        actors = list(dict.fromkeys([*(inc.get("perpetrators") or []), *(inc.get("actors") or [])]))
        name, iso3 = _country(inc.get("country"))
        date = str(inc.get("date") or "")[:10]
        writer.writerow({
            "event_id_cnty": inc.get("id"), "event_date": date, "year": date[:4],
            "time_precision": TIME_PRECISION.get(inc.get("date_precision") or "", ""),
            "event_type": inc.get("event_type"), "sub_event_type": inc.get("sub_event_type"),
            "actor1": actors[0] if actors else "", "actor2": actors[1] if len(actors) > 1 else "",
            "country": name, "iso3": iso3, "admin1": inc.get("admin1"), "admin2": inc.get("admin2"),
            "location": inc.get("location"), "latitude": inc.get("lat"), "longitude": inc.get("lon"),
            "geo_precision": inc.get("geo_precision"),
            "source": "; ".join(s.get("outlet") or s.get("url", "") for s in inc.get("sources") or []),
            "notes": inc.get("title"), "fatalities": inc.get("fatalities") if inc.get("fatalities") is not None else "",
            "review": inc.get("review"), "severity": inc.get("severity"), "claims": _claims_text(inc),
            "updated_at": inc.get("updated_at"),
        })
    return out.getvalue()


def to_geojson(incidents: Sequence[dict[str, Any]]) -> str:
    features = [
        {"type": "Feature", "id": inc.get("id"),
         "geometry": {"type": "Point", "coordinates": [inc["lon"], inc["lat"]]}
         if inc.get("lat") is not None and inc.get("lon") is not None else None,
         "properties": {k: v for k, v in inc.items() if k not in ("lat", "lon")}}
        for inc in incidents
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_atom(messages: Sequence[dict[str, Any]], *, feed_id: str = "urn:sahelwatch:alerts",
            now: datetime | None = None) -> str:
    """One entry per alert message (created or updated), newest first, so a feed reader follows the alerts."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "sahelwatch alerts"
    updated = now or datetime.now(timezone.utc)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated.strftime("%Y-%m-%dT%H:%M:%SZ")
    for message in messages:
        inc = message["data"]["incident"]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:sahelwatch:{inc['id']}:{message['type']}:{message['timestamp']}"
        prefix = "Update: " if message["type"] == "incident.updated" else ""
        ET.SubElement(entry, f"{{{ATOM}}}title").text = prefix + (inc.get("title") or "incident")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = message["timestamp"]
        for source in inc.get("sources") or []:
            ET.SubElement(entry, f"{{{ATOM}}}link", href=source["url"], rel="related", title=source.get("title") or "")
        changes = "; ".join(f"{c['field']}: {c['from']} → {c['to']}" for c in message["data"].get("changes") or [])
        summary = " | ".join(part for part in (
            changes, f"{inc.get('date')} · {inc.get('location') or ''}, {inc.get('admin1') or ''}, {inc.get('country')}",
            f"killed: {inc.get('fatalities') if inc.get('fatalities') is not None else 'unknown'}", _claims_text(inc),
            ", ".join(inc.get("actors") or [])) if part)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)
