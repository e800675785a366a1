"""Near copies found through the SimHash band indexes: a reprint is linked, a different story is not."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from tests.articles.test_neardup import OTHER_EN, OTHER_FR, WIRE_EN, WIRE_FR
from tests.pipeline import wipe_database
from worker.articles.neardup import BAND_WIDTHS, NEAR_DUPLICATE_BITS, bands, hamming, simhash
from worker.articles.store import near_duplicate_of, store_article
from worker.db.migrate import upgrade
from worker.db.models import SIMHASH_BAND_COLUMNS, Article
from worker.db.session import dispose_engines, session_scope

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def db(db_url: str) -> str:
    upgrade(db_url)
    wipe_database(db_url)
    return db_url


def store(db: str, name: str, body: str, fingerprint: int | None = None) -> int:
    with session_scope(db) as session:
        stored = store_article(
            session, url=f"https://example.org/{name}", canonical=f"https://example.org/{name}", title=name,
            text=body, language="en", published=NOW, digest=secrets.token_hex(16),
            fingerprint=simhash(body) if fingerprint is None else fingerprint, outlet="example.org",
            tagged={"relevant": False, "events": []}, now=NOW,
        )
    return stored.id


def lookup(db: str, body: str, fingerprint: int | None = None, **kwargs: int) -> int | None:
    with session_scope(db) as session:
        return near_duplicate_of(session, simhash(body) if fingerprint is None else fingerprint, body, **kwargs)


def flip(fingerprint: int, bits: list[int]) -> int:
    """The signed fingerprint with the given bit positions inverted."""
    value = fingerprint & ((1 << 64) - 1)
    for bit in bits:
        value ^= 1 << bit
    return value - (1 << 64) if value >> 63 else value


def band_starts() -> list[int]:
    starts, position = [], 0
    for width in BAND_WIDTHS:
        starts.append(position)
        position += width
    return starts


def test_a_reprint_with_another_headline_is_linked_to_the_stored_story(db: str):
    original = store(db, "wire", WIRE_EN)
    store(db, "other", OTHER_EN)
    assert lookup(db, "Deadly raid on army camp\nBy Staff Reporter\n" + WIRE_EN) == original


def test_an_edited_french_reprint_is_linked(db: str):
    original = store(db, "wire-fr", WIRE_FR)
    edited = WIRE_FR.replace("Les dirigeants de la région", "Le bilan n'a pas pu être vérifié. Les dirigeants de la région")
    assert lookup(db, edited) == original


def test_a_different_story_about_the_same_kind_of_attack_is_not_linked(db: str):
    store(db, "wire", WIRE_EN)
    store(db, "wire-fr", WIRE_FR)
    assert lookup(db, OTHER_EN) is None
    assert lookup(db, OTHER_FR) is None


def test_a_copy_six_bits_away_in_six_bands_is_still_found(db: str):
    """The worst case for the bands: every differing bit in a band of its own, one band left equal."""
    base = simhash(WIRE_EN)
    original = store(db, "wire", WIRE_EN)
    starts = band_starts()
    for kept in range(len(BAND_WIDTHS)):
        moved = flip(base, [start for i, start in enumerate(starts) if i != kept])
        assert hamming(base, moved) == NEAR_DUPLICATE_BITS
        assert lookup(db, WIRE_EN, fingerprint=moved) == original


def test_a_fingerprint_seven_bits_away_is_not_a_near_copy(db: str):
    base = simhash(WIRE_EN)
    store(db, "wire", WIRE_EN)
    far = flip(base, [0, 1, 2, 3, 4, 5, 6])  # all in the first band: the other six still match
    assert lookup(db, WIRE_EN, fingerprint=far) is None


def test_the_closest_of_several_near_copies_wins(db: str):
    base = simhash(WIRE_EN)
    store(db, "farther", WIRE_EN + "\nA", fingerprint=flip(base, [1, 20, 40]))
    closer = store(db, "closer", WIRE_EN + "\nB", fingerprint=flip(base, [30]))
    assert lookup(db, WIRE_EN) == closer


def test_only_the_most_recent_articles_are_searched(db: str):
    store(db, "wire", WIRE_EN)
    store(db, "other", OTHER_EN)
    store(db, "wire-fr", WIRE_FR)
    assert lookup(db, WIRE_EN, recent=3) is not None
    assert lookup(db, WIRE_EN, recent=2) is None


def test_stored_bands_are_those_of_the_fingerprint(db: str):
    article_id = store(db, "wire", WIRE_EN)
    empty_id = store(db, "empty", WIRE_FR, fingerprint=0)
    with session_scope(db) as session:
        row = session.get(Article, article_id)
        empty = session.get(Article, empty_id)
        assert tuple(getattr(row, c) for c in SIMHASH_BAND_COLUMNS) == bands(row.simhash)
        assert all(getattr(empty, c) is None for c in SIMHASH_BAND_COLUMNS)


def test_bands_cover_every_bit_once():
    assert bands(0) is None
    assert bands(-1) == tuple((1 << w) - 1 for w in BAND_WIDTHS)
    assert bands(1) == (1,) + (0,) * (len(BAND_WIDTHS) - 1)
    assert bands(-(1 << 63))[-1] == 1 << (BAND_WIDTHS[-1] - 1)  # the sign bit is the top band's top bit


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A database of its own, so it can be migrated from an older revision."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    admin_url = make_url(request.getfixturevalue("postgres_admin_url"))
    name = f"sahelwatch_test_bands_{secrets.token_hex(4)}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def test_the_migration_gives_existing_articles_their_bands(empty_db: str):
    upgrade(empty_db, "0004")
    fingerprints = [simhash(WIRE_EN), simhash(WIRE_FR), simhash(OTHER_EN), -(1 << 63), (1 << 63) - 1, 0]
    with session_scope(empty_db) as session:
        for n, fingerprint in enumerate(fingerprints):
            session.execute(text(
                "INSERT INTO articles (url, canonical_url, text, content_hash, simhash, fetched_at, relevant, score)"
                " VALUES (:u, :u, '', :h, :s, :t, false, 0)"), {"u": f"https://example.org/{n}", "h": str(n),
                                                               "s": fingerprint, "t": NOW})
    upgrade(empty_db)
    with session_scope(empty_db) as session:
        rows = session.execute(select(Article.simhash, *(getattr(Article, c) for c in SIMHASH_BAND_COLUMNS))
                               .order_by(Article.id)).all()
    for fingerprint, *stored in rows:
        assert tuple(stored) == (bands(fingerprint) or (None,) * len(SIMHASH_BAND_COLUMNS))
    assert lookup(empty_db, "Deadly raid on army camp\n" + WIRE_EN) is not None
