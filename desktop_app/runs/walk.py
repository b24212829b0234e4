"""What a person reads while walking a run: why a step is being redone (who returned it,
when, what to fix) and why an action is not available yet."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from desktop_app.runs.views import RunView, StepView


@dataclass(frozen=True)
class ReturnNote:
    by: str
    at: datetime | None
    note: str
    from_step: int  # the decision that said "Tidak"
    to_step: int  # where the work went back to


def return_notes(view: RunView) -> dict[tuple[int, int], ReturnNote]:
    """(step number, attempt) -> the return that opened that attempt.

    A "Tidak" at decision D back to step T opens one new attempt of every step T..D, so the
    k-th return covering a step opens its attempt k + 1."""
    returns = []
    for step in view.steps:
        if step.simbol != "keputusan" or step.jika_tidak is None:
            continue
        for attempt in step.attempts:
            if attempt.decision == "tidak" and step.jika_tidak <= step.number:
                returns.append(ReturnNote(attempt.completed_by, attempt.completed_at,
                                          attempt.note.strip(), step.number, step.jika_tidak))
    returns.sort(key=lambda r: (r.at is None, r.at or datetime.min))
    covered: dict[int, int] = defaultdict(int)
    notes = {}
    for ret in returns:
        for number in range(ret.to_step, ret.from_step + 1):
            covered[number] += 1
            notes[(number, covered[number] + 1)] = ret
    return notes


def blocked_reason(step: StepView, person_id: int, role: str, run_running: bool) -> str:
    """Why Selesai / Ya cannot be pressed now, in plain words; "" when it can."""
    now = step.current
    if not run_running:
        return "Proses ini sudah selesai."
    if now.state == "menunggu":
        return "Langkah ini belum tiba gilirannya: selesaikan dahulu langkah sebelumnya."
    if now.state != "aktif":
        return "Langkah ini sudah dikerjakan."
    if person_id not in step.person_ids and role != "admin":
        return (f"Giliran {', '.join(step.people)}. Masuk sebagai dia (Ctrl+L di jendela "
                "utama) untuk mengerjakan langkah ini.")
    missing = [c.text for c in now.checks if not (c.checked or c.missing_reason)]
    if missing:
        return "Centang atau jelaskan: " + "; ".join(missing)
    return ""
