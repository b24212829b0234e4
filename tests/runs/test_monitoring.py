"""The monitoring form filled from runs: judgement, facts, period, and the PDF."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pdfplumber

from desktop_app.office.profile import OfficeProfile, Official, save_profile
from desktop_app.runs import engine
from desktop_app.runs.monitoring import BAIK, TIDAK_BAIK, MonitoringRow, monitoring_rows
from desktop_app.runs.reports import monitoring_pdf
from desktop_app.runs.views import run_view
from desktop_app.sop import library

START = datetime(2026, 11, 23, 1, 0)  # Monday 08.00 WIB
SECOND_HALF = (date(2026, 7, 1), date(2026, 12, 31))


def walk(office, start=START, late_first_step=False, returns=0, stop_at=None,
         title="Penyusunan RKT 2027") -> tuple[int, datetime]:
    """Start a run and do its steps a minute apart; step 1 two hours late if asked; step 5
    returns to step 4 `returns` times; stop before step `stop_at`. Gives the run and the time."""
    run_id = engine.start_run(office.sop_id, title, 2027, start.date(), office.assignments,
                              office.admin, now=start)
    people = {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
              "kasubag_perencanaan_keuangan": office.kasubag, "kasubag_umum": office.kasubag}
    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    now = start + (timedelta(hours=2) if late_first_step else timedelta(minutes=1))
    while (step := run_view(run_id, now).active_step) and step.number != stop_at:
        actor = people[lanes[step.number - 1]]
        for check in step.current.checks:
            engine.tick(step.current.run_step_id, check.item_id, True, actor, now)
        if step.simbol != "keputusan":
            engine.complete(step.current.run_step_id, actor, now)
        elif step.number == 5 and returns:
            returns -= 1
            engine.decide(step.current.run_step_id, actor, False, "Salah ketik", now=now)
        else:
            engine.decide(step.current.run_step_id, actor, True, now=now)
        now += timedelta(minutes=1)
    return run_id, now


def test_a_late_step_and_a_return_are_named(office):
    _run, now = walk(office, late_first_step=True, returns=1)
    [row] = monitoring_rows(*SECOND_HALF, now)
    assert row.prosedur == "Penyusunan RKT"
    assert row.penilaian == TIDAK_BAIK
    assert "1 proses (1 selesai): Penyusunan RKT 2027 13/13 langkah." in row.catatan
    assert "Terlambat: langkah 1 terlambat 1 jam." in row.catatan
    assert "Dikembalikan untuk perbaikan 1 kali: langkah 5 ke langkah 4." in row.catatan
    assert row.tindakan == ""


def test_a_clean_run_goes_well(office):
    _run, now = walk(office)
    [row] = monitoring_rows(*SECOND_HALF, now)
    assert row.penilaian == BAIK
    assert "Tidak ada langkah yang terlambat." in row.catatan
    assert "Dikembalikan" not in row.catatan


def test_one_return_per_run_is_normal_but_more_is_not(office):
    _run, now = walk(office, returns=1)
    assert monitoring_rows(*SECOND_HALF, now)[0].penilaian == BAIK
    _run, now = walk(office, returns=2, start=now, title="Penyusunan RKT 2028")
    _run, now = walk(office, returns=1, start=now, title="Penyusunan RKT 2029")
    [row] = monitoring_rows(*SECOND_HALF, now)  # 4 returns in 3 runs
    assert row.penilaian == TIDAK_BAIK
    assert "3 proses (3 selesai)" in row.catatan
    assert ("Dikembalikan untuk perbaikan 4 kali: langkah 5 ke langkah 4 (Penyusunan RKT 2027); "
            "langkah 5 ke langkah 4 2 kali (Penyusunan RKT 2028); "
            "langkah 5 ke langkah 4 (Penyusunan RKT 2029).") in row.catatan


def test_an_unfinished_run_with_nothing_late_is_not_called_finished(office):
    _run, now = walk(office, stop_at=3)
    [row] = monitoring_rows(*SECOND_HALF, now)
    assert "1 proses (0 selesai): Penyusunan RKT 2027 2/13 langkah." in row.catatan
    assert "Tidak ada langkah yang terlambat." in row.catatan
    late = monitoring_rows(*SECOND_HALF, now + timedelta(days=3))[0]  # step 3 has 45 menit
    assert late.penilaian == TIDAK_BAIK and "langkah 3 terlambat" in late.catatan


def test_runs_outside_the_period_are_left_out(office):
    _run, now = walk(office, start=datetime(2026, 6, 1, 1, 0))  # finished in June
    assert monitoring_rows(*SECOND_HALF, now) == []
    assert len(monitoring_rows(date(2026, 1, 1), date(2026, 6, 30), now)) == 1
    walk(office, start=START, stop_at=2)  # still running
    assert monitoring_rows(date(2026, 1, 1), date(2026, 6, 30), now) != []
    [row] = monitoring_rows(*SECOND_HALF, now)
    assert row.catatan.startswith("1 proses (0 selesai)")
    assert monitoring_rows(date(2027, 1, 1), date(2027, 6, 30), now)[0].catatan.startswith(
        "1 proses (0 selesai)")  # the running one goes on into the next semester


def test_two_sops_with_the_same_name_get_their_own_rows(office):
    twin = library.duplicate_sop(office.sop_id)
    library.approve(twin, library.get_sop(office.sop_id).identitas.disahkan_oleh,
                    date(2026, 1, 6))
    _run, now = walk(office, late_first_step=True)
    twin_office = type(office)(**{**office.__dict__, "sop_id": twin})
    _run, now = walk(twin_office, start=now)
    rows = monitoring_rows(*SECOND_HALF, now)
    assert [r.prosedur for r in rows] == ["Penyusunan RKT"] * 2
    assert [r.penilaian for r in rows] == [TIDAK_BAIK, BAIK]


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)


def test_the_pdf_has_title_period_rows_and_penilai(office):
    save_profile(OfficeProfile(
        pemerintah="PEMERINTAH KABUPATEN KARANGANYAR", nama_kantor="KECAMATAN NGARGOYOSO",
        alamat="Jl. Raya Ngargoyoso No. 1, Ngargoyoso",
        officials=(Official("Camat Ngargoyoso", "WAHYU AGUS PRAMONO", "Pembina",
                            "198001181999121001"),)))
    _run, now = walk(office, late_first_step=True, returns=1)
    rows = [MonitoringRow(r.prosedur, r.penilaian, r.catatan, "Pelatihan ulang staf")
            for r in monitoring_rows(*SECOND_HALF, now)]
    text = pdf_text(monitoring_pdf(rows, *SECOND_HALF, "Camat Ngargoyoso",
                                   "WAHYU AGUS PRAMONO", "198001181999121001", "Ngargoyoso",
                                   paper="F4"))
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text
    assert "Periode 1 Juli 2026 sampai 31 Desember 2026" in text
    assert "KECAMATAN NGARGOYOSO" in text
    flat = " ".join(text.split())
    for expected in ("Penyusunan RKT", TIDAK_BAIK, "langkah 5 ke langkah 4",
                     "Pelatihan ulang staf", "Camat Ngargoyoso", "WAHYU AGUS PRAMONO",
                     "NIP. 19800118 199912 1 001", "Ngargoyoso, "):
        assert expected in flat, expected


def test_long_and_multi_line_cells_flow_over_pages(office):
    catatan = "\n".join(f"Baris {n}: " + "fakta yang panjang " * 12 for n in range(60))
    rows = [MonitoringRow(f"SOP {n}", BAIK, catatan, "Tindakan <segera> & cek")
            for n in range(3)]
    data = monitoring_pdf(rows, *SECOND_HALF, "Camat", paper="A4")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) > 3
        first = pdf.pages[0].extract_text()
    lines = first.splitlines()
    assert any(line.startswith("Baris 1:") for line in lines)  # the user's line breaks stay
    text = pdf_text(data)
    assert "Baris 59:" in text and "Tindakan <segera> & cek" in text


def test_an_empty_form_can_be_printed_for_filling_by_hand(workspace):
    text = pdf_text(monitoring_pdf([], *SECOND_HALF, ""))
    assert "FORMULIR MONITORING PELAKSANAAN SOP" in text
    assert "(....................................)" in text
