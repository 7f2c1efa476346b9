from datetime import date

import pytest

from db.contacts import create_person
from db.errors import ConflictError, ValidationError
from db.initiative_changes import create_initiative, delete_initiative, update_initiative
from db.initiatives import count_by_status, get_initiative, list_initiatives
from db.organisations import create_organisation
from db.records import (
    BudgetLineInput,
    FundingInput,
    GoalInput,
    InitiativeInput,
    OrganisationInput,
    PartnerInput,
    PersonInput,
    initiative_status,
)

TODAY = date(2026, 11, 24)


def alvkarleby(db) -> InitiativeInput:
    kommun = create_organisation(db, OrganisationInput("Älvkarleby kommun", "municipality"))
    fk = create_organisation(db, OrganisationInput("Försäkringskassan", "social_insurance"))
    owner = create_person(
        db, PersonInput("Lena Exempel", email="lena@kommun.example.se", organisation_id=kommun)
    )
    fk_contact = create_person(
        db, PersonInput("Annica Exempel", email="annica@fk.example.se", organisation_id=fk)
    )
    return InitiativeInput(
        name="Lokussamordnare Älvkarleby",
        owner_org_id=kommun,
        owner_contact_id=owner,
        purpose="Säkerställa fortsatt fungerande samverkan i lokusgruppen.",
        goals=(
            GoalInput("effect", "Fyra genomförda lokusgruppsmöten under året"),
            GoalInput("output", "Sammankalla och föra minnesanteckningar"),
        ),
        decisions=(
            FundingInput(
                "2019:12",
                date(2019, 3, 1),
                date(2019, 4, 1),
                date(2021, 3, 31),
                270_000,
                "Tilläggsansökan, 20 % till 25 %",
                (BudgetLineInput(2019, 100_000), BudgetLineInput(2020, 170_000)),
            ),
            FundingInput("2021:07", date(2021, 2, 1), date(2021, 4, 1), date(2023, 3, 31), 316_000),
        ),
        partners=(PartnerInput(fk, fk_contact),),
    )


def test_create_and_read_back_everything(database):
    data = alvkarleby(database)
    new_id = create_initiative(database, data)
    detail = get_initiative(database, new_id, today=TODAY)
    assert detail.data == data
    assert detail.total_granted == 586_000
    assert detail.period == (date(2019, 4, 1), date(2023, 3, 31))
    assert detail.status == "ended"
    assert detail.owner_contact.email == "lena@kommun.example.se"
    assert detail.partners[0].organisation_name == "Försäkringskassan"
    assert detail.partners[0].contact.name == "Annica Exempel"


def test_update_replaces_goals_in_order_and_bumps_version(database):
    new_id = create_initiative(database, alvkarleby(database))
    detail = get_initiative(database, new_id)
    goals = tuple(reversed(detail.data.goals)) + (GoalInput("effect", "Nytt mål"),)
    data = InitiativeInput(**{**detail.data.__dict__, "goals": goals})
    new_version = update_initiative(database, new_id, data, detail.version)
    assert new_version == detail.version + 1
    again = get_initiative(database, new_id)
    assert [g.text for g in again.data.goals] == [g.text for g in goals]


def test_stale_update_is_a_conflict_not_an_overwrite(database):
    new_id = create_initiative(database, alvkarleby(database))
    first = get_initiative(database, new_id)
    second = get_initiative(database, new_id)
    update_initiative(
        database, new_id, InitiativeInput(**{**first.data.__dict__, "name": "A"}), first.version
    )
    with pytest.raises(ConflictError) as info:
        update_initiative(
            database,
            new_id,
            InitiativeInput(**{**second.data.__dict__, "name": "B"}),
            second.version,
        )
    assert "har ändrats i ett annat fönster — laddar om" in str(info.value)
    assert get_initiative(database, new_id).name == "A"


def test_invalid_initiative_is_not_written(database):
    with pytest.raises(ValidationError) as info:
        create_initiative(
            database,
            InitiativeInput(name="X", start_date=date(2022, 1, 1), end_date=date(2021, 1, 1)),
        )
    assert "Slutdatum: får inte vara före startdatum" in str(info.value)
    assert list_initiatives(database).total == 0


def test_delete_cascades(database):
    new_id = create_initiative(database, alvkarleby(database))
    delete_initiative(database, new_id, get_initiative(database, new_id).version)
    assert list_initiatives(database).total == 0


def test_list_filters_with_swedish_letters_and_sorts(demo_db):
    page = list_initiatives(demo_db, "ÄLVKARLEBY", today=TODAY)
    assert page.total >= 1
    assert all("Älvkarleby" in r.name or "Älvkarleby" in r.group_name for r in page.rows)
    by_granted = list_initiatives(demo_db, sort="granted", descending=True, today=TODAY).rows
    amounts = [r.total_granted for r in by_granted]
    assert amounts == sorted(amounts, reverse=True)
    words = list_initiatives(demo_db, "lokussam uppsala", today=TODAY)
    assert [r.name for r in words.rows] == ["Lokussamordnare Uppsala"]


def test_list_pages(demo_db):
    first = list_initiatives(demo_db, limit=5, offset=0)
    second = list_initiatives(demo_db, limit=5, offset=5)
    assert first.total == 12 and len(first.rows) == 5
    assert not {r.id for r in first.rows} & {r.id for r in second.rows}


def test_filter_treats_percent_literally(demo_db):
    assert list_initiatives(demo_db, "%").total == 0


def test_status_rules():
    assert initiative_status("application", None, None, TODAY) == "application"
    assert initiative_status("", date(2027, 1, 1), None, TODAY) == "upcoming"
    assert initiative_status("", date(2020, 1, 1), date(2021, 1, 1), TODAY) == "ended"
    assert initiative_status("", date(2025, 1, 1), date(2027, 1, 1), TODAY) == "ending_soon"
    assert initiative_status("", date(2025, 1, 1), date(2028, 1, 1), TODAY) == "running"


def test_sql_status_matches_python_rule(demo_db):
    rows = list_initiatives(demo_db, limit=100, today=TODAY).rows
    for row in rows:
        detail = get_initiative(demo_db, row.id, today=TODAY)
        assert row.status == detail.status, row.name
    counts = count_by_status(demo_db, TODAY)
    assert sum(counts.values()) == 12
    assert counts.get("application") == 1
