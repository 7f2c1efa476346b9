"""Actions that are coroutines do something only when awaited: keys and buttons that
call them must have their visible effect."""

from textual.widgets import Button, Input

from lokus_tui.app import make_app
from lokus_tui.document_view import DocumentView
from lokus_tui.paged_table import PagedTable


def app_for(db, section="initiatives"):
    return make_app(db.path, database=db, start_section=section)


async def test_arrows_in_the_filter_move_the_table_cursor(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#initiatives-table", PagedTable)
        app.screen.query_one("#initiatives-filter", Input).focus()
        await pilot.pause()
        first = table.current_record
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#initiatives-filter")
        assert table.cursor_row == 2
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_row == 1
        await pilot.press("up", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativeDetailScreen"
        assert first.name in app.screen.query_one(DocumentView).source


async def test_plus_buttons_add_rows(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        for button in ("add-effect", "add-output", "add-decision", "add-partner"):
            form.query_one(f"#{button}", Button).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert form.focused is not None and form.focused.parent is not None
            assert form.focused.parent.parent in form.query(".list-row")  # in the new row
        data, _errors = form.read()
        assert [g.kind for g in data.goals] == ["effect", "output"]
        assert len(form.query_one("#decisions").children) == 1
        assert len(form.query_one("#partners").children) == 1
        assert app.screen is form
