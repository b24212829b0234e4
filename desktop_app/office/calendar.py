"""The office's working calendar: its hours (office settings) and its own days off or days
worked, on top of the national holidays and cuti bersama."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from db import models as m
from db.database import transaction
from desktop_app.common.dates import tanggal
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.common.numbers import angka
from desktop_app.common.working_time import (
    WEEKDAY_NAMES,
    OfficeHours,
    WorkingCalendar,
    is_cuti_bersama,
    national_holidays,
)
from desktop_app.office.permissions import OP, check
from desktop_app.office.settings import DEFAULTS, get_setting, set_settings

log = logging.getLogger(__name__)

KINDS = ("libur", "masuk")
MIN_DAY_HOURS = 1.0
MAX_DAY_HOURS = 12.0


@dataclass(frozen=True)
class OfficeDay:
    """One of the office's own days: "libur" (extra day off) or "masuk" (works a holiday)."""

    date: date
    name: str
    kind: str


@dataclass(frozen=True)
class CalendarDay:
    """A row of a year's calendar: a national day ("nasional", "cuti_bersama") or an office
    day ("libur", "masuk"). `works` says whether the office works that day."""

    date: date
    name: str
    kind: str
    works: bool

    @property
    def is_office_day(self) -> bool:
        return self.kind in KINDS


# --- the calendar ------------------------------------------------------------------------------

def office_calendar(years: Iterable[int]) -> WorkingCalendar:
    """The office's calendar for the years: national holidays and cuti bersama, plus the
    office's "libur" days, minus its "masuk" days, with the office hours from the settings."""
    wanted = set(years)
    days_off = national_holidays(wanted)
    for day in _office_days(wanted):
        if day.kind == "masuk":
            days_off.pop(day.date, None)
        else:
            days_off[day.date] = day.name
    return WorkingCalendar(load_office_hours(), days_off)


def year_days(year: int) -> list[CalendarDay]:
    """The year's national holidays, cuti bersama and office days, by date (national first)."""
    office = _office_days({year})
    worked = {day.date for day in office if day.kind == "masuk"}
    rows = [CalendarDay(d, name, "cuti_bersama" if is_cuti_bersama(name) else "nasional",
                        d in worked)
            for d, name in national_holidays(year).items()]
    rows += [CalendarDay(day.date, day.name, day.kind, day.kind == "masuk") for day in office]
    return sorted(rows, key=lambda row: (row.date, row.is_office_day))


def list_office_days(year: int) -> list[OfficeDay]:
    return _office_days({year})


def _office_days(years: set[int]) -> list[OfficeDay]:
    rows = m.OfficeHoliday.select().order_by(m.OfficeHoliday.date)
    return [OfficeDay(row.date, row.name, row.kind) for row in rows if row.date.year in years]


def add_office_day(d: date, name: str, kind: str, *,
                   actor=None) -> OfficeDay:
    """Add an extra day off ("libur") or a national holiday the office works ("masuk").
    `actor`: the logged-in person (an admin; see office.permissions)."""
    check(actor, OP.EDIT_CALENDAR)
    name = " ".join((name or "").split())
    problems = []
    if kind not in KINDS:
        problems.append(f'Jenis hari "{kind}" tidak dikenal; pilih libur atau masuk.')
    if not name:
        problems.append(f"Isi keterangan untuk {tanggal(d)}, misalnya \"Hari jadi kabupaten\".")
    national = national_holidays(d.year).get(d)
    if kind == "masuk" and national is None:
        problems.append(f"{tanggal(d)} bukan hari libur nasional atau cuti bersama, "
                        "jadi kantor memang masuk pada hari itu.")
    if kind == "libur" and national is not None:
        problems.append(f"{tanggal(d)} sudah libur nasional ({national}).")
    with transaction():
        existing = m.OfficeHoliday.get_or_none(m.OfficeHoliday.date == d)
        if existing is not None:
            problems.insert(0, f"{tanggal(d)} sudah ada dalam daftar kantor "
                               f"({existing.name}); hapus dulu bila ingin mengubahnya.")
        if problems:
            raise InvalidInput(problems)
        m.OfficeHoliday.create(date=d, name=name, kind=kind)
    return OfficeDay(d, name, kind)


def remove_office_day(d: date, *, actor=None) -> None:
    check(actor, OP.EDIT_CALENDAR)
    with transaction():
        deleted = m.OfficeHoliday.delete().where(m.OfficeHoliday.date == d).execute()
    if not deleted:
        raise NotFound(f"{tanggal(d)} tidak ada dalam daftar hari kantor.")


# --- office hours ------------------------------------------------------------------------------

def load_office_hours() -> OfficeHours:
    """The office hours from the settings; a damaged value falls back to its default."""
    default = OfficeHours.default()
    try:
        start = _parse_time(get_setting("jam_mulai"))
    except ValueError:
        log.warning("bad jam_mulai %r; using the default", get_setting("jam_mulai"))
        start = default.start
    try:
        weekdays = tuple(sorted({int(n) - 1 for n in get_setting("hari_kerja").split(",")}))
        if not weekdays or not all(0 <= day <= 6 for day in weekdays):
            raise ValueError("no weekday")
    except ValueError:
        log.warning("bad hari_kerja %r; using the default", get_setting("hari_kerja"))
        weekdays = default.weekdays
    try:
        values = [float(v) for v in get_setting("jam_per_hari").split(",")]
        if len(values) == 1:
            values *= len(weekdays)
        if len(values) != len(weekdays):
            raise ValueError("one value per working day")
    except ValueError:
        log.warning("bad jam_per_hari %r; using the default", get_setting("jam_per_hari"))
        values = [float(DEFAULTS["jam_per_hari"])] * len(weekdays)
    hours = list(default.hours)
    for day, value in zip(weekdays, values, strict=True):
        hours[day] = value
    return OfficeHours(weekdays, start, tuple(hours))


def office_hours_problems(hours: OfficeHours) -> list[str]:
    """What is wrong with office hours, in Indonesian; [] when they can be saved."""
    problems = []
    if not hours.weekdays:
        problems.append("Pilih sedikitnya satu hari kerja.")
    if not all(0 <= day <= 6 for day in hours.weekdays) or len(hours.hours) != 7:
        problems.append("Hari kerja tidak dikenal.")
        return problems
    start_minutes = hours.start.hour * 60 + hours.start.minute
    for day in hours.weekdays:
        value = hours.hours[day]
        if not MIN_DAY_HOURS <= value <= MAX_DAY_HOURS:
            problems.append(f"Jam kerja hari {WEEKDAY_NAMES[day]} harus antara "
                            f"{_number(MIN_DAY_HOURS)} dan {_number(MAX_DAY_HOURS)} jam "
                            f"(tertulis {_number(value)} jam).")
        elif start_minutes + round(value * 60) > 24 * 60:
            problems.append(f"Jam kerja hari {WEEKDAY_NAMES[day]} berakhir lewat tengah malam; "
                            "majukan jam mulai atau kurangi jam kerjanya.")
    return problems


def save_office_hours(hours: OfficeHours, *, actor=None) -> None:
    check(actor, OP.EDIT_CALENDAR)
    problems = office_hours_problems(hours)
    if problems:
        raise InvalidInput(problems)
    weekdays = sorted(set(hours.weekdays))
    values = [hours.hours[day] for day in weekdays]
    per_day = [f"{v:g}" for v in values]  # stored as plain numbers
    set_settings({
        "jam_mulai": hours.start.strftime("%H:%M"),
        "hari_kerja": ",".join(str(day + 1) for day in weekdays),
        "jam_per_hari": per_day[0] if len(set(values)) == 1 else ",".join(per_day),
    })


def _parse_time(text: str) -> time:
    hour, minute = text.strip().split(":")
    return time(int(hour), int(minute))


def _number(value: float) -> str:
    return angka(value, 6)
