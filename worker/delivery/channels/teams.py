"""Microsoft Teams through a Workflows webhook: an Adaptive Card 1.4 in a ``message``.

Office 365 connector URLs are being retired; Workflows take exactly this
envelope. Teams drops cards over about 28 KB, so the lists are shrunk until the
encoded payload is well under that. TextBlocks render a markdown subset, so
article text is escaped; ``<at>`` is only a mention with ``msteams.entities``,
which are never sent.
"""

from __future__ import annotations

import json
from typing import Any

from .common import (
    Summary,
    break_mentions,
    fit_lines,
    markdown_escape,
    markdown_link,
    summarize,
    truncate,
)

CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.4"
PAYLOAD_BYTES_LIMIT = 24_000  # under Teams' ~28 KB message limit, with room for the envelope
MAX_ACTIONS = 5
HEADLINE_COLOUR = {"low": "default", "medium": "warning", "high": "attention", "critical": "attention",
                   "source.failing": "attention", "source.recovered": "good"}


link = markdown_link


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def render(body: dict[str, Any]) -> dict[str, Any]:
    """The exact JSON a Teams Workflows webhook accepts for this alert."""
    s = summarize(body)
    budget = 4000
    while True:
        payload = render_summary(s, budget)
        size = len(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        if size <= PAYLOAD_BYTES_LIMIT or budget < 200:
            return payload
        budget //= 2


def render_summary(s: Summary, budget: int = 4000) -> dict[str, Any]:
    colour = HEADLINE_COLOUR.get(s.severity or s.type, "default")
    items: list[dict[str, Any]] = [
        _text(markdown_escape(s.headline + (f" · {s.severity}" if s.severity else "")),
              size="Small", weight="Bolder", color=colour),
        _text(truncate(markdown_escape(s.title), 400), size="Large", weight="Bolder"),
    ]
    if s.note:
        items.append(_text(markdown_escape(s.note), isSubtle=True))
    if s.changes:
        items.append(_text("**Changed**\n\n" + fit_lines([f"- {markdown_escape(c)}" for c in s.changes],
                                                          budget // 2), spacing="Medium"))
    items.append({"type": "FactSet", "facts": [
        {"title": fact.name, "value": truncate(markdown_escape(fact.value), 1000)} for fact in s.facts]})
    if s.map:
        items.append(_text(link(s.map), spacing="Small"))
    if s.claims:
        items.append(_text("**Claims (each with who says so)**", spacing="Medium", separator=True))
        items.append(_text(fit_lines([f"- {markdown_escape(c)}" for c in s.claims], budget)))
    if s.sources:
        items.append(_text("**Sources**", spacing="Medium", separator=True))
        items.append(_text(fit_lines([f"- {link(src)}" for src in s.sources], budget)))
    items.append(_text(markdown_escape(s.footer), size="Small", isSubtle=True, separator=True))
    actions = [{"type": "Action.OpenUrl", "title": truncate(break_mentions(label), 40), "url": url}
               for label, url in _action_links(s)][:MAX_ACTIONS]
    card: dict[str, Any] = {"$schema": CARD_SCHEMA, "type": "AdaptiveCard", "version": CARD_VERSION,
                            "body": items, "msteams": {"width": "Full"}}
    if actions:
        card["actions"] = actions
    return {"type": "message", "attachments": [{
        "contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}]}


def _action_links(s: Summary) -> list[tuple[str, str]]:
    """Buttons: the map, then the first sources by outlet (the full list is in the card)."""
    links = [("Open map", s.map.url)] if s.map else []
    if s.type.startswith("source.") and s.main_url:
        links.append(("Open feed", s.main_url))
    links += [(f"Source: {src.label.split(' — ')[0]}", src.url) for src in s.sources]
    return links
