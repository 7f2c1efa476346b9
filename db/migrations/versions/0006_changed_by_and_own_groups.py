"""who changed a row last; own groups per user

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Several coordinators may share one database (PostgreSQL): every versioned table
gets ``changed_by``, the name of the user who changed the row last (LOKUS_USER or
the login name; empty for rows from before). A group is "my group" per user in
``own_group``; the groups marked own before (``lokus_group.own``, no longer read)
become everyone's own (user name ''). A backup is written before any migration.
Plain ADD COLUMN and CREATE TABLE, so the search triggers stay.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

TABLES = (
    'scanningentry', 'attendance', 'decision', 'actionitem', 'minutes', 'minutescomment',
    'exportrecord', 'lokus_group', 'group_goal', 'organisation', 'person', 'membership',
    'initiative', 'initiativepartner', 'goal', 'fundingdecision', 'budgetline', 'meeting',
    'agendaitem', 'agendaproposal', 'pointsrequest', 'guestinvitation',
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('changed_by', sa.String(), nullable=False,
                                       server_default=''))
    op.create_table(
        'own_group',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_name', sa.String(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['lokus_group.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_name', 'group_id', name='uq_own_group'),
    )
    op.create_index(op.f('ix_own_group_user_name'), 'own_group', ['user_name'], unique=False)
    op.create_index(op.f('ix_own_group_group_id'), 'own_group', ['group_id'], unique=False)
    op.execute(
        "INSERT INTO own_group (user_name, group_id) "
        "SELECT '', id FROM lokus_group WHERE own = " + ("true" if op.get_bind().dialect.name == "postgresql" else "1")
    )


def downgrade() -> None:
    op.execute(
        "UPDATE lokus_group SET own = "
        + ("true" if op.get_bind().dialect.name == "postgresql" else "1")
        + " WHERE id IN (SELECT group_id FROM own_group)"
    )
    op.drop_index(op.f('ix_own_group_group_id'), table_name='own_group')
    op.drop_index(op.f('ix_own_group_user_name'), table_name='own_group')
    op.drop_table('own_group')
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('changed_by')
