"""The kallelse as an iCalendar invitation (RFC 5545, the form Outlook expects).

ORGANIZER is the coordinator; when she is also a member she is an attendee who
has accepted, never one asked to reply to her own invitation; the
chair has ROLE=CHAIR, ersättare are optional participants; a cancellation is
METHOD:CANCEL with a higher SEQUENCE and asks nobody to reply.
"""

from datetime import datetime, timedelta

from db import clock
from db.characters import printable
from db.records import NoticeData
from db.vocabulary import MembershipRole
from exports.document import plain_text
from exports.mail import address, header_text
from exports.notice import (
    calendar_end,
    calendar_location,
    notice_markdown,
)
from exports.swedish import stockholm


def _dt(data: NoticeData, t) -> datetime:
    return datetime.combine(data.meeting_date, t, tzinfo=stockholm())


def _role(data: NoticeData, person_id: int | None, role: str) -> str:
    if person_id is not None and person_id == data.chair_id:
        return "CHAIR"
    if role == MembershipRole.CHAIR and data.chair_id is None:
        return "CHAIR"
    return "OPT-PARTICIPANT" if role == MembershipRole.SUBSTITUTE else "REQ-PARTICIPANT"


def notice_ics(data: NoticeData, now: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event, vCalAddress, vText

    now = now or clock.utcnow()
    method = "CANCEL" if data.cancelled else "REQUEST"
    cal = Calendar()
    cal.add("prodid", "-//lokus//kallelse//SV")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", data.uid)
    event.add("sequence", data.sequence)
    event.add("dtstamp", now)
    summary = f"{data.kind_label} {data.group_name}"
    event.add("summary", header_text(f"Inställt: {summary}" if data.cancelled else summary))
    if data.start_time:
        event.add("dtstart", _dt(data, data.start_time))
        event.add("dtend", _dt(data, calendar_end(data)))
    else:
        event.add("dtstart", data.meeting_date)
        event.add("dtend", data.meeting_date + timedelta(days=1))
    location = calendar_location(data)
    if location:
        event.add("location", location)
    link = "".join(printable(data.link).split())
    if link:
        event.add("url", link)
    event.add("description", plain_text(notice_markdown(data)))
    event.add("status", "CANCELLED" if data.cancelled else "CONFIRMED")
    organizer_address = (
        address(data.coordinator.name, data.coordinator.email) if data.coordinator else None
    )
    organizer_email = ""
    if organizer_address is not None:
        organizer = vCalAddress(f"mailto:{organizer_address.addr_spec}")
        organizer.params["cn"] = vText(organizer_address.display_name)
        event.add("organizer", organizer)
        organizer_email = organizer_address.addr_spec.lower()
    people = [(m.name, m.email, _role(data, m.person_id, m.role)) for m in data.members]
    people += [(g.name, g.email, "REQ-PARTICIPANT") for g in data.guests]
    seen: set[str] = set()
    for name, email, role in people:
        found = address(name, email)
        if found is None or found.addr_spec.lower() in seen:
            continue
        seen.add(found.addr_spec.lower())
        attendee = vCalAddress(f"mailto:{found.addr_spec}")
        attendee.params["cn"] = vText(found.display_name)
        attendee.params["role"] = vText(role)
        attendee.params["cutype"] = vText("INDIVIDUAL")
        if found.addr_spec.lower() == organizer_email:
            # the coordinator takes part but is not asked to answer her own invitation
            attendee.params["partstat"] = vText("ACCEPTED")
        elif not data.cancelled:
            attendee.params["partstat"] = vText("NEEDS-ACTION")
            attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=False)
    if data.start_time:
        cal.add_component(_stockholm_vtimezone())
    cal.add_component(event)
    return cal.to_ical()


def _stockholm_vtimezone():
    """Europe/Stockholm with yearly rules, the form Outlook and Thunderbird expect."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", "Europe/Stockholm")
    for cls, name, start, offset_from, offset_to, month in (
        (TimezoneDaylight, "CEST", datetime(1970, 3, 29, 2), 1, 2, 3),
        (TimezoneStandard, "CET", datetime(1970, 10, 25, 3), 2, 1, 10),
    ):
        part = cls()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz
