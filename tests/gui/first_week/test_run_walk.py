"""The walk of a run reads naturally: lanes pre-filled by role and marked, the return reason
on the step being redone, a disabled action saying why, Formulir RKT in front."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication, QCheckBox, QInputDialog, QMessageBox

from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.start_run_dialog import StartRunDialog
from desktop_app.office.people import add_person, get_person, list_people
from desktop_app.runs import engine
from desktop_app.runs.views import run_view
from desktop_app.sop import library
from tests.runs.conftest import office  # noqa: F401 - the fixture
from tests.runs.test_walk import actor_for, walk_to_first_decision


def test_lanes_are_pre_filled_by_role_and_marked(qtbot, workspace):
    ids = {j: add_person(n, j, "", "pejabat", "123456") for n, j in (
        ("Sri", "Sekretaris Camat"), ("Wahyu", "Camat Ngargoyoso"),
        ("Budi", "Kasubag Umum dan Kepegawaian"), ("Dewi", "Kasubag Perencanaan dan Keuangan"),
        ("Ani", "Staf Umum"))}
    sop_id = library.duplicate_sop(4, "RKT")
    dialog = StartRunDialog(None, [s for s in library.list_sops() if s.id == sop_id],
                            list_people())
    qtbot.addWidget(dialog)
    chosen = {k: c.currentData() for k, c in dialog.lane_combos.items()}
    assert chosen["camat"] == ids["Camat Ngargoyoso"]
    assert chosen["sekcam"] == ids["Sekretaris Camat"]
    assert chosen["kasubag_umum"] == ids["Kasubag Umum dan Kepegawaian"]
    assert "diisi otomatis" in dialog.marks["camat"].text()


def test_the_redone_step_shows_who_returned_it_and_why(qtbot, office, monkeypatch):  # noqa: F811
    run_id = walk_to_first_decision(office)
    decision = run_view(run_id).active_step
    window = MainWindow(office.workspace, get_person(office.kasubag.id))
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("Tahun anggaran salah ketik", True))
    run_window.panel.no_button.click()
    panel = run_window.panel
    assert panel.step.number == decision.jika_tidak
    assert panel.returned.isVisibleTo(run_window)
    text = panel.returned.text()
    assert "Budi Kasubag" in text and "Tahun anggaran salah ketik" in text
    assert f"langkah {decision.number}" in text
    later = run_window.steps
    later.setCurrentRow(decision.number - 1)  # the decision step itself: history says it too
    assert "Tahun anggaran salah ketik" in run_window.panel.history.text()


def test_a_disabled_selesai_says_why(qtbot, office):  # noqa: F811
    run_id = engine.start_run(office.sop_id, "RKT", 2027, date.today(),
                              office.assignments, office.admin)
    window = MainWindow(office.workspace, get_person(office.camat.id))
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    panel = run_window.panel
    if panel.step.current.checks:
        assert not panel.done_button.isEnabled()
        assert panel.why.text().startswith("Centang atau jelaskan: ")
        for box in panel.checklist.findChildren(QCheckBox):
            box.click()
        assert run_window.panel.why.text() == "" and run_window.panel.done_button.isEnabled()


def test_formulir_rkt_brings_the_forms_area_to_the_front(qtbot, office,  # noqa: F811
                                                         monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)  # nothing signed yet
    run_id = engine.start_run(office.sop_id, "RKT", 2027, date.today(),
                              office.assignments, office.admin)
    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    while not run_view(run_id).active_step.dokumen.startswith(("form_", "ekspedisi")):
        step = run_view(run_id).active_step
        actor = actor_for(office, lanes[step.number - 1])
        for check in step.current.checks:
            engine.tick(step.current.run_step_id, check.item_id, True, actor)
        if step.simbol == "keputusan":
            engine.decide(step.current.run_step_id, actor, True)
        else:
            engine.complete(step.current.run_step_id, actor)
    window = MainWindow(office.workspace, get_person(office.admin.id))
    qtbot.addWidget(window)
    window.show()
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    run_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is run_window)
    assert run_window.panel.document_button.isVisible()
    run_window.panel.document_button.click()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.pages.currentWidget() in (window.documents_tabs, window.expedition)


def test_an_audit_export_is_kept_in_the_arsip(qtbot, office, monkeypatch, tmp_path):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.archive.search import ArchiveQuery, search

    run_id = engine.start_run(office.sop_id, "RKT", 2027, date.today(),
                              office.assignments, office.admin)
    window = MainWindow(office.workspace, get_person(office.admin.id))
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    out = tmp_path / "jejak.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    run_window.export_xlsx()
    assert out.exists() and "Arsip" in run_window.statusBar().currentMessage()
    kept = [e for e in search(ArchiveQuery("jejak audit")).entries if e.source == "keluaran"]
    assert len(kept) == 1 and kept[0].run_id == run_id
