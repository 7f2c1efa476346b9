"""Counts and clock times read as Swedish: '1 organisation', 'kl. 13.05' in Stockholm time."""

from datetime import UTC, datetime, timedelta, timezone

from exports.swedish import count_of, format_clock


def test_one_is_singular_and_every_other_count_plural():
    assert count_of(1, "organisation", "organisationer") == "1 organisation"
    assert count_of(0, "organisation", "organisationer") == "0 organisationer"
    assert count_of(2, "åtgärd", "åtgärder") == "2 åtgärder"


def test_clock_times_are_stockholm_time_in_one_style():
    # 12.05 UTC is 13.05 in Stockholm in winter and 14.05 in summer
    assert format_clock(datetime(2026, 12, 5, 12, 5, tzinfo=UTC)) == "kl. 13.05"
    assert format_clock(datetime(2026, 7, 1, 12, 5, tzinfo=UTC)) == "kl. 14.05"
    # the database's naive times are UTC
    assert format_clock(datetime(2026, 12, 5, 12, 5)) == "kl. 13.05"
    # a time given in another offset is shown in Stockholm time
    tokyo = timezone(timedelta(hours=9))
    assert format_clock(datetime(2026, 12, 5, 21, 5, tzinfo=tokyo)) == "kl. 13.05"


def test_a_stored_moment_reads_as_a_swedish_date_and_clock_time():
    from exports.swedish import format_moment

    assert format_moment("2026-12-05T14:25:03+00:00") == "5 december 2026 kl. 15.25"
    assert format_moment("2026-07-01T08:00:00+02:00") == "1 juli 2026 kl. 08.00"
    assert format_moment("inte en tid") == "inte en tid"
