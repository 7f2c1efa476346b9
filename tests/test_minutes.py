from datetime import date, time

import pytest
from markdown_it import MarkdownIt

from db.actions import add_action, follow_up_actions, list_actions, set_action_status
from db.attendance import add_substitute, attendance_list, party_counts, set_attendance
from db.errors import LokusError, ValidationError
from db.groups import group_options
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.minutes import minutes_data
from db.notes import add_decision, save_notes
from db.records import ActionInput, MeetingInput
from db.review import finalise, send_for_review
from db.review_comments import add_comment, minutes_state, set_comment_handled
from exports.minutes import minutes_markdown
from tests.conftest import TODAY

MD = MarkdownIt("commonmark").enable("table")


def uppsala(db):
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


@pytest.fixture
def meeting(demo_db):
    mid = create_meeting(
        demo_db,
        MeetingInput(
            uppsala(demo_db),
            date(2027, 2, 9),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    return demo_db, mid


def test_attendance_counts_per_party(meeting):
    db, mid = meeting
    rows = attendance_list(db, mid)
    assert len(rows) == 5 and all(r.status is None for r in rows)
    set_attendance(db, mid, rows[0].person_id, "present", None)
    set_attendance(db, mid, rows[1].person_id, "excused", None)
    from db.contacts import list_people

    substitute = next(p for p in list_people(db, "projektledare").rows)
    add_substitute(db, mid, substitute.id)
    rows = attendance_list(db, mid)
    assert rows[-1].is_substitute and rows[-1].role_label == "ersättare"
    counts = {c.organisation_name: (c.present, c.absent, c.excused) for c in party_counts(rows)}
    assert counts[rows[0].organisation_name][0] >= 1
    assert sum(c[2] for c in counts.values()) == 1
    with pytest.raises(ValidationError):
        set_attendance(db, mid, rows[0].person_id, "kanske", rows[0].version)


def test_action_items_carry_over_to_next_meeting(meeting):
    db, mid = meeting
    item = get_meeting(db, mid).items[3]
    a1 = add_action(db, mid, item.id, ActionInput("Bjuda in IPS", due_date=date(2027, 3, 1)))
    a2 = add_action(db, mid, item.id, ActionInput("Ta fram statistik", owner_text="FK"))
    later = create_meeting(db, MeetingInput(uppsala(db), date(2027, 5, 11)))
    carried = {a.id for a in follow_up_actions(db, later, today=date(2027, 4, 1))}
    assert {a1, a2} <= carried
    overdue = [a for a in list_actions(db, meeting_id=mid, today=date(2027, 4, 1)) if a.overdue]
    assert [a.id for a in overdue] == [a1]
    version = next(a.version for a in list_actions(db, meeting_id=mid) if a.id == a1)
    set_action_status(db, a1, "done", version, date(2027, 5, 11))
    carried = {a.id for a in follow_up_actions(db, later, today=date(2027, 6, 1))}
    assert a1 in carried  # closed at that meeting: still reported there
    even_later = create_meeting(db, MeetingInput(uppsala(db), date(2027, 9, 14)))
    carried = {a.id for a in follow_up_actions(db, even_later, today=date(2027, 9, 1))}
    assert a1 not in carried and a2 in carried
    data = minutes_data(db, later, today=date(2027, 5, 11))
    follow = next(i for i in data.items if i.title == "Uppföljning av åtgärder")
    assert {a.id for a in follow.follow_ups} >= {a1, a2}


def version(db, mid):
    return get_meeting(db, mid).version


def test_review_lifecycle(meeting):
    db, mid = meeting
    with pytest.raises(LokusError):
        finalise(db, mid, version(db, mid), "text", day=date(2027, 2, 10))
    with pytest.raises(LokusError):
        add_comment(db, mid, "För tidigt", author_text="Anna")
    send_for_review(db, mid, date(2027, 2, 23), version(db, mid), day=date(2027, 2, 10))
    assert get_meeting(db, mid).status == "minutes_in_review"
    on_time = add_comment(
        db, mid, "Stavfel i punkt 2", author_text="Anna", received_date=date(2027, 2, 20)
    )
    add_comment(db, mid, "Sent men viktigt", author_text="Per", received_date=date(2027, 2, 25))
    state = minutes_state(db, mid, today=date(2027, 2, 26))
    assert [c.late for c in state.comments] == [False, True]
    assert state.deadline_passed
    comment = next(c for c in state.comments if c.id == on_time)
    set_comment_handled(db, on_time, "Rättat", comment.version)
    finalise(db, mid, version(db, mid), "godkänd text", date(2027, 2, 27))
    state = minutes_state(db, mid)
    assert state.status == "final" and state.final_date == date(2027, 2, 27)
    assert state.comments[0].handled_note == "Rättat"
    assert get_meeting(db, mid).status == "minutes_final"
    with pytest.raises(LokusError):
        send_for_review(db, mid, date(2027, 3, 1), version(db, mid), day=date(2027, 2, 28))


def test_minutes_document(meeting):
    db, mid = meeting
    items = get_meeting(db, mid).items
    rows = attendance_list(db, mid)
    for r in rows[:3]:
        set_attendance(db, mid, r.person_id, "present", None)
    set_attendance(db, mid, rows[3].person_id, "excused", None)
    save_notes(db, items[3].id, "AF: nya arbetssätt.\nFK: kortare handläggningstider.", "")
    add_decision(db, items[3].id, "Lokusgruppen tar del av informationen.")
    add_action(
        db,
        mid,
        items[3].id,
        ActionInput("Skicka bilderna", owner_text="Samordnaren", due_date=date(2027, 3, 1)),
    )
    send_for_review(db, mid, date(2027, 2, 23), version(db, mid), day=date(2027, 2, 10))
    draft = minutes_markdown(minutes_data(db, mid, today=TODAY))
    assert draft.startswith(
        "# Minnesanteckningar (UTKAST) – LOKUS-möte LOKUS Uppsala, 9 februari 2027"
    )
    assert "Utkast — synpunkter senast 23 februari 2027" in draft
    assert "**Beslut:** Lokusgruppen tar del av informationen." in draft
    assert "anmält förhinder" in draft
    toks = MD.parse(draft)
    assert [t.type for t in toks].count("table_open") == 2  # närvaro + åtgärder
    assert "tisdag 9 februari 2027, kl. 13.00–15.00" in draft
    finalise(db, mid, version(db, mid), "godkänd", date(2027, 2, 24), early_ok=True)
    final = minutes_markdown(minutes_data(db, mid, today=TODAY))
    assert "UTKAST" not in final and "Fastställda 24 februari 2027" in final
