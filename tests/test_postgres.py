"""lokus on a real PostgreSQL server: migrations, demo data, lists, search, versions,
the command line and secrets, each compared with SQLite where the two must agree.

The server's URL comes from LOKUS_TEST_POSTGRES_URL (a role that may create
databases, e.g. postgresql+psycopg://lokus:lokus@localhost/postgres); every module
run creates its own databases and drops them afterwards. Without the variable the
tests are skipped, except in CI (CI=true), where a missing server is a failure.
"""

import os
import time
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import make_url

from db import demo
from db.opening import open_database
from tests.conftest import TODAY

pytestmark = pytest.mark.postgres

ENV = "LOKUS_TEST_POSTGRES_URL"
SECRET = "hemligt-Lösen-7"  # a password that must never be shown


def server_url() -> str:
    url = os.environ.get(ENV, "")
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{ENV} saknas: CI måste köra testerna mot en riktig PostgreSQL-server")
    pytest.skip(f"{ENV} är inte satt (ingen PostgreSQL-server att testa mot)")


def _admin(url: str):
    import psycopg

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain, autocommit=True)


def url_of(url: str, database: str, password: str | None = None) -> str:
    u = make_url(url).set(drivername="postgresql+psycopg", database=database)
    if password is not None:
        u = u.set(password=password)
    return u.render_as_string(hide_password=False)


class Server:
    """Databases made for this module on the test server, dropped at the end."""

    def __init__(self, url: str):
        self.url = url
        self.made: list[str] = []

    def create(self) -> str:
        name = f"lokus_t_{uuid.uuid4().hex[:12]}"
        with _admin(self.url) as conn:
            conn.execute(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
            )
        self.made.append(name)
        return url_of(self.url, name)

    def drop_all(self) -> None:
        for name in self.made:
            drop_database(self.url, name)


def drop_database(url: str, name: str) -> None:
    """Drop a test database. FORCE ends the tests' own connections, but not an
    autovacuum worker that has just started on the new database (the test role may not
    signal it: "must be a member of the role whose process is being terminated"); it
    ends within moments, so try again a few times."""
    import psycopg

    for attempt in range(40):
        try:
            with _admin(url) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == 39:
                raise
            time.sleep(0.25)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    s = Server(server_url())
    try:
        with _admin(s.url):
            pass
    except Exception as exc:  # noqa: BLE001 - the reason is the failure message
        pytest.fail(f"PostgreSQL på {make_url(s.url).render_as_string()} svarar inte: {exc}")
    yield s
    s.drop_all()


def _demo(target) -> object:
    db = open_database(target)
    demo.generate(db, scale=1, today=TODAY)
    db.sync_id_sequences()  # the demo writes explicit ids
    return db


@pytest.fixture(scope="module")
def pg_demo(server):
    db = _demo(server.create())
    yield db
    db.close()


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory):
    db = _demo(tmp_path_factory.mktemp("sqlite") / "demo.db")
    yield db
    db.close()


@pytest.fixture
def pg_empty(server):
    db = open_database(server.create())
    yield db
    db.close()


# --- schema -------------------------------------------------------------------------


def test_migrations_from_empty_to_head_and_back(server):
    from alembic import command
    from sqlalchemy import inspect

    from db.migrate import alembic_config, current_revision, head_revision

    db = open_database(server.create())
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"initiative", "meeting", "person", "lokus_group", "search_doc"} <= tables
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_an_older_shared_database_is_copied_before_it_is_upgraded(server):
    """Migrations back up first, on a server too: every row of the old schema, in a
    private file in the user's data folder."""
    import gzip
    import json
    import stat

    from sqlalchemy import text

    from db.engine import server_engine
    from db.migrate import current_revision, head_revision, upgrade

    url = server.create()
    engine = server_engine(url)
    upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO lokus_group (created_at, updated_at, version, name, municipality,"
                " note, agenda_template) VALUES (now(), now(), 1, 'LOKUS Håbo', '', '', '')"
            )
        )
    engine.dispose()
    db = open_database(url)
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.backup is not None and "rev0005" in db.backup.name
        assert stat.S_IMODE(db.backup.stat().st_mode) == 0o600
        with gzip.open(db.backup, "rt", encoding="utf-8") as lines:
            rows = [json.loads(line) for line in lines]
        assert {"table": "alembic_version", "row": {"version_num": "0005"}} in rows
        assert any(r["table"] == "lokus_group" and r["row"]["name"] == "LOKUS Håbo" for r in rows)
    finally:
        db.close()
    again = open_database(url)  # at head: no second copy
    assert again.backup is None
    again.close()


def test_a_new_row_after_the_demo_gets_a_free_id(server):
    from db.groups import create_group

    db = _demo(server.create())
    try:
        assert create_group(db, "LOKUS Ny grupp efter demo") > 0
    finally:
        db.close()


# --- the same answers as SQLite on the same data --------------------------------------


def test_demo_writes_the_same_data(pg_demo, sqlite_demo):
    for table in ("initiative", "person", "organisation", "meeting", "agendaitem", "attendance"):
        sql = f"SELECT count(*) FROM {table}"
        assert pg_demo.read_rows(sql, {}) == sqlite_demo.read_rows(sql, {}), table


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"text": "uppsala"},
        {"text": "lokus enk"},
        {"text": "ÖSTHAMMAR"},
        {"group_id": 2},
        {"from_date": date(2026, 11, 1)},
        {"year": 2026, "month": 3},
        {"iso": "2025-10"},
    ],
)
def test_meetings_list_and_filters_agree(pg_demo, sqlite_demo, options):
    from db.meetings import list_meetings

    pg = list_meetings(pg_demo, today=TODAY, limit=500, **options)
    lite = list_meetings(sqlite_demo, today=TODAY, limit=500, **options)
    assert pg.total == lite.total
    assert pg.rows == lite.rows


@pytest.mark.parametrize("text", ["", "ungdom", "älvkarleby", "ÄLV", "Samordningsförbundet"])
@pytest.mark.parametrize("sort", ["name", "end", "status"])
def test_insatser_list_and_filters_agree(pg_demo, sqlite_demo, text, sort):
    from db.initiatives import count_by_status, list_initiatives

    pg = list_initiatives(pg_demo, text=text, sort=sort, today=TODAY)
    lite = list_initiatives(sqlite_demo, text=text, sort=sort, today=TODAY)
    assert (pg.total, pg.rows) == (lite.total, lite.rows)
    assert count_by_status(pg_demo, TODAY) == count_by_status(sqlite_demo, TODAY)


@pytest.mark.parametrize("text", ["", "andersson", "ström", "uppsala.se"])
def test_people_filter_agrees(pg_demo, sqlite_demo, text):
    from db.contacts import list_people

    assert list_people(pg_demo, text=text) == list_people(sqlite_demo, text=text)


def test_overview_agrees(pg_demo, sqlite_demo):
    from db.overview_reader import read_overview

    assert read_overview(pg_demo, TODAY) == read_overview(sqlite_demo, TODAY)
    assert read_overview(pg_demo, TODAY, page=1) == read_overview(sqlite_demo, TODAY, page=1)


@pytest.mark.parametrize(
    ("words", "options"),
    [
        (["uppsala"], {}),
        (["tierp"], {"month": 3}),
        ([], {"year": 2026, "day": 14}),
        ([], {"iso": "2026-12"}),
    ],
)
def test_palette_meeting_lookup_agrees(pg_demo, sqlite_demo, words, options):
    from db.search_meetings import find_groups, find_meetings

    pg = find_meetings(pg_demo, words, TODAY, **options)
    assert pg == find_meetings(sqlite_demo, words, TODAY, **options)
    assert find_groups(pg_demo, words) == find_groups(sqlite_demo, words)


SEARCHES = [
    "lokus",
    "upps",
    "uppsala kommun",
    "arbetsf",
    "älv",
    "alv",
    "och",
    "samordn",
    "anna",
    "coach håbo",
    "region",
    "finns-inte-alls",
    "2026",
]


@pytest.mark.parametrize("query", SEARCHES)
def test_search_finds_what_fts5_finds(pg_demo, sqlite_demo, query):
    from db.search import search

    def hits(db):
        return {(h.kind, h.id, h.title) for h in search(db, query, limit=500)}

    assert hits(pg_demo) == hits(sqlite_demo)


def test_search_follows_every_write(pg_empty):
    from db.contacts import create_person, get_person, update_person
    from db.initiative_changes import create_initiative, delete_initiative
    from db.organisations import create_organisation
    from db.records import GoalInput, InitiativeInput, OrganisationInput, PersonInput
    from db.search import search

    oid = create_organisation(pg_empty, OrganisationInput(name="Örebro kommun"))
    pid = create_person(pg_empty, PersonInput(name="Åsa Ström", organisation_id=oid))
    assert [h.id for h in search(pg_empty, "ström")] == [pid]
    assert {h.kind for h in search(pg_empty, "örebro")} == {"organisation", "person"}
    person = get_person(pg_empty, pid)
    update_person(
        pg_empty, pid, PersonInput(**{**person.data.__dict__, "name": "Örjan Ek"}), person.version
    )
    assert not search(pg_empty, "ström")
    iid = create_initiative(
        pg_empty,
        InitiativeInput(name="Ungdomscoach", goals=(GoalInput("effect", "Fler unga i arbete"),)),
    )
    assert [h.id for h in search(pg_empty, "unga arbe")] == [iid]
    assert search(pg_empty, "ung")[0].detail  # a snippet of the body
    delete_initiative(pg_empty, iid, 1)
    assert not search(pg_empty, "unga")


# --- several windows (or machines) on one database ------------------------------------


def test_a_stale_update_is_a_conflict_across_two_connections(server):
    from db.contacts import get_person, update_person
    from db.errors import ConflictError
    from db.records import PersonInput

    target = server.create()
    first = _demo(target)
    second = open_database(target)
    try:
        pid = 1
        seen = get_person(first, pid)
        also_seen = get_person(second, pid)
        update_person(
            second,
            pid,
            PersonInput(**{**also_seen.data.__dict__, "title": "Ändrad i fönster 2"}),
            also_seen.version,
        )
        with pytest.raises(ConflictError):
            update_person(
                first,
                pid,
                PersonInput(**{**seen.data.__dict__, "title": "Ändrad i fönster 1"}),
                seen.version,
            )
        assert get_person(first, pid).data.title == "Ändrad i fönster 2"
    finally:
        first.close()
        second.close()


# --- the command line ------------------------------------------------------------------


def test_cli_demo_meetings_export_and_report(server, tmp_path, capsys):
    from lokus_tui.cli import main

    target = server.create()
    assert main(["--db", target, "demo"]) == 0
    out = capsys.readouterr()
    assert "Demodata skrivet till" in out.out + out.err
    assert main(["--db", target, "meetings"]) == 0
    listed = capsys.readouterr().out.splitlines()
    meeting_id = listed[1].split()[0]
    assert main(["--db", target, "export", "kallelse", meeting_id, "-o", str(tmp_path)]) == 0
    capsys.readouterr()
    assert {p.suffix for p in tmp_path.iterdir()} >= {".eml", ".ics", ".md"}
    report = tmp_path / "rapport"
    assert main(["--db", target, "report", "--year", "2026", "-o", str(report)]) == 0
    capsys.readouterr()
    assert any(report.iterdir())


# --- secrets and errors ----------------------------------------------------------------


def test_the_password_is_never_shown(server, capsys):
    """The server's own password (from the URL) and a wrong one: neither is printed."""
    from lokus_tui.cli import main

    target = server.create()
    password = make_url(target).password
    assert password, f"{ENV} must name a password (password authentication)"
    assert main(["--db", target, "demo"]) == 0
    assert main(["--db", target, "meetings"]) == 0
    wrong = make_url(target).set(password=SECRET).render_as_string(hide_password=False)
    assert main(["--db", wrong, "meetings"]) != 0
    out = capsys.readouterr()
    shown = out.out + out.err
    assert f":{password}@" not in shown and SECRET not in shown
    assert ":***@" in shown


def _run(argv, capsys) -> tuple[int, str]:
    from lokus_tui.cli import main

    code = main(argv)
    return code, capsys.readouterr().err


def test_server_unreachable_is_a_sentence_and_an_exit_code(server, capsys):
    url = make_url(url_of(server.url, "lokus", password=SECRET)).set(host="127.0.0.1", port=1)
    code, err = _run(["--db", url.render_as_string(hide_password=False), "meetings"], capsys)
    assert code == 13
    assert "svarar inte" in err and SECRET not in err and "Traceback" not in err


def test_wrong_password_is_a_sentence_and_an_exit_code(server, capsys):
    wrong = make_url(server.create()).set(password=SECRET).render_as_string(hide_password=False)
    code, err = _run(["--db", wrong, "meetings"], capsys)
    assert code == 14
    assert "fel användarnamn eller lösenord" in err and SECRET not in err


def test_missing_database_is_a_sentence_and_an_exit_code(server, capsys):
    missing = url_of(server.url, f"lokus_saknas_{uuid.uuid4().hex[:8]}")
    code, err = _run(["--db", missing, "meetings"], capsys)
    assert code == 4
    assert "finns inte på servern" in err


def test_an_empty_database_is_not_read_as_lokus(server, capsys):
    code, err = _run(["--db", server.create(), "meetings"], capsys)
    assert code == 5
    assert "är tom" in err
