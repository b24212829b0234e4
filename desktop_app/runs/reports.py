"""Run reports as files: the audit trail (PDF, XLSX) and the SOP monitoring form (PDF)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.common.audit import entries
from desktop_app.common.dates import tanggal, waktu
from desktop_app.office.kop import office_kop
from desktop_app.office.settings import get_setting
from desktop_app.runs.monitoring import MonitoringRow
from desktop_app.runs.views import run_view


def audit_pdf(run_id: int, data_dir: Path | None = None, paper: str | None = None) -> bytes:
    from desktop_app.render.pdf.table_report import TableReport, render_table_report

    view = run_view(run_id)
    rows = [[waktu(e.at), e.person, e.on_behalf_of, e.action, e.detail]
            for e in entries(run_id)]
    report = TableReport(
        "JEJAK AUDIT PROSES", f"{view.title} — SOP {view.sop_nama} (revisi {view.revision})",
        ["Waktu", "Oleh", "Atas nama", "Tindakan", "Rincian"], rows, [14, 18, 18, 24, 46])
    return render_table_report(report, office_kop("", data_dir), paper or get_setting("paper"))


def audit_xlsx(run_id: int) -> bytes:
    from desktop_app.render.xlsx.audit_trail import audit_xlsx as render

    return render(run_view(run_id).title, entries(run_id))


def monitoring_pdf(rows: list[MonitoringRow], start: date, end: date, penilai_jabatan: str,
                   penilai_nama: str = "", penilai_nip: str = "", place: str = "",
                   data_dir: Path | None = None, paper: str | None = None) -> bytes:
    from desktop_app.render.pdf.table_report import (
        Signature,
        TableReport,
        render_table_report,
    )

    report = TableReport(
        "FORMULIR MONITORING PELAKSANAAN SOP",
        f"Periode {tanggal(start)} sampai {tanggal(end)}",
        ["No", "Prosedur", "Penilaian terhadap penerapan", "Catatan hasil penilaian",
         "Tindakan yang harus diambil", "Paraf penilai"],
        [[str(n), r.prosedur, r.penilaian, r.catatan, r.tindakan, ""]
         for n, r in enumerate(rows, start=1)],
        [5, 22, 16, 40, 26, 10], numbered_header=True, centred=(0,), min_row_mm=12,
        signature=Signature(f"{place + ', ' if place else ''}{tanggal(date.today())}",
                            penilai_jabatan, penilai_nama, penilai_nip))
    return render_table_report(report, office_kop("", data_dir), paper or get_setting("paper"))
