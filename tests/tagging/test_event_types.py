"""ACLED event typing of a primary incident (title first, then the lead sentences)."""

import json
import re
from pathlib import Path

import pytest

from worker.tagging import event_types
from worker.tagging.actors import find_actors
from worker.tagging.event_types import classify


def sub(sentences: list[str], language: str = "en") -> str | None:
    found = find_actors(" ".join(sentences), language)
    e = classify(sentences, found, language)
    return e.sub_event_type if e else None


CASES = [
    # Battles / armed_clash: an assault on soldiers or a base, even when it opens with mortars.
    ("en", ["Jihadists stormed an army base after mortar fire", "Eight soldiers died in the assault."], "armed_clash"),
    ("fr", ["Des jihadistes ont pris d'assaut un camp militaire après des tirs d'obus",
            "Huit soldats ont été tués."], "armed_clash"),
    # An IED ambush followed by gunfire is a Battle.
    ("en", ["An IED struck a convoy, then gunmen opened fire", "Four soldiers were killed in the ambush."], "armed_clash"),
    ("fr", ["Un convoi de l'armée tombe dans une embuscade",
            "Un engin explosif a frappé le premier véhicule avant que les assaillants n'ouvrent le feu sur les militaires."],
     "armed_clash"),
    # Clashes between two armed groups, and the army against jihadists.
    ("en", ["Dozens killed as JNIM and Islamic State fighters clash near Menaka"], "armed_clash"),
    ("fr", ["Affrontements entre l'armée et des jihadistes près de Djibo : quinze morts"], "armed_clash"),
    # Territory.
    ("en", ["Army recaptured the town of Boni from militants", "Troops entered the town on Tuesday."],
     "government_regains_territory"),
    ("fr", ["Reprise de Léré par l'armée malienne", "Les FAMa ont repris le contrôle de la ville."],
     "government_regains_territory"),
    ("en", ["Insurgents seized the town of Marte after overrunning troops"], "non_state_actor_overtakes_territory"),
    ("fr", ["Prise de la ville de Diafarabé par les jihadistes",
            "Les combattants ont pris le contrôle de la localité après le départ des soldats."],
     "non_state_actor_overtakes_territory"),
    # Explosions/Remote violence.
    ("en", ["A drone strike killed twelve militants near Tessit"], "air_drone_strike"),
    ("fr", ["Une frappe aérienne de l'armée tue six personnes dans un marché"], "air_drone_strike"),
    ("en", ["A suicide bomber killed nine worshippers at a mosque in Konduga"], "suicide_bomb"),
    ("fr", ["Un attentat-suicide fait cinq morts dans un marché de Kolofata"], "suicide_bomb"),
    ("en", ["Mortar shells hit a residential district of Gao, killing two children"], "shelling_artillery_missile_attack"),
    ("fr", ["Des roquettes tirées sur la ville font trois blessés", "Aucun assaut n'a suivi."],
     "shelling_artillery_missile_attack"),
    ("en", ["A roadside bomb killed three soldiers"], "remote_explosive_landmine_ied"),
    ("fr", ["Un engin explosif improvisé tue quatre civils sur la route de Djibo"], "remote_explosive_landmine_ied"),
    ("en", ["A grenade thrown into a bar wounded six people"], "grenade"),
    ("fr", ["Une grenade lancée dans un bar fait six blessés"], "grenade"),
    # Violence against civilians.
    ("en", ["Gunmen killed 20 villagers"], "attack"),
    ("fr", ["Des hommes armés ont tué vingt villageois dans le cercle de Bankass"], "attack"),
    ("en", ["Soldiers executed villagers suspected of helping militants"], "attack"),
    ("fr", ["Exécutions sommaires : des militaires ont tué des civils peuls à Diallassagou"], "attack"),
    ("en", ["Gunmen abduct 40 students from a school in Zamfara"], "abduction_forced_disappearance"),
    ("fr", ["Des hommes armés ont enlevé 50 femmes"], "abduction_forced_disappearance"),
    ("en", ["Militants raped women during a raid on a village"], "sexual_violence"),
    ("fr", ["Des femmes victimes de viols lors de l'incursion d'hommes armés"], "sexual_violence"),
    # Strategic developments.
    ("en", ["Police arrested 15 suspected militants in Niamey"], "arrests"),
    ("fr", ["Quinze suspects interpellés par la gendarmerie à Dori"], "arrests"),
    ("en", ["Gunmen burned granaries and looted shops in a village"], "looting_property_destruction"),
    ("fr", ["Des greniers incendiés et des boutiques pillées par des hommes armés"], "looting_property_destruction"),
    ("en", ["French forces complete their withdrawal from Mali"], "change_to_group_activity"),
    ("fr", ["Le groupe annonce son retrait de la région de Ménaka"], "change_to_group_activity"),
    ("en", ["The army set up a new base in Ansongo"], "headquarters_or_base_established"),
    ("fr", ["L'armée installe une nouvelle base à Boni"], "headquarters_or_base_established"),
    ("en", ["Militias sign a ceasefire in central Mali"], "agreement"),
    ("fr", ["Jihadistes et chasseurs concluent un accord de cessez-le-feu"], "agreement"),
    # Mixed victims, state perpetrators and headline shapes.
    ("en", ["Jihadists kill 10 soldiers and 5 civilians in Mali attack"], "armed_clash"),
    ("fr", ["Le camp de l'armée à Boulkessi attaqué : quinze militaires tués"], "armed_clash"),
    ("en", ["Gunmen attacked a police station in Katsina, killing three officers"], "armed_clash"),
    ("fr", ["Des soldats maliens accusés d'avoir exécuté des civils à Moura"], "attack"),
    ("en", ["At least 40 killed as jihadists attack villages in Burkina Faso"], "attack"),
    ("fr", ["Un bus saute sur une mine : 14 passagers tués"], "remote_explosive_landmine_ied"),
    ("en", ["Nigerian air force jets bombed a bandit camp, killing dozens"], "air_drone_strike"),
    ("fr", ["L'armée burkinabè reprend le contrôle de Djibo"], "government_regains_territory"),
    ("en", ["JNIM fighters take control of Boni after army withdraws"], "non_state_actor_overtakes_territory"),
    ("en", ["Jihadists besiege Djibo and blow up bridges"], "looting_property_destruction"),
    ("fr", ["Les FAMa ont neutralisé une trentaine de terroristes lors d'une opération près de Boni"], "armed_clash"),
    ("en", ["A Malian army helicopter strike killed 15 people at a wedding"], "air_drone_strike"),
    ("fr", ["Des terroristes ont assassiné le maire de Djibo et ses gardes du corps"], "attack"),
    ("en", ["Two soldiers were wounded when their vehicle hit an explosive device before assailants "
            "opened fire on the patrol"], "armed_clash"),
    ("en", ["Islamic State claims attack on Christian village in Borno, killing nine",
            "The militants stormed the village at night and shot residents."], "attack"),
    ("en", ["Jihadists attacked a gold mining site, killing 20 miners"], "attack"),
    ("fr", ["Niger : 29 soldats tués dans une attaque près de la frontière malienne",
            "L'attaque a été menée par plusieurs centaines de terroristes lourdement armés qui ont utilisé des "
            "engins explosifs et des kamikazes, selon le ministère de la Défense."], "armed_clash"),
    ("en", ["Explosion at market in Borno kills 12; female suicide bomber suspected"], "suicide_bomb"),
    ("en", ["French army hands over Menaka base to Malian forces",
            "French troops on Monday handed over their base at Menaka to the Malian armed forces."],
     "headquarters_or_base_established"),
    ("fr", ["Barkhane rétrocède l'emprise de Tessalit aux FAMa",
            "La force française Barkhane a rétrocédé lundi sa base de Tessalit à l'armée malienne."],
     "headquarters_or_base_established"),
    ("en", ["Twin suicide blasts at Mora market",
            "Two explosions were reported at the market. Two women detonated explosives hidden under their clothes."],
     "suicide_bomb"),
    ("en", ["Mali: army and Russian fighters accused of killing hundreds of civilians in Moura"], "attack"),
    ("fr", ["Le GSIM et l'EIGS s'affrontent dans le Gourma, des dizaines de morts"], "armed_clash"),
    ("fr", ["Ménaka : l'EIGS exécute une dizaine de civils touaregs"], "attack"),
    ("fr", ["Mauritanie : arrestation de trois membres présumés d'une cellule jihadiste à Nouakchott"], "arrests"),
    ("fr", ["Un engin explosif improvisé blesse quatre Casques bleus près de Kidal"], "remote_explosive_landmine_ied"),
    ("fr", ["Burkina : une dizaine de VDP tués dans une embuscade près de Titao",
            "Les volontaires escortaient un convoi lorsqu'ils ont été pris à partie par des hommes armés."],
     "armed_clash"),
    # a suicide attack on a checkpoint, soldiers firing at the car before it blew up: the bombing
    ("fr", ["Gao : attaque kamikaze contre un poste de contrôle à l'entrée de la ville",
            "Un kamikaze au volant d'un véhicule piégé s'est fait exploser lundi à un poste de contrôle tenu par "
            "l'armée malienne et la Minusma.",
            "« La voiture a foncé sur la barrière. Les soldats ont tiré, puis il y a eu une énorme explosion »."],
     "suicide_bomb"),
    # the bomber came on a motorbike: how he came, no ground assault
    ("fr", ["Goundam : un kamikaze se fait exploser à un poste de contrôle, quatre morts",
            "Un kamikaze à moto s'est fait exploser dimanche matin à un poste de contrôle tenu par les Forces armées "
            "maliennes (FAMa) à l'entrée de la ville."], "suicide_bomb"),
    ("en", ["Suicide bomber hits army checkpoint in Konduga",
            "A suicide bomber on motorbikes blew himself up at a military checkpoint outside Konduga on Sunday."],
     "suicide_bomb"),
    # troops that "free 14 captives" undo a kidnapping: the gunfight is the event
    ("en", ["Nigerian troops kill nine bandits, free 14 captives in Kaduna's Birnin Gwari - army",
            "Nigerian troops killed nine bandits and freed 14 kidnapped travellers in a gunfight near Kuyello."],
     "armed_clash"),
    ("fr", ["L'armée libère 14 otages et tue neuf bandits dans la forêt de Kuyello",
            "Les militaires ont tué neuf bandits lors d'un accrochage près de Kuyello et libéré 14 voyageurs enlevés."],
     "armed_clash"),
    # a rocket attack on a camp is the rockets, not a ground assault
    ("en", ["UN peacekeeper killed in rocket attack on Aguelhok camp in northern Mali",
            "A Chadian peacekeeper was killed when the camp came under rocket and mortar fire on Tuesday."],
     "shelling_artillery_missile_attack"),
    # a group that says it controls a town after the army left has taken it
    ("fr", ["Mali : le JNIM affirme contrôler Léré après le retrait de l'armée",
            "Le JNIM affirme contrôler depuis samedi la localité de Léré, après un assaut contre le camp militaire "
            "qui s'est conclu par le retrait des Forces armées maliennes."], "non_state_actor_overtakes_territory"),
    ("en", ["JNIM says it controls Lere after army withdrawal",
            "JNIM said it now controls the town of Lere, after an assault on the military camp ended with the "
            "withdrawal of Malian troops."], "non_state_actor_overtakes_territory"),
    ("fr", ["Lac : l'aviation pilonne des repaires de Boko Haram sur l'île de Kangalom",
            "L'armée de l'air tchadienne a mené samedi une série de frappes contre des positions de Boko Haram."],
     "air_drone_strike"),
]


@pytest.mark.parametrize(("language", "sentences", "expected"), CASES)
def test_acled_coding_rule(language: str, sentences: list[str], expected: str) -> None:
    assert sub(sentences, language) == expected


def test_result_carries_event_type_rule_and_evidence() -> None:
    sentences = ["Gunmen killed 20 villagers in Koro", "The government condemned the killings."]
    e = classify(sentences, ["unidentified_armed_group", "civilians"], "en")
    assert e is not None
    assert (e.event_type, e.sub_event_type) == ("Violence against civilians", "attack")
    assert e.rule and e.evidence == sentences[0]


def test_title_outweighs_background_sentences() -> None:
    sentences = ["A roadside bomb killed two soldiers near Hombori",
                 "The area has seen attacks on army camps and clashes in recent months."]
    assert sub(sentences) == "remote_explosive_landmine_ied"


def test_negated_gunfire_does_not_make_a_battle() -> None:
    sentences = ["Un engin explosif tue trois soldats près de Gossi",
                 "L'explosion n'a été suivie d'aucun échange de tirs."]
    assert sub(sentences, "fr") == "remote_explosive_landmine_ied"


def test_deaths_told_in_a_brief_s_third_sentence_are_no_looting() -> None:
    sentences = ["Cercle de Bankass : affrontements entre dozos et jihadistes à Sadia",
                 "Des combats ont opposé avant-hier des chasseurs dozos à des jihadistes aux abords du village.",
                 "Les affrontements ont éclaté lorsque les jihadistes ont tenté d'emporter le bétail du village.",
                 "Le bilan est lourd : près de 20 morts et une dizaine de blessés."]
    assert sub(sentences, "fr") == "armed_clash"


def test_nobody_killed_leaves_looting_looting() -> None:
    sentences = ["Islamic State fighters torch granaries, seize cattle in western Niger village",
                 "Fighters burned granaries and drove off several hundred head of livestock on Friday in the village.",
                 "Nobody was killed, residents said, because the villagers had fled."]
    assert sub(sentences) == "looting_property_destruction"


def test_a_district_s_headquarters_is_no_base_established() -> None:
    sentences = ["The women of Ajiri who went to fetch firewood",
                 "A group of women left Ajiri, a village 10 km from Mafa town, the headquarters of Mafa local "
                 "government area.",
                 "La réunion s'est tenue au quartier général de la préfecture."]
    assert sub(sentences) is None
    assert sub(["The army has set up its new headquarters in Gao, officials said."]) == "headquarters_or_base_established"


def test_the_blast_a_killing_answered_does_not_type_the_killing() -> None:
    sentences = ["Burkina Faso: soldiers and militia executed villagers in Soum province",
                 "Soldiers and VDP militiamen summarily executed at least 23 men in the village of Pobe-Mengao, Human "
                 "Rights Watch said.",
                 "Witnesses said the column arrived the day after an improvised explosive device had struck a military "
                 "vehicle near the village, killing three soldiers."]
    assert sub(sentences) == "attack"
    assert sub(["Une colonne de soldats est arrivée au lendemain de l'explosion d'un engin artisanal sur une piste, "
                "puis a exécuté sommairement 23 civils."], "fr") == "attack"


def test_nothing_violent_gives_none() -> None:
    assert classify(["Mali's president met farmers in Segou to discuss the harvest"], [], "en") is None
    assert classify([], [], "en") is None


def test_every_sub_event_type_of_the_schema_has_an_event_type() -> None:
    mapping = event_types._data()["event_types"]
    assert len(mapping) == 17
    assert set(mapping.values()) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"}


def test_every_cue_compiles_and_names_known_categories() -> None:
    data = event_types._data()
    known = set(data["event_types"]) | {"assault", "armed_target", "kill", "property", "violence"}
    for language in ("en", "fr"):
        for pattern, weights in data["cues"][language]:
            re.compile(pattern)
            assert set(weights) <= known, pattern


CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="development corpus not available")
def test_dev_corpus_sub_event_types_from_lead_sentences() -> None:
    split = re.compile(r"(?<=[.!?»\"])\s+(?=[A-ZÀ-Ý«\"])")
    right = total = 0
    for line in CORPUS.read_text("utf-8").splitlines():
        item = json.loads(line)
        gold = item["gold"].get("sub_event_type")
        if not gold:
            continue
        body = [s for p in item["text"].split("\n") for s in split.split(p) if s.strip()]
        lead = [item["title"], *body[:4]]
        total += 1
        right += sub(lead, item["language"]) in gold
    assert right / total >= 0.85


def test_cue_opening_with_a_group_is_read_at_its_first_letters():
    result = classify(["Two soldiers were killed when their vehicle hit a mine near Boni."], [], "en")
    assert result is not None and result.sub_event_type == "remote_explosive_landmine_ied"


@pytest.mark.parametrize("title", [
    "Deux ressortissants chinois tués dans l'attaque d'une mine d'or au Mali",
    "Des hommes armés attaquent une mine au Burkina et tuent trois ouvriers",
    "Trois orpailleurs tués sur une mine aurifère près de Kéniéba",
])
def test_a_gold_mine_is_no_landmine(title):
    result = classify([title], find_actors(title, "fr"), "fr")
    assert result is not None and result.sub_event_type != "remote_explosive_landmine_ied"


@pytest.mark.parametrize("title", [
    "Trois soldats tués par une mine près de Boni",
    "Un véhicule de l'armée a sauté sur une mine artisanale",
])
def test_a_mine_under_a_vehicle_is_an_explosive(title):
    assert classify([title], find_actors(title, "fr"), "fr").sub_event_type == "remote_explosive_landmine_ied"


@pytest.mark.parametrize(("sentences", "language"), [
    (["Niger village attack: death toll rises to 23",
      "Gunmen on motorbikes have killed at least 23 people in an attack on a village in western Niger."], "en"),
    (["Burkina : 14 morts dans l'attaque d'un village",
      "Des hommes armés ont tué au moins 14 personnes lors d'une attaque contre le village de Toéssin."], "fr"),
])
def test_gunmen_killing_people_in_an_attack_on_a_village_is_violence_against_civilians(sentences, language):
    assert sub(sentences, language) == "attack"


def test_rebels_who_now_control_the_town_s_camp_overtake_territory():
    assert sub(["Mali — separatist rebels say they have taken Léré",
                "Separatist fighters of the FLA say they entered the town of Léré at dawn on Wednesday and now control "
                "its military camp, a day after the army pulled its troops out. Videos showed fighters raising the "
                "Azawad flag over the camp's gate."]) == "non_state_actor_overtakes_territory"


@pytest.mark.parametrize("sentences", [
    ["Burkina Faso: what we know about the women seized near Dablo",
     "About 40 women and girls were seized by armed men last Wednesday while gathering firewood outside Dablo."],
    ["Gunmen raid village near Djibo",
     "Men on motorcycles surrounded the farmers and forced them to walk into the bush, residents said."],
])
def test_people_seized_or_marched_into_the_bush_are_abducted(sentences):
    assert sub(sentences) == "abduction_forced_disappearance"


def test_one_armed_group_raiding_a_village_and_killing_people_is_an_attack():
    sentences = ["Far North: Boko Haram kills six in night raid on Tourou",
                 "Six people, including a quarter head, were killed when suspected Boko Haram fighters raided Tourou "
                 "on Saturday night, administrative sources said.",
                 "The attackers looted shops and set several houses on fire before withdrawing."]
    assert sub(sentences) == "attack"
    # the same raid on an army post is a battle
    assert sub(["Boko Haram kills six soldiers in raid on army post",
                "Six soldiers were killed when Boko Haram fighters raided an army post at Tourou."]) == "armed_clash"


def test_troops_repelling_insurgents_while_residents_flee_is_a_battle():
    assert sub(["Nigerian troops repel Islamic State assault on Yobe base, army says",
                "Islamic State-allied insurgents attacked a military base in Buni Yadi late on Saturday, killing five "
                "soldiers in a gun battle that lasted more than three hours, the army said.",
                "Fighters of ISWAP opened fire on the base, sending residents of the town fleeing into the bush."]) \
        == "armed_clash"


def test_air_support_in_a_ground_fight_does_not_type_it_as_a_strike() -> None:
    from worker.tagging import tag_article

    text = ("Three soldiers were killed and four others injured when fighters of the Islamic State West Africa "
            "Province (ISWAP) attacked a military base at Bulabulin Ngaura, a farming village in Gujba Local "
            "Government Area of Yobe State, on Sunday night.\n\n"
            "The insurgents opened fire on the base from two directions and set an armoured personnel carrier "
            "ablaze before troops, backed by a fighter jet of the Air Task Force, forced them to withdraw, military "
            "and local sources said.")
    out = tag_article({"id": "s", "title": "ISWAP fighters attack army base in Yobe, three soldiers killed",
                       "text": text, "published": "2019-07-16T08:30:00Z", "language": "en"})
    assert out["events"][0]["sub_event_type"] == "armed_clash"
    assert sub(["Des jihadistes ont attaqué le poste de Koulpissi lundi.",
                "Les militaires, appuyés par des frappes de drones, ont repoussé les assaillants."], "fr") == "armed_clash"


@pytest.mark.parametrize("sentences, language", [
    (["143 Boko Haram members, families surrender to troops in Gwoza",
      "A total of 143 members of the JAS faction, including 39 fighters, surrendered to troops at Pulka on Saturday, "
      "the military has said."], "en"),
    (["Une trentaine de combattants jihadistes se sont rendus aux forces armées à Diffa",
      "Ils ont déposé les armes samedi, a indiqué le gouverneur."], "fr"),
])
def test_fighters_who_surrender_change_their_group_s_activity(sentences, language) -> None:
    assert sub(sentences, language) == "change_to_group_activity"


def test_the_day_fighters_surrendered_dates_their_surrender() -> None:
    from worker.tagging import tag_article

    out = tag_article({"id": "s", "title": "Logone-et-Chari : 47 ex-combattants de Boko Haram se rendent à Blangoua",
                       "text": "Quarante-sept ex-combattants de Boko Haram se sont rendus mercredi aux forces de défense "
                               "camerounaises à Blangoua, dans le département du Logone-et-Chari.\n\nArrivés en "
                               "pirogue depuis les îles du lac Tchad, les repentis ont remis aux militaires 21 fusils "
                               "d'assaut. Ils ont été transférés jeudi vers le centre de DDR de Méri.",
                       "published": "2024-11-29T10:00:00Z", "language": "fr"})
    event = out["events"][0]
    assert (event["sub_event_type"], event["date"]) == ("change_to_group_activity", "2024-11-27")


def test_herds_driven_off_are_looting_not_an_attack_on_people() -> None:
    from worker.tagging import tag_article

    out = tag_article({"id": "c", "title": "Islamic State fighters seize hundreds of cattle in Niger's Tillia area",
                       "text": "Fighters of the Islamic State Sahel Province drove off hundreds of cattle from a herders' "
                               "camp in Niger's Tahoua region on Sunday, local officials said.\n\nThe raiders arrived "
                               "at the camp of Inwagar, near Tillia. They rounded up the animals and drove them towards "
                               "the border with Mali, an official said.",
                       "published": "2026-01-14T10:00:00Z", "language": "en"})
    assert out["events"][0]["sub_event_type"] == "looting_property_destruction"


def test_soldiers_and_their_auxiliaries_are_one_side_not_two_armed_sides() -> None:
    sentences = ["Pro-government militiamen and soldiers summarily executed at least 23 men in the town of Partiaga, "
                 "a rights group said.",
                 "According to the report, members of the VDP arrived in Partiaga with a convoy of soldiers, rounded "
                 "up men they identified as Fulani and took them to a dry riverbed, where they were shot."]
    assert sub(sentences) == "attack"
    # ... while soldiers set upon by jihadists are a side against them
    assert sub(["Jihadists ambushed soldiers and VDP near Partiaga, killing 12 of them."]) == "armed_clash"


@pytest.mark.parametrize("sentences, language", [
    (["Troops neutralise 11 bandits, rescue 14 kidnap victims in Zamfara",
      "Troops made contact with bandits at their enclave near Dansadau; in the ensuing firefight they neutralised "
      "eleven bandits and rescued fourteen kidnapped victims."], "en"),
    (["Les militaires ont neutralisé onze bandits et libéré quatorze otages lors d'un accrochage près de Dansadau."],
     "fr"),
])
def test_hostages_freed_in_a_fight_make_no_abduction(sentences, language) -> None:
    assert sub(sentences, language) == "armed_clash"


def test_no_exchange_of_fire_after_the_blast_keeps_it_a_mine():
    found = classify(["Niger : quatre soldats tués par un engin explosif dans la région de Dosso",
                      "Quatre militaires ont été tués dimanche lorsque leur véhicule a sauté sur un engin explosif "
                      "improvisé près de Kouassaï Béri.",
                      "Le texte précise qu'il n'y a pas eu d'échange de tirs après l'explosion."],
                     ["jnim", "military_ne"], "fr")
    assert found.sub_event_type == "remote_explosive_landmine_ied"


@pytest.mark.parametrize("title", [
    "Guidan Roumdji : douze personnes enlevées par des bandits armés à Garin Dan Gona",
    "Dosso : dix commerçants nigériens enlevés par des hommes armés",
])
def test_a_word_starting_like_a_negation_negates_nothing(title):
    found = classify([title, "Un groupe de bandits armés a fait irruption dans le village et a emmené douze "
                             "personnes, dont cinq femmes."], ["bandits_ng", "civilians"], "fr")
    assert found.sub_event_type == "abduction_forced_disappearance"


def test_terrorists_neutralised_by_the_army_s_air_assets_is_an_air_strike():
    from worker.tagging import tag_article
    out = tag_article({"id": "t", "title": "Région de Ménaka : une dizaine de terroristes neutralisés par les vecteurs "
                                           "aériens des FAMa près d'Inékar",
                       "text": "Les vecteurs aériens des Forces armées maliennes ont mené le 14 courant des frappes sur un "
                               "regroupement de terroristes dans les environs d'Inékar, dans le cercle de Ménaka.",
                       "published": "2022-07-18T10:00:00Z", "language": "fr"})
    assert out["events"][0]["sub_event_type"] == "air_drone_strike"


def test_a_town_taken_weeks_before_is_no_cue_of_the_drone_strike_it_precedes():
    from worker.tagging import tag_article
    out = tag_article({"id": "t", "title": "Drone strike on Mali's Intahaka gold site kills miners, residents say",
                       "text": "A drone strike on the Intahaka artisanal gold site in northern Mali on Sunday killed at "
                               "least nine gold miners, residents said, weeks after the army and its Russian allies took "
                               "control of one of the Sahel's largest gold fields.",
                       "published": "2024-04-09T10:00:00Z", "language": "en"})
    assert out["events"][0]["sub_event_type"] == "air_drone_strike"


@pytest.mark.parametrize("title, text", [
    ("Burkina Faso: ambush on gold mine convoy kills 11",
     "Eleven people, seven gendarmes and four civilian contractors, were killed on Tuesday when militants ambushed a "
     "convoy heading to the Essakane gold mine in northern Burkina Faso, the governor of the Sahel region said.\n\n"
     "The convoy of buses and trucks carrying employees of a mining subcontractor, escorted by gendarmes, struck an "
     "explosive device and then came under heavy gunfire about 12 km from the mine, near the village of Essakane-Site "
     "in the Oudalan province, the governor said in a statement on Wednesday. Six people were wounded and two "
     "contractors, one of them a South African supervisor, were missing."),
    ("Burkina Faso troops free Canadian couple in raid on militant camp",
     "Burkinabe special forces freed a Canadian couple held hostage for almost ten months in a raid on a militant camp "
     "near Nassoumbou on Thursday, the army said, adding that one soldier and six of the kidnappers had been killed."),
])
def test_an_ambush_that_killed_gendarmes_and_a_rescue_raid_that_killed_kidnappers_are_battles(title, text):
    from worker.tagging import tag_article
    out = tag_article({"id": "t", "title": title, "text": text, "published": "2024-03-16T10:00:00Z", "language": "en"})
    assert (out["events"][0]["event_type"], out["events"][0]["sub_event_type"]) == ("Battles", "armed_clash")
