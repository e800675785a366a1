"""Load the article code's data once in a worker's parent process, before it forks its pool.

The tagger reads its gazetteer and vocabularies on first use (about 2.5 s of CPU for English
and French on the 2-core machine) and trafilatura builds its own tables. Done in every pool
child, that is paid again by each child, and again for each replacement child after
`worker_max_tasks_per_child`; done in the parent, every child starts warm and shares the pages.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)

SAMPLES = {
    "en": "Gunmen killed twelve soldiers in an attack on an army post near Menaka, Mali, on Sunday, officials said.",
    "fr": "Des hommes armés ont tué douze soldats dans l'attaque d'un poste de l'armée près de Djibo dimanche.",
}
PAGE = ("<html lang='en'><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>"
        + " ".join([SAMPLES["en"]] * 4) + "</p></article></body></html>").encode()

WARM_QUEUES = frozenset({"articles", "admin"})  # the queues whose tasks extract and tag


def warm_article_code() -> float:
    """Tag one sentence per language and extract one page; returns the seconds it took."""
    from worker.articles.extract import extract_article
    from worker.tagging import tag_article

    started = time.monotonic()
    for language, text in SAMPLES.items():
        tag_article({"id": "warm-up", "title": "", "text": text, "published": "2024-01-01T00:00:00+00:00",
                     "language": language})
    extract_article(PAGE, "http://warm-up.invalid/", len(PAGE) + 1)
    return time.monotonic() - started


def warm_if_consuming(queue_names: set[str]) -> bool:
    """Warm up in a worker that takes article or admin tasks (or every queue); feed and alert
    workers stay lean. Returns whether it warmed up."""
    if queue_names and not queue_names & WARM_QUEUES:
        return False
    try:
        log.info("article code warmed up in %.1f s before forking", warm_article_code())
    except Exception:  # a failed warm-up only costs the children their first-use load
        log.exception("warm-up failed; pool children will load the article code themselves")
        return False
    return True
