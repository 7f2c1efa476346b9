"""Approved minutes are a record; meeting status follows the rules in db/."""

from datetime import time, timedelta

import pytest

from db.actions import add_action, set_action_status
from db.agenda import update_agenda_item
from db.attendance import attendance_list, set_attendance
from db.clock import Clock, use_clock
from db.contacts import (
    create_person,
    delete_person,
    get_person,
    list_people,
    people_options,
    person_usage,
    restore_person,
)
from db.errors import LokusError, RecordLockedError
from db.groups import group_members, group_options
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.notes import add_decision, save_notes
from db.records import ActionInput, AgendaItemInput, MeetingInput, PersonInput
from db.review import check_finalise, finalise, list_exports, reopen_minutes, send_for_review
from db.review_comments import add_comment, minutes_state
from lokus_tui.documents import export_minutes, finalise_minutes, minutes_document
from tests.conftest import TODAY


def uppsala(db) -> int:
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


def held_meeting(db, days_ago: int = 3) -> int:
    mid = create_meeting(
        db,
        MeetingInput(
            uppsala(db),
            TODAY - timedelta(days=days_ago),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    rows = attendance_list(db, mid)
    for r in rows[:3]:
        set_attendance(db, mid, r.person_id, "present", None)
    items = get_meeting(db, mid).items
    save_notes(db, items[3].id, "AF informerade om nya arbetssätt.\n", "")
    add_decision(db, items[3].id, "Informationen läggs till handlingarna.")
    owner = rows[0].person_id
    add_action(
        db,
        mid,
        items[3].id,
        ActionInput("Skicka bilderna", owner_id=owner, due_date=TODAY + timedelta(days=20)),
    )
    return mid


def approved(db) -> int:
    mid = held_meeting(db)
    send_for_review(
        db,
        mid,
        TODAY - timedelta(days=1),
        get_meeting(db, mid).version,
        day=TODAY - timedelta(days=2),
    )
    finalise_minutes(db, mid, get_meeting(db, mid).version)
    return mid


def test_fastställda_minutes_refuse_every_change_to_what_they_show(demo_db):
    mid = approved(demo_db)
    m = get_meeting(demo_db, mid)
    item = m.items[3]
    row = attendance_list(demo_db, mid)[0]
    attempts = {
        "notes": lambda: save_notes(demo_db, item.id, "Ändrat i efterhand", ""),
        "decision": lambda: add_decision(demo_db, item.id, "Nytt beslut"),
        "action": lambda: add_action(demo_db, mid, item.id, ActionInput("Ny åtgärd")),
        "attendance": lambda: set_attendance(demo_db, mid, row.person_id, "absent", row.version),
        "agenda": lambda: update_agenda_item(
            demo_db, item.id, AgendaItemInput("Ny rubrik"), item.version
        ),
        "comment": lambda: add_comment(demo_db, mid, "Sent", author_text="Per"),
    }
    before = minutes_document(demo_db, mid)[1]
    for name, attempt in attempts.items():
        with pytest.raises(RecordLockedError, match="fastställda"):
            attempt()
        assert name  # each kind of change was tried
    assert minutes_document(demo_db, mid)[1] == before
    assert get_meeting(demo_db, mid).status == "minutes_final"


def test_action_items_can_still_be_closed_after_fastställande(demo_db):
    mid = approved(demo_db)
    from db.actions import list_actions

    action = list_actions(demo_db, meeting_id=mid)[0]
    set_action_status(demo_db, action.id, "done", action.version)
    assert list_actions(demo_db, meeting_id=mid)[0].status == "done"


def test_the_approved_text_is_what_is_exported_later(demo_db, tmp_path):
    mid = approved(demo_db)
    approved_text = minutes_document(demo_db, mid)[1]
    assert "Fastställda" in approved_text and "UTKAST" not in approved_text
    # the world moves on: the owner of an action is renamed, the next meeting is planned
    owner = attendance_list(demo_db, mid)[0]
    p = get_person(demo_db, owner.person_id)
    from db.contacts import update_person

    update_person(
        demo_db, p.id, PersonInput(**{**p.data.__dict__, "name": "Helt Annat Namn"}), p.version
    )
    paths = export_minutes(demo_db, mid, tmp_path)
    md = next(p for p in paths if p.suffix == ".md")
    assert md.read_text(encoding="utf-8") == approved_text
    assert "Helt Annat Namn" not in md.read_text(encoding="utf-8")


def test_fastställ_is_refused_before_the_meeting_and_warns_before_the_deadline(demo_db):
    future = create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=5)))
    with pytest.raises(LokusError) as info:
        check_finalise(demo_db, future)
    assert "först när mötet har ägt rum" in str(info.value)
    with pytest.raises(LokusError):
        finalise(demo_db, future, get_meeting(demo_db, future).version, "x", early_ok=True)
    mid = held_meeting(demo_db)
    send_for_review(demo_db, mid, TODAY + timedelta(days=10), get_meeting(demo_db, mid).version)
    warning = check_finalise(demo_db, mid)
    assert "Sista dag för synpunkter" in warning
    with pytest.raises(LokusError):  # the UI asks first; without that, refused
        finalise(demo_db, mid, get_meeting(demo_db, mid).version, "x")
    finalise(demo_db, mid, get_meeting(demo_db, mid).version, "x", early_ok=True)
    assert minutes_state(demo_db, mid).status == "final"


def test_reopening_needs_a_reason_and_keeps_the_approved_version(demo_db):
    mid = approved(demo_db)
    approved_text = minutes_document(demo_db, mid)[1]
    with pytest.raises(LokusError):
        reopen_minutes(demo_db, mid, "  ", get_meeting(demo_db, mid).version)
    reopen_minutes(demo_db, mid, "Fel datum för nästa möte", get_meeting(demo_db, mid).version)
    state = minutes_state(demo_db, mid)
    assert state.status == "draft" and state.reopened_reason == "Fel datum för nästa möte"
    kept = [e for e in list_exports(demo_db, mid) if "återöppnad" in e[2]]
    assert kept and "Fel datum för nästa möte" in kept[0][2]
    from db.review import exported_content

    assert exported_content(demo_db, kept[0][0])[1] == approved_text
    items = get_meeting(demo_db, mid).items
    save_notes(demo_db, items[3].id, "Rättad text.\n", "AF informerade om nya arbetssätt.\n")
    finalise_minutes(demo_db, mid, get_meeting(demo_db, mid).version)  # again, no new review
    assert "Rättad text." in minutes_document(demo_db, mid)[1]


def test_deleting_a_person_in_a_record_archives_them_and_the_minutes_keep_the_name(demo_db):
    mid = approved(demo_db)
    row = attendance_list(demo_db, mid)[0]
    person = get_person(demo_db, row.person_id)
    usage = person_usage(demo_db, person.id)
    assert usage.in_meeting_records and usage.attendance >= 1 and usage.actions >= 1
    assert "närvaro vid" in usage.describe() and "ansvarig för" in usage.describe()
    before = minutes_document(demo_db, mid)[1]
    assert delete_person(demo_db, person.id, person.version) == "archived"
    assert minutes_document(demo_db, mid)[1] == before
    names = [r.name for r in attendance_list(demo_db, mid)]
    assert person.data.name in names  # still in the attendance of that meeting
    assert person.data.name not in [p.name for p in list_people(demo_db, limit=1000).rows]
    assert person.id not in [o.id for o in people_options(demo_db, None, limit=1000)]
    assert person.id not in [m.person_id for m in group_members(demo_db, uppsala(demo_db))]
    assert person.data.name in [p.name for p in list_people(demo_db, archived=True).rows]
    restore_person(demo_db, person.id, get_person(demo_db, person.id).version)
    assert get_person(demo_db, person.id).archived_at is None


def test_a_person_in_no_record_is_really_deleted(demo_db):
    pid = create_person(demo_db, PersonInput("Ny Person"))
    assert not person_usage(demo_db, pid).in_meeting_records
    assert delete_person(demo_db, pid, get_person(demo_db, pid).version) == "deleted"


# --- status rules ----------------------------------------------------------------------


def test_apologies_before_a_meeting_do_not_make_it_held(demo_db):
    mid = create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=170)))
    row = attendance_list(demo_db, mid)[0]
    set_attendance(demo_db, mid, row.person_id, "excused", None)
    assert get_meeting(demo_db, mid).status == "planned"
    # when the day has come and the attendance is taken, it is held
    with use_clock(Clock.with_today(TODAY + timedelta(days=170))):
        other = attendance_list(demo_db, mid)[1]
        set_attendance(demo_db, mid, other.person_id, "present", None)
        assert get_meeting(demo_db, mid).status == "held"


def test_notes_on_the_meeting_day_make_it_held(demo_db):
    mid = create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY))
    assert get_meeting(demo_db, mid).status == "planned"
    saved = save_notes(demo_db, get_meeting(demo_db, mid).items[0].id, "Öppnat.\n", "")
    assert saved.held and get_meeting(demo_db, mid).status == "held"
