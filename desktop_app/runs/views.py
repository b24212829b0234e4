"""Runs as plain data for the window and the command line (times in local time)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from db import models as m
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.errors import NotFound

STATE_LABELS = {"menunggu": "menunggu", "aktif": "sedang dikerjakan", "selesai": "selesai",
                "dikembalikan": "dikembalikan", "dilewati": "dilewati"}


@dataclass(frozen=True)
class AttachmentView:
    name: str
    sha256: str
    relative_path: str
    size: int


@dataclass(frozen=True)
class CheckView:
    item_id: int
    text: str
    checked: bool
    missing_reason: str
    attachments: tuple[AttachmentView, ...]


@dataclass(frozen=True)
class AttemptView:
    run_step_id: int
    attempt: int
    state: str
    started_at: datetime | None
    due_at: datetime | None
    completed_at: datetime | None
    completed_by: str
    acted_for: str
    decision: str
    note: str
    checks: tuple[CheckView, ...]
    outputs: tuple[AttachmentView, ...]
    late_minutes: int
    late_text: str


@dataclass(frozen=True)
class StepView:
    number: int
    kegiatan: str
    simbol: str
    waktu: str
    output: str
    lanes: tuple[str, ...]
    people: tuple[str, ...]
    person_ids: tuple[int, ...]
    jika_tidak: int | None
    attempts: tuple[AttemptView, ...]
    dokumen: str = ""

    @property
    def current(self) -> AttemptView:
        return self.attempts[-1]


@dataclass(frozen=True)
class RunView:
    id: int
    title: str
    year: int
    start_date: date
    sop_id: int
    sop_nama: str
    revision: int
    status: str
    finished_at: datetime | None
    assignments: tuple[tuple[str, str], ...]
    steps: tuple[StepView, ...]

    @property
    def active_step(self) -> StepView | None:
        return next((s for s in self.steps if s.current.state == "aktif"), None)

    @property
    def done_count(self) -> int:
        return sum(s.current.state in ("selesai", "dilewati") for s in self.steps)

    @property
    def late_steps(self) -> list[StepView]:
        return [s for s in self.steps if any(a.late_minutes > 0 for a in s.attempts)]

    @property
    def returns(self) -> int:
        return sum(a.decision == "tidak" for s in self.steps for a in s.attempts)


def _calendar_for(rows: list[m.RunStep]):
    from desktop_app.office.calendar import office_calendar

    years = {to_local(r.due_at).year for r in rows if r.due_at} or {utc_now().year}
    return office_calendar(range(min(years), max(years) + 2))


def run_view(run_id: int, now: datetime | None = None) -> RunView:
    run = m.Run.get_or_none(m.Run.id == run_id)
    if run is None:
        raise NotFound(f"Proses dengan id {run_id} tidak ada. Lihat daftar: pandu run list")
    now = now or utc_now()
    revision = run.revision
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    lanes = {lane.id: lane for lane in m.Lane.select().where(m.Lane.revision == revision)}
    holder = {a.lane_id: a.person_id for a in
              m.RunAssignment.select().where(m.RunAssignment.run == run)}
    rows = list(m.RunStep.select().where(m.RunStep.run == run).order_by(m.RunStep.attempt))
    calendar = _calendar_for(rows)
    checks = defaultdict(list)
    for check in (m.RunCheck.select(m.RunCheck, m.KelengkapanItem).join(m.KelengkapanItem)
                  .join_from(m.RunCheck, m.RunStep).where(m.RunStep.run == run)
                  .order_by(m.KelengkapanItem.position)):
        checks[check.run_step_id].append(check)
    files = defaultdict(list)
    for file in (m.Attachment.select().join(m.RunStep).where(m.RunStep.run == run)
                 .order_by(m.Attachment.id)):
        files[(file.run_step_id, file.item_id)].append(
            AttachmentView(file.original_name, file.sha256, file.stored_path, file.size))
    attempts = defaultdict(list)
    for row in rows:
        attempts[row.step_id].append(_attempt(row, checks, files, names, calendar, now))
    steps = []
    for step in m.Step.select().where(m.Step.revision == revision).order_by(m.Step.number):
        lane_ids = [link.lane_id for link in m.StepLane.select().where(m.StepLane.step == step)
                    .order_by(m.StepLane.position)]
        decision = m.DecisionTarget.get_or_none(m.DecisionTarget.step == step)
        link = m.DocumentLink.get_or_none(m.DocumentLink.step == step)
        steps.append(StepView(
            step.number, step.kegiatan, step.simbol, step.waktu, step.output,
            tuple(lanes[i].nama for i in lane_ids),
            tuple(names.get(holder.get(i), "-") for i in lane_ids),
            tuple(holder[i] for i in lane_ids if i in holder),
            decision.if_no.number if decision else None, tuple(attempts[step.id]),
            link.kind if link else ""))
    assignments = tuple((lanes[i].nama, names.get(p, "-")) for i, p in
                        sorted(holder.items(), key=lambda kv: lanes[kv[0]].position))
    return RunView(run.id, run.title, run.year, run.start_date, revision.sop_id, revision.nama,
                   revision.number, run.status,
                   to_local(run.finished_at) if run.finished_at else None, assignments,
                   tuple(steps))


def _attempt(row, checks, files, names, calendar, now) -> AttemptView:
    late_minutes, late_text = 0, ""
    if row.due_at and row.state in ("aktif", "selesai", "dikembalikan"):
        end = row.completed_at or now
        if end > row.due_at:
            late_minutes = calendar.working_minutes_between(to_local(row.due_at), to_local(end))
            late_text = calendar.lateness_text(to_local(row.due_at), to_local(end))
    return AttemptView(
        row.id, row.attempt, row.state,
        *(to_local(t) if t else None for t in (row.started_at, row.due_at, row.completed_at)),
        names.get(row.completed_by_id, ""), names.get(row.acted_for_id, ""), row.decision,
        row.note,
        tuple(CheckView(c.item_id, c.item.text, c.checked, c.missing_reason,
                        tuple(files[(row.id, c.item_id)])) for c in checks[row.id]),
        tuple(files[(row.id, None)]), max(late_minutes, 0), late_text)


@dataclass(frozen=True)
class RunSummary:
    id: int
    title: str
    year: int
    sop_nama: str
    status: str
    done: int
    total: int
    late: int
    returns: int
    current: str
    current_person: str
    current_person_ids: tuple[int, ...]
    current_due: datetime | None
    current_late: str


def list_runs(now: datetime | None = None) -> list[RunSummary]:
    summaries = []
    for run in m.Run.select().order_by(m.Run.id.desc()):
        view = run_view(run.id, now)
        active = view.active_step
        summaries.append(RunSummary(
            view.id, view.title, view.year, view.sop_nama, view.status, view.done_count,
            len(view.steps), len(view.late_steps), view.returns,
            f"{active.number}. {active.kegiatan}" if active else "",
            ", ".join(active.people) if active else "", active.person_ids if active else (),
            active.current.due_at if active else None,
            active.current.late_text if active else ""))
    return summaries
