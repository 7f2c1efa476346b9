"""ctrl+p finds meetings by group, date and month name, and lokusgrupper, beside
insatser, people and organisations; Enter opens what was found."""

from textual.command import CommandList
from textual.widgets import Select

from db.meetings import list_meetings
from exports.swedish import MONTHS, format_date_long
from lokus_tui.app import make_app
from lokus_tui.commands import read_query
from tests.waiting import palette_choice, timers_due, until


def choices(app) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_query_words_for_dates():
    assert read_query("Heby augusti 2026") == (["heby"], {"month": 8, "year": 2026})
    assert read_query("aug 12") == ([], {"month": 8, "day": 12})
    assert read_query("2026-03-10 tierp") == (["tierp"], {"iso": "2026-03-10"})
    assert read_query("ma") == (["ma"], {})  # too short to be a month (mars or maj)


async def test_palette_finds_a_meeting_by_month_name(demo_db):
    rows = list_meetings(demo_db, limit=500).rows
    heby = sorted((m for m in rows if m.group_name == "LOKUS Heby"), key=lambda m: m.meeting_date)
    month = heby[0].meeting_date.month
    name = MONTHS[month - 1]
    august = [m for m in heby if m.meeting_date.month == month]
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*f"heby {name}")
        want = [
            f"Möte: LOKUS Heby {format_date_long(m.meeting_date, weekday=True)}" for m in august
        ]
        await until(
            pilot,
            lambda: any(c.startswith(want[0]) or c.startswith(want[-1]) for c in choices(app)),
            what="the palette to offer Heby's August meeting",
        )
        found = [c for c in choices(app) if c.startswith("Möte:")]
        assert all("LOKUS Heby" in c and f" {name} " in c for c in found)
        assert len(found) == len(august)
        while not palette_choice(app).startswith("Möte:"):
            await pilot.press("down")
        chosen = palette_choice(app)
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="meeting")
        info = str(app.screen.query_one("#meeting-info").render())
    assert chosen.split(" (")[0].removeprefix("Möte: LOKUS Heby ") in info


async def test_palette_finds_a_group_and_shows_its_meetings(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"östham")
        await until(
            pilot,
            lambda: any(c.startswith("Lokusgrupp: LOKUS Östhammar") for c in choices(app)),
            what="the palette to offer the group",
        )
        while not palette_choice(app).startswith("Lokusgrupp: LOKUS Östhammar"):
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        select = app.screen.query_one("#meetings-group", Select)
        await until(pilot, lambda: select.value != Select.NULL, what="the group chosen")
        table = app.screen.query_one("#meetings-table")
        await until(pilot, lambda: table.row_count > 0, what="its meetings")
        groups = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
    assert groups == {"LOKUS Östhammar"}


async def test_palette_opens_the_follow_up(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="initiatives")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"uppfölj")
        await until(pilot, lambda: palette_choice(app).startswith("Uppföljning"), what="hit")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "FollowUpScreen", what="screen")


async def test_enter_twice_at_once_in_the_palette_runs_the_command_once(demo_db):
    """A choice in the palette, then Enter twice in one burst (faster than a screen is
    drawn): the palette chose the command twice and closed twice, the second time the
    screen under it, and lokus stopped with "ett oväntat fel" (8 of 10 runs of a fault
    probe)."""
    from textual import events

    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"östham")
        await until(pilot, lambda: palette_choice(app) or choices(app), what="choices")
        while not palette_choice(app).startswith("Lokusgrupp: LOKUS Östhammar"):
            await pilot.press("down")
        for _ in range(2):
            app.post_message(events.Key("enter", "\r"))
        await timers_due(pilot, 0.5)
        assert app.is_running and "oväntat" not in (app.exit_message or "")
        assert type(app.screen).__name__ == "MeetingsScreen"
