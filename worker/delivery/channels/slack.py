"""Slack incoming webhook: Block Kit blocks plus a plain fallback for notifications.

Slack rejects a whole message for one block over its limit (``invalid_blocks``),
so every text is bounded here: header 150, section text 3000, field 2000,
10 fields, 50 blocks.
"""

from __future__ import annotations

from typing import Any

from .common import Link, Summary, fit_lines, severity_mark, slack_escape, summarize, text_length, truncate

HEADER_LIMIT = 150
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
MAX_FIELDS = 10
FALLBACK_LIMIT = 3000


def link(item: Link) -> str:
    """``<url|label>``: the URL is already percent-encoded, the label escaped."""
    return f"<{item.url}|{slack_escape(item.label)}>"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _field(name: str, value: str, extra: str = "") -> dict[str, str]:
    head = f"*{name}*\n"
    if text_length(extra) > FIELD_LIMIT // 2:
        extra = ""  # a link longer than the value it decorates is dropped, not cut
    body = truncate(slack_escape(value), FIELD_LIMIT - text_length(head) - text_length(extra)) + extra
    return {"type": "mrkdwn", "text": head + body}


def render(body: dict[str, Any]) -> dict[str, Any]:
    """The exact JSON Slack accepts for this alert."""
    return render_summary(summarize(body))


def render_summary(s: Summary) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(s.title, HEADER_LIMIT), "emoji": True}},
    ]
    lead = f"*{slack_escape(s.headline)}*"
    if s.severity:
        lead = f"{severity_mark(s.severity)} {lead}"
    if s.note:
        lead += "\n" + slack_escape(s.note)
    blocks.append(_section(truncate(lead, SECTION_LIMIT)))
    if s.changes:
        changes = fit_lines([f"• {slack_escape(c)}" for c in s.changes], SECTION_LIMIT - 12)
        blocks.append(_section("*Changed*\n" + changes))
    fields = [_field(f.name, f.value, f"  {link(f.link)}" if f.link else "") for f in s.facts][:MAX_FIELDS]
    blocks.append({"type": "section", "fields": fields})
    if s.claims:
        claims = fit_lines([f"• {slack_escape(c)}" for c in s.claims], SECTION_LIMIT - 24)
        blocks.append(_section("*Claims (each with who says so)*\n" + claims))
    if s.sources:
        sources = fit_lines([f"• {link(src)}" for src in s.sources], SECTION_LIMIT - 12)
        blocks.append(_section("*Sources*\n" + sources))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(slack_escape(s.footer), 3000)}]})
    return {"text": fallback(s), "blocks": blocks[:50]}


def fallback(s: Summary) -> str:
    """What notifications and screen readers show: headline, severity and title."""
    severity = f" ({s.severity})" if s.severity else ""
    return truncate(slack_escape(f"{s.headline}{severity}: {s.title}"), FALLBACK_LIMIT)
