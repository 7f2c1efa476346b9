"""goals per group and year, lead times per group

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

The funding decision's targets per lokusgrupp and calendar year
(``group_goal``: LOKUS meetings and competence-raising activities; without a
row the defaults 4 and 2 hold). Per group: whether it is one of the
coordinator's own groups (first in Översikt) and the lead times the overview
reminds by (kallelse 14 days before, points 21 days before, minutes sent
within 7 days, fastställda within 30). A backup is written before any
migration.

Plain ADD COLUMN with server defaults (no batch copy), so existing rows get
the defaults and the search triggers stay.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

GROUP_COLUMNS = (
    ('own', sa.Boolean(), '0'),
    ('notice_lead_days', sa.Integer(), '14'),
    ('points_lead_days', sa.Integer(), '21'),
    ('minutes_send_days', sa.Integer(), '7'),
    ('minutes_final_days', sa.Integer(), '30'),
)


def upgrade() -> None:
    for name, kind, default in GROUP_COLUMNS:
        op.add_column('lokus_group', sa.Column(name, kind, nullable=False,
                                               server_default=default))
    op.create_table(
        'group_goal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('lokus_meetings', sa.Integer(), nullable=False),
        sa.Column('competence_activities', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['lokus_group.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('group_id', 'year', name='uq_group_goal'),
    )
    op.create_index(op.f('ix_group_goal_group_id'), 'group_goal', ['group_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_group_goal_group_id'), table_name='group_goal')
    op.drop_table('group_goal')
    for name, _kind, _default in reversed(GROUP_COLUMNS):
        op.drop_column('lokus_group', name)
