"""tag_article end to end: the seed article, false friends, background recaps, dates, schema."""
from __future__ import annotations

from pathlib import Path

import pytest

from worker.tagging import tag_article
from worker.tagging.gazetteer import normalise_name

DATA = Path(__file__).resolve().parent / "data"
EVENT_KEYS = {"primary", "event_type", "sub_event_type", "country", "admin1", "admin2", "location",
              "lat", "lon", "geo_precision", "date", "date_precision", "actors", "perpetrators",
              "fatalities", "claims", "evidence"}
CLAIM_KEYS = {"kind", "count", "qualifier", "victims", "claimant", "claimant_type"}


def seed() -> dict:
    title, _, text = (DATA / "seed-article.txt").read_text(encoding="utf-8").partition("\n\n")
    return {"id": "seed", "title": title.strip(), "text": text.strip(),
            "published": "2019-11-03T10:00:00Z", "language": "en"}


def primary(output: dict) -> dict:
    return next(e for e in output["events"] if e["primary"])


def article(title: str, text: str, published: str = "2022-03-10T08:00:00Z", language: str = "en") -> dict:
    return {"id": "t", "title": title, "text": text, "published": published, "language": language}


def test_seed_article_is_tagged_as_an_analyst_would():
    out = tag_article(seed())
    event = primary(out)
    assert out["relevant"] is True
    assert event["country"] == "ML"
    assert normalise_name(event["admin1"]) == "menaka"
    assert normalise_name(event["location"]) == "indelimane"
    assert event["fatalities"] == 54
    assert {"is_sahel", "military_ml"} <= set(event["actors"])
    assert event["perpetrators"] == ["is_sahel"]
    assert event["date"] == "2019-11-01"
    claims = [(c["kind"], c["count"], c["qualifier"], c["claimant_type"]) for c in event["claims"]]
    assert ("killed", 54, "at_least", "official") in claims
    assert ("killed", 70, "more_than", "perpetrator") in claims


def test_recapped_older_incident_never_feeds_the_primary_toll():
    out = tag_article(seed())
    event = primary(out)
    assert all(c["count"] != 28 for c in event["claims"])
    assert "jnim" not in event["actors"]
    background = [e for e in out["events"] if not e["primary"]]
    assert any(c["count"] == 28 for e in background for c in e["claims"])


def test_output_has_exactly_the_schema_keys():
    out = tag_article(seed())
    assert set(out) == {"id", "relevant", "score", "language", "countries", "events"}
    assert 0.0 <= out["score"] <= 1.0
    assert sum(e["primary"] for e in out["events"]) == 1
    for event in out["events"]:
        assert set(event) == EVENT_KEYS
        assert all(set(c) == CLAIM_KEYS for c in event["claims"])
        assert event["evidence"]
    assert "ML" in out["countries"]


def test_explain_gives_sentence_and_rule_for_each_decided_field():
    event = primary(tag_article(seed(), explain=True))
    explain = event["explain"]
    for name in ("country", "location", "fatalities", "date", "event_type"):
        assert {"value", "sentence", "rule"} <= set(explain[name]), name
        assert explain[name]["rule"]
    assert "Friday" in explain["date"]["sentence"]
    assert "54" in explain["fatalities"]["sentence"]


def test_niger_state_flood_story_is_not_relevant():
    out = tag_article(article(
        "Floods displace thousands in Niger State",
        "Floods displaced about 2,000 people near Mokwa in Nigeria's Niger State on Wednesday, the state "
        "emergency agency said. No deaths were recorded."))
    assert out["relevant"] is False
    assert out["events"] == []


def test_niger_river_story_is_not_relevant():
    out = tag_article(article(
        "Le fleuve Niger atteint un niveau record à Niamey",
        "Le fleuve Niger a atteint lundi un niveau record à Niamey, où des milliers de personnes ont été "
        "sinistrées par les inondations.", language="fr"))
    assert out["relevant"] is False


def test_person_named_mali_does_not_make_a_story_relevant():
    out = tag_article(article(
        "Mali Finn, casting director, dies at 69",
        "Mali Finn, the casting director behind Titanic, has died at her home in Los Angeles aged 69, "
        "her family said on Tuesday."))
    assert out["relevant"] is False


def test_sahel_climate_story_is_not_relevant():
    out = tag_article(article(
        "Heatwave in the Sahel kills hundreds, scientists say",
        "A heatwave across the Sahel killed hundreds of people in April, scientists said on Thursday, "
        "blaming climate change for temperatures above 45 degrees in Mali and Burkina Faso."))
    assert out["relevant"] is False


def test_attack_in_another_war_is_not_relevant():
    out = tag_article(article(
        "Car bombs kill dozens in Mogadishu",
        "Two car bombs exploded near the education ministry in Mogadishu on Saturday, killing at least "
        "100 people, Somalia's president said. Al Shabaab claimed the attack."))
    assert out["relevant"] is False


def test_weekday_resolves_against_the_publication_date():
    out = tag_article(article(
        "Gunmen kill 14 villagers in northern Burkina Faso",
        "Gunmen killed 14 civilians on Tuesday in an attack on the town of Djibo in Burkina Faso's "
        "Soum province, local sources said on Wednesday."))
    event = primary(out)
    assert out["relevant"] is True
    assert event["date"] == "2022-03-08"
    assert event["date_precision"] == "day"
    assert event["fatalities"] == 14


def test_story_without_a_date_falls_back_to_the_publication_week():
    out = tag_article(article(
        "Jihadists kill 12 soldiers in northern Burkina Faso",
        "Jihadists killed 12 soldiers in an attack on an army post at Djibo in Burkina Faso's Soum "
        "province, the army said."))
    event = primary(out)
    assert (event["date"], event["date_precision"]) == ("2022-03-10", "week")


def test_superseded_first_toll_does_not_lower_the_fatalities():
    out = tag_article(article(
        "Burkina Faso raises toll of Djibo attack to 40 soldiers",
        "Forty soldiers were killed on Tuesday when jihadists attacked an army base in Djibo, in Burkina "
        "Faso's Soum province, the army said on Thursday.\n\nThe army had initially reported 12 dead."))
    assert primary(out)["fatalities"] == 40


def test_unknown_published_date_is_a_readable_error():
    bad = article("Title", "Text.")
    bad["published"] = "last Tuesday"
    try:
        tag_article(bad)
    except ValueError as exc:
        assert "published" in str(exc)
    else:
        raise AssertionError("expected a ValueError")


def test_landmarks_and_sources_are_not_the_incident_place():
    out = tag_article(article(
        "Gunmen kill 12 in Zamfara",
        "Gunmen killed 12 villagers on Tuesday in Kurya, about 40 km from Gusau, officials in Gusau said. "
        "Survivors fled to Anka."))
    assert normalise_name(primary(out)["location"]) == "kurya"


@pytest.mark.parametrize("text, language", [
    ("Eleven Malian soldiers were killed when jihadists attacked an army post at Diafarabé, in the Mopti region, on "
     "Tuesday, the army said.\n\n\"About 15 terrorists were neutralised,\" the armed forces said, adding that "
     "aircraft had been sent from Sévaré to support the garrison.", "en"),
    ("Onze soldats maliens ont été tués mardi lors d'une attaque jihadiste contre un poste de l'armée à Diafarabé, "
     "dans la région de Mopti, selon l'armée.\n\n« Une quinzaine de terroristes ont été neutralisés », a ajouté "
     "l'armée, précisant que des renforts dépêchés depuis Sévaré avaient appuyé la garnison.", "fr"),
])
def test_reinforcements_sent_from_a_town_leave_the_toll_with_the_attack(text, language):
    event = primary(tag_article(article("Mali: soldiers killed in attack on army post", text, language=language)))
    assert normalise_name(event["location"]) == "diafarabe"
    assert event["fatalities"] == 26


def test_where_relatives_were_reached_by_telephone_is_no_scene():
    event = primary(tag_article(article(
        "Mauritania summons Malian envoy after herders killed across border",
        "Mauritania summoned Mali's ambassador on Monday to protest against the killing of seven Mauritanian herders "
        "by Malian soldiers inside Mali on Saturday, the foreign ministry said.\n\n"
        "Relatives of the victims, reached by telephone in Mauritania's Hodh Ech Chargui region, said nine men had "
        "been killed.", "2023-08-14T18:00:00Z")))
    assert event["country"] == "ML" and event["admin1"] != "Hodh ech Chargui"


def test_where_a_convoy_was_headed_is_no_scene():
    event = primary(tag_article(article(
        "Blocus du carburant : un convoi de citernes attaqué près de Kignan",
        "Un nouveau convoi de camions-citernes en route vers Bamako a été pris pour cible jeudi dernier sur la route "
        "nationale 7, près de Kignan, dans le cercle de Sikasso. L'attaque a été revendiquée par le JNIM.",
        "2025-09-22T08:00:00Z", "fr")))
    assert (event["location"], event["admin1"]) == ("Kignan", "Sikasso")


def test_police_quoted_as_a_source_is_not_a_party():
    out = tag_article(article(
        "Bandits kill 12 in Zamfara village",
        "Armed bandits killed 12 people in a raid on the village of Kurya in Nigeria's Zamfara state on "
        "Tuesday, police said."))
    event = primary(out)
    assert "bandits_ng" in event["actors"]
    assert "military_ng" not in event["actors"]


def test_forces_sent_after_the_attack_or_speaking_through_a_spokesman_are_not_a_party():
    out = tag_article(article(
        "Gunmen kill 9 villagers in Sokoto",
        "Gunmen killed nine villagers in an attack on Kaura village in Sokoto state on Sunday.\n\n"
        "The Police Public Relations Officer of the Sokoto State Command said the attackers came on motorcycles. "
        "Troops were deployed to the area after the attack and recovered the bodies of the victims.\n\n"
        "The Divisional Police Officer led a combined team of police and vigilantes to the village."))
    event = primary(out)
    assert "military_ng" not in event["actors"]
    assert "civilians" in event["actors"]


def test_forces_reinforcing_or_finding_bodies_are_not_a_party_in_french():
    out = tag_article(article(
        "Niger : 14 civils tués dans une attaque près d'Ouallam",
        "Des hommes armés ont tué 14 civils mardi dans le village de Tinkiri, dans le département de Ouallam, "
        "région de Tillabéri.\n\n"
        "Trois autres corps ont été découverts par les Forces de défense et de sécurité lors d'un ratissage. "
        "Des renforts des FDS ont été dépêchés dans la zone.", language="fr"))
    event = primary(out)
    assert "military_ne" not in event["actors"]
    assert event["event_type"] == "Violence against civilians"


def test_a_source_named_after_its_verb_is_not_a_party():
    out = tag_article(article(
        "Nigeria : des hommes armés tuent 9 fidèles dans une mosquée de Katsina",
        "Des hommes armés ont tué neuf fidèles dans une mosquée du village de Maidabino, dans l'État de "
        "Katsina, vendredi soir, a annoncé la police.\n\n"
        "Les assaillants ont ouvert le feu pendant la prière, selon un porte-parole de la police de l'État.",
        language="fr"))
    assert "military_ng" not in primary(out)["actors"]


def test_a_force_reporting_its_own_deployment_or_figure_is_not_a_party():
    out = tag_article(article(
        "Gunmen kill 16 in Zamfara, abduct dozens - Police",
        "Gunmen killed 16 villagers and abducted dozens in Mutunji, in Zamfara state, on Thursday.\n\n"
        "The army said it had deployed troops to the area. The Commissioner of Police has deployed additional "
        "tactical teams to the community.\n\nThe police figure could rise, residents said."))
    event = primary(out)
    assert "military_ng" not in event["actors"]
    assert "civilians" in event["actors"]


def test_a_force_reporting_what_it_did_in_the_fight_stays_a_party():
    out = tag_article(article(
        "Troops repel attack in Borno",
        "Insurgents attacked a military base in Marte, Borno state, on Sunday. The army said it had killed "
        "12 of the attackers."))
    assert "military_ng" in primary(out)["actors"]


def test_a_toll_from_an_officer_in_another_town_is_the_incident_s():
    out = tag_article(article(
        "Boko Haram abducts 14 women farmers in Yobe",
        "Suspected Boko Haram insurgents on Sunday abducted 14 women outside Mallam-Dunari, a village in Gujba "
        "Local Government Area of Yobe State, residents said.\n\n"
        "The women were working on farms when the gunmen surrounded them.\n\n"
        "The Police Public Relations Officer in Damaturu confirmed the incident, saying one person was killed.",
        published="2023-07-31T08:00:00Z"))
    event = primary(out)
    assert event["fatalities"] == 1
    assert len(out["events"]) == 1


def test_residents_named_beside_a_battle_are_no_party_unless_harmed():
    out = tag_article(article(
        "ISWAP attacks army base in Borno",
        "Jihadists stormed an army base in Marte, Borno State, on Thursday evening and fought troops for "
        "three hours, the army said.\n\n"
        "Jihadists killed five soldiers when they stormed the base on Thursday evening, and for the whole of "
        "that long night the residents of the town lay on the floors of their homes."))
    assert "civilians" not in primary(out)["actors"]
    out = tag_article(article(
        "ISWAP attacks army base in Borno",
        "Jihadists stormed an army base in Marte, Borno State, on Thursday evening and fought troops for "
        "three hours, the army said.\n\nTwo children were killed by stray bullets, residents said."))
    assert "civilians" in primary(out)["actors"]


def test_a_reaction_lead_does_not_date_the_incident():
    out = tag_article(article(
        "Niafunke leaders demand inquiry after drone strike on wedding",
        "Community leaders in the northern Malian town of Niafunke on Tuesday called for an independent "
        "investigation into a drone strike that residents say killed more than 20 people at a wedding.\n\n"
        "The army has not commented on the accusations.\n\n"
        "The strike hit the village of Dar Salam on Saturday afternoon as guests gathered, residents said.",
        published="2023-08-02T09:00:00Z"))
    assert primary(out)["date"] == "2023-07-29"
    out = tag_article(article(
        "Djibo : des femmes manifestent après l'attaque d'un convoi",
        "Plusieurs centaines de femmes ont marché dimanche dans les rues de Djibo pour réclamer la sécurisation "
        "des convois.\n\nLes manifestantes se sont dispersées dans le calme.\n\n"
        "Jeudi, le convoi a été pris dans une embuscade près de Djibo. Dix-sept soldats ont été "
        "tués et plusieurs camions incendiés.", published="2023-10-02T11:00:00Z", language="fr"))
    event = primary(out)
    assert event["date"] == "2023-09-28"
    assert event["sub_event_type"] != "looting_property_destruction"


def test_forces_that_did_not_intervene_or_only_described_the_attackers_are_no_party():
    out = tag_article(article(
        "Jihadist rivals clash near Menaka",
        "Fighters of JNIM and the Islamic State Sahel Province clashed on Friday near Inekar, in the Menaka "
        "region of Mali, killing dozens, local sources said.\n\n"
        "Malian troops and their Russian allies, who hold Menaka town, did not intervene in Friday's fighting.",
        published="2023-05-14T09:00:00Z"))
    assert {"military_ml", "wagner"}.isdisjoint(primary(out)["actors"])
    out = tag_article(article(
        "Gunmen abduct pupils in Zamfara",
        "Gunmen, described by police as bandits, abducted 19 pupils from a school in Zamfara state on "
        "Thursday. A guard was shot dead, state police spokesman Ibrahim Dauda said.\n\n"
        "Security forces, backed by local vigilantes, had been deployed to the area, a spokesman said.",
        published="2022-06-04T09:00:00Z"))
    assert "military_ng" not in primary(out)["actors"]


def test_pro_government_militia_is_the_country_s_own():
    out = tag_article(article(
        "Soldiers and militia execute villagers in Burkina Faso",
        "Soldiers and pro-government militia fighters in Burkina Faso summarily executed at least 12 men "
        "in the village of Sanaba, in Burkina Faso's Boucle du Mouhoun region, on Sunday, a rights group said."))
    actors = primary(out)["actors"]
    assert "vdp" in actors and "gatia_msa" not in actors


def test_a_neighbour_s_protest_does_not_move_the_incident_there():
    out = tag_article(article(
        "Mauritania summons Malian envoy after herders killed near border",
        "NOUAKCHOTT, Nov 20 - Mauritania summoned Mali's ambassador on Monday to protest against the killing of "
        "fifteen Mauritanian herders across the border, which Nouakchott blamed on Malian soldiers.\n\n"
        "The foreign minister demanded an investigation, the ministry said.\n\n"
        "The herders, all from the Hodh Ech Chargui region, were watering their animals near Kourou-Diawara, a "
        "hamlet in Mali about 40 km north of the town of Nara, on Tuesday, November 14, when soldiers arrived. "
        "A survivor told a local radio station in Bassikounou that the soldiers shot the men.",
        published="2023-11-20T18:00:00Z"))
    event = primary(out)
    assert (event["country"], event["location"], event["date"]) == ("ML", "Kourou-Diawara", "2023-11-14")


def test_police_chasing_the_attackers_or_named_in_a_quote_are_no_party():
    out = tag_article(article(
        "Gunmen kill 14 worshippers in Katsina mosque",
        "Gunmen killed 14 worshippers at a mosque in Dan Musa, Katsina State, on Friday.\n\n"
        "The Police Public Relations Officer of the Katsina State Command, ASP Abubakar Aliyu, confirmed the "
        "incident. \"The Divisional Police Officer led a team to the scene, and troops and the Community Watch "
        "Corps are on the trail of the hoodlums,\" he said.\n\n"
        "\"They said we reported them to soldiers,\" a resident said. The market had been closed on an order "
        "imposed by the military.", published="2023-06-10T09:00:00Z"))
    assert "military_ng" not in primary(out)["actors"]


@pytest.mark.parametrize(("title", "text", "published", "language"), [
    ("Jihadists kill seven villagers in northern Togo",
     "Suspected jihadists killed seven civilians in the village of Tambigou, in Togo's Savanes region, on "
     "Saturday. The attackers gathered residents in the square and shot several men they accused of "
     "informing the army, the government said.", "2025-11-04T10:00:00Z", "en"),
    ("Des jihadistes tuent six civils au Burkina",
     "Des hommes armés ont tué six civils samedi dans le village de Bani, dans la province du Séno. Les "
     "assaillants ont séparé les habitants, accusés de complicité avec l'armée, avant d'ouvrir le feu.",
     "2023-03-06T10:00:00Z", "fr"),
    ("Jihadists kill fishermen near Lake Chad",
     "Jihadist fighters killed at least a dozen fishermen on the shores of Lake Chad in Nigeria's Borno state on "
     "Sunday, local officials said, accusing them of passing information to the military.",
     "2024-09-03T10:00:00Z", "en"),
    ("Des jihadistes tuent des pêcheurs au Tchad",
     "Des jihadistes ont tué douze pêcheurs dimanche sur une île du lac Tchad, dans la province du Lac, les accusant "
     "de fournir des renseignements à l'armée.", "2024-09-03T10:00:00Z", "fr"),
])
def test_the_army_named_in_the_killers_charge_is_no_party(title, text, published, language):
    event = primary(tag_article(article(title, text, published=published, language=language)))
    assert not any(a.startswith("military_") for a in event["actors"])
    assert event["sub_event_type"] == "attack"


def test_police_and_soldiers_deployed_after_a_raid_are_no_party():
    event = primary(tag_article(article(
        "Lakurawa gunmen kill villagers in Sokoto",
        "Fighters of the Lakurawa armed group killed more than a dozen people in a raid on Kwallajiya, in Tangaza "
        "local government area of Sokoto state, on Sunday.\n\n"
        "\"More than a dozen persons were killed,\" the police spokesman said, adding that police and military units "
        "had been deployed and that calm had returned.")))
    assert sorted(event["actors"]) == ["civilians", "lakurawa"]


def test_volunteers_counted_among_the_dead_in_a_quoted_communique_are_a_party():
    event = primary(tag_article(article(
        "Burkina : le JNIM revendique l'attaque de la brigade de Mansila",
        "Des combattants du JNIM ont pris d'assaut samedi la brigade de gendarmerie de Mansila, dans la province du "
        "Yagha.\n\nDans un communiqué, l'état-major a reconnu « la perte de onze gendarmes et de quatre Volontaires "
        "pour la défense de la patrie (VDP) ».", language="fr")))
    assert {"jnim", "military_bf", "vdp"} <= set(event["actors"])
    assert event["fatalities"] == 15


def test_the_wounded_evacuated_to_one_town_then_another_leave_the_toll_with_the_attack():
    event = primary(tag_article(article(
        "Banibangou : les FDS repoussent une attaque, deux militaires tombés",
        "Une position des FDS a été attaquée mardi dans le département de Banibangou, région de Tillabéri, par des "
        "terroristes de l'EIGS.\n\nLe bilan fait état de deux militaires tombés et de six blessés, évacués sur "
        "Ouallam puis sur Niamey. « Les FDS ont réagi, neutralisant dix-sept terroristes », précise le communiqué.",
        language="fr")))
    assert normalise_name(event["location"]) == "banibangou"
    assert event["fatalities"] == 19


@pytest.mark.parametrize("title, text, language, force", [
    ("Mali: drone strike on gold mining site killed civilians",
     "A drone strike on the Intahaka artisanal gold mining site, in the Gao region, killed at least eight civilians on "
     "21 January, Amnesty International said today.", "en", "military_ml"),
    ("Kompienga : des frappes aériennes sur une base près de Pama",
     "Plusieurs dizaines de terroristes ont été neutralisés lundi par des frappes aériennes sur une base près de "
     "Pama, dans la province de la Kompienga.", "fr", "military_bf"),
])
def test_a_strike_from_the_air_with_no_force_named_is_the_state_s(title, text, language, force):
    event = primary(tag_article(article(title, text, "2024-02-08T10:00:00Z", language)))
    assert event["sub_event_type"] == "air_drone_strike" and force in event["actors"]


def test_an_attack_on_villagers_with_no_author_named_is_an_unidentified_group_s():
    event = primary(tag_article(article(
        "Savanes : sept civils tués dans une attaque nocturne à Koundjoaré",
        "Sept civils ont été tués dans la nuit de jeudi à vendredi lors d'une attaque contre le village de "
        "Koundjoaré, dans la préfecture de Kpendjal, selon des sources locales.", language="fr")))
    assert event["sub_event_type"] == "attack"
    assert sorted(event["actors"]) == ["civilians", "unidentified_armed_group"]
    assert event["perpetrators"] == ["unidentified_armed_group"]


def test_the_inferred_attackers_make_no_story_relevant():
    out = tag_article(article("Boat capsizes in Niger State, 24 dead",
                              "At least 24 passengers died when an overloaded boat capsized on the river near Mokwa "
                              "in Niger State on Sunday, emergency officials said."))
    assert out["relevant"] is False


def test_the_attackers_rival_group_is_no_party():
    event = primary(tag_article(article(
        "Boko Haram kills 13 fishermen near Darak",
        "Thirteen fishermen were killed in an attack by Boko Haram terrorists on a fishing camp near Darak, in "
        "Cameroon's Far North region, on Sunday night, authorities said. The faction has stepped up raids on the "
        "islands as it fights the rival Islamic State West Africa Province for control of fishing grounds.")))
    assert "iswap" not in event["actors"] and "jas" in event["actors"]


def test_the_group_the_attackers_split_from_is_no_party():
    event = primary(tag_article(article(
        "ISWAP fighters attack army base at Darak",
        "Fighters of the Islamic State West Africa Province, a splinter of Boko Haram, attacked an army base at Darak in "
        "Cameroon's Far North region on Sunday, killing two soldiers, a military source said.")))
    assert "jas" not in event["actors"] and "iswap" in event["actors"]


@pytest.mark.parametrize("description", [
    "Local officials blamed fighters of the Islamic State West Africa Province, the Boko Haram faction that broke "
    "away from Abubakar Shekau's group in 2016.",
    "Local officials blamed the Islamic State West Africa Province, which split from Boko Haram in 2016.",
])
def test_the_attackers_history_names_no_party_and_no_older_incident(description):
    event = primary(tag_article(article(
        "Extremists kill 22 villagers in Yobe",
        "Islamic extremists killed 22 villagers in an attack on Ngurbuwa village in Gujba local government area "
        "of Yobe state on Wednesday night, a council official said.\n\n" + description, "2018-03-01T10:30:00Z")))
    assert sorted(event["actors"]) == ["civilians", "iswap"]


@pytest.mark.parametrize("language, title, text, group", [
    ("fr", "Cameroun : six morts dans un attentat-suicide à Zeleved",
     "Six civils ont été tués samedi soir dans un attentat-suicide à Zeleved, dans le département du Mayo-Tsanaga, "
     "selon des sources sécuritaires.\n\nL'attentat n'a pas été revendiqué, mais les autorités l'imputent à la secte "
     "Boko Haram, qui a multiplié ce type d'opérations dans l'Extrême-Nord depuis 2014.", "jas"),
    ("en", "Landmine kills three soldiers near Kolofata",
     "Three Cameroonian soldiers were killed on Tuesday when their vehicle hit a landmine near Kolofata, in the "
     "Far North region, a military source said.\n\nLocal authorities attributed the blast to Boko Haram, who have "
     "stepped up the use of landmines on roads in Mayo-Sava since the beginning of the year.", "jas"),
])
def test_the_group_blamed_stays_a_party_whatever_it_has_done_since(language, title, text, group):
    event = primary(tag_article(article(title, text, "2017-08-14T08:30:00Z", language)))
    assert group in event["actors"] and "unidentified_armed_group" not in event["actors"]


def test_volunteers_in_the_search_teams_that_found_bodies_are_no_party():
    event = primary(tag_article(article(
        "Loroum : le bilan de l'attaque du marché de Ouindigui s'alourdit à 24 morts",
        "Le bilan de l'attaque perpétrée samedi contre le marché de Ouindigui, dans la province du Loroum, s'est "
        "alourdi à vingt-quatre morts, selon le gouverneur.\n\nSept corps ont été découverts dimanche dans la "
        "brousse par des équipes de recherche composées de Volontaires pour la défense de la patrie (VDP) et "
        "d'habitants.", "2021-05-24T12:00:00Z", "fr")))
    assert sorted(event["actors"]) == ["civilians", "unidentified_armed_group"]


def test_soldiers_who_only_reached_the_hamlet_the_next_morning_are_no_party():
    event = primary(tag_article(article(
        "Four civilians killed in night attack near Mandouri",
        "Four civilians were killed late Saturday when unidentified armed men attacked a hamlet near Mandouri, in "
        "the Kpendjal prefecture of Togo's Savanes region.\n\nSoldiers stationed in the town only reached the "
        "hamlet on Sunday morning, a resident said.")))
    assert "military_tg" not in event["actors"]


@pytest.mark.parametrize("title, text, language, force", [
    ("Diffa : double attentat-suicide au marché de Toumour",
     "Deux femmes kamikazes de Boko Haram se sont fait exploser lundi soir au marché de Toumour, dans la région de "
     "Diffa, faisant sept morts.\n\nUne troisième kamikaze, dont la charge n'a pas fonctionné, a été maîtrisée par "
     "des habitants et remise aux Forces de défense et de sécurité (FDS).", "fr", "military_ne"),
    ("Niger: Islamic State fighters kill villagers in Tillabéri",
     "Fighters of the Islamic State Sahel Province killed at least 22 civilians in an attack on the village of "
     "Chinégodar, in Niger's Tillabéri region, on Thursday. Niger's military authorities should ensure the "
     "protection of civilians in the area.\n\nSoldiers from a nearby base arrived the next morning.", "en",
     "military_ne"),
])
def test_forces_handed_a_suspect_called_on_or_arriving_next_day_are_no_party(title, text, language, force):
    assert force not in primary(tag_article(article(title, text, language=language)))["actors"]


def test_rebels_who_only_give_a_toll_of_a_drone_strike_are_no_party():
    event = primary(tag_article(article(
        "Nord du Mali : une frappe de drone meurtrière près de Tinzaouatène",
        "Une frappe de drone a visé dimanche un point d'eau fréquenté par des éleveurs près de Tinzaouatène, dans la "
        "région de Kidal. Au moins huit civils ont été tués, selon des sources locales.\n\n"
        "Le Front de libération de l'Azawad (FLA), la coalition de rebelles indépendantistes présente dans la zone, "
        "avance un bilan plus lourd : onze morts. Le FLA accuse l'armée malienne de cibler les populations.",
        language="fr")))
    assert sorted(event["actors"]) == ["civilians", "military_ml"]


@pytest.mark.parametrize("title, text, language", [
    ("Mali : une frappe de drone sur la foire d'Essouk",
     "Au moins huit civils ont été tués lundi par une frappe de drone de l'armée dans le village d'Essouk, dans la "
     "région de Kidal, selon des élus locaux.\n\nLe Front de libération de l'Azawad (FLA), la coalition de "
     "mouvements armés qui combat l'armée dans le nord du pays, a pour sa part dénoncé « un nouveau crime contre des "
     "populations innocentes ».", "fr"),
    ("Mali : une frappe de drone sur la foire d'Essouk",
     "Au moins huit civils ont été tués lundi par une frappe de drone de l'armée dans le village d'Essouk, dans la "
     "région de Kidal, selon des élus locaux.\n\nLe FLA a dénoncé un « massacre de civils ».", "fr"),
    ("Malian drone strike on Anefis market; FLA alleges civilian toll",
     "Malian army drones struck the weekly market at Anefis, in the Kidal region, on Sunday. The Azawad Liberation "
     "Front (FLA), the coalition of Tuareg-led separatist groups formed in 2024 out of the Strategic Framework for the "
     "Defence of the People of Azawad (CSP-DPA), said the strikes killed eleven civilians.", "en"),
    # ... or whose accounts, posts or statements report it
    ("Mali: drone strike kills herders at a well near Abeibara",
     "At least eight people were killed when an army drone struck a well near Abeibara, in the Kidal region, on "
     "Saturday, local sources said. The CSP-DPA alliance said in a statement that the strike hit herders watering "
     "their animals.", "en"),
    ("Mali: rebels accuse army of drone strike on Tarkint market",
     "The Azawad Liberation Front (FLA), the coalition of mainly Tuareg separatist armed groups in northern Mali, said "
     "in a statement posted on its Facebook page on Monday that a drone of the Malian army had struck the Tarkint "
     "market on Sunday, killing eleven civilians.", "en"),
    ("Mali: videos show aftermath of drone strike on Tarkint market",
     "Videos posted on Sunday on Facebook and X by accounts close to the Azawad Liberation Front (FLA), the coalition "
     "of Tuareg-led rebels fighting the Malian state, show bodies beside market stalls in Tarkint after a Malian army "
     "drone strike that killed at least eleven civilians, a local official said.", "en"),
    ("Mali : une frappe de drone sur le marché de Tarkint",
     "Au moins onze civils ont été tués dimanche par une frappe de drone de l'armée sur le marché de Tarkint, selon un "
     "élu local. Le Front de libération de l'Azawad (FLA), coalition de groupes armés à dominante touareg, affirme "
     "dans un communiqué que la frappe visait des forains.", "fr"),
])
def test_rebels_who_only_denounce_report_or_tell_the_toll_of_a_strike_are_no_party(title, text, language):
    event = primary(tag_article(article(title, text, language=language)))
    assert sorted(event["actors"]) == ["civilians", "military_ml"]


def test_a_group_s_location_told_before_an_inverted_verb_of_saying_is_no_speech_of_its_own():
    event = primary(tag_article(article(
        "Hodh Ech Chargui : arrestation de quatre individus soupçonnés d'appartenir à un groupe terroriste",
        "Des unités de l'armée ont interpellé vendredi quatre individus soupçonnés d'appartenir au Groupe de soutien "
        "à l'islam et aux musulmans (GSIM), à une quarantaine de kilomètres de Bassikounou, dans la wilaya du Hodh Ech "
        "Chargui, indique un communiqué du ministère de l'Intérieur.", language="fr")))
    assert "jnim" in event["actors"]


@pytest.mark.parametrize("title, text, language, bystander", [
    ("Ménaka : au moins 24 civils tués à Tinfagat",
     "Au moins vingt-quatre civils ont été tués mercredi lors de l'attaque du campement de Tinfagat, dans la région "
     "de Ménaka, a indiqué vendredi la Division des droits de l'homme de la Mission multidimensionnelle intégrée des "
     "Nations unies pour la stabilisation au Mali (MINUSMA). Les assaillants sont attribués à l'État islamique.",
     "fr", "minusma"),
    ("Mali: jihadists abduct 40 villagers near Sokolo",
     "Katiba Macina fighters abducted about 40 people from the village of Kourouma, in the Niono cercle, on Thursday "
     "and shot two men dead. The armed men rounded up men they accused of supporting the Dozo hunters' militia and "
     "of informing the army, the mayor said.", "en", "dozo"),
    ("Mali : des passagers enlevés près de Songho",
     "Des hommes armés ont enlevé lundi une vingtaine de passagers d'un car près de Songho et tué le chauffeur. La "
     "katiba Macina a revendiqué l'opération, accusant certains passagers de « collaborer » avec l'armée et avec les "
     "miliciens dozos.", "fr", "dozo"),
])
def test_a_body_speaking_for_its_mission_or_the_side_victims_are_accused_of_helping_is_no_party(
        title, text, language, bystander):
    assert bystander not in primary(tag_article(article(title, text, language=language)))["actors"]


def test_police_giving_a_revised_toll_are_a_source_and_their_earlier_toll_s_day_no_date():
    event = primary(tag_article(article(
        "Zamfara: Police say Bilbis attack toll rises to 17",
        "The Zamfara State Police Command on Tuesday said the number of people killed when armed bandits invaded "
        "Bilbis, in Tsafe Local Government Area, had risen to 17.\n\n"
        "The command's spokesman had on Monday put the toll at 11.\n\n"
        "Residents said the bandits stormed the community at about 4pm on Sunday and shot at people in the market.",
        "2020-05-19T11:00:00Z")))
    assert (event["sub_event_type"], event["fatalities"], event["date"]) == ("attack", 17, "2020-05-17")
    assert sorted(event["actors"]) == ["bandits_ng", "civilians"]


def test_soldiers_killed_after_being_deployed_stay_a_party():
    out = tag_article(article(
        "Soldiers killed in Mali ambush",
        "Soldiers were deployed to the area on Monday. Jihadists ambushed the soldiers near Boni, killing 8 "
        "of them, the army said."))
    assert "military_ml" in primary(out)["actors"]


def test_an_illegal_checkpoint_is_the_gunmen_s_not_the_army_s():
    out = tag_article(article(
        "Aid workers abducted in Borno",
        "Gunmen abducted three aid workers on Monday at an illegal checkpoint near the village of Ngamdu, "
        "in Borno state, their organisation said."))
    event = primary(out)
    assert "military_ng" not in event["actors"]
    assert event["sub_event_type"] == "abduction_forced_disappearance"


def test_violence_against_civilians_always_names_the_civilians():
    out = tag_article(article(
        "Gunmen kill 20 at church in Burkina Faso",
        "Gunmen killed 20 worshippers during a service at a church in Pansi, in Burkina Faso's Yagha "
        "province, on Sunday, the governor said."))
    event = primary(out)
    assert event["event_type"] == "Violence against civilians"
    assert "civilians" in event["actors"]


def test_jnim_attack_in_northern_togo_is_relevant():
    out = tag_article(article(
        "JNIM claims attack on Togolese army post",
        "JNIM claimed an attack that killed eight Togolese soldiers at an army post in Kpinkankandi, in "
        "Togo's Savanes region, on Tuesday night.", published="2022-05-04T08:00:00Z"))
    assert out["relevant"] is True
    assert primary(out)["country"] == "TG"


def test_story_set_elsewhere_with_a_passing_sahel_mention_is_not_relevant():
    out = tag_article(article(
        "Darfur: hundreds killed as paramilitaries storm camp",
        "Paramilitaries killed hundreds of civilians in an attack on a camp in Darfur, Sudan, the UN said. "
        "Thousands fled towards the border with Chad, where refugees gathered in Adre."))
    assert out["relevant"] is False


def test_background_events_keep_their_own_dates():
    out = tag_article(seed())
    background = {e["location"]: (e["date"], e["date_precision"]) for e in out["events"] if not e["primary"]}
    assert background["Tongo Tongo"] == ("2019-05-01", "month")
    # "Friday's attack comes one month after JNIM killed dozens": Friday dates the main attack only.
    assert all(e["date"] != "2019-11-01" for e in out["events"] if not e["primary"])


def test_story_naming_no_place_of_the_scope_is_not_relevant_and_scores_low():
    out = tag_article(article(
        "Missile strike kills 11 in Kharkiv",
        "A missile strike on a residential area of Kharkiv killed 11 people and wounded 20 on Thursday, "
        "Ukraine's interior ministry said.", language="en"), explain=True)
    assert out["relevant"] is False
    assert out["score"] <= 0.3
    assert "scope" in out["explain"]["relevant"]["rule"]


def test_party_named_only_inside_quoted_speech_is_not_an_actor():
    out = tag_article(article(
        "Des greniers incendiés à Tankoualou",
        "Des hommes armés non identifiés ont incendié mardi une vingtaine de greniers dans le village de "
        "Tankoualou, dans la province de la Komondjari, selon des sources locales. « Ils ont dit que ceux qui "
        "resteraient seraient considérés comme des complices des VDP », raconte un conseiller municipal.",
        published="2021-11-29T08:00:00Z", language="fr"))
    assert "vdp" not in primary(out)["actors"]
    assert "unidentified_armed_group" in primary(out)["actors"]


def test_group_blamed_in_scare_quotes_is_still_the_perpetrator():
    out = tag_article(article(
        "Zamfara : des lycéennes enlevées à Jangebe",
        "Des dizaines d'hommes armés ont enlevé vendredi des centaines de lycéennes dans leur internat de "
        "Jangebe, dans l'État de Zamfara. Les autorités attribuent l'enlèvement à des « bandits ».",
        published="2021-03-01T10:00:00Z", language="fr"))
    assert "bandits_ng" in primary(out)["actors"]
    assert "unidentified_armed_group" not in primary(out)["actors"]


def test_counted_residents_name_the_village_of_the_incident():
    out = tag_article(article(
        "Togo : trois civils tués par des hommes armés",
        "Trois habitants de Koundjoaré, un village de la préfecture de Kpendjal, dans la région des Savanes, "
        "ont été tués lundi soir par des hommes armés, a-t-on appris de sources locales.",
        published="2023-07-13T10:30:00Z", language="fr"))
    assert primary(out)["location"] == "Koundjoare"


def test_toll_in_a_sentence_naming_where_the_wounded_were_taken_stays_with_the_incident():
    out = tag_article(article(
        "Six soldiers killed in attack on army position in northern Benin",
        "Six Beninese soldiers were killed on Wednesday when gunmen attacked an army position near Karimama, "
        "in Benin's northern Alibori department, the army said on Friday.\n\n"
        "The army said its soldiers had repelled the assault, killing at least two assailants, and that several "
        "soldiers had been wounded and evacuated to Kandi.",
        published="2025-05-02T09:00:00Z"))
    assert primary(out)["fatalities"] == 8


def test_residents_who_only_fled_are_not_a_party_to_a_battle():
    out = tag_article(article(
        "Burkina army says it has retaken Solhan",
        "Burkina Faso's army said on Thursday it had reoccupied the town of Solhan, in the Yagha province of the "
        "Sahel region, which was abandoned by most of its residents. Troops and members of the VDP entered the town "
        "on Tuesday after clashes with fighters of JNIM, the army said. It said 18 fighters had been killed.",
        published="2024-06-20T12:00:00Z"))
    event = primary(out)
    assert event["event_type"] == "Battles"
    assert "civilians" not in event["actors"]


def test_civilians_killed_beside_soldiers_stay_a_party():
    out = tag_article(article(
        "Suicide bombers kill 23 in Chad capital",
        "Suicide bombers struck the police headquarters in N'Djamena on Monday, killing 23 people, the government "
        "said, blaming Boko Haram. Most of the dead were police officers, but civilians passing by were also killed.",
        published="2015-06-16T09:30:00Z"))
    assert "civilians" in primary(out)["actors"]


def test_unclaimed_roadside_bomb_was_planted_by_an_unidentified_group():
    out = tag_article(article(
        "Bénin : deux militaires tués par un engin explosif près de Batia",
        "Deux militaires béninois ont été tués lundi lorsque leur véhicule a heurté un engin explosif improvisé "
        "près de Batia, dans la commune de Tanguiéta, a annoncé l'état-major. L'attaque n'a pas été revendiquée.",
        published="2023-02-22T15:00:00Z", language="fr"))
    event = primary(out)
    assert event["sub_event_type"] == "remote_explosive_landmine_ied"
    assert "unidentified_armed_group" in event["actors"]
    assert event["perpetrators"] == ["unidentified_armed_group"]


def test_force_announcing_its_own_strike_is_a_party_not_a_source():
    out = tag_article(article(
        "Mali : Barkhane annonce avoir neutralisé une vingtaine de jihadistes",
        "La force française Barkhane a annoncé mercredi avoir « neutralisé une vingtaine de terroristes » lors "
        "d'une frappe aérienne menée le 17 avril au nord-est de Gossi, dans la région de Tombouctou. Selon "
        "l'état-major, les combattants appartenaient au Groupe de soutien à l'islam et aux musulmans (GSIM).",
        published="2021-04-21T10:00:00Z", language="fr"))
    assert {"france", "jnim"} <= set(primary(out)["actors"])


def test_security_services_making_arrests_are_the_national_force():
    out = tag_article(article(
        "Mauritanie : cinq membres présumés d'une cellule du GSIM interpellés à Néma",
        "Les services de sécurité mauritaniens ont interpellé mercredi à Néma, chef-lieu de la wilaya du Hodh Ech "
        "Chargui, cinq personnes soupçonnées d'appartenir à une cellule de soutien logistique au GSIM.",
        published="2021-05-07T10:00:00Z", language="fr"))
    event = primary(out)
    assert event["sub_event_type"] == "arrests"
    assert {"military_mr", "jnim"} <= set(event["actors"])


def test_claim_of_responsibility_naming_an_older_date_stays_with_the_incident():
    out = tag_article(article(
        "Soum : un conseiller municipal tué à Tongomayel",
        "Des hommes armés ont tué hier un conseiller municipal et un enseignant à Tongomayel, dans la province du "
        "Soum, a-t-on appris de sources locales.\n\n"
        "Dans la soirée, le groupe Ansaroul Islam, fondé par un prédicateur mort l'an dernier, a revendiqué "
        "l'attaque dans un message audio.",
        published="2018-03-08T10:20:00Z", language="fr"))
    event = primary(out)
    assert "ansarul_islam" in event["actors"]
    assert event["fatalities"] == 2


def test_attack_said_to_be_the_work_of_a_group_names_it():
    out = tag_article(article(
        "Une vingtaine de chasseurs dozos tués à Dogofry",
        "Une vingtaine de chasseurs dozos ont été tués dimanche dans l'attaque de leur position à Dogofry, dans le "
        "cercle de Niono, selon des élus locaux.\n\n"
        "Selon les mêmes sources, l'attaque est l'œuvre de la katiba Macina.",
        published="2021-05-04T10:00:00Z", language="fr"))
    assert "katiba_macina" in primary(out)["actors"]


def test_state_perpetrator_counting_its_own_strike_is_not_an_official_count():
    out = tag_article(article(
        "Nigerian air strike kills at least 16 civilians in Katsina",
        "A Nigerian air force strike targeting bandits killed at least 16 civilians on Wednesday near Yantumaki, in "
        "Katsina state, local officials said.\n\n"
        "The air force said in a statement that the strike had neutralised dozens of bandits in a known hideout.",
        published="2024-08-02T15:45:00Z"))
    event = primary(out)
    assert event["perpetrators"] == ["military_ng"]
    assert event["fatalities"] == 16
    assert {"kind": "killed", "count": None, "qualifier": "dozens", "victims": "militants",
            "claimant": "air force", "claimant_type": "perpetrator"} in event["claims"]


def test_the_army_s_terrorists_neutralised_where_its_auxiliaries_executed_civilians_are_the_same_dead():
    out = tag_article(article(
        "Militiamen executed at least 23 men in eastern Burkina town, rights group says",
        "Volunteers for the Defence of the Homeland (VDP) rounded up and executed at least 23 men in the town of "
        "Partiaga, in Burkina Faso's Tapoa province, on March 4, a rights group said on Tuesday.\n\n"
        "The group said it interviewed 27 people, including 14 witnesses. \"They separated us by ethnicity. Then we "
        "heard the shots,\" one witness said.\n\n"
        "Two days after the killings, an army communiqué said an operation in the Partiaga area had \"neutralised "
        "about forty terrorists\". It made no mention of civilian casualties.",
        published="2024-05-14T09:00:00Z"))
    event = primary(out)
    assert event["sub_event_type"] == "attack" and "vdp" in event["perpetrators"]
    assert event["fatalities"] == 23


def test_a_state_named_as_its_police_or_government_is_no_other_place_of_the_toll():
    out = tag_article(article(
        "Gunmen kidnap worshippers from mosque in Nigeria's Katsina state",
        "Armed bandits seized dozens of worshippers from a mosque in Nigeria's north-western Katsina state late on "
        "Saturday, residents said.\n\n"
        "The attackers surrounded the mosque in Yankara village in Faskari local government area as residents "
        "gathered for the evening prayer.\n\n"
        "Katsina police spokesman Gambo Isah said 38 people were taken and that a member of a local vigilance "
        "group was shot dead when he tried to stop the gunmen.",
        published="2020-03-02T10:00:00Z"))
    assert primary(out)["fatalities"] == 1


def test_property_destroyed_with_people_killed_is_an_attack_on_civilians():
    out = tag_article(article(
        "Zamfara: Villagers flee as bandits burn Kurya Madaro",
        "Hundreds of residents of Kurya Madaro in Kaura Namoda Local Government Area of Zamfara State have taken "
        "refuge in the local government headquarters after gunmen on motorcycles stormed the community on Saturday "
        "night, setting houses and grain stores ablaze.\n\n"
        "The police said in a statement: \"Regrettably, twenty-three (23) persons lost their lives in the attack.\"",
        published="2018-12-31T10:00:00Z"))
    event = primary(out)
    assert (event["event_type"], event["sub_event_type"], event["fatalities"]) == (
        "Violence against civilians", "attack", 23)
    # burnt with nobody killed, it stays the destruction
    out = tag_article(article(
        "Zamfara: Villagers flee as bandits burn Kurya Madaro",
        "Gunmen on motorcycles stormed Kurya Madaro in Kaura Namoda Local Government Area of Zamfara State on Saturday "
        "night, setting houses and grain stores ablaze. Nobody was hurt, residents said.",
        published="2018-12-31T10:00:00Z"))
    assert primary(out)["sub_event_type"] == "looting_property_destruction"


@pytest.mark.parametrize("text, language", [
    ("Sept passagers ont été tués lors de l'attaque d'une pinasse sur le fleuve Niger, à hauteur de Bamba, dans le "
     "cercle de Bourem.\n\nL'embarcation, partie de Gao mercredi matin à destination de Tombouctou, a été prise pour "
     "cible jeudi vers 10 heures par des hommes armés embusqués sur la rive.", "fr"),
    ("Seven passengers were killed when gunmen attacked a boat on the Niger river near Bamba, in Mali's Gao region."
     "\n\nThe boat, which left Gao on Wednesday morning, came under fire on Thursday from men hidden on the bank.",
     "en"),
])
def test_the_day_a_journey_began_is_not_the_day_of_the_attack_told_beside_it(text, language):
    out = tag_article(article("", text, published="2024-06-01T09:30:00Z", language=language))
    assert primary(out)["date"] == "2024-05-30"
    # a column that left and retook the town the same day is dated by its departure
    out = tag_article(article("", "Les FAMa affirment avoir repris aux rebelles du Front de libération de l'Azawad le "
                              "contrôle de Ber, près de Tombouctou, au Mali.\n\nLa colonne de l'armée, partie de "
                              "Tombouctou mardi matin, a repris la localité après des combats.",
                              published="2025-11-27T09:30:00Z", language="fr"))
    assert primary(out)["date"] == "2025-11-25"


@pytest.mark.parametrize("text, language, militia", [
    ("Armed men on motorcycles attacked a post of the Koglweogo self-defence movement in Madjoari, in Burkina Faso's "
     "Kompienga province, on Saturday evening, killing at least six of its members, local officials said.", "en",
     "koglweogo"),
    ("Des hommes armés ont attaqué samedi un poste des chasseurs dozos à Bankass, dans la région de Mopti, au Mali, "
     "tuant six d'entre eux, selon des élus locaux.", "fr", "dozo"),
])
def test_gunmen_who_attack_a_militia_are_a_party_beside_it(text, language, militia):
    event = primary(tag_article(article("", text, published="2019-04-29T10:00:00Z", language=language)))
    assert {militia, "unidentified_armed_group"} <= set(event["actors"])
    # ... while gunmen who are the militia are one party
    event = primary(tag_article(article("", "Armed men, Dozo hunters according to witnesses, attacked the Fulani "
                                        "village of Ogossagou, in Mali's Mopti region, on Saturday, killing 37 "
                                        "villagers.", published="2019-03-25T10:00:00Z")))
    assert "dozo" in event["actors"] and "unidentified_armed_group" not in event["actors"]


def test_civilians_killed_in_a_military_operation_with_foreign_personnel_are_relevant():
    out = tag_article(article(
        "Mali: UN Human Rights Office alarmed by killing of villagers in Ségou region",
        "The UN Human Rights Office is gravely concerned by credible reports that at least 27 civilians were killed "
        "during a military operation in the village of Monimpébougou, in the Macina cercle of Mali's Ségou region, on "
        "21 April.\n\nMalian armed forces, accompanied by armed foreign military personnel whom witnesses described as "
        "Russian-speaking, entered the village early in the morning.", published="2024-05-03T10:00:00Z"))
    event = primary(out)
    assert out["relevant"] and event["fatalities"] == 27
    assert {"military_ml", "wagner", "civilians"} <= set(event["actors"])
    out = tag_article(article("", "Au moins douze civils ont été tués lors d'une opération militaire dans le village "
                              "de Boulel, dans le cercle de Niono, au Mali, selon des élus locaux.",
                              published="2024-05-03T10:00:00Z", language="fr"))
    assert out["relevant"]


def test_unidentified_armed_individuals_blowing_up_a_pipeline_with_nobody_hurt_is_relevant():
    out = tag_article(article(
        "Explosive sabotage on Niger-Benin export pipeline",
        "Overnight Sunday to Monday, unidentified armed individuals detonated an improvised explosive charge on the "
        "Niger-Benin crude oil export pipeline near Dogonkiria (also written Dogon Kiria), a rural commune of the "
        "Dogondoutchi department, Dosso region. No casualties have been reported.", published="2024-06-19T10:00:00Z"))
    event = primary(out)
    assert out["relevant"] and "unidentified_armed_group" in event["actors"]
    assert (event["location"], event["admin1"]) == ("Dogonkiria", "Dosso")


@pytest.mark.parametrize("text, place", [
    ("Le FLA affirme avoir tendu samedi une embuscade à un convoi de l'armée malienne sur l'axe Kidal–Tessalit, à une "
     "trentaine de kilomètres au sud d'Aguelhok, tuant douze soldats.", "Aguelhok"),
    ("Un car de transport en commun qui reliait Mopti à Gao a sauté mardi sur un engin explosif à une quinzaine de "
     "kilomètres à l'est de Boni, dans le cercle de Douentza, au Mali, tuant onze passagers.", "Boni"),
    # evacuated by air to the capital: a destination, not the scene
    ("Quatre soldats ont été tués samedi par une mine sur la piste de Dargol, dans la région de Tillabéri, au Niger.\n\n"
     "Les blessés ont été évacués par voie aérienne vers Niamey.", "Dargol"),
])
def test_a_road_s_ends_and_an_evacuation_s_destination_give_way_to_the_scene(text, place):
    out = tag_article(article("", text, published="2024-01-02T10:00:00Z", language="fr"))
    assert primary(out)["location"] == place


@pytest.mark.parametrize("text, language", [
    ("Gunmen attacked the police station in Dassari, in the commune of Matéri in Benin's Atacora department, "
     "overnight Saturday to Sunday.\n\nThe police said two officers had been killed. Residents reached by phone said "
     "three police officers had died.", "en"),
    ("De violents combats ont opposé samedi des combattants du JNIM à ceux de l'État islamique près de Tidermène, "
     "dans la région de Ménaka, au Mali.\n\nSelon des notables de la zone, une trentaine de combattants ont été tués "
     "dans les deux camps.", "fr"),
])
def test_civilians_who_only_tell_of_the_fighting_are_no_party(text, language):
    event = primary(tag_article(article("", text, published="2022-02-28T10:00:00Z", language=language)))
    assert "civilians" not in event["actors"]


@pytest.mark.parametrize("text, language", [
    ("La police a présenté à la presse ce mardi sept individus interpellés à Bobo-Dioulasso, au Burkina Faso, et "
     "soupçonnés d'appartenir à un réseau de soutien au GSIM.\n\nSelon le directeur régional, les suspects ont été "
     "interpellés le vendredi 26 novembre.", "fr"),
    ("Police paraded before journalists on Tuesday seven men arrested in Bobo-Dioulasso, Burkina Faso, on suspicion "
     "of supplying JNIM.\n\nThe suspects were arrested on Friday, November 26, the regional police chief said.", "en"),
])
def test_suspects_shown_to_the_press_are_dated_by_their_arrest(text, language):
    out = tag_article(article("", text, published="2021-11-30T10:00:00Z", language=language))
    assert primary(out)["date"] == "2021-11-26"


def test_a_place_measured_from_a_village_in_a_mauritanian_district_is_the_village():
    out = tag_article(article("", "Quatre éleveurs mauritaniens ont été tués samedi à une dizaine de kilomètres au nord "
                              "de Fassala, dans la moughataa de Bassikounou (Hodh Ech Chargui), par des hommes armés venus "
                              "du Mali, selon le gouvernement mauritanien.", published="2024-03-12T10:00:00Z",
                              language="fr"))
    assert primary(out)["location"] == "Fassala"


def test_lead_dated_only_by_when_it_was_said_takes_the_date_told_below():
    out = tag_article(article(
        "Troops neutralise bandits in Shiroro",
        "Troops have killed more than a dozen bandits in a clash in Shiroro Local Government Area of Niger State, "
        "the Defence Headquarters said on Thursday.\n\n"
        "On 22 September 2022, troops on fighting patrol made contact with bandits at Erena in Shiroro LGA of Niger "
        "State, a spokesman said.",
        published="2022-09-29T15:40:00Z"))
    event = primary(out)
    assert event["date"] == "2022-09-22"
    assert event["fatalities"] == 13


def test_army_general_staff_counting_its_own_drone_strike_is_the_perpetrator():
    out = tag_article(article(
        "Burkina Faso: drone strike on market kills civilians",
        "A Burkina Faso armed forces drone strike on a market in Titabé, in the Sahel region, on March 9 killed at "
        "least 24 civilians, Human Rights Watch said.\n\n"
        "On March 11, the army general staff said an air strike had neutralised dozens of terrorists at a logistics "
        "hub, without mentioning civilian casualties.",
        published="2024-04-11T06:00:00Z"))
    assert primary(out)["fatalities"] == 24


def test_raid_that_kills_many_and_abducts_others_is_an_attack_on_civilians():
    out = tag_article(article(
        "Zamfara: bandits kill 16 in Mutunji, abduct dozens",
        "Armed bandits killed 16 people in Mutunji, a farming community in Maru Local Government Area of Zamfara "
        "State, on Tuesday and abducted dozens of residents, the police said.",
        published="2023-09-06T10:00:00Z"))
    assert primary(out)["sub_event_type"] == "attack"
    out = tag_article(article(
        "Gunmen kidnap 80 students in Kebbi, police officer killed",
        "Gunmen stormed a government college in Kebbi state on Thursday, killing a police officer and abducting "
        "about 80 students, police said.",
        published="2021-06-18T08:00:00Z"))
    assert primary(out)["sub_event_type"] == "abduction_forced_disappearance"
    # fewer dead than five, but more dead than taken: the killing
    out = tag_article(article(
        "Boko Haram raid on Cameroon border village leaves four dead",
        "Suspected Boko Haram fighters killed four civilians and abducted two teenage girls in a raid on Tourou, in "
        "Cameroon's Far North region, late on Saturday, local officials said.", published="2019-06-10T10:00:00Z"))
    assert primary(out)["sub_event_type"] == "attack"
    out = tag_article(article(
        "Twelve people abducted in Tourou",
        "Gunmen abducted twelve people, including seven children, in Tourou, in Cameroon's Far North region, on "
        "Tuesday night and shot dead a man who tried to stop them, local sources said.",
        published="2023-11-16T10:00:00Z"))
    assert primary(out)["sub_event_type"] == "abduction_forced_disappearance"


def test_group_saying_its_fighters_did_it_replaces_the_unnamed_insurgents():
    out = tag_article(article(
        "Rockets fired into Maiduguri kill at least 10",
        "Insurgents fired rocket-propelled grenades into Maiduguri on Tuesday evening, killing at least 10 people, "
        "most of them children, police in Borno state said.\n\n"
        "Islamic State West Africa Province (ISWAP) said in a statement carried by its Amaq news agency that its "
        "fighters had fired rockets at military barracks in the city.",
        published="2021-02-24T11:00:00Z"))
    actors = primary(out)["actors"]
    assert "iswap" in actors and "unidentified_armed_group" not in actors


def test_attackers_believed_to_belong_to_a_group_are_that_group():
    out = tag_article(article(
        "Gunmen kidnap students in Kebbi",
        "Gunmen stormed a government college in Kebbi state on Thursday and abducted about 80 students, police said. "
        "Residents said the gunmen, believed to belong to one of the bandit gangs of the forests, numbered more "
        "than 50.",
        published="2021-06-18T08:00:00Z"))
    assert "bandits_ng" in primary(out)["actors"]


def test_a_later_attribution_names_the_group_but_not_the_forces_it_mentions():
    article = {"id": "m", "title": "Niger : onze villageois tués à Tizegorou",
               "text": "Onze villageois ont été tués dimanche par des hommes armés à Tizegorou, dans la région de "
                       "Tillabéri, selon des sources locales.\n\n"
                       "Les assaillants sont arrivés à moto et ont tiré sur les habitants.\n\n"
                       "Des proches ont enterré les victimes lundi.\n\n"
                       "Selon plusieurs sources, les assaillants appartiennent à l'État islamique au Sahel, qui "
                       "reproche aux habitants d'avoir informé les forces de défense et de sécurité.",
               "published": "2024-07-01T08:00:00Z", "language": "fr"}
    assert sorted(tag_article(article)["events"][0]["actors"]) == ["civilians", "is_sahel"]


def test_the_day_a_claim_was_circulated_does_not_date_the_raid():
    article = {"id": "c", "title": "JNIM claims raid on VDP post in eastern Burkina Faso",
               "text": "JNIM has claimed an assault on a position of the VDP in eastern Burkina Faso, in a set of "
                       "photographs circulated on Telegram on Wednesday.\n\n"
                       "The claim says its fighters stormed the post in Natiaboani, killing over a hundred.\n\n"
                       "The attack took place earlier this week - on Monday morning, according to local sources - "
                       "when fighters on motorcycles surrounded the post.",
               "published": "2023-11-09T12:00:00Z", "language": "en"}
    assert tag_article(article)["events"][0]["date"] == "2023-11-06"


def test_a_village_introduced_as_one_is_the_scene_not_the_district_the_title_names():
    article = {"id": "v", "title": "Air strike kills 24 at Mariga market",
               "text": "An air strike hit a weekly market in Mariga Local Government Area of Niger State on Sunday, "
                       "killing 24 people, residents said.\n\n"
                       "The strike hit the market at Tungan Bako, a village about 30 kilometres from Kontagora, at "
                       "around 2 p.m.",
               "published": "2024-03-04T10:00:00Z", "language": "en"}
    assert tag_article(article)["events"][0]["location"] == "Tungan Bako"


def test_unnamed_attackers_described_as_a_named_group_are_one_party():
    en = tag_article(article(
        "Bandits kill nine in Zamfara village",
        "Gunmen suspected to be bandits killed nine villagers in Kadisau, in Faskari area of Katsina State, "
        "on Tuesday night, residents said."))
    fr = tag_article(article(
        "Sept civils tués près de Djibo",
        "Des hommes armés soupçonnés d'être des membres du GSIM ont tué sept civils mardi à Gaskindé, "
        "dans la province du Soum, selon des sources locales.", language="fr"))
    for out, group in ((en, "bandits_ng"), (fr, "jnim")):
        event = primary(out)
        assert event["event_type"] == "Violence against civilians"
        assert group in event["actors"] and "unidentified_armed_group" not in event["actors"]
        assert event["perpetrators"] == [group]


def test_police_confirming_the_toll_is_no_party_to_the_massacre():
    out = tag_article(article(
        "Gunmen kill 12 traders at Kaduna market",
        "Armed bandits killed 12 people when they stormed a weekly market in Kauru area of Kaduna State "
        "on Sunday, local officials said.\n\nPolice said they had recovered 12 bodies and that a search "
        "for the missing was going on."))
    event = primary(out)
    assert event["event_type"] == "Violence against civilians"
    assert "military_ng" not in event["actors"]
    assert set(event["actors"]) == {"bandits_ng", "civilians"}


def test_people_hit_by_a_bomb_or_shells_are_civilian_victims():
    bomb = primary(tag_article(article(
        "Suicide bomber kills six at Borno bus station",
        "A suicide bomber blew herself up at a crowded bus station in Gwoza, Borno State, on Friday, "
        "killing six people and wounding 14, police said. Police blamed Boko Haram.")))
    shells = primary(tag_article(article(
        "Des obus tombent sur Diffa",
        "Des obus tirés par Boko Haram depuis l'autre rive de la Komadougou sont tombés dimanche sur Diffa, "
        "blessant trois personnes, selon une source sécuritaire.", language="fr")))
    convoy = primary(tag_article(article(
        "Roadside bomb kills four soldiers near Boni",
        "Four Malian soldiers were killed on Monday when their vehicle hit a roadside bomb near Boni, "
        "in the Mopti region, the army said.")))
    bomber_among_the_dead = primary(tag_article(article(
        "Suicide bomber strikes Konduga fish market",
        "Eight people, including a female suicide bomber, were killed on Sunday evening when an explosion "
        "ripped through a fish market in Konduga, Borno State, police said. Police blamed Boko Haram.")))
    assert bomb["event_type"] == shells["event_type"] == "Explosions/Remote violence"
    assert "civilians" in bomb["actors"] and "civilians" in shells["actors"]
    assert "civilians" in bomber_among_the_dead["actors"]      # the dead militant is the bomber
    assert "civilians" not in convoy["actors"]


def test_the_town_a_scene_is_measured_from_beats_its_province():
    fr = primary(tag_article(article(
        "Lac : trois soldats tués par une mine",
        "Trois soldats tchadiens ont été tués lundi lorsque leur véhicule a sauté sur une mine à une vingtaine "
        "de kilomètres de Bol, chef-lieu de la province du Lac, selon une source militaire.", language="fr")))
    en = primary(tag_article(article(
        "Gunmen abduct 15 women near Titao",
        "Gunmen abducted 15 women gathering firewood a few kilometres outside Titao, the chief town of "
        "Loroum province in northern Burkina Faso, on Tuesday, residents said.")))
    assert (fr["location"], fr["admin1"], fr["geo_precision"]) == ("Bol", "Lac", 2)
    assert (en["location"], en["admin1"]) == ("Titao", "Nord")


def test_a_province_named_in_the_headline_does_not_hide_the_town():
    event = primary(tag_article(article(
        "Burkina - Loroum : des civils tués près de Titao",
        "Des individus armés ont tué six civils dimanche à Titao, dans la province du Loroum, selon des "
        "sources locales.", language="fr")))
    assert event["location"] == "Titao"


def test_forces_sent_afterwards_to_comb_the_area_are_no_party_in_french():
    event = primary(tag_article(article(
        "Zamfara : des élèves enlevés par des bandits",
        "Des bandits armés ont enlevé vendredi une trentaine d'élèves à Kaya, dans l'État de Zamfara, selon des "
        "responsables locaux. Le porte-parole a précisé que des unités de la police et de l'armée étaient "
        "déployées pour ratisser la zone.", language="fr")))
    assert event["sub_event_type"] == "abduction_forced_disappearance"
    assert "military_ng" not in event["actors"]


def test_a_humanitarian_update_s_own_date_is_not_the_incident_s():
    event = primary(tag_article(article(
        "Chad: Attack on a fishing camp near Ngouboua, Lac Province - Flash Update No. 2 (14 May 2022)",
        "HIGHLIGHTS\n- Seven fishermen killed in an attack on a fishing camp near Ngouboua.\n\n"
        "- Some 900 people have fled towards Baga Sola.\n\n"
        "SITUATION OVERVIEW\nIn the early hours of 12 May 2022, gunmen attacked a fishing camp near Ngouboua, "
        "in Lac Province, killing seven fishermen, according to local authorities.",
        published="2022-05-14T15:00:00Z")))
    assert event["date"] == "2022-05-12"


def test_an_islamic_state_province_elsewhere_is_not_the_sahel_branch():
    out = tag_article(article(
        "DR Congo: 15 killed in ADF attack near Eringeti",
        "Suspected ADF rebels killed at least 15 civilians in an attack on a village near Eringeti, in North "
        "Kivu, on Saturday night, said Jean Mali, a local official.\n\nThe Islamic State's Central Africa "
        "Province claimed the attack on Sunday, saying its fighters had killed 20 Christians."))
    assert out["relevant"] is False


def test_a_hospital_in_another_town_does_not_split_the_incident():
    event = primary(tag_article(article(
        "Suicide bomber kills eight at Gwoza market",
        "A suicide bomber killed eight people at a market in Gwoza, Borno State, on Friday, police said.\n\n"
        "\"Eight persons lost their lives while 20 others were taken to the University of Maiduguri Teaching "
        "Hospital,\" the statement read. Police blamed the attack on Boko Haram.")))
    assert "jas" in event["actors"]
    assert event["location"] == "Gwoza"


def test_a_foreign_force_backing_the_army_in_the_operation_is_a_party():
    event = primary(tag_article(article(
        "Mali : l'armée reprend le contrôle de Tarkint",
        "Les Forces armées maliennes (FAMa) ont repris jeudi le contrôle de Tarkint, dans la région de Gao, après "
        "des combats contre les rebelles du Cadre stratégique permanent (CSP), selon l'armée.\n\n"
        "L'état-major affirme avoir neutralisé plusieurs assaillants.\n\n"
        "La colonne de l'armée, partie de Bourem, était appuyée par des éléments du groupe paramilitaire russe "
        "Wagner, selon des sources locales.", language="fr")))
    assert "wagner" in event["actors"]


def test_a_foreign_force_that_only_joined_the_search_or_backs_the_army_in_general_is_no_party():
    for sentence in ("Nigerien troops, supported by French soldiers of the Barkhane force, launched a search of the "
                     "area, security sources said.",
                     "The Malian army, now backed by Russian paramilitaries, has little presence outside the towns."):
        event = primary(tag_article(article(
            "Gunmen kill eight villagers near Ouallam",
            "Gunmen on motorcycles killed eight villagers in Tizegorou, near Ouallam in Niger's Tillaberi region, "
            "on Sunday, local officials said.\n\nThe attackers fled towards the Malian border.\n\n" + sentence)))
        assert "france" not in event["actors"] and "wagner" not in event["actors"]


def test_a_claimed_attack_s_day_is_the_incident_s_and_contacting_sources_is_not():
    event = primary(tag_article(article(
        "Nigeria : l'ISWAP revendique une attaque contre une base à Monguno",
        "L'État islamique en Afrique de l'Ouest (ISWAP) a revendiqué l'attaque menée samedi soir contre une base de "
        "l'armée nigériane à Monguno, dans l'État de Borno.\n\nDeux sources militaires jointes lundi font état de "
        "quatre soldats tués.", published="2023-03-28T10:00:00Z", language="fr")))
    assert event["date"] == "2023-03-25"
    assert event["fatalities"] == 4


def test_a_reaction_led_story_keeps_the_toll_and_day_told_further_down():
    event = primary(tag_article(article(
        "L'ONU demande une enquête après une frappe de drone dans le nord du Mali",
        "Le Haut-Commissariat des Nations unies aux droits de l'homme a demandé mardi l'ouverture d'une enquête "
        "après une frappe de drone qui a tué des civils, rappelant aux autorités de Bamako leurs obligations.\n\n"
        "Selon des élus locaux, au moins neuf civils ont été tués dimanche lorsqu'un drone de l'armée malienne a "
        "frappé un groupe de personnes près d'un puits à la sortie de Tinzaouaten, dans la région de Kidal.",
        published="2025-03-18T15:00:00Z", language="fr")))
    assert (event["date"], event["fatalities"], event["location"]) == ("2025-03-16", 9, "Tinzaouatene")


def test_a_french_pluperfect_recalls_an_older_attack():
    out = tag_article(article(
        "Tahoua : frappe de drone sur un marché près de Tillia",
        "Une frappe de drone de l'armée nigérienne a tué lundi au moins dix-huit civils sur le marché "
        "d'Intagoufat, près de Tillia, selon un responsable local.\n\n"
        "Mi-décembre, une attaque contre un poste militaire près de Tillia avait fait sept morts parmi les soldats.",
        published="2025-01-02T10:30:00Z", language="fr"))
    assert primary(out)["fatalities"] == 18


def test_a_match_report_in_war_words_is_not_relevant():
    out = tag_article(article(
        "Match amical : les Étalons écrasent le Mena (3-0)",
        "Les Étalons du Burkina n'ont laissé aucune chance au Mena du Niger, mardi soir au stade du 4-Août de "
        "Ouagadougou, en match amical. L'attaque burkinabè a bombardé la cage nigérienne dès le coup d'envoi, "
        "et le buteur a achevé une défense à bout de souffle après la mi-temps.", language="fr"))
    assert out["relevant"] is False
    assert "sports story" in tag_article(article(
        "Match amical : les Étalons écrasent le Mena (3-0)",
        "Les Étalons du Burkina n'ont laissé aucune chance au Mena du Niger au stade du 4-Août de Ouagadougou, "
        "en match amical. L'attaque burkinabè a bombardé la cage nigérienne.", language="fr"),
        explain=True)["explain"]["relevant"]["rule"]


def test_the_capital_that_summons_an_ambassador_is_not_the_scene():
    event = primary(tag_article(article(
        "Nouakchott convoque l'ambassadeur du Mali après l'enlèvement de bergers",
        "Le ministère mauritanien des Affaires étrangères a convoqué lundi l'ambassadeur du Mali à Nouakchott "
        "pour protester contre les agissements d'éléments armés venus du Mali.\n\n"
        "Le gouvernement exige la libération des bergers.\n\n"
        "Selon des élus locaux, six bergers mauritaniens ont été enlevés samedi à une dizaine de kilomètres "
        "d'Adel Bagrou, dans la wilaya du Hodh Ech Chargui, par des soldats maliens.",
        published="2024-05-14T10:30:00Z", language="fr")))
    assert event["location"] == "Adel Bagrou"


def test_a_president_s_vow_dates_the_reaction_not_the_raid():
    event = primary(tag_article(article(
        "Chad's president vows response after Boko Haram raid",
        "Chad's president on Wednesday vowed an \"implacable response\" after an attack by Boko Haram militants on "
        "an army position in Lac province.\n\nThe attack took place late on Monday at Kaïga-Kindjiria, when "
        "fighters stormed the position, the army said. Fourteen soldiers were killed.",
        published="2022-08-10T16:00:00Z")))
    assert event["date"] == "2022-08-08"


def test_a_village_near_a_highway_beats_the_towns_that_name_the_highway():
    event = primary(tag_article(article(
        "Bandits abduct 18 travellers on Kaduna-Abuja highway",
        "ABUJA - Bandits on Sunday evening abducted at least 18 travellers after blocking a section of the "
        "Kaduna-Abuja highway near Katari village in Kaduna State, police said.")))
    assert (event["location"], event["admin1"]) == ("Katari", "Kaduna")


@pytest.mark.parametrize("title,text,ends", [
    # a road's end still stands in when nothing nearer is named
    ("Jihadists abduct travellers in central Mali",
     "Suspected jihadists abducted more than 30 passengers from two buses on the road between Bandiagara and "
     "Bankass in central Mali on Sunday, local officials said.", ("Bandiagara", "Bankass")),
    # ... and a diocese's see is no scene
    ("Priest kidnapped in northern Burkina Faso",
     "Gunmen kidnapped a Catholic priest on Sunday on the road between Rollo and Kongoussi, in Burkina Faso's "
     "Centre-Nord region, the diocese of Ouahigouya said.", ("Rollo", "Kongoussi")),
])
def test_a_road_s_end_stands_in_for_the_scene(title, text, ends):
    assert primary(tag_article(article(title, text)))["location"] in ends


def test_the_town_the_wounded_were_taken_to_does_not_split_off_the_official_toll():
    event = primary(tag_article(article(
        "Niger : attaque meurtrière sur le site d'orpaillage de Komabangou",
        "Le site d'orpaillage de Komabangou, dans le département de Gothèye (région de Tillabéri), a été la cible "
        "d'une attaque lundi après-midi.\n\nLe bilan officiel fait état de neuf morts et de six blessés, évacués sur "
        "Niamey.\n\nUn élu de la commune évoque « au moins dix-sept morts ».", language="fr")))
    assert event["fatalities"] == 9


def test_where_the_victims_came_from_is_not_the_scene():
    event = primary(tag_article(article(
        "Bandits kill seven at Niger State market",
        "Bandits killed seven people at Kasuwan Garba market in Niger State on Saturday, residents said.\n\n"
        "Some of the victims were grain merchants who had come from Kontagora.\n\n"
        "The market lies in Mariga Local Government Area.")))
    assert event["location"] != "Kontagora"


def test_a_line_dating_the_publication_is_not_the_incident_s_date():
    event = primary(tag_article(article(
        "Incident brief: JNIM and Islamic State Sahel fighters clash near Tin-Hama",
        "SAHEL CONFLICT MONITOR | Weekly incident brief | 12 December 2022\n\n"
        "Summary: On 8 December 2022, fighters of JNIM and the Islamic State Sahel Province clashed for several "
        "hours near Tin-Hama, in Mali's Gao region. Local sources report dozens of fighters killed on both sides.",
        published="2022-12-12T07:00:00Z")))
    assert (event["date"], event["fatalities"]) == ("2022-12-08", 12)


@pytest.mark.parametrize(("title", "text", "language"), [
    ("Gunmen kill two Chinese nationals at gold mine in southern Mali",
     "Unidentified gunmen killed two Chinese nationals and a security guard in an attack on a gold mine near "
     "Narena, in the Koulikoro region, on Monday. The attackers stormed the site and opened fire on the "
     "workers' living quarters, local authorities said.", "en"),
    ("Deux ressortissants chinois tués dans l'attaque d'une mine au Mali",
     "Des hommes armés non identifiés ont tué lundi deux ressortissants chinois et un vigile lors de "
     "l'attaque d'une mine d'or près de Narena, dans la région de Koulikoro. Les assaillants ont pris d'assaut "
     "le site, selon les autorités locales.", "fr"),
])
def test_foreign_workers_killed_at_a_mine_are_civilian_victims(title, text, language):
    event = primary(tag_article(article(title, text, published="2025-02-05T09:00:00Z", language=language)))
    assert "civilians" in event["actors"]
    assert (event["event_type"], event["sub_event_type"]) == ("Violence against civilians", "attack")


def test_an_hour_after_midnight_told_next_settles_the_night():
    def date(second_sentence):
        return primary(tag_article(article(
            "Burkina : une vingtaine de civils tués dans l'attaque d'un village",
            "Des individus armés ont attaqué, dans la nuit de samedi à dimanche, le village de Wouré-Yargo, dans la "
            "commune de Pissila, province du Sanmatenga. " + second_sentence + " Au moins douze civils ont été tués.",
            published="2019-05-13T11:20:00Z", language="fr")))["date"]
    assert date("Les assaillants sont arrivés aux environs de 2 heures du matin.") == "2019-05-12"
    assert date("Les assaillants sont arrivés aux environs de 23 heures.") == "2019-05-11"
    assert date("Les assaillants sont arrivés à moto.") == "2019-05-11"


def test_where_travellers_came_from_is_not_the_village_s_region():
    event = primary(tag_article(article(
        "Mali : une trentaine de passagers d'un car enlevés près de Bandiagara",
        "Une trentaine de passagers d'un car ont été enlevés hier mardi entre Bandiagara et Bankass, dans la région "
        "de Mopti. Selon des sources locales, le véhicule, qui venait de Bamako, a été intercepté en fin "
        "d'après-midi à hauteur du village de Kani-Sogou par des hommes armés.",
        published="2021-12-01T08:05:00Z", language="fr")))
    assert (event["location"], event["admin1"]) == ("Kani-Sogou", "Mopti")


def test_where_families_fled_to_is_not_the_scene():
    event = primary(tag_article(article(
        "Bandits kill district head in Niger State",
        "Bandits have killed the district head of Pandogari in Rafi Local Government Area of Niger State and his "
        "son in an attack on his residence on Saturday, police said. A resident said many families had fled "
        "Pandogari for Kagara and Minna on Sunday morning.", published="2021-11-22T08:15:00Z")))
    assert event["location"] != "Minna" and event["admin1"] == "Niger"


@pytest.mark.parametrize(("title", "text", "language"), [
    ("Nigeria : un attentat-suicide fait au moins 18 morts sur un marché de Konduga",
     "Un attentat-suicide a frappé samedi soir le marché de Konduga, dans l'État de Borno. L'attaque a fait au moins "
     "18 morts, dont les trois assaillants, selon un bilan communiqué dimanche par la police de l'État. « Les "
     "kamikazes se sont mêlés à la foule », a expliqué le porte-parole de la police, qui attribue l'attentat à "
     "Boko Haram.", "fr"),
    ("Suicide bombers kill 18 at Konduga market",
     "Suicide bombers struck a market in Konduga, Borno State, on Saturday evening, killing at least 18 people, "
     "according to figures released on Sunday by the state police. The spokesman for the police blamed Boko Haram.",
     "en"),
])
def test_police_giving_the_toll_are_no_party(title, text, language):
    event = primary(tag_article(article(title, text, published="2023-10-15T12:00:00Z", language=language)))
    assert "military_ng" not in event["actors"] and {"jas", "civilians"} <= set(event["actors"])



@pytest.mark.parametrize(("title", "text", "language"), [
    ("12 killed as suicide bomber strikes Dikwa market",
     "At least 12 people were killed on Friday evening when a suicide bomber detonated explosives at the fish market "
     "in Dikwa, Borno State.\n\nThe Police Public Relations Officer in the state, who confirmed the incident in a "
     "statement on Saturday, said 19 others were injured. Security sources blamed Boko Haram.", "en"),
    ("Nigeria : un attentat-suicide fait 12 morts au marché de Dikwa",
     "Au moins 12 personnes ont été tuées vendredi soir par une kamikaze au marché aux poissons de Dikwa, dans l'État "
     "de Borno.\n\nLa police de l'État, qui a confirmé l'attentat samedi, fait état de 19 blessés. Des sources "
     "sécuritaires attribuent l'attaque à Boko Haram.", "fr"),
])
def test_police_that_confirmed_the_attack_in_a_relative_clause_are_no_party(title, text, language):
    event = primary(tag_article(article(title, text, published="2025-03-10T06:00:00Z", language=language)))
    assert "military_ng" not in event["actors"] and {"jas", "civilians"} <= set(event["actors"])


def test_an_armed_group_that_only_accuses_the_army_is_no_party():
    event = primary(tag_article(article(
        "Drone strike on market kills civilians near Abeibara",
        "At least eight civilians were killed on Sunday when a drone operated by the Malian Armed Forces struck a "
        "livestock market about 10 km west of Abeibara, in the Kidal region, according to local officials.\n\n"
        "The Azawad Liberation Front (FLA) alleged on social media that more than twenty civilians had died and "
        "accused the army of deliberately targeting nomadic communities.", published="2025-04-15T07:00:00Z")))
    assert event["sub_event_type"] == "air_drone_strike"
    assert set(event["actors"]) == {"military_ml", "civilians"}


def test_an_armed_group_that_accuses_villagers_is_still_the_perpetrator():
    event = primary(tag_article(article(
        "Jihadists execute villagers near Djibo",
        "JNIM fighters accused the villagers of informing the army and executed 9 men near Djibo on Tuesday, "
        "residents said.", published="2023-05-04T07:00:00Z")))
    assert "jnim" in event["actors"] and event["fatalities"] == 9


def test_a_town_taken_in_the_lead_is_a_battle_even_when_the_title_says_the_army_pulled_out():
    event = primary(tag_article(article(
        "Mali rebels say they have taken Ber after army pulls out",
        "Separatist rebels said on Wednesday they had taken control of the town of Ber in northern Mali's Timbuktu "
        "region after a brief exchange of fire with government troops on Tuesday.",
        published="2026-02-12T15:10:00Z")))
    assert event["sub_event_type"] == "non_state_actor_overtakes_territory"


def test_a_department_is_no_departure():
    event = primary(tag_article(article(
        "Gunmen kill four herders in Mayo-Tsanaga",
        "In the Mayo-Tsanaga department, gunmen killed four herders near Mokolo on Monday, local officials said.",
        published="2021-11-16T07:00:00Z")))
    assert event["event_type"] == "Violence against civilians" and event["fatalities"] == 4


def test_refugees_a_country_hosts_do_not_bring_its_context_into_the_story():
    output = tag_article(article(
        "Mauritanie : la Cour constitutionnelle confirme la réélection du président",
        "La Cour constitutionnelle a confirmé lundi la réélection du président sortant dès le premier tour.\n\n"
        "Le taux de participation s'est établi à près de 55 %.\n\nLe chef de l'opposition conteste les résultats.\n\n"
        "Le pays, souvent présenté comme un îlot de stabilité dans un Sahel en proie aux violences jihadistes, "
        "accueille plus de 100 000 réfugiés maliens dans le camp de Mbera.",
        published="2024-07-08T18:00:00Z", language="fr"))
    assert output["relevant"] is False


@pytest.mark.parametrize(("title", "text", "language"), [
    ("Éducation : plus de 6 000 écoles toujours fermées à cause de l'insécurité",
     "Le nombre d'écoles fermées en raison de l'insécurité continue de progresser au Burkina Faso, selon les "
     "statistiques arrêtées au 28 février.\n\nLes régions du Sahel et de l'Est concentrent l'essentiel des "
     "fermetures.\n\nLes enseignants paient un lourd tribut aux attaques des groupes armés : menaces, enlèvements "
     "et assassinats ont poussé des milliers d'entre eux à quitter leur poste.", "fr"),
    ("Burkina Faso: more than 6,000 schools still closed by insecurity",
     "The number of schools closed because of insecurity keeps rising in Burkina Faso, according to figures "
     "released on Tuesday.\n\nThe Sahel and East regions account for most closures.\n\nTeachers have paid a heavy "
     "price in attacks by armed groups: threats, abductions and killings have driven thousands from their posts.",
     "en"),
])
def test_a_story_on_what_insecurity_does_to_schools_is_relevant(title, text, language):
    output = tag_article(article(title, text, published="2023-03-21T12:00:00Z", language=language))
    assert output["relevant"] is True and output["countries"] == ["BF"]
    assert primary(output)["sub_event_type"] is None   # no incident of its own, and no arrest in "arrêtées au"


def test_food_insecurity_with_a_passing_word_on_jihadists_is_not_relevant():
    output = tag_article(article(
        "Niger: food insecurity threatens two million people",
        "Food insecurity threatens more than two million people in Niger this lean season, the World Food Programme "
        "said on Tuesday.\n\nPoor rains cut the harvest in Tillaberi and Tahoua.\n\nAid groups say access is "
        "harder in some districts where jihadist groups have attacked convoys in past years.",
        published="2024-06-04T09:00:00Z"))
    assert output["relevant"] is False


def test_attackers_identified_by_survivors_as_a_group_name_the_perpetrator():
    event = primary(tag_article(article(
        "Chad: coordinator condemns deadly attack on civilians in Lac Province",
        "PRESS RELEASE\n\nN'Djamena, 14 June 2019 - The Humanitarian Coordinator condemns the attack on 11 June "
        "against the village of Kadjira-Ouaya, in Lac Province, in which at least nine civilians were killed by "
        "members of a non-state armed group.\n\nThe coordinator called for calm.\n\nAccording to local authorities, "
        "the assailants, identified by survivors as Boko Haram fighters, arrived by canoe before dawn.",
        published="2019-06-14T16:00:00Z")))
    assert set(event["actors"]) == {"jas", "civilians"}


def test_the_hospital_the_wounded_were_taken_to_does_not_split_off_the_toll():
    event = primary(tag_article(article(
        "Togo : trois civils tués par un engin explosif près de Mandouri",
        "Le 27 février vers 9 heures, un tricycle transportant des commerçantes a sauté sur un engin explosif "
        "improvisé sur l'axe Mandouri-Nadjoundi, dans la préfecture de Kpendjal. Bilan : trois civils tués et deux "
        "blessés, évacués vers le centre hospitalier régional de Dapaong. Des groupes armés sont soupçonnés d'avoir "
        "posé l'engin, probablement destiné aux patrouilles des forces de défense.",
        published="2024-03-01T16:00:00Z", language="fr")))
    assert event["fatalities"] == 3 and event["location"] != "Dapaong"
    assert set(event["actors"]) == {"civilians", "unidentified_armed_group"}


def test_a_rebel_alliance_that_gives_a_toll_and_accuses_the_army_is_no_party():
    event = primary(tag_article(article(
        "Civilians killed in Malian drone strike on Anefis market, locals say",
        "At least eight civilians were killed when a Malian army drone struck the weekly market in Anefis, in the "
        "Kidal region, local officials said.\n\nThe Strategic Framework for the Defense of the People of Azawad "
        "(CSP-DPA), the Tuareg-led rebel alliance active in the area, said in a statement on Saturday that 21 "
        "civilians had been killed and accused the army of deliberately targeting civilian gatherings.",
        published="2024-09-02T09:00:00Z")))
    assert set(event["actors"]) == {"military_ml", "civilians"} and event["fatalities"] == 8


def test_a_group_that_claims_an_attack_and_accuses_the_army_stays_a_party():
    event = primary(tag_article(article(
        "Jihadists ambush convoy near Boni, Mali",
        "JNIM claimed the ambush that killed seven soldiers near Boni, in central Mali, on Tuesday and accused the "
        "army of abuses.", published="2023-02-16T09:30:00Z")))
    assert "jnim" in event["actors"]


def test_an_escort_that_was_not_there_and_an_army_that_did_not_comment_are_no_party():
    event = primary(tag_article(article(
        "JNIM fighters torch dozens of fuel tankers on Kayes road",
        "Fighters of JNIM set fire to at least 30 fuel tankers near Sandaré, in western Mali's Kayes region, on "
        "Monday, transporters said. The convoy was travelling without a military escort. No deaths were reported. "
        "The army did not immediately comment.", published="2025-09-16T08:15:00Z")))
    assert event["sub_event_type"] == "looting_property_destruction"
    assert "military_ml" not in event["actors"] and "jnim" in event["actors"]


def test_the_day_of_what_came_before_the_incident_is_not_its_date():
    event = primary(tag_article(article(
        "Mali: separatist rebels say they have taken Léré",
        "Separatist fighters of the FLA say they entered the town of Léré, in Mali's Timbuktu region, at dawn on "
        "Wednesday and now control its military camp. A security source described Tuesday's pull-out as a tactical "
        "redeployment.", published="2025-10-15T09:40:00Z")))
    assert event["date"] == "2025-10-15"


@pytest.mark.parametrize(("title", "text", "language"), [
    ("Borno: bomb kills 10 children",
     "A bomb killed 10 people, most of them children playing in the street, in Konduga on Monday, police in "
     "north-eastern Nigeria's Borno state said. Residents blamed Boko Haram.", "en"),
    ("Katsina: gunmen kill 12 worshippers",
     "Bandits killed 12 worshippers at a mosque in Katsina State on Friday. The Police Public Relations Officer of "
     "the Katsina State Command, ASP Abubakar Sadiq Aliyu, confirmed the incident in a statement on Saturday.", "en"),
    ("Nigeria : des bandits tuent 9 villageois",
     "Des bandits ont tué neuf villageois lundi dans l'État de Zamfara, a-t-on appris auprès de la police. Des "
     "policiers et des membres de groupes d'autodéfense ont été déployés pour tenter de retrouver les assaillants.",
     "fr"),
    ("Nigeria : un attentat fait 18 morts à Dikwa",
     "Un attentat-suicide attribué à Boko Haram a fait 18 morts samedi à Dikwa, dans l'État de Borno. Le chef de "
     "la Force civile conjointe, la milice d'autodéfense qui appuie l'armée, a évoqué 24 morts.", "fr"),
    ("Sokoto government condemns killing of 15 in Tangaza",
     "The Sokoto State Government has condemned the killing of 15 residents of Sanyinna, in Tangaza Local "
     "Government Area, by gunmen on Sunday. The commissioner said the government was working with the military to "
     "ensure that the attackers are flushed out.", "en"),
])
def test_a_force_named_as_a_source_or_a_companion_is_no_party(title, text, language):
    event = primary(tag_article(article(title, text, published="2023-03-06T12:00:00Z", language=language)))
    assert "military_ng" not in event["actors"] and "civilians" in event["actors"]


def test_the_terrorists_an_army_says_it_struck_where_civilians_died_are_no_party():
    event = primary(tag_article(article(
        "Malian drone strike kills 14 civilians at a well, local officials say",
        "A Malian army drone strike killed at least 14 civilians, among them children, at a well near Tessalit in "
        "the Kidal region on Sunday, local officials said.\n\nMali's armed forces said in a statement on Monday that they had "
        "carried out \"precise strikes\" against \"a gathering of terrorists\" in the area. \"There were no armed "
        "men there, only shepherds,\" a councillor said.", published="2024-03-19T08:00:00Z")))
    assert event["sub_event_type"] == "air_drone_strike"
    assert set(event["actors"]) == {"military_ml", "civilians"} and event["perpetrators"] == ["military_ml"]


def test_militants_the_army_fought_stay_a_party_when_it_tells_the_battle():
    event = primary(tag_article(article(
        "Army repels attack on Boni camp",
        "Terrorists attacked the army camp at Boni, in central Mali, on Sunday, and the soldiers repelled them, the "
        "army said, adding that 20 terrorists were neutralised and three soldiers killed.",
        published="2024-03-19T08:00:00Z")))
    assert event["sub_event_type"] == "armed_clash" and "unidentified_armed_group" in event["actors"]


def test_an_armed_coalition_that_accused_the_army_in_a_communique_is_no_party():
    event = primary(tag_article(article(
        "Frappe de drone meurtrière sur une foire dans le nord du Mali",
        "Une frappe de drone de l'armée malienne a tué au moins onze civils sur une foire près de Tin-Essako, dans "
        "la région de Kidal, selon un élu local.\n\nLe Front de libération de l'Azawad (FLA) a accusé dans un "
        "communiqué l'armée malienne d'avoir « délibérément ciblé des civils ».",
        published="2025-01-03T11:00:00Z", language="fr")))
    assert set(event["actors"]) == {"military_ml", "civilians"}


def test_a_park_the_area_lies_close_to_does_not_split_off_the_army_s_toll():
    event = primary(tag_article(article(
        "JNIM claims raid on Benin army post; army gives lower toll",
        "JNIM on Thursday claimed an attack on a Beninese army position at Monsey, in the Alibori department, saying "
        "it had killed 30 soldiers.\n\nThe Beninese army said the position was attacked at dawn on Wednesday. He said "
        "six soldiers lost their lives and four assailants were neutralised, and that reinforcements had been sent "
        "to the area, close to W National Park.", published="2025-04-25T07:30:00Z")))
    assert event["fatalities"] == 10 and event["location"] == "Monsey"


def test_a_suicide_bombing_by_girls_once_abducted_is_a_suicide_bombing_and_the_police_who_gave_the_toll_no_party():
    event = primary(tag_article(article(
        "Nigeria : deux adolescentes kamikazes frappent un marché au poisson du Borno",
        "Dimanche soir, deux jeunes filles portant des ceintures d'explosifs se sont fait exploser au marché de Mafa, "
        "dans l'État de Borno.\n\nLa police de l'État a fait état lundi d'« au moins neuf civils tués », en plus des "
        "deux kamikazes. « Il y en avait bien plus que ce que dit la police », a affirmé un milicien.\n\nLe "
        "porte-parole de la police attribue l'attentat à la faction de Boko Haram fidèle à Shekau, qui a fait des "
        "jeunes filles, souvent enlevées dans les villages, ses bombes humaines.",
        published="2019-09-17T07:45:00Z", language="fr")))
    assert event["sub_event_type"] == "suicide_bomb" and event["fatalities"] == 11
    assert set(event["actors"]) == {"jas", "civilians"}


@pytest.mark.parametrize(("title", "text", "language"), [
    ("Au Mali, un camp de l'armée tombe aux mains des jihadistes",
     "C'est un nouveau revers pour les militaires au pouvoir à Bamako. Samedi, des combattants jihadistes se sont "
     "emparés du camp militaire de Tessit, dans le cercle d'Ansongo, région de Gao.", "fr"),
    ("Mali: jihadists seize army camp",
     "It is another setback for the junta in Bamako. On Saturday, jihadist fighters seized the army camp at Tessit, "
     "in the Ansongo district of the Gao region.", "en"),
])
def test_the_capital_where_the_rulers_sit_is_not_the_scene(title, text, language):
    event = primary(tag_article(article(title, text, published="2024-07-08T06:00:00Z", language=language)))
    assert (event["location"], event["admin1"]) == ("Tessit", "Gao")


def test_rebels_who_captured_an_army_camp_and_the_toll_of_the_army_s_withdrawal():
    event = primary(tag_article(article(
        "Tuareg-led rebels say they have seized army camp at Anefis in northern Mali",
        "A coalition of separatist rebels said Monday that its fighters had captured a Malian army camp at Anefis, in "
        "the northern Kidal region, after heavy fighting on Saturday, a year after the army retook the area.\n\nIt "
        "said its men had \"killed more than a dozen soldiers\" and captured vehicles.\n\nThe Malian army said that "
        "two soldiers were killed and that its units had carried out \"a tactical withdrawal\" towards Tarkint.",
        published="2024-11-18T16:00:00Z")))
    assert event["sub_event_type"] == "non_state_actor_overtakes_territory"
    assert (event["fatalities"], event["location"]) == (2, "Anefis")


def test_a_village_attacked_by_a_group_fighting_a_wider_war_is_an_attack_and_the_army_hunting_it_no_party():
    event = primary(tag_article(article(
        "Niger says at least 20 civilians killed in attack on village near Mali border",
        "At least 20 civilians were killed last week when gunmen on motorcycles attacked the village of Intazayene, "
        "in the Tillia department of Tahoua region, the government said. It said the army had launched an operation "
        "to track down the attackers.\n\nResidents said the attackers belonged to the local branch of the Islamic "
        "State group, which has been fighting for years to impose its rule over the herding communities.",
        published="2024-10-14T15:00:00Z")))
    assert event["sub_event_type"] == "attack" and set(event["actors"]) == {"is_sahel", "civilians"}


def test_last_week_in_an_undated_lead_dates_the_story_s_own_incident():
    event = primary(tag_article(article(
        "Nigeria : des bandits tuent au moins vingt-trois villageois dans le Zamfara",
        "Ils sont arrivés en fin d'après-midi. Mardi de la semaine dernière, une centaine d'hommes armés à moto ont "
        "fondu sur Kadawa, un village de la zone de gouvernement local de Zurmi, dans l'État de Zamfara, tuant au "
        "moins vingt-trois villageois.", published="2024-08-29T09:00:00Z", language="fr")))
    assert (event["location"], event["date"]) == ("Kadawa", "2024-08-20")


def test_the_day_the_attack_is_said_to_have_happened_beats_the_day_it_was_announced():
    event = primary(tag_article(article(
        "Benin says seven soldiers killed in jihadist attack near Niger border",
        "COTONOU - Seven Beninese soldiers were killed when jihadists attacked an army position in the far north of "
        "the country, the government said on Wednesday.\n\nSecurity sources said the attack, on Monday, targeted a "
        "post near Monsey, in the Karimama commune of Alibori department.", published="2025-01-02T14:00:00Z")))
    assert event["date"] == "2024-12-30"


def test_the_evening_a_group_claimed_the_attack_is_not_its_date():
    event = primary(tag_article(article(
        "JNIM claims raid on Benin army post",
        "JNIM on Thursday evening claimed responsibility for an attack on a Beninese army position at Monsey, in the "
        "Alibori department.\n\nThe army said the position was attacked at dawn on Wednesday and that six soldiers "
        "lost their lives.", published="2025-04-25T07:30:00Z")))
    assert event["date"] == "2025-04-23"


def test_the_day_troops_were_deployed_after_the_attack_is_not_its_date():
    event = primary(tag_article(article(
        "Security tightened at Kulungugu after deadly attack on Burkinabè border post",
        "Personnel of the Ghana Armed Forces were deployed to the Kulungugu border post on Tuesday.\n\nThe attack "
        "targeted a joint police and customs post on the outskirts of Bittou, in Burkina Faso's Centre-Est region. "
        "It happened on Monday night, residents said. Three police officers were killed.",
        published="2023-05-10T11:00:00Z")))
    assert event["date"] == "2023-05-08"


def test_police_who_only_gave_and_revised_the_toll_are_no_party():
    event = primary(tag_article(article(
        "Death toll in Katsina mosque attack rises to 31",
        "The death toll from Friday's attack by bandits on worshippers at a mosque in Zango village, Kankara Local "
        "Government Area of Katsina State, has risen to 31, police and community leaders said on Sunday.\n\n"
        "The police had on Saturday put the number of dead at 19. The gunmen surrounded the mosque during the "
        "evening prayer and opened fire on the congregation, witnesses said.", "2023-09-04T09:00:00Z")))
    assert sorted(event["actors"]) == ["bandits_ng", "civilians"]
    assert event["sub_event_type"] == "attack"


@pytest.mark.parametrize("language, title, text, expected", [
    ("fr", "Frappe aérienne près de Kokorou : l'armée parle de terroristes, des habitants de civils",
     "Une frappe de drone menée vendredi par l'armée nigérienne dans le département de Téra a touché le village de "
     "Gountou Koira. Le ministère de la Défense affirme que « plus de vingt terroristes » ont été « neutralisés ».\n\n"
     "Selon des habitants, la frappe a touché une cérémonie de baptême et a fait au moins dix-huit morts, tous civils.",
     18),
    ("en", "Residents accuse soldiers of killing men in Gwoza village",
     "Soldiers shot dead at least six men in Ngoshe, a village in Gwoza Local Government Area of Borno State, last "
     "Thursday after rounding them up, residents and a human rights group said.\n\n"
     "A military spokesman said troops came under fire in the village and neutralised six terrorists.", 6),
    # forces named as the killers of civilians: their "terrorists neutralised" are the same dead
    ("en", "Mali: soldiers and Wagner accused of killing 17 civilians in Tin-Aicha",
     "Malian soldiers and Russian paramilitaries of the Wagner Group killed at least 17 civilians in the village of "
     "Tin-Aicha, in the Timbuktu region, last Tuesday, according to a local association and witnesses.\n\n"
     "Soldiers rounded up men at the weekly market and executed them near a pond, a herder who escaped said. An "
     "imam and two teenagers were among the dead, according to the association.\n\n"
     "In a statement, the Malian army said it had carried out an operation in the area in which nine \"terrorists\" "
     "were neutralised.", 17),
])
def test_the_state_s_word_for_the_dead_it_made_is_not_more_dead(language, title, text, expected):
    assert primary(tag_article(article(title, text, "2024-02-05T17:00:00Z", language)))["fatalities"] == expected


@pytest.mark.parametrize("language, title, text, expected", [
    ("fr", "Ménaka : une trentaine de civils tués par l'EIGS près d'Inékar",
     "Une trentaine de civils ont été tués mardi près d'Inékar, dans la région de Ménaka, par des combattants de "
     "l'État islamique au Grand Sahara (EIGS), selon les autorités locales.\n\n"
     "Le Mouvement pour le salut de l'Azawad (MSA), dont les combattants sont présents dans le cercle, avance pour "
     "sa part un bilan de quarante morts.", ["civilians", "is_sahel"]),
    ("en", "Islamic State fighters kill 17 Tuareg herders near Inekar",
     "Islamic State fighters killed 17 herders near Inekar, in Mali's Menaka region, on Tuesday, local officials "
     "said.\n\nThe Movement for the Salvation of Azawad (MSA), an armed group that patrols the area alongside the "
     "army, put the toll at 24 dead. The group has attacked communities it accuses of siding with the MSA.",
     ["civilians", "is_sahel"]),
    ("fr", "Kidal : une frappe de drone sur une foire fait au moins 14 morts civils, selon le CSP",
     "Une frappe de drone attribuée à l'armée malienne a touché dimanche la foire d'Anéfis, au sud de Kidal, "
     "faisant au moins quatorze morts civils, selon des élus locaux et le Cadre stratégique permanent (CSP).",
     ["civilians", "military_ml"]),
])
def test_armed_groups_that_only_give_the_toll_or_are_named_in_a_charge_are_no_party(language, title, text, expected):
    event = primary(tag_article(article(title, text, "2024-02-05T17:00:00Z", language)))
    assert sorted(event["actors"]) == expected


def test_a_force_that_had_not_commented_is_no_party():
    event = primary(tag_article(article(
        "Burkina Faso: 12 VDP auxiliaries killed in ambush near Djibo",
        "Twelve members of the Volunteers for the Defence of the Homeland (VDP) were killed on Wednesday when "
        "suspected jihadists ambushed their patrol about 20 km from Djibo, two security sources said.\n\n"
        "No group has claimed responsibility and the army had not commented by Thursday.", "2023-02-09T14:20:00Z")))
    assert sorted(event["actors"]) == ["unidentified_armed_group", "vdp"]


def test_the_sweeps_of_the_next_day_leave_the_night_its_first_day():
    event = primary(tag_article(article(
        "Attaque contre le détachement de Bourzanga : douze morts dans les rangs amis",
        "Le détachement militaire de Bourzanga, dans la province du Bam, a fait l'objet d'une attaque dans la nuit "
        "du samedi 10 au dimanche 11 septembre 2022, selon l'état-major.\n\n"
        "Côté assaillants, au moins 31 terroristes ont été neutralisés au cours des combats et des ratissages "
        "effectués dans la journée de dimanche.", "2022-09-12T10:30:00Z", "fr")))
    assert event["date"] == "2022-09-10"


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Soldiers executed at least 38 civilians in the village of Pelga, in Burkina Faso's Yatenga province, "
           "Human Rights Watch said.\n\nThe killings took place on 24 February. The day before, JNIM fighters had "
           "ambushed an army convoy nearby, killing six soldiers.", "2025-02-24"),
    ("fr", "Des soldats ont exécuté le 14 avril au moins onze hommes à Bossey Bangou, dans la région de Tillabéri, "
           "selon une ONG.\n\nLa veille, des jihadistes avaient attaqué une patrouille à quelques kilomètres de là.",
     "2025-04-14"),
])
def test_an_earlier_incident_the_day_before_the_incident_s_own_day_does_not_date_it(language, text, expected):
    event = primary(tag_article(article("Soldiers accused of executing villagers", text, "2025-04-17T09:00:00Z",
                                        language)))
    assert event["date"] == expected


def test_an_ambush_the_day_before_told_in_the_pluperfect_is_another_incident():
    event = primary(tag_article(article(
        "Rights group accuses Burkina soldiers and militia of killing 38 villagers",
        "Burkinabè soldiers and VDP militiamen summarily executed at least 38 civilians in the village of Pelga, in "
        "Yatenga province, on 24 February, Human Rights Watch said.\n\nThe day before, fighters of the al-Qaeda-linked "
        "JNIM had ambushed an army supply convoy nearby, killing six soldiers, according to security sources.",
        "2025-04-17T09:00:00Z")))
    assert (event["fatalities"], event["sub_event_type"]) == (38, "attack")
    assert "jnim" not in event["actors"]


def test_strikes_that_come_a_week_after_an_abduction_are_not_the_abduction():
    event = primary(tag_article(article(
        "Lac : l'aviation pilonne des repaires de Boko Haram sur l'île de Kangalom",
        "L'armée de l'air tchadienne a mené samedi une série de frappes contre des positions de Boko Haram sur l'île "
        "de Kangalom, dans le département de Fouli. « Des dizaines de terroristes ont été neutralisés », affirme "
        "l'état-major.\n\nCes frappes interviennent une semaine après l'enlèvement de plusieurs éleveurs dans la zone "
        "de Kaiga, attribué aux insurgés.", "2017-10-24T12:00:00Z", "fr")))
    assert event["sub_event_type"] == "air_drone_strike"
    assert sorted(event["actors"]) == ["jas", "military_td"]


@pytest.mark.parametrize("language, title, text, expected", [
    ("en", "Chad's Déby hails 'new era' as ruling party heads for landslide",
     "President Mahamat Idriss Déby Itno used his New Year address to hail a new era after Sunday's legislative "
     "elections, which the opposition boycotted.\n\nOfficials of the ruling party already claim a comfortable "
     "majority in the National Assembly.\n\nIn the Lake Chad area, meanwhile, Boko Haram fighters attacked an army "
     "position at Ngouboua, in Lac province, on the night of December 30 to 31, the army said. Nine soldiers were "
     "killed and 18 assailants were killed when troops counter-attacked.", ("Ngouboua", 27)),
    # an older incident recalled after a lead without one is no news
    ("en", "Chad's Déby hails 'new era' as ruling party heads for landslide",
     "President Mahamat Idriss Déby Itno used his New Year address to hail a new era after Sunday's legislative "
     "elections, which the opposition boycotted.\n\nIn October, an assault on the Barkaram base in Lac province "
     "killed about 40 soldiers and prompted Déby to launch Operation Haskanite.", None),
])
def test_a_fresh_incident_told_after_a_lead_without_one_is_the_story_s_event(language, title, text, expected):
    out = tag_article(article(title, text, "2025-01-02T10:30:00Z", language))
    event = next((e for e in out["events"] if e["primary"]), None)
    got = (event["location"], event["fatalities"]) if event and event["sub_event_type"] else None
    assert got == expected


def test_a_date_told_after_said_that_is_the_incident_s_and_first_accounts_are_reporting():
    event = primary(tag_article(article(
        "Burkina Faso: toll rises in killings blamed on soldiers and VDP in Kossi",
        "The number of people killed in the village of Dinguira, in Kossi province, has risen to at least 29, a "
        "human rights collective said on Monday.\n\nSurvivors said that on Wednesday, June 26, a column of soldiers "
        "and VDP arrived in the village and opened fire. Initial accounts on Thursday spoke of twelve dead.",
        "2024-07-02T12:00:00Z")))
    assert (event["date"], event["fatalities"]) == ("2024-06-26", 29)


def test_the_day_before_the_saying_dates_the_incident_and_say_is_a_town():
    event = primary(tag_article(article(
        "Nine abducted, one killed in raid on village near Niger's Park W",
        "Officials in Say confirmed on Wednesday that armed men had raided the village of Alambaré, in the Tamou "
        "commune of Say department, the day before, abducting nine people including a nurse.\n\nA young man who "
        "tried to flee on his motorbike was shot dead, a resident said.", "2022-10-14T09:00:00Z")))
    assert event["date"] == "2022-10-11"


def test_an_attack_seven_weeks_earlier_is_background():
    event = primary(tag_article(article(
        "Burkina: 16 soldiers and VDP killed in attack on Baraboulé detachment",
        "Twelve soldiers and four VDP members were killed when jihadists attacked a military detachment at "
        "Baraboulé, in Soum province, overnight Friday to Saturday, the army said on Sunday.\n\nThe attack came just "
        "seven weeks after the assault on the gendarmerie post at Inata, in which 53 gendarmes were killed.",
        "2022-01-02T10:00:00Z")))
    assert event["fatalities"] == 16


def test_also_said_and_an_evacuation_town_keep_the_figures_in_the_incident():
    event = primary(tag_article(article(
        "Lac : le bilan de l'attaque contre la position de Kaoua s'alourdit à 18 militaires tués",
        "Le bilan de l'attaque menée par Boko Haram contre une position de l'armée tchadienne sur l'île de Kaoua, "
        "dans la province du Lac, s'est alourdi à 18 militaires tués, a annoncé mercredi le porte-parole de l'armée."
        "\n\nSix blessés graves sont morts depuis, dont deux après leur évacuation sanitaire vers N'Djamena, selon la "
        "même source. L'armée affirme par ailleurs que « quarante terroristes » ont été tués lors de la riposte.",
        "2022-03-23T10:00:00Z", "fr")))
    assert event["fatalities"] == 58


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Sept bergers mauritaniens ont été exécutés samedi en territoire malien. Les victimes, originaires de la "
           "moughataa de Bassikounou, faisaient paître leurs troupeaux dans les environs de Ballé, dans le cercle de "
           "Nara, lorsqu'elles ont été interpellées par une patrouille de l'armée malienne.", ("ML", "Ballé")),
    ("en", "Seven herders were executed on Saturday by a Malian army patrol. The victims, natives of Bassikounou in "
           "Mauritania, were grazing their herds near Nara, in Mali's Koulikoro region.", ("ML", "Nara")),
])
def test_the_victims_home_town_is_no_scene(language, text, expected):
    event = primary(tag_article(article("Mauritanian herders executed in Mali", text, "2023-04-12T12:00:00Z", language)))
    assert (event["country"], event["location"]) == expected


def test_a_toll_a_source_had_given_earlier_gives_way():
    event = primary(tag_article(article(
        "Roadside bomb kills six civilians near Mandouri",
        "Six civilians were killed when their motor tricycle struck an explosive device about 10 km from Mandouri, "
        "in Togo's Savanes region, on Monday, hospital sources said on Wednesday.\n\n"
        "A security source had on Monday evening given a toll of four dead.", "2023-07-19T10:00:00Z")))
    assert event["fatalities"] == 6


def test_the_abductors_named_as_a_group_s_fighters_stay_in_the_incident_despite_a_dated_aside():
    event = primary(tag_article(article(
        "The women of Ajiri who went to fetch firewood",
        "On the morning of Friday, July 9, a group of women left Ajiri, a village near Mafa, in Borno State. Armed "
        "men seized at least 14 women and girls and drove them towards the Sambisa forest.\n\nCommunity leaders said "
        "the abductors were fighters of JAS, the Boko Haram faction once led by Abubakar Shekau, who died in May "
        "during a confrontation with ISWAP.", published="2021-07-19T07:00:00Z")))
    assert event["sub_event_type"] == "abduction_forced_disappearance"
    assert "jas" in event["actors"] and "unidentified_armed_group" not in event["actors"]


def test_a_day_a_militia_hailed_its_men_is_no_incident_day():
    event = primary(tag_article(article(
        "Koro : Dan Na Ambassagou affirme avoir repoussé une attaque contre Madougou",
        "Le mouvement Dan Na Ambassagou a salué mardi, dans un communiqué, la bravoure de ses hommes qui ont repoussé "
        "une attaque de terroristes du GSIM contre le village de Madougou, dans le cercle de Koro.\n\nHuit de nos "
        "combattants sont tombés, affirme le texte.\n\nSelon un élu, "
        "des dizaines d'hommes armés ont attaqué le village dans la nuit de samedi à dimanche.",
        published="2020-08-12T12:00:00Z", language="fr")))
    assert event["date"] == "2020-08-08"


def test_a_report_s_undated_lead_is_dated_by_the_account_weeks_ago_that_follows():
    event = primary(tag_article(article(
        "Exécutions sommaires à Monimpébougou : une ONG accuse l'armée",
        "Au moins onze hommes ont été sommairement exécutés par des soldats maliens lors d'une opération militaire à "
        "Monimpébougou, dans le cercle de Macina, affirme Human Rights Watch dans un rapport publié mercredi.\n\n"
        "L'organisation dit avoir recueilli dix-neuf témoignages. Selon ces récits, des hélicoptères ont déposé des "
        "soldats aux abords de la localité il y a trois semaines, le mercredi 23 novembre, jour de foire.",
        published="2022-12-14T06:00:00Z", language="fr")))
    assert event["date"] == "2022-11-23"


def test_a_day_an_association_expressed_its_indignation_is_no_incident_day():
    event = primary(tag_article(article(
        "Tabital Pulaaku dénonce un massacre dans le cercle de Bankass",
        "L'association Tabital Pulaaku a exprimé vendredi sa profonde indignation après le massacre de Peuls à "
        "Soubala, dans le cercle de Bankass.\n\nDans un communiqué, l'organisation accuse des éléments armés se "
        "réclamant de la milice Dan Na Ambassagou.\n\nLes faits se sont produits mardi dernier, en fin d'après-midi. Selon "
        "le gouvernement, dix-neuf personnes ont été tuées par des chasseurs dozos.",
        published="2020-02-15T11:00:00Z", language="fr")))
    assert event["date"] == "2020-02-11"


def test_a_flood_s_dead_are_no_political_violence():
    out = tag_article(article(
        "Dosso : la crue du fleuve Niger fait six morts dans le département de Gaya",
        "Le bilan provisoire des inondations qui frappent depuis une semaine le département de Gaya, dans la région de "
        "Dosso, s'établit à six morts, a indiqué lundi la protection civile.\n\nLa crue du fleuve a rompu dans la nuit "
        "de mercredi à jeudi une digue de protection à la sortie de Gaya.", published="2024-08-27T11:00:00Z",
        language="fr"))
    assert out["relevant"] is False


def test_a_group_blamed_whose_fighters_have_besieged_the_town_since_a_year_is_the_attacker():
    event = primary(tag_article(article(
        "Mortar shells kill five civilians in besieged Titao",
        "Several mortar shells fired from outside the town landed in a neighbourhood of Titao, in Burkina Faso's Nord "
        "region, on Sunday evening, killing at least five civilians, the governor said.\n\nSecurity sources blamed "
        "the al Qaeda-linked JNIM, whose fighters have surrounded Titao since 2022.", published="2023-10-03T07:00:00Z")))
    assert "jnim" in event["actors"]


def test_the_group_told_attacking_in_the_paragraph_that_dates_the_incident_is_its_attacker():
    event = primary(tag_article(article(
        "Chad vows 'no respite' for jihadists after deadly attack on army post on Lake Chad",
        "Chad's authorities on Tuesday vowed to hunt down the jihadists who attacked an army position in the Lac "
        "province, as the army gave a toll of nine soldiers killed.\n\nThe presidency announced three days of national "
        "mourning.\n\nThe attack took place on Sunday evening at Kaiga-Kindjiria, a fishing town where the army "
        "maintains a forward post. According to the army spokesman, Boko Haram fighters arrived in motorised canoes "
        "and attacked the position from several sides.", published="2023-05-09T16:45:00Z")))
    assert "jas" in event["actors"] and "unidentified_armed_group" not in event["actors"]


def test_groups_said_to_be_active_in_the_area_of_an_unclaimed_blast_are_no_party():
    event = primary(tag_article(article(
        "On the roads of eastern Burkina Faso, every journey is a gamble",
        "Salamatou had made the trip from Diapaga to Kantchari dozens of times.\n\nThe vehicle hit a buried explosive "
        "device near Kantchari, in the Tapoa province of Burkina Faso's Est region. At least 10 passengers were "
        "killed.\n\nThe blast happened shortly after 9am on 6 March, a Saturday, survivors said. No group claimed "
        "responsibility. Both the al-Qaeda-affiliated JNIM and the so-called Islamic State are active in the Est "
        "region, where gunmen have planted mines on the roads, blown up bridges and attacked convoys.",
        published="2021-03-25T07:00:00Z")))
    assert "jnim" not in event["actors"] and "is_sahel" not in event["actors"]


def test_residents_who_give_their_own_count_in_the_present_are_a_source_not_a_party():
    event = primary(tag_article(article(
        "Togo : sept militaires tués dans l'attaque d'un poste à Koundjoaré, le JNIM revendique",
        "Le gouvernement togolais a confirmé lundi la mort de sept militaires dans l'attaque qui a visé, dans la nuit "
        "de samedi à dimanche, un poste avancé de l'armée à Koundjoaré, dans la préfecture de Kpendjal.\n\nLe JNIM a "
        "revendiqué l'opération. Des habitants joints par téléphone évoquent pour leur part « une douzaine de corps ».",
        published="2023-08-22T08:15:00Z", language="fr")))
    assert "civilians" not in event["actors"] and "jnim" in event["actors"]


def test_a_police_officer_who_had_initially_said_a_toll_is_a_source_not_a_party():
    event = primary(tag_article(article(
        "Death toll in Katsina bandit attack rises to 23 as more bodies found",
        "The death toll from an attack by bandits on Dan Ali, a village in the Danmusa Local Government Area of "
        "Katsina State, has risen to 23 after more bodies were recovered, the police said on Tuesday.\n\nThe Police "
        "Public Relations Officer in the state, SP Kabir Tsagem, had initially said nine people were killed when the "
        "gunmen invaded the village in the early hours of Monday.", published="2020-06-17T09:00:00Z")))
    assert event["sub_event_type"] == "attack" and "military_ng" not in event["actors"]


def test_an_attack_told_days_earlier_is_background_to_a_lorry_burning():
    event = primary(tag_article(article(
        "Jihadists torch lorries on Gao-Bourem road as blockade tightens",
        "Islamic extremists set fire to 17 lorries on the road between Gao and Bourem, near the village of Taboye, "
        "on Tuesday afternoon, drivers said. No one was hurt.\n\nThe region has seen a sharp escalation in violence. "
        "On Sept. 12, rebels attacked the army camp in Bourem. Days earlier, an attack on a passenger boat on the "
        "Niger river near Bamba killed 49 civilians and 15 soldiers, according to the government.",
        published="2023-10-05T15:30:00Z")))
    assert event["fatalities"] is None and event["sub_event_type"] == "looting_property_destruction"


def test_what_a_ministry_announced_on_a_day_that_soldiers_had_been_killed_is_the_story_s_incident():
    event = primary(tag_article(article(
        "Attaque contre le détachement de Samira : l'armée annonce cinq soldats tués",
        "Nouveau coup dur pour l'armée nigérienne dans la région de Tillabéri. Le ministère de la Défense a annoncé "
        "mercredi soir que cinq militaires avaient été tués lors de l'attaque qui a "
        "visé dimanche, peu avant l'aube, le détachement militaire stationné à Samira, dans le département de "
        "Gothèye.\n\nDe son côté, l'organisation État islamique a revendiqué l'opération mardi par le biais de son "
        "agence Amaq.", published="2023-10-26T09:00:00Z", language="fr")))
    assert event["date"] == "2023-10-22" and event["location"] == "Samira"


def test_a_rebel_coalition_saying_what_a_strike_killed_is_a_source_not_a_party():
    event = primary(tag_article(article(
        "Mali : une frappe de drone de l'armée a tué des civils près d'un puits",
        "Une frappe de drone menée par les forces armées maliennes le 9 février près du village d'Intachdayte, dans la "
        "région de Kidal, a tué plus d'une douzaine de civils, a déclaré Human Rights Watch.\n\nLa coalition rebelle du "
        "Cadre stratégique permanent (CSP) a affirmé dans un communiqué que la frappe avait tué 19 civils.",
        published="2024-05-22T04:00:00Z", language="fr")))
    assert "azawad_rebels" not in event["actors"] and "military_ml" in event["actors"]


def test_a_report_s_lead_with_no_day_and_no_place_is_told_by_the_first_paragraph_that_gives_both():
    event = primary(tag_article(article(
        "Amnesty says Burkina army drone strike killed at least 14 civilians at Kombori livestock market",
        "Burkina Faso's military has made armed drones a centrepiece of its war against jihadist groups. A new "
        "investigation by Amnesty International suggests the strikes are also killing civilians.\n\nIn a report "
        "published on Tuesday, the rights group said it had interviewed 11 survivors.\n\nThe strike hit the weekly "
        "livestock market in Kombori, a commune of Kossi province in the Boucle du Mouhoun region, at around 10 a.m. "
        "on Saturday 3 August. Amnesty said it had verified the identities of 14 civilians killed; residents it "
        "interviewed put the number of dead at 23.", published="2024-08-20T07:00:00Z")))
    assert (event["location"], event["date"], event["fatalities"]) == ("Kombori", "2024-08-03", 14)


def test_a_group_who_had_imposed_its_law_since_a_year_is_described_not_recalled():
    event = primary(tag_article(article(
        "Burkina army says it has retaken Toéni after two years of jihadist control",
        "Burkina Faso's army said it had regained control of Toéni, a town in the province of Sourou, after several "
        "hours of fighting.\n\nIn a statement read on the state broadcaster on Thursday evening, the general staff "
        "said units of the army entered the town on Wednesday, 3 April, after intense combat with fighters of JNIM, "
        "who \"had imposed their law on the population\" since mid-2022.", published="2024-04-05T19:00:00Z")))
    assert event["date"] == "2024-04-03" and "jnim" in event["actors"]


def test_an_army_s_own_losses_are_an_admission_beside_its_enemy_s_boast():
    event = primary(tag_article(article(
        "Mali army says it has retaken Tarkint from separatist rebels",
        "Mali's army said on Thursday that its troops had taken control of Tarkint, a town in the Bourem district of "
        "the Gao region, on Tuesday after fighting with separatists of the CSP. Two soldiers were killed and four "
        "wounded, the army's statement said.\n\nThe CSP said in a statement that its fighters had made a tactical "
        "withdrawal from Tarkint after inflicting heavy losses on the army and the Russians, whom it said had lost 12 "
        "men.", published="2024-03-07T18:05:00Z")))
    assert event["fatalities"] == 2


def test_an_army_communique_alone_gives_both_its_dead_and_the_militants_it_says_it_killed():
    event = primary(tag_article(article(
        "Burkina army says about fifty militants 'neutralised' in northern operation",
        "Burkina Faso's army said on Monday it had killed about fifty militants during an operation around "
        "Tongomayel, in the Soum province, on Saturday. One soldier was killed and three were wounded, the general "
        "staff said.\n\nViolence by jihadist groups has killed hundreds of people in Burkina Faso this year, according "
        "to the United Nations.", published="2019-12-10T08:00:00Z")))
    assert event["fatalities"] == 51


@pytest.mark.parametrize("witness", [
    "Un habitant affirme avoir vu « beaucoup de corps » dans la brousse.",
    "« Nous avons compté vingt-trois corps », a raconté à l'AFP un notable de Gorouol, joint par téléphone.",
    "Des pêcheurs de la zone joints par téléphone affirment avoir vu des corps sur les rives.",
])
def test_witnesses_of_a_fight_between_armed_groups_are_not_a_party(witness):
    out = tag_article({"id": "w", "title": "Niger : de violents combats entre jihadistes rivaux près de Téra",
                       "text": "Au moins vingt-trois combattants ont été tués mercredi dans des affrontements entre "
                               "l'État islamique au Sahel et le JNIM près de Tamagadi, dans le département de Téra "
                               "(région de Tillabéri), selon des sources locales.\n\n" + witness,
                       "published": "2023-03-10T10:50:00Z", "language": "fr"})
    assert sorted(out["events"][0]["actors"]) == ["is_sahel", "jnim"]


@pytest.mark.parametrize("text, language, force", [
    ("Mortar fire on Djibo killed three civilians at a displacement site on Sunday, the hospital said.\n\n"
     "Social media accounts close to the VDP mention five dead.", "en", "vdp"),
    ("Des tirs d'obus ont tué trois civils dimanche sur un site de déplacés à Djibo, selon l'hôpital.\n\n"
     "Des comptes proches des VDP évoquent cinq morts.", "fr", "vdp"),
])
def test_accounts_close_to_a_force_are_a_source_not_a_party(text, language, force):
    out = tag_article({"id": "c", "title": "", "text": text, "published": "2026-02-24T09:00:00Z", "language": language})
    assert force not in out["events"][0]["actors"]


@pytest.mark.parametrize("text, language, attackers", [
    ("Sixteen people were killed when “a large number of armed bandits” invaded Dan Gulbi village in "
     "Maru Local Government Area of Zamfara State on Tuesday night, police said.", "en", "bandits_ng"),
    ("Douze civils ont été tués mardi à Kobou, dans la province du Soum, par « des hommes armés à moto », "
     "selon des sources locales.", "fr", "unidentified_armed_group"),
])
def test_a_quoted_name_of_the_attackers_is_a_label_not_speech(text, language, attackers):
    event = primary(tag_article(article("Attack", text, language=language)))
    assert attackers in event["actors"]
    assert event["sub_event_type"] == "attack"


def test_a_force_s_quoted_name_for_those_it_struck_stays_its_own_word():
    text = ("Des témoins affirment que onze civils ont été tués mercredi à Kobou, dans la province du Soum, "
            "lors d'une frappe de l'armée burkinabè. L'état-major dit avoir visé « un regroupement de terroristes ».")
    event = primary(tag_article(article("Frappe", text, language="fr")))
    assert "military_bf" in event["actors"] and "civilians" in event["actors"]
    assert "unidentified_armed_group" not in event["actors"]


@pytest.mark.parametrize("text, language", [
    ("Des hommes armés ont attaqué mardi à l'aube un campement de pêche de l'île de Kangara, dans la province du "
     "Lac.\n\nSelon le gouverneur de la province, qui s'est exprimé mercredi devant la presse à Bol, « neuf civils "
     "ont été tués » par des éléments de Boko Haram. Il a annoncé l'envoi d'une unité de l'armée sur l'île.\n\n"
     "Le chef de canton avance pour sa part un bilan de quatorze morts.", "fr"),
    ("Gunmen attacked a fishing camp on Kangara island in Chad's Lac province at dawn on Tuesday.\n\nThe governor, "
     "speaking on Wednesday to reporters in Bol, said nine civilians were killed by Boko Haram fighters.\n\n"
     "A canton chief gave a toll of 14 dead.", "en"),
])
def test_where_an_official_speaks_is_no_second_incident(text, language):
    event = primary(tag_article(article("Attaque", text, published="2021-06-10T08:00:00Z", language=language)))
    assert event["fatalities"] == 9
    assert event["date"] == "2021-06-08"
    assert "military_td" not in event["actors"]


def test_the_towns_whose_hospitals_took_the_wounded_are_no_second_scene():
    text = ("A military jet bombed a fish market at Kwatar Dala, a fishing settlement in the Kukawa local government "
            "area of Borno state, on Friday, residents said.\n\nResidents gave a toll of 24 dead. Amnesty "
            "International said on Sunday it had verified the deaths of at least 17 civilians, and that about 30 "
            "other people had been taken to hospitals in Monguno and Maiduguri.")
    event = primary(tag_article(article("Air strike hits fish market", text, published="2023-09-25T08:00:00Z")))
    assert normalise_name(event["location"]) == "kwatardala"
    assert event["fatalities"] == 17


def test_a_group_s_claim_of_an_older_dated_attack_is_background():
    text = ("French forces killed around fifteen jihadists in an air strike in Mali's Menaka region on Tuesday, the "
            "French general staff said on Thursday.\n\nA drone struck fighters of the Islamic State in the Greater "
            "Sahara gathered near Taghalit, a watering point about 80 kilometres south-east of the town of Menaka.\n\n"
            "The group is active on both sides of the border. It claimed the ambush near Tongo Tongo, in Niger, in "
            "October 2017, in which four American and four Nigerien soldiers were killed.")
    event = primary(tag_article(article("French strike in Mali", text, published="2018-06-28T08:00:00Z")))
    assert (event["country"], normalise_name(event["location"])) == ("ML", "taghalit")
    assert event["fatalities"] == 15
    assert "military_ne" not in event["actors"]


def test_a_date_describing_the_claiming_group_keeps_the_claim_in_the_story():
    text = ("Au moins cinq militaires maliens ont été tués mardi lors d'une embuscade près d'Aguelhok, dans la région "
            "de Kidal.\n\nLe Front de libération de l'Azawad (FLA), coalition formée fin novembre 2024, a revendiqué "
            "l'embuscade et affirme avoir tué douze soldats.")
    event = primary(tag_article(article("Embuscade", text, published="2025-01-02T09:00:00Z", language="fr")))
    assert "azawad_rebels" in event["actors"]


def test_forces_killing_civilians_told_plainly_is_relevant():
    text = ("Le ministère mauritanien des Affaires étrangères a convoqué lundi l'ambassadeur du Mali après la mort "
            "de plusieurs ressortissants mauritaniens, tués de l'autre côté de la frontière, dans le cercle de "
            "Nara.\n\nSelon un "
            "communiqué officiel, sept bergers mauritaniens ont été tués dans la nuit de mercredi à jeudi au "
            "campement de Tenhamma, dans le cercle de Nara, « par des éléments de l'armée malienne ».")
    out = tag_article(article("Nouakchott convoque l'ambassadeur du Mali après la mort de sept bergers", text,
                              published="2024-01-29T18:00:00Z", language="fr"))
    assert out["relevant"]
    event = primary(out)
    assert (event["sub_event_type"], event["fatalities"]) == ("attack", 7)
    assert {"military_ml", "civilians"} <= set(event["actors"])


def test_the_city_where_a_report_was_presented_to_the_press_is_not_where_it_happened():
    text = ("Le ministère de la Défense a rendu public lundi un bilan présenté à la presse à Cotonou par le chef "
            "d'état-major.\n\nSelon ce bilan, les unités engagées dans les départements de l'Alibori et de "
            "l'Atacora ont procédé à l'interpellation de 187 personnes soupçonnées de collusion avec des groupes "
            "terroristes.")
    out = tag_article(article("Opération Mirador : l'armée dresse son bilan", text, language="fr"))
    assert out["relevant"] and out["countries"] == ["BJ"]


@pytest.mark.parametrize("text, language", [
    ("Ten soldiers were killed on Tuesday when terrorists attacked the post at Alambaré, in the commune of Tamou, "
     "Tillabéri region, the ministry said.\n\nIn the same communique, the ministry reported that two civilians were "
     "killed on Monday when their cart struck an explosive device near Makalondi.", "en"),
    ("Dix soldats ont été tués mardi dans l'attaque du poste d'Alambaré, dans la commune de Tamou, région de "
     "Tillabéri, selon le ministère.\n\nDans le même communiqué, le ministère indique que deux civils ont été tués "
     "lundi par l'explosion d'un engin près de Makalondi.", "fr"),
])
def test_another_incident_in_the_same_communique_is_apart(text, language):
    event = primary(tag_article(article("Attack", text, published="2025-04-10T14:00:00Z", language=language)))
    assert event["fatalities"] == 10
    assert "civilians" not in event["actors"]


@pytest.mark.parametrize("text, language", [
    ("Quatorze camions-citernes ont été incendiés lundi par des hommes armés à Kaniko-Foulala, dans le cercle de "
     "Kadiolo, région de Sikasso. Aucun décès n'a été signalé.\n\nLa veille, dimanche, un autre convoi, escorté par "
     "l'armée, avait été pris pour cible entre Kayes et Diboli. L'armée a affirmé avoir « neutralisé une dizaine de "
     "terroristes ».", "fr"),
    ("Gunmen set fire to fourteen fuel tankers on Monday at Kaniko-Foulala, in the Kadiolo cercle of Sikasso "
     "region. Nobody was killed.\n\nOn Sunday, another convoy, escorted by the army, came under attack between "
     "Kayes and Diboli. The army said it had killed about ten terrorists.", "en"),
])
def test_another_convoy_attacked_the_day_before_is_another_incident(text, language):
    event = primary(tag_article(article("Tankers torched", text, published="2025-09-17T11:30:00Z",
                                        language=language)))
    assert event["fatalities"] is None
    assert "military_ml" not in event["actors"]


@pytest.mark.parametrize("text, language, group", [
    ("Mardi, des hommes armés ont ouvert le feu sur des producteurs à Kaïwa Boudouri, dans le département de Diffa, "
     "selon le préfet. Huit personnes ont été tuées.\n\nDes habitants décrivent la scène.\n\nLes assaillants, "
     "présumés membres de Boko Haram, ont traversé la rivière en pirogue.", "fr", "jas"),
    ("Insurgents on Monday abducted scores of women near Dikwa, in Borno State, community leaders said.\n\n"
     "Residents fled.\n\nA woman who escaped said the attackers spoke of their leader, suggesting they belonged "
     "to ISWAP.", "en", "iswap"),
])
def test_attackers_presumed_or_suggested_to_belong_to_a_group_are_that_group(text, language, group):
    event = primary(tag_article(article("Attack", text, language=language)))
    assert group in event["actors"]
    assert "unidentified_armed_group" not in event["actors"]


def test_a_doubt_about_whom_the_kidnappers_belong_to_names_no_group():
    text = ("Gunmen abducted twelve passengers on the road to Dikwa, in Borno State, on Monday, police said.\n\n"
            "Residents fled.\n\nResidents say it is difficult to know whether the hostage-takers belong to Boko Haram "
            "or to one of the criminal gangs of the area.")
    event = primary(tag_article(article("Passengers abducted", text)))
    assert "unidentified_armed_group" in event["actors"]


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen abducted dozens of worshippers at Gidan Bahago, a village in Mashegu Local Government Area of Niger "
     "State, in the early hours of Saturday.\n\nThe police spokesman said 27 persons were abducted and one person "
     "killed, and that police tactical teams, the military and vigilantes were combing the forest.",
     "abduction_forced_disappearance"),
    ("Insurgents attacked Mbilkwa, a farming community in Hong Local Government Area of Adamawa State, on Friday "
     "night, killing seven people, police said.\n\nThe spokesman said two more bodies were recovered in the bush "
     "by a search team made up of police, soldiers and local hunters.\n\nISWAP claimed responsibility for the "
     "attack.", "attack"),
])
def test_forces_searching_the_area_afterwards_are_no_party(text, sub_event_type):
    event = primary(tag_article(article("Attack", text, published="2023-04-03T10:00:00Z")))
    assert event["sub_event_type"] == sub_event_type
    assert "military_ng" not in event["actors"]


@pytest.mark.parametrize("text, language, source", [
    ("Gunmen from the Islamic State in the Greater Sahara killed 22 villagers near Anderamboukane, in Mali's Menaka "
     "region, on Sunday, officials said.\n\nThe Movement for the Salvation of Azawad (MSA), an armed group allied "
     "with the government that has fighters in the area, said 31 people were killed.", "en", "gatia_msa"),
    ("Des hommes armés de l'EIGS ont tué dimanche vingt-deux civils près d'Anderamboukane, dans la région de "
     "Ménaka, selon les autorités.\n\nLes autorités évoquent désormais quatorze morts, un chiffre également avancé "
     "par la Mission de l'ONU au Mali (Minusma).", "fr", "minusma"),
])
def test_a_group_or_mission_giving_its_own_count_is_a_source_not_a_party(text, language, source):
    event = primary(tag_article(article("Attack", text, language=language)))
    assert "is_sahel" in event["actors"] and source not in event["actors"]


def test_the_day_a_coarse_lead_left_open_dates_it_at_the_village_named_with_it():
    text = ("Families of six people abducted last week in the commune of Kalalé, in Borgou department, say the "
            "kidnappers are demanding a ransom.\n\nThe six were seized from Gamagou, a village in the arrondissement "
            "of Dérassi, on 22 November at around 11 p.m., according to residents.\n\nThe kidnappers called the "
            "families on Sunday.")
    event = primary(tag_article(article("Kidnappers demand ransom", text, published="2024-11-27T12:10:00Z")))
    assert (event["date"], normalise_name(event["location"])) == ("2024-11-22", "gamagou")


def test_the_department_an_elected_official_comes_from_is_not_the_scene():
    text = ("Mauritania on Monday summoned Mali's ambassador over the killing of seven herders by Malian soldiers.\n\n"
            "The men were seized at a watering point known as Aïn Lehdid, roughly 25 kilometres inside Malian "
            "territory in the circle of Nara, on Saturday night, the foreign ministry said. Their bodies were found "
            "on Sunday, according to an elected official from the department of Adel Bagrou.")
    event = primary(tag_article(article("Mauritania protests killing of herders", text,
                                        published="2024-03-11T10:00:00Z")))
    assert (event["country"], normalise_name(event["location"])) == ("ML", "ainlehdid")


@pytest.mark.parametrize("text, language", [
    ("Le procureur a annoncé jeudi l'ouverture d'une enquête après la découverte de quatorze corps dans le village "
     "de Siéna, dans la commune de Kassoum, province du Sourou. Des habitants accusent des VDP.\n\nSelon le parquet, "
     "les corps ont été retrouvés en périphérie du village, « portant des impacts de balles ».", "fr"),
    ("A prosecutor opened an inquiry on Thursday after the discovery of fourteen bodies in the village of Siena, in "
     "the Sourou province. Residents blame VDP militiamen.\n\nThe bodies, all men, bore gunshot wounds, the "
     "prosecutor said.", "en"),
])
def test_bodies_found_with_bullet_wounds_are_an_attack_on_civilians(text, language):
    event = primary(tag_article(article("Enquête", text, published="2023-06-23T08:00:00Z", language=language)))
    assert (event["sub_event_type"], event["fatalities"]) == ("attack", 14)
    assert {"vdp", "civilians"} <= set(event["actors"])


@pytest.mark.parametrize("text, language", [
    ('Gunmen killed at least 29 worshippers at a mosque in Gorou Kirey, in the Tillaberi region, on Friday.\n\n'
     'According to a government statement, "heavily armed terrorists of the EIGS" surrounded the mosque before '
     'opening fire on the faithful.', "en"),
    ("Des hommes armés ont tué vendredi au moins 29 fidèles dans une mosquée de Gorou Kirey, région de Tillabéri.\n\n"
     "Selon le gouvernement, « des terroristes lourdement armés de l'EIGS » ont encerclé la mosquée avant "
     "d'ouvrir le feu.", "fr"),
])
def test_a_quoted_subject_of_the_attack_names_the_attackers(text, language):
    event = primary(tag_article(article("Mosque attack", text, language=language)))
    assert "is_sahel" in event["actors"]


def test_a_quoted_subject_of_a_passive_verb_is_the_force_s_word_for_its_victims():
    text = ("Des témoins affirment que onze civils ont été tués mercredi à Kobou, dans la province du Soum, lors d'une "
            "frappe de l'armée burkinabè. Selon l'armée, « plusieurs terroristes » ont été neutralisés.")
    event = primary(tag_article(article("Frappe", text, language="fr")))
    assert "unidentified_armed_group" not in event["actors"]


def test_a_report_published_weeks_later_dates_the_killings_it_documents():
    text = ('"They made us sit on the ground, then they took the men behind the granaries," said a woman who lost her '
            'husband.\n\nSoldiers and members of the Volunteers for the Defense of the Homeland (VDP) summarily '
            'executed at least 28 civilians in Tiékuy-Peulh, a village in Djibasso commune, Kossi province, on '
            'January 14, 2024, Human Rights Watch said today.\n\nIn April 2023, soldiers killed around 150 villagers '
            'in Karma, in Yatenga province.')
    event = primary(tag_article(article("Burkina Faso: Soldiers, Militia Executed Villagers in Kossi Province", text,
                                        published="2024-02-29T09:00:00Z")))
    assert (event["date"], event["fatalities"]) == ("2024-01-14", 28)
    assert normalise_name(event["location"]) == "tiekuypeulh"


def test_the_village_said_to_lie_in_a_commune_is_the_scene_not_the_commune():
    text = ("Gunmen burned the school of Nofesso overnight on Sunday, residents said.\n\nThe attackers arrived on "
            "motorcycles shortly after 10pm in Nofesso, which lies in Tiéfora commune, some 35 kilometres east of "
            "Banfora, the capital of the Cascades region.")
    event = primary(tag_article(article("School burned in Cascades", text)))
    assert event["location"] == "Nofesso"


@pytest.mark.parametrize("text, language", [
    ("Des hommes armés ont tué jeudi au moins 22 civils au marché de Zinibéogo, dans la commune de Dablo, province "
     "du Sanmatenga.\n\nLes habitants ont fui vers Kaya.\n\nLes autorités l'imputent à des « terroristes », terme "
     "qu'elles emploient pour désigner aussi bien les combattants du GSIM que ceux de l'État islamique.", "fr"),
    ("Gunmen killed at least 22 civilians at the market of Zinibeogo, in Dablo commune, Sanmatenga province, on "
     "Thursday.\n\nSurvivors fled to Kaya.\n\nOfficials blamed the attack on terrorists, a word they use for JNIM "
     "or Islamic State fighters alike.", "en"),
])
def test_two_groups_named_as_alternatives_name_neither(text, language):
    event = primary(tag_article(article("Attack", text, language=language)))
    assert "unidentified_armed_group" in event["actors"]
    assert not {"jnim", "is_sahel"} & set(event["actors"])


def test_a_unit_and_its_parent_named_together_are_one_group():
    text = ("Gunmen killed twelve villagers in Mopti region on Sunday.\n\nResidents fled.\n\nSecurity sources attributed "
            "the attack to the Katiba Macina, a unit of JNIM, or Group for the Support of Islam and Muslims.")
    assert "katiba_macina" in primary(tag_article(article("Attack", text)))["actors"]


def test_herds_driven_off_make_the_herders_the_victims_of_a_looting_raid():
    out = tag_article(article(
        "Tillia : des hommes armés emportent des centaines de têtes de bétail",
        "Des hommes armés de l'EIGS ont attaqué dimanche le campement de Wirsnat, dans le département de Tillia "
        "(région de Tahoua), emportant des centaines de têtes de bétail et incendiant des greniers.\n\n"
        "Aucune perte en vie humaine n'est à déplorer. Les éleveurs estiment avoir perdu plus de quatre cents "
        "bovins et une soixantaine de chameaux.", "2019-07-24T09:00:00Z", "fr"))
    event = primary(out)
    assert (event["sub_event_type"], event["fatalities"]) == ("looting_property_destruction", None)
    assert set(event["actors"]) == {"is_sahel", "civilians"}


def test_a_bridge_blown_up_harms_no_civilians():
    out = tag_article(article(
        "JNIM blows up bridge on Tougan road",
        "Jihadists of JNIM blew up the Kounkoun bridge on the road between Tougan and Dedougou, in Burkina Faso's "
        "Sourou province, on Monday evening, residents said. There were no casualties.",
        "2024-09-25T10:00:00Z"))
    event = primary(out)
    assert event["sub_event_type"] == "looting_property_destruction"
    assert event["actors"] == ["jnim"]


@pytest.mark.parametrize("text, language, group", [
    ("Four displaced people were killed when mortar bombs landed in a camp in Dikwa, Borno State, on Friday evening."
     "\n\nAn emergency official said five projectiles were fired into the town.\n\nA health worker put the dead at "
     "five.\n\nMilitary sources said the shells were fired by fighters of the Islamic State West Africa Province "
     "(ISWAP) from positions east of the town.", "en", "iswap"),
    ("Quatre civils ont été tués vendredi soir par des obus tombés sur le marché de Djibo, dans la province du Soum."
     "\n\nUn responsable local a indiqué que cinq projectiles étaient tombés sur la ville.\n\nUn agent de santé parle "
     "de cinq morts.\n\nSelon des sources sécuritaires, les obus ont été tirés par des combattants du GSIM depuis "
     "des positions à l'est de la ville.", "fr", "jnim"),
])
def test_shells_said_to_be_fired_by_a_group_name_the_attackers(text, language, group):
    event = primary(tag_article(article("", text, "2022-08-01T07:30:00Z", language)))
    assert group in event["actors"] and "unidentified_armed_group" not in event["actors"]


def test_quoted_unidentified_attackers_are_a_party_and_search_teams_helpers_are_not():
    text = ("Vingt-deux civils ont été tués mercredi sur un site aurifère de la commune de Pensa, dans la province du "
            "Sanmatenga, selon le gouverneur de la région du Centre-Nord.\n\n"
            "Les victimes ont été surprises en fin d'après-midi par des « individus armés non identifiés » sur le site. "
            "Des corps supplémentaires ont été retrouvés vendredi par des équipes de recherche appuyées par les "
            "Volontaires pour la défense de la patrie (VDP).")
    event = primary(tag_article(article("", text, "2022-09-05T11:00:00Z", "fr")))
    assert set(event["actors"]) == {"unidentified_armed_group", "civilians"}


def test_the_towns_a_bus_ran_between_are_no_scene_of_its_blast():
    text = ("Un car de transport en commun a sauté mardi sur un engin explosif dans la province de la Tapoa, faisant "
            "neuf morts, selon une source sécuritaire.\n\nLe véhicule, qui assurait la liaison entre Diapaga et "
            "Kantchari, a heurté l'engin aux environs de 13 heures près de Tansarga.")
    assert primary(tag_article(article("", text, "2023-05-10T10:00:00Z", "fr")))["location"] == "Tansarga"


def test_groups_blamed_for_some_and_other_earlier_raids_name_no_party():
    text = ("Des hommes armés ont enlevé dimanche le chef de village de Tounouga, dans le département de Gaya (région "
            "de Dosso), et cinq habitants.\n\nLes ravisseurs ont pris contact avec les familles mardi.\n\n"
            "Les autorités n'ont fait aucun commentaire.\n\nLa zone a connu plusieurs enlèvements ces derniers mois. "
            "Certains sont attribués à des bandits venus du Nigeria voisin, d'autres à des combattants jihadistes.")
    event = primary(tag_article(article("", text, "2024-09-16T08:00:00Z", "fr")))
    assert set(event["actors"]) == {"unidentified_armed_group", "civilians"}


def test_a_village_described_with_its_commune_is_the_scene_before_the_capital_named_first():
    text = ("Pendant que Niamey fêtait le passage à la nouvelle année, les habitants de Ngagam, village de la commune "
            "rurale de Gueskérou, dans la région de Diffa, ont vécu une nuit d'épouvante : des hommes armés ont "
            "enlevé onze femmes et deux enfants.")
    event = primary(tag_article(article("", text, "2022-01-04T09:30:00Z", "fr")))
    assert (event["location"], event["admin1"]) == ("Ngagam", "Diffa")


def test_the_group_another_is_said_to_be_linked_to_is_no_party():
    event = primary(tag_article(article(
        "Lakurawa fighters kill villagers in Sokoto",
        "Fighters of Lakurawa, the jihadist group that the Nigerian military says is linked to the Islamic State Sahel "
        "Province, attacked Balle, the headquarters of Gudu local government area, on Monday, killing nine residents, "
        "the Sokoto State Police Command said.")))
    assert sorted(event["actors"]) == ["civilians", "lakurawa"]


@pytest.mark.parametrize("title, text, language, fatalities", [
    ("Barkhane says drone strike killed about fifteen fighters near Anderamboukane",
     "French forces killed \"about fifteen terrorists\" of the Islamic State in the Greater Sahara in a drone strike "
     "near Anderamboukane, in Mali's Ménaka region, on Sunday, the French armed forces ministry said.\n\nTwo residents "
     "said the bodies of eleven armed men had been buried near the site on Monday.", "en", 11),
    ("Diffa : violents combats entre factions jihadistes près de Karamga",
     "Des affrontements ont opposé samedi les deux factions issues de Boko Haram, l'État islamique en Afrique de "
     "l'Ouest et les fidèles de Shekau, près de l'île de Karamga, dans la commune de Bosso.\n\nUn journaliste de Diffa "
     "affirme que les combats ont fait « plus de quarante morts ». Un élu de Bosso, qui dit avoir recoupé les "
     "témoignages de pêcheurs et d'éleveurs, fait état d'« au moins trente combattants tués ».", "fr", 30),
])
def test_armed_men_buried_and_shekau_s_followers_are_fighters_and_witnesses_a_source(title, text, language, fatalities):
    event = primary(tag_article(article(title, text, language=language)))
    assert event["fatalities"] == fatalities and "civilians" not in event["actors"]


def test_a_rescue_raid_told_a_day_late_keeps_its_place_and_counts_the_kidnappers_killed():
    event = primary(tag_article(article(
        "Burkina Faso troops free Canadian couple in raid on militant camp, army says",
        "Burkinabe special forces freed a Canadian couple held hostage for almost ten months in a raid on a militant "
        "camp in the north of the country, the army said on Friday, adding that one soldier and six of the kidnappers "
        "had been killed.\n\nThe operation took place the previous day in a forest near Nassoumbou, a rural commune in "
        "the Soum province of the Sahel region, the statement said.\n\nPhotographs released by the army showed the "
        "couple at an airbase in Ouagadougou. The Canadian embassy in Ouagadougou thanked the authorities.",
        "2024-03-16T10:00:00Z")))
    assert (event["location"], event["date"], event["fatalities"]) == ("Nassoumbou", "2024-03-14", 7)


def test_a_country_s_own_citizens_among_the_dead_are_a_part_of_the_toll():
    from worker.tagging.claims import extract_claims
    found = extract_claims("The Chinese embassy in Bamako confirmed the deaths of two of its citizens on Tuesday.", "en")
    assert [(c.kind, c.count, c.subset) for c in found] == [("killed", 2, True)]


@pytest.mark.parametrize("title, text", [
    ("Niger: soldiers killed in attack on Tillia post",
     "Islamic State Sahel fighters attacked an army post at Tillia on Thursday. A Western diplomatic source in Niamey "
     "told journalists that more than a dozen soldiers had been killed."),
    ("Islamic State fighters seize Inékar from pro-government militia in Mali's Ménaka region",
     "Fighters of the Islamic State's Sahel branch took control of Inékar, a locality about 45 kilometres west of "
     "Ménaka town in north-eastern Mali, on Thursday after clashes with the Movement for the Salvation of Azawad (MSA), "
     "a pro-government armed group, the MSA and local sources said.\n\nIn a statement on Friday, the MSA said fourteen "
     "of its fighters had been killed and several wounded, and that it had \"tactically withdrawn\" from Inékar to "
     "avoid civilian casualties."),
])
def test_journalists_told_and_civilians_spared_are_no_party(title, text):
    assert "civilians" not in primary(tag_article(article(title, text)))["actors"]


def test_died_the_day_before_the_source_told_it_is_the_eve_of_that_day():
    event = primary(tag_article(article(
        "Kolofata : deux soldats tués par un engin explosif sur l'axe de Kerawa",
        "Deux militaires ont trouvé la mort la veille, et quatre autres ont été blessés, lorsque leur véhicule a sauté "
        "sur un engin explosif improvisé près de Kerawa, a-t-on appris ce mardi de source militaire.",
        "2023-05-09T11:20:00Z", language="fr")))
    assert event["date"] == "2023-05-08"
