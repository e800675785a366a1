"""Live blogs and updated stories: the latest timestamped update's toll is the story's."""
import pytest

from worker.tagging import tag_article
from worker.tagging.updates import update_rank


@pytest.mark.parametrize("opening,rank", [
    ("19:20 GMT - UPDATE 4: JNIM claimed the attack", (19 * 60 + 20, -1)),
    ("Mise à jour 18h30 : Dans un communiqué", (18 * 60 + 30, -1)),
    ("Article initial (09h15) : Le camp", (9 * 60 + 15, -1)),
    ("UPDATE 3: MINUSMA says", (-1, 3)),
    ("UPDATE 2 (14:00) - Police say", (14 * 60, 2)),
    ("Le 12 mars : des hommes armés", None),
    ("At 5:30 pm, gunmen opened fire", None),
    ("In 2019: the army", None),
])
def test_update_stamps(opening, rank):
    assert update_rank(opening) == rank


def _event(title, text, language="en", published="2021-08-05T19:00:00Z"):
    out = tag_article({"id": "t", "title": title, "text": text, "published": published, "language": language})
    return next(e for e in out["events"] if e["primary"])


def test_newest_first_live_blog_takes_the_latest_toll():
    event = _event("LIVE: attack on army camp near Boni",
                   "Latest updates first.\n\n"
                   "18:10 GMT - UPDATE 3: The army now says 12 soldiers were killed and at least 6 attackers died.\n\n"
                   "13:00 GMT - UPDATE 2: A military source says the toll has risen to 9 soldiers killed.\n\n"
                   "09:30 GMT - UPDATE 1: Four soldiers were killed in an attack on the army camp at Boni, in the "
                   "Mopti region, early on Thursday, a security source said.")
    assert event["fatalities"] == 18


def test_updated_french_story_takes_the_latest_toll_even_if_provisional():
    event = _event("Mali : au moins 16 soldats tués à Boulkessi (nouveau bilan)",
                   "Mise à jour 18h30 : L'état-major fait état d'un bilan provisoire de 16 militaires tués dans "
                   "l'attaque de ce jeudi contre le camp de Boulkessi.\n\n"
                   "Mise à jour 13h00 : Le bilan s'est alourdi à 14 soldats tués, selon une source militaire.\n\n"
                   "Article initial (09h15) : Le camp militaire de Boulkessi, dans le cercle de Douentza, a été "
                   "attaqué ce jeudi à l'aube par des hommes armés. Au moins dix soldats ont été tués, selon une source "
                   "sécuritaire.",
                   language="fr")
    assert event["fatalities"] == 16


def test_a_group_boasting_in_the_last_update_does_not_replace_the_toll():
    event = _event("LIVE: attack on UN camp in Aguelhok",
                   "Latest updates first.\n\n"
                   "19:20 GMT - UPDATE 3: JNIM claimed the attack, saying its fighters killed 40 peacekeepers.\n\n"
                   "17:40 GMT - UPDATE 2: MINUSMA says five peacekeepers were killed in the attack on its camp "
                   "at Aguelhok, in the Kidal region.\n\n"
                   "09:30 GMT - UPDATE 1: MINUSMA confirms two peacekeepers were killed in an attack on its camp.",
                   published="2020-10-22T19:35:00Z")
    assert event["fatalities"] == 5
