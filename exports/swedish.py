"""Swedish formatting of dates, times and amounts for documents and the UI."""

from datetime import UTC, date, datetime, time, tzinfo
from functools import cache


@cache
def stockholm() -> tzinfo:
    """Swedish time, for every document and screen. Loaded when first used: reading
    the zone (zoneinfo, the tz database) is not on the path to the first screen."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Stockholm")


MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def format_amount(amount: int | None) -> str:
    """1570000 -> '1 570 000 kr'."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", " ") + " kr"


def format_date_long(day: date | None, weekday: bool = False) -> str:
    """date(2021, 4, 1) -> '1 april 2021'; with weekday 'torsdag 1 april 2021'."""
    if day is None:
        return ""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def format_time(value: time | None) -> str:
    return "" if value is None else f"{value.hour:02d}.{value.minute:02d}"


def format_clock(moment: datetime) -> str:
    """A moment as Swedes read a clock, in Stockholm time: 'kl. 13.05'.

    A naive datetime is taken to be UTC (that is how the database stores times)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"kl. {format_time(moment.astimezone(stockholm()).time())}"


def format_moment(iso: str) -> str:
    """A stored ISO time ('2026-12-05T14:25:03+00:00') as '5 december 2026 kl. 15.25',
    in Stockholm time; text that is no time is returned as it is."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.astimezone()  # written as local time by an older lokus
    local = moment.astimezone(stockholm())
    return f"{format_date_long(local.date())} {format_clock(local)}"


def count_of(n: int, singular: str, plural: str) -> str:
    """'1 organisation', '3 organisationer', '0 organisationer'."""
    return f"{n} {singular if n == 1 else plural}"


def format_time_span(start: time | None, end: time | None) -> str:
    """'kl. 13.00–15.00', or 'kl. 13.00' without an end."""
    if start is None:
        return ""
    if end is None:
        return f"kl. {format_time(start)}"
    return f"kl. {format_time(start)}–{format_time(end)}"


def format_when(day: date | None, start: time | None = None, end: time | None = None) -> str:
    """'tisdag 3 mars 2026, kl. 13.00–15.00'."""
    text = format_date_long(day, weekday=True)
    span = format_time_span(start, end)
    return f"{text}, {span}" if text and span else text or span


def format_period(start: date | None, end: date | None) -> str:
    """ISO dates, as the seeds write periods: '2019-04-01–2021-03-31'."""
    if start is None and end is None:
        return ""
    return f"{start.isoformat() if start else '…'}–{end.isoformat() if end else '…'}"
