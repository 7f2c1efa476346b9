"""`lokus import` and saving an import: what is printed, what is saved, and that
nothing is duplicated or saved by mistake."""

import json

import pytest

from db.contacts import create_person, list_people
from db.errors import ValidationError
from db.initiative_changes import create_initiative
from db.initiative_import import plan_import, save_import
from db.initiatives import get_initiative, list_initiatives
from db.opening import open_database
from db.organisations import create_organisation, list_organisations
from db.records import InitiativeInput, OrganisationInput, PersonInput
from imports.model import Party
from imports.parse import import_file
from lokus_tui.cli import main
from tests.test_import_seeds import seed

KEYS = {
    "kind",
    "name",
    "reference",
    "owner",
    "partners",
    "purpose",
    "target_group",
    "method",
    "background",
    "effect_goals",
    "output_goals",
    "period_start",
    "period_end",
    "budget",
    "total_sek",
    "decision",
    "missing",
}


def counts(path) -> tuple[int, int, int]:
    db = open_database(path)
    try:
        return (
            list_initiatives(db).total,
            list_organisations(db).total,
            list_people(db).total,
        )
    finally:
        db.close()


def test_dry_run_json_prints_what_was_found_and_saves_nothing(tmp_path, capsys):
    target = tmp_path / "lokus.db"
    assert main(["import", str(seed("004")), "--dry-run", "--json", "--db", str(target)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == KEYS
    assert out["kind"] == "application"
    assert out["reference"] == "2019:31"
    assert out["owner"] == {
        "organisation": "Uppsala kommun",
        "contact": "Lena Winterbom",
        "email": "lena.winterbom@uppsala.se",
    }
    assert out["budget"] == [
        {"year": 2021, "amount_sek": 360000},
        {"year": 2022, "amount_sek": 360000},
    ]
    assert out["total_sek"] == 720000 and out["decision"] is None
    assert out["missing"] == ["decision"]
    assert not target.exists()


def test_decision_json_has_the_decision(capsys):
    assert main(["import", str(seed("002")), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "decision"
    assert out["decision"] == {
        "date": None,
        "amount_max_sek": 1570000,
        "start": "2018-01-01",
        "end": "2019-12-31",
    }
    assert "decision.date" in out["missing"]


def test_without_yes_nothing_is_saved_and_the_user_is_told(tmp_path, capsys):
    target = tmp_path / "lokus.db"
    open_database(target).close()
    assert main(["import", str(seed("004")), "--db", str(target)]) == 0
    captured = capsys.readouterr()
    assert "Insatsens namn: LOKUS-samordnare LOKUS Uppsala" in captured.out
    assert "ingenting sparades" in captured.err and "--yes" in captured.err
    assert counts(target) == (0, 0, 0)


def test_yes_saves_and_a_second_run_duplicates_nothing(tmp_path, capsys):
    target = tmp_path / "lokus.db"
    assert main(["import", str(seed("004")), "--yes", "--db", str(target)]) == 0
    assert "Ny insats sparad" in capsys.readouterr().err
    assert counts(target) == (1, 4, 4)
    assert main(["import", str(seed("004")), "--yes", "--db", str(target)]) == 0
    assert "ingenting ändrades" in capsys.readouterr().err
    assert counts(target) == (1, 4, 4)
    db = open_database(target)
    detail = get_initiative(db, list_initiatives(db).rows[0].id)
    db.close()
    assert detail.owner_name == "Uppsala kommun"
    assert detail.owner_contact is not None
    assert detail.owner_contact.email == "lena.winterbom@uppsala.se"
    assert [p.organisation_name for p in detail.partners] == [
        "Försäkringskassan",
        "Arbetsförmedlingen",
        "Region Uppsala",
    ]
    assert [g.kind for g in detail.data.goals] == ["effect", "output"]
    assert detail.status == "application"  # an application is not yet a decision
    (applied,) = detail.data.decisions
    assert applied.amount_max_sek == 0
    assert [(b.year, b.from_association_sek) for b in applied.budget] == [
        (2021, 360000),
        (2022, 360000),
    ]


def test_a_decision_for_a_known_insats_adds_a_funding_decision(tmp_path, capsys):
    target = tmp_path / "lokus.db"
    for prefix in ("001", "000", "000", "001"):
        assert main(["import", str(seed(prefix)), "--yes", "--db", str(target)]) == 0
    err = capsys.readouterr().err
    assert err.count("Ny insats sparad") == 1
    assert "ett nytt finansieringsbeslut" in err
    assert counts(target)[0] == 1
    db = open_database(target)
    detail = get_initiative(db, list_initiatives(db).rows[0].id)
    db.close()
    assert detail.name == "Lokussamordnare Älvkarleby"
    assert [
        (d.amount_max_sek, d.start_date.isoformat(), d.end_date.isoformat())
        for d in detail.data.decisions
        if d.start_date and d.end_date
    ] == [(270000, "2019-04-01", "2021-03-31"), (316000, "2021-04-01", "2023-03-31")]
    assert detail.total_granted == 586000


def test_people_and_organisations_are_matched_by_email_then_name(database):
    uppsala = create_organisation(database, OrganisationInput("Uppsala kommun", "municipality"))
    fk = create_organisation(database, OrganisationInput("Försäkringskassan"))
    lena = create_person(
        database,
        PersonInput("L. Winterbom", email="Lena.Winterbom@uppsala.se", organisation_id=uppsala),
    )
    annica = create_person(database, PersonInput("Annica Ekblom Axelsson", organisation_id=fk))
    # same name, other organisation: not the same person
    create_person(database, PersonInput("Jeanette Magnusson", organisation_id=uppsala))
    doc = import_file(seed("004"))
    plan = plan_import(database, doc)
    assert plan.owner.contact_id == lena and plan.owner.organisation_id == uppsala
    assert plan.partners[0].contact_id == annica and plan.partners[0].organisation_id == fk
    assert plan.partners[1].contact_id is None
    outcome = save_import(database, doc)
    assert (outcome.organisations_created, outcome.people_created) == (2, 2)
    assert list_people(database).total == 5


def test_an_insats_is_matched_by_dnr_before_name(database):
    known = create_initiative(
        database, InitiativeInput(name="Samordnare Uppsala", reference="2019:31")
    )
    doc = import_file(seed("004"))
    plan = plan_import(database, doc)
    assert (plan.initiative_id, plan.matched_by) == (known, "dnr")
    assert "Finns redan (samma Dnr)" in plan.describe(doc.kind)
    outcome = save_import(database, doc)
    assert outcome.initiative_id == known and not outcome.created
    detail = get_initiative(database, known)
    assert detail.name == "Samordnare Uppsala"  # what was stored is not overwritten
    assert detail.data.purpose.startswith("LOKUS Uppsala har sedan 1 januari 2018")
    assert list_initiatives(database).total == 1


def test_a_bad_value_saves_nothing(database):
    doc = import_file(seed("004")).with_values(owner=Party("Uppsala kommun", "Lena", "lena@@x"))
    with pytest.raises(ValidationError) as info:
        save_import(database, doc)
    assert "Insatsägare, e-post" in str(info.value)
    assert list_organisations(database).total == 0
    assert list_people(database).total == 0
    assert list_initiatives(database).total == 0


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("ansokan.odt", b"x", "okänd filtyp"),
        ("ansokan.pdf", b"%PDF-1.4 trasig", "kunde inte läsas som PDF"),
        ("ansokan.docx", b"inte word", "kunde inte läsas som Word"),
    ],
)
def test_bad_files_exit_2_with_a_swedish_message(tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    target = tmp_path / "lokus.db"
    assert main(["import", str(path), "--yes", "--db", str(target)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Ingenting sparades" in err and "Traceback" not in err
    assert not target.exists()


def test_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["import", str(tmp_path / "finns-inte.pdf"), "--dry-run"]) == 2
    assert "finns inte" in capsys.readouterr().err


def test_the_decision_on_an_imported_application_fills_in_what_was_applied_for(database, tmp_path):
    """The application's period and budget wait as a decision without amount; the board's
    decision for the same period fills it in, and the insats is no longer an application."""
    applied = save_import(database, import_file(seed("004")))
    decision = tmp_path / "beslut.txt"
    decision.write_text(
        "LOKUS-samordnare LOKUS Uppsala\n\nFörslag till beslut\n\n"
        "Förbundsstyrelsen föreslås besluta\n\n"
        "att bevilja finansiellt stöd enligt ansökan till insatsen LOKUS-samordnare LOKUS "
        "Uppsala\n\natt avsätta maximalt 720 000 kr under perioden 2021-01-01 till 2022-12-31\n\n"
        "Beslutsdatum: 2020-09-24\n",
        encoding="utf-8",
    )
    outcome = save_import(database, import_file(decision))
    assert outcome.initiative_id == applied.initiative_id
    assert outcome.decision_added and not outcome.created
    detail = get_initiative(database, applied.initiative_id)
    (funding,) = detail.data.decisions
    assert funding.amount_max_sek == 720_000
    assert funding.decision_date.isoformat() == "2020-09-24"
    assert [b.year for b in funding.budget] == [2021, 2022]  # the applied budget is kept
    assert detail.status != "application"
