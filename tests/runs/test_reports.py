"""The audit trail exported as PDF and XLSX, read back."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
from openpyxl import load_workbook

from desktop_app.runs import engine, reports
from desktop_app.runs.views import run_view
from tests.runs.test_engine import do_step


def test_audit_exports(office):
    run_id = engine.start_run(office.sop_id, "Penyusunan RKT 2027", 2027, date.today(),
                              office.assignments, office.admin)
    do_step(office, run_id, office.admin)  # acting for the camat
    current = run_view(run_id).active_step.current.run_step_id  # step 2, the sekcam's
    engine.add_note(current, '=HYPERLINK("x") bukan rumus', office.sekcam)
    with pdfplumber.open(io.BytesIO(reports.audit_pdf(run_id, office.workspace.data_dir))) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    assert "JEJAK AUDIT PROSES" in text and "Penyusunan RKT 2027" in text
    assert "Admin Kantor" in text and "Wahyu Camat" in text  # acting for
    book = load_workbook(io.BytesIO(reports.audit_xlsx(run_id)))
    sheet = book.active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][3] == "Memulai proses"
    note = next(r for r in rows if r[3] == "Menambah catatan")
    assert note[4].startswith("=HYPERLINK")
    cell = next(c for c in sheet["E"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"  # text, never a formula
