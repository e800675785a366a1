"""Event dates resolved against the publication date, never after it."""

import datetime as dt
import json
from pathlib import Path

import pytest

from worker.tagging.dates import find_dates

SUNDAY_3_NOV_2019 = dt.datetime(2019, 11, 3, 10, 0, tzinfo=dt.timezone.utc)


def first(sentence, published, language="en"):
    found = find_dates(sentence, published, language)
    assert found, sentence
    return found[0].date.isoformat(), found[0].precision


def test_on_friday_is_the_last_friday():
    assert first("On Friday, at least 54 soldiers were killed.", SUNDAY_3_NOV_2019) == ("2019-11-01", "day")


def test_weekday_across_new_year():
    assert first("Gunmen attacked the village on Friday.", dt.datetime(2023, 1, 2, 9)) == ("2022-12-30", "day")


def test_weekday_possessive_and_night():
    assert first("Friday's attack was claimed by JNIM.", SUNDAY_3_NOV_2019) == ("2019-11-01", "day")
    assert first("The base was attacked on Tuesday night.", SUNDAY_3_NOV_2019) == ("2019-10-29", "day")


def test_weekday_of_the_publication_day_is_that_day_unless_last():
    assert first("On Sunday the army said...", SUNDAY_3_NOV_2019) == ("2019-11-03", "day")
    assert first("Last Sunday the army said...", SUNDAY_3_NOV_2019) == ("2019-10-27", "day")
    assert first("dimanche dernier, l'armée", SUNDAY_3_NOV_2019, "fr") == ("2019-10-27", "day")


def test_french_weekdays():
    assert first("L'attaque a eu lieu vendredi.", SUNDAY_3_NOV_2019, "fr") == ("2019-11-01", "day")
    assert first("mardi dernier, des hommes armés", SUNDAY_3_NOV_2019, "fr") == ("2019-10-29", "day")


def test_night_of_saturday_to_sunday_is_the_saturday():
    monday = dt.datetime(2024, 3, 25, 8)
    assert first("dans la nuit de samedi à dimanche, des hommes armés", monday, "fr") == ("2024-03-23", "day")
    assert first("overnight Saturday to Sunday, gunmen struck", monday) == ("2024-03-23", "day")


def test_shortly_after_midnight_is_the_night_s_second_day():
    pub = dt.datetime(2026, 1, 4)
    assert first("dans la nuit du 31 décembre au 1er janvier, peu après minuit", pub, "fr") == ("2026-01-01", "day")
    assert first("overnight Saturday to Sunday, shortly after midnight, gunmen struck", pub) == ("2026-01-04", "day")
    # the night across the year's end keeps its first day when no hour is given
    assert first("dans la nuit du 31 décembre au 1er janvier 2026", pub, "fr") == ("2025-12-31", "day")
    assert first("on the night of 31 December to 1 January, gunmen struck", pub) == ("2025-12-31", "day")


def test_le_3_courant_is_a_day_of_the_publication_month():
    pub = dt.datetime(2018, 8, 5)
    assert first("Quatre soldats ont perdu la vie le 3 courant sur l'axe Téra-Gothèye.", pub, "fr") == ("2018-08-03", "day")
    assert first("L'attaque du 1er de ce mois a fait dix morts.", pub, "fr") == ("2018-08-01", "day")
    assert find_dates("le 30 courant", pub, "fr") == []      # not yet come


def test_night_of_two_days_is_the_first():
    assert first("dans la nuit du 3 au 4 novembre", dt.datetime(2019, 11, 10), "fr") == ("2019-11-03", "day")


def test_next_weekday_is_not_an_event_date():
    assert find_dates("The talks resume next Friday.", SUNDAY_3_NOV_2019, "en") == []
    assert find_dates("Les pourparlers reprennent vendredi prochain.", SUNDAY_3_NOV_2019, "fr") == []


def test_yesterday_across_a_leap_day():
    assert first("Il a été tué hier.", dt.datetime(2024, 3, 1, 9), "fr") == ("2024-02-29", "day")


def test_relative_days():
    cases = {"yesterday": "2019-11-02", "the day before yesterday": "2019-11-01", "last night": "2019-11-02",
             "this morning": "2019-11-03", "today": "2019-11-03"}
    for phrase, expected in cases.items():
        assert first(f"Gunmen attacked {phrase}.", SUNDAY_3_NOV_2019) == (expected, "day"), phrase
    for phrase, expected in {"avant-hier": "2019-11-01", "la nuit dernière": "2019-11-02", "ce matin": "2019-11-03",
                             "aujourd'hui": "2019-11-03"}.items():
        assert first(f"Des hommes armés ont attaqué {phrase}.", SUNDAY_3_NOV_2019, "fr") == (expected, "day"), phrase


def test_last_week_has_week_precision():
    assert first("Last week, jihadists attacked a convoy.", dt.datetime(2020, 1, 3)) == ("2019-12-27", "week")
    assert first("la semaine dernière", dt.datetime(2020, 1, 3), "fr") == ("2019-12-27", "week")


def test_earlier_this_month_has_month_precision():
    assert first("Earlier this month, the town fell.", SUNDAY_3_NOV_2019) == ("2019-11-01", "month")
    assert first("Last month, four peacekeepers were killed.", dt.datetime(2021, 1, 11)) == ("2020-12-01", "month")


def test_explicit_dates_in_english():
    for text in ("on 1 November", "on November 1, 2019", "on Nov. 1", "on 2019-11-01", "on Friday, November 1"):
        assert first(f"The attack {text} killed 54.", SUNDAY_3_NOV_2019) == ("2019-11-01", "day"), text


def test_explicit_dates_in_french():
    for text in ("le 1er novembre", "le 1 novembre 2019", "le vendredi 1er novembre"):
        assert first(f"L'attaque du {text}", SUNDAY_3_NOV_2019, "fr") == ("2019-11-01", "day"), text


def test_day_month_without_year_late_in_the_past_year():
    assert first("le 30 décembre, une attaque", dt.datetime(2021, 1, 2), "fr") == ("2020-12-30", "day")
    assert first("three soldiers died on December 28", dt.datetime(2021, 1, 1)) == ("2020-12-28", "day")


def test_upcoming_date_is_dropped():
    assert find_dates("Elections are set for 20 December.", dt.datetime(2019, 11, 15), "en") == []


def test_explicit_future_date_with_year_is_dropped():
    assert find_dates("The mission ends on 31 December 2019.", SUNDAY_3_NOV_2019, "en") == []


def test_month_only_is_the_latest_such_month():
    assert first("In May, at least 28 soldiers were killed.", SUNDAY_3_NOV_2019) == ("2019-05-01", "month")
    assert first("In December, the army attacked.", dt.datetime(2020, 1, 5)) == ("2019-12-01", "month")
    assert first("En mai dernier, l'armée", SUNDAY_3_NOV_2019, "fr") == ("2019-05-01", "month")
    assert first("In June last year, gunmen struck.", SUNDAY_3_NOV_2019) == ("2018-06-01", "month")
    assert first("In August 2019, 24 soldiers were killed.", SUNDAY_3_NOV_2019) == ("2019-08-01", "month")


def test_may_as_a_verb_is_not_a_month():
    assert find_dates("The toll may rise, officials said.", SUNDAY_3_NOV_2019, "en") == []


def test_holidays():
    assert first("Gunmen killed 37 villagers on New Year's Day.", dt.datetime(2019, 1, 2)) == ("2019-01-01", "day")
    assert first("le jour de l'An", dt.datetime(2019, 1, 2), "fr") == ("2019-01-01", "day")
    assert first("air strikes on Christmas Day", dt.datetime(2025, 1, 2)) == ("2024-12-25", "day")


def test_the_day_after_or_the_eve_of_a_holiday():
    # "vendredi, au lendemain du Nouvel An": the second of January, across the year's turn
    assert first("une frappe de drone survenue au lendemain du Nouvel An", dt.datetime(2026, 1, 5), "fr") == (
        "2026-01-02", "day")
    assert first("the attack on the eve of Christmas", dt.datetime(2024, 12, 27)) == ("2024-12-24", "day")
    # the eve of a holiday that falls the day after publication is still the day before it
    assert first("l'attaque à la veille du Nouvel An", dt.datetime(2025, 12, 31), "fr") == ("2025-12-31", "day")


def test_sentence_without_date_words_gives_nothing():
    assert find_dates("At least 54 soldiers were killed in the attack.", SUNDAY_3_NOV_2019, "en") == []


def test_offsets_and_surface():
    sentence = "Jihadists attacked the base on Friday."
    [d] = find_dates(sentence, SUNDAY_3_NOV_2019, "en")
    assert sentence[d.start:d.end] == d.surface == "Friday"
    assert d.rule == "date:weekday"


def test_published_may_be_a_date():
    assert first("yesterday", dt.date(2019, 11, 3)) == ("2019-11-02", "day")


def test_never_after_publication():
    for text in ("today", "on Sunday", "on 3 November", "this week", "in November"):
        for d in find_dates(text, SUNDAY_3_NOV_2019, "en"):
            assert d.date <= SUNDAY_3_NOV_2019.date()


TUESDAY_21_JUNE_2022 = dt.datetime(2022, 6, 21, 10)


def test_ranges_give_their_first_day():
    assert first("On June 18-19, gunmen attacked.", TUESDAY_21_JUNE_2022) == ("2022-06-18", "day")
    assert first("Between 18 and 19 June, gunmen attacked.", TUESDAY_21_JUNE_2022) == ("2022-06-18", "day")
    assert first("dans la nuit du samedi 18 au dimanche 19 juin", TUESDAY_21_JUNE_2022, "fr") == ("2022-06-18", "day")


def test_weekend_is_its_saturday_with_week_precision():
    assert first("Over the weekend, gunmen attacked three villages.", TUESDAY_21_JUNE_2022) == ("2022-06-18", "week")
    assert first("Le week-end dernier, des attaques ont eu lieu.", TUESDAY_21_JUNE_2022, "fr") == ("2022-06-18", "week")


def test_days_and_weeks_ago():
    assert first("Two days ago, gunmen attacked.", TUESDAY_21_JUNE_2022) == ("2022-06-19", "day")
    assert first("Il y a deux semaines, une attaque a eu lieu.", TUESDAY_21_JUNE_2022, "fr") == ("2022-06-07", "week")
    # "a" and "an" are one
    assert first("A week ago, jihadists killed ten civilians.", TUESDAY_21_JUNE_2022) == ("2022-06-14", "week")
    assert first("Gunmen attacked the village a day ago.", TUESDAY_21_JUNE_2022) == ("2022-06-20", "day")


def test_numeric_dates_are_day_first_in_french_only():
    assert first("le 18/06/2022 à Seytenga", TUESDAY_21_JUNE_2022, "fr") == ("2022-06-18", "day")
    assert find_dates("on 06/11/2021 in Niger", TUESDAY_21_JUNE_2022, "en") == []


def test_an_english_numeric_date_is_read_when_only_one_reading_is_a_recent_day():
    release = dt.datetime(2022, 3, 11, 14)
    assert [d.date for d in find_dates("on 10/03/2022 at about 1130hrs, a distress call was received", release, "en")] == [
        dt.date(2022, 3, 10)]
    assert [d.date for d in find_dates("on 03/10/2022 at about 1130hrs", release, "en")] == [dt.date(2022, 3, 10)]
    assert find_dates("on 03/02/2022", dt.datetime(2022, 3, 30), "en") == []     # 3 Feb or 2 March: both recent


CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_seed_article_first_date_is_friday_1_november():
    item = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    published = dt.datetime.fromisoformat(item["published"].replace("Z", "+00:00"))
    [d] = find_dates(item["text"].split(". ")[0], published, "en")
    assert d.date.isoformat() == item["gold"]["date"]


def test_date_lexicon_file_is_valid():
    path = Path(__file__).resolve().parents[2] / "worker" / "tagging" / "data" / "date_lexicon.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for lang in ("en", "fr"):
        assert len(data["weekdays"][lang]) == 7
        assert set(data["months"][lang].values()) == set(range(1, 13))
        assert {unit for unit, _ in data["relative"][lang].values()} <= {"day", "week", "weekend", "month"}
        for month, day in data["holidays"][lang].values():
            dt.date(2024, month, day)


def test_night_with_an_hour_after_midnight_is_the_second_day():
    monday = dt.datetime(2024, 3, 4, 8)
    assert first("tués dans la nuit de jeudi à vendredi, vers 1 heure, lors de l'attaque", monday, "fr") == (
        "2024-03-01", "day")
    assert first("overnight Thursday to Friday, at around 2 a.m., gunmen struck", monday) == ("2024-03-01", "day")
    assert first("dans la nuit du 3 au 4 novembre vers 3h, des assaillants", dt.datetime(2019, 11, 10),
                 "fr") == ("2019-11-04", "day")
    assert first("dans la nuit de jeudi à vendredi, vers 23 heures", monday, "fr") == ("2024-02-29", "day")
    # spelled hours
    assert first("dans la nuit de jeudi à vendredi, aux environs d'une heure du matin, des hommes armés", monday,
                 "fr") == ("2024-03-01", "day")
    assert first("overnight Thursday to Friday, at about three in the morning", monday) == ("2024-03-01", "day")
    # the 24-hour clock
    assert first("during the night from Thursday to Friday, at around 01:00 local time", monday) == ("2024-03-01", "day")
    assert first("dans la nuit de jeudi à vendredi, vers 02h30", monday, "fr") == ("2024-03-01", "day")
    # shortly before an hour after midnight
    assert first("in the night from Thursday to Friday, with the first shots fired shortly before 3 a.m.", monday) == (
        "2024-03-01", "day")
    assert first("dans la nuit de jeudi à vendredi, peu avant 3 heures", monday, "fr") == ("2024-03-01", "day")
    assert first("during the night from Thursday to Friday, at around 23:00 local time", monday) == ("2024-02-29", "day")


def test_a_weekday_of_last_week_is_in_the_week_before_the_publication_s():
    thursday = dt.datetime(2024, 8, 29, 9)
    assert first("Mardi de la semaine dernière, des hommes armés ont attaqué Kadawa.", thursday, "fr") == (
        "2024-08-20", "day")
    assert first("On Tuesday of last week gunmen attacked Kadawa.", thursday) == ("2024-08-20", "day")
    assert first("Gunmen attacked Kadawa last Tuesday.", thursday) == ("2024-08-27", "day")
    # the other word orders: a day, and no week of its own beside it
    for sentence, language in (("Gunmen attacked Kadawa on Tuesday last week, killing 12.", "en"),
                               ("Last week on Tuesday, gunmen attacked Kadawa.", "en"),
                               ("La semaine dernière, mardi, des hommes armés ont attaqué Kadawa.", "fr")):
        dates = find_dates(sentence, thursday, language)
        assert [(d.date.isoformat(), d.precision) for d in dates] == [("2024-08-20", "day")], sentence


def test_a_security_brief_s_abbreviated_day_before_a_time():
    thursday = dt.datetime(2022, 8, 11, 9, 15)
    assert first("- IED struck FAMa pickup Wed approx 1030 local on Boni-Hombori road.", thursday) == (
        "2022-08-10", "day")
    assert first("Armed men entered Gnoaga vil., late Tue (approx 2200 local).", thursday) == ("2022-08-09", "day")
    assert find_dates("He sat on the ground and the sun rose.", thursday, "en") == []


def test_la_veille_is_the_day_before_the_day_just_told():
    from worker.tagging import tag_article

    out = tag_article({"id": "t", "title": "Burkina : le JNIM revendique l'attaque de Mansila",
                       "text": "L'attaque a été revendiquée dimanche par le JNIM. La veille, ses combattants avaient "
                               "pris d'assaut la brigade de gendarmerie de Mansila, dans la province du Yagha, tuant "
                               "onze gendarmes.",
                       "published": "2024-03-12T08:00:00Z", "language": "fr"})
    assert out["events"][0]["date"] == "2024-03-09"


def test_the_day_before_dates_only_a_sentence_it_opens_or_is_set_off_in():
    from worker.tagging.dates import DateMention, eve_of

    sunday = DateMention(dt.date(2024, 3, 10), "day", 0, 8, "dimanche", "date:weekday")
    assert eve_of("The day before, gunmen had stormed the post.", sunday).date == dt.date(2024, 3, 9)
    assert eve_of("Gunmen had, the day before, stormed the post.", sunday).date == dt.date(2024, 3, 9)
    assert eve_of("Les assaillants ont emporté des vivres distribués la veille par une ONG.", sunday) is None
    assert eve_of("La veille de l'élection, des hommes armés ont attaqué le bureau de vote.", sunday) is None



def test_the_day_before_right_after_the_act_dates_it():
    from worker.tagging.dates import DateMention, eve_of

    wednesday = DateMention(dt.date(2026, 1, 21), "day", 0, 9, "Wednesday", "date:weekday")
    found = eve_of("The victims were attacked the day before as they were pulling in their nets.", wednesday)
    assert found is not None and found.date == dt.date(2026, 1, 20)
    assert eve_of("Selon le préfet, l'attaque a eu lieu la veille vers 18 heures.", wednesday).date == dt.date(2026, 1, 20)
    assert eve_of("They ate food delivered the day before by an NGO.", wednesday) is None
    found = eve_of("Une cinquantaine de terroristes ont été neutralisés la veille au cours de frappes aériennes.", wednesday)
    assert found is not None and found.date == dt.date(2026, 1, 20)
    assert eve_of("Des hommes armés ont attaqué le poste la veille au soir.", wednesday).date == dt.date(2026, 1, 20)
    found = eve_of("Police confirmed that bandits abducted about 40 travellers on the Isa road the day before.", wednesday)
    assert found is not None and found.date == dt.date(2026, 1, 20)


def test_a_night_across_the_year_with_both_years_written():
    found = find_dates("une attaque dans la nuit du dimanche 31 décembre 2023 au lundi 1er janvier 2024, a appris l'AIB",
                       dt.datetime(2024, 1, 2, 10), "fr")
    assert [(d.date.isoformat(), d.rule) for d in found] == [("2023-12-31", "date:night-of-days")]


def test_an_hour_after_midnight_told_before_the_night_dates_it_on_the_second_day():
    found = find_dates("ont surpris les pêcheurs vers 1 heure du matin, dans la nuit du lundi 28 février au mardi 1er mars",
                       dt.datetime(2022, 3, 2, 10), "fr")
    assert found[0].date == dt.date(2022, 3, 1)


def test_a_feast_the_attack_came_after_is_not_its_day():
    assert find_dates("ont ouvert le feu vers 2 heures, quelques heures après les festivités de la Saint-Sylvestre",
                      dt.datetime(2024, 1, 2, 10), "fr") == []


def test_the_next_sentence_s_hour_settles_a_night_though_it_dates_the_communique_later():
    from worker.tagging import tag_article

    out = tag_article({"id": "t", "title": "Namentenga : quatre gendarmes et sept VDP tombés à Tougouri",
                       "text": "Le détachement de gendarmerie de Tougouri a été la cible d'une attaque terroriste dans la "
                               "nuit du dimanche 31 décembre 2023 au lundi 1er janvier 2024.\n\nSelon un communiqué lu "
                               "lundi soir à la télévision, les assaillants ont ouvert le feu aux environs de 2 heures du "
                               "matin, tuant quatre gendarmes.",
                       "published": "2024-01-02T10:00:00Z", "language": "fr"})
    assert out["events"][0]["date"] == "2024-01-01"


def test_a_french_date_quoted_in_english_copy():
    found = find_dates('The army said the convoy "a été victime d\'une attaque complexe ce dimanche 26 mai 2024" near Boni.',
                       dt.datetime(2024, 5, 28, 12), "en")
    assert [d.date.isoformat() for d in found] == ["2024-05-26"]
    assert find_dates("Officials may 26 people be evacuated.", dt.datetime(2024, 5, 28, 12), "en") == []


def test_an_hour_after_midnight_two_sentences_on_settles_the_night():
    from worker.tagging import tag_article

    out = tag_article({"id": "t", "title": "Ménaka : au moins 27 civils tués près d'Inékar",
                       "text": "Le bilan de l'attaque menée dans la nuit de samedi à dimanche contre des campements "
                               "nomades aux environs d'Inékar, dans le cercle de Ménaka, ne cesse de s'alourdir. "
                               "Lundi matin, un élu de la commune a fait état de 27 morts. Selon des rescapés, des "
                               "hommes armés ont fait irruption vers 2 heures du matin.",
                       "published": "2023-01-02T11:00:00Z", "language": "fr"})
    assert out["events"][0]["date"] == "2023-01-01"


def test_au_mois_d_août_is_a_month():
    assert first("Au mois d'août, un car avait sauté sur une mine entre Pama et Kompienga.", dt.datetime(2020, 10, 19),
                 "fr") == ("2020-08-01", "month")


@pytest.mark.parametrize("text, day", [
    ("L'armée tchadienne a reconnu mercredi soir de lourdes pertes dans l'attaque qui a visé sa position de "
     "Kaïga-Kindjiria, dans la province du Lac : douze militaires ont perdu la vie.\n\nSelon un sous-officier, les "
     "assaillants sont venus par le lac.\n\nL'assaut a été lancé dans la nuit de dimanche à lundi, vers 3 heures du "
     "matin.", "2023-03-13"),
    ("Le gouvernement a revu à la hausse, vendredi, le bilan de l'attaque contre un poste de l'armée à Karimama : huit "
     "militaires ont été tués.\n\nSelon une source militaire, les assaillants sont arrivés à moto.\n\nL'assaut a "
     "été donné dans la nuit de mercredi à jeudi, vers 4 heures du matin.", "2025-02-13"),
])
def test_the_day_a_toll_was_acknowledged_or_revised_is_no_incident_date(text, day):
    from worker.tagging import tag_article

    published = "2023-03-16T07:00:00Z" if day.startswith("2023") else "2025-02-15T09:00:00Z"
    out = tag_article({"id": "t", "title": "", "text": text, "published": published, "language": "fr"})
    assert out["events"][0]["date"] == day


@pytest.mark.parametrize("text, published, day", [
    # only days of saying: the earliest bounds the incident
    ("Le bilan de l'explosion d'un engin explosif au passage d'un car près de Dinangourou s'est alourdi à quatorze "
     "morts, a appris Studio Tamani ce lundi. Deux blessés ont succombé dimanche à l'hôpital de Mopti.\n\n"
     "Samedi soir, le gouvernorat de la région avait fait état d'un premier bilan de douze morts.",
     "2020-03-02T10:45:00Z", "2020-02-29"),
    # a communiqué that reached the newsroom or was made public on a day, the attack told as earlier in the week
    ("Le bilan de l'embuscade contre un convoi dans la province de la Gnagna s'établit à dix-sept morts, selon un "
     "communiqué de l'état-major parvenu vendredi soir à notre rédaction. L'embuscade a eu lieu jeudi près de Piéla.",
     "2022-08-13T10:00:00Z", "2022-08-11"),
])
def test_days_a_toll_was_learned_received_or_first_given_are_days_of_saying(text, published, day):
    from worker.tagging import tag_article

    out = tag_article({"id": "t", "title": "", "text": text, "published": published, "language": "fr"})
    assert out["events"][0]["date"] == day


def test_a_weekday_night_with_an_hour_after_midnight_is_the_next_day():
    published = dt.datetime(2017, 8, 1, 6, 30, tzinfo=dt.timezone.utc)
    [m] = find_dates("A suicide bomber killed eight people in Kolofata late on Sunday night, at about 12:30 a.m., "
                     "officials said.", published, "en")
    assert m.date == dt.date(2017, 7, 31)
    [m] = find_dates("Gunmen attacked the village on Sunday night at about 11 p.m., residents said.", published, "en")
    assert m.date == dt.date(2017, 7, 30)


def test_an_hour_in_a_m_before_the_night_makes_it_the_second_day():
    published = dt.datetime(2025, 6, 28, 13, 25, tzinfo=dt.timezone.utc)
    [m] = find_dates("Gunmen attacked a gendarmerie post in Tanda around 1 a.m. in the night of Wednesday to Thursday, "
                     "killing three gendarmes.", published, "en")
    assert m.date == dt.date(2025, 6, 26)


def test_a_night_that_ended_at_dawn_is_its_second_day_but_one_that_lasted_until_dawn_is_its_first():
    wednesday = dt.datetime(2020, 8, 12, 12)
    found = find_dates("Des hommes armés ont attaqué le village dans la nuit de dimanche à lundi, peu avant l'aube.",
                       wednesday, "fr")
    assert [d.date for d in found] == [dt.date(2020, 8, 10)]
    found = find_dates("Les combats ont duré dans la nuit de dimanche à lundi jusqu'à l'aube.", wednesday, "fr")
    assert [d.date for d in found] == [dt.date(2020, 8, 9)]


def test_a_day_told_as_the_day_after_the_incident_dates_the_incident_the_day_before():
    friday = dt.datetime(2025, 1, 17, 8)
    found = find_dates("Jeudi, au lendemain de l'enlèvement, les familles ont reçu un appel.", friday, "fr")
    assert [d.date for d in found] == [dt.date(2025, 1, 15)]
    found = find_dates("On Thursday, the day after the attack, residents buried the dead.", friday, "en")
    assert [d.date for d in found] == [dt.date(2025, 1, 15)]


def test_a_quoted_today_is_no_date():
    friday = dt.datetime(2023, 10, 20, 8)
    assert find_dates("« Sans votre courage, nous aurions aujourd'hui à pleurer des dizaines de morts », a-t-il lancé.",
                      friday, "fr") == []
    assert [d.date for d in find_dates("Gunmen killed four people today, police said.", friday, "en")] == [
        dt.date(2023, 10, 20)]


def test_a_week_s_range_dates_no_day_but_a_two_day_range_gives_its_first():
    friday = dt.datetime(2020, 6, 12, 19)
    [week] = find_dates("Situation sécuritaire de la semaine du 6 au 12 juin 2020", friday, "fr")
    assert (week.date, week.precision) == (dt.date(2020, 6, 6), "week")
    [days] = find_dates("Des attaques ont eu lieu du 3 au 4 juin 2020.", friday, "fr")
    assert (days.date, days.precision) == (dt.date(2020, 6, 3), "day")


def test_the_day_since_which_people_have_fled_or_troops_swept_is_no_incident_day():
    friday = dt.datetime(2020, 2, 21, 9)
    assert find_dates("Depuis mercredi, plusieurs centaines de personnes ont trouvé refuge à Baga Sola.", friday, "fr") == []
    assert find_dates("More than 3,400 people have arrived since Friday.", friday, "en") == []
    assert [d.date for d in find_dates("We have had no contact with our colleagues since Wednesday afternoon.",
                                       friday, "en")] == [dt.date(2020, 2, 19)]


@pytest.mark.parametrize("header, published, day", [
    ("Reporting office: Fada N'Gourma | Report date: Tuesday 22 Sep 2020\n\nIncident: IED strike on civilian vehicle\n\n"
     "Date/time: Yesterday (Monday), approx. 0715 hrs", "2020-09-22T10:45:00Z", "2020-09-21"),
    ("Issued: Tue 14 Oct 2025 | Sikasso security focal point\n\nDate/time: Sunday 12 Oct, approx. 1600 hrs",
     "2025-10-14T08:00:00Z", "2025-10-12"),
    ("MALI / GAO REGION – 17 AUG 2021\n\nDate: Monday, late morning", "2021-08-17T16:00:00Z", "2021-08-16"),
    ("Issued: 18 Feb 2020, 1400 hrs\n\nDate/time: night of 15 to 16 Feb, approx. 0300 hrs on 16 Feb",
     "2020-02-18T14:00:00Z", "2020-02-16"),
])
def test_a_security_alert_is_dated_by_its_incident_line_not_its_header(header, published, day):
    from worker.tagging import tag_article

    text = (header + "\n\nCasualties: 4 KIA (civilians), 7 WIA\n\nDetails: A minibus carrying passengers struck an "
            "improvised explosive device on the road south of Tindangou, in the Est region of Burkina Faso. Four "
            "passengers were killed.")
    out = tag_article({"id": "a", "title": "Incident alert: IED hits minibus, four killed", "text": text,
                       "published": published, "language": "en"})
    assert out["events"][0]["date"] == day


def test_an_hour_after_midnight_spelled_in_words_settles_a_night():
    from worker.tagging.dates import hour_after_midnight
    assert hour_after_midnight("At around one o'clock on Saturday morning, the first bursts of gunfire rang out.")
    assert hour_after_midnight("They came at two o'clock in the morning.")
    assert not hour_after_midnight("They came at five o'clock in the afternoon.")


@pytest.mark.parametrize("text, language", [
    ("Un accord de cessation des hostilités a été conclu dimanche à Niono entre les dozos et la katiba Macina.\n\n"
     "Mardi, des premiers camions de marchandises ont pu rejoindre Farabougou, selon un élu local.", "fr"),
    ("A ceasefire agreement was concluded on Sunday in Niono between the Dozo hunters and the Katiba Macina.\n\n"
     "On Tuesday, the first lorries reached Farabougou, a local official said.", "en"),
])
def test_an_agreement_concluded_on_a_day_is_dated_that_day(text, language):
    from worker.tagging import tag_article
    out = tag_article({"id": "t", "title": "Accord", "text": text, "published": "2021-03-17T12:00:00Z",
                       "language": language})
    assert next(e for e in out["events"] if e["primary"])["date"] == "2021-03-14"


def test_the_day_an_army_revised_upwards_its_toll_is_not_the_attack_s():
    from worker.tagging import tag_article
    text = ("Chad's army on Tuesday revised upwards the toll of an attack by Boko Haram fighters on a military position "
            "in the Lake Chad basin, saying five soldiers had been killed, instead of the two announced on Monday.\n\n"
            "\"We have recovered the bodies of three more of our men,\" the army spokesman told reporters.\n\nThe attack "
            "took place late Sunday on the island of Bouloungou, in the department of Fouli, Lac province.")
    out = tag_article({"id": "t", "title": "Chad revises toll", "text": text, "published": "2018-04-10T12:00:00Z",
                       "language": "en"})
    assert next(e for e in out["events"] if e["primary"])["date"] == "2018-04-08"


def test_a_24_hour_time_with_a_leading_zero_is_an_hour_after_midnight():
    published = dt.datetime(2023, 2, 15, 16, 20, tzinfo=dt.timezone.utc)
    [m] = find_dates("Armed men attacked the village in the night of Monday to Tuesday, at around 0200.", published, "en")
    assert m.date == dt.date(2023, 2, 14)
