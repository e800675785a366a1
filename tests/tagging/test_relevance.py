"""Relevance: in scope, and armed violence shown; the score adds up the evidence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from worker.tagging.relevance import assess, in_scope
from worker.tagging.scope import DEFAULT_SCOPE


def test_core_country_is_in_scope():
    assert in_scope(DEFAULT_SCOPE, "ML", None, [])


def test_nigeria_is_in_scope_only_in_its_spillover_states():
    assert in_scope(DEFAULT_SCOPE, "NG", "Borno", [])
    assert not in_scope(DEFAULT_SCOPE, "NG", "Ekiti", [])
    assert not in_scope(DEFAULT_SCOPE, "NG", None, [])


def test_sahel_group_attack_on_the_coast_is_in_scope():
    assert in_scope(DEFAULT_SCOPE, "BJ", "Zou", ["jnim", "military_bj"])
    assert not in_scope(DEFAULT_SCOPE, "BJ", "Zou", ["unidentified_armed_group", "military_bj"])


def test_islamic_state_far_from_the_sahel_is_not_in_scope():
    assert not in_scope(DEFAULT_SCOPE, "MZ", "Cabo Delgado", ["is_sahel"])


def test_armed_group_in_scope_is_relevant():
    result = assess("ML in scope", ["jnim"], [], ["Talks with JNIM leaders continue."], "en")
    assert result.relevant
    assert 0 < result.score <= 1


def test_place_without_violence_is_not_relevant():
    result = assess("ML in scope", [], [], ["Mali beat Burkina Faso 2-1 in a friendly."], "en")
    assert not result.relevant
    assert result.score < 0.5


def test_violence_out_of_scope_is_not_relevant():
    result = assess(None, ["unidentified_armed_group"], [], ["Gunmen attacked a bus in Somalia."], "en")
    assert not result.relevant


def test_reasons_name_the_evidence():
    result = assess("BF in scope", ["ansarul_islam"], [], ["Ansarul Islam fighters attacked the post."], "en")
    assert any("ansarul_islam" in r for r in result.reasons)
    assert any("attack" in r for r in result.reasons)


def test_role_tiers_name_only_known_actors():
    import json
    from importlib import resources

    from worker.tagging.actors import ACTOR_IDS

    roles = json.loads((resources.files("worker.tagging") / "data" / "roles.json").read_text(encoding="utf-8"))
    named = {a for tier in roles["tiers"] for a in tier} | set(roles["sahel_groups"])
    assert named <= ACTOR_IDS


def test_violence_vocabulary_has_both_languages():
    from worker.tagging.relevance import violence_word

    assert violence_word(["Des hommes armés ont attaqué le village."], "fr")
    assert violence_word(["Gunmen ambushed a convoy."], "en")
    assert violence_word(["The team won the cup final."], "en") is None


def relevant(title: str, text: str, published: str, language: str = "en") -> bool:
    """What the whole tagger decides for a story (English unless told)."""
    from worker.tagging import tag_article

    return tag_article({"id": "t", "title": title, "text": text, "published": published,
                        "language": language})["relevant"]


def test_a_monthly_review_of_attacks_is_relevant_though_it_leads_with_no_incident():
    text = ("Violence against civilians in Niger's Tillaberi region rose sharply in August, according to a monthly "
            "security review compiled by humanitarian organisations.\n\n"
            "The review recorded 31 incidents during the month, up from 24 in July.\n\n"
            "Among the incidents listed, a village chief was shot dead near Inates on August 6, and two brothers "
            "were executed near Tiloa a week later.")
    assert relevant("Tillaberi in August: attacks on civilians rise", text, "2023-09-05T09:00:00Z") is True


def test_an_anniversary_parade_without_violence_stays_irrelevant():
    text = ("Thousands of people gathered in Niamey on Wednesday to mark the anniversary of the coup, waving flags "
            "and portraits of the junta's leader.\n\nSoldiers paraded in the stadium and the leader gave a speech "
            "on sovereignty.")
    assert relevant("Niger marks coup anniversary with parade", text, "2024-07-26T09:00:00Z") is False


def _tagged_fr(title: str, text: str) -> dict:
    from worker.tagging import tag_article

    return tag_article({"id": "t", "title": title, "text": text, "published": "2024-03-14T10:00:00Z", "language": "fr"})


def test_a_mine_blast_with_no_group_named_is_relevant():
    out = _tagged_fr("Trois morts dans l'explosion d'une mine près de Dori",
                     "Trois personnes ont péri mardi dans l'explosion d'une mine au passage de leur véhicule près de "
                     "Dori, dans la région du Sahel, au Burkina Faso.")
    assert out["relevant"] is True
    event = out["events"][0]
    assert (event["sub_event_type"], event["fatalities"], event["date"]) == (
        "remote_explosive_landmine_ied", 3, "2024-03-12")


def test_miners_dying_in_a_gold_mine_collapse_are_not_relevant():
    out = _tagged_fr("Burkina : éboulement meurtrier sur un site d'orpaillage",
                     "Trois orpailleurs ont péri mardi dans l'effondrement d'un puits sur une mine d'or artisanale "
                     "près de Dori, dans la région du Sahel, au Burkina Faso, selon les autorités locales.")
    assert out["relevant"] is False


def test_people_shot_dead_with_no_group_named_are_relevant():
    out = _tagged_fr("Burkina : quatre personnes tuées par balles à Gorom-Gorom",
                     "Quatre personnes, dont deux enfants, ont été tuées mardi par balles à Gorom-Gorom, selon des "
                     "sources concordantes.")
    assert out["relevant"] is True and out["events"][0]["fatalities"] == 4
    assert relevant("Four men shot dead near Gorom-Gorom",
                    "Four men were shot dead on Tuesday near Gorom-Gorom in northern Burkina Faso, residents said.",
                    "2024-03-14T10:00:00Z") is True


def test_a_trial_over_jihadist_funding_or_attacks_is_justice_news_not_an_incident():
    assert relevant("French court jails man for sending money to jihadists in Mali",
                    "A Paris court on Thursday sentenced a 34-year-old man to six years in prison for financing "
                    "terrorism after finding he had sent money to contacts of JNIM in Mali.\n\n"
                    "He made some 40 transfers through agencies in Bamako and Mopti, prosecutors said.\n\n"
                    "The defendant told the court he had been sending money to relatives. His lawyer said he would "
                    "appeal.\n\n"
                    "JNIM fighters have launched raids on Bamako's military police school and besieged towns across "
                    "central Mali.", "2024-11-21T17:00:00Z") is False
    out = _tagged_fr("Mali : ouverture du procès de trois accusés de l'attaque de Kangaba",
                     "La Cour d'assises spéciale de Bamako a ouvert lundi le procès de trois hommes accusés de "
                     "complicité dans l'attaque du Campement Kangaba, revendiquée par le GSIM.\n\n"
                     "L'assaut avait fait cinq morts parmi les clients.")
    assert out["relevant"] is False and out["score"] < 0.6


def test_a_trial_opening_years_after_an_attack_is_not_the_attack():
    out = _tagged_fr("Mali : cinq ans après, le procès de l'attaque du Radisson Blu s'ouvre à Bamako",
                     "Près de cinq ans après l'attaque de l'hôtel Radisson Blu de Bamako, le procès de deux hommes "
                     "accusés d'y avoir participé s'est ouvert lundi devant la cour d'assises spéciale de Bamako.\n\n"
                     "Le 20 novembre 2015, deux hommes armés avaient fait irruption dans l'établissement. Vingt "
                     "personnes avaient été tuées.")
    assert out["relevant"] is False


def test_a_life_sentence_for_an_old_attack_is_justice_news():
    out = _tagged_fr("Bénin : perpétuité pour trois accusés dans le dossier de l'attaque du parc W de 2022",
                     "La Cour de répression des infractions économiques et du terrorisme a rendu mardi son verdict. "
                     "Trois des sept accusés poursuivis pour l'attaque de février 2022 contre des écogardes du parc W, "
                     "dans la commune de Karimama, ont été condamnés à la réclusion criminelle à perpétuité.\n\n"
                     "Le bilan officiel s'était établi à neuf morts.")
    assert out["relevant"] is False
    assert relevant("Niger: life imprisonment for two men over 2021 Tillaberi market attack",
                    "A court in Niamey on Tuesday handed down a verdict of life imprisonment to two men tried over the "
                    "March 2021 attack on traders in the Tillaberi region, their lawyer said. The defendants will "
                    "appeal.\n\nThe attack had killed 58 people.", "2024-07-03T08:00:00Z") is False


def test_a_trial_opening_before_a_criminal_chamber_is_justice_news():
    assert relevant("Burkina Faso: trial opens over 2016 Ouagadougou hotel and café attack",
                    "A specialised criminal chamber in Ouagadougou on Tuesday opened the trial of five men accused of "
                    "helping the gunmen who attacked the Splendid Hotel on 15 January 2016, killing 30 people.\n\n"
                    "Four other suspects are being tried in absentia.", "2025-11-19T16:00:00Z") is False


def test_a_trial_over_a_years_old_killing_is_justice_news_with_fewer_judicial_words():
    assert relevant("Trial opens in Paris over 2020 killing of French aid workers in Niger",
                    "Four men went on trial in Paris on Monday accused of providing logistical support to the Islamic "
                    "State militants who killed six French aid workers and their two Nigerien colleagues in a wildlife "
                    "park in Niger more than five years ago.", "2025-11-04T16:00:00Z") is False


def test_a_flood_headline_is_an_accident_whatever_group_the_region_knows():
    assert relevant("Floods kill seven, destroy 2,000 homes in Cameroon's Far North",
                    "Floods caused by days of torrential rain have killed seven people and destroyed more than 2,000 "
                    "homes in Cameroon's Far North region, local authorities said on Tuesday.\n\n"
                    "Most of the damage was in the Logone-et-Chari department, the governor's office said. Some of "
                    "those left homeless are families who had already fled Boko Haram violence.",
                    "2022-08-30T11:25:00Z") is False


def test_an_attack_on_a_court_is_still_an_incident():
    assert relevant("Gunmen storm court in central Mali, killing a judge",
                    "Gunmen stormed the court in Djenné on Tuesday, killing a judge and a court clerk before the "
                    "trial of two jihadist suspects, a prosecutor said.", "2024-03-14T10:00:00Z") is True


def test_a_striker_who_blasts_the_keeper_is_football():
    out = _tagged_fr("Ligue 1 : le Djoliba AC renverse le Stade malien dans un derby bouillant",
                     "Le Djoliba a remporté dimanche le clasico de la capitale face au Stade malien de Bamako (2-1), au "
                     "stade du 26-Mars devant trente mille spectateurs. Dès le quart d'heure de jeu, leur avant-centre "
                     "a fusillé le gardien adverse d'une frappe à bout portant.\n\nAux abords du stade, les forces de "
                     "l'ordre n'ont signalé aucun incident.")
    assert out["relevant"] is False


def test_a_political_story_that_mentions_the_fight_against_jihadists_is_not_violence():
    out = _tagged_fr("Revue de presse : au Niger, les Assises offrent cinq ans de plus au général Tiani",
                     "Au Niger, les recommandations des Assises nationales font la une de la presse ce vendredi : une "
                     "transition de cinq ans, modulable selon l'évolution de la situation sécuritaire.\n\n"
                     "Ton plus critique sur le site Aïr Info, qui relève que ces assises se sont tenues sans les "
                     "anciens partis.\n\nAu Mali, L'Indépendant note que Bamako a lui aussi prolongé sa transition."
                     "\n\nLe magazine estime que la priorité affichée à la lutte contre les groupes jihadistes sert aussi "
                     "à justifier le report du retour à l'ordre constitutionnel.")
    assert out["relevant"] is False


def test_a_tanker_that_exploded_in_an_accident_is_no_attack():
    out = _tagged_fr("Explosion d'un camion-citerne sur la RN6 : le bilan passe à onze morts",
                     "Le bilan de l'explosion d'un camion-citerne survenue samedi près de Kassela, dans la région de "
                     "Koulikoro, s'est alourdi à onze morts, a annoncé lundi la protection civile.\n\n"
                     "Les premières rumeurs faisant état d'une attaque terroriste ont été démenties par les autorités. "
                     "« Il s'agit d'un accident de la circulation », a insisté le gouverneur.")
    assert out["relevant"] is False
    assert relevant("Five soldiers killed in road accident near Gao",
                    "Five Malian soldiers were killed on Tuesday when their truck overturned in a road accident "
                    "near Gao, the army said.", "2024-03-14T10:00:00Z") is False


def test_an_explosion_said_to_be_no_accident_is_still_an_attack():
    assert relevant("Bus hits landmine near Boni, killing 11",
                    "At least 11 passengers were killed on Monday when their bus hit a landmine near Boni, in "
                    "central Mali, officials said. The army ruled out an accident and blamed jihadists who have "
                    "mined the road.", "2024-03-14T10:00:00Z") is True
    assert relevant("JNIM ambush near Boni after road accident kills soldiers",
                    "JNIM fighters ambushed a convoy near Boni on Monday after one of its trucks overturned in an "
                    "accident, killing four Malian soldiers, security sources said.", "2024-03-14T10:00:00Z") is True


def test_a_sentence_for_an_attack_years_ago_is_justice_news():
    assert relevant("Mali court sentences three to death over 2016 Nampala army base attack",
                    "A special criminal court in Bamako on Friday sentenced three men to death and a fourth to twenty "
                    "years in prison for their role in the July 2016 attack on the army base at Nampala, in the Ségou "
                    "region.\n\nThe attack killed 17 soldiers, according to the government's toll at the time. The "
                    "defendants were found guilty of terrorism and murder; their lawyer said he would appeal.",
                    "2023-03-04T10:00:00Z") is False


def test_mass_trials_over_old_attacks_are_justice_news():
    assert relevant("Court convicts 31 Boko Haram suspects over 2015 attacks at Kainji trials",
                    "A Federal High Court sitting at the Kainji military facility on Monday convicted 31 suspected "
                    "Boko Haram members over attacks carried out in Borno and Yobe states between 2014 and 2016.\n\n"
                    "Among them were two men who admitted taking part in the January 2015 attack on Baga, in which "
                    "hundreds of residents were killed, although the government at the time put the toll at 150.",
                    "2026-01-20T12:45:00Z") is False


def test_a_french_trial_where_the_accused_appear_before_a_criminal_chamber_is_justice_news():
    from worker.tagging import tag_article

    out = tag_article({"id": "t", "title": "Niger : ouverture à Niamey du procès de onze accusés de la tuerie de Tizégoré",
                       "text": "Onze hommes ont comparu mardi devant la chambre criminelle du pôle judiciaire spécialisé "
                               "dans la lutte contre le terrorisme, à Niamey, pour leur participation présumée à "
                               "l'attaque du village de Tizégoré, dans le département d'Abala (région de Tillabéri), "
                               "qui avait fait quarante-trois morts le 14 mai 2021.",
                       "published": "2025-10-22T15:40:00Z", "language": "fr"})
    assert out["relevant"] is False


def test_a_story_on_people_the_violence_displaced_is_relevant_when_it_shows_the_armed_groups_violence():
    from worker.tagging import tag_article

    text = ("Le Burkina Faso compte désormais plus de 765 000 personnes déplacées internes, selon les dernières "
            "données publiées jeudi.\n\n"
            "La région du Centre-Nord accueille à elle seule plus de 350 000 déplacés.\n\n"
            "Cette vague de départs s'explique par la multiplication des attaques contre les civils. Le 20 janvier, "
            "trente-six personnes ont été tuées au marché de Nagraogo. Cinq jours plus tard, trente-neuf habitants "
            "de Silgadji, dans le Soum, ont été exécutés par des hommes armés.\n\n"
            "L'Assemblée nationale a adopté une loi instituant les Volontaires pour la défense de la patrie.")
    out = tag_article({"id": "t", "title": "Burkina : le cap des 765 000 déplacés internes franchi", "text": text,
                       "published": "2020-02-14T09:15:00Z", "language": "fr"})
    assert (out["relevant"], out["countries"]) == (True, ["BF"])
    floods = ("Plus de 30 000 personnes déplacées par les inondations ont trouvé refuge dans des écoles de la région "
              "du Centre-Nord, selon le gouvernement.\n\nLes pluies ont détruit des milliers de maisons.")
    out = tag_article({"id": "f", "title": "Burkina : des milliers de déplacés après les inondations", "text": floods,
                       "published": "2020-09-14T09:15:00Z", "language": "fr"})
    assert out["relevant"] is False


@pytest.mark.parametrize("name, item", [("labelled_blind90.jsonl", "b90-en04"), ("labelled_blind91.jsonl", "b91-fr13")])
def test_a_tanker_blast_called_an_accident_further_down_is_no_incident(name, item):
    """"Police rule out attack" in the title, "l'accident serait dû à un excès de vitesse" in the fourth
    paragraph: the blast nobody caused is no incident, whatever bombs the town remembers."""
    from worker.tagging import tag_article

    lines = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8").splitlines()
    article = next(json.loads(line) for line in lines if f'"{item}"' in line)
    assert tag_article(article)["relevant"] is False


def test_a_death_sentence_over_an_old_bombing_is_justice_news():
    assert relevant("Cameroon military court sentences four to death over 2016 Bodo market bombing",
                    "A military court in Maroua on Wednesday sentenced four men to death after convicting them of "
                    "helping to organise a suicide attack on the market at Bodo that killed more than 30 people in "
                    "January 2016.", "2023-06-08T14:50:00Z") is False


def test_targeted_assassinations_told_in_a_displacement_story_show_the_violence():
    from worker.tagging import tag_article

    text = ("Sous un hangar de tôle à la périphérie de Ouahigouya, Aminata berce son dernier-né.\n\n"
            "Comme elle, des milliers de personnes ont afflué vers le chef-lieu de la région du Nord : plus de 25 000 "
            "déplacés internes étaient enregistrés fin juin dans la région.\n\n"
            "Les récits se ressemblent : des menaces, des assassinats ciblés de chefs coutumiers, puis des attaques "
            "contre les villages accusés de collaborer avec les Koglweogo.")
    out = tag_article({"id": "d", "title": "À Ouahigouya, les déplacés du Nord racontent la peur et l'exode",
                       "text": text, "published": "2019-07-02T09:00:00Z", "language": "fr"})
    assert out["relevant"] is True


def test_a_truck_that_overturned_on_its_way_to_the_front_is_an_accident():
    out = _tagged_fr("Massaguet : six militaires tués dans le renversement d'un camion",
                     "Six militaires ont perdu la vie mardi dans le renversement d'un camion militaire sur la route "
                     "N'Djamena-Massaguet, a annoncé l'état-major.\n\n"
                     "Le véhicule, qui transportait des éléments en route pour la province du Lac, où l'armée combat "
                     "Boko Haram, a quitté la chaussée après l'éclatement d'un pneu.")
    assert out["relevant"] is False


@pytest.mark.parametrize("title, text, language, want", [
    ("Braquage d'un bureau de change à Ouaga : deux morts, les malfrats en fuite",
     "Un bureau de change du centre de Ouagadougou a été la cible d'un braquage mardi. Deux personnes ont été tuées "
     "par les tirs de quatre individus armés qui se sont emparés d'une importante somme d'argent, selon la police.",
     "fr", False),
    ("Police kill two suspected robbers after attack on Maradi bank",
     "Police in Maradi shot dead two suspected armed robbers on Monday after a gang attacked a bank branch and killed "
     "a security guard, officials said.", "en", False),
    # robbers who are jihadists are political violence whatever the headline calls them
    ("Des braqueurs jihadistes pillent le marché de Djibo",
     "Des jihadistes armés ont attaqué et pillé lundi le marché de Djibo, tuant trois commerçants, selon des sources "
     "locales.", "fr", True),
])
def test_a_robbery_by_criminals_is_crime_not_political_violence(title, text, language, want):
    assert relevant(title, text, "2019-10-15T17:30:00Z", language) is want


def test_a_match_report_naming_a_team_after_a_jihadist_group_is_football():
    assert relevant("Mauritania's Mourabitounes edge Mali's Eagles in Nouakchott friendly",
                    "The Mauritanian national football team, Al-Mourabitoune, beat Mali two goals to one on Saturday "
                    "evening at the stadium in Nouakchott, in a friendly played to prepare for the Africa Cup of "
                    "Nations qualifiers.\n\nMali's Eagles took the lead in the 24th minute after a swift attack down "
                    "the left flank, but the home side equalised with a header before the break. The Malian defence "
                    "conceded a penalty in the 71st minute. The coach praised his players.",
                    "2023-10-14T10:00:00Z") is False


def test_a_trial_where_a_victim_s_mother_speaks_of_her_son_killed_is_still_justice_news():
    out = _tagged_fr("EN DIRECT – Procès de l'attaque de Nampala : la cour d'assises spéciale de Bamako rend son verdict",
                     "Suivez avec nous la dernière journée d'audience du procès.\n\n"
                     "16h20 — La mère d'un soldat tué à Nampala a pris la parole devant la cour pour réclamer la vérité."
                     "\n\n18h40 — Verdict : le principal accusé est condamné à mort.")
    assert out["relevant"] is False
