"""Several coordinators in one database: each row says who changed it last, and each
user has their own groups first in Översikt (LOKUS_USER, else the login name)."""

import sqlite3

from db.contacts import create_person, get_person, update_person
from db.goals import goal_settings, set_own
from db.groups import create_group
from db.identity import current_user
from db.opening import open_database
from db.overview import get_overview
from db.records import PersonInput
from tests.conftest import TODAY


def changed_by(db, table: str, row_id: int) -> str:
    return db.read_rows(f"SELECT changed_by FROM {table} WHERE id = :id", {"id": row_id})[0][0]


def test_every_change_records_who_made_it(database, monkeypatch):
    monkeypatch.setenv("LOKUS_USER", "Anna Andersson")
    pid = create_person(database, PersonInput("Tove Tierp", email="tove@tierp.example.se"))
    assert changed_by(database, "person", pid) == "Anna Andersson"
    monkeypatch.setenv("LOKUS_USER", "Bo Berg")
    person = get_person(database, pid)
    update_person(
        database, pid, PersonInput("Tove Tierp", email="tove.t@tierp.example.se"), person.version
    )
    assert changed_by(database, "person", pid) == "Bo Berg"


def test_the_login_name_when_no_user_is_set(monkeypatch):
    monkeypatch.delenv("LOKUS_USER", raising=False)
    monkeypatch.setattr("getpass.getuser", lambda: "anna.a")
    assert current_user() == "anna.a"
    monkeypatch.setenv("LOKUS_USER", "  Anna\n  Andersson ")
    assert current_user() == "Anna Andersson"


def test_own_groups_are_each_users_own(database, monkeypatch):
    tierp = create_group(database, "LOKUS Tierp")
    create_group(database, "LOKUS Heby")

    def first_for(user):
        monkeypatch.setenv("LOKUS_USER", user)
        order = get_overview(database.read_rows, TODAY).order
        return [(g.name, g.own) for g in order][0]

    assert first_for("anna") == ("LOKUS Heby", False)  # by name, nobody's own
    monkeypatch.setenv("LOKUS_USER", "bo")
    set_own(database, tierp, True, goal_settings(database, tierp, TODAY.year).group_version)
    assert first_for("bo") == ("LOKUS Tierp", True)
    assert first_for("anna") == ("LOKUS Heby", False)  # Bo's choice is not Anna's
    # a personal choice changes no shared row: nobody else's edit of the group conflicts
    assert goal_settings(database, tierp, TODAY.year).group_version == 1


def test_groups_marked_own_before_stay_own_for_everyone(tmp_path, monkeypatch):
    from tests.test_storage import make_old_database

    path = tmp_path / "x.db"
    make_old_database(path, "0005")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO lokus_group (id, created_at, updated_at, version, name, municipality, "
        "note, agenda_template, own) VALUES (7, '2026-01-01', '2026-01-01', 1, 'LOKUS Håbo', "
        "'', '', '', 1)"
    )
    con.commit()
    con.close()
    db = open_database(path)
    for user in ("anna", "bo"):
        monkeypatch.setenv("LOKUS_USER", user)
        assert goal_settings(db, 7, TODAY.year).own
    assert changed_by(db, "lokus_group", 7) == ""  # from before: nobody named
    db.close()


def test_a_conflict_names_the_colleague_who_changed_the_record(database, monkeypatch):
    import pytest

    from db.errors import ConflictError

    monkeypatch.setenv("LOKUS_USER", "Anna Andersson")
    pid = create_person(database, PersonInput("Tove Tierp"))
    seen = get_person(database, pid).version
    monkeypatch.setenv("LOKUS_USER", "Bo Berg")
    update_person(database, pid, PersonInput("Tove Tierp", phone="070-1"), seen)
    monkeypatch.setenv("LOKUS_USER", "Anna Andersson")
    with pytest.raises(ConflictError) as info:
        update_person(database, pid, PersonInput("Tove Tierp", phone="070-2"), seen)
    assert "har ändrats av Bo Berg" in str(info.value)
    # the same user in two windows: as before
    seen = get_person(database, pid).version
    monkeypatch.setenv("LOKUS_USER", "Bo Berg")
    update_person(database, pid, PersonInput("Tove Tierp", phone="070-3"), seen)
    with pytest.raises(ConflictError) as info:
        update_person(database, pid, PersonInput("Tove Tierp", phone="070-4"), seen)
    assert "har ändrats i ett annat fönster" in str(info.value)
