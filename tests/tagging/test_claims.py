"""Casualty claims: the figure, its kind, the victims, who claims it, and the toll."""

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest

from worker.tagging.claims import Claim, conservative_toll, extract_claims, lower_bound


def claims(sentence, language="en", previous=None, following=None):
    return [(c.kind, c.count, c.qualifier, c.victims) for c in extract_claims(sentence, language, previous, following)]


def story_claims(*sentences, language="en"):
    """Every claim of a story's sentences, each read on its own."""
    return [c for sentence in sentences for c in extract_claims(sentence, language)]


_sentences = itertools.count()


def claim(kind="killed", count=10, qualifier="exact", victims="soldiers", claimant_type="official", sentence=None, **kw):
    """A claim reported in its own sentence unless one is given."""
    sentence = sentence if sentence is not None else f"sentence {next(_sentences)}"
    return Claim(kind, count, qualifier, victims, None, claimant_type, 0, 1, sentence, "test", **kw)


# --- patterns, English ---

def test_at_least_n_soldiers_were_killed():
    assert claims("At least 54 Malian soldiers were killed in the attack.") == [("killed", 54, "at_least", "soldiers")]


def test_killing_n_civilians():
    assert claims("Gunmen opened fire on the market, killing 12 civilians.") == [("killed", 12, "exact", "civilians")]


def test_killed_at_least_n_people():
    assert claims("The blast killed at least 20 people near the mosque.") == [("killed", 20, "at_least", "people")]


def test_left_n_dead():
    assert claims("The ambush left 15 dead.") == [("killed", 15, "exact", None)]


def test_a_death_toll_of_n():
    assert claims("Officials gave a death toll of 30.") == [("killed", 30, "exact", None)]


def test_the_toll_rose_to_n_is_a_revision():
    [c] = extract_claims("The toll rose to 40 on Tuesday.", "en")
    assert (c.kind, c.count, c.revised) == ("killed", 40, True)


def test_a_source_reached_by_telephone_is_no_revision():
    [c] = extract_claims("A local official reached by telephone told AFP that 23 bodies had been buried.", "en")
    assert (c.count, c.revised) == (23, False)
    [c] = extract_claims("Le bilan a atteint 40 morts mardi.", "fr")
    assert (c.count, c.revised) == (40, True)
    [c] = extract_claims("Un élu atteint par téléphone a fait état de 12 morts.", "fr")
    assert (c.count, c.revised) == (12, False)


def test_an_official_toll_beats_a_higher_local_count_of_bodies():
    texts = ["Gunmen killed 18 villagers on Friday, the government said.",
             "A local official reached by telephone told AFP that 23 bodies had been buried on Saturday."]
    found = [c for t in texts for c in extract_claims(t, "en")]
    assert conservative_toll(found) == 18


def test_n_of_the_attackers_are_militants():
    assert claims("A gunbattle killed five soldiers and 17 of the attackers, the army said.") == [
        ("killed", 5, "exact", "soldiers"), ("killed", 17, "exact", "militants")]
    assert claims("Deux des assaillants ont été tués.", "fr") == [("killed", 2, "exact", "militants")]
    found = extract_claims("A gunbattle killed five soldiers and 17 of the attackers, the army said.", "en")
    assert conservative_toll(found) == 22


def test_n_more_dead_come_on_top_of_a_figure():
    [c] = extract_claims("Residents said two more people died of their wounds on the way to hospital.", "en")
    assert (c.count, c.additional) == (2, True)
    [c] = extract_claims("Deux autres civils ont succombé à leurs blessures.", "fr")
    assert (c.count, c.additional) == (2, True)
    [c] = extract_claims("More than 20 people died.", "en")
    assert c.additional is False


def test_a_survivor_s_own_loss_does_not_lower_the_toll():
    texts = ["A military air strike killed at least 16 civilians in the village on Saturday.",
             '"The bomb fell on the market," said a farmer who lost his wife and a daughter.']
    found = [c for t in texts for c in extract_claims(t, "en")]
    assert conservative_toll(found) == 16


def test_a_victim_dying_of_wounds_is_counted_once_in_the_new_toll():
    texts = ["Quatre bergers ont été tués samedi par l'explosion d'une mine.",
             "L'un d'eux a succombé à ses blessures lundi, portant le bilan à cinq morts."]
    found = [c for t in texts for c in extract_claims(t, "fr")]
    assert conservative_toll(found) == 5
    found = [c for t in ["Nine soldiers were killed in the ambush.", "Two wounded soldiers later succumbed to their "
                         "injuries, bringing the toll to 11."] for c in extract_claims(t, "en")]
    assert conservative_toll(found) == 11


def test_a_vague_count_of_victims_gives_way_to_a_counted_toll():
    texts = ["Selon des témoins, les militaires ont exécuté des dizaines d'hommes.",
             "Un élu local affirme avoir compté au moins 38 corps."]
    found = [c for t in texts for c in extract_claims(t, "fr")]
    assert conservative_toll(found) == 38
    # attackers are counted apart: their vague figure still adds
    found = [c for t in ["Gunmen killed 20 people in the village.", "Dozens of insurgents were killed in the "
                         "army's pursuit."] for c in extract_claims(t, "en")]
    assert conservative_toll(found) == 32


def test_a_second_count_after_et_de_shares_the_verb():
    assert claims("Le gouvernement a confirmé la mort de 14 militaires et de 9 VDP.", "fr") == [
        ("killed", 14, "exact", "soldiers"), ("killed", 9, "exact", "vdp")]


def test_le_bilan_s_alourdit_is_a_revision():
    [c] = extract_claims("Le bilan s'alourdit à 23 morts.", "fr")
    assert (c.count, c.revised) == (23, True)


def test_a_toll_revised_in_the_infinitive_replaces_the_first_one():
    found = extract_claims("Dimanche, le gouvernement a annoncé « 15 civils tués et 7 blessés », avant de réviser lundi "
                           "ce bilan à 22 morts.", "fr")
    assert [(c.count, c.revised) for c in found if c.kind == "killed"] == [(15, False), (22, True)]
    assert conservative_toll(found) == 22


@pytest.mark.parametrize("sentences, language", [
    (["Gunmen killed at least 22 people, the government said Tuesday, raising a toll that regional officials had "
      "put at 18 a day earlier.", "The governor had said on Monday that at least 18 people were killed."], "en"),
    (["Au moins 22 personnes ont été tuées, a annoncé mardi le gouvernement.",
      "Le gouverneur avait indiqué lundi qu'au moins 18 personnes avaient été tuées."], "fr"),
])
def test_what_officials_had_said_before_gives_way_to_the_new_toll(sentences, language):
    found = [c for sentence in sentences for c in extract_claims(sentence, language)]
    assert [c.count for c in found if c.initial] == [18] * (len(found) - 1)
    assert conservative_toll(found) == 22


@pytest.mark.parametrize("sentence, language", [
    ("Mercredi, le gouverneur a revu ce bilan à la hausse : vingt-deux morts, après la découverte de quatre corps "
     "dans la brousse.", "fr"),
    ("On Wednesday the governor revised the toll to 22 dead after four bodies were found in the bush.", "en"),
])
def test_bodies_found_that_raised_a_revised_toll_are_in_it(sentence, language):
    found = extract_claims(sentence, language)
    assert any(c.revised and c.count == 22 for c in found)
    assert conservative_toll(found) == 22


def test_a_communique_s_own_and_enemy_sides_name_the_victims():
    found = extract_claims("Le bilan provisoire est le suivant : côté ami, sept (07) morts et douze (12) blessés ; "
                           "côté terroriste, dix-neuf (19) terroristes neutralisés.", "fr")
    assert [(c.kind, c.count, c.victims) for c in found if c.kind == "killed"] == [
        ("killed", 7, "soldiers"), ("killed", 19, "militants")]


def test_a_provisional_toll_without_source_stands_against_a_local_count():
    found = (extract_claims("Le bilan provisoire est le suivant : côté ami, sept morts ; côté terroriste, dix-neuf "
                            "terroristes neutralisés.", "fr")
             + extract_claims("Un élu de la commune évoque de son côté « une dizaine » de militaires tués.", "fr"))
    assert conservative_toll(found) == 26


@pytest.mark.parametrize("sentence, language", [
    ("Plus d'une douzaine de personnes ont été tuées vendredi lorsque deux kamikazes se sont fait exploser, a annoncé "
     "la police, en précisant que les deux assaillants figuraient parmi les morts.", "fr"),
    ("More than a dozen people were killed on Friday when two suicide bombers blew themselves up, police said, adding "
     "that the two bombers were among the dead.", "en"),
])
def test_attackers_said_to_be_among_the_dead_are_in_the_toll(sentence, language):
    assert conservative_toll(extract_claims(sentence, language)) == 13


def test_a_figure_followed_by_who_its_dead_were_is_the_whole():
    found = extract_claims("About fifteen people, among them VDP and civilians, were killed.", "en")
    assert [(c.count, c.subset) for c in found] == [(15, False)]
    assert conservative_toll(found + extract_claims("\"We buried between 30 and 40 people,\" one resident said.",
                                                    "en")) == 15


def test_a_translation_of_a_quoted_figure_takes_the_predicate_after_it():
    found = extract_claims('The army said "une douzaine de terroristes", about a dozen, were neutralised in the fighting.',
                           "en")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 12, "militants")]


def test_a_member_of_a_security_outfit_killed_is_one_more_dead_but_a_member_quoted_is_a_source():
    found = extract_claims("Two worshippers and a member of a local security outfit were killed, he said.", "en")
    assert [(c.count, c.victims) for c in found] == [(2, "civilians"), (1, "militia")]
    assert conservative_toll(found) == 3
    found = extract_claims("At least 35 fighters were killed, according to two fishermen and a member of the Civilian "
                           "Joint Task Force who monitors the groups.", "en")
    assert conservative_toll(found) == 35


@pytest.mark.parametrize("sentence, language", [
    ("He said 19 worshippers were taken away and that the muezzin was shot dead.", "en"),
    ("Dix-neuf fidèles ont été emmenés de force vers la forêt.", "fr"),
])
def test_people_taken_away_are_abducted(sentence, language):
    assert extract_claims(sentence, language)[0].kind == "abducted"


def test_people_seized_are_abducted_and_towns_seized_are_no_count():
    found = extract_claims("The gunmen seized at least 14 women and girls and drove them towards the Sambisa axis.", "en")
    assert [(c.kind, c.count, c.qualifier) for c in found] == [("abducted", 14, "at_least")]
    assert [(c.kind, c.count) for c in extract_claims("Bandits whisked away 20 passengers on the highway.", "en")] == [
        ("abducted", 20)]
    assert extract_claims("The rebels seized two towns and captured three hamlets.", "en") == []
    assert extract_claims("The militants seized 14 motorcycles and two trucks.", "en") == []


@pytest.mark.parametrize("sentence, language, count", [
    ('"Our forces firmly repelled the enemy, who left a dozen bodies on the ground," the spokesman said.', "en", 12),
    ("Les assaillants ont laissé une dizaine de corps sur le terrain.", "fr", 10),
])
def test_bodies_the_enemy_left_behind_are_its_dead(sentence, language, count):
    assert [(c.kind, c.count, c.victims) for c in extract_claims(sentence, language)] == [("killed", count, "militants")]


def test_an_earlier_version_of_the_story_gives_way_to_the_official_toll():
    found = (extract_claims("Eighteen Nigerien soldiers were killed when militants attacked an army post, the defence "
                            "ministry said.", "en")
             + extract_claims("An earlier version of this story, citing two security sources, said at least 11 "
                              "soldiers had been killed.", "en"))
    assert [c.initial for c in found] == [False, True]
    assert conservative_toll(found) == 18


def test_a_new_statement_revises_the_toll_and_what_it_is_up_from_is_superseded():
    found = extract_claims("A new statement from the armed forces says eight soldiers were killed and 11 wounded, up "
                           "from five dead in its first statement.", "en")
    assert [(c.count, c.revised, c.initial) for c in found if c.kind == "killed"] == [(8, True, False), (5, True, True)]
    assert conservative_toll(found) == 8


def test_a_list_with_an_aside_takes_the_nearest_predicate_after_the_aside():
    found = extract_claims("Selon un élu local, au moins neuf chasseurs dozos et quatre civils, dont un adolescent, "
                           "ont été tués, et une dizaine de personnes blessées.", "fr")
    assert [(c.kind, c.count) for c in found if not c.subset] == [("killed", 9), ("killed", 4), ("wounded", 10)]
    assert conservative_toll(found) == 13


def test_an_agency_s_higher_count_does_not_raise_the_officials_revised_total():
    found = (extract_claims("The toll from an attack by gunmen on a village has risen to 27 dead, the governor said.", "en")
             + extract_claims('The UN human rights office said it had received reports that "at least 30 civilians" had '
                              "been killed.", "en"))
    assert conservative_toll(found) == 27


@pytest.mark.parametrize("sentence, language", [
    ("The assailants were repelled after more than an hour of fighting and two of them were killed, the army said.",
     "en"),
    ("Les assaillants ont été repoussés et deux d'entre eux ont été tués.", "fr"),
    ("Reinforcements drove back the assailants, two of whom were killed, the ministry said.", "en"),
])
def test_attackers_no_figure_counted_of_whom_some_died_are_a_figure_of_their_own(sentence, language):
    assert [(c.kind, c.count, c.victims, c.subset) for c in extract_claims(sentence, language)] == [
        ("killed", 2, "militants", False)]


@pytest.mark.parametrize("sentence, language", [
    ("The army said that three of its soldiers were killed and four wounded when a patrol came under attack.", "en"),
    ("L'armée a indiqué que trois de ses soldats ont été tués.", "fr"),
])
def test_three_of_its_soldiers_are_soldiers(sentence, language):
    found = extract_claims(sentence, language)
    assert (found[0].kind, found[0].count, found[0].victims) == ("killed", 3, "soldiers")


def test_the_loss_of_n_soldiers_is_a_killed_figure():
    assert claims("L'armée reconnaît la perte de quatre militaires.", "fr") == [("killed", 4, "exact", "soldiers")]
    assert claims("The army acknowledged the loss of four soldiers.") == [("killed", 4, "exact", "soldiers")]


def test_a_toll_named_far_from_its_figure_still_counts():
    s = ("The death toll from Sunday's attack on a gendarmerie post at Inata, in northern Burkina Faso, has risen "
         "to 53, including 49 gendarmes and four civilians, the government said.")
    assert [(c.count, c.victims) for c in extract_claims(s, "en")] == [(53, None), (49, "gendarmes"), (4, "civilians")]


def test_a_speaker_counted_with_one_is_no_victim():
    s = ("One resident, Malam Sani, told our correspondent that scores were killed and that he helped bury "
         "26 bodies on Sunday.")
    assert 1 not in [c.count for c in extract_claims(s, "en")]


def test_a_toll_with_the_attackers_included_takes_no_attackers_on_top():
    texts = ["Le bilan est lourd : près de 20 morts, dozos et assaillants confondus.",
             "Un responsable des dozos a revendiqué la mort de « plus de 30 terroristes »."]
    found = [c for t in texts for c in extract_claims(t, "fr")]
    assert conservative_toll(found) == 19
    found = extract_claims("Twelve people were killed, attackers included, police said.", "en")
    assert found[0].all_sides and conservative_toll(found) == 12


def test_each_clause_keeps_its_own_source():
    s = ("Une association de ressortissants affirme avoir identifié au moins 24 corps ; d'autres habitants "
         "parlent d'une trentaine de morts.")
    found = extract_claims(s, "fr")
    assert [(c.count, c.claimant) for c in found] == [(24, "association"), (30, "d'autres habitants")]
    assert conservative_toll(found) == 24


@pytest.mark.parametrize("sentence, language, expected", [
    ("Gunmen raided a health centre, killing a nurse and two patients.", "en", 3),
    ("Un vigile malien a été tué.", "fr", 1),
    ("A vigilante who tried to stop them at the gate was shot dead.", "en", 1),
])
def test_lone_victims_of_every_trade_are_counted(sentence, language, expected):
    assert conservative_toll(extract_claims(sentence, language)) == expected


@pytest.mark.parametrize("sentence, language, expected", [
    ("Suspected Boko Haram fighters beheaded three farmers in Mafa on Tuesday.", "en", ("killed", 3)),
    ("Gunmen on motorbikes gunned down seven traders on the road to Dori.", "en", ("killed", 7)),
    ("The attackers murdered four villagers and burned their homes.", "en", ("killed", 4)),
    ("Four herders were hacked to death near the well.", "en", ("killed", 4)),
    ("Les assaillants ont égorgé cinq bergers avant de prendre la fuite.", "fr", ("killed", 5)),
    ("Les jihadistes ont décapité deux chefs coutumiers du village.", "fr", ("killed", 2)),
    ("Six civils ont été fusillés devant la mosquée.", "fr", ("killed", 6)),
])
def test_every_way_of_killing_is_a_killed_figure(sentence, language, expected):
    assert claims(sentence, language)[0][:2] == expected


@pytest.mark.parametrize("sentence, language", [
    ("\"Two Chinese and one of our guards were killed on the spot,\" the official said.", "en"),
    ("Two workers and one of its drivers were killed.", "en"),
    ("Deux ouvriers et l'un de nos soldats ont été tués.", "fr"),
])
def test_one_of_our_men_is_one_more_dead(sentence, language):
    assert conservative_toll(extract_claims(sentence, language)) == 3


def test_a_guard_named_twice_is_one_dead():
    found = (extract_claims("Gunmen abducted three Chinese nationals from a gold-mining site, killing a security "
                            "guard, a local official said.", "en")
             + extract_claims("\"One guard was killed on the spot,\" the company employee said.", "en"))
    assert conservative_toll(found) == 1


def test_the_buried_dead_are_killed():
    assert claims("The chairman said 16 people had been buried on Sunday.") == [("killed", 16, "exact", "people")]
    assert claims("Douze corps ont été inhumés dimanche.", "fr")[0][:2] == ("killed", 12)


def test_n_dead_and_m_wounded():
    assert claims("Police reported 7 dead and 19 wounded.") == [("killed", 7, "exact", None), ("wounded", 19, "exact", None)]


def test_two_victim_groups_give_two_claims():
    assert claims("Five soldiers and three civilians were killed.") == [
        ("killed", 5, "exact", "soldiers"), ("killed", 3, "exact", "civilians")]


def test_dozens_of_soldiers_killed():
    assert claims("Dozens of soldiers killed in jihadist raid") == [("killed", None, "dozens", "soldiers")]


def test_more_than_a_dozen_abducted():
    assert claims("More than a dozen villagers were abducted.") == [("abducted", 12, "more_than", "civilians")]


def test_some_n_villagers():
    assert claims("Some 30 villagers were kidnapped on the road.") == [("abducted", 30, "about", "civilians")]


def test_numbers_as_words():
    assert claims("Two soldiers were wounded and one soldier was killed.") == [
        ("wounded", 2, "exact", "soldiers"), ("killed", 1, "exact", "soldiers")]


def test_a_single_victim_counts_as_one():
    assert claims("A Togolese peacekeeper died of his wounds.") == [("killed", 1, "exact", "peacekeepers")]


def test_destruction_of_members_is_killed_soldiers_with_inherited_victims():
    sentence = ('The group stated that "clashes resulted in the destruction of upwards of 70 members '
                '[of the Malian army] and the wounding of dozens of others."')
    assert claims(sentence) == [("killed", 70, "more_than", "soldiers"), ("wounded", None, "dozens", "soldiers")]


def test_neutralised_militants_are_killed():
    assert claims("The army said 160 militants were neutralised.") == [("killed", 160, "exact", "militants")]


def test_captured_missing_displaced():
    assert claims("Four fighters were captured and two soldiers are missing.") == [
        ("captured", 4, "exact", "militants"), ("missing", 2, "exact", "soldiers")]
    assert claims("About 3,000 residents fled to the town.") == [("displaced", 3000, "about", "civilians")]


def test_qualifiers_in_english():
    cases = {"nearly 20": "nearly", "almost 20": "nearly", "up to 20": "up_to", "around 20": "about",
             "roughly 20": "about", "approximately 20": "about", "over 20": "more_than", "at a minimum 20": "at_least"}
    for phrase, qualifier in cases.items():
        assert claims(f"The attack killed {phrase} people.") == [("killed", 20, qualifier, "people")], phrase


# --- patterns, French ---

def test_au_moins_n_militaires_ont_ete_tues():
    assert claims("Au moins 54 militaires ont été tués.", "fr") == [("killed", 54, "at_least", "soldiers")]


def test_une_vingtaine_de_civils_tues():
    assert claims("Une vingtaine de civils tués dans le centre", "fr") == [("killed", 20, "about", "civilians")]


def test_bilan_morts_et_blesses():
    assert claims("Bilan : 12 morts et 5 blessés.", "fr") == [("killed", 12, "exact", None), ("wounded", 5, "exact", None)]


def test_faisant_n_morts():
    assert claims("L'explosion a eu lieu au marché, faisant 10 morts.", "fr") == [("killed", 10, "exact", None)]


def test_a_coute_la_vie_a():
    assert claims("L'embuscade a coûté la vie à 15 soldats.", "fr") == [("killed", 15, "exact", "soldiers")]


def test_des_dizaines_de_morts():
    assert claims("Des dizaines de morts à Palma", "fr") == [("killed", None, "dozens", None)]


def test_plusieurs_personnes_enlevees():
    assert claims("Plusieurs personnes ont été enlevées.", "fr") == [("abducted", None, "several", "people")]


def test_those_an_army_neutralised_are_militants_even_when_their_noun_is_far():
    found = extract_claims("Troops of Operation HADIN KAI have neutralised 14 Islamic State West Africa Province "
                           "(ISWAP) terrorists during a fierce encounter at Wajiroko.", "en")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 14, "militants")]
    found = story_claims("Troops have neutralised 14 Islamic State West Africa Province (ISWAP) terrorists at Wajiroko.",
                         "Regrettably, one soldier paid the supreme price.")
    assert conservative_toll(found) == 15


def test_terroristes_neutralises_are_militants_killed_by_official_count():
    [c] = extract_claims("L'état-major annonce que 37 terroristes ont été neutralisés.", "fr")
    assert (c.kind, c.count, c.victims, c.claimant_type) == ("killed", 37, "militants", "official")


def test_spelled_french_groups_with_a_shared_participle():
    assert claims("Six soldats et trente-quatre VDP tués près de Ouahigouya", "fr") == [
        ("killed", 6, "exact", "soldiers"), ("killed", 34, "exact", "vdp")]


def test_french_qualifiers():
    cases = {"plus de 20": ("more_than", 20), "près de 20": ("nearly", 20), "environ 20": ("about", 20),
             "jusqu'à 20": ("up_to", 20), "une trentaine de": ("about", 30)}
    for phrase, (qualifier, count) in cases.items():
        got = claims(f"L'attaque a tué {phrase} personnes.", "fr")
        assert got == [("killed", count, qualifier, "people")], phrase


def test_revised_french_toll():
    [c] = extract_claims("Le bilan de l'attaque s'est alourdi à 42 soldats tués.", "fr")
    assert (c.count, c.victims, c.revised) == (42, "soldiers", True)


# --- not casualty figures ---

@pytest.mark.parametrize("sentence", [
    "The attack in 2019 killed nobody, officials said.",
    "A 30-year-old man was arrested on 12 May.",
    "A 200-strong force on 60 motorcycles attacked the town.",
    "It was one of the deadliest attacks killed in the region.",
    "Prices rose 30 percent and 20 million dollars were stolen by gunmen who killed livestock.",
    "Le 12 mai, un homme de 30 ans a été arrêté.",
])
def test_years_dates_ages_units_and_money_are_not_claims(sentence):
    language = "fr" if sentence.startswith("Le ") else "en"
    assert claims(sentence, language) == []


def test_active_subject_is_not_a_victim():
    assert claims("Twenty gunmen killed 12 villagers.") == [("killed", 12, "exact", "civilians")]


def test_running_totals_are_marked_cumulative():
    [c] = extract_claims("Since 2012, thousands have been killed in the conflict.", "en")
    assert c.kind == "killed" and c.is_cumulative
    [c] = extract_claims("Depuis le début de l'année, 300 civils ont été tués.", "fr")
    assert c.count == 300 and c.is_cumulative


# --- claimants ---

def test_claimant_in_the_same_sentence():
    [c] = extract_claims("At least 20 soldiers were killed, the army said.", "en")
    assert (c.claimant, c.claimant_type) == ("army", "official")


@pytest.mark.parametrize("sentence, claimant", [
    ("Quatre soldats et dix assaillants ont été tués vendredi à Darak, a annoncé dimanche le ministère de la Défense, "
     "tandis que le groupe État islamique revendique un bilan bien plus lourd.", "ministère"),
    ("Trois gendarmes ont été tués, a indiqué lundi soir l'armée.", "armée"),
])
def test_a_source_named_after_its_verb_and_the_day_it_spoke_is_the_claimant(sentence, claimant):
    [*_, c] = [c for c in extract_claims(sentence, "fr") if c.kind == "killed"]
    assert (c.claimant, c.claimant_type) == (claimant, "official")


def test_claimant_from_the_previous_sentence():
    [c] = extract_claims("Twelve civilians were killed.", "en", previous="According to local sources, the gunmen came at dawn.")
    assert (c.claimant, c.claimant_type) == ("local sources", "local")


def test_claimant_from_a_following_according_to():
    [c] = extract_claims("On Friday, at least 54 Malian soldiers were killed.", "en",
                         following="According to Malian officials, the base came under mortar fire.")
    assert (c.claimant, c.claimant_type) == ("Malian officials", "official")


def test_claimant_of_a_quote_is_its_speaker():
    sentence = ('The Islamic State, which claimed the operation, stated that "clashes resulted in the destruction '
                'of upwards of 70 members [of the Malian army] and the wounding of dozens of others."')
    assert {(c.claimant, c.claimant_type) for c in extract_claims(sentence, "en")} == {("Islamic State", "perpetrator")}


@pytest.mark.parametrize("sentence,language,ctype", [
    ("Ten soldiers were killed, according to a military source.", "en", "official"),
    ("Ten soldiers were killed, according to the UN.", "en", "un"),
    ("Human Rights Watch said ten civilians were killed.", "en", "ngo"),
    ("Ten soldiers were killed, Reuters reported.", "en", "media"),
    ("JNIM claimed it had killed ten soldiers via its az-Zallaqa media.", "en", "perpetrator"),
    ("Dix civils ont été tués, selon un élu local.", "fr", "local"),
    ("Dix civils ont été tués, selon l'ONU.", "fr", "un"),
    ("Dix soldats ont été tués, selon un communiqué de l'armée.", "fr", "official"),
    ("Mali says ten soldiers killed in raid", "en", "official"),
    ("Ten soldiers were killed near Bamako.", "en", "unknown"),
    # the group's own outlet and its claim of responsibility speak for the attacker
    ("The group's weekly al-Naba, out on Thursday, claimed its men had killed more than 30 rivals.", "en", "perpetrator"),
    ("The claim said more than 40 soldiers had been killed.", "en", "perpetrator"),
    ("Dans sa revendication, le groupe dit avoir tué 40 soldats.", "fr", "perpetrator"),
    # the force that struck is not the source when the sentence names one
    ("Onze civils ont été tués par une frappe de drone de l'armée près d'Anéfis, selon des sources locales.", "fr",
     "local"),
    ("Dix civils ont été tués, selon l'Agence nationale de gestion des urgences (NEMA).", "fr", "official"),
    # those who saw it, and a group's audio message
    ("At least 35 fighters were killed, according to two fishermen who were on the island.", "en", "local"),
    ("The JAS faction, now led by a new emir, later circulated an audio message claiming its fighters had "
     "killed more than 100 apostates.", "en", "perpetrator"),
    # a report told in the imperfect: the source's word at the time; "source" qualified is no soldier
    ("Dimanche, une source militaire à Bol évoquait encore « sept terroristes neutralisés ».", "fr", "official"),
    ("Le maire avançait un bilan de douze morts.", "fr", "local"),
    ("Au lendemain de la frappe, l'état-major avait annoncé avoir neutralisé 40 terroristes.", "fr", "official"),
    # health workers counting the dead where they were treated
    ("Des sources sanitaires à Douentza font état de quatorze morts.", "fr", "local"),
    ("Health sources in Maiduguri said 14 people had died.", "en", "local"),
])
def test_claimant_types(sentence, language, ctype):
    [c] = extract_claims(sentence, language)
    assert c.claimant_type == ctype


def test_to_dict_is_the_schema_claim_object():
    [c] = extract_claims("At least 54 soldiers were killed, officials said.", "en")
    assert c.to_dict() == {"kind": "killed", "count": 54, "qualifier": "at_least", "victims": "soldiers",
                           "claimant": "officials", "claimant_type": "official"}


# --- lower bound and conservative toll ---

@pytest.mark.parametrize("count,qualifier,expected", [
    (54, "at_least", 54), (None, "dozens", 12), (12, "more_than", 13), (70, "more_than", 71), (20, "nearly", 19),
    (20, "about", 20), (30, "up_to", 30), (None, "hundreds", 100), (7, "exact", 7), (None, "exact", None),
])
def test_lower_bound(count, qualifier, expected):
    assert lower_bound(claim(count=count, qualifier=qualifier)) == expected


def test_official_count_beats_perpetrator_claim():
    assert conservative_toll([claim(count=54, qualifier="at_least"),
                              claim(count=70, qualifier="more_than", claimant_type="perpetrator")]) == 54


def test_perpetrator_claim_is_used_when_alone():
    assert conservative_toll([claim(count=70, qualifier="more_than", claimant_type="perpetrator")]) == 71


def test_lowest_credible_figure_wins():
    assert conservative_toll([claim(count=54), claim(count=60, claimant_type="local")]) == 54


def test_latest_revision_wins():
    assert conservative_toll([claim(count=19), claim(count=32, revised=True), claim(count=53, revised=True)]) == 53


def test_distinct_victim_groups_add_up():
    assert conservative_toll([claim(count=51), claim(count=160, victims="militants")]) == 211


def test_generic_total_is_not_added_to_its_parts():
    same = "The attack left 15 dead, including 8 soldiers."
    assert conservative_toll([claim(count=15, victims=None, sentence=same),
                              claim(count=8, subset=True, sentence=same)]) == 15


@pytest.mark.parametrize(("sentence", "language"), [
    ("A drone strike killed at least eight civilians, among them three children, near the well.", "en"),
    ("At least eight civilians, among them three children, were killed.", "en"),
    ("Eight villagers were killed, of whom three were children.", "en"),
    ("Au moins huit civils, parmi eux trois enfants, ont été tués.", "fr"),
])
def test_a_part_introduced_after_the_total_is_not_added_to_it(sentence, language):
    # "among them" after the dead opens the part; the total itself is no part of anything
    assert conservative_toll(extract_claims(sentence, language)) == 8


def test_same_group_in_one_report_adds_up():
    same = "50 women and 21 children were killed."
    assert conservative_toll([claim(count=50, victims="civilians", sentence=same),
                              claim(count=21, victims="civilians", sentence=same)]) == 71


def test_two_accounts_of_the_same_dead_give_the_lower():
    assert conservative_toll([claim(count=85, qualifier="at_least", victims="civilians"),
                              claim(count=120, qualifier="at_least", victims="people", claimant_type="ngo")]) == 85


def test_attackers_killed_are_added_to_their_victims():
    assert conservative_toll([claim(count=23, victims="people"), claim(count=4, victims="militants")]) == 27


def test_initial_figure_gives_way_to_a_later_one():
    assert conservative_toll([claim(count=10, victims=None, initial=True), claim(count=51)]) == 51
    assert conservative_toll([claim(count=10, victims=None, initial=True)]) == 10


def test_a_provisional_toll_keeps_its_attackers():
    s = ("Provisional toll: on the friendly side, 4 dead and 7 wounded; on the enemy side, 11 terrorists "
         "neutralised, the statement said.")
    found = extract_claims("The army reports four dead.", "en") + extract_claims(s, "en")
    assert conservative_toll(found) == 15


def test_a_list_of_counts_is_not_broken_by_an_article_inside_it():
    s = ("Rebels ambushed a convoy, killing 14 soldiers, nine members of a civilian defense militia and five "
         "civilian truck drivers.")
    found = extract_claims(s, "en")
    assert [(c.count, c.victims) for c in found] == [(14, "soldiers"), (9, "militia"), (5, "civilians")]
    assert conservative_toll(found) == 28


@pytest.mark.parametrize("sentence, language, expected", [
    ("The vigorous response of our forces made it possible to neutralise 20 terrorists.", "en", [(20, "militants")]),
    ("Sept soldats sont tombés au cours des combats.", "fr", [(7, "soldiers")]),
    ("Trois soldats sont tombés au combat.", "fr", [(3, "soldiers")]),
    ("Les soldats sont tombés dans une embuscade.", "fr", []),
])
def test_army_words_for_the_dead(sentence, language, expected):
    assert [(c.count, c.victims) for c in extract_claims(sentence, language) if c.kind == "killed"] == expected


def test_some_of_the_dead_do_not_lower_the_toll():
    texts = ["A drone strike killed 14 civilians at a well on Sunday.",
             "There were no fighters there, said a relative of two of the dead."]
    assert conservative_toll([c for t in texts for c in extract_claims(t, "en")]) == 14
    assert extract_claims("Deux des victimes étaient des enfants.", "fr")[0].subset


def test_vague_figure_only_without_a_number():
    assert conservative_toll([claim(count=None, qualifier="dozens"), claim(count=54, qualifier="at_least")]) == 54
    assert conservative_toll([claim(count=None, qualifier="dozens")]) == 12


def test_only_killed_and_not_cumulative_claims_count():
    assert conservative_toll([claim(kind="wounded", count=30)]) is None
    assert conservative_toll([claim(count=3000, is_cumulative=True)]) is None
    assert conservative_toll([]) is None


def test_toll_of_extracted_claims_end_to_end():
    found = (extract_claims("Burkina Faso says 51 soldiers killed in attack, 160 militants 'neutralised'", "en")
             + extract_claims("Islamic State claimed it had killed more than a hundred soldiers.", "en"))
    assert conservative_toll(found) == 211


def test_claim_is_immutable():
    c = claim()
    with pytest.raises(Exception):
        c.count = 3
    assert replace(c, count=3).count == 3


CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_seed_article_gives_official_54_and_perpetrator_70():
    first = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    paragraphs = first["text"].split("\n\n")
    found = extract_claims(paragraphs[0].split(". ")[0], "en", following=paragraphs[1])
    found += extract_claims(paragraphs[4], "en")
    assert conservative_toll(found) == 54
    assert ("killed", 70, "more_than", "soldiers", "perpetrator") in {
        (c.kind, c.count, c.qualifier, c.victims, c.claimant_type) for c in found}


def test_list_of_victims_shares_one_verb():
    found = claims("Gunmen killed six French aid workers, their Nigerien driver and a local guide.")
    assert found == [("killed", 6, "exact", "civilians"), ("killed", 1, "exact", "civilians"),
                     ("killed", 1, "exact", "civilians")]
    assert conservative_toll(extract_claims("Six humanitaires français de l'ONG Acted, leur guide et leur "
                                            "chauffeur nigériens ont été tués dimanche.", "fr")) == 8


def test_parts_named_after_a_total_are_a_subset():
    found = extract_claims("A rights group put the death toll at 136 and said 50 women and 21 children "
                           "were among the dead.", "en")
    assert [c.subset for c in found] == [False, True, True]
    assert conservative_toll(found) == 136
    assert [c.subset for c in extract_claims("The attack killed 40 people, 34 of them volunteers.", "en")] == [False, True]


@pytest.mark.parametrize("sentence", ["Gunmen rounded up 40 villagers, 12 of whom were killed.",
                                      "Gunmen rounded up 40 villagers, and 12 of them were killed."])
def test_the_verb_of_a_part_is_not_the_whole_s(sentence):
    assert [(c.kind, c.count) for c in extract_claims(sentence, "en")] == [("killed", 12)]


def test_a_count_of_attackers_is_not_a_toll():
    assert claims("20 gunmen stormed the village, and 12 were killed.") == [("killed", 12, "exact", None)]


def test_plural_men_after_a_possessive_is_not_one_victim():
    assert claims("It did not say whether any of its men had been killed.") == []


def test_killing_thousands_is_a_running_total():
    [c] = extract_claims("Wagner said it had helped kill thousands of jihadists.", "en")
    assert c.is_cumulative


def test_one_victim_named_with_an_article_does_not_lower_the_toll():
    found = (extract_claims("Gunmen killed six French aid workers and two Nigeriens.", "en")
             + extract_claims("A woman who tried to flee was caught and killed.", "en"))
    assert conservative_toll(found) == 8
    assert conservative_toll(extract_claims("A soldier was killed.", "en")) == 1


def test_one_of_them_refers_to_the_group_named_before():
    assert claims("The assailants were repelled, and one of them was killed, the army said.") == [
        ("killed", 1, "exact", "militants")]
    assert claims("Un assaillant a été tué lors de la riposte.", "fr") == [("killed", 1, "exact", "militants")]
    assert claims("L'un d'eux a été tué.", "fr") == [("killed", 1, "exact", None)]


def test_attackers_killed_in_the_riposte_add_to_the_toll():
    found = (extract_claims("Deux militaires ont été tués, a annoncé l'état-major.", "fr")
             + extract_claims("Un assaillant a été tué lors de la riposte.", "fr"))
    assert conservative_toll(found) == 3


def test_lost_soldiers_are_killed():
    assert claims("The army said it killed 40 terrorists and lost five soldiers.") == [
        ("killed", 40, "exact", "militants"), ("killed", 5, "exact", "soldiers")]


def test_the_attacking_group_is_not_the_source_of_the_figure():
    [c] = extract_claims("Jihadists abducted 50 women near Arbinda, residents said.", "en")
    assert (c.claimant, c.claimant_type) == ("residents", "local")
    [c] = extract_claims("L'attaque, revendiquée par l'EIGS, a fait une quarantaine de morts.", "fr")
    assert c.claimant_type == "unknown"
    [c] = extract_claims("JNIM said it killed 30 soldiers.", "en")
    assert (c.claimant, c.claimant_type) == ("JNIM", "perpetrator")


def test_the_outlet_told_is_not_the_source():
    [c] = extract_claims("Le bilan fait état de 12 morts, a indiqué à l'AFP une source sécuritaire.", "fr")
    assert (c.claimant, c.claimant_type) == ("source sécuritaire", "official")


def test_millions_are_one_count():
    [c] = extract_claims("The UN said more than 2 million people have been displaced.", "en")
    assert (c.kind, c.count, c.qualifier, c.claimant_type) == ("displaced", 2000000, "more_than", "un")


def test_a_victim_listed_with_others_counts():
    assert conservative_toll(extract_claims("Two police officers and a soldier were killed in the ambush.", "en")) == 3


def test_official_toll_is_an_official_claimant():
    [c, _] = extract_claims("Selon un bilan officiel, 11 militaires et 4 VDP ont perdu la vie.", "fr")
    assert c.claimant_type == "official"


def test_claimant_from_a_previous_sentence_that_opens_with_its_speaker():
    [c] = extract_claims("Douze soldats ont été tués.", "fr",
                         previous="L'armée malienne a annoncé lundi dans un communiqué que ses positions avaient été attaquées.")
    assert (c.claimant, c.claimant_type) == ("armée malienne", "official")


def test_previous_sentence_mentioning_a_source_in_passing_is_not_inherited():
    [c] = extract_claims("Twelve soldiers were killed.", "en",
                         previous="Reuters could not reach the army, which has been fighting in the area for years.")
    assert c.claimant_type == "unknown"


def test_group_outlet_speaks_for_the_group():
    [c] = extract_claims("JNIM, which claimed the attack in a statement carried by its Az-Zallaqa media arm, "
                         "said it had killed 30 soldiers.", "en")
    assert (c.claimant, c.claimant_type) == ("JNIM", "perpetrator")


def test_scare_quoted_victims_and_idioms_are_read_through():
    assert claims('The army said about 20 "terrorists" had been neutralised.') == [
        ("killed", 20, "about", "militants")]
    assert claims('Five soldiers "paid the supreme price" and 12 were wounded, he said.')[0] == (
        "killed", 5, "exact", "soldiers")
    assert claims("Selon l'armée, 18 « terroristes » ont été neutralisés.", "fr") == [
        ("killed", 18, "exact", "militants")]


def test_long_quotation_is_not_read_as_a_figure_of_the_sentence():
    found = extract_claims('"We buried 12 of our people yesterday after they were shot," a resident said.', "en")
    assert all(c.kind != "killed" or c.count != 12 or c.claimant for c in found)


def test_relatives_someone_lost_are_a_part_of_the_toll():
    found = (extract_claims("Gunmen killed at least 17 civilians in the village, officials said.", "en")
             + extract_claims("One resident, who lost two brothers, said the attackers came at dawn.", "en"))
    assert conservative_toll(found) == 17
    [kin] = extract_claims("Il a perdu ses deux frères dans l'attaque.", "fr")
    assert kin.subset


def test_time_words_between_verb_and_count():
    assert claims("Des hommes armés ont tué hier un conseiller municipal et un enseignant.", "fr") == [
        ("killed", 1, "exact", "civilians"), ("killed", 1, "exact", "civilians")]
    assert claims("Des assaillants ont enlevé dimanche soir vingt femmes.", "fr") == [
        ("abducted", 20, "exact", "civilians")]


def test_lone_victims_listed_together_are_counted():
    headline = extract_claims("Un conseiller municipal tué à Tongomayel", "fr")
    lead = extract_claims("Des hommes armés ont tué hier un conseiller municipal et un enseignant.", "fr")
    assert conservative_toll(headline + lead) == 2


def test_lone_attacker_and_lone_peacekeeper_still_count_beside_other_groups():
    found = (extract_claims("Un Casque bleu a été tué, a annoncé la mission.", "fr")
             + extract_claims("Une quinzaine d'assaillants ont été tués, selon l'état-major.", "fr"))
    assert conservative_toll(found) == 16


def test_group_announces_losing_its_fighters():
    assert claims("Le MSA a indiqué avoir perdu cinq de ses combattants.", "fr") == [
        ("killed", 5, "exact", "militants")]


def test_victims_also_killed_add_to_the_toll():
    found = (extract_claims("Eight Beninese soldiers were killed on Tuesday, the army said.", "en")
             + extract_claims("The army said a park ranger and a French instructor were also killed.", "en"))
    assert conservative_toll(found) == 10
    [extra] = extract_claims("Quatre assaillants ont également été tués.", "fr")
    assert extra.additional


def test_dozens_of_attackers_count_beside_a_number_of_soldiers_but_several_do_not():
    found = (extract_claims("Fifty-two Chadian soldiers were killed when fighters attacked the base, the army said.", "en")
             + extract_claims("The army said dozens of insurgents had been killed.", "en"))
    assert conservative_toll(found) == 64
    found = (extract_claims("Six soldiers were killed, the army said.", "en")
             + extract_claims("Several attackers were killed, the army said.", "en"))
    assert conservative_toll(found) == 6


def test_total_given_in_all_is_not_lowered_by_its_part():
    found = (extract_claims("The strike killed 19 civilians, the UN said.", "en")
             + extract_claims("The strike on January 3 killed 22 people in all, according to the UN report.", "en"))
    assert conservative_toll(found) == 22


def test_nearest_source_before_the_speech_verb_is_the_claimant():
    [c] = extract_claims("About 60 civilians were killed by men wearing army uniforms, the regional prosecutor said.", "en")
    assert (c.claimant, c.claimant_type) == ("prosecutor", "official")


def test_group_speaking_after_an_apposition_is_the_claimant():
    [c] = extract_claims("Le Front de libération de l'Azawad (FLA), coalition des mouvements touaregs, affirme avoir "
                         "opéré un repli et revendique la mort de sept soldats maliens.", "fr")
    assert (c.count, c.victims, c.claimant_type) == (7, "soldiers", "perpetrator")


def test_fighters_fallen_as_martyrs_are_dead():
    # "our fighters": the speaker's side, whichever it is (an armed group, a militia, an army)
    assert claims("Le MSA reconnaît que « six de nos vaillants combattants sont tombés en martyrs ».", "fr") == [
        ("killed", 6, "exact", None)]
    assert claims("Un pêcheur qui tentait de s'enfuir à la nage a été abattu par les assaillants.", "fr") == [
        ("killed", 1, "exact", "civilians")]


@pytest.mark.parametrize("language, sentence", [
    ("en", '"Dozens of men died on both sides," a local official said.'),
    ("fr", "Les combats ont fait une vingtaine de morts de part et d'autre, selon un élu local."),
])
def test_a_figure_for_both_sides_is_everyone_s_dead(language, sentence):
    claims = [c for c in extract_claims(sentence, language) if c.kind == "killed"]
    assert claims and all(c.victims is None for c in claims)


def test_fighters_killed_and_the_dead_of_both_sides_are_one_toll():
    claims = extract_claims("Dozens of fighters were killed on Friday near Tessit.", "en") + \
        extract_claims('"Dozens of men died on both sides," he said.', "en")
    assert conservative_toll(claims) == 12


@pytest.mark.parametrize("language, sentence, count", [
    ("fr", "Les corps de vingt assaillants ont été retrouvés sur le terrain.", 20),
    ("en", "The bodies of 20 attackers were found on the battlefield.", 20),
    ("fr", "Les corps des trois hommes ont été retrouvés mardi matin.", 3),
])
def test_the_bodies_of_n_people_are_n_killed(language, sentence, count):
    killed = [c.count for c in extract_claims(sentence, language) if c.kind == "killed"]
    assert killed == [count]


def test_the_bodies_of_at_least_n_attackers_after_an_elision():
    killed = [(c.count, c.qualifier, c.victims) for c in
              extract_claims("Les corps d'au moins six assaillants ont été retrouvés.", "fr") if c.kind == "killed"]
    assert killed == [(6, "at_least", "militants")]


@pytest.mark.parametrize("language, sentence, expected", [
    ("en", "Unidentified gunmen shot dead the imam of a mosque in Titao on Sunday.", [1]),
    ("en", "The village chief was killed on Friday night.", [1]),
    ("fr", "Le chef de village a été abattu samedi soir par des hommes armés.", [1]),
    ("en", "The imam said the soldiers were killed.", []),
    ("fr", "Le maire a condamné l'attaque.", []),
])
def test_an_office_one_person_holds_is_one_victim(language, sentence, expected):
    assert [c.count for c in extract_claims(sentence, language) if c.kind == "killed"] == expected


def test_the_office_holder_is_a_lone_victim_beside_a_toll():
    claims = extract_claims("Les assaillants ont abattu le chef du village, son fils et quatre autres habitants.", "fr") \
        + extract_claims("Le gouvernement a fait état de 49 morts.", "fr")
    assert conservative_toll(claims) == 49


# --- revisions, sources and addressees ---

def test_reached_revises_a_toll_only_when_a_figure_follows():
    revised = extract_claims("The death toll reached 40 on Monday, the governor said.", "en")
    assert [(c.count, c.revised) for c in revised] == [(40, True)]
    travelled = extract_claims('A resident who reached Sebba on Monday told AFP that "more than twenty" people had '
                               'been killed.', "en")
    assert [(c.count, c.revised) for c in travelled] == [(20, False)]
    assert [c.revised for c in extract_claims("Le bilan a atteint au moins 30 morts, selon les autorités.", "fr")] == [True]
    assert [c.revised for c in extract_claims("Un habitant atteint par balle est mort, portant à cinq le nombre "
                                              "de victimes.", "fr") if c.count == 1] in ([], [False])


def test_a_traditional_chief_is_a_local_source():
    found = extract_claims("A traditional chief in the area said four people had died.", "en")
    assert [(c.count, c.claimant, c.claimant_type) for c in found] == [(4, "traditional chief", "local")]
    found = extract_claims("« Onze personnes ont été tuées », témoigne un chef coutumier.", "fr")
    assert [(c.count, c.claimant_type) for c in found] == [(11, "local")]


def test_whom_a_speaker_told_is_no_victim():
    found = extract_claims('A traditional chief told a humanitarian worker that "more than a dozen" people had died.',
                           "en")
    assert [(c.count, c.qualifier, c.victims) for c in found] == [(12, "more_than", "people")]
    assert [c.count for c in extract_claims("Un habitant a confié à un journaliste que 9 civils avaient été "
                                            "tués.", "fr")] == [9]
    assert [c.count for c in extract_claims("Selon un habitant, 9 civils ont été tués.", "fr")] == [9]


def test_two_accounts_of_one_toll_in_one_sentence_are_not_added():
    sentence = ('A traditional chief told a humanitarian worker that "more than a dozen" people had died, but the '
                'administrative authorities maintained the toll of nine on Monday.')
    assert conservative_toll(extract_claims(sentence, "en")) == 9


def test_a_perpetrators_boast_does_not_replace_a_provisional_toll():
    lead = extract_claims("Le bilan provisoire fait état de deux soldats tués et de quatre blessés.", "fr")
    boast = extract_claims("Le CSP-DPA a affirmé avoir tué seize soldats.", "fr")
    vague = extract_claims("« Plusieurs terroristes ont été neutralisés », ajoute l'armée.", "fr")
    assert [c.initial for c in lead if c.kind == "killed"] == [True]
    assert conservative_toll(lead + boast + vague) == 2


def test_an_ordinal_victim_is_the_toll_so_far_unless_another_count_came_first():
    third = extract_claims("A third Togolese peacekeeper has died of his wounds, the UN mission said.", "en")
    assert [(c.count, c.revised) for c in third] == [(3, True)]
    assert [(c.count, c.revised) for c in extract_claims("Un troisième soldat a succombé à ses blessures.", "fr")] == [
        (3, True)]
    one_more = extract_claims("Deux policiers ont été tués et un troisième blessé.", "fr")
    assert [(c.kind, c.count) for c in one_more] == [("killed", 2), ("wounded", 1)]
    # the revised total holds beside a lower account of the same dead
    earlier = extract_claims("Two peacekeepers were killed instantly and four others wounded.", "en")
    later = extract_claims("One of the wounded died overnight.", "en")
    assert [c.count for c in later] == [1]      # read once, not as "one" and as "one of them"
    assert conservative_toll(third + earlier + later) == 3


@pytest.mark.parametrize("sentence, language", [
    ("Between 15 and 20 farmers were killed by jihadists.", "en"),
    ("Gunmen killed 15 to 20 people in the village.", "en"),
    ("Gunmen killed 15-20 people in the village.", "en"),
    ("Entre 15 et 20 membres du groupe d'autodéfense ont été tués.", "fr"),
    ("De 15 à 20 civils ont été tués.", "fr"),
    ("Fifteen or twenty soldiers were killed, a local source said.", "en"),
    ("Les combats auraient coûté la vie à « quinze ou vingt » militaires.", "fr"),
])
def test_a_range_is_one_count_at_least_its_lower_end(sentence, language):
    assert [(c.kind, c.count, c.qualifier) for c in extract_claims(sentence, language)] == [("killed", 15, "at_least")]


def test_figures_far_apart_joined_by_or_are_no_range():
    assert [c.count for c in extract_claims("Two or 10 people died, the reports differ.", "en")] == [2, 10]


def test_a_dateline_day_before_a_spelled_count_is_no_range():
    assert claims("OUAGADOUGOU, Feb 20 - Fifty-one soldiers were killed on Friday.") == [
        ("killed", 51, "exact", "soldiers")]


def test_the_enemys_losses_are_the_militants():
    assert claims('"The enemy lost some 30 men and a large quantity of weapons," he said.') == [
        ("killed", 30, "about", "militants")]
    assert claims("L'ennemi a perdu une dizaine d'hommes, selon l'armée.", "fr")[0][3] == "militants"
    assert claims("Thirty men were killed in the village.")[0][3] == "civilians"


def test_a_toll_whose_noun_has_an_adjective_and_a_parenthetical():
    assert claims("Seize civils peuls, dont des femmes et des enfants, ont été tués dimanche.", "fr") == [
        ("killed", 16, "exact", "civilians")]
    assert claims("Twelve Fulani herders, among them two boys, were killed on Sunday.")[0] == (
        "killed", 12, "exact", "civilians")
    # ... but a kind word is never taken for the adjective: "dix-huit civils tués », dont ..., et une trentaine de blessés"
    assert claims("Il fait état d'« au moins dix-huit civils tués », dont trois femmes, et d'une trentaine de blessés.",
                  "fr")[0] == ("killed", 18, "at_least", "civilians")


def test_a_security_guard_shot_dead_is_one_victim():
    assert claims("Un agent de sécurité a été tué par balle en tentant de s'interposer.", "fr") == [
        ("killed", 1, "exact", "civilians")]
    assert claims("A security guard was shot dead at the school gate.") == [("killed", 1, "exact", "civilians")]


def test_boats_or_depots_in_a_toll_are_not_dead():
    assert claims("Le bilan fait état de « plusieurs dizaines de terroristes neutralisés », de la destruction de "
                  "plusieurs embarcations et d'un dépôt de carburant.", "fr") == [("killed", None, "dozens", "militants")]


def test_a_communique_results_list_with_counts_echoed_in_digits():
    got = claims("Bilan : côté ennemi, dix-huit (18) terroristes neutralisés, une dizaine de motos détruites ; côté "
                 "ami, deux (02) soldats et un (01) Volontaire pour la défense de la patrie (VDP) tombés les armes à "
                 "la main, cinq (05) blessés pris en charge.", "fr")
    assert got == [("killed", 18, "exact", "militants"), ("killed", 2, "exact", "soldiers"),
                   ("killed", 1, "exact", "vdp"), ("wounded", 5, "exact", None)]


def test_a_predicate_belongs_to_the_count_next_to_it():
    # the two are the sources; the five were killed
    assert claims("Deux sources militaires jointes lundi font état de cinq soldats tués et de huit blessés.", "fr") == [
        ("killed", 5, "exact", "soldiers"), ("wounded", 8, "exact", None)]
    # ... but a list shares it
    assert claims("Six humanitaires français et deux Nigériens ont été tués.", "fr") == [
        ("killed", 6, "exact", "civilians"), ("killed", 2, "exact", "civilians")]


def test_their_dead_is_no_lone_victim():
    assert claims("Another resident said the fighters later buried their dead.") == []


def test_the_dead_someone_buried_are_a_local_count():
    assert [(c.kind, c.count, c.claimant_type) for c in extract_claims(
        "« Nous avons enterré quinze personnes », affirme un responsable, tandis qu'un élu évoque « au moins dix-sept "
        "morts ».", "fr")][:2] == [("killed", 15, "local"), ("killed", 17, "local")]
    assert claims("We buried 21 people on Sunday night, a resident said.") == [("killed", 21, "exact", "people")]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Le chauffeur du car a été tué par balles alors qu'il tentait de s'enfuir.", "fr"),
    ("Son gardien a été tué lors de l'enlèvement.", "fr"),
    ("The driver was shot dead as he tried to flee.", "en"),
    ("Their driver was killed in the ambush.", "en"),
])
def test_the_one_holder_of_a_post_killed_is_one_dead(sentence, language):
    assert [(c.kind, c.count) for c in extract_claims(sentence, language)] == [("killed", 1)]


def test_an_age_is_no_count():
    found = extract_claims("Le maire, 58 ans, et son adjoint ont été tués.", "fr")
    assert 58 not in {c.count for c in found}


@pytest.mark.parametrize(("sentence", "language", "toll"), [
    ("Un collectif a recensé « au moins 28 personnes exécutées sommairement » et affirme que le bilan pourrait "
     "dépasser quarante morts.", "fr", 28),
    ("At least 12 people were killed and the toll may exceed 20, a source said.", "en", 12),
    ("Officials said the toll could rise to 50 as more bodies are found, after 32 people were killed.", "en", 32),
])
def test_a_guessed_toll_is_no_count(sentence, language, toll):
    assert conservative_toll(extract_claims(sentence, language)) == toll


def test_feminine_participles_report_deaths():
    found = extract_claims("Au moins 28 personnes ont été exécutées et six femmes abattues.", "fr")
    assert [(c.kind, c.count) for c in found] == [("killed", 28), ("killed", 6)]



def test_local_sources_heavier_toll_does_not_replace_a_provisional_official_one():
    lead = extract_claims("« Le bilan provisoire est d'au moins 21 civils tués », précise le communiqué officiel.", "fr")
    local = extract_claims("Des sources locales évoquent un bilan plus lourd, entre 30 et 35 morts.", "fr")
    assert [c.initial for c in lead if c.kind == "killed"] == [True]
    assert conservative_toll(lead + local) == 21
    # an official figure that comes later still replaces the provisional one
    assert conservative_toll([claim(count=21, victims=None, initial=True), claim(count=30, victims=None)]) == 30
    # ... and so does a local figure said to be a revised toll
    assert conservative_toll([claim(count=21, victims=None, initial=True),
                              claim(count=30, victims=None, claimant_type="local", revised=True)]) == 30


@pytest.mark.parametrize(("sentence", "language"), [
    ("Son maire, Lassina Diarra, 58 ans, a été abattu devant son domicile.", "fr"),
    ("Un homme âgé de 62 ans a été abattu par des hommes armés.", "fr"),
    ("The village chief, 62, was shot dead.", "en"),
    ("A farmer aged 45 was shot dead near his field.", "en"),
    ("Un jeune homme de 19 ans qui tentait de s'enfuir a été abattu.", "fr"),
    ("Le chef du village de Sanloaga, dans le canton de Koundjoaré (préfecture de Kpendjal, région des Savanes), a été "
     "abattu samedi soir.", "fr"),
])
def test_a_victim_s_name_or_age_between_him_and_the_verb_still_makes_one_killed(sentence, language):
    assert [(c.kind, c.count) for c in extract_claims(sentence, language)] == [("killed", 1)]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Unidentified gunmen killed two Chinese nationals and a Malian security guard at the mine.", "en"),
    ("Gunmen killed two Fulani herders and a child.", "en"),
    ("Deux ressortissants chinois et un vigile malien ont été tués.", "fr"),
])
def test_a_list_goes_on_after_a_noun_of_two_words(sentence, language):
    assert conservative_toll(extract_claims(sentence, language)) == 3


@pytest.mark.parametrize(("sentence", "language"), [
    ("Le mouvement y affirme avoir tué « dix-neuf soldats » et saisi quatre véhicules.", "fr"),
    ("The movement also said it had killed 19 soldiers.", "en"),
])
def test_a_group_named_as_the_movement_claims_its_own_kills(sentence, language):
    [c] = extract_claims(sentence, language)
    assert (c.count, c.claimant_type) == (19, "perpetrator")
    army = extract_claims("Le texte fait état d'un bilan provisoire de sept morts dans les rangs de l'armée.", "fr")
    assert conservative_toll(army + [c]) == 7


def test_the_figure_a_source_now_gives_is_not_its_first_report():
    s = ("La police, qui avait d'abord fait état de douze morts, renvoie désormais aux chiffres de l'agence "
         "d'urgence : 18 morts et une quarantaine de blessés.")
    killed = [(c.count, c.initial) for c in extract_claims(s, "fr") if c.kind == "killed"]
    assert killed == [(12, True), (18, False)]
    local = extract_claims("Un responsable local a évoqué 24 morts.", "fr")
    assert conservative_toll(extract_claims(s, "fr") + local) == 18


def test_the_group_s_propaganda_is_the_group_s_claim():
    s = ("Le ministre met en garde contre les informations diffusées sur les réseaux sociaux par la propagande "
         "terroriste, faisant état d'une dizaine de militaires tués.")
    [c] = extract_claims(s, "fr")
    assert (c.count, c.claimant_type) == (10, "perpetrator")
    army = extract_claims("Le bilan provisoire est de trois militaires tués et dix terroristes neutralisés.", "fr")
    assert conservative_toll(army + [c]) == 13


def test_an_outlet_speaks_for_the_group_named_before_it():
    s = "JNIM claimed the attack through its az-Zallaqa outlet, saying it had killed 30 soldiers."
    [c] = extract_claims(s, "en")
    assert (c.count, c.claimant, c.claimant_type) == (30, "JNIM", "perpetrator")


@pytest.mark.parametrize(("sentence", "language", "toll"), [
    ("Onze hommes ont été tués dans le hameau principal, trois bergers au puits situé à la sortie du village, et deux "
     "adolescents qui tentaient de fuir vers la brousse ont été rattrapés et abattus.", "fr", 16),
    ("Five soldiers were killed in Boni, three civilians in Douentza and two herders near Hombori.", "en", 10),
    # no place of its own: a list of parts after a colon, a second harm, another time
    ("Human Rights Watch compiled a list of 13 dead: four women, two elderly men and seven children.", "en", 13),
    ("En mars, plus de 130 villageois avaient été tués dans la région de Tahoua, et en janvier, une centaine "
     "d'habitants de deux villages de la commune de Tondikiwindi avaient été massacrés.", "fr", 131),
])
def test_a_verb_said_once_holds_for_the_counts_listed_after_it_each_with_its_place(sentence, language, toll):
    assert conservative_toll(extract_claims(sentence, language)) == toll


def test_a_bare_count_with_the_definite_article_is_people_already_counted():
    lead = extract_claims("Onze hommes ont été tués dans le hameau, trois bergers au puits.", "fr")
    again = extract_claims("Les trois sont morts là-bas.", "fr")
    assert [c.subset for c in again] == [True]
    assert conservative_toll(lead + again) == 14


@pytest.mark.parametrize(("sentence", "expected"), [
    ("- 4 mil KIA, 2 WIA, WIA evac to Sevare by road per sec. src.", [("killed", 4), ("wounded", 2)]),
    ("6 KIA and 3 WIA in the ambush.", [("killed", 6), ("wounded", 3)]),
    ("Three soldiers were killed in action.", [("killed", 3)]),
    ("He drove a Kia pickup to the market.", []),
])
def test_the_abbreviations_of_security_briefs(sentence, expected):
    assert [(c.kind, c.count) for c in extract_claims(sentence, "en")] == expected


@pytest.mark.parametrize(("sentence", "language"), [
    ("La police a fait état d'« au moins neuf civils tués », en plus des deux kamikazes.", "fr"),
    ("Nine civilians were killed in addition to the two bombers.", "en"),
])
def test_the_dead_named_on_top_of_a_toll_are_added_to_it(sentence, language):
    assert conservative_toll(extract_claims(sentence, language)) == 11


@pytest.mark.parametrize(("sentence", "language"), [
    ("It said its men had \"killed more than a dozen soldiers\" and captured vehicles.", "en"),
    ("Le mouvement a diffusé un message affirmant que ses combattants ont tué 13 soldats.", "fr"),
])
def test_a_count_of_what_its_men_killed_is_the_attackers_own(sentence, language):
    [c] = extract_claims(sentence, language)
    assert c.claimant_type == "perpetrator" and conservative_toll([c]) == 13


@pytest.mark.parametrize(("sentence", "language"), [
    ("The provisional toll is as follows: on the friendly side, seven martyrs and eighteen wounded; on the enemy "
     "side, forty-six terrorists neutralised.", "en"),
    ("Le bilan côté ami est de sept martyrs et dix-huit blessés ; côté ennemi, quarante-six terroristes neutralisés.",
     "fr"),
])
def test_an_army_s_martyrs_are_its_dead(sentence, language):
    assert conservative_toll(extract_claims(sentence, language)) == 53


def test_a_toll_that_includes_the_bombers_is_everyone_s_and_the_victims_own_figure_a_part_of_it():
    lead = extract_claims("Two female suicide bombers blew themselves up at a market, killing five people besides "
                          "themselves, police said.", "en")
    quote = extract_claims('"Seven people died, including the two suicide bombers, while 15 others were injured," he '
                           'said.', "en")
    assert conservative_toll(lead + quote) == 7
    # a local source's higher toll with the bombers does not replace the official one
    official = extract_claims("Le bilan provisoire est de neuf civils tués, en plus des deux kamikazes, selon le "
                              "gouverneur.", "fr")
    hospital = extract_claims("Une source hospitalière avance un bilan de treize morts, dont les deux kamikazes.", "fr")
    assert conservative_toll(official + hospital) == 11


@pytest.mark.parametrize(("sentence", "language"), [
    ("Les policiers ont riposté et l'un des assaillants a été abattu.", "fr"),
    ("Côté assaillants, un corps a été retrouvé après les combats.", "fr"),
])
def test_one_attacker_killed(sentence, language):
    assert [(c.kind, c.count, c.victims) for c in extract_claims(sentence, language)] == [("killed", 1, "militants")]


@pytest.mark.parametrize(("sentence", "language"), [
    ("Les assaillants ont pris la fuite après un échange de tirs, laissant trois de leurs morts sur le terrain.", "fr"),
    ("The attackers fled, leaving three of their dead behind.", "en"),
])
def test_the_dead_the_attackers_left_behind_are_theirs(sentence, language):
    assert [(c.kind, c.count, c.victims) for c in extract_claims(sentence, language)] == [("killed", 3, "militants")]


def test_one_of_the_deadliest_is_no_victim():
    assert [(c.count, c.victims) for c in extract_claims("C'est un des plus meurtriers : deux soldats ont été tués.",
                                                         "fr")] == [(2, "soldiers")]


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("Un vieil homme qui tentait de s'opposer à l'enlèvement de ses petits-enfants a été abattu.", "fr",
     [("killed", 1)]),
    ("A farmer who had refused to pay the levy imposed by the gunmen on the village was shot dead.", "en",
     [("killed", 1)]),
    # not past the clause of a count of several: its verb may be another's
    ("Deux soldats qui escortaient le convoi vers la ville où des civils avaient été tués sont rentrés.", "fr", []),
])
def test_a_lone_victim_s_relative_clause_stands_between_him_and_the_verb(sentence, language, expected):
    assert [(c.kind, c.count) for c in extract_claims(sentence, language)] == expected


def test_several_killed_alone_is_an_unknown_toll():
    claims_ = extract_claims("The rebels said they had captured two vehicles and \"killed several soldiers\".", "en")
    assert [c.qualifier for c in claims_] == ["several"] and conservative_toll(claims_) is None


def test_the_men_a_security_official_says_we_lost_are_soldiers():
    said = "Un responsable sécuritaire a raconté l'embuscade sous couvert d'anonymat."
    quote = "« Nous avons perdu près de vingt hommes et plusieurs véhicules », a-t-il dit."
    [c] = extract_claims(quote, "fr", previous=said)
    assert (c.count, c.victims) == (20, "soldiers")
    title = extract_claims("Mali : près de vingt soldats tués dans une embuscade", "fr")
    assert conservative_toll(title + [c]) == 19


def test_a_list_of_the_dead_keeps_its_own_verb_and_a_native_of_the_village_is_a_local_source():
    toll = extract_claims("« Le bilan provisoire fait état de neuf hommes, trois femmes et un nourrisson tués, ainsi que "
                          "de plusieurs blessés évacués vers Boulsa », indique le communiqué du gouverneur.", "fr")
    assert [(c.kind, c.count) for c in toll if c.kind == "killed"] == [("killed", 9), ("killed", 3), ("killed", 1)]
    native = extract_claims("Un ressortissant du village installé à Kaya affirme pour sa part que « plus de vingt "
                            "personnes » ont perdu la vie.", "fr")
    assert [c.claimant_type for c in native] == ["local"]
    assert conservative_toll(toll + native) == 13


def test_a_customs_agent_listed_with_police_officers_is_one_more_dead():
    s = "Three police officers and a customs agent lost their lives in the attack, while two others were wounded."
    assert conservative_toll(extract_claims(s, "en")) == 4


@pytest.mark.parametrize("sentence, expected", [
    ("Deux soldats sont tombés et quatre ont été blessés.", [("killed", 2), ("wounded", 4)]),
    ("Trois gendarmes sont tombés lors de l'attaque du poste.", [("killed", 3)]),
    ("Le bilan officiel fait état de deux militaires tombés et de trois autres blessés.", [("killed", 2), ("wounded", 3)]),
    ("Deux soldats tombés dans une embuscade ont été secourus.", []),
    # fell into an ambush, or into the attackers' hands: nobody is said to have died
    ("Deux soldats sont tombés dans une embuscade près de Boni.", []),
    ("Un soldat est tombé entre les mains des assaillants.", []),
])
def test_soldiers_who_fell_are_dead_unless_they_fell_into_something(sentence, expected):
    assert [(c.kind, c.count) for c in extract_claims(sentence, "fr")] == expected


def test_others_who_fell_on_the_way_do_not_lower_the_named_count():
    found = story_claims("7 h 40. Trois autres soldats sont tombés.",
                         "Le ministère de la Défense a confirmé la mort de six militaires.", language="fr")
    assert conservative_toll(found) == 6


@pytest.mark.parametrize("sentence, language", [
    ("Des soldats ont exécuté le 14 avril au moins onze hommes.", "fr"),
    ("Soldiers executed on 14 April at least 11 men.", "en"),
    ("Les assaillants ont tué dans la nuit de samedi à dimanche au moins 11 civils.", "fr"),
])
def test_a_date_between_the_verb_and_its_count_keeps_the_verb(sentence, language):
    assert [(c.kind, c.count) for c in extract_claims(sentence, language)] == [("killed", 11)]


def test_also_after_the_sentence_s_own_earlier_figure_adds_to_it_not_to_other_reports():
    found = story_claims("Gunmen killed five residents and two soldiers, officials said.",
                         "A military source confirmed that two soldiers were killed, while a local official said five "
                         "civilians also died.")
    assert conservative_toll(found) == 7
    # a list that shares "were also killed" still comes on top of the figure before it
    found = story_claims("Eight soldiers were killed on Tuesday when their patrol hit a bomb, the army said.",
                         "The army said a park ranger and a French instructor were also killed.")
    assert conservative_toll(found) == 10


def test_soldiers_who_fell_with_arms_in_hand_are_dead():
    found = extract_claims('The army said 17 soldiers "fell with arms in hand" when the detachment was stormed.', "en")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 17, "soldiers")]


@pytest.mark.parametrize("sentence, language", [
    ("The number of people killed in the village of Dinguira, in the Barani commune of Kossi province, has risen to "
     "at least 29, a human rights collective said.", "en"),
    ("Le nombre de personnes tuées à Dinguira est passé à 29, selon un collectif.", "fr"),
])
def test_the_number_of_people_killed_rising_is_a_revised_toll(sentence, language):
    assert [(c.kind, c.count, c.revised) for c in extract_claims(sentence, language)] == [("killed", 29, True)]


def test_vdp_and_militiamen_are_one_group_s_dead():
    found = story_claims("Jihadists killed seven members of a pro-government militia in Partiaga, local sources said.",
                         "Seven Volunteers for the Defence of the Homeland (VDP) were killed, a local official said.")
    assert conservative_toll(found) == 7


def test_a_quoted_idiom_of_six_words_is_read_through():
    found = extract_claims("L'armée reconnaît des pertes : neuf soldats et cinq VDP sont « tombés les armes à la main ».",
                           "fr")
    assert [(c.kind, c.count) for c in found] == [("killed", 9), ("killed", 5)]


@pytest.mark.parametrize("sentence, expected", [
    ("Un collectif a dénoncé jeudi l'exécution d'au moins 28 civils dans le village de Débé.", [("killed", 28)]),
    ("L'exécution de 28 civils a choqué le pays.", [("killed", 28)]),
    ("Ils ont dénoncé l'enlèvement d'une vingtaine de femmes.", [("abducted", 20)]),
])
def test_a_noun_of_harm_after_an_elided_article_governs_its_count(sentence, expected):
    assert [(c.kind, c.count) for c in extract_claims(sentence, "fr")] == expected


def test_others_killed_after_those_taken_are_no_more_dead():
    found = story_claims("Armed bandits abducted dozens of people and killed three others in Kasuwar Daji, residents said.",
                         "The police said three persons were killed.")
    assert conservative_toll(found) == 3
    assert not any(c.additional for c in found if c.kind == "killed")


def test_bodies_counted_on_the_attackers_side_are_militants():
    found = extract_claims("Du côté des assaillants, une quinzaine de corps ont été dénombrés sur le terrain, selon la "
                           "même source.", "fr")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 15, "militants")]


def test_armed_men_who_shot_someone_dead_are_not_the_dead():
    found = extract_claims("Selon un élu local, une dizaine d'hommes armés, à bord de motos, ont fait irruption sur le "
                           "chantier puis ont abattu un gardien malien.", "fr")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 1, "civilians")]


def test_our_fighters_are_the_speaker_s_side_whatever_it_is():
    found = extract_claims("« Huit de nos vaillants combattants sont tombés au champ d'honneur », affirme le texte "
                           "du mouvement Dan Na Ambassagou.", "fr")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 8, None)]
    assert [c.victims for c in extract_claims("Eight of our fighters were killed, the dozo leader said.", "en")] == [None]
    assert [c.victims for c in extract_claims("Huit de ses combattants ont été tués.", "fr")] == ["militants"]
    found = story_claims("« Huit de nos vaillants combattants sont tombés au champ d'honneur », affirme le mouvement.",
                         "« Nous avons enterré huit chasseurs », précise un élu.", language="fr")
    assert conservative_toll(found) == 8


def test_a_figure_its_source_has_not_revised_is_no_initial_one():
    [c] = extract_claims("Les autorités nigériennes, qui avaient annoncé le lendemain de l'attaque un bilan de quinze "
                         "morts, n'ont pas revu ce chiffre.", "fr")
    assert (c.count, c.claimant_type, c.initial) == (15, "official", False)
    found = story_claims("OCHA a fait état lundi de vingt et un civils tués lors de l'attaque du marché de Makalondi.",
                         "Les autorités nigériennes, qui avaient annoncé le lendemain de l'attaque un bilan de quinze "
                         "morts, n'ont pas revu ce chiffre.", language="fr")
    assert conservative_toll(found) == 15
    [c] = extract_claims("Les autorités avaient annoncé un bilan de quinze morts.", "fr")
    assert c.initial


def test_kin_listed_among_other_victims_are_victims_but_kin_alone_are_a_part():
    found = extract_claims("They shot dead the traditional ruler, two of his sons and a guard.", "en")
    assert conservative_toll(found) == 4
    found = story_claims("Twelve people were killed in the raid, police said.",
                         "A farmer who lost two brothers said the gunmen came at night.")
    assert conservative_toll(found) == 12


def test_kin_listed_with_their_relative_are_victims_beside_him():
    assert conservative_toll(extract_claims(
        "Jihadists stormed the village on Monday, killing the village chief and his two sons, residents said.",
        "en")) == 3
    assert conservative_toll(extract_claims("Des hommes armés ont tué le chef du village et ses deux fils lundi.",
                                            "fr")) == 3
    # someone's own relatives lost are still a part of a toll told beside them
    found = story_claims("Twelve people were killed in the raid, police said.",
                         "A farmer who lost his wife and his two sons said the gunmen came at night.")
    assert conservative_toll(found) == 12


def test_an_office_holder_listed_before_others_under_their_plural_predicate_is_one_more_dead():
    assert conservative_toll(extract_claims(
        "The driver and three passengers, including a woman, were killed on the spot.", "en")) == 4
    assert conservative_toll(extract_claims("Le chauffeur et trois passagers ont été tués, selon la police.",
                                            "fr")) == 4
    # wounded together, nobody is dead
    assert conservative_toll(extract_claims("The driver and three passengers were wounded.", "en")) is None
    # the holder named with an elided article, his office's place after him
    assert conservative_toll(extract_claims("L'imam du village et trois fidèles ont été tués, selon une source "
                                            "sécuritaire.", "fr")) == 4
    assert claims("L'imam a été abattu devant la mosquée.", "fr") == [("killed", 1, "exact", "civilians")]


def test_counts_listed_after_a_colon_break_down_the_count_before_it():
    found = extract_claims("Le bilan établi par les autorités fait état de huit (8) personnes enlevées : cinq femmes, "
                           "dont une jeune mariée, et trois garçons âgés de 12 à 16 ans.", "fr")
    assert {c.kind for c in found} == {"abducted"} and conservative_toll(found) is None
    found = extract_claims("The toll stood at 14 people killed: eight soldiers and six civilians.", "en")
    assert [(c.count, c.subset) for c in found] == [(14, False), (8, True), (6, True)]
    assert conservative_toll(found) == 14
    # a count with its own kind after the colon is no part
    assert conservative_toll(extract_claims("Two soldiers were killed: the attackers fled, leaving 12 of their "
                                            "fighters dead.", "en")) == 14


def test_police_and_vigilantes_counted_by_their_own_names_are_their_own_groups():
    assert claims("Two (2) police officers and four (4) members of the vigilance group lost their lives.") == [
        ("killed", 2, "exact", "police"), ("killed", 4, "exact", "militia")]
    assert claims("The Republican Police said two officers had been killed and one wounded.")[0] == (
        "killed", 2, "exact", "police")
    # the same two police, told by another voice as a side that "lost two men"
    found = story_claims("The police said two police officers were killed in the ambush.",
                         "\"The police lost two men,\" the vigilante leader said.")
    assert {c.victims for c in found} == {"police"} and conservative_toll(found) == 2


def test_one_victim_after_d_un_is_a_count():
    assert conservative_toll(extract_claims("L'armée fait état de deux soldats et d'un éco-garde tués, ainsi que de "
                                            "quatre assaillants abattus.", "fr")) == 7
    assert claims("Le bilan fait état d'un soldat tué et de trois blessés dans les rangs de l'armée.", "fr") == [
        ("killed", 1, "exact", "soldiers"), ("wounded", 3, "exact", None)]
    assert conservative_toll(extract_claims("Le bilan fait état d'un militaire tué et de deux civils tués.", "fr")) == 3
    # a source introduced by "d'un" is no victim
    assert claims("Selon le témoignage d'un habitant, les assaillants ont tué deux bergers.", "fr") == [
        ("killed", 2, "exact", "civilians")]


@pytest.mark.parametrize("sentence, language", [
    ("Six personnes, dont le kamikaze, ont été tuées dimanche matin.", "fr"),
    ("Six personnes, dont les deux kamikazes, ont été tuées dimanche.", "fr"),
    ("Six people were killed, among them the suicide bomber.", "en"),
])
def test_a_toll_that_names_the_bombers_among_its_dead_counts_every_side(sentence, language):
    [c] = extract_claims(sentence, language)
    assert c.all_sides and conservative_toll([c]) == 6


def test_the_bombers_count_apart_when_the_figure_kept_is_not_the_one_that_holds_them():
    found = story_claims("Selon le gouverneur, le bilan provisoire est de neuf civils tués, en plus des deux kamikazes.",
                         "Une source hospitalière avance un bilan de treize morts, dont les deux kamikazes.",
                         language="fr")
    assert conservative_toll(found) == 11
    found = story_claims("Selon le gouverneur, six personnes, dont le kamikaze, ont été tuées.",
                         "Un premier bilan de l'état-major faisait état de deux soldats tués et d'un terroriste "
                         "neutralisé.", language="fr")
    assert conservative_toll(found) == 6


def test_a_pronoun_that_speaks_is_the_previous_sentence_s_subject():
    previous = ("Le Groupe de soutien à l'islam et aux musulmans (JNIM), lié à Al-Qaïda, a revendiqué l'embuscade dès "
                "le lendemain.")
    [c] = extract_claims("Il affirme avoir tué « plus de vingt soldats » et incendié une trentaine de citernes.", "fr",
                         previous)
    assert c.claimant_type == "perpetrator"
    found = extract_claims("L'armée affirme que huit terroristes ont été tués et reconnaît deux morts dans ses rangs.",
                           "fr") + [c]
    assert conservative_toll(found) == 10


def test_a_group_counting_its_own_dead_is_believed_unless_another_source_gives_the_total():
    army = extract_claims("The army said three soldiers had been killed and four wounded.", "en")
    own = extract_claims("It said two of its own fighters had been killed.", "en",
                         'The Azawad Liberation Front (FLA) said its fighters had killed "more than 20 soldiers".')
    assert [(c.claimant_type, c.admission) for c in own] == [("perpetrator", True)]
    assert conservative_toll(army + own) == 5
    total = extract_claims("Un élu local évoque un bilan d'au moins quatorze morts.", "fr")
    own = extract_claims("Le mouvement revendique dix-sept jihadistes tués et reconnaît la perte de trois de ses "
                         "combattants.", "fr", "Le MSA a publié un communiqué dimanche.")
    assert conservative_toll(total + own) == 14


def test_a_vague_figure_replaces_no_provisional_number():
    found = story_claims("The government said dozens of attackers were killed in the fighting.",
                         '"The provisional toll is as follows: on the friendly side, six (06) killed and twenty (20) '
                         'wounded; on the enemy side, thirty-seven (37) terrorists neutralised," the statement said.')
    assert conservative_toll(found) == 43


def test_a_named_body_giving_its_own_higher_toll_with_its_parts_is_its_own_claimant_and_the_lower_stands():
    found = story_claims("Its spokesman said four persons were killed and three others injured.",
                         "CAN, however, put the death toll at seven, saying three worshippers who ran into the bush "
                         "were later found dead.")
    assert [(c.count, c.claimant) for c in found if c.kind == "killed"] == [(4, "spokesman"), (7, "CAN"), (3, "CAN")]
    assert conservative_toll(found) == 4


def test_a_list_set_off_after_a_toll_breaks_it_down_with_its_kind():
    found = extract_claims("Selon une source sécuritaire, au moins quatorze personnes ont été tuées, huit soldats et six "
                           "VDP, et une dizaine d'autres blessées.", "fr")
    assert [(c.kind, c.count, c.subset) for c in found][:3] == [("killed", 14, False), ("killed", 8, True),
                                                                 ("killed", 6, True)]
    assert found[3].kind == "wounded"
    assert conservative_toll(found) == 14


def test_it_said_before_a_figure_names_the_sentence_s_speaker_not_the_nearest_name():
    [c] = extract_claims("The CSP said in a statement that its fighters had withdrawn from Tarkint after inflicting "
                         "heavy losses on the army and the Russians, whom it said had lost 12 men.", "en")
    assert (c.count, c.claimant, c.claimant_type) == (12, "CSP", "perpetrator")


def test_people_taken_then_shot_are_killed():
    assert claims("Armed men seized four men accused of passing information to the army and shot them dead near "
                  "the market.") == [("killed", 4, "exact", "civilians")]
    assert claims("Des hommes armés ont enlevé quatre bergers avant de les abattre à la sortie du village.", "fr")[0][:2] == (
        "killed", 4)
    assert claims("Gunmen abducted 20 passengers and took them to the forest.")[0][:2] == ("abducted", 20)


def test_residents_who_put_the_number_of_dead_at_a_figure_are_its_claimant():
    found = extract_claims("Amnesty said it had verified the identities of 14 civilians killed; residents it interviewed "
                           "put the number of dead at 23.", "en")
    assert [(c.count, c.claimant_type) for c in found] == [(14, "ngo"), (23, "local")]


def test_members_of_a_body_named_in_full_with_its_abbreviation_are_counted_with_their_verb():
    found = extract_claims("Three soldiers and nine members of the Volunteers for the Defence of the Homeland (VDP) were "
                           "killed and about 15 others wounded, the minister said.", "en")
    assert [(c.kind, c.count, c.victims) for c in found][:2] == [("killed", 3, "soldiers"), ("killed", 9, "vdp")]


def test_a_qualifier_after_an_opening_quote_still_qualifies():
    [c] = extract_claims("Burkina Faso: government says 'more than 50 terrorists' killed in failed attack", "en")
    assert (c.count, c.qualifier) == (50, "more_than")


def test_volunteers_who_fell_with_their_weapons_in_hand_are_dead():
    found = extract_claims("About thirty terrorists were neutralised, while four VDP “fell with their weapons in hand” and "
                           "seven others were wounded.", "en")
    assert [(c.kind, c.count) for c in found] == [("killed", 30), ("killed", 4), ("wounded", 7)]
    assert conservative_toll(found) == 34


def test_a_toll_announced_at_the_end_of_an_operation_is_its_running_total():
    found = extract_claims("L'état-major avait annoncé, à la fin de l'opération, la mort de « plus de 1 000 terroristes » "
                           "et la perte de 52 soldats.", "fr")
    assert found and all(c.is_cumulative for c in found)


def test_people_beaten_or_stabbed_to_death_are_killed_and_beaten_alone_are_wounded():
    assert claims("Families accused a Koglweogo group of beating four men to death.")[0][:2] == ("killed", 4)
    assert claims("Gunmen stabbed three farmers to death.")[0][:2] == ("killed", 3)
    assert claims("Vigilantes were accused of beating two suspects.")[0][:2] == ("wounded", 2)


@pytest.mark.parametrize("sentence", [
    "At least 17 fighters of the Movement for the Salvation of Azawad (MSA), a pro-government armed group, were "
    "killed on Sunday when Islamic State militants attacked their positions.",
    "At least 17 fighters of the MSA, a pro-government armed group, were killed on Sunday.",
])
def test_a_count_whose_group_is_named_and_described_before_the_verb(sentence):
    assert claims(sentence) == [("killed", 17, "at_least", "militants")]


@pytest.mark.parametrize("sentence, language", [
    ('"We lost at least 17 of our men, and the enemy also suffered heavy losses," the spokesman said.', "en"),
    ("« Nous avons perdu douze de nos hommes », a déclaré le porte-parole du mouvement.", "fr"),
])
def test_our_men_are_the_speaker_s_side_not_civilians(sentence, language):
    assert [c[3] for c in claims(sentence, language)] == [None]


def test_a_named_body_with_its_abbreviation_before_the_verb_keeps_the_count():
    sentence = ("Au moins vingt soldats et Volontaires pour la défense de la patrie (VDP) ont été tués lundi à l'aube "
                "lors de l'attaque du poste militaire de Koulpissi.")
    # one count of both groups
    assert claims(sentence, "fr") == [("killed", 20, "at_least", None)]


@pytest.mark.parametrize("sentence, language, side", [
    ('"ISWAP lost at least 35 men," a security source said.', "en", "militants"),
    ("L'armée a perdu douze hommes dans l'embuscade, selon une source locale.", "fr", "soldiers"),
    ("The MSA confirmed it had lost 11 men and said the assailants had suffered heavy losses.", "en", "militia"),
    ("They said they lost 12 men.", "en", None),
])
def test_men_a_side_lost_are_that_side_s_not_civilians(sentence, language, side):
    assert [c[3] for c in claims(sentence, language)] == [side]


def test_a_raised_toll_holds_the_dead_told_on_the_way():
    found = story_claims(
        "Le bilan de l'explosion d'un engin explosif improvisé au passage d'un minibus s'est alourdi à dix morts, "
        "selon des sources sécuritaires.",
        "Sept passagers sont morts sur le coup.",
        "Trois autres ont succombé à leurs blessures au centre médical de Gorom-Gorom.", language="fr")
    assert conservative_toll(found) == 10


@pytest.mark.parametrize("previous, sentence, language", [
    ("Le FLA a d'ailleurs revendiqué l'affrontement dimanche, sur les réseaux sociaux.",
     "Son porte-parole affirme que ses combattants ont infligé « au moins quinze morts » à l'armée.", "fr"),
    ("JNIM claimed the ambush on Sunday.", "Its spokesman said the group's fighters had killed 15 soldiers.", "en"),
])
def test_the_spokesman_of_the_group_that_claimed_the_attack_speaks_for_it(previous, sentence, language):
    [c] = extract_claims(sentence, language, previous)
    assert c.claimant_type == "perpetrator"


def test_a_spokesman_after_no_claim_of_the_attack_is_still_official():
    [c] = extract_claims("Its spokesman said 15 soldiers had been killed.", "en",
                         "The army confirmed the attack on Sunday.")
    assert c.claimant_type == "official"


@pytest.mark.parametrize("previous, sentence, language, count", [
    ("Un premier bilan communiqué dimanche soir par une source sécuritaire faisait état de quatre morts.",
     "Il a été porté à cinq ce lundi après le décès d'un blessé évacué à Kaya.", "fr", 5),
    ("The initial toll was 12 dead, police said.", "It has since risen to 15, officials said.", "en", 15),
])
def test_a_raised_toll_told_with_a_pronoun(previous, sentence, language, count):
    [c] = extract_claims(sentence, language, previous)
    assert (c.kind, c.count, c.revised) == ("killed", count, True)
    assert conservative_toll(extract_claims(previous, language) + [c]) == count


def test_a_pronoun_with_no_toll_before_it_is_no_toll():
    assert extract_claims("Il a été porté à cinq ce lundi.", "fr", "Le maire a été reçu par le préfet.") == []


@pytest.mark.parametrize("sentence, language", [
    ("Ils parlent de sept ou huit soldats tués, un chiffre qui n'a pas été confirmé.", "fr"),
    ("Residents spoke of seven or eight soldiers killed in the attack.", "en"),
])
def test_two_close_figures_joined_by_or_after_a_preposition_are_one_range(sentence, language):
    assert claims(sentence, language) == [("killed", 7, "at_least", "soldiers")]


def test_a_toll_that_counts_the_bomber_herself_is_every_side_s_dead():
    found = story_claims(
        "Samedi soir, une femme kamikaze s'est fait exploser au milieu d'une foule rassemblée pour un mariage, tuant au "
        "moins neuf personnes, elle comprise, selon le gouverneur.",
        "« Huit civils ont été tués sur le coup ou ont succombé à leurs blessures, et la kamikaze est morte », a "
        "déclaré le gouverneur.", language="fr")
    assert found[0].all_sides and conservative_toll(found) == 9


@pytest.mark.parametrize("sentence, language, claimant", [
    ("Islamic State's weekly al-Naba newsletter said on Monday that its fighters had killed 40 members of JNIM.",
     "en", "al-Naba"),
    ("L'hebdomadaire Al-Naba a affirmé que ses combattants avaient tué 40 membres du JNIM.", "fr", "Al-Naba"),
])
def test_a_group_s_newsletter_named_before_its_verb_is_the_perpetrator_s_claim(sentence, language, claimant):
    [found] = extract_claims(sentence, language)
    assert (found.count, found.claimant, found.claimant_type) == (40, claimant, "perpetrator")


@pytest.mark.parametrize("sentence, language", [
    ("The clash left dozens dead on both sides, local sources said, as the two groups compete for control of "
     "the area.", "en"),
    ("Les combats ont fait des dizaines de morts, alors que les deux groupes se disputent le contrôle de la zone.",
     "fr"),
])
def test_the_two_groups_fighting_are_no_count_of_the_dead(sentence, language):
    assert [c[:3] for c in claims(sentence, language)] == [("killed", None, "dozens")]


@pytest.mark.parametrize("sentence, language, group", [
    ("Un porte-parole de la confrérie des chasseurs du cercle affirme que « plus d'une vingtaine de terroristes » "
     "ont été tués.", "fr", "confrérie des chasseurs"),
    ("Un porte-parole des dozos affirme que plus d'une vingtaine de terroristes ont été tués.", "fr", "dozos"),
    ("A spokesman for the hunters' militia said more than 20 terrorists were killed.", "en", "hunters' militia"),
])
def test_a_spokesman_for_a_militia_gives_a_party_s_claim_not_an_official_one(sentence, language, group):
    [found] = extract_claims(sentence, language)
    assert (found.count, found.claimant, found.claimant_type) == (20, group, "perpetrator")


def test_a_spokesman_for_the_army_stays_official():
    [found] = extract_claims("A spokesman for the army said more than 20 terrorists were killed.", "en")
    assert found.claimant_type == "official"


@pytest.mark.parametrize("sentence, language", [
    ("Mardi matin, une source sécuritaire parlait encore d'« une dizaine de militaires » tués.", "fr"),
    ("On Tuesday morning, a security source was still speaking of about ten soldiers killed.", "en"),
])
def test_a_source_still_giving_a_figure_gives_the_early_one(sentence, language):
    [found] = extract_claims(sentence, language)
    assert found.initial and found.count == 10


def test_one_victim_s_fate_told_after_the_source_s_total_does_not_lower_it():
    found = story_claims(
        "Four people, three of them women, were killed on Wednesday when their tricycle drove over an explosive "
        "device, police said.",
        "The driver died on the spot along with two passengers; a third woman succumbed to her injuries during "
        "the night, police said.")
    assert conservative_toll(found) == 4


def test_another_source_s_lone_victim_is_still_a_second_account():
    found = story_claims("Four people were killed in the blast, a local official said.",
                         "One civilian was killed, the army said.")
    assert conservative_toll(found) == 1


def test_a_regional_administration_s_note_is_an_official_count_apart_from_residents():
    found = extract_claims("Une note de l'administration régionale consultée par notre rédaction fait état de « sept "
                           "civils tués », tandis que des habitants parlent de huit morts, dont un adolescent.", "fr")
    assert [(c.count, c.claimant_type) for c in found if not c.subset] == [(7, "official"), (8, "local")]
    assert conservative_toll(found) == 7


@pytest.mark.parametrize("sentence, language", [
    ("Au moins onze militaires et VDP ont été tués dans l'embuscade.", "fr"),
    ("At least 11 soldiers and volunteers were killed in the ambush.", "en"),
])
def test_one_count_of_two_bare_nouns_is_of_both_groups(sentence, language):
    assert claims(sentence, language) == [("killed", 11, "at_least", None)]


def test_two_counts_keep_their_own_groups():
    assert claims("Eleven soldiers and three VDP were killed.") == [
        ("killed", 11, "exact", "soldiers"), ("killed", 3, "exact", "vdp")]


def test_a_fourth_soldier_bringing_the_toll_to_four_is_the_same_four_peacekeepers():
    found = story_claims(
        "The toll from Saturday's attack on the UN camp rose to four Chadian peacekeepers killed on Monday, Chad's "
        "army said.",
        "In a statement on Monday, Chad's armed forces said a fourth soldier had died on Sunday, bringing the toll "
        "to four dead.")
    assert conservative_toll(found) == 4


@pytest.mark.parametrize("sentence, language", [
    ("A local association has since compiled a list of 24 names of men killed that day.", "en"),
    ("Une association locale a dressé une liste de 24 noms de personnes tuées ce jour-là.", "fr"),
])
def test_a_list_of_names_of_the_dead_is_a_count(sentence, language):
    [found] = extract_claims(sentence, language)
    assert (found.kind, found.count, found.claimant_type) == ("killed", 24, "local")


def test_what_residents_first_spoke_of_gives_way_to_a_later_count():
    found = story_claims("Residents first spoke of about thirty dead.",
                         "A local association has since compiled a list of 24 names of men killed that day.")
    assert found[0].initial and conservative_toll(found) == 24


def test_a_total_that_equals_the_victims_and_the_bombers_told_apart_holds_them_all():
    found = story_claims(
        "Le bilan passe à sept morts, selon le préfet.",
        "Selon le préfet, cinq civils ont perdu la vie, en plus des deux kamikazes.", language="fr")
    assert conservative_toll(found) == 7


def test_attackers_killed_beside_a_total_of_the_victims_still_add_up():
    found = story_claims("Seven people were killed in the attack, the governor said.",
                         "Troops killed five of the attackers, the governor said.")
    assert conservative_toll(found) == 12


@pytest.mark.parametrize("sentence, language", [
    ("Les corps de deux pêcheurs ont été repêchés lundi, portant à quatorze le nombre de civils tués lors de "
     "l'attaque.", "fr"),
    ("Two more bodies were recovered on Monday, bringing the number of civilians killed to fourteen.", "en"),
])
def test_bringing_the_number_killed_to_n_is_the_revised_toll(sentence, language):
    found = extract_claims(sentence, language)
    assert (14, True) in [(c.count, c.revised) for c in found if c.kind == "killed"]
    assert conservative_toll(found) == 14


@pytest.mark.parametrize("sentence, language, kept", [
    ("The force said one of its drones had killed about ten fighters in western Niger, less than three weeks after "
     "the killing of six French aid workers and their two Nigerien companions.", "en", [10]),
    ("Deux soldats ont été tués mardi, trois semaines après l'attaque qui avait fait dix morts.", "fr", [2]),
])
def test_a_clause_recalling_an_older_killing_gives_none_of_its_dead(sentence, language, kept):
    assert [c.count for c in extract_claims(sentence, language)] == kept


@pytest.mark.parametrize("sentences, language", [
    (["L'état-major a fait état dans un second communiqué de neuf militaires tués.",
      "Un premier texte, publié dans la matinée, évoquait « cinq morts » dans les rangs de l'armée."], "fr"),
    (["In a second statement, the general staff said nine soldiers were killed.",
      "A first statement, issued in the morning, spoke of five dead among the troops."], "en"),
])
def test_the_figure_of_a_first_statement_gives_way_to_the_second(sentences, language):
    found = story_claims(*sentences, language=language)
    assert conservative_toll(found) == 9


def test_an_army_that_seized_power_took_no_one():
    assert claims("Enforcement is weak where the state lost ground to an Islamist insurgency and where the army has "
                  "seized power twice this year.") == []


def test_soldiers_who_fell_arms_in_hand_are_dead():
    assert claims("Deux soldats sont tombés les armes à la main.", "fr") == [("killed", 2, "exact", "soldiers")]


@pytest.mark.parametrize("sentences, language", [
    (["Les premières informations parlaient « d'une dizaine de morts ».",
      "Le bilan officiel s'établit à vingt-deux civils tués, selon un communiqué du gouverneur."], "fr"),
    (["First reports spoke of about ten dead.",
      "The official toll stands at twenty-two civilians killed, according to a statement from the governor."], "en"),
])
def test_what_first_reports_said_gives_way_to_the_official_toll(sentences, language):
    assert conservative_toll(story_claims(*sentences, language=language)) == 22


def test_what_a_group_pretends_to_have_killed_is_its_claim():
    [found] = extract_claims("Le mouvement prétend avoir tué « plus de vingt soldats ».", "fr")
    assert (found.count, found.claimant_type) == (20, "perpetrator")


def test_a_terrorist_attack_is_no_terrorist():
    assert claims("L'armée a repoussé une attaque terroriste et neutralisé vingt assaillants.", "fr") == [
        ("killed", 20, "exact", "militants")]


def test_a_side_s_admission_gives_way_to_the_other_side_s_count_of_its_dead():
    found = story_claims(
        "L'état-major affirme avoir « neutralisé une vingtaine d'assaillants » et reconnaît la perte de quatre soldats.",
        "Le mouvement reconnaît avoir perdu trois de ses combattants.", language="fr")
    assert conservative_toll(found) == 24


def test_a_quoted_figure_of_seven_words_after_the_verb_is_read():
    found = extract_claims("L'armée affirme que ses hommes ont tué « des dizaines de terroristes de Boko Haram/ISWAP ».",
                           "fr")
    assert [(c.kind, c.qualifier, c.victims) for c in found] == [("killed", "dozens", "militants")]


def test_a_part_of_a_total_is_not_every_side_s_dead():
    found = extract_claims("Le maire donne un bilan légèrement différent : douze morts au total, dont cinq dozos, et "
                           "plusieurs blessés des deux côtés.", "fr")
    assert conservative_toll(found) == 12


def test_martyrs_are_the_speakers_own_dead():
    # a group's martyrs are its fighters, the army's its soldiers; a village's are left unsaid
    assert claims("Le mouvement reconnaît avoir perdu « deux martyrs ».", "fr")[0][3] == "militants"
    assert claims("JNIM said on its Az-Zallaqa outlet that it lost four martyrs.")[0][3] == "militants"
    assert claims("Selon l'état-major, les FAMa ont perdu deux martyrs.", "fr")[0][3] == "soldiers"
    assert claims("Le maire a dit que le village a enterré ses douze martyrs.", "fr")[0][3] is None


def test_a_groups_admitted_martyrs_add_to_the_armys_dead():
    found = extract_claims("L'état-major reconnaît la perte de six militaires tombés au champ d'honneur.", "fr") \
        + extract_claims("Le mouvement, qui affirme avoir tué une vingtaine de soldats, reconnaît avoir perdu "
                         "« deux martyrs ».", "fr")
    assert conservative_toll(found) == 8


def test_livestock_lost_is_no_toll():
    assert claims("Les éleveurs estiment avoir perdu plus de quatre cents bovins.", "fr") == []
    assert claims("Herders said they lost more than 300 cattle and 40 camels.") == []


def test_the_others_killed_beside_the_bomber_are_the_toll_not_more_dead():
    [c] = extract_claims("A female suicide bomber blew herself up at a fish market, killing herself and at least "
                         "12 other people, police said.", "en")
    assert (c.kind, c.count, c.qualifier, c.additional) == ("killed", 12, "at_least", False)


def test_a_groups_count_of_the_fighters_it_lost_is_an_admission():
    [lost, claimed] = extract_claims("The CSP-DPA rebel alliance said in a communique that it had lost three "
                                     "fighters and claimed to have killed more than ten soldiers.", "en")
    assert (lost.count, lost.victims, lost.claimant_type, lost.admission) == (3, "militants", "perpetrator", True)
    army = extract_claims("Two soldiers were killed, the army said.", "en")
    assert conservative_toll(army + [lost, claimed]) == 5


def test_where_armed_groups_fought_each_other_a_toll_and_a_count_of_fighters_are_the_same_dead():
    found = extract_claims("« De part et d'autre, il y a eu une quarantaine de morts », a déclaré un élu.", "fr") \
        + extract_claims("Un notable avance le chiffre de « plus de soixante combattants tués ».", "fr")
    assert conservative_toll(found, armed_only=True) == 40
    # beside soldiers or civilians, the attackers' dead come on top
    assert conservative_toll(found) == 101
    vague = extract_claims("Des dizaines de combattants ont été tués.", "fr") \
        + extract_claims("Une source sécuritaire fait état d'au moins 32 combattants tués dans les deux camps.", "fr")
    assert conservative_toll(vague, armed_only=True) == 32


def test_a_total_whose_parts_are_left_out_is_a_second_account_beside_another_sources_figure():
    found = extract_claims("Drone strike kills at least eight civilians at fair in northern Mali, local official says",
                           "en") \
        + extract_claims("At least eight civilians were killed on Monday when a drone struck the fair at Tarkint, a local "
                         "elected official told AFP, while the rebel alliance put the toll at 11 dead.", "en")
    assert conservative_toll(found) == 8
    # one report giving both stays its total with its parts
    assert conservative_toll(extract_claims("Fifteen people were killed, 12 of them soldiers.", "en")) == 15


def test_people_who_cannot_be_found_are_missing():
    found = extract_claims("« Nous avons enterré au moins trente personnes, et trois jeunes bergers sont introuvables "
                           "depuis samedi », affirme un élu.", "fr")
    assert [(c.kind, c.count) for c in found] == [("killed", 30), ("missing", 3)]


def test_members_of_a_civilian_auxiliary_force_are_vdp_and_the_force_is_no_one_more():
    assert claims("The army says 12 soldiers and four members of its civilian auxiliary force were killed on "
                  "Monday.") == [("killed", 12, "exact", "soldiers"), ("killed", 4, "exact", "vdp")]


def test_the_french_infinitive_of_shooting_dead_counts_the_dead():
    found = extract_claims("La riposte a permis d'abattre deux assaillants.", "fr")
    assert [(c.kind, c.count, c.victims) for c in found] == [("killed", 2, "militants")]


def test_a_shell_that_fell_on_a_compound_kills_no_one_by_itself():
    # "s'abattre sur": to fall upon (a shell, a storm), not to be shot dead
    assert extract_claims("L'un d'eux s'est abattu sur une concession où une famille prenait son repas.", "fr") == []
    assert [(c.kind, c.count) for c in extract_claims("Un homme qui tentait de fuir a été abattu.", "fr")] == [
        ("killed", 1)]


@pytest.mark.parametrize("sentence, language", [
    ("Il précise que l'un des blessés, initialement donné pour mort, a été pris en charge à l'hôpital.", "fr"),
    ("One villager was left for dead by the gunmen but survived.", "en"),
])
def test_one_given_up_or_left_for_dead_is_alive(sentence, language):
    assert [c for c in extract_claims(sentence, language) if c.kind == "killed"] == []


@pytest.mark.parametrize("sentence, language, count", [
    ("A French national and two Beninese soldiers escorting him were killed when their vehicle struck a mine.", "en", 3),
    ("One contractor was killed and three were wounded when mortar rounds hit the camp.", "en", 1),
    ("Deux ingénieurs ont été tués lors de l'attaque du chantier.", "fr", 2),
])
def test_foreign_nationals_contractors_and_engineers_are_civilian_dead(sentence, language, count):
    assert sum(c.count for c in extract_claims(sentence, language) if c.kind == "killed") == count


@pytest.mark.parametrize("sentence, language", [
    ("Eleven people, seven gendarmes and four civilian contractors, were killed on Tuesday in the ambush.", "en"),
    ("Onze personnes, sept gendarmes et quatre civils, ont été tuées mardi dans l'embuscade.", "fr"),
])
def test_the_parts_set_off_between_a_total_and_its_verb_are_parts_of_it(sentence, language):
    found = [(c.count, c.victims, c.subset) for c in extract_claims(sentence, language)]
    assert found == [(11, "people", False), (7, "gendarmes", True), (4, "civilians", True)]


def test_a_total_told_apart_as_gendarmes_and_civilians_is_no_account_of_the_attackers_bodies():
    found = story_claims("Eleven people, seven gendarmes and four civilian contractors, were killed on Tuesday in the "
                         "ambush, the governor said.",
                         "The army said a dozen terrorists were neutralised.")
    assert conservative_toll(found) == 23


def test_a_group_s_claim_sent_to_a_news_agency_is_the_group_s_figure():
    found = extract_claims("Ansarul Islam claimed the attack in a message sent to a Mauritanian news agency on "
                           "Wednesday, saying its fighters had killed \"more than fifteen\" gendarmes.", "en")
    assert [(c.count, c.claimant, c.claimant_type) for c in found] == [(15, "Ansarul Islam", "perpetrator")]
