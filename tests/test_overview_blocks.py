"""The Översikt's blocks per lokusgrupp, checked against a year built in the test
(tests/year_of_meetings.py) and counted here from what was built."""

from datetime import timedelta

import pytest

from db.goals import goal_settings, save_settings, set_own
from db.overview import get_overview, read_overview_file
from exports.overview_text import line_text
from tests.conftest import TODAY
from tests.year_of_meetings import build_year


@pytest.fixture
def year(database):
    return build_year(database, TODAY)


def block(ov, group_id):
    return next(b for b in ov.blocks if b.group_id == group_id)


def lines(ov, group_id, what):
    return [line for line in block(ov, group_id).lines if line.what == what]


def test_goals_count_what_was_built(database, year):
    ov = get_overview(database.read_rows, TODAY)
    built = year.meetings
    lokus, competence = lines(ov, year.group_id, "goals")[0].goals
    for goal, kind in ((lokus, "lokus_meeting"), (competence, "competence_activity")):
        mine = [m for m in built if m.kind == kind]
        assert goal.held == sum(m.held for m in mine)
        assert goal.cancelled == sum(m.cancelled for m in mine)
        assert goal.planned == sum(not m.held and not m.cancelled for m in mine)
    assert (lokus.target, competence.target) == (4, 2)  # the defaults
    text = line_text(lines(ov, year.group_id, "goals")[0])
    assert f"LOKUS-möten {lokus.held} av 4" in text
    assert f"Kompetenshöjande {competence.held} av 2" in text


def test_goals_are_editable_per_group_and_year(database, year):
    seen = goal_settings(database, year.group_id, TODAY.year)
    values = {
        "lokus_meetings": "6",
        "competence_activities": "3",
        "notice_lead_days": "14",
        "points_lead_days": "21",
        "minutes_send_days": "7",
        "minutes_final_days": "30",
    }
    save_settings(database, seen, values, own=False)
    lokus, competence = lines(get_overview(database.read_rows, TODAY), year.group_id, "goals")[
        0
    ].goals
    assert (lokus.target, competence.target) == (6, 3)
    next_year = goal_settings(database, year.group_id, TODAY.year + 1)
    assert (next_year.lokus_meetings, next_year.competence_activities) == (4, 2)
    other = goal_settings(database, year.other_group_id, TODAY.year)
    assert (other.lokus_meetings, other.competence_activities) == (4, 2)


def test_bad_goal_names_the_field(database, year):
    from db.errors import ValidationError

    seen = goal_settings(database, year.group_id, TODAY.year)
    with pytest.raises(ValidationError) as err:
        save_settings(database, seen, {"lokus_meetings": "fyra"}, own=False)
    assert "LOKUS-möten per år: skriv ett heltal" in str(err.value)


def test_next_meeting_readiness_without_optional_dates(database, year):
    coming = [m for m in year.meetings if m.day >= TODAY]
    first = min(coming, key=lambda m: m.day)
    ov = get_overview(database.read_rows, TODAY)
    (nxt,) = lines(ov, year.group_id, "next_meeting")
    assert nxt.target_id == first.id and nxt.day == first.day
    # no kallelse date was set on the meeting: the 14 days' lead time says it is late
    (late,) = lines(ov, year.group_id, "notice_late")
    assert late.urgent and late.day == first.day - timedelta(days=14)
    assert (late.target, late.target_id, late.tab) == ("meeting", first.id, "notice")
    (points,) = lines(ov, year.group_id, "points_waiting")
    assert points.number == len(year.asked_not_answered)
    assert points.name == ", ".join(year.asked_not_answered)
    assert points.day == first.day - timedelta(days=21)
    # the later competence activity is not due yet: not shown
    assert not [line for line in block(ov, year.group_id).lines if line.what == "meeting"]


def test_lead_times_are_settings_per_group(database, year):
    first = min((m for m in year.meetings if m.day >= TODAY), key=lambda m: m.day)
    seen = goal_settings(database, year.group_id, TODAY.year)
    values = {
        "lokus_meetings": "4",
        "competence_activities": "2",
        "notice_lead_days": "5",
        "points_lead_days": "21",
        "minutes_send_days": "20",
        "minutes_final_days": "30",
    }
    save_settings(database, seen, values, own=True)
    ov = get_overview(database.read_rows, TODAY)
    assert not lines(ov, year.group_id, "notice_late")
    (by,) = lines(ov, year.group_id, "notice_by")
    assert not by.urgent and by.day == first.day - timedelta(days=5)
    # minutes within 20 days: the meeting of the 10th is no longer late
    assert not lines(ov, year.group_id, "minutes_late")
    assert lines(ov, year.group_id, "minutes_write")


def test_minutes_to_send_and_to_fastställa(database, year):
    ov = get_overview(database.read_rows, TODAY)
    not_sent = [m for m in year.meetings if m.held and m.minutes == "draft"]
    over = [m for m in year.meetings if m.minutes == "in_review"]
    late = lines(ov, year.group_id, "minutes_late")
    assert [line.target_id for line in late] == [m.id for m in not_sent]
    assert all(line.other_day == line.day + timedelta(days=7) for line in late)
    finalise = lines(ov, year.group_id, "minutes_finalise")
    assert [line.target_id for line in finalise] == [m.id for m in over]
    assert all(line.tab == "review" and line.urgent for line in finalise)
    final = {m.id for m in year.meetings if m.minutes == "final"}
    shown = {line.target_id for line in block(ov, year.group_id).lines if line.target == "meeting"}
    assert shown and not final & shown


def test_overdue_actions_with_owner(database, year):
    ov = get_overview(database.read_rows, TODAY)
    (line,) = lines(ov, year.group_id, "action_late")
    text, owner, due = year.late_action
    assert (line.name, line.who, line.day) == (text, owner, due)
    assert (line.target, line.target_id) == ("actions", year.group_id)
    assert owner in line_text(line)
    assert ov.overdue_actions == 1


def test_own_groups_first_then_what_is_urgent(database, year):
    ov = get_overview(database.read_rows, TODAY)
    assert [b.group_id for b in ov.blocks] == [year.group_id, year.other_group_id]
    set_own(database, year.other_group_id, True, group_version(database, year.other_group_id))
    ov = get_overview(database.read_rows, TODAY)
    assert [b.group_id for b in ov.blocks] == [year.other_group_id, year.group_id]
    assert ov.blocks[0].own and ov.blocks[0].urgent == 0


def test_file_reader_says_the_same(database, year):
    for day in (TODAY, TODAY - timedelta(days=200), TODAY + timedelta(days=30)):
        assert read_overview_file(database.path, day) == get_overview(database.read_rows, day)


def test_the_order_agrees_with_the_blocks(database, year, demo_db):
    """Groups are ordered by one cheap query over every group; the blocks of a page say
    the same thing line by line: a group is "to do now" exactly when a line is urgent."""
    from db.overview import all_groups

    set_own(database, year.other_group_id, True, group_version(database, year.other_group_id))
    seen = set()
    for db in (database, demo_db):
        for day in (TODAY, TODAY - timedelta(days=150), TODAY + timedelta(days=45)):
            ov = get_overview(db.read_rows, day)
            blocks = all_groups(db.read_rows, day)
            assert [b.group_id for b in blocks] == [g.group_id for g in ov.order]
            assert [g.urgent for g in ov.order] == [b.urgent > 0 for b in blocks]
            seen |= {g.urgent for g in ov.order}
    assert seen == {True, False}  # both kinds were compared


def test_the_app_reader_says_what_the_database_layer_says(database, year, demo_db):
    from db.overview_reader import read_overview

    for db in (database, demo_db):
        for day in (TODAY, TODAY - timedelta(days=100)):
            assert read_overview(db, day) == get_overview(db.read_rows, day)


def group_version(database, group_id: int) -> int:
    from db.goals import goal_settings

    return goal_settings(database, group_id, TODAY.year).group_version


def test_an_insats_runs_and_ends_by_its_decisions_unless_it_has_its_own_dates(database, year):
    """An insats without dates of its own runs from its first decision's start to its
    last decision's end; its own dates win where it has them."""
    from db.initiative_changes import create_initiative
    from db.records import FundingInput, InitiativeInput

    def decision(start, end):
        return FundingInput(
            start_date=TODAY + timedelta(days=start), end_date=TODAY + timedelta(days=end)
        )

    before = get_overview(database.read_rows, TODAY).initiatives_running
    by_decisions = create_initiative(
        database,
        InitiativeInput(
            "Beslutens period",
            group_id=year.group_id,
            decisions=(decision(-300, -100), decision(-99, 40)),
        ),
    )
    own_end = create_initiative(
        database,
        InitiativeInput(
            "Eget slutdatum",
            group_id=year.group_id,
            end_date=TODAY + timedelta(days=200),
            decisions=(decision(-300, 40),),
        ),
    )
    later = create_initiative(
        database,
        InitiativeInput("Börjar senare", group_id=year.group_id, decisions=(decision(10, 40),)),
    )
    ov = get_overview(database.read_rows, TODAY)
    assert ov.initiatives_running == before + 2  # not the one that starts later
    ending = {line.target_id: line.day for line in lines(ov, year.group_id, "initiative_ending")}
    assert ending.get(by_decisions) == TODAY + timedelta(days=40)
    assert own_end not in ending and later not in ending
    assert read_overview_file(database.path, TODAY) == ov
