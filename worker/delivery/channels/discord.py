"""Discord webhook: one embed coloured by severity, with mentions switched off.

Discord refuses the whole message when any embed limit is exceeded (title 256,
description 4096, 25 fields of 256/1024, footer 2048, 6000 in all), so the
description, the only unbounded part, gets what the rest leaves over.
``allowed_mentions`` with an empty ``parse`` is what guarantees that text
quoted from an article can never ping ``@everyone``.
"""

from __future__ import annotations

from typing import Any

from .common import (
    Summary,
    fit_lines,
    markdown_escape,
    markdown_link,
    severity_mark,
    summarize,
    text_length,
    truncate,
)

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
MAX_FIELDS = 25


link = markdown_link


def render(body: dict[str, Any]) -> dict[str, Any]:
    """The exact JSON Discord accepts for this alert."""
    return render_summary(summarize(body))


def render_summary(s: Summary) -> dict[str, Any]:
    fields = []
    for fact in s.facts[:MAX_FIELDS]:
        extra = f" · {link(fact.link)}" if fact.link else ""
        if text_length(extra) > FIELD_VALUE_LIMIT // 2:
            extra = ""
        value = truncate(markdown_escape(fact.value), FIELD_VALUE_LIMIT - text_length(extra)) + extra
        fields.append({"name": truncate(fact.name, FIELD_NAME_LIMIT), "value": value or "—", "inline": fact.short})
    embed: dict[str, Any] = {
        "title": truncate(markdown_escape(s.title), TITLE_LIMIT),
        "color": s.colour,
        "fields": fields,
        "footer": {"text": truncate(s.footer, FOOTER_LIMIT)},
    }
    if s.main_url:
        embed["url"] = s.main_url
    if s.timestamp:
        embed["timestamp"] = s.timestamp
    used = embed_length(embed)
    description = _description(s, min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - used - 50))
    if description:
        embed["description"] = description
    return {"content": _content(s), "embeds": [embed], "allowed_mentions": {"parse": []}}


def _content(s: Summary) -> str:
    """The line above the card: headline, and for an update what changed."""
    severity = f" · {s.severity}" if s.severity else ""
    lead = f"{severity_mark(s.severity) + ' ' if s.severity else ''}**{markdown_escape(s.headline)}**{severity}"
    if s.note:
        lead += "\n" + markdown_escape(s.note)
    if s.changes:
        changes = fit_lines([f"• {markdown_escape(c)}" for c in s.changes],
                            CONTENT_LIMIT - text_length(lead) - 16)
        lead += "\n**Changed**\n" + changes
    return truncate(lead, CONTENT_LIMIT)


def _description(s: Summary, budget: int) -> str:
    """Claims, then sources, sharing what the embed can still hold."""
    if budget <= 0:
        return ""
    parts = []
    if s.claims:
        head = "**Claims (each with who says so)**\n"
        share = (budget // 2 if s.sources else budget) - text_length(head)
        parts.append(head + fit_lines([f"• {markdown_escape(c)}" for c in s.claims], share))
    if s.sources:
        left = budget - text_length("\n\n".join(parts)) - text_length("\n\n**Sources**\n")
        if left > 40:
            parts.append("**Sources**\n" + fit_lines([f"• {link(src)}" for src in s.sources], left))
    return truncate("\n\n".join(parts), budget)


def embed_length(embed: dict[str, Any]) -> int:
    """Discord's 6000 count: title, description, field names and values, footer and author name."""
    total = text_length(embed.get("title", "")) + text_length(embed.get("description", ""))
    total += sum(text_length(f["name"]) + text_length(f["value"]) for f in embed.get("fields", []))
    total += text_length(embed.get("footer", {}).get("text", ""))
    total += text_length(embed.get("author", {}).get("name", ""))
    return total
