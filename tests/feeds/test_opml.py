"""OPML: tolerant of real exports, safe against hostile XML, round-trips, and the bundled list is sound."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest

from worker.admin.opml import default_sources
from worker.feeds.opml import MAX_OPML_BYTES, OpmlError, OutlineFeed, parse_opml, render_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="News (FR)">
      <outline text="RFI Afrique" type="rss" xmlUrl="https://www.rfi.fr/fr/afrique/rss" htmlUrl="https://www.rfi.fr/fr/afrique/"/>
      <outline text="Mali">
        <outline title="Studio Tamani" text="ignored when title is set" xmlUrl="https://www.studiotamani.org/feed/"/>
      </outline>
    </outline>
    <outline text="English" language="en-GB">
      <outline text="BBC Africa" xmlURL="https://feeds.bbci.co.uk/news/world/africa/rss.xml" interval="30"/>
      <outline text="Italian one" xmlUrl="https://example.org/it.xml" language="it"/>
    </outline>
    <outline type="atom" text="Atom with url" url="https://example.org/atom.xml"/>
    <outline text="A website, not a feed" type="link" url="https://example.org/"/>
    <outline text="Duplicate" xmlUrl="https://www.rfi.fr/fr/afrique/rss"/>
  </body>
</opml>
"""


def test_nested_outlines_are_read_with_their_folder_and_language() -> None:
    feeds = {f.url: f for f in parse_opml(NESTED)}
    rfi = feeds["https://www.rfi.fr/fr/afrique/rss"]
    assert (rfi.title, rfi.language, rfi.category, rfi.html_url) == (
        "RFI Afrique", "fr", "News (FR)", "https://www.rfi.fr/fr/afrique/")
    tamani = feeds["https://www.studiotamani.org/feed/"]
    assert (tamani.title, tamani.language, tamani.category) == ("Studio Tamani", "fr", "Mali")
    bbc = feeds["https://feeds.bbci.co.uk/news/world/africa/rss.xml"]
    assert (bbc.language, bbc.interval_minutes, bbc.category) == ("en", 30, "English")


def test_a_language_other_than_english_or_french_is_left_unknown() -> None:
    feeds = {f.url: f for f in parse_opml(NESTED)}
    assert feeds["https://example.org/it.xml"].language is None


def test_feeds_without_type_or_with_url_attribute_are_kept_and_links_skipped() -> None:
    urls = [f.url for f in parse_opml(NESTED)]
    assert "https://example.org/atom.xml" in urls
    assert "https://example.org/" not in urls


def test_a_url_listed_twice_is_returned_once() -> None:
    urls = [f.url for f in parse_opml(NESTED)]
    assert urls.count("https://www.rfi.fr/fr/afrique/rss") == 1
    assert len(urls) == 5


def test_render_round_trips_through_parse() -> None:
    feeds = [
        OutlineFeed("https://www.rfi.fr/fr/afrique/rss", "RFI Afrique", "fr", 15, "https://www.rfi.fr/", "Afrique"),
        OutlineFeed("https://example.org/a?x=1&y=<2>", "Ampersand & co", None, None, None, None),
        OutlineFeed("https://humanglemedia.com/feed/", "HumAngle", "en", None, None, "Lake Chad / Nigeria"),
        OutlineFeed("https://lefaso.net/spip.php?page=backend", None, "fr", 60, None, "Afrique"),
    ]
    document = render_opml(feeds, "Test & export", created=datetime(2026, 1, 2, tzinfo=timezone.utc))
    assert document.startswith(b"<?xml")
    assert b'version="2.0"' in document
    back = parse_opml(document)
    assert sorted(back, key=lambda f: f.url) == sorted(feeds, key=lambda f: f.url)


def test_an_empty_feed_list_renders_a_valid_empty_document() -> None:
    assert parse_opml(render_opml([], "nothing")) == []


def test_billion_laughs_is_refused_without_expanding() -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "hahahahahahahahahaha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<opml version="2.0"><body><outline text="&i;" xmlUrl="https://example.org/&i;"/></body></opml>
"""
    with pytest.raises(OpmlError, match="DTD or entities"):
        parse_opml(bomb)


def test_external_entity_cannot_read_local_files() -> None:
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://example.org/feed?&secret;"/></body></opml>
"""
    with pytest.raises(OpmlError) as caught:
        parse_opml(xxe)
    assert "root:" not in str(caught.value)


def test_utf16_document_with_a_dtd_is_refused_too() -> None:
    xxe = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE opml [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
           '<opml version="2.0"><body><outline text="&s;" xmlUrl="https://example.org/"/></body></opml>')
    with pytest.raises(OpmlError, match="DTD or entities"):
        parse_opml(xxe.encode("utf-16"))


def test_an_undeclared_entity_is_an_error_not_a_leak() -> None:
    with pytest.raises(OpmlError, match="not valid XML"):
        parse_opml(b'<opml version="2.0"><body><outline text="&secret;" xmlUrl="https://e.org/"/></body></opml>')


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"this is not xml at all", "not valid XML"),
        (b"<opml><body><outline></body>", "not valid XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not valid XML"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "root element is <rss>"),
        (b'<opml version="2.0"><head/></opml>', "no <body>"),
    ],
)
def test_garbage_is_an_opml_error_with_a_sentence(data: bytes, reason: str) -> None:
    with pytest.raises(OpmlError, match=reason):
        parse_opml(data)


def test_an_oversized_document_is_refused_before_parsing() -> None:
    with pytest.raises(OpmlError, match="more than the"):
        parse_opml(b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>")


# the bundled default list -------------------------------------------------------------------

def test_bundled_sources_parse_with_enough_feeds_in_both_languages() -> None:
    feeds = parse_opml(default_sources())
    assert 30 <= len(feeds) <= 60
    assert {f.language for f in feeds} == {"en", "fr"}
    assert all(f.title and f.html_url and f.category for f in feeds)


def test_bundled_sources_have_unique_web_urls() -> None:
    feeds = parse_opml(default_sources())
    urls = [f.url for f in feeds]
    assert len(set(urls)) == len(urls)
    raw = default_sources().count(b"xmlUrl=")
    assert raw == len(urls), "a URL appears twice in the file"
    for url in urls:
        parts = urlsplit(url)
        assert parts.scheme in ("https", "http") and parts.hostname, url


def test_bundled_sources_cover_the_sahel_countries() -> None:
    categories = {f.category for f in parse_opml(default_sources())}
    assert {"Mali", "Burkina Faso", "Niger", "Chad", "Mauritania"} <= categories


def test_absurdly_deep_nesting_is_an_error_not_a_crash() -> None:
    depth = 5000
    document = (b'<opml version="2.0"><body>' + b'<outline text="f">' * depth
                + b'<outline xmlUrl="https://example.org/x"/>' + b"</outline>" * depth + b"</body></opml>")
    with pytest.raises(OpmlError, match="not valid XML"):
        parse_opml(document)
