"""Pilot tests of the Insatser section: what a coordinator does and sees."""

import asyncio
from datetime import date

from textual.widgets import Input, Select

from db.initiative_changes import update_initiative
from db.initiatives import get_initiative, list_initiatives
from db.organisations import organisation_options
from db.records import InitiativeInput
from lokus_tui.app import make_app
from lokus_tui.document_view import DocumentView
from lokus_tui.paged_table import PagedTable
from tests.waiting import palette_choice, until


def app_for(db, section="initiatives"):
    return make_app(db.path, database=db, start_section=section)


async def markdown_text(screen) -> str:
    md = screen.query_one(DocumentView)
    return md.source


async def test_filter_table_and_open_detail(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#initiatives-table", PagedTable)
        assert table.row_count == 12
        await pilot.press(*"älvkar")
        await pilot.pause()
        assert table.row_count == 1
        assert "Älvkarleby" in table.current_record.name
        status = str(app.screen.query_one("#initiatives-status").render())
        assert "1 insats matchar filtret" in status
        await pilot.press("enter")
        await pilot.pause()
        text = await markdown_text(app.screen)
        assert "## Effektmål" in text and "## Insatsmål" in text
        detail = get_initiative(demo_db, table.current_record.id)
        assert detail.owner_contact.email in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#initiatives-table") is table


async def test_sort_by_granted_from_keyboard(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for _ in range(4):  # name -> group -> owner -> period -> granted
            await pilot.press("ctrl+s")
        await pilot.press("ctrl+r")
        await pilot.pause()
        table = app.screen.query_one("#initiatives-table", PagedTable)
        amounts = [r.total_granted for r in table.records.values()]
        assert amounts == sorted(amounts, reverse=True)
        assert "▼" in str(table.columns["granted"].label)


async def fill(form, widget_id: str, value: str) -> None:
    form.query_one(f"#{widget_id}", Input).value = value


async def test_create_initiative_with_goals_and_funding_through_form(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Språkstöd i arbetslivet")
        await fill(form, "start_date", "2027-01-01")
        await fill(form, "end_date", "2028-12-31")
        owner = form.query_one("#owner_org_id", Select)
        owner.value = organisation_options(demo_db)[0].id
        await pilot.pause()
        await pilot.press("f2")
        await pilot.press(*"Fler i arbete")
        await pilot.press("f2")
        await pilot.press(*"Ökad samverkan")
        await pilot.press("f4")
        await pilot.pause()
        row = form.query_one("#decisions").children[0]
        row.query_one(".fd-reference", Input).value = "2026:44"
        row.query_one(".fd-amount", Input).value = "1 570 000"
        row.query_one(".fd-start", Input).value = "2027-01-01"
        row.query_one(".fd-end", Input).value = "2028-12-31"
        row.query_one(".fd-budget", Input).value = "2027: 785 000; 2028: 785 000 / 144 000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = await markdown_text(app.screen)
        assert "Språkstöd i arbetslivet" in text
        assert "1 570 000 kr" in text
    page = list_initiatives(demo_db, "språkstöd")
    detail = get_initiative(demo_db, page.rows[0].id)
    assert [(g.kind, g.text) for g in detail.data.goals] == [
        ("effect", "Fler i arbete"),
        ("effect", "Ökad samverkan"),
    ]
    assert detail.data.decisions[0].amount_max_sek == 1_570_000
    assert [
        (b.year, b.from_association_sek, b.own_financing_sek)
        for b in detail.data.decisions[0].budget
    ] == [(2027, 785_000, 0), (2028, 785_000, 144_000)]
    assert detail.data.start_date == date(2027, 1, 1)


async def test_end_before_start_shows_swedish_error_and_saves_nothing(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"Felaktig period")
        await fill(form, "start_date", "2027-06-01")
        await fill(form, "end_date", "2027-01-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, nothing lost
        error = str(form.query_one("#err-end_date").render())
        assert "Slutdatum: får inte vara före startdatum" in error
        assert form.focused is form.query_one("#end_date")
    assert list_initiatives(demo_db, "felaktig").total == 0


async def test_goal_rows_reorder_and_remove_from_keyboard(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        form = app.screen
        await pilot.press(*"Ordning")
        for text in ("A", "B", "C"):
            await pilot.press("f3")
            await pilot.press(*text)
        await pilot.press("alt+up", "alt+up")  # C to the top

        def goals():
            return [g.text for g in form.read()[0].goals]

        await until(pilot, lambda: goals() == ["C", "A", "B"], what="C moved to the top")
        await pilot.press("ctrl+t")
        await until(pilot, lambda: goals() == ["A", "B"], what="the goal removed")


async def test_conflict_reloads_and_keeps_both_windows_changes(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail_screen = app.screen
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        # another window saves a different field meanwhile
        other = get_initiative(demo_db, detail_screen.initiative_id)
        update_initiative(
            demo_db,
            other.id,
            InitiativeInput(
                **{**other.data.__dict__, "reference": "2031:99", "purpose": "Nytt syfte"}
            ),
            other.version,
        )
        await fill(form, "name", "Min ändring")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved yet: the user sees the merged form first
        messages = list(app.notified)
        assert any("ändrats i ett annat fönster" in m for m in messages)
        assert form.query_one("#reference", Input).value == "2031:99"  # theirs, shown
        assert form.query_one("#name", Input).value == "Min ändring"  # mine, kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is detail_screen
    saved = get_initiative(demo_db, other.id)
    assert (saved.name, saved.data.reference, saved.data.purpose) == (
        "Min ändring",
        "2031:99",
        "Nytt syfte",
    )


async def test_conflict_on_the_same_field_shows_the_other_value(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail_screen = app.screen
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        other = get_initiative(demo_db, detail_screen.initiative_id)
        update_initiative(
            demo_db,
            other.id,
            InitiativeInput(**{**other.data.__dict__, "name": "Ändrad i annat fönster"}),
            other.version,
        )
        await fill(form, "name", "Min ändring")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#name", Input).value == "Min ändring"
        shown = str(form.query_one("#err-name").render())
        assert shown == "Sparat i ett annat fönster: Ändrad i annat fönster"
        assert get_initiative(demo_db, other.id).name == "Ändrad i annat fönster"
        await pilot.press("escape")
        await pilot.pause()
    assert get_initiative(demo_db, other.id).name == "Ändrad i annat fönster"


async def test_delete_asks_first(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert list_initiatives(demo_db).total == 12
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert list_initiatives(demo_db).total == 11


async def test_palette_finds_a_person(demo_db):
    from db.contacts import list_people

    person = list_people(demo_db, "lokussamordnare").rows[0]
    app = app_for(demo_db, section="overview")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*person.name.split()[0][:4], " ", *person.name.split()[1][:4])
        await until(
            pilot,
            lambda: palette_choice(app).startswith(f"Person: {person.name}"),
            what=f"the palette to offer {person.name}",
        )
        await pilot.press("enter")
        await until(
            pilot,
            lambda: person.name in str(app.screen.query_one("#person-card").render()),
            what="the person's card",
        )
        assert type(app.screen).__name__ == "PersonDetailScreen"


async def test_palette_offers_the_screens_actions(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ny insats")
        await until(
            pilot,
            lambda: palette_choice(app).startswith("Ny insats (^n)"),
            what="the palette to offer Ny insats",
        )
        await pilot.press("enter")
        await until(
            pilot, lambda: type(app.screen).__name__ == "InitiativeForm", what="the insats form"
        )


async def test_form_text_survives_a_closed_terminal(demo_db, tmp_path):
    from textual.widgets import TextArea

    from lokus_tui.drafts import load_draft

    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Halvfärdig insats")
        app.screen.query_one("#purpose", TextArea).load_text(
            "Ett långt syfte som\ninte får förloras"
        )

        def draft_has_all_of_it() -> bool:  # the draft is written a moment after typing
            draft = load_draft(str(demo_db.path), "insats-ny")
            return draft is not None and (draft.values["name"], draft.values["purpose"]) == (
                "Halvfärdig insats",
                "Ett långt syfte som\ninte får förloras",
            )

        await until(pilot, draft_has_all_of_it, what="the draft of the typed insats")
    # the terminal closed without saving; the draft is a private file
    import os
    import stat

    drafts = list((tmp_path / "data" / "utkast").glob("*.json"))
    assert len(drafts) == 1 and stat.S_IMODE(os.stat(drafts[0]).st_mode) == 0o600
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#name", Input).value == "Halvfärdig insats"
        assert form.query_one("#purpose", TextArea).text == "Ett långt syfte som\ninte får förloras"
        assert any("återställd" in n for n in app.notified)
        await pilot.press("escape")  # cancelling throws the draft away
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == ""
    draft_files = list((tmp_path / "data" / "utkast").glob("*.json"))
    assert draft_files == []


async def test_sorting_keeps_the_chosen_insats(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#initiatives-table", PagedTable)
        await pilot.press("down", "down", "down")
        chosen = table.current_record
        order = [r.id for r in table.records.values()]
        for key in ("ctrl+s", "ctrl+s", "ctrl+r"):  # by group, by owner, reversed
            await pilot.press(key)
            await pilot.pause()
            assert table.current_record.id == chosen.id
        assert [r.id for r in table.records.values()] != order  # (the order did change)
        assert table.cursor_row != 3


async def test_a_row_added_while_the_form_reads_its_values_does_not_stop_lokus(demo_db):
    """f3-f5 are handled by the app while the form goes on, so a new row can be in its
    list before its fields exist when the form reads its values (its first look just
    after opening, a draft). Reading the missing fields stopped lokus with "ett
    oväntat fel" (found with TEXTUAL_ANIMATIONS=none, where f5 came first); now the
    row joins the values once mounted."""
    from screens.initiative_form import InitiativeForm
    from screens.initiative_rows import PartnerRow

    app = app_for(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, InitiativeForm))
        form = app.screen
        await until(pilot, lambda: form.base_values is not None, what="the form's first look")
        before = form.values()["partners"]
        row = PartnerRow(form.orgs)
        form.query_one("#partners").mount(row)  # (not awaited: listed, not yet composed)
        assert form.values()["partners"] == before
        assert form.read()[0].partners == ()
        await until(pilot, lambda: row.is_mounted, what="the row")
        assert form.values()["partners"] == [*before, [None, None]]
        await pilot.press("ctrl+s")  # (saving reads the rows too; without a name: refused)
        await pilot.pause()
        assert app.is_running


async def _edit_form(app, pilot):
    from screens.initiative_form import InitiativeForm

    await pilot.press("enter")
    await until(pilot, lambda: type(app.screen).__name__ == "InitiativeDetailScreen")
    detail_screen = app.screen
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, InitiativeForm))
    form = app.screen
    await until(pilot, lambda: form.base_values is not None, what="the form's first look")
    return detail_screen, form


async def test_a_draft_brings_back_the_goals_typed_as_well(demo_db):
    """A goal, a decision or a partner is a row of a list, not a field: a draft put the
    fields back but not the rows (their list's container has the list's id, and the
    draft's rows were set on it as if it were a field), while saying "återställd"."""
    from lokus_tui.drafts import load_draft

    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        detail_screen, form = await _edit_form(app, pilot)
        iid = detail_screen.initiative_id
        goal = form.query_one("#goals").query_children().first().query_one(".goal-text", Input)
        goal.value = "Fler deltagare i arbete (utkast)"
        await until(pilot, lambda: load_draft(str(demo_db.path), f"insats-{iid}") is not None)
    stored = [g.text for g in get_initiative(demo_db, iid).data.goals]
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        _detail, form = await _edit_form(app, pilot)
        await until(pilot, lambda: "återställd" in " ".join(app.notified), what="the draft")
        texts = [row[1] for row in form.values()["goals"]]
        assert texts == ["Fler deltagare i arbete (utkast)", *stored[1:]]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is not form, what="the save")
    assert [g.text for g in get_initiative(demo_db, iid).data.goals] == texts


async def test_saving_while_rows_are_put_back_waits_for_them(demo_db):
    """ctrl+s handled while the form puts rows back (a draft, a conflict) saved the insats
    without them once ``rows()`` left out rows not mounted yet; it now waits."""
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        detail_screen, form = await _edit_form(app, pilot)
        goals = [["effect", "Första målet"], ["output", "Andra målet"]]
        putting_back = asyncio.create_task(form.apply_extra("goals", goals))
        await asyncio.sleep(0)  # (under way: the old rows are being removed)
        assert not putting_back.done()
        await form.action_save()
        assert putting_back.done()
        await until(pilot, lambda: app.screen is detail_screen, what="the save")
    saved = get_initiative(demo_db, detail_screen.initiative_id)
    assert [(g.kind, g.text) for g in saved.data.goals] == [tuple(g) for g in goals]
