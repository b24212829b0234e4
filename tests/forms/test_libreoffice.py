"""Real clients: a form LibreOffice opened and saved again imports cleanly, and LibreOffice
turns the merged plan (its formulas computed) into a PDF without errors."""

from __future__ import annotations

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.exporting import export_forms
from desktop_app.forms.form_types import LOWER_BETTER
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.forms.merge import write_merged
from desktop_app.forms.store import unit_lines
from desktop_app.office.profile import load_profile
from tests.forms.conftest import ekt_row, fill, renja_row, rkt_row
from tests.forms.libreoffice import convert, needs_libreoffice

pytestmark = needs_libreoffice

ROWS = {"rkt": [rkt_row(1), rkt_row(2, kegiatan="=bukan rumus", anggaran=None)],
        "ekt": [ekt_row(1), ekt_row(2, polaritas=LOWER_BETTER, realisasi=0)],
        "renja": [renja_row(1, kode="1.01"), renja_row(2, target=12.5, satuan="%")]}


def test_forms_saved_by_libreoffice_import_cleanly(office, tmp_path):
    filled = []
    for kind, rows in ROWS.items():
        form = export_forms(tmp_path / "forms", kind, 2027, units=["Seksi Pemerintahan"])[0]
        filled.append(fill(form.path, rows, kind, tmp_path / f"{kind}.xlsx"))
    saved = convert(filled, "xlsx", tmp_path / "libreoffice", tmp_path / "profile")
    assert load_workbook(saved[0])[sl.META_SHEET].sheet_state == "hidden"

    checks = check_forms(saved)
    assert [c.problems for c in checks] == [(), (), ()]
    import_forms(office.data_dir, checks)
    unit = load_profile().units[0].id
    for kind, rows in ROWS.items():
        lines = unit_lines(kind, 2027, unit)
        assert len(lines) == len(rows)
        for line, row in zip(lines, rows, strict=True):
            assert {k: getattr(line, k) for k in row} == row


def test_merged_plan_to_pdf_with_libreoffice(office, tmp_path):
    units = [u.nama for u in load_profile().units][:2]
    paths = []
    for unit, rows in zip(units, ([ekt_row(1, target=10, realisasi=5)],
                                  [ekt_row(2, polaritas=LOWER_BETTER, target=3, realisasi=4)]),
                          strict=True):
        form = export_forms(tmp_path / "forms", "ekt", 2027, units=[unit])[0].path
        paths.append(fill(form, rows, "ekt"))
    import_forms(office.data_dir, check_forms(paths))
    write_merged("ekt", 2027, tmp_path / "EKT-2027.xlsx")
    pdf = convert([tmp_path / "EKT-2027.xlsx"], "pdf", tmp_path / "pdf", tmp_path / "profile")[0]
    with pdfplumber.open(pdf) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "EVALUASI KINERJA TAHUNAN (EKT)" in text
    # capaian computed by LibreOffice from the live formulas: 50 and 75, average 62.5
    for value in ("50.00", "75.00", "62.50"):
        assert value in text or value.replace(".", ",") in text, text
    assert "WAHYU AGUS PRAMONO, S.STP." in text


@pytest.mark.parametrize("kind", ["rkt", "ekt", "renja"])
def test_unfilled_form_opens_in_libreoffice(office, tmp_path, kind):
    form = export_forms(tmp_path / "forms", kind, 2027, units=["Seksi Pemerintahan"])[0].path
    pdf = convert([form], "pdf", tmp_path / "pdf", tmp_path / "profile")[0]
    with pdfplumber.open(pdf) as document:
        first = document.pages[0].extract_text()
    assert "TAHUN 2027" in first and "Unit: Seksi Pemerintahan" in first
