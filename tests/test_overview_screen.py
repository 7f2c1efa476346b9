"""Översikt in the app: every line opens its target with Enter; goals edited from a
group's heading come back in the block; hundreds of groups come in pages."""

from textual.widgets import Input, OptionList

from db import demo
from db.opening import open_database
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import until


def option_texts(app) -> list[str]:
    options = app.screen.query_one("#overview", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def highlight(pilot, app, contains: str) -> str:
    """Move down with the arrow key, as a user would, to the first line saying ``contains``."""
    options = app.screen.query_one("#overview", OptionList)
    for _ in range(options.option_count):
        index = options.highlighted
        text = str(options.get_option_at_index(index).prompt) if index is not None else ""
        if contains in text:
            return text
        await pilot.press("down")
    raise AssertionError(f"no line with {contains!r}: {option_texts(app)}")


async def test_enter_on_a_late_kallelse_opens_the_meeting_at_kallelse(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: option_texts(app), what="the overview")
        text = await highlight(pilot, app, "Kallelsen skulle ha skickats")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: (
                type(app.screen).__name__ == "MeetingScreen"
                and app.screen.active_tab == "tab-notice"
            ),
            what="the meeting at its Kallelse tab",
        )
        await until(
            pilot,
            lambda: not app.screen.query_one("#notice-pane").stale,
            what="the kallelse pane loaded",
        )
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "OverviewScreen", what="back")
    assert "Kallelsen skulle ha skickats" in text


async def test_enter_on_an_overdue_action_opens_the_groups_action_items(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: option_texts(app), what="the overview")
        text = await highlight(pilot, app, "Försenad åtgärd")
        await pilot.press("enter")
        await until(
            pilot, lambda: type(app.screen).__name__ == "ActionsScreen", what="the action items"
        )
        table = app.screen.query_one("#actions-table")
        await until(pilot, lambda: table.row_count > 0, what="the group's action items")
        action = text.split("Försenad åtgärd: ")[1].split(" — ")[0]
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    assert action in rows


async def test_group_heading_opens_goals_and_the_new_goal_shows(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: option_texts(app), what="the overview")
        heading = await highlight(pilot, app, "LOKUS Heby")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "GoalsScreen", what="goals")
        field = app.screen.query_one("#lokus_meetings", Input)
        assert field.has_focus and field.value == "4"
        await pilot.press("end", "backspace", "6", "ctrl+s")
        await until(pilot, lambda: any("Sparat" in n for n in app.notified), what="saved")
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "OverviewScreen", what="back")
        texts = option_texts(app)
    heby = texts.index(next(t for t in texts if t.startswith("LOKUS Heby")))
    assert "av 6" in texts[heby + 1] and heading.startswith("LOKUS Heby")


async def test_a_bad_goal_is_named_and_not_saved(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: option_texts(app), what="the overview")
        await highlight(pilot, app, "LOKUS Heby")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "GoalsScreen", what="goals")
        await pilot.press("tab", "tab", "end", "backspace", "backspace", "x", "ctrl+s")
        error = app.screen.query_one("#err-notice_lead_days")
        await until(pilot, lambda: "heltal" in str(error.render()), what="the field's error")


async def test_hundreds_of_groups_come_in_pages(tmp_path):
    db = open_database(tmp_path / "many.db")
    demo.generate(db, scale=3, today=TODAY)  # 24 groups
    app = make_app(db.path, database=db)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: option_texts(app), what="the overview")
            first = [t for t in option_texts(app) if t.startswith("LOKUS")]
            page = str(app.screen.query_one("#overview-page").render())
            await pilot.press("n")
            await until(pilot, lambda: option_texts(app)[1] != first[0], what="the next page")
            second = [t for t in option_texts(app) if t.startswith("LOKUS")]
    finally:
        db.close()
    assert page.startswith("Sida 1 av 3")
    assert len(first) == 10 and len(second) == 10
    assert not {t.split("  ")[0] for t in first} & {t.split("  ")[0] for t in second}
