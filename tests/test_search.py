from db.contacts import create_person, get_person, update_person
from db.initiative_changes import create_initiative, delete_initiative, update_initiative
from db.initiatives import get_initiative
from db.organisations import create_organisation
from db.records import GoalInput, InitiativeInput, OrganisationInput, PersonInput
from db.search import fts_query, search


def kinds(hits):
    return {(h.kind, h.title) for h in hits}


def test_prefix_search_finds_insats(demo_db):
    hits = search(demo_db, "lokussam")
    assert ("initiative", "Lokussamordnare Uppsala") in kinds(hits)


def test_swedish_letters(demo_db):
    assert ("organisation", "Östhammar kommun") in kinds(search(demo_db, "östham"))
    assert ("organisation", "Älvkarleby kommun") in kinds(search(demo_db, "ÄLVKAR"))
    assert ("organisation", "Försäkringskassan") in kinds(search(demo_db, "försäkr"))


def test_index_follows_every_write(database):
    org = create_organisation(database, OrganisationInput("Håbo kommun", "municipality"))
    pid = create_person(
        database,
        PersonInput(
            "Örjan Ström", title="Strateg", email="orjan@habo.example.se", organisation_id=org
        ),
    )
    assert ("person", "Örjan Ström") in kinds(search(database, "strö"))
    assert ("person", "Örjan Ström") in kinds(search(database, "håbo"))
    person = get_person(database, pid)
    update_person(
        database, pid, PersonInput(**{**person.data.__dict__, "name": "Örjan Ek"}), person.version
    )
    assert not search(database, "ström")
    iid = create_initiative(
        database,
        InitiativeInput(
            name="Ungdomscoach Håbo", goals=(GoalInput("effect", "Fler unga i arbete"),)
        ),
    )
    assert ("initiative", "Ungdomscoach Håbo") in kinds(search(database, "unga arbe"))
    detail = get_initiative(database, iid)
    update_initiative(
        database,
        iid,
        InitiativeInput(
            **{**detail.data.__dict__, "goals": (GoalInput("effect", "Minskat utanförskap"),)}
        ),
        detail.version,
    )
    assert not [h for h in search(database, "unga") if h.kind == "initiative"]
    assert search(database, "utanförskap")[0].title == "Ungdomscoach Håbo"
    delete_initiative(database, iid, get_initiative(database, iid).version)
    assert not search(database, "ungdomscoach")


def test_query_syntax_cannot_break_search(demo_db):
    assert fts_query('a" OR "b') == '"a"* AND "OR"* AND "b"*'
    for nasty in ('"', "*", "NEAR(", "a:b", "-", "()"):
        search(demo_db, nasty)  # no exception
