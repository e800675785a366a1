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

NEAR_DUPLICATE_BITS = 3
"""Fingerprints at most this many bits apart are the same story.

Measured with ``tests/articles/test_neardup.py``'s texts (a 480-word English and a
330-word French wire story, 1,000 random variants each; see ``measure`` in that file):

- punctuation or case changes: 0 bits (tokens ignore both);
- one typo: median 0-1 bits, 95th percentile 2;
- another headline, byline or "read also" boilerplate line: median 1-2, 95th percentile 3;
- a sentence added or dropped: median 1-2, 95th percentile 3-4 (a longer story moves less);
- two different stories about the same kind of attack in the same place: 22 bits or more;
- random pairs of unrelated 64-bit values: mean 32, and P(distance <= 3) is 4e-15.

Three bits is Manku et al.'s value for 64-bit fingerprints at web scale; it catches reprints
and light edits while a false match among thousands of recent articles stays improbable. A
heavier rewrite is a different article on purpose: the incident merge joins those by event.
"""

_TOKEN = re.compile(r"\w+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def tokens(text: str) -> list[str]:
    """Words, lower-cased and without accents, so "armée" and "Armee" are one feature."""
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _TOKEN.findall(folded)


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Distinct runs of `size` words; a text shorter than that is one shingle of its words."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def _feature_hash(shingle: str) -> int:
    return int.from_bytes(blake2b(shingle.encode(), digest_size=8).digest(), "big")


def _to_signed(value: int) -> int:
    return value - (1 << BITS) if value >> (BITS - 1) else value


def simhash(text: str) -> int:
    """The text's 64-bit SimHash as a signed integer; 0 for a text without words."""
    features = [_feature_hash(s) for s in shingles(tokens(text))]
    if not features:
        return 0
    # Count, for each of the 64 bit positions, how many feature hashes set it. The counters
    # are bit-sliced (plane k holds bit k of all 64 counts) so one addition is a few integer
    # operations instead of a 64-step loop: this keeps a 600-word article well under 1 ms.
    planes: list[int] = []
    for value in features:
        carry = value
        for k, plane in enumerate(planes):
            planes[k] = plane ^ carry
            carry &= plane
            if not carry:
                break
        else:
            if carry:
                planes.append(carry)
    half = len(features) / 2
    fingerprint = 0
    for bit in range(BITS):
        count = 0
        for k, plane in enumerate(planes):
            count |= ((plane >> bit) & 1) << k
        if count > half:
            fingerprint |= 1 << bit
    return _to_signed(fingerprint)


def hamming(a: int, b: int) -> int:
    """Bits that differ between two fingerprints, signed or not."""
    return ((a ^ b) & _MASK).bit_count()


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
