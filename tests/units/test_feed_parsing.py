"""Feed bytes -> entries, keeping what a malformed feed still holds."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from worker.feeds.parse import parse_feed
from worker.net.guard import FetchError

NOW = datetime(2024, 5, 1, tzinfo=timezone.utc)


def test_rss_items_become_entries_with_guid_link_and_date():
    feed = parse_feed(b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><guid>a1</guid><title>Attack</title><link>https://x.org/a</link><pubDate>Tue, 30 Apr 2024 10:00:00 GMT</pubDate></item>
    </channel></rss>""", now=NOW)
    [entry] = feed.entries
    assert (entry.guid, entry.url, entry.title) == ("a1", "https://x.org/a", "Attack")
    assert entry.published == datetime(2024, 4, 30, 10, tzinfo=timezone.utc)
    assert feed.warning is None


def test_atom_entries_are_read():
    feed = parse_feed(b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><id>urn:1</id><title>Un titre</title><link href="https://x.org/fr"/><updated>2024-04-30T10:00:00Z</updated></entry></feed>""", now=NOW)
    assert [e.url for e in feed.entries] == ["https://x.org/fr"]


def test_a_malformed_feed_keeps_the_entries_that_parse_and_says_so():
    feed = parse_feed(b"""<rss version="2.0"><channel><item><title>Good</title><link>https://x.org/1</link></item>
      <item><title>Broken & unescaped</title><link>https://x.org/2</link></item></channel>""", now=NOW)
    assert [e.url for e in feed.entries][:1] == ["https://x.org/1"]
    assert feed.warning and feed.warning.startswith("malformed feed, kept")


def test_absurd_dates_are_dropped_not_trusted():
    feed = parse_feed(b"""<rss version="2.0"><channel>
      <item><guid>old</guid><link>https://x.org/1</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>
      <item><guid>future</guid><link>https://x.org/2</link><pubDate>Sun, 01 Jan 2099 00:00:00 GMT</pubDate></item>
    </channel></rss>""", now=NOW)
    assert [e.published for e in feed.entries] == [None, None]


def test_huge_titles_are_clipped():
    title = "A" * 50_000
    feed = parse_feed(f'<rss version="2.0"><channel><item><guid>g</guid><title>{title}</title></item></channel></rss>'.encode(), now=NOW)
    assert len(feed.entries[0].title) == 1000


def test_items_without_guid_or_link_get_a_stable_content_id():
    doc = b'<rss version="2.0"><channel><item><title>No link</title><description>d</description></item></channel></rss>'
    assert parse_feed(doc, now=NOW).entries[0].guid == parse_feed(doc, now=NOW).entries[0].guid


@pytest.mark.parametrize("content, message", [
    (b"", "empty response"),
    (b"<!DOCTYPE html><html><body>hello</body></html>", "got an HTML page, not a feed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a readable RSS/Atom feed"),
])
def test_what_is_not_a_feed_is_said_plainly(content: bytes, message: str):
    with pytest.raises(FetchError, match=message):
        parse_feed(content, now=NOW)


def test_entity_expansion_is_not_performed():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
      <rss version="2.0"><channel><item><guid>g</guid><title>&lol4;</title></item></channel></rss>"""
    try:
        feed = parse_feed(bomb, now=NOW)
    except FetchError:
        return
    assert all(len(e.title or "") < 1000 for e in feed.entries)
