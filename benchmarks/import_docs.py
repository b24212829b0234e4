"""Benchmark: reading the office's own SOP documents (Impor dokumen SOP) per page.

Run: .venv/bin/python benchmarks/import_docs.py. For every bundled template and a generated
40-step, 12-lane SOP, the Word and Excel files are built the way offices build them (symbols
as shapes over the lane cells; tests/sop_import/office_files.py, office_xlsx.py) and the PDF
is the sheet `pandu sop print` makes (F4). Building the files is not timed; reading each into
a draft is, best of three. Pages are the document's own pages as the reader counts them (a
workbook's sheet counts as one page, so its figure is per workbook).
Goal: under 0.5 s a page for DOCX and XLSX, under 1 s a page for PDF.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.sop import library  # noqa: E402
from desktop_app.sop.importing.reader import read_document, read_documents  # noqa: E402
from desktop_app.sop.printing import print_sop  # noqa: E402
from desktop_app.workspace import open_workspace  # noqa: E402
from tests.factories import generated_sop  # noqa: E402
from tests.sop_import.office_files import write_docx  # noqa: E402
from tests.sop_import.office_xlsx import write_xlsx  # noqa: E402

GOALS = {"docx": 0.5, "xlsx": 0.5, "pdf": 1.0}
REPEATS = 3


def best_read(path: Path) -> tuple[float, int]:
    best, pages = float("inf"), 1
    for _ in range(REPEATS):
        start = time.perf_counter()
        draft = read_document(path)
        best = min(best, time.perf_counter() - start)
        pages = max(draft.pages, 1)
    return best, pages


def main() -> int:
    worst = {kind: 0.0 for kind in GOALS}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = open_workspace(root / "data")
        sops = [(item.id, item.nama) for item in library.list_sops()]
        generated = generated_sop(40, 12, 6, seed=1, multi_lane=0)
        sops.append((library.add_sop(generated), "generated 40x12"))
        print(f"{'SOP':44} {'kind':5} {'pages':>5} {'total s':>8} {'s/page':>7}")
        for sop_id, name in sops:
            sop = library.get_sop(sop_id)
            files = {"docx": write_docx(sop, root / f"{sop_id}.docx", per_page=5),
                     "xlsx": write_xlsx(sop, root / f"{sop_id}.xlsx"),
                     "pdf": root / f"{sop_id}.pdf"}
            print_sop(sop_id, files["pdf"], "F4")
            for kind, path in files.items():
                seconds, pages = best_read(path)
                per_page = seconds / pages
                worst[kind] = max(worst[kind], per_page)
                print(f"{name[:44]:44} {kind:5} {pages:5d} {seconds:8.3f} {per_page:7.3f}")
        workspace.close()
    # the OCR text of a scanned form (seed 003: two SOPs, three pages each); no goal of its own
    scan = ROOT / "tests" / "sop_import" / "seeds" / "003_9b2ebff0e60484ce.txt"
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        drafts = read_documents(scan)
        best = min(best, time.perf_counter() - start)
    pages = sum(d.pages for d in drafts)
    print(f"{'seed 003, OCR scan, 2 SOP':44} {'txt':5} {pages:5d} {best:8.3f} "
          f"{best / pages:7.3f}")
    print()
    failed = False
    for kind, goal in GOALS.items():
        ok = worst[kind] < goal
        failed |= not ok
        print(f"{kind}: slowest {worst[kind]:.3f} s a page (goal under {goal} s) "
              f"{'ok' if ok else 'TOO SLOW'}")
    out = ROOT / "build" / "bench" / "import_docs.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps([{"kind": kind, "s_per_page": round(worst[kind], 3),
                                "goal_s_per_page": goal} for kind, goal in GOALS.items()],
                              indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
