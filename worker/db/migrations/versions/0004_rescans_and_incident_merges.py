"""rescans and incident merges

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 05:17:01.866967
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import worker.db.base
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rescans',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('selection', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('refetch', sa.Boolean(), nullable=False),
    sa.Column('send_alerts', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', worker.db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', worker.db.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rescans'))
    )
    op.create_table('rescan_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('rescan_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('article_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_rescan_items_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rescan_id'], ['rescans.id'], name=op.f('fk_rescan_items_rescan_id_rescans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rescan_items')),
    sa.UniqueConstraint('rescan_id', 'article_id', name=op.f('uq_rescan_items_rescan_id_article_id'))
    )
    with op.batch_alter_table('rescan_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rescan_items_rescan_id'), ['rescan_id'], unique=False)

    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_incidents_merged_into_incidents'), 'incidents', ['merged_into'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_incidents_merged_into_incidents'), type_='foreignkey')
        batch_op.drop_column('merged_into')

    with op.batch_alter_table('rescan_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rescan_items_rescan_id'))

    op.drop_table('rescan_items')
    op.drop_table('rescans')
