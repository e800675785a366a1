"""Realistic article pages for benchmarks: a news story inside a site's boilerplate.

Each page is a complete HTML document of 300-700 words of article text, in English or
French, wrapped in what real outlets wrap it in: a header with navigation, share
buttons, a cookie banner, an aside of most-read and related stories, a newsletter box,
a footer, inline scripts and styles. The text is recombined at run time from sentences
of real-looking news: the labelled corpus given by ``--corpus``/``$SAHELWATCH_BENCH_CORPUS``
(JSON Lines with ``title``, ``text``, ``language``) when there is one, otherwise the sample
pages bundled in ``worker/demo/data/pages``. A page opens with the lead of one story (so
most pages report an incident, some an ordinary event) and goes on with sentences drawn
from other stories of the same language, so no two pages are near copies.

    python bench/pages.py --count 4 --seed 1      # prints a summary of each page
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_PAGES = ROOT / "worker" / "demo" / "data" / "pages"
CORPUS_ENV = "SAHELWATCH_BENCH_CORPUS"

MIN_WORDS, MAX_WORDS = 300, 700
_SENTENCE_END = re.compile(r"(?<=[.!?»\"”])\s+(?=[A-ZÀ-Ý«\"“])")
_TAG = re.compile(r"<[^>]+>")

NAV = {
    "en": ["Home", "World", "Africa", "Sahel", "Politics", "Business", "Climate", "Sport", "Culture", "Opinion",
           "Video", "Podcasts"],
    "fr": ["Accueil", "Monde", "Afrique", "Sahel", "Politique", "Économie", "Environnement", "Sport", "Culture",
           "Opinions", "Vidéos", "Podcasts"],
}
CHROME = {
    "en": {"cookies": "We use cookies to improve your experience and to measure our audience. Accept or manage them.",
           "share": ["Share on Facebook", "Share on X", "Share on WhatsApp", "Copy link"],
           "most_read": "Most read", "related": "Related stories", "newsletter": "Get the Africa briefing every morning",
           "subscribe": "Subscribe", "rights": "All rights reserved.", "by": "By", "staff": "our correspondent",
           "links": ["About us", "Contact", "Terms of use", "Privacy policy", "Advertise", "Careers"]},
    "fr": {"cookies": "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience. Acceptez ou paramétrez.",
           "share": ["Partager sur Facebook", "Partager sur X", "Partager sur WhatsApp", "Copier le lien"],
           "most_read": "Les plus lus", "related": "À lire aussi", "newsletter": "Recevez la lettre Afrique chaque matin",
           "subscribe": "S'abonner", "rights": "Tous droits réservés.", "by": "Par", "staff": "notre correspondant",
           "links": ["Qui sommes-nous", "Contact", "Conditions d'utilisation", "Confidentialité", "Publicité",
                     "Recrutement"]},
}


@dataclass(frozen=True)
class Story:
    title: str
    sentences: list[str]
    language: str


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    language: str
    published: datetime
    html: str
    words: int


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph-separated text; short fragments (datelines, captions) are dropped."""
    sentences = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        for sentence in _SENTENCE_END.split(paragraph.strip()):
            if len(sentence.split()) >= 6:
                sentences.append(sentence.strip())
    return sentences


def load_stories(corpus: Path | None = None) -> list[Story]:
    """Stories from the corpus file if one is given or set in the environment, else the bundled pages."""
    path = corpus or (Path(os.environ[CORPUS_ENV]) if os.environ.get(CORPUS_ENV) else None)
    if path is not None and path.is_file():
        stories = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                sentences = split_sentences(item.get("text") or "")
                if sentences and item.get("language") in NAV:
                    stories.append(Story(item.get("title") or sentences[0][:80], sentences, item["language"]))
        if stories:
            return stories
    return _demo_stories()


def _demo_stories() -> list[Story]:
    stories = []
    for page in sorted(DEMO_PAGES.glob("*.html")):
        source = page.read_text(encoding="utf-8")
        language = "fr" if 'lang="fr"' in source else "en"
        title_match = re.search(r"<h1>(.*?)</h1>", source, re.S)
        paragraphs = [html.unescape(_TAG.sub("", p)) for p in re.findall(r"<p>(.*?)</p>", source, re.S)]
        sentences = split_sentences("\n".join(paragraphs))
        if sentences:
            title = html.unescape(_TAG.sub("", title_match.group(1))) if title_match else sentences[0][:80]
            stories.append(Story(title.strip(), sentences, language))
    return stories


def article_text(rng: random.Random, lead: Story, pool: list[Story]) -> list[list[str]]:
    """Paragraphs of 300-700 words: the lead story's opening, then sentences of other stories."""
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    sentences = list(lead.sentences[: rng.randint(3, 5)])
    others = [s for story in pool if story is not lead for s in story.sentences] or lead.sentences
    words = sum(len(s.split()) for s in sentences)
    while words < target:
        sentence = rng.choice(others)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def render(rng: random.Random, title: str, paragraphs: list[list[str]], language: str, published: datetime,
           slug: str, headlines: list[str]) -> str:
    """The article inside an outlet's page: navigation, banners, asides, scripts and footer."""
    chrome = CHROME[language]
    esc = html.escape
    nav = "".join(f'<li><a href="/{esc(item.lower())}">{esc(item)}</a></li>' for item in NAV[language])
    share = "".join(f'<li><button class="share">{esc(label)}</button></li>' for label in chrome["share"])
    body = "".join(f"<p>{esc(' '.join(p))}</p>" for p in paragraphs)
    most_read = "".join(f'<li><a href="/story/{n}">{esc(h)}</a></li>' for n, h in enumerate(rng.sample(headlines, 5)))
    related = "".join(f'<li><a href="/related/{n}">{esc(h)}</a></li>' for n, h in enumerate(rng.sample(headlines, 3)))
    links = "".join(f'<a href="/{n}">{esc(label)}</a> ' for n, label in enumerate(chrome["links"]))
    # Real outlets ship a mega-menu, a ticker, structured data and tracking code with every story:
    # tens of kilobytes that extraction must read and discard.
    mega = "".join(
        f'<li><a href="/{esc(section.lower())}">{esc(section)}</a><ul>'
        + "".join(f'<li><a href="/{esc(section.lower())}/{k}">{esc(h)}</a></li>'
                  for k, h in enumerate(rng.sample(headlines, 6)))
        + "</ul></li>"
        for section in NAV[language]
    )
    ticker = "".join(f'<li><time>{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}</time> '
                     f'<a href="/live/{n}">{esc(h)}</a></li>' for n, h in enumerate(rng.sample(headlines, 12)))
    json_ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                          "datePublished": published.isoformat(), "inLanguage": language,
                          "publisher": {"@type": "Organization", "name": "The Sahel Courier"}})
    tracking = "".join(f"window.__cfg{n}={{slot:'ad-{n}',sizes:[[300,250],[728,90]],targeting:{{section:'africa',"
                       f"id:'{rng.getrandbits(64):x}'}}}};" for n in range(40))
    stamp = published.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{esc(title)} | The Sahel Courier</title>"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta property="og:title" content="{esc(title)}"><meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<link rel="canonical" href="/{language}/{slug}.html">'
        "<style>body{font-family:Georgia,serif;margin:0}nav ul{display:flex;list-style:none}"
        ".cookie{position:fixed;bottom:0}.share{border:0}</style>"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());</script>"
        f'<script type="application/ld+json">{json_ld}</script><script>{tracking}</script></head><body>'
        f'<div class="cookie" role="dialog"><p>{esc(chrome["cookies"])}</p><button>OK</button></div>'
        f'<header><a class="logo" href="/">The Sahel Courier</a><nav><ul>{nav}</ul></nav>'
        f'<nav class="mega"><ul>{mega}</ul></nav>'
        f'<form action="/search"><input name="q"><button>Search</button></form>'
        f'<div class="ticker"><ul>{ticker}</ul></div></header>'
        f'<main><article><h1>{esc(title)}</h1>'
        f'<p class="byline">{esc(chrome["by"])} {esc(chrome["staff"])} · <time datetime="{stamp}">{stamp[:10]}</time></p>'
        f'<ul class="share-buttons">{share}</ul>'
        f'<div class="article-body">{body}</div></article>'
        f'<aside><h2>{esc(chrome["related"])}</h2><ul>{related}</ul></aside></main>'
        f'<aside class="sidebar"><h2>{esc(chrome["most_read"])}</h2><ol>{most_read}</ol>'
        f'<div class="newsletter"><h3>{esc(chrome["newsletter"])}</h3><input type="email">'
        f'<button>{esc(chrome["subscribe"])}</button></div></aside>'
        f"<footer><p>{links}</p><p>© {published.year} The Sahel Courier. {esc(chrome['rights'])}</p></footer>"
        '<script src="/static/app.js" async></script></body></html>'
    )


def generate(count: int, *, seed: int = 0, corpus: Path | None = None, now: datetime | None = None,
             languages: tuple[str, ...] = ("en", "fr")) -> list[Page]:
    """``count`` pages alternating languages, reproducible for a seed and a corpus."""
    rng = random.Random(seed)
    stories = load_stories(corpus)
    by_language = {lang: [s for s in stories if s.language == lang] for lang in languages}
    by_language = {lang: pool for lang, pool in by_language.items() if pool}
    if not by_language:
        raise SystemExit("no source sentences found for the page generator")
    now = now or datetime.now(timezone.utc)
    headlines = [s.title for s in stories]
    while len(headlines) < 12:
        headlines += headlines
    order = sorted(by_language)
    pages = []
    for n in range(count):
        language = order[n % len(order)]
        pool = by_language[language]
        lead = rng.choice(pool)
        paragraphs = article_text(rng, lead, pool)
        published = now - timedelta(minutes=rng.randint(1, 180))
        slug = f"story-{n:05d}"
        words = sum(len(s.split()) for p in paragraphs for s in p)
        pages.append(Page(slug, lead.title, language, published,
                          render(rng, lead.title, paragraphs, language, published, slug, headlines), words))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help=f"JSON Lines of stories (default: ${CORPUS_ENV} or the demo pages)")
    args = parser.parse_args()
    for page in generate(args.count, seed=args.seed, corpus=args.corpus):
        print(f"{page.slug} {page.language} {page.words:4d} words {len(page.html):6d} bytes  {page.title[:70]}")


if __name__ == "__main__":
    main()
