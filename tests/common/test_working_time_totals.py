"""Lateness from running totals equals lateness counted day by day, over days and over years."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.common.working_time import OfficeHours, WorkingCalendar, national_holidays

CALENDARS = (
    WorkingCalendar(OfficeHours.default(), national_holidays(range(2024, 2031))),
    WorkingCalendar(OfficeHours((0, 1, 2, 3, 4, 5), time(8, 0), (8, 8, 8, 8, 6.5, 5, 0)),
                    {date(2026, 8, 17): "HUT RI", date(2026, 12, 25): "Natal"}),
)
moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2029, 12, 31))


def minutes_day_by_day(cal: WorkingCalendar, a: datetime, b: datetime) -> int:
    if b < a:
        return -minutes_day_by_day(cal, b, a)
    seconds, d = 0.0, a.date()
    while d <= b.date():
        if cal.is_working_day(d):
            seconds += max((min(b, cal.closing(d)) - max(a, cal.opening(d))).total_seconds(), 0)
        d += timedelta(days=1)
    return int(seconds // 60)


def days_mark_by_mark(cal: WorkingCalendar, a: datetime, b: datetime) -> int:
    if b <= a:
        return 0
    for count, mark in enumerate(cal._day_marks(cal.office_moment(a))):
        if mark > b:
            return count
    return 0  # pragma: no cover - the marks never end


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CALENDARS), moments, moments | st.just(None),
       st.integers(0, 600))
def test_totals_match_the_day_by_day_count(cal, a, b, minutes):
    b = b or a + timedelta(minutes=minutes)  # near moments too, the same day or the next
    assert cal.working_minutes_between(a, b) == minutes_day_by_day(cal, a, b)
    assert cal.working_days_between(a, b) == days_mark_by_mark(cal, a, b)


def test_an_opening_start_counts_whole_days():
    cal = CALENDARS[0]
    monday = datetime(2026, 11, 23, 7, 30)
    assert cal.working_days_between(monday, datetime(2026, 11, 23, 15, 0)) == 1
    assert cal.working_days_between(monday, datetime(2026, 11, 27, 15, 0)) == 5
    assert cal.working_days_between(monday, datetime(2026, 11, 27, 14, 59)) == 4
