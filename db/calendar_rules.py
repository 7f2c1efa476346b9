"""Pure date rules: Swedish public holidays, the year planner, agenda clock times."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def swedish_holidays(year: int) -> dict[date, str]:
    """Public holidays and the de facto holidays (aftnar) when offices are closed."""
    easter = easter_sunday(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    all_saints = next(
        date(year, 10, 31) + timedelta(days=n)
        for n in range(7)
        if (date(year, 10, 31) + timedelta(days=n)).weekday() == 5
    )
    days = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        easter - timedelta(days=2): "långfredagen",
        easter: "påskdagen",
        easter + timedelta(days=1): "annandag påsk",
        date(year, 5, 1): "första maj",
        easter + timedelta(days=39): "Kristi himmelsfärds dag",
        easter + timedelta(days=49): "pingstdagen",
        date(year, 6, 6): "Sveriges nationaldag",
        midsummer_eve: "midsommarafton",
        midsummer_eve + timedelta(days=1): "midsommardagen",
        all_saints: "alla helgons dag",
        date(year, 12, 24): "julafton",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
        date(year, 12, 31): "nyårsafton",
    }
    return days


def is_holiday(day: date) -> bool:
    return day in swedish_holidays(day.year)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n:th (1-based) given weekday (0 = Monday) of a month."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


@dataclass(frozen=True)
class PlannedDay:
    """One meeting of the year planner: the day it got, the day the rule gave and why
    it moved (``day`` None: no working day near it in the year)."""

    day: date | None
    wanted: date
    reason: str = ""


def _why_not(day: date, year: int) -> str:
    if day.year != year:
        return "ett annat år"
    holiday = swedish_holidays(day.year).get(day)
    if holiday:
        return holiday
    if day.month == 7:
        return "juli"
    if day.weekday() >= 5:
        return "helg"
    return ""


def plan_year_days(
    year: int,
    count: int = 4,
    weekday: int = 1,
    first_month: int = 2,
    interval_months: int = 3,
    week_of_month: int = 2,
) -> list[PlannedDay]:
    """Meeting days for a year: e.g. four meetings, on the second Tuesday, roughly
    every third month from February; never in July, never on a holiday or weekend.
    A day that is not possible moves by a week, within its month when it can (the
    week before midsummer rather than six weeks later), and says why; a meeting with
    no possible day near it is kept with ``day`` None, never dropped unsaid."""
    planned: list[PlannedDay] = []
    last: date | None = None
    for i in range(count):
        month = first_month + round(i * interval_months)
        if month > 12:  # the rule runs into next year: said, not planned
            later = nth_weekday(year + (month - 1) // 12, (month - 1) % 12 + 1, weekday, 1)
            planned.append(PlannedDay(None, later, "nästa år"))
            continue
        if month == 7:
            month = 8
        wanted = nth_weekday(year, month, weekday, week_of_month)
        if wanted.month != month:  # a fifth week the month does not have
            wanted -= timedelta(days=7)
        options = [
            wanted + timedelta(days=7 * k)
            for k in (0, -1, 1, -2, 2, -3, 3)
            if not _why_not(wanted + timedelta(days=7 * k), year)
            and (last is None or wanted + timedelta(days=7 * k) > last)
        ]
        options.sort(key=lambda d: (d.month != wanted.month, abs((d - wanted).days)))
        reason = _why_not(wanted, year) or (
            "efter föregående möte" if last is not None and wanted <= last else ""
        )
        day = options[0] if options else None
        planned.append(PlannedDay(day, wanted, reason if day != wanted else ""))
        if day is not None:
            last = day
    return planned


def plan_year(
    year: int,
    count: int = 4,
    weekday: int = 1,
    first_month: int = 2,
    interval_months: int = 3,
    week_of_month: int = 2,
) -> list[date]:
    """The days of ``plan_year_days`` that could be planned."""
    days = plan_year_days(year, count, weekday, first_month, interval_months, week_of_month)
    return [p.day for p in days if p.day is not None]


def clock_times(start: time | None, minutes: list[int]) -> list[tuple[time, time]] | None:
    """Start and end of each agenda item, counted from the meeting's start."""
    if start is None:
        return None
    current = datetime.combine(date(2000, 1, 1), start)
    out = []
    for m in minutes:
        end = current + timedelta(minutes=max(0, m or 0))
        out.append((current.time(), end.time()))
        current = end
    return out


def overrun_minutes(start: time | None, end: time | None, minutes: list[int]) -> int:
    """How many minutes the agenda runs past the meeting's end (0 if it fits)."""
    if start is None or end is None:
        return 0
    span = (
        datetime.combine(date(2000, 1, 1), end) - datetime.combine(date(2000, 1, 1), start)
    ).total_seconds() / 60
    return max(0, int(sum(max(0, m or 0) for m in minutes) - span))
