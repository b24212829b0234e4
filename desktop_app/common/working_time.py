"""Working time: office hours and days off, due dates of a step's waktu, and lateness.

All datetimes are naive, in the office's local time. The rules (see `WorkingCalendar.add`):

- A start outside office hours is moved to the next office moment: before the opening of a
  working day to that opening; after closing, or on a day off, to the next working day's opening.
- "menit" and "jam" count office time only: when a day closes, counting continues at the next
  working day's opening. A due time that falls exactly on a closing stays on that closing.
- "N hari" is due at the same clock time N working days later (clamped to that day's closing
  if the day is shorter). A task started at the opening (or before it, or outside office hours)
  gets whole days: "1 hari" is due at the closing of that same first working day.
- "minggu" is 5 working days, "bulan" 22 working days, then as "hari".
- A fraction of a day ("1,5 hari") adds that fraction of the average working day in office time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice

import holidays as holidays_package

from desktop_app.common.waktu import Waktu

WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WORKING_DAYS_PER_WEEK = 5
WORKING_DAYS_PER_MONTH = 22
_DAY_UNITS = {"hari": 1, "minggu": WORKING_DAYS_PER_WEEK, "bulan": WORKING_DAYS_PER_MONTH}
_MINUTE_UNITS = {"menit": 1, "jam": 60}


@dataclass(frozen=True)
class OfficeHours:
    """When the office works: weekdays (date.weekday(), Monday = 0), opening time, and the
    hours worked on each weekday (`hours[weekday]`, only read for working weekdays)."""

    weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(7, 30)
    hours: tuple[float, ...] = (7.5,) * 7

    @classmethod
    def default(cls) -> OfficeHours:
        """Monday to Friday from 07.30, 7.5 hours a day: 37.5 hours a week (Perpres 21/2023)."""
        return cls()

    def minutes_on(self, weekday: int) -> int:
        """Office minutes of a weekday; 0 when the office does not work that weekday."""
        return round(self.hours[weekday] * 60) if weekday in self.weekdays else 0

    @property
    def weekly_hours(self) -> float:
        return sum(self.minutes_on(day) for day in range(7)) / 60

    @property
    def average_day_minutes(self) -> float:
        return sum(self.minutes_on(day) for day in self.weekdays) / len(self.weekdays)


class WorkingCalendar:
    """Office hours minus days off (`holidays`: national holidays, cuti bersama, the office's
    own days off). Only the years present in `holidays` are known; load the years you need."""

    def __init__(self, hours: OfficeHours, holidays: Mapping[date, str] | None = None):
        if not any(hours.minutes_on(day) > 0 for day in range(7)):
            raise ValueError("jam kerja harus memuat sedikitnya satu hari kerja")
        self.hours = hours
        self.holidays: dict[date, str] = dict(holidays or {})
        # running totals per day from `_epoch` (working minutes, working days), so lateness
        # over years costs as much as lateness over a day
        self._epoch: date | None = None
        self._minutes_before: list[int] = [0]
        self._days_before: list[int] = [0]

    # --- days -------------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        return self.hours.minutes_on(d.weekday()) > 0 and d not in self.holidays

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        d += timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def opening(self, d: date) -> datetime:
        return datetime.combine(d, self.hours.start)

    def closing(self, d: date) -> datetime:
        return self.opening(d) + timedelta(minutes=self.hours.minutes_on(d.weekday()))

    def office_moment(self, t: datetime) -> datetime:
        """`t` itself when the office is open, else the office's next opening."""
        d = t.date()
        if self.is_working_day(d):
            if t < self.opening(d):
                return self.opening(d)
            if t < self.closing(d):
                return t
        return self.opening(self.next_working_day(d))

    # --- due dates --------------------------------------------------------------------------

    def add(self, start: datetime, waktu: Waktu) -> datetime:
        """The due moment of a task of `waktu` started at `start` (rules: module docstring)."""
        if waktu.unit in _MINUTE_UNITS:
            return self.add_office_time(start, timedelta(minutes=waktu.amount
                                                         * _MINUTE_UNITS[waktu.unit]))
        if waktu.unit in _DAY_UNITS:
            return self.add_working_days(start, waktu.amount * _DAY_UNITS[waktu.unit])
        raise ValueError(f'satuan waktu "{waktu.unit}" tidak dikenal')

    def add_office_time(self, start: datetime, duration: timedelta) -> datetime:
        """`start` plus `duration` of office time (rounded to whole seconds)."""
        remaining = timedelta(seconds=round(duration.total_seconds()))
        t = self.office_moment(start)
        while True:
            left = self.closing(t.date()) - t
            if remaining <= left:
                return t + remaining
            remaining -= left
            t = self.opening(self.next_working_day(t.date()))

    def add_working_days(self, start: datetime, days: float) -> datetime:
        whole = int(days)
        fraction = days - whole
        t = self.office_moment(start)
        if whole:
            t = next(islice(self._day_marks(t), whole - 1, None))
        if fraction > 1e-9:
            t = self.add_office_time(t, timedelta(minutes=fraction
                                                  * self.hours.average_day_minutes))
        return t

    def _day_marks(self, t: datetime) -> Iterator[datetime]:
        """The due moments of 1, 2, 3, ... working days from the office moment `t`."""
        d = t.date()
        full_days = t == self.opening(d)
        if full_days:
            yield self.closing(d)
        while True:
            d = self.next_working_day(d)
            if full_days:
                yield self.closing(d)
            else:
                yield min(datetime.combine(d, t.time()), self.closing(d))

    # --- lateness ---------------------------------------------------------------------------

    def working_minutes_between(self, a: datetime, b: datetime) -> int:
        """Whole office minutes from `a` to `b`; negative when `b` is before `a`."""
        if b < a:
            return -self.working_minutes_between(b, a)
        first, last = a.date(), b.date()
        seconds = self._overlap_seconds(first, a, b)
        if last > first:
            seconds += self._overlap_seconds(last, a, b)
            seconds += 60 * self._whole_day_totals(first + timedelta(days=1),
                                                   last - timedelta(days=1))[0]
        return int(seconds // 60)

    def _overlap_seconds(self, d: date, a: datetime, b: datetime) -> float:
        if not self.is_working_day(d):
            return 0.0
        return max((min(b, self.closing(d)) - max(a, self.opening(d))).total_seconds(), 0.0)

    def _whole_day_totals(self, first: date, last: date) -> tuple[int, int]:
        """(office minutes, working days) of the whole days from `first` to `last` inclusive."""
        if last < first:
            return 0, 0
        self._cover(first, last)
        i, j = (first - self._epoch).days, (last - self._epoch).days + 1
        return (self._minutes_before[j] - self._minutes_before[i],
                self._days_before[j] - self._days_before[i])

    def _cover(self, first: date, last: date) -> None:
        if self._epoch is None or first < self._epoch:
            self._epoch = first - timedelta(days=366)
            self._minutes_before, self._days_before = [0], [0]
        d = self._epoch + timedelta(days=len(self._minutes_before) - 1)
        while d <= last:
            working = self.is_working_day(d)
            self._minutes_before.append(self._minutes_before[-1]
                                        + (self.hours.minutes_on(d.weekday()) if working else 0))
            self._days_before.append(self._days_before[-1] + working)
            d += timedelta(days=1)

    def working_days_between(self, a: datetime, b: datetime) -> int:
        """How many whole working days (by the "hari" rule) fit from `a` to `b`; 0 if b <= a.

        Counts the due moments of `_day_marks` up to `b` without walking them: every mark on a
        day before `b`'s day is before `b`, so only the last day needs a look."""
        if b <= a:
            return 0
        t = self.office_moment(a)
        d, last = t.date(), b.date()
        if last < d:
            return 0
        if t == self.opening(d):  # whole days: the closings of d and the working days after
            count = self._whole_day_totals(d, last - timedelta(days=1))[1]
            mark = self.closing(last)
        else:  # the same clock time (clamped to the closing) on the working days after d
            if last == d:
                return 0
            count = self._whole_day_totals(d + timedelta(days=1), last - timedelta(days=1))[1]
            mark = min(datetime.combine(last, t.time()), self.closing(last))
        return count + (self.is_working_day(last) and mark <= b)

    def lateness_text(self, due: datetime, now: datetime) -> str:
        """How late `now` is for `due`, in the largest whole unit: "terlambat 2 hari kerja",
        "terlambat 3 jam", "terlambat 45 menit"; "" when `now` is not past `due` in office
        time (a weekend after a Friday due date is not late)."""
        minutes = self.working_minutes_between(due, now)
        if minutes <= 0:
            return ""
        days = self.working_days_between(due, now)
        if days:
            return f"terlambat {days} hari kerja"
        if minutes >= 60:
            return f"terlambat {minutes // 60} jam"
        return f"terlambat {minutes} menit"


def national_holidays(years: int | Iterable[int]) -> dict[date, str]:
    """National holidays and cuti bersama of the years, named in Indonesian, sorted by date.
    Dates of lunar holidays in years not yet decreed end in "(perkiraan)"."""
    wanted = (years,) if isinstance(years, int) else tuple(sorted(set(years)))
    return dict(_national_holidays(wanted))


@lru_cache(maxsize=32)
def _national_holidays(years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    found = holidays_package.country_holidays(
        "ID", years=years, categories=("public", "government"), language="id")
    return tuple(sorted(found.items()))


def is_cuti_bersama(name: str) -> bool:
    return name.startswith("Cuti Bersama")
