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
    views = run_views([run_id], now)
    if not views:
        raise NotFound(f"Proses dengan id {run_id} tidak ada. Lihat daftar: pandu run list")
    return views[0]


def run_views(run_ids: list[int] | None = None, now: datetime | None = None) -> list[RunView]:
    """The runs (all of them, newest first, or those of `run_ids` in that order) built by set:
    a fixed number of queries however many runs, steps, attempts and files there are."""
    now = now or utc_now()
    runs_query = (m.Run.select(m.Run, m.SopRevision).join(m.SopRevision)
                  .order_by(m.Run.id.desc()))
    if run_ids is not None:
        runs_query = runs_query.where(m.Run.id.in_(list(run_ids)))
    runs = list(runs_query)
    if run_ids is not None:
        position = {run_id: i for i, run_id in enumerate(run_ids)}
        runs.sort(key=lambda run: position[run.id])
    if not runs:
        return []
    chosen = [run.id for run in runs]
    revisions = sorted({run.revision_id for run in runs})
    names = {p.id: p.nama for p in m.Person.select(m.Person.id, m.Person.nama)}
    lanes = {lane.id: lane for lane in m.Lane.select().where(m.Lane.revision.in_(revisions))}
    holders: dict[int, dict[int, int]] = defaultdict(dict)
    for a in m.RunAssignment.select().where(m.RunAssignment.run.in_(chosen)):
        holders[a.run_id][a.lane_id] = a.person_id
    # plain rows (named tuples, values converted), not model instances: ten years of
    # attempts, checks and files are read for the run list
    rs = m.RunStep
    rows = list(rs.select(rs.id, rs.run.alias("run_id"), rs.step.alias("step_id"), rs.attempt,
                          rs.state, rs.started_at, rs.due_at, rs.completed_at,
                          rs.completed_by.alias("completed_by_id"),
                          rs.acted_for.alias("acted_for_id"), rs.decision, rs.note)
                .where(m.RunStep.run.in_(chosen))
                .order_by(m.RunStep.attempt, m.RunStep.id).namedtuples())
    calendar = _calendar_for(rows)
    checks = defaultdict(list)
    for check in (m.RunCheck.select(m.RunCheck.run_step.alias("run_step_id"),
                                    m.RunCheck.item.alias("item_id"), m.RunCheck.checked,
                                    m.RunCheck.missing_reason, m.KelengkapanItem.text)
                  .join(m.KelengkapanItem).join_from(m.RunCheck, m.RunStep)
                  .where(m.RunStep.run.in_(chosen))
                  .order_by(m.KelengkapanItem.position, m.RunCheck.id).namedtuples()):
        checks[check.run_step_id].append(check)
    files = defaultdict(list)
    for file in (m.Attachment.select(m.Attachment.run_step.alias("run_step_id"),
                                     m.Attachment.item.alias("item_id"),
                                     m.Attachment.original_name, m.Attachment.sha256,
                                     m.Attachment.stored_path, m.Attachment.size)
                 .join(m.RunStep).where(m.RunStep.run.in_(chosen))
                 .order_by(m.Attachment.id).namedtuples()):
        files[(file.run_step_id, file.item_id)].append(
            AttachmentView(file.original_name, file.sha256, file.stored_path, file.size))
    attempts = defaultdict(list)  # (run id, step id) -> attempts in order
    for row in rows:
        attempts[(row.run_id, row.step_id)].append(
            _attempt(row, checks, files, names, calendar, now))
    steps_by_revision = defaultdict(list)
    number_of = {}
    for step in (m.Step.select().where(m.Step.revision.in_(revisions))
                 .order_by(m.Step.number, m.Step.id)):
        steps_by_revision[step.revision_id].append(step)
        number_of[step.id] = step.number
    of_revisions = m.Step.select(m.Step.id).where(m.Step.revision.in_(revisions))
    step_lanes = defaultdict(list)
    for link in (m.StepLane.select().where(m.StepLane.step.in_(of_revisions))
                 .order_by(m.StepLane.position, m.StepLane.id)):
        step_lanes[link.step_id].append(link.lane_id)
    if_no = {d.step_id: d.if_no_id for d in
             m.DecisionTarget.select().where(m.DecisionTarget.step.in_(of_revisions))}
    documents = {d.step_id: d.kind for d in
                 m.DocumentLink.select().where(m.DocumentLink.step.in_(of_revisions))}
    views = []
    for run in runs:
        revision, holder = run.revision, holders[run.id]
        steps = []
        for step in steps_by_revision[revision.id]:
            lane_ids = step_lanes[step.id]
            steps.append(StepView(
                step.number, step.kegiatan, step.simbol, step.waktu, step.output,
                tuple(lanes[i].nama for i in lane_ids),
                tuple(names.get(holder.get(i), "-") for i in lane_ids),
                tuple(holder[i] for i in lane_ids if i in holder),
                number_of.get(if_no[step.id]) if step.id in if_no else None,
                tuple(attempts[(run.id, step.id)]), documents.get(step.id, "")))
        assignments = tuple((lanes[i].nama, names.get(p, "-")) for i, p in
                            sorted(holder.items(), key=lambda kv: lanes[kv[0]].position))
        views.append(RunView(
            run.id, run.title, run.year, run.start_date, revision.sop_id, revision.nama,
            revision.number, run.status,
            to_local(run.finished_at) if run.finished_at else None, assignments, tuple(steps)))
    return views


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
        tuple(CheckView(c.item_id, c.text, c.checked, c.missing_reason,
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
    return [summary(view) for view in run_views(None, now)]


def summary(view: RunView) -> RunSummary:
    """One line of the run list: progress, lateness and who holds the current step."""
    active = view.active_step
    return RunSummary(
        view.id, view.title, view.year, view.sop_nama, view.status, view.done_count,
        len(view.steps), len(view.late_steps), view.returns,
        f"{active.number}. {active.kegiatan}" if active else "",
        ", ".join(active.people) if active else "", active.person_ids if active else (),
        active.current.due_at if active else None,
        active.current.late_text if active else "")
