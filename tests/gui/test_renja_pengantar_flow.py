"""Issue 6's walk-through: in the Renja run, staff make the surat pengantar from step 6, the
Kasubag and the Sekcam give paraf, the camat signs on screen; the final PDF carries the number,
kop, signatory and verification code; `pandu verify` accepts it and rejects a changed copy."""

from __future__ import annotations

from datetime import date

import pdfplumber

from desktop_app.cli import main
from desktop_app.gui.document_form import DocumentFormDialog
from desktop_app.gui.document_window import PinPrompt
from desktop_app.gui.main_window import MainWindow
from desktop_app.naskah import workflow
from desktop_app.office import profile
from desktop_app.office.people import get_person
from desktop_app.office.signoff import set_route
from desktop_app.runs import engine
from desktop_app.runs.views import run_view
from desktop_app.sop import library
from desktop_app.sop.model import Official
from tests.runs.conftest import office  # noqa: F401 - the fixture
from tests.runs.test_engine import do_step


def test_renja_surat_pengantar_to_signature(qtbot, office, monkeypatch, tmp_path,  # noqa: F811
                                            capsys):
    _db, data = office.workspace.database, office.workspace.data_dir
    profile.save_profile(profile.OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jln. Kemuning - Batu Jamus Km 3 Ngargoyoso", officials=(profile.Official(
            "Camat Ngargoyoso", "Wahyu Camat", "Pembina (IV/a)", "198001181999121001"),),
        kode_unit="408.12"))
    set_route("surat_pengantar", [(office.kasubag.id, "paraf"), (office.sekcam.id, "paraf"),
                                      (office.camat.id, "tanda_tangan")])
    renja = library.duplicate_sop(6, "Penyusunan Renja")
    library.approve(renja, Official("Camat", "Wahyu Camat"), date(2026, 1, 5))
    lanes = {"pengguna_anggaran": office.camat, "perencana": office.staf,
             "kepala_bidang": office.kasubag, "stakeholder": office.sekcam}
    run_id = engine.start_run(renja, "Renja 2027", 2027, date.today(),
                              {k: v.id for k, v in lanes.items()}, office.admin)
    for actor in (office.camat, office.staf, office.staf, office.kasubag, office.staf):
        do_step(office, run_id, actor)
    assert run_view(run_id).active_step.number == 6

    window = MainWindow(office.workspace, get_person(office.staf.id))  # staff prepare it
    qtbot.addWidget(window)
    run_window = window.open_run(run_id)
    qtbot.addWidget(run_window)
    panel = run_window.panel
    assert panel.step.number == 6 and panel.document_button.isEnabled()
    prefilled = {}

    def form(cls, parent, kind, title="", content=None):
        prefilled.update(content, title=title)
        return title, dict(content, kepada="Kepala BAPERLITBANG Kabupaten Karanganyar",
                           di="Karanganyar", tempat="Ngargoyoso", klasifikasi="000.7.2.4")

    monkeypatch.setattr(DocumentFormDialog, "ask", classmethod(form))
    panel.document_button.click()
    assert prefilled["title"] == "Penyampaian Renja 2027"
    assert "Renja" in prefilled["items"][0]["naskah"]
    doc_id = next(iter(window.document_windows))
    monkeypatch.setattr(PinPrompt, "ask", classmethod(lambda cls, *a, **k: "123456"))
    for signer in (office.kasubag, office.sekcam, office.camat):
        window.person = get_person(signer.id)
        doc_window = window.open_document(doc_id)
        qtbot.addWidget(doc_window)
        doc_window.approve()
    detail = workflow.document_detail(doc_id, data)
    assert detail.summary.status == "final"
    assert detail.summary.number.endswith("/408.12/" + str(date.today().year))
    with pdfplumber.open(detail.pdf_path) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    for expected in ("KECAMATAN NGARGOYOSO", "SURAT PENGANTAR", detail.summary.number,
                     "Wahyu Camat", "19800118 199912 1 001", detail.verification_code):
        assert expected in text
    signed = tmp_path / "pengantar.pdf"
    signed.write_bytes(detail.pdf_path.read_bytes())
    assert main(["--data-dir", str(data), "verify", str(signed)]) == 0
    broken = bytearray(signed.read_bytes())
    broken[-300] ^= 0x20
    signed.write_bytes(bytes(broken))
    assert main(["--data-dir", str(data), "verify", str(signed)]) == 1
    capsys.readouterr()
