"""Near-duplicate articles by SimHash, so wire copy reprinted by several outlets is processed once.

A fingerprint is the 64-bit SimHash (Charikar 2002; Manku, Jain and Das Sarma 2007) of the
article's 3-word shingles: lower-cased, accent-folded word tokens, each distinct shingle
hashed with blake2b (8 bytes), so fingerprints are the same in every process and on every
machine (Python's own ``hash()`` is randomised per process). Two texts whose shingle sets
overlap much have fingerprints a few bits apart; unrelated texts are about 32 bits apart.

Fingerprints are returned as *signed* 64-bit integers so they fit a PostgreSQL BIGINT.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from hashlib import blake2b

BITS = 64
_MASK = (1 << BITS) - 1
SHINGLE_WORDS = 3

NEAR_DUPLICATE_BITS = 6
"""Fingerprints at most this many bits apart are the same story.

Measured with the invented wire stories in ``tests/articles/test_neardup.py`` (456 words in
English, 281 in French, one paragraph per line; 1,000 random variants of each, reproduced by
running that file): the share of variants within 3 / 6 / 8 bits was

- another headline, byline and "read also" line: 100 / 100 / 100 % (short lines are ignored);
- one typo (3 of ~450 shingles change): 94 / 100 / 100 %;
- a sentence added: EN 86 / 100 / 100 %, FR 49 / 100 / 100 %;
- a sentence dropped: EN 26 / 93 / 93 %, FR 0 / 63 / 90 %;
- different stories about the same kind of attack in the same place: 23 to 36 bits apart;
- unrelated texts behave as random 64-bit values: P(distance <= 6) = 4.5e-12.

Manku et al.'s 3 bits suits web pages that differ by a few words in thousands; a news story of
a few hundred words moves 2 to 6 bits for one edited sentence, so 3 would miss many edited
reprints. 6 covers reprints, typos and added sentences with a wide margin below the closest
different story. A miss costs one more pass through tagging (the incident merge still joins
the events); a false match would hide a story, hence not higher.
"""

_TOKEN = re.compile(r"\w+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_BIT_TABLES = [bytes((value >> bit) & 1 for value in range(256)) for bit in range(8)]

SHORT_LINE_WORDS = 10
"""Lines shorter than this are headlines, bylines and "read also" boilerplate that differ between
reprints; they are left out when the rest of the text is long enough to stand on its own."""
MIN_BODY_WORDS = 50  # below this, a short dispatch is fingerprinted whole, headline lines included


def tokens(text: str) -> list[str]:
    """Words, lower-cased and without accents, so "armée" and "Armee" are one feature."""
    folded = text.casefold()
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return _TOKEN.findall(folded)


def body_tokens(text: str) -> list[str]:
    """The words of the text's long lines (its paragraphs), or of all of it when that is too little."""
    words: list[str] = []
    for line in text.splitlines():
        line_words = tokens(line)
        if len(line_words) >= SHORT_LINE_WORDS:
            words.extend(line_words)
    return words if len(words) >= MIN_BODY_WORDS else tokens(text)


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Distinct runs of `size` words; a text shorter than that is one shingle of its words."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    if size == 3:  # the common case, written out: a third faster than slicing
        return {f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:])}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _to_signed(value: int) -> int:
    return value - (1 << BITS) if value >> (BITS - 1) else value


def simhash(text: str) -> int:
    """The text's 64-bit SimHash as a signed integer; 0 for a text without words."""
    features = shingles(body_tokens(text))
    if not features:
        return 0
    digests = b"".join([blake2b(s.encode(), digest_size=8).digest() for s in features])
    half = len(features) / 2
    fingerprint = 0
    # Count how many feature hashes set each bit with C-speed byte operations: column `pos`
    # of the joined digests is byte `pos` of every hash (big-endian, so bit 63 comes first).
    for pos in range(8):
        column = digests[pos::8]
        for bit, table in enumerate(_BIT_TABLES):
            if column.translate(table).count(1) > half:
                fingerprint |= 1 << (8 * (7 - pos) + bit)
    return _to_signed(fingerprint)


def hamming(a: int, b: int) -> int:
    """Bits that differ between two fingerprints, signed or not."""
    return ((a ^ b) & _MASK).bit_count()


BAND_WIDTHS = (10, 9, 9, 9, 9, 9, 9)
"""The 64 bits cut into NEAR_DUPLICATE_BITS + 1 bands, low bits first.

Pigeonhole: two fingerprints at most 6 bits apart differ in at most 6 of the 7 bands, so they
agree exactly on at least one. An equality index per band then finds every candidate within
reach, and only those few (about 7 in 512 unrelated articles share a band) are compared bit by
bit, instead of every recent article.
"""
BANDS = len(BAND_WIDTHS)
assert sum(BAND_WIDTHS) == BITS and BANDS > NEAR_DUPLICATE_BITS


def bands(fingerprint: int) -> tuple[int, ...] | None:
    """The fingerprint's band values (small non-negative ints), or None when it matches nothing (0)."""
    if not fingerprint:
        return None
    value, out = fingerprint & _MASK, []
    for width in BAND_WIDTHS:
        out.append(value & ((1 << width) - 1))
        value >>= width
    return tuple(out)


def find_near_duplicate(
    fingerprint: int, candidates: Iterable[tuple[int, int]], max_bits: int = NEAR_DUPLICATE_BITS
) -> int | None:
    """The id of the closest candidate (article_id, simhash) within `max_bits`, else None.

    A fingerprint of 0 (no words) matches nothing: empty texts are not duplicates of each other.
    """
    if fingerprint == 0:
        return None
    best: tuple[int, int] | None = None
    for article_id, other in candidates:
        if other is None or other == 0:
            continue
        distance = hamming(fingerprint, other)
        if distance <= max_bits and (best is None or distance < best[0]):
            best = (distance, article_id)
            if distance == 0:
                break
    return None if best is None else best[1]
