"""The phrase-alternation shaping must never change what a phrase list matches."""
import random
import re

import pytest

from worker.tagging.regex import factor, factor_labelled, flatten, heads, leftmost_spans, lower_literals, \
    lower_same_length, top_level_alternatives

PHRASES = [r"\blast (?:year|month)\b", r"\blat(?:e)? (?:year|month)\b", r"(?:\bearly|mid) year",
           r"(?:l'an|le mois) dernier", r"(?:a|b)?x", r"\b\d+ days? ago", "lat", r"\blast"]
WORDS = "last year late early mid month lat l'an le mois dernier xlast ylate a b x ax 3 days ago".split()


def _flat(patterns):
    return [alt for p in patterns for top in top_level_alternatives(p) for alt in flatten(top)]


def test_a_cue_opening_with_a_group_is_read_at_its_first_letters():
    assert heads("(?:hit|struck|stepped on) an? mine") == {"h", "s"}
    assert heads("(?:military )?headquarters") == {"m", "h"}
    assert heads("[ab]c") is None


def test_an_opening_group_is_spread_over_its_alternatives_in_order():
    assert flatten(r"\b(?:last|previous) year") == [r"\blast year", r"\bprevious year"]
    assert flatten("(?:a|b)?x") == ["(?:a|b)?x"]      # an optional group is left alone


@pytest.mark.parametrize("seed", range(3))
def test_factored_phrases_match_where_and_what_the_plain_alternation_matches(seed):
    rng = random.Random(seed)
    plain = re.compile("|".join(f"(?:{p})" for p in PHRASES))
    shaped = re.compile(factor(_flat(PHRASES)))
    for _ in range(3000):
        text = " ".join(rng.choice(WORDS) for _ in range(7))
        a, b = plain.search(text), shaped.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_a_shared_word_start_is_checked_once_and_keeps_its_meaning():
    shaped = re.compile(factor(_flat([r"\blast year", r"\bprevious year"])))
    assert shaped.pattern.startswith(r"\b")
    assert shaped.search("it happened last year") and not shaped.search("it happened atlast year")


def test_a_shared_opening_word_lets_the_engine_jump_to_it_and_keeps_its_meaning():
    shaped = re.compile(factor(_flat([r"\blast year", r"\bl'an dernier"])))
    assert shaped.pattern.startswith("l(?<!")         # a literal the engine can skip ahead to
    assert shaped.search("last year").span() == (0, 9)
    assert shaped.search("it happened l'an dernier") and not shaped.search("it happened atlast year")
    claims = re.compile(factor([r"\bclaims?\b", r"\bclaimed"]))
    assert claims.pattern.startswith("claim(?<!\\wclaim)")   # "s?" stays out of the shared word
    assert [m.group() for m in claims.finditer("claim, claims, reclaimed, claimed")] == ["claim", "claims", "claimed"]


def _matches_like_the_plain_alternation(phrases: list[str], words: str, separators: str, seed: int) -> None:
    """`factor(phrases)` finds what the plain alternation finds, where it finds it, in random texts."""
    rng = random.Random(seed)
    plain = re.compile("|".join(f"(?:{p})" for p in phrases))
    shaped = re.compile(factor(phrases))
    vocabulary = words.split()
    for _ in range(3000):
        text = "".join(rng.choice(vocabulary) + rng.choice(separators) for _ in range(6))
        a, b = plain.search(text), shaped.search(text)
        assert (a and a.span()) == (b and b.span()), text


@pytest.mark.parametrize("seed", range(3))
def test_a_shared_opening_word_matches_where_and_what_the_plain_alternation_matches(seed):
    _matches_like_the_plain_alternation([r"\bla semaine\b", r"\bl'an dernier", r"\blast(?: year)?", r"\bla?x"],
                                        "la semaine l'an dernier last year lax lx x alast ala", " ,-'", seed)


def test_phrases_opening_with_a_look_behind_join_their_letters_branch():
    # one branch for "a", not a barrier the engine must try at every position
    shaped = factor([r"(?<!par )\bailleurs\b", r"\bautre\b", r"\b(?<!had )(?<!had also )claims?"])
    assert shaped.startswith(r"\b(?:a(?:")
    assert shaped.count("(?:a") == 1 and shaped.count("c(?<!") == 1
    found = [m.group() for m in re.finditer(shaped, "par ailleurs, d'ailleurs autre had claims, he claims")]
    assert found == ["ailleurs", "autre", "claims"]


@pytest.mark.parametrize("seed", range(3))
def test_look_behind_phrases_match_where_and_what_the_plain_alternation_matches(seed):
    _matches_like_the_plain_alternation([r"(?<!par )\bailleurs\b", r"\b(?<!had )claim(?:ed|s)?", r"(?<!x)yes", r"(?<=a )bc",
                                         r"\bautre", r"(?<!\d )\bans?\b", r"(?<!x)\by?es"],
                                        "par ailleurs had claimed claims xyes yes es a bc bc autre 3 ans an x", " ,'", seed)


def test_labelled_alternatives_name_the_one_that_matched():
    shaped = re.compile(factor_labelled([("grenade attack", "g1"), ("grenade", "g2"), ("gunfire", "g3")]))
    assert shaped.search("a grenade attack").lastgroup == "g1"
    assert shaped.search("a grenade").lastgroup == "g2"
    assert shaped.search("heavy gunfire").lastgroup == "g3"


def test_literals_are_lowered_but_escapes_are_not():
    assert lower_literals(r"IEDs?\W+\S(?P<Name>X)") == r"ieds?\W+\S(?P<Name>x)"


def test_lowering_keeps_offsets_even_for_letters_that_grow():
    text = "İstanbul ATTACK"
    assert len(lower_same_length(text)) == len(text)
    assert lower_same_length("ATTAQUE à Ménaka") == "attaque à ménaka"


def test_two_searches_merge_as_one_alternation_would():
    text = "IS fighters and the ISGS attacked; the Islamic State said"
    names = re.compile(r"(?<!\w)(?:is fighters|islamic state)(?!\w)")
    caps = re.compile(r"(?<!\w)(?:IS|ISGS)(?!\w)")
    lowered = text.lower()
    spans = leftmost_spans(lambda pos: names.search(lowered, pos), lambda pos: caps.search(text, pos))
    together = re.compile(r"(?<!\w)(?:(?i:is fighters|islamic state)|IS|ISGS)(?!\w)")
    assert spans == [m.span() for m in together.finditer(text)]
    assert [text[a:b] for a, b in spans] == ["IS fighters", "ISGS", "Islamic State"]
