"""The two lines at the top: the title bar (lokus, and what is open) and the sections."""

from textual.widgets import OptionList

from db.meetings import get_meeting
from lokus_tui.app import make_app
from lokus_tui.sections import SectionBar
from lokus_tui.title_bar import TitleBar
from tests.waiting import until


def title(app) -> str:
    return str(app.screen.query_one(TitleBar).render())


async def test_the_title_bar_names_the_open_meeting_and_goes_back_with_the_screen(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#meetings-table").row_count, what="Möten")
        assert title(app) == "lokus — LOKUS-samordning"
        meeting = get_meeting(demo_db, app.screen.table.current_record.id)
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="the meeting")
        wanted = f"lokus — {meeting.group_name} {meeting.data.meeting_date.isoformat()}"
        await until(pilot, lambda: title(app) == wanted, what=wanted)
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        assert title(app) == "lokus — LOKUS-samordning"
        app.sub_title = "Skrivskyddad — ändringar sparas inte"  # (as for a read-only file)
        await pilot.pause()
        assert title(app) == "lokus — Skrivskyddad — ändringar sparas inte"


async def test_a_click_on_a_section_goes_there_and_the_bar_marks_it(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        x = next(x for mode, x, _label in SectionBar.PLACES if mode == "initiatives")
        await pilot.click(SectionBar, offset=(1 + x + 2, 0))  # (1: the bar's own padding)
        await until(
            pilot, lambda: type(app.screen).__name__ == "InitiativesScreen", what="Insatser"
        )
        bar = app.screen.query_one(SectionBar)
        assert str(bar.render()).split("  ")[:3] == [" 1 Översikt", "2 Möten", "3 Insatser"]
        assert bar.current == "initiatives"
        drawn = bar.render()
        await pilot.hover(SectionBar, offset=(1 + x + 2, 0))  # the mouse over the marked one
        await pilot.pause()
        assert bar.render() == drawn  # it stays marked, not greyed as a hovered tab
        await pilot.hover(SectionBar, offset=(1 + 2, 0))
        await pilot.pause()
        assert bar.render() != drawn  # another tab does change under the mouse
        await pilot.click(SectionBar, offset=(0, 0))  # the padding: nothing happens
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativesScreen"


async def test_a_meeting_opened_from_the_overview_is_marked_as_in_the_overview(demo_db):
    """Enter on an Översikt line opens the meeting on top of Översikt: the bar marks
    Översikt (1 comes back to the meeting, 2 shows the list of meetings)."""
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "OverviewScreen", what="Översikt")
        overview = app.screen
        await until(pilot, lambda: overview.targets, what="the overview's lines")
        line = next(i for i, t in enumerate(overview.targets) if t.target == "meeting")
        options = overview.query_one("#overview", OptionList)
        ids = [options.get_option_at_index(i).id or "" for i in range(options.option_count)]
        options.highlighted = next(i for i, id_ in enumerate(ids) if id_.startswith(f"{line}-"))
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="the meeting")
        bar = app.screen.query_one(SectionBar)
        assert bar.current == "overview"
        await pilot.press("2")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        assert app.screen.query_one(SectionBar).current == "meetings"
        await pilot.press("1")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="back")
        assert bar.current == "overview"


async def test_a_theme_chosen_in_another_section_is_on_every_screen_shown_again(demo_db):
    """A theme chosen on Insatser colours Möten and the meeting opened there when they
    are shown again (screens are styled once as they are mounted, not a second time
    as they are first shown: lokus_tui/stylesheet.py, styled_as_mounted)."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:

        def bar_background():
            return app.screen.query_one(SectionBar).styles.background

        await until(pilot, lambda: app.screen.query_one("#meetings-table").row_count, what="Möten")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="meeting")
        before = bar_background()
        await pilot.press("3")
        await until(pilot, lambda: type(app.screen).__name__ == "InitiativesScreen", what="3")
        app.theme = "textual-light"
        await pilot.pause()
        light = bar_background()
        assert light != before
        await pilot.press("2")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="back")
        await pilot.pause()
        assert bar_background() == light
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        await pilot.pause()
        assert bar_background() == light


async def test_a_theme_chosen_in_one_app_is_not_in_the_next_one_of_the_process(
    demo_db, monkeypatch
):
    """Style sheets are parsed once per process and theme (lokus_tui/stylesheet.py):
    a form first opened after the light theme was chosen still opens dark in the next
    app, which starts with the dark theme."""
    from textual.color import Color

    from lokus_tui import stylesheet

    monkeypatch.setattr(stylesheet, "_parsed", {})  # as in a new process

    async def form_background(theme: str | None) -> tuple[Color, Color]:
        app = make_app(demo_db.path, database=demo_db, start_section="initiatives")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: type(app.screen).__name__ == "InitiativesScreen")
            if theme:
                app.theme = theme
                await pilot.pause()
            await pilot.press("ctrl+n")
            await until(pilot, lambda: app.screen.query(".form-dialog"), what="Ny insats")
            await pilot.pause()
            surface = Color.parse(app.get_css_variables()["surface"])
            return app.screen.query_one(".form-dialog").styles.background, surface

    light, light_surface = await form_background("textual-light")
    dark, dark_surface = await form_background(None)
    assert (light, dark) == (light_surface, dark_surface)
    assert light != dark
