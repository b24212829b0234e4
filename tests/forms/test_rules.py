"""The rules of the plan forms, one by one: cell values, capaian, grade bands, diffs."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.common.errors import InvalidInput
from desktop_app.forms.cell_values import cell_value, format_number, format_percent
from desktop_app.forms.diff import line_changes
from desktop_app.forms.form_types import (
    EKT,
    HIGHER_BETTER,
    LOWER_BETTER,
    MONEY,
    NUMBER,
    POLARITAS,
    RKT,
    SATUAN,
    SUMBER_DANA,
    TEXT,
    GradeBands,
    PlanLine,
    capaian,
    form_type,
    kind_for_document,
)
from desktop_app.forms.sheet_layout import text_lines
from desktop_app.forms.store import format_grade_bands, parse_grade_bands


@pytest.mark.parametrize(("raw", "value"), [
    (12, 12.0), (12.5, 12.5), ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5),
    ("1.500", 1500.0), ("1.500,25", 1500.25), (" 7 ", 7.0), (0, 0.0), (None, None), ("", None),
])
def test_numbers_accepted(raw, value):
    assert cell_value(NUMBER, raw) == (value, None)


@pytest.mark.parametrize(("raw", "problem"), [
    ("dua puluh", "'dua puluh' bukan angka"), ("12 %", "'12 %' bukan angka"),
    (-1, "-1 tidak boleh negatif"), ("-2,5", "-2,5 tidak boleh negatif"),
    (True, "'Ya' bukan angka"), (date(2027, 1, 2), "'02-01-2027' bukan angka"),
])
def test_numbers_refused(raw, problem):
    assert cell_value(NUMBER, raw) == (None, problem)


@pytest.mark.parametrize(("raw", "value"), [
    (1500000, 1500000), (1500000.0, 1500000), ("1500000", 1500000), ("1.500.000", 1500000),
    ("Rp 1.500.000", 1500000), ("Rp1.500.000", 1500000), ("rp. 250000", 250000),
])
def test_money_is_whole_rupiah(raw, value):
    assert cell_value(MONEY, raw) == (value, None)
    assert isinstance(cell_value(MONEY, raw)[0], int)


@pytest.mark.parametrize(("raw", "problem"), [
    (1500.5, "1.500,5 harus rupiah utuh, tanpa sen"), ("satu juta", "bukan angka rupiah"),
    (-5000, "-5.000 tidak boleh negatif"),
])
def test_money_refused(raw, problem):
    value, found = cell_value(MONEY, raw)
    assert value is None and problem in found


def test_lists_take_their_own_spelling():
    assert cell_value(SATUAN, " Dokumen ") == ("dokumen", None)
    assert cell_value(SATUAN, "%") == ("%", None)
    assert cell_value(SUMBER_DANA, "dau") == ("DAU", None)
    assert cell_value(POLARITAS, "rendah  lebih baik") == (LOWER_BETTER, None)
    assert cell_value(SATUAN, "biji") == (None, "'biji' tidak ada di daftar satuan")
    assert cell_value(SUMBER_DANA, "Hibah") == (None,
                                                 "'Hibah' tidak ada di daftar sumber dana")


def test_text_is_kept_as_typed_and_limited():
    assert cell_value(TEXT, "=1+1") == ("=1+1", None)  # text, never evaluated
    assert cell_value(TEXT, "  Rapat   koordinasi ") == ("Rapat koordinasi", None)
    assert cell_value(TEXT, "baris satu\n\n baris dua") == ("baris satu\nbaris dua", None)
    assert cell_value(TEXT, 2027.0) == ("2027", None)
    assert cell_value(TEXT, "x" * 500) == ("x" * 500, None)
    assert cell_value(TEXT, "x" * 501) == (
        None, "teks terlalu panjang (501 huruf, paling banyak 500)")


def test_numbers_shown_the_indonesian_way():
    assert format_number(1500000) == "1.500.000"
    assert format_number(12.5) == "12,5"
    assert format_number(100.0) == "100"
    assert format_number(0.25) == "0,25"
    assert format_number(None) == ""
    assert format_percent(85.5) == "85,50"


def test_capaian_with_polarity():
    assert capaian(80, 60, HIGHER_BETTER) == 75
    assert capaian(10, 5, LOWER_BETTER) == 200  # half the complaints planned: better
    assert capaian(10, 20, LOWER_BETTER) == 50
    assert capaian(0, 5, HIGHER_BETTER) is None
    assert capaian(10, 0, LOWER_BETTER) is None
    assert capaian(None, 5, HIGHER_BETTER) is None


@pytest.mark.parametrize(("value", "grade"), [
    (120, "Sangat baik"), (90.01, "Sangat baik"), (90, "Baik"), (76, "Baik"), (75, "Cukup"),
    (66, "Cukup"), (65, "Kurang"), (51, "Kurang"), (50, "Sangat kurang"), (0, "Sangat kurang"),
    (None, ""),
])
def test_grade_bands(value, grade):
    assert GradeBands().grade(value) == grade


def test_grade_bands_as_a_setting():
    bands = GradeBands()
    text = format_grade_bands(bands)
    assert text == "90=Sangat baik;75=Baik;65=Cukup;50=Kurang;Sangat kurang"
    assert parse_grade_bands(text) == bands
    assert parse_grade_bands("80=Tinggi;60=Sedang;Rendah").grade(70) == "Sedang"
    for bad in ("60=A;80=B;C", "x=A;B", "90=;B"):
        with pytest.raises(InvalidInput):
            parse_grade_bands(bad)


def test_form_types():
    assert form_type("RKT") is RKT
    assert kind_for_document("form_ekt") == "ekt" and kind_for_document("disposisi") is None
    with pytest.raises(InvalidInput, match="rkt, ekt atau renja"):
        form_type("lakip")
    assert [c.header for c in RKT.columns] == [
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Program",
        "Kegiatan", "Anggaran (Rp)"]
    assert [c.key for c in EKT.inputs if c.required] == [
        "indikator", "satuan", "polaritas", "target", "realisasi"]


def test_text_lines_estimate():
    assert text_lines("", 20) == 1
    assert text_lines("pendek", 20) == 1
    assert text_lines("kata " * 40, 20) > 5
    assert text_lines("satu\ndua", 20) == 2


def test_changes_between_imports():
    old = (PlanLine(sasaran="S", indikator="A", satuan="%", target=90, anggaran=1000),
           PlanLine(sasaran="S", indikator="B", satuan="%", target=50))
    new = (PlanLine(sasaran="S", indikator="B", satuan="%", target=50),  # moved: no change
           PlanLine(sasaran="S", indikator="A", satuan="%", target=95, anggaran=1000),
           PlanLine(sasaran="S", indikator="C", satuan="dokumen", target=2))
    assert line_changes(RKT, old, new) == [
        'ditambah: "S / C"', 'diubah: "S / A": Target 90 → 95']
    assert line_changes(RKT, old, old[::-1]) == []
    assert line_changes(RKT, old, old[:1]) == ['dihapus: "S / B"']
