"""How fast is the tagger? Articles per second on one core for 300-word articles.

    python bench/tagging.py [--seconds 3]

Prints articles/s and ms/article for `tag_article`, and, when trafilatura is
importable, the same for extracting the article from a small HTML page and from a
page of a real news site's size and structure (bench/pages.py, as the pipeline
benchmark serves), by the worker and by bare `trafilatura.extract`, with the share of
each extraction's cost the tagging is.

    python bench/tagging.py --against v0.3.0     # or any git ref

compares this checkout's tagger with the one of a git ref instead, in one process, in
alternating rounds, so a machine whose speed drifts from minute to minute still gives
a fair ratio.
"""
from __future__ import annotations

import argparse
import html
import io
import json
import random
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from worker.articles.extract import extract_article  # noqa: E402
from worker.tagging import tag_article  # noqa: E402

CORPORA = (ROOT / ".." / "shared" / "corpus" / "dev.jsonl",
           ROOT / "tests" / "tagging" / "data" / "labelled_extra.jsonl")
WORDS = 300


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _to_length(own: str, others: list[str], words: int = WORDS) -> str:
    """Cut at `words` words, or go on with other articles' paragraphs up to that length.

    Never the article's own paragraphs twice: a repeated sentence would hit the
    extractors' per-sentence caches and flatter the figure.
    """
    out: list[str] = []
    count = 0
    for p in _paragraphs(own) + [p for text in others for p in _paragraphs(text)]:
        take = p.split()[: words - count]
        out.append(" ".join(take))
        count += len(take)
        if count >= words:
            break
    return "\n\n".join(out)


def articles() -> list[dict]:
    for path in CORPORA:
        if path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            texts = [r["text"] for r in rows]
            return [{"id": r["id"], "title": r["title"],
                     "text": _to_length(r["text"], texts[i + 1:] + texts[:i]),
                     "published": r["published"], "language": r.get("language")} for i, r in enumerate(rows)]
    raise SystemExit("no labelled corpus found to benchmark on")


def page(article: dict) -> str:
    """A plausible news page: navigation, the article, related links and a footer."""
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(12))
    body = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n\n"))
    related = "".join(f'<li><a href="/story/{i}">Related story headline number {i}</a></li>' for i in range(8))
    return (f"<!doctype html><html><head><title>{html.escape(article['title'])}</title>"
            f'<meta charset="utf-8"></head><body><header><nav><ul>{nav}</ul></nav></header>'
            f"<main><article><h1>{html.escape(article['title'])}</h1>"
            f'<p class="byline">By Staff Reporter, {article["published"][:10]}</p>{body}</article>'
            f'<aside><h2>Related</h2><ul>{related}</ul></aside></main>'
            "<footer><p>© News Agency. All rights reserved.</p><a href='/privacy'>Privacy</a>"
            "<a href='/terms'>Terms</a><p>Subscribe to our newsletter for daily updates.</p></footer>"
            "</body></html>")


def news_page(article: dict, headlines: list[str], rng: random.Random) -> str:
    """The article inside a page of a news site's size and structure (70-245 KB)."""
    from bench.pages import render, split_sentences

    paragraphs = [split_sentences(p) for p in article["text"].split("\n\n") if p.strip()]
    published = datetime.fromisoformat(article["published"].replace("Z", "+00:00"))
    language = article.get("language") if article.get("language") in ("en", "fr") else "en"
    return render(rng, article["title"], paragraphs, language, published, article["id"], headlines)


def rate(work: Callable[[object], object], items: list, seconds: float) -> tuple[float, int]:
    """Items per second of CPU time (one core, whatever else the machine runs) over at least
    `seconds`, after one warm-up pass."""
    for item in items:
        work(item)
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            work(item)
        done += len(items)
    return done / (time.process_time() - start), done


def tagger_at(ref: str, into: Path) -> Callable[..., dict]:
    """`tag_article` of the worker package at git `ref`, imported as a package of its own."""
    import importlib
    import subprocess
    import tarfile

    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "worker"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    name = "worker_at_ref"
    (into / "worker").rename(into / name)
    for path in (into / name).rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        path.write_text(code.replace("from worker.", f"from {name}.").replace("import worker.", f"import {name}."),
                        encoding="utf-8")
    sys.path.insert(0, str(into))
    return importlib.import_module(f"{name}.tagging").tag_article


def compare(ref: str, items: list, rounds: int) -> None:
    """Alternate rounds of this checkout's tagger and `ref`'s over the same articles."""
    import statistics
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        theirs = tagger_at(ref, Path(tmp))
        taggers = {"this checkout": tag_article, ref: theirs}
        times: dict[str, list[float]] = {name: [] for name in taggers}
        for tag in taggers.values():         # warm-up: compiled patterns, caches
            for item in items:
                tag(item)
        for r in range(rounds):
            order = list(taggers.items()) if r % 2 == 0 else list(taggers.items())[::-1]
            for name, tag in order:
                start = time.process_time()
                for item in items:
                    tag(item)
                times[name].append((time.process_time() - start) / len(items) * 1000)
    for name, ms in times.items():
        print(f"{name}: best {min(ms):.3f} ms/article ({1000 / min(ms):.0f}/s), median {statistics.median(ms):.3f} ms")
    ours, base = times["this checkout"], times[ref]
    print(f"ratio this/{ref}: best {min(ours) / min(base):.3f}, median {statistics.median(ours) / statistics.median(base):.3f} "
          f"({rounds} alternating rounds of {len(items)} articles; below 1 is faster)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--against", metavar="REF", help="compare with the tagger at this git ref instead")
    parser.add_argument("--rounds", type=int, default=12, help="alternating rounds for --against")
    args = parser.parse_args()
    items = articles()
    if args.against:
        compare(args.against, items, args.rounds)
        return
    words = sum(len(a["text"].split()) for a in items) / len(items)
    tag_rate, n = rate(tag_article, items, args.seconds)
    print(f"tagging: {tag_rate:.0f} articles/s, {1000 / tag_rate:.2f} ms/article "
          f"({n} articles of {words:.0f} words on average, one core)")
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not importable: no extraction comparison")
        return
    pages = [page(a) for a in items]
    extract_rate, _ = rate(lambda p: trafilatura.extract(p), pages, args.seconds)
    print(f"extraction (trafilatura {trafilatura.__version__}): {extract_rate:.0f} pages/s, "
          f"{1000 / extract_rate:.2f} ms/page")
    print(f"ratio: tagging takes {extract_rate / tag_rate:.2f}x the time of extracting the page "
          f"({tag_rate / extract_rate:.1f}x faster)")
    rng = random.Random(0)
    headlines = [a["title"] for a in items]
    sample = items[:60]
    real_pages = [news_page(a, headlines, rng).encode() for a in sample]
    kb = sum(len(p) for p in real_pages) / len(real_pages) / 1024
    # as the worker reads a page whose feed item is dated (most are)
    real_rate, _ = rate(lambda p: extract_article(p, "https://example.org/story", 5_000_000, dated=True), real_pages,
                        args.seconds)
    print(f"the worker's extraction from a news-site page of {kb:.0f} KB on average: {real_rate:.0f} pages/s, "
          f"{1000 / real_rate:.2f} ms/page; tagging costs {real_rate / tag_rate:.2f} of that extraction")
    # given the decoded page, as the pipeline benchmark's ceiling is (decoding bytes costs it more)
    bare_rate, _ = rate(lambda p: trafilatura.extract(p), [p.decode() for p in real_pages], args.seconds)
    print(f"bare trafilatura.extract of the same news-site pages: {bare_rate:.0f} pages/s, {1000 / bare_rate:.2f} ms/page; "
          f"tagging costs {bare_rate / tag_rate:.2f} of it")


if __name__ == "__main__":
    main()
