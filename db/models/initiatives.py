"""Insatser with their partners, goals, funding decisions and budget lines."""

from datetime import date

from sqlmodel import Field

from db.models.base import Tracked


class Initiative(Tracked, table=True):
    name: str = Field(index=True)
    group_id: int | None = Field(
        default=None, foreign_key="lokus_group.id", index=True, ondelete="SET NULL"
    )
    reference: str = ""  # Dnr of the application
    owner_org_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    owner_contact_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="SET NULL"
    )
    purpose: str = ""  # syfte
    target_group: str = ""  # målgrupp
    method: str = ""  # metod
    background: str = ""  # bakgrund
    orientation: str = ""  # db.vocabulary.Orientation
    priority_groups: str = ""  # förbundets prioriterade målgrupper, free text
    start_date: date | None = Field(default=None, index=True)
    end_date: date | None = Field(default=None, index=True)
    manual_status: str = ""  # "" (by the period) or application / rejected


class InitiativePartner(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    contact_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="SET NULL"
    )
    position: int = 0


class Goal(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    kind: str = "effect"
    text: str
    position: int = 0


class FundingDecision(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    reference: str = ""  # Dnr
    decision_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    amount_max_sek: int = 0
    note: str = ""
    position: int = 0


class BudgetLine(Tracked, table=True):
    funding_decision_id: int = Field(
        foreign_key="fundingdecision.id", index=True, ondelete="CASCADE"
    )
    year: int
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )
    from_association_sek: int = 0  # att rekvirera från förbundet
    own_financing_sek: int = 0  # egenfinansiering
