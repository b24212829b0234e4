"""Benchmark: export RKT forms for 30 units, import 30 filled forms of 100 rows each, merge.

Run: .venv/bin/python benchmarks/forms.py. Filling the forms (openpyxl, as a unit's Excel
would) is timed apart, since it is not the app's work.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.forms.exporting import export_forms  # noqa: E402
from desktop_app.forms.importing import check_forms, import_forms  # noqa: E402
from desktop_app.forms.merge import merged_pdf, merged_plan  # noqa: E402
from desktop_app.forms.merge_workbook import merged_workbook  # noqa: E402
from desktop_app.office.profile import OfficeProfile, Official, Unit, save_profile  # noqa: E402
from desktop_app.workspace import open_workspace  # noqa: E402
from tests.forms.conftest import fill, rkt_row  # noqa: E402

UNITS, ROWS = 30, 100


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
        save_profile(workspace.database, OfficeProfile(
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
                            lambda: import_forms(workspace.database, workspace.data_dir,
                                                 checks))
        plan, _ = timed("merge: plan from the database", lambda: merged_plan("rkt", 2027))
        timed(f"merge: workbook with {UNITS * ROWS} rows", lambda: merged_workbook(plan))
        timed(f"merge: PDF with {UNITS * ROWS} rows", lambda: merged_pdf(plan))
        print(f"\nexport + import of {UNITS} units: {export_s + check_s + import_s:.2f} s "
              "(target: seconds, not minutes)")
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
