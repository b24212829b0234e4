"""Benchmark: an office with years of history (run: python benchmarks/ten_years.py).

Builds a seeded office through the real services (runs started, steps ticked and completed,
decisions sent back, letters drafted), then measures at 10, 100 and 300 runs what the window
and the command line read: the run list, the Beranda, the monitoring form and the document
list (time and SQL statements), `pandu run list`, `pandu check` and `pandu backup` as
processes (the backup's floor: sqlite3's online backup zipped by a bare Python), and the
main window's start (offscreen, process start to window exposed) with its peak memory once
every area was opened. Each process
is measured beside its floor in the same run (a bare Python reading the same rows with
sqlite3). Prints a table and writes it as JSON to build/bench/ten_years.json.

Goals (issue 19): window with no runs within 4x a bare PySide6 window, with runs within 1.3x
the same office with none, peak memory under 150 MB; read models at 300 runs under 50 ms
with statement counts flat;
`pandu run list` at 300 runs within 3x its floor.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.processes import process_env  # noqa: E402
from db.models import database_proxy  # noqa: E402
from desktop_app.naskah import workflow  # noqa: E402
from desktop_app.office.people import add_person, get_person  # noqa: E402
from desktop_app.runs import engine  # noqa: E402
from desktop_app.runs.dashboard import dashboard  # noqa: E402
from desktop_app.runs.engine import Actor  # noqa: E402
from desktop_app.runs.monitoring import monitoring_rows  # noqa: E402
from desktop_app.runs.views import list_runs, run_view  # noqa: E402
from desktop_app.sop import library  # noqa: E402
from desktop_app.sop.model import Official  # noqa: E402
from desktop_app.workspace import open_workspace  # noqa: E402

LEVELS = tuple(int(n) for n in os.environ.get("PANDU_BENCH_RUNS", "10,100,300").split(","))
START = datetime(2017, 1, 9, 1, 0)
READ_GOAL_MS = 50
CLI_GOAL = 3.0
CONTENT = {"tempat": "Karanganyar", "tanggal": "", "kepada": "Kepala BAPERLITBANG",
           "di": "Karanganyar", "klasifikasi": "000.7.2.4",
           "items": [{"naskah": "Rencana Kerja Tahunan", "banyaknya": "2 (dua) buku",
                      "keterangan": "Dikirim dengan hormat"}]}
FLOOR = """import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT r.id, r.title, r.status, COUNT(s.id) FROM run r "
                   "LEFT JOIN run_step s ON s.run_id = r.id GROUP BY r.id ORDER BY r.id DESC")
for row in rows:
    print(*row, sep="\\t")
"""

BACKUP_FLOOR = """import sqlite3, sys, zipfile
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2] + ".db")
source.backup(target)
target.close()
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as archive:
    archive.write(sys.argv[2] + ".db", "pandu.sqlite3")
"""


class Office:
    def __init__(self, data_dir: Path, seed: int = 19):
        self.workspace = open_workspace(data_dir)
        self.rng = random.Random(seed)
        self.people = {role: Actor(add_person(nama, nama, nip, kind, "123456"), kind)
                       for role, nama, nip, kind in (
                           ("staf", "Sari Staf", "199001012015032001", "staf"),
                           ("kasubag", "Budi Kasubag", "198501012010031002", "pejabat"),
                           ("sekcam", "Citra Sekcam", "198001012005032003", "pejabat"),
                           ("camat", "Wahyu Camat", "198001181999121001", "pejabat"),
                           ("admin", "Admin Kantor", "199501012020031004", "admin"))}
        self.sop_id = library.duplicate_sop(4, "Penyusunan RKT")
        library.approve(self.sop_id, Official("Camat", "Wahyu Camat"), date(2017, 1, 2))
        self.assignments = {"staf": self.people["staf"].id,
                            "kasubag_perencanaan_keuangan": self.people["kasubag"].id,
                            "kasubag_umum": self.people["kasubag"].id,
                            "sekcam": self.people["sekcam"].id,
                            "camat": self.people["camat"].id}
        self.runs = 0

    def add_runs(self, count: int) -> None:
        _db, admin = self.workspace.database, self.people["admin"]
        for _ in range(count):
            n = self.runs
            at = START + timedelta(days=12 * n)
            run_id = engine.start_run(self.sop_id, f"Penyusunan RKT {2018 + n // 30} #{n}",
                                      2018 + n // 30, at.date(), self.assignments, admin,
                                      now=at)
            steps = len(run_view(run_id).steps) if n % 2 == 0 else self.rng.randrange(4)
            for k in range(steps + 3):
                step = run_view(run_id).active_step
                if step is None:
                    break
                when = at + timedelta(hours=k + 1)
                for check in step.current.checks:
                    engine.tick(step.current.run_step_id, check.item_id, True, admin, when)
                if step.simbol == "keputusan":
                    engine.decide(step.current.run_step_id, admin, self.rng.random() > 0.3,
                                  note="Perbaiki target kinerja", now=when)
                else:
                    engine.complete(step.current.run_step_id, admin, when)
            if n % 3 == 0:
                workflow.create_document(self.workspace.data_dir, "surat_pengantar",
                                         f"Penyampaian RKT #{n}", CONTENT,
                                         self.people["staf"].id)
            self.runs += 1


def counted(read) -> tuple[float, int]:
    """Median milliseconds of five reads, and the SQL statements one read costs."""
    statements: list[str] = []
    connection = database_proxy.connection()
    connection.set_trace_callback(statements.append)
    read()
    connection.set_trace_callback(None)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(statements)


def process_seconds(argv: list[str]) -> float:
    env = process_env()
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return min(times)


WINDOW = Path(__file__).with_name("window_start.py")
WINDOW_GOAL_EMPTY = 4.0  # the office with no runs, against the bare window
WINDOW_GOAL_HISTORY = 1.3  # the office with runs, against the same office with none
MEMORY_GOAL_MB = 150


def window_start(args: list[str]) -> tuple[float, float]:
    """Seconds from starting the process to the window being exposed (best of three), and
    the peak memory after every area was opened once."""
    env = process_env()
    times, peak = [], 0.0
    for _ in range(3):
        started = time.time()
        done = subprocess.run([sys.executable, str(WINDOW), *args], check=True, env=env,
                              capture_output=True, text=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(result["mapped"] - started)
        peak = max(peak, result["peak_mb"])
    return min(times), peak


def window_rows(runs: int, data_dir: Path, person_id: int, bare: float,
                empty: float | None) -> list[dict]:
    seconds, peak = window_start([str(data_dir), str(person_id)])
    against, goal = (bare, WINDOW_GOAL_EMPTY) if empty is None else (empty, WINDOW_GOAL_HISTORY)
    return [{"runs": runs, "what": "jendela dibuka", "s": round(seconds, 3),
             "floor_s": round(against, 3), "ratio": round(seconds / against, 2),
             "goal_ratio": goal},
            {"runs": runs, "what": "memori puncak", "mb": peak, "goal_mb": MEMORY_GOAL_MB}]


def main() -> int:
    rows = []
    bare, _ = window_start(["--bare"])
    with tempfile.TemporaryDirectory(prefix="pandu-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        office = Office(data_dir)
        camat = get_person(office.people["camat"].id)
        now = START + timedelta(days=12 * max(LEVELS) + 30)
        camat_id = office.people["camat"].id
        rows += window_rows(0, data_dir, camat_id, bare, None)
        empty = rows[-2]["s"]
        for level in LEVELS:
            started = time.perf_counter()
            office.add_runs(level - office.runs)
            built = time.perf_counter() - started
            reads = {
                "daftar proses": lambda: list_runs(now),
                "Beranda": lambda: dashboard(camat, now),
                "monitoring": lambda: monitoring_rows(date(2017, 1, 1), date(2030, 12, 31),
                                                      now),
                "daftar naskah": workflow.list_documents,
            }
            for name, read in reads.items():
                ms, statements = counted(read)
                rows.append({"runs": level, "what": name, "ms": round(ms, 1),
                             "statements": statements, "goal_ms": READ_GOAL_MS})
            database = data_dir / "pandu.sqlite3"
            database_proxy.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            floor = process_seconds([sys.executable, "-c", FLOOR, str(database)])
            copy = Path(tmp) / "copy.zip"
            backup_floor = process_seconds([sys.executable, "-c", BACKUP_FLOOR, str(database),
                                            str(copy)])
            pandu = [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir)]
            for name, args in (("pandu run list", ["run", "list"]), ("pandu check", ["check"]),
                               ("pandu backup", ["backup", "-o", str(copy)])):
                if name == "pandu backup":
                    floor = backup_floor
                seconds = process_seconds(pandu + args)
                rows.append({"runs": level, "what": name, "s": round(seconds, 3),
                             "floor_s": round(floor, 3), "ratio": round(seconds / floor, 1),
                             "goal_ratio": CLI_GOAL if name == "pandu run list" else None})
            rows += window_rows(level, data_dir, camat_id, bare, empty)
            print(f"{level} proses dibangun dalam {built:.1f} s", file=sys.stderr)
        office.workspace.close()
    print(f"{'proses':>6}  {'apa':<16} {'hasil':>12} {'SQL':>5}  {'lantai':>8} {'rasio':>6}  "
          "sasaran")
    for row in rows:
        if "mb" in row:
            verdict = "ya" if row["mb"] <= row["goal_mb"] else "BELUM"
            print(f"{row['runs']:>6}  {row['what']:<16} {row['mb']:>9.1f} MB {'':>5}  "
                  f"{'':>8} {'':>6}  <= {row['goal_mb']} MB: {verdict}")
        elif "ms" in row:
            verdict = "ya" if row["ms"] <= row["goal_ms"] else "BELUM"
            print(f"{row['runs']:>6}  {row['what']:<16} {row['ms']:>9.1f} ms {row['statements']:>5}"
                  f"  {'':>8} {'':>6}  <= {row['goal_ms']} ms: {verdict}")
        else:
            goal = row["goal_ratio"]
            verdict = "" if goal is None else (
                f"<= {goal}x: {'ya' if row['ratio'] <= goal else 'BELUM'}")
            print(f"{row['runs']:>6}  {row['what']:<16} {row['s']:>10.3f} s {'':>5}  "
                  f"{row['floor_s']:>6.3f} s {row['ratio']:>5.1f}x  {verdict}")
    flat = {row["what"]: set() for row in rows if "statements" in row}
    for row in rows:
        if "statements" in row:
            flat[row["what"]].add(row["statements"])
    for what, counts in flat.items():
        print(f"SQL {what}: {'tetap' if len(counts) == 1 else 'TUMBUH'} ({sorted(counts)})")
    out = ROOT / "build" / "bench" / "ten_years.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"JSON: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
