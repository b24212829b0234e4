"""The Beranda page: tasks (late ones red), runs under way, finished runs, the time chart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QProgressBar

from desktop_app.gui.dashboard_page import BAKU, LATE, LEBIH, LOGIN_HINT, NYATA, DashboardPage
from desktop_app.office.people import get_person
from desktop_app.sop import library
from tests.runs import conftest as runs_conftest
from tests.runs.test_dashboard import START, TUESDAY, do_step, start

office = runs_conftest.office  # the kecamatan office with people and an approved RKT SOP
NOW = TUESDAY + timedelta(hours=5)  # Tuesday 24 November 2026, 12.00 WIB


@pytest.fixture
def runs(office):
    """Four runs at NOW: one with a return (step 5 active, 20 minutes late), one whose step 1
    has waited since Monday, one just started, one finished on Monday."""
    returned = start(office, "Penyusunan RKT 2027")
    do_step(office, returned, office.camat, START + timedelta(minutes=3))
    do_step(office, returned, office.sekcam, START + timedelta(minutes=20))
    do_step(office, returned, office.kasubag, START + timedelta(minutes=60))
    do_step(office, returned, office.staf, TUESDAY + timedelta(hours=2))
    do_step(office, returned, office.kasubag, TUESDAY + timedelta(hours=3), yes=False,
            note="Tahun salah")
    do_step(office, returned, office.staf, TUESDAY + timedelta(hours=4, minutes=30))
    waiting = start(office, "Penyusunan RKT Perubahan 2026")
    fresh = start(office, "Penyusunan Renja 2027", NOW - timedelta(minutes=2))
    finished = start(office, "Penyusunan RKT 2026")
    people = {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
              "kasubag_perencanaan_keuangan": office.kasubag, "kasubag_umum": office.kasubag}
    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    for number, lane in enumerate(lanes, 1):
        do_step(office, finished, people[lane], START + timedelta(minutes=5 * number))
    return {"returned": returned, "waiting": waiting, "fresh": fresh, "finished": finished}


def make_page(qtbot, person):
    page = DashboardPage(lambda: person, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(950, 640)  # the area of a 1100 x 680 main window
    page.show()
    qtbot.waitExposed(page)
    return page


def colour_counts(image: QImage, colours: list[QColor]) -> dict[str, int]:
    wanted = {c.rgb(): c.name() for c in colours}
    counts = dict.fromkeys(wanted.values(), 0)
    for y in range(image.height()):
        for x in range(image.width()):
            name = wanted.get(image.pixel(x, y))
            if name:
                counts[name] += 1
    return counts


def test_the_page_shows_my_tasks_the_runs_and_the_finished_ones(qtbot, office, runs,
                                                                screenshot):
    page = make_page(qtbot, get_person(office.camat.id))
    assert page.tasks.count() == 2 and not page.login_hint.isVisibleTo(page)
    late, fresh = page.tasks.item(0), page.tasks.item(1)
    assert "Penyusunan RKT Perubahan 2026 — langkah 1" in late.text()
    assert "terlambat" in late.text() and late.foreground().color() == LATE
    assert "Penyusunan Renja 2027" in fresh.text() and "terlambat" not in fresh.text()
    titles = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert titles == ["Penyusunan RKT Perubahan 2026", "Penyusunan RKT 2027",
                      "Penyusunan Renja 2027"]
    assert page.table.cellWidget(1, 1).findChild(QProgressBar).text() == "4/13"
    assert page.table.item(1, 4).text() == "20 menit"
    assert page.table.item(1, 4).foreground().color() == LATE
    assert page.finished.count() == 1 and "Penyusunan RKT 2026" in page.finished.item(0).text()
    rect = page.tasks.visualItemRect(late)
    with qtbot.waitSignal(page.open_requested) as opened:  # Qt 6 wants a click first
        qtbot.mouseClick(page.tasks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.tasks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [runs["waiting"]]
    page.run_choice.setCurrentIndex(page.run_choice.findData(runs["returned"]))
    screenshot(page, "dashboard")


def test_an_admin_sees_every_step_on_behalf(qtbot, office, runs):
    page = make_page(qtbot, get_person(office.admin.id))
    texts = [page.tasks.item(i).text() for i in range(page.tasks.count())]
    assert len(texts) == 3 and "atas nama Wahyu Camat" in texts[0]
    assert "atas nama Budi Kasubag" in texts[1]


def test_without_a_person_the_page_asks_to_log_in(qtbot, office, runs):
    page = make_page(qtbot, None)
    assert page.login_hint.isVisibleTo(page) and page.login_hint.text() == LOGIN_HINT
    assert not page.tasks.isVisibleTo(page)
    assert page.table.rowCount() == 3


def test_the_chart_paints_standard_actual_and_over_bars(qtbot, office, runs, screenshot):
    page = make_page(qtbot, get_person(office.kasubag.id))
    page.run_choice.setCurrentIndex(page.run_choice.findData(runs["returned"]))
    chart = page.chart
    assert [s.actual_minutes for s in chart.steps[:6]] == [3, 17, 40, 540, 90, 0]
    assert chart.minimumHeight() >= 13 * chart.ROW
    counts = colour_counts(chart.grab().toImage(), [BAKU, NYATA, LEBIH])
    assert all(count > 50 for count in counts.values()), counts
    assert "Langkah 4" in chart.tooltip(chart.steps[3])
    assert chart.step_at(chart.top() + 3 * chart.ROW + 5).number == 4
    screenshot(chart, "dashboard-chart")
    page.run_choice.setCurrentIndex(page.run_choice.findData(runs["finished"]))
    assert chart.steps[0].actual_minutes == 5
    chart.set_data([], 450)
    assert colour_counts(chart.grab().toImage(), [NYATA])[NYATA.name()] == 0
