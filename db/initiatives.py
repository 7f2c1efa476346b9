"""The insats register: list, read, validate, create, update, delete."""

from datetime import date

from sqlalchemy import Select, case, func, literal, select
from sqlmodel import col

from db import clock
from db.contacts import contact_ref
from db.engine import Database
from db.errors import NotFoundError
from db.models import (
    BudgetLine,
    FundingDecision,
    Goal,
    Group,
    Initiative,
    InitiativePartner,
    Organisation,
    Person,
)
from db.records import (
    BudgetLineInput,
    FundingInput,
    GoalInput,
    InitiativeDetail,
    InitiativeInput,
    InitiativeRow,
    Page,
    PartnerInput,
    PartnerView,
    initiative_status,
)
from db.text_match import contains
from db.versioning import saved_id
from db.vocabulary import InitiativeStatus

SORT_KEYS = ("name", "group", "owner", "period", "granted", "status")


def _granted_subquery():
    return (
        select(
            col(FundingDecision.initiative_id),
            func.sum(col(FundingDecision.amount_max_sek)).label("total"),
            func.min(col(FundingDecision.start_date)).label("fstart"),
            func.max(col(FundingDecision.end_date)).label("fend"),
        )
        .group_by(col(FundingDecision.initiative_id))
        .subquery()
    )


def _list_query(db: Database, text: str, today: date) -> tuple[Select, dict]:
    granted = _granted_subquery()
    start = func.coalesce(col(Initiative.start_date), granted.c.fstart)
    end = func.coalesce(col(Initiative.end_date), granted.c.fend)
    status = case(
        (col(Initiative.manual_status) != "", col(Initiative.manual_status)),
        ((start.is_(None)) & (end.is_(None)), literal(InitiativeStatus.NO_PERIOD.value)),
        (start > today, literal(InitiativeStatus.UPCOMING.value)),
        (end < today, literal(InitiativeStatus.ENDED.value)),
        (
            func.julianday(end) - func.julianday(today) <= 90,
            literal(InitiativeStatus.ENDING_SOON.value),
        )
        if db.is_sqlite
        else (end - today <= 90, literal(InitiativeStatus.ENDING_SOON.value)),
        else_=literal(InitiativeStatus.RUNNING.value),
    )
    total = func.coalesce(granted.c.total, 0)
    stmt = (
        select(
            col(Initiative.id),
            col(Initiative.name),
            col(Group.name).label("group_name"),
            col(Organisation.name).label("owner_name"),
            start.label("start"),
            end.label("end"),
            total.label("total"),
            status.label("status"),
        )
        .select_from(Initiative)
        .outerjoin(Group, col(Group.id) == col(Initiative.group_id))
        .outerjoin(Organisation, col(Organisation.id) == col(Initiative.owner_org_id))
        .outerjoin(granted, granted.c.initiative_id == col(Initiative.id))
    )
    for word in text.split():
        stmt = stmt.where(
            contains(db, col(Initiative.name), word)
            | contains(db, col(Group.name), word)
            | contains(db, col(Organisation.name), word)
            | contains(db, col(Initiative.reference), word)
        )
    columns = {
        "name": col(Initiative.name),
        "group": col(Group.name),
        "owner": col(Organisation.name),
        "period": start,
        "granted": total,
        "status": status,
    }
    return stmt, columns


def list_initiatives(
    db: Database,
    text: str = "",
    sort: str = "name",
    descending: bool = False,
    limit: int = 100,
    offset: int = 0,
    today: date | None = None,
) -> Page:
    """One page of insatser matching every word of ``text``, sorted in SQL."""
    today = today or clock.today()
    stmt, columns = _list_query(db, text, today)
    order = columns.get(sort, col(Initiative.name))
    order = order.desc() if descending else order.asc()
    with db.session() as s:
        total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = s.execute(stmt.order_by(order, col(Initiative.id)).limit(limit).offset(offset)).all()
    return Page([_initiative_row(r) for r in rows], total, offset)


def _initiative_row(r) -> InitiativeRow:
    return InitiativeRow(
        r.id,
        r.name,
        r.group_name or "",
        r.owner_name or "",
        _d(r.start),
        _d(r.end),
        int(r.total or 0),
        r.status,
    )


def _d(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def get_initiative(db: Database, initiative_id: int, today: date | None = None) -> InitiativeDetail:
    today = today or clock.today()
    with db.session() as s:
        ini = s.get(Initiative, initiative_id)
        if ini is None:
            raise NotFoundError(f"Insatsen med id {initiative_id} finns inte (längre).")
        group = s.get(Group, ini.group_id) if ini.group_id else None
        owner = s.get(Organisation, ini.owner_org_id) if ini.owner_org_id else None
        owner_contact = s.get(Person, ini.owner_contact_id) if ini.owner_contact_id else None
        goals = (
            s.execute(
                select(Goal)
                .where(col(Goal.initiative_id) == ini.id)
                .order_by(col(Goal.position), col(Goal.id))
            )
            .scalars()
            .all()
        )
        decisions = (
            s.execute(
                select(FundingDecision)
                .where(col(FundingDecision.initiative_id) == ini.id)
                .order_by(col(FundingDecision.position), col(FundingDecision.id))
            )
            .scalars()
            .all()
        )
        budget: dict[int, list[BudgetLineInput]] = {}
        if decisions:
            lines = (
                s.execute(
                    select(BudgetLine)
                    .where(col(BudgetLine.funding_decision_id).in_([d.id for d in decisions]))
                    .order_by(col(BudgetLine.year))
                )
                .scalars()
                .all()
            )
            for line in lines:
                budget.setdefault(line.funding_decision_id, []).append(
                    BudgetLineInput(line.year, line.from_association_sek, line.own_financing_sek)
                )
        partner_rows = s.execute(
            select(InitiativePartner, Organisation, Person)
            .join(Organisation, col(Organisation.id) == col(InitiativePartner.organisation_id))
            .outerjoin(Person, col(Person.id) == col(InitiativePartner.contact_id))
            .where(col(InitiativePartner.initiative_id) == ini.id)
            .order_by(col(InitiativePartner.position), col(InitiativePartner.id))
        ).all()
    data = InitiativeInput(
        name=ini.name,
        group_id=ini.group_id,
        reference=ini.reference,
        owner_org_id=ini.owner_org_id,
        owner_contact_id=ini.owner_contact_id,
        purpose=ini.purpose,
        target_group=ini.target_group,
        method=ini.method,
        background=ini.background,
        orientation=ini.orientation,
        priority_groups=ini.priority_groups,
        start_date=ini.start_date,
        end_date=ini.end_date,
        manual_status=ini.manual_status,
        goals=tuple(GoalInput(g.kind, g.text) for g in goals),
        decisions=tuple(
            FundingInput(
                d.reference,
                d.decision_date,
                d.start_date,
                d.end_date,
                d.amount_max_sek,
                d.note,
                tuple(budget.get(saved_id(d), ())),
            )
            for d in decisions
        ),
        partners=tuple(PartnerInput(p.organisation_id, p.contact_id) for p, _, _ in partner_rows),
    )
    detail = InitiativeDetail(
        id=initiative_id,
        version=ini.version,
        data=data,
        group_name=group.name if group else "",
        owner_name=owner.name if owner else "",
        owner_contact=contact_ref(owner_contact),
        partners=tuple(PartnerView(o.id, o.name, contact_ref(p)) for _, o, p in partner_rows),
        status="",
        total_granted=sum(d.amount_max_sek for d in decisions),
    )
    start, end = detail.period
    object.__setattr__(detail, "status", initiative_status(ini.manual_status, start, end, today))
    return detail


def count_by_status(db: Database, today: date | None = None) -> dict[str, int]:
    """How many insatser have each derived status, counted in SQL."""
    today = today or clock.today()
    stmt, _ = _list_query(db, "", today)
    sub = stmt.subquery()
    with db.session() as s:
        rows = s.execute(select(sub.c.status, func.count()).group_by(sub.c.status)).all()
    return {status: n for status, n in rows}


def ending_soon(db: Database, today: date | None = None, limit: int = 20) -> list[InitiativeRow]:
    today = today or clock.today()
    stmt, columns = _list_query(db, "", today)
    sub = stmt.subquery()
    with db.session() as s:
        rows = s.execute(
            select(sub)
            .where(sub.c.status == InitiativeStatus.ENDING_SOON.value)
            .order_by(sub.c.end)
            .limit(limit)
        ).all()
    return [_initiative_row(r) for r in rows]
