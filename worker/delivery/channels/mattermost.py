"""Mattermost incoming webhook: markdown ``text`` plus one Slack-style attachment.

Mattermost renders full markdown and honours ``@channel``/``@all`` from
webhooks, so article text is escaped and its mentions broken. A post holds at
most 16383 characters of text; attachments are bounded the same way.
"""

from __future__ import annotations

from typing import Any

from .common import (
    Summary,
    break_mentions,
    fit_lines,
    markdown_escape,
    markdown_link,
    severity_mark,
    summarize,
    text_length,
    truncate,
)

TEXT_LIMIT = 16383
ATTACHMENT_TEXT_LIMIT = 8000
FIELD_LIMIT = 1000


link = markdown_link


def render(body: dict[str, Any]) -> dict[str, Any]:
    """The exact JSON a Mattermost incoming webhook accepts for this alert."""
    return render_summary(summarize(body))


def render_summary(s: Summary) -> dict[str, Any]:
    mark = severity_mark(s.severity) + " " if s.severity else ""
    text = f"{mark}**{markdown_escape(s.headline)}**" + (f" · {s.severity}" if s.severity else "")
    text += f": {truncate(markdown_escape(s.title), 1000)}"
    if s.note:
        text += "\n" + markdown_escape(s.note)
    if s.changes:
        text += "\n**Changed**\n" + fit_lines([f"- {markdown_escape(c)}" for c in s.changes], 4000)
    fields = []
    for fact in s.facts:
        extra = f" · {link(fact.link)}" if fact.link and text_length(link(fact.link)) < FIELD_LIMIT // 2 else ""
        fields.append({"short": fact.short, "title": fact.name,
                       "value": truncate(markdown_escape(fact.value), FIELD_LIMIT - text_length(extra)) + extra})
    parts = []
    if s.claims:
        parts.append("**Claims (each with who says so)**\n"
                     + fit_lines([f"- {markdown_escape(c)}" for c in s.claims], ATTACHMENT_TEXT_LIMIT // 2 - 40))
    if s.sources:
        parts.append("**Sources**\n"
                     + fit_lines([f"- {link(src)}" for src in s.sources], ATTACHMENT_TEXT_LIMIT // 2 - 20))
    attachment: dict[str, Any] = {
        "fallback": truncate(break_mentions(f"{s.headline}: {s.title}"), 500),
        "color": f"#{s.colour:06X}",
        "title": truncate(break_mentions(s.title), 250),
        "fields": fields,
        "footer": truncate(s.footer, 500),
    }
    if s.main_url:
        attachment["title_link"] = s.main_url
    if parts:
        attachment["text"] = "\n\n".join(parts)
    return {"text": truncate(text, TEXT_LIMIT), "attachments": [attachment]}
