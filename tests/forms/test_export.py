"""A unit's form: what the workbook holds, how it is protected and printed, what it is
prefilled with, and the folder it is written to."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from desktop_app.common.errors import InvalidInput
from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.exporting import export_forms, unit_form
from desktop_app.forms.form_types import HIGHER_BETTER, LOWER_BETTER
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.office.profile import load_profile
from tests.forms.conftest import UNITS, ekt_row, fill, renja_row, rkt_row


def test_one_form_per_unit(office, tmp_path):
    forms = export_forms(tmp_path / "out", "rkt", 2027)
    assert [f.unit_nama for f in forms] == list(UNITS)
    assert forms[0].path.name == "RKT-2027-Seksi-Pemerintahan.xlsx"
    assert forms[1].path.name == "RKT-2027-Seksi-Ketentraman-dan-Ketertiban-Umum.xlsx"
    assert all(f.path.is_file() and f.prefilled == 0 for f in forms)
    only = export_forms(tmp_path / "one", "ekt", 2027, units=["seksi  pemerintahan"])
    assert [f.path.name for f in only] == ["EKT-2027-Seksi-Pemerintahan.xlsx"]


def test_workbook_layout(office, tmp_path):
    path = export_forms(tmp_path, "ekt", 2027, units=["Seksi Pemerintahan"])[0].path
    book = load_workbook(path)
    assert book.sheetnames == [sl.DATA_SHEET, sl.HELP_SHEET, sl.LIST_SHEET, sl.META_SHEET]
    assert book[sl.META_SHEET].sheet_state == "hidden"
    assert book[sl.LIST_SHEET].sheet_state == "hidden"
    assert book.security.lockStructure
    meta = {row[0]: row[1] for row in book[sl.META_SHEET].iter_rows(values_only=True)}
    assert meta["format"] == "pandu-form/1" and meta["jenis"] == "ekt"
    assert meta["tahun"] == 2027 and meta["unit"] == "Seksi Pemerintahan"
    assert meta["kantor"] == "KECAMATAN NGARGOYOSO" and meta["proses"] is None
    sheet = book[sl.DATA_SHEET]
    assert sheet["A1"].value == "FORMULIR ISIAN EVALUASI KINERJA TAHUNAN (EKT) TAHUN 2027"
    assert sheet["A3"].value == "Unit: Seksi Pemerintahan"
    assert sheet["C5"].value == "Indikator Kinerja *" and sheet["J5"].value == "Keterangan"
    assert [sheet.cell(7, n).value for n in range(1, 11)] == list(range(1, 11))
    assert sheet.freeze_panes == "A8"
    assert sheet.protection.sheet
    assert sheet["C5"].protection.locked and sheet["C8"].protection.locked is False
    assert sheet["H8"].protection.locked  # capaian: a formula
    assert sheet["H8"].value.startswith("=IF(OR(F8=\"\",G8=\"\")")
    assert sheet["I8"].value.startswith('=IF(H8="","",IF(H8>90,"Sangat baik"')
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 14 and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$5:$7"


def test_data_validation(office, tmp_path):
    path = export_forms(tmp_path, "renja", 2027, units=["Seksi Pemerintahan"])[0].path
    rules = {str(r.sqref): r for r in load_workbook(path)[sl.DATA_SHEET].data_validations
             .dataValidation}
    assert rules["D8:D107"].type == "decimal" and rules["D8:D107"].formula1 == "0"
    assert rules["G8:G107"].type == "whole"
    assert rules["E8:E107"].type == "list"
    assert rules["E8:E107"].formula1.startswith("Daftar!$A$2")
    assert rules["H8:H107"].formula1.startswith("Daftar!$B$2")
    assert rules["B8:B107"].type == "textLength" and rules["B8:B107"].formula1 == "500"
    assert "angka" in rules["D8:D107"].error


def test_prefill_from_last_years_plan(office, tmp_path):
    _db, data_dir = office.database, office.data_dir
    rkt = export_forms(tmp_path / "a", "rkt", 2026, units=["Seksi Pemerintahan"])[0].path
    injected = "=HYPERLINK(\"http://contoh\",\"klik\")"
    fill(rkt, [rkt_row(1), rkt_row(2, kegiatan=injected)], "rkt")
    import_forms(data_dir, check_forms([rkt]))

    form = export_forms(tmp_path / "b", "rkt", 2027, units=["Seksi Pemerintahan"])[0]
    assert form.prefilled == 2 and "RKT 2026" in form.prefill_note
    sheet = load_workbook(form.path)[sl.DATA_SHEET]
    assert sheet["C9"].value == "Persentase layanan selesai tepat waktu 2"
    assert sheet["H9"].value == 4_500_000 and sheet["E9"].value == 92
    assert sheet["G9"].value == injected and sheet["G9"].data_type == "s"  # text, not formula
    assert "RKT 2026" in sheet["A4"].value


def test_ekt_starts_from_that_years_rkt_targets(office, tmp_path):
    _db, data_dir = office.database, office.data_dir
    old_ekt = export_forms(tmp_path / "a", "ekt", 2026, units=["Seksi Pemerintahan"])[0].path
    fill(old_ekt, [ekt_row(1, polaritas=LOWER_BETTER)], "ekt")
    rkt = export_forms(tmp_path / "b", "rkt", 2027, units=["Seksi Pemerintahan"])[0].path
    fill(rkt, [rkt_row(1, target=12), rkt_row(2, target=7)], "rkt")
    import_forms(data_dir, check_forms([old_ekt, rkt]))

    form = export_forms(tmp_path / "c", "ekt", 2027, units=["Seksi Pemerintahan"])[0]
    assert form.prefilled == 2 and "target RKT 2027" in form.prefill_note
    sheet = load_workbook(form.path)[sl.DATA_SHEET]
    assert [sheet[f"F{r}"].value for r in (8, 9)] == [12, 7]  # target
    assert [sheet[f"E{r}"].value for r in (8, 9)] == [LOWER_BETTER, HIGHER_BETTER]
    assert sheet["G8"].value is None  # realisasi: for the unit to fill


def test_renja_rolls_prakiraan_maju_forward(office, tmp_path):
    _db, data_dir = office.database, office.data_dir
    old = export_forms(tmp_path / "a", "renja", 2026, units=["Seksi Pemerintahan"])[0].path
    fill(old, [renja_row(1)], "renja")
    import_forms(data_dir, check_forms([old]))
    form = export_forms(tmp_path / "b", "renja", 2027, units=["Seksi Pemerintahan"])[0]
    sheet = load_workbook(form.path)[sl.DATA_SHEET]
    assert sheet["G8"].value == 27_500_000  # pagu <- last year's prakiraan maju
    assert sheet["J8"].value is None and sheet["K8"].value is None
    assert sheet["A8"].value == "7.01.02.1" and sheet["A8"].number_format == "@"


def test_a_new_form_repeats_what_the_unit_sent_this_year(office, tmp_path):
    path = export_forms(tmp_path / "a", "rkt", 2027, units=["Seksi Pemerintahan"])[0].path
    fill(path, [rkt_row(1)], "rkt")
    import_forms(office.data_dir, check_forms([path]))
    data, rows, note = unit_form("rkt", 2027, load_profile().units[0].id)
    assert rows == 1 and "kiriman terakhir" in note and data[:2] == b"PK"


def test_refusals(office, tmp_path):
    with pytest.raises(InvalidInput, match='Unit "Seksi Tidak Ada" tidak ada'):
        export_forms(tmp_path, "rkt", 2027, units=["Seksi Tidak Ada"])
    with pytest.raises(InvalidInput, match="Tahun 27 tidak masuk akal"):
        export_forms(tmp_path, "rkt", 27)
    with pytest.raises(InvalidInput, match="tidak ada"):
        export_forms(tmp_path / "no" / "such", "rkt", 2027)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InvalidInput, match="bukan folder"):
        export_forms(tmp_path / "file", "rkt", 2027)


def test_no_units_yet(workspace, tmp_path):
    with pytest.raises(InvalidInput, match="Belum ada unit"):
        export_forms(tmp_path, "rkt", 2027)
