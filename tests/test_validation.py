from datetime import date, time

from db.contacts import validate_person
from db.initiative_changes import validate_initiative
from db.records import FundingInput, GoalInput, InitiativeInput, PartnerInput, PersonInput
from db.validation import Errors, parse_amount, parse_budget_lines, parse_date, parse_time
from tests.conftest import TODAY


def test_parse_date_names_the_field():
    errors = Errors()
    assert parse_date("2021-04-01", "start", "Startdatum", errors) == date(2021, 4, 1)
    assert parse_date("1 april", "start", "Startdatum", errors) is None
    assert str(errors[0]).startswith("Startdatum: ”1 april” är inget datum")
    # the example in the message is a date to come, whatever day it is
    example = str(errors[0]).rsplit("t.ex. ", 1)[1]
    assert date.fromisoformat(example) > TODAY


def test_parse_time_accepts_swedish_dot():
    errors = Errors()
    assert parse_time("13.15", "t", "Starttid", errors) == time(13, 15)
    assert parse_time("9", "t", "Starttid", errors) == time(9, 0)
    assert parse_time("25.00", "t", "Starttid", errors) is None
    assert errors[0].label == "Starttid"
    # the message quotes what the user typed, not a rewritten "25:00"
    assert str(errors[0]) == "Starttid: ”25.00” är ingen tid; skriv TT.MM, t.ex. 13.00"


def test_parse_amount_whole_kronor():
    errors = Errors()
    assert parse_amount("1 570 000 kr", "a", "Belopp", errors) == 1_570_000
    assert parse_amount("316000", "a", "Belopp", errors) == 316_000
    assert parse_amount("-5", "a", "Belopp", errors) is None
    assert parse_amount("12,50", "a", "Belopp", errors) is None
    assert [e.message for e in errors] == [
        "får inte vara negativt",
        "”12,50” är inget belopp i hela kronor, t.ex. 316 000",
    ]


def test_budget_lines():
    errors = Errors()
    assert parse_budget_lines(
        "2021: 360 000; 2022: 360 000 / 72 000 kr", "b", "Budget", errors
    ) == [(2021, 360_000, 0), (2022, 360_000, 72_000)]
    assert not errors
    parse_budget_lines("2021 360000", "b", "Budget", errors)
    assert errors and errors[0].label == "Budget"


def test_initiative_validation_messages():
    data = InitiativeInput(
        name="  ",
        start_date=date(2021, 4, 1),
        end_date=date(2021, 3, 31),
        goals=(GoalInput("effect", ""),),
        decisions=(
            FundingInput(start_date=date(2022, 1, 1), end_date=date(2021, 1, 1), amount_max_sek=-1),
        ),
        partners=(PartnerInput(1), PartnerInput(1)),
    )
    messages = [str(e) for e in validate_initiative(data)]
    assert "Namn: måste fyllas i" in messages
    assert "Slutdatum: får inte vara före startdatum" in messages
    assert "Mål 1: måste fyllas i" in messages
    assert "Finansieringsbeslut 1, slutdatum: får inte vara före startdatum" in messages
    assert "Finansieringsbeslut 1, belopp: får inte vara negativt" in messages
    assert "Samverkanspart 2: organisationen står redan med" in messages


def test_initiative_name_too_long_and_newline():
    errors = validate_initiative(InitiativeInput(name="x" * 201))
    assert errors[0].message.startswith("är för lång")
    errors = validate_initiative(InitiativeInput(name="a\nb"))
    assert errors[0].message == "får inte innehålla radbrytningar"


def test_person_email_and_phone():
    errors = validate_person(PersonInput(name="Anna", email="anna@", phone="abc"))
    assert [e.label for e in errors] == ["E-post", "Telefon"]
    assert not validate_person(
        PersonInput(name="Anna", email="anna.a@af.example.se", phone="070-123 45 67")
    )
