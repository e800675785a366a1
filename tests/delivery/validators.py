"""Receiver-side checks of each chat service's documented payload format.

Written from the services' public documentation, apart from the renderers, so
a receiver that answers 200 only when these pass is an independent check. Each
validator returns a list of reasons (empty when the payload is acceptable).
Lengths are counted in UTF-16 units, as the services' own JavaScript does.
A few checks are sahelwatch's own safety rules on top of the format; their
reasons start with "unsafe:".
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

Errors = list[str]
_HTTP_URL = re.compile(r"^https?://[^\s<>|]+$")
_ZWSP = "\u200b"


def units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _extra_keys(obj: dict[str, Any], allowed: set[str], where: str) -> Errors:
    return [f"{where}: unknown key {key!r}" for key in obj if key not in allowed]


def _text(value: Any, where: str, limit: int, required: bool = True) -> Errors:
    if value is None and not required:
        return []
    if not isinstance(value, str):
        return [f"{where}: must be a string"]
    if required and not value:
        return [f"{where}: must not be empty"]
    if units(value) > limit:
        return [f"{where}: {units(value)} characters, limit {limit}"]
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        return [f"{where}: lone surrogate"]
    return []


def _url(value: Any, where: str) -> Errors:
    return [] if isinstance(value, str) and _HTTP_URL.match(value) else [f"{where}: not an http(s) URL"]


_MENTION_WORDS = re.compile(r"(?<![\w\\])@(everyone|here|channel|all)\b")


def _no_mentions(text: str, where: str) -> Errors:
    """Safety: a broadcast mention must have been broken (zero-width space) or escaped."""
    return [f"unsafe: {where}: live mention @{m.group(1)}" for m in _MENTION_WORDS.finditer(text)]


# -- Slack ------------------------------------------------------------------------------------

SLACK_TOP = {"text", "blocks", "attachments", "thread_ts", "mrkdwn", "unfurl_links", "unfurl_media",
             "username", "icon_emoji", "icon_url", "channel", "metadata"}
SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(\|[^<>]*)?>")


def _slack_mrkdwn_safety(text: str, where: str) -> Errors:
    """Every ``<...>`` must be an http(s) link (no <!channel>, <@U..>), every ``&`` an entity."""
    errors: Errors = []
    stripped = SLACK_LINK.sub("", text)
    if "<" in stripped or ">" in stripped:
        errors.append(f"unsafe: {where}: raw < or > outside a link")
    if re.search(r"&(?!amp;|lt;|gt;)", stripped):
        errors.append(f"unsafe: {where}: unescaped &")
    return errors


def _slack_text_object(obj: Any, where: str, limit: int, kinds: tuple[str, ...] = ("plain_text", "mrkdwn")) -> Errors:
    if not isinstance(obj, dict):
        return [f"{where}: must be a text object"]
    errors = _extra_keys(obj, {"type", "text", "emoji", "verbatim"}, where)
    if obj.get("type") not in kinds:
        errors.append(f"{where}: type must be one of {kinds}")
    if "emoji" in obj and obj.get("type") != "plain_text":
        errors.append(f"{where}: emoji is only for plain_text")
    errors += _text(obj.get("text"), f"{where}.text", limit)
    if obj.get("type") == "mrkdwn" and isinstance(obj.get("text"), str):
        errors += _slack_mrkdwn_safety(obj["text"], where)
    return errors


def validate_slack(payload: Any) -> Errors:
    """Incoming webhook with Block Kit (api.slack.com/reference/block-kit)."""
    if not isinstance(payload, dict):
        return ["payload must be an object"]
    errors = _extra_keys(payload, SLACK_TOP, "payload")
    if "text" not in payload and "blocks" not in payload:
        errors.append("payload: needs text or blocks")
    if "text" in payload:
        errors += _text(payload["text"], "text", 40000)
        if isinstance(payload["text"], str):
            errors += _slack_mrkdwn_safety(payload["text"], "text")
    blocks = payload.get("blocks", [])
    if not isinstance(blocks, list) or len(blocks) > 50:
        return errors + ["blocks: must be a list of at most 50 blocks"]
    for index, block in enumerate(blocks):
        where = f"blocks[{index}]"
        if not isinstance(block, dict):
            errors.append(f"{where}: must be an object")
            continue
        if "block_id" in block:
            errors += _text(block["block_id"], f"{where}.block_id", 255)
        kind = block.get("type")
        if kind == "header":
            errors += _extra_keys(block, {"type", "text", "block_id"}, where)
            errors += _slack_text_object(block.get("text"), f"{where}.text", 150, ("plain_text",))
        elif kind == "section":
            errors += _extra_keys(block, {"type", "text", "fields", "block_id", "accessory", "expand"}, where)
            if "text" not in block and "fields" not in block:
                errors.append(f"{where}: needs text or fields")
            if "text" in block:
                errors += _slack_text_object(block["text"], f"{where}.text", 3000)
            if "fields" in block:
                fields = block["fields"]
                if not isinstance(fields, list) or not 1 <= len(fields) <= 10:
                    errors.append(f"{where}.fields: 1 to 10 text objects")
                else:
                    for number, item in enumerate(fields):
                        errors += _slack_text_object(item, f"{where}.fields[{number}]", 2000)
        elif kind == "context":
            errors += _extra_keys(block, {"type", "elements", "block_id"}, where)
            elements = block.get("elements")
            if not isinstance(elements, list) or not 1 <= len(elements) <= 10:
                errors.append(f"{where}.elements: 1 to 10 elements")
            else:
                for number, item in enumerate(elements):
                    errors += _slack_text_object(item, f"{where}.elements[{number}]", 3000)
        elif kind == "divider":
            errors += _extra_keys(block, {"type", "block_id"}, where)
        else:
            errors.append(f"{where}: block type {kind!r} not allowed here")
    return errors


# -- Discord ----------------------------------------------------------------------------------

DISCORD_TOP = {"content", "username", "avatar_url", "tts", "embeds", "allowed_mentions", "components", "flags",
               "thread_name", "applied_tags", "poll", "attachments"}
DISCORD_EMBED = {"title", "type", "description", "url", "timestamp", "color", "footer", "image", "thumbnail",
                 "video", "provider", "author", "fields"}


def validate_discord(payload: Any) -> Errors:
    """Execute Webhook (discord.com/developers/docs/resources/webhook#execute-webhook)."""
    if not isinstance(payload, dict):
        return ["payload must be an object"]
    errors = _extra_keys(payload, DISCORD_TOP, "payload")
    if not payload.get("content") and not payload.get("embeds"):
        errors.append("payload: needs content or embeds")
    if "content" in payload:
        errors += _text(payload["content"], "content", 2000, required=False)
        errors += _no_mentions(payload.get("content") or "", "content")
    mentions = payload.get("allowed_mentions")
    if mentions is not None:
        if not isinstance(mentions, dict) or not isinstance(mentions.get("parse", []), list) \
                or not set(mentions.get("parse", [])) <= {"roles", "users", "everyone"}:
            errors.append("allowed_mentions: parse must list roles/users/everyone")
    if mentions != {"parse": []}:
        errors.append("unsafe: allowed_mentions must be {'parse': []}")
    embeds = payload.get("embeds", [])
    if not isinstance(embeds, list) or len(embeds) > 10:
        return errors + ["embeds: at most 10"]
    total = 0
    for index, embed in enumerate(embeds):
        where = f"embeds[{index}]"
        if not isinstance(embed, dict):
            errors.append(f"{where}: must be an object")
            continue
        errors += _extra_keys(embed, DISCORD_EMBED, where)
        errors += _text(embed.get("title"), f"{where}.title", 256, required=False)
        errors += _text(embed.get("description"), f"{where}.description", 4096, required=False)
        total += units(embed.get("title") or "") + units(embed.get("description") or "")
        if "url" in embed:
            errors += _url(embed["url"], f"{where}.url")
        if "color" in embed and (not isinstance(embed["color"], int) or not 0 <= embed["color"] <= 0xFFFFFF):
            errors.append(f"{where}.color: integer 0..0xFFFFFF")
        if "timestamp" in embed:
            try:
                datetime.fromisoformat(str(embed["timestamp"]).replace("Z", "+00:00"))
            except ValueError:
                errors.append(f"{where}.timestamp: not ISO 8601")
        if "footer" in embed:
            footer = embed["footer"]
            if not isinstance(footer, dict):
                errors.append(f"{where}.footer: must be an object")
            else:
                errors += _extra_keys(footer, {"text", "icon_url"}, f"{where}.footer")
                errors += _text(footer.get("text"), f"{where}.footer.text", 2048)
                total += units(footer.get("text") or "")
        if "author" in embed and isinstance(embed["author"], dict):
            errors += _text(embed["author"].get("name"), f"{where}.author.name", 256)
            total += units(embed["author"].get("name") or "")
        fields = embed.get("fields", [])
        if not isinstance(fields, list) or len(fields) > 25:
            errors.append(f"{where}.fields: at most 25")
            continue
        for number, item in enumerate(fields):
            at = f"{where}.fields[{number}]"
            if not isinstance(item, dict):
                errors.append(f"{at}: must be an object")
                continue
            errors += _extra_keys(item, {"name", "value", "inline"}, at)
            errors += _text(item.get("name"), f"{at}.name", 256)
            errors += _text(item.get("value"), f"{at}.value", 1024)
            if "inline" in item and not isinstance(item["inline"], bool):
                errors.append(f"{at}.inline: boolean")
            total += units(item.get("name") or "") + units(item.get("value") or "")
            errors += _no_mentions(item.get("value") or "", at)
        errors += _no_mentions(embed.get("description") or "", f"{where}.description")
    if total > 6000:
        errors.append(f"embeds: {total} characters in all, limit 6000")
    return errors


# -- Microsoft Teams (Workflows webhook, Adaptive Card) --------------------------------------

CARD_ELEMENTS = {"TextBlock", "FactSet", "Container", "ColumnSet", "Image", "ActionSet", "RichTextBlock"}
CARD_ACTIONS = {"Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute"}
SPACING = {"none", "small", "default", "medium", "large", "extralarge", "padding"}
TEXT_STYLE = {
    "size": {"small", "default", "medium", "large", "extralarge"},
    "weight": {"lighter", "default", "bolder"},
    "color": {"default", "dark", "light", "accent", "good", "warning", "attention"},
}


def _card_element(element: Any, where: str) -> Errors:
    if not isinstance(element, dict):
        return [f"{where}: must be an object"]
    kind = element.get("type")
    if kind not in CARD_ELEMENTS:
        return [f"{where}: element type {kind!r} unknown"]
    errors: Errors = []
    common = {"type", "id", "spacing", "separator", "isVisible", "height", "requires", "fallback"}
    if "spacing" in element and str(element["spacing"]).lower() not in SPACING:
        errors.append(f"{where}.spacing: unknown value")
    if kind == "TextBlock":
        errors += _extra_keys(element, common | {"text", "wrap", "size", "weight", "color", "isSubtle",
                                                 "maxLines", "horizontalAlignment", "fontType", "style"}, where)
        errors += _text(element.get("text"), f"{where}.text", 20000)
        errors += _no_mentions(element.get("text") or "", where)
        for key, allowed in TEXT_STYLE.items():
            if key in element and str(element[key]).lower() not in allowed:
                errors.append(f"{where}.{key}: unknown value {element[key]!r}")
        for key in ("wrap", "isSubtle", "separator"):
            if key in element and not isinstance(element[key], bool):
                errors.append(f"{where}.{key}: boolean")
    elif kind == "FactSet":
        errors += _extra_keys(element, common | {"facts"}, where)
        facts = element.get("facts")
        if not isinstance(facts, list) or not facts:
            errors.append(f"{where}.facts: a non-empty list")
        else:
            for number, fact in enumerate(facts):
                if not isinstance(fact, dict) or set(fact) != {"title", "value"} \
                        or not all(isinstance(fact[k], str) for k in ("title", "value")):
                    errors.append(f"{where}.facts[{number}]: exactly title and value strings")
                else:
                    errors += _no_mentions(fact["value"], f"{where}.facts[{number}]")
    elif kind == "Container":
        for number, item in enumerate(element.get("items") or []):
            errors += _card_element(item, f"{where}.items[{number}]")
    return errors


def validate_teams(payload: Any, raw_size: int | None = None) -> Errors:
    """A Workflows 'post card' message: an Adaptive Card (adaptivecards.io) in a message attachment."""
    if not isinstance(payload, dict):
        return ["payload must be an object"]
    errors = _extra_keys(payload, {"type", "attachments", "summary", "text"}, "payload")
    size = raw_size if raw_size is not None else len(json.dumps(payload, ensure_ascii=False).encode())
    if size > 28_000:
        errors.append(f"payload: {size} bytes, Teams' limit is about 28 KB")
    if payload.get("type") != "message":
        errors.append("type: must be 'message'")
    attachments = payload.get("attachments")
    if not isinstance(attachments, list) or not attachments:
        return errors + ["attachments: a non-empty list"]
    for index, attachment in enumerate(attachments):
        where = f"attachments[{index}]"
        if not isinstance(attachment, dict):
            errors.append(f"{where}: must be an object")
            continue
        errors += _extra_keys(attachment, {"contentType", "contentUrl", "content", "name"}, where)
        if attachment.get("contentType") != "application/vnd.microsoft.card.adaptive":
            errors.append(f"{where}.contentType: must be application/vnd.microsoft.card.adaptive")
        if attachment.get("contentUrl") is not None and not isinstance(attachment.get("contentUrl"), str):
            errors.append(f"{where}.contentUrl: null or a string")
        card = attachment.get("content")
        if not isinstance(card, dict):
            errors.append(f"{where}.content: must be an Adaptive Card object")
            continue
        errors += _extra_keys(card, {"$schema", "type", "version", "body", "actions", "msteams", "fallbackText",
                                     "speak", "lang", "minHeight", "verticalContentAlignment"}, f"{where}.content")
        if card.get("type") != "AdaptiveCard":
            errors.append(f"{where}.content.type: must be AdaptiveCard")
        if card.get("version") not in ("1.0", "1.1", "1.2", "1.3", "1.4", "1.5"):
            errors.append(f"{where}.content.version: a version Teams renders (1.0 to 1.5)")
        body = card.get("body")
        if not isinstance(body, list) or not body:
            errors.append(f"{where}.content.body: a non-empty list")
        else:
            for number, element in enumerate(body):
                errors += _card_element(element, f"{where}.content.body[{number}]")
        for number, action in enumerate(card.get("actions") or []):
            at = f"{where}.content.actions[{number}]"
            if not isinstance(action, dict) or action.get("type") not in CARD_ACTIONS:
                errors.append(f"{at}: unknown action")
                continue
            if action["type"] == "Action.OpenUrl":
                errors += _extra_keys(action, {"type", "title", "url", "id", "style", "iconUrl"}, at)
                errors += _url(action.get("url"), f"{at}.url")
                errors += _text(action.get("title"), f"{at}.title", 200, required=False)
    return errors


# -- Mattermost -------------------------------------------------------------------------------

MATTERMOST_TOP = {"text", "username", "icon_url", "icon_emoji", "channel", "attachments", "props", "type", "priority"}
MATTERMOST_ATTACHMENT = {"fallback", "color", "pretext", "text", "author_name", "author_link", "author_icon",
                         "title", "title_link", "fields", "image_url", "thumb_url", "footer", "footer_icon",
                         "actions", "id"}


def validate_mattermost(payload: Any) -> Errors:
    """Incoming webhook (developers.mattermost.com/integrate/webhooks/incoming, message attachments)."""
    if not isinstance(payload, dict):
        return ["payload must be an object"]
    errors = _extra_keys(payload, MATTERMOST_TOP, "payload")
    if not payload.get("text") and not payload.get("attachments"):
        errors.append("payload: needs text or attachments")
    if "text" in payload:
        errors += _text(payload["text"], "text", 16383, required=False)
        errors += _no_mentions(payload.get("text") or "", "text")
    attachments = payload.get("attachments", [])
    if not isinstance(attachments, list):
        return errors + ["attachments: must be a list"]
    for index, attachment in enumerate(attachments):
        where = f"attachments[{index}]"
        if not isinstance(attachment, dict):
            errors.append(f"{where}: must be an object")
            continue
        errors += _extra_keys(attachment, MATTERMOST_ATTACHMENT, where)
        for key in ("fallback", "pretext", "text", "title", "footer", "author_name"):
            errors += _text(attachment.get(key), f"{where}.{key}", 16383, required=False)
            errors += _no_mentions(attachment.get(key) or "", f"{where}.{key}")
        if "color" in attachment and not re.fullmatch(r"#[0-9A-Fa-f]{6}|good|warning|danger", str(attachment["color"])):
            errors.append(f"{where}.color: #RRGGBB or good/warning/danger")
        if "title_link" in attachment:
            errors += _url(attachment["title_link"], f"{where}.title_link")
        for number, item in enumerate(attachment.get("fields") or []):
            at = f"{where}.fields[{number}]"
            if not isinstance(item, dict):
                errors.append(f"{at}: must be an object")
                continue
            errors += _extra_keys(item, {"title", "value", "short"}, at)
            errors += _text(item.get("title"), f"{at}.title", 1000)
            if not isinstance(item.get("value"), str | int | float):
                errors.append(f"{at}.value: string or number")
            if "short" in item and not isinstance(item["short"], bool):
                errors.append(f"{at}.short: boolean")
            errors += _no_mentions(str(item.get("value") or ""), at)
    return errors


VALIDATORS = {
    "slack": validate_slack,
    "discord": validate_discord,
    "teams": validate_teams,
    "mattermost": validate_mattermost,
}
