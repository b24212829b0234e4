"""Due dates in working time: office hours, weekends, national holidays and cuti bersama
(2026: Nyepi 18-19 March, Idul Fitri 20-24 March), the office's own days, lateness."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from db import models as m
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.common.waktu import Waktu, parse_waktu
from desktop_app.common.working_time import (
    OfficeHours,
    WorkingCalendar,
    national_holidays,
)
from desktop_app.office.calendar import (
    OfficeDay,
    add_office_day,
    list_office_days,
    load_office_hours,
    office_calendar,
    remove_office_day,
    save_office_hours,
    year_days,
)
from desktop_app.office.settings import get_setting


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(OfficeHours.default(), national_holidays([2026]))


def due(calendar: WorkingCalendar, start: datetime, waktu: str) -> datetime:
    return calendar.add(start, parse_waktu(waktu))


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute)


# --- the calendar itself ---------------------------------------------------------------------

def test_2026_has_17_national_holidays_and_8_cuti_bersama():
    days = national_holidays(2026)
    cuti = [d for d, name in days.items() if name.startswith("Cuti Bersama")]
    assert len(days) == 25 and len(cuti) == 8
    assert days[date(2026, 3, 19)] == "Hari Suci Nyepi"
    assert {date(2026, 3, 18), date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24)} <= set(cuti)


def test_default_office_hours_are_37_5_hours_a_week():
    hours = OfficeHours.default()
    assert hours.weekdays == (0, 1, 2, 3, 4) and hours.start == time(7, 30)
    assert hours.weekly_hours == 37.5


def test_working_days(cal):
    assert cal.is_working_day(date(2026, 3, 17))  # Tuesday
    assert not cal.is_working_day(date(2026, 3, 14))  # Saturday
    assert not cal.is_working_day(date(2026, 3, 18))  # cuti bersama Nyepi
    assert not cal.is_working_day(date(2026, 3, 24))  # cuti bersama Idul Fitri
    assert cal.next_working_day(date(2026, 3, 17)) == date(2026, 3, 25)


# --- hari, minggu, bulan -----------------------------------------------------------------------

def test_days_are_due_at_the_same_clock_time(cal):
    assert due(cal, at(9, 10), "1 hari") == at(10, 10)
    assert due(cal, at(9, 10), "2 hari") == at(11, 10)


def test_days_skip_the_weekend(cal):
    assert due(cal, at(6, 14), "1 hari") == at(9, 14)  # Friday -> Monday
    assert due(cal, at(5, 9), "3 hari") == at(10, 9)  # Thursday -> Tuesday


def test_days_skip_nyepi_and_idul_fitri_2026(cal):
    # Tue 17 March; 18-24 March are holidays, cuti bersama and a weekend: 25, 26, 27 count.
    assert due(cal, at(17, 10), "1 hari") == at(25, 10)
    assert due(cal, at(17, 10), "3 hari") == at(27, 10)
    assert due(cal, at(16, 10), "3 hari") == at(26, 10)


def test_day_started_at_or_before_opening_is_due_at_the_close_of_that_day(cal):
    assert due(cal, at(9, 7, 30), "1 hari") == at(9, 15)
    assert due(cal, at(9, 6), "1 hari") == at(9, 15)
    assert due(cal, at(9, 6), "2 hari") == at(10, 15)


def test_day_started_after_hours_counts_from_the_next_working_day(cal):
    assert due(cal, at(6, 16), "1 hari") == at(9, 15)  # Friday evening -> Monday close
    assert due(cal, at(7, 10), "2 hari") == at(10, 15)  # Saturday -> Tuesday close
    assert due(cal, at(17, 18), "1 hari") == at(25, 15)  # before Nyepi -> after Lebaran


def test_week_is_5_working_days_and_month_22(cal):
    assert due(cal, at(9, 10), "1 minggu") == at(16, 10)
    assert due(cal, at(16, 10), "1 minggu") == at(30, 10)  # 17, 25, 26, 27, 30
    assert due(cal, at(2, 10), "2 minggu") == at(16, 10)
    # From Mon 5 January: 22 working days, Friday 16 January (Isra Mikraj) is a holiday.
    assert due(cal, datetime(2026, 1, 5, 10), "1 bulan") == datetime(2026, 2, 5, 10)
    plain = WorkingCalendar(OfficeHours.default())
    assert due(plain, datetime(2026, 1, 5, 10), "1 bulan") == datetime(2026, 2, 4, 10)


# --- jam and menit -----------------------------------------------------------------------------

def test_hours_within_a_day(cal):
    assert due(cal, at(9, 8), "2 jam") == at(9, 10)
    assert due(cal, at(9, 13), "2 jam") == at(9, 15)  # ends exactly at closing: stays there


def test_hours_and_minutes_continue_on_the_next_working_day(cal):
    assert due(cal, at(9, 14), "1,5 jam") == at(10, 8)
    assert due(cal, at(9, 14, 50), "20 menit") == at(10, 7, 40)
    assert due(cal, at(6, 14), "2 jam") == at(9, 8, 30)  # Friday -> Monday
    assert due(cal, at(17, 14), "2 jam") == at(25, 8, 30)  # across Nyepi and Idul Fitri
    assert due(cal, at(9, 10), "8 jam") == at(10, 10, 30)


def test_start_before_or_after_office_hours(cal):
    assert due(cal, at(9, 6), "30 menit") == at(9, 8)
    assert due(cal, at(9, 15), "30 menit") == at(10, 8)  # at closing
    assert due(cal, at(9, 18), "30 menit") == at(10, 8)
    assert due(cal, at(8, 12), "1 jam") == at(9, 8, 30)  # Sunday


def test_fractional_amounts(cal):
    assert due(cal, at(9, 10), "0,5 hari") == at(9, 13, 45)
    assert due(cal, at(9, 7, 30), "1,5 hari") == at(10, 11, 15)
    assert due(cal, at(9, 10), "0,5 minggu") == at(11, 13, 45)  # 2.5 days
    assert due(cal, at(9, 10), "2,5 menit") == at(9, 10, 2) + timedelta(seconds=30)
    assert cal.add(at(9, 10), Waktu(0.25, "jam")) == at(9, 10, 15)


def test_custom_office_hours_shorter_friday():
    hours = OfficeHours(start=time(8), hours=(8, 8, 8, 8, 5.5, 0, 0))
    cal = WorkingCalendar(hours)
    assert hours.weekly_hours == 37.5
    assert cal.closing(date(2026, 3, 13)) == at(13, 13, 30)
    assert due(cal, at(12, 14), "1 hari") == at(13, 13, 30)  # clamped to Friday's close
    assert due(cal, at(13, 13), "1 jam") == at(16, 8, 30)


def test_six_day_week():
    cal = WorkingCalendar(OfficeHours(weekdays=(0, 1, 2, 3, 4, 5)))
    assert due(cal, at(13, 10), "1 hari") == at(14, 10)


def test_calendar_needs_a_working_day():
    with pytest.raises(ValueError):
        WorkingCalendar(OfficeHours(weekdays=()))


# --- lateness ------------------------------------------------------------------------------------

def test_working_minutes_between(cal):
    assert cal.working_minutes_between(at(9, 10), at(9, 11)) == 60
    assert cal.working_minutes_between(at(6, 14), at(9, 8, 30)) == 120
    assert cal.working_minutes_between(at(9, 8, 30), at(6, 14)) == -120
    assert cal.working_minutes_between(at(6, 16), at(8, 23)) == 0
    assert cal.working_minutes_between(at(17, 10), at(25, 10)) == 450


def test_lateness_text(cal):
    assert cal.lateness_text(at(9, 10), at(9, 9)) == ""
    assert cal.lateness_text(at(9, 10), at(9, 10)) == ""
    assert cal.lateness_text(at(9, 10), at(9, 10, 45)) == "terlambat 45 menit"
    assert cal.lateness_text(at(9, 10), at(9, 13, 30)) == "terlambat 3 jam"
    assert cal.lateness_text(at(9, 10), at(10, 9, 59)) == "terlambat 7 jam"
    assert cal.lateness_text(at(9, 10), at(10, 10)) == "terlambat 1 hari kerja"
    assert cal.lateness_text(at(9, 10), at(11, 12)) == "terlambat 2 hari kerja"
    assert cal.lateness_text(at(17, 10), at(26, 10)) == "terlambat 2 hari kerja"


def test_no_lateness_over_a_weekend(cal):
    assert cal.lateness_text(at(6, 15), at(8, 12)) == ""
    assert cal.lateness_text(at(6, 15), at(9, 7, 50)) == "terlambat 20 menit"


# --- the office's calendar (settings and its own days) -----------------------------------------

def test_office_calendar_defaults(workspace):
    cal = office_calendar([2026])
    assert cal.hours == OfficeHours.default()
    assert due(cal, at(17, 10), "3 hari") == at(27, 10)


def test_office_day_off_moves_due_dates(workspace):
    add_office_day(date(2026, 3, 11), " Hari jadi  kabupaten ", "libur")
    assert list_office_days(2026) == [OfficeDay(date(2026, 3, 11), "Hari jadi kabupaten", "libur")]
    assert list_office_days(2027) == []
    cal = office_calendar(range(2026, 2028))
    assert not cal.is_working_day(date(2026, 3, 11))
    assert due(cal, at(10, 10), "1 hari") == at(12, 10)


def test_office_works_a_cuti_bersama(workspace):
    add_office_day(date(2026, 3, 18), "Pelayanan tetap buka", "masuk")
    cal = office_calendar([2026])
    assert cal.is_working_day(date(2026, 3, 18))
    assert due(cal, at(17, 10), "1 hari") == at(18, 10)
    assert due(cal, at(17, 10), "3 hari") == at(26, 10)  # 18, 25, 26
    rows = {(r.date, r.kind): r for r in year_days(2026)}
    assert rows[(date(2026, 3, 18), "cuti_bersama")].works
    assert rows[(date(2026, 3, 18), "masuk")].works
    assert not rows[(date(2026, 3, 19), "nasional")].works


def test_removing_an_office_day(workspace):
    add_office_day(date(2026, 3, 11), "Hari jadi kabupaten", "libur")
    remove_office_day(date(2026, 3, 11))
    assert list_office_days(2026) == []
    assert office_calendar([2026]).is_working_day(date(2026, 3, 11))
    with pytest.raises(NotFound, match="tidak ada"):
        remove_office_day(date(2026, 3, 11))


def test_office_day_rules(workspace):
    add_office_day(date(2026, 3, 11), "Hari jadi kabupaten", "libur")
    with pytest.raises(InvalidInput, match="sudah ada dalam daftar kantor"):
        add_office_day(date(2026, 3, 11), "Lagi", "libur")
    with pytest.raises(InvalidInput, match="Isi keterangan"):
        add_office_day(date(2026, 3, 12), "   ", "libur")
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        add_office_day(date(2026, 3, 12), "Rapat", "setengah")
    with pytest.raises(InvalidInput, match="bukan hari libur nasional"):
        add_office_day(date(2026, 3, 12), "Masuk", "masuk")
    with pytest.raises(InvalidInput, match="sudah libur nasional"):
        add_office_day(date(2026, 3, 19), "Nyepi", "libur")
    assert m.OfficeHoliday.select().count() == 1


def test_office_hours_are_saved_in_the_settings(workspace):
    assert load_office_hours() == OfficeHours.default()
    short_friday = OfficeHours(start=time(8), hours=(8, 8, 8, 8, 5.5, 7.5, 7.5))
    save_office_hours(short_friday)
    assert (get_setting("jam_mulai"), get_setting("hari_kerja"),
            get_setting("jam_per_hari")) == ("08:00", "1,2,3,4,5", "8,8,8,8,5.5")
    assert load_office_hours() == short_friday
    six_days = OfficeHours(weekdays=(0, 1, 2, 3, 4, 5), hours=(6.25,) * 6 + (7.5,))
    save_office_hours(six_days)
    assert get_setting("jam_per_hari") == "6.25"
    assert load_office_hours() == six_days
    assert office_calendar([2026]).hours == six_days


def test_office_hours_rules(workspace):
    with pytest.raises(InvalidInput, match="sedikitnya satu hari kerja"):
        save_office_hours(OfficeHours(weekdays=()))
    with pytest.raises(InvalidInput, match="Jam kerja hari Jumat harus antara 1 dan 12 jam"):
        save_office_hours(OfficeHours(hours=(7.5, 7.5, 7.5, 7.5, 13, 0, 0)))
    with pytest.raises(InvalidInput, match="lewat tengah malam"):
        save_office_hours(OfficeHours(start=time(20)))
    assert load_office_hours() == OfficeHours.default()


def test_damaged_settings_fall_back_to_defaults(workspace):
    from desktop_app.office.settings import set_settings

    set_settings({"jam_mulai": "pagi", "hari_kerja": "x",
                                      "jam_per_hari": "1,2,3"})
    assert load_office_hours() == OfficeHours.default()
