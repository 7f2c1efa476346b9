"""one English value per concept

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Stored vocabulary values that were Swedish become the English values of
db.vocabulary (the Swedish stays as labels): organisation kinds, membership
roles, an insats's manual status and orientation, agenda item kinds and the
document of an export record. A backup is written before any migration.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

RENAMED = {
    ("organisation", "kind"): {"kommun": "municipality", "arbetsformedlingen": "employment_service",
                               "forsakringskassan": "social_insurance", "forbund": "association"},
    ("membership", "role"): {"ordforande": "chair", "ledamot": "member", "ersattare": "substitute",
                             "samordnare": "coordinator"},
    ("initiative", "manual_status"): {"ansokan": "application", "avslagen": "rejected"},
    ("initiative", "orientation"): {"individinriktad": "individual",
                                    "strukturovergripande": "structural"},
    ("agendaitem", "kind"): {"diskussion": "discussion", "beslut": "decision"},
    ("exportrecord", "document"): {"kallelse": "notice", "minnesanteckningar": "minutes",
                                   "inbjudan": "invitation"},
}


def _rename(reverse: bool) -> None:
    for (table, column), mapping in RENAMED.items():
        for old, new in mapping.items():
            if reverse:
                old, new = new, old
            op.execute(sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old")
                       .bindparams(new=new, old=old))


def upgrade() -> None:
    _rename(reverse=False)


def downgrade() -> None:
    _rename(reverse=True)
