from datetime import date, time

from exports.swedish import (
    format_amount,
    format_date_long,
    format_period,
    format_time_span,
    format_when,
)


def test_amounts():
    assert format_amount(1_570_000) == "1 570 000 kr"
    assert format_amount(316_000) == "316 000 kr"
    assert format_amount(0) == "0 kr"
    assert format_amount(999) == "999 kr"


def test_dates_and_times():
    assert format_date_long(date(2021, 4, 1)) == "1 april 2021"
    assert (
        format_when(date(2026, 3, 3), time(13), time(15)) == "tisdag 3 mars 2026, kl. 13.00–15.00"
    )
    assert format_time_span(time(9, 5), None) == "kl. 09.05"
    assert format_period(date(2019, 4, 1), date(2021, 3, 31)) == "2019-04-01–2021-03-31"
