"""Kallelse bookkeeping: the subject, the "Uppdaterad" line and SEQUENCE agree on every
export, and marking a kallelse sent never makes it look changed."""

from datetime import time, timedelta
from email import message_from_bytes, policy

from icalendar import Calendar

from db.groups import group_options
from db.meeting_changes import create_meeting, update_meeting
from db.meetings import get_meeting
from db.notice import last_export, mark_notice_sent, notice_data
from db.records import MeetingInput
from exports.notice import notice_markdown
from lokus_tui.documents import export_notice
from tests.conftest import TODAY


def exported(folder):
    files = {p.suffix: p for p in folder.iterdir()}
    ics = Calendar.from_ical(files[".ics"].read_bytes())
    event = next(c for c in ics.walk() if c.name == "VEVENT")
    mail = message_from_bytes(files[".eml"].read_bytes(), policy=policy.default)
    return int(event["SEQUENCE"]), str(mail["Subject"]), files[".md"].read_text()


def test_update_exports_agree_and_marking_sent_changes_nothing(demo_db, tmp_path):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(
        demo_db,
        MeetingInput(
            group,
            TODAY + timedelta(days=30),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    seq, subject, md = exported_after(demo_db, mid, tmp_path / "1")
    assert (seq, subject.startswith("Kallelse"), "Uppdaterad" in md) == (0, True, False)
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
    assert not changed_since_export(demo_db, mid)
    m = get_meeting(demo_db, mid)
    update_meeting(
        demo_db, mid, MeetingInput(**{**m.data.__dict__, "room": "Rum Linné"}), m.version
    )
    assert get_meeting(demo_db, mid).notice_outdated
    for n in range(2, 5):  # the update, exported again and again: always the same
        seq, subject, md = exported_after(demo_db, mid, tmp_path / str(n))
        assert (
            seq,
            subject.startswith("Uppdaterad kallelse"),
            "**Uppdaterad kallelse**" in md,
        ) == (1, True, True)
        if n == 3:
            mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
            assert not get_meeting(demo_db, mid).notice_outdated
            assert not changed_since_export(demo_db, mid)  # no false "changed since export"


def exported_after(db, mid, folder):
    folder.mkdir()
    export_notice(db, mid, folder)
    return exported(folder)


def changed_since_export(db, mid) -> bool:
    last = last_export(db, mid, "notice", "md")
    return last is not None and last[0] != notice_markdown(notice_data(db, mid))
