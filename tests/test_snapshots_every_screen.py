"""Every screen, tab, form and dialog at 80×24 on the demo data, compared with the
stored SVGs (pytest-textual-snapshot), with the fixed clock of the tests
(conftest.TODAY). Översikt is in test_overview_snapshots.py, the import review form
in test_import_tui.py.

Each test goes where a user goes, with the keys, waits for the data to be on the
screen and takes the picture. Update after an intended change with
`uv run pytest -n0 tests/test_snapshots_every_screen.py --snapshot-update`, and look
at the new pictures first (`snapshot_report.html` shows the differences).
"""

import pytest
from textual.widgets import LoadingIndicator, TabbedContent

from lokus_tui.app import make_app
from lokus_tui.document_view import DocumentView
from screens.meeting.tabs import TAB_IDS
from tests.test_tui_80x24 import FORMS
from tests.test_tui_every_screen import open_tab
from tests.waiting import palette_choice, until

SIZE = (80, 24)

# The export folder is shown in the export prompt: a fixed one, not the test's tmp_path.
EXPORT_DIR = "/tmp/lokus-export"


def on(pilot, name: str) -> bool:
    return type(pilot.app.screen).__name__ == name


def rows(pilot, table_id: str) -> int:
    return pilot.app.screen.query_one(f"#{table_id}").row_count


def text(pilot, widget_id: str) -> str:
    return str(pilot.app.screen.query_one(f"#{widget_id}").render())


async def settle(pilot) -> None:
    """A few pauses more: what is built after mounting is drawn."""
    for _ in range(3):
        await pilot.pause()


def fitted(pilot) -> bool:
    """Every table on the screen has fitted its columns to its width (until then a
    long text is cut hard, after it ends with "…")."""
    from lokus_tui.plain_table import PlainTable
    from lokus_tui.table_columns import fit_columns

    for table in pilot.app.screen.query(PlainTable):
        if table._fit_scheduled:
            return False
        if table._spec is None or not table.display or table.size.width == 0:
            continue
        available = table.size.width - table.styles.scrollbar_size_vertical
        fit = fit_columns(table._spec, table._widths, available, table.cell_padding)
        if fit != (table._shown, table._flex):
            return False
    return True


async def at(pilot, name: str, ready=lambda: True) -> None:
    """Wait for the screen ``name`` with its data (``ready``), its tables fitted."""
    await until(
        pilot, lambda: on(pilot, name) and ready() and fitted(pilot), what=f"{name} with its data"
    )
    await settle(pilot)  # drawn before a dialog comes on top: the screen below stays as drawn


async def meetings(pilot) -> None:
    await at(pilot, "MeetingsScreen", lambda: rows(pilot, "meetings-table"))


async def contacts(pilot) -> None:
    await at(pilot, "ContactsScreen", lambda: rows(pilot, "people-table"))


async def overview(pilot) -> None:
    await at(pilot, "OverviewScreen", lambda: pilot.app.screen.query_one("#overview").option_count)


async def meeting(pilot) -> None:
    """The next meeting (the first row of Möten) in its workspace, at Dagordning."""
    await meetings(pilot)
    await pilot.press("enter")
    await at(
        pilot,
        "MeetingScreen",
        lambda: (
            pilot.app.screen.detail is not None
            and rows(pilot, "agenda-table")
            and pilot.app.screen.query_one("#agenda-summary").region.height
        ),
    )


# --- sections and their screens -----------------------------------------------------------


async def _meetings(pilot):
    await meetings(pilot)


async def _initiatives(pilot):
    await at(pilot, "InitiativesScreen", lambda: rows(pilot, "initiatives-table"))


async def _people(pilot):
    await contacts(pilot)


async def _organisations(pilot):
    await contacts(pilot)
    await pilot.press("ctrl+l")
    await at(
        pilot,
        "ContactsScreen",
        lambda: (
            pilot.app.screen.query_one("#contacts-tabs", TabbedContent).active == "orgs-pane"
            and rows(pilot, "orgs-table")
        ),
    )


async def _scanning(pilot):
    await at(pilot, "ScanningScreen", lambda: rows(pilot, "scanning-table"))


async def _actions(pilot):
    await meetings(pilot)
    await pilot.press("ctrl+b")
    await at(pilot, "ActionsScreen", lambda: rows(pilot, "actions-table"))


async def _groups(pilot):
    await contacts(pilot)
    await pilot.press("ctrl+g")
    await at(
        pilot,
        "GroupsScreen",
        lambda: rows(pilot, "groups-table") and rows(pilot, "members-table"),
    )


async def _follow_up(pilot):
    await overview(pilot)
    await pilot.press("u")
    await at(pilot, "FollowUpScreen", lambda: text(pilot, "follow-up-text").strip())


async def _goals(pilot):
    """Enter on a group's heading in Översikt (the first line is one)."""
    await overview(pilot)
    await pilot.press("enter")
    await at(pilot, "GoalsScreen", lambda: text(pilot, "goals-title").strip())


async def _initiative_detail(pilot):
    await _initiatives(pilot)
    await pilot.press("enter")
    await at(
        pilot,
        "InitiativeDetailScreen",
        lambda: pilot.app.screen.query_one("#initiative-detail", DocumentView).source,
    )


async def _person_detail(pilot):
    await contacts(pilot)
    await pilot.press("enter")
    await at(pilot, "PersonDetailScreen", lambda: text(pilot, "person-card").strip())


SCREENS = {
    "moten": ("meetings", _meetings),
    "insatser": ("initiatives", _initiatives),
    "kontakter_personer": ("contacts", _people),
    "kontakter_organisationer": ("contacts", _organisations),
    "omvarld": ("scanning", _scanning),
    "atgarder": ("meetings", _actions),
    "lokusgrupper": ("contacts", _groups),
    "uppfoljning": ("overview", _follow_up),
    "mal_for_en_grupp": ("overview", _goals),
    "insats_detalj": ("initiatives", _initiative_detail),
    "person_detalj": ("contacts", _person_detail),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_at_80x24(snap_compare, demo_db, name):
    section, go = SCREENS[name]
    app = make_app(demo_db.path, database=demo_db, start_section=section)

    async def run_before(pilot):
        await go(pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# --- the meeting workspace, tab by tab ------------------------------------------------------


@pytest.mark.parametrize("tab", TAB_IDS)
def test_meeting_tab_at_80x24(snap_compare, demo_db, tab):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meeting(pilot)
        screen = pilot.app.screen
        await open_tab(pilot, screen, tab)
        await until(
            pilot,
            lambda: (
                not screen.active_pane.stale
                and screen.focused is not None
                and screen.active_pane in screen.focused.ancestors
                and fitted(pilot)
            ),
            what=f"{tab} loaded, with the focus in it",
        )
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# --- every form, pushed on top of Möten as test_tui_80x24 does ------------------------------


def _ascii(name: str) -> str:
    for swedish, plain in (("å", "a"), ("ä", "a"), ("ö", "o")):
        name = name.replace(swedish, plain)
    return "".join(c if c.isalnum() else "_" for c in name).strip("_").replace("__", "_")


@pytest.mark.parametrize("name", list(FORMS), ids=[_ascii(n) for n in FORMS])
def test_form_at_80x24(snap_compare, demo_db, name):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meetings(pilot)
        form = FORMS[name](demo_db)
        pilot.app.push_screen(form)
        await until(pilot, lambda: pilot.app.screen is form and form.focused, what="the form")
        await settle(pilot)  # forms that fill a part after mounting (the year plan's dates)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_meeting_form_with_errors_at_80x24(snap_compare, demo_db):
    """ctrl+s on an empty new meeting: the errors are named and the focus goes to the
    first field in error. The notice that also says so is cleared (it times out)."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meetings(pilot)
        await pilot.press("ctrl+n")
        await at(pilot, "MeetingForm", lambda: pilot.app.screen.focused)
        form = pilot.app.screen
        await pilot.press("ctrl+s")
        await until(pilot, lambda: text(pilot, "form-errors").strip(), what="the errors")
        assert pilot.app.screen is form
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


# --- dialogs --------------------------------------------------------------------------------


def test_help_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meetings(pilot)
        await pilot.press("f1")
        await at(pilot, "HelpScreen")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_command_palette_with_hits_at_80x24(snap_compare, demo_db):
    """A name only one search answers: hits of the same score from two searches come
    in either order (see the report in notes/snapshots.md)."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meetings(pilot)
        await pilot.press("ctrl+p")
        await at(pilot, "SwedishPalette")
        await pilot.press(*"forsberg")
        await until(
            pilot, lambda: "Forsberg" in palette_choice(pilot.app), what="a hit for forsberg"
        )
        palette = pilot.app.screen
        await until(
            pilot,
            lambda: (
                all(w.is_finished for w in palette.workers)
                and not palette.query_one(LoadingIndicator).visible  # no busy bar drawn
            ),
            what="the search finished",
        )
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_confirm_archiving_a_group_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")

    async def run_before(pilot):
        await _groups(pilot)
        await pilot.press("ctrl+a")
        await at(pilot, "ConfirmDialog")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_confirm_deleting_an_agenda_item_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meeting(pilot)
        await until(
            pilot,
            lambda: pilot.app.focused is pilot.app.screen.query_one("#agenda-table"),
            what="the focus on the agenda",
        )
        await pilot.press("delete")
        await at(pilot, "ConfirmDialog")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_export_prompt_of_the_notice_at_80x24(snap_compare, demo_db, monkeypatch):
    monkeypatch.setenv("LOKUS_EXPORT_DIR", EXPORT_DIR)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meeting(pilot)
        await open_tab(pilot, pilot.app.screen, "tab-notice")
        await until(pilot, lambda: fitted(pilot), what="the tables fitted")
        await pilot.press("x")
        await at(pilot, "ExportPrompt")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_export_history_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meeting(pilot)
        await open_tab(pilot, pilot.app.screen, "tab-review")
        await until(pilot, lambda: fitted(pilot), what="the tables fitted")
        await pilot.press("v")
        await at(pilot, "ExportHistory", lambda: rows(pilot, "history-table"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_text_prompt_cancelling_a_meeting_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")

    async def run_before(pilot):
        await meeting(pilot)
        await pilot.press("ctrl+x")
        await at(pilot, "TextPrompt")
        await pilot.press(*"Ordföranden sjuk")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
