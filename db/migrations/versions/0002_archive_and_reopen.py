"""archived people, re-opened minutes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A person who appears in a meeting record is archived instead of deleted
(``person.archived_at``). Fastställda minutes that are opened again keep the
reason and the day (``minutes.reopened_*``); the approved text itself is kept
in ``exportrecord``.

Plain ADD COLUMN (no batch copy), so the search triggers on ``person`` stay.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('person', sa.Column('archived_at', sa.DateTime(), nullable=True))
    op.add_column('minutes', sa.Column('reopened_date', sa.Date(), nullable=True))
    op.add_column('minutes', sa.Column('reopened_reason', sa.String(), nullable=False,
                                       server_default=''))


def downgrade() -> None:
    op.drop_column('minutes', 'reopened_reason')
    op.drop_column('minutes', 'reopened_date')
    op.drop_column('person', 'archived_at')
