"""OPML feed lists, read and written: how feed readers exchange subscriptions.

Parsing is tolerant of what real exports contain (feeds without ``type``, ``text`` instead of
``title``, feeds nested in folders) and strict about what could hurt the worker: a document
declaring a DTD or entities is refused before libxml2 sees it, and the parser itself never
expands entities, never loads a DTD and never touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from lxml import etree

MAX_OPML_BYTES = 2_000_000
"""A few thousand feeds fit in well under 1 MB; anything bigger is a mistake or an attack."""

LANGUAGES = ("en", "fr")
_LANGUAGE_NAMES = {"english": "en", "anglais": "en", "french": "fr", "francais": "fr", "français": "fr"}
_GROUP_LANGUAGE = re.compile(r"\((en|fr)\)\s*$", re.IGNORECASE)
_FEED_TYPES = ("rss", "atom", "feed")
# A DTD is how both entity bombs and external entities get in; OPML never needs one.
_FORBIDDEN = ("<!DOCTYPE", "<!ENTITY")


class OpmlError(ValueError):
    """An OPML document that cannot be read, said in words."""


@dataclass(frozen=True)
class OutlineFeed:
    """One feed from an OPML file: what `add_feed` needs, plus where it came from."""

    url: str
    title: str | None = None
    language: str | None = None
    interval_minutes: int | None = None
    html_url: str | None = None
    category: str | None = None


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def _declares_dtd(data: bytes) -> bool:
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        if any(marker.encode(encoding) in data for marker in _FORBIDDEN):
            return True
    return False


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _attr(element: etree._Element, *names: str) -> str | None:
    """The first non-empty attribute among `names`, compared without case (exports disagree)."""
    lowered = {_local(k).lower(): v for k, v in element.attrib.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value and value.strip():
            return value.strip()
    return None


def _language(value: str | None) -> str | None:
    """"fr", "fr-FR", "French" or "français" -> "fr"; anything but English or French -> None."""
    if not value:
        return None
    value = value.strip().lower()
    if value in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value]
    code = re.split(r"[-_]", value, maxsplit=1)[0]
    return code if code in LANGUAGES else None


def _interval(value: str | None) -> int | None:
    try:
        minutes = int(value) if value else None
    except ValueError:
        return None
    return minutes if minutes is not None and minutes >= 1 else None


def _group_language(element: etree._Element) -> str | None:
    """A folder's language: its own attribute, or a title ending in "(EN)" or "(FR)"."""
    explicit = _language(_attr(element, "language", "lang"))
    if explicit:
        return explicit
    match = _GROUP_LANGUAGE.search(_attr(element, "title", "text") or "")
    return match.group(1).lower() if match else None


def _walk(parent: etree._Element, category: str | None, language: str | None) -> Iterator[OutlineFeed]:
    for element in parent:
        if _local(element.tag) != "outline":
            continue
        url = _attr(element, "xmlUrl")
        kind = (_attr(element, "type") or "").lower()
        if url is None and kind in _FEED_TYPES:
            url = _attr(element, "url")
        if url is None:  # a folder: its title is the category, its language is inherited
            name = _attr(element, "title", "text")
            yield from _walk(element, name or category, _group_language(element) or language)
            continue
        title = _attr(element, "title", "text")
        own_language = _attr(element, "language", "lang")
        yield OutlineFeed(
            url=url,
            title=None if title == url else title,  # exporters put the URL in `text` when untitled
            language=_language(own_language) if own_language else language,
            interval_minutes=_interval(_attr(element, "interval")),
            html_url=_attr(element, "htmlUrl"),
            category=category,
        )


def parse_opml(data: bytes) -> list[OutlineFeed]:
    """The feeds listed in an OPML document, in order, each URL once."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the OPML file is {len(data):,} bytes, more than the {MAX_OPML_BYTES:,} accepted")
    if not data.strip():
        raise OpmlError("the OPML file is empty")
    if _declares_dtd(data):
        raise OpmlError("refused: the OPML file declares a DTD or entities, which OPML never needs")
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"the file is not valid XML: {exc.msg or exc}") from None
    if root is None:
        raise OpmlError("the file is not valid XML: it has no root element")
    if root.getroottree().docinfo.internalDTD is not None:
        raise OpmlError("refused: the OPML file declares a DTD or entities, which OPML never needs")
    if _local(root.tag) != "opml":
        raise OpmlError(f"the file is XML but not OPML: its root element is <{_local(root.tag)}>, not <opml>")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError("the OPML file has no <body>, so it lists no feeds")
    seen: set[str] = set()
    feeds = []
    for feed in _walk(body, None, None):
        if feed.url not in seen:
            seen.add(feed.url)
            feeds.append(feed)
    return feeds


def _outline(parent: etree._Element, feed: OutlineFeed) -> None:
    attrs = {"type": "rss", "text": feed.title or feed.url}
    if feed.title:
        attrs["title"] = feed.title
    attrs["xmlUrl"] = feed.url
    if feed.html_url:
        attrs["htmlUrl"] = feed.html_url
    if feed.language:
        attrs["language"] = feed.language
    if feed.interval_minutes:
        attrs["interval"] = str(feed.interval_minutes)
    etree.SubElement(parent, "outline", attrs)


def render_opml(feeds: Iterable[OutlineFeed], title: str, *, created: datetime | None = None) -> bytes:
    """An OPML 2.0 document of the feeds, in folders by category; `parse_opml` reads it back."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    if created is not None:
        etree.SubElement(head, "dateCreated").text = format_datetime(created)
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for feed in feeds:
        parent = body
        if feed.category:
            parent = folders.get(feed.category)
            if parent is None:
                parent = folders[feed.category] = etree.SubElement(
                    body, "outline", {"text": feed.category, "title": feed.category})
        _outline(parent, feed)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
