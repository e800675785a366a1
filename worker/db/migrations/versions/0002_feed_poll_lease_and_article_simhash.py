"""feed poll lease and article simhash

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:57:48.890405
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import worker.db.base


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('simhash', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_articles_simhash'), ['simhash'], unique=False)

    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.add_column(sa.Column('poll_lease_until', worker.db.base.UTCDateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('feeds', schema=None) as batch_op:
        batch_op.drop_column('poll_lease_until')

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_simhash'))
        batch_op.drop_column('simhash')

