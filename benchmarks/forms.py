"""Benchmark: export RKT forms for 30 units, import 30 filled forms of 100 rows each, merge.

Run: .venv/bin/python benchmarks/forms.py. Filling the forms (openpyxl, as a unit's Excel
would) is timed apart, since it is not the app's work. Export and import are measured beside
their floor in the same run: bare openpyxl writing the same cell values, and reading the same
filled files. Writes build/bench/forms.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402

from desktop_app.forms.exporting import export_forms  # noqa: E402
from desktop_app.forms.importing import check_forms, import_forms  # noqa: E402
from desktop_app.forms.merge import merged_pdf, merged_plan  # noqa: E402
from desktop_app.forms.merge_workbook import merged_workbook  # noqa: E402
from desktop_app.office.profile import OfficeProfile, Official, Unit, save_profile  # noqa: E402
from desktop_app.workspace import open_workspace  # noqa: E402
from tests.forms.conftest import fill, rkt_row  # noqa: E402

UNITS, ROWS = 30, 100
GOAL = 1.5  # issue 19: export and import within 1.5x bare openpyxl on the same cells


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    print(f"{label:58} {elapsed:7.2f} s")
    return result, elapsed


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = open_workspace(root / "data")
        save_profile(OfficeProfile(
            pemerintah="PEMERINTAH KABUPATEN CONTOH", nama_kantor="KECAMATAN CONTOH",
            alamat="Jl. Contoh 1", officials=(Official("Camat", "Camat Contoh", "",
                                                       "198001181999121001"),),
            units=tuple(Unit(f"Seksi Nomor {n + 1}") for n in range(UNITS))))
        forms, export_s = timed(f"export RKT forms for {UNITS} units",
                                lambda: export_forms(root / "out", "rkt", 2027))
        rows = [rkt_row(n) for n in range(ROWS)]
        timed(f"fill {UNITS} forms with {ROWS} rows (openpyxl, not the app)",
              lambda: [fill(f.path, rows, "rkt") for f in forms])
        checks, check_s = timed(f"read and check {UNITS} filled forms",
                                lambda: check_forms([f.path for f in forms]))
        assert all(c.ok for c in checks), [c.problems for c in checks if not c.ok][:1]
        _, import_s = timed(f"store them ({UNITS * ROWS} rows, one transaction)",
                            lambda: import_forms(workspace.data_dir,
                                                 checks))
        plan, _ = timed("merge: plan from the database", lambda: merged_plan("rkt", 2027))
        timed(f"merge: workbook with {UNITS * ROWS} rows", lambda: merged_workbook(plan))
        timed(f"merge: PDF with {UNITS * ROWS} rows", lambda: merged_pdf(plan))
        print(f"\nexport + import of {UNITS} units: {export_s + check_s + import_s:.2f} s "
              "(target: seconds, not minutes)")
        workspace.close()
        exported = [cells(f.path) for f in forms]
        _, write_floor = timed(f"floor: bare openpyxl writing the same cells, {UNITS} files",
                               lambda: [write_cells(c, root / "floor" / f"{n}.xlsx")
                                        for n, c in enumerate(exported)])
        _, read_floor = timed(f"floor: bare openpyxl reading the {UNITS} filled files",
                              lambda: [cells(f.path) for f in forms])
        results = {"export_s": round(export_s, 3), "export_floor_s": round(write_floor, 3),
                   "export_ratio": round(export_s / write_floor, 2),
                   "import_s": round(check_s + import_s, 3), "import_floor_s": round(read_floor, 3),
                   "import_ratio": round((check_s + import_s) / read_floor, 2),
                   "goal_ratio": GOAL}
        for what in ("export", "import"):
            ratio = results[f"{what}_ratio"]
            print(f"{what}: {ratio:.1f}x bare openpyxl (goal <= {GOAL}x: "
                  f"{'ya' if ratio <= GOAL else 'BELUM'})")
        out = ROOT / "build" / "bench" / "forms.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=2))
    return 0


def cells(path: Path) -> dict[str, list[tuple[int, int, object]]]:
    """Every non-empty cell value of every sheet."""
    workbook = load_workbook(path)
    found = {ws.title: [(c.row, c.column, c.value) for row in ws.iter_rows() for c in row
                        if c.value is not None] for ws in workbook.worksheets}
    workbook.close()
    return found


def write_cells(sheets: dict[str, list[tuple[int, int, object]]], path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, values in sheets.items():
        ws = workbook.create_sheet(title)
        for row, column, value in values:
            ws.cell(row, column, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


if __name__ == "__main__":
    sys.exit(main())
