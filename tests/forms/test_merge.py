"""The office's plan merged from the units' forms: rows in unit order, units missing, totals,
EKT capaian and predikat (computed, and live formulas in the workbook), the camat's
signature block, and the PDF."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop_app.common.errors import InvalidInput
from desktop_app.forms.exporting import export_forms
from desktop_app.forms.form_types import LOWER_BETTER, GradeBands
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.forms.merge import (
    default_place,
    merged_pdf,
    merged_plan,
    plan_status,
    write_merged,
)
from desktop_app.forms.merge_workbook import merged_workbook
from desktop_app.forms.store import save_grade_bands
from tests.forms.conftest import UNITS, ekt_row, fill, renja_row, rkt_row


def _send(office, tmp_path, kind, rows_by_unit: dict[str, list[dict]]):
    paths = []
    for unit, rows in rows_by_unit.items():
        form = export_forms(tmp_path / kind, kind, 2027, units=[unit])[0].path
        paths.append(fill(form, rows, kind))
    import_forms(office.data_dir, check_forms(paths))


@pytest.fixture
def ekt(office, tmp_path):
    _send(office, tmp_path, "ekt", {
        UNITS[2]: [ekt_row(1, target=10, realisasi=9), ekt_row(2, target=100, realisasi=60)],
        UNITS[0]: [ekt_row(3, polaritas=LOWER_BETTER, indikator="Jumlah keluhan", target=10,
                           realisasi=20, satuan="kali")]})
    return office


def test_status_and_missing_units(ekt):
    status = plan_status("ekt", 2027)
    assert [(s.unit_nama, s.sent, s.rows) for s in status] == [
        (UNITS[0], True, 1), (UNITS[1], False, 0), (UNITS[2], True, 2), (UNITS[3], False, 0),
        (UNITS[4], False, 0)]
    plan = merged_plan("ekt", 2027, on=date(2028, 1, 15))
    assert [part.unit_nama for part in plan.parts] == [UNITS[0], UNITS[2]]  # profile order
    assert plan.missing == (UNITS[1], UNITS[3], UNITS[4])
    assert plan.missing_note().startswith("Unit yang belum mengirim formulir: Seksi Ketentraman")


def test_capaian_and_grade(ekt):
    plan = merged_plan("ekt", 2027)
    from desktop_app.forms.merge import line_capaian

    values = [(line.indikator, line_capaian(line), plan.bands.grade(line_capaian(line)))
              for _, line in plan.lines]
    assert values == [("Jumlah keluhan", 50.0, "Sangat kurang"),
                      ("Persentase layanan selesai tepat waktu 1", 90.0, "Baik"),
                      ("Persentase layanan selesai tepat waktu 2", 60.0, "Kurang")]
    assert plan.average_capaian() == pytest.approx(200 / 3)
    save_grade_bands(GradeBands(((85, "A"), (60, "B")), "C"))
    assert merged_plan("ekt", 2027).bands.grade(90) == "A"


def test_workbook_keeps_formulas_live(ekt):
    plan = merged_plan("ekt", 2027, on=date(2028, 1, 15))
    sheet = load_workbook(io.BytesIO(merged_workbook(plan))).active
    assert sheet.title == "EKT"
    assert [sheet.cell(r, 1).value for r in (1, 2, 3)] == [
        "EVALUASI KINERJA TAHUNAN (EKT)", "KECAMATAN NGARGOYOSO", "TAHUN 2027"]
    assert sheet["K5"].value == "Unit Pelaksana"
    assert [sheet.cell(r, 1).value for r in (8, 9, 10)] == [1, 2, 3]
    assert sheet["H8"].value.startswith('=IF(OR(F8="",G8=""),"",IFERROR(IF(E8="Rendah')
    assert sheet["I8"].value.startswith('=IF(H8="","",IF(H8>90,"Sangat baik"')
    assert sheet["B11"].value == "Rata-rata capaian"
    assert sheet["H11"].value == '=IFERROR(AVERAGE(H8:H10),"")'
    texts = [c.value for row in sheet.iter_rows(min_row=12) for c in row if c.value]
    assert "Ngargoyoso, 15 Januari 2028" in texts
    assert "Camat Ngargoyoso" in texts and "WAHYU AGUS PRAMONO, S.STP." in texts
    assert "NIP. 19800118 199912 1 001" in texts and "Pembina" in texts
    assert any(t.startswith("Unit yang belum mengirim formulir") for t in texts)
    assert any(t.startswith("Predikat: Sangat baik: di atas 90") for t in texts)


def test_money_totals(office, tmp_path):
    _send(office, tmp_path, "renja", {UNITS[0]: [renja_row(1), renja_row(2, pagu=5_000_000)],
                                      UNITS[1]: [renja_row(3)]})
    plan = merged_plan("renja", 2027)
    assert plan.totals() == {"pagu": 55_000_000, "pagu_maju": 82_500_000}
    sheet = load_workbook(io.BytesIO(merged_workbook(plan))).active
    assert sheet["B11"].value == "Jumlah"
    assert sheet["H11"].value == "=SUM(H8:H10)" and sheet["L11"].value == "=SUM(L8:L10)"
    assert sheet["H8"].number_format == "#,##0"


def test_pdf_with_signature(ekt):
    plan = merged_plan("ekt", 2027, on=date(2028, 1, 15))
    with pdfplumber.open(io.BytesIO(merged_pdf(plan))) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "EVALUASI KINERJA TAHUNAN (EKT) TAHUN 2027" in text
    assert "KECAMATAN NGARGOYOSO" in text and "PEMERINTAH KABUPATEN KARANGANYAR" in text
    assert "50,00 Sangat" in text and "90,00 Baik" in text and "60,00 Kurang" in text
    assert "Rata-rata capaian 66,67 Cukup" in text
    assert "Ngargoyoso, 15 Januari 2028" in text and "WAHYU AGUS PRAMONO, S.STP." in text
    assert "NIP. 19800118 199912 1 001" in text
    assert "Unit yang belum mengirim formulir" not in text  # for the screen, not the signed page


def test_rkt_files_written(office, tmp_path):
    _send(office, tmp_path, "rkt", {unit: [rkt_row(n)] for n, unit in enumerate(UNITS)})
    plan = write_merged("rkt", 2027, tmp_path / "rkt.xlsx", tmp_path / "rkt.pdf",
                        office.data_dir)
    assert plan.missing == () and plan.missing_note() == "Semua unit sudah mengirim formulir."
    assert (tmp_path / "rkt.pdf").read_bytes().startswith(b"%PDF")
    sheet = load_workbook(tmp_path / "rkt.xlsx").active
    assert sheet["H13"].value == "=SUM(H8:H12)"


def test_nothing_to_merge(office):
    with pytest.raises(InvalidInput, match="Belum ada formulir RKT 2027 yang diimpor"):
        merged_plan("rkt", 2027)


def test_place_from_office_name():
    assert default_place("KECAMATAN NGARGOYOSO") == "Ngargoyoso"
    assert default_place("Kecamatan jati agung") == "Jati Agung"
    assert default_place("DINAS PENDIDIKAN") == ""
