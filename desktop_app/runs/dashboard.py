"""The Beranda (dashboard): a person's current tasks, the runs under way, the runs finished
this year, and the standard against the actual office time of each step of a run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from db import models as m
from desktop_app.common.clock import to_local, utc_now
from desktop_app.common.numbers import angka
from desktop_app.common.waktu import parse_waktu
from desktop_app.common.working_time import (
    WORKING_DAYS_PER_MONTH,
    WORKING_DAYS_PER_WEEK,
    WorkingCalendar,
)
from desktop_app.office.calendar import load_office_hours, office_calendar
from desktop_app.office.people import PersonInfo
from desktop_app.runs.views import RunSummary, RunView, run_view, run_views, summary


@dataclass(frozen=True)
class Task:
    """An active step someone must do now. `for_person` is empty for the person's own step;
    for an admin's view of someone else's step it names the lane person(s) ("atas nama …")."""

    run_id: int
    run_title: str
    step_number: int
    kegiatan: str
    due_at: datetime | None  # local time
    late_text: str
    for_person: str = ""
    late_minutes: int = 0

    @property
    def is_late(self) -> bool:
        return self.late_minutes > 0

    @property
    def atas_nama(self) -> str:
        """ "atas nama Wahyu Camat" for a step done on someone's behalf, else "". """
        return f"atas nama {self.for_person}" if self.for_person else ""


@dataclass(frozen=True)
class Dashboard:
    my_tasks: list[Task]
    active: list[RunSummary]
    finished_this_year: list[RunSummary]


@dataclass(frozen=True)
class StepTime:
    """A step's standard time (its waktu) and the office time actually spent on it (all
    attempts together), both in office minutes."""

    number: int
    kegiatan: str
    standard_minutes: int
    actual_minutes: int

    @property
    def over(self) -> bool:
        """Whether more time was spent than the standard allows (never for no standard)."""
        return 0 < self.standard_minutes < self.actual_minutes


def dashboard(person: PersonInfo | None, now_utc: datetime | None = None,
              today: date | None = None) -> Dashboard:
    """What the Beranda shows to `person` (no tasks when nobody is logged in). `today` (local)
    picks the year of "finished this year"; by default the local date of `now_utc`."""
    now_utc = now_utc or utc_now()
    today = today or to_local(now_utc).date()
    views = {view.id: view for view in run_views(None, now_utc)}
    summaries = [summary(view) for view in views.values()]
    active = sorted((s for s in summaries if s.status == "berjalan"), key=_late_first)
    finished_ids = _finished_in(today.year)
    finished = sorted((s for s in summaries if s.id in finished_ids),
                      key=lambda s: finished_ids[s.id], reverse=True)
    return Dashboard(_tasks(person, active, views), active, finished)


def _late_first(run: RunSummary) -> tuple:
    """Runs whose current step is late first, the longest overdue (the earliest due) first;
    then the others by how many of their steps were late, then by the nearest due time."""
    due = run.current_due or datetime.max
    if run.current_late:
        return (0, due, 0, run.id)
    return (1, datetime.min, -run.late, due, run.id)


def _finished_in(year: int) -> dict[int, datetime]:
    """Ids of the runs finished in the (local) year, with their finishing moment."""
    rows = m.Run.select(m.Run.id, m.Run.finished_at).where(
        (m.Run.status == "selesai") & m.Run.finished_at.is_null(False))
    local = {row.id: to_local(row.finished_at) for row in rows}
    return {run_id: at for run_id, at in local.items() if at.year == year}


def _tasks(person: PersonInfo | None, active: list[RunSummary], views: dict[int, RunView]
           ) -> list[Task]:
    if person is None or not person.active:
        return []
    own, others = [], []
    for run in active:
        mine = person.id in run.current_person_ids
        if not (mine or person.is_admin) or not run.current:
            continue
        step = views[run.id].active_step
        if step is None:  # pragma: no cover - a running run always has an active step
            continue
        attempt = step.current
        task = Task(run.id, run.title, step.number, step.kegiatan, attempt.due_at,
                    attempt.late_text, "" if mine else ", ".join(step.people),
                    attempt.late_minutes)
        (own if mine else others).append(task)
    return sorted(own, key=_task_order) + sorted(others, key=_task_order)


def _task_order(task: Task) -> tuple:
    return (not task.is_late, -task.late_minutes, task.due_at or datetime.max, task.run_id)


# --- standard and actual time per step --------------------------------------------------------

def standard_minutes(waktu: str, calendar: WorkingCalendar) -> int:
    """A waktu in office minutes: menit and jam as they are, a day the office's average
    working day, a minggu 5 and a bulan 22 working days; 0 for no (or an unreadable) waktu."""
    if not (waktu or "").strip():
        return 0
    try:
        parsed = parse_waktu(waktu)
    except ValueError:  # approved SOPs are validated; never let one bad cell break the chart
        return 0
    per_unit = {"menit": 1, "jam": 60, "hari": calendar.hours.average_day_minutes,
                "minggu": WORKING_DAYS_PER_WEEK * calendar.hours.average_day_minutes,
                "bulan": WORKING_DAYS_PER_MONTH * calendar.hours.average_day_minutes}
    return round(parsed.amount * per_unit[parsed.unit])


def step_times(run_id: int, now_utc: datetime | None = None) -> list[StepTime]:
    """Each step of the run, by number: its standard and the office minutes from start to
    completion (or to now while active) summed over its attempts; 0 for steps not started."""
    now_utc = now_utc or utc_now()
    view = run_view(run_id, now_utc)
    now = to_local(now_utc)
    calendar = _calendar(view, now)
    times = []
    for step in view.steps:
        actual = sum(calendar.working_minutes_between(a.started_at, a.completed_at or now)
                     for a in step.attempts if a.started_at is not None)
        times.append(StepTime(step.number, step.kegiatan,
                              standard_minutes(step.waktu, calendar), max(actual, 0)))
    return times


def _calendar(view: RunView, now: datetime) -> WorkingCalendar:
    starts = [a.started_at for s in view.steps for a in s.attempts if a.started_at]
    first = min([now, *starts]).year
    last = max([now, *starts]).year
    return office_calendar(range(first, last + 1))


def office_day_minutes() -> float:
    """The office's average working day in minutes (to write durations in hari kerja)."""
    return load_office_hours().average_day_minutes


def duration_text(minutes: float, day_minutes: float) -> str:
    """Office minutes written for people: "45 menit", "1,5 jam", "2,3 hari kerja"."""
    if minutes < 60:
        return f"{round(minutes)} menit"
    if minutes < day_minutes:
        return f"{_number(minutes / 60)} jam"
    return f"{_number(minutes / day_minutes)} hari kerja"


def _number(value: float) -> str:
    return angka(value, 1)
