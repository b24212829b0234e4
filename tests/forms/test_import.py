"""Importing filled forms: round trip, every problem listed by unit, row and column, a file
with a problem imports nothing, and importing a unit again needs a confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from db import models as m
from desktop_app.common.errors import InvalidInput
from desktop_app.forms import sheet_layout as sl
from desktop_app.forms.exporting import export_forms
from desktop_app.forms.form_types import LOWER_BETTER, PlanLine
from desktop_app.forms.importing import NeedsConfirmation, check_forms, import_forms
from desktop_app.forms.store import unit_lines
from desktop_app.office.profile import load_profile
from tests.forms.conftest import Formula, ekt_row, fill, renja_row, rkt_row


def _unit(name="Seksi Pemerintahan"):
    return next(u for u in load_profile().units if u.nama == name)


def _export(tmp_path, kind="rkt", year=2027, unit="Seksi Pemerintahan"):
    return export_forms(tmp_path / f"{kind}-{year}", kind, year, units=[unit])[0].path


def test_round_trip_rkt(office, tmp_path):
    path = fill(_export(tmp_path), [rkt_row(1), rkt_row(2, target=12.5, anggaran=None)], "rkt")
    checks = check_forms([path])
    assert checks[0].ok and checks[0].unit_nama == "Seksi Pemerintahan"
    results = import_forms(office.data_dir, checks)
    assert [(r.unit_nama, r.rows, r.status, r.number) for r in results] == [
        ("Seksi Pemerintahan", 2, "baru", 1)]
    lines = unit_lines("rkt", 2027, _unit().id)
    assert lines[0] == PlanLine(
        sasaran="Meningkatnya kualitas pelayanan publik",
        indikator="Persentase layanan selesai tepat waktu 1", satuan="%", target=91.0,
        program="Program Penyelenggaraan Pemerintahan", kegiatan="Koordinasi pelayanan",
        anggaran=3_000_000)
    assert lines[1].target == 12.5 and lines[1].anggaran is None
    submission = m.PlanSubmission.get()
    assert submission.source_name == path.name
    assert (office.data_dir / submission.stored_path).read_bytes() == path.read_bytes()


def test_round_trip_ekt_and_renja(office, tmp_path):
    ekt = fill(_export(tmp_path, "ekt"), [ekt_row(1, polaritas=LOWER_BETTER)], "ekt")
    renja = fill(_export(tmp_path, "renja"), [renja_row(1), renja_row(2, kode="1.01")],
                 "renja")
    import_forms(office.data_dir, check_forms([ekt, renja]))
    assert unit_lines("ekt", 2027, _unit().id)[0].polaritas == LOWER_BETTER
    lines = unit_lines("renja", 2027, _unit().id)
    assert lines[1].kode == "1.01" and lines[0].pagu == 25_000_000
    assert lines[0].sumber_dana == "DAU" and lines[0].pagu_maju == 27_500_000


def test_text_that_looks_like_a_formula_stays_text(office, tmp_path):
    typed = ["=1+1", "+62 271 123", "-", "@kecamatan", "=HYPERLINK(\"http://x\",\"y\")"]
    rows = [rkt_row(n, kegiatan=text) for n, text in enumerate(typed)]
    import_forms(office.data_dir,
                 check_forms([fill(_export(tmp_path), rows, "rkt")]))
    assert [line.kegiatan for line in unit_lines("rkt", 2027, _unit().id)] == typed


def test_every_problem_by_unit_row_and_column(office, tmp_path):
    rows = [rkt_row(1), rkt_row(2, target="dua puluh"), rkt_row(3, satuan="biji", sasaran=""),
            {}, rkt_row(5, anggaran=-5, indikator="x" * 501),
            rkt_row(6, target=Formula("=10*2"))]
    check = check_forms([fill(_export(tmp_path), rows, "rkt")])[0]
    assert list(check.problems) == [
        "Seksi Pemerintahan, baris 9, kolom Target: 'dua puluh' bukan angka",
        "Seksi Pemerintahan, baris 10, kolom Sasaran Strategis: belum diisi",
        "Seksi Pemerintahan, baris 10, kolom Satuan: 'biji' tidak ada di daftar satuan",
        "Seksi Pemerintahan, baris 12, kolom Indikator Kinerja: teks terlalu panjang "
        "(501 huruf, paling banyak 500)",
        "Seksi Pemerintahan, baris 12, kolom Anggaran (Rp): -5 tidak boleh negatif",
        "Seksi Pemerintahan, baris 13, kolom Target: berisi rumus; isi dengan nilainya saja"]
    with pytest.raises(InvalidInput) as caught:
        import_forms(office.data_dir, [check])
    assert caught.value.problems == list(check.problems)
    assert m.PlanSubmission.select().count() == 0


def test_ekt_realisasi_and_renja_pairs(office, tmp_path):
    ekt = fill(_export(tmp_path, "ekt"), [ekt_row(1, realisasi=-3), ekt_row(2, realisasi=None)],
               "ekt")
    renja = fill(_export(tmp_path, "renja"), [renja_row(1, satuan=None)], "renja")
    problems = [p for c in check_forms([ekt, renja]) for p in c.problems]
    assert problems == [
        "Seksi Pemerintahan, baris 8, kolom Realisasi: -3 tidak boleh negatif",
        "Seksi Pemerintahan, baris 9, kolom Realisasi: belum diisi",
        "Seksi Pemerintahan, baris 8, kolom Satuan: belum diisi (Target sudah diisi)"]


def test_an_empty_form_is_refused(office, tmp_path):
    check = check_forms([_export(tmp_path)])[0]
    assert check.problems == ("Seksi Pemerintahan: formulir masih kosong; belum ada baris "
                              "yang diisi",)


def test_one_bad_file_imports_nothing(office, tmp_path):
    good = fill(_export(tmp_path), [rkt_row(1)], "rkt")
    bad = fill(_export(tmp_path, unit="Seksi Pemberdayaan Masyarakat"),
               [rkt_row(1, target="banyak")], "rkt")
    checks = check_forms([good, bad])
    assert checks[0].ok and not checks[1].ok
    with pytest.raises(InvalidInput, match="Seksi Pemberdayaan Masyarakat, baris 8"):
        import_forms(office.data_dir, checks)
    assert m.PlanSubmission.select().count() == 0
    assert not (office.data_dir / "berkas").exists()


def test_two_files_for_one_unit(office, tmp_path):
    first = fill(_export(tmp_path), [rkt_row(1)], "rkt", tmp_path / "a.xlsx")
    second = fill(_export(tmp_path), [rkt_row(2)], "rkt", tmp_path / "b.xlsx")
    checks = check_forms([first, second])
    assert checks[1].problems == ("b.xlsx: berkas a.xlsx juga untuk Seksi Pemerintahan "
                                  "(RKT 2027); impor satu saja.",)


def test_importing_again_shows_the_changes_and_needs_confirmation(office, tmp_path):
    form = _export(tmp_path)
    fill(form, [rkt_row(1), rkt_row(2)], "rkt", tmp_path / "v1.xlsx")
    import_forms(office.data_dir, check_forms([tmp_path / "v1.xlsx"]))
    fill(form, [rkt_row(1, target=99), rkt_row(3)], "rkt", tmp_path / "v2.xlsx")
    checks = check_forms([tmp_path / "v2.xlsx"])
    assert checks[0].needs_confirmation and checks[0].previous == 1
    with pytest.raises(NeedsConfirmation) as caught:
        import_forms(office.data_dir, checks)
    assert caught.value.problems == [
        "Seksi Pemerintahan: RKT 2027 sudah diimpor (kiriman ke-1); yang berubah:",
        '  - ditambah: "Meningkatnya kualitas pelayanan publik / Persentase layanan selesai '
        'tepat waktu 3"',
        '  - dihapus: "Meningkatnya kualitas pelayanan publik / Persentase layanan selesai '
        'tepat waktu 2"',
        '  - diubah: "Meningkatnya kualitas pelayanan publik / Persentase layanan selesai '
        'tepat waktu 1": Target 91 → 99']
    assert len(unit_lines("rkt", 2027, _unit().id)) == 2
    result = import_forms(office.data_dir, checks, replace=True)[0]
    assert (result.status, result.number) == ("diganti", 2)
    assert [line.target for line in unit_lines("rkt", 2027, _unit().id)] == [99, 93]
    assert m.PlanSubmission.select().count() == 2  # the first one is kept as history


def test_the_same_file_again_changes_nothing(office, tmp_path):
    path = fill(_export(tmp_path), [rkt_row(1)], "rkt")
    import_forms(office.data_dir, check_forms([path]))
    checks = check_forms([path])
    assert checks[0].unchanged
    result = import_forms(office.data_dir, checks)[0]
    assert result.status == "tidak berubah" and m.PlanSubmission.select().count() == 1


def test_someone_else_imported_in_between(office, tmp_path):
    path = fill(_export(tmp_path), [rkt_row(1)], "rkt")
    checks = check_forms([path])
    import_forms(office.data_dir, check_forms([path]))
    with pytest.raises(InvalidInput, match="baru saja diimpor"):
        import_forms(office.data_dir, checks)
    assert m.PlanSubmission.select().count() == 1


def test_import_within_a_run_is_audited(office, tmp_path):
    from desktop_app.common.audit import entries
    from desktop_app.office.people import add_person
    from desktop_app.runs.engine import Actor, start_run
    from desktop_app.sop import library
    from desktop_app.sop.model import Official

    person = add_person("Wahyu", "Camat", "198001181999121001", "admin", "123456")
    sop_id = library.duplicate_sop(1, "RKT")
    library.approve(sop_id, Official("Camat", "Wahyu"), date(2026, 1, 5))
    lanes = library.get_sop(sop_id).pelaksana
    run_id = start_run(sop_id, "Penyusunan RKT 2027", 2027, date(2027, 1, 4),
                       {lane.kode: person for lane in lanes}, Actor(person, "admin"))
    form = export_forms(tmp_path / "x", "rkt", 2027, run_id=run_id)[0].path
    meta = {r[0]: r[1] for r in load_workbook(form)[sl.META_SHEET].iter_rows(values_only=True)}
    assert meta["proses"] == run_id
    fill(form, [rkt_row(1)], "rkt")
    old_year = _export(tmp_path, year=2026)
    fill(old_year, [rkt_row(1)], "rkt")
    assert check_forms([old_year], run_id=run_id)[0].problems == (
        f"{old_year.name}: formulir untuk tahun 2026, bukan 2027.",)
    import_forms(office.data_dir, check_forms([form], run_id=run_id), run_id=run_id,
                 person_id=person)
    assert entries(run_id)[-1].detail == (
        f"RKT 2027 Seksi Pemerintahan: 1 baris dari berkas {form.name} (kiriman ke-1)")
