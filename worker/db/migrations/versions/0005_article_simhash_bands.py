"""article simhash bands: near copies found through an index instead of a scan

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# worker.articles.neardup.BAND_WIDTHS, frozen here: a migration must not change when the code does.
BAND_WIDTHS = (10, 9, 9, 9, 9, 9, 9)
COLUMNS = [f"simhash_band{i}" for i in range(len(BAND_WIDTHS))]


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.SmallInteger(), nullable=True))
    for column in COLUMNS:
        op.create_index(f'ix_articles_{column}', 'articles', [column, 'id'], unique=False)
    # Existing fingerprints get their bands. `>>` sign-extends on both PostgreSQL and SQLite and the
    # mask keeps the band's own bits, so the signed BIGINT gives the same bands as the unsigned value.
    shift, assignments = 0, []
    for column, width in zip(COLUMNS, BAND_WIDTHS):
        assignments.append(f"{column} = (simhash >> {shift}) & {(1 << width) - 1}")
        shift += width
    op.execute(f"UPDATE articles SET {', '.join(assignments)} WHERE simhash IS NOT NULL AND simhash != 0")


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f'ix_articles_{column}', table_name='articles')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
