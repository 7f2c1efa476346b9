"""Keys in Swedish everywhere (key bar, help, palette) and the app's keys work while a
form is open."""

from textual.widgets import Input

from lokus_tui.app import make_app
from lokus_tui.key_words import TEXTUAL_WORDS
from lokus_tui.palette import NOTHING_FOUND, PROMPT
from tests.waiting import until


def app_for(db, section="meetings"):
    return make_app(db.path, database=db, start_section=section)


async def test_help_lists_textuals_keys_in_swedish_with_readable_key_names(demo_db):
    app = app_for(demo_db, "initiatives")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one("DocumentView").source
        assert "Hjälp" in source
        for english in TEXTUAL_WORDS:
            assert f"| {english} |" not in source, english
        assert "Cursor" not in source and "Page" not in source
        assert "_square_bracket" not in source
        assert "| Upp |" in source  # the table's own ↑ key, in Swedish


async def test_help_and_quit_work_while_a_form_is_open(demo_db):
    app = app_for(demo_db, "initiatives")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(app.focused, Input)
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_speaks_swedish(demo_db):
    app = app_for(demo_db, "initiatives")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert palette.query_one(Input).placeholder == PROMPT
        await pilot.press(*"qqqzzzxxx")

        def texts() -> list[str]:
            return [str(o.prompt) for o in palette.query_one("CommandList").options]

        await until(pilot, lambda: any(NOTHING_FOUND in t for t in texts()), what="Inget hittades")
        assert not any("No matches" in t for t in texts())
        keys = {b.description for b in palette.BINDINGS if hasattr(b, "description")}
        assert "Stäng" in keys and "Exit the command palette" not in keys


async def test_the_palette_offers_no_english_commands(demo_db):
    app = app_for(demo_db, "initiatives")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        # (Textual's palette gets the class -ready once it has gathered every command)
        await until(pilot, lambda: app.screen.has_class("-ready"), what="the commands")
        texts = [str(o.prompt) for o in app.screen.query_one("CommandList").options]
        assert texts, "the palette lists commands before anything is typed"
        for english in ("Quit", "Theme", "Keys", "Screenshot", "Maximize"):
            assert not any(t.startswith(english) for t in texts), texts
        assert any(t.startswith("Avsluta") for t in texts)
        assert any(t.startswith("Hjälp") for t in texts)


async def test_escape_leaves_the_filter_and_digits_switch_sections(demo_db):
    """After Esc the digits are section keys again, not text in the filter."""
    app = app_for(demo_db, "meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "z", "z")
        await pilot.pause()
        assert app.screen.query_one("#meetings-filter", Input).value == "zz"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#meetings-filter", Input).value == ""
        assert app.focused is app.screen.query_one("#meetings-table")
        await pilot.press("enter")  # open a meeting, and back
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        assert not isinstance(app.focused, Input)
        await pilot.press("3")
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativesScreen"
        assert app.screen.query_one("#initiatives-filter", Input).value == ""


async def test_help_lists_the_screens_own_keys_before_the_arrows(demo_db):
    app = app_for(demo_db, "initiatives")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one("DocumentView").source
        assert source.index("| Ny insats |") < source.index("| Upp |")
