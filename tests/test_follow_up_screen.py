"""Uppföljning in the app: reached from Översikt with u, shows the report's text,
names a bad field, and exports without overwriting."""

import os
from pathlib import Path

from textual.widgets import Select

from lokus_tui.app import make_app
from tests.waiting import until


def shown(app) -> str:
    return str(app.screen.query_one("#follow-up-text").render())


def status(app) -> str:
    return str(app.screen.query_one("#follow-up-status").render())


async def test_follow_up_from_the_overview_and_exported_twice(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#overview").option_count, what="data")
        await pilot.press("u")  # on the first group's heading: that group
        await until(pilot, lambda: "Uppföljning 2026 — LOKUS Enköping" in shown(app), what="one")
        await pilot.press("escape")
        await pilot.press("down", "u")  # Enköping's goals line
        await until(pilot, lambda: "Uppföljning 2026 — LOKUS Enköping" in shown(app), what="again")
        app.screen.query_one("#follow-up-group", Select).clear()  # every group
        await until(pilot, lambda: "Uppföljning 2026 — alla lokusgrupper" in shown(app), what="all")
        assert "Underlag för SUS och verksamhetsberättelse" in shown(app)
        # shown as text to read, not as Markdown: no "#" headings, no "|" table rows
        assert not any(line.startswith(("#", "|")) for line in shown(app).splitlines()), shown(app)[
            :300
        ]
        await pilot.press("end", "backspace", "5", "enter")  # 2025
        await until(pilot, lambda: "Uppföljning 2025" in shown(app), what="the year 2025")
        await pilot.press("f6")
        await until(pilot, lambda: status(app).startswith("Exporterat"), what="first export")
        await pilot.press("f6")
        await until(pilot, lambda: status(app).endswith("-2.md"), what="second export")
        await pilot.press("tab", *"2025-13-01", "enter")
        await until(pilot, lambda: "Från: ”2025-13-01” är inget datum" in status(app), what="error")
    folder = Path(os.environ["LOKUS_EXPORT_DIR"])
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "uppfoljning-2025-alla-lokusgrupper-2.md",
        "uppfoljning-2025-alla-lokusgrupper.md",
    ]
    assert (folder / names[1]).read_text(encoding="utf-8").startswith("# Uppföljning 2025 — alla")
