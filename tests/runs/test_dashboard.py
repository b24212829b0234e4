"""The Beranda: whose tasks, late runs first, finished this year, standard vs actual time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop_app.office.calendar import office_calendar
from desktop_app.office.people import get_person
from desktop_app.runs import engine
from desktop_app.runs.dashboard import dashboard, duration_text, standard_minutes, step_times
from desktop_app.runs.views import run_view

START = datetime(2026, 11, 23, 1, 0)  # Monday 08.00 WIB (01.00 UTC)
TUESDAY = datetime(2026, 11, 24, 0, 0)  # Tuesday 07.00 WIB, half an hour before opening


def start(office, title="Penyusunan RKT 2027", now=START) -> int:
    return engine.start_run(office.sop_id, title, 2027,
                            date(2026, 11, 23), office.assignments, office.admin, now)


def do_step(office, run_id, actor, now, yes=True, note=""):
    """Tick every item of the current step, then complete it (or decide) at `now`."""
    step = run_view(run_id, now).active_step
    for check in step.current.checks:
        engine.tick(step.current.run_step_id, check.item_id, True, actor, now)
    if step.simbol == "keputusan":
        engine.decide(step.current.run_step_id, actor, yes, note, now)
    else:
        engine.complete(step.current.run_step_id, actor, now)


def test_my_tasks_are_the_lane_persons_and_an_admin_sees_all_on_behalf(office):
    run_id = start(office)
    now = START + timedelta(minutes=1)
    camat = dashboard(get_person(office.camat.id), now)
    assert [(t.run_id, t.step_number, t.for_person) for t in camat.my_tasks] == [(run_id, 1, "")]
    task = camat.my_tasks[0]
    assert task.run_title == "Penyusunan RKT 2027" and task.kegiatan.startswith("Memberikan")
    assert task.due_at == datetime(2026, 11, 23, 8, 5) and task.late_text == ""
    assert dashboard(get_person(office.staf.id), now).my_tasks == []
    admin = dashboard(get_person(office.admin.id), now).my_tasks
    assert [(t.step_number, t.for_person, t.atas_nama) for t in admin] == [
        (1, "Wahyu Camat", "atas nama Wahyu Camat")]
    assert dashboard(None, now).my_tasks == []
    do_step(office, run_id, office.camat, now)
    assert dashboard(get_person(office.camat.id), now).my_tasks == []
    assert [t.step_number for t in dashboard(get_person(office.sekcam.id), now).my_tasks] == [2]


def test_late_runs_and_tasks_come_first(office):
    late = start(office, "Penyusunan RKT 2027")
    now = START + timedelta(hours=2)  # step 1 ("5 menit") of the first run is 115 minutes late
    fresh = start(office, "Penyusunan RKT Perubahan", now - timedelta(minutes=2))
    board = dashboard(get_person(office.camat.id), now)
    assert [r.id for r in board.active] == [late, fresh]
    assert board.active[0].current_late and not board.active[1].current_late
    assert [t.run_id for t in board.my_tasks] == [late, fresh]
    first = board.my_tasks[0]
    assert first.is_late and first.late_minutes == 115 and "terlambat" in first.late_text
    assert not board.my_tasks[1].is_late
    assert board.finished_this_year == []


def test_finished_runs_of_this_year(office):
    run_id = start(office)
    people = {"camat": office.camat, "sekcam": office.sekcam, "staf": office.staf,
              "kasubag_perencanaan_keuangan": office.kasubag, "kasubag_umum": office.kasubag}
    from desktop_app.sop import library

    lanes = [s.pelaksana[0] for s in library.get_sop(office.sop_id).langkah]
    for number, lane in enumerate(lanes, 1):
        do_step(office, run_id, people[lane], START + timedelta(minutes=number))
    other = start(office, "Penyusunan RKT 2028")
    now = START + timedelta(days=3)
    board = dashboard(get_person(office.staf.id), now, today=date(2026, 12, 1))
    assert [r.id for r in board.finished_this_year] == [run_id]
    assert board.finished_this_year[0].done == 13
    assert [r.id for r in board.active] == [other]
    next_year = dashboard(get_person(office.staf.id), now, today=date(2027, 1, 4))
    assert next_year.finished_this_year == []
    assert dashboard(get_person(office.staf.id), now).finished_this_year[0].id == run_id


def test_standard_minutes_in_office_time(workspace):
    calendar = office_calendar([2026])  # 7.5 hours a working day by default
    assert [standard_minutes(w, calendar) for w in (
        "5 menit", "1,5 jam", "1 hari", "0,5 hari", "1 minggu", "1 bulan", "", "lama")] == [
        5, 90, 450, 225, 5 * 450, 22 * 450, 0, 0]


def test_step_times_sum_the_attempts_in_office_minutes(office):
    run_id = start(office)
    at = {"1": START + timedelta(minutes=3), "2": START + timedelta(minutes=20),
          "3": START + timedelta(minutes=60)}
    do_step(office, run_id, office.camat, at["1"])
    do_step(office, run_id, office.sekcam, at["2"])
    do_step(office, run_id, office.kasubag, at["3"])  # step 4 starts Monday 09.00 WIB
    do_step(office, run_id, office.staf, TUESDAY + timedelta(hours=2))  # Tuesday 09.00
    do_step(office, run_id, office.kasubag, TUESDAY + timedelta(hours=3), yes=False,
            note="Tahun salah")  # step 5 returns the work to step 4 at 10.00
    do_step(office, run_id, office.staf, TUESDAY + timedelta(hours=4, minutes=30))
    now = TUESDAY + timedelta(hours=5)  # step 5 (second attempt) active since 11.30
    times = step_times(run_id, now)
    assert [t.number for t in times] == list(range(1, 14))
    assert [t.standard_minutes for t in times[:5]] == [5, 15, 45, 450, 10]
    assert times[11].standard_minutes == 30 and times[12].standard_minutes == 60
    # step 4: Monday 09.00-15.00 and Tuesday 07.30-09.00 (450), then 10.00-11.30 (90)
    assert [t.actual_minutes for t in times[:6]] == [3, 17, 40, 540, 60 + 30, 0]
    assert [t.over for t in times[:6]] == [False, True, False, True, True, False]
    assert all(t.actual_minutes == 0 for t in times[5:])


def test_duration_text_uses_menit_jam_and_hari_kerja():
    assert duration_text(45, 450) == "45 menit"
    assert duration_text(90, 450) == "1,5 jam"
    assert duration_text(120, 450) == "2 jam"
    assert duration_text(1035, 450) == "2,3 hari kerja"
