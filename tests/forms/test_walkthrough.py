"""As a new user would: the RKT run sends forms to five units, one comes back with a mistake
(reported by unit, row and column, then fixed), all are imported and merged, and the RKT
prints with the camat's signature block; then the same for EKT, with capaian computed."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from desktop_app.forms.exporting import export_forms
from desktop_app.forms.form_types import kind_for_document
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.forms.merge import merged_pdf, merged_plan, plan_status
from desktop_app.office.people import add_person
from desktop_app.runs.engine import Actor, start_run
from desktop_app.runs.views import run_view
from desktop_app.sop import library
from desktop_app.sop.model import Official
from tests.forms.conftest import UNITS, ekt_row, fill, rkt_row


def _rkt_run(db) -> int:
    person = add_person("Sari Perencana", "Perencana", "199001012015032001", "admin",
                        "123456")
    sop_id = library.duplicate_sop(1, "Penyusunan RKT")  # a template that sends form_rkt
    library.approve(sop_id, Official("Camat", "Wahyu"), date(2026, 12, 1))
    lanes = library.get_sop(sop_id).pelaksana
    return start_run(sop_id, "Penyusunan RKT 2027", 2027, date(2027, 1, 4),
                     {lane.kode: person for lane in lanes}, Actor(person, "admin"))


def test_rkt_then_ekt_for_five_units(office, tmp_path):
    db, data_dir = office.database, office.data_dir
    run_id = _rkt_run(db)
    step = next(s for s in library.get_sop(run_view(run_id).sop_id).langkah
                if kind_for_document(s.dokumen))
    kind = kind_for_document(step.dokumen)
    assert kind == "rkt"
    forms = export_forms(tmp_path / "kirim", kind, run_view(run_id).year, run_id=run_id)
    assert len(forms) == 5

    filled = [fill(form.path, [rkt_row(3 * n + i) for i in range(3)], "rkt")
              for n, form in enumerate(forms)]
    fill(filled[2], [rkt_row(7), rkt_row(8, target="dua puluh")], "rkt")  # a mistake
    checks = check_forms(filled, kind="rkt", run_id=run_id)
    assert [p for c in checks for p in c.problems] == [
        f"{UNITS[2]}, baris 9, kolom Target: 'dua puluh' bukan angka"]
    with pytest.raises(Exception, match="dua puluh"):
        import_forms(data_dir, checks, run_id=run_id)
    assert not any(s.sent for s in plan_status("rkt", 2027))

    fill(filled[2], [rkt_row(7), rkt_row(8, target=20)], "rkt")  # fixed by the unit
    import_forms(data_dir, check_forms(filled, kind="rkt", run_id=run_id), run_id=run_id)
    assert all(s.sent for s in plan_status("rkt", 2027))
    rkt = merged_plan("rkt", 2027, on=date(2027, 1, 20))
    assert len(rkt.lines) == 14 and rkt.missing == ()
    text = _pdf_text(merged_pdf(rkt, data_dir))
    assert "RENCANA KINERJA TAHUNAN (RKT) TAHUN 2027" in text
    assert "Ngargoyoso, 20 Januari 2027\nCamat Ngargoyoso\nWAHYU AGUS PRAMONO, S.STP." in text

    ekt_forms = export_forms(tmp_path / "ekt", "ekt", 2027)
    assert all(f.prefilled for f in ekt_forms)  # from this year's RKT targets
    for form in ekt_forms:
        fill(form.path, [ekt_row(1, target=100, realisasi=95)], "ekt")
    import_forms(data_dir, check_forms([f.path for f in ekt_forms], kind="ekt"))
    ekt = merged_plan("ekt", 2027)
    text = _pdf_text(merged_pdf(ekt, data_dir))
    assert text.count("95,00 Sangat baik") == 6  # five rows and the average


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)
