"""The forms page as a planner uses it: RKT forms sent to five units, two come back (one with a
mistake, listed by unit, row and column while nothing is imported), fixed and imported, one
re-imported with a change (asked first), then merged: the workbook saved, the PDF previewed."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from desktop_app.forms.merge import plan_status
from desktop_app.gui import forms_page
from desktop_app.gui.forms_page import ExportedDialog, FormsPage
from desktop_app.office.people import add_person, get_person
from desktop_app.runs.engine import Actor, start_run
from desktop_app.sop import library
from desktop_app.sop.model import Official
from tests.forms.conftest import UNITS, fill, office, rkt_row  # noqa: F401 - fixture

YEAR = 2027


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def table(page: FormsPage) -> list[list[str]]:
    return [[page.table.item(r, c).text() for c in range(page.table.columnCount())]
            for r in range(page.table.rowCount())]


@pytest.fixture
def planner(office):  # noqa: F811
    person_id = add_person("Sari Perencana", "Perencana",
                           "199001012015032001", "admin", "123456")
    return get_person(person_id)


@pytest.fixture
def page(office, planner, qtbot):  # noqa: F811
    page = FormsPage(office, lambda: planner)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.prepare("rkt", YEAR)
    return page


def patch_open(monkeypatch, paths: list[Path]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(p) for p in paths], "")))


def test_send_import_fix_and_merge(page, office, qtbot, monkeypatch, tmp_path,  # noqa: F811
                                   screenshot):
    assert [row[:2] for row in table(page)] == [[u, "Belum mengirim"] for u in UNITS]
    assert "0 dari 5 unit" in page.summary.text()
    assert not page.buttons["merge"].isEnabled()

    # send: one workbook per unit into the chosen folder, listed, the folder offered
    folder = tmp_path / "kirim"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(folder)))
    shown, opened = [], []
    monkeypatch.setattr(ExportedDialog, "ask",
                        classmethod(lambda cls, parent, where, forms:
                                    shown.append((where, forms)) or True))
    monkeypatch.setattr(forms_page, "open_path", opened.append)
    forms = page.send_forms()
    assert len(forms) == 5 and shown[0][0] == folder and opened == [folder]
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.path.name for f in forms)
    dialog = ExportedDialog(page, folder, forms)
    qtbot.addWidget(dialog)
    screenshot(dialog, "forms-exported")

    # two units fill theirs; the second types "dua puluh" as a target
    first = fill(forms[0].path, [rkt_row(1), rkt_row(2)], "rkt")
    second = fill(forms[1].path, [rkt_row(3), rkt_row(4, target="dua puluh"),
                                  rkt_row(5, satuan="ekor")], "rkt")
    patch_open(monkeypatch, [first, second])
    assert page.choose_and_import() is None
    assert page.problems.isVisibleTo(page)
    listed = page.problems_list.toPlainText()
    assert f"{UNITS[1]}, baris 9, kolom Target: 'dua puluh' bukan angka" in listed
    assert f"{UNITS[1]}, baris 10, kolom Satuan" in listed
    assert forms[1].path.name in listed and forms[0].path.name not in listed
    assert "Tidak ada yang diimpor: 2 masalah di 1 dari 2 berkas" in page.problems_title.text()
    assert not any(s.sent for s in plan_status("rkt", YEAR))
    screenshot(page, "forms-problems")

    # fixed by the unit and dropped on the page
    fill(second, [rkt_row(3), rkt_row(4, target=20), rkt_row(5)], "rkt")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second)),
                  QUrl.fromLocalFile(str(tmp_path / "catatan.txt"))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(page.changed):
        page.dropEvent(drop)
    assert not page.problems.isVisibleTo(page)
    assert "Seksi Pemerintahan (baru, 2 baris)" in page.message.text()
    rows = table(page)
    assert rows[0][1] == "Sudah mengirim (kiriman ke-1)" and rows[0][3] == "2"
    assert rows[1][3] == "3" and rows[1][4] == second.name
    assert rows[2][1:] == ["Belum mengirim", "-", "-", "-"]
    assert "2 dari 5 unit" in page.summary.text()
    screenshot(page, "forms-page")

    # the first unit sends a change: asked what changes, replaced after "Ganti"
    fill(first, [rkt_row(1, target=75), rkt_row(2)], "rkt")
    questions = []
    monkeypatch.setattr(forms_page, "confirm",
                        lambda _parent, title, text, **_k: questions.append(text) or False)
    patch_open(monkeypatch, [first])
    assert page.choose_and_import() is None
    assert "Target 91 → 75" in questions[0]
    assert table(page)[0][1] == "Sudah mengirim (kiriman ke-1)"
    monkeypatch.setattr(forms_page, "confirm",
                        lambda _parent, title, text, **_k: questions.append(text) or True)
    results = page.choose_and_import()
    assert [(r.unit_nama, r.status) for r in results] == [(UNITS[0], "diganti")]
    assert table(page)[0][1] == "Sudah mengirim (kiriman ke-2)"

    # merge: the missing units are named, the workbook saved, the PDF made in the background
    target = tmp_path / "gabungan" / "RKT 2027"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    saved = page.merge()
    assert saved == target.with_suffix(".xlsx") and saved.exists()
    assert all(name in questions[-1] for name in UNITS[2:])
    assert UNITS[0] not in questions[-1]
    sheet = load_workbook(saved).active
    units = {sheet.cell(r, sheet.max_column).value for r in range(1, sheet.max_row + 1)}
    assert {UNITS[0], UNITS[1]} <= units
    assert page.busy.isVisibleTo(page) and not page.buttons["merge"].isEnabled()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)
    assert not page.busy.isVisibleTo(page) and page.buttons["merge"].isEnabled()
    text = pdf_text(page.preview.data)
    assert f"RENCANA KINERJA TAHUNAN (RKT) TAHUN {YEAR}" in text
    assert "Unit yang belum mengirim formulir" not in text  # on the screen, not signed paper
    page.preview.resize(1000, 700)
    screenshot(page.preview, "forms-merged-preview")
    page.preview.paper.setCurrentText("A4")  # another paper: made on the worker too
    assert pdf_text(page.preview.data).count("RENCANA KINERJA TAHUNAN") == 1
    assert page.preview.data != page._pdfs["F4"]
    page.preview.close()


def test_merge_with_nothing_imported_says_so(page, monkeypatch):
    errors = []
    monkeypatch.setattr(forms_page, "show_error", lambda _parent, exc: errors.append(str(exc)))
    assert page.merge() is None
    assert "Belum ada formulir RKT 2027 yang diimpor" in errors[0]


def test_wrong_form_type_is_refused_by_name(page, office, monkeypatch, tmp_path):  # noqa: F811
    folder = tmp_path / "ekt"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(folder)))
    monkeypatch.setattr(ExportedDialog, "ask", classmethod(lambda cls, *_a: False))
    page.prepare("ekt", YEAR)
    forms = page.send_forms()
    page.prepare("rkt", YEAR)
    patch_open(monkeypatch, [forms[0].path])
    assert page.choose_and_import() is None
    assert "ini formulir EKT, bukan RKT" in page.problems_list.toPlainText()


def test_prepare_from_a_run(office, planner, qtbot):  # noqa: F811
    sop_id = library.duplicate_sop(1, "Penyusunan RKT")
    library.approve(sop_id, Official("Camat", "Wahyu"), date(2026, 12, 1))
    lanes = library.get_sop(sop_id).pelaksana
    run_id = start_run(sop_id, "Penyusunan RKT 2027", YEAR, date(2027, 1, 4),
                       {lane.kode: planner.id for lane in lanes}, Actor(planner.id, "admin"))
    page = FormsPage(office, lambda: planner)
    qtbot.addWidget(page)
    page.prepare("ekt", YEAR, run_id)
    assert (page.kind(), page.year(), page.run_id()) == ("ekt", YEAR, run_id)
    assert page.run_box.currentText() == "Penyusunan RKT 2027"
    assert "formulir EKT 2027" in page.summary.text()
    page.year_box.setValue(YEAR + 1)  # the run is for 2027: no longer offered
    assert page.run_id() is None and page.run_box.count() == 1
