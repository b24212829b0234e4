"""The SOP monitoring form (PermenPAN-RB 35/2012, table 7) filled from what the runs did:
per SOP a suggested judgement and the facts behind it; the action is left to the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db import models as m
from desktop_app.runs.views import RunView, run_view

BAIK, TIDAK_BAIK = "Berjalan baik", "Tidak berjalan dengan baik"


@dataclass(frozen=True)
class MonitoringRow:
    prosedur: str
    penilaian: str
    catatan: str
    tindakan: str = ""


def monitoring_rows(start: date, end: date, now: datetime | None = None
                    ) -> list[MonitoringRow]:
    """One row per SOP that had a run in the period [start, end]."""
    runs: dict[str, list[RunView]] = {}
    for run in m.Run.select().where(m.Run.start_date <= end).order_by(m.Run.id):
        view = run_view(run.id, now)
        if view.finished_at and view.finished_at.date() < start:
            continue
        runs.setdefault(view.sop_nama, []).append(view)
    return [_row(name, views) for name, views in runs.items()]


def _row(name: str, views: list[RunView]) -> MonitoringRow:
    finished = sum(v.status == "selesai" for v in views)
    facts = [f"{len(views)} proses ({finished} selesai): "
             + ", ".join(f"{v.title} {v.done_count}/{len(v.steps)} langkah" for v in views)
             + "."]
    late = [(v, s) for v in views for s in v.late_steps]
    if late:
        facts.append("Terlambat: " + "; ".join(
            f"langkah {s.number} {_worst(s)}" + (f" ({v.title})" if len(views) > 1 else "")
            for v, s in late) + ".")
    else:
        facts.append("Semua langkah selesai dalam waktu baku.")
    returns = [(v, s, a) for v in views for s in v.steps for a in s.attempts
               if a.decision == "tidak"]
    if returns:
        facts.append(f"Dikembalikan untuk perbaikan {len(returns)} kali: " + "; ".join(
            f"langkah {s.number} ke langkah {s.jika_tidak}" for _v, s, _a in returns) + ".")
    problem = bool(late) or len(returns) > len(views)
    return MonitoringRow(name, TIDAK_BAIK if problem else BAIK, " ".join(facts))


def _worst(step) -> str:
    worst = max(step.attempts, key=lambda a: a.late_minutes)
    return worst.late_text
