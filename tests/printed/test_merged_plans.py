"""Merged RKT, EKT and Renja of three units as the PDF the camat signs (issue 17, item 5):
the signature with the last rows, no word or number broken, Renja totals over the level that
carries the pagu, programs and kegiatan once by Kode, no internal notes, no blank rows."""

from __future__ import annotations

import io
import subprocess

import pdfplumber
import pytest
from openpyxl import load_workbook

from desktop_app.forms.exporting import export_forms
from desktop_app.forms.form_types import PlanLine
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.forms.merge import is_blank, merged_pdf, merged_plan
from desktop_app.forms.merge_workbook import merged_workbook
from tests.forms.conftest import UNITS, ekt_row, fill, office, rkt_row  # noqa: F401
from tests.pdf_checks import check_pdf

THREE = UNITS[:3]


def send(office, tmp_path, kind, rows_by_unit):  # noqa: F811
    paths = []
    tmp_path.mkdir(parents=True, exist_ok=True)
    for number, (unit, rows) in enumerate(rows_by_unit.items()):
        form = export_forms(tmp_path / f"{kind}-{number}", kind, 2027, units=[unit])[0].path
        paths.append(fill(form, rows, kind))
    import_forms(office.data_dir, check_forms(paths), replace=True)


def renja(unit_no: int) -> list[dict]:
    """A program and kegiatan every unit shares, and two sub kegiatan of the unit's own."""
    base = {"indikator": "Jumlah laporan", "target": 12, "satuan": "laporan",
            "lokasi": "Kecamatan Ngargoyoso", "sumber_dana": "DAU", "catatan": "",
            "target_maju": 12}
    return [
        {**base, "kode": "7.01.01", "uraian": "Program Penunjang Urusan Pemerintahan",
         "pagu": 3_658_500_000, "pagu_maju": 3_800_000_000},
        {**base, "kode": "7.01.01.2.01", "uraian": "Perencanaan, Penganggaran, dan Evaluasi",
         "pagu": 3_658_500_000, "pagu_maju": 3_800_000_000},
        {**base, "kode": f"7.01.01.2.01.000{2 * unit_no + 1}",
         "uraian": f"Penyusunan Dokumen Perencanaan Perangkat Daerah {unit_no}",
         "pagu": 1_219_500_000, "pagu_maju": 1_300_000_000},
        {**base, "kode": f"7.01.01.2.01.000{2 * unit_no + 2}",
         "uraian": f"Koordinasi dan Penyusunan Laporan Capaian Kinerja {unit_no}",
         "pagu": 1_000_000, "pagu_maju": 1_100_000},
    ]


def pages(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def assert_signed_with_rows(texts: list[str]) -> None:
    last = texts[-1]
    assert "WAHYU AGUS PRAMONO" in last and "NIP. 19800118 199912 1 001" in last
    assert "Jumlah" in last or "Rata-rata capaian" in last  # the table ends on that page
    assert "Semua unit sudah mengirim" not in " ".join(texts)
    assert "Unit yang belum mengirim" not in " ".join(texts)


def look(data: bytes, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / name)],
                   check=True)
    assert sorted(tmp_path.glob(f"{name}-*.png"))


def test_renja_of_three_units(office, tmp_path):  # noqa: F811
    send(office, tmp_path, "renja", {unit: renja(n) for n, unit in enumerate(THREE)})
    plan = merged_plan("renja", 2027)
    # only the sub kegiatan carry the pagu: 3 x (1.219.500.000 + 1.000.000)
    assert plan.totals()["pagu"] == 3 * 1_220_500_000
    rows = plan.printed_rows()
    kodes = [line.kode for _unit, line in rows]
    assert kodes.count("7.01.01") == 1 and kodes.count("7.01.01.2.01") == 1
    assert kodes[:2] == ["7.01.01", "7.01.01.2.01"] and len(rows) == 2 + 6
    assert rows[0][0] == ", ".join(THREE)
    sheet = load_workbook(io.BytesIO(merged_workbook(plan))).active
    total = next(row for row in sheet.iter_rows() if row[1].value == "Jumlah")
    # the workbook's live total counts the same rows: the sub kegiatan (rows 10, 11, 14, ...)
    assert total[7].value == "=SUM(H10,H11,H14,H15,H18,H19)"
    data = merged_pdf(plan, office.data_dir)
    texts = pages(data)
    flat = " ".join(texts)
    assert "3.661.500.000" in flat  # the Jumlah
    assert "7.01.01.2.01.0001" in flat and "1.219.500.000" in flat
    assert_signed_with_rows(texts)
    assert check_pdf(data, tmp_path) == []
    look(data, tmp_path, "renja")


@pytest.mark.parametrize("kind", ["rkt", "ekt"])
def test_rkt_and_ekt_of_three_units_keep_their_signature(office, tmp_path, kind):  # noqa: F811
    make = rkt_row if kind == "rkt" else ekt_row
    for count in (3, 5, 7, 9):
        send(office, tmp_path / str(count), kind,
             {unit: [make(n + 10 * u) for n in range(count)] for u, unit in enumerate(THREE)})
        data = merged_pdf(merged_plan(kind, 2027), office.data_dir)
        texts = pages(data)
        assert_signed_with_rows(texts)
        assert check_pdf(data, tmp_path) == [], (kind, count)
    look(data, tmp_path, kind)


def test_blank_rows_are_not_plan_rows():
    assert is_blank(PlanLine()) and not is_blank(PlanLine(uraian="Program"))
