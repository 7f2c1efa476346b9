"""Every screen and dialog filled with hostile names: nothing crashes, the text shows
literally, and no escape byte reaches what is drawn.

The names are written straight into the database, as an older lokus or an import
could have left them (validation would refuse the control characters today).
"""

import sqlite3

from db.groups import group_options
from lokus_tui.app import make_app
from tests.waiting import until


def hostile(n: int) -> str:
    return (
        f"H{n}[b]fet[/]\x1b]0;TITEL\x07[link=file:///etc/passwd]l[/link]\x1b[31m\u202eTLR\u202c[/]"
    )


LITERAL = "[b]fet[/]"  # how the name must appear: as typed, not as markup


def fill_with_hostile_names(db) -> None:
    con = sqlite3.connect(db.path)
    for table, column in (
        ("person", "name"),
        ("organisation", "name"),
        ("lokus_group", "name"),
        ("initiative", "name"),
        ("initiative", "purpose"),
        ("agendaitem", "title"),
        ("agendaitem", "notes"),
        ("meeting", "room"),
        ("actionitem", "text"),
        ("scanningentry", "title"),
        ("scanningentry", "notes"),
        ("goal", "text"),
        ("fundingdecision", "reference"),
    ):
        ids = [r[0] for r in con.execute(f"SELECT id FROM {table}")]
        for n, row_id in enumerate(ids):
            con.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (hostile(n), row_id))
    con.execute(
        "INSERT INTO scanningentry (created_at, updated_at, version, kind, title, "
        "organisation_text, link, notes) VALUES ('2026-01-01', '2026-01-01', 1, "
        "'other', ?, ?, '', ?)",
        (hostile(99), hostile(98), hostile(97)),
    )
    con.commit()
    con.close()


async def check(pilot, where: str, literal: bool = True) -> None:
    """Nothing hostile is drawn; the name shows literally (waiting for a slow machine)."""

    def drawn_safely() -> bool:
        drawn = pilot.app.export_screenshot()
        assert "\x1b" not in drawn and "\x07" not in drawn and "\u202e" not in drawn, where
        return not literal or LITERAL in drawn

    await until(pilot, drawn_safely, what=f"{where}: the name shown literally")


async def test_every_screen_and_dialog_with_hostile_names(demo_db):
    fill_with_hostile_names(demo_db)
    assert group_options(demo_db)  # the groups are still there, with their new names
    app = make_app(demo_db.path, database=demo_db, start_section="overview")
    async with app.run_test(size=(120, 40)) as pilot:

        async def press(*keys):
            await pilot.press(*keys)
            await pilot.pause()

        await pilot.pause()
        await check(pilot, "Översikt")
        await press("2")
        await check(pilot, "Möten")
        await press("enter")
        await check(pilot, "Dagordning")
        tabs = ("proposals", "guests", "notice", "attendance", "notes", "review")
        for tab in tabs:
            await press("ctrl+pagedown")  # not ]: in the notes that is a character
            await until(
                pilot,
                lambda tab=tab: (
                    app.screen.active_tab == f"tab-{tab}"
                    and not app.screen.query_one(f"#{tab}-pane").stale  # built and loaded
                ),
                what=f"the tab {tab}",
            )
            await check(pilot, tab, literal=tab not in ("proposals", "guests"))
        await press(*["ctrl+pageup"] * 6)  # back to Dagordning
        assert app.screen.active_tab == "tab-agenda"
        await press("e")
        assert type(app.screen).__name__ == "AgendaItemForm"
        await check(pilot, "agenda item form")
        await press("escape")
        await press("ctrl+e")
        assert type(app.screen).__name__ == "MeetingForm"
        await check(pilot, "meeting form")
        await press("escape")
        await press("delete")
        assert type(app.screen).__name__ == "ConfirmDialog"
        await check(pilot, "confirm dialog")
        await press("n")
        await press("escape")
        await press("ctrl+b")
        assert type(app.screen).__name__ == "ActionsScreen"
        await check(pilot, "Åtgärder")
        await press("escape")
        await press("3")
        assert type(app.screen).__name__ == "InitiativesScreen"
        await check(pilot, "Insatser")
        await press("enter")
        assert type(app.screen).__name__ == "InitiativeDetailScreen"
        await check(pilot, "insats detail")
        await press("e")
        assert type(app.screen).__name__ == "InitiativeForm"
        await check(pilot, "insats form")
        await press("escape")
        await press("escape")
        await press("4")
        assert type(app.screen).__name__ == "ContactsScreen"
        await check(pilot, "Kontakter")
        await press("ctrl+o")
        assert type(app.screen).__name__ == "PersonDetailScreen"
        await check(pilot, "person detail", literal=False)
        await press("e")
        assert type(app.screen).__name__ == "PersonForm"
        await check(pilot, "person form", literal=False)
        await press("escape", "escape")
        await press("ctrl+g")
        assert type(app.screen).__name__ == "GroupsScreen"
        await check(pilot, "Lokusgrupper")
        await press("escape")
        await press("5")
        assert type(app.screen).__name__ == "ScanningScreen"
        await check(pilot, "Omvärld")
        await press("ctrl+e")
        assert type(app.screen).__name__ == "ScanningForm"
        await check(pilot, "omvärld form")
        await press("escape")
        await press("ctrl+p")
        await press(*"fet")
        assert type(app.screen).__name__ == "SwedishPalette"
        await check(pilot, "palette")  # waits for the search to show the names
        await press("escape")
        await press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await check(pilot, "help", literal=False)
        await press("escape")
        assert app.is_running
