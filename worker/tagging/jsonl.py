"""JSON Lines in, JSON Lines out: one output object per input line, in order.

A line that cannot be read or tagged becomes `{"id": ..., "error": "..."}`
on its own line and the stream goes on (EVENT-SCHEMA.md).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .tagger import tag_article

REQUIRED = ("title", "text", "published")


def tag_line(line: str, number: int, explain: bool = False) -> dict:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(article, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object, got {type(article).__name__}"}
    article_id = article.get("id")
    missing = [key for key in REQUIRED if key not in article]
    if missing:
        return {"id": article_id, "error": f"line {number}: missing {', '.join(missing)}"}
    if not isinstance(article.get("title") or "", str) or not isinstance(article.get("text") or "", str):
        return {"id": article_id, "error": f"line {number}: title and text must be strings"}
    try:
        return tag_article(article, explain=explain)
    except ValueError as exc:
        return {"id": article_id, "error": f"line {number}: {exc}"}
    except Exception as exc:  # one bad article must not stop the stream
        return {"id": article_id, "error": f"line {number}: tagger failed ({type(exc).__name__}: {exc})"}


def tag_lines(lines: Iterable[str], explain: bool = False) -> Iterator[dict]:
    """Tag each non-blank line; blank lines are skipped, not errors."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield tag_line(line, number, explain)
