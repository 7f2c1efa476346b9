"""`lokus db copy`: a coordinator's whole database copied into another one, merging the
organisations and people (and groups, insatser, meetings) that are already there.

SQLite → SQLite always runs; SQLite → PostgreSQL needs a server (marker ``postgres``,
LOKUS_TEST_POSTGRES_URL, as tests/test_postgres.py). Counts and relations are checked
by querying both databases, not by trusting the copy's own report.
"""

import re
from datetime import date, time

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from db.copy import CopyError, copy_database
from db.engine import Database
from db.models import (
    AgendaProposal,
    ExportRecord,
    Group,
    GroupGoal,
    GuestInvitation,
    Initiative,
    Meeting,
    Membership,
    MinutesComment,
    Organisation,
    OwnGroup,
    Person,
    PointsRequest,
)
from db.opening import open_database
from lokus_tui.cli import main
from tests.conftest import TODAY, copy_of

# --- what is in a database, read independently of the copy ------------------------------


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            t.name: conn.execute(text(f'SELECT count(*) FROM "{t.name}"')).scalar_one()
            for t in SQLModel.metadata.sorted_tables
        }


def rows(db: Database, sql: str, **params) -> list[tuple]:
    return [tuple(r) for r in db.read_rows(sql, params)]


WHO = "coalesce(nullif(lower(p.email), ''), lower(p.name))"


def meetings_by_key(db: Database) -> dict[tuple, dict]:
    """Every meeting by (group name, date, start), with what hangs on it."""
    out = {}
    for mid, group, day, start, status in rows(
        db,
        "SELECT m.id, g.name, m.meeting_date, m.start_time, m.status FROM meeting m "
        "JOIN lokus_group g ON g.id = m.group_id",
    ):
        out[(group, str(day)[:10], str(start)[:5])] = {
            "status": status,
            "agenda": rows(
                db,
                "SELECT position, title, notes FROM agendaitem WHERE meeting_id = :m "
                "ORDER BY position, id",
                m=mid,
            ),
            "attendance": sorted(
                rows(
                    db,
                    f"SELECT {WHO}, a.status, a.is_guest FROM attendance a "
                    "JOIN person p ON p.id = a.person_id WHERE a.meeting_id = :m",
                    m=mid,
                )
            ),
            "decisions": sorted(
                rows(
                    db,
                    "SELECT i.title, d.text FROM decision d JOIN agendaitem i "
                    "ON i.id = d.agenda_item_id WHERE i.meeting_id = :m",
                    m=mid,
                )
            ),
            "actions": sorted(
                rows(
                    db,
                    "SELECT a.text, a.status, i.title FROM actionitem a LEFT JOIN agendaitem i "
                    "ON i.id = a.agenda_item_id WHERE a.meeting_id = :m",
                    m=mid,
                )
            ),
            "minutes": rows(
                db,
                "SELECT n.status, c.text FROM minutes n LEFT JOIN minutescomment c "
                "ON c.minutes_id = n.id WHERE n.meeting_id = :m ORDER BY c.text",
                m=mid,
            ),
            "guests": sorted(
                rows(
                    db,
                    f"SELECT {WHO}, g.topic, i.title FROM guestinvitation g JOIN person p "
                    "ON p.id = g.person_id LEFT JOIN agendaitem i ON i.id = g.agenda_item_id "
                    "WHERE g.meeting_id = :m",
                    m=mid,
                )
            ),
            "proposals": sorted(
                rows(db, "SELECT text, status FROM agendaproposal WHERE meeting_id = :m", m=mid)
            ),
            "points": sorted(
                rows(
                    db,
                    "SELECT o.name FROM pointsrequest r JOIN organisation o "
                    "ON o.id = r.organisation_id WHERE r.meeting_id = :m",
                    m=mid,
                )
            ),
            "exports": sorted(
                rows(
                    db,
                    "SELECT document, sequence, content FROM exportrecord WHERE meeting_id = :m",
                    m=mid,
                )
            ),
        }
    return out


def initiatives_by_reference(db: Database) -> dict[str, tuple]:
    out = {}
    for iid, ref, name, group, owner in rows(
        db,
        "SELECT i.id, i.reference, i.name, g.name, o.name FROM initiative i "
        "LEFT JOIN lokus_group g ON g.id = i.group_id "
        "LEFT JOIN organisation o ON o.id = i.owner_org_id",
    ):
        out[ref or name] = (
            name,
            group,
            owner,
            rows(
                db, "SELECT kind, text FROM goal WHERE initiative_id = :i ORDER BY position", i=iid
            ),
            sorted(
                rows(
                    db,
                    "SELECT f.reference, f.amount_max_sek, b.year, o.name, "
                    "b.from_association_sek FROM fundingdecision f "
                    "LEFT JOIN budgetline b ON b.funding_decision_id = f.id "
                    "LEFT JOIN organisation o ON o.id = b.organisation_id WHERE f.initiative_id = :i",
                    i=iid,
                ),
                key=str,
            ),
            sorted(
                rows(
                    db,
                    "SELECT o.name FROM initiativepartner x JOIN organisation o "
                    "ON o.id = x.organisation_id WHERE x.initiative_id = :i",
                    i=iid,
                )
            ),
        )
    return out


def memberships(db: Database) -> set[tuple]:
    return set(
        rows(
            db,
            f"SELECT g.name, {WHO}, m.role FROM membership m JOIN person p ON p.id = m.person_id "
            "JOIN lokus_group g ON g.id = m.group_id",
        )
    )


# --- the two databases --------------------------------------------------------------------


def _with_every_kind_of_row(db: Database) -> None:
    """The demo plus the rows it does not make: guests, proposals, points requests,
    comments on the minutes, export records and a group's yearly goals."""
    with db.session() as s:
        meeting = s.get(Meeting, 1)
        assert meeting is not None
        person_id = s.execute(text("SELECT min(id) FROM person")).scalar_one()
        org_id = s.execute(text("SELECT min(id) FROM organisation")).scalar_one()
        item_id = s.execute(
            text("SELECT min(id) FROM agendaitem WHERE meeting_id = 1")
        ).scalar_one()
        s.add(
            GuestInvitation(meeting_id=1, person_id=person_id, topic="Gäst", agenda_item_id=item_id)
        )
        s.add(AgendaProposal(meeting_id=1, person_id=person_id, text="Förslag om fika"))
        s.add(PointsRequest(meeting_id=1, organisation_id=org_id, asked_date=TODAY))
        s.add(ExportRecord(meeting_id=1, document="notice", sequence=1, content="# Kallelse"))
        s.add(GroupGoal(group_id=meeting.group_id, year=2026, lokus_meetings=6))
        if not s.execute(text("SELECT count(*) FROM own_group")).scalar_one():
            s.add(OwnGroup(user_name="", group_id=meeting.group_id))
        minutes = s.execute(text("SELECT min(id) FROM minutes")).scalar_one()
        s.add(MinutesComment(minutes_id=minutes, text="Stavfel i punkt 3", author_text="Kim"))


def _demo(target, template) -> Database:
    db = open_database(copy_of(template, target))  # the demo data at scale 1 on TODAY
    db.sync_id_sequences()
    _with_every_kind_of_row(db)
    return db


def _overlap(db: Database, source: Database) -> dict:
    """B: a few rows of its own, and some that A has too (another case of an e-mail, the
    same organisation name, a person of the same name without e-mail)."""
    a_person = rows(source, "SELECT name, email FROM person WHERE email <> '' ORDER BY id")[0]
    a_named = rows(source, "SELECT name, email FROM person WHERE email <> '' ORDER BY id")[1]
    a_other = rows(source, "SELECT name, email FROM person WHERE email <> '' ORDER BY id")[2]
    a_org = rows(source, "SELECT name FROM organisation ORDER BY id")[0][0]
    a_initiatives = rows(source, "SELECT reference, name FROM initiative ORDER BY id")
    a_group = rows(source, "SELECT name FROM lokus_group ORDER BY id")[0][0]
    with db.session() as s:
        s.add(Organisation(name=a_org, kind="municipality"))  # note empty: filled in
        s.add(Organisation(name="Bs egen förening", kind="other"))
        s.add(Person(name="Annan Stavning", email=a_person[1].upper(), phone=""))
        s.add(Person(name=a_named[0], email=""))  # same name, no e-mail: merged, e-mail filled
        s.add(Person(name="Bengt Bara-i-B", email="bengt@example.se"))
        s.add(Person(name=a_named[0] + " Annan", email="annan@example.se"))
        s.add(Person(name=a_other[0], email="en.annan.adress@example.se"))  # two people
        s.add(Initiative(name=a_initiatives[0][1], reference="9999:99"))  # other Dnr: two
        s.add(Initiative(name="Bs namn på insatsen", reference=f" {a_initiatives[1][0]} "))
    with db.session() as s:
        b_person = s.execute(text("SELECT id FROM person WHERE name = 'Bengt Bara-i-B'")).scalar()
        group = Group(name=a_group)
        s.add(group)
        s.flush()
        assert group.id is not None
        s.add(Meeting(group_id=group.id, meeting_date=date(2027, 3, 3), start_time=time(9, 0)))
        s.add(Membership(group_id=group.id, person_id=b_person))
    return {
        "email": a_person[1],
        "name": a_named[0],
        "other": a_other[0],
        "org": a_org,
        "group": a_group,
        "initiative": a_initiatives[0][1],
        "dnr": a_initiatives[1][0],
    }


@pytest.fixture
def a(tmp_path, database_files):
    db = _demo(tmp_path / "a.db", database_files["demo.db"])
    yield db
    db.close()


@pytest.fixture
def b(tmp_path, a, database_files):
    db = open_database(copy_of(database_files["lokus.db"], tmp_path / "b.db"))
    db.overlap = _overlap(db, a)  # type: ignore[attr-defined]
    yield db
    db.close()


def run_copy(source: Database, target: Database, capsys, *extra: str) -> str:
    def where(db: Database) -> str:
        return str(db.path) if db.path is not None else db.engine.url.render_as_string(False)

    assert main(["db", "copy", "--from", where(source), "--to", where(target), *extra]) == 0
    return capsys.readouterr().out


# --- SQLite → SQLite -------------------------------------------------------------------------


def test_everything_is_copied_and_the_overlap_merged(a, b, capsys):
    before_a, before_b = counts(a), counts(b)
    out = run_copy(a, b, capsys)
    after = counts(b)
    merged = {"person": 2, "organisation": 1, "lokus_group": 1, "initiative": 1}
    for table, n in before_a.items():
        assert after[table] == before_b[table] + n - merged.get(table, 0), table
    assert counts(a) == before_a  # the source is untouched
    assert "52 personer: 50 nya, 2 fanns redan (1 på e-post, 1 på namn)" in out
    assert "12 organisationer: 11 nya, 1 fanns redan (1 på namn)" in out
    assert "kompletterade med uppgifter som saknades" in out


def test_relations_are_the_same_as_in_the_source(a, b, capsys):
    run_copy(a, b, capsys)
    source, copied = meetings_by_key(a), meetings_by_key(b)
    assert len(source) == 104
    for key, meeting in source.items():
        assert copied[key] == meeting, key
    assert sum(len(m["agenda"]) for m in source.values()) > 500
    assert any(m["guests"] and m["exports"] and m["points"] for m in copied.values())
    in_a, in_b = initiatives_by_reference(a), initiatives_by_reference(b)
    merged = b.overlap["dnr"]
    for ref, initiative in in_a.items():
        if ref == merged:  # merged into B's insats by its Dnr: B's name, A's goals and money
            assert in_b[f" {ref} "][3:] == initiative[3:]
        else:
            assert in_b[ref] == initiative, ref
    assert memberships(a) <= memberships(b)


def test_people_and_organisations_are_merged_not_doubled(a, b, capsys):
    overlap = b.overlap
    run_copy(a, b, capsys)
    same_mail = rows(
        b, "SELECT name, email FROM person WHERE lower(email) = lower(:e)", e=overlap["email"]
    )
    assert same_mail == [("Annan Stavning", overlap["email"].upper())]  # B's row, kept as B had it
    same_name = rows(b, "SELECT email FROM person WHERE name = :n", n=overlap["name"])
    assert len(same_name) == 1 and same_name[0][0]  # one person, the e-mail filled in
    assert rows(b, "SELECT count(*) FROM organisation WHERE name = :n", n=overlap["org"]) == [(1,)]
    assert (
        rows(b, "SELECT kind, note <> '' FROM organisation WHERE name = :n", n=overlap["org"])[0][0]
        == "municipality"
    )
    # the merged person has A's relations on B's row
    a_groups = set(
        rows(
            a,
            "SELECT g.name FROM membership m JOIN lokus_group g ON g.id = m.group_id "
            "JOIN person p ON p.id = m.person_id WHERE lower(p.email) = lower(:e)",
            e=overlap["email"],
        )
    )
    b_groups = set(
        rows(
            b,
            "SELECT g.name FROM membership m JOIN lokus_group g ON g.id = m.group_id "
            "JOIN person p ON p.id = m.person_id WHERE lower(p.email) = lower(:e)",
            e=overlap["email"],
        )
    )
    assert a_groups and a_groups <= b_groups
    # B's own rows are all still there, beside the copied ones
    assert rows(
        b,
        "SELECT count(*) FROM person WHERE name IN ('Bengt Bara-i-B', :n)",
        n=overlap["name"] + " Annan",
    ) == [(2,)]
    assert rows(b, "SELECT count(*) FROM meeting WHERE meeting_date = '2027-03-03'") == [(1,)]
    assert rows(b, "SELECT count(*) FROM lokus_group WHERE name = :n", n=overlap["group"]) == [(1,)]
    # the same name, but another e-mail address or another Dnr: not the same
    assert rows(b, "SELECT count(*) FROM person WHERE name = :n", n=overlap["other"]) == [(2,)]
    assert rows(b, "SELECT count(*) FROM initiative WHERE name = :n", n=overlap["initiative"]) == [
        (2,)
    ]


def test_own_groups_become_the_copiers(a, b, capsys, monkeypatch):
    monkeypatch.setenv("LOKUS_USER", "Anna Samordnare")
    own_in_a = set(
        rows(
            a, "SELECT g.name, o.user_name FROM own_group o JOIN lokus_group g ON g.id = o.group_id"
        )
    )
    assert own_in_a
    run_copy(a, b, capsys)
    own_in_b = set(
        rows(
            b, "SELECT g.name, o.user_name FROM own_group o JOIN lokus_group g ON g.id = o.group_id"
        )
    )
    assert own_in_b == {(name, user or "Anna Samordnare") for name, user in own_in_a}
    run_copy(a, b, capsys)
    assert rows(b, "SELECT count(*) FROM own_group") == [(len(own_in_a),)]


def test_a_second_run_changes_nothing(a, b, capsys):
    run_copy(a, b, capsys)
    once = counts(b)
    versions = rows(
        b, "SELECT 'p', id, version FROM person UNION ALL SELECT 'o', id, version FROM organisation"
    )
    out = run_copy(a, b, capsys)
    assert counts(b) == once
    assert (
        rows(
            b,
            "SELECT 'p', id, version FROM person UNION ALL SELECT 'o', id, version FROM organisation",
        )
        == versions
    )
    assert "Ingenting nytt" in out
    new = [int(n) for n in re.findall(r": (\d+) nya?\b", out)]
    assert len(new) >= 20 and set(new) == {0}


def test_a_dry_run_changes_nothing(a, b, capsys):
    before = counts(b)
    out = run_copy(a, b, capsys, "--dry-run")
    assert counts(b) == before
    assert out.startswith("Provkörning, ingenting sparades")
    assert "104 möten: 104 nya" in out


def test_into_a_new_file_and_searchable(a, tmp_path, capsys):
    from db.search import search

    target = tmp_path / "ny" / "c.db"
    target.parent.mkdir()
    assert main(["db", "copy", "--from", str(a.path), "--to", str(target)]) == 0
    assert "Totalt" in capsys.readouterr().out
    c = open_database(target, create=False)
    try:
        assert counts(c) == counts(a)
        name = rows(a, "SELECT name FROM initiative ORDER BY id")[0][0]
        assert any(h.title == name for h in search(c, name.split()[0]))
    finally:
        c.close()


def test_all_or_nothing(a, b, monkeypatch):
    import db.copy as copy_module

    real = copy_module._copy_table

    def broken(conn, table, rows_, ids):
        if table.name == "attendance":
            raise CopyError("avbruten mitt i")
        return real(conn, table, rows_, ids)

    monkeypatch.setattr(copy_module, "_copy_table", broken)
    before = counts(b)
    with pytest.raises(CopyError):
        copy_database(a, b)
    assert counts(b) == before


def test_errors_are_swedish_sentences_with_exit_codes(a, tmp_path, capsys):
    assert (
        main(["db", "copy", "--from", str(tmp_path / "saknas.db"), "--to", str(tmp_path / "x.db")])
        == 4
    )
    assert "finns inte" in capsys.readouterr().err
    assert main(["db", "copy", "--from", str(a.path), "--to", str(a.path)]) == 2
    assert "samma databas" in capsys.readouterr().err
    (tmp_path / "annan.db").write_text("inte en databas")
    code = main(["db", "copy", "--from", str(a.path), "--to", str(tmp_path / "annan.db")])
    assert code != 0
    assert "lokus:" in capsys.readouterr().err


# --- SQLite → PostgreSQL -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    from tests.test_postgres import Server, _admin, server_url

    s = Server(server_url())
    try:
        with _admin(s.url):
            pass
    except Exception as exc:  # noqa: BLE001 - the reason is the failure message
        pytest.fail(f"PostgreSQL svarar inte: {exc}")
    yield s
    s.drop_all()


@pytest.mark.postgres
def test_into_postgresql(a, tmp_path, server, capsys):
    from db.groups import create_group

    url = server.create()
    plain = tmp_path / "same.db"
    assert main(["db", "copy", "--from", str(a.path), "--to", str(plain)]) == 0
    capsys.readouterr()
    assert main(["db", "copy", "--from", str(a.path), "--to", url]) == 0
    out = capsys.readouterr().out
    assert "lokus:" not in out and "***" in out.splitlines()[0]
    pg = open_database(url)
    sq = open_database(plain)
    try:
        assert counts(pg) == counts(a) == counts(sq)
        assert meetings_by_key(pg) == meetings_by_key(a)
        assert initiatives_by_reference(pg) == initiatives_by_reference(a)
        assert create_group(pg, "Ny grupp efter kopian") > 0  # the sequences were synced
    finally:
        sq.close()
        pg.close()
    assert main(["db", "copy", "--from", str(a.path), "--to", url]) == 0
    assert "Ingenting nytt" in capsys.readouterr().out


@pytest.mark.postgres
def test_into_postgresql_merges_like_sqlite(a, b, server, capsys):
    """B copied into PostgreSQL first, then A on top: the same merges as A into B."""
    url = server.create()
    assert main(["db", "copy", "--from", str(b.path), "--to", url]) == 0
    capsys.readouterr()
    pg = open_database(url)
    try:
        out_pg = run_copy(a, pg, capsys)
    finally:
        pg.close()
    out_sqlite = run_copy(a, b, capsys)
    assert out_pg.splitlines()[1:] == out_sqlite.splitlines()[1:]
    pg = open_database(url)
    try:
        assert counts(pg) == counts(b)
        assert meetings_by_key(pg) == meetings_by_key(b)
        assert memberships(pg) == memberships(b)
    finally:
        pg.close()
