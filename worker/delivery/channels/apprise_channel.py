"""Apprise: one markdown message for the many services Apprise reaches (Telegram, e-mail, Matrix...).

``render`` is pure. ``notify`` is the edge that calls Apprise. Apprise URLs
carry tokens and passwords in every part, even the host (``tgram://<token>/``),
so no error sentence or log record leaves this module without ``redact_url``.
"""

from __future__ import annotations

import inspect
import logging
import re
import threading
from typing import Any

from worker.delivery.redact import URL_IN_TEXT, redact_url, scrub, secret_parts

from .common import Link, Summary, break_mentions, fit_lines, summarize, truncate

TITLE_LIMIT = 250
BODY_LIMIT = 10_000
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def escape(text: str) -> str:
    """Markdown escaped, mentions broken, and ``<``/``>`` as look-alikes.

    Apprise turns markdown into HTML for e-mail and the like, where raw
    ``<script>`` would pass through, yet hands it unchanged to text services,
    where ``&lt;`` would show as such: ‹ › read the same in both.
    """
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "‹").replace(">", "›")
    return break_mentions(text)


def link(item: Link) -> str:
    return f"[{escape(item.label)}]({item.url})"


def render(body: dict[str, Any]) -> tuple[str, str]:
    """(title, markdown body) for Apprise's ``notify``."""
    return render_summary(summarize(body))


def render_summary(s: Summary) -> tuple[str, str]:
    severity = f" ({s.severity})" if s.severity else ""
    plain = f"{s.headline}{severity}: {s.title}".replace("<", "‹").replace(">", "›")
    title = truncate(break_mentions(plain), TITLE_LIMIT)  # titles are plain text everywhere
    lines = []
    if s.note:
        lines += [escape(s.note), ""]
    if s.changes:
        lines += ["**Changed**", fit_lines([f"- {escape(c)}" for c in s.changes], 1500), ""]
    for fact in s.facts:
        extra = f" ({link(fact.link)})" if fact.link else ""
        lines.append(f"- **{fact.name}:** {escape(fact.value)}{extra}")
    if s.claims:
        lines += ["", "**Claims (each with who says so)**", fit_lines([f"- {escape(c)}" for c in s.claims], 3000)]
    if s.sources:
        lines += ["", "**Sources**", fit_lines([f"- {link(src)}" for src in s.sources], 4000)]
    lines += ["", escape(s.footer)]
    return title, truncate("\n".join(lines), BODY_LIMIT)


# -- edge ---------------------------------------------------------------------------------------


_ACTIVE_SECRETS: dict[int, list[str]] = {}
_SECRETS_LOCK = threading.Lock()
_FILTERED_LOGGERS = ("apprise", "urllib3.connectionpool")


class _RedactingFilter(logging.Filter):
    """Rewrites Apprise's (and urllib3's) log records so no URL or token of a send survives in them."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not break sending
            return True
        message = URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), message)
        with _SECRETS_LOCK:
            secrets = sorted({part for parts in _ACTIVE_SECRETS.values() for part in parts}, key=len, reverse=True)
        for part in secrets:
            message = message.replace(part, "***")
        record.msg, record.args = message, None
        return True


def _install_log_filter() -> None:
    for name in _FILTERED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _RedactingFilter) for f in logger.filters):
            logger.addFilter(_RedactingFilter())


def notify(apprise_url: str, title: str, body: str, timeout: float) -> tuple[bool, str | None]:
    """Send one markdown message through Apprise: (True, None) or (False, a sentence without secrets)."""
    _install_log_filter()
    safe = set(re.split(r"[/:]+", redact_url(apprise_url)))
    key = id(object())
    with _SECRETS_LOCK:
        _ACTIVE_SECRETS[key] = [part for part in secret_parts(apprise_url) if part not in safe]
    try:
        return _notify(apprise_url, title, body, timeout)
    finally:
        with _SECRETS_LOCK:
            _ACTIVE_SECRETS.pop(key, None)


def _notify(apprise_url: str, title: str, body: str, timeout: float) -> tuple[bool, str | None]:
    import apprise

    where = redact_url(apprise_url)
    try:
        asset = apprise.AppriseAsset()
        plugin = apprise.Apprise.instantiate(apprise_url, asset=asset)
        if plugin is None:
            return False, f"Apprise cannot use the URL {where}: unknown service or malformed URL"
        plugin.socket_connect_timeout = min(plugin.socket_connect_timeout or timeout, timeout)
        plugin.socket_read_timeout = timeout
        sender = apprise.Apprise(asset=asset)
        sender.add(plugin)
        options: dict[str, Any] = {"body_format": apprise.NotifyFormat.MARKDOWN}
        if "timeout" in inspect.signature(sender.notify).parameters:
            options["timeout"] = timeout  # the whole call, retries included (Apprise 2 and later)
        result = sender.notify(body=body, title=title, **options)
    except Exception as exc:  # Apprise plugins raise their own types; none may escape as a crash
        return False, f"Apprise failed for {where}: {scrub(type(exc).__name__ + ': ' + str(exc), apprise_url)}"
    if result:
        return True, None
    return False, _failure_sentence(result, where, apprise_url)


def _failure_sentence(result: Any, where: str, url: str) -> str:
    status = getattr(getattr(result, "status", None), "name", None)
    reasons: list[str] = []
    logs = getattr(result, "logs", None)
    if callable(logs):
        for entry in logs():
            if getattr(entry, "level", "") in ("WARNING", "ERROR", "CRITICAL") and entry.message not in reasons:
                reasons.append(entry.message)
    detail = scrub("; ".join(reasons[-3:]), url) if reasons else ""
    state = "timed out" if status == "TIMEOUT" else "was not delivered"
    sentence = f"Apprise notification to {where} {state}"
    return truncate(sentence + (f": {detail}" if detail else ""), 500)
