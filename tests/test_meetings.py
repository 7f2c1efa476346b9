from datetime import date, time, timedelta

import pytest

from db.agenda import add_agenda_item, move_agenda_item, update_agenda_item
from db.calendar_rules import (
    clock_times,
    easter_sunday,
    overrun_minutes,
    plan_year,
    swedish_holidays,
)
from db.errors import LokusError, ValidationError
from db.guests import invite_guest, list_guests, set_guest_status
from db.meeting_changes import cancel_meeting, create_meeting, update_meeting
from db.meetings import get_meeting, list_meetings
from db.notice import mark_notice_sent, notice_data
from db.notice_rules import notice_is_outdated
from db.proposals import (
    accept_proposal,
    add_proposal,
    list_proposals,
    mark_party_asked,
    points_checklist,
    postpone_proposal,
    reject_proposal,
)
from db.records import AgendaItemInput, MeetingInput, PersonInput
from exports.notice import notice_markdown
from tests.conftest import TODAY


def test_clock_times_from_meeting_start():
    times = clock_times(time(13, 0), [5, 10, 45])
    assert times == [
        (time(13, 0), time(13, 5)),
        (time(13, 5), time(13, 15)),
        (time(13, 15), time(14, 0)),
    ]
    assert clock_times(None, [5]) is None
    assert overrun_minutes(time(13), time(15), [60, 45, 30]) == 15
    assert overrun_minutes(time(13), time(15), [60, 60]) == 0


def test_holidays():
    assert easter_sunday(2026) == date(2026, 4, 5)
    h = swedish_holidays(2026)
    assert h[date(2026, 4, 3)] == "långfredagen"
    assert h[date(2026, 6, 19)] == "midsommarafton"
    assert h[date(2026, 5, 14)] == "Kristi himmelsfärds dag"
    assert h[date(2026, 10, 31)] == "alla helgons dag"


def test_year_plan_avoids_july_and_holidays():
    dates = plan_year(2027, count=4, weekday=1, first_month=2, interval_months=3)
    assert len(dates) == 4
    assert all(d.weekday() == 1 and d.month != 7 for d in dates)
    # May 2027: Kristi himmelsfärd is Thursday 6 May; planning Thursdays of the first week
    thursdays = plan_year(2027, count=1, weekday=3, first_month=5, week_of_month=1)
    assert thursdays == [date(2027, 5, 13)]
    # a meeting planned for July moves to August
    july = plan_year(2027, count=1, first_month=7)
    assert july[0].month == 8
    # first Tuesday of January 2030 would be New Year's Day
    assert plan_year(2030, count=1, first_month=1, week_of_month=1) == [date(2030, 1, 8)]


def test_year_plan_moves_a_meeting_within_its_month_and_says_why():
    """Fridays of the fourth week, from June, six months apart (2027): midsummer eve
    and Christmas Eve. Both are kept, a week earlier, with the reason; none is dropped."""
    from db.calendar_rules import plan_year_days

    june, december = plan_year_days(
        2027, count=2, weekday=4, first_month=6, interval_months=6, week_of_month=4
    )
    assert (june.wanted, june.day, june.reason) == (
        date(2027, 6, 25),
        date(2027, 6, 18),
        "midsommarafton",
    )
    assert (december.wanted, december.day, december.reason) == (
        date(2027, 12, 24),
        date(2027, 12, 17),
        "julafton",
    )
    # every count asked for is there, in every month, for every weekday and week
    for weekday in range(5):
        for week in range(1, 5):
            for first in range(1, 13):
                days = plan_year_days(2027, 12, weekday, first, 3, week)
                assert len(days) == 12  # those after December say "nästa år"
                assert all(p.day is None for p in days if p.reason == "nästa år")
                got = [p.day for p in days if p.day is not None]
                assert got == sorted(set(got))
                assert all(d.weekday() == weekday and d.month != 7 for d in got)
                assert all(p.reason for p in days if p.day != p.wanted)


def _group(db):
    from db.groups import group_options

    return group_options(db)[0].id


def test_new_meeting_from_template_has_follow_up_and_parties(demo_db):
    group = _group(demo_db)
    mid = create_meeting(
        demo_db,
        MeetingInput(
            group, date(2027, 2, 9), start_time=time(13), end_time=time(15), room="Sal Fyris"
        ),
    )
    m = get_meeting(demo_db, mid)
    titles = [i.title for i in m.items]
    assert titles == [
        "Mötets öppnande",
        "Föregående minnesanteckningar",
        "Uppföljning av åtgärder",
        "Information från parterna",
        "Övriga frågor",
        "Nästa möte",
        "Mötets avslutande",
    ]
    from db.actions import follow_up_actions

    follow_ups = follow_up_actions(demo_db, mid, today=TODAY)
    assert follow_ups and all(a.status == "open" for a in follow_ups)
    assert "Uppföljning av åtgärder" in notice_markdown(notice_data(demo_db, mid))
    assert follow_ups[0].text in notice_markdown(notice_data(demo_db, mid))
    parties = m.items[3].data.description.splitlines()
    assert {"Arbetsförmedlingen", "Försäkringskassan", "Region Uppsala"} <= set(parties)
    assert m.chair_name  # the group's ordförande by default
    assert m.items[0].start == time(13, 0)


def test_meeting_validation(demo_db):
    with pytest.raises(ValidationError) as info:
        create_meeting(
            demo_db,
            MeetingInput(
                _group(demo_db),
                date(2027, 2, 9),
                start_time=time(15),
                end_time=time(13),
                link="meet.example.se",
            ),
        )
    text = str(info.value)
    assert "Sluttid: måste vara efter starttiden" in text
    assert "Länk: ska börja med https://" in text


def test_list_puts_next_meeting_first(demo_db):
    rows = list_meetings(demo_db, today=TODAY).rows
    upcoming = [r for r in rows if r.meeting_date >= TODAY]
    past = [r for r in rows if r.meeting_date < TODAY]
    assert rows[: len(upcoming)] == upcoming
    assert [r.meeting_date for r in upcoming] == sorted(r.meeting_date for r in upcoming)
    assert [r.meeting_date for r in past[:20]] == sorted(
        (r.meeting_date for r in past[:20]), reverse=True
    )


def test_move_and_add_items(demo_db):
    mid = create_meeting(
        demo_db,
        MeetingInput(_group(demo_db), date(2027, 2, 9), start_time=time(13), end_time=time(15)),
    )
    m = get_meeting(demo_db, mid)
    last = m.items[-1].id
    assert move_agenda_item(demo_db, last, -1, m.items[-1].version) == 5
    assert [i.id for i in get_meeting(demo_db, mid).items][5] == last
    new = add_agenda_item(
        demo_db, mid, AgendaItemInput("Gästpresentation", minutes_allotted=20), position=4
    )
    items = get_meeting(demo_db, mid).items
    assert items[4].id == new and [i.position for i in items] == list(range(8))


def test_proposal_accept_postpone_reject(demo_db):
    group = _group(demo_db)
    first = create_meeting(demo_db, MeetingInput(group, date(2027, 2, 9), start_time=time(13)))
    second = create_meeting(demo_db, MeetingInput(group, date(2027, 5, 11), start_time=time(13)))
    fk = next(
        c for c in points_checklist(demo_db, first) if c.organisation_name == "Försäkringskassan"
    )
    mark_party_asked(demo_db, first, fk.organisation_id, fk.version, date(2027, 1, 10))
    a = add_proposal(
        demo_db,
        first,
        "Nya riktlinjer för sjukskrivning",
        fk.organisation_id,
        received_date=date(2027, 1, 20),
    )
    b = add_proposal(demo_db, first, "Statistik", fk.organisation_id)
    c = add_proposal(demo_db, first, "Något annat", fk.organisation_id)
    check = next(
        c for c in points_checklist(demo_db, first) if c.organisation_name == "Försäkringskassan"
    )
    assert check.asked_date == date(2027, 1, 10) and check.answered_date == date(2027, 1, 20)

    def version(pid):
        return next(p.version for p in list_proposals(demo_db, first) if p.id == pid)

    item_id = accept_proposal(demo_db, a, version(a))
    items = get_meeting(demo_db, first).items
    titles = [i.title for i in items]
    assert titles.index("Nya riktlinjer för sjukskrivning") == titles.index("Övriga frågor") - 1
    assert next(i for i in items if i.id == item_id).presenter == "Försäkringskassan"
    assert postpone_proposal(demo_db, b, version(b)) == second
    assert [p.text for p in list_proposals(demo_db, second)] == ["Statistik"]
    with pytest.raises(ValidationError):
        reject_proposal(demo_db, c, "", version(c))
    reject_proposal(demo_db, c, "Tas upp i styrgruppen", version(c))
    statuses = {p.text: (p.status, p.reason) for p in list_proposals(demo_db, first)}
    assert statuses == {
        "Nya riktlinjer för sjukskrivning": ("accepted", ""),
        "Något annat": ("rejected", "Tas upp i styrgruppen"),
    }
    with pytest.raises(LokusError):
        accept_proposal(demo_db, c, version(c))


def test_postpone_without_later_meeting_is_explained(demo_db):
    group = _group(demo_db)
    mid = create_meeting(demo_db, MeetingInput(group, date(2031, 2, 9)))
    p = add_proposal(demo_db, mid, "Sent förslag")
    with pytest.raises(LokusError) as info:
        postpone_proposal(demo_db, p, list_proposals(demo_db, mid)[0].version)
    assert "inget senare möte" in str(info.value)


def test_notice_out_of_date_rule(demo_db):
    assert not notice_is_outdated("", "abc")
    assert not notice_is_outdated("abc", "abc")
    assert notice_is_outdated("abc", "abd")
    mid = create_meeting(
        demo_db,
        MeetingInput(
            _group(demo_db),
            date(2027, 2, 9),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    assert notice_data(demo_db, mid).sequence == 0
    assert mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version, date(2027, 1, 26)) == 1
    m = get_meeting(demo_db, mid)
    assert m.status == "notice_sent" and not m.notice_outdated
    assert notice_data(demo_db, mid).is_update is False
    move_agenda_item(demo_db, m.items[3].id, 1, m.items[3].version)
    m = get_meeting(demo_db, mid)
    assert m.notice_outdated
    data = notice_data(demo_db, mid)
    assert data.is_update and data.sequence == 1
    mark_notice_sent(demo_db, mid, m.version, date(2027, 1, 30))
    assert not get_meeting(demo_db, mid).notice_outdated
    # the update that was sent is still an update with the same SEQUENCE afterwards
    data = notice_data(demo_db, mid)
    assert data.is_update and data.sequence == 1
    m = get_meeting(demo_db, mid)
    update_meeting(
        demo_db, mid, MeetingInput(**{**m.data.__dict__, "room": "Rum Linné"}), m.version
    )
    assert get_meeting(demo_db, mid).notice_outdated
    item = get_meeting(demo_db, mid).items[0]
    update_agenda_item(demo_db, item.id, item.data, item.version)  # no real change
    assert notice_data(demo_db, mid).sequence == 2


def test_cancel_keeps_data(demo_db):
    mid = create_meeting(demo_db, MeetingInput(_group(demo_db), date(2027, 2, 9)))
    cancel_meeting(demo_db, mid, "Ordföranden sjuk", get_meeting(demo_db, mid).version)
    m = get_meeting(demo_db, mid)
    assert m.status == "cancelled" and m.cancelled_reason == "Ordföranden sjuk"
    assert len(m.items) == 7


def test_guest_lifecycle_and_overdue(demo_db):
    mid = create_meeting(
        demo_db, MeetingInput(_group(demo_db), date(2027, 2, 9), start_time=time(13))
    )
    gid = invite_guest(
        demo_db,
        mid,
        "IPS i praktiken",
        new_person=PersonInput("Gösta Gäst", email="gosta@ips.example.se"),
        follow_up_date=date(2027, 1, 5),
    )
    guest = list_guests(demo_db, mid, today=date(2027, 1, 10))[0]
    assert guest.status == "idea" and guest.overdue
    set_guest_status(demo_db, gid, "asked", guest.version, date(2027, 1, 2))
    guest = list_guests(demo_db, mid)[0]
    with pytest.raises(LokusError):
        set_guest_status(demo_db, gid, "presented", guest.version)
    set_guest_status(demo_db, gid, "confirmed", guest.version, date(2027, 1, 8))
    guest = list_guests(demo_db, mid, today=date(2027, 1, 10))[0]
    assert (guest.asked_date, guest.answered_date, guest.overdue) == (
        date(2027, 1, 2),
        date(2027, 1, 8),
        False,
    )
    assert [g.name for g in notice_data(demo_db, mid).guests] == ["Gösta Gäst"]


def test_overview_lists_what_to_do_now(demo_db):
    from db.overview import get_overview

    mid = create_meeting(
        demo_db,
        MeetingInput(
            _group(demo_db),
            TODAY + timedelta(days=5),
            start_time=time(13),
            notice_planned_date=TODAY - timedelta(days=1),
        ),
    )
    todo = get_overview(demo_db.read_rows, TODAY).todo
    assert any(m == mid and "kallelsen skulle ha skickats" in text for m, text in todo)
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version, TODAY)
    add_agenda_item(demo_db, mid, AgendaItemInput("Ny punkt"))
    todo = get_overview(demo_db.read_rows, TODAY).todo
    assert any(m == mid and "inaktuell" in text for m, text in todo)
