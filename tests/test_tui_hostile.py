"""Every screen and dialog filled with hostile names: nothing crashes, the text shows
literally, and no escape byte reaches what is drawn.

The names are written straight into the database, as an older lokus or an import
could have left them (validation would refuse the control characters today).
"""

import sqlite3

from db.contacts import group_options
from lokus_tui.app import make_app


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
    for _ in range(40):
        drawn = pilot.app.export_screenshot()
        assert "\x1b" not in drawn and "\x07" not in drawn and "\u202e" not in drawn, where
        if not literal or LITERAL in drawn:
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{where}: the name is not shown literally")


async def test_every_screen_and_dialog_with_hostile_names(demo_db):
    fill_with_hostile_names(demo_db)
    assert group_options(demo_db)  # the groups are still there, with their new names
    app = make_app(demo_db.path, database=demo_db, start_section="overview")
    async with app.run_test(size=(120, 40)) as pilot:

        async def press(*keys, wait: float = 0.0):
            await pilot.press(*keys)
            await pilot.pause(wait) if wait else await pilot.pause()

        await pilot.pause()
        await check(pilot, "Översikt")
        await press("2")
        await check(pilot, "Möten")
        await press("enter")
        await check(pilot, "Dagordning")
        for tab in ("Förslag", "Gäster", "Kallelse", "Närvaro", "Anteckningar", "Granskning"):
            await press("]", wait=0.2)
            await check(pilot, tab, literal=tab not in ("Förslag", "Gäster"))
        await press("[", "[", "[", "[", "[", "[")  # back to Dagordning
        await press("e")
        await check(pilot, "agenda item form")
        await press("escape")
        await press("ctrl+e")
        await check(pilot, "meeting form")
        await press("escape")
        await press("delete")
        await check(pilot, "confirm dialog")
        await press("n")
        await press("escape")
        await press("ctrl+b")
        await check(pilot, "Åtgärder")
        await press("escape")
        await press("3")
        await check(pilot, "Insatser")
        await press("enter")
        await check(pilot, "insats detail")
        await press("e")
        await check(pilot, "insats form")
        await press("escape")
        await press("escape")
        await press("4")
        await check(pilot, "Kontakter")
        await press("ctrl+o")
        await check(pilot, "person detail", literal=False)
        await press("e")
        await check(pilot, "person form", literal=False)
        await press("escape", "escape")
        await press("ctrl+g")
        await check(pilot, "Lokusgrupper")
        await press("escape")
        await press("5")
        await check(pilot, "Omvärld")
        await press("ctrl+e")
        await check(pilot, "omvärld form")
        await press("escape")
        await press("ctrl+p")
        await press(*"fet", wait=0.5)
        await check(pilot, "palette")
        await press("escape")
        await press("f1")
        await check(pilot, "help", literal=False)
        await press("escape")
        assert app.is_running
