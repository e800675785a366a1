"""SimHash near duplicates: reprints and light edits match, different stories do not.

The stories below are invented for these tests (names and figures are not real events).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

from worker.articles.neardup import (
    NEAR_DUPLICATE_BITS,
    find_near_duplicate,
    hamming,
    simhash,
    tokens,
)

WIRE_EN = """\
Gunmen on motorcycles attacked an army post near the town of Boulkessi in central Mali on
Sunday, killing at least twelve soldiers and wounding several others, security sources and
local officials said on Monday. The assailants arrived at dawn in several groups, fired on
the post for more than an hour and set fire to two vehicles before withdrawing towards the
border with Burkina Faso, according to a local elected official who asked not to be named
for his safety. The army confirmed the attack in a statement read on national television
but gave a lower toll of eight dead, saying that reinforcements had been sent to the area
and that an air operation was under way to track the attackers. No group immediately
claimed responsibility. The area has for years been the scene of attacks by the Group for
the Support of Islam and Muslims, an alliance linked to al Qaeda, and by fighters loyal to
the Islamic State in the Sahel. Residents reached by telephone said that shops in the town
had stayed closed on Monday and that many families had left for the regional capital,
fearing further violence. A teacher said he had heard heavy gunfire for most of the morning
and had seen smoke rising from the direction of the camp. Humanitarian organisations say
that more than three hundred thousand people have been displaced in the region over the
past two years, and that access to several districts has become almost impossible because
roads are mined or blocked by armed men. Aid convoys have been attacked twice since January,
and the price of grain has doubled in some markets. The government, which took power after
a coup, has promised to restore security across the country and has turned to new military
partners after the departure of French and United Nations forces. Critics say that the
strategy has led to abuses against civilians and has not stopped the spread of armed groups
towards the south and west of the country. Human rights groups have called for independent
investigations into several incidents in which villagers were reportedly killed during army
operations. The authorities reject these accusations and say that their operations target
only terrorists. Regional leaders are due to meet later this month to discuss cooperation
on border security, the exchange of intelligence and the funding of a joint force. Analysts
expect the meeting to focus on the situation in the border triangle shared by Mali, Burkina
Faso and Niger, where most of the deadliest attacks of the past year have taken place. The
United Nations has warned that the humanitarian situation in the central Sahel is among the
most neglected crises in the world, with funding covering less than a third of needs.
"""

WIRE_FR = """\
Des hommes armés ont attaqué dimanche un poste de l'armée près de la ville de Djibo, dans le
nord du Burkina Faso, tuant au moins quinze soldats et des supplétifs civils, ont indiqué
lundi des sources sécuritaires et locales. Les assaillants, arrivés à l'aube à bord de
motos et de pick-up, ont ouvert le feu pendant plus d'une heure avant de se replier vers la
frontière malienne, selon un habitant joint par téléphone. L'armée a confirmé l'attaque dans
un communiqué, sans donner de bilan, et a annoncé que des renforts avaient été dépêchés dans
la zone. L'attaque n'a pas été revendiquée dans l'immédiat. La région est en proie depuis
plusieurs années aux violences du Groupe de soutien à l'islam et aux musulmans, lié à al
Qaïda, et de l'État islamique au Sahel. Des habitants ont affirmé que les marchés étaient
restés fermés lundi et que de nombreuses familles avaient quitté la ville par crainte de
nouvelles attaques. Djibo est sous blocus depuis plus de deux ans et n'est ravitaillée que
par des convois escortés, régulièrement pris pour cible. Selon les organisations
humanitaires, plus de deux millions de personnes sont déplacées dans le pays et des
centaines d'écoles et de centres de santé ont fermé. Les autorités de transition, arrivées
au pouvoir par un coup d'État, ont promis de reconquérir le territoire et misent sur le
recrutement massif de volontaires pour la défense de la patrie. Des organisations de défense
des droits humains accusent ces supplétifs et l'armée d'exactions contre des civils, ce que
le gouvernement dément. Les dirigeants de la région doivent se réunir à la fin du mois pour
discuter de la coopération sécuritaire et du financement d'une force conjointe.
"""

# Different stories about the same kind of attack in the same place.
OTHER_EN = """\
Suspected jihadists ambushed a military convoy on the road between Boulkessi and Mondoro in
central Mali on Thursday, the army said, adding that its troops had repelled the attack and
killed about twenty assailants. Two soldiers died and five were injured, the army said in a
post on social media. A local official said the convoy had been escorting fuel trucks and
that several vehicles were destroyed by an improvised explosive device before gunfire broke
out. The Group for the Support of Islam and Muslims later said in a message that its
fighters had carried out the ambush. Tolls given by the army and by armed groups cannot be
independently verified because access to the area is restricted.
"""

OTHER_FR = """\
Une embuscade contre un convoi de ravitaillement a fait plusieurs morts jeudi sur l'axe
reliant Djibo à Namsiguia, dans le nord du Burkina Faso, selon des sources locales. Un engin
explosif a frappé un camion de tête avant que des tirs nourris ne visent les véhicules
d'escorte, a raconté un chauffeur rescapé. L'armée n'a pas communiqué de bilan. Le convoi
transportait des vivres et du carburant destinés à la ville, dont les habitants manquent de
tout depuis des mois. Des volontaires pour la défense de la patrie figuraient parmi les
victimes, selon un responsable local.
"""


def _sentences(text: str) -> list[str]:
    return [s.strip().rstrip(".") + "." for s in " ".join(text.split()).split(". ") if s.strip()]


def _paragraphs(sentences: list[str], per_paragraph: int = 4) -> str:
    """Text as extraction returns it: one paragraph per line."""
    return "\n".join(" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph))


def _typo(sentences: list[str], rng: random.Random) -> str:
    sentences = list(sentences)
    k = rng.randrange(len(sentences))
    words = sentences[k].split()
    i = rng.randrange(len(words))
    word = words[i]
    if len(word) > 3:
        j = rng.randrange(1, len(word) - 2)
        words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    sentences[k] = " ".join(words)
    return _paragraphs(sentences)


def _reprint(sentences: list[str], rng: random.Random) -> str:
    headline = rng.choice(["Mali: soldiers killed in attack on army post", "Deadly raid on army camp",
                           "Burkina Faso : une attaque fait des morts", "Sahel : nouvelle attaque jihadiste"])
    byline = rng.choice(["By Staff Reporter", "AFP", "Reuters", "Par notre correspondant", "With agencies"])
    footer = rng.choice(["Read also: our coverage of the Sahel.", "Lire aussi : notre dossier sur le Sahel.",
                         "Follow us on social media for the latest news.", "© All rights reserved."])
    return f"{headline}\n{byline}\n{_paragraphs(sentences)}\n{footer}"


def _add_sentence(sentences: list[str], rng: random.Random) -> str:
    extra = rng.choice(["The information could not be confirmed independently on Monday evening.",
                        "Cette information n'a pas pu être vérifiée de source indépendante lundi soir.",
                        "An earlier version of this story gave a different date for the attack."])
    sentences = list(sentences)
    sentences.insert(rng.randrange(len(sentences) + 1), extra)
    return _paragraphs(sentences)


def _drop_sentence(sentences: list[str], rng: random.Random) -> str:
    sentences = list(sentences)
    del sentences[rng.randrange(len(sentences))]
    return _paragraphs(sentences)


EDITS = {"typo": _typo, "reprint": _reprint, "sentence added": _add_sentence, "sentence dropped": _drop_sentence}


def measure(trials: int = 1000, seed: int = 7) -> dict[str, dict[str, list[int]]]:
    """Distances between each story and randomly edited copies: the figures behind the threshold."""
    rng = random.Random(seed)
    results: dict[str, dict[str, list[int]]] = {}
    for name, story in (("en", WIRE_EN), ("fr", WIRE_FR)):
        sentences = _sentences(story)
        base = simhash(_paragraphs(sentences))
        results[name] = {edit: [hamming(base, simhash(fn(sentences, rng))) for _ in range(trials)]
                         for edit, fn in EDITS.items()}
    return results


def test_punctuation_and_case_do_not_change_the_fingerprint() -> None:
    shouted = WIRE_EN.upper().replace(",", "").replace(".", " ;")
    assert simhash(shouted) == simhash(WIRE_EN)


def test_accents_are_folded() -> None:
    assert tokens("L'ARMÉE a été") == tokens("l'armee a ete")


def test_reprint_with_another_headline_byline_and_footer_is_a_near_duplicate() -> None:
    for story in (WIRE_EN, WIRE_FR):
        reprint = "Deadly raid on army camp\nBy Staff Reporter\n" + story + "\nRead also: our coverage of the Sahel."
        assert hamming(simhash(story), simhash(reprint)) <= NEAR_DUPLICATE_BITS


def test_a_typo_keeps_a_near_duplicate() -> None:
    edited = WIRE_EN.replace("reinforcements", "reinforcemnets")
    assert hamming(simhash(WIRE_EN), simhash(edited)) <= NEAR_DUPLICATE_BITS
    edited_fr = WIRE_FR.replace("ravitaillée", "ravitailée")
    assert hamming(simhash(WIRE_FR), simhash(edited_fr)) <= NEAR_DUPLICATE_BITS


def test_a_sentence_added_keeps_a_near_duplicate() -> None:
    added = WIRE_EN.replace("No group immediately", "The toll could not be verified independently. No group immediately")
    assert hamming(simhash(WIRE_EN), simhash(added)) <= NEAR_DUPLICATE_BITS
    added_fr = WIRE_FR + " Cette information n'a pas pu être vérifiée de source indépendante."
    assert hamming(simhash(WIRE_FR), simhash(added_fr)) <= NEAR_DUPLICATE_BITS


def test_random_reprints_typos_and_added_sentences_stay_within_the_threshold() -> None:
    for language, by_edit in measure(trials=200).items():
        for edit, distances in by_edit.items():
            within = sum(d <= NEAR_DUPLICATE_BITS for d in distances) / len(distances)
            expected = 0.5 if edit == "sentence dropped" else 0.95
            assert within >= expected, f"{language} {edit}: only {within:.0%} within {NEAR_DUPLICATE_BITS} bits"


def test_different_stories_about_the_same_attack_type_and_place_are_far_apart() -> None:
    assert hamming(simhash(WIRE_EN), simhash(OTHER_EN)) > 3 * NEAR_DUPLICATE_BITS
    assert hamming(simhash(WIRE_FR), simhash(OTHER_FR)) > 3 * NEAR_DUPLICATE_BITS
    assert hamming(simhash(WIRE_EN), simhash(WIRE_FR)) > 3 * NEAR_DUPLICATE_BITS


def test_empty_and_short_texts_do_not_crash() -> None:
    assert simhash("") == 0
    assert simhash("  ... !! ") == 0
    assert simhash("Mali") != 0
    assert simhash("attaque à Djibo") == simhash("Attaque a DJIBO")
    assert find_near_duplicate(0, [(1, 0)]) is None


def test_fingerprint_is_a_signed_64_bit_integer() -> None:
    values = [simhash(text) for text in (WIRE_EN, WIRE_FR, OTHER_EN, OTHER_FR, "a b c", "x")]
    assert all(-(2**63) <= v < 2**63 for v in values)
    assert any(v < 0 for v in values), "the high bit must map to a negative value, as PostgreSQL stores it"
    assert hamming(-1, 2**64 - 1) == 0
    assert hamming(-1, 0) == 64


def test_fingerprints_are_stable_across_processes() -> None:
    code = "from worker.articles.neardup import simhash; print(simhash('Attaque contre un poste de l\\'armée à Djibo'))"
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip()
        for seed in ("1", "2")
    }
    assert outputs == {str(simhash("Attaque contre un poste de l'armée à Djibo"))}


KNOWN_ANSWER = -5648161874191066734  # fixed forever: stored fingerprints must stay comparable


def test_known_answer() -> None:
    assert simhash("Gunmen attacked an army post near Boulkessi") == KNOWN_ANSWER


def _reference_simhash(text: str) -> int:
    """The textbook loop, bit by bit: slow but obviously right."""
    from hashlib import blake2b

    from worker.articles.neardup import body_tokens, shingles

    counts = [0] * 64
    for shingle in shingles(body_tokens(text)):
        value = int.from_bytes(blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            counts[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(64) if counts[bit] > 0)
    return unsigned - 2**64 if unsigned >= 2**63 else unsigned


def test_fast_bit_counting_matches_the_textbook_loop() -> None:
    for text in (WIRE_EN, WIRE_FR, OTHER_EN, OTHER_FR, "Gunmen attacked an army post near Boulkessi", "x"):
        assert simhash(text) == _reference_simhash(text)


def test_find_near_duplicate_returns_the_closest_within_the_threshold() -> None:
    base = simhash(WIRE_EN)
    reprint = simhash(WIRE_EN.replace("No group immediately", "The toll could not be verified. No group immediately"))
    assert 0 < hamming(base, reprint) <= NEAR_DUPLICATE_BITS
    candidates = [(1, simhash(OTHER_EN)), (2, reprint), (3, base), (4, 0)]
    assert find_near_duplicate(base, candidates) == 3
    assert find_near_duplicate(base, [(1, simhash(OTHER_EN))]) is None
    assert find_near_duplicate(base, []) is None


if __name__ == "__main__":  # print the figures quoted in NEAR_DUPLICATE_BITS's docstring
    for lang, by_edit in measure().items():
        for edit, ds in by_edit.items():
            ds.sort()
            print(f"{lang} {edit:16} median {statistics.median(ds):.0f}  p95 {ds[int(0.95 * len(ds))]}  max {ds[-1]}"
                  f"  within {sum(d <= NEAR_DUPLICATE_BITS for d in ds) / len(ds):.1%}")
    print("different stories:", hamming(simhash(WIRE_EN), simhash(OTHER_EN)), hamming(simhash(WIRE_FR), simhash(OTHER_FR)),
          hamming(simhash(WIRE_EN), simhash(WIRE_FR)))


def test_fingerprints_fit_the_bigint_column_and_match_after_a_round_trip(db_url: str) -> None:
    import secrets

    from sqlalchemy import select

    from worker.db.migrate import upgrade
    from worker.db.models import Article
    from worker.db.session import session_scope

    upgrade(db_url)
    tag = secrets.token_hex(6)  # the PostgreSQL database is shared by the session: unique URLs
    texts = {"wire": WIRE_EN, "other": OTHER_EN, "fr": WIRE_FR}
    fingerprints = {name: simhash(text) for name, text in texts.items()}
    assert min(fingerprints.values()) < 0  # the signed range is exercised
    with session_scope(db_url) as session:
        rows = {name: Article(url=f"https://example.org/{tag}/{name}", canonical_url=f"https://example.org/{tag}/{name}",
                              text=text, content_hash=f"{tag}-{name}", simhash=fingerprints[name])
                for name, text in texts.items()}
        session.add_all(rows.values())
        session.flush()
        ids = {name: row.id for name, row in rows.items()}
    with session_scope(db_url) as session:
        candidates = [(row.id, row.simhash) for row in session.execute(
            select(Article.id, Article.simhash).where(Article.canonical_url.like(f"https://example.org/{tag}/%")))]
    assert {simhash_ for _, simhash_ in candidates} == set(fingerprints.values())
    reprint = simhash("Deadly raid on army camp\nBy Staff Reporter\n" + WIRE_EN)
    assert find_near_duplicate(reprint, candidates) == ids["wire"]
