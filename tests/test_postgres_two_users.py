"""Two coordinators, two processes, one PostgreSQL database: both read the same record,
both save. Exactly one save wins, the other gets ConflictError (no silent overwrite);
notes typed at the same time are merged, nothing doubled and nothing lost.

Each process is a separate Python (its own connection pool) that reads, says it is
ready, waits until the test lets both go at once, then saves through the data layer
and prints what happened (SAVED / CONFLICT / NOTES) for the test to read.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import demo
from db.opening import open_database
from tests.conftest import TODAY
from tests.test_postgres import Server, _admin, server_url

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parent.parent

WORKER = r"""
import json, sys, time
from dataclasses import replace
from pathlib import Path

from db.errors import ConflictError
from db.opening import open_database

job = json.loads(sys.argv[1])
db = open_database(job["url"], create=False, migrate=False)
what, row_id, value = job["what"], job["id"], job["value"]
if what == "meeting":
    from db.meeting_changes import update_meeting
    from db.meetings import get_meeting

    seen = get_meeting(db, row_id)
    save = lambda: update_meeting(db, row_id, replace(seen.data, room=value), seen.version)
elif what == "person":
    from db.contacts import get_person, update_person

    seen = get_person(db, row_id)
    save = lambda: update_person(db, row_id, replace(seen.data, phone=value), seen.version)
else:
    from db.notes import item_notes, save_notes

    base, version = item_notes(db, row_id)
    save = lambda: save_notes(db, row_id, base + value + "\n", base)
print("READ", getattr(locals().get("seen"), "version", None), flush=True)
Path(job["ready"]).touch()
go = Path(job["go"])
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.002)
try:
    result = save()
except ConflictError as exc:
    print("CONFLICT", exc, flush=True)
else:
    if what == "notes":
        print("NOTES", json.dumps({"merged": result.merged, "conflicts": result.conflicts}), flush=True)
    else:
        print("SAVED", result, flush=True)
db.close()
"""


@pytest.fixture(scope="module")
def url():
    s = Server(server_url())
    try:
        with _admin(s.url):
            pass
    except Exception as exc:  # noqa: BLE001 - the reason is the failure message
        pytest.fail(f"PostgreSQL svarar inte: {exc}")
    target = s.create()
    db = open_database(target)
    demo.generate(db, scale=1, today=TODAY)
    db.sync_id_sequences()
    db.close()
    yield target
    s.drop_all()


def race(url: str, what: str, row_id: int, values: list[str], folder: Path) -> list[str]:
    """Run one process per value on the same row, let them save at the same moment; the
    last line each printed."""
    go = folder / f"go-{what}-{row_id}-{time.monotonic_ns()}"
    procs, ready = [], []
    for n, value in enumerate(values):
        flag = folder / f"{go.name}-ready-{n}"
        ready.append(flag)
        job = {
            "url": url,
            "what": what,
            "id": row_id,
            "value": value,
            "ready": str(flag),
            "go": str(go),
        }
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", WORKER, json.dumps(job)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "LOKUS_USER": f"samordnare-{n + 1}"},
            )
        )
    deadline = time.monotonic() + 60
    while not all(f.exists() for f in ready):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    go.touch()
    lasts = []
    for p in procs:
        out, err = p.communicate(timeout=90)
        assert p.returncode == 0, err
        lines = out.strip().splitlines()
        assert lines[0].startswith("READ"), out
        lasts.append(lines[-1])
    return lasts


def _one(url: str, sql: str, **params):
    db = open_database(url, create=False, migrate=False)
    try:
        return db.read_rows(sql, params)[0]
    finally:
        db.close()


def test_both_save_the_same_meeting_one_wins_one_is_told(url, tmp_path):
    meeting_id = _one(url, "SELECT min(id) FROM meeting WHERE status = 'planned'")[0]
    for round_ in range(3):
        before = _one(url, "SELECT version FROM meeting WHERE id = :m", m=meeting_id)[0]
        values = [f"Rum A{round_}", f"Rum B{round_}"]
        lasts = race(url, "meeting", meeting_id, values, tmp_path)
        saved = [i for i, line in enumerate(lasts) if line.startswith("SAVED")]
        conflicts = [i for i, line in enumerate(lasts) if line.startswith("CONFLICT")]
        assert len(saved) == 1 and len(conflicts) == 1, lasts
        assert "ändrats" in lasts[conflicts[0]]
        room, version = _one(url, "SELECT room, version FROM meeting WHERE id = :m", m=meeting_id)
        assert room == values[saved[0]]  # the winner's value, not the loser's
        assert version == before + 1  # one write, not two


def test_both_save_the_same_person_one_wins_one_is_told(url, tmp_path):
    person_id = _one(url, "SELECT min(id) FROM person WHERE archived_at IS NULL")[0]
    values = ["018-111 11 11", "018-222 22 22"]
    lasts = race(url, "person", person_id, values, tmp_path)
    assert sorted(line.split()[0] for line in lasts) == ["CONFLICT", "SAVED"], lasts
    winner = values[[line.startswith("SAVED") for line in lasts].index(True)]
    assert _one(url, "SELECT phone FROM person WHERE id = :p", p=person_id)[0] == winner


def test_notes_typed_at_the_same_time_are_merged(url, tmp_path):
    item_id = _one(
        url,
        "SELECT min(i.id) FROM agendaitem i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE m.status = 'planned'",
    )[0]
    before = _one(url, "SELECT notes FROM agendaitem WHERE id = :i", i=item_id)[0]
    lines = ["Kim: budgeten klar till maj", "Ali: kontakta Region Uppsala"]
    lasts = race(url, "notes", item_id, lines, tmp_path)
    assert all(line.startswith("NOTES") for line in lasts), lasts
    results = [json.loads(line.split(" ", 1)[1]) for line in lasts]
    assert any(r["merged"] for r in results)  # the second one merged with the first
    notes = _one(url, "SELECT notes FROM agendaitem WHERE id = :i", i=item_id)[0]
    for line in lines:
        assert notes.count(line) == 1, notes
    assert notes.startswith(before)
