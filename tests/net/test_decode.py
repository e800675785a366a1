"""Bounded decompression and charset choice, on bytes alone."""

from __future__ import annotations

import gzip
import tracemalloc

import pytest

from worker.net.decode import BoundedDecoder, decode_html
from worker.net.guard import FetchError


def test_a_gzip_bomb_never_inflates_past_the_cap_in_memory():
    bomb = gzip.compress(b"\0" * 200_000_000)  # about 200 KB on the wire
    decoder = BoundedDecoder("gzip", max_bytes=1_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="response larger than 1 MB"):
            for start in range(0, len(bomb), 65_536):
                decoder.feed(bomb[start : start + 65_536])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoder.size <= 1_000_000 + 65_536 + 1
    assert peak < 5_000_000


def test_a_stream_split_anywhere_decodes_to_the_original():
    data = b"Attaque pr\xc3\xa8s de M\xc3\xa9naka. " * 2000
    packed = gzip.compress(data)
    decoder = BoundedDecoder("gzip", max_bytes=len(data))
    out = b"".join(decoder.feed(packed[i : i + 7]) for i in range(0, len(packed), 7)) + decoder.finish()
    assert out == data


def test_identity_and_missing_encodings_pass_bytes_through():
    assert BoundedDecoder(None, 10).feed(b"abc") == b"abc"
    assert BoundedDecoder("identity", 10).feed(b"abc") == b"abc"


def test_stacked_encodings_are_refused_in_words():
    with pytest.raises(FetchError, match="several encodings stacked"):
        BoundedDecoder("gzip, gzip", 10)


@pytest.mark.parametrize("raw, content_type, expected", [
    ("Sécurité à Gao".encode("utf-8"), "text/html; charset=iso-8859-1", "Sécurité à Gao"),  # valid UTF-8 wins
    ("Sécurité à Gao".encode("windows-1252"), "text/html; charset=utf-8", "Sécurité à Gao"),
    ("Sécurité à Gao".encode("windows-1252"), None, "Sécurité à Gao"),
    ("Сахель".encode("koi8-r"), "text/html; charset=koi8-r", "Сахель"),
    (b'<meta charset="windows-1256">' + "الساحل".encode("windows-1256"), None, '<meta charset="windows-1256">الساحل'),
    ("l’armée".encode("utf-8") + " à Ménaka".encode("windows-1252"), None, "l’armée à Ménaka"),  # mixed
])
def test_page_text_is_decoded_whatever_the_label_says(raw, content_type, expected):
    assert decode_html(raw, content_type) == expected
