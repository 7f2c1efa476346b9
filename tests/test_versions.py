"""Every editable record is version-checked.

The test enumerates every public function of db/ that changes an existing
record (update_*, delete_*, set_*, move_*, mark_*, …) and, for each, calls it
with the version a stale window would hold: each must refuse with
ConflictError and leave the record as it was. A new write function without a
scenario here makes the test fail, so the rule cannot be forgotten.
"""

import importlib
import inspect
import pkgutil
from datetime import time, timedelta

import pytest

import db
from db.actions import add_action, list_actions
from db.attendance import attendance_list, set_attendance
from db.contacts import create_person, get_person
from db.errors import ConflictError
from db.group_template import agenda_template
from db.groups import group_members, group_options
from db.guests import get_guest, invite_guest
from db.initiative_changes import create_initiative
from db.initiatives import get_initiative
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.notes import add_decision, list_decisions
from db.organisations import create_organisation, get_organisation
from db.proposals import add_proposal, list_proposals, points_checklist
from db.records import (
    ActionInput,
    AgendaItemInput,
    InitiativeInput,
    MeetingInput,
    OrganisationInput,
    PersonInput,
    ScanningInput,
)
from db.review import send_for_review
from db.review_comments import add_comment, minutes_state
from db.scanning import create_entry, get_entry
from tests.conftest import TODAY

WRITE_PREFIXES = (
    "update_",
    "delete_",
    "set_",
    "save_",
    "move_",
    "cancel_",
    "reopen_",
    "accept_",
    "postpone_",
    "reject_",
    "archive_",
    "mark_",
    "remove_",
    "restore_",
    "finalise",
    "send_for_review",
)
# Not record edits: the clock, a rule applied inside a session, and save_notes,
# which merges a stale edit instead of refusing it (tests/test_text_merge.py).
# cancel_sequence is a number rule; save_import creates an insats or adds a decision
# and plans the match again inside its own transaction, so it never saves over a row
# it read earlier.
NOT_RECORD_EDITS = {
    "db.clock.set_clock",
    "db.meeting_rules.update_held",
    "db.notes.save_notes",
    "db.notice_rules.cancel_sequence",
    "db.initiative_import.save_import",
}


def write_functions() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(db.__path__):
        module = importlib.import_module(f"db.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            if (
                name.startswith(WRITE_PREFIXES)
                and f"{fn.__module__}.{name}" not in NOT_RECORD_EDITS
            ):
                found[f"{fn.__module__}.{name}"] = fn
    return found


# --- the records the scenarios work on ----------------------------------------------


def uppsala(database) -> int:
    return next(g.id for g in group_options(database) if g.label == "LOKUS Uppsala")


def past_meeting(database, days_ago: int = 7) -> int:
    return create_meeting(
        database,
        MeetingInput(
            uppsala(database),
            TODAY - timedelta(days=days_ago),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )


def future_meeting(database) -> int:
    return create_meeting(
        database,
        MeetingInput(
            uppsala(database), TODAY + timedelta(days=30), start_time=time(13), room="Sal Fyris"
        ),
    )


def meeting_version(database, mid: int) -> int:
    return get_meeting(database, mid).version


def in_review(database) -> int:
    mid = past_meeting(database)
    send_for_review(database, mid, TODAY + timedelta(days=7), meeting_version(database, mid))
    return mid


def person(database) -> int:
    return create_person(database, PersonInput("Vera Version", email="vera@example.se"))


# Each scenario: (what to call with a version, the record's version now).
def scenarios(database):
    d = database

    def meeting_fn(fn_args, make=future_meeting):
        mid = make(d)
        return (lambda v: fn_args(mid, v)), meeting_version(d, mid)

    def item(make=future_meeting):
        mid = make(d)
        it = get_meeting(d, mid).items[2]
        return mid, it

    from db.contacts import delete_person, restore_person, update_person
    from db.organisations import delete_organisation as delete_org
    from db.organisations import update_organisation

    pid0 = person(d)
    yield (
        "db.contacts.update_person",
        (
            (lambda v: update_person(d, pid0, PersonInput("Nytt Namn"), v)),
            get_person(d, pid0).version,
        ),
    )
    pid = person(d)
    yield (
        "db.contacts.delete_person",
        ((lambda v: delete_person(d, pid, v)), get_person(d, pid).version),
    )
    pid2 = person(d)
    set_attendance(d, past_meeting(d), pid2, "present", None)
    delete_person(d, pid2, get_person(d, pid2).version)  # archived: in a meeting record
    yield (
        "db.contacts.restore_person",
        ((lambda v: restore_person(d, pid2, v)), get_person(d, pid2).version),
    )
    oid = create_organisation(d, OrganisationInput("Versionsverket"))
    yield (
        "db.organisations.update_organisation",
        (
            (lambda v: update_organisation(d, oid, OrganisationInput("Nytt namn"), v)),
            get_organisation(d, oid)[1],
        ),
    )
    oid2 = create_organisation(d, OrganisationInput("Borttagsverket"))
    yield (
        "db.organisations.delete_organisation",
        ((lambda v: delete_org(d, oid2, v)), get_organisation(d, oid2)[1]),
    )

    from db.groups import remove_member, set_member

    member = group_members(d, uppsala(d))[1]
    yield (
        "db.groups.set_member",
        (
            (lambda v: set_member(d, uppsala(d), member.person_id, "substitute", v)),
            member.membership_version,
        ),
    )
    member = group_members(d, uppsala(d))[1]
    yield (
        "db.groups.remove_member",
        ((lambda v: remove_member(d, uppsala(d), member.person_id, v)), member.membership_version),
    )

    from db.initiative_changes import delete_initiative, update_initiative

    ini = create_initiative(d, InitiativeInput(name="Versionsinsats"))
    yield (
        "db.initiative_changes.update_initiative",
        (
            (lambda v: update_initiative(d, ini, InitiativeInput(name="Ändrad"), v)),
            get_initiative(d, ini).version,
        ),
    )
    ini2 = create_initiative(d, InitiativeInput(name="Borttagsinsats"))
    yield (
        "db.initiative_changes.delete_initiative",
        ((lambda v: delete_initiative(d, ini2, v)), get_initiative(d, ini2).version),
    )

    from db.agenda import delete_agenda_item, move_agenda_item, update_agenda_item
    from db.group_template import set_agenda_template
    from db.meeting_changes import cancel_meeting, reopen_meeting, update_meeting
    from db.notice import mark_notice_sent

    def update(mid, v):
        m = get_meeting(d, mid)
        update_meeting(d, mid, MeetingInput(**{**m.data.__dict__, "room": "Rum 2"}), v)

    yield "db.meeting_changes.update_meeting", meeting_fn(update)
    yield (
        "db.meeting_changes.cancel_meeting",
        meeting_fn(lambda mid, v: cancel_meeting(d, mid, "", v)),
    )
    cancelled = future_meeting(d)
    cancel_meeting(d, cancelled, "sjukdom", meeting_version(d, cancelled))
    yield (
        "db.meeting_changes.reopen_meeting",
        ((lambda v: reopen_meeting(d, cancelled, v)), meeting_version(d, cancelled)),
    )
    yield "db.notice.mark_notice_sent", meeting_fn(lambda mid, v: mark_notice_sent(d, mid, v))
    _mid, it = item()
    yield (
        "db.agenda.update_agenda_item",
        ((lambda v: update_agenda_item(d, it.id, AgendaItemInput("Ny rubrik"), v)), it.version),
    )
    _mid, it2 = item()
    yield (
        "db.agenda.delete_agenda_item",
        ((lambda v: delete_agenda_item(d, it2.id, v)), it2.version),
    )
    _mid, it3 = item()
    yield "db.agenda.move_agenda_item", ((lambda v: move_agenda_item(d, it3.id, 1, v)), it3.version)
    template = agenda_template(d, uppsala(d))
    yield (
        "db.group_template.set_agenda_template",
        (
            (lambda v: set_agenda_template(d, uppsala(d), ["Öppnande", "Avslut"], v)),
            template.version,
        ),
    )

    from db.actions import delete_action, set_action_status, update_action
    from db.notes import delete_decision
    from db.review import finalise, reopen_minutes
    from db.review_comments import set_comment_handled

    mid = past_meeting(d)
    row = attendance_list(d, mid)[0]
    set_attendance(d, mid, row.person_id, "present", None)
    marked = attendance_list(d, mid)[0]
    yield (
        "db.attendance.set_attendance",
        ((lambda v: set_attendance(d, mid, marked.person_id, "absent", v)), marked.version),
    )
    it_id = get_meeting(d, mid).items[0].id
    dec = add_decision(d, it_id, "Ett beslut")
    yield (
        "db.notes.delete_decision",
        (
            (lambda v: delete_decision(d, dec, v)),
            next(x.version for x in list_decisions(d, it_id) if x.id == dec),
        ),
    )

    def action(text):
        aid = add_action(d, mid, it_id, ActionInput(text))
        return aid, next(a.version for a in list_actions(d, meeting_id=mid) if a.id == aid)

    a1, v1 = action("Uppdatera")
    yield "db.actions.update_action", ((lambda v: update_action(d, a1, ActionInput("Ny"), v)), v1)
    a2, v2 = action("Klarmarkera")
    yield "db.actions.set_action_status", ((lambda v: set_action_status(d, a2, "done", v)), v2)
    a3, v3 = action("Ta bort")
    yield "db.actions.delete_action", ((lambda v: delete_action(d, a3, v)), v3)
    yield (
        "db.review.send_for_review",
        meeting_fn(
            lambda m, v: send_for_review(d, m, TODAY + timedelta(days=7), v), make=past_meeting
        ),
    )
    reviewed = in_review(d)
    cid = add_comment(d, reviewed, "Synpunkt", author_text="Anna")
    yield (
        "db.review_comments.set_comment_handled",
        (
            (lambda v: set_comment_handled(d, cid, "Rättat", v)),
            minutes_state(d, reviewed).comments[0].version,
        ),
    )
    yield (
        "db.review.finalise",
        meeting_fn(lambda m, v: finalise(d, m, v, "text", early_ok=True), make=in_review),
    )
    final = in_review(d)
    finalise(d, final, meeting_version(d, final), "text", early_ok=True)
    yield (
        "db.review.reopen_minutes",
        ((lambda v: reopen_minutes(d, final, "stavfel", v)), meeting_version(d, final)),
    )

    from db.guests import delete_guest, set_guest_status, update_guest
    from db.proposals import (
        accept_proposal,
        mark_party_answered,
        mark_party_asked,
        postpone_proposal,
        reject_proposal,
    )

    pmid = future_meeting(d)
    create_meeting(d, MeetingInput(uppsala(d), TODAY + timedelta(days=90)))  # for postpone

    def proposal(text):
        pid_ = add_proposal(d, pmid, text)
        return pid_, next(p.version for p in list_proposals(d, pmid) if p.id == pid_)

    p1, pv1 = proposal("Acceptera")
    yield "db.proposals.accept_proposal", ((lambda v: accept_proposal(d, p1, v)), pv1)
    p2, pv2 = proposal("Skjut upp")
    yield "db.proposals.postpone_proposal", ((lambda v: postpone_proposal(d, p2, v)), pv2)
    p3, pv3 = proposal("Avslå")
    yield "db.proposals.reject_proposal", ((lambda v: reject_proposal(d, p3, "nej", v)), pv3)
    party = points_checklist(d, pmid)[0]
    mark_party_asked(d, pmid, party.organisation_id, None)
    party = points_checklist(d, pmid)[0]
    yield (
        "db.proposals.mark_party_asked",
        (
            (lambda v: mark_party_asked(d, pmid, party.organisation_id, v, asked=False)),
            party.version,
        ),
    )
    party = points_checklist(d, pmid)[0]
    yield (
        "db.proposals.mark_party_answered",
        ((lambda v: mark_party_answered(d, pmid, party.organisation_id, v)), party.version),
    )

    def guest():
        gid = invite_guest(d, pmid, "Ämne", new_person=PersonInput("Gäst Gästsson"))
        return gid, get_guest(d, gid).version

    g1, gv1 = guest()
    yield "db.guests.set_guest_status", ((lambda v: set_guest_status(d, g1, "asked", v)), gv1)
    g2, gv2 = guest()
    yield (
        "db.guests.update_guest",
        ((lambda v: update_guest(d, g2, "Nytt ämne", None, None, "", v)), gv2),
    )
    g3, gv3 = guest()
    yield "db.guests.delete_guest", ((lambda v: delete_guest(d, g3, v)), gv3)

    from db.scanning import delete_entry, update_entry

    e1 = create_entry(d, ScanningInput("Studiebesök i Tierp"))
    yield (
        "db.scanning.update_entry",
        ((lambda v: update_entry(d, e1, ScanningInput("Ändrad"), v)), get_entry(d, e1).version),
    )
    e2 = create_entry(d, ScanningInput("Ta bort"))
    yield "db.scanning.delete_entry", ((lambda v: delete_entry(d, e2, v)), get_entry(d, e2).version)

    from dataclasses import replace

    from db.goals import goal_settings, save_settings, set_own

    g = uppsala(d)
    seen = goal_settings(d, g, TODAY.year)
    values = {
        k: str(getattr(seen, k))
        for k in (
            "lokus_meetings",
            "competence_activities",
            "notice_lead_days",
            "points_lead_days",
            "minutes_send_days",
            "minutes_final_days",
        )
    }
    values["lokus_meetings"] = "5"
    yield (
        "db.goals.save_settings",
        (
            (lambda v: save_settings(d, replace(seen, group_version=v), values, seen.own)),
            seen.group_version,
        ),
    )
    from db.groups import archive_group, list_groups, update_group

    def group_version(group_id):
        return next(x.version for x in list_groups(d) if x.id == group_id)

    yield (
        "db.groups.update_group",
        ((lambda v: update_group(d, g, "LOKUS Uppsala län", "Uppsala", v)), group_version(g)),
    )
    yield (
        "db.groups.archive_group",
        ((lambda v: archive_group(d, g, True, v)), group_version(g)),
    )
    yield (
        "db.goals.set_own",
        ((lambda v: set_own(d, g, True, v)), goal_settings(d, g, TODAY.year).group_version),
    )


# --- the tests ----------------------------------------------------------------------


def test_every_write_function_takes_the_version_it_saw():
    missing = [
        name
        for name, fn in write_functions().items()
        # save_settings carries the two versions it saw (group, goal) in `seen`
        if not {"expected_version", "seen"} & set(inspect.signature(fn).parameters)
    ]
    assert not missing, f"no expected_version: {missing}"


def test_every_write_function_refuses_a_stale_version(demo_db):
    covered = {}
    for name, (call, version) in scenarios(demo_db):
        with pytest.raises(ConflictError):
            call(version - 1)
        covered[name] = True
        call(version)  # and the version it is at is accepted
    assert set(covered) == set(write_functions()), (
        f"without a scenario: {sorted(set(write_functions()) - set(covered))}"
    )


def test_a_row_that_exists_is_a_conflict_for_a_window_that_saw_none(demo_db):
    mid = past_meeting(demo_db)
    row = attendance_list(demo_db, mid)[0]
    set_attendance(demo_db, mid, row.person_id, "present", None)
    with pytest.raises(ConflictError):
        set_attendance(demo_db, mid, row.person_id, "absent", None)  # another window's mark
    assert attendance_list(demo_db, mid)[0].status == "present"


def test_a_refused_write_leaves_the_record_unchanged(demo_db):
    from db.meeting_changes import update_meeting

    mid = future_meeting(demo_db)
    before = get_meeting(demo_db, mid)
    with pytest.raises(ConflictError):
        update_meeting(
            demo_db, mid, MeetingInput(**{**before.data.__dict__, "room": "X"}), before.version - 1
        )
    after = get_meeting(demo_db, mid)
    assert (after.data, after.version) == (before.data, before.version)
