"""The "Hari kerja dan libur" page: office hours, a year's holidays, the office's own days."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication

from desktop_app.common.working_time import OfficeHours
from desktop_app.gui import calendar_page
from desktop_app.gui.calendar_page import CalendarPage
from desktop_app.office.calendar import add_office_day, list_office_days, load_office_hours


@pytest.fixture
def page(qtbot, workspace):
    widget = CalendarPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1150, 620)
    widget.year_spin.setValue(2026)
    return widget


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(calendar_page, "show_error", lambda _parent, exc: shown.append(str(exc)))
    return shown


def texts(page: CalendarPage, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_model(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_lists_the_national_holidays_and_cuti_bersama_of_the_year(page):
    assert page.model.rowCount() == 25
    assert "18 Maret 2026" in texts(page, 0)
    assert texts(page, 3).count("Cuti bersama") == 8
    page.year_spin.setValue(2025)
    assert "31 Maret 2025" in texts(page, 0)


def test_add_and_remove_an_office_day(qtbot, page, errors):
    page.date_edit.setDate(QDate(2026, 3, 11))
    page.name_edit.setText("Hari jadi kabupaten")
    with qtbot.waitSignal(page.changed):
        page.add_day()
    assert errors == []
    assert [d.name for d in list_office_days(2026)] == ["Hari jadi kabupaten"]
    row = page.model.row_of(date(2026, 3, 11), "libur")
    assert page.selected_day().name == "Hari jadi kabupaten"
    assert page.model.index(row, 3).data() == "Libur kantor"
    assert page.name_edit.text() == ""
    assert page.remove_button.isEnabled()

    with qtbot.waitSignal(page.changed):
        page.remove_button.click()
    assert list_office_days(2026) == []
    assert page.model.rowCount() == 25
    page.view.selectRow(0)  # a national holiday cannot be removed
    assert not page.remove_button.isEnabled()


def test_office_works_a_cuti_bersama(page, errors):
    page.date_edit.setDate(QDate(2026, 3, 18))
    page.name_edit.setText("Pelayanan tetap buka")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("masuk"))
    page.add_day()
    assert errors == []
    row = page.model.row_of(date(2026, 3, 18), "cuti_bersama")
    assert page.model.index(row, 3).data() == "Cuti bersama (kantor masuk)"
    assert page.model.index(row + 1, 3).data() == "Kantor masuk"


def test_wrong_office_days_are_refused_with_a_message(page, errors):
    page.date_edit.setDate(QDate(2026, 3, 12))
    page.add_day()  # no name
    page.name_edit.setText("Masuk biasa")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("masuk"))
    page.add_day()  # not a holiday
    assert len(errors) == 2 and "Isi keterangan" in errors[0]
    assert "bukan hari libur nasional" in errors[1]
    assert list_office_days(2026) == []


def test_adding_a_day_of_another_year_shows_that_year(page, errors):
    page.date_edit.setDate(QDate(2027, 1, 4))
    page.name_edit.setText("Rapat kerja")
    page.add_day()
    assert page.year_spin.value() == 2027
    assert page.selected_day().date == date(2027, 1, 4)


def test_change_office_hours(qtbot, page, errors):
    assert not page.save_hours_button.isEnabled()
    assert page.hours_summary.text() == "Jumlah 37,5 jam kerja per minggu."
    page.start_edit.setTime(QTime(8, 0))
    for weekday in range(4):
        page.day_hours[weekday].setValue(8)
    page.day_hours[4].setValue(5.5)
    assert page.save_hours_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        page.save_hours_button.click()
    assert errors == []
    assert load_office_hours() == OfficeHours(start=time(8), hours=(8, 8, 8, 8, 5.5, 7.5, 7.5))
    assert not page.save_hours_button.isEnabled()

    page.day_checks[5].setChecked(True)  # Saturday
    assert page.day_hours[5].isEnabled()
    assert page.hours_summary.text() == "Jumlah 45 jam kerja per minggu."
    for check in page.day_checks:
        check.setChecked(False)
    assert page.hours_summary.text() == "Pilih sedikitnya satu hari kerja."
    page.save_hours()
    assert errors == ["Pilih sedikitnya satu hari kerja."]
    assert load_office_hours().weekdays == (0, 1, 2, 3, 4)


def test_screenshot(qtbot, page, workspace, screenshot):
    add_office_day(date(2026, 3, 18), "Pelayanan tetap buka", "masuk")
    add_office_day(date(2026, 6, 2), "Hari jadi kabupaten", "libur")
    page.refresh()
    page.view.selectRow(page.model.row_of(date(2026, 3, 18), "masuk"))
    page.view.scrollTo(page.model.index(page.model.row_of(date(2026, 3, 18), "masuk"), 0),
                       page.view.ScrollHint.PositionAtCenter)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    assert page.selected_day().kind == "masuk"
    screenshot(page, "calendar-page")
