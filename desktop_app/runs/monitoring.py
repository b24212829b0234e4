"""The SOP monitoring form (PermenPAN-RB 35/2012, table 7) filled from what the runs did:
per SOP a suggested judgement and the facts behind it; the action is left to the user."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from db import models as m
from desktop_app.runs.views import RunView, StepView, run_views

BAIK, TIDAK_BAIK = "Berjalan baik", "Tidak berjalan dengan baik"


@dataclass(frozen=True)
class MonitoringRow:
    prosedur: str
    penilaian: str
    catatan: str
    tindakan: str = ""


def monitoring_rows(start: date, end: date, now: datetime | None = None
                    ) -> list[MonitoringRow]:
    """One row per SOP that had a run in the period [start, end]: started on or before `end`
    and not finished before `start`. Lateness of unfinished steps is measured up to `now`."""
    runs: dict[int, list[RunView]] = {}  # per SOP: two SOPs may share a name
    ids = [run.id for run in m.Run.select(m.Run.id).where(m.Run.start_date <= end)
           .order_by(m.Run.id)]
    for view in run_views(ids, now):
        if view.finished_at and view.finished_at.date() < start:
            continue
        runs.setdefault(view.sop_id, []).append(view)
    return [_row(views) for views in runs.values()]


def _row(views: list[RunView]) -> MonitoringRow:
    several = len(views) > 1
    finished = sum(v.status == "selesai" for v in views)
    facts = [f"{len(views)} proses ({finished} selesai): "
             + ", ".join(f"{v.title} {v.done_count}/{len(v.steps)} langkah" for v in views)
             + "."]
    late = [(v, s) for v in views for s in v.late_steps]
    if late:
        facts.append("Terlambat: " + "; ".join(
            f"langkah {s.number} {_worst(s)}" + (f" ({v.title})" if several else "")
            for v, s in late) + ".")
    else:
        facts.append("Tidak ada langkah yang terlambat.")
    returns = Counter((v.title, s.number, s.jika_tidak) for v in views for s in v.steps
                      for a in s.attempts if a.decision == "tidak")
    if returns:
        facts.append(f"Dikembalikan untuk perbaikan {sum(returns.values())} kali: " + "; ".join(
            f"langkah {number} ke langkah {target}" + (f" {count} kali" if count > 1 else "")
            + (f" ({title})" if several else "")
            for (title, number, target), count in returns.items()) + ".")
    problem = bool(late) or sum(returns.values()) > len(views)
    return MonitoringRow(views[-1].sop_nama, TIDAK_BAIK if problem else BAIK, " ".join(facts))


def _worst(step: StepView) -> str:
    return max(step.attempts, key=lambda a: a.late_minutes).late_text
