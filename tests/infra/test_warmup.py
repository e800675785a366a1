"""Article workers load the tagger and trafilatura before forking; feed and alert workers do not."""

from __future__ import annotations

import time

from worker import warmup
from worker.tagging import tag_article


def test_warm_up_tags_both_languages_and_extracts_a_page():
    assert warmup.warm_article_code() >= 0


def test_only_workers_taking_article_or_admin_tasks_warm_up():
    assert not warmup.warm_if_consuming({"feeds"})
    assert not warmup.warm_if_consuming({"alerts", "feeds"})
    assert warmup.warm_if_consuming({"articles"})
    assert warmup.warm_if_consuming({"admin", "feeds"})
    assert warmup.warm_if_consuming(set())  # a worker on every queue


def test_after_the_warm_up_the_first_article_is_tagged_at_full_speed():
    warmup.warm_article_code()
    started = time.monotonic()
    tag_article({"id": "1", "title": "", "text": "Au moins dix civils ont été tués à Djibo, selon des sources locales.",
                 "published": "2024-01-01T00:00:00+00:00", "language": "fr"})
    assert time.monotonic() - started < 0.5  # loading the vocabularies alone takes about a second
