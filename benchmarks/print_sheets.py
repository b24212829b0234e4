"""Benchmark: time to print each SOP template and a generated 40-step SOP (run: make bench).

Reports in-process rendering (layout + PDF) per SOP and per page, and the whole
`pandu sop print` command for a 16-step SOP, as a user would run it, beside its floor measured
in the same run: a bare reportlab process drawing the same pages with the same two fonts
(benchmarks/reportlab_floor.py). Writes build/bench/print_sheets.json.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.processes import process_env  # noqa: E402
from desktop_app.common.paths import fonts_dir, templates_dir  # noqa: E402
from desktop_app.flowchart.layout import layout_flowchart  # noqa: E402
from desktop_app.render.pdf.fonts import register_fonts, text_width_mm  # noqa: E402
from desktop_app.sop.printing import sop_sheet_pdf  # noqa: E402
from desktop_app.sop.sopfile import read_sop_file, write_sop_file  # noqa: E402
from desktop_app.workspace import open_workspace  # noqa: E402
from tests.factories import generated_sop  # noqa: E402

REPEAT = 5
FLOOR = Path(__file__).with_name("reportlab_floor.py")
PRINT_GOAL = 2.0  # issue 19: `sop print` within 2x the bare reportlab floor


def best_of(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = open_workspace(Path(tmp) / "data")
        register_fonts()
        sops = {p.name.split(".")[0]: read_sop_file(p)
                for p in sorted(templates_dir().glob("*.pandu-sop.toml"))}
        sops["generated-40-steps-8-lanes-5-decisions"] = generated_sop(40, 8, 5)
        print(f"{'SOP':45} {'paper':5} {'pages':>5} {'layout ms':>10} {'total ms':>9} "
              f"{'ms/page':>8}")
        per_page = []
        for name, sop in sops.items():
            for paper in ("F4", "A4"):
                pages = 1 + len(layout_flowchart(sop, paper, text_width_mm).pages)
                layout_s = best_of(lambda s=sop, p=paper: layout_flowchart(s, p, text_width_mm))
                total_s = best_of(lambda s=sop, p=paper: sop_sheet_pdf(s, p))
                per_page.append(total_s * 1000 / pages)
                print(f"{name[:45]:45} {paper:5} {pages:5} {layout_s * 1000:10.1f} "
                      f"{total_s * 1000:9.1f} {total_s * 1000 / pages:8.1f}")
        print(f"\nin-process rendering: median {statistics.median(per_page):.1f} ms/page, "
              f"worst {max(per_page):.1f} ms/page (target: under 50 ms/page)")
        sixteen = Path(tmp) / "sixteen.pandu-sop.toml"
        write_sop_file(generated_sop(16, 5, 2, seed=7), sixteen)
        workspace.close()
        data = ["--data-dir", str(Path(tmp) / "data")]
        out = subprocess.run([sys.executable, "-m", "desktop_app", *data, "sop", "import",
                              str(sixteen)], capture_output=True, text=True, check=True,
                             env=process_env())
        sop_id = out.stdout.strip()
        command = [sys.executable, "-m", "desktop_app", *data, "sop", "print", sop_id,
                   "-o", str(Path(tmp) / "out.pdf")]
        elapsed = best_of(lambda: subprocess.run(command, check=True, env=process_env()), repeat=3)
        pages = floor_spec(Path(tmp) / "out.pdf", Path(tmp) / "floor.json")
        floor = [sys.executable, str(FLOOR), str(Path(tmp) / "floor.json"),
                 str(Path(tmp) / "floor.pdf")]
        bare = best_of(lambda: subprocess.run(floor, check=True, env=process_env()), repeat=3)
        ratio = elapsed / bare
        verdict = "ya" if ratio <= PRINT_GOAL else "BELUM"
        print(f"`pandu sop print` of a 16-step SOP ({pages} pages), whole command: "
              f"{elapsed * 1000:.0f} ms; bare reportlab drawing the same pages with the same "
              f"two fonts: {bare * 1000:.0f} ms; ratio {ratio:.1f}x (goal <= {PRINT_GOAL}x: "
              f"{verdict})")
        out = ROOT / "build" / "bench" / "print_sheets.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"sop_print_s": round(elapsed, 3), "floor_s": round(bare, 3),
                                   "ratio": round(ratio, 2), "goal_ratio": PRINT_GOAL,
                                   "median_ms_per_page": round(statistics.median(per_page), 1),
                                   "worst_ms_per_page": round(max(per_page), 1)}, indent=2))
    return 0


def floor_spec(pdf: Path, target: Path) -> int:
    """What the floor process draws: every word, line and box of `pdf`, page by page."""
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            height = float(page.height)
            words = [[w["text"], float(w["x0"]), height - float(w["bottom"]) + 1,
                      round(float(w["size"]), 1), "Bold" in w["fontname"]]
                     for w in page.extract_words(extra_attrs=["size", "fontname"])]
            lines = [[float(ln["x0"]), height - float(ln["top"]), float(ln["x1"]),
                      height - float(ln["bottom"])] for ln in page.lines]
            rects = [[float(r["x0"]), height - float(r["bottom"]), float(r["width"]),
                      float(r["height"])] for r in page.rects]
            pages.append({"width": float(page.width), "height": height, "words": words,
                          "lines": lines, "rects": rects})
    fonts = {"R": str(fonts_dir() / "LiberationSans-Regular.ttf"),
             "B": str(fonts_dir() / "LiberationSans-Bold.ttf")}
    target.write_text(json.dumps({"fonts": fonts, "pages": pages}), encoding="utf-8")
    return len(pages)


if __name__ == "__main__":
    sys.exit(main())
