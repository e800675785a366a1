"""Sentences and incidents: splitting with offsets, and primary vs background grouping."""
from __future__ import annotations

import datetime as dt

import pytest

from worker.tagging import tag_article
from worker.tagging.primary import group_incidents
from worker.tagging.tagger import analyse
from worker.tagging.text import article_sentences, split_sentences

PUBLISHED = dt.datetime(2019, 11, 3, 10, tzinfo=dt.timezone.utc)


def tagged_primary(text: str, language: str, published: str, title: str = "") -> dict:
    """The primary event of a story (untitled unless told)."""
    out = tag_article({"id": "t", "title": title, "text": text, "published": published, "language": language})
    return next(e for e in out["events"] if e["primary"])


def texts(sentences) -> list[str]:
    return [s.text for s in sentences]


def test_abbreviations_do_not_end_sentences():
    got = split_sentences("Gen. Tiani met Mr. Smith in St. Louis. M. Bazoum a parlé. Le Dr. Diallo aussi.")
    assert texts(got) == ["Gen. Tiani met Mr. Smith in St. Louis.", "M. Bazoum a parlé.", "Le Dr. Diallo aussi."]


def test_a_lower_case_word_that_is_also_an_abbreviation_still_ends_a_sentence():
    got = [s.text for s in split_sentences("They fired at me. Three people died. No. 5 was hit. Me Traoré said no. "
                                           "It was over.")]
    assert got == ["They fired at me.", "Three people died.", "No. 5 was hit.", "Me Traoré said no.", "It was over."]


def test_offsets_point_into_the_text():
    text = "First one. Second one!\n\nThird « here ». Fourth."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_paragraphs_are_numbered_after_the_title():
    got = article_sentences("A title", "One. Two.\n\nThree.")
    assert [(s.text, s.paragraph) for s in got] == [("A title", 0), ("One.", 1), ("Two.", 1), ("Three.", 2)]


def test_extracted_text_with_one_paragraph_per_line_is_split_into_paragraphs():
    got = split_sentences("First paragraph.\nSecond paragraph.")
    assert [s.paragraph for s in got] == [1, 2]


def test_wire_dateline_is_not_part_of_the_first_sentence():
    got = split_sentences("NIAMEY, March 23 - Twenty-three soldiers were killed.")
    assert got[0].text == "Twenty-three soldiers were killed."


@pytest.mark.parametrize("dateline", [
    "N'Djamena, 13 octobre 2022 – ", "Ouagadougou, 21 mars 2023 – ", "Bamako (AFP) - ",
    "Bobo-Dioulasso, Monday — ", "Niamey, 3 June (Reuters) - ", "Cotonou — ", "Lomé – ", "(Dakar) - ",
])
def test_a_dateline_in_ordinary_case_is_not_part_of_the_first_sentence(dateline):
    got = split_sentences(dateline + "Quatorze militaires ont été tués mercredi.")
    assert got[0].text == "Quatorze militaires ont été tués mercredi."


@pytest.mark.parametrize("opening", [
    "Gunmen killed 12 soldiers – officials said so.", "Mali, the army said – in a statement.",
    "Boko Haram (JAS) – the faction of Shekau – killed 9.", "Boko Haram – the group's older faction – killed 9.",
])
def test_a_sentence_that_only_looks_like_a_dateline_keeps_its_opening(opening):
    assert split_sentences(opening)[0].text == opening


def test_the_filing_place_of_a_dateline_is_not_the_incident_place():
    out = tag_article({"id": "d", "title": "Tchad : quatorze militaires tués par Boko Haram",
                       "text": "N'Djamena, 13 octobre 2022 – Quatorze militaires tchadiens ont été tués mercredi "
                               "lors d'une attaque de Boko Haram contre une position de l'armée à Ngouboua, "
                               "dans la province du Lac.",
                       "published": "2022-10-13T17:00:00Z", "language": "fr"})
    assert (out["events"][0]["admin1"], out["events"][0]["date"]) == ("Lac", "2022-10-12")


@pytest.mark.parametrize("title, text, language, admin1", [
    ("North-west week in review: raids and abductions",
     "Another week of violence left dozens dead across Zamfara, Katsina and Sokoto states, police said.\n\n"
     "Gunmen on motorcycles killed seven villagers and rustled cattle on Saturday, residents said.\n\n"
     "State governors are due to meet security chiefs in Abuja next week to review the measures.", "en", "Zamfara"),
    ("Nord du Burkina : une semaine d'attaques",
     "Des hommes armés ont tué sept villageois samedi dans la province du Loroum, selon des sources locales.\n\n"
     "Les gouverneurs doivent se réunir la semaine prochaine avec les chefs militaires à Ouagadougou.", "fr", "Nord"),
])
def test_where_officials_meet_is_not_the_incident_place(title, text, language, admin1):
    out = tag_article({"id": "m", "title": title, "text": text, "published": "2021-09-23T18:00:00Z", "language": language})
    assert out["relevant"] and out["events"][0]["admin1"] == admin1


def grouped(title: str, text: str):
    facts = analyse(title, text, "en", PUBLISHED)
    return group_incidents(facts, "en", PUBLISHED.date())


def test_month_recap_opens_a_background_incident():
    incidents = grouped(
        "Jihadists kill 20 soldiers in Mali",
        "On Friday, 20 soldiers were killed in an attack on a base in Menaka.\n\n"
        "In May, at least 28 Nigerien soldiers were killed near Tongo Tongo.")
    assert incidents[0].primary
    background = [i for i in incidents if not i.primary]
    assert len(background) == 1
    assert "In May" in background[0].facts[0].sentence.text


def test_since_when_a_patrol_was_deployed_does_not_make_its_ambush_a_recap():
    out = tag_article({"id": "t", "title": "Bénin : quatre soldats tués par un engin explosif dans l'Atacora",
                       "text": "Quatre militaires béninois ont été tués samedi lorsque leur véhicule a sauté sur un "
                               "engin explosif dans le nord du pays.\n\n"
                               "Le véhicule, qui faisait partie d'une patrouille de l'opération Mirador, déployée dans "
                               "le nord depuis début 2022, a été touché sur une piste proche du village de Brignamaro, "
                               "dans la commune de Kérou (département de l'Atacora).",
                       "published": "2023-01-02T15:00:00Z", "language": "fr"})
    assert out["events"][0]["location"] == "Brignamaro"


def test_a_running_toll_since_a_year_stays_background():
    facts = analyse("Cameroun : trois soldats tués près de Kolofata",
                    "Trois soldats ont été tués dimanche par l'explosion d'une mine près de Kolofata.\n\n"
                    "Les violences liées à Boko Haram, qui ont fait des milliers de morts dans la région depuis 2014, ne "
                    "faiblissent pas.", "fr", PUBLISHED)
    incidents = group_incidents(facts, "fr", PUBLISHED.date())
    assert len(incidents[0].facts) == 2 and all("depuis 2014" not in f.sentence.text for f in incidents[0].facts)


@pytest.mark.parametrize("text, language, day", [
    ("Malian troops and foreign fighters killed dozens of people at a village fair, witnesses told AP.\n\n"
     "Witnesses described soldiers arriving on motorcycles and rounding up men near the market.\n\n"
     "The killings took place on Oct. 25, the weekly market day, in the Ténenkou district of the Mopti region.",
     "en", "2022-10-25"),
    ("Des hommes armés ont tué au moins 21 villageois dans la commune d'Abala, dans la région de Tillabéri, a "
     "indiqué aujourd'hui Amnesty International.\n\nL'attaque a eu lieu le dimanche 4 octobre.", "fr", "2020-10-04"),
])
def test_the_incident_said_to_have_taken_place_on_a_day_is_the_story_s_own(text, language, day):
    out = tag_article({"id": "t", "title": "", "text": text, "published": "2020-11-29T10:00:00Z" if language == "fr"
                       else "2022-11-29T10:00:00Z", "language": language})
    assert out["events"][0]["date"] == day


def test_the_days_researchers_interviewed_witnesses_are_no_incident_date():
    out = tag_article({"id": "t", "title": "Burkina Faso: soldiers executed villagers in Sourou",
                       "text": "Soldiers and VDP militiamen executed at least 47 civilians in a village of Sourou "
                               "province last month, Human Rights Watch said today.\n\n"
                               "The killings took place in Toéni. Human Rights Watch interviewed 19 people by "
                               "telephone between June 14 and July 2.\n\n"
                               "The attack began at around 7 a.m. on June 9, 2024, a Sunday, residents said.",
                       "published": "2024-07-11T08:00:00Z", "language": "en"})
    assert out["events"][0]["date"] == "2024-06-09"


def test_an_older_attack_a_group_had_claimed_stays_a_recap():
    out = tag_article({"id": "t", "title": "Burkina Faso : dix fidèles tués dans l'attaque d'une église à Foubé",
                       "text": "Des hommes armés ont attaqué dimanche matin une église du village de Foubé, dans la "
                               "commune de Barsalogho, tuant neuf fidèles.\n\nLa commune de Barsalogho a été frappée "
                               "le 24 août 2024 par une attaque meurtrière de jihadistes du JNIM, qui avait revendiqué "
                               "l'attaque.",
                       "published": "2025-03-10T14:00:00Z", "language": "fr"})
    assert "jnim" not in out["events"][0]["actors"]


@pytest.mark.parametrize("line", ["COTONOU, de notre correspondant –", "De notre correspondant à Cotonou,",
                                  "From our correspondent in Cotonou"])
def test_a_correspondent_line_is_no_paragraph_and_its_town_no_scene(line):
    out = tag_article({"id": "t", "title": "Bénin : huit militaires tués dans l'attaque d'un poste",
                       "text": line + "\n\nLe gouvernement a revu à la hausse le bilan de l'attaque qui a visé un poste "
                               "de l'armée dans la commune de Karimama, dans le département de l'Alibori. Huit "
                               "militaires ont été tués.",
                       "published": "2025-02-15T09:00:00Z", "language": "fr"})
    assert (out["events"][0]["location"], out["events"][0]["admin1"]) == ("Karimama", "Alibori")


def test_comes_one_month_after_is_a_recap():
    incidents = grouped(
        "Jihadists kill 20 soldiers in Mali",
        "On Friday, 20 soldiers were killed in an attack on a base in Menaka.\n\n"
        "The attack comes only one month after JNIM killed dozens of soldiers in central Mali.")
    primary_text = " ".join(f.sentence.text for f in incidents[0].facts)
    assert "one month after" not in primary_text


def test_following_sentence_of_a_recap_paragraph_stays_in_the_recap():
    incidents = grouped(
        "Jihadists kill 20 soldiers in Mali",
        "On Friday, 20 soldiers were killed in an attack on a base in Menaka.\n\n"
        "Last year, 30 soldiers died in an ambush near Tongo Tongo. Five more were wounded in that ambush.")
    background = [i for i in incidents if not i.primary][0]
    assert len(background.facts) == 2


def test_context_paragraph_after_a_recap_returns_to_the_primary():
    incidents = grouped(
        "Jihadists kill 20 soldiers in Mali",
        "On Friday, 20 soldiers were killed in an attack on a base in Menaka.\n\n"
        "Last year, 30 soldiers died in an ambush near Tongo Tongo.\n\n"
        "Residents of Menaka said the town was calm on Saturday.")
    assert "calm" in incidents[0].facts[-1].sentence.text


def test_undated_lead_takes_its_date_from_the_next_paragraph():
    incidents = grouped(
        "Power cut after insurgents blow up towers",
        "The city has been without electricity after insurgents blew up transmission towers.\n\n"
        "The towers near Jakana were destroyed with explosives last Tuesday, the company said.")
    assert [i.primary for i in incidents] == [True]


def test_date_said_on_is_not_the_incident_date():
    from worker.tagging.primary import choose_date
    incidents = grouped(
        "Soldiers killed in Mali",
        "Twenty soldiers were killed on Friday in an attack in Menaka, the army said in a statement on Sunday.")
    mention, _ = choose_date(incidents[0].facts)
    assert mention.date == dt.date(2019, 11, 1)


def test_night_spanning_two_days_takes_the_named_second_day():
    from worker.tagging.primary import choose_date
    published = dt.datetime(2021, 12, 3, 10, tzinfo=dt.timezone.utc)
    facts = analyse(
        "Bénin : deux militaires tués à Porga",
        "Deux militaires ont été tués dans la nuit de mercredi à jeudi dans l'attaque d'un poste à Porga.\n\n"
        "Des hommes armés ont ouvert le feu jeudi vers 3 heures du matin sur le poste.", "fr", published)
    incidents = group_incidents(facts, "fr", published.date())
    mention, _ = choose_date(incidents[0].facts)
    assert mention.date == dt.date(2021, 12, 2)


@pytest.mark.parametrize("text, expected", [
    # the hour already moved the night to its second day: a later day named is not it
    ("Des hommes armés ont attaqué le village dans la nuit de jeudi à vendredi, vers 2 heures du matin.\n\n"
     "D'autres corps ont été retrouvés samedi matin dans les champs.", dt.date(2023, 2, 3)),
    # late in the evening: the night's first day, whatever day the story names next
    ("Quatre civils ont été tués dans la nuit de jeudi à vendredi, peu avant minuit.\n\n"
     "Les blessés ont été évacués vendredi vers l'hôpital.", dt.date(2023, 2, 2)),
])
def test_a_night_settled_by_its_hour_is_not_moved_again(text, expected):
    from worker.tagging.primary import choose_date
    published = dt.datetime(2023, 2, 4, 10, tzinfo=dt.timezone.utc)
    facts = analyse("Burkina : attaque nocturne contre un village", text, "fr", published)
    incidents = group_incidents(facts, "fr", published.date())
    mention, _ = choose_date(incidents[0].facts)
    assert mention.date == expected


def test_the_pluperfect_of_reported_speech_is_no_recap():
    from worker.tagging.primary import recap_marker
    assert recap_marker("Un responsable local a indiqué que douze VDP avaient été tués lundi.", "fr") is None
    assert recap_marker("En mars, six civils avaient été tués près de Pama.", "fr")[0] == "background"


def test_replaced_first_toll_is_flagged_but_the_new_one_counts():
    incidents = grouped(
        "Mali says 21 soldiers killed",
        "At least 21 soldiers were killed on Sunday in an attack in Menaka, the army said, raising an "
        "earlier toll of 16.")
    lead = incidents[0].facts[1]
    assert [c.count for c in lead.current_claims] == [21]


def test_incident_phrase_lists_compile_and_are_lower_case():
    import json
    import re
    from importlib import resources

    from worker.tagging.primary import Vocabulary, vocabulary

    raw = json.loads((resources.files("worker.tagging") / "data" / "incidents.json").read_text(encoding="utf-8"))
    for key in Vocabulary.__dataclass_fields__:
        for language, patterns in raw[key].items():
            for pattern in patterns:
                re.compile(pattern)
                # Matched on lower-cased text: an upper-case letter (not an escape) would never match.
                assert not re.search(r"(?<!\\)[A-ZÀ-Þ]", pattern), (key, language, pattern)
    assert vocabulary("en").background.search("in may 2019, at least 28 soldiers were killed")
    assert vocabulary("fr").background.search("l'an dernier, trente soldats avaient été tués")


def test_quoted_spans_cover_guillemets_curly_and_straight_quotes():
    from worker.tagging.text import quoted_spans

    text = '« Ils sont venus », dit-il, puis "the army left" and “they fled”.'
    spans = [text[lo:hi] for lo, hi in quoted_spans(text)]
    assert spans == ["« Ils sont venus »", '"the army left"', "“they fled”"]
    closing, opening = "went on » he said", "he said « it goes on"
    assert [closing[lo:hi] for lo, hi in quoted_spans(closing)] == ["went on »"]
    assert [opening[lo:hi] for lo, hi in quoted_spans(opening)] == ["« it goes on"]


def test_earlier_in_the_month_opens_a_background_incident():
    incidents = grouped(
        "Bandits kill 23 in Zamfara hamlet",
        "Armed bandits killed at least 23 people in Tungar Kwana on Tuesday, residents said.\n\n"
        "A community leader said the attack was a reprisal for the killing of two bandit informants by "
        "vigilantes earlier in the month.")
    assert len(incidents) == 2 and "earlier in the month" in incidents[1].facts[0].sentence.text


@pytest.mark.parametrize("lead, recap, language", [
    ("Bandits ambushed a patrol near Erena in Shiroro LGA of Niger State on Monday, killing seven soldiers, the army said.",
     "Earlier in May, at least 18 villagers were killed in attacks on Galkogo and Kurebe.", "en"),
    ("Des jihadistes ont tué sept soldats lundi dans une embuscade près de Tessit, dans la région de Gao, au Mali.",
     "Plus tôt en mai, au moins 18 villageois ont été tués dans des attaques contre deux hameaux voisins.", "fr"),
])
def test_earlier_in_a_named_month_is_a_background_incident_whose_toll_stays_out(lead, recap, language):
    story = {"id": "x", "title": "", "text": f"{lead}\n\n{recap}", "published": "2022-05-31T10:00:00Z",
             "language": language}
    [primary, *background] = tag_article(story)["events"]
    assert primary["fatalities"] == 7
    assert any(e["fatalities"] == 18 for e in background)


@pytest.mark.parametrize("sentence, language", [
    ("In the spring of 2022, local groups reported that more than 500 civilians had died in the district.", "en"),
    ("During the rainy season of 2021, the same village lost twelve men to an ambush.", "en"),
    ("Au printemps 2022, plus de 500 civils avaient été tués dans les deux cercles.", "fr"),
    ("Pendant la saison des pluies de 2021, six bergers avaient été enlevés dans la zone.", "fr"),
])
def test_a_season_of_a_past_year_opens_a_recap(sentence, language):
    from worker.tagging.primary import recap_marker
    assert recap_marker(sentence, language)[0] == "background"


@pytest.mark.parametrize("second, expected", [
    # the second day named for what came after: the night's first day stays
    ("Le centre de santé a fermé ses portes dimanche.", dt.date(2020, 11, 28)),
    ("Deux autres corps ont été retrouvés dimanche matin en brousse.", dt.date(2020, 11, 28)),
    # the second day named with the small hours, before or after it, or said to be the day: that day
    ("Les assaillants sont arrivés vers 4 heures du matin, dimanche, à moto.", dt.date(2020, 11, 29)),
    ("Ils ont frappé dimanche à l'aube.", dt.date(2020, 11, 29)),
    ("Les représailles ont eu lieu dans la journée du dimanche 29 novembre.", dt.date(2020, 11, 29)),
])
def test_a_night_moves_to_its_second_day_only_when_the_violence_is_told_then(second, expected):
    from worker.tagging.primary import choose_date
    published = dt.datetime(2020, 11, 30, 18, tzinfo=dt.timezone.utc)
    facts = analyse("Niger : quatre personnes enlevées à Makalondi",
                    "Des hommes armés ont enlevé quatre personnes dans la nuit de samedi à dimanche à Makalondi, "
                    f"a-t-on appris lundi.\n\n{second}", "fr", published)
    incidents = group_incidents(facts, "fr", published.date())
    mention, _ = choose_date(incidents[0].facts)
    assert mention.date == expected


def test_a_night_told_with_an_hour_before_the_named_day_is_that_day():
    from worker.tagging.primary import choose_date
    published = dt.datetime(2014, 7, 28, 12, tzinfo=dt.timezone.utc)
    facts = analyse("Boko Haram raids Kolofata",
                    "Militants raided the town of Kolofata overnight Saturday to Sunday, the government said.\n\n"
                    "Around 200 fighters attacked the town at about 3 a.m. on Sunday.", "en", published)
    mention, _ = choose_date(group_incidents(facts, "en", published.date())[0].facts)
    assert mention.date == dt.date(2014, 7, 27)


def _place(title: str, text: str, language: str, published: str = "2024-06-17T17:45:00Z") -> str | None:
    out = tag_article({"id": "p", "title": title, "text": text, "published": published, "language": language})
    return out["events"][0]["location"] if out["events"] else None


def test_a_park_named_in_the_headline_gives_way_to_the_town_the_story_names():
    assert _place("Benin says twelve soldiers killed in attack near Pendjari park",
                  "Twelve soldiers were killed on Thursday when heavily armed assailants attacked an army post near "
                  "Porga, in the commune of Matéri in the Atacora department, the army said.", "en") == "Porga"


def test_a_headline_label_names_the_area_not_the_scene():
    assert _place("Kompienga : quatorze passagers tués dans l'explosion d'un engin sous un car près de Pama",
                  "Quatorze personnes ont été tuées samedi lorsque leur car a sauté sur un engin explosif près de "
                  "Pama, dans la province de la Kompienga (région de l'Est).", "fr") == "Pama"


def test_where_a_statement_was_published_is_not_the_scene():
    assert _place("Togo : douze soldats tués dans l'attaque d'un poste à Mandouri",
                  "« Le gouvernement s'incline devant la mémoire de nos valeureux soldats », indique le communiqué "
                  "publié vendredi à Lomé.\n\nSelon ce texte, un poste avancé des Forces armées togolaises situé à "
                  "Mandouri, dans la préfecture de Kpendjal (région des Savanes), a été attaqué jeudi. Douze soldats "
                  "ont été tués.", "fr") == "Mandouri"


def test_attackers_said_to_belong_to_a_group_stay_with_the_incident():
    from worker.tagging.primary import recap_marker
    sentence = ("The statement said the militants belonged to Ansarul Islam, the jihadist movement that first "
                "struck in the Soum in 2016.")
    assert recap_marker(sentence, "en") is not None     # the group's description names an older date...
    out = tag_article({"id": "a", "title": "Burkina army says about fifty militants killed in northern operation",
                       "text": "Burkina Faso's army said on Monday it had killed about fifty militants during an "
                               "operation near Tongomayel in the Soum province on Saturday.\n\n" + sentence,
                       "published": "2019-12-09T12:00:00Z", "language": "en"})
    assert "ansarul_islam" in out["events"][0]["actors"]      # ... yet it names the incident's attackers


@pytest.mark.parametrize("lead, blame, language, group", [
    ("Insurgents fired a volley of mortar bombs into Monguno, in Borno State, on Sunday night, killing four civilians.",
     "Security sources and residents blamed fighters of the Islamic State West Africa Province (ISWAP), who have "
     "repeatedly targeted the garrison town.", "en", "iswap"),
    ("Deux kamikazes se sont fait exploser samedi à l'entrée du marché de Limani, dans l'arrondissement de Mora, "
     "tuant six civils.",
     "L'attentat porte la signature de Boko Haram, qui a multiplié ces derniers mois les attaques contre les "
     "localités de la bande frontalière du Mayo-Sava. Le groupe n'a pas revendiqué l'attaque.",
     "fr", "jas"),
])
def test_a_group_blamed_for_the_attack_stays_its_attacker_whatever_its_record(lead, blame, language, group):
    out = tag_article({"id": "a", "title": "", "text": f"{lead}\n\n{blame}", "published": "2021-05-31T12:00:00Z",
                       "language": language})
    actors = out["events"][0]["actors"]
    assert group in actors and "unidentified_armed_group" not in actors


@pytest.mark.parametrize("text, language, expected", [
    ("Trois civils ont été tués samedi soir à Bosso, dans la région de Diffa, par des obus tirés depuis l'autre rive "
     "de la Komadougou Yobé.\n\nSix autres personnes ont été blessées, selon le maire.\n\n"
     "Selon une source militaire, les projectiles ont été tirés depuis des positions situées au nord de la ville par "
     "des combattants de l'État islamique en Afrique de l'Ouest (ISWAP), qui encercle la zone depuis 2016.",
     "fr", {"civilians", "iswap"}),
    ("Three civilians were killed when mortar bombs fell on Bosso, in Niger's Diffa region, on Saturday night.\n\n"
     "Six others were wounded, the mayor said.\n\n"
     "A military source said the shells were fired from positions held by Islamic State West Africa Province "
     "fighters, who have repeatedly targeted the town since 2016.", "en", {"civilians", "iswap"}),
    # shells nobody is named for: an unidentified armed group fired them
    ("Three civilians were killed when mortar bombs fell on Bosso, in Niger's Diffa region, on Saturday night.",
     "en", {"civilians", "unidentified_armed_group"}),
])
def test_who_fired_the_shells_is_the_shelling_s_attacker(text, language, expected):
    out = tag_article({"id": "a", "title": "", "text": text, "published": "2019-09-30T12:00:00Z", "language": language})
    event = out["events"][0]
    assert event["sub_event_type"] == "shelling_artillery_missile_attack" and set(event["actors"]) == expected


def test_the_people_of_a_place_who_are_not_a_source_name_the_scene():
    out = tag_article({"id": "a", "title": "Nahouri : des individus armés sabotent les forages de Guiaro",
                       "text": "Les habitants de Guiaro, dans la province du Nahouri, au Burkina Faso, font la queue "
                               "depuis deux jours devant l'unique puits encore utilisable. Des individus armés ont "
                               "saboté dimanche la station de pompage et deux forages.",
                       "published": "2023-05-02T12:00:00Z", "language": "fr"})
    assert out["events"][0]["location"] == "Guiaro"
    # ... while residents reached by telephone are where a source was
    from worker.tagging.primary import is_reference_mention
    from worker.tagging.tagger import analyse, parse_published
    facts = analyse("", "Selon des habitants de Dori joints par téléphone, les assaillants ont tué six bergers près de "
                    "Seytenga.", "fr", parse_published("2023-05-02T12:00:00Z"))
    dori = next((f, m) for f in facts for m in f.places if m.place.name == "Dori")
    assert is_reference_mention(*dori, "fr")


@pytest.mark.parametrize("text", [
    "Le drapeau noir a flotté pendant quelques heures sur la mairie de Kankalaba. Dimanche, des centaines de "
    "combattants du JNIM ont attaqué cette commune de la province de la Léraba, au Burkina Faso.",
    "Il n'y a pas eu de messe de Nouvel An à la paroisse de Kankalaba. Les fidèles de cette commune de la province de "
    "la Léraba, au Burkina Faso, sont sans nouvelles de six des leurs, enlevés lundi par des hommes armés.",
])
def test_a_town_named_by_its_town_hall_or_parish_is_the_scene(text):
    out = tag_article({"id": "a", "title": "", "text": text, "published": "2024-12-31T12:00:00Z", "language": "fr"})
    assert out["events"][0]["location"] == "Kankalaba"


@pytest.mark.parametrize("text, language", [
    ("Des frappes de drone de l'armée malienne ont touché jeudi la foire hebdomadaire de Troungoumbé, dans le cercle "
     "de Nioro du Sahel.\n\nUne association de ressortissants de la zone, installée à Bamako, assure qu'au moins onze "
     "civils ont été tués.", "fr"),
    ("A Malian army drone strike hit the weekly fair at Troungoumbé, in the Nioro du Sahel district, on Thursday.\n\n"
     "An association of people from the area, based in Bamako, said at least 11 civilians were killed.", "en"),
])
def test_where_a_source_is_based_is_no_other_place_of_the_toll(text, language):
    out = tag_article({"id": "a", "title": "", "text": text, "published": "2026-02-28T12:00:00Z", "language": language})
    assert out["events"][0]["fatalities"] == 11


def test_a_reaction_lead_is_dated_by_the_attack_told_after_it():
    out = tag_article({
        "id": "r", "title": "Burkina Faso declares national mourning after soldiers killed in Soum",
        "text": "Burkina Faso's authorities declared 72 hours of national mourning from Wednesday after an attack "
                "on a military detachment in the north.\n\n"
                "\"The nation bows before the memory of its sons,\" the government spokesman said in a statement "
                "read on the state broadcaster RTB late on Tuesday. Funeral prayers were held in several barracks "
                "in the capital on Wednesday morning.\n\n"
                "The detachment at Kelbo, in the Soum province, was assaulted on Monday morning by a large number "
                "of terrorists. Twenty-three soldiers were killed.",
        "published": "2023-06-28T12:00:00Z", "language": "en"})
    assert out["events"][0]["date"] == "2023-06-26"


def test_another_attack_the_same_day_elsewhere_is_a_separate_incident():
    from worker.tagging.primary import recap_marker
    assert recap_marker("Le même dimanche, dans la soirée, des hommes armés ont fait irruption à Gassan, tuant trois "
                        "civils.", "fr")[0] == "separate"
    assert recap_marker("On the same day, gunmen killed three herders near Djibo.", "en")[0] == "separate"


def test_a_heading_in_capitals_does_not_count_as_a_paragraph():
    got = split_sentences("PRESS RELEASE\n\nN'Djamena, 14 June - The coordinator condemns the attack.\n\nMore follows.")
    assert [(s.text, s.paragraph) for s in got] == [
        ("PRESS RELEASE", 1), ("N'Djamena, 14 June - The coordinator condemns the attack.", 1), ("More follows.", 2)]
    assert [s.paragraph for s in split_sentences("MALI: ARMY SAYS IT WON.\n\nNext.")] == [1, 2]


def test_a_first_line_of_a_place_and_an_outlet_is_a_byline_not_a_sentence():
    got = split_sentences("Nouakchott - Sahara Medias\n\nUne frappe de drone a visé une foire près de Tin-Essako.")
    assert [s.text for s in got] == ["Une frappe de drone a visé une foire près de Tin-Essako."]
    # a sentence with a dash is no byline
    got = split_sentences("Gunmen attacked - residents said - the village of Koro.\n\nMore.")
    assert got[0].text.startswith("Gunmen attacked")


@pytest.mark.parametrize("habitual", [
    "Islamic State fighters have repeatedly attacked army posts there and killed dozens of villagers.",
    "The group has often targeted herders accused of informing the army, killing dozens.",
])
def test_what_a_group_has_repeatedly_done_is_background(habitual):
    incidents = grouped("Drone strike kills militants in Niger",
                        "A drone strike killed more than 20 militants near Abala on Saturday, the army said.\n\n" + habitual)
    primary_text = " ".join(f.sentence.text for f in incidents[0].facts)
    assert habitual not in primary_text
    out = tag_article({"id": "h", "title": "Drone strike kills militants in Niger",
                       "text": "A drone strike killed more than 20 militants near Abala on Saturday, the army said.\n\n"
                               + habitual, "published": "2019-11-03T10:00:00Z", "language": "en"})
    assert out["events"][0]["fatalities"] == 21


def test_a_sentence_that_blames_the_attack_on_a_group_stays_with_the_attack_whatever_it_says_of_the_group():
    incidents = grouped(
        "Gunmen kill 32 villagers in Burkina Faso",
        "Gunmen killed at least 32 civilians in the village of Dambam on Saturday, the government said.\n\n"
        "A security official blamed the attack on Islamic State Sahel Province, which has repeatedly targeted "
        "communities it accuses of supporting the army.")
    assert any("blamed the attack" in f.sentence.text for f in incidents[0].facts)


@pytest.mark.parametrize("sentence", [
    "Le lendemain, quatre fidèles avaient été abattus pendant une procession mariale près de Zimtenga.",
    "Trois enseignants avaient été exécutés dans la même localité en mars.",
])
def test_people_shot_or_executed_in_the_pluperfect_are_a_recap(sentence):
    from worker.tagging.primary import recap_marker

    assert recap_marker(sentence, "fr")[0] == "background"


@pytest.mark.parametrize("text, language", [
    ("Mortar shells fired by jihadists into Djibo, in northern Burkina Faso, killed at least four civilians on Sunday "
     "evening, a local official said.\n\nThe army said on Monday that its aircraft had struck jihadist positions in "
     "Soum province in recent days, \"neutralising dozens of terrorists\".", "en"),
    ("Des obus tirés par des jihadistes sur Djibo ont tué au moins quatre civils dimanche soir, selon un responsable "
     "local.\n\nL'armée a affirmé lundi que ses avions avaient frappé ces derniers jours des positions jihadistes "
     "dans la province du Soum, « neutralisant des dizaines de terroristes ».", "fr"),
])
def test_an_operation_of_recent_days_is_not_the_days_incident(text, language):
    primary = tagged_primary(text, language, "2023-02-07T12:00:00Z")
    assert primary["fatalities"] == 4


def test_a_town_air_support_came_from_is_no_other_scene():
    text = ("Fighters of the Islamic State Sahel Province attacked the army post at Mangaize, in the Ouallam department "
            "of the Tillaberi region, on Friday.\n\nIn a statement on Saturday, the Ministry of Defence said 11 soldiers "
            "were killed and that about 20 terrorists were neutralised after air support arrived from Niamey.")
    primary = tagged_primary(text, "en", "2025-03-02T10:00:00Z")
    assert (primary["location"], primary["fatalities"]) == ("Mangaize", 31)


@pytest.mark.parametrize("text, language, place", [
    ("Des hommes armés ont tué quatre personnes jeudi à Pensa, dans la province du Sanmatenga."
     "\n\nLe détachement militaire le plus proche se trouve à Barsalogho, à une quarantaine de kilomètres.", "fr",
     "Pensa"),
    ("Gunmen killed four people in the village of Pensa, in Burkina Faso's Sanmatenga province, on Thursday."
     "\n\nThe nearest army post is at Barsalogho, some 40 km away.", "en", "Pensa"),
])
def test_the_nearest_post_is_a_landmark_not_the_scene(text, language, place):
    assert tagged_primary(text, language, "2022-10-17T10:00:00Z")["location"] == place


@pytest.mark.parametrize("text, language", [
    ("Des VDP ont exécuté au moins trente-deux civils jeudi à Lanfièra, dans la province du Sourou, selon une "
     "organisation de défense des droits humains.\n\nLa veille de la tuerie, selon des habitants, une embuscade "
     "attribuée aux jihadistes du GSIM avait coûté la vie à trois VDP sur l'axe Tougan-Lanfièra.", "fr"),
    ("Militiamen executed at least 32 civilians on Thursday in Lanfiera, in Burkina Faso's Sourou province, a rights "
     "group said.\n\nThe day before the killings, residents said, an ambush blamed on JNIM had killed three "
     "militiamen on the Tougan-Lanfiera road.", "en"),
])
def test_what_happened_the_day_before_the_killing_is_another_incident(text, language):
    primary = tagged_primary(text, language, "2024-06-11T10:00:00Z")
    assert primary["fatalities"] == 32 and "jnim" not in primary["actors"]


def test_what_happened_the_month_after_a_recalled_incident_is_background_too():
    from worker.tagging.primary import recap_marker
    assert recap_marker("The following month, a military air strike targeting Lakurawa fighters hit two villages in "
                        "Sokoto's Silame area, killing 10 civilians.", "en") == ("background", "the following month")
    assert recap_marker("Le mois suivant, une frappe aérienne a touché deux villages de Silame, tuant dix civils.",
                        "fr") == ("background", "le mois suivant")


WEEKLY_UPDATE = (
    "Oct. 18 — Gao region. The separatist coalition said its fighters had seized the army camp at Tarkint, in the "
    "Bourem cercle of the Gao region, the previous day. The army said four soldiers had been killed.\n\n"
    "Context. Rebels have since attacked army camps at Bourem and Léré, and the government has vowed to retake "
    "Kidal.\n\n"
    "Oct. 19 — Timbuktu. Jihadists ambushed a boat near Niafunké, killing 11 passengers.\n\n"
    "Outlook. Fighting is likely along the Bourem–Anéfis axis in the coming weeks.")


def test_a_weekly_update_s_later_entries_and_sections_are_not_its_lead_incident():
    primary = tagged_primary(WEEKLY_UPDATE, "en", "2023-10-20T16:00:00Z")
    assert (primary["location"], primary["date"], primary["fatalities"]) == ("Tarkint", "2023-10-17", 4)


def test_the_sentence_after_a_digest_heading_is_the_lead():
    incidents = grouped("Mali update", WEEKLY_UPDATE)
    lead = [f.sentence.text for f in incidents[0].facts]
    assert any("Tarkint" in t for t in lead) and not any("Niafunké" in t or "Outlook" in t for t in lead)


@pytest.mark.parametrize("title, text, language, day", [
    ("Communiqué du Conseil des ministres du mercredi 16 février 2022",
     "Le Conseil des ministres s'est réuni en session ordinaire le mercredi 16 février 2022 au Palais de Koulouba.\n\n"
     "Le Conseil a adopté un projet de décret relatif à la construction d'une route.\n\n"
     "Au chapitre des communications, le ministre de la Sécurité a informé le Conseil de l'attaque perpétrée mardi "
     "par des hommes armés non identifiés contre le village de Gangafani, dans le cercle de Koro. Le bilan fait état "
     "de douze civils tués.", "fr", "2022-02-15"),
    ("Cabinet meeting of Wednesday 16 February 2022",
     "The cabinet convened on Wednesday 16 February 2022 under the chairmanship of the head of state.\n\n"
     "It approved a decree on the construction of a road.\n\n"
     "The security minister briefed the cabinet on Tuesday's attack by unidentified gunmen on the village of "
     "Gangafani, in the Koro cercle. Twelve civilians were killed.", "en", "2022-02-15"),
])
def test_a_government_s_minutes_report_the_attack_told_below_their_agenda(title, text, language, day):
    out = tag_article({"id": "x", "title": title, "text": text, "published": "2022-02-17T08:45:00Z",
                       "language": language})
    primary = next(e for e in out["events"] if e["primary"])
    assert out["relevant"] and primary["date"] == day and primary["location"] == "Gangafani"
    assert "unidentified_armed_group" in primary["actors"]


@pytest.mark.parametrize("text, language, place", [
    # a town the scene is measured from, then the road's other end
    ("Jeudi, une unité de l'armée a sauté sur un engin explosif à une quinzaine de kilomètres de Makalondi, sur "
     "l'axe reliant cette commune à Torodi, dans la région de Tillabéri. Six soldats ont été tués.", "fr", "Makalondi"),
    ("Jeudi, à environ cinq kilomètres de Tougouri, sur l'axe qui mène à Yalgo, dans la province du Namentenga, le "
     "véhicule de tête a sauté sur un engin explosif. Onze soldats ont été tués.", "fr", "Tougouri"),
    ("A minibus travelling from Fada N'Gourma to Kantchari struck a roadside bomb near Tanwalbougou, in the Gourma "
     "province, on Monday, killing 13 passengers.", "en", "Tanwalbougou"),
    ("The bus, travelling from Gao to the border town of Labbezanga, hit an explosive device on Thursday about 10 kilometers "
     "(6 miles) north of Ouatagouna, in the Ansongo district, killing 11.", "en", "Ouatagouna"),
    ("Mardi, le minibus a sauté sur une mine à sept kilomètres de Kantchari, sur la route nationale qui relie cette "
     "commune de la province de la Tapoa, dans la région de l'Est, à Diapaga. Neuf passagers ont été tués.", "fr",
     "Kantchari"),
])
def test_the_ends_of_a_road_give_way_to_the_town_the_scene_is_measured_from(text, language, place):
    assert tagged_primary(text, language, "2023-11-03T10:00:00Z")["location"] == place


@pytest.mark.parametrize("text, place", [
    ("Ils allaient vendre leurs poulets au marché de Diapaga. Mardi matin, leur minibus a sauté sur une mine à "
     "environ sept kilomètres de Kantchari. Neuf passagers ont été tués.", "Kantchari"),
    # ... unless the scene is measured from the market town itself
    ("Le car, qui transportait des femmes se rendant au marché hebdomadaire de Gorgadji, a sauté sur une mine à une "
     "quinzaine de kilomètres de cette localité lundi. Quatorze passagers ont été tués.", "Gorgadji"),
])
def test_the_market_travellers_were_going_to_is_not_the_scene(text, place):
    assert tagged_primary(text, "fr", "2021-09-24T10:00:00Z")["location"] == place


@pytest.mark.parametrize("text, language, place", [
    ("« Ils ont aligné mon père », raconte ce cultivateur, réfugié depuis le week-end à Ouahigouya. Des VDP ont tué "
     "jeudi au moins 23 civils dans des hameaux des environs de Thiou, dans la province du Yatenga.", "fr", "Thiou"),
    ("Une trentaine de passagers ont été enlevés mardi sur la route reliant Dogofry à Nampala, dans le cercle de "
     "Niono. Le car assurait la liaison hebdomadaire avec Niono.\n\nLes faits se sont produits à une quinzaine de "
     "kilomètres au nord de Dogofry.\n\n« On attend », confie le frère d'un passager, joint à Niono.", "fr", "Dogofry"),
    ("A roadside bomb killed three Togolese peacekeepers on Wednesday about 15 km west of Boni, in the Douentza "
     "cercle.\n\nTogo's government said the bodies would be repatriated to Lomé.", "en", "Boni"),
])
def test_where_people_fled_were_reached_or_were_flown_is_not_the_scene(text, language, place):
    assert tagged_primary(text, language, "2023-03-31T10:00:00Z")["location"] == place


def test_where_a_report_was_made_public_is_no_other_place_of_the_killings():
    text = ("Une ONG accuse des éléments de l'armée d'avoir exécuté au moins six civils le 11 juin à Tchakidjébé, un "
            "hameau de l'arrondissement de Kolofata.\n\n"
            "Dans un rapport rendu public vendredi à Yaoundé, l'ONG affirme que les militaires ont rassemblé des hommes "
            "du village avant d'en tuer six.")
    facts = analyse("Kolofata : une ONG accuse des militaires", text, "fr", PUBLISHED)
    assert len(group_incidents(facts, "fr", PUBLISHED.date())) == 1


def test_an_agency_dateline_without_a_dash_is_no_part_of_the_story():
    from worker.tagging.text import dateline_end
    text = "Bamako, 15 mars (AMAP) Le poste des FAMa de Dogofry a été attaqué."
    assert text[dateline_end(text):].startswith("Le poste")
    assert dateline_end("Gunmen, armed (AK) killed five people.") == 0


@pytest.mark.parametrize("text, language, place, published", [
    ("Bamako, 15 mars (AMAP) Le poste des Forces armées maliennes de Dogofry, dans le cercle de Niono, a été la cible "
     "d'une attaque terroriste dans la nuit de samedi à dimanche. Cinq soldats ont été tués.", "fr", "Dogofry",
     "2021-03-15T10:00:00Z"),
    ("Mis à jour mercredi 22 mai à 18h45 (heure de Niamey).\n\nUn véhicule de l'armée a sauté mardi sur un engin "
     "explosif près de Makalondi, dans le département de Torodi. Cinq soldats ont été tués.", "fr", "Makalondi",
     "2024-05-22T18:00:00Z"),
    ("Text of report by state-owned Tele Sahel TV, Niamey, on 2 June\n\nThe ministry said four soldiers were killed "
     "when their vehicle hit an explosive device near Makalondi, in the Torodi department, on Tuesday.", "en",
     "Makalondi", "2022-06-02T18:00:00Z"),
])
def test_a_dispatch_s_agency_time_zone_or_broadcaster_s_seat_is_not_the_scene(text, language, place, published):
    assert tagged_primary(text, language, published, title=f"Soldiers killed near {place}")["location"] == place


def test_a_monitoring_service_s_source_line_is_no_paragraph():
    sentences = article_sentences("Chad: wounded Sudanese refugees pour into Adre after El Geneina killings",
                                  "Text of report by Chadian news website Alwihda Info on 19 June [translated from "
                                  "French]\n\nThousands of Sudanese refugees have crossed into eastern Chad at Adre, "
                                  "fleeing the killings in El Geneina, the capital of Sudan's West Darfur state.")
    assert [(s.paragraph, s.text[:9]) for s in sentences] == [(0, "Chad: wou"), (1, "Thousands")]


def test_a_monitoring_service_s_source_line_changes_nothing_of_the_story():
    story = ("Thousands of Sudanese refugees have crossed into eastern Chad at Adre, fleeing the killings in El "
             "Geneina, the capital of Sudan's West Darfur state, where militias shot civilians, local authorities "
             "said.\n\nThe hospital in Adre has treated 200 wounded.")
    title = "Chad: wounded Sudanese refugees pour into Adre after El Geneina killings"
    plain = tag_article({"id": "t", "title": title, "text": story, "published": "2023-06-19T10:00:00Z",
                         "language": "en"})
    headed = tag_article({"id": "t", "title": title, "published": "2023-06-19T10:00:00Z", "language": "en",
                          "text": "Text of report by Chadian news website Alwihda Info on 19 June [translated from "
                                  "French]\n\n" + story})
    assert plain["relevant"] is False and headed["relevant"] is False


def test_the_surgical_centre_the_wounded_were_taken_to_is_not_the_scene():
    text = ("La ministre s'est rendue hier lundi au Centre médical avec antenne chirurgicale (CMA) de Kongoussi, au "
            "chevet des blessés de l'attaque perpétrée samedi dernier contre un site d'orpaillage de la commune de "
            "Bourzanga, dans la province du Bam. L'attaque a fait dix-sept morts.")
    assert tagged_primary(text, "fr", "2022-10-11T10:00:00Z")["location"] == "Bourzanga"


def test_residents_of_a_village_counted_among_the_dead_name_the_scene():
    text = ("Six habitants du village de Garin Liman, dans la commune de Tajaé (département d'Illéla, région de "
            "Tahoua), ont été tués vendredi par des hommes armés, a indiqué lundi le maire de Tajaé.")
    primary = tagged_primary(text, "fr", "2024-12-09T10:00:00Z", title="Illéla : six villageois tués par des hommes armés")
    assert primary["location"] == "Garin Liman"


@pytest.mark.parametrize("text, published, place", [
    # a town the context names further down does not beat the one the lead measures from
    ("Deux militaires ont été tués lundi lorsque leur véhicule a sauté sur un engin explosif, à une dizaine de "
     "kilomètres de Dargol, dans le département de Gothèye.\n\nLe véhicule de tête a été touché sur la piste reliant "
     "Dargol à Téra.\n\nL'explosion n'a pas été revendiquée.\n\nLes transporteurs dénoncent la flambée des prix sur les "
     "marchés de Gothèye et de Téra.", "2021-02-11T10:00:00Z", "Dargol"),
    # a part of a town looted is the town, and a siege from a month long ago a recap
    ("Des combattants de la katiba Macina ont pillé et incendié mardi dernier une partie de Dogofry, une commune du "
     "cercle de Niono, selon un communiqué diffusé samedi.\n\nLes assaillants ont mis le feu à la mairie.\n\nDans le "
     "même cercle, le village de Farabougou avait été assiégé pendant plusieurs mois à partir d'octobre 2020.",
     "2022-04-09T10:00:00Z", "Dogofry"),
])
def test_the_lead_s_town_beats_towns_told_further_down(text, published, place):
    assert tagged_primary(text, "fr", published)["location"] == place


def test_an_embassy_s_seat_in_the_lead_makes_no_later_toll_another_place_s():
    text = ("Two Indian nationals were killed and a third was abducted when gunmen attacked the camp of a company "
            "building a power line in Niger's Dosso region late on Saturday, India's embassy in Niamey said.\n\n"
            "Niger's defence ministry, in a statement read on state television on Sunday evening, said terrorists "
            "attacked the work site near Sambera, a rural commune about 40 km north of the town of Dosso, at around 9 "
            "p.m. Three soldiers and \"two foreign nationals\" were killed, it said.")
    primary = tagged_primary(text, "en", "2024-05-13T10:00:00Z",
                             title="Two Indian workers killed, one kidnapped in attack on Niger power line site")
    assert (primary["location"], primary["fatalities"]) == ("Sambera", 5)


@pytest.mark.parametrize("note", ["(NOUVEAU BILAN, ajoute attribution et contexte)", "(Adds claim of responsibility, "
                                                                                     "updates toll)"])
def test_a_wire_s_note_on_its_version_is_no_paragraph_and_the_dateline_under_it_no_scene(note):
    out = tag_article({"id": "t", "title": "Niger : cinq soldats tués par un engin explosif (nouveau bilan)",
                       "text": note + "\n\nNIAMEY, 14 mai 2022 (AFP) - Cinq soldats nigériens ont été tués jeudi par "
                               "l'explosion d'un engin explosif près de Banibangou, dans la région de Tillabéri.",
                       "published": "2022-05-14T12:00:00Z", "language": "fr"})
    assert next(e for e in out["events"] if e["primary"])["location"] == "Banibangou"
