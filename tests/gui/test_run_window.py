"""Walk the kecamatan RKT SOP through the window from start to end, with one draft sent back,
the people logging in in turn."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QInputDialog

from desktop_app.gui.login_dialog import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.start_run_dialog import StartRequest, StartRunDialog
from desktop_app.office.people import get_person
from desktop_app.runs.views import run_view
from desktop_app.sop import library
from tests.runs.conftest import office  # noqa: F401 - the fixture


def log_in(window, monkeypatch, actor):
    monkeypatch.setattr(LoginDialog, "ask", classmethod(
        lambda cls, *a, **k: get_person(actor.id)))
    window.switch_person()


def test_walk_the_rkt_run_with_one_return(qtbot, office, monkeypatch, screenshot):  # noqa: F811
    window = MainWindow(office.workspace, get_person(office.admin.id))
    qtbot.addWidget(window)
    window.show()
    window.show_area("Proses")
    monkeypatch.setattr(StartRunDialog, "ask", classmethod(lambda cls, parent, sops, people: (
        StartRequest(office.sop_id, "Penyusunan RKT 2027", 2027,
                     __import__("datetime").date.today(), office.assignments))))
    window.runs.buttons["start"].click()
    run_id = next(iter(window.run_windows))
    assert window.runs.table.rowCount() == 1

    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    people = {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
              "kasubag_perencanaan_keuangan": office.kasubag, "kasubag_umum": office.kasubag}
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Tahun anggaran salah ketik", True))
    returned = False
    while run_view(run_id).status != "selesai":
        step = run_view(run_id).active_step
        log_in(window, monkeypatch, people[lanes[step.number - 1]])
        run_window = window.open_run(run_id)
        qtbot.addWidget(run_window)
        panel = run_window.panel
        assert panel.step.number == step.number  # the window opens on the current step
        for box in panel.checklist.findChildren(QCheckBox):
            if not box.isChecked():
                box.click()
        panel = run_window.panel
        if step.simbol == "keputusan":
            if step.number == 5 and not returned:
                assert panel.no_button.isEnabled()
                if step.current.attempt == 1:
                    screenshot(run_window, "run-window-decision")
                panel.no_button.click()
                returned = True
                assert run_view(run_id).active_step.number == 4
                continue
            assert panel.yes_button.isEnabled()
            panel.yes_button.click()
        else:
            assert panel.done_button.isEnabled()
            panel.done_button.click()
    view = run_view(run_id)
    assert view.returns == 1 and view.done_count == 13
    assert [a.state for a in view.steps[3].attempts] == ["dikembalikan", "selesai"]
    run_window = window.open_run(run_id)
    run_window.tabs.setCurrentIndex(1)
    assert run_window.audit.rowCount() > 30
    screenshot(run_window, "run-window-audit")
    window.refresh_runs()
    assert window.runs.table.item(0, 2).text() == "selesai"


def test_other_people_cannot_act(qtbot, office, monkeypatch):  # noqa: F811
    from datetime import date

    from desktop_app.runs import engine

    run_id = engine.start_run(office.sop_id, "RKT", 2027,
                              date.today(), office.assignments, office.admin)
    window = MainWindow(office.workspace, get_person(office.staf.id))
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    panel = run_window.panel
    assert panel.step.number == 1  # the camat's step
    assert not panel.done_button.isEnabled()
    assert not any(b.isEnabled() for b in panel.checklist.findChildren(QCheckBox))
    log_in(window, monkeypatch, office.admin)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    assert run_window.panel.acting.isVisibleTo(run_window)
    assert "atas nama Wahyu Camat" in run_window.panel.acting.text()


def test_an_admin_reassigns_a_lane(qtbot, office, monkeypatch):  # noqa: F811
    from datetime import date

    from desktop_app.common.audit import entries
    from desktop_app.runs import engine

    run_id = engine.start_run(office.sop_id, "RKT", 2027,
                              date.today(), office.assignments, office.admin)
    window = MainWindow(office.workspace, get_person(office.admin.id))
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    answers = iter([("Camat", True), ("Citra Sekcam — Citra Sekcam", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))
    run_window.reassign()
    assert run_view(run_id).active_step.people == ("Citra Sekcam",)
    assert any(e.action == "Mengganti petugas" for e in entries(run_id))
    staff_window = MainWindow(office.workspace, get_person(office.staf.id))
    qtbot.addWidget(staff_window)
    other = staff_window.open_run(run_id)
    qtbot.addWidget(other)
    assert not other.reassign_button.isVisibleTo(other)
