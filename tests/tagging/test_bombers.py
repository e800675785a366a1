"""Suicide bombers who died in their blast count among the dead, once."""
from __future__ import annotations

import pytest

from worker.tagging import tag_article
from worker.tagging.bombers import BESIDES_RULE, dead_bombers
from worker.tagging.claims import conservative_toll, extract_claims


def toll(text: str, language: str = "en") -> int | None:
    out = tag_article({"id": "t", "title": "", "text": text, "published": "2024-10-13T09:00:00Z",
                       "language": language})
    return next(e for e in out["events"] if e["primary"])["fatalities"]


@pytest.mark.parametrize("text, language, expected", [
    ("A suicide bomber killed six civilians at a crowded market in Mora, in Cameroon's Far North region, on Friday, "
     "a local official said.\n\nThe bomber, a young woman, blew herself up near the cattle stalls, the official said.",
     "en", 7),
    ("At least five worshippers were killed on Friday when two suicide bombers detonated explosives inside a mosque "
     "at Mandarari, in Konduga, Borno State.\n\nThe police said the bombers, both females believed to be in their "
     "teens, also died in the blasts.", "en", 7),
    ("Deux femmes kamikazes ont déclenché leurs charges vendredi sur le marché de Toumour, dans la région de Diffa, "
     "tuant cinq civils, selon les autorités.\n\nLes kamikazes ont également péri dans les explosions.", "fr", 7),
    # the bomber the only dead: "la porteuse de la bombe", a belt set off
    ("Une kamikaze a déclenché sa charge vendredi à l'entrée de la mosquée d'Amchidé, dans l'arrondissement de "
     "Kolofata. Cinq fidèles ont été blessés.\n\n« Seule la porteuse de la bombe a perdu la vie », a déclaré le "
     "sous-préfet.", "fr", 1),
    ("A female suicide bomber struck the gate of a mosque in Konduga, Borno State, on Friday, wounding five "
     "worshippers.\n\nThe bomber detonated her vest when guards stopped her, police said.", "en", 1),
])
def test_bombers_said_to_have_died_are_added_to_their_victims(text, language, expected):
    assert toll(text, language) == expected


def test_bombers_already_in_the_toll_are_not_added_again():
    assert toll("A female suicide bomber blew herself up at a cattle market in Konduga, Borno State, on Friday, "
                "killing nine people including herself, police said.\n\nThe bomber, a young woman, blew herself up "
                "near the cattle stalls.") == 9
    assert toll("Eighteen people were killed when three suicide bombers blew themselves up among crowds in Konduga, "
                "Borno State, on Wednesday night.\n\nThe bombers detonated their explosives near tea stalls. A police "
                "spokesman said the 18 dead included the three bombers.") == 18
    assert toll("Dix-huit personnes ont été tuées mercredi soir quand trois kamikazes se sont fait exploser à Konduga, "
                "dans l'État de Borno.\n\nLes kamikazes ont déclenché leurs charges près d'un marché. Selon la police, "
                "le bilan comprend les trois kamikazes.", "fr") == 18


def test_the_bombers_count_comes_from_the_sentence_or_from_an_earlier_one():
    found = dead_bombers(["Two female suicide bombers struck the market.", "Both bombers also died."], "en")
    assert {i: c.count for i, c in found.items()} == {1: 2}
    found = dead_bombers(["Two female suicide bombers struck the market.", "The bombers also died, police said."], "en")
    assert {i: c.count for i, c in found.items()} == {1: 2}
    # told twice, the same two bombers: once
    found = dead_bombers(["Two female suicide bombers struck the market.", "Both bombers also died.",
                          "The bombers also died, police said."], "en")
    assert {i: c.count for i, c in found.items()} == {1: 2}
    assert all(c.victims == "militants" and c.kind == "killed" for c in found.values())
    # no count anywhere: no figure is made up
    assert dead_bombers(["Suicide bombers struck the market.", "The bombers also died."], "en") == {}


def test_bombers_killed_in_addition_to_their_victims_keep_the_killed_kind():
    found = extract_claims("The agency said seven civilians were killed, in addition to the two bombers, and 19 "
                           "others were wounded.", "en")
    assert [(c.kind, c.count) for c in found][:3] == [("killed", 7), ("killed", 2), ("wounded", 19)]
    assert conservative_toll(found) == 9


@pytest.mark.parametrize("text, language, expected", [
    ("Two female suicide bombers blew themselves up at a crowded livestock market in Pulka, Borno State, on "
     "Saturday evening, killing 14 people besides themselves, police said.", "en", 16),
    # "as well as themselves" lists the bombers after the victims: nobody else comes on top
    ("Suicide bombers kill 11 in Konduga\n\nTwo suicide bombers blew themselves up among a crowd in Konduga, Borno "
     "State, early Monday, killing 11 people as well as themselves, police said.", "en", 13),
    ("A female bomber blew herself up at a mosque in Mora, in the Far North, on Friday, killing five worshippers "
     "and herself, a local official said.", "en", 6),
    # "killing herself and at least 12 other people": the bomber named first among the dead
    ("A female suicide bomber blew herself up at a fish market in Konduga, Borno State, on Saturday evening, killing "
     "herself and at least 12 other people, police said.", "en", 13),
    ("Une kamikaze s'est fait exploser samedi au marché de Kolofata, dans l'Extrême-Nord, faisant cinq morts sans "
     "compter la kamikaze, selon les autorités.", "fr", 6),
    ("Un kamikaze s'est fait exploser lundi à un poste de contrôle de Gao. Deux soldats maliens et un civil ont été "
     "tués, en plus du kamikaze, selon le gouvernorat.", "fr", 4),
    ("Un kamikaze au volant d'un véhicule piégé s'est fait exploser lundi devant le camp de Niafunké. Selon le bilan "
     "officiel, l'explosion a tué deux militaires ainsi que le kamikaze.", "fr", 3),
])
def test_bombers_left_out_of_the_toll_come_on_top_of_it(text, language, expected):
    assert toll(text, language) == expected


def test_a_bomber_listed_among_the_dead_or_dying_with_them_is_one_more_dead():
    story = ["A suicide car bomb hit an army checkpoint at the entrance to Menaka on Saturday.",
             "Four soldiers and the bomber were killed and seven soldiers wounded, the statement said."]
    [(i, claim)] = dead_bombers(story, "en").items()
    assert (i, claim.count, claim.victims, claim.rule) == (1, 1, "militants", BESIDES_RULE)
    [(i, claim)] = dead_bombers(["A woman blew herself up at a mosque.",
                                 "Eight worshippers were killed along with the bomber."], "en").items()
    assert (i, claim.rule) == (1, BESIDES_RULE)


@pytest.mark.parametrize("sentences, language", [
    (["Un kamikaze s'est fait exploser à un poste de contrôle de l'armée.",
      "Selon l'armée, deux soldats et un civil ont été tués, en plus de l'assaillant."], "fr"),
    (["A suicide bomber struck an army checkpoint.",
      "Two soldiers and a civilian were killed, in addition to the attacker, the army said."], "en"),
])
def test_the_lone_attacker_counted_on_top_of_a_bombing_s_toll_is_one_more_dead(sentences, language):
    found = dead_bombers(sentences, language)
    assert [(i, c.count, c.victims) for i, c in found.items()] == [(1, 1, "militants")]


def test_a_local_count_not_counting_the_attackers_adds_no_bombers_of_its_own():
    found = dead_bombers(["At least five worshippers were killed when two suicide bombers struck a mosque.",
                          "A vigilante said 11 people, not counting the attackers, were buried."], "en")
    assert 1 not in found


@pytest.mark.parametrize("text, language, expected", [
    # the bomber's death told twice, and inside the total the second time
    ("Un kamikaze s'est fait exploser dimanche à un poste de contrôle de l'armée malienne à Goundam, dans la région "
     "de Tombouctou.\n\nLe kamikaze a déclenché sa charge vers 8 h 30. L'explosion a tué deux militaires et un civil, "
     "en plus de l'assaillant lui-même, soit un bilan de quatre morts.", "fr", 4),
    ("Six civilians were killed on Saturday when a female suicide bomber blew herself up at a market in Kerawa, in "
     "Cameroon's Far North region.\n\nThe bomber detonated her explosives near the grain stalls. \"Six people lost "
     "their lives, in addition to the bomber herself,\" the governor said.", "en", 7),
])
def test_a_bombers_death_told_twice_is_counted_once(text, language, expected):
    assert toll(text, language) == expected


def test_a_total_that_counts_the_attacker_beside_named_victims_is_not_raised_again():
    found = extract_claims("L'explosion a tué deux militaires et un civil, en plus de l'assaillant lui-même, soit un "
                           "bilan de quatre morts.", "fr")
    assert conservative_toll(found) == 4
