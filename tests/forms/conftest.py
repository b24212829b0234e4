"""A kecamatan office with five units, and helpers to fill a form as a unit would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.form_types import FORM_TYPES
from desktop_app.office.profile import OfficeProfile, Official, Unit, save_profile
from desktop_app.render.xlsx.cells import set_text

UNITS = ("Seksi Pemerintahan", "Seksi Ketentraman dan Ketertiban Umum",
         "Seksi Pemberdayaan Masyarakat", "Subbag Umum dan Kepegawaian",
         "Subbag Perencanaan dan Keuangan")
CAMAT = Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO, S.STP.", "Pembina",
                 "198001181999121001")


@pytest.fixture
def office(workspace):
    profile = OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jl. Raya Ngargoyoso No. 1", kode_pos="57793",
        officials=(CAMAT,), units=tuple(Unit(name) for name in UNITS))
    save_profile(profile)
    return workspace


def fill(path: Path, rows: list[dict], kind: str, out: Path | None = None) -> Path:
    """Type `rows` (column key -> value) into a form from row 8 on, as Excel would store them
    (a Formula as a formula); clears the rows below. Saves to `out` (default: over the form)."""
    form = FORM_TYPES[kind]
    book = load_workbook(path)
    sheet = book[sl.DATA_SHEET]
    columns = {c.key: n for n, c in enumerate(form.columns, start=1)}
    for row in range(sl.FIRST_DATA_ROW, sheet.max_row + 1):
        for column in form.inputs:
            sheet.cell(row, columns[column.key]).value = None
    for offset, values in enumerate(rows):
        for key, value in values.items():
            cell = sheet.cell(sl.FIRST_DATA_ROW + offset, columns[key])
            if isinstance(value, Formula):
                cell.value = value.text  # typed into a cell: a formula
            else:
                set_text(cell, value)  # text stays text, as in the text-formatted cells
    target = out or path
    book.save(target)
    return target


class Formula:
    def __init__(self, text: str):
        self.text = text


def rkt_row(n: int, **changes) -> dict:
    row = {"sasaran": "Meningkatnya kualitas pelayanan publik",
           "indikator": f"Persentase layanan selesai tepat waktu {n}", "satuan": "%",
           "target": 90 + n % 10, "program": "Program Penyelenggaraan Pemerintahan",
           "kegiatan": "Koordinasi pelayanan", "anggaran": 1_500_000 * (n + 1)}
    return {**row, **changes}


def ekt_row(n: int, **changes) -> dict:
    row = {"sasaran": "Meningkatnya kualitas pelayanan publik",
           "indikator": f"Persentase layanan selesai tepat waktu {n}", "satuan": "%",
           "polaritas": "Tinggi lebih baik", "target": 100, "realisasi": 80 + n}
    return {**row, **changes}


def renja_row(n: int, **changes) -> dict:
    row = {"kode": f"7.01.02.{n}", "uraian": f"Sub kegiatan koordinasi {n}",
           "indikator": "Jumlah laporan", "target": 12, "satuan": "laporan",
           "lokasi": "Kecamatan Ngargoyoso", "pagu": 25_000_000, "sumber_dana": "DAU",
           "catatan": "", "target_maju": 12, "pagu_maju": 27_500_000}
    return {**row, **changes}
