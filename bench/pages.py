"""Realistic article pages for benchmarks: a news story inside a real outlet's page, at a real page's size.

Each page is a complete HTML document of 300-700 words of article text, in English or
French, wrapped in what news sites wrap a story in. The text is recombined at run time from
sentences of real-looking news: the labelled corpus given by ``--corpus``/``$SAHELWATCH_BENCH_CORPUS``
(JSON Lines with ``title``, ``text``, ``language``) when there is one, otherwise the project's
own labelled stories (``tests/tagging/data/labelled_*.jsonl``: some four hundred, half in
French, about four in five reporting an incident), otherwise the five sample pages bundled in
``worker/demo/data/pages``. A page opens with the lead of one story, a story no page has led
with yet while there are any, and goes on with sentences drawn from other stories of the same
language, so pages are near copies of one another only when there are more pages than stories.

Sizes: each page's size is drawn between 60 and 250 KB of HTML (triangular, mode 110 KB), and
the chrome alone takes 70-85 KB, so pages come out at 70-245 KB, about 140 KB on average
(median 130 KB), because that is what outlets serve for one story: article pages of
the BBC, Reuters, Le Monde, RFI, Jeune Afrique or Al Jazeera weigh roughly 60-250 KB of
HTML before any image or external script, while the story itself is 2-5 KB of text. The
rest, reproduced here in proportions typical of those pages, is:

- the head: 40-odd meta and link tags (OpenGraph, Twitter cards, preloads, icons, alternate
  languages), a JSON-LD NewsArticle, inline critical CSS (10-25 KB), tag-manager, consent
  and ad-slot configuration scripts;
- a front-end framework's hydration state (the story's metadata and the teasers of the
  section's latest stories as JSON, 15-90 KB: the share of the page that grows most);
- a header with a mega-menu (a dozen sections of 10-15 links), a breaking-news ticker,
  share buttons with inline SVG icons, a figure with a responsive image set;
- inside the story: "read also" boxes and ad slots between paragraphs;
- after it: tags, the author's box, related and most-read stories (cards with images and
  summaries), a comment thread, a newsletter box, a footer site map, a consent dialog
  listing its vendors, and deferred scripts.

The page is padded to its drawn size with more of what real pages grow by (teasers in the
hydration state and comments), never with filler a real page would not have.

    python bench/pages.py --count 4 --seed 1      # prints a summary of each page and the average size
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

try:  # run as a script (python bench/pages.py) or imported as bench.pages
    from bench import page_chrome as chrome
except ImportError:  # pragma: no cover
    import page_chrome as chrome  # type: ignore[no-redef]

esc = html.escape
ROOT = Path(__file__).resolve().parents[1]
DEMO_PAGES = ROOT / "worker" / "demo" / "data" / "pages"
LABELLED = ROOT / "tests" / "tagging" / "data"   # the project's own labelled EN/FR stories
CORPUS_ENV = "SAHELWATCH_BENCH_CORPUS"

MIN_WORDS, MAX_WORDS = 300, 700
MIN_PAGE_KB, MODE_PAGE_KB, MAX_PAGE_KB = 60, 110, 250  # real outlets' article pages, HTML only (see above)
_SENTENCE_END = re.compile(r"(?<=[.!?»\"”])\s+(?=[A-ZÀ-Ý«\"“])")
_TAG = re.compile(r"<[^>]+>")

CHROME = {
    "en": {"most_read": "Most read", "related": "Related stories", "newsletter": "Get the Africa briefing every morning",
           "subscribe": "Subscribe"},
    "fr": {"most_read": "Les plus lus", "related": "À lire aussi", "newsletter": "Recevez la lettre Afrique chaque matin",
           "subscribe": "S'abonner"},
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
    """Stories from the corpus file if one is given or set in the environment, else the project's
    labelled stories (English and French, about 80% reporting an incident), else the five
    bundled demo pages."""
    path = corpus or (Path(os.environ[CORPUS_ENV]) if os.environ.get(CORPUS_ENV) else None)
    files = [path] if path is not None and path.is_file() else sorted(LABELLED.glob("labelled_*.jsonl"))
    stories = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                sentences = split_sentences(item.get("text") or "")
                if sentences and item.get("language") in CHROME:
                    stories.append(Story(item.get("title") or sentences[0][:80], sentences, item["language"]))
    return stories or _demo_stories()


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
           slug: str, headlines: list[str], extra: list[str] | None = None, *, pad: bool = True) -> str:
    """The article inside an outlet's page (bench/page_chrome.py), padded to a size drawn from real pages'.

    `extra` is a pool of other sentences of the same language, for teaser summaries and comments."""
    pool = extra or [" ".join(p) for p in paragraphs]
    target = int(rng.triangular(MIN_PAGE_KB, MAX_PAGE_KB, MODE_PAGE_KB) * 1024) if pad else 0
    stamp = published.strftime("%Y-%m-%dT%H:%M:%SZ")
    description = " ".join(paragraphs[0])[:200]
    tags = rng.sample(headlines, 4)
    tags = [" ".join(t.split()[:2]) for t in tags]
    latest = [chrome.teaser(rng, h, rng.choice(pool), language, published) for h in rng.sample(headlines, 12)]
    body = []
    for n, paragraph in enumerate(paragraphs):
        body.append(f"<p>{esc(' '.join(paragraph))}</p>")
        if n == 1:
            body.append(chrome.read_also(rng.choice(headlines), language))
        if n in (2, 5):
            body.append(chrome.ad_slot(n, language))
    related = [chrome.teaser(rng, h, rng.choice(pool), language, published) for h in rng.sample(headlines, 6)]
    most_read = "".join(f'<li><a href="/{language}/{n}">{esc(h)}</a></li>' for n, h in enumerate(rng.sample(headlines, 5)))
    words = chrome.WORDS[language]
    comments = [chrome.comment(rng, rng.choice(pool), language, n) for n in range(rng.randint(3, 12))]
    author = rng.choice(chrome.NAMES) + " " + rng.choice(chrome.NAMES)

    def page() -> str:
        return (
            f'<!DOCTYPE html><html lang="{language}">'
            + chrome.head(rng_fixed(), title, language, stamp, slug, description, tags)
            + f'<body class="article-page">{chrome.hydration_state(latest, title, stamp)}'
            + chrome.header(rng_fixed(), language, headlines)
            + '<main><nav class="breadcrumbs">' + " › ".join(esc(x) for x in chrome.SECTIONS[language][:3]) + "</nav>"
            + f'<article class="story"><header><h1>{esc(title)}</h1>'
            + f'<p class="byline">{esc(author)} · <time datetime="{stamp}">{stamp[:10]}</time></p>'
            + chrome.share_buttons(rng_fixed())
            + f'<figure>{chrome._image(rng_fixed(), title)}<figcaption>{esc(title[:60])}</figcaption></figure></header>'
            + f'<div class="story__body">{"".join(body)}</div>'
            + f'<footer class="story__footer"><h2>{words["tags"]}</h2><ul class="tags">'
            + "".join(f'<li><a href="/tag/{n}">{esc(t)}</a></li>' for n, t in enumerate(tags)) + "</ul>"
            + f'<div class="author-box"><h2>{words["about"]}</h2><p>{esc(author)}</p></div></footer></article>'
            + f'<section class="related"><h2>{esc(CHROME[language]["related"])}</h2>'
            + chrome.cards(rng_fixed(), "related", related) + "</section>"
            + f'<section class="comments" id="comments"><h2>{words["comments"]} ({len(comments)})</h2>'
            + f'<ol class="comments__list">{"".join(comments)}</ol></section></main>'
            + f'<aside class="sidebar"><h2>{esc(CHROME[language]["most_read"])}</h2><ol>{most_read}</ol>'
            + f'<div class="newsletter"><h3>{esc(CHROME[language]["newsletter"])}</h3><input type="email">'
            + f'<button>{esc(CHROME[language]["subscribe"])}</button></div></aside>'
            + chrome.footer(rng_fixed(), language, headlines, published.year)
            + "</body></html>"
        )

    seed = rng.getrandbits(32)

    def rng_fixed() -> random.Random:  # the same chrome on every re-render while padding
        return random.Random(seed)

    document = page()
    # Pad as real pages grow: more teasers in the hydration state, and longer comment threads.
    while len(document.encode()) < target:
        missing = target - len(document.encode())
        if missing > 3000 and rng.random() < 0.7:
            latest.extend(chrome.teaser(rng, h, rng.choice(pool), language, published)
                          for h in rng.sample(headlines, min(len(headlines), max(1, missing // 1500))))
        else:
            comments.extend(chrome.comment(rng, rng.choice(pool), language, len(comments) + k)
                            for k in range(max(1, missing // 900)))
        document = page()
    return document



def generate(count: int, *, seed: int = 0, corpus: Path | None = None, now: datetime | None = None,
             languages: tuple[str, ...] = ("en", "fr"), prefix: str = "story") -> list[Page]:
    """``count`` pages alternating languages, reproducible for a seed and a corpus; slugs `prefix-00000`..."""
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
    # each page leads with a story no page has led with yet, until every story has led one
    leads: dict[str, list[Story]] = {lang: [] for lang in order}
    pages = []
    for n in range(count):
        language = order[n % len(order)]
        pool = by_language[language]
        if not leads[language]:
            leads[language] = rng.sample(pool, len(pool))
        lead = leads[language].pop()
        paragraphs = article_text(rng, lead, pool)
        extra = [sentence for story in rng.sample(pool, min(len(pool), 6)) if story is not lead for sentence in story.sentences]
        published = now - timedelta(minutes=rng.randint(1, 180))
        slug = f"{prefix}-{n:05d}"
        words = sum(len(s.split()) for p in paragraphs for s in p)
        pages.append(Page(slug, lead.title, language, published,
                          render(rng, lead.title, paragraphs, language, published, slug, headlines, extra), words))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, help=f"JSON Lines of stories (default: ${CORPUS_ENV} or the demo pages)")
    args = parser.parse_args()
    pages = generate(args.count, seed=args.seed, corpus=args.corpus)
    for page in pages:
        print(f"{page.slug} {page.language} {page.words:4d} words {len(page.html.encode()) / 1024:6.1f} KB  {page.title[:70]}")
    print(f"average page size: {average_kb(pages):.1f} KB of HTML")


def average_kb(pages: list[Page]) -> float:
    return sum(len(p.html.encode()) for p in pages) / max(len(pages), 1) / 1024


if __name__ == "__main__":
    main()
