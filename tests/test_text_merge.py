"""Merges that merge: two windows on the same notes never duplicate or lose text."""

from datetime import date, time

import pytest

from db.agenda import get_agenda_item, update_agenda_item
from db.errors import ValidationError
from db.groups import group_options
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.notes import NOTES_MAX, item_notes, save_notes
from db.records import AgendaItemInput, MeetingInput
from db.text_merge import END_MARKER, MINE_MARKER, merge_fields, merge_text


def test_a_change_on_one_side_is_taken_as_it_is():
    assert merge_text("a\nb\n", "a\nB\n", "a\nb\n").text == "a\nB\n"
    assert merge_text("a\nb\n", "a\nb\n", "a\nb\nc\n").text == "a\nb\nc\n"


def test_equal_texts_merge_to_one():
    result = merge_text(
        "Mötet öppnades.", "Mötet öppnades. Alla var där.", "Mötet öppnades. Alla var där."
    )
    assert result.text == "Mötet öppnades. Alla var där." and result.conflicts == 0


def test_different_lines_from_both_windows_are_both_kept_once():
    base = "1. Öppnande\n2. Information\n3. Avslut\n"
    mine = "1. Öppnande kl. 13.00\n2. Information\n3. Avslut\n"
    theirs = "1. Öppnande\n2. Information\n3. Avslut, nästa möte i maj\n"
    result = merge_text(base, mine, theirs)
    assert result.text == "1. Öppnande kl. 13.00\n2. Information\n3. Avslut, nästa möte i maj\n"
    assert result.conflicts == 0


def test_additions_at_the_same_place_keep_both_without_markers():
    result = merge_text("Inledning.\n", "Inledning.\nMin rad.\n", "Inledning.\nDin rad.\n")
    assert result.text == "Inledning.\nDin rad.\nMin rad.\n" and result.conflicts == 0


def test_a_real_conflict_is_marked_once_and_keeps_both_versions():
    result = merge_text("Beslut: 20 %.\n", "Beslut: 25 %.\n", "Beslut: 30 %.\n")
    assert result.conflicts == 1
    assert result.text.count(MINE_MARKER) == 1 and result.text.count(END_MARKER) == 1
    assert "Beslut: 25 %." in result.text and "Beslut: 30 %." in result.text
    assert "20 %" not in result.text


def test_two_windows_alternating_twenty_times_grow_with_what_was_typed():
    stored = ""
    windows = {"A": ["", ""], "B": ["", ""]}  # [editor text, base]
    typed = 0
    for turn in range(20):
        for name, state in windows.items():
            line = f"{name}{turn}: en rad till i anteckningarna.\n"
            typed += len(line)
            state[0] += line
            result = merge_text(state[1], state[0], stored)
            stored = result.text
            state[0] = state[1] = stored  # the editor shows what was saved
    assert len(stored) == typed  # nothing doubled, nothing lost, no markers
    assert stored.count("A19:") == 1 and stored.count("B0:") == 1


def test_fields_only_i_changed_win_fields_only_they_changed_stay():
    base = {"name": "Insats", "reference": "2019:31", "purpose": "Syfte"}
    mine = {"name": "Min insats", "reference": "2019:31", "purpose": "Syfte"}
    theirs = {"name": "Insats", "reference": "2021:07", "purpose": "Syfte"}
    merged = merge_fields(base, mine, theirs)
    assert merged.values == {"name": "Min insats", "reference": "2021:07", "purpose": "Syfte"}
    assert merged.conflicts == {}


def test_a_field_both_changed_keeps_mine_and_reports_theirs():
    merged = merge_fields({"room": "Sal A"}, {"room": "Sal B"}, {"room": "Sal C"})
    assert merged.values == {"room": "Sal B"} and merged.conflicts == {"room": "Sal C"}


# --- save_notes in the database --------------------------------------------------------


@pytest.fixture
def item(demo_db):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(demo_db, MeetingInput(group, date(2027, 2, 9), start_time=time(13)))
    return demo_db, get_meeting(demo_db, mid).items[3]


def test_changing_the_title_elsewhere_is_no_notes_conflict(item):
    db, it = item
    save_notes(db, it.id, "Anteckningar\n", "")
    current = get_agenda_item(db, it.id)
    update_agenda_item(
        db,
        it.id,
        AgendaItemInput(**{**current.data.__dict__, "title": "Ny rubrik"}),
        current.version,
    )
    saved = save_notes(db, it.id, "Anteckningar\nOch mer.\n", "Anteckningar\n")
    assert (saved.text, saved.merged, saved.conflicts) == ("Anteckningar\nOch mer.\n", False, 0)
    assert get_agenda_item(db, it.id).title == "Ny rubrik"


def test_two_windows_saving_in_turn_never_duplicate(item):
    db, it = item
    bases = {"A": "", "B": ""}
    texts = {"A": "", "B": ""}
    typed = 0
    for turn in range(20):
        for name in ("A", "B"):
            line = f"{name}{turn} skriver.\n"
            typed += len(line)
            texts[name] += line
            saved = save_notes(db, it.id, texts[name], bases[name])
            texts[name] = bases[name] = saved.text
    assert len(item_notes(db, it.id)[0]) == typed


def test_a_merge_longer_than_the_limit_is_refused_and_writes_nothing(item):
    db, it = item
    half = "x" * (NOTES_MAX // 2 + 10) + "\n"
    save_notes(db, it.id, half, "")
    with pytest.raises(ValidationError) as info:
        save_notes(db, it.id, "y" * (NOTES_MAX // 2 + 10) + "\n", "")  # both kept: too long
    assert "för långa" in str(info.value) and "yyyy" not in str(info.value)
    assert item_notes(db, it.id)[0] == half
