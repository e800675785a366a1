"""Which reports are one incident, and which later facts deserve an update."""

from __future__ import annotations

from datetime import datetime, timezone

from worker.incidents.build import build_incident
from worker.incidents.key import MatchPolicy, best_match, match_distance
from worker.incidents.merge import announced_facts, material_changes, merge_report

NOW = datetime(2023, 8, 8, 12, tzinfo=timezone.utc)
POLICY = MatchPolicy(window_days=3, distance_km=40)
TESSIT = {"country": "ML", "admin1": "Gao", "location": "Tessit", "lat": 15.22, "lon": 0.98, "geo_precision": 1,
          "date": "2023-08-07", "date_precision": "day", "event_type": "Battles", "sub_event_type": "armed_clash",
          "actors": ["jnim", "military_ml"], "perpetrators": ["jnim"], "fatalities": 15,
          "claims": [{"kind": "killed", "count": 15, "qualifier": "at_least", "victims": "soldiers",
                      "claimant": "army", "claimant_type": "official"}]}


def source(n: int, language: str = "en") -> dict:
    return {"url": f"https://outlet{n}.example/story", "title": "t", "outlet": f"outlet{n}.example",
            "published": "2023-08-08T09:00:00Z", "language": language}


def test_same_place_spelled_differently_and_a_day_apart_is_one_incident():
    other = dict(TESSIT, location="Téssit", date="2023-08-08")
    assert match_distance(TESSIT, other, POLICY) == 0.0


def test_nearby_precise_places_match_and_distant_ones_do_not():
    near = dict(TESSIT, location="Tessit camp", lat=15.30, lon=1.05)
    far = dict(TESSIT, location="Ansongo", lat=15.66, lon=0.50)
    assert match_distance(TESSIT, near, POLICY) is not None
    assert match_distance(TESSIT, far, POLICY) is None


def test_reports_a_week_apart_are_two_incidents_unless_the_date_is_vague():
    assert match_distance(TESSIT, dict(TESSIT, date="2023-08-15"), POLICY) is None
    assert match_distance(TESSIT, dict(TESSIT, date="2023-08-15", date_precision="week"), POLICY) is not None


def test_attacks_blamed_on_rival_groups_are_two_incidents():
    assert match_distance(TESSIT, dict(TESSIT, perpetrators=["is_sahel"], actors=["is_sahel"]), POLICY) is None
    assert match_distance(TESSIT, dict(TESSIT, perpetrators=["unidentified_armed_group"]), POLICY) is not None


def test_a_clash_and_an_attack_on_civilians_can_be_one_incident_but_a_peace_deal_cannot():
    vac = dict(TESSIT, event_type="Violence against civilians", sub_event_type="attack")
    deal = dict(TESSIT, event_type="Strategic developments", sub_event_type="agreement")
    assert match_distance(TESSIT, vac, POLICY) is not None
    assert match_distance(TESSIT, deal, POLICY) is None


def test_other_countries_never_match_and_the_closest_candidate_wins():
    assert match_distance(TESSIT, dict(TESSIT, country="NE"), POLICY) is None
    near = dict(TESSIT, location="Tessit camp", lat=15.30, lon=1.05)
    assert best_match([(1, near), (2, TESSIT)], TESSIT, POLICY) == 2
    assert best_match([], TESSIT, POLICY) is None


def test_merging_keeps_every_source_and_claim_and_takes_the_more_precise_place():
    vague = dict(TESSIT, location=None, lat=16.27, lon=-0.04, geo_precision=3, fatalities=None, claims=[])
    incident = build_incident("k", vague, source(1), NOW)
    merged = merge_report(incident, TESSIT, source(2, "fr"), NOW)
    assert [s["outlet"] for s in merged["sources"]] == ["outlet1.example", "outlet2.example"]
    assert merged["location"] == "Tessit" and merged["geo_precision"] == 1
    assert merged["fatalities"] == 15
    assert merged["claims"][0]["source_url"] == "https://outlet2.example/story"
    assert merged["title"].startswith("At least 15 soldiers killed")


def test_the_same_source_merged_twice_is_counted_once():
    incident = build_incident("k", TESSIT, source(1), NOW)
    merged = merge_report(merge_report(incident, TESSIT, source(2), NOW), TESSIT, source(2), NOW)
    assert len(merged["sources"]) == 2 and len(merged["claims"]) == 2


def test_only_material_changes_are_announced():
    incident = build_incident("k", TESSIT, source(1), NOW)
    told = announced_facts(incident)
    small = merge_report(incident, dict(TESSIT, fatalities=17), source(2), NOW)
    assert material_changes(told, small, min_change=5, min_ratio=0.2) == []
    big = merge_report(incident, dict(TESSIT, fatalities=42), source(3), NOW)
    assert material_changes(told, big, min_change=5, min_ratio=0.2) == [{"field": "fatalities", "from": 15, "to": 42}]


def test_a_claim_of_responsibility_and_a_precise_place_are_news():
    vague = dict(TESSIT, location=None, geo_precision=3, perpetrators=[], actors=["military_ml"])
    incident = build_incident("k", vague, source(1), NOW)
    merged = merge_report(incident, TESSIT, source(2), NOW)
    fields = [c["field"] for c in material_changes(announced_facts(incident), merged, min_change=5, min_ratio=0.2)]
    assert fields == ["perpetrators", "location"]
