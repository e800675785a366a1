"""What a news site wraps around a story: head, hydration state, menus, cards, comments, footer.

Each builder returns one part of the page as HTML, in the shapes and rough sizes found on
real outlets' article pages (see the docstring of bench/pages.py). Everything is drawn from
the random generator it is given, so a page is the same for a seed.
"""

from __future__ import annotations

import html
import json
import random
from datetime import datetime, timedelta

esc = html.escape

SITE = "The Sahel Courier"
SECTIONS = {
    "en": ["World", "Africa", "Sahel", "Politics", "Business", "Climate", "Health", "Sport", "Culture", "Opinion",
           "Video", "Podcasts"],
    "fr": ["Monde", "Afrique", "Sahel", "Politique", "Économie", "Environnement", "Santé", "Sport", "Culture",
           "Opinions", "Vidéos", "Podcasts"],
}
WORDS = {
    "en": {"read_also": "Read also", "comments": "Comments", "reply": "Reply", "tags": "Topics",
           "about": "About the author", "consent": "Your privacy choices", "vendors": "Our partners",
           "accept": "Accept all", "reject": "Reject all", "sitemap": "Sections", "advert": "Advertisement"},
    "fr": {"read_also": "Lire aussi", "comments": "Réactions", "reply": "Répondre", "tags": "Sujets",
           "about": "À propos de l'auteur", "consent": "Vos choix de confidentialité", "vendors": "Nos partenaires",
           "accept": "Tout accepter", "reject": "Tout refuser", "sitemap": "Rubriques", "advert": "Publicité"},
}
ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">'
        '<path d="M{a} {b}c-{c}.{d} 0-{e}.{a} {b}.{c}-{d}.{e} {a}.{b}s{c}.{d} {e}.{a} {b}.{c} {d}.{e}c{a}.{b} 0 '
        '{c}.{d}-{e}.{a} {b}.{c}-{d}.{e}S{a}.{b} {c}.{d} {e}.{a} {b}z"/></svg>')
NAMES = ["Amadou", "Fatouma", "Ibrahim", "Aïssata", "Moussa", "Mariam", "Oumar", "Kadiatou", "Seydou", "Hawa",
         "John", "Claire", "Pierre", "Sarah", "Youssouf", "Binta"]


def _token(rng: random.Random, n: int = 16) -> str:
    return f"{rng.getrandbits(4 * n):0{n}x}"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:80]


def _image(rng: random.Random, alt: str, widths: tuple[int, ...] = (320, 640, 960, 1280)) -> str:
    name = _token(rng, 12)
    srcset = ", ".join(f"https://cdn.sahelcourier.example/img/{w}/{name}.jpg {w}w" for w in widths)
    return (f'<picture><source type="image/webp" srcset="{srcset.replace(".jpg", ".webp")}" sizes="(max-width: 768px) '
            f'100vw, 50vw"><img src="https://cdn.sahelcourier.example/img/640/{name}.jpg" srcset="{srcset}" '
            f'sizes="(max-width: 768px) 100vw, 50vw" alt="{esc(alt)}" loading="lazy" width="640" height="360"></picture>')


def _icon(rng: random.Random) -> str:
    return ICON.format(**{k: rng.randint(1, 24) for k in "abcde"})


def critical_css(rng: random.Random) -> str:
    """Inline above-the-fold CSS, 10-25 KB on real pages."""
    rules = []
    for n in range(rng.randint(60, 220)):
        selector = rng.choice([".c-{0}", ".o-{0}__item", "#m-{0} > a", ".u-{0}:hover", ".card--{0} .card__title"]).format(n)
        rules.append(f"{selector}{{margin:{rng.randint(0, 24)}px {rng.randint(0, 24)}px;font-size:{rng.randint(11, 32)}px;"
                     f"line-height:{rng.uniform(1.1, 1.7):.2f};color:#{rng.getrandbits(24):06x}}}")
    return "".join(rules)


def head(rng: random.Random, title: str, language: str, stamp: str, slug: str, description: str,
         tags: list[str]) -> str:
    """Meta and link tags, JSON-LD, critical CSS, tag manager, consent and ad configuration."""
    url = f"https://www.sahelcourier.example/{language}/{slug}.html"
    other = "fr" if language == "en" else "en"
    meta = [
        '<meta charset="utf-8">', f"<title>{esc(title)} | {SITE}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{esc(description)}">',
        f'<meta name="keywords" content="{esc(", ".join(tags))}">',
        '<meta name="robots" content="index, follow, max-image-preview:large">',
        f'<meta property="og:title" content="{esc(title)}">', '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{url}">', f'<meta property="og:description" content="{esc(description)}">',
        f'<meta property="og:image" content="https://cdn.sahelcourier.example/img/1200/{_token(rng, 12)}.jpg">',
        f'<meta property="og:site_name" content="{SITE}">', f'<meta property="og:locale" content="{language}">',
        f'<meta property="article:published_time" content="{stamp}">',
        f'<meta property="article:modified_time" content="{stamp}">',
        f'<meta property="article:section" content="{SECTIONS[language][2]}">',
        *(f'<meta property="article:tag" content="{esc(t)}">' for t in tags),
        '<meta name="twitter:card" content="summary_large_image">', '<meta name="twitter:site" content="@sahelcourier">',
        f'<meta name="twitter:title" content="{esc(title)}">',
        f'<meta name="twitter:description" content="{esc(description)}">',
        f'<link rel="canonical" href="/{language}/{slug}.html">',
        f'<link rel="alternate" hreflang="{other}" href="https://www.sahelcourier.example/{other}/">',
        '<link rel="amphtml" href="https://amp.sahelcourier.example/' + f'{language}/{slug}.html">',
        *(f'<link rel="preload" href="https://static.sahelcourier.example/fonts/{f}.woff2" as="font" crossorigin>'
          for f in ("serif-regular", "serif-bold", "sans-regular", "sans-bold")),
        *(f'<link rel="preconnect" href="https://{h}">' for h in ("cdn.sahelcourier.example",
          "www.googletagmanager.com", "securepubads.g.doubleclick.net", "static.chartbeat.com")),
        '<link rel="icon" href="/favicon.ico">', '<link rel="apple-touch-icon" href="/apple-touch-icon.png">',
        '<link rel="manifest" href="/manifest.json">',
        f'<link rel="stylesheet" href="https://static.sahelcourier.example/css/main.{_token(rng, 8)}.css">',
    ]
    json_ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "description": description,
        "datePublished": stamp, "dateModified": stamp, "inLanguage": language, "mainEntityOfPage": url,
        "keywords": tags, "articleSection": SECTIONS[language][2],
        "image": [f"https://cdn.sahelcourier.example/img/{w}/{_token(rng, 12)}.jpg" for w in (1200, 800, 400)],
        "author": [{"@type": "Person", "name": rng.choice(NAMES) + " " + rng.choice(NAMES)}],
        "publisher": {"@type": "Organization", "name": SITE,
                      "logo": {"@type": "ImageObject", "url": "https://cdn.sahelcourier.example/logo.png"}},
    }, ensure_ascii=False)
    breadcrumbs = json.dumps({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i + 1, "name": name, "item": f"https://www.sahelcourier.example/{_slug(name)}"}
        for i, name in enumerate(SECTIONS[language][:3])]}, ensure_ascii=False)
    slots = "".join(f"googletag.defineSlot('/2187/sahel/{language}/article',[[300,250],[300,600],[728,90],[970,250]],"
                    f"'ad-{n}').setTargeting('pos','{n}').setTargeting('kw',{json.dumps(tags[:3])})"
                    ".addService(googletag.pubads());" for n in range(rng.randint(8, 14)))
    tracking = json.dumps({"page": {"type": "article", "section": SECTIONS[language][2], "language": language,
                                    "id": _token(rng), "words": rng.randint(300, 700), "paywall": False},
                           "experiments": {f"exp_{n}": rng.choice(["a", "b", "control"]) for n in range(30)}})
    return (
        "<head>" + "".join(meta)
        + f'<script type="application/ld+json">{json_ld}</script>'
        + f'<script type="application/ld+json">{breadcrumbs}</script>'
        + f"<style>{critical_css(rng)}</style>"
        + "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
          "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
          "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);"
          "})(window,document,'script','dataLayer','GTM-XXXX');</script>"
        + f"<script>window.__analytics={tracking};</script>"
        + f"<script>window.googletag=window.googletag||{{cmd:[]}};googletag.cmd.push(function(){{{slots}"
          "googletag.pubads().enableSingleRequest();googletag.enableServices();});</script>"
        + "</head>"
    )


def teaser(rng: random.Random, headline: str, summary: str, language: str, published: datetime) -> dict[str, object]:
    when = (published - timedelta(minutes=rng.randint(10, 60 * 72))).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"id": _token(rng), "headline": headline, "summary": summary, "url": f"/{language}/{_slug(headline)}.html",
            "section": rng.choice(SECTIONS[language]), "published": when, "author": rng.choice(NAMES),
            "image": {"src": f"https://cdn.sahelcourier.example/img/640/{_token(rng, 12)}.jpg", "width": 640,
                      "height": 360, "alt": headline}, "tags": rng.sample(SECTIONS[language], 3),
            "readingTime": rng.randint(2, 9), "premium": rng.random() < 0.1}


def hydration_state(teasers: list[dict[str, object]], title: str, stamp: str) -> str:
    """The framework's page state, as __NEXT_DATA__-style JSON: the latest teasers of the section."""
    state = {"props": {"pageProps": {"article": {"headline": title, "published": stamp},
                                     "latest": teasers, "ads": {"enabled": True, "lazy": True}}},
             "page": "/[lang]/[slug]", "buildId": "b1234567", "isFallback": False}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>'


def header(rng: random.Random, language: str, headlines: list[str]) -> str:
    """Logo, mega-menu, search and the breaking-news ticker."""
    mega = "".join(
        f'<li class="menu__section"><a href="/{_slug(section)}">{esc(section)}</a><ul class="menu__sub">'
        + "".join(f'<li><a href="/{_slug(section)}/{_slug(label)}">{esc(label)}</a></li>'
                  for label in (" ".join(h.split()[:3]) for h in rng.sample(headlines, min(len(headlines), rng.randint(6, 12)))))
        + "</ul></li>" for section in SECTIONS[language])
    ticker = "".join(f'<li><time>{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}</time> '
                     f'<a href="/live/{_slug(h)}">{esc(h)}</a></li>' for h in rng.sample(headlines, min(len(headlines), 10)))
    return (f'<header class="site-header"><a class="logo" href="/">{_icon(rng)}<span>{SITE}</span></a>'
            f'<button class="menu-toggle" aria-label="Menu">{_icon(rng)}</button>'
            f'<nav class="menu" aria-label="Sections"><ul>{mega}</ul></nav>'
            f'<form class="search" action="/search"><input name="q" type="search"><button>{_icon(rng)}</button></form>'
            f'<div class="ticker"><ul>{ticker}</ul></div></header>')


def share_buttons(rng: random.Random) -> str:
    names = ["Facebook", "X", "WhatsApp", "LinkedIn", "Telegram", "Email", "Copy link"]
    return '<ul class="share">' + "".join(
        f'<li><a class="share__{_slug(n)}" href="#share-{_slug(n)}" aria-label="{n}">{_icon(rng)}</a></li>'
        for n in names) + "</ul>"


def read_also(headline: str, language: str) -> str:
    return (f'<aside class="read-also"><span>{WORDS[language]["read_also"]}</span> '
            f'<a href="/{language}/{_slug(headline)}.html">{esc(headline)}</a></aside>')


def ad_slot(n: int, language: str) -> str:
    return (f'<div class="ad ad--inline" id="ad-{n}" data-slot="inline-{n}"><span class="ad__label">'
            f'{WORDS[language]["advert"]}</span></div>')


def cards(rng: random.Random, css: str, items: list[dict[str, object]]) -> str:
    out = []
    for item in items:
        out.append(f'<article class="{css}__card"><a href="{item["url"]}">'
                   f'{_image(rng, str(item["headline"]))}<h3>{esc(str(item["headline"]))}</h3></a>'
                   f'<p>{esc(str(item["summary"]))}</p><time datetime="{item["published"]}">'
                   f'{str(item["published"])[:10]}</time></article>')
    return "".join(out)


def comment(rng: random.Random, text: str, language: str, n: int) -> str:
    name = f"{rng.choice(NAMES)}{rng.randint(1, 999)}"
    return (f'<li class="comment" id="comment-{n}"><div class="comment__meta"><span class="comment__author">{name}</span>'
            f'<time>{rng.randint(1, 59)} min</time></div><p class="comment__body">{esc(text)}</p>'
            f'<button class="comment__reply">{WORDS[language]["reply"]}</button>'
            f'<span class="comment__likes">{rng.randint(0, 300)}</span></li>')


def footer(rng: random.Random, language: str, headlines: list[str], year: int) -> str:
    """Site map, legal links, consent dialog with its vendor list, deferred scripts."""
    words = WORDS[language]
    sitemap = "".join(f'<div><h4>{esc(section)}</h4><ul>'
                      + "".join(f'<li><a href="/{_slug(section)}/{k}">{esc(h[:40])}</a></li>'
                                for k, h in enumerate(rng.sample(headlines, min(len(headlines), 8))))
                      + "</ul></div>" for section in SECTIONS[language])
    vendors = "".join(f'<li><label><input type="checkbox" checked> Vendor {n} ({rng.choice(["analytics", "ads", "video", "social"])})'
                      f'</label> <a href="https://vendor{n}.example/privacy">Privacy</a></li>' for n in range(rng.randint(20, 60)))
    scripts = "".join(f'<script src="https://static.sahelcourier.example/js/{name}.{_token(rng, 8)}.js" defer></script>'
                      for name in ("runtime", "framework", "main", "article", "comments", "ads", "consent"))
    return (f'<footer class="site-footer"><nav aria-label="{words["sitemap"]}">{sitemap}</nav>'
            f"<p>© {year} {SITE}</p></footer>"
            f'<div class="consent" role="dialog" aria-label="{words["consent"]}"><h2>{words["consent"]}</h2>'
            f'<details><summary>{words["vendors"]}</summary><ul>{vendors}</ul></details>'
            f'<button>{words["accept"]}</button><button>{words["reject"]}</button></div>' + scripts)
