"""a lokusgrupp can be archived

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

``lokus_group.archived_at``: when the group was archived (it ended or merged with
another). An archived group keeps its meetings, minutes and insatser; it leaves
Översikt and the lists new meetings and insatser are picked from, and can be
restored. A backup is written before any migration. Plain ADD COLUMN (nullable),
so existing rows and the search triggers stay.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('lokus_group', sa.Column('archived_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('lokus_group') as batch:
        batch.drop_column('archived_at')
