"""Article extraction: what the worker keeps from a page, with and without the page's own date."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from worker.articles.extract import extract_article
from worker.net.guard import FetchError

BODY = " ".join(["Gunmen attacked the village of Koumbri on Sunday, killing twelve civilians, officials said."] * 6)
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Gunmen kill 12 in Koumbri | Sahel Courier</title>
<meta property="og:title" content="Gunmen kill 12 in Koumbri">
<link rel="canonical" href="https://courier.example/2023/03/koumbri-attack">
<meta property="article:published_time" content="2023-03-06T08:00:00+00:00">
</head><body><nav><a href="/">Home</a><a href="/sahel">Sahel</a></nav>
<article><h1>Gunmen kill 12 in Koumbri</h1><p>{BODY}</p><p>{BODY}</p></article>
<footer>© Sahel Courier</footer></body></html>""".encode()


def test_a_page_read_in_full_gives_its_text_title_canonical_link_and_date():
    got = extract_article(PAGE, "https://courier.example/?p=123", 1_000_000)
    assert "Koumbri" in got.text
    assert got.title == "Gunmen kill 12 in Koumbri"
    assert got.canonical == "https://courier.example/2023/03/koumbri-attack"
    assert got.published == datetime(2023, 3, 6, tzinfo=timezone.utc)
    assert got.language_hint == "en"


def test_a_page_whose_feed_gave_the_date_is_read_without_its_date_and_the_same_otherwise():
    full = extract_article(PAGE, "https://courier.example/?p=123", 1_000_000)
    dated = extract_article(PAGE, "https://courier.example/?p=123", 1_000_000, dated=True)
    assert (dated.text, dated.title, dated.canonical, dated.language_hint) == (
        full.text, full.title, full.canonical, full.language_hint)
    assert dated.published is None


@pytest.mark.parametrize("dated", [False, True])
def test_a_page_without_article_text_is_refused_either_way(dated):
    with pytest.raises(FetchError, match="no article text|too short"):
        extract_article(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://x.example/",
                        1_000_000, dated=dated)
