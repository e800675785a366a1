"""Article pages from a hostile or sloppy server: fetch + extract give text or a sentence, never a crash."""

from __future__ import annotations

import gzip
import socket
import time
import zlib
from pathlib import Path

import pytest

from tests.fixtures.httpserver import Response, trickle
from worker.articles.extract import extract_article
from worker.net.fetch import fetch
from worker.net.guard import FetchError
from worker.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data" / "hostile"
CAP = 100_000
FRENCH = (DATA / "page_cp1252_labelled_utf8.html").read_bytes()


def settings(**overrides: object) -> Settings:
    base: dict[str, object] = dict(allow_private_networks=True, connect_timeout=2, read_timeout=1, total_timeout=3,
                                   per_host_interval=0, per_host_concurrency=8, max_page_bytes=CAP, _env_file=None)
    base.update(overrides)
    return Settings(**base)


def page(http_server, path: str, response: Response) -> bytes:
    http_server.route_handler(path, lambda _request: response)
    result = fetch(http_server.url(path), settings(), max_bytes=CAP)
    return extract_article(result.content, result.url, CAP, content_type=result.headers.get("content-type")).text


def test_a_windows_1252_page_labelled_utf8_still_reads_as_french(http_server):
    text = page(http_server, "/fr", Response(FRENCH, headers={"Content-Type": "text/html; charset=utf-8"}))
    assert "Ménaka" in text and "sécurité" in text and "\ufffd" not in text


def test_the_charset_in_the_header_is_used_when_the_page_declares_none(http_server):
    html = FRENCH.replace(b'<meta charset="utf-8">', b"")
    text = page(http_server, "/latin", Response(html, headers={"Content-Type": "text/html; charset=windows-1252"}))
    assert "près de Ménaka" in text


def test_an_xhtml_page_with_an_xml_declaration_is_extracted(http_server):
    html = b'<?xml version="1.0" encoding="windows-1252"?>\n' + FRENCH.replace(b'<meta charset="utf-8">', b"")
    text = page(http_server, "/xhtml", Response(html, headers={"Content-Type": "application/xhtml+xml"}))
    assert "Ménaka" in text


@pytest.mark.parametrize("encoding, pack", [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as many servers send it
])
def test_compressed_pages_are_inflated_by_us(http_server, encoding, pack):
    headers = {"Content-Type": "text/html; charset=windows-1252", "Content-Encoding": encoding}
    assert "Ménaka" in page(http_server, "/packed", Response(pack(FRENCH), headers=headers))


@pytest.mark.parametrize("encoding, pack", [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_a_decompression_bomb_stops_at_the_cap(http_server, encoding, pack):
    bomb = pack(b"\0" * 50_000_000)
    assert len(bomb) < 100_000  # 50 MB hiding in well under the cap
    http_server.route("/bomb", bomb, headers={"Content-Type": "text/html", "Content-Encoding": encoding})
    with pytest.raises(FetchError, match="response larger than 100 KB"):
        fetch(http_server.url("/bomb"), settings(), max_bytes=CAP)


def test_a_corrupt_gzip_body_is_said_plainly(http_server):
    http_server.route("/corrupt", b"\x1f\x8bnot really gzip", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="could not be decompressed"):
        fetch(http_server.url("/corrupt"), settings(), max_bytes=CAP)


def test_an_unknown_content_encoding_is_refused_in_words(http_server):
    http_server.route("/br", b"\x0b\x02\x80hello", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        fetch(http_server.url("/br"), settings(), max_bytes=CAP)


def test_a_page_larger_than_the_cap_without_a_length_is_cut_off(http_server):
    http_server.route_handler("/endless", lambda _r: Response(iter([b"<p>" + b"x" * 10_000] * 50)))
    with pytest.raises(FetchError, match="response larger than 100 KB"):
        fetch(http_server.url("/endless"), settings(), max_bytes=CAP)


def test_a_trickling_page_hits_the_total_time_limit(http_server):
    http_server.route_handler("/drip", lambda _r: Response(trickle(FRENCH, chunk_size=4, pause=0.05)))
    started = time.monotonic()
    with pytest.raises(FetchError, match="total time limit of 1 s"):
        fetch(http_server.url("/drip"), settings(total_timeout=1), max_bytes=CAP)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("body, content_type, message", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png", "not an HTML page: the server sent image/png"),
    (b"", "text/html", "empty page"),
    (b"   \n\t ", "text/html", "empty page"),
    (b"\x00\x01\x02\x03binary" * 100, "", "binary content, not an HTML page"),
    (b"<html><body><p>Too short.</p></body></html>", "text/html", "page text too short|no article text"),
])
def test_what_is_not_an_article_page_is_said_plainly(http_server, body, content_type, message):
    headers = {"Content-Type": content_type} if content_type else {}
    http_server.route("/odd", body, headers=headers)
    with pytest.raises(FetchError, match=message):
        page(http_server, "/odd", Response(body, headers=headers))


def test_a_server_that_never_accepts_times_out_connecting_in_words():
    """A listener whose accept queue is full drops new handshakes: the connect timeout is what fires."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(4):  # fill the accept queue; later handshakes are dropped, not refused
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.2)
        with pytest.raises(FetchError, match=r"^connection to 127\.0\.0\.1 timed out after 0\.5 s$"):
            fetch(f"http://127.0.0.1:{port}/", settings(connect_timeout=0.5), max_bytes=CAP)
    finally:
        for filler in fillers:
            filler.close()
        listener.close()
