"""Actor recognition: aliases, place-dependent generics, national forces and roles."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from worker.tagging import actors
from worker.tagging.actors import (
    find_actors,
    incident_actors,
    is_non_state_armed,
    is_state_force,
    parents,
    resolve_actors,
    resolve_generic,
    roles,
)

SCHEMA_IDS = {
    "jnim", "katiba_macina", "ansarul_islam", "is_sahel", "iswap", "jas", "ansaru", "lakurawa",
    "bandits_ng", "azawad_rebels", "gatia_msa", "dozo", "koglweogo", "vdp", "wagner",
    "military_ml", "military_bf", "military_ne", "military_td", "military_mr", "military_ng",
    "military_cm", "military_bj", "military_tg", "france", "minusma", "takuba", "mnjtf",
    "civilians", "unidentified_armed_group",
}
KINDS = {"jihadist", "separatist", "militia", "state", "foreign_state", "un", "civilians", "unidentified", "criminal"}


def ids(text: str, language: str = "en", country: str | None = None, admin1: str | None = None) -> set[str]:
    return {resolve_generic(m.actor, country, admin1) for m in find_actors(text, language)}


ALIASES = [
    ("en", "Fighters of Jama'at Nusrat al-Islam wal-Muslimin claimed the raid.", "jnim"),
    ("en", "Jamaat Nusrat al-Islam wal Muslimeen fighters", "jnim"),
    ("fr", "Le Groupe de soutien à l’islam et aux musulmans a revendiqué.", "jnim"),
    ("fr", "un groupe affilié à al-Qaïda", "jnim"),
    ("en", "AQIM, a component of the alliance", "jnim"),
    ("en", "a commander of Katiba Macina", "katiba_macina"),
    ("fr", "les hommes de la katiba du Macina", "katiba_macina"),
    ("en", "Ansaroul Islam fighters", "ansarul_islam"),
    ("en", "the ISGS claimed it", "is_sahel"),
    ("fr", "l'État islamique au Grand Sahara (EIGS)", "is_sahel"),
    ("fr", "l'Etat islamique au Sahel", "is_sahel"),
    ("en", "Islamic State Sahel Province fighters", "is_sahel"),
    ("en", "ISWAP fighters overran the base", "iswap"),
    ("fr", "l'EIAO a revendiqué", "iswap"),
    ("en", "Boko Haram insurgents", "jas"),
    ("fr", "la faction Shekau", "jas"),
    ("en", "Ansaru militants", "ansaru"),
    ("en", "members of the Lakurawa group", "lakurawa"),
    ("en", "Zamfara bandits", "bandits_ng"),
    ("en", "the CSP-DPA coalition", "azawad_rebels"),
    ("fr", "le Front de libération de l'Azawad", "azawad_rebels"),
    ("fr", "les rebelles touareg", "azawad_rebels"),
    ("en", "GATIA fighters", "gatia_msa"),
    ("fr", "le Mouvement pour le salut de l'Azawad", "gatia_msa"),
    ("en", "Dan Na Ambassagou militiamen", "dozo"),
    ("fr", "des chasseurs traditionnels", "dozo"),
    ("fr", "des Koglwéogo", "koglweogo"),
    ("fr", "des Volontaires pour la défense de la patrie", "vdp"),
    ("en", "Volunteers for the Defence of the Homeland", "vdp"),
    ("en", "Russian mercenaries", "wagner"),
    ("fr", "des instructeurs russes", "wagner"),
    ("en", "the Africa Corps", "wagner"),
    ("fr", "les FAMa", "military_ml"),
    ("en", "Burkinabe soldiers", "military_bf"),
    ("fr", "les Forces armées nigériennes", "military_ne"),
    ("fr", "l'Armée nationale tchadienne", "military_td"),
    ("en", "Operation Hadin Kai troops", "military_ng"),
    ("en", "Cameroonian Armed Forces", "military_cm"),
    ("fr", "les Forces armées béninoises", "military_bj"),
    ("en", "the Togolese army", "military_tg"),
    ("fr", "l'armée mauritanienne", "military_mr"),
    ("en", "Barkhane forces", "france"),
    ("fr", "un soldat français", "france"),
    ("fr", "des Casques bleus", "minusma"),
    ("en", "UN peacekeepers", "minusma"),
    ("en", "Task Force Takuba", "takuba"),
    ("fr", "la Force multinationale mixte", "mnjtf"),
    ("en", "villagers", "civilians"),
    ("fr", "des fidèles", "civilians"),
    ("en", "unidentified gunmen", "unidentified_armed_group"),
    ("fr", "des individus armés non identifiés", "unidentified_armed_group"),
]


@pytest.mark.parametrize(("language", "text", "expected"), ALIASES)
def test_alias_resolves_to_actor_id(language: str, text: str, expected: str) -> None:
    assert expected in ids(text, language, "ML")


def test_every_schema_actor_has_an_alias_test() -> None:
    assert SCHEMA_IDS <= {e for _, _, e in ALIASES}


def test_data_covers_every_schema_id_with_a_known_kind() -> None:
    assert SCHEMA_IDS <= actors.ACTOR_IDS
    for actor in actors.ACTOR_IDS | actors.GENERIC_IDS:
        assert actors.kind(actor) in KINDS, actor


def test_no_alias_names_two_actors() -> None:
    data = json.loads((Path(actors.__file__).parent / "data" / "actors.json").read_text("utf-8"))
    owners: dict[str, set[str]] = defaultdict(set)
    for section in ("actors", "generics"):
        for actor, e in data[section].items():
            for n in e["names_en"] + e["names_fr"]:
                owners["n:" + actors._fold(n)].add(actor)
            for a in e["abbreviations"]:
                owners["a:" + actors._abbr_key(a)].add(actor)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_generic_islamic_state_is_iswap_in_borno_and_is_sahel_in_tillaberi() -> None:
    [m] = find_actors("Islamic State fighters attacked the town.", "en")
    assert m.actor == "is_generic"
    assert resolve_generic(m.actor, "NG", "Borno") == "iswap"
    assert resolve_generic(m.actor, "NE", "Tillaberi") == "is_sahel"
    assert resolve_generic(m.actor, "NE", "Diffa") == "iswap"
    assert resolve_generic(m.actor, "ML", None) == "is_sahel"


def test_french_daech_is_place_dependent_too() -> None:
    assert ids("Daech a revendiqué l'attaque", "fr", "TD", "Lac") == {"iswap"}
    assert ids("l'État islamique a revendiqué", "fr", "BF", "Sahel") == {"is_sahel"}


def test_national_forces_from_demonym_and_noun() -> None:
    assert ids("at least 20 Malian soldiers were killed") == {"military_ml"}
    assert ids("douze soldats burkinabè ont été tués", "fr") == {"military_bf"}
    assert ids("l'armée nigérienne a riposté", "fr") == {"military_ne"}
    assert ids("Chad's army said") == {"military_td"}
    assert ids("Nigerian troops repelled the attack") == {"military_ng"}
    assert ids("des militaires tchadiens", "fr") == {"military_td"}


def test_generic_soldiers_take_the_event_country() -> None:
    assert ids("soldiers were killed", "en", "BF") == {"military_bf"}
    assert ids("les forces de défense et de sécurité", "fr", "NE") == {"military_ne"}
    assert ids("FDS", "fr", "ML") == {"military_ml"}


def test_fan_is_niger_unless_the_event_is_in_chad() -> None:
    assert ids("les FAN ont riposté", "fr", "NE") == {"military_ne"}
    assert ids("les FAN ont riposté", "fr", "TD") == {"military_td"}


def test_bandits_are_nigerian_only_in_nigeria() -> None:
    assert ids("armed bandits attacked villagers", "en", "NG", "Zamfara") == {"bandits_ng", "civilians"}
    assert ids("des bandits armés", "fr", "NE") == {"unidentified_armed_group"}


def test_abbreviations_are_case_sensitive() -> None:
    assert find_actors("This is what the fla and fan clubs said.", "en") == []
    assert find_actors("MALI IS READY FOR THE CUP", "en") == []


def test_french_word_style_acronyms() -> None:
    assert ids("Aqmi et le Jnim, puis la Minusma", "fr", "ML") == {"jnim", "minusma"}
    assert ids("Les Fan ont riposté", "fr", "NE") == set()  # three letters: only upper case counts
    assert find_actors("une fourmi (ant) et un bir", "en") == []


def test_mentions_carry_offsets_of_their_surface() -> None:
    text = "Hier, l’armée malienne et Wagner ont repoussé l'EIGS."
    for m in find_actors(text, "fr"):
        assert text[m.start : m.end] == m.surface
    assert [m.actor for m in find_actors(text, "fr")] == ["military_ml", "wagner", "is_sahel"]


def test_unnamed_gunmen_are_dropped_when_a_group_is_named() -> None:
    found = find_actors("Gunmen killed 12 villagers; JNIM claimed the attack.", "en")
    assert resolve_actors(found, "ML") == ["civilians", "jnim"]
    assert resolve_actors(find_actors("Gunmen killed 12 villagers.", "en"), "ML") == [
        "unidentified_armed_group", "civilians"]


def test_generic_soldiers_are_the_named_force() -> None:
    found = find_actors("JNIM claimed the bomb that killed three French soldiers. The soldiers were on patrol.", "en")
    assert resolve_actors(found, "ML") == ["jnim", "france"]
    found = find_actors("Gunmen attacked Cameroonian troops; two soldiers died.", "en")
    assert resolve_actors(found, "NG", "Borno") == ["unidentified_armed_group", "military_cm"]


def test_a_checkpoint_is_a_state_force_only_when_the_text_says_whose() -> None:
    # jihadists, vigilantes and customs all man checkpoints: the word alone names no force
    assert ids("Gunmen killed four traders at a checkpoint near Bandiagara.", "en", "ML") == {
        "unidentified_armed_group", "civilians"}
    assert ids("A girl was stopped at a checkpoint on the Gajibo road.", "en", "NG") == set()
    assert "military_ml" in ids("Gunmen attacked an army checkpoint near Bandiagara.", "en", "ML")
    assert "military_ng" in ids("Bandits stormed a police checkpoint in Zamfara.", "en", "NG")


def test_a_nigerian_police_rank_before_a_name_is_no_rebel_coalition() -> None:
    assert "azawad_rebels" not in ids(
        "The Kebbi State Police Command spokesman, CSP Sani Aliyu Jega, said six persons died.", "en", "NG")
    assert "azawad_rebels" in ids("CSP fighters said they had shot down a drone near Kidal.", "en", "ML")
    assert "azawad_rebels" in ids("Selon la police, les rebelles du CSP ont attaqué le camp.", "fr", "ML")


def test_niger_s_national_wrestling_sabre_is_no_french_task_force() -> None:
    assert ids("Le Sabre national : le lutteur de Tahoua terrasse le champion de Dosso.", "fr", "NE") == set()
    assert "france" in ids("Les forces spéciales françaises de Sabre ont frappé un camp près de Djibo.", "fr", "BF")


def test_incident_actors_leave_out_those_who_only_report() -> None:
    sentences = ["Gunmen killed nine villagers near Koro, the UN mission said.",
                 "Selon la MINUSMA, les assaillants sont repartis."]
    assert incident_actors(sentences[:1], "en", "ML") == ["unidentified_armed_group", "civilians"]
    assert incident_actors(sentences[1:], "fr", "ML") == ["unidentified_armed_group"]


def test_suspected_jihadists_with_no_group_named_are_unidentified() -> None:
    assert ids("Suspected jihadists ambushed a convoy escorted by VDP", "en", "BF") == {
        "unidentified_armed_group", "vdp"}


def test_sub_unit_parent_and_kinds() -> None:
    assert parents("katiba_macina") == {"jnim"}
    assert is_state_force("military_ml") and is_state_force("minusma")
    assert is_non_state_armed("is_sahel") and not is_non_state_armed("civilians")


def role_of(text: str, language: str = "en") -> dict[str, str]:
    found = find_actors(text, language)
    return {resolve_generic(a, "ML"): r for a, r in roles(text, found, language).items()}


def test_active_voice_subject_is_perpetrator() -> None:
    assert role_of("JNIM fighters ambushed a Malian army patrol near Boni.") == {
        "jnim": "perpetrator", "military_ml": "target"}


def test_passive_voice_agent_is_perpetrator() -> None:
    assert role_of("Ten civilians were killed by ISGS militants on Sunday.") == {
        "civilians": "target", "is_sahel": "perpetrator"}


def test_attack_by_on() -> None:
    assert role_of("An attack by Ansarul Islam on a gendarmerie post left five dead.") == {
        "ansarul_islam": "perpetrator", "military_ml": "target"}


def test_headline_participle_is_passive() -> None:
    assert role_of("Nigerien soldiers killed in EIGS ambush") == {"military_ne": "target", "is_sahel": "perpetrator"}


def test_french_active_and_passive() -> None:
    assert role_of("Des jihadistes du GSIM ont attaqué un convoi de l'armée malienne.", "fr") == {
        "unidentified_armed_group": "perpetrator", "jnim": "perpetrator", "military_ml": "target"}
    assert role_of("Quinze villageois ont été tués par des hommes armés.", "fr") == {
        "civilians": "target", "unidentified_armed_group": "perpetrator"}


@pytest.mark.parametrize("text", [
    "La position de l'armée a été prise d'assaut par des combattants du GSIM.",
    "Une patrouille de l'armée a été prise pour cible par des combattants du GSIM.",
    "Les positions de l'armée ont été attaquées par des combattants du GSIM.",
])
def test_french_feminine_and_plural_participles_make_the_agent_the_perpetrator(text) -> None:
    assert role_of(text, "fr")["jnim"] == "perpetrator"


def test_french_attack_of_x_against_y() -> None:
    assert role_of("L'attaque de l'EIGS contre le camp militaire de Tessit a duré des heures.", "fr") == {
        "is_sahel": "perpetrator", "military_ml": "target"}


def test_compound_noun_attack_names_its_target() -> None:
    assert role_of("Toll from Inata gendarmerie attack rises to 53") == {"military_ml": "target"}


def test_army_reporting_its_own_action_is_the_actor() -> None:
    found = find_actors("The army said it retook the town from JNIM fighters.", "en")
    assert roles("The army said it retook the town from JNIM fighters.", found, "en", territory=True) == {
        "military_generic": "perpetrator", "jnim": "target"}


def test_army_raid_names_the_army_as_actor() -> None:
    assert role_of("Jihadists killed in army raid near Boni") == {
        "unidentified_armed_group": "target", "military_ml": "perpetrator"}
    assert role_of("Une frappe de l'armée a tué des civils", "fr") == {
        "military_ml": "perpetrator", "civilians": "target"}


def test_a_base_is_attacked_but_never_attacks() -> None:
    assert role_of("The military base came under mortar fire before gunmen rushed the perimeter.") == {
        "military_ml": "other", "unidentified_armed_group": "perpetrator"}


def test_retaking_ground_is_no_role_in_the_attack_itself() -> None:
    assert role_of("The Malian army retook the base the next day.") == {"military_ml": "other"}


def test_objects_stop_at_a_following_clause() -> None:
    assert role_of("Soldiers executed villagers suspected of helping militants.") == {
        "military_ml": "perpetrator", "civilians": "target", "unidentified_armed_group": "other"}
    assert role_of("Jihadists killed ten soldiers and five civilians.") == {
        "unidentified_armed_group": "perpetrator", "military_ml": "target", "civilians": "target"}


def test_claim_and_attribution_name_the_perpetrator() -> None:
    assert role_of("L'attaque, revendiquée par l'EIGS, a fait dix morts parmi les civils.", "fr")["is_sahel"] == "perpetrator"
    assert role_of("The massacre was attributed to Dozo hunters.")["dozo"] == "perpetrator"
    assert role_of("Une tuerie attribuée à des chasseurs traditionnels.", "fr")["dozo"] == "perpetrator"
    assert role_of("JNIM claimed the bombing that killed two French soldiers.") == {
        "jnim": "perpetrator", "france": "target"}


def test_speaker_is_no_party() -> None:
    r = role_of("Jihadists killed 14 villagers on Sunday, the army said.")
    assert r["civilians"] == "target" and r["military_ml"] == "other"
    r = role_of("Douze civils ont été tués, selon l'armée malienne.", "fr")
    assert r["military_ml"] == "other"


def test_time_word_between_verb_and_victims_keeps_the_active_voice():
    sentence = "Des hommes armés ont tué hier un conseiller municipal et un enseignant à Tongomayel."
    found = roles(sentence, find_actors(sentence, "fr"), "fr")
    assert found["unidentified_armed_group"] == "perpetrator"
    assert found["civilians"] == "target"


@pytest.mark.parametrize("language, sentence, killer, victims", [
    ("en", "The village was still burying its dead after armed men killed at least thirty-two villagers there.",
     "unidentified_armed_group", "civilians"),
    ("en", "Gunmen killed more than 20 villagers in Seytenga on Sunday.", "unidentified_armed_group", "civilians"),
    ("fr", "Une ONG accuse des militaires maliens d'avoir exécuté au moins vingt-quatre civils.", "military_ml",
     "civilians"),
    ("fr", "Des hommes armés ont tué une vingtaine de villageois à Tin-Akoff.", "unidentified_armed_group", "civilians"),
])
def test_a_count_after_the_verb_is_its_object_not_a_passive(language, sentence, killer, victims) -> None:
    got = roles(sentence, find_actors(sentence, language), language)
    assert got.get(killer) == "perpetrator" and got.get(victims) == "target"


def test_a_headline_participle_is_still_passive() -> None:
    sentence = "Soldiers killed in attack on army post in Mali"
    assert roles(sentence, find_actors(sentence, "en"), "en").get("military_generic") == "target"


def test_civilians_are_never_the_attackers() -> None:
    sentence = "Residents were still burying their dead after armed men killed at least thirty-two villagers there."
    got = roles(sentence, find_actors(sentence, "en"), "en")
    assert got == {"civilians": "target", "unidentified_armed_group": "perpetrator"}


def test_russian_auxiliaries_are_wagner() -> None:
    found = find_actors("Des militaires maliens accompagnés de leurs supplétifs russes ont enlevé sept bergers.", "fr")
    assert "wagner" in {m.actor for m in found}


@pytest.mark.parametrize("text, language", [
    ("A member of the Civilian Joint Task Force said nine soldiers died.", "en"),
    ("The road had been closed to civilian traffic since the attack.", "en"),
    ("He said no civilians were among the dead.", "en"),
    ("La société civile a condamné l'attaque.", "fr"),
    ("Aucun civil n'a été touché, selon l'armée.", "fr"),
])
def test_civilian_as_a_word_that_names_no_civilian_party(text, language):
    assert "civilians" not in {m.actor for m in find_actors(text, language)}


def test_civilians_named_as_people_still_count():
    assert "civilians" in {m.actor for m in find_actors("Gunmen killed 12 civilians in the village.", "en")}
    assert "civilians" in {m.actor for m in find_actors("Des civils ont été tués.", "fr")}


def test_an_actor_in_a_clause_after_the_object_is_no_target() -> None:
    # the army is what the victims were accused of informing, not who was attacked
    assert role_of("Gunmen executed six men they accused of informing the army.").get("military_ml") != "target"
    sentence = "Des hommes armés ont exécuté six hommes qu'ils accusaient de renseigner l'armée."
    found = roles(sentence, find_actors(sentence, "fr"), "fr")
    assert "target" not in {r for a, r in found.items() if a.startswith("military")}
    # an object right after the verb is still one
    assert role_of("JNIM fighters ambushed a Malian army patrol near Boni.")["military_ml"] == "target"


@pytest.mark.parametrize(("sentence", "language"), [
    ("The attackers shot several men they accused of informing the army.", "en"),
    ("Les assaillants ont exécuté six hommes accusés de collaborer avec l'armée.", "fr"),
    ("Ils ont séparé les habitants, accusés de complicité avec l'armée, avant d'ouvrir le feu.", "fr"),
])
def test_the_force_named_in_a_charge_is_not_the_culprit(sentence, language):
    found = roles(sentence, find_actors(sentence, language), language)
    assert found.get("military_generic") != "perpetrator"


@pytest.mark.parametrize(("sentence", "language", "group"), [
    ("Soldiers shot five of them behind the mosque, accusing them of having guided Boko Haram fighters.", "en", "jas"),
    ("Les militaires ont abattu cinq hommes, accusant les habitants de collaborer avec les combattants du JNIM.",
     "fr", "jnim"),
])
def test_the_group_named_in_a_charge_after_the_accused_is_not_the_culprit(sentence, language, group):
    assert roles(sentence, find_actors(sentence, language), language).get(group) != "perpetrator"


@pytest.mark.parametrize(("sentence", "language", "group"), [
    ("Residents accused JNIM of the attack on the village.", "en", "jnim"),
    ("The army said the attackers had fled, accusing Boko Haram of the massacre.", "en", "jas"),
])
def test_an_accuser_still_names_the_culprit(sentence, language, group):
    assert roles(sentence, find_actors(sentence, language), language)[group] == "perpetrator"



@pytest.mark.parametrize("text", ["Jihadist groups attacked the town on Monday.",
                                  "Islamist militant groups and terrorist groups have stepped up raids.",
                                  "An extremist group claimed the ambush."])
def test_groups_named_by_their_kind_are_an_unidentified_armed_group(text: str) -> None:
    assert ids(text) == {"unidentified_armed_group"}


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Witnesses said the gunmen, dressed in military camouflage, emerged from the bush.", "en",
     {"unidentified_armed_group"}),
    ("Des hommes armés en tenue militaire ont attaqué le village.", "fr", {"unidentified_armed_group"}),
    ("The convoy was travelling without a military escort.", "en", set()),
    # men in army uniforms, with no attackers named before, may be the army itself
    ("Men wearing army uniforms killed 60 villagers.", "en", {"military_generic", "civilians"}),
])
def test_a_uniform_worn_or_an_absent_escort_is_no_force(text, language, expected):
    assert {m.actor for m in find_actors(text, language)} == expected


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Les éléments du 15e Bataillon d'intervention rapide (BIR 15) ont réinvesti Toéni.", "BF", "military_bf"),
    ("Les soldats du Bataillon d'intervention rapide ont repoussé l'attaque près de Kolofata.", "CM", "military_cm"),
])
def test_a_rapid_intervention_battalion_is_the_army_of_the_country_it_fights_in(text, country, expected):
    assert expected in ids(text, "fr", country)


@pytest.mark.parametrize(("sentence", "attacker", "role"), [
    ("The gunmen shot at traders and buyers in the market.", "unidentified_armed_group", "perpetrator"),
    ("Gunmen fired at residents fleeing the village.", "unidentified_armed_group", "perpetrator"),
    # shot at a place, in a headline's way: the soldiers were hit
    ("Two soldiers shot at a checkpoint died in hospital.", "military_generic", "target"),
])
def test_those_who_shot_at_people_are_the_attackers(sentence, attacker, role):
    assert roles(sentence, find_actors(sentence, "en"), "en")[attacker] == role


@pytest.mark.parametrize("sentence, language, group", [
    ("Selon lui, l'attaque est l'œuvre de combattants de l'État islamique au Grand Sahara (EIGS).", "fr", "is_sahel"),
    ("Officials said the attack was the work of ISWAP fighters.", "en", "iswap"),
    ("The raid bore the hallmarks of JNIM, a security source said.", "en", "jnim"),
])
def test_the_group_whose_work_the_attack_was_is_its_perpetrator(sentence, language, group):
    assert roles(sentence, find_actors(sentence, language), language)[group] == "perpetrator"


@pytest.mark.parametrize("sentence, language", [
    ("Two others were wounded and evacuated to the CMA in Kaya.", "en"),
    ("Les blessés ont été évacués au CMA de Djibo.", "fr"),
    ("Les blessés ont été pris en charge au centre médical avec antenne chirurgicale (CMA) de Djibo.", "fr"),
    ("Les blessés ont été évacués au centre médical avec antenne chirurgicale (CMA).", "fr"),
])
def test_a_district_medical_centre_is_not_the_azawad_coordination(sentence, language):
    assert find_actors(sentence, language) == []
    assert [m.actor for m in find_actors("The CMA said its fighters repelled the attack.", "en")] == ["azawad_rebels"]


def test_attackers_in_military_style_fatigues_are_not_the_army() -> None:
    found = find_actors("About fifteen armed men, some in military-style fatigues, surrounded the compounds.", "en")
    assert [m.actor for m in found] == ["unidentified_armed_group"]


@pytest.mark.parametrize("sentence, language", [
    ("Officials attributed the raid to bandits coming from Nigeria.", "en"),
    ("Des bandits armés venus du Nigeria voisin ont enlevé quatorze personnes à Safo.", "fr"),
])
def test_bandits_from_nigeria_are_north_west_nigerias_gangs_wherever_they_strike(sentence, language):
    assert [m.actor for m in find_actors(sentence, language)] == ["bandits_ng"]
    assert [m.actor for m in find_actors("Des bandits ont attaqué le village.", "fr")] == ["bandits_generic"]


def test_is_in_capitals_names_the_islamic_state_and_the_verb_does_not():
    assert [m.actor for m in find_actors("IS-linked fighters attacked the camp.", "en")] == ["is_generic"]
    assert "is_generic" not in [m.actor for m in find_actors("The group the army says is linked to bandits struck.",
                                                              "en")]
