"""Issue 4's walk-through as one test: set up the office on a fresh data folder, make the RKT
SOP from the kecamatan template, change two steps and a lane, undo one change, approve it and
print it with the office's kop."""

from __future__ import annotations

import re
from datetime import date

import pdfplumber
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop_app.gui.approve_dialog import Approval, ApproveDialog
from desktop_app.gui.document_window import PinPrompt
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.setup_wizard import SetupWizard
from desktop_app.office import profile
from desktop_app.office.people import add_person, get_person
from desktop_app.sop import library


def test_new_user_sets_up_edits_approves_and_prints(qtbot, workspace, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    image = QImage(120, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    image.save(str(logo))
    office = profile.OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jln. Kemuning - Batu Jamus Km 3 Ngargoyoso", telepon="(0271) 6901007",
        kode_pos="57793", logo=profile.store_logo(workspace.data_dir, logo),
        officials=(profile.Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.",
                                    "Pembina (IV/a)", "198001181999121001"),),
        units=(profile.Unit("Seksi Pemerintahan"),), paper="F4", kode_unit="408.12")
    monkeypatch.setattr(SetupWizard, "ask", classmethod(lambda cls, *a, **k: office))

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.maybe_run_setup()  # first start: the wizard
    assert profile.is_configured()
    camat = add_person("WAHYU AGUS PRAMONO, S.STP.", "Camat Ngargoyoso",
                       "198001181999121001", "pejabat", "123456")
    window.person = get_person(camat)  # the camat logs in

    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a: (
                            next(i for i in items if "Rencana Kinerja Tahunan —" in i
                                 and "kantor sendiri" in i), True))
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Penyusunan RKT Kecamatan Ngargoyoso", True))
    window.library.buttons["new"].click()
    editor = next(iter(window.editors.values()))
    qtbot.addWidget(editor)

    steps = editor.steps
    steps.select(1)
    steps.fields["waktu"].setText("20 menit")
    steps.fields["waktu"].editingFinished.emit()
    steps.select(7)
    steps.fields["output"].setText("Konsep RKT Kecamatan")
    steps.fields["output"].editingFinished.emit()
    editor.lanes.list.item(0).setText("Staf Perencanaan")
    editor.undo_action.trigger()  # the lane rename is taken back

    monkeypatch.setattr(ApproveDialog, "ask", classmethod(
        lambda cls, parent, officials, initial: Approval(officials[0], date(2026, 11, 24))))
    monkeypatch.setattr(PinPrompt, "ask", classmethod(lambda cls, *a, **k: "123456"))
    editor.approve_action.trigger()
    assert library.is_approved(editor.sop_id)

    out = tmp_path / "rkt.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    editor.print_action.trigger()
    editor._print_dialog.save_button.click()
    editor._print_dialog.close()

    with pdfplumber.open(out) as pdf:
        first = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
        page = pdf.pages[0]
        signer = re.sub(r"\s+", "", page.crop((page.width / 2, 0, page.width, page.height))
                        .extract_text())
        flow = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages[1:]))
        assert pdf.pages[0].images, "the office logo is in the kop"
    assert "PEMERINTAH KABUPATEN KARANGANYAR" in first
    assert "KECAMATAN NGARGOYOSO" in first
    assert "WAHYUAGUSPRAMONO,S.STP." in signer
    assert "24 November 2026" in first
    assert "20menit" in flow and "KonsepRKTKecamatan" in flow
    assert "StafPerencanaan" not in flow
