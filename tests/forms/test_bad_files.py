"""Files that are not a filled form of this office and year are refused with a clear
message, and nothing changes."""

from __future__ import annotations

import struct
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.forms import sheet_layout as sl
from desktop_app.forms import workbook_import
from desktop_app.forms.exporting import export_forms
from desktop_app.forms.importing import check_forms, import_forms
from desktop_app.office.profile import OfficeProfile, Unit, load_profile, save_profile
from tests.forms.conftest import CAMAT, fill, rkt_row


@pytest.fixture
def form(office, tmp_path):
    return export_forms(tmp_path / "forms", "rkt", 2027, units=["Seksi Pemerintahan"])[0].path


def _refused(office, path, **expect) -> str:
    checks = check_forms([path], **expect)
    assert len(checks[0].problems) == 1, checks[0].problems
    with pytest.raises(InvalidInput):
        import_forms(office.data_dir, checks)
    assert m.PlanSubmission.select().count() == 0
    assert not (office.data_dir / "berkas").exists()
    return checks[0].problems[0]


def test_not_an_xlsx(office, tmp_path):
    text = tmp_path / "rencana.txt"
    text.write_text("Target 12")
    assert _refused(office, text) == (
        "rencana.txt: bukan berkas Excel .xlsx. Pilih formulir yang diisi unit (berakhiran "
        ".xlsx).")
    ods = tmp_path / "rencana.ods"
    ods.write_bytes(b"PK\x03\x04")
    assert "berkas .ods tidak diterima" in _refused(office, ods)


def test_corrupted(office, form, tmp_path):
    noise = tmp_path / "rusak.xlsx"
    noise.write_bytes(b"bukan zip sama sekali" * 50)
    assert "rusak.xlsx: berkas rusak atau bukan berkas Excel .xlsx" in _refused(office, noise)
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(fill(form, [rkt_row(1)], "rkt").read_bytes()[:3000])
    assert "terpotong.xlsx: berkas rusak" in _refused(office, cut)
    broken = tmp_path / "isi-rusak.xlsx"
    with zipfile.ZipFile(form) as good, zipfile.ZipFile(broken, "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            bad.writestr(item, data[:40] if item.filename.endswith("sheet1.xml") else data)
    assert "isi-rusak.xlsx: berkas rusak" in _refused(office, broken)


def _encrypted_ooxml() -> bytes:
    """What Excel writes for a workbook with a password: not a zip but an OLE compound file
    whose streams are EncryptionInfo and EncryptedPackage (header and directory only)."""
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)).ljust(512, b"\0")
    entries = b""
    for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entries += (encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded))).ljust(128, b"\0")
    return header + entries.ljust(512, b"\0") + bytes(4096)


def test_password_protected(office, tmp_path):
    locked = tmp_path / "dikunci.xlsx"
    locked.write_bytes(_encrypted_ooxml())
    assert _refused(office, locked).startswith("dikunci.xlsx: berkas dilindungi kata sandi.")
    old = tmp_path / "lama.xlsx"
    old.write_bytes(_encrypted_ooxml().replace("Encrypted".encode("utf-16-le"),
                                               "Workbook\0".encode("utf-16-le")))
    assert "berkas Excel lama (.xls)" in _refused(office, old)


def test_macros(office, form, tmp_path):
    xlsm = tmp_path / "rencana.xlsm"
    xlsm.write_bytes(fill(form, [rkt_row(1)], "rkt").read_bytes())
    assert "berkas berisi makro (.xlsm) tidak diterima" in _refused(office, xlsm)
    renamed = tmp_path / "makro.xlsx"  # a macro workbook renamed to .xlsx
    with zipfile.ZipFile(form) as good, zipfile.ZipFile(renamed, "w") as bad:
        for item in good.infolist():
            bad.writestr(item, good.read(item))
        bad.writestr("xl/vbaProject.bin", b"\0" * 100)
    assert "makro.xlsx: berkas berisi makro tidak diterima" in _refused(office, renamed)


def test_over_20_mb(office, tmp_path):
    big = tmp_path / "besar.xlsx"
    with big.open("wb") as handle:
        handle.truncate(20 * 2**20 + 1)  # sparse: no 20 MB written
    assert "besar.xlsx: berkas lebih dari 20 MB" in _refused(office, big)


def test_unpacks_to_too_much(office, form, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_import, "MAX_UNPACKED", 10_000)
    assert "isi berkas terlalu besar" in _refused(office, fill(form, [rkt_row(1)], "rkt"))


def test_over_5000_rows(office, form):
    book = load_workbook(form)
    sheet = book[sl.DATA_SHEET]
    for row in range(sl.FIRST_DATA_ROW, sl.FIRST_DATA_ROW + 5001):
        sheet.cell(row, 3).value = f"Indikator {row}"
    book.save(form)
    assert "formulir berisi lebih dari 5.000 baris" in _refused(office, form)


def test_another_office(office, form, tmp_path):
    fill(form, [rkt_row(1)], "rkt")
    profile = load_profile()
    save_profile(OfficeProfile(
        pemerintah=profile.pemerintah, nama_kantor="KECAMATAN JENAWI", alamat="Jl. Jenawi",
        officials=(CAMAT,), units=profile.units))
    assert _refused(office, form) == (
        f'{form.name}: formulir dari kantor "KECAMATAN NGARGOYOSO", bukan "KECAMATAN JENAWI"; '
        "tidak dapat diimpor di sini.")


def test_another_year_or_kind(office, form):
    fill(form, [rkt_row(1)], "rkt")
    assert _refused(office, form, year=2028) == (
        f"{form.name}: formulir untuk tahun 2027, bukan 2028.")
    assert _refused(office, form, kind="ekt") == f"{form.name}: ini formulir RKT, bukan EKT."


def test_unit_no_longer_in_the_profile(office, form):
    fill(form, [rkt_row(1)], "rkt")
    profile = load_profile()
    save_profile(OfficeProfile(
        pemerintah=profile.pemerintah, nama_kantor=profile.nama_kantor, alamat=profile.alamat,
        officials=(CAMAT,), units=(Unit("Seksi Lain"),)))
    assert "unit \"Seksi Pemerintahan\" tidak ada di profil kantor" in _refused(office, form)


def test_a_plain_workbook(office, tmp_path):
    plain = tmp_path / "biasa.xlsx"
    book = Workbook()
    book.active["A1"] = "Target"
    book.save(plain)
    assert "biasa.xlsx: bukan formulir isian dari Pandu SOP" in _refused(office, plain)


def test_columns_changed(office, form):
    book = load_workbook(form)
    book[sl.DATA_SHEET]["E5"] = "Target 2027"
    book.save(form)
    assert "judul kolom 5 berubah" in _refused(office, form)


def test_record_from_a_newer_version(office, form):
    book = load_workbook(form)
    book[sl.META_SHEET]["B1"] = "pandu-form/9"
    book.save(form)
    assert 'format formulir "pandu-form/9" tidak dikenal' in _refused(office, form)


def test_unreadable(office, tmp_path):
    missing = tmp_path / "hilang.xlsx"
    assert "hilang.xlsx: berkas tidak dapat dibaca" in _refused(office, missing)


def test_a_dimension_that_understates_the_rows_reads_every_row(office, form, tmp_path):
    """The sheet's <dimension> is a hint some tools write wrong: all 130 rows count."""
    import re

    filled = fill(form, [rkt_row(n) for n in range(1, 131)], "rkt")
    lying = tmp_path / "dimensi.xlsx"
    with zipfile.ZipFile(filled) as good, zipfile.ZipFile(lying, "w") as bad:
        for item in good.infolist():
            data = good.read(item)
            if re.search(rb"<dimension ref=", data):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:F14"', data)
                found = True
            bad.writestr(item, data)
    assert found
    checks = check_forms([lying])
    assert checks[0].problems == ()
    assert len(checks[0].lines) == 130
