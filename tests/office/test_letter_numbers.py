"""Letter numbers: the format, the yearly running number, cancelled numbers, the register,
classification codes, and numbers taken by several processes at the same moment."""

from __future__ import annotations

import multiprocessing
import time
from datetime import date
from pathlib import Path

import pytest

from db import models as m
from desktop_app.common.audit import verify_chain
from desktop_app.common.errors import InvalidInput, NotFound
from desktop_app.office.kop import office_kop
from desktop_app.office.letter_numbers import (
    LetterNumber,
    add_code,
    cancel_number,
    format_problems,
    list_codes,
    number_format,
    preview_number,
    register,
    register_pdf,
    register_years,
    set_code_active,
    set_number_format,
    take_number,
)
from desktop_app.office.settings import set_settings

SOP_CODE = "000.7.2.6"


@pytest.fixture
def office(workspace):
    set_settings({"kode_unit": "408.12"})
    return workspace


@pytest.fixture
def person_id(office):
    return m.Person.create(nama="Sri Lestari", role="admin", pin_hash="-").id


def _take(database, letter_date=date(2026, 3, 2), person=None, **changes) -> LetterNumber:
    values = {"classification": SOP_CODE, "kind": "surat_dinas", "perihal": "Undangan rapat",
              "tujuan": "Kepala Desa se-Kecamatan", "letter_date": letter_date,
              "person_id": person, **changes}
    return take_number(**values)


def test_numbers_run_one_two_three_in_the_default_format(office, person_id):
    taken = [_take(office.database, person=person_id) for _ in range(3)]
    assert [t.number for t in taken] == ["000.7.2.6/001/408.12/2026", "000.7.2.6/002/408.12/2026",
                                         "000.7.2.6/003/408.12/2026"]
    assert [(t.year, t.sequence) for t in taken] == [(2026, 1), (2026, 2), (2026, 3)]
    entries = register(2026)
    assert [e.sequence for e in entries] == [1, 2, 3]
    first = entries[0]
    assert (first.number, first.classification, first.kind_label, first.perihal, first.tujuan,
            first.letter_date, first.taken_by, first.status) == (
        "000.7.2.6/001/408.12/2026", SOP_CODE, "Surat dinas", "Undangan rapat",
        "Kepala Desa se-Kecamatan", date(2026, 3, 2), "Sri Lestari", "aktif")
    assert first.document_id is None


def test_running_number_restarts_each_year(office):
    _take(office.database, date(2026, 12, 30))
    _take(office.database, date(2026, 12, 31))
    new_year = _take(office.database, date(2027, 1, 2))
    late_2026 = _take(office.database, date(2026, 12, 31))  # a letter of last year, still
    assert new_year.number == "000.7.2.6/001/408.12/2027"
    assert late_2026.number == "000.7.2.6/003/408.12/2026"
    assert [e.sequence for e in register(2026)] == [1, 2, 3]
    assert [e.number for e in register(2027)] == ["000.7.2.6/001/408.12/2027"]
    assert register_years() == [2027, 2026]


def test_cancelled_number_keeps_its_row_and_is_never_reused(office, person_id):
    _take(office.database)
    second = _take(office.database)
    with pytest.raises(InvalidInput, match="alasan"):
        cancel_number(second.id, "  ", person_id)
    cancel_number(second.id, "Salah tujuan", person_id)
    third = _take(office.database)
    assert third.sequence == 3
    entries = register(2026)
    assert [(e.sequence, e.status) for e in entries] == [(1, "aktif"), (2, "batal"), (3, "aktif")]
    cancelled = entries[1]
    assert (cancelled.number, cancelled.cancel_reason, cancelled.cancelled_by,
            cancelled.status_label) == ("000.7.2.6/002/408.12/2026", "Salah tujuan",
                                        "Sri Lestari", "Batal")
    assert cancelled.cancelled_at is not None
    with pytest.raises(InvalidInput, match="sudah dibatalkan"):
        cancel_number(second.id, "lagi", person_id)
    with pytest.raises(NotFound):
        cancel_number(999, "tidak ada", person_id)


def test_the_last_number_cancelled_is_not_reused_either(office):
    first = _take(office.database)
    cancel_number(first.id, "Batal kirim", None)
    assert _take(office.database).sequence == 2


@pytest.mark.parametrize("fmt, expected", [
    ("{klasifikasi}/{nomor:03d}/{kode_unit}/{tahun}", []),
    ("B-{nomor}/{kode_unit}/{tahun}", []),
    ("{{{nomor}}}/{tahun}", []),
    ("", ["belum diisi"]),
    ("{nomor}/{tahun", ["tidak berpasangan"]),
    ("{nomor}}/{tahun}", ["tidak berpasangan"]),
    ("{nomr}/{tahun}", ['"{nomr}" tidak dikenal', "{nomor} harus ada"]),
    ("{}/{nomor}/{tahun}", ['"{}" tidak dikenal']),
    ("{nomor.real}/{tahun}", ["tidak dikenal", "{nomor} harus ada"]),
    ("{klasifikasi:03d}/{nomor}/{tahun}", ['"{klasifikasi:03d}" tidak dapat dipakai']),
    ("{nomor!r}/{tahun}", ['"{nomor!r}" tidak dapat dipakai']),
    ("{nomor}/{kode_unit}", ["{tahun} harus ada"]),
    ("{nomor}\n{tahun}", ["satu baris"]),
])
def test_format_problems(fmt, expected):
    problems = format_problems(fmt)
    assert len(problems) == len(expected), problems
    for problem, part in zip(problems, expected, strict=True):
        assert problem.startswith("format nomor: ") and part in problem


def test_preview_number():
    assert preview_number(number_format_default(), SOP_CODE, 15, "408.12", 2026) == \
        "000.7.2.6/015/408.12/2026"
    assert preview_number("{nomor}/{klasifikasi}/{tahun}", "000.8.3.3", 7, "", 2027) == \
        "7/000.8.3.3/2027"
    with pytest.raises(InvalidInput, match="tidak dikenal"):
        preview_number("{bulan}/{nomor}/{tahun}", SOP_CODE, 1, "408.12", 2026)


def number_format_default() -> str:
    from desktop_app.office.settings import DEFAULTS

    return DEFAULTS["format_nomor"]


def test_custom_format(office, person_id):
    set_number_format("  B-{nomor:04d}/{kode_unit}/{klasifikasi}/{tahun} ",
                      person_id)
    assert number_format() == "B-{nomor:04d}/{kode_unit}/{klasifikasi}/{tahun}"
    assert _take(office.database).number == "B-0001/408.12/000.7.2.6/2026"
    with pytest.raises(InvalidInput):
        set_number_format("{nomor}", person_id)
    assert number_format() == "B-{nomor:04d}/{kode_unit}/{klasifikasi}/{tahun}"
    set_number_format("{nomor}/{tahun}", person_id)
    assert _take(office.database).number == "2/2026"
    assert [e.number for e in register(2026)] == ["B-0001/408.12/000.7.2.6/2026", "2/2026"]


@pytest.mark.parametrize("changes, message", [
    ({"kind": "memo"}, "jenis surat"),
    ({"perihal": "   "}, "perihal: belum diisi"),
    ({"classification": ""}, "belum dipilih"),
    ({"classification": "000/7"}, "angka yang dipisah titik"),
    ({"classification": "999.9"}, "belum ada di daftar"),
    ({"letter_date": None}, "tanggal surat"),
])
def test_take_number_refuses_bad_input_and_changes_nothing(office, changes, message):
    with pytest.raises(InvalidInput, match=message):
        _take(office.database, **changes)
    assert register(2026) == []


def test_take_number_needs_the_unit_code_when_the_format_uses_it(workspace):
    with pytest.raises(InvalidInput, match="kode unit"):
        _take(workspace.database)
    set_number_format("{klasifikasi}/{nomor:03d}/{tahun}", None)
    assert _take(workspace.database).number == "000.7.2.6/001/2026"


def test_take_number_inside_a_callers_transaction(office):
    with office.database.atomic():
        taken = _take(office.database)
    assert taken.sequence == 1 and len(register(2026)) == 1


def test_classification_codes(office, person_id):
    codes = [c.code for c in list_codes()]
    assert codes == ["000.7.2.4", "000.7.2.6", "000.7.2.7", "000.7.2.10", "000.8.3.3",
                     "000.8.6.3"]
    added = add_code(" 000.9.3 ", " Pengelolaan  arsip ", person_id)
    assert (added.code, added.description, added.active) == ("000.9.3", "Pengelolaan arsip", True)
    with pytest.raises(InvalidInput, match="sudah ada"):
        add_code("000.9.3", "Lagi", person_id)
    with pytest.raises(InvalidInput) as error:
        add_code("000.A/1", "", person_id)
    assert len(error.value.problems) == 2
    set_code_active(added.id, False, person_id)
    assert "000.9.3" not in [c.code for c in list_codes()]
    assert "000.9.3" in [c.code for c in list_codes(include_inactive=True)]
    with pytest.raises(InvalidInput, match="tidak aktif"):
        _take(office.database, classification="000.9.3")
    set_code_active(added.id, True, person_id)
    assert _take(office.database, classification="000.9.3").number == "000.9.3/001/408.12/2026"
    with pytest.raises(NotFound):
        set_code_active(999, True, person_id)


def test_every_change_is_in_the_audit_trail(office, person_id):
    taken = _take(office.database, person=person_id)
    cancel_number(taken.id, "Dobel", person_id)
    add_code("000.9.3", "Pengelolaan arsip", person_id)
    set_number_format("{nomor}/{tahun}", person_id)
    rows = list(m.AuditEntry.select().order_by(m.AuditEntry.id))
    assert [(r.run_id, r.person_id, r.action) for r in rows] == [
        (None, person_id, "ambil_nomor"), (None, person_id, "batal_nomor"),
        (None, person_id, "tambah_kode_klasifikasi"), (None, person_id, "ubah_format_nomor")]
    assert rows[0].detail == "000.7.2.6/001/408.12/2026: Undangan rapat"
    assert verify_chain() == []


def test_register_pdf(office):
    _take(office.database)
    second = _take(office.database, kind="nota_dinas", perihal="Laporan & evaluasi <SAKIP>")
    cancel_number(second.id, "Salah perihal", None)
    pdf = register_pdf(2026, office_kop("", office.data_dir), "F4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert register_pdf(2030, office_kop(), "A4").startswith(b"%PDF")  # an empty year


# --- several processes at the same moment ------------------------------------------------------

WORKERS = 4
NUMBERS_EACH = 25


def _take_many(data_dir: str, worker: int, barrier) -> None:
    """A process of its own: open the data folder and take numbers as fast as it can."""
    from desktop_app.workspace import open_workspace

    workspace = open_workspace(Path(data_dir))
    try:
        barrier.wait(timeout=60)
        for n in range(NUMBERS_EACH):
            take_number(classification=SOP_CODE, kind="surat_dinas",
                        perihal=f"proses {worker} surat {n}", tujuan="",
                        letter_date=date(2026, 5, 4), person_id=None)
    finally:
        workspace.close()


def test_processes_taking_numbers_at_once_get_every_number_exactly_once(office):
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    processes = [context.Process(target=_take_many, args=(str(office.data_dir), i, barrier))
                 for i in range(WORKERS)]
    started = time.monotonic()
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0] * WORKERS, "a process failed (see its stderr)"

    entries = register(2026)
    total = WORKERS * NUMBERS_EACH
    assert sorted(e.sequence for e in entries) == list(range(1, total + 1))
    assert len({e.number for e in entries}) == total
    assert len({e.perihal for e in entries}) == total  # every take of every process is there
    assert m.AuditEntry.select().where(m.AuditEntry.action == "ambil_nomor").count() == total
    assert verify_chain() == []
    assert time.monotonic() - started < 60


def test_the_number_format_reads_in_words_and_the_stored_form_still_works(workspace):
    from desktop_app.office.letter_numbers import number_format, readable_format, stored_format

    assert readable_format("{klasifikasi}/{nomor:03d}/{kode_unit}/{tahun}") == (
        "{klasifikasi}/{nomor 3 angka}/{kode_unit}/{tahun}")
    assert stored_format("{klasifikasi}/{nomor 4 angka}/{tahun}") == (
        "{klasifikasi}/{nomor:04d}/{tahun}")
    assert format_problems("{klasifikasi}/{nomor 3 angka}/{kode_unit}/{tahun}") == []
    set_number_format("{klasifikasi}/{nomor 4 angka}/{tahun}", None)
    assert number_format() == "{klasifikasi}/{nomor:04d}/{tahun}"  # stored as before
    set_number_format("{klasifikasi}/{nomor:03d}/{tahun}", None)  # the old form still works
    assert number_format() == "{klasifikasi}/{nomor:03d}/{tahun}"
