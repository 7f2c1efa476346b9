from db.contacts import get_person, list_people
from lokus_tui.app import make_app
from lokus_tui.paged_table import PagedTable
from tests.waiting import through_form, timers_due, until


async def test_filter_people_open_person_and_copy_email(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#people-table", PagedTable)
        assert table.total == list_people(demo_db).total
        await pilot.press(*"projektledare")
        await pilot.pause()
        assert table.total == 12
        record = table.current_record
        await pilot.press("enter")
        await pilot.pause()
        card = str(app.screen.query_one("#person-card").render())
        assert record.email in card
        initiatives = app.screen.query_one("#person-initiatives")
        assert initiatives.row_count == len(get_person(demo_db, record.id).initiatives) >= 1
        await pilot.press("c")
        assert copied == [record.email]
        await pilot.press("enter")  # opens the insats where the person is contact
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativeDetailScreen"


async def test_organisation_lists_its_people(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*"försäkrings")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        people = app.screen.query_one("#people-table", PagedTable)
        assert people.total == 8
        assert all(r.organisation_name == "Försäkringskassan" for r in people.records.values())


async def test_new_person_with_bad_email_is_refused_in_swedish(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = list_people(demo_db).total
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Nils Ny")
        form.query_one("#email").value = "nils@"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "E-post: ”nils@” är ingen giltig e-postadress" in str(
            form.query_one("#err-email").render()
        )
        form.query_one("#email").value = "nils.ny@kommun.example.se"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list_people(demo_db).total == before + 1


async def test_delete_a_person_asks_and_explains(demo_db):
    from db.contacts import create_person
    from db.records import PersonInput

    pid = create_person(demo_db, PersonInput("Borta Bengtsson", email="borta@example.se"))
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"borta")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert type(app.screen).__name__ == "ContactsScreen"
    assert list_people(demo_db, "borta").total == 0
    import pytest

    from db.errors import NotFoundError

    with pytest.raises(NotFoundError):
        get_person(demo_db, pid)


async def test_rename_and_delete_an_organisation(demo_db):
    from db.organisations import list_organisations
    from db.search import search

    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press(*"håbo")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#name").value = "Håbo kommun (ny)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ("organisation", "Håbo kommun (ny)") in {
            (h.kind, h.title) for h in search(demo_db, "håbo")
        }
        await pilot.press("escape")
        await pilot.press(*"samordningsförbundet")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
    assert list_organisations(demo_db, "samordningsförbundet").total == 0


async def test_a_new_person_is_the_chosen_row_and_a_cancelled_form_moves_nothing(
    demo_db, monkeypatch
):
    """The list is read once on the return from the form, the new person's row chosen.
    With a filter the new person does not match, the row stays and a line says why."""
    import screens.contacts

    reads = []
    real = screens.contacts.list_people
    monkeypatch.setattr(
        screens.contacts, "list_people", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        contacts = app.screen
        people = contacts.query_one("#people-table", PagedTable)
        await pilot.press("down", "down", "down")
        chosen = people.current_record
        await through_form(pilot, contacts, close="escape")
        await pilot.pause()
        assert people.current_record.id == chosen.id
        reads.clear()
        await through_form(pilot, contacts, "Östen Nyberg")  # (last by name)
        await timers_due(pilot, 0.1)
        assert people.current_record.name == "Östen Nyberg"
        assert people.cursor_row not in (0, 3)
        assert len(reads) == 1
        # a filter the next new person does not match: the row stays, and it is said
        await pilot.press(*"nyberg")
        await until(pilot, lambda: people.total == 1)
        await through_form(pilot, contacts, "Åsa Ek")
        await pilot.pause()
        assert people.current_record.name == "Östen Nyberg"
        assert "syns inte i listan" in app.notified[-1]


async def test_after_a_delete_the_list_stays_where_it_was(demo_db):
    """A deleted organisation or person: the cursor is on the next one, where the
    deleted row was, not back at the top of the list."""
    from db.organisations import list_organisations

    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "ContactsScreen", what="Kontakter")
        contacts = app.screen
        people = contacts.query_one("#people-table", PagedTable)
        await pilot.press("down", "down", "down")
        after = people.get_row_at(4)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not contacts, what="the person")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: app.screen is contacts, what="Kontakter again")
        await pilot.pause()
        assert people.cursor_row == 3 and people.get_row_at(3) == after

        await pilot.press("ctrl+l")
        orgs = contacts.query_one("#orgs-table", PagedTable)
        await until(pilot, lambda: orgs.has_focus, what="the organisations")
        await pilot.press("down", "down")
        gone, after = orgs.current_record.name, orgs.get_row_at(3)
        await pilot.press("ctrl+t")
        await until(pilot, lambda: app.screen is not contacts, what="the question")
        await pilot.press("j")
        await until(pilot, lambda: orgs.total == list_organisations(demo_db).total)
        await pilot.pause()
        assert orgs.cursor_row == 2 and orgs.get_row_at(2) == after
        assert gone not in {o.name for o in list_organisations(demo_db).rows}
