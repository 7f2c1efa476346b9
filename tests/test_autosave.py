"""Autosave that cannot lose typing: steady typing, a locked database, a full disk, quitting.

These tests run in real time on purpose: what they prove is about timers (a
save at the latest two seconds after the first unsaved key) and about another
program holding the database for half a minute. They never wait a guessed time
for a timer, though: they wait for what they need (tests/waiting.py), and the
two-second promise is measured against a timer on the app's own event loop, so
a loaded machine slows both alike.
"""

import asyncio
import sqlite3
import threading
import time
from functools import partial

import pytest
from sqlalchemy import event

from db.meetings import get_meeting, list_meetings
from db.notes import item_notes
from lokus_tui import drafts
from lokus_tui.app import make_app
from screens.meeting import notes_editor
from tests.conftest import TODAY
from tests.waiting import BOUND, go_to_tab, until


def first_meeting(db):
    return list_meetings(db, from_date=TODAY).rows[0]


async def open_notes(pilot, app):
    await pilot.pause()
    await pilot.press("enter")
    await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="the meeting")
    await go_to_tab(pilot, app.screen, "tab-notes")
    assert app.focused.id == "notes-editor"
    return app.screen


def status(screen) -> str:
    return str(screen.query_one("#notes-saved").render())


async def type_steadily(pilot, text: str, every: float = 0.1) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)
        await asyncio.sleep(every)


def notes_of(db, meeting_id: int) -> str:
    return item_notes(db, get_meeting(db, meeting_id).items[0].id)[0]


PROMISE = 2.0  # seconds: a typed key is stored at the latest this long after it


async def test_steady_typing_is_saved_within_two_seconds_without_a_pause(demo_db, monkeypatch):
    # Only the at-the-latest save may store anything here: the save after a pause in
    # typing is moved out of reach, so a slow machine's longer gaps between keys
    # cannot pass the test for the wrong reason.
    monkeypatch.setattr(notes_editor, "AUTOSAVE_IDLE", 600.0)
    meeting = first_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notes(pilot, app)
        text = "Ordforanden halsade alla valkomna och gick igenom"  # at least 4.9 s
        stored_after: dict[int, str] = {}  # key number -> what was stored PROMISE s later

        def look(n: int) -> None:
            stored_after[n] = notes_of(demo_db, meeting.id)

        started = time.monotonic()
        for n, char in enumerate(text):  # a key every 0.1 s: never an idle pause
            await pilot.press("space" if char == " " else char)
            await pilot.pause()  # the key has reached the notes (their timers are set)
            # A timer on the same event loop, started after the key: it fires after
            # every save due by then, however slow the machine is.
            app.set_timer(PROMISE, partial(look, n))
            await asyncio.sleep(0.1)
        elapsed = time.monotonic() - started
        await until(
            pilot,
            lambda: len(stored_after) == len(text),
            PROMISE + BOUND,
            "a look at the database two seconds after each key",
        )
    assert elapsed > 4
    for n, stored in sorted(stored_after.items()):
        # every key is stored within two seconds, while typing goes on
        assert text.startswith(stored) and len(stored) > n, (n, stored)
    assert len(stored_after[0]) < len(text)  # saved during the typing, not at its end


@pytest.mark.slow
async def test_a_database_locked_for_30_seconds_loses_nothing(demo_db):
    meeting = first_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    key = str(demo_db.path)
    log = demo_db.path.parent / "data" / "lokus-fel.log"
    release = threading.Event()
    locked = threading.Event()

    def hold_the_lock():
        other = sqlite3.connect(demo_db.path, timeout=1)
        other.execute("BEGIN IMMEDIATE")  # another program writes and does not let go
        locked.set()
        release.wait(60)
        other.rollback()
        other.close()

    holder = threading.Thread(target=hold_the_lock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot, app)
        holder.start()
        locked.wait(5)
        lock_start = time.monotonic()
        typed = ""
        while time.monotonic() - lock_start < 30:
            word = f"ord{len(typed) % 97} "
            await type_steadily(pilot, word, every=0.15)
            typed += word
        assert status(screen).startswith(
            "Inte sparat — databasen är låst av ett annat program; försöker igen"
        )
        assert screen.query_one("#notes-editor").text == typed  # still in the editor
        item_id = get_meeting(demo_db, meeting.id).items[0].id
        journal = drafts.read_journal(key, item_id)
        assert journal is not None and typed.startswith(journal.text[:-10])
        assert notes_of(demo_db, meeting.id) == ""  # nothing could be written meanwhile
        release.set()
        holder.join()
        await until(  # the next try (every two seconds) succeeds
            pilot, lambda: status(screen).startswith("Sparat kl."), what="the next try to save"
        )
        assert notes_of(demo_db, meeting.id) == typed
        assert drafts.read_journal(key, item_id) is None
    assert not log.exists() or typed.split()[0] not in log.read_text()


def fill_the_disk(database):
    """SQLite's own 'database or disk is full': no page may be added any more."""

    def limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    database.engine.dispose()
    event.listen(database.engine, "connect", limit)
    return lambda: (event.remove(database.engine, "connect", limit), database.engine.dispose())


async def test_a_full_disk_keeps_the_text_and_saves_when_there_is_room(demo_db):
    meeting = first_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_notes(pilot, app)
        free_space = fill_the_disk(demo_db)
        long_text = "Lang anteckning om parternas arbete " * 400  # needs new pages
        screen.query_one("#notes-editor").insert(long_text)
        await until(
            pilot,
            lambda: status(screen).startswith("Inte sparat — disken är full; försöker igen"),
            what="the autosave to say the disk is full",
        )
        assert notes_of(demo_db, meeting.id) == ""
        assert app.is_running
        free_space()
        await until(
            pilot, lambda: status(screen).startswith("Sparat kl."), what="the next try to save"
        )
    assert notes_of(demo_db, meeting.id) == long_text


async def test_quitting_with_unsaved_text_says_so_and_offers_it_back(demo_db):
    meeting = first_meeting(demo_db)
    other = sqlite3.connect(demo_db.path, timeout=1)
    other.execute("BEGIN IMMEDIATE")
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_notes(pilot, app)
        await type_steadily(pilot, "Kvar till nasta gang", every=0.02)
        await pilot.press("ctrl+q")
        await pilot.pause()
    message = app.exit_message
    assert "kunde inte sparas" in message and "finns kvar som utkast" in message
    assert "Kvar till" not in message  # the typed text itself is never printed
    other.rollback()
    other.close()
    assert notes_of(demo_db, meeting.id) == ""
    again = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_notes(pilot, again)
        assert screen.query_one("#notes-editor").text == "Kvar till nasta gang"
        notices = list(again.notified)
        assert any("inte hann sparas" in n for n in notices)
        # saved by itself, while lokus runs (leaving would save it too)
        await until(
            pilot,
            lambda: notes_of(demo_db, meeting.id) == "Kvar till nasta gang",
            what="the restored notes to be saved",
        )
