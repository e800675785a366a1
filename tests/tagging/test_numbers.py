"""Reading counts as journalists write them, in English and French."""

import json
from pathlib import Path

from worker.tagging.numbers import claim_lexicon, find_quantities, parse_number


def test_digits_with_thousands_separators():
    assert parse_number("54", "en") == 54
    assert parse_number("1,200", "en") == 1200
    assert parse_number("1\u202f200", "fr") == 1200


def test_spelled_numbers_in_both_languages():
    assert parse_number("fifty-four", "en") == 54
    assert parse_number("cinquante-quatre", "fr") == 54
    assert parse_number("quatre-vingt-cinq", "fr") == 85
    assert parse_number("one hundred and sixty", "en") == 160


def test_approximate_words_have_a_nominal_value():
    assert parse_number("a dozen", "en") == 12
    assert parse_number("une vingtaine", "fr") == 20
    assert parse_number("une centaine", "fr") == 100


def test_vague_words_have_no_value():
    assert parse_number("dozens", "en") is None
    assert parse_number("plusieurs", "fr") is None
    assert parse_number("soldiers", "en") is None


def test_qualifier_before_a_count_is_kept():
    quantities = find_quantities("at least 54 soldiers and upwards of 70 members", "en")
    assert [(q.value, q.qualifier) for q in quantities] == [(54, "at_least"), (70, "more_than")]


def test_more_than_a_dozen_is_more_than_twelve():
    [q] = find_quantities("more than a dozen people", "en")
    assert (q.value, q.qualifier, q.surface) == (12, "more_than", "more than a dozen")


def test_french_plus_d_une_centaine():
    [q] = find_quantities("plus d'une centaine de terroristes", "fr")
    assert (q.value, q.qualifier) == (100, "more_than")


def test_french_vague_counts_after_de():
    # "font état de dizaines de morts": after "de", French drops the "des" of "des dizaines"
    [q] = find_quantities("Les autorités font état de dizaines de morts.", "fr")
    assert (q.value, q.qualifier) == (None, "dozens")
    [q] = find_quantities("Des témoins parlent de centaines de victimes.", "fr")
    assert (q.value, q.qualifier) == (None, "hundreds")
    [q] = find_quantities("Le déplacement de centaines de milliers de personnes.", "fr")
    assert (q.value, q.qualifier) == (100000, "at_least")


def test_dozens_stays_vague_after_a_qualifier():
    [q] = find_quantities("at least dozens of people", "en")
    assert (q.value, q.qualifier) == (None, "dozens")


def test_offsets_point_at_the_written_number():
    text = "Vingt-trois militaires et près de 20 civils"
    quantities = find_quantities(text, "fr")
    assert [text[q.num_start:q.end] for q in quantities] == ["Vingt-trois", "20"]
    assert quantities[1].qualifier == "nearly"


def test_lexicon_file_is_valid_and_complete():
    path = Path(__file__).resolve().parents[2] / "worker" / "tagging" / "data" / "claim_lexicon.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == claim_lexicon()
    for key in ("approx", "qualifiers", "kind_heads", "kind_after", "kind_before", "toll_words"):
        assert set(data[key]) == {"en", "fr"}, key
    kinds = {"killed", "wounded", "abducted", "missing", "captured", "displaced"}
    for key in ("kind_heads", "kind_after", "kind_before"):
        for lang in ("en", "fr"):
            assert set(data[key][lang].values()) <= kinds, (key, lang)
    qualifiers = {"exact", "at_least", "more_than", "about", "up_to", "nearly", "dozens", "hundreds", "several"}
    for lang in ("en", "fr"):
        assert set(data["qualifiers"][lang].values()) <= qualifiers
        assert {q for _, q in data["approx"][lang].values()} <= qualifiers
    assert set(data["claimants"]) == {"official", "perpetrator", "local", "un", "ngo", "media"}


def test_a_qualifier_after_a_french_elision_still_qualifies():
    found = find_quantities("Le bilan fait état d'au moins douze morts.", "fr")
    assert [(q.value, q.qualifier) for q in found] == [(12, "at_least")]


def test_a_spelled_count_after_a_source_named_with_un_is_read():
    # the number reader stops after "un habitant," in some phrasings; the count after it still counts
    assert [(q.value, q.surface) for q in find_quantities("Selon un habitant, neuf civils ont été tués.", "fr")] == [
        (9, "neuf")]
    assert [q.value for q in find_quantities("Un habitant : douze morts au marché.", "fr")] == [12]


def test_thousands_grouped_with_plain_spaces_as_french_writes_them():
    assert [(q.value, q.qualifier) for q in find_quantities("plus de 260 000 réfugiés et déplacés", "fr")] == [
        (260000, "more_than")]
    # a year next to a count stays two numbers
    assert [q.value for q in find_quantities("in 2019 100 people were killed", "en")] == [2019, 100]


def test_a_spelled_count_echoed_in_digits_is_one_count():
    assert [(q.value, q.surface) for q in find_quantities("dix-huit (18) terroristes et un (01) VDP", "fr")] == [
        (18, "dix-huit (18)"), (1, "un (01)")]
