"""A year of one lokusgrupp's meetings with known attendance, built through the
data layer as a user would, for the overview and follow-up tests. The test
counts from ``Year.meetings`` (what was built), never from what lokus reports."""

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from db.actions import add_action, set_action_status
from db.attendance import add_substitute, set_attendance
from db.contacts import create_person
from db.groups import create_group, set_member
from db.meeting_changes import cancel_meeting, create_meeting
from db.meetings import get_meeting
from db.organisations import create_organisation
from db.proposals import mark_party_asked
from db.records import ActionInput, MeetingInput, OrganisationInput, PersonInput
from db.review import finalise, send_for_review

PARTIES = (
    ("Arbetsförmedlingen Testby", "employment_service"),
    ("Försäkringskassan Testby", "social_insurance"),
    ("Testby kommun", "municipality"),
    ("Region Testlän", "region"),
)


@dataclass
class Built:
    id: int
    day: date
    kind: str
    held: bool = False
    cancelled: bool = False
    minutes: str = "draft"  # draft, in_review, final
    final_day: date | None = None
    # organisation name -> (present, excused, substitutes)
    attendance: dict = field(default_factory=dict)


@dataclass
class Year:
    group_id: int
    other_group_id: int
    orgs: dict  # name -> id
    people: dict  # organisation name -> member person id
    substitute: int
    meetings: list[Built]
    asked_not_answered: list[str]  # parties asked for points for the coming meeting
    late_action: tuple[str, str, date]  # text, owner, due


def _minutes(db, m: Built, sent: date, deadline: date, final: date | None) -> None:
    send_for_review(db, m.id, deadline, get_meeting(db, m.id).version, day=sent)
    m.minutes = "in_review"
    if final is not None:
        finalise(db, m.id, get_meeting(db, m.id).version, "# Fastställda", day=final, early_ok=True)
        m.minutes, m.final_day = "final", final


def build_year(db, today: date) -> Year:
    """Meetings of ``today.year`` (today is 2026-11-24 in the tests)."""
    orgs = {name: create_organisation(db, OrganisationInput(name, kind)) for name, kind in PARTIES}
    people = {
        name: create_person(db, PersonInput(f"Ledamot {n}", organisation_id=oid))
        for n, (name, oid) in enumerate(orgs.items(), start=1)
    }
    substitute = create_person(
        db, PersonInput("Ersättare Ett", organisation_id=orgs["Arbetsförmedlingen Testby"])
    )
    group = create_group(db, "LOKUS Testby", "Testby")
    other = create_group(db, "LOKUS Annanby", "Annanby")
    for pid in people.values():
        set_member(db, group, pid, "member", None)
    y = today.year

    def meeting(day: date, kind: str = "lokus_meeting") -> Built:
        mid = create_meeting(
            db, MeetingInput(group, day, kind, start_time=time(13), end_time=time(15))
        )
        return Built(mid, day, kind)

    def attend(m: Built, absent: tuple[str, ...] = (), substitute_for: str = "") -> None:
        for org, pid in people.items():
            status = "excused" if org in absent else "present"
            set_attendance(db, m.id, pid, status, None)
            present, excused, subs = m.attendance.get(org, (0, 0, 0))
            m.attendance[org] = (
                present + (status == "present"),
                excused + (status == "excused"),
                subs,
            )
        if substitute_for:
            add_substitute(db, m.id, substitute)
            present, excused, subs = m.attendance[substitute_for]
            m.attendance[substitute_for] = (present + 1, excused, subs + 1)
        m.held = True

    meetings = []
    m1 = meeting(date(y, 2, 10))
    attend(m1)
    _minutes(db, m1, date(y, 2, 12), date(y, 2, 20), date(y, 3, 1))
    m2 = meeting(date(y, 5, 12))
    attend(
        m2,
        absent=("Arbetsförmedlingen Testby", "Region Testlän"),
        substitute_for="Arbetsförmedlingen Testby",
    )
    add_action(
        db,
        m2.id,
        None,
        ActionInput("Ta fram statistik", people["Testby kommun"], due_date=date(y, 6, 30)),
    )
    done = add_action(
        db, m2.id, None, ActionInput("Boka lokal", people["Region Testlän"], due_date=date(y, 6, 1))
    )
    _minutes(db, m2, date(y, 5, 14), date(y, 5, 25), date(y, 6, 20))
    set_action_status(db, done, "done", 1, day=date(y, 5, 30))
    m3 = meeting(date(y, 6, 1), "competence_activity")
    attend(m3, absent=("Försäkringskassan Testby",))
    _minutes(db, m3, date(y, 6, 2), date(y, 6, 10), date(y, 6, 12))
    m4 = meeting(date(y, 9, 15))
    cancel_meeting(db, m4.id, "För få anmälda", get_meeting(db, m4.id).version)
    m4.cancelled = True
    m6 = meeting(date(y, 10, 20))
    attend(m6, absent=("Testby kommun",))
    _minutes(db, m6, date(y, 10, 22), date(y, 11, 1), None)  # comments over, not fastställda
    m5 = meeting(date(y, 11, 10))
    attend(m5)  # minutes not sent: 7 days are over on the 17th
    m7 = meeting(today + timedelta(days=7))  # kallelse not sent, 14 days before is past
    mark_party_asked(
        db, m7.id, orgs["Arbetsförmedlingen Testby"], None, day=today - timedelta(days=20)
    )
    m8 = meeting(today + timedelta(days=26), "competence_activity")
    meetings = [m1, m2, m3, m4, m6, m5, m7, m8]
    return Year(
        group,
        other,
        orgs,
        people,
        substitute,
        meetings,
        ["Arbetsförmedlingen Testby"],
        ("Ta fram statistik", "Ledamot 3", date(y, 6, 30)),
    )
