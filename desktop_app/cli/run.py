"""`pandu run list` and `pandu run show ID`: the state of runs without the window."""

from __future__ import annotations

from datetime import datetime


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H.%M") if value else "-"


NAME = "run"


def register(commands) -> None:
    run = commands.add_parser(NAME, help="proses SOP yang berjalan").add_subparsers(
        dest="run_command", metavar="SUBPERINTAH", required=True)
    run.add_parser("list", help="daftar proses: id, judul, status, kemajuan, langkah kini")
    show = run.add_parser("show", help="langkah-langkah satu proses: status, petugas, tenggat")
    show.add_argument("run_id", type=int, metavar="ID")


def run(args, workspace) -> int:
    from desktop_app.runs.views import STATE_LABELS, list_runs, run_view

    if args.run_command == "list":
        for run in list_runs():
            late = f", {run.late} langkah terlambat" if run.late else ""
            print(f"{run.id}\t{run.title}\t{run.status}\t{run.done}/{run.total}{late}\t"
                  f"{run.current or '-'}")
        return 0
    view = run_view(args.run_id)
    print(f"{view.title} ({view.sop_nama}, revisi {view.revision}) — {view.status}, "
          f"mulai {view.start_date.isoformat()}")
    print("No\tStatus\tPetugas\tTenggat\tSelesai\tKegiatan")
    for step in view.steps:
        now = step.current
        state = STATE_LABELS[now.state]
        if now.attempt > 1:
            state += f" (revisi ke-{now.attempt})"
        if now.late_text:
            state += f", {now.late_text}"
        print(f"{step.number}\t{state}\t{', '.join(step.people)}\t{_when(now.due_at)}\t"
              f"{_when(now.completed_at)}\t{step.kegiatan}")
    return 0
